"""What a reader wants to see about a node: authors in order, venue, links, where it is listed.

The views (:mod:`.project`) carry only what analyses need (kind, label, name, year). A
page or a notebook that shows one node also wants its authors in the list's order (and
whether the list cut them short with "et al."), its venue, its links, its summary and the
list lines it comes from. :func:`read_details` reads these for every node in one scan per
predicate (``quads_for_pattern``; no query per node), like :func:`~.facts.read_facts`.

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

from collections import defaultdict
from dataclasses import dataclass

from .facts import ENTRY_KINDS, MLS, RDFS_LABEL, read_facts

__all__ = ["Details", "Link", "Listing", "read_details", "source_documents"]

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


def read_details(source=None, *, iris=None) -> dict[str, Details]:
    """Details of the analysable nodes of a graph (entries, repositories, venues...).

    Parameters
    ----------
    source : graph source
        Anything :func:`~.source.open_graph` accepts (the bundled graph by default). A
        :class:`~.facts.Facts` is not enough: it holds no links or source lines.
    iris : iterable of str, optional
        Only these nodes (default: every node :func:`~.facts.read_facts` keeps).

    Returns
    -------
    dict
        IRI → :class:`Details`; nodes with nothing to add still get an empty ``Details``.
    """
    import pyoxigraph as ox

    from .source import open_graph

    store = open_graph(source)
    facts = read_facts(store)
    wanted = set(facts.nodes) if iris is None else set(iris) & set(facts.nodes)

    def scan(predicate: str, subjects=None) -> dict[str, list]:
        """subject → objects of one predicate, for the given subjects (one pass)."""
        out: dict[str, list] = defaultdict(list)
        for quad in store.quads_for_pattern(None, ox.NamedNode(predicate), None):
            subject = quad.subject.value
            if subjects is None or subject in subjects:
                out[subject].append(quad.object)
        return out

    def first(table: dict[str, list], key: str) -> str | None:
        found = sorted(term.value for term in table.get(key, ()))
        return found[0] if found else None

    entries = {i for i in wanted if facts.nodes[i].kind in ENTRY_KINDS}

    # Authors, in the order of their authorship positions.
    authorships = scan(MLS + "authorship", entries)
    qualified = {a.value for terms in authorships.values() for a in terms}
    position = scan(MLS + "position", qualified)
    person = scan(MLS + "person", qualified)
    written = scan(MLS + "nameAsWritten", qualified)
    truncated = scan(MLS + "authorsTruncated", entries)

    def authors_of(entry: str) -> tuple[str, ...]:
        rows = []
        for a in authorships.get(entry, ()):
            key = a.value
            who = first(person, key)
            name = facts.nodes[who].label if who in facts.nodes else first(written, key)
            rows.append((_int(first(position, key)) or 0, key, name or ""))
        return tuple(name for _, _, name in sorted(rows) if name)

    # Venue: its short name and full name.
    published = scan(MLS + "publishedIn", entries)
    venues = {v.value for terms in published.values() for v in terms}
    full_names = scan(MLS + "fullName", venues | {i for i in wanted if i in facts.nodes})

    # Links in the list's order; a repository's own URL.
    link_nodes = scan(MLS + "link", entries)
    qualified_links = {ln.value for terms in link_nodes.values() for ln in terms}
    link_url = scan(MLS + "url", qualified_links)
    link_label = scan(MLS + "linkLabel", qualified_links)
    link_position = scan(MLS + "position", qualified_links)
    repo_url = scan(SCHEMA_URL, wanted)

    def links_of(node: str) -> tuple[Link, ...]:
        rows = []
        for ln in link_nodes.get(node, ()):
            url = first(link_url, ln.value)
            if url:
                order = _int(first(link_position, ln.value)) or 0
                rows.append((order, ln.value, Link(first(link_label, ln.value) or url, url)))
        found = [link for _, _, link in sorted(rows)]
        for url in sorted(term.value for term in repo_url.get(node, ())):
            found.append(Link(facts.nodes[node].label, url))
        return tuple(found)

    # Where the list names the entry.
    records = scan(MLS + "sourceRecord", entries)
    record_iris = {r.value for terms in records.values() for r in terms}
    record_label = scan(RDFS_LABEL, record_iris)
    line = scan(MLS + "line", record_iris)
    end_line = scan(MLS + "endLine", record_iris)
    section = scan(MLS + "section", record_iris)
    subsection = scan(MLS + "subsection", record_iris)
    in_document = scan(MLS + "inDocument", record_iris)
    documents = {d.value for terms in in_document.values() for d in terms}
    doc_path = scan(MLS + "filePath", documents)
    doc_label = scan(RDFS_LABEL, documents)
    doc_version = scan(MLS + "version", documents)
    doc_repository = scan(MLS + "repositoryUrl", documents)

    def listed_of(entry: str) -> tuple[Listing, ...]:
        found = []
        for r in records.get(entry, ()):
            key = r.value
            doc = first(in_document, key)
            label = first(record_label, key) or key
            file = (doc and first(doc_path, doc)) or label.rsplit(":", 1)[0]
            found.append(
                Listing(
                    file=file,
                    line=_int(first(line, key)),
                    end_line=_int(first(end_line, key)),
                    section=first(section, key),
                    subsection=first(subsection, key),
                    document=doc and first(doc_label, doc),
                    version=doc and first(doc_version, doc),
                    repository=doc and first(doc_repository, doc),
                )
            )
        return tuple(sorted(found, key=lambda s: (s.file, s.line or 0, s.document or "")))

    summaries = scan(MLS + "summary", entries)
    out = {}
    for iri in sorted(wanted):
        venue = first(published, iri)
        out[iri] = Details(
            iri=iri,
            authors=authors_of(iri),
            authors_truncated=first(truncated, iri) == "true",
            venue=facts.nodes[venue].label if venue in facts.nodes else None,
            venue_name=first(full_names, venue) if venue else first(full_names, iri),
            links=links_of(iri),
            listed=listed_of(iri),
            summary=first(summaries, iri),
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
    docs = {
        q.subject.value
        for q in store.quads_for_pattern(
            None, ox.NamedNode(RDF_TYPE), ox.NamedNode(MLS + "SourceDocument")
        )
    }
    labels = set()
    for q in store.quads_for_pattern(None, ox.NamedNode(RDFS_LABEL), None):
        if q.subject.value in docs:
            labels.add(q.object.value)
    return sorted(labels)
