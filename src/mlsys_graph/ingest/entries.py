"""Interpret list bullets as :class:`~mlsys_graph.model.Entry` records.

Every rule here is general: it reads the kind of thing (a link label, an author line,
a venue tag, a speaker after a talk title), never one particular entry of one list.

>>> from mlsys_graph.ingest.markdown import read_structure
>>> doc = read_structure(
...     "## Model Serving\\n"
...     "- Tarn: A Tiny Serving System [[Paper]](https://x.org/tarn.pdf)\\n"
...     "[[GitHub]](https://github.com/acme/tarn/)\\n"
...     "  - Quill, Ada, et al. (*NSDI 2021*)\\n"
...     "  - Summary: successor of Pike\\n", "l.md")
>>> entries, problems = interpret(doc.items[0])
>>> e = entries[0]
>>> (e.kind, e.name, e.title, e.github, e.authors, e.authors_truncated, e.venue, e.year, e.summary)
('paper', 'Tarn', 'Tarn: A Tiny Serving System', 'acme/tarn', ('Ada Quill',), True, 'NSDI', 2021, 'successor of Pike')
>>> (e.line, e.end_line)
(2, 5)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Entry, Link, Problem
from . import citation
from .badges import read_badge
from .fields import field_line
from .kinds import decide_kind
from .links import (
    SAFE_SCHEMES,
    arxiv_id,
    doi,
    github_repo,
    github_user,
    label_mismatch,
    unsafe_scheme,
)
from .markdown import Item, fold_spaces, is_matter_text, is_toc_item
from .names import is_organisation
from .naming import looks_like_person, read_name
from .openings import _ALNUM, _BRACKETED, author_lead, names_the_entry, tag_first
from .tables import Row, pipe_in_code, read_pipe_row, read_row
from .tags import (
    Tagged,
    citation_near_miss,
    read_by_line,
    read_citation,
    read_paren_who,
    read_tags,
    venue_tag,
)
from .text import strip_links
from .venue_text import parse_venue, venue_alone
from .venues import VenueTable, default_table

__all__ = ["interpret"]

_SUMMARY = re.compile(
    r"^\s*(summary|tl;?dr|abstract|notes?)\s*(?:[(（][^()（）]*[)）])?\s*[:：]\s*", re.I
)
# Curator markers typeset with TeX: "$\color{red}{(Read)(New)}$".
_TEX_MARK = re.compile(r"\$\s*\\(?:color|textcolor|textbf|textit|text|mathrm|mathbf)\b[^$]*\$")
_LABEL_PREFIX = re.compile(r"^\s*[\w .\-]{0,30}[:：]\s*$")
_BRACES = re.compile(r"\{([^{}]*)\}")
_PAREN = re.compile(r"\s*[(（]([^()（）]*)[)）]")
_YEAR_HEADING = re.compile(r"^(?:year\s+)?((?:19|20)\d\d)$", re.I)
_TRAILING = re.compile(r"\s*[.:：。]$")
# Years in a heading that names a venue: "OSDI 2024", "OSDI '24", "OSDI'24", "OSDI 24".
_YEARS = re.compile(r"\s*'?\s*\b(?:(?:19|20)\d\d|\d\d)\b|'\d\d\b")
_LEADING_DASHES = re.compile(r"^[\s\-–—:：|]+")
_AFTER_STOP = re.compile(r"^\s*[.,]\s*\S")
_ENDS_IN_COLON = re.compile(r"[:：]\s*$")
_DOI_TEXT = re.compile(r"\bdoi[:\s]+(10\.\d{4,9}/\S+)", re.I)
_YEAR_TEXT = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _heading_context(item: Item, table: VenueTable) -> tuple[str | None, int | None]:
    """Venue and year that enclosing headings and groups give: ``## 2024``, ``### OSDI``,
    ``## OSDI 25``, ``<details><summary>2024</summary>``, a bold ``**NSDI 2023**`` line."""
    return _headings_context(item.headings, table)


@lru_cache(maxsize=1 << 12)  # every entry under the same headings asks the same
def _headings_context(
    headings: tuple[tuple[int, str], ...], table: VenueTable
) -> tuple[str | None, int | None]:
    venue = year = None
    for _level, text in headings:
        m = _YEAR_HEADING.match(text.strip())
        if m:
            year = int(m.group(1))
            continue
        found = table.lookup(text)
        if found is not None:
            venue = found.acronym
            continue
        vy = parse_venue(text, table)
        if vy.known and vy.year is not None and table.lookup(_YEARS.sub(" ", text)) is not None:
            venue, year = vy.venue, vy.year
    return venue, year


