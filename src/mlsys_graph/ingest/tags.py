"""Tags around a title: ``[VLDB'25]`` before it, ``| OSDI'22`` or ``(@Org etc)`` after it.

Lists other than the seed's mark a title with short bracketed tags and suffixes:

* leading ``[…]`` tags (one or two, emoji allowed before them): a venue and year
  (``[VLDB'25]``, ``[arxiv, 2022]``, ``[PPoPP'24 poster]``), a marker (``[Survey 🔍]``,
  ``[New]``) or the entry's short name (``[vLLM] Efficient Memory …``);
* trailing ``| X`` suffixes: a venue when the venue table knows it (or it is a venue-like
  name with a year), else an organisation;
* a trailing ``(@X etc)``: an organisation, or an author when it reads as a person's name;
* a trailing ``(`Name`)``: the system's short name; a trailing ``[also in …]``: a
  cross-reference, dropped;
* ``[Title](url) by Who, Venue Year`` after a linked title: people or organisations, then
  the venue and year (:func:`read_by_line`); without "by" only a citation, people then a
  known venue with a year (:func:`read_citation`; near misses: :func:`citation_near_miss`).

Which a tag is, is read from the tag itself against the venue table, never from its place in
one particular list.

>>> t = read_tags("[OSDI'22] [Survey] Orca: Serving Transformers")
>>> t.title, t.venue.venue, t.venue.year, t.markers
('Orca: Serving Transformers', 'OSDI', 2022, ('Survey',))
>>> t = read_tags("[vLLM] Efficient Memory Management(@UC Berkeley etc)")
>>> t.title, t.name, t.affiliations, t.truncated
('Efficient Memory Management', 'vLLM', ('UC Berkeley',), True)
>>> read_tags("Tarn: Serving | OSDI'22 | Acme Labs").affiliations
('Acme Labs',)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .links import label_class
from .names import ET_AL, is_name_token, is_organisation
from .naming import looks_like_person
from .venue_text import VenueYear, _read_venue, _venue_looking, date_year, parse_venue
from .venues import VenueTable, default_table

__all__ = [
    "ByLine",
    "Tagged",
    "citation_near_miss",
    "read_by_line",
    "read_citation",
    "read_paren_who",
    "read_tags",
    "venue_tag",
]

# A leading tag; emoji and other marks may stand before it ("🔥[vLLM]").
_LEADING = re.compile(
    r"^[^\w\[\]()]*\[(?P<tag>[^\[\]]{1,60})\][ \t]*(?:[:：][ \t]*|[-–—](?:[ \t]+|$))?"
)
_AT = re.compile(r"\(\s*@\s*(?P<who>[^()]+?)\s*\)\s*[.,;]?\s*$")
_ETC = re.compile(rf"(?i)[\s,]*(?:{ET_AL}|\betc\b\.?)\s*$")
_PIPE = re.compile(r"\s+\|\s+(?P<suffix>[^|]+?)\s*$")
_CODE_NAME = re.compile(r"\(\s*`(?P<name>[^`]{1,40})`\s*\)\s*$")
_CROSS_REFERENCE = re.compile(r"(?i)\s*\[\s*(?:also\s+)?(?:in|see)\b[^\[\]]*\]\s*$")
_MARKER_WORDS = frozenset({"new", "hot", "read", "updated", "update", "todo", "wip", "oral"})


# A proper name of up to four words, each capitalised: "Stanford", "Acme Labs".
_PROPER_WORD = re.compile(r"[^\W\d_][\w&.'’-]*")


def _names_someone(suffix: str) -> bool:
    """A ``| suffix`` that names an organisation: one the names module knows ("Acme
    Labs", "MIT"), or a short proper name ("Stanford"); not text ("handy", "Tip: …")."""
    if is_organisation(suffix):
        return True
    words = suffix.split()
    return 0 < len(words) <= 4 and all(w[0].isupper() and _PROPER_WORD.fullmatch(w) for w in words)


@dataclass(frozen=True, slots=True)
class Tagged:
    """A title with its tags read: the venue a tag gives, tags that name a venue but no
    year, the short name a tag gives, organisations, an author, and dropped markers."""

    title: str
    venue: VenueYear | None = None
    venues_without_year: tuple[str, ...] = ()
    name: str | None = None
    affiliations: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    truncated: bool = False
    markers: tuple[str, ...] = ()
    #: The year of a leading date tag (``[2024/05]``, ``[2023-11-02]``): when the entry was
    #: posted or released, which no citation says.
    date: int | None = None


def venue_tag(tag: str, table: VenueTable | None = None) -> VenueYear | None:
    """``tag`` read as a venue: a known venue (with or without a year), a bare year, or a
    venue-like name with a year (``HotStorage'24``); else None.

    >>> venue_tag("arxiv, 2022").venue, venue_tag("VLDB'21").year, venue_tag("vLLM")
    ('arXiv', 2021, None)
    """
    table = table if table is not None else default_table()
    vy = parse_venue(tag, table)
    if vy.known:
        return vy
    if vy.year is not None and (vy.venue is None or _venue_looking(vy.venue)):
        return vy
    return None


def _is_marker(tag: str) -> bool:
    words = re.findall(r"[^\W\d_]+", tag.casefold())
    return bool(words) and (label_class(tag) is not None or all(w in _MARKER_WORDS for w in words))


def read_tags(text: str, table: VenueTable | None = None, source: str = "") -> Tagged:
    """Split the tags off a title text (see the module docstring).

    ``source`` is the markdown the text came from, when code spans matter: a trailing
    ``(`Name`)`` names the system (the text has lost the backticks).
    """
    table = table if table is not None else default_table()
    title = text.strip()
    venue: VenueYear | None = None
    no_year: list[str] = []
    markers: list[str] = []
    name: str | None = None
    date: int | None = None
    for _ in range(3):
        m = _LEADING.match(title)
        if m is None:
            break
        tag = m.group("tag").strip().strip("*_ ")
        when = None if tag.isdigit() else date_year(tag)  # a bare year may be a citation's
        vy = None if when is not None else venue_tag(tag, table)
        if when is not None:  # "[2024/05] We released …": a date, not a venue
            date = date or when
        elif vy is not None and (vy.venue or vy.year):
            if venue is None:
                venue = vy
            if vy.year is None and vy.venue:
                no_year.append(tag)
        elif _is_marker(tag):
            markers.append(tag)
        elif name is None:
            name = tag
        else:
            break
        title = title[m.end() :].strip()
    title = _CROSS_REFERENCE.sub("", title)
    code = _CODE_NAME.search(source) if source else None
    if code is not None:
        shown = re.compile(r"\s*\(\s*" + re.escape(code.group("name")) + r"\s*\)\s*$")
        if shown.search(title):
            title = shown.sub("", title)
            name = name or code.group("name").strip()
    affiliations: list[str] = []
    for _ in range(3):
        m = _PIPE.search(title)
        if m is None or not title[: m.start()].strip():
            break
        suffix = m.group("suffix")
        vy = venue_tag(suffix, table)
        if vy is not None and (vy.venue or vy.year):
            venue = venue or vy
            if vy.year is None and vy.venue:
                no_year.append(suffix)
        elif _names_someone(suffix.strip()):
            affiliations.insert(0, suffix.strip())
        else:
            break  # "| handy", "| Tip: use it": text, which stays where it is
        title = title[: m.start()].rstrip()
    authors: list[str] = []
    truncated = False
    m = _AT.search(title)
    if m is not None and title[: m.start()].strip():
        who = m.group("who")
        truncated = bool(_ETC.search(who))
        who = _ETC.sub("", who)
        for part in re.split(r"\s*[&,;]\s*|\s+and\s+", who):
            if not part.strip():
                continue
            part = part.strip()
            person = looks_like_person(part) and not is_organisation(part)
            (authors if person else affiliations).append(part)
        title = title[: m.start()].rstrip()
    return Tagged(
        title=title,
        venue=venue,
        venues_without_year=tuple(no_year),
        name=name,
        affiliations=tuple(affiliations),
        authors=tuple(authors),
        truncated=truncated,
        markers=tuple(markers),
        date=date,
    )


@dataclass(frozen=True, slots=True)
class ByLine:
    """A ``by Who, Venue Year`` suffix after a linked title: people (a person's
    organisation in parentheses), organisations, and the venue and year."""

    authors: tuple[str, ...] = ()
    truncated: bool = False
    affiliations: tuple[tuple[str, int | None], ...] = ()
    venue: VenueYear | None = None


_BY = re.compile(r"^\s*by\s+(?P<who>\S.*?)\s*$", re.I | re.S)
_NAME_STOP = re.compile(r"(?<=[^\W\d_]{2})\.$")
_PERSON_AT = re.compile(r"^(?P<name>[^()]+?)\s*[(（](?P<org>[^()（）]+)[)）]$")
_AFTER_ET_AL = re.compile(rf"(?i)^(?P<who>.*{ET_AL})\s+(?P<tail>[^,;，；]*\d)$")
# One name word ("Quill", "Zhihao"): a person's when "et al." closes it.
_LONE_NAME = re.compile(r"^[^\W\d_][^\W\d_'’\-]*(?:['’\-][^\W\d_]+)*$")


def read_by_line(text: str, table: VenueTable | None = None) -> ByLine | None:
    """Read ``by Who, Venue Year`` (the text after a linked title), else None.

    The last comma-separated part is the venue and year when it reads as one; each other
    part is a person when it reads as a person's name and no organisation's, else an
    organisation (``&`` joins organisations).

    >>> b = read_by_line("by Ada Quill (Acme University) et al., NSDI 2023")
    >>> b.authors, b.truncated, b.affiliations, b.venue.venue, b.venue.year
    (('Ada Quill',), True, (('Acme University', 1),), 'NSDI', 2023)
    >>> b = read_by_line("by Fabrikam Research & Acme University, 2022")
    >>> b.authors, b.affiliations, b.venue.year
    ((), (('Fabrikam Research', None), ('Acme University', None)), 2022)
    >>> read_by_line("Tarn is fast") is None
    True
    >>> b = read_by_line("by Ada Quill et al. OOPSLA 2020")
    >>> b.authors, b.truncated, b.affiliations, b.venue.venue, b.venue.year
    (('Ada Quill',), True, (), 'OOPSLA', 2020)
    >>> read_by_line("by Quill et al., MLSys 2019").authors
    ('Quill',)
    """
    table = table if table is not None else default_table()
    m = _BY.match(text)
    if m is None:
        return None
    who = m.group("who").strip(" .;")
    venue = None
    if (m := _AFTER_ET_AL.match(who)) is not None:
        # "by Ada Quill et al. OOPSLA 2020": "et al." closes the people; a venue may
        # follow it with no comma.
        tail = parse_venue(m.group("tail"), table)
        if tail.year is not None and tail.venue and (tail.known or len(tail.venue.split()) <= 3):
            venue, who = tail, m.group("who")
    if venue is None:
        head, sep, last = who.rpartition(",")
        candidate = last if sep else who
        vy = venue_tag(candidate.strip(), table)
        if vy is None and sep:
            # "by Ada Quill, techrxiv 2022": after the people, a name with a year is the
            # venue, known or not (an unknown one is reported), never an organisation.
            vy = parse_venue(candidate.strip(), table)
            if vy.year is None or not vy.venue or len(vy.venue.split()) > 3:
                vy = None
        if vy is not None and (vy.venue or vy.year):
            venue, who = vy, (head if sep else "")
    authors, truncated, affiliations = _read_who(who)
    if not (authors or affiliations or venue):
        return None
    return ByLine(authors, truncated, affiliations, venue)


# All the text after a linked title is one parenthesis: "(Ada Quill)", "(Acme Labs)".
_PAREN_WHO = re.compile(r"^\s*[(（](?P<who>[^()（）]{2,120})[)）]\s*\.?\s*$")


def read_paren_who(text: str) -> ByLine | None:
    """Who wrote or made an entry, when the text after its linked title is only a
    parenthesis of people's names (``(Ada Quill)``, ``(Ada Quill and Bo Lind)``) or of
    organisations (``(Acme Labs)``); else None: ``(2019)``, ``(PDF)``, ``(Open Source)``,
    a mix of people and organisations or of either and other words stay the description.

    >>> read_paren_who("(Ada Quill, Bo Lind)").authors
    ('Ada Quill', 'Bo Lind')
    >>> read_paren_who(" (Acme Labs)").affiliations
    (('Acme Labs', None),)
    >>> [read_paren_who(t) for t in ("(2019)", "(Open Source)", "(Ada Quill, Acme Labs)")]
    [None, None, None]
    """
    m = _PAREN_WHO.match(text)
    if m is None:
        return None
    parts = _who_parts(_ETC.sub("", m.group("who")))
    if parts and all(_is_person(p) and all(is_name_token(t) for t in p.split()) for p in parts):
        return ByLine(tuple(parts), bool(_ETC.search(m.group("who"))), (), None)
    if parts and all(is_organisation(p) for p in parts):
        return ByLine((), False, tuple((p, None) for p in parts), None)
    return None


def _read_who(
    who: str,
) -> tuple[tuple[str, ...], bool, tuple[tuple[str, int | None], ...]]:
    """The people and organisations of a by-line's ``who`` part (see :func:`read_by_line`)."""
    truncated = bool(_ETC.search(who))
    who = _ETC.sub("", who)
    authors: list[str] = []
    affiliations: list[tuple[str, int | None]] = []
    parts = _who_parts(who)
    for part in parts:
        pm = _PERSON_AT.match(part)
        name = pm.group("name").strip() if pm else part
        if _is_person(name) or (truncated and len(parts) == 1 and _lone_name(name)):
            authors.append(name)
            if pm:
                affiliations.extend(
                    (org.strip(), len(authors))
                    for org in re.split(r"\s*&\s*", pm.group("org"))
                    if org.strip()
                )
        else:  # "Fabrikam Research & Acme University"; "Ada Quill & Bo Lind" are people
            for piece in (p.strip() for p in re.split(r"\s*&\s*", part)):
                if piece and _is_person(piece):
                    authors.append(piece)
                elif piece:
                    affiliations.append((piece, None))
    return tuple(authors), truncated, tuple(affiliations)


def _who_parts(who: str) -> list[str]:
    parts = (p.strip() for p in re.split(r"\s*[,;，；]\s*|\s+and\s+", who))
    # "by Ada Quill., arxiv 2021": a full stop after a name (not an initial) ends it.
    return [_NAME_STOP.sub("", p) for p in parts if p]


def _is_person(name: str) -> bool:
    return looks_like_person(name) and not is_organisation(name)


def _lone_name(name: str) -> bool:
    """One capitalised name word and no organisation's: "by Quill et al." names a person
    (as an author line's lone surname before "et al." does), "by Acme et al." does not."""
    return (
        bool(_LONE_NAME.match(name))
        and name[0].isupper()
        and not name.isupper()
        and not is_organisation(name)
    )


# The last separator of a citation, before its venue: a comma or semicolon, or a full stop
# after a word ("Ada Quill et al. HPCA 2023"), never an initial's ("A. Quill").
_CITATION_TAIL = re.compile(r"(?:\s*[,;，；]|(?<=[^\W\d_]{2})\.)\s*(?P<tail>[^,;，；]+)$")
_CITATION_LEAD = re.compile(r"^[\s\-–—:：]+")


@dataclass(frozen=True, slots=True)
class _Citation:
    who: str
    tail: str
    venue: VenueYear
    venue_looking: bool
    names: tuple[str, ...]
    persons: tuple[bool, ...]


def _citation_parts(text: str, table: VenueTable) -> _Citation | None:
    """``text`` split as ``Who, Venue Year``: the people part, the last part read as a venue,
    and each person part's name and whether it reads as a person's; None without a
    separator before the last part or with nothing before it."""
    text = _CITATION_LEAD.sub("", text).rstrip(" .;")
    m = _CITATION_TAIL.search(text)
    if m is None:
        return None
    who = text[: m.start()].strip()
    if not who:
        return None
    tail = m.group("tail").strip()
    found = _read_venue(tail, table)
    names = []
    for part in _who_parts(_ETC.sub("", who)):
        pieces = [p.strip() for p in part.split("&")]
        if len(pieces) > 1 and all(_is_person(p) for p in pieces):
            names.extend(pieces)  # "Ada Quill & Bo Lind"
            continue
        pm = _PERSON_AT.match(part)
        names.append(pm.group("name").strip() if pm else part)
    return _Citation(
        who=who,
        tail=tail,
        venue=found.venue_year,
        venue_looking=_venue_looking(found.residue, table),
        names=tuple(names),
        persons=tuple(_is_person(n) for n in names),
    )


def read_citation(text: str, table: VenueTable | None = None) -> ByLine | None:
    """Read ``Who, Venue Year`` after a linked title, a by-line without its "by", else None.

    Only a citation is read: the last part is a venue the venue table knows, with a year,
    and every other part is a person's name (a person's organisation in parentheses
    allowed), never an organisation's; "et al." may close the names. A separator (comma,
    semicolon or a full stop after a word) stands before the venue; leading dashes and
    colons are dropped.

    >>> b = read_citation("Ada Quill, Bo Lind et al., HPCA 2023")
    >>> b.authors, b.truncated, b.venue.venue, b.venue.year
    (('Ada Quill', 'Bo Lind'), True, 'HPCA', 2023)
    >>> read_citation("A fast engine for training, 2023") is None
    True
    >>> read_citation("Jeff Dean's talk at NeurIPS 2019") is None
    True
    >>> read_citation("Ada Quill, Google Brain, NSDI 2021") is None
    True
    """
    table = table if table is not None else default_table()
    c = _citation_parts(text, table)
    if c is None or not c.names or not all(c.persons):
        return None
    if not (c.venue.known and c.venue.year is not None and c.venue_looking):
        return None
    authors, truncated, affiliations = _read_who(c.who)
    return ByLine(authors, truncated, affiliations, c.venue)


def citation_near_miss(text: str, table: VenueTable | None = None) -> str | None:
    """Why text after a linked title that reads almost as a citation is no citation
    :func:`read_citation` reads, else None (a description that is no such near miss).

    A near miss names at least one person, then a venue-like last part, and fails in one
    way only: the venue is unknown (a venue-like name with a year), has no year, or a part
    before it is an organisation. People then a year alone are no near miss: product names
    may read as people's ("Delta Spark, Iron Loom, 2021").

    >>> citation_near_miss("Ada Quill, Bo Lind, Tarnconf 2023")
    "'Tarnconf 2023' is not a venue the venue table knows"
    >>> citation_near_miss("Ada Quill, Google Brain, NSDI 2021")
    "'Google Brain' is no person's name"
    >>> citation_near_miss("A fast engine for training, NSDI 2021") is None
    True
    """
    table = table if table is not None else default_table()
    c = _citation_parts(text, table)
    if c is None or not any(c.persons):
        return None
    vy = c.venue
    if not all(c.persons):
        others = [n for n, person in zip(c.names, c.persons, strict=True) if not person]
        cited = vy.known and vy.year is not None and c.venue_looking
        if cited and all(is_organisation(n) for n in others):
            return f"'{others[0]}' is no person's name"
        return None
    if vy.known and c.venue_looking:
        return None if vy.year is not None else f"'{c.tail}' gives no year"
    words = (vy.venue or "").split()
    if (
        vy.year is not None
        and 1 <= len(words) <= 3
        and all(w[0].isupper() for w in words)
        and not is_organisation(vy.venue)
    ):
        return f"'{c.tail}' is not a venue the venue table knows"
    return None
