"""Catalog → triples, under the terms of ``ontology/mlsys.ttl``.

Every entry carries a PROV source record per place it is listed (document, line, raw line);
every derived node says which rule or curated file produced it. Standard types and names
are written explicitly (``foaf:Person`` and ``schema:Person``, ``schema:ScholarlyArticle``,
``skos:Concept``, ``cito:extends``) so that consumers without a reasoner can query them.
No blank nodes: every node has a minted IRI (:mod:`mlsys_graph.kg.iri`).

The builder writes into a lean :class:`~mlsys_graph.kg.triples.Triples` (plain strings and
:class:`~mlsys_graph.kg.triples.Lit` literals, no rdflib terms: making those costs
microseconds each), each node's triples once; :func:`build_graph` gives the rdflib ``Graph``.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from rdflib import OWL, RDF, RDFS, XSD
from rdflib.namespace import DCTERMS, FOAF, PROV, SKOS

from ..ingest.links import unsafe_scheme
from ..resolve.catalog import Catalog, Document, Resource
from ..resolve.lineage import LineageClaim
from . import iri
from .triples import Triples
from .vocab import BIBO, CITO, DOAP, FABIO, MLS, SCHEMA

if TYPE_CHECKING:  # pragma: no cover
    from rdflib import Graph

__all__ = ["PREFIXES", "RULES", "build_graph", "build_triples", "license_iri", "namespaces"]

PREFIXES = {
    "mls": str(MLS),
    "schema": str(SCHEMA),
    "dcterms": str(DCTERMS),
    "foaf": str(FOAF),
    "skos": str(SKOS),
    "prov": str(PROV),
    "cito": str(CITO),
    "fabio": str(FABIO),
    "bibo": str(BIBO),
    "doap": str(DOAP),
    "owl": str(OWL),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
}


class _Plain:
    """A namespace's terms as plain strings, looked up once (rdflib's namespace attribute
    lookups cost microseconds, and the builder makes millions); unknown terms of a closed
    namespace still fail."""

    def __init__(self, namespace) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> str:
        value = str(getattr(self._namespace, name))
        setattr(self, name, value)
        return value


mls, schema, dcterms, foaf, skos, prov = map(_Plain, (MLS, SCHEMA, DCTERMS, FOAF, SKOS, PROV))
cito, fabio, bibo, doap, owl, rdfs, rdf = map(_Plain, (CITO, FABIO, BIBO, DOAP, OWL, RDFS, RDF))
_POSITIVE, _ANY_URI, _G_YEAR = str(XSD.positiveInteger), str(XSD.anyURI), str(XSD.gYear)
_BOOLEAN = str(XSD.boolean)


@cache
def namespaces() -> dict[str, str]:
    """The prefixes an rdflib ``Graph`` has once :data:`PREFIXES` are bound to it (rdflib's
    own defaults included): what Turtle output and :meth:`Triples.to_graph` use."""
    from rdflib import Graph

    graph = Graph()
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True)
    return {prefix: str(ns) for prefix, ns in graph.namespaces()}


#: The rules that derive facts, with what each does (written into the graph as mls:Rule).
RULES = {
    "markdown-entry": "A list bullet with a title (and usually links) is an entry; nested bullets "
    "with their own title and links are entries of their own (ingest.markdown, ingest.entries).",
    "author-line": "The nested line under an entry that parses as an author list gives its authors "
    "in order (ingest.citation).",
    "talk-speaker": "For talks and courses, a trailing speaker name or speaker list moves from the "
    "title to the authors (ingest.entries).",
    "profile-link": "A link labelled with a person's name that points to a GitHub profile names an "
    "instructor or author (ingest.entries).",
    "venue-year": "An entry's venue and year come from its citation: the author/venue line, a "
    "venue tag in the title, or an enclosing heading such as '## 2024' or '### OSDI'; the venue "
    "is canonicalised with data/venues.toml (ingest.citation).",
    "inline-citation": "An MLA-style citation on the bullet gives authors, title, venue and year.",
    "inline-authors": "Names right after a title and a full stop ('[Title](url). Ada Quill, "
    "Bo Lind.'), two or more or closed by 'et al.', are its authors; after a plain title "
    "('Title. Ada Quill, Bo Lind. OSDI 2021.') only when a venue or year or 'et al.' follows "
    "(ingest.entries).",
    "paren-author": "A parenthesis of people's names that is all the text after a linked "
    "title ('[Title](url) (Ada Quill)') names its authors; one of organisations, its "
    "affiliations (ingest.tags).",
    "author-lead": "People's names before a linked title, closed by a full stop ('Ada Quill, Bo "
    "Lind. [Title](url). ICLR, 2022'), two or more or closed by 'et al.', are its authors; the "
    "text after the link gives venue and year (ingest.entries).",
    "by-line": "'by Who, Venue Year' after a linked title names its people or organisations, "
    "venue and year; without 'by', only a citation is read: people's names, then a venue the "
    "venue table knows, with a year (ingest.tags).",
    "author-field": "A field line such as 'Authors: ...' under an entry, or a paper heading's "
    "authors field, gives its authors (ingest.fields, ingest.citation).",
    "author-column": "A table's authors column gives each row's authors (ingest.tables).",
    "author-cell": "A bullet written as a table row without a table ('2016 | Title | Ada Quill, "
    "et al. | PAKDD'), read cell by cell, has a cell of people's names: its authors "
    "(ingest.tables).",
    "title-tag": "A trailing '(@ Who)' on a title names its authors or organisations "
    "(ingest.tags).",
    "github-link": "Any github.com repository link of an entry names its repository, whatever the "
    "label (ingest.links).",
    "short-name": "The short name before ':' (or the subject of 'X is a ...', the head of "
    "'Name. ...' or 'Name - ...', a non-dictionary word in '... with Name' or '... like Name:') "
    "names the system an entry describes; a repository slug never does (ingest.naming).",
    "same-normalised-name": "Spellings of a name that are equal after folding case, accents, "
    "punctuation and name order are one person (resolve.people).",
    "initials-unique-surname": "An initialled name joins the only compatible full name when no "
    "other person carries that surname (resolve.people).",
    "initials-shared-coauthor": "An initialled name joins the only compatible full name when the "
    "two share a co-author (resolve.people).",
    "heading-topic": "A heading that the curated topic scheme does not map is a topic of its own.",
    "phrase-extends": "A summary phrase such as 'update version of X', 'successor of X', "
    "'extends X', 'follow-up to X' states that the entry is a later version or successor of the "
    "entry named X (resolve.lineage).",
    "phrase-builds-on": "A summary phrase 'built on X', 'built on top of X' or 'based on X' states "
    "that the entry depends on the entry named X, not that it is a version of it "
    "(resolve.lineage).",
    "phrase-uses": "A summary phrase 'using X' where X names an entry states that the entry uses "
    "X (resolve.lineage).",
    "author-line-organisation": "A name on an author line made of capitalised words with an "
    "organisation word or institution acronym ('UC Berkeley', 'Alibaba Inc', 'Google Brain') is "
    "an organisation, not a person: the entry's affiliation, or an author's when it is in "
    "parentheses after the name (ingest.names).",
    "shared-authors-topic-later-year": "A later paper that shares an author and a topic with an "
    "earlier one may extend it: a candidate, never asserted as fact (resolve.lineage).",
    "duplicate-entry": "The same paper (arXiv id, DOI, or title and year), or the same title of "
    "another kind (or repository), listed twice in one list or across lists is one entry with "
    "every source record (ingest.duplicates).",
}

_ENTRY_CLASSES = {
    "paper": (mls.Paper, schema.ScholarlyArticle, fabio.ResearchPaper),
    "thesis": (mls.Thesis, schema.Thesis),
    "software": (mls.SoftwareProject, schema.SoftwareApplication, doap.Project),
    "book": (mls.Book, schema.Book),
    "video": (mls.Video, schema.VideoObject),
    "course": (mls.Course, schema.Course),
    "blog": (mls.Blog, schema.BlogPosting),
    "website": (mls.Website, schema.WebSite),
    "other": (mls.OtherResource, schema.CreativeWork),
}
_VENUE_CLASSES = {
    "conference": mls.Conference,
    "journal": mls.Journal,
    "workshop": mls.Workshop,
    "preprint-server": mls.PreprintServer,
    "preprint": mls.PreprintCategory,
}


def license_iri(value: str) -> str:
    """A licence IRI: URLs as given, anything else read as an SPDX identifier (``MIT``)."""
    if value.startswith(("http://", "https://")):
        return value
    return "https://spdx.org/licenses/" + value.strip().replace(" ", "-")


_P = iri.plain  # the builder mints plain strings


class _Builder:
    """Writes each node's triples once: documents, source records, evidence, venues and
    rules are remembered (the same node is reached from many entries and claims).

    Triples go in through :meth:`Triples.iri` and :meth:`Triples.lit`, which take plain
    strings and make a :class:`Lit` only for a literal not seen before.
    """

    def __init__(self, catalog: Catalog, include_summaries: bool) -> None:
        self.c = catalog
        self.t = Triples(namespaces())
        self.add = self.t.add
        self.iri = self.t.iri
        self.lit = self.t.lit
        self.summaries = include_summaries
        self.rules_used: dict[str, str] = {}
        self.curation_used: dict[str, str] = {}
        self.documents: dict[Document, str] = {}
        self.records: dict[tuple[str, int], str] = {}
        self.evidences: dict[str, str] = {}
        self.venues: dict[str, str] = {}
        self.unknown_venues: dict[str, str] = {}  # node -> the spelling that labels it
        self.organizations: dict[str, str] = {}  # name as written → node
        self.organization_nodes: set[str] = set()
        self.system_nodes: dict[str, str | None] = {}
        self.person_nodes: dict[str, str] = {}  # person key → node (one string per person)
        self.venue_by_acronym = {}
        for v in catalog.venues.values():
            self.venue_by_acronym.setdefault(v.acronym, v)

    def rule(self, name: str) -> str:
        node = self.rules_used.get(name)
        if node is None:
            node = self.rules_used[name] = _P.rule(name)
        return node

    def curated(self, name: str) -> str:
        node = self.curation_used.get(name)
        if node is None:
            node = self.curation_used[name] = _P.curation_file(name)
        return node

    # -- nodes --------------------------------------------------------------------------
    def document(self, doc: Document) -> str:
        node = self.documents.get(doc)
        if node is not None:
            return node
        node = self.documents[doc] = _P.source_document(doc.id)
        I, L = self.iri, self.lit  # noqa: E741
        for t in (mls.SourceDocument, prov.Entity, schema.DigitalDocument):
            I(node, rdf.type, t)
        L(node, rdfs.label, doc.title)
        L(node, mls.filePath, doc.path)
        if doc.repository:
            L(node, mls.repositoryUrl, doc.repository, _ANY_URI)
        if doc.version:
            L(node, mls.version, doc.version)
        if doc.license:
            I(node, dcterms.license, license_iri(doc.license))
        L(node, mls.attribution, doc.attribution or f"{doc.title} (attribution unknown)")
        return node

    def _document_of(self, entry) -> Document:
        return self.c.documents.get(entry.source) or Document(
            iri.slug(entry.source), entry.source, entry.source, path=entry.source
        )

    def record(self, resource: Resource, index: int) -> str:
        node = self.records.get((resource.key, index))
        if node is not None:
            return node
        entry = resource.occurrences[index]
        doc = self._document_of(entry)
        doc_node = self.document(doc)
        node = self.records[(resource.key, index)] = _P.source_record(doc.id, entry.line)
        I, L = self.iri, self.lit  # noqa: E741
        I(node, rdf.type, mls.SourceRecord)
        I(node, rdf.type, prov.Entity)
        line = str(entry.line)
        if entry.end_line != entry.line:
            end = str(entry.end_line)
            L(node, rdfs.label, f"{doc.path}:{line}-{end}")
        else:
            end = line
            L(node, rdfs.label, f"{doc.path}:{line}")
        L(node, mls.line, line, _POSITIVE)
        L(node, mls.endLine, end, _POSITIVE)
        if entry.section:
            L(node, mls.section, entry.section)
        if entry.subsection:
            L(node, mls.subsection, entry.subsection)
        if entry.raw:
            L(node, mls.sourceText, entry.raw)
        I(node, mls.inDocument, doc_node)
        return node

    def evidence(self, r: Resource) -> str:
        """The source record of the line that states a summary-derived fact (the summary line
        when known, else the entry's first line)."""
        node = self.evidences.get(r.key)
        if node is None:
            node = self.evidences[r.key] = self._evidence(r)
        return node

    def _evidence(self, r: Resource) -> str:
        entry = next((e for e in r.occurrences if e.summary_line), r.primary)
        if not entry.summary_line or entry.summary_line == entry.line:
            return self.record(r, r.occurrences.index(entry))
        doc = self._document_of(entry)
        node = _P.source_record(doc.id, entry.summary_line)
        I, L = self.iri, self.lit  # noqa: E741
        I(node, rdf.type, mls.SourceRecord)
        I(node, rdf.type, prov.Entity)
        L(node, rdfs.label, f"{doc.path}:{entry.summary_line}")
        L(node, mls.line, str(entry.summary_line), _POSITIVE)
        L(node, mls.endLine, str(entry.summary_line), _POSITIVE)
        if self.summaries and entry.summary_raw:
            L(node, mls.sourceText, entry.summary_raw)
        I(node, mls.inDocument, self.document(doc))
        return node

    def people(self) -> None:
        I, L = self.iri, self.lit  # noqa: E741
        curation = self.c.people_curation
        for p in self.c.people.people:
            node = self.person_nodes[p.key] = _P.person(p.key)
            for t in (mls.Person, foaf.Person, schema.Person):
                I(node, rdf.type, t)
            L(node, rdfs.label, p.label)
            L(node, foaf.name, p.label)
            L(node, schema.name, p.label)
            for variant in p.variants:
                L(node, mls.nameVariant, variant)
            for rule in p.rules:
                if rule == "curated-alias":
                    I(node, mls.curatedIn, self.curated(curation.source))
                else:
                    I(node, mls.derivedBy, self.rule(rule))
            for reason in p.curated:
                L(node, mls.reason, reason)
        by_name = {}
        for p in self.c.people.people:
            for variant in (p.label, *p.variants):
                by_name.setdefault(variant, p.key)
        for pair in curation.different:
            names = sorted(pair)
            keys = [by_name.get(n) for n in names]
            if len(names) == 2 and all(keys) and keys[0] != keys[1]:
                a, b = _P.person(keys[0]), _P.person(keys[1])
                I(a, owl.differentFrom, b)
                I(b, owl.differentFrom, a)
                I(a, mls.curatedIn, self.curated(curation.source))
                I(b, mls.curatedIn, self.curated(curation.source))

    def venue(self, acronym: str) -> str:
        node = self.venues.get(acronym)
        if node is None:
            node = self.venues[acronym] = self._venue(acronym)
        return node

    def _unknown_venue(self, acronym: str) -> str:
        """A venue the table does not know: one node per slug, as the table matches
        spellings ignoring case and punctuation ("CCGRID" and "CCGrid" are one venue, its
        first spelling the label, the others alternative labels)."""
        node = _P.venue(iri.slug(acronym))
        first = self.unknown_venues.setdefault(node, acronym)
        if first != acronym:
            self.lit(node, skos.altLabel, acronym)
            return node
        self.iri(node, rdf.type, mls.Venue)
        self.lit(node, rdfs.label, acronym)
        self.lit(node, mls.acronym, acronym)
        return node

    def _venue(self, acronym: str) -> str:
        I, L = self.iri, self.lit  # noqa: E741
        known = self.venue_by_acronym.get(acronym)
        if known is None:
            return self._unknown_venue(acronym)
        node = _P.venue(known.key)
        I(node, rdf.type, mls.Venue)
        I(node, rdf.type, _VENUE_CLASSES.get(known.kind, mls.Venue))
        L(node, rdfs.label, known.acronym)
        L(node, mls.acronym, known.acronym)
        if known.name:
            L(node, mls.fullName, known.name)
        for alias in known.aliases:  # other spellings, so that queries for NIPS find NeurIPS
            L(node, skos.altLabel, alias)
        I(node, mls.curatedIn, self.curated("data/venues.toml"))
        return node

    def topics(self) -> None:
        I, L = self.iri, self.lit  # noqa: E741
        scheme = self.c.topics
        root = _P.topic_scheme()
        I(root, rdf.type, mls.TopicScheme)
        I(root, rdf.type, skos.ConceptScheme)
        L(root, rdfs.label, "Research areas of machine learning systems")
        L(root, skos.prefLabel, "Research areas of machine learning systems")
        I(root, mls.curatedIn, self.curated(scheme.source))
        used = {key: how for r in self.c.resources for key, how in r.topics}
        keys = set(scheme.labels) | set(used)
        headings = self._heading_labels(keys - set(scheme.labels))
        for key in sorted(keys):
            node = _P.topic(key)
            I(node, rdf.type, mls.Topic)
            I(node, rdf.type, skos.Concept)
            I(node, skos.inScheme, root)
            label = scheme.labels.get(key)
            if label is None:
                label = headings.get(key, key)
                I(node, mls.derivedBy, self.rule("heading-topic"))
            else:
                I(node, mls.curatedIn, self.curated(scheme.source))
                if key in scheme.reasons:
                    L(node, mls.reason, scheme.reasons[key])
            L(node, skos.prefLabel, label)
            L(node, rdfs.label, label)
            broader = scheme.broader.get(key, ())
            for b in broader:
                I(node, skos.broader, _P.topic(b))
                I(_P.topic(b), skos.narrower, node)
            if not broader:
                I(node, skos.topConceptOf, root)
                I(root, skos.hasTopConcept, node)

    def _heading_labels(self, keys: set[str]) -> dict[str, str]:
        """Topic key → the first heading (in resource order) whose slug it is."""
        found: dict[str, str] = {}
        slugs: dict[str, str] = {}
        if not keys:
            return found
        for r in self.c.resources:
            for e in r.occurrences:
                for text in (e.section, e.subsection):
                    if text:
                        key = slugs.get(text)
                        if key is None:
                            key = slugs[text] = iri.slug(text)
                        if key in keys:
                            found.setdefault(key, text)
        return found

    def system_of(self, name: str) -> str | None:
        """The system node an entry's short name describes, if the catalog has one."""
        node = self.system_nodes.get(name, "")
        if node == "":
            node = self.system_nodes[name] = (
                _P.system(name) if iri.system_slug(name) in self.c.systems else None
            )
        return node

    def resource(self, r: Resource) -> str:
        I, L = self.iri, self.lit  # noqa: E741
        node = _P.from_key(r.key)
        for t in _ENTRY_CLASSES[r.kind]:
            I(node, rdf.type, t)
        I(node, rdf.type, mls.Entry)
        L(node, rdfs.label, r.title)
        L(node, dcterms.title, r.title)
        I(node, mls.derivedBy, self.rule("markdown-entry"))
        if len(r.occurrences) > 1:
            I(node, mls.derivedBy, self.rule("duplicate-entry"))
        if r.name:
            L(node, mls.shortName, r.name)
        for i in range(len(r.occurrences)):
            I(node, mls.sourceRecord, self.record(r, i))
        if r.kind in ("paper", "thesis"):
            if r.year is not None or r.venue:
                I(node, mls.derivedBy, self.rule("venue-year"))
            if r.year is not None:
                L(node, mls.year, f"{r.year:04d}", _G_YEAR)
            if r.venue:
                I(node, mls.publishedIn, self.venue(r.venue))
            if r.venue_raw:
                L(node, mls.venueAsWritten, r.venue_raw)
        if r.authors:
            self.authors(r, node)
        for name, position in r.affiliations:
            org = self.organization(name)
            I(node, mls.sourceOrganization, org)
            I(node, schema.sourceOrganization, org)
            if position is not None and position <= len(r.authors):
                I(_P.authorship(node, position), mls.affiliation, org)
        for position, link in enumerate(r.links, start=1):
            ln = _P.link(node, position)
            I(node, mls.link, ln)
            I(ln, rdf.type, mls.Link)
            unsafe = unsafe_scheme(link.url) is not None
            shown = link.label or ("" if unsafe else link.url) or f"link {position}"
            L(ln, rdfs.label, shown)
            if link.label:
                L(ln, mls.linkLabel, link.label)
            if unsafe:  # never a link: kept as plain text (ingest reports it: unsafe-url)
                L(ln, mls.unsafeUrl, link.url)
            else:
                L(ln, mls.url, link.url, _ANY_URI)
            L(ln, mls.position, str(position), _POSITIVE)
        system = self.system_of(r.name) if r.name else None
        if system is not None:
            I(node, mls.describes, system)
        for slug in r.repos:
            repo = _P.repo(slug)
            I(node, mls.codeRepository, repo)
            I(node, schema.codeRepository, repo)
            for t in (mls.Repository, schema.SoftwareSourceCode, doap.GitRepository):
                I(repo, rdf.type, t)
            L(repo, rdfs.label, slug.lower())
            L(repo, mls.githubSlug, slug.lower())
            L(repo, schema.url, f"https://github.com/{slug.lower()}", _ANY_URI)
            I(repo, mls.derivedBy, self.rule("github-link"))
            if system is not None:
                I(repo, mls.implements, system)
        if r.arxiv:
            L(node, mls.arxivId, r.arxiv)
            L(node, schema.identifier, f"arXiv:{r.arxiv}")
        if r.doi:
            L(node, bibo.doi, r.doi)
            L(node, schema.identifier, f"doi:{r.doi}")
        if r.summary and self.summaries:
            L(node, mls.summary, r.summary)
        for key, _how in r.topics:
            I(node, dcterms.subject, _P.topic(key))
        if r.parent:
            I(node, mls.parentEntry, _P.from_key(r.parent))
        return node

    def authors(self, r: Resource, node: str) -> None:
        I, L = self.iri, self.lit  # noqa: E741
        L(node, mls.authorsTruncated, "true" if r.authors_truncated else "false", _BOOLEAN)
        person_of, nodes = self.c.people.person_of, self.person_nodes
        rule = self.rule(self._author_rule(r))
        key = r.key
        for position, name in enumerate(r.authors, start=1):
            person = nodes[person_of[(key, position)]]
            I(node, mls.author, person)
            I(node, dcterms.creator, person)
            a = _P.authorship(node, position)
            I(node, mls.authorship, a)
            I(a, rdf.type, mls.Authorship)
            I(a, rdf.type, prov.Attribution)
            L(a, rdfs.label, f"author {position} of {r.title}")
            I(a, mls.person, person)
            L(a, mls.position, str(position), _POSITIVE)
            L(a, mls.nameAsWritten, name)
            I(a, mls.derivedBy, rule)

    def _author_rule(self, r: Resource) -> str:
        richest = max(r.occurrences, key=lambda e: len(e.authors))
        return richest.authors_rule or "author-line"

    def systems(self) -> None:
        I, L = self.iri, self.lit  # noqa: E741
        for name in self.c.systems.values():
            node = _P.system(name)
            I(node, rdf.type, mls.System)
            I(node, rdf.type, schema.SoftwareApplication)
            L(node, rdfs.label, name)
            L(node, mls.shortName, name)
            I(node, mls.derivedBy, self.rule("short-name"))

    def organization(self, name: str) -> str:
        node = self.organizations.get(name)
        if node is not None:
            return node
        node = self.organizations[name] = _P.organization(name)
        if node in self.organization_nodes:
            return node
        self.organization_nodes.add(node)  # the first spelling names it
        I, L = self.iri, self.lit  # noqa: E741
        for t in (mls.Organization, schema.Organization, foaf.Organization):
            I(node, rdf.type, t)
        L(node, rdfs.label, name)
        L(node, schema.name, name)
        I(node, mls.derivedBy, self.rule("author-line-organisation"))
        return node

    def claim(self, c: LineageClaim) -> None:
        I, L = self.iri, self.lit  # noqa: E741
        subject = _P.from_key(c.subject)
        obj = _P.from_key(c.object)
        sub_r, obj_r = self.c.resource(c.subject), self.c.resource(c.object)
        relation = getattr(mls, c.relation)
        # CiTO relates a citing and a cited work: only between papers (or theses); PROV else.
        scholarly = sub_r.kind in ("paper", "thesis") and obj_r.kind in ("paper", "thesis")
        if scholarly:
            standard = cito.extends if c.relation == "extends" else cito.usesMethodIn
        else:
            standard = prov.wasRevisionOf if c.relation == "extends" else prov.wasDerivedFrom
        node = _P.claim(subject, c.relation, obj)
        I(node, rdf.type, mls.LineageClaim)
        I(node, rdf.type, prov.Entity)
        L(
            node,
            rdfs.label,
            f"{sub_r.name or sub_r.title} {c.relation} {obj_r.name or obj_r.title} ({c.strength})",
        )
        I(node, mls.claimSubject, subject)
        I(node, mls.claimObject, obj)
        I(node, mls.claimRelation, relation)
        L(node, mls.strength, c.strength)
        if c.phrase:
            L(node, mls.matchedPhrase, c.phrase)
        if c.reason:
            L(node, mls.reason, c.reason)
        for source in c.sources:
            I(node, dcterms.source, source)
        if c.strength == "curated":
            I(node, mls.evidence, self.curated(c.rule))
            I(node, mls.curatedIn, self.curated(c.rule))
        else:
            I(node, mls.derivedBy, self.rule(c.rule))
            I(node, mls.evidence, self.evidence(sub_r))
            if c.strength == "inferred":
                I(node, mls.evidence, self.evidence(obj_r))
        if c.strength in ("stated", "curated"):
            I(subject, relation, obj)
            I(subject, standard, obj)

    def finish(self) -> None:
        I, L = self.iri, self.lit  # noqa: E741
        for name in sorted(self.rules_used):
            node = _P.rule(name)
            I(node, rdf.type, mls.Rule)
            I(node, rdf.type, prov.Plan)
            L(node, rdfs.label, name)
            L(node, rdfs.comment, RULES.get(name, name))
        for name in sorted(self.curation_used):
            node = _P.curation_file(name)
            I(node, rdf.type, mls.CurationFile)
            I(node, rdf.type, prov.Entity)
            L(node, rdfs.label, name)


def build_triples(catalog: Catalog, *, include_summaries: bool = True, progress=None) -> Triples:
    """The triples of a resolved catalog's knowledge graph.

    ``progress`` (a :class:`~mlsys_graph.progress.Progress`) is told the resources and claims
    done.
    """
    b = _Builder(catalog, include_summaries)
    b.topics()
    b.people()
    b.systems()
    step = 1000
    if progress is not None:
        progress.stage("building triples", len(catalog.resources) + len(catalog.claims))
    for n, r in enumerate(catalog.resources, start=1):
        b.resource(r)
        if progress is not None and n % step == 0:
            progress.advance(step)
    for n, c in enumerate(catalog.claims, start=len(catalog.resources) + 1):
        b.claim(c)
        if progress is not None and n % step == 0:
            progress.advance(step)
    b.finish()
    if progress is not None:
        progress.done()
    return b.t


def build_graph(catalog: Catalog, *, include_summaries: bool = True) -> Graph:
    """The knowledge graph of a resolved catalog as an rdflib ``Graph`` (for small graphs;
    :func:`build_triples` scales)."""
    return build_triples(catalog, include_summaries=include_summaries).to_graph()