def _is_entry_child(child: Item, table: VenueTable) -> bool:
    """A nested bullet that is an entry of its own: its own title and its own links."""
    links = [link for link in child.links if not link.url.startswith("#")]
    if not links:
        return False
    head = child.before_first_link
    if not head or _LABEL_PREFIX.match(head) or _SUMMARY.match(head):
        return False
    if citation.is_remark(head):
        return False
    return citation.parse_attribution_line(child.source, table) is None


@dataclass
class _Facts:
    """What the nested attribute lines of one entry say."""

    authors: tuple[str, ...] = ()
    authors_rule: str = ""
    truncated: bool = False
    affiliations: tuple[tuple[str, int | None], ...] = ()
    venue: str | None = None
    venue_raw: str | None = None
    venue_known: bool = True
    year: int | None = None
    #: The year is a posting or release date's (a leading ``[2024/05]``), no citation's.
    dated: bool = False
    arxiv: str | None = None
    summary: str | None = None
    summary_at: tuple[int, str] | None = None
    descriptions: list[str] = field(default_factory=list)
    description_at: tuple[int, str] | None = None
    links: list[Link] = field(default_factory=list)
    end_line: int = 0

    def add_attribution(self, att: citation.Attribution, rule: str = "author-line") -> None:
        if att.authors and not self.authors:
            self.authors = att.authors
            self.authors_rule = rule
            self.truncated = att.truncated
            self.affiliations = att.affiliations or self.affiliations
        elif att.affiliations and not self.affiliations:
            # Organisations on a line whose authors (if any) are not the entry's: they are
            # the entry's affiliation, not any one author's.
            self.affiliations = tuple(dict.fromkeys((name, None) for name, _ in att.affiliations))
        elif att.truncated and not att.authors and self.authors:
            self.truncated = True
        if att.venue_raw and self.venue_raw is None:
            self.venue, self.venue_raw, self.venue_known = att.venue, att.venue_raw, att.venue_known
        if att.year is not None and self.year is None:
            self.year = att.year
        if att.arxiv and self.arxiv is None:
            self.arxiv = att.arxiv

    def add_venue(self, vy: citation.VenueYear | None) -> None:
        if vy is None:
            return
        if vy.venue_raw and self.venue_raw is None:
            self.venue, self.venue_raw, self.venue_known = vy.venue, vy.venue_raw, vy.known
        if vy.year is not None and (self.year is None or self.dated):
            self.year, self.dated = vy.year, False

    @property
    def cited(self) -> bool:
        return bool(self.authors or self.venue_raw or (self.year and not self.dated))


def _read_attribute(child: Item, facts: _Facts, table: VenueTable) -> None:
    facts.links.extend(child.links)
    facts.end_line = max(facts.end_line, child.end_line)
    plain = child.text
    m = _SUMMARY.match(plain)
    if m:
        text = fold_spaces(plain[m.end() :])
        if text and facts.summary is None:
            facts.summary = text
            facts.summary_at = (child.line, child.raw)
    elif citation.is_remark(plain) or _read_field(child, facts, table):
        pass
    else:
        att = citation.parse_attribution_line(child.source, table)
        if att is not None:
            facts.add_attribution(att)
        elif plain:
            facts.descriptions.append(plain)
            facts.description_at = facts.description_at or (child.line, child.raw)
    for grandchild in child.children:
        _read_attribute(grandchild, facts, table)


def _read_field(child: Item, facts: _Facts, table: VenueTable) -> bool:
    """A labelled field line (``**Authors:** …``, ``Venue: OSDI 2024``) that names authors,
    a venue, a year or an affiliation; other fields (links, code) are read as usual."""
    found = field_line(child.source)
    if found is None:
        return False
    name, value = found
    value = strip_links(value)
    if name in ("links", "code", "badges"):
        # "**Paper:** [arXiv](…)": the links are the entry's (read above); the label is no
        # description.
        return not value.strip(" ,;|/·-")
    if name not in ("authors", "venue", "year", "affiliation"):
        return False
    if name == "authors":
        att = citation.parse_attribution_line(value, table)
        if att is not None and att.authors:
            facts.add_attribution(att, "author-field")
        else:
            authors = citation.parse_authors(value)
            if authors.names and not facts.authors:
                facts.authors, facts.truncated = authors.names, authors.truncated
                facts.authors_rule = "author-field"
    elif name == "venue":
        facts.add_venue(venue_tag(value, table) or parse_venue(value, table))
    elif name == "year":
        m = _YEAR_TEXT.search(value)
        if m and facts.year is None:
            facts.year = int(m.group())
    elif value.strip():
        facts.affiliations = facts.affiliations + tuple(
            (org.strip(), None) for org in re.split(r"[;；]", value) if org.strip()
        )
    return True


