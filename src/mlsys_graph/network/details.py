"""What a reader wants to see about a node: authors in order, venue, links, where it is listed.

The views (:mod:`.project`) carry only what analyses need (kind, label, name, year). A
page or a notebook that shows one node also wants its authors in the list's order (and
whether the list cut them short with "et al."), its venue, its links, its summary and the
list lines it comes from. :func:`read_details` reads these by subject (one
``quads_for_pattern`` per node, authorship, link and list line; no SPARQL), so a page of
5,000 nodes costs the same in a graph of 10,000 entries or of 100,000.

Values are the graph's own text, unescaped. Links are the graph's ``mls:url`` values (the
ingest keeps only http, https, mailto and relative URLs there and reports the others as
``unsafe-url``); a renderer still decides which it makes clickable.

>>> details = read_details()                  # the bundled graph
>>> clipper = details["https://w3id.org/mlsys-graph/id/paper/crankshaw2017-clipper"]
>>> clipper.authors, clipper.authors_truncated, clipper.venue
(('Daniel Crankshaw',), True, 'NSDI')
>>> [link.label for link in clipper.links]
['Paper', 'GitHub']
>>> clipper.listed[0].text()
'README.md:230-233 (Model Serving)'
"""

from __future__ import annotations

from dataclasses import dataclass

from .facts import ENTRY_KINDS, MLS, RDFS_LABEL

__all__ = ["FOLLOWED", "Details", "Link", "Listing", "read_details", "source_documents"]

SCHEMA_URL = "http://schema.org/url"


@dataclass(frozen=True)
class Link:
    """One link of an entry (``label`` as the list wrote it), or a repository's URL."""

    label: str
    url: str


@dataclass(frozen=True)
class Listing:
    """One place a list names the entry: file, lines, heading, and the list's identity."""

    file: str
    line: int | None = None
    end_line: int | None = None
    section: str | None = None
    subsection: str | None = None
    document: str | None = None
    version: str | None = None
    repository: str | None = None

    def text(self) -> str:
        """``file:line-end (section / subsection)``.

        >>> Listing("README.md", 7, 9, "Serving", "Inference").text()
        'README.md:7-9 (Serving / Inference)'
        >>> Listing("list.md", 3, 3).text()
        'list.md:3'
        """
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.end_line is not None and self.end_line != self.line:
                where += f"-{self.end_line}"
        heading = " / ".join(h for h in (self.section, self.subsection) if h)
        return f"{where} ({heading})" if heading else where


@dataclass(frozen=True)
class Details:
    """What is known about one node beyond its view attributes.

    ``authors`` are people's names in the list's order; ``venue`` is the venue's short name
    and ``venue_name`` its full name; ``links`` are in the list's order (a repository's own
    URL for a repository node); ``listed`` are the list lines the entry comes from.
    """

    iri: str
    authors: tuple[str, ...] = ()
    authors_truncated: bool = False
    venue: str | None = None
    venue_name: str | None = None
    links: tuple[Link, ...] = ()
    listed: tuple[Listing, ...] = ()
    summary: str | None = None


def _int(text: str | None) -> int | None:
    return int(text) if text is not None and text.isdigit() else None


def _by_subject(store, subjects, predicates, *, whole=False) -> dict[str, dict[str, list[str]]]:
    """subject → predicate → object values, for the given subjects: one lookup per
    subject and predicate (cheaper than reading every triple of an entry), or with
    ``whole=True`` one per subject, keeping the predicates asked for (cheaper when they
    are most of the subject's triples, as for a list line)."""
    import pyoxigraph as ox

    out: dict[str, dict[str, list[str]]] = {}
    if whole:
        wanted = set(predicates)
        for subject in subjects:
            table: dict[str, list[str]] = {}
            for q in store.quads_for_pattern(ox.NamedNode(subject), None, None):
                predicate = q.predicate.value
                if predicate in wanted:
                    table.setdefault(predicate, []).append(q.object.value)
            out[subject] = table
        return out
    named = [(p, ox.NamedNode(p)) for p in predicates]
    for subject in subjects:
        node = ox.NamedNode(subject)
        table = {}
        for predicate, term in named:
            found = [q.object.value for q in store.quads_for_pattern(node, term, None)]
            if found:
                table[predicate] = found
        out[subject] = table
    return out


