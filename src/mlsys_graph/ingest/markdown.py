"""The structure of an awesome list: headings, bullets, nesting, continuation lines, links.

markdown-it-py gives block tokens with 0-based ``[begin, end)`` line maps; they become
1-based inclusive lines here and only here.  The result is a tree of :class:`Item` drafts
(one per list bullet, nested bullets as children) plus :class:`Problem` records for links
that stand outside any bullet.

>>> doc = read_structure("## Serving\\n- Clipper [[Paper]](https://x.org/c.pdf)\\n  - Summary: fast\\n", "l.md")
>>> item = doc.items[0]
>>> (item.line, item.last_line, item.section, item.text, [l.url for l in item.links])
(2, 3, 'Serving', 'Clipper', ['https://x.org/c.pdf'])
>>> [(c.line, c.text) for c in item.children]
[(3, 'Summary: fast')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from ..model import Link, Problem, reduce_by_fields
from .fields import PAPER_FIELDS, field_line, title_columns
from .lines import control_problems, split_lines
from .links import clean_label
from .parser import Cut, find_cut, parse, parse_after, parse_before

__all__ = [
    "GROUP_LEVEL",
    "PARALLEL_MIN_CHARS",
    "Cell",
    "Document",
    "Item",
    "Segment",
    "is_matter_text",
    "is_toc_item",
    "read_structure",
]

_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
# Control characters that are not white space (\s covers VT, FF, U+001C-U+001F, NEL, U+2028/9).
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")


def fold_spaces(text: str) -> str:
    """Collapse every kind of white space (hair, thin, no-break, ideographic, form feed, line
    separator) to one space and drop other control characters (reported by ingest.lines).

    >>> fold_spaces("Ply:\\x0c folds\\u2028 layers\\x1b[31m")
    'Ply: folds layers[31m'
    """
    if _CONTROLS.search(text):
        text = _CONTROLS.sub("", text)
    # str.split() splits at exactly the white space of _SPACES but the zero-width space.
    return " ".join(text.replace("\u200b", " ").split())


@dataclass(frozen=True, slots=True)
class Segment:
    """One piece of a bullet's inline text: plain text, or a link; ``image`` is an image in
    the text or inside the link (a badge), as ``Link(alt text, source URL)``."""

    text: str
    link: Link | None = None
    image: Link | None = None

    __reduce__ = reduce_by_fields


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell of a table row: the header of its column, its segments and its source."""

    header: str
    segments: tuple[Segment, ...]
    source: str

    __reduce__ = reduce_by_fields

    @property
    def text(self) -> str:
        return fold_spaces("".join(s.text for s in self.segments if s.link is None))


@dataclass(frozen=True, slots=True)
class Item:
    """One list bullet, before interpretation."""

    path: str
    line: int
    #: Last line of the bullet's own paragraph (continuation lines included).
    end_line: int
    depth: int
    #: The enclosing section and subsection headings: ``##`` and ``###`` in most lists, the
    #: levels a list uses for them otherwise (:func:`_section_levels`).
    section: str | None
    subsection: str | None
    #: Headings that enclose the bullet, outermost first (``(level, text)``), at logical
    #: levels: ``2`` the section, ``3`` the subsection, deeper ones after, ``1`` any above
    #: the section (a title), :data:`GROUP_LEVEL` a group (:func:`_logical_levels`).
    headings: tuple[tuple[int, str], ...]
    #: The bullet's first paragraph as segments (text and links, in order).
    segments: tuple[Segment, ...]
    #: The paragraph's markdown source, lines joined with a space (emphasis kept).
    source: str
    #: The raw text of the bullet's first source line.
    raw: str
    children: tuple[Item, ...] = ()
    #: Extra paragraphs of the item (loose lists), as plain text.
    extra: tuple[str, ...] = field(default=())
    #: A table row's cells, in column order (empty for a bullet).
    cells: tuple[Cell, ...] = field(default=())
    #: How the item is written: ``bullet``, ``row`` (a table row) or ``heading`` (a paper
    #: given as a heading, its field lines as children).
    form: str = "bullet"

    __reduce__ = reduce_by_fields

    @property
    def text(self) -> str:
        """Plain text of the paragraph with link labels dropped."""
        return fold_spaces("".join(s.text for s in self.segments if s.link is None))

    @property
    def before_first_link(self) -> str:
        """Plain text before the first link."""
        parts: list[str] = []
        for segment in self.segments:
            if segment.link is not None:
                break
            parts.append(segment.text)
        return fold_spaces("".join(parts))

    @property
    def after_links(self) -> str:
        """Plain text after the first link, link labels dropped."""
        parts: list[str] = []
        seen = False
        for segment in self.segments:
            if segment.link is not None:
                seen = True
            elif seen:
                parts.append(segment.text)
        return fold_spaces("".join(parts))

    @property
    def links(self) -> tuple[Link, ...]:
        return tuple(s.link for s in self.segments if s.link is not None)

    @property
    def last_line(self) -> int:
        """Last line of the bullet including every nested bullet."""
        return max([self.end_line, *(c.last_line for c in self.children)])


