"""Frozen records that flow through the pipeline, each carrying where it came from.

>>> span = SourceSpan("list.md", 3, 4)
>>> str(span)
'list.md:3-4'
>>> Problem("list.md", 3, "warning", "empty-url", "link 'Paper' has an empty URL")
Problem(path='list.md', line=3, level='warning', code='empty-url', message="link 'Paper' has an empty URL")
>>> str(_)
"list.md:3: warning: link 'Paper' has an empty URL [empty-url]"
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "KINDS",
    "LEVELS",
    "Entry",
    "Link",
    "ParseResult",
    "Problem",
    "SourceSpan",
    "reduce_by_fields",
]

#: Every value ``Entry.kind`` may take.
KINDS = ("paper", "software", "book", "video", "course", "blog", "website", "thesis", "other")
#: Problem levels, most severe first.
LEVELS = ("error", "warning", "info")

Level = Literal["error", "warning", "info"]


def reduce_by_fields(record: Any) -> tuple[type, tuple]:
    """``__reduce__`` of a frozen slotted record: pickled as a call of its class with its
    fields. Unpickling then runs the class's ``__init__`` instead of the ``__setstate__`` a
    frozen dataclass gets, in about half the time (the items a forked parse sends back).

    >>> import pickle
    >>> pickle.loads(pickle.dumps(Link("Paper", "https://x.org/p.pdf")))
    Link(label='Paper', url='https://x.org/p.pdf')
    """
    return type(record), tuple(getattr(record, name) for name in record.__slots__)


@dataclass(frozen=True, slots=True)
class SourceSpan:
    """A 1-based, inclusive line range in one source file."""

    path: str
    line: int
    end_line: int

    def __str__(self) -> str:
        if self.end_line == self.line:
            return f"{self.path}:{self.line}"
        return f"{self.path}:{self.line}-{self.end_line}"


@dataclass(frozen=True, slots=True)
class Link:
    """One markdown link: its label (outer brackets removed) and its URL exactly as written."""

    label: str
    url: str

    __reduce__ = reduce_by_fields


@dataclass(frozen=True, slots=True)
class Problem:
    """Something odd in the input, kept as data; parsing goes on.

    ``code`` is stable and documented in ``docs/problems.md``.
    """

    path: str
    line: int
    level: Level
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.level}: {self.message} [{self.code}]"

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "level": self.level,
            "code": self.code,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class Entry:
    """One entry of an awesome list (a paper, a project, a book, ...).

    Field names are exactly those of ``mlsys-graph parse --format json``.
    """

    source: str
    line: int
    end_line: int
    section: str | None
    subsection: str | None
    kind: str
    title: str | None
    name: str | None
    links: tuple[Link, ...] = ()
    github: str | None = None
    arxiv: str | None = None
    doi: str | None = None
    authors: tuple[str, ...] = ()
    authors_truncated: bool = False
    venue: str | None = None
    venue_raw: str | None = None
    year: int | None = None
    summary: str | None = None
    parent: int | None = None
    #: Organisations the author line names: ``(name, author position)``, the position
    #: ``None`` for an affiliation of the entry as a whole.
    affiliations: tuple[tuple[str, int | None], ...] = ()
    #: Where ``name`` comes from: ``text`` (a "X is a …" sentence), ``title`` (the title's
    #: head or a name in it), ``repository`` (the GitHub repository slug); ``None`` without
    #: a name.
    name_source: str | None = None
    #: The raw text of the bullet's first line (not part of the JSON shape).
    raw: str = field(default="", compare=False, repr=False)
    #: The rule that found the authors (``author-line``, ``inline-citation``, ``talk-speaker``,
    #: ``profile-link``; not part of the JSON shape).
    authors_rule: str = field(default="", compare=False, repr=False)
    #: Line and raw text of the summary (or first description line), for evidence.
    summary_line: int | None = field(default=None, compare=False, repr=False)
    summary_raw: str = field(default="", compare=False, repr=False)

    @property
    def span(self) -> SourceSpan:
        return SourceSpan(self.source, self.line, self.end_line)

    def to_dict(self) -> dict[str, Any]:
        """The record as the JSON object ``parse --format json`` prints."""
        return {
            "source": self.source,
            "line": self.line,
            "end_line": self.end_line,
            "section": self.section,
            "subsection": self.subsection,
            "kind": self.kind,
            "title": self.title,
            "name": self.name,
            "name_source": self.name_source,
            "links": [{"label": link.label, "url": link.url} for link in self.links],
            "github": self.github,
            "arxiv": self.arxiv,
            "doi": self.doi,
            "authors": list(self.authors),
            "authors_truncated": self.authors_truncated,
            "affiliations": [
                {"name": name, "author": position} for name, position in self.affiliations
            ],
            "venue": self.venue,
            "venue_raw": self.venue_raw,
            "year": self.year,
            "summary": self.summary,
            "parent": self.parent,
        }


@dataclass(frozen=True, slots=True)
class ParseResult:
    """Entries and problems found in one or more lists."""

    entries: tuple[Entry, ...]
    problems: tuple[Problem, ...]
    #: One :class:`mlsys_graph.ingest.profile.Profile` per file read: the layout it is
    #: written in (``mlsys-graph parse --explain``).
    profiles: tuple = ()

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.level == "error")
