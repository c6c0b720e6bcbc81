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

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path, PurePosixPath

from ..ingest.duplicates import arxiv_key, doi_key, duplicate_groups, title_key
from ..ingest.known_lists import identify
from ..ingest.links import github_repo
from ..ingest.sources import Source, unique_names
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
    #: Organisations of the author line the authors come from: (name, author position or None).
    affiliations: tuple[tuple[str, int | None], ...] = ()

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


def _groups(entries: Sequence[Entry]) -> list[list[Entry]]:
    """Entries that are the same thing listed more than once (:mod:`..ingest.duplicates`)."""
    return [[entries[i] for i in group] for group in duplicate_groups(entries)]


def _identity(m: dict) -> str:
    repo = m["repos"][0].lower() if m["repos"] else ""
    return f"{_KIND_PATH[m['kind']]}|{title_key(m['title'])}|{repo}"


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


def _repo_of(url: str) -> str | None:
    """:func:`~mlsys_graph.ingest.links.github_repo` of a URL, not asked of a URL whose text
    cannot name a github.com host (most links): it parses the URL (microseconds), and its
    cache is smaller than a 100,000-entry list's links.

    A host is read from the URL's text with tabs and line breaks removed, lower-cased, so a
    URL whose text (so cleaned and lower-cased) lacks ``github.com`` has no GitHub host.

    >>> _repo_of("https://GitHub.com/ucbrise/clipper"), _repo_of("https://arxiv.org/abs/1")
    ('ucbrise/clipper', None)
    """
    if "github.com" not in url.lower().replace("\t", "").replace("\n", "").replace("\r", ""):
        return None
    return github_repo(url)


def _merge(group: list[Entry], topics: TopicScheme, topic_cache: dict | None = None) -> dict:
    primary = group[0]
    cache = {} if topic_cache is None else topic_cache
    if len(group) == 1:  # most entries are listed once
        richest = primary
        links = tuple(dict.fromkeys(primary.links))
        links_seen: Iterable[Link] = primary.links
    else:
        richest = max(group, key=lambda e: (len(e.authors), -group.index(e)))
        links = tuple(dict.fromkeys(link for e in group for link in e.links))
        links_seen = [link for e in group for link in e.links]
    repos: list[str] = []
    lowered: set[str] = set()
    for link in links_seen:
        r = _repo_of(link.url)
        if r and r.lower() not in lowered:
            repos.append(r)
            lowered.add(r.lower())
    found_topics: list[tuple[str, str]] = []
    topic_keys: set[str] = set()
    for e in group:
        headings = _headings_of(e)
        found = cache.get(headings)
        if found is None:  # a list has few headings and many entries under each
            found = cache[headings] = topics.topics_for(headings)
        for t in found:
            if t[0] not in topic_keys:
                found_topics.append(t)
                topic_keys.add(t[0])

    if len(group) == 1:

        def first(attr: str):
            return getattr(primary, attr)

        name = primary.name if primary.name_source != "repository" else None
        summary = primary.summary or None
    else:

        def first(attr: str):
            return next((getattr(e, attr) for e in group if getattr(e, attr) is not None), None)

        # A name read off a repository slug stays in the records: it names no system.
        name = next((e.name for e in group if e.name and e.name_source != "repository"), None)
        summary = " ".join(dict.fromkeys(e.summary for e in group if e.summary)) or None

    return {
        "kind": primary.kind,
        "title": primary.title or primary.name or f"entry at line {primary.line}",
        "name": name or None,
        "authors": richest.authors,
        "authors_truncated": richest.authors_truncated,
        "venue": first("venue"),
        "venue_raw": first("venue_raw"),
        "year": first("year"),
        "links": links,
        "repos": tuple(repos),
        "arxiv": first("arxiv"),
        "doi": first("doi"),
        "summary": summary,
        "topics": tuple(found_topics),
        "affiliations": richest.affiliations,
    }


def _author_scope(r: Resource, documents: dict[str, Document]) -> frozenset[str]:
    """Where a resource's author list was written: its list (``list:ID``) and its paper
    (``arxiv:ID``, ``doi:DOI``), for curated aliases scoped to either."""
    richest = max(r.occurrences, key=lambda e: (len(e.authors), -r.occurrences.index(e)))
    doc = documents.get(richest.source)
    scope = {f"list:{doc.id}"} if doc is not None else set()
    if arxiv_key(r.arxiv):
        scope.add(f"arxiv:{arxiv_key(r.arxiv)}")
    if doi_key(r.doi):
        scope.add(f"doi:{doi_key(r.doi)}")
    return frozenset(scope)


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