# A paragraph that is all emphasis: "*Ada Quill, Bo Lind, Cy Tran.*"
_EMPHASISED = re.compile(r"^(?P<m>\*{1,2}|_{1,2})(?P<v>[^*_]+)(?P=m)\s*[.,;]?$")


def _author_paragraph(text: str, facts: _Facts, table: VenueTable) -> bool:
    """Read a bullet's extra paragraph as its author line when it is one, all emphasised
    and nothing but people's names (``1. **Title.** ICLR 2018. [paper](…)`` then a blank
    line and ``*Ada Quill, Bo Lind.*``); True when it was read."""
    m = _EMPHASISED.match(text.strip()) if not facts.authors else None
    if m is None:
        return False
    att = citation.parse_attribution_line(m.group("v").strip(), table)
    if att is None or not att.authors or att.venue_raw or att.affiliations:
        return False
    facts.add_attribution(att, "author-line")
    return True


# A title's last sentence that is a venue and year alone: "Tarn: Fast Graphs. ICLR 2018"
_TITLE_VENUE = re.compile(r"^(?P<title>.*\S)[.。]\s+(?P<v>[^.。]{2,40}?)[.。]?$")


# "Title. (Acme University, Fabrikam Labs)": a parenthesised group after the title's end.
_ORG_GROUP = re.compile(r"(?<=[.?!])\s*[(（]([^()（）]+)[)）]\s*\.?\s*$")
_WORD_STOP = re.compile(r"[a-z]{4}\.$")
_WHOLE_GROUP = re.compile(r"^\s*[.,;:]?\s*[(（]([^()（）]+)[)）]\s*\.?\s*$")
_ORG_PART = re.compile(
    r"[A-Z0-9][\w.&'/-]*(?:\s+(?:[A-Z0-9][\w.&'/-]*|of|for|and|the|de|at|&|[–-]))*"
)


def _affiliation_group(
    text: str, whole: bool = False
) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """``Title. (Acme University, KTL)`` → ``("Title.", ("Acme University", "KTL"), ())``: a
    group after the title's closing full stop (or ``?``, ``!``), or (``whole``) all the text
    after the title's link, whose comma-separated parts are capitalised names, one of them an
    organisation (:func:`~.names.is_organisation`) and none a person's name, names the
    authors' organisations. A part with a year (``(Acme University, 2017 KDD)``) is no
    organisation: it is returned third, as venue text. Anything else is kept."""
    m = (_WHOLE_GROUP if whole else _ORG_GROUP).search(text)
    if m is None:
        return text, (), ()
    inner = m.group(1).strip()
    if _WORD_STOP.search(inner):
        inner = inner[:-1]  # "(…, University of Massachusetts.)"; not "Univ.", "Inc."
    parts = [p.strip() for p in re.split(r"[,;，；]", inner) if p.strip()]
    dated = tuple(p for p in parts if _YEAR_TEXT.search(p))
    orgs = [p for p in parts if p not in dated]
    if (
        not orgs
        or not all(_ORG_PART.fullmatch(p) and len(p.split()) <= 8 for p in orgs)
        or not any(is_organisation(p) for p in orgs)
        or any(looks_like_person(p) and not is_organisation(p) for p in orgs)
    ):
        return text, (), ()
    return text[: m.start()].rstrip(), tuple(dict.fromkeys(orgs)), dated


def _use_group(text: str, facts: _Facts, table: VenueTable, whole: bool = False) -> str:
    """The text without its affiliation group (:func:`_affiliation_group`), whose
    organisations become the entry's affiliations and whose dated part its venue."""
    rest, orgs, dated = _affiliation_group(text, whole)
    known = {name for name, _ in facts.affiliations}
    facts.affiliations += tuple((org, None) for org in orgs if org not in known)
    for part in dated:
        facts.add_venue(venue_tag(part, table) or parse_venue(part, table))
    return rest


