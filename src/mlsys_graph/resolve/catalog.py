"""Resolve parsed entries into a catalog: one resource per entry (duplicates merged), people,
venues, repositories, systems, topics and lineage — the input of the RDF builder.

>>> from mlsys_graph.ingest import parse_text
>>> text = ("## Model Serving\\n"
...         "- Tarn: Serving [[Paper]](https://x.org/t.pdf) [[GitHub]](https://github.com/ac/tarn)\\n"
...         "  - Quill, Ada, et al. (*NSDI 2020*)\\n"
...         "- Fjord: Pipelines [[Paper]](https://x.org/f.pdf)\\n"
...         "  - Quill, Ada, et al. (*Preprint*)\\n"
...         "  - Summary: update version of Tarn\\n")
>>> catalog = resolve(parse_text(text, "l.md").entries)
>>> [r.key for r in catalog.resources]
['paper/quill-fjord', 'paper/quill2020-tarn']
>>> [(c.subject, c.relation, c.object, c.phrase) for c in catalog.claims]
[('paper/quill-fjord', 'extends', 'paper/quill2020-tarn', 'update version of Tarn')]
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath

from ..ingest.duplicates import duplicate_keys, nested_pair, title_key
from ..ingest.links import github_repo
from ..ingest.sources import Source
from ..ingest.venues import Venue, VenueTable, default_table
from ..kg import iri
from ..model import Entry, Link, Problem
from .lineage import (
    LineageClaim,
    NearMiss,
    inferred_lineage,
    load_curated_lineage,
    stated_lineage,
)
from .people import (
    AuthorOccurrence,
    PeopleCuration,
    PeopleResolution,
    load_people_curation,
    resolve_people,
)
from .topics import TopicScheme, load_topic_scheme

__all__ = ["Catalog", "Document", "Resource", "load_documents", "resolve"]

_KIND_PATH = {
    "paper": "paper",
    "thesis": "thesis",
    "software": "software",
    "book": "book",
    "video": "video",
    "course": "course",
    "blog": "blog",
    "website": "website",
    "other": "resource",
}
_SYSTEM_KINDS = {"paper", "thesis", "software"}
_TITLE_STOP = {"a", "an", "the", "on", "of", "for", "to", "in", "and", "towards", "toward"}


@dataclass(frozen=True, slots=True)
class Document:
    """The identity of one list file: never a local path of the machine that built it."""

    id: str
    file: str
    title: str
    repository: str | None = None
    version: str | None = None
    path: str = ""
    license: str | None = None
    attribution: str | None = None


@dataclass(frozen=True, slots=True)
class Resource:
    """One node for an entry of the list; ``occurrences`` are every place it is listed."""

    key: str
    kind: str
    occurrences: tuple[Entry, ...]
    title: str
    name: str | None
    authors: tuple[str, ...]
    authors_truncated: bool
    venue: str | None
    venue_raw: str | None
    year: int | None
    links: tuple[Link, ...]
    repos: tuple[str, ...]
    arxiv: str | None
    doi: str | None
    summary: str | None
    topics: tuple[tuple[str, str], ...]
    parent: str | None = None

    @property
    def primary(self) -> Entry:
        return self.occurrences[0]


@dataclass(frozen=True)
class Catalog:
    documents: dict[str, Document]
    resources: tuple[Resource, ...]
    people: PeopleResolution
    people_curation: PeopleCuration
    venues: dict[str, Venue]
    systems: dict[str, str]
    topics: TopicScheme
    claims: tuple[LineageClaim, ...]
    near_misses: tuple[NearMiss, ...]
    problems: tuple[Problem, ...] = field(default=())

    @cached_property
    def _by_key(self) -> dict[str, Resource]:
        return {r.key: r for r in self.resources}

    def resource(self, key: str) -> Resource:
        """The resource of a catalog key (``KeyError`` when there is none)."""
        return self._by_key[key]


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _groups(entries: Sequence[Entry]) -> list[list[Entry]]:
    """Entries that are the same thing listed more than once (never a parent and its child)."""
    uf = _UnionFind(len(entries))
    first: dict[tuple[str, str], int] = {}
    for i, e in enumerate(entries):
        for key in duplicate_keys(e):
            j = first.setdefault(key, i)
            if j != i and not nested_pair(e, entries[j]):
                uf.union(i, j)
    groups: dict[int, list[Entry]] = {}
    for i, e in enumerate(entries):
        groups.setdefault(uf.find(i), []).append(e)
    return list(groups.values())


def _family(name: str) -> str:
    return iri.slug(name.split()[-1]) if name.split() else "anon"


def _base(
    kind: str,
    title: str,
    name: str | None,
    authors: Sequence[str],
    year: int | None,
    repos: Sequence[str],
) -> str:
    if kind in ("paper", "thesis") and authors:
        words = [w for w in re.findall(r"[A-Za-z0-9]+", title) if w.lower() not in _TITLE_STOP]
        word = iri.slug(name) if name else iri.slug(words[0] if words else title)
        return f"{_family(authors[0])}{year or ''}-{word}"
    if kind in ("software", "course") and name:
        return iri.slug(name)  # a project by its name, a course by its code
    if kind == "software" and repos:
        return iri.slug(repos[0].split("/")[1])
    return iri.slug(title, 6)  # a talk or a blog by its title: "SysML 18" names the event


def _merge(group: list[Entry], topics: TopicScheme, topic_cache: dict | None = None) -> dict:
    primary = group[0]
    richest = max(group, key=lambda e: (len(e.authors), -group.index(e)))
    links: list[Link] = []
    for e in group:
        for link in e.links:
            if link not in links:
                links.append(link)
    repos: list[str] = []
    for e in group:
        for link in e.links:
            r = github_repo(link.url)
            if r and r.lower() not in {x.lower() for x in repos}:
                repos.append(r)
    found_topics: list[tuple[str, str]] = []
    cache = {} if topic_cache is None else topic_cache
    for e in group:
        headings = _headings_of(e)
        found = cache.get(headings)
        if found is None:  # a list has few headings and many entries under each
            found = cache[headings] = topics.topics_for(headings)
        for t in found:
            if t[0] not in {k for k, _ in found_topics}:
                found_topics.append(t)

    def first(attr: str):
        return next((getattr(e, attr) for e in group if getattr(e, attr) is not None), None)

    return {
        "kind": primary.kind,
        "title": primary.title or primary.name or f"entry at line {primary.line}",
        "name": first("name"),
        "authors": richest.authors,
        "authors_truncated": richest.authors_truncated,
        "venue": first("venue"),
        "venue_raw": first("venue_raw"),
        "year": first("year"),
        "links": tuple(links),
        "repos": tuple(repos),
        "arxiv": first("arxiv"),
        "doi": first("doi"),
        "summary": " ".join(dict.fromkeys(e.summary for e in group if e.summary)) or None,
        "topics": tuple(found_topics),
    }


def _headings_of(entry: Entry) -> tuple[tuple[int, str], ...]:
    out = []
    if entry.section:
        out.append((2, entry.section))
    if entry.subsection:
        out.append((3, entry.subsection))
    return tuple(out)


def person_problems(resources: Sequence[Resource], people: PeopleResolution) -> list[Problem]:
    """One ``possible-duplicate-person`` problem per unsure pair, at the first list line that
    names either person, with a ready-to-paste curation snippet."""
    where: dict[str, Entry] = {}
    for r in resources:
        for position in range(1, len(r.authors) + 1):
            where.setdefault(people.person_of[(r.key, position)], r.primary)
    problems = []
    for dup in people.possible_duplicates:
        places = [where[k] for k in (dup.a, dup.b) if k in where]
        entry = max(places, key=lambda e: (e.source, e.line)) if places else None
        path, line = (entry.source, entry.line) if entry else ("data/people.ttl", 1)
        problems.append(
            Problem(
                path,
                line,
                "info",
                "possible-duplicate-person",
                f"person:{dup.a} and person:{dup.b} may be one person ({dup.reason}); "
                "settle it in data/people.ttl with:\n" + dup.snippet(),
            )
        )
    return problems


def load_documents(sources: Iterable[Source], table: Path | None = None) -> dict[str, Document]:
    """The identity of each source, from ``data/lists.toml`` (matched by file name or by the
    SHA-256 of the text); an unknown list is named by its path inside the list."""
    from ..resources import data_file

    known = tomllib.loads((table or data_file("lists.toml")).read_text("utf-8")).get("list", [])
    docs: dict[str, Document] = {}
    for source in sources:
        base = PurePosixPath(source.name).name
        digest = hashlib.sha256(source.text.encode("utf-8")).hexdigest()
        match = next((k for k in known if k.get("file") == base or k.get("sha256") == digest), None)
        if match:
            docs[source.path] = Document(
                id=match["id"],
                file=base,
                title=match.get("title", base),
                repository=match.get("repository"),
                version=match.get("version"),
                path=match.get("path", source.name),
                license=match.get("license"),
                attribution=match.get("attribution"),
            )
        else:
            stem = iri.slug(source.name.rsplit(".", 1)[0] or "list", max_words=12)
            docs[source.path] = Document(id=stem, file=base, title=source.name, path=source.name)
    return docs


def resolve(
    entries: Sequence[Entry],
    *,
    documents: dict[str, Document] | None = None,
    people_curation: PeopleCuration | None = None,
    topics: TopicScheme | None = None,
    venues: VenueTable | None = None,
    infer: bool = True,
    curated_lineage: Sequence[LineageClaim] | None = None,
) -> Catalog:
    """Resolve entries into a :class:`Catalog` (deterministic: same entries → same catalog)."""
    topics = topics or load_topic_scheme()
    venues = venues or default_table()
    if people_curation is None:
        people_curation = load_people_curation()
    documents = (
        documents
        if documents is not None
        else {
            e.source: Document(
                iri.slug(PurePosixPath(e.source).stem), e.source, e.source, path=e.source
            )
            for e in entries
        }
    )

    groups = _groups(entries)
    topic_cache: dict = {}
    merged = [(group, _merge(group, topics, topic_cache)) for group in groups]
    bases = {}
    for group, m in merged:
        repo = m["repos"][0].lower() if m["repos"] else ""
        identity = f"{_KIND_PATH[m['kind']]}|{title_key(m['title'])}|{repo}"
        bases[identity] = (
            group,
            m,
            _base(m["kind"], m["title"], m["name"], m["authors"], m["year"], m["repos"]),
        )
    locals_ = iri.assign({identity: base for identity, (_, _, base) in bases.items()})
    line_to_key: dict[tuple[str, int], str] = {}
    drafts = []
    for identity, (group, m, _base_name) in bases.items():
        key = f"{_KIND_PATH[m['kind']]}/{locals_[identity]}"
        for e in group:
            line_to_key[(e.source, e.line)] = key
        drafts.append((key, group, m))

    resources = []
    for key, group, m in sorted(drafts, key=lambda d: d[0]):
        parent = next(
            (line_to_key.get((e.source, e.parent)) for e in group if e.parent is not None), None
        )
        resources.append(Resource(key=key, occurrences=tuple(group), parent=parent, **m))

    occurrences = [
        AuthorOccurrence(r.key, pos, name)
        for r in resources
        for pos, name in enumerate(r.authors, start=1)
    ]
    people = resolve_people(occurrences, people_curation)

    used_venues: dict[str, Venue] = {}
    for r in resources:
        if r.venue:
            v = venues.lookup(r.venue)
            if v is not None:
                used_venues[v.key] = v

    systems = {}
    for r in resources:
        if r.name and r.kind in _SYSTEM_KINDS:
            systems.setdefault(iri.slug(r.name), r.name)

    texts = {r.key: (r.name, r.summary) for r in resources}
    stated, misses = stated_lineage(texts)
    keys = {r.key for r in resources}
    curated = [
        c
        for c in (load_curated_lineage() if curated_lineage is None else curated_lineage)
        if c.subject in keys and c.object in keys
    ]
    claims = list(stated) + curated
    if infer:
        rows = [
            (
                r.key,
                r.year,
                frozenset(people.person_of[(r.key, i)] for i in range(1, len(r.authors) + 1)),
                frozenset(t for t, _ in r.topics),
            )
            for r in resources
            if r.kind in ("paper", "thesis")
        ]
        claims.extend(inferred_lineage(rows, [*stated, *curated]))
    problems = person_problems(resources, people)
    return Catalog(
        documents=documents,
        resources=tuple(resources),
        people=people,
        people_curation=people_curation,
        venues=dict(sorted(used_venues.items())),
        systems=dict(sorted(systems.items())),
        topics=topics,
        claims=tuple(sorted(claims, key=lambda c: (c.strength, c.subject, c.relation, c.object))),
        near_misses=tuple(misses),
        problems=tuple(problems),
    )
