"""Nothing lost silently: odd bytes, odd line breaks, odd nesting and blocks that never close.

The golden cases are in fixtures/lossless.md; here are the inputs a fixture file cannot hold
(CR line ends, NUL bytes, invalid UTF-8) and properties over generated input.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlsys_graph.ingest import parse_paths, parse_text
from mlsys_graph.ingest.parser import MAX_LEVEL
from mlsys_graph.ingest.sources import read_sources

# Characters that str.splitlines() breaks at but markdown does not.
NOT_LINE_BREAKS = {
    "U+2028": "\u2028",
    "U+2029": "\u2029",
    "form-feed": "\f",
    "vertical-tab": "\v",
    "NEL": "\x85",
    "U+001C": "\x1c",
}
NEWLINES = {
    "LF": ["\n"],
    "CRLF": ["\r\n"],
    "CR": ["\r"],
    "mixed": ["\n", "\r\n", "\r", "\r\n"],
}


def _list(odd: str, newlines: list[str]) -> tuple[str, list[str]]:
    """A list whose second entry holds ``odd`` twice, and its lines."""
    lines = [
        "## Tools",
        "- Tarn: fast [[GitHub]](https://github.com/acme/tarn)",
        f"- Fjord{odd}: pipelines [[GitHub]](https://github.com/acme/fjord)",
        f"  - Summary: built on{odd}Tarn",
        "- Gale: graphs [[GitHub]](https://github.com/acme/gale)",
        "  - Summary: the last entry",
    ]
    text = "".join(line + newlines[i % len(newlines)] for i, line in enumerate(lines))
    return text, lines


@pytest.mark.parametrize("newline", NEWLINES, ids=list(NEWLINES))
@pytest.mark.parametrize("odd", NOT_LINE_BREAKS, ids=list(NOT_LINE_BREAKS))
def test_source_text_is_taken_by_markdown_line_numbers(odd, newline, tmp_path):
    text, lines = _list(NOT_LINE_BREAKS[odd], NEWLINES[newline])
    path = tmp_path / "l.md"
    path.write_bytes(text.encode("utf-8"))
    for result in (parse_text(text, "l.md"), parse_paths([str(path)])):
        got = [(e.line, e.raw, e.summary_line, e.summary_raw) for e in result.entries]
        assert got == [
            (2, lines[1], None, ""),
            (3, lines[2], 4, lines[3]),
            (5, lines[4], 6, lines[5]),
        ]
        assert [e.title for e in result.entries] == [
            "Tarn: fast",
            "Fjord : pipelines",
            "Gale: graphs",
        ]
        problems = [(p.line, p.code) for p in result.problems]
        assert problems == [(3, "control-character"), (4, "control-character")]


def test_a_stray_nul_is_read_as_u_fffd_and_reported(tmp_path):
    path = tmp_path / "l.md"
    path.write_bytes(
        b"## Tools\n- Tarn\x00: fast [[GitHub]](https://github.com/acme/tarn)\n"
        b"- Gale: graphs [[GitHub]](https://github.com/acme/gale)\n"
    )
    result = parse_paths([str(path)])
    assert [(e.line, e.title, e.github) for e in result.entries] == [
        (2, "Tarn\ufffd: fast", "acme/tarn"),
        (3, "Gale: graphs", "acme/gale"),
    ]
    assert result.entries[0].raw == "- Tarn\ufffd: fast [[GitHub]](https://github.com/acme/tarn)"
    assert [str(p) for p in result.problems] == [
        f"{path}:2: warning: control character U+0000 (NUL) in the text: NUL is read as U+FFFD "
        "(remove it) [control-character]"
    ]


def test_invalid_utf8_keeps_the_exact_line(tmp_path):
    path = tmp_path / "l.md"
    path.write_bytes(
        b"## Tools\n- Tarn: fast [[GitHub]](https://github.com/acme/tarn)\n"
        + "- Café: Latin-1 here [[GitHub]](https://github.com/acme/cafe)\n".encode("latin-1")
        + b"- Gale: bad \xf0\x9f twice \xc3 [[GitHub]](https://github.com/acme/gale)\n"
        + "- Été: fine again [[GitHub]](https://github.com/acme/ete)\n".encode()
    )
    result = parse_paths([str(path)])
    assert [(e.line, e.title) for e in result.entries] == [
        (2, "Tarn: fast"),
        (3, "Caf\ufffd: Latin-1 here"),
        (4, "Gale: bad \ufffd\ufffd twice \ufffd"),
        (5, "Été: fine again"),
    ]
    problems = [
        (p.line, p.code, p.message.split(" are ")[0].split(" is ")[0]) for p in result.problems
    ]
    assert problems == [(3, "invalid-utf8", "byte 0xE9"), (4, "invalid-utf8", "bytes 0xF0 0x9F")]


def test_a_text_file_with_a_few_bad_bytes_is_text(tmp_path):
    path = tmp_path / "l.md"
    path.write_bytes(b"\x01\x02\x03\x00 - Tarn [[GitHub]](https://github.com/acme/tarn)\n" * 2)
    assert [s.text.count("\x00") for s in read_sources([str(path)])] == [2]


# --- source names ---------------------------------------------------------------------------


def _names(paths, stdin=None):
    return [s.name for s in read_sources([str(p) for p in paths], stdin=stdin)]


def test_two_readmes_are_told_apart_by_their_folders(tmp_path):
    for sub in ("x/a", "y/a", "z"):
        (tmp_path / sub).mkdir(parents=True)
        (tmp_path / sub / "README.md").write_text("- A [a](https://a.org)\n")
    assert _names([tmp_path / "x/a/README.md", tmp_path / "y/a/README.md"]) == [
        "x/a/README.md",
        "y/a/README.md",
    ]
    assert _names([tmp_path / "x/a/README.md", tmp_path / "z/README.md"]) == [
        "a/README.md",
        "z/README.md",
    ]
    # Names that differ in case only are kept (their document ids are told apart by a hash).
    (tmp_path / "z" / "readme.md").write_text("- B [b](https://b.org)\n")
    assert _names([tmp_path / "z/README.md", tmp_path / "z/readme.md"]) == [
        "README.md",
        "readme.md",
    ]


def test_names_in_directories_and_repeated_inputs(tmp_path):
    for sub in ("one", "two"):
        (tmp_path / sub / "topics").mkdir(parents=True)
        (tmp_path / sub / "README.md").write_text("# L\n")
        (tmp_path / sub / "topics" / "serving.md").write_text("# S\n")
    assert _names([tmp_path / "one"]) == ["README.md", "topics/serving.md"]
    assert _names([tmp_path / "one", tmp_path / "two"]) == [
        "one/README.md",
        "one/topics/serving.md",
        "two/README.md",
        "two/topics/serving.md",
    ]
    # A file given twice, or also inside a directory given, is read once.
    assert _names([tmp_path / "one", tmp_path / "one" / "README.md", tmp_path / "one"]) == [
        "README.md",
        "topics/serving.md",
    ]


def test_stdin_keeps_its_name_and_is_read_once(tmp_path):
    import io

    (tmp_path / "stdin.md").write_text("# L\n")
    stdin = io.BytesIO(b"- A [a](https://a.org)\n")
    assert _names(["-", tmp_path / "stdin.md", "-"], stdin=stdin) == [
        "stdin.md",
        f"{tmp_path.name}/stdin.md",
    ]


# --- properties -----------------------------------------------------------------------------

_PIECES = (
    "```", "~~~~", "<!--", "-->", "<pre>", "</pre>", "<?x", "<!X", "<![CDATA[", "<details>",
    "<div>", "<img src=x>", "> ", "- ", "  - ", "1. ", "    ", "\t", "# ", "[x]: https://x.org",
    "\n", "\n", "\n", "text", "[", "](", ")", "*", "`", "\u2028", "\f", "\v", "\x00", "\x85",
    "\r", "|", "---", "===",
)  # fmt: skip
_JUNK = st.lists(st.sampled_from(_PIECES), max_size=40)
SENTINEL = "- Zzyzx: the sentinel [[GitHub]](https://github.com/sentinel/zzyzx)\n"


@settings(max_examples=300, deadline=None)
@given(_JUNK)
def test_an_entry_after_any_junk_and_a_blank_line_is_read(pieces):
    text = "".join(pieces) + "\n\n" + SENTINEL
    result = parse_text(text, "l.md")
    last = text.replace("\r\n", "\n").replace("\r", "\n").count("\n")
    assert [e for e in result.entries if e.line == last and e.github == "sentinel/zzyzx"], text


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=0, max_value=3 * MAX_LEVEL // 2), st.sampled_from(["- ", "> "]))
def test_any_depth_loses_no_entry(depth, marker):
    if marker == "- ":
        stairs = "".join(
            "  " * i + f"- E{i}: step [[GitHub]](https://github.com/s/e{i})\n" for i in range(depth)
        )
        expected = depth + 1
        too_deep = depth > MAX_LEVEL // 2
    else:
        stairs = "> " * depth + "- Quoted: deep [[GitHub]](https://github.com/s/q)\n\n"
        expected = 2
        too_deep = depth >= MAX_LEVEL
    result = parse_text(stairs + "- After: all [[GitHub]](https://github.com/s/after)\n", "l.md")
    assert len(result.entries) == expected
    assert result.entries[-1].github == "s/after" and result.entries[-1].parent is None
    assert ("too-deep" in {p.code for p in result.problems}) == too_deep