def _clean_title(text: str, facts: _Facts, table: VenueTable) -> str:
    # Each pattern is tried only when its opening character is there.
    title = _TEX_MARK.sub(" ", text) if "$" in text else text
    if title.endswith((")", "）", ").", "）.")):
        title = _use_group(title, facts, table)
    title = _BRACES.sub(r"\1", title) if "{" in title else title

    def drop_remark(m: re.Match[str]) -> str:
        return "" if citation.is_remark(m.group(1)) else m.group(0)

    if "(" in title or "（" in title:
        title = _PAREN.sub(drop_remark, title)
    if title.endswith((").", ")。", "）.", "）。")):
        title = title[:-1]  # "Title (SoCC 2020).": the full stop after a tag
    title, tag = citation.split_venue_tag(title, table)
    if tag is None and (m := _TITLE_VENUE.match(title)) is not None:
        tag = venue_alone(m.group("v"), table)
        if tag is not None:
            title = m.group("title")
    facts.add_venue(tag)
    title = fold_spaces(title).strip(" \"'“”")
    title = _TRAILING.sub("", title, count=1).strip()
    return title


# A full stop that may end a title: not an initial's ("A. Quill").
_TITLE_STOP = re.compile(r"(?<!\b[^\W\d_])[.。]\s+")
# An initial at the very end, whose full stop went with the title's ("…, Lind, B").
_LAST_INITIAL = re.compile(r"\b[^\W\d_]$")


def _title_authors(title: str, facts: _Facts, table: VenueTable) -> str:
    """A plain title followed by its authors (``Tarn Search. Ada Quill, Bo Lind, et al.``,
    the venue read already, or after them: ``… Bo Lind. Tarnconf 2019``): the title
    without them, the authors (and venue) in ``facts``. They are read only when they are
    two or more people or closed by "et al.", and the entry is cited (a venue or a year;
    "et al." is enough): a title's own second sentence keeps its place."""
    for m in _TITLE_STOP.finditer(title):
        rest = title[m.end() :]
        rest = rest + "." if _LAST_INITIAL.search(rest) else rest
        att = citation.parse_attribution_line(rest, table)
        if att is None or not att.authors or att.affiliations:
            continue
        if len(att.authors) < 2 and not att.truncated:
            continue
        cited = att.venue_raw or att.year or facts.venue_raw or (facts.year and not facts.dated)
        if not (att.truncated or cited):
            continue
        facts.add_attribution(att, "inline-authors")
        return title[: m.start()].strip()
    return title


def _speakers(title: str, kind: str, facts: _Facts) -> str:
    """Talks and courses: a trailing speaker (``Title. Jeff Dean``) or speaker list moves to authors."""
    if kind not in ("video", "course"):
        return title
    # "Title. Speaker (a remark about the speaker)": the remark goes with the speaker.
    m = re.match(r"^(.*\S[.。]\s+[^.。()]+?)\s*\([^()]*\)$", title)
    if m and looks_like_person(re.split(r"[.。]\s+", m.group(1))[-1].strip()):
        title = m.group(1)
    m = re.match(r"^(.*\S)[.。]\s+([^.。]+)$", title)
    if m and looks_like_person(m.group(2).strip()):
        if not facts.authors:
            facts.authors, facts.authors_rule = (m.group(2).strip(),), "talk-speaker"
        return m.group(1).strip()
    m = re.match(r"^([^:：]+?)\s*[:：]\s+(.+)$", title)
    if m:
        rest = m.group(2)
        truncated = bool(re.search(r"\s+and\s+so\s+on\s*$|\s*(etc\.?|…|\.\.\.)\s*$", rest))
        rest = re.sub(r"\s+and\s+so\s+on\s*$|\s*(etc\.?|…|\.\.\.)\s*$", "", rest)
        names = [p.strip() for p in re.split(r",\s*|\s+and\s+", rest) if p.strip()]
        if names and all(looks_like_person(n) for n in names):
            if not facts.authors:
                facts.authors, facts.truncated = tuple(names), truncated
                facts.authors_rule = "talk-speaker"
            return m.group(1).strip()
        head = _PAREN.sub("", m.group(1)).strip()
        if looks_like_person(head) and not facts.authors:
            facts.authors, facts.authors_rule = (head,), "talk-speaker"
    return title


_HTML_TAG = re.compile(r"<[^>]*>")
_OPEN_WRAP = re.compile(r"\s*[\[(（【]+$")
_CLOSE_WRAP = re.compile(r"^(?:\s*(?:\]|\[\s*\]|[)）】]))+")
_CODE_NAME = re.compile(r"\(\s*`([^`]{1,40})`\s*\)\s*$")


def _upto_link(segments) -> list[str]:
    parts: list[str] = []
    for segment in segments:
        if segment.link is not None and not segment.link.url.startswith("#"):
            break
        if segment.link is None:
            parts.append(segment.text)
    return parts


