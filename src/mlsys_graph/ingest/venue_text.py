"""Read a venue and a year from text: ``(*NSDI 2017*)``, ``ICML 17``, ``VLDB2017``.

A venue text is read against the venue table (:mod:`.venues`): arXiv ids, volumes, issues
and pages are blanked out, the year is taken (two-digit years after an acronym expanded,
glued years split), and the rest is looked up. Typos of venue names are data
(``data/venues.toml``), never rules here. Everything is a pure function of a string and
the table.

>>> parse_venue("(*OSDI '18*)")
VenueYear(venue='OSDI', venue_raw="OSDI '18", year=2018, known=True)
>>> split_venue_tag("Tarn: Serving at the Edge (FooConf 2020)")[0]
'Tarn: Serving at the Edge'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .text import is_remark, normalise, wordset
from .venues import VenueTable, default_table

__all__ = ["VenueYear", "date_year", "parse_venue", "split_venue_tag", "venue_alone"]


@dataclass(frozen=True, slots=True)
class VenueYear:
    """A venue text read against the venue table.

    ``venue`` is the table's acronym when ``known``; otherwise the cleaned text itself.
    ``venue_raw`` is the text as the list wrote it (without surrounding ``(*``/``*)``).
    """

    venue: str | None
    venue_raw: str | None
    year: int | None
    known: bool


_NO_VENUE = VenueYear(None, None, None, False)

# A date alone: 2026-06-29, 2023.10, 2023/10/01, Jun 2023, October 21, 2025, 21 Oct 2025,
# 2023. It says when, not where.
_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\.?"
)
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_DATE = re.compile(
    rf"^\s*(?:(?:19|20)\d\d(?:[-./](?:0?[1-9]|1[0-2])(?:[-./]{_DAY})?)?"  # 2023-11-02, 2023.10
    rf"|(?:{_DAY}\s+)?{_MONTH}(?:\s+{_DAY}(?:st|nd|rd|th)?)?,?\s+(?:19|20)\d\d)\s*$"  # Oct 21, 2025
)


def date_year(text: str) -> int | None:
    """The year of ``text`` when it is a date alone, else None.

    >>> date_year("2024/05"), date_year("2023-11-02"), date_year("Jun 2023"), date_year("OSDI 2023")
    (2024, 2023, 2023, None)
    >>> date_year("October 21, 2025"), date_year("21 Oct 2025"), date_year("Mayday 2025")
    (2025, 2025, None)
    """
    if not _DATE.match(text):
        return None
    return int(re.search(r"(?:19|20)\d\d", text).group())


# --- years, arXiv ids, pages -------------------------------------------------------------

_ARXIV = re.compile(
    r"(?i)(?:\barxiv\s*[:.]?\s*(?:abs/)?|\babs/)"
    r"(?P<id>\d{4}\.\d{4,5}|[a-z][a-z.-]*/\d{7})(?:v\d+)?"
)
_PAGES = re.compile(
    r"(?i)\b(?:vol(?:ume)?|no|num(?:ber)?|issue|pp|pages?|p)\b\.?\s*\d+(?:\s*-\s*\d+)?"
)
_YEAR4 = re.compile(r"(?<!\d)(?:19[5-9]\d|20[0-4]\d)(?!\d)")
_YEAR_TEXT = r"(?:19[5-9]\d|20[0-4]\d)"
# A journal's volume and issue before the year, and the pages after it, as MLA and
# numeric styles write them: "6 (2018): 64270-64277", "9.1 (2019): 108", "61(5), 2018",
# "12(3): 45-67". Not part of the venue's name.
_ISSUE = r"(?:\s*\.\s*\d{1,4}|\s*\(\s*\d{1,4}(?:\s*-\s*\d{1,4})?\s*\))"
_PAGE_RANGE = r"[a-z]?\d+(?:\s*-\s*[a-z]?\d+)?"
_VOLUME_YEAR = re.compile(
    rf"(?i)(?<![\w.])(?P<vol>\d{{1,4}}{_ISSUE}?)"
    rf"\s*(?:\(\s*{_YEAR_TEXT}\s*\)|,\s*{_YEAR_TEXT}(?!\d))"
    rf"(?:\s*(?P<pages>:\s*{_PAGE_RANGE}))?"
)
_VOLUME_PAGES = re.compile(
    rf"(?i)(?<![\w.])(?P<vol>\d{{1,4}}{_ISSUE})\s*(?P<pages>:\s*{_PAGE_RANGE})"
)
# A two-digit year after an acronym: "ICML 17", "OpML'19", "SysML19", "OSDI '18".
_YEAR2 = re.compile(
    r"(?<![\w'])(?P<word>[^\W\d_][^\W\d_-]*)(?P<sep>\s*'?\s*)(?P<yy>\d{2})(?![\w(])"
)


_MONTHS = re.compile(
    r"(?i)\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)


def _expand_year(yy: str) -> int:
    """Two-digit years: 00-49 are 20xx, 50-99 are 19xx."""
    value = int(yy)
    return 2000 + value if value < 50 else 1900 + value


_PUBLISHERS = frozenset({"acm", "ieee", "usenix", "springer", "elsevier", "pmlr", "jmlr"})


def _acronym_like(word: str, table: VenueTable) -> bool:
    """A word a two-digit year may follow: an acronym ("ICML 17"), never a publisher."""
    if word.casefold() in _PUBLISHERS:
        return False
    uppers = sum(1 for ch in word if ch.isupper())
    return uppers >= 2 or table.lookup(word) is not None


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " + text[end:]


@dataclass(frozen=True, slots=True)
class _VenueText:
    """A venue text read: the venue and year, an arXiv id it holds, and what was left."""

    venue_year: VenueYear
    arxiv: str | None
    #: The text with ids, pages and years blanked out.
    residue: str


def _unwrap(text: str) -> str:
    """Take off surrounding emphasis and one pair of parentheses: ``(*NSDI 2017*)``."""
    text = text.strip()
    for _ in range(4):
        if not text:
            break
        emphasis = len(text) > 1 and text[0] in "*_" and text[-1] == text[0]
        parens = text[0] == "(" and text[-1] == ")" and _closing_paren(text) == len(text) - 1
        if not (emphasis or parens):
            return text
        text = text[1:-1].strip()
    return text


def _closing_paren(text: str) -> int:
    """Index of the parenthesis closing the one at ``text[0]`` (-1 when unbalanced)."""
    depth = 0
    for i, ch in enumerate(text):
        depth += (ch == "(") - (ch == ")")
        if depth == 0:
            return i
    return -1


# An edition number: "3rd", "11th", "Second", "Twenty-First".
_ORDINAL = (
    r"(?:\d+(?:st|nd|rd|th)"
    r"|(?:(?:twenty|thirty|forty|fifty)[\s-]?)?"
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|tenth|eleventh|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teenth"
    r"|(?:twen|thir|for|fif)tieth)"
)
# What precedes an unknown venue's name: "In", "Proceedings of the", "The 3rd", "Second".
_NOISE_PREFIX = re.compile(
    rf"(?i)^(?:in\s*:?\s+|in\s+)?(?:(?:the\s+)?proc(?:eedings|\.)?\s+(?:of\s+)?(?:the\s+)?)?"
    rf"(?:(?:the\s+)?{_ORDINAL}\s+)?"
)


# Where a work is hosted, not where it was published: a venue column's "GitHub" says the
# entry is a repository (or a post), not a paper of a venue called GitHub.
_NO_VENUE_SITE = re.compile(
    r"(?i)^(?:github|gitlab|hugging\s*face|website|homepage|blog|web\s*page)\s*[.:]?$"
)


@lru_cache(maxsize=1 << 15)  # venue texts and headings repeat across a list's entries
def _read_venue(text: str, table: VenueTable) -> _VenueText:
    """Read ``text`` as a venue: what :func:`parse_venue` does, keeping arXiv id and residue.

    A pure function of the text and the (immutable) table, so it is memoised."""
    raw = _unwrap(normalise(text))
    if not raw or is_remark(raw) or _NO_VENUE_SITE.match(raw):
        return _VenueText(_NO_VENUE, None, "")
    work = raw
    arxiv = None
    for m in reversed(list(_ARXIV.finditer(work))):
        arxiv = arxiv or m.group("id")
        work = _blank(work, m.start("id"), m.end())
    for pattern in (_VOLUME_YEAR, _VOLUME_PAGES):
        for m in reversed(list(pattern.finditer(work))):
            if m.group("pages"):
                work = _blank(work, m.start("pages"), m.end("pages"))
            work = _blank(work, m.start("vol"), m.end("vol"))
    work = _PAGES.sub(" ", work)
    years: list[int] = []
    for m in reversed(list(_YEAR4.finditer(work))):
        years.insert(0, int(m.group()))
        work = _blank(work, m.start(), m.end())
    short_years: list[int] = []
    for m in reversed(list(_YEAR2.finditer(work))):
        # "JMLR'22": an apostrophe before two digits is a year whatever the word is.
        if "'" in m.group("sep") or _acronym_like(m.group("word"), table):
            short_years.insert(0, _expand_year(m.group("yy")))
            work = _blank(work, m.start("sep"), m.end())
    year = years[-1] if years else (short_years[-1] if short_years else None)
    if year is not None:
        # "(Apr 2022)", "2017, April": a month beside the year is a date, not a venue.
        work = _MONTHS.sub(" ", work)
    work = work.replace("{", " ").replace("}", " ")
    residue = " ".join(work.split())
    match = table.find(residue)
    # "ICML 2019 Workshop on X" is a workshop of ICML, not ICML; a venue whose own
    # spelling says "Workshop" ("International Workshop on Quality of Service") is itself.
    if match is not None and (
        match.venue.kind == "workshop"
        or not re.search(r"(?i)\bworkshops?\b", residue[: match.start] + residue[match.end :])
    ):
        return _VenueText(VenueYear(match.venue.acronym, raw, year, True), arxiv, residue)
    name = re.sub(r"\(\s*[.,;]*\s*\)", " ", residue)
    name = _NOISE_PREFIX.sub("", " ".join(name.split())).strip(" .,;:-'\"*_()")
    name = " ".join(name.split()) or None
    return _VenueText(VenueYear(name, raw if name else None, year, False), arxiv, residue)


def parse_venue(text: str, table: VenueTable | None = None) -> VenueYear:
    """Read a venue text such as ``NSDI 2017`` or ``ICML 17`` against the venue table.

    Parameters
    ----------
    text : str
        The venue text; surrounding ``(*``/``*)`` are ignored.
    table : VenueTable, optional
        The venue table; ``None`` means :func:`~.venues.default_table`.

    Returns
    -------
    VenueYear
        ``venue`` is the table's acronym when the text names a known venue (``known``),
        else the cleaned text; the year is the one the text states (two-digit years are
        expanded, glued years split), never one guessed from an arXiv id. A remark
        ("On going") gives no venue at all.

    Examples
    --------
    >>> parse_venue("(*NIPS 18, System for ML*)")  # doctest: +NORMALIZE_WHITESPACE
    VenueYear(venue='NeurIPS Workshop on Systems for ML', venue_raw='NIPS 18, System for ML',
              year=2018, known=True)
    >>> parse_venue("VLDB2017")
    VenueYear(venue='VLDB', venue_raw='VLDB2017', year=2017, known=True)
    >>> parse_venue("FooConf 2020")
    VenueYear(venue='FooConf', venue_raw='FooConf 2020', year=2020, known=False)
    >>> parse_venue("On going")
    VenueYear(venue=None, venue_raw=None, year=None, known=False)
    >>> parse_venue("Github")  # where the work is hosted, no venue
    VenueYear(venue=None, venue_raw=None, year=None, known=False)
    """
    return _read_venue(text, table if table is not None else default_table()).venue_year


# --- venue-looking names ----------------------------------------------------------------

_CONNECTORS = wordset(
    """
    of on the and for in at de des du et pp vol no preprint e prints proceedings proc
    conference symposium workshop international annual journal
    """
)


def _venue_looking(text: str | None, table: VenueTable | None = None) -> bool:
    """A name a venue could have: few words, capitalised or connectors, no sentence.

    With a ``table``, a word that is a venue's spelling counts however it is written
    ("arXiv", "arxiv").
    """
    if not text:
        return False
    words = re.findall(r"[^\W_]+", text)
    if not words or len(words) > 16:
        return False

    def spelled(word: str) -> bool:
        return table is not None and table.lookup(word) is not None

    if not any(ch.isupper() for ch in text) and not any(spelled(w) for w in words):
        return False
    return all(
        w[0].isupper() or w[0].isdigit() or w.casefold() in _CONNECTORS or spelled(w) for w in words
    )


# --- venue tags in titles -------------------------------------------------------------------

_TAG = re.compile(
    r"\s*[(\uff08]\s*(?P<m>[*_]{0,3})(?P<v>[^()\uff08\uff09]+?)(?P=m)\s*[)\uff09]\s*$"
)


def venue_alone(text: str, table: VenueTable | None = None) -> VenueYear | None:
    """``text`` read as a venue when it is a known venue with a year and nothing else (no
    words around it that are no venue's), else None.

    >>> venue_alone("ICLR 2018").venue, venue_alone("OSDI 2020 keynote"), venue_alone("ICLR")
    ('ICLR', None, None)
    >>> venue_alone("Ada Quill and Bo Lind (SoCC 2020)") is None
    True
    """
    table = table if table is not None else default_table()
    found = _read_venue(text, table)
    vy = found.venue_year
    if found.residue and ("(" in found.residue or "\uff08" in found.residue):
        return None  # "Ada Quill (SoCC 2020)": a venue tag on something else
    if vy.known and vy.year is not None and _venue_looking(found.residue, table):
        return vy
    return None


def split_venue_tag(title: str, table: VenueTable | None = None) -> tuple[str, VenueYear | None]:
    """Split a trailing venue tag off a title: ``Fast Serving (SOSP2019)``.

    The parenthesised tag is removed only when it reads as a venue — a known venue, or a
    year (with a venue-like name or alone); remarks such as "(start to read)" stay.

    Parameters
    ----------
    title : str
        The title text; the tag is a final ``(…)`` (ASCII or full-width), possibly with
        emphasis inside.
    table : VenueTable, optional
        The venue table; ``None`` means :func:`~.venues.default_table`.

    Returns
    -------
    tuple of (str, VenueYear or None)
        The title without the tag and the tag read as a venue; or ``title`` unchanged and
        ``None`` when there is no tag, the tag is no venue, or the tag is all there is.

    Examples
    --------
    >>> split_venue_tag("Tarn: Serving at the Edge (SOSP2019)")  # doctest: +NORMALIZE_WHITESPACE
    ('Tarn: Serving at the Edge',
     VenueYear(venue='SOSP', venue_raw='SOSP2019', year=2019, known=True))
    >>> split_venue_tag("Kubernetes in Action (start to read)")
    ('Kubernetes in Action (start to read)', None)
    """
    table = table if table is not None else default_table()
    m = _TAG.search(title) if "(" in title or "\uff08" in title else None
    if m is None or is_remark(m.group("v")):
        return title, None
    head = title[: m.start()].rstrip()
    if not head:
        return title, None
    found = _read_venue(m.group("v"), table)
    vy = found.venue_year
    if vy.known or (vy.year is not None and (vy.venue is None or _venue_looking(vy.venue))):
        return head, vy
    return title, None