_NOT_NAMES = {"/", "", ".", ".."}
#: What ``--list-id`` accepts: a slug.
LIST_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def load_documents(
    sources: Iterable[Source], table: Path | None = None, *, list_id: str | None = None
) -> dict[str, Document]:
    """The identity of each source, keyed by its path.

    A list of ``data/lists.toml`` (matched by file name or by the SHA-256 of the text) keeps
    its id and provenance; any other is named by its name among the inputs
    (:attr:`Source.name`: relative, never a local absolute path). With ``list_id``, one
    source is that id and several are ``<list_id>/<name>``. Ids never collide: ids that
    clash each get a short hash of their source's name.

    >>> docs = load_documents([Source("x/a/README.md", "", "a/README.md"),
    ...                        Source("y/b/README.md", "", "b/README.md")])
    >>> [(d.id, d.path) for d in docs.values()]
    [('a-readme', 'a/README.md'), ('b-readme', 'b/README.md')]
    >>> [d.id for d in load_documents([Source("l.md", "")], list_id="my-list").values()]
    ['my-list']
    """
    if list_id is not None and not LIST_ID.match(list_id):
        raise ValueError(f"list id {list_id!r} is not a slug (lower-case a-z, 0-9 and '-')")
    return _documents(list(sources), table, list_id)


def _documents(
    sources: list[Source], table: Path | None, list_id: str | None
) -> dict[str, Document]:
    drafts: dict[str, tuple[str, Source, Document]] = {}
    for source in sources:
        base = PurePosixPath(source.name).name
        match = identify(source.name, source.text, table)
        stem = iri.slug(source.name.rsplit(".", 1)[0], max_words=12) or "list"
        doc_id = match.id if match else stem
        if list_id is not None:
            doc_id = list_id if len(sources) == 1 else f"{list_id}/{stem}"
        if match:
            doc = Document(
                id=doc_id,
                file=base,
                title=match.title or base,
                repository=match.repository,
                version=match.version,
                path=match.path or source.name,
                license=match.license,
                attribution=match.attribution,
            )
        else:
            doc = Document(id=doc_id, file=base, title=source.name, path=source.name)
        identity = source.name
        while identity in drafts:  # the same name twice: only sources made by hand
            identity += "'"
        drafts[identity] = (doc_id, source, doc)
    ids = iri.assign({identity: doc_id for identity, (doc_id, _, _) in drafts.items()})
    return {
        source.path: replace(doc, id=ids[identity]) for identity, (_, source, doc) in drafts.items()
    }


def _default_documents(paths: Iterable[str]) -> dict[str, Document]:
    """Documents for entries' source paths when none are given: named as
    :func:`~mlsys_graph.ingest.sources.read_sources` names inputs (never an absolute path)."""
    paths = sorted(set(paths))
    parts = [
        [part for part in PurePosixPath(p.replace("\\", "/")).parts if part not in _NOT_NAMES]
        or ["list.md"]
        for p in paths
    ]
    names = unique_names([(p, 1) for p in parts])
    sources = [Source(p, "", n) for p, n in zip(paths, names, strict=True)]
    return _documents(sources, None, None)


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
    documents = dict(documents or {})
    missing = {e.source for e in entries} - documents.keys()
    if missing:
        documents.update(_default_documents(missing))

    groups = _groups(entries)
    topic_cache: dict = {}
    merged = [(group, _merge(group, topics, topic_cache)) for group in groups]
    bases = {}
    plain = [_identity(m) for _, m in merged]
    clashes = {i for i, n in Counter(plain).items() if n > 1}
    for (group, m), identity in zip(merged, plain, strict=True):
        if identity in clashes:  # same title, different papers (years, identifiers)
            identity += (
                f"|{m['year'] or ''}|{arxiv_key(m['arxiv']) or ''}|{doi_key(m['doi']) or ''}"
            )
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
        AuthorOccurrence(r.key, pos, name, scope)
        for r in resources
        for scope in (_author_scope(r, documents),)
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
            systems.setdefault(iri.system_slug(r.name), r.name)

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