def _after_link(segments) -> list[str]:
    parts: list[str] = []
    seen = False
    for segment in segments:
        if segment.link is not None and not segment.link.url.startswith("#"):
            seen = True
        elif seen and segment.link is None:
            parts.append(segment.text)
    return parts


# Text after the links made only of bracketed tags: "[OSDI 2021][Nice paper]", "**[Must Read]**".
_TRAILING_TAGS = re.compile(r"(?:[\s*_,;]*\[[^\[\]]{1,60}\])+[\s*_,;.]*")


def _trailing_tags(text: str, table: VenueTable) -> Tagged | None:
    """Bracketed tags after a bullet's links, when that is all the text there is and one of
    them reads as a venue (or a year): the first such gives the venue; the others are
    remarks and dropped. None when no tag is a venue (the text stays a description).

    >>> t = _trailing_tags(" [OSDI 2021][Nice paper]", default_table())
    >>> t.venue.venue, t.venue.year
    ('OSDI', 2021)
    >>> _trailing_tags(" [IEEE Access]", default_table()).venues_without_year
    ('IEEE Access',)
    >>> _trailing_tags(" [Must Read] and more", default_table()) is None
    True
    >>> _trailing_tags(" [Nice tool]", default_table()) is None
    True
    """
    if "[" not in text or not _TRAILING_TAGS.fullmatch(text):
        return None
    venue = None
    no_year: list[str] = []
    for m in _BRACKETED.finditer(text):
        tag = m.group(1).strip().strip("*_ ")
        vy = venue_tag(tag, table)
        if vy is None or not (vy.venue or vy.year):
            continue
        venue = venue or vy
        if vy.year is None and vy.venue:
            no_year.append(tag)
    if venue is None:
        return None
    return Tagged(title="", venue=venue, venues_without_year=tuple(no_year))


def _use_tags(tagged: Tagged, facts: _Facts, problems: list[Problem], item: Item) -> None:
    """What a title's tags say: venue, organisations, an author, a date (:mod:`.tags`)."""
    facts.add_venue(tagged.venue)
    if tagged.date is not None and facts.year is None:
        facts.year, facts.dated = tagged.date, True
    if tagged.affiliations:
        known = {name for name, _ in facts.affiliations}
        facts.affiliations = facts.affiliations + tuple(
            (org, None) for org in tagged.affiliations if org not in known
        )
    if tagged.authors and not facts.authors:
        facts.authors, facts.truncated = tagged.authors, tagged.truncated
        facts.authors_rule = "title-tag"
    for tag in tagged.venues_without_year:
        problems.append(
            Problem(
                item.path,
                item.line,
                "warning",
                "tag-without-year",
                f"the venue tag '{tag}' gives no year; write it as '{tag}'YY' or '{tag} YYYY'",
            )
        )


def _is_badge(segment) -> bool:
    """A link that wraps an image (a badge, a logo): it names no title and no kind."""
    return segment.link is not None and segment.image is not None


def _badge_facts(segments, facts: _Facts, table: VenueTable) -> str | None:
    """Venue badges give the venue; a star badge the repository it counts (returned)."""
    stars = None
    for segment in segments:
        if segment.image is None:
            continue
        badge = read_badge(segment.image.url)
        if badge is None:
            continue
        if badge.kind == "venue":
            facts.add_venue(venue_tag(badge.message, table))
        elif badge.kind == "stars":
            stars = stars or badge.repo
    return stars


def _link_problems(path: str, line: int, links: list[Link]) -> list[Problem]:
    problems: list[Problem] = []
    for link in links:
        if not link.url.strip():
            problems.append(
                Problem(path, line, "warning", "empty-url", f"link '{link.label}' has an empty URL")
            )
            continue
        scheme = unsafe_scheme(link.url)
        if scheme:
            what = (
                f"a {scheme}: URL with spaces or control characters in or before its scheme"
                if scheme in SAFE_SCHEMES
                else f"a {scheme}: URL, which is not a web or mail address"
            )
            problems.append(
                Problem(
                    path,
                    line,
                    "warning",
                    "unsafe-url",
                    f"link '{link.label}' has {what}; it is not stored as a link (only http, "
                    "https, mailto and relative URLs are)",
                )
            )
            continue
        claimed = label_mismatch(link.label, link.url)
        if claimed:
            problems.append(
                Problem(
                    path,
                    line,
                    "warning",
                    "label-mismatch",
                    f"link labelled '{claimed}' points to {link.url}, which is not what the "
                    "label says",
                )
            )
    return problems