@dataclass(frozen=True, slots=True)
class Document:
    path: str
    items: tuple[Item, ...]
    problems: tuple[Problem, ...]


def _inline_segments(inline) -> tuple[tuple[Segment, ...], bool]:
    """Segments of an inline token; the flag says whether an image was inside a link."""
    segments: list[Segment] = []
    children = inline.children or []
    i = 0
    image_link = False
    while i < len(children):
        tok = children[i]
        if tok.type == "link_open":
            href = str(tok.attrs.get("href", ""))
            label_parts: list[str] = []
            image = None
            depth = 1
            i += 1
            while i < len(children) and depth:
                inner = children[i]
                if inner.type == "link_open":
                    depth += 1
                elif inner.type == "link_close":
                    depth -= 1
                elif inner.type == "image":
                    image_link = True
                    image = image or Link(inner.content, str(inner.attrs.get("src", "")))
                elif inner.type in ("text", "code_inline", "html_inline"):
                    label_parts.append(inner.content)
                elif inner.type in ("softbreak", "hardbreak"):
                    label_parts.append(" ")
                i += 1
            segments.append(Segment("", Link(clean_label("".join(label_parts)), href), image))
            continue
        if tok.type in ("text", "code_inline", "html_inline"):
            segments.append(Segment(tok.content))
        elif tok.type in ("softbreak", "hardbreak"):
            segments.append(Segment("\n"))
        elif tok.type == "image":
            segments.append(Segment("", image=Link(tok.content, str(tok.attrs.get("src", "")))))
        i += 1
    if "[" in inline.content:
        _unframe(segments)
    return tuple(segments), image_link


def _unframe(segments: list[Segment]) -> None:
    """Drop the brackets a link is framed in (``Title [[paper](url)]``, ``[[ICML](url)]
    Title``): they mark the link as a tag, they are no text of the title before it or of
    the text after it.

    >>> doc = read_structure("- Tarn Six [[paper](https://e.org/t.pdf)] [[code](u)]", "x.md")
    >>> doc.items[0].before_first_link, doc.items[0].text
    ('Tarn Six', 'Tarn Six')
    >>> read_structure("- Pike [see [notes](https://e.org/n) here]", "x.md").items[0].text
    'Pike [see here]'
    """
    for i in range(1, len(segments) - 1):
        link, before, after = segments[i], segments[i - 1], segments[i + 1]
        if (
            link.link is not None
            and before.link is None
            and after.link is None
            and before.image is None
            and after.image is None
            and before.text.endswith("[")
            and after.text.startswith("]")
        ):
            segments[i - 1] = Segment(before.text[:-1])
            segments[i + 1] = Segment(after.text[1:])


_EMPTY_BRACKETS = re.compile(r"[(（\[]\s*[)）\]]")
# An HTML anchor (``<a id="serving"></a>``): a target for links, nothing a reader sees.
_ANCHOR_TAG = re.compile(r"(?i)</?a(?:\s[^>]*)?>")


