"""Table rows as entries: which column says what, and what a title cell holds.

A table is read when its header names a title column (``Title``, ``Paper Title``,
``Title & Authors``, ``题目``, …; see :mod:`.fields`); other tables (statistics, contents)
are no list of entries. A row's columns are read by their header: year or date, venue,
authors, affiliation, links and code, summary; badge columns (stars, recommendation) are
decoration. A title cell may hold, split by ``<br>``: venue badges, the title (a link or
text), the authors, and ``<sub>`` topic tags.

>>> from mlsys_graph.ingest.markdown import read_structure
>>> doc = read_structure(
...     "| Date | Title | Paper |\\n|---|---|---|\\n"
...     "| 2023.10 | [Tarn] Tarn: Serving(@Acme Labs) | [[pdf]](https://arxiv.org/abs/2310.00001) |\\n",
...     "t.md")
>>> row = read_row(doc.items[0])
>>> row.title, row.year, [link.label for link in row.links]
('[Tarn] Tarn: Serving(@Acme Labs)', 2023, ['pdf'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Link
from .badges import read_badge
from .fields import field_name, title_columns
from .markdown import Cell, Item, Segment, fold_spaces
from .venue_text import date_year

__all__ = ["Row", "is_entry_table", "read_row"]

_BR = re.compile(r"(?i)^<br\s*/?>$")
_TAG = re.compile(r"<[^>]+>")
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")


@dataclass
class Row:
    """What one table row says, column by column."""

    title: str = ""
    #: The title cell's markdown, for code spans (``(`Name`)``).
    title_source: str = ""
    links: list[Link] = field(default_factory=list)
    #: Links that wrap a badge image: kept, but they name no kind.
    badge_links: list[Link] = field(default_factory=list)
    venues: list[str] = field(default_factory=list)
    year: int | None = None
    authors: str = ""
    affiliations: list[str] = field(default_factory=list)
    summary: str = ""
    stars: str | None = None


def is_entry_table(headers: list[str] | tuple[str, ...]) -> bool:
    """Whether a table with these headers lists entries: one column names the title."""
    return bool(title_columns(headers))


def _parts(segments: tuple[Segment, ...]) -> list[list[Segment]]:
    """A cell's segments split at ``<br>``."""
    parts: list[list[Segment]] = [[]]
    for segment in segments:
        if segment.link is None and _BR.match(segment.text.strip()):
            parts.append([])
        else:
            parts[-1].append(segment)
    return [p for p in parts if p]


def _text(part: list[Segment]) -> str:
    return fold_spaces(_TAG.sub(" ", "".join(s.text for s in part if s.link is None)))


def _badges(part: list[Segment], row: Row) -> None:
    for segment in part:
        if segment.image is None:
            continue
        badge = read_badge(segment.image.url)
        if badge is not None and badge.kind == "venue":
            row.venues.append(badge.message)
        elif badge is not None and badge.kind == "stars":
            row.stars = row.stars or badge.repo
        if segment.link is not None and segment.link.url.strip():
            row.badge_links.append(segment.link)


def _links(segments: tuple[Segment, ...], row: Row) -> None:
    for segment in segments:
        if segment.link is None:
            continue
        if segment.image is not None:
            if segment.link.url.strip():
                row.badge_links.append(segment.link)
            continue
        if not segment.link.url.startswith("#"):
            row.links.append(segment.link)


def _title_cell(cell: Cell, row: Row) -> None:
    """Badges, the title, the authors and topic tags of a title cell."""
    titled = False
    for part in _parts(cell.segments):
        _badges(part, row)
        plain = [s for s in part if s.image is None]
        raw = "".join(s.text for s in part if s.link is None).strip()
        if not plain or raw.lower().startswith("<sub"):
            continue
        links = [s.link for s in plain if s.link is not None and not s.link.url.startswith("#")]
        text = _text(plain)
        if not links and not text.strip(" .:-|"):
            continue
        if not titled:
            titled = True
            if links and not text.strip(" .:-"):
                row.title = links[0].label
                row.links.extend(links)
            else:
                row.title = text
                row.title_source = cell.source
                row.links.extend(links)
        elif text and not row.authors:
            row.authors = text
            row.links.extend(links)


def read_row(item: Item) -> Row:
    """Read a table row (an :class:`~.markdown.Item` of form ``row``) column by column."""
    row = Row()
    titles = title_columns([cell.header for cell in item.cells])
    for column, cell in enumerate(item.cells):
        role = "title" if column in titles else field_name(cell.header)
        if role == "title":
            _title_cell(cell, row)
        elif role == "year":
            m = _YEAR.search(cell.text)
            row.year = int(m.group()) if m else row.year
        elif role == "venue":
            _badges(list(cell.segments), row)
            if (when := date_year(cell.text)) is not None:
                # "Published | 2026-06-29": a date says when, not where.
                row.year = when
            elif cell.text.strip(" -—"):
                row.venues.append(_TAG.sub(" ", cell.text))
        elif role == "authors":
            row.authors = row.authors or cell.text
        elif role == "affiliation":
            row.affiliations.extend(
                p.strip() for p in re.split(r"[;；]", cell.text) if p.strip(" -—")
            )
        elif role == "summary":
            row.summary = row.summary or cell.text.strip(" -—")
        elif role in ("links", "code"):
            _links(cell.segments, row)
            _badges([s for s in cell.segments if s.link is None], row)
        elif role == "badges":
            _badges(list(cell.segments), row)
        else:
            _links(cell.segments, row)
    return row