_NO_ORGANISATION = frozenset({"n/a", "na", "none", "unknown", "tbd", "various", "multiple"})


def _affiliation_cell(text: str) -> bool:
    """An Affiliation column's cell that names an organisation: it begins with a capital
    letter, has at most eight words and is no person's name and no "N/A"."""
    return (
        text[:1].isupper()
        and len(text.split()) <= 8
        and text.casefold().strip(" .") not in _NO_ORGANISATION
        and not looks_like_person(text)
    )


def _row_facts(row: Row, item: Item, facts: _Facts, table: VenueTable) -> bool:
    """What a row's cells say (a table row's, or a bullet's written as one): venue,
    authors, affiliations, summary and year; whether they make a paper (a date alone does
    not: it dates blog posts and releases too)."""
    for text in row.venues:
        facts.add_venue(venue_tag(text, table) or parse_venue(text, table))
    if row.authors:
        att = citation.parse_attribution_line(row.authors, table)
        if att is not None and att.authors:
            rule = "author-column" if item.form == "row" else "author-cell"
            facts.add_attribution(att, rule)
    if row.affiliations:
        # A table's Affiliation column says what its cells are: a capitalised name there is
        # an organisation though no word of it says so ("TAMU", "ShanghaiTech", "Purdue").
        trusted = item.form == "row"
        facts.affiliations = facts.affiliations + tuple(
            (org, None)
            for org in row.affiliations
            if is_organisation(org) or (trusted and _affiliation_cell(org))
        )
    if row.summary and item.form == "row":
        facts.summary = row.summary
        facts.summary_at = (item.line, item.raw)
    elif row.summary:
        # A bullet's leftover cells describe it, before its other description lines.
        facts.descriptions.insert(0, row.summary)
        facts.description_at = (item.line, item.raw)
    cited = bool(facts.authors or facts.venue_raw)
    if row.year is not None:
        facts.year = facts.year or row.year
    return cited


