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

A bullet may be written as a row without a table: ``- 2016 | Title | Ada Quill, et al. |
PAKDD | [PDF](url)``. With no headers, :func:`read_pipe_row` reads each cell by what it
holds (a date, a venue, people's names, links); the longest other text is the title.

>>> doc = read_structure(
...     "- 2016 | Tarn: Fast Search | Ada Quill, et al. | PAKDD | [PDF](https://e.org/t)\\n",
...     "b.md")
>>> row = read_pipe_row(doc.items[0])
>>> row.title, row.year, row.authors, row.venues, [link.label for link in row.links]
('Tarn: Fast Search', 2016, 'Ada Quill, et al.', ['PAKDD'], ['PDF'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Link
from .badges import read_badge
from .citation import parse_attribution_line
from .fields import field_name, title_columns
from .links import label_class
from .markdown import Cell, Item, Segment, fold_spaces
from .names import ET_AL, is_organisation
from .venue_text import _venue_looking, date_year, parse_venue, venue_alone
from .venues import VenueTable, default_table

__all__ = ["Row", "is_entry_table", "pipe_in_code", "read_pipe_row", "read_row"]

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


_LETTER = re.compile(r"[^\W\d_]")


def _kind_word_title(row: Row, cells: list[Cell]) -> bool:
    """Whether the title was read from a link labelled with a kind word only: a ``Paper``
    column of ``[Paper](url)`` links names no entry."""
    return (
        bool(row.title)
        and not any(_text(list(cell.segments)).strip(" .:-") for cell in cells)
        and label_class(row.title) is not None
        and len(row.title.split()) < 4
    )


def read_row(item: Item) -> Row:
    """Read a table row (an :class:`~.markdown.Item` of form ``row``) column by column.

    When the title column (a ``Paper`` column, for want of a named one) holds only a link
    labelled with a kind word (``[Paper](url)``), the entry is named by the first column
    when its header names no field and its cell is plain text: ``| Scheduler | Year |
    Paper |`` rows ``| Tarn | 2021 | [Paper](url) |`` list Tarn.
    """
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
    first = item.cells[0] if item.cells else None
    if (
        first is not None
        and 0 not in titles
        and field_name(first.header) is None
        and not any(s.link or s.image for s in first.segments)
        and _LETTER.search(first.text)
        and _kind_word_title(row, [item.cells[i] for i in titles])
    ):
        row.title = fold_spaces(_TAG.sub(" ", first.text))
        row.title_source = first.source
    return row


# --- rows without a table: "- 2016 | Title | Authors | Venue | [PDF](url)" ---------------

# A cell separator: a "|" with white space (or a segment's edge) on both sides.
_CELL_SEP = re.compile(r"(?:^|(?<=\s))\|(?=\s|$)")
_PIPES = re.compile(r"\s\|\s")
_CODE_PIPE = re.compile(r"`[^`]*\|[^`]*`")
_ALNUM = re.compile(r"[^\W_]")
# Two or four digits, as a year is written ("2016", "OSDI'22", "VLDB2017").
_YEARISH = re.compile(r"(?<!\d)\d\d(?:\d\d)?(?!\d)")


def _pipe_cells(segments: tuple[Segment, ...]) -> list[list[Segment]]:
    """The segments split at cell separators; empty cells (``- | a | b |``) dropped."""
    cells: list[list[Segment]] = [[]]
    for segment in segments:
        if segment.link is not None or segment.image is not None or "|" not in segment.text:
            cells[-1].append(segment)
            continue
        pieces = _CELL_SEP.split(segment.text)
        for i, piece in enumerate(pieces):
            if i:
                cells.append([])
            if piece:
                cells[-1].append(Segment(piece))
    return [c for c in cells if any(s.link or s.image or s.text.strip() for s in c)]


def pipe_in_code(text: str) -> bool:
    """Whether a ``|`` of ``text`` is inside a code span ("`grep | sort`"): no cell or
    suffix separator.

    >>> pipe_in_code("Tip: `grep | sort` | handy"), pipe_in_code("Tarn | OSDI'22")
    (True, False)
    """
    return "`" in text and _CODE_PIPE.search(text) is not None


def _cell_venue(text: str, table: VenueTable) -> bool:
    """A cell that is a venue and nothing else: a known venue with a year, a venue written
    as the table spells it (``NeurIPS``; not the word "Fast"), or a short venue-like name
    with a year (``Tarnconf 2023``, reported as an unknown venue)."""
    known = table.lookup(text)
    if known is not None:
        return text in known.spellings
    if not _YEARISH.search(text):
        return False  # the other two need a year (and the reading costs)
    if venue_alone(text, table) is not None:
        return True
    vy = parse_venue(text, table)
    return (
        vy.year is not None
        and vy.venue is not None
        and len(vy.venue.split()) <= 3
        and _venue_looking(vy.venue)
        and not is_organisation(vy.venue)
    )


_ET_AL = re.compile(rf"(?i){ET_AL}\s*$")


def _reads_as_authors(text: str, table: VenueTable) -> int:
    """How surely a cell is an author list: 2 when it closes with "et al." or names two
    people or more, 1 for one name (a title of capitalised words can read as one: "Delta
    Spark", "Collaborative Hyperparameter Tuning"), 0 when it is none."""
    if _ET_AL.search(text):
        return 2
    att = parse_attribution_line(text, table)
    if att is None or not att.authors:
        return 0
    return 2 if len(att.authors) > 1 or att.truncated else 1


def read_pipe_row(item: Item, table: VenueTable | None = None) -> Row | None:
    """A bullet written as a table row without headers, its cells split by `` | ``, read
    cell by cell by content; None when the bullet is no such row.

    A cell that is a date alone gives the year; a venue alone (:func:`_cell_venue`) the
    venue; a link-only cell (``[PDF](url) [Code](url)``) links; venue badges the venue.
    Of the other text cells, the longest that does not read as an author list is the title,
    else the longest that is no sure one (:func:`_reads_as_authors`); a link-only cell whose
    label names the entry counts as text. The surest other author list (the first of
    equals) gives the authors, an organisation an affiliation, anything else the summary.
    A row needs three cells or more, a title, and a year, venue or authors.
    ``[Title](url) | OSDI'22 | Acme Labs`` (no people and no links after the linked title)
    is left to the title's ``|`` suffixes (:func:`~.tags.read_tags`).
    """
    if "|" not in item.source or len(_PIPES.findall(item.source)) < 2:
        return None
    if pipe_in_code(item.source):
        return None  # "- `a | b | c`": a pipe in code
    return _pipe_row(item.segments, table if table is not None else default_table())


# The layout profile reads every bullet before the entries are read (here, and in the
# process that reads the second half of a long list): one reading serves both. The row is
# shared, so it is read, never changed.
@lru_cache(maxsize=1 << 14)
def _pipe_row(segments: tuple[Segment, ...], table: VenueTable) -> Row | None:
    cells = _pipe_cells(segments)
    if len(cells) < 3:
        return None
    row = Row()
    texts: list[tuple[str, int]] = []  # the text cells: (text, how surely authors)
    linked_title = later_links = False
    for column, cell in enumerate(cells):
        _badges(cell, row)
        links = [
            s.link
            for s in cell
            if s.link is not None and s.image is None and not s.link.url.startswith("#")
        ]
        row.links.extend(links)
        later_links = later_links or bool(column and links)
        text = _text(cell).strip(" |")
        if not _ALNUM.search(text):
            label = links[0].label if links else ""
            if label and (label_class(label) is None or len(label.split()) >= 4):
                texts.append((label, 0))  # "[Tarn: Fast Search](url)"
                linked_title = linked_title or column == 0
        elif (when := date_year(text)) is not None:
            row.year = row.year or when
        elif _cell_venue(text, table):
            row.venues.append(text)
        else:
            texts.append((text, _reads_as_authors(text, table)))
    people = any(is_people for _, is_people in texts)
    if not texts or (linked_title and not later_links and not people):
        return None
    # the title: the longest cell that is no author list, else that is no sure one
    titles = [i for i, (_, sure) in enumerate(texts) if not sure]
    titles = titles or [i for i, (_, sure) in enumerate(texts) if sure < 2] or [0]
    title = max(titles, key=lambda i: len(texts[i][0]))
    row.title = texts[title][0]
    others = [(sure, -i) for i, (_, sure) in enumerate(texts) if i != title and sure]
    authors = -max(others)[1] if others else None  # the surest, then the first
    summary: list[str] = []
    for i, (text, _sure) in enumerate(texts):
        if i == title:
            continue
        if i == authors:
            row.authors = text
        elif is_organisation(text):
            row.affiliations.append(text)
        else:
            summary.append(text)
    row.summary = "; ".join(summary)
    if not (row.year or row.venues or row.authors):
        return None
    return row
