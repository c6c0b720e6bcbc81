"""Read the citation lines of a list entry: attribution lines and inline citations.

An attribution line sits under an entry and names its authors, venue and year
("Quill, Ada, et al. (*NSDI 2021*)"); an inline citation is MLA-style on the bullet itself
(``Authors. "Title." Venue (Year).``). This module finds which part of such a line is the
author list (read by :mod:`.names`) and which the venue (read by :mod:`.venue_text`),
peeling trailing venue groups off the end. Each rule reads a *kind* of thing lists write,
never one particular line; everything is a pure function of a string (and the venue table).

The readers it builds on are re-exported, so ``citation.parse_venue`` and friends keep
working: :class:`~.names.Authors`, :func:`~.names.parse_authors`,
:class:`~.venue_text.VenueYear`, :func:`~.venue_text.parse_venue`,
:func:`~.venue_text.split_venue_tag` and :func:`~.text.is_remark`.

>>> att = parse_attribution_line("Quill, Ada, Ben Ortiz, and Cy Tran. (*NSDI 2021*)")
>>> att.authors, att.truncated, att.venue, att.venue_raw, att.year
(('Ada Quill', 'Ben Ortiz', 'Cy Tran'), False, 'NSDI', 'NSDI 2021', 2021)
>>> parse_attribution_line("Tarn is a tiny serving system for edge devices.") is None
True
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from .names import (
    Authors,
    _affiliations,
    _AuthorText,
    _looks_like,
    _names,
    _read_author_text,
    is_organisation,
    parse_authors,
)
from .text import is_remark, normalise, strip_links
from .venue_text import (
    _ARXIV,
    _NO_VENUE,
    VenueYear,
    _read_venue,
    _venue_looking,
    parse_venue,
    split_venue_tag,
)
from .venues import VenueTable, default_table

__all__ = [
    "Attribution",
    "Authors",
    "VenueYear",
    "is_remark",
    "looks_like_authors",
    "parse_attribution_line",
    "parse_authors",
    "parse_inline_citation",
    "parse_venue",
    "split_venue_tag",
]


@dataclass(frozen=True, slots=True)
class Attribution:
    """What one attribution line says: authors, venue, year, arXiv id, and the organisations
    it names (``(name, author position or None)``, see :class:`~.names.Authors`)."""

    authors: tuple[str, ...]
    truncated: bool
    venue: str | None
    venue_raw: str | None
    year: int | None
    venue_known: bool
    arxiv: str | None
    affiliations: tuple[tuple[str, int | None], ...] = ()


# --- author lists ----------------------------------------------------------------------

# A label opening a line ("Summary:", "Code:"), never an author list; "In:" is a venue.
_LABEL = re.compile(r"^(?!in\s*:)[^\W\d_][\w .&/-]{0,30}:(?:\s|$)", re.I)
# The characters an author list is written in (the whole list, checked at once).
_ALLOWED = re.compile(r"(?:[^\W\d_]|[\s.,;'&-])*")


def looks_like_authors(text: str) -> bool:
    """Whether ``text`` reads as an author list (a trailing venue in ``(*…*)`` is allowed).

    Parameters
    ----------
    text : str
        A line, markdown and links and all; links are ignored.

    Returns
    -------
    bool
        ``True`` when what is left after peeling trailing venue groups is made of names.
        A lone surname counts only with "et al." or a venue after it.

    Examples
    --------
    >>> looks_like_authors("Quill, Ada, et al. (*NSDI 2021*)")
    True
    >>> looks_like_authors("VOSS, IDA, KARL-HEINZ BRANDT")
    True
    >>> looks_like_authors("Tarn makes serving simple.")
    False
    >>> looks_like_authors("Summary: a scheduler")
    False
    """
    rest, venue = _peel(strip_links(normalise(text)), default_table())
    return _author_candidate(rest, cited=venue is not None) is not None


def _author_candidate(rest: str, *, cited: bool) -> _AuthorText | None:
    """``rest`` read as an author list, or ``None`` when it is a label, remark or prose."""
    rest = rest.strip(" ,;:")
    if not rest.strip(".") or _LABEL.match(rest) or is_remark(rest):
        return None
    author_text = _read_author_text(rest)
    flat = " ".join(c for group in author_text.groups for c in group)
    if not _ALLOWED.fullmatch(flat):
        return None
    if not author_text.groups and author_text.organisations:
        return author_text  # organisations only: "Alibaba Inc", "UC Berkeley and MIT CSAIL"
    return author_text if _looks_like(author_text, cited=cited) else None


# --- attribution lines --------------------------------------------------------------------

# A trailing group: (*venue*), *venue*, (venue) — each possibly followed by . , ;
_EMPH_PAREN = re.compile(
    r"\(\s*(?P<m>[*_]{1,3})(?P<v>(?:(?!\(\s*[*_]).)+?)(?P=m)\s*\)\s*[.,;]?\s*$"
)
_EMPH = re.compile(
    r"(?:^|(?<=[\s.,;]))(?P<m>[*_]{1,2})(?P<v>[^*_\s](?:[^*_]*[^*_\s])?)(?P=m)\s*[.,;]?\s*$"
)
_PAREN = re.compile(r"\((?P<v>[^()]*)\)\s*[.,;]?\s*$")
# A plain last group after a comma or full stop: "Ada Quill, Bo Li, OSDI 2023."
_PLAIN_TAIL = re.compile(r"[,;.]\s+(?P<v>[^,;.()*_]+?)\s*\.?\s*$")
# A venue's acronym: one word, two capitals or more ("IJCNN", "SysML"; not "Lind").
_ACRONYM = re.compile(r"[A-Z][A-Za-z]*[A-Z][A-Za-z]*")


@dataclass(frozen=True, slots=True)
class _Peeled:
    venue_year: VenueYear
    arxiv: str | None


def _accept(inner: str, *, emphasised: bool, table: VenueTable) -> _Peeled | None:
    found = _read_venue(inner, table)
    vy = found.venue_year
    if vy.known:
        return _Peeled(vy, found.arxiv)
    if vy.year is not None and vy.venue is None:
        # Only a date, "(2018)": a year, not a venue.
        return _Peeled(VenueYear(None, None, vy.year, False), found.arxiv)
    if vy.year is not None and _venue_looking(vy.venue):
        return _Peeled(vy, found.arxiv)
    if emphasised and _venue_looking(vy.venue):
        return _Peeled(vy, found.arxiv)
    return None


def _peel(text: str, table: VenueTable) -> tuple[str, _Peeled | None]:
    """Take trailing venue groups and remarks off ``text``; return the rest and the venue.

    Groups are read from the end ("(*NSDI 2017*) (*Best Paper*)" has two); a known venue
    wins over an unknown one, and a group with a year over one without.
    """
    found: list[_Peeled] = []
    for _ in range(6):
        m = _EMPH_PAREN.search(text)
        emphasised = True
        if m is None:
            m = _EMPH.search(text)
            if m is not None and m.start() == 0:  # the whole line is emphasised: unwrap
                text = m.group("v")
                continue
        if m is None:
            m = _PAREN.search(text)
            emphasised = False
        if m is None:
            break
        inner = m.group("v")
        if not is_remark(inner):
            peeled = _accept(inner, emphasised=emphasised, table=table)
            if peeled is None:
                break
            found.append(peeled)
        text = text[: m.start()].rstrip()
        if found and found[-1].venue_year.known:
            break
    if not found:
        return _peel_plain_tail(text, table)
    ranked = sorted(
        found,
        key=lambda p: (
            not p.venue_year.known,
            p.venue_year.venue is None,
            p.venue_year.year is None,
        ),
    )
    best = ranked[0]
    if best.venue_year.year is None:
        year = next((p.venue_year.year for p in found if p.venue_year.year is not None), None)
        best = _Peeled(dataclasses.replace(best.venue_year, year=year), best.arxiv)
    return text, best


def _peel_plain_tail(text: str, table: VenueTable) -> tuple[str, _Peeled | None]:
    """Take a plain last group off ``text`` when it is a known venue with a year and
    nothing else: "Ada Quill, Bo Li, OSDI 2023" → "Ada Quill, Bo Li" and OSDI 2023 (the
    venue is never read as one more author), or an acronym no organisation's with a year
    ("Bo Li. TARNC 2005", an unknown venue: no name is written "TARNC")."""
    m = _PLAIN_TAIL.search(text)
    if m is None:
        return text, None
    found = _read_venue(m.group("v"), table)
    vy = found.venue_year
    if vy.year is None or not (
        (vy.known and _venue_looking(found.residue, table))
        or (vy.venue and _ACRONYM.fullmatch(vy.venue) and not is_organisation(vy.venue))
    ):
        return text, None
    return text[: m.start("v")].rstrip(" ,;"), _Peeled(vy, found.arxiv)


def _whole_line_venue(text: str, table: VenueTable) -> _Peeled | None:
    found = _read_venue(text, table)
    vy = found.venue_year
    if vy.venue is None or not _venue_looking(found.residue, table):
        return None
    if vy.known or vy.year is not None:
        return _Peeled(vy, found.arxiv)
    return None


def parse_attribution_line(text: str, table: VenueTable | None = None) -> Attribution | None:
    """Read the attribution line under an entry: authors, venue, year.

    Parameters
    ----------
    text : str
        The nested line without its bullet marker, markdown emphasis and all.
    table : VenueTable, optional
        The venue table; ``None`` means :func:`~.venues.default_table`.

    Returns
    -------
    Attribution or None
        ``None`` when the line is neither an author list nor a venue (a description, a
        ``Summary:`` line, a remark). A venue on its own line gives ``authors=()``. The
        venue comes from a trailing ``(*…*)``, ``*…*`` or ``(…)``, or is the whole line;
        the year is the venue's, else the one closing the author list (", 2018.").

    Examples
    --------
    >>> a = parse_attribution_line("Ortiz, Ben, Cy Tran, Dee Park et al. *arXiv 2018*")
    >>> a.authors, a.truncated, a.venue, a.year
    (('Ben Ortiz', 'Cy Tran', 'Dee Park'), True, 'arXiv', 2018)
    >>> parse_attribution_line("Voss, I., Obi, B.K. and Pell, D., 2016, May.").year
    2016
    >>> parse_attribution_line("Third Symposium on Edge Computing. ACM, 2018.").venue
    'SEC'
    >>> parse_attribution_line("Start to read.") is None
    True
    """
    return _attribution_line(text, table if table is not None else default_table())


@lru_cache(maxsize=1 << 12)  # a pure function of the line and the (immutable) table
def _attribution_line(text: str, table: VenueTable) -> Attribution | None:
    line = strip_links(normalise(text))
    if not line or is_remark(line) or _LABEL.match(line):
        return None
    arxiv_match = _ARXIV.search(line)
    rest, peeled = _peel(line, table)
    author_text = _author_candidate(rest, cited=peeled is not None)
    if author_text is None:
        if rest.strip(" .,;:\"'"):
            # A peeled venue with text before it that is no author list: a description.
            # A peeled bare year ("arXiv:2001.01234 (2020)") may close a venue line.
            if peeled is not None and peeled.venue_year.venue is not None:
                return None
            peeled = _whole_line_venue(line, table)
            if peeled is None:
                return None
        elif peeled is None:
            return None
        names: tuple[str, ...] = ()
        truncated, author_year = False, None
        affiliations: tuple[tuple[str, int | None], ...] = ()
    else:
        names = tuple(_names(author_text.groups))
        truncated, author_year = author_text.truncated, author_text.year
        affiliations = _affiliations(author_text)
    vy = peeled.venue_year if peeled is not None else _NO_VENUE
    arxiv = peeled.arxiv if peeled is not None and peeled.arxiv else None
    if arxiv is None and arxiv_match is not None:
        arxiv = arxiv_match.group("id")
    return Attribution(
        authors=names,
        truncated=truncated,
        venue=vy.venue,
        venue_raw=vy.venue_raw,
        year=vy.year if vy.year is not None else author_year,
        venue_known=vy.known,
        arxiv=arxiv,
        affiliations=affiliations,
    )


# --- inline (MLA-style) citations -----------------------------------------------------------

_INLINE = re.compile(r'^(?P<authors>[^"]+?)\s*"(?P<title>[^"]*[^"\s][^"]*)"\s*(?P<venue>[^"]*)$')


def parse_inline_citation(
    text: str, table: VenueTable | None = None
) -> tuple[str, Attribution] | None:
    """Read an MLA-style citation: ``Authors. "Title." Venue (Year).``

    Parameters
    ----------
    text : str
        The bullet's text, links and all; links are ignored.
    table : VenueTable, optional
        The venue table; ``None`` means :func:`~.venues.default_table`.

    Returns
    -------
    tuple of (str, Attribution) or None
        The quoted title and what the citation says, or ``None`` when the text before
        the quotes is no author list (or there is no quoted title).

    Examples
    --------
    >>> title, att = parse_inline_citation(
    ...     'Quill, Ada, et al. "Tarn: Serving at the Edge." Proceedings of the 3rd ACM '
    ...     'Symposium on Cloud Computing (2019).')
    >>> title, att.authors, att.truncated, att.venue, att.year
    ('Tarn: Serving at the Edge', ('Ada Quill',), True, 'SoCC', 2019)
    >>> parse_inline_citation('Tarn: a "tiny" server') is None
    True
    """
    table = table if table is not None else default_table()
    line = normalise(text)
    if '"' not in line:
        return None  # no quoted title (the pattern needs one), no links to strip
    line = strip_links(line)
    m = _INLINE.match(line)
    if m is None:
        return None
    author_text = _author_candidate(m.group("authors"), cited=True)
    title = m.group("title").strip().rstrip(".,;: ").strip()
    if author_text is None or not title:
        return None
    venue_text = m.group("venue").strip(" .,;")
    found = _read_venue(venue_text, table) if venue_text else None
    vy = found.venue_year if found is not None else _NO_VENUE
    return title, Attribution(
        authors=tuple(_names(author_text.groups)),
        truncated=author_text.truncated,
        venue=vy.venue,
        venue_raw=vy.venue_raw,
        year=vy.year if vy.year is not None else author_text.year,
        venue_known=vy.known,
        arxiv=found.arxiv if found is not None else None,
        affiliations=_affiliations(author_text),
    )