def _heading_text(content: str, segments: tuple[Segment, ...]) -> str:
    """A heading's text as a reader sees it: a link shows its label; a link to an anchor
    of the page (``[back to top](#contents)``) and an HTML anchor show nothing, unless the
    heading is nothing else. Other inline HTML is kept as the list wrote it.

    >>> text = "## Serving ([back](#contents)) <a id='s'></a> [Tarn](https://e.org)\\n- [Pike](u)"
    >>> read_structure(text, "x.md").items[0].section
    'Serving Tarn'
    """
    if "](" not in content and "<" not in content:
        return fold_spaces(content)

    def shown(anchors: bool) -> str:
        parts = []
        for segment in segments:
            if segment.link is not None:
                if anchors or not segment.link.url.startswith("#"):
                    parts.append(segment.link.label)
            elif not _ANCHOR_TAG.fullmatch(segment.text.strip()):
                parts.append(segment.text)
        return fold_spaces(_EMPTY_BRACKETS.sub(" ", "".join(parts)))

    # "## [Models](#contents)": a heading that is all an anchor link is its label
    return shown(anchors=False) or shown(anchors=True)


#: The level of a grouping that is no heading: a ``<details><summary>2024</summary>`` block
#: or a bold line standing alone (``**OSDI 2024**``); deeper than any heading, so any heading
#: ends it, and it never becomes ``section`` or ``subsection``.
GROUP_LEVEL = 7
_SUMMARY_TAG = re.compile(r"<summary[^>]*>(.*?)</summary>", re.I | re.S)
_TAGS = re.compile(r"<[^>]+>")


def _bold_only(inline) -> str | None:
    """The text of a paragraph that is one bold phrase alone (``**2026**``), else None."""
    parts: list[str] = []
    depth = seen = 0
    for tok in inline.children or []:
        if tok.type == "strong_open":
            depth += 1
            seen += 1
        elif tok.type == "strong_close":
            depth -= 1
        elif tok.type == "text" and depth:
            parts.append(tok.content)
        elif tok.type == "text" and not tok.content.strip():
            continue
        else:
            return None
    text = fold_spaces("".join(parts))
    if seen != 1 or not text or len(text.split()) > 6 or text.endswith((":", "：")):
        return None
    return text


def _line_segments(segments: tuple[Segment, ...]) -> list[tuple[Segment, ...]]:
    """A paragraph's segments split at its line breaks."""
    lines: list[list[Segment]] = [[]]
    for segment in segments:
        if segment.link is None and segment.image is None and "\n" in segment.text:
            head, *rest = segment.text.split("\n")
            lines[-1].append(Segment(head))
            for part in rest:
                lines.append([Segment(part)])
        else:
            lines[-1].append(segment)
    return [tuple(line) for line in lines]


#: The token types :func:`read_structure` acts on; every other one it steps over.
_READ_TYPES = frozenset(
    {
        "heading_open", "heading_close", "inline", "html_block", "table_open", "thead_open",
        "thead_close", "tr_open", "tr_close", "table_close", "blockquote_open",
        "blockquote_close", "list_item_open", "list_item_close",
    }
)  # fmt: skip


#: A text of at least this many characters (a list of about 500 entries) is parsed on two
#: CPUs: measured, its read takes 0.15 s instead of 0.20 s. Below it the gain shrinks to
#: nothing (about even at 25 KB: forking and sending the items back cost what it saves).
PARALLEL_MIN_CHARS = 100_000
#: The share of the text the forked process parses (by characters, at the cut nearest it):
#: it also reads its tokens into items and pickles them, while this process parses the rest
#: and then unpickles those items before it reads its own tokens.
_FORKED_SHARE = 0.42
#: Cuts outside these shares are not taken: a part that small saves little, and a forked
#: part that big makes this process wait for it.
_FORKED_MIN, _FORKED_MAX = 0.2, 0.55