def _first(table: dict[str, list[str]] | None, predicate: str) -> str | None:
    found = table.get(predicate) if table else None
    return min(found) if found else None


_AUTHORSHIP, _TRUNCATED, _PUBLISHED = (
    MLS + "authorship",
    MLS + "authorsTruncated",
    MLS + "publishedIn",
)
_FULL_NAME, _LINK, _RECORD, _SUMMARY = (
    MLS + "fullName",
    MLS + "link",
    MLS + "sourceRecord",
    MLS + "summary",
)
_POSITION, _PERSON, _WRITTEN = MLS + "position", MLS + "person", MLS + "nameAsWritten"
_URL, _LINK_LABEL, _LINE, _END_LINE = MLS + "url", MLS + "linkLabel", MLS + "line", MLS + "endLine"
_SECTION, _SUBSECTION, _IN_DOCUMENT = MLS + "section", MLS + "subsection", MLS + "inDocument"
_FILE_PATH, _VERSION, _REPOSITORY = MLS + "filePath", MLS + "version", MLS + "repositoryUrl"

#: The predicates :func:`read_details` follows from a node to what it shows (authorships
#: and their people, venue, links, list lines and their documents), at most two steps
#: deep: what a store must hold around the nodes (:func:`.built.store_around`).
FOLLOWED = (_AUTHORSHIP, _PERSON, _PUBLISHED, _LINK, _RECORD, _IN_DOCUMENT)


