"""Property tests: random markdown never makes the parser raise."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mlsys_graph.ingest import parse_text

_PIECES = st.sampled_from(
    [
        "## ",
        "### ",
        "# ",
        "- ",
        "  - ",
        "    - ",
        "* ",
        "1. ",
        "\n",
        "\n\n",
        "[",
        "]",
        "(",
        ")",
        "[[GitHub]]",
        "(https://github.com/a/b)",
        "(*NSDI 2017*)",
        "et al.",
        ", ",
        " and ",
        "Summary:",
        "```",
        "`",
        "*",
        "_",
        "{",
        "}",
        "\\",
        "<",
        ">",
        "：",
        "\u200a",
        "'",
        '"',
        "Crankshaw, Daniel",
        "SysML2019",
        "arXiv:1811.06965",
        "()",
        "[x]()",
        "![i](p)",
        "Clipper",
        "update version of ",
        "|",
        "---",
        "> ",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=60))
def test_no_exception_escapes(pieces):
    result = parse_text("".join(pieces), "fuzz.md")
    for entry in result.entries:
        assert entry.line >= 1 and entry.end_line >= entry.line
        assert entry.kind in (
            "paper",
            "software",
            "book",
            "video",
            "course",
            "blog",
            "website",
            "thesis",
            "other",
        )
    for problem in result.problems:
        assert problem.level in ("error", "warning", "info")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text(text):
    parse_text(text, "fuzz.md")