def read_structure(text: str, path: str) -> Document:
    """Read the list structure of one markdown document.

    Lines are numbered as markdown-it numbers them (:func:`~.lines.split_lines`); constructs
    the parser would swallow lines with are cut and reported (:mod:`.parser`), control
    characters are reported (:func:`~.lines.control_problems`). Besides bullets, the rows of
    tables (:class:`Cell` by column) and papers given as headings with labelled field lines
    under them (``#### Title`` + ``**Authors:** …``) are items; ``<details>`` summaries and
    bold lines standing alone group what follows (:data:`GROUP_LEVEL`). The heading levels
    of sections and subsections are found from the whole document (:func:`_section_levels`).

    A long text (:data:`PARALLEL_MIN_CHARS`) is parsed on two CPUs when it can be cut where
    parsing the parts gives what parsing the whole gives (:func:`~.parser.find_cut`).
    """
    cut = None
    if len(text) >= PARALLEL_MIN_CHARS:
        cut = find_cut(text, _FORKED_SHARE, _FORKED_MIN, _FORKED_MAX)
    return _read(text, path, cut)


def _read(text: str, path: str, cut: Cut | None) -> Document:
    """:func:`read_structure` of ``text``, its parse cut at ``cut`` if not None. The lines
    before the cut are parsed and read into items in a forked process; when that cannot be
    done (no fork, the child failed, :func:`~.parser.parse_before` refuses the cut), the
    text is parsed in one piece: the result is the same either way."""
    lines = split_lines(text.replace("\0", "\ufffd"))
    found = _read_in_two(cut, path, lines) if cut is not None else None
    if found is None:
        tokens, parse_problems = parse(text)
        found = parse_problems, _walk(tokens, path, lines, _Walk())
    parse_problems, walk = found
    problems: list[Problem] = [
        Problem(path, line + 1, level, code, message)
        for line, level, code, message in parse_problems
    ]
    problems.extend(control_problems(text, path))
    problems.extend(walk.problems)
    items = _heading_papers(walk.roots, walk.heads, path, _raw_lines(lines))
    return Document(path, tuple(_logical_levels(items)), tuple(problems))


def _read_in_two(
    cut: Cut, path: str, lines: list[str]
) -> tuple[list[tuple[int, str, str, str]], _Walk] | None:
    """Parse problems and the finished walk of a text parsed in two parts at ``cut``, the
    first part in a forked process; None when it was not done (parse the text whole)."""
    from ..forked import ChildFailed, start

    child = start(_read_before, cut, path, lines)
    if child is None:
        return None
    tokens, problems = parse_after(cut)
    try:
        before = child.result()
    except ChildFailed:  # parsed whole then: any error shows with its traceback
        return None
    if before is None:
        return None
    before_problems, walk = before
    # Resumed, the walk reads on as if the two token lists were one (it looks back one).
    return [*before_problems, *problems], _walk([walk.last, *tokens], path, lines, walk, 1)


def _read_before(
    cut: Cut, path: str, lines: list[str]
) -> tuple[list[tuple[int, str, str, str]], _Walk] | None:
    """Parse problems and walk of the lines before ``cut`` (None: the cut is refused)."""
    parsed = parse_before(cut)
    if parsed is None:
        return None
    tokens, problems = parsed
    return problems, _walk(tokens, path, lines, _Walk())


def _raw_lines(lines: list[str]):
    """The raw text of a 1-based line (empty past the end)."""

    def raw_line(line: int) -> str:
        return lines[line - 1] if 0 < line <= len(lines) else ""

    return raw_line


