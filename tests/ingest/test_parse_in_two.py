"""A long text parsed in two parts (on two CPUs) reads exactly as the text parsed whole.

The property: for every line the text may be cut at (:func:`~.parser.cuts`), either
:func:`~.parser.parse_before` refuses it, or the tokens and problems of the two parts joined
are those of the whole text, and the :class:`~.markdown.Document` read from them (items,
lines, sections, links, problems, in order) is the one read from the whole.
"""

from __future__ import annotations

import pickle

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from conftest import SEED_LIST
from mlsys_graph import forked
from mlsys_graph.ingest import markdown
from mlsys_graph.ingest.parser import (
    Cut,
    _problems,
    cuts,
    find_cut,
    parse,
    parse_after,
    parse_before,
    parser,
)


class _Here:
    """A stand-in for a forked child: runs at once, its value sent through pickle."""

    def __init__(self, fn, args) -> None:
        self._value = pickle.loads(pickle.dumps(fn(*args)))

    def result(self):
        return self._value


@pytest.fixture
def here(monkeypatch):
    """Parse the first part in this process (as fast as a test needs), through pickle."""
    calls = []
    monkeypatch.setattr(forked, "start", lambda fn, *args: calls.append(fn) or _Here(fn, args))
    return calls


def _joined(cut: Cut):
    """Tokens and problems of the two parts joined, or None when the cut is refused."""
    before = parse_before(cut)
    if before is None:
        return None
    after = parse_after(cut)
    return before[0] + after[0], before[1] + after[1]


def _check_every_cut(text: str) -> list[Cut]:
    """Assert the property at every cut of ``text``; the cuts taken."""
    whole = parse(text)
    one = markdown._read(text, "l.md", None)
    taken = []
    for cut in cuts(text):
        joined = _joined(cut)
        if joined is not None:
            taken.append(cut)
            assert joined[0] == whole[0], f"tokens differ, cut at line {cut.line + 1}"
            assert joined[1] == whole[1], f"problems differ, cut at line {cut.line + 1}"
        assert markdown._read(text, "l.md", cut) == one, f"cut at line {cut.line + 1}"
    return taken


_HEADINGS = [
    "# Awesome",
    "# Blog",
    "## Serving",
    "### Inference",
    "#### Tarn: A Paper",
    "###### Six",
]
_LINES = [
    *_HEADINGS,
    "Setext title",
    "===",
    "Setext section",
    "---",
    "- Tarn: fast [[GitHub]](https://github.com/acme/tarn)",
    "- [Paper A](https://arxiv.org/abs/1901.00001). Ada Lovelace. NSDI 2019",
    "  - Summary: successor of Kiln",
    "  - Ada Lovelace, Alan Turing. (*OSDI 2018*)",
    "    - deeper [x](https://e.org/x)",
    "1. ordered [y](https://e.org/y)",
    "  continued on a second line",
    "lazy continuation [z](https://e.org/z)",
    "**OSDI 2024**",
    "**Authors:** Ada Lovelace",
    "**Venue:** NSDI 2020",
    "**Link:** [pdf](https://e.org/p.pdf)",
    "See [a stray link](https://e.org/s) here",
    "```",
    "```python",
    "````",
    "~~~",
    "  ```",
    "<!-- a comment",
    "-->",
    "<!-- closed -->",
    "<pre>",
    "</pre>",
    "<script>",
    "</script>",
    "<details>",
    "<summary>2024</summary>",
    "</details>",
    "<div>",
    "<?php",
    "?>",
    "| Title | Link |",
    "|---|---|",
    "| Kiln | [paper](https://e.org/kiln) |",
    "| Name | Other |",
    "> a note",
    "> - quoted note",
    "- uses [the ref][ref] and [ref]",
    "    indented code",
    "- ctrl\x0bvt\x0cff\x00nul\x1besc",
    "- sep\u2028line\x85nel",
    "* [ ] task",
    "***",
]
_BLANK = st.sampled_from(["", "", "  ", "\t"])


@st.composite
def _deep(draw) -> str:
    """A bullet nested ``n`` deep (past the parser's nesting guard at 32)."""
    n = draw(st.integers(2, 36))
    return "\n".join("  " * k + f"- level {k} [l](https://e.org/{k})" for k in range(n))


_CUT_HEADING = st.sampled_from(_HEADINGS).map(lambda h: f"\n{h}")  # after a blank line
_BLOCK = st.one_of(
    *[st.sampled_from(_LINES)] * 6,
    *[_BLANK] * 2,
    *[_CUT_HEADING] * 3,
    _deep(),
)
_NEWLINE = st.sampled_from(["\n"] * 8 + ["\r\n", "\r"])


