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
from dataclasses import dataclass, field

from ..model import Link, Problem
from .lines import control_problems, split_lines
from .links import clean_label
from .parser import parse

__all__ = ["Document", "Item", "Segment", "read_structure"]

_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
# Control characters that are not white space (\s covers VT, FF, U+001C-U+001F, NEL, U+2028/9).
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")


def fold_spaces(text: str) -> str:
    """Collapse every kind of white space (hair, thin, no-break, ideographic, form feed, line
    separator) to one space and drop other control characters (reported by ingest.lines).

    >>> fold_spaces("Ply:\\x0c folds\\u2028 layers\\x1b[31m")
    'Ply: folds layers[31m'
    """
    return _SPACES.sub(" ", _CONTROLS.sub("", text)).strip()


@dataclass(frozen=True, slots=True)
class Segment:
    """One piece of a bullet's inline text: plain text, or a link."""

    text: str
    link: Link | None = None


@dataclass(frozen=True, slots=True)
class Item:
    """One list bullet, before interpretation."""

    path: str
    line: int
    #: Last line of the bullet's own paragraph (continuation lines included).
    end_line: int
    depth: int
    section: str | None
    subsection: str | None
    #: Headings that enclose the bullet, outermost first (``(level, text)``).
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
                elif inner.type in ("text", "code_inline", "html_inline"):
                    label_parts.append(inner.content)
                elif inner.type in ("softbreak", "hardbreak"):
                    label_parts.append(" ")
                i += 1
            segments.append(Segment("", Link(clean_label("".join(label_parts)), href)))
            continue
        if tok.type in ("text", "code_inline", "html_inline"):
            segments.append(Segment(tok.content))
        elif tok.type in ("softbreak", "hardbreak"):
            segments.append(Segment(" "))
        elif tok.type == "image":
            segments.append(Segment(""))
        i += 1
    return tuple(segments), image_link


def read_structure(text: str, path: str) -> Document:
    """Read the list structure of one markdown document.

    Lines are numbered as markdown-it numbers them (:func:`~.lines.split_lines`); constructs
    the parser would swallow lines with are cut and reported (:mod:`.parser`), control
    characters are reported (:func:`~.lines.control_problems`).
    """
    tokens, parse_problems = parse(text)
    lines = split_lines(text.replace("\0", "\ufffd"))
    problems: list[Problem] = [
        Problem(path, line + 1, level, code, message)
        for line, level, code, message in parse_problems
    ]
    problems.extend(control_problems(text, path))
    headings: dict[int, str] = {}

    def heading_tuple() -> tuple[tuple[int, str], ...]:
        return tuple(sorted(headings.items()))

    # A stack of list-item frames being built; each frame is a dict of parts.
    stack: list[dict] = []
    roots: list[Item] = []
    in_heading: int | None = None
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "heading_open":
            in_heading = int(tok.tag[1:])
        elif tok.type == "heading_close":
            in_heading = None
        elif tok.type == "inline" and in_heading is not None:
            level = in_heading
            for deeper in [lvl for lvl in headings if lvl >= level]:
                del headings[deeper]
            headings[level] = fold_spaces(tok.content)
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
            heads = frame["headings"]
            item = Item(
                path=path,
                line=frame["line"],
                end_line=frame["end"],
                depth=len(stack),
                section=dict(heads).get(2),
                subsection=dict(heads).get(3),
                headings=heads,
                segments=frame["segments"] or (),
                source=frame["source"],
                raw=lines[frame["line"] - 1] if frame["line"] - 1 < len(lines) else "",
                children=tuple(frame["children"]),
                extra=tuple(frame["extra"]),
            )
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
            segments, image_link = _inline_segments(tok)
            links = [s.link for s in segments if s.link is not None]
            if links and not image_link:
                para = tokens[i - 1]
                line = para.map[0] + 1 if para.map else 1
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
    return Document(path, tuple(roots), tuple(problems))