@dataclass(frozen=True, slots=True)
class _Walk:
    """Where a walk through the tokens stands: what it has built (the root items, the
    headings met, its problems) and all it carries from one token to the next, so that a
    walk resumed from it reads on as one walk through both token lists would."""

    roots: list[Item] = field(default_factory=list)
    #: Headings met, for papers given as headings (see :func:`_heading_papers`).
    heads: list[dict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: The enclosing headings by level (:data:`GROUP_LEVEL` for a group).
    headings: dict[int, str] = field(default_factory=dict)
    #: The list items being built, innermost last.
    stack: list[dict] = field(default_factory=list)
    in_heading: int | None = None
    #: The table being read: its headers (None: not read) and the row being built.
    header: list[str] | None = None
    skipped: list[str] = field(default_factory=list)
    skipped_links: int = 0
    table_line: int = 1
    row: dict | None = None
    in_head_row: bool = False
    #: Quotes open, and the root bullet a quote right after it belongs to (its notes).
    quotes: int = 0
    quote_owner: int | None = None
    #: The last token read (an inline token is read by the token before it).
    last: Any = None


def _walk(tokens: list, path: str, lines: list[str], walk: _Walk, first: int = 0) -> _Walk:
    """Read ``tokens[first:]`` on from ``walk``; the lists and dicts it holds are taken over."""
    roots, heads, problems, headings, stack = (
        walk.roots, walk.heads, walk.problems, walk.headings, walk.stack
    )  # fmt: skip
    in_heading, header, skipped, skipped_links = (
        walk.in_heading, walk.header, walk.skipped, walk.skipped_links
    )  # fmt: skip
    table_line, row, in_head_row, quotes, quote_owner = (
        walk.table_line, walk.row, walk.in_head_row, walk.quotes, walk.quote_owner
    )  # fmt: skip
    raw_line = _raw_lines(lines)
    # The items under the same headings share one tuple (made again after every change):
    # _logical_levels steps over a run of them at the cost of one identity test.
    current: tuple[tuple[int, str], ...] | None = None

    def heading_tuple() -> tuple[tuple[int, str], ...]:
        nonlocal current
        if current is None:
            current = tuple(sorted(headings.items()))
        return current

    i = first
    while i < len(tokens):
        tok = tokens[i]
        if tok.type not in _READ_TYPES:
            i += 1  # paragraph, list and cell brackets, code: read through their neighbours
            continue
        if tok.type == "heading_open":
            in_heading = int(tok.tag[1:])
        elif tok.type == "heading_close":
            in_heading = None
        elif tok.type == "inline" and in_heading is not None:
            level = in_heading
            for deeper in [lvl for lvl in headings if lvl >= level]:
                del headings[deeper]
            current = None
            context = heading_tuple()
            segments, _ = _inline_segments(tok)
            headings[level] = _heading_text(tok.content, segments)
            current = None
            line = tok.map[0] + 1 if tok.map else 1
            heads.append(
                {
                    "line": line,
                    "segments": segments,
                    "source": fold_spaces(tok.content),
                    "context": context,
                    "at": len(roots),
                    "fields": [],
                }
            )
        elif tok.type == "html_block":
            summary = _SUMMARY_TAG.search(tok.content)
            if summary:
                label = fold_spaces(_TAGS.sub(" ", summary.group(1)))
                if label:
                    headings[GROUP_LEVEL] = label
                    current = None
            elif re.search(r"</details\s*>", tok.content, re.I):
                headings.pop(GROUP_LEVEL, None)
                current = None
        elif tok.type == "table_open":
            table_line = tok.map[0] + 1 if tok.map else 1
            skipped_links = 0
        elif tok.type == "thead_open":
            header, in_head_row = [], True
        elif tok.type == "thead_close":
            in_head_row = False
            if header is not None and not title_columns(header):
                skipped = header
                header = None
        elif tok.type == "inline" and header is None and tokens[i - 1].type == "td_open":
            skipped_links += sum(
                1 for s in _inline_segments(tok)[0] if s.link and not s.link.url.startswith("#")
            )
        elif tok.type == "tr_open" and not in_head_row and header is not None:
            begin = tok.map[0] + 1 if tok.map else 1
            row = {"line": begin, "cells": [], "headings": heading_tuple()}
        elif tok.type == "inline" and tokens[i - 1].type in ("th_open", "td_open"):
            if in_head_row and header is not None:
                header.append(fold_spaces(tok.content))
            elif row is not None:
                segments, _ = _inline_segments(tok)
                column = len(row["cells"])
                name = header[column] if header and column < len(header) else ""
                row["cells"].append(Cell(name, segments, fold_spaces(tok.content)))
        elif tok.type == "tr_close" and row is not None:
            cells = tuple(row["cells"])
            joined: list[Segment] = []
            for cell in cells:
                if joined:
                    joined.append(Segment(" | "))
                joined.extend(cell.segments)
            heads_ = row["headings"]
            roots.append(
                Item(
                    path=path,
                    line=row["line"],
                    end_line=row["line"],
                    depth=0,
                    section=dict(heads_).get(2),
                    subsection=dict(heads_).get(3),
                    headings=heads_,
                    segments=tuple(joined),
                    source=" | ".join(cell.source for cell in cells),
                    raw=raw_line(row["line"]),
                    cells=cells,
                    form="row",
                )
            )
            row = None
        elif tok.type == "table_close":
            if header is None and skipped_links:
                problems.append(
                    Problem(
                        path,
                        table_line,
                        "info",
                        "unread-table",
                        f"a table with no title column ({' | '.join(skipped) or 'no header'}) "
                        f"is not read as entries; its {skipped_links} link(s) are not entries "
                        "(name a column 'Title' to list entries in it)",
                    )
                )
            header, row = None, None
        elif tok.type == "blockquote_open":
            quotes += 1
            if quotes == 1 and not stack:
                quote_owner = len(roots) - 1 if roots and roots[-1].form == "bullet" else None
        elif tok.type == "blockquote_close":
            quotes -= 1
            if quotes == 0:
                quote_owner = None
        elif tok.type == "list_item_open":
            begin = tok.map[0] if tok.map else 0
            stack.append(
                {
                    "line": begin + 1,
                    "end": begin + 1,
                    "segments": None,
                    "source": "",
                    "children": [],
                    "extra": [],
                    "headings": heading_tuple(),
                }
            )
        elif tok.type == "list_item_close":
            frame = stack.pop()
            heads_ = frame["headings"]
            item = Item(
                path=path,
                line=frame["line"],
                end_line=frame["end"],
                depth=len(stack),
                section=dict(heads_).get(2),
                subsection=dict(heads_).get(3),
                headings=heads_,
                segments=frame["segments"] or (),
                source=frame["source"],
                raw=raw_line(frame["line"]),
                children=tuple(frame["children"]),
                extra=tuple(frame["extra"]),
            )
            if not stack and quote_owner is not None and not _own_links(item):
                # Notes quoted under an entry are its attribute lines, never entries.
                owner = roots[quote_owner]
                roots[quote_owner] = replace(owner, children=(*owner.children, item))
            else:
                (stack[-1]["children"] if stack else roots).append(item)
        elif tok.type == "inline" and stack and tokens[i - 1].type == "paragraph_open":
            frame = stack[-1]
            para = tokens[i - 1]
            segments, _ = _inline_segments(tok)
            if frame["segments"] is None:
                frame["segments"] = segments
                frame["source"] = fold_spaces(tok.content)
                if para.map:
                    frame["line"] = para.map[0] + 1
                    frame["end"] = para.map[1]
            else:
                frame["extra"].append(fold_spaces(tok.content))
                if para.map:
                    frame["end"] = max(frame["end"], para.map[1])
        elif tok.type == "inline" and tokens[i - 1].type == "paragraph_open":
            para = tokens[i - 1]
            line = para.map[0] + 1 if para.map else 1
            bold = _bold_only(tok)
            if bold is not None:
                headings.pop(GROUP_LEVEL, None)
                headings[GROUP_LEVEL] = bold
                current = None
                i += 1
                continue
            if heads and heads[-1]["at"] == len(roots):
                sources = tok.content.split("\n")
                pieces = _line_segments(_inline_segments(tok)[0])
                if len(pieces) == len(sources) and all(field_line(x) for x in sources):
                    heads[-1]["fields"].extend(
                        (line + k, pieces[k], fold_spaces(sources[k])) for k in range(len(sources))
                    )
                    i += 1
                    continue
            segments, image_link = _inline_segments(tok)
            links = [s.link for s in segments if s.link is not None]
            if links and not image_link:
                for link in links:
                    if link.url.startswith("#"):
                        continue
                    problems.append(
                        Problem(
                            path,
                            line,
                            "warning",
                            "stray-link",
                            f"link '{link.label}' ({link.url}) stands in a paragraph, not in a "
                            "list entry; it is not read as an entry",
                        )
                    )
        i += 1
    return _Walk(
        roots, heads, problems, headings, stack, in_heading, header, skipped, skipped_links,
        table_line, row, in_head_row, quotes, quote_owner, tokens[-1] if tokens else walk.last,
    )  # fmt: skip


def _own_links(item: Item) -> bool:
    return any(link.url and not link.url.startswith("#") for link in item.links)


_LOCAL_PAGE = re.compile(r"^(?![a-z][a-z0-9+.-]*:|//)[^?#]*\.(?:md|markdown)(?:#.*)?$", re.I)
_LETTERS = re.compile(r"[^\W\d_]{2}")


def is_toc_item(item: Item) -> bool:
    """A table-of-contents bullet: every link goes to an ``#anchor`` or to another page of
    the list itself (``topics/serving.md``), as in the README of a list split into files."""
    links = item.links
    return (
        bool(links)
        and all(link.url.startswith("#") or _LOCAL_PAGE.match(link.url) for link in links)
        # "SiloD: … [also in [2.1](#dl-scheduling)]" is an entry with a cross-reference.
        and not _LETTERS.search(item.text)
    )


def _is_field_item(item: Item) -> str | None:
    found = field_line(item.source)
    return found[0] if found else None


def _heading_papers(roots: list[Item], heads: list[dict], path: str, raw_line) -> list[Item]:
    """Papers given as headings: a heading whose every item up to the next heading is a
    labelled field line (and one names authors, a venue or a link) becomes one item with
    those lines as children; the heading's own enclosing headings are its context."""
    if not heads:
        return roots
    replaced: dict[int, Item] = {}
    dropped: set[int] = set()
    for k, head in enumerate(heads):
        end = heads[k + 1]["at"] if k + 1 < len(heads) else len(roots)
        under = list(range(head["at"], end))
        if any(roots[j].form != "bullet" for j in under):
            continue
        kinds: list[str | None] = []
        for j in under:
            kinds.append(_is_field_item(roots[j]))
            if not kinds[-1]:
                break
        if not all(kinds):
            continue  # a bullet under it that is no field line: the heading is no paper
        field_items = [
            Item(
                path=path,
                line=line,
                end_line=line,
                depth=1,
                section=dict(head["context"]).get(2),
                subsection=dict(head["context"]).get(3),
                headings=head["context"],
                segments=segments,
                source=source,
                raw=raw_line(line),
            )
            for line, segments, source in head["fields"]
        ]
        kinds += [_is_field_item(item) for item in field_items]
        if not kinds or not all(kinds) or not PAPER_FIELDS.intersection(kinds):
            continue
        children = sorted([*field_items, *(roots[j] for j in under)], key=lambda x: x.line)
        context = head["context"]
        paper = Item(
            path=path,
            line=head["line"],
            end_line=head["line"],
            depth=0,
            section=dict(context).get(2),
            subsection=dict(context).get(3),
            headings=context,
            segments=head["segments"],
            source=head["source"],
            raw=raw_line(head["line"]),
            children=tuple(children),
            form="heading",
        )
        if under:
            replaced[under[0]] = paper
            dropped.update(under[1:])
        else:
            replaced[("at", head["at"], k)] = paper  # type: ignore[index]
    if not replaced:
        return roots
    out: list[Item] = []
    extra = sorted(
        ((key[1], key[2], item) for key, item in replaced.items() if isinstance(key, tuple)),
        key=lambda x: (x[0], x[1]),
    )
    e = 0
    for j, item in enumerate(roots):
        while e < len(extra) and extra[e][0] <= j:
            out.append(extra[e][2])
            e += 1
        if j in dropped:
            continue
        out.append(replaced.get(j, item))
    out.extend(x[2] for x in extra[e:])
    return out


# Headings that enclose no content of the list: its front and back matter. The entries right
# under them do not count when the section level is found; an "Awesome …" H1 is the title.
_MATTER = re.compile(
    r"(?:table of )?contents|toc|index|(?:how to )?contribut(?:e|es|ing|ion|ions|ors)"
    r"(?: guide(?:lines?)?)?|licen[cs]es?|acknowledge?ments?|credits|thanks|citations?"
    r"|(?:how to )?cite(?: us| this)?|citing|star history|stargazers|sponsors?|support|about"
    r"|footnotes|see also|(?:related|other) (?:awesome )?(?:lists?|projects?|repos?)"
)
_TITLE = re.compile(r"awesome\b")
_Headings = tuple[tuple[int, str], ...]
_WORD = re.compile(r"[^\W_]+")


def _matter(text: str) -> bool:
    return bool(_MATTER.fullmatch(" ".join(_WORD.findall(text.casefold()))))


def is_matter_text(item: Item) -> bool:
    """A bullet of the list's front or back matter that is no entry: its innermost heading
    is one (Contributing, License, Acknowledgements, …) and neither it nor a bullet under it
    links anywhere ("- Fork the repository", "- Open a pull request").

    >>> item = read_structure("## Contributing\\n- Fork the repository\\n", "x.md").items[0]
    >>> is_matter_text(item)
    True
    """
    own = [text for level, text in item.headings if level < GROUP_LEVEL]
    if not own or not _matter(own[-1]):
        return False

    def linked(it: Item) -> bool:
        return any(link.url for link in it.links) or any(linked(c) for c in it.children)

    return not linked(item)


def _section_levels(items: list[Item]) -> tuple[int, int]:
    """The markdown levels of a document's sections and subsections, found from the items.

    A heading *holds* entries when an item other than a table-of-contents bullet sits under
    it; front and back matter (Contents, Contributing, License, …) hold none, and the items
    right under them (under no deeper heading) count for no heading. The section level is
    ``#`` when at least two H1s hold entries (an "Awesome …" H1 is the title and does not
    count), else the outermost deeper level whose headings hold entries (``##`` when none
    do); the subsection level is the next deeper level whose headings hold entries (the
    section level + 1 when none do). A list with one H1 title and ``##`` sections thus
    keeps ``##`` / ``###``.

    One test per run of items under the same headings (:func:`_walk` gives them one tuple).
    """
    chains: set[_Headings] = set()
    last = None
    for item in items:
        chain = item.headings
        if chain is last or not chain or chain in chains:
            continue
        if item.form == "bullet" and is_toc_item(item):
            continue
        last = chain
        chains.add(chain)
    holders: dict[int, set[str]] = {}
    for chain in chains:
        own = [(level, text) for level, text in chain if level < GROUP_LEVEL]
        if not own or _matter(own[-1][1]):
            continue  # under no heading, or right under front or back matter
        for level, text in own:
            if not _matter(text) and not (level == 1 and _TITLE.match(text.casefold())):
                holders.setdefault(level, set()).add(text)
    below_title = min((level for level in holders if level > 1), default=2)
    section = 1 if len(holders.get(1, ())) >= 2 else below_title
    subsection = min((level for level in holders if level > section), default=section + 1)
    return section, subsection


def _logical_levels(items: list[Item]) -> list[Item]:
    """The items with their headings at logical levels: the section level becomes ``2``, the
    subsection level ``3`` and deeper levels follow it (``6`` at most), levels above the
    section become ``1``, groups stay :data:`GROUP_LEVEL`; ``section`` and ``subsection``
    are read from them (see :func:`_section_levels`). Nothing is done for ``##`` / ``###``.
    """
    section, subsection = _section_levels(items)
    if (section, subsection) == (2, 3):
        return items
    to: dict[int, int] = {GROUP_LEVEL: GROUP_LEVEL}
    for level in range(1, GROUP_LEVEL):
        if level < section:
            to[level] = 1
        elif level == section:
            to[level] = 2
        else:  # a level between the two encloses no entries that count: a subsection too
            to[level] = min(3 + max(level - subsection, 0), GROUP_LEVEL - 1)
    mapped: dict[_Headings, tuple[_Headings, str | None, str | None]] = {}

    def move(item: Item) -> Item:
        found = mapped.get(item.headings)
        if found is None:
            chain = tuple((to[level], text) for level, text in item.headings)
            levels = dict(chain)
            found = mapped[item.headings] = (chain, levels.get(2), levels.get(3))
        chain, sec, sub = found
        children = tuple(move(child) for child in item.children) if item.children else ()
        return replace(item, section=sec, subsection=sub, headings=chain, children=children)

    return [move(item) for item in items]
