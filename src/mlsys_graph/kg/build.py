"""Catalog → rdflib Graph, under the terms of ``ontology/mlsys.ttl``.

Every entry carries a PROV source record per place it is listed (document, line, raw line);
every derived node says which rule or curated file produced it. Standard types and names
are written explicitly (``foaf:Person`` and ``schema:Person``, ``schema:ScholarlyArticle``,
``skos:Concept``, ``cito:extends``) so that consumers without a reasoner can query them.
No blank nodes: every node has a minted IRI (:mod:`mlsys_graph.kg.iri`).
"""

from __future__ import annotations

from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, SKOS

from ..ingest.links import unsafe_scheme
from ..resolve.catalog import Catalog, Document, Resource
from ..resolve.lineage import LineageClaim
from . import iri
from .vocab import BIBO, CITO, DOAP, FABIO, MLS, SCHEMA

__all__ = ["PREFIXES", "RULES", "build_graph"]

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
    "paper": (MLS.Paper, SCHEMA.ScholarlyArticle, FABIO.ResearchPaper),
    "thesis": (MLS.Thesis, SCHEMA.Thesis),
    "software": (MLS.SoftwareProject, SCHEMA.SoftwareApplication, DOAP.Project),
    "book": (MLS.Book, SCHEMA.Book),
    "video": (MLS.Video, SCHEMA.VideoObject),
    "course": (MLS.Course, SCHEMA.Course),
    "blog": (MLS.Blog, SCHEMA.BlogPosting),
    "website": (MLS.Website, SCHEMA.WebSite),
    "other": (MLS.OtherResource, SCHEMA.CreativeWork),
}
_VENUE_CLASSES = {
    "conference": MLS.Conference,
    "journal": MLS.Journal,
    "workshop": MLS.Workshop,
    "preprint-server": MLS.PreprintServer,
    "preprint": MLS.PreprintCategory,
}


def _license(value: str) -> URIRef:
    """A licence IRI: URLs as given, anything else read as an SPDX identifier (``MIT``)."""
    if value.startswith(("http://", "https://")):
        return URIRef(value)
    return URIRef("https://spdx.org/licenses/" + value.strip().replace(" ", "-"))