@st.composite
def _documents(draw) -> str:
    blocks = draw(st.lists(_BLOCK, min_size=1, max_size=40))
    if draw(st.integers(0, 7)) == 0:  # no text that may define a reference is cut: rarely
        blocks.insert(draw(st.integers(0, len(blocks))), "[ref]: https://e.org/ref")
    text = ""
    for block in blocks:
        for line in block.split("\n"):
            text += line + draw(_NEWLINE)
    return text if draw(st.booleans()) else text.rstrip("\r\n")


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(_documents())
def test_every_cut_reads_as_the_whole(here, text):
    taken = _check_every_cut(text)
    event(f"cuts taken: {min(len(taken), 3)}")
    event(f"cuts refused: {min(len(cuts(text)) - len(taken), 3)}")


def test_the_seed_cut_anywhere_reads_as_the_whole(here, seed_list):
    text = seed_list.read_text(encoding="utf-8")
    taken = _check_every_cut(text)
    assert len(taken) > 10 and len(taken) == len(cuts(text))


SECTION = """## Section {n}

- Tarn{n}: fast serving [[GitHub]](https://github.com/acme/tarn{n})
  - Ada Lovelace, Alan Turing. (*OSDI 2018*)
  - Summary: successor of Kiln
- [Paper {n}](https://arxiv.org/abs/1901.0000{n}). Ada Lovelace. NSDI 2019

"""


def _sections(*middle: str, n: int = 6) -> str:
    """Sections 0..n-1 with ``middle`` (lines) between section 2 and section 3."""
    head = "".join(SECTION.format(n=k) for k in range(3))
    tail = "".join(SECTION.format(n=k) for k in range(3, n))
    return head + "".join(line + "\n" for line in middle) + "\n" + tail


def _cut_before(text: str, heading: str) -> Cut:
    (cut,) = [c for c in cuts(text) if c.src[c.offset :].startswith(heading + "\n")]
    return cut


# Each condition that refuses a cut, and a cut that would go wrong without it.


def test_a_text_that_may_define_a_reference_is_never_cut():
    text = _sections("- a paper [[Paper]][pdf]") + "[pdf]: https://e.org/p.pdf\n"
    assert cuts(text) == [] and find_cut(text, 0.5, 0.0, 1.0) is None
    # Why: the definition after a cut changes the inline reading before it.
    bare = Cut(text, text.count("\n", 0, text.index("## Section 3")), text.index("## Section 3"))
    assert _joined(bare) != parse(text)


def test_only_a_heading_at_column_0_after_a_blank_line_is_a_cut():
    text = "# T\n\ntext\n## not after a blank\n\n ## indented\n\n#hashtag\n\n## Yes\n- a\n"
    assert [c.line for c in cuts(text)] == [9]
    assert [c.line for c in cuts("# T\r\n \r\n## A\r\r\t\r### B\n")] == [2, 5]


@pytest.mark.parametrize(
    ("middle", "wrong"),
    [
        (["```", "code", "", "## Section 9", "```"], True),  # a fence across the cut
        (["~~~", "never closed"], True),  # an unclosed fence: reported up to the text's end
        (["<!-- a comment", "", "## Section 9", "-->"], True),
        (["<!-- never closed"], True),
        (["<pre>", "", "## Section 9", "</pre>"], True),
        (["<script>", "never closed"], True),
        # Refused though the parts would do: the scan of the item's fence reached the cut.
        (["- item", "  ```", "  an unclosed fence in the last item before the cut"], False),
    ],
    ids=["fence", "unclosed-fence", "comment", "unclosed-comment", "pre", "script", "in-item"],
)
def test_a_block_that_reaches_the_cut_refuses_it(here, middle, wrong):
    text = _sections(*middle)
    cut = _cut_before(text, "## Section 9" if "## Section 9" in middle else "## Section 3")
    assert parse_before(cut) is None
    assert markdown._read(text, "l.md", cut) == markdown._read(text, "l.md", None)
    # Why: the parts, joined regardless, are not the whole.
    env: dict = {}
    before = parser().parse(cut.src[: cut.offset], env)
    after = parse_after(cut)
    assert ((before + after[0], _problems(env) + after[1]) != parse(text)) is wrong


@pytest.mark.parametrize(
    "middle",
    [
        ["```", "closed", "```"],
        ["<!-- closed", "", "over lines -->"],
        ["<details>", "<summary>2024</summary>", "", "- grouped [g](https://e.org/g)"],
        ["Setext heading", "==="],
        ["#### Paper: A Title", "**Authors:** Ada Lovelace", "**Venue:** NSDI 2020"],
        ["| Title | Link |", "|---|---|", "| Kiln | [paper](https://e.org/kiln) |"],
        ["- item", "  ```", "  unclosed in an item", "", "- next item"],
        ["  " * k + "- deep" for k in range(40)],
    ],
    ids=["fence", "comment", "details", "setext", "heading-paper", "table", "item", "deep"],
)
def test_what_ends_before_the_cut_lets_it_be_taken(here, middle):
    text = _sections(*middle)
    assert _cut_before(text, "## Section 3") in _check_every_cut(text)