def interpret(
    item: Item, parent: int | None = None, table: VenueTable | None = None
) -> tuple[list[Entry], list[Problem]]:
    """The entries (the bullet and any nested entries) and problems of one top-level bullet.

    ``table`` is the venue table the list reads with (:meth:`VenueTable.scoped` for a known
    list); ``None`` means :func:`~.venues.default_table`.
    """
    table = table if table is not None else default_table()
    if is_toc_item(item) or (not item.segments and not item.children):
        return [], []
    if item.form == "bullet" and is_matter_text(item):  # "## Contributing\n- Fork the repo"
        return [], []
    facts = _Facts(end_line=item.end_line)
    child_entries: list[Item] = []
    problems: list[Problem] = []
    badge_links: list[Link] = []
    name_from_tag: str | None = None
    tag_source = item.source
    if item.form == "row":
        row: Row | None = read_row(item)
        if not row.title.strip() and not row.links:
            return [], []
    else:
        for child in item.children:
            if _is_entry_child(child, table):
                child_entries.append(child)
            else:
                _read_attribute(child, facts, table)
        for extra in item.extra:
            if not _author_paragraph(extra, facts, table):
                facts.descriptions.append(extra)
        # "- 2016 | Title | Ada Quill, et al. | PAKDD | [PDF](url)": a row without a table.
        row = read_pipe_row(item, table) if item.form == "bullet" else None
    if row is not None:
        own_links = row.links
        badge_links = row.badge_links
        head = row.title
        tag_source = row.title_source
        cited = _row_facts(row, item, facts, table)
        stars = row.stars
    else:
        stars = _badge_facts(item.segments, facts, table)
        badge_links = [s.link for s in item.segments if _is_badge(s) and s.link.url.strip()]
        own_links = [
            s.link
            for s in item.segments
            if s.link is not None and not _is_badge(s) and not s.link.url.startswith("#")
        ]
        plain = [s for s in item.segments if not _is_badge(s)]
        # "Title. \\[[Slides](url)\\]": a bracket around the links is no part of the text.
        before = _OPEN_WRAP.sub("", fold_spaces("".join(_upto_link(plain))))
        head = (
            before if own_links else fold_spaces("".join(x.text for x in plain if x.link is None))
        )
        after = _CLOSE_WRAP.sub("", fold_spaces("".join(_after_link(plain))))
        lead = author_lead(before, own_links[0].label, after, table) if own_links else None
        if lead is not None:
            # "Ada Quill, Bo Lind. [Title](url). *ICLR*, 2022": people first, then the
            # linked title, then venue and year.
            facts.add_attribution(lead[0], "author-lead")
            facts.add_venue(lead[1])
            head, after = own_links[0].label, ""
        tagged_first = tag_first(plain, table) if own_links and lead is None else None
        if tagged_first is not None:
            # "[[ICML](url)] Tarn: Fast Things [[code](url)]": the label is a tag, the
            # title follows the link.
            label_venue, head, after = tagged_first
            after = fold_spaces(after)
            if label_venue is not None and label_venue.venue:
                facts.add_venue(label_venue)
        if after.endswith((")", "）", ").", "）.")):
            # "[Title](url) (Acme University, KTL)": the authors' organisations.
            after = _use_group(after, facts, table, whole=True)
        trailing_tags = _trailing_tags(after, table) if own_links else None
        if trailing_tags is not None:
            # "Title [[Paper]](url) [OSDI 2021][Nice paper]": a venue tag after the links.
            _use_tags(trailing_tags, facts, problems, item)
            after = ""
        tagged_head = (
            read_tags(head, table) if head.startswith(("[", "【")) or "[" in head[:4] else None
        )
        if tagged_head is not None and own_links and not tagged_head.title:
            _use_tags(tagged_head, facts, problems, item)
            name_from_tag = tagged_head.name
            head = ""
        if own_links and not _ALNUM.search(head):
            # "🌐 [Together](url)": a mark before the link is no title.
            head = ""
        if own_links and not head and names_the_entry(own_links[0].label):
            # The classic awesome-list bullet: "[Name](url) - description".
            head = own_links[0].label
            code = _CODE_NAME.search(item.source)
            if code is not None and fold_spaces(after).strip("() ") == code.group(1).strip():
                name_from_tag = name_from_tag or code.group(1).strip()
                after = ""
            plain_after = _HTML_TAG.sub(" ", after)
            by = read_by_line(plain_after, table)
            if by is None and not _AFTER_STOP.match(after):
                # "[Title](url) Ada Quill, Bo Lind et al., HPCA 2023": a by-line without
                # "by" when it is a citation (people, then a known venue with a year).
                by = read_citation(plain_after, table)
                near_miss = None if by is not None else citation_near_miss(plain_after, table)
                if near_miss is not None:
                    problems.append(
                        Problem(
                            item.path,
                            item.line,
                            "info",
                            "unread-citation",
                            f"the text after '{own_links[0].label}' reads almost as a "
                            f"citation but is kept as its description: {near_miss}; write "
                            "'by' before the names to read it as a by-line",
                        )
                    )
            rule = "by-line"
            if by is None and (by := read_paren_who(plain_after)) is not None:
                rule = "paren-author"  # "[Title](url) (Ada Quill)"
            if by is not None:
                # "[Title](url) by Acme Labs, SC 2022": who wrote it, where and when.
                if by.authors and not facts.authors:
                    facts.authors, facts.truncated = by.authors, by.truncated
                    facts.authors_rule = rule
                facts.affiliations = facts.affiliations + by.affiliations
                facts.add_venue(by.venue)
                after = ""
            if after.lstrip().startswith("|") and not pipe_in_code(item.source):
                # "[Title](url) | OSDI'22 | Acme Labs": venue and organisation suffixes;
                # what they do not read ("| handy") stays the description.
                suffixes = read_tags("x " + after, table)
                _use_tags(suffixes, facts, problems, item)
                after = suffixes.title.removeprefix("x").lstrip(" |")
            description = _LEADING_DASHES.sub("", after)
            att = (
                citation.parse_attribution_line(description, table)
                if _AFTER_STOP.match(after)
                else None
            )
            if att is not None and att.authors and (len(att.authors) > 1 or att.truncated):
                # "[Title](url). Ada Quill, Bo Li." : the authors follow the title.
                facts.add_attribution(att, "inline-authors")
            elif description and not citation.split_venue_tag("x " + description, table)[1]:
                facts.descriptions.insert(0, description)
        elif own_links and not head and _ALNUM.search(after):
            # "[PDF](url) - the slides of the keynote": a kind word names no title; the
            # text after it is still the entry's description, not lost.
            facts.descriptions.insert(0, _LEADING_DASHES.sub("", after))
        cited = None
    links = own_links + facts.links + badge_links
    tagged = read_tags(head, table, tag_source)
    if tagged.title != head:
        _use_tags(tagged, facts, problems, item)
        name_from_tag = name_from_tag or tagged.name
        head = tagged.title
    inline = citation.parse_inline_citation(head, table)
    if inline is not None:
        head, att = inline
        facts.add_attribution(att, "inline-citation")
    title = _clean_title(head, facts, table)
    if row is None and item.after_links:
        _, trailing = citation.split_venue_tag("x " + item.after_links.strip(), table)
        facts.add_venue(trailing)
    if row is None and not facts.authors and ". " in title:
        title = _title_authors(title, facts, table)
    if cited is None:
        cited = facts.cited
    kind = decide_kind(item, own_links + facts.links, cited)
    if kind == "other" and all(h is not None for h in _heading_context(item, table)):
        # "### 2016 ISCA" over bare titles: a heading naming a venue and a year lists papers.
        kind = "paper"
    # The name is read before speakers leave the title ("ScaledML 2019: Ada Byron, ..."),
    # and a title that ends in a colon ("SysML 2019:") still names its subject.
    named = title + (":" if _ENDS_IN_COLON.search(head) and not title.endswith(":") else "")
    repo = next((r for r in (github_repo(link.url) for link in links) if r), None) or stars
    name, name_source = read_name(named, kind, repo)
    if name_from_tag and kind in ("paper", "thesis", "software"):
        name, name_source = name_from_tag, "title"
    title = _speakers(title, kind, facts)
    authors = list(facts.authors)
    authors_rule = facts.authors_rule
    for link in own_links:
        if github_user(link.url) and looks_like_person(link.label) and link.label not in authors:
            authors.append(link.label)
            authors_rule = authors_rule or "profile-link"

    venue, venue_raw, year = facts.venue, facts.venue_raw, facts.year
    problems.extend(_link_problems(item.path, item.line, own_links + facts.links))
    if kind in ("paper", "thesis"):
        heading_venue, heading_year = _heading_context(item, table)
        if venue is None and venue_raw is None and heading_venue:
            venue = venue_raw = heading_venue
        if year is None:
            year = heading_year
        if year is not None:
            # "[FAST]" under "## 2024": the group gives the year the tag leaves out.
            problems[:] = [p for p in problems if p.code != "tag-without-year"]
        if venue_raw and not facts.venue_known and venue == facts.venue:
            problems.append(
                Problem(
                    item.path,
                    item.line,
                    "warning",
                    "unknown-venue",
                    f"venue '{venue_raw}' is not in the venue table (data/venues.toml); add it "
                    "or an alias there",
                )
            )
        missing = [what for what, value in (("venue", venue_raw), ("year", year)) if not value]
        if missing:
            problems.append(
                Problem(
                    item.path,
                    item.line,
                    "warning",
                    "paper-incomplete",
                    f"paper '{title or '(untitled)'}' has no {' and no '.join(missing)}",
                )
            )
    else:
        venue = venue_raw = year = None
    if not links:
        problems.append(
            Problem(
                item.path,
                item.line,
                "warning",
                "no-link",
                f"{'row' if item.form == 'row' else 'entry'} '{title or '(untitled)'}' has no link",
            )
        )

    arxiv = next((a for a in (arxiv_id(link.url) for link in links) if a), None) or facts.arxiv
    found_doi = next((d for d in (doi(link.url) for link in links) if d), None)
    if found_doi is None:
        m = _DOI_TEXT.search(item.source)
        found_doi = m.group(1).rstrip(".,;)") if m else None
    summary = facts.summary or (" ".join(facts.descriptions) or None)
    summary_at = facts.summary_at if facts.summary else facts.description_at
    entry = Entry(
        source=item.path,
        line=item.line,
        end_line=max(item.end_line, facts.end_line),
        section=item.section,
        subsection=item.subsection,
        kind=kind,
        title=title or None,
        name=name,
        name_source=name_source,
        links=tuple(links),
        github=repo,
        arxiv=arxiv,
        doi=found_doi,
        authors=tuple(authors),
        authors_truncated=facts.truncated,
        venue=venue,
        venue_raw=venue_raw,
        year=year,
        summary=summary,
        parent=parent,
        affiliations=facts.affiliations,
        raw=item.raw,
        authors_rule=authors_rule if authors else "",
        summary_line=summary_at[0] if summary and summary_at else None,
        summary_raw=summary_at[1] if summary and summary_at else "",
    )
    entries = [entry]
    for child in child_entries:
        more, more_problems = interpret(child, parent=item.line, table=table)
        entries.extend(more)
        problems.extend(more_problems)
    return entries, problems