class _Builder:
    def __init__(self, catalog: Catalog, include_summaries: bool) -> None:
        self.c = catalog
        self.g = Graph()
        self.summaries = include_summaries
        self.rules_used: set[str] = set()
        self.curation_used: set[str] = set()
        for prefix, ns in PREFIXES.items():
            self.g.bind(prefix, ns, override=True)

    def add(self, s, p, o) -> None:
        self.g.add((s, p, o))

    def rule(self, name: str) -> URIRef:
        self.rules_used.add(name)
        return iri.rule(name)

    def curated(self, name: str) -> URIRef:
        self.curation_used.add(name)
        return iri.curation_file(name)

    # -- nodes --------------------------------------------------------------------------
    def document(self, doc: Document) -> URIRef:
        node = iri.source_document(doc.id)
        for t in (MLS.SourceDocument, PROV.Entity, SCHEMA.DigitalDocument):
            self.add(node, RDF.type, t)
        self.add(node, RDFS.label, Literal(doc.title))
        self.add(node, MLS.filePath, Literal(doc.path))
        if doc.repository:
            self.add(node, MLS.repositoryUrl, Literal(doc.repository, datatype=XSD.anyURI))
        if doc.version:
            self.add(node, MLS.version, Literal(doc.version))
        if doc.license:
            self.add(node, DCTERMS.license, _license(doc.license))
        self.add(
            node, MLS.attribution, Literal(doc.attribution or f"{doc.title} (attribution unknown)")
        )
        return node

    def record(self, resource: Resource, index: int) -> URIRef:
        entry = resource.occurrences[index]
        doc = self.c.documents.get(entry.source) or Document(
            iri.slug(entry.source), entry.source, entry.source, path=entry.source
        )
        doc_node = self.document(doc)
        node = iri.source_record(doc.id, entry.line)
        self.add(node, RDF.type, MLS.SourceRecord)
        self.add(node, RDF.type, PROV.Entity)
        span = f"{doc.path}:{entry.line}" + (
            f"-{entry.end_line}" if entry.end_line != entry.line else ""
        )
        self.add(node, RDFS.label, Literal(span))
        self.add(node, MLS.line, Literal(entry.line, datatype=XSD.positiveInteger))
        self.add(node, MLS.endLine, Literal(entry.end_line, datatype=XSD.positiveInteger))
        if entry.section:
            self.add(node, MLS.section, Literal(entry.section))
        if entry.subsection:
            self.add(node, MLS.subsection, Literal(entry.subsection))
        if entry.raw:
            self.add(node, MLS.sourceText, Literal(entry.raw))
        self.add(node, MLS.inDocument, doc_node)
        return node

    def evidence(self, r: Resource) -> URIRef:
        """The source record of the line that states a summary-derived fact (the summary line
        when known, else the entry's first line)."""
        entry = next((e for e in r.occurrences if e.summary_line), r.primary)
        if not entry.summary_line or entry.summary_line == entry.line:
            return self.record(r, r.occurrences.index(entry))
        doc = self.c.documents.get(entry.source) or Document(
            iri.slug(entry.source), entry.source, entry.source, path=entry.source
        )
        node = iri.source_record(doc.id, entry.summary_line)
        self.add(node, RDF.type, MLS.SourceRecord)
        self.add(node, RDF.type, PROV.Entity)
        self.add(node, RDFS.label, Literal(f"{doc.path}:{entry.summary_line}"))
        self.add(node, MLS.line, Literal(entry.summary_line, datatype=XSD.positiveInteger))
        self.add(node, MLS.endLine, Literal(entry.summary_line, datatype=XSD.positiveInteger))
        if self.summaries and entry.summary_raw:
            self.add(node, MLS.sourceText, Literal(entry.summary_raw))
        self.add(node, MLS.inDocument, self.document(doc))
        return node

    def people(self) -> None:
        curation = self.c.people_curation
        labels = {}
        for p in self.c.people.people:
            node = iri.person(p.key)
            labels[p.key] = node
            for t in (MLS.Person, FOAF.Person, SCHEMA.Person):
                self.add(node, RDF.type, t)
            self.add(node, RDFS.label, Literal(p.label))
            self.add(node, FOAF.name, Literal(p.label))
            self.add(node, SCHEMA.name, Literal(p.label))
            for variant in p.variants:
                self.add(node, MLS.nameVariant, Literal(variant))
            for rule in p.rules:
                if rule == "curated-alias":
                    self.add(node, MLS.curatedIn, self.curated(curation.source))
                else:
                    self.add(node, MLS.derivedBy, self.rule(rule))
            for reason in p.curated:
                self.add(node, MLS.reason, Literal(reason))
        by_name = {}
        for p in self.c.people.people:
            for variant in (p.label, *p.variants):
                by_name.setdefault(variant, p.key)
        for pair in curation.different:
            names = sorted(pair)
            keys = [by_name.get(n) for n in names]
            if len(names) == 2 and all(keys) and keys[0] != keys[1]:
                a, b = iri.person(keys[0]), iri.person(keys[1])
                self.add(a, OWL.differentFrom, b)
                self.add(b, OWL.differentFrom, a)
                self.add(a, MLS.curatedIn, self.curated(curation.source))
                self.add(b, MLS.curatedIn, self.curated(curation.source))

    def venue(self, acronym: str) -> URIRef:
        known = next((v for v in self.c.venues.values() if v.acronym == acronym), None)
        if known is None:
            node = iri.venue(iri.slug(acronym))
            self.add(node, RDF.type, MLS.Venue)
            self.add(node, RDFS.label, Literal(acronym))
            self.add(node, MLS.acronym, Literal(acronym))
            return node
        node = iri.venue(known.key)
        self.add(node, RDF.type, MLS.Venue)
        self.add(node, RDF.type, _VENUE_CLASSES.get(known.kind, MLS.Venue))
        self.add(node, RDFS.label, Literal(known.acronym))
        self.add(node, MLS.acronym, Literal(known.acronym))
        if known.name:
            self.add(node, MLS.fullName, Literal(known.name))
        for alias in known.aliases:  # other spellings, so that queries for NIPS find NeurIPS
            self.add(node, SKOS.altLabel, Literal(alias))
        self.add(node, MLS.curatedIn, self.curated("data/venues.toml"))
        return node

    def topics(self) -> None:
        scheme = self.c.topics
        root = iri.topic_scheme()
        self.add(root, RDF.type, MLS.TopicScheme)
        self.add(root, RDF.type, SKOS.ConceptScheme)
        self.add(root, RDFS.label, Literal("Research areas of machine learning systems"))
        self.add(root, SKOS.prefLabel, Literal("Research areas of machine learning systems"))
        self.add(root, MLS.curatedIn, self.curated(scheme.source))
        used = {key: how for r in self.c.resources for key, how in r.topics}
        keys = set(scheme.labels) | set(used)
        for key in sorted(keys):
            node = iri.topic(key)
            self.add(node, RDF.type, MLS.Topic)
            self.add(node, RDF.type, SKOS.Concept)
            self.add(node, SKOS.inScheme, root)
            label = scheme.labels.get(key)
            if label is None:
                label = next(
                    (
                        text
                        for r in self.c.resources
                        for e in r.occurrences
                        for text in (e.section, e.subsection)
                        if text and iri.slug(text) == key
                    ),
                    key,
                )
                self.add(node, MLS.derivedBy, self.rule("heading-topic"))
            else:
                self.add(node, MLS.curatedIn, self.curated(scheme.source))
                if key in scheme.reasons:
                    self.add(node, MLS.reason, Literal(scheme.reasons[key]))
            self.add(node, SKOS.prefLabel, Literal(label))
            self.add(node, RDFS.label, Literal(label))
            broader = scheme.broader.get(key, ())
            for b in broader:
                self.add(node, SKOS.broader, iri.topic(b))
                self.add(iri.topic(b), SKOS.narrower, node)
            if not broader:
                self.add(node, SKOS.topConceptOf, root)
                self.add(root, SKOS.hasTopConcept, node)

    def resource(self, r: Resource) -> URIRef:
        node = iri.from_key(r.key)
        for t in _ENTRY_CLASSES[r.kind]:
            self.add(node, RDF.type, t)
        self.add(node, RDF.type, MLS.Entry)
        self.add(node, RDFS.label, Literal(r.title))
        self.add(node, DCTERMS.title, Literal(r.title))
        self.add(node, MLS.derivedBy, self.rule("markdown-entry"))
        if len(r.occurrences) > 1:
            self.add(node, MLS.derivedBy, self.rule("duplicate-entry"))
        if r.name:
            self.add(node, MLS.shortName, Literal(r.name))
        for i in range(len(r.occurrences)):
            self.add(node, MLS.sourceRecord, self.record(r, i))
        if r.kind in ("paper", "thesis"):
            if r.year is not None or r.venue:
                self.add(node, MLS.derivedBy, self.rule("venue-year"))
            if r.year is not None:
                self.add(node, MLS.year, Literal(f"{r.year:04d}", datatype=XSD.gYear))
            if r.venue:
                self.add(node, MLS.publishedIn, self.venue(r.venue))
            if r.venue_raw:
                self.add(node, MLS.venueAsWritten, Literal(r.venue_raw))
        if r.authors:
            self.add(node, MLS.authorsTruncated, Literal(r.authors_truncated))
        for position, name in enumerate(r.authors, start=1):
            person = iri.person(self.c.people.person_of[(r.key, position)])
            self.add(node, MLS.author, person)
            self.add(node, DCTERMS.creator, person)
            a = iri.authorship(node, position)
            self.add(node, MLS.authorship, a)
            self.add(a, RDF.type, MLS.Authorship)
            self.add(a, RDF.type, PROV.Attribution)
            self.add(a, RDFS.label, Literal(f"author {position} of {r.title}"))
            self.add(a, MLS.person, person)
            self.add(a, MLS.position, Literal(position, datatype=XSD.positiveInteger))
            self.add(a, MLS.nameAsWritten, Literal(name))
            self.add(a, MLS.derivedBy, self.rule(self._author_rule(r)))
        for name, position in r.affiliations:
            org = self.organization(name)
            self.add(node, MLS.sourceOrganization, org)
            self.add(node, SCHEMA.sourceOrganization, org)
            if position is not None and position <= len(r.authors):
                self.add(iri.authorship(node, position), MLS.affiliation, org)
        for position, link in enumerate(r.links, start=1):
            ln = iri.link(node, position)
            self.add(node, MLS.link, ln)
            self.add(ln, RDF.type, MLS.Link)
            unsafe = unsafe_scheme(link.url) is not None
            shown = link.label or ("" if unsafe else link.url) or f"link {position}"
            self.add(ln, RDFS.label, Literal(shown))
            if link.label:
                self.add(ln, MLS.linkLabel, Literal(link.label))
            if unsafe:  # never a link: kept as plain text (ingest reports it: unsafe-url)
                self.add(ln, MLS.unsafeUrl, Literal(link.url))
            else:
                self.add(ln, MLS.url, Literal(link.url, datatype=XSD.anyURI))
            self.add(ln, MLS.position, Literal(position, datatype=XSD.positiveInteger))
        system = iri.system(r.name) if r.name and iri.slug(r.name) in self.c.systems else None
        if system is not None:
            self.add(node, MLS.describes, system)
        for slug in r.repos:
            repo = iri.repo(slug)
            self.add(node, MLS.codeRepository, repo)
            self.add(node, SCHEMA.codeRepository, repo)
            for t in (MLS.Repository, SCHEMA.SoftwareSourceCode, DOAP.GitRepository):
                self.add(repo, RDF.type, t)
            self.add(repo, RDFS.label, Literal(slug.lower()))
            self.add(repo, MLS.githubSlug, Literal(slug.lower()))
            self.add(
                repo, SCHEMA.url, Literal(f"https://github.com/{slug.lower()}", datatype=XSD.anyURI)
            )
            self.add(repo, MLS.derivedBy, self.rule("github-link"))
            if system is not None:
                self.add(repo, MLS.implements, system)
        if r.arxiv:
            self.add(node, MLS.arxivId, Literal(r.arxiv))
            self.add(node, SCHEMA.identifier, Literal(f"arXiv:{r.arxiv}"))
        if r.doi:
            self.add(node, BIBO.doi, Literal(r.doi))
            self.add(node, SCHEMA.identifier, Literal(f"doi:{r.doi}"))
        if r.summary and self.summaries:
            self.add(node, MLS.summary, Literal(r.summary))
        for key, _how in r.topics:
            self.add(node, DCTERMS.subject, iri.topic(key))
        if r.parent:
            self.add(node, MLS.parentEntry, iri.from_key(r.parent))
        return node

    def _author_rule(self, r: Resource) -> str:
        richest = max(r.occurrences, key=lambda e: len(e.authors))
        return richest.authors_rule or "author-line"

    def systems(self) -> None:
        for name in self.c.systems.values():
            node = iri.system(name)
            self.add(node, RDF.type, MLS.System)
            self.add(node, RDF.type, SCHEMA.SoftwareApplication)
            self.add(node, RDFS.label, Literal(name))
            self.add(node, MLS.shortName, Literal(name))
            self.add(node, MLS.derivedBy, self.rule("short-name"))

    def organization(self, name: str) -> URIRef:
        node = iri.organization(name)
        for t in (MLS.Organization, SCHEMA.Organization, FOAF.Organization):
            self.add(node, RDF.type, t)
        if (node, RDFS.label, None) not in self.g:  # the first spelling names it
            self.add(node, RDFS.label, Literal(name))
            self.add(node, SCHEMA.name, Literal(name))
        self.add(node, MLS.derivedBy, self.rule("author-line-organisation"))
        return node

    def claim(self, c: LineageClaim) -> None:
        subject = iri.from_key(c.subject)
        obj = iri.from_key(c.object)
        sub_r, obj_r = self.c.resource(c.subject), self.c.resource(c.object)
        relation = MLS[c.relation]
        # CiTO relates a citing and a cited work: only between papers (or theses); PROV else.
        scholarly = sub_r.kind in ("paper", "thesis") and obj_r.kind in ("paper", "thesis")
        if scholarly:
            standard = CITO.extends if c.relation == "extends" else CITO.usesMethodIn
        else:
            standard = PROV.wasRevisionOf if c.relation == "extends" else PROV.wasDerivedFrom
        node = iri.claim(subject, c.relation, obj)
        self.add(node, RDF.type, MLS.LineageClaim)
        self.add(node, RDF.type, PROV.Entity)
        self.add(
            node,
            RDFS.label,
            Literal(
                f"{sub_r.name or sub_r.title} {c.relation} {obj_r.name or obj_r.title} ({c.strength})"
            ),
        )
        self.add(node, MLS.claimSubject, subject)
        self.add(node, MLS.claimObject, obj)
        self.add(node, MLS.claimRelation, relation)
        self.add(node, MLS.strength, Literal(c.strength))
        if c.phrase:
            self.add(node, MLS.matchedPhrase, Literal(c.phrase))
        if c.reason:
            self.add(node, MLS.reason, Literal(c.reason))
        for source in c.sources:
            self.add(node, DCTERMS.source, URIRef(source))
        if c.strength == "curated":
            self.add(node, MLS.evidence, self.curated(c.rule))
            self.add(node, MLS.curatedIn, self.curated(c.rule))
        else:
            self.add(node, MLS.derivedBy, self.rule(c.rule))
            self.add(node, MLS.evidence, self.evidence(sub_r))
            if c.strength == "inferred":
                self.add(node, MLS.evidence, self.evidence(obj_r))
        if c.strength in ("stated", "curated"):
            self.add(subject, relation, obj)
            self.add(subject, standard, obj)

    def finish(self) -> None:
        for name in sorted(self.rules_used):
            node = iri.rule(name)
            self.add(node, RDF.type, MLS.Rule)
            self.add(node, RDF.type, PROV.Plan)
            self.add(node, RDFS.label, Literal(name))
            self.add(node, RDFS.comment, Literal(RULES.get(name, name)))
        for name in sorted(self.curation_used):
            node = iri.curation_file(name)
            self.add(node, RDF.type, MLS.CurationFile)
            self.add(node, RDF.type, PROV.Entity)
            self.add(node, RDFS.label, Literal(name))


def build_graph(catalog: Catalog, *, include_summaries: bool = True) -> Graph:
    """The knowledge graph of a resolved catalog."""
    b = _Builder(catalog, include_summaries)
    b.topics()
    b.people()
    b.systems()
    for r in catalog.resources:
        b.resource(r)
    for c in catalog.claims:
        b.claim(c)
    b.finish()
    return b.g