def read_details(source=None, *, iris=None, facts=None) -> dict[str, Details]:
    """Details of the analysable nodes of a graph (entries, repositories, venues...).

    Each node is read by subject (one lookup each, and one per authorship, link and list
    line it has), so the work grows with the nodes asked for, not with the graph.

    Parameters
    ----------
    source : graph source
        Anything :func:`~.source.open_graph` accepts (the bundled graph by default). A
        :class:`~.facts.Facts` is not enough: it holds no links or source lines.
    iris : iterable of str, optional
        Only these nodes (default: every node :func:`~.facts.read_facts` keeps).
    facts : Facts or Outline, optional
        Already read from ``source`` (its nodes are the analysable ones; names of the
        authors and venues not in a ``Facts`` are read from the graph).

    Returns
    -------
    dict
        IRI → :class:`Details`; nodes with nothing to add still get an empty ``Details``.
    """
    from .facts import Facts, read_kinds, read_labels, read_nodes
    from .source import open_graph

    store = open_graph(source)
    if facts is None:
        kinds = read_kinds(store)
    elif isinstance(facts, Facts):
        kinds = {i: n.kind for i, n in facts.nodes.items()}
    else:
        kinds = facts.kinds
    wanted = sorted(kinds if iris is None else set(iris) & set(kinds))
    entries = {i for i in wanted if kinds[i] in ENTRY_KINDS}
    own = _by_subject(
        store,
        sorted(entries),
        (_AUTHORSHIP, _TRUNCATED, _PUBLISHED, _LINK, SCHEMA_URL, _RECORD, _SUMMARY),
    )
    own.update(
        _by_subject(store, [i for i in wanted if i not in entries], (_FULL_NAME, SCHEMA_URL))
    )

    def of_entries(predicate: str) -> set[str]:
        return {v for i in entries for v in own[i].get(predicate, ())}

    # An entry's full name shows only when it has no venue (or is one): read only then.
    named_entries = {i for i in entries if _PUBLISHED not in own[i]} | (
        of_entries(_PUBLISHED) & entries
    )
    for i, table in _by_subject(store, sorted(named_entries), (_FULL_NAME,)).items():
        own[i].update(table)

    # The name as written is read only of an authorship with no person node (written()).
    authorships = _by_subject(store, sorted(of_entries(_AUTHORSHIP)), (_POSITION, _PERSON))
    venues = sorted(of_entries(_PUBLISHED))
    venue_names = _by_subject(store, [v for v in venues if v not in own], (_FULL_NAME,))
    venue_names.update(own)
    links = _by_subject(store, sorted(of_entries(_LINK)), (_URL, _LINK_LABEL, _POSITION))
    records = _by_subject(
        store,
        sorted(of_entries(_RECORD)),
        (RDFS_LABEL, _LINE, _END_LINE, _SECTION, _SUBSECTION, _IN_DOCUMENT),
        whole=True,
    )
    documents = _by_subject(
        store,
        sorted({d for r in records.values() for d in r.get(_IN_DOCUMENT, ())}),
        (_FILE_PATH, RDFS_LABEL, _VERSION, _REPOSITORY),
    )
    people = {p for a in authorships.values() for p in a.get(_PERSON, ()) if p in kinds}
    named = people | {v for v in venues if v in kinds} | {i for i in wanted if SCHEMA_URL in own[i]}
    if isinstance(facts, Facts):
        label = {i: facts.nodes[i].label for i in named}
    elif len(named) * 4 < len(kinds):  # a few: only what a label needs, by subject
        label = read_labels(store, kinds, named)
    else:
        label = {i: n.label for i, n in read_nodes(store, kinds, named).items()}

    def written(authorship: str) -> str | None:
        return _first(_by_subject(store, [authorship], (_WRITTEN,))[authorship], _WRITTEN)

    def authors_of(entry: str) -> tuple[str, ...]:
        rows = []
        for key in own[entry].get(_AUTHORSHIP, ()):
            a = authorships.get(key)
            who = _first(a, _PERSON)
            name = label[who] if who in label else written(key)  # no person node: as written
            rows.append((_int(_first(a, _POSITION)) or 0, key, name or ""))
        return tuple(name for _, _, name in sorted(rows) if name)

    def links_of(node: str) -> tuple[Link, ...]:
        rows = []
        for key in own[node].get(_LINK, ()) if node in entries else ():
            ln = links.get(key)
            url = _first(ln, _URL)
            if url:
                order = _int(_first(ln, _POSITION)) or 0
                rows.append((order, key, Link(_first(ln, _LINK_LABEL) or url, url)))
        found = [link for _, _, link in sorted(rows)]
        for url in sorted(own[node].get(SCHEMA_URL, ())):
            found.append(Link(label[node], url))
        return tuple(found)

    def listed_of(entry: str) -> tuple[Listing, ...]:
        found = []
        for key in own[entry].get(_RECORD, ()):
            r = records.get(key)
            doc = _first(r, _IN_DOCUMENT)
            d = documents.get(doc) if doc else None
            text = _first(r, RDFS_LABEL) or key
            file = (doc and _first(d, _FILE_PATH)) or text.rsplit(":", 1)[0]
            found.append(
                Listing(
                    file=file,
                    line=_int(_first(r, _LINE)),
                    end_line=_int(_first(r, _END_LINE)),
                    section=_first(r, _SECTION),
                    subsection=_first(r, _SUBSECTION),
                    document=doc and _first(d, RDFS_LABEL),
                    version=doc and _first(d, _VERSION),
                    repository=doc and _first(d, _REPOSITORY),
                )
            )
        return tuple(sorted(found, key=lambda s: (s.file, s.line or 0, s.document or "")))

    out = {}
    for iri in wanted:
        entry = iri in entries
        venue = _first(own[iri], _PUBLISHED) if entry else None
        out[iri] = Details(
            iri=iri,
            authors=authors_of(iri) if entry else (),
            authors_truncated=entry and _first(own[iri], _TRUNCATED) == "true",
            venue=label.get(venue),
            venue_name=_first(venue_names.get(venue), _FULL_NAME)
            if venue
            else _first(own[iri], _FULL_NAME),
            links=links_of(iri),
            listed=listed_of(iri) if entry else (),
            summary=_first(own[iri], _SUMMARY) if entry else None,
        )
    return out


def source_documents(source=None) -> list[str]:
    """The labels of the lists a graph was built from (sorted).

    >>> source_documents()
    ['Awesome System for Machine Learning (2019)']
    """
    import pyoxigraph as ox

    from .facts import RDF_TYPE
    from .source import open_graph

    store = open_graph(source)
    label = ox.NamedNode(RDFS_LABEL)
    docs = store.quads_for_pattern(
        None, ox.NamedNode(RDF_TYPE), ox.NamedNode(MLS + "SourceDocument")
    )
    return sorted(
        {q.object.value for doc in docs for q in store.quads_for_pattern(doc.subject, label, None)}
    )