def test_a_quote_after_the_cut_is_the_notes_of_the_bullet_before_it(here):
    text = _sections("## Notes", "", "> - quoted note of the paper above")
    cut = _cut_before(text, "## Notes")
    assert cut in _check_every_cut(text)
    (owner,) = [
        item
        for item in markdown._read(text, "l.md", cut).items
        if any(c.text == "quoted note of the paper above" for c in item.children)
    ]
    assert owner.source.startswith("[Paper 2]") and owner.line < cut.line


def test_the_heading_context_goes_on_past_the_cut(here):
    text = "# Title\n\nSetext\n------\n\n### Sub\n\n- a [x](https://e.org/a)\n\n#### Deeper\n- b\n"
    cut = _cut_before(text, "#### Deeper")
    doc = markdown._read(text, "l.md", cut)
    assert doc == markdown._read(text, "l.md", None)
    assert doc.items[-1].headings == ((1, "Title"), (2, "Setext"), (3, "Sub"), (4, "Deeper"))


def test_the_section_level_is_found_from_both_parts(here):
    # Before the cut one H1 holds entries (## would be the section level); the whole has two.
    text = "# Papers\n\n## Serving\n- [Tarn](https://e.org/t)\n\n# Blog\n- [Why](https://e.org/w)\n"
    cut = _cut_before(text, "# Blog")
    assert cut in _check_every_cut(text)
    doc = markdown._read(text, "l.md", cut)
    assert [(i.section, i.subsection) for i in doc.items] == [("Papers", "Serving"), ("Blog", None)]
    assert doc.items[0].headings == ((2, "Papers"), (3, "Serving"))


def test_a_long_text_is_cut_near_the_share_asked(monkeypatch):
    text = _sections(n=40)
    cut = find_cut(text, 0.42, 0.2, 0.55)
    assert cut is not None and cut in cuts(text)
    assert all(
        abs(c.offset / len(text) - 0.42) >= abs(cut.offset / len(text) - 0.42)
        for c in cuts(text)
        if 0.2 <= c.offset / len(text) <= 0.55
    )
    late = "# T\n\n" + "- an item\n" * 100 + "\n## Late\n- x\n"
    assert cuts(late) and find_cut(late, 0.42, 0.2, 0.55) is None  # no cut in the window


# Through read_structure: the threshold, a real fork, no fork, a failed child.


def _count_starts(monkeypatch) -> list:
    calls = []
    start = forked.start
    monkeypatch.setattr(forked, "start", lambda fn, *a: calls.append(fn) or start(fn, *a))
    return calls


def test_a_long_text_is_parsed_in_two_by_a_forked_process(monkeypatch):
    text = _sections("```", "code", "```", n=30)
    one = markdown._read(text, "l.md", None)
    calls = _count_starts(monkeypatch)
    monkeypatch.setattr(markdown, "PARALLEL_MIN_CHARS", len(text))
    assert markdown.read_structure(text, "l.md") == one
    assert calls == [markdown._read_before] or forked.available_cpus() < 2


def test_a_short_text_is_parsed_in_one_piece(monkeypatch):
    text = _sections(n=30)
    calls = _count_starts(monkeypatch)
    monkeypatch.setattr(markdown, "PARALLEL_MIN_CHARS", len(text) + 1)
    markdown.read_structure(text, "l.md")
    assert calls == []


def test_without_fork_it_is_parsed_in_one_piece(monkeypatch):
    monkeypatch.setattr(forked, "available_cpus", lambda: 1)
    text = _sections(n=30)
    one = markdown._read(text, "l.md", None)
    monkeypatch.setattr(markdown, "PARALLEL_MIN_CHARS", 0)
    assert markdown.read_structure(text, "l.md") == one


def test_a_failed_child_means_one_piece(monkeypatch):
    start = forked.start
    monkeypatch.setattr(forked, "start", lambda fn, *a: start(lambda: 1 / 0))
    text = _sections(n=30)
    one = markdown._read(text, "l.md", None)
    monkeypatch.setattr(markdown, "PARALLEL_MIN_CHARS", 0)
    assert markdown.read_structure(text, "l.md") == one


@pytest.mark.skipif(not SEED_LIST.is_file(), reason="../shared/seeds is absent")
def test_the_seed_parsed_in_two_by_a_forked_process(monkeypatch):
    text = SEED_LIST.read_text(encoding="utf-8")
    one = markdown._read(text, str(SEED_LIST), None)
    monkeypatch.setattr(markdown, "PARALLEL_MIN_CHARS", 0)
    assert markdown.read_structure(text, str(SEED_LIST)) == one
