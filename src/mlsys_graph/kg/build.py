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
from .triples import Lit, Triples
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


def _positive(n: int) -> Lit:
    return Lit(str(n), _POSITIVE)


def _boolean(value: bool) -> Lit:
    return Lit("true" if value else "false", _BOOLEAN)


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


class _Builder:
    """Writes each node's triples once: documents, source records, evidence, venues and
    rules are remembered (the same node is reached from many entries and claims)."""

    def __init__(self, catalog: Catalog, include_summaries: bool) -> None:
        self.c = catalog
        self.t = Triples(namespaces())
        self.add = self.t.add
        self.summaries = include_summaries
        self.rules_used: dict[str, str] = {}
        self.curation_used: dict[str, str] = {}
        self.documents: dict[Document, str] = {}
        self.records: dict[tuple[str, int], str] = {}
        self.evidences: dict[str, str] = {}
        self.venues: dict[str, str] = {}
        self.organizations: set[str] = set()
        self.venue_by_acronym = {}
        for v in catalog.venues.values():
            self.venue_by_acronym.setdefault(v.acronym, v)

    def rule(self, name: str) -> str:
        node = self.rules_used.get(name)
        if node is None:
            node = self.rules_used[name] = str(iri.rule(name))
        return node

    def curated(self, name: str) -> str:
        node = self.curation_used.get(name)
        if node is None:
            node = self.curation_used[name] = str(iri.curation_file(name))
        return node

    # -- nodes --------------------------------------------------------------------------
    def document(self, doc: Document) -> str:
        node = self.documents.get(doc)
        if node is not None:
            return node
        node = self.documents[doc] = str(iri.source_document(doc.id))
        for t in (mls.SourceDocument, prov.Entity, schema.DigitalDocument):
            self.add(node, rdf.type, t)
        self.add(node, rdfs.label, Lit(doc.title))
        self.add(node, mls.filePath, Lit(doc.path))
        if doc.repository:
            self.add(node, mls.repositoryUrl, Lit(doc.repository, _ANY_URI))
        if doc.version:
            self.add(node, mls.version, Lit(doc.version))
        if doc.license:
            self.add(node, dcterms.license, license_iri(doc.license))
        self.add(
            node, mls.attribution, Lit(doc.attribution or f"{doc.title} (attribution unknown)")
        )
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
        node = self.records[(resource.key, index)] = str(iri.source_record(doc.id, entry.line))
        self.add(node, rdf.type, mls.SourceRecord)
        self.add(node, rdf.type, prov.Entity)
        span = f"{doc.path}:{entry.line}" + (
            f"-{entry.end_line}" if entry.end_line != entry.line else ""
        )
        self.add(node, rdfs.label, Lit(span))
        self.add(node, mls.line, _positive(entry.line))
        self.add(node, mls.endLine, _positive(entry.end_line))
        if entry.section:
            self.add(node, mls.section, Lit(entry.section))
        if entry.subsection:
            self.add(node, mls.subsection, Lit(entry.subsection))
        if entry.raw:
            self.add(node, mls.sourceText, Lit(entry.raw))
        self.add(node, mls.inDocument, doc_node)
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
        node = str(iri.source_record(doc.id, entry.summary_line))
        self.add(node, rdf.type, mls.SourceRecord)
        self.add(node, rdf.type, prov.Entity)
        self.add(node, rdfs.label, Lit(f"{doc.path}:{entry.summary_line}"))
        self.add(node, mls.line, _positive(entry.summary_line))
        self.add(node, mls.endLine, _positive(entry.summary_line))
        if self.summaries and entry.summary_raw:
            self.add(node, mls.sourceText, Lit(entry.summary_raw))
        self.add(node, mls.inDocument, self.document(doc))
        return node

    def people(self) -> None:
        curation = self.c.people_curation
        labels = {}
        for p in self.c.people.people:
            node = iri.person(p.key)
            labels[p.key] = node
            for t in (mls.Person, foaf.Person, schema.Person):
                self.add(node, rdf.type, t)
            self.add(node, rdfs.label, Lit(p.label))
            self.add(node, foaf.name, Lit(p.label))
            self.add(node, schema.name, Lit(p.label))
            for variant in p.variants:
                self.add(node, mls.nameVariant, Lit(variant))
            for rule in p.rules:
                if rule == "curated-alias":
                    self.add(node, mls.curatedIn, self.curated(curation.source))
                else:
                    self.add(node, mls.derivedBy, self.rule(rule))
            for reason in p.curated:
                self.add(node, mls.reason, Lit(reason))
        by_name = {}
        for p in self.c.people.people:
            for variant in (p.label, *p.variants):
                by_name.setdefault(variant, p.key)
        for pair in curation.different:
            names = sorted(pair)
            keys = [by_name.get(n) for n in names]
            if len(names) == 2 and all(keys) and keys[0] != keys[1]:
                a, b = iri.person(keys[0]), iri.person(keys[1])
                self.add(a, owl.differentFrom, b)
                self.add(b, owl.differentFrom, a)
                self.add(a, mls.curatedIn, self.curated(curation.source))
                self.add(b, mls.curatedIn, self.curated(curation.source))

    def venue(self, acronym: str) -> str:
        node = self.venues.get(acronym)
        if node is None:
            node = self.venues[acronym] = self._venue(acronym)
        return node

    def _venue(self, acronym: str) -> str:
        known = self.venue_by_acronym.get(acronym)
        if known is None:
            node = iri.venue(iri.slug(acronym))
            self.add(node, rdf.type, mls.Venue)
            self.add(node, rdfs.label, Lit(acronym))
            self.add(node, mls.acronym, Lit(acronym))
            return node
        node = iri.venue(known.key)
        self.add(node, rdf.type, mls.Venue)
        self.add(node, rdf.type, _VENUE_CLASSES.get(known.kind, mls.Venue))
        self.add(node, rdfs.label, Lit(known.acronym))
        self.add(node, mls.acronym, Lit(known.acronym))
        if known.name:
            self.add(node, mls.fullName, Lit(known.name))
        for alias in known.aliases:  # other spellings, so that queries for NIPS find NeurIPS
            self.add(node, skos.altLabel, Lit(alias))
        self.add(node, mls.curatedIn, self.curated("data/venues.toml"))
        return node

    def topics(self) -> None:
        scheme = self.c.topics
        root = iri.topic_scheme()
        self.add(root, rdf.type, mls.TopicScheme)
        self.add(root, rdf.type, skos.ConceptScheme)
        self.add(root, rdfs.label, Lit("Research areas of machine learning systems"))
        self.add(root, skos.prefLabel, Lit("Research areas of machine learning systems"))
        self.add(root, mls.curatedIn, self.curated(scheme.source))
        used = {key: how for r in self.c.resources for key, how in r.topics}
        keys = set(scheme.labels) | set(used)
        headings = self._heading_labels(keys - set(scheme.labels))
        for key in sorted(keys):
            node = iri.topic(key)
            self.add(node, rdf.type, mls.Topic)
            self.add(node, rdf.type, skos.Concept)
            self.add(node, skos.inScheme, root)
            label = scheme.labels.get(key)
            if label is None:
                label = headings.get(key, key)
                self.add(node, mls.derivedBy, self.rule("heading-topic"))
            else:
                self.add(node, mls.curatedIn, self.curated(scheme.source))
                if key in scheme.reasons:
                    self.add(node, mls.reason, Lit(scheme.reasons[key]))
            self.add(node, skos.prefLabel, Lit(label))
            self.add(node, rdfs.label, Lit(label))
            broader = scheme.broader.get(key, ())
            for b in broader:
                self.add(node, skos.broader, iri.topic(b))
                self.add(iri.topic(b), skos.narrower, node)
            if not broader:
                self.add(node, skos.topConceptOf, root)
                self.add(root, skos.hasTopConcept, node)

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

    def resource(self, r: Resource) -> str:
        node = str(iri.from_key(r.key))
        for t in _ENTRY_CLASSES[r.kind]:
            self.add(node, rdf.type, t)
        self.add(node, rdf.type, mls.Entry)
        self.add(node, rdfs.label, Lit(r.title))
        self.add(node, dcterms.title, Lit(r.title))
        self.add(node, mls.derivedBy, self.rule("markdown-entry"))
        if len(r.occurrences) > 1:
            self.add(node, mls.derivedBy, self.rule("duplicate-entry"))
        if r.name:
            self.add(node, mls.shortName, Lit(r.name))
        for i in range(len(r.occurrences)):
            self.add(node, mls.sourceRecord, self.record(r, i))
        if r.kind in ("paper", "thesis"):
            if r.year is not None or r.venue:
                self.add(node, mls.derivedBy, self.rule("venue-year"))
            if r.year is not None:
                self.add(node, mls.year, Lit(f"{r.year:04d}", _G_YEAR))
            if r.venue:
                self.add(node, mls.publishedIn, self.venue(r.venue))
            if r.venue_raw:
                self.add(node, mls.venueAsWritten, Lit(r.venue_raw))
        if r.authors:
            self.add(node, mls.authorsTruncated, _boolean(r.authors_truncated))
        for position, name in enumerate(r.authors, start=1):
            person = str(iri.person(self.c.people.person_of[(r.key, position)]))
            self.add(node, mls.author, person)
            self.add(node, dcterms.creator, person)
            a = iri.authorship(node, position)
            self.add(node, mls.authorship, a)
            self.add(a, rdf.type, mls.Authorship)
            self.add(a, rdf.type, prov.Attribution)
            self.add(a, rdfs.label, Lit(f"author {position} of {r.title}"))
            self.add(a, mls.person, person)
            self.add(a, mls.position, _positive(position))
            self.add(a, mls.nameAsWritten, Lit(name))
            self.add(a, mls.derivedBy, self.rule(self._author_rule(r)))
        for name, position in r.affiliations:
            org = self.organization(name)
            self.add(node, mls.sourceOrganization, org)
            self.add(node, schema.sourceOrganization, org)
            if position is not None and position <= len(r.authors):
                self.add(iri.authorship(node, position), mls.affiliation, org)
        for position, link in enumerate(r.links, start=1):
            ln = iri.link(node, position)
            self.add(node, mls.link, ln)
            self.add(ln, rdf.type, mls.Link)
            unsafe = unsafe_scheme(link.url) is not None
            shown = link.label or ("" if unsafe else link.url) or f"link {position}"
            self.add(ln, rdfs.label, Lit(shown))
            if link.label:
                self.add(ln, mls.linkLabel, Lit(link.label))
            if unsafe:  # never a link: kept as plain text (ingest reports it: unsafe-url)
                self.add(ln, mls.unsafeUrl, Lit(link.url))
            else:
                self.add(ln, mls.url, Lit(link.url, _ANY_URI))
            self.add(ln, mls.position, _positive(position))
        system = iri.system(r.name) if r.name and iri.slug(r.name) in self.c.systems else None
        if system is not None:
            self.add(node, mls.describes, system)
        for slug in r.repos:
            repo = iri.repo(slug)
            self.add(node, mls.codeRepository, repo)
            self.add(node, schema.codeRepository, repo)
            for t in (mls.Repository, schema.SoftwareSourceCode, doap.GitRepository):
                self.add(repo, rdf.type, t)
            self.add(repo, rdfs.label, Lit(slug.lower()))
            self.add(repo, mls.githubSlug, Lit(slug.lower()))
            self.add(repo, schema.url, Lit(f"https://github.com/{slug.lower()}", _ANY_URI))
            self.add(repo, mls.derivedBy, self.rule("github-link"))
            if system is not None:
                self.add(repo, mls.implements, system)
        if r.arxiv:
            self.add(node, mls.arxivId, Lit(r.arxiv))
            self.add(node, schema.identifier, Lit(f"arXiv:{r.arxiv}"))
        if r.doi:
            self.add(node, bibo.doi, Lit(r.doi))
            self.add(node, schema.identifier, Lit(f"doi:{r.doi}"))
        if r.summary and self.summaries:
            self.add(node, mls.summary, Lit(r.summary))
        for key, _how in r.topics:
            self.add(node, dcterms.subject, iri.topic(key))
        if r.parent:
            self.add(node, mls.parentEntry, iri.from_key(r.parent))
        return node

    def _author_rule(self, r: Resource) -> str:
        richest = max(r.occurrences, key=lambda e: len(e.authors))
        return richest.authors_rule or "author-line"

    def systems(self) -> None:
        for name in self.c.systems.values():
            node = iri.system(name)
            self.add(node, rdf.type, mls.System)
            self.add(node, rdf.type, schema.SoftwareApplication)
            self.add(node, rdfs.label, Lit(name))
            self.add(node, mls.shortName, Lit(name))
            self.add(node, mls.derivedBy, self.rule("short-name"))

    def organization(self, name: str) -> str:
        node = str(iri.organization(name))
        if node in self.organizations:
            return node
        self.organizations.add(node)  # the first spelling names it
        for t in (mls.Organization, schema.Organization, foaf.Organization):
            self.add(node, rdf.type, t)
        self.add(node, rdfs.label, Lit(name))
        self.add(node, schema.name, Lit(name))
        self.add(node, mls.derivedBy, self.rule("author-line-organisation"))
        return node

    def claim(self, c: LineageClaim) -> None:
        subject = iri.from_key(c.subject)
        obj = iri.from_key(c.object)
        sub_r, obj_r = self.c.resource(c.subject), self.c.resource(c.object)
        relation = getattr(mls, c.relation)
        # CiTO relates a citing and a cited work: only between papers (or theses); PROV else.
        scholarly = sub_r.kind in ("paper", "thesis") and obj_r.kind in ("paper", "thesis")
        if scholarly:
            standard = cito.extends if c.relation == "extends" else cito.usesMethodIn
        else:
            standard = prov.wasRevisionOf if c.relation == "extends" else prov.wasDerivedFrom
        node = iri.claim(subject, c.relation, obj)
        self.add(node, rdf.type, mls.LineageClaim)
        self.add(node, rdf.type, prov.Entity)
        self.add(
            node,
            rdfs.label,
            Lit(
                f"{sub_r.name or sub_r.title} {c.relation} {obj_r.name or obj_r.title} ({c.strength})"
            ),
        )
        self.add(node, mls.claimSubject, subject)
        self.add(node, mls.claimObject, obj)
        self.add(node, mls.claimRelation, relation)
        self.add(node, mls.strength, Lit(c.strength))
        if c.phrase:
            self.add(node, mls.matchedPhrase, Lit(c.phrase))
        if c.reason:
            self.add(node, mls.reason, Lit(c.reason))
        for source in c.sources:
            self.add(node, dcterms.source, source)
        if c.strength == "curated":
            self.add(node, mls.evidence, self.curated(c.rule))
            self.add(node, mls.curatedIn, self.curated(c.rule))
        else:
            self.add(node, mls.derivedBy, self.rule(c.rule))
            self.add(node, mls.evidence, self.evidence(sub_r))
            if c.strength == "inferred":
                self.add(node, mls.evidence, self.evidence(obj_r))
        if c.strength in ("stated", "curated"):
            self.add(subject, relation, obj)
            self.add(subject, standard, obj)

    def finish(self) -> None:
        for name in sorted(self.rules_used):
            node = iri.rule(name)
            self.add(node, rdf.type, mls.Rule)
            self.add(node, rdf.type, prov.Plan)
            self.add(node, rdfs.label, Lit(name))
            self.add(node, rdfs.comment, Lit(RULES.get(name, name)))
        for name in sorted(self.curation_used):
            node = iri.curation_file(name)
            self.add(node, rdf.type, mls.CurationFile)
            self.add(node, rdf.type, prov.Entity)
            self.add(node, rdfs.label, Lit(name))


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
