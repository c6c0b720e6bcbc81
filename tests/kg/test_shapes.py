"""The SHACL shapes (ontology/shapes.ttl) and mlsys_graph.kg.validate.

The core is a mutation test: the fixture fixtures/valid.ttl conforms, and each case below
applies one mutation to it and asserts that exactly the expected shape (and path, and focus
node) reports it. A further test checks that every constraint of the shapes has a case.
"""

# The case tables below are one case per line, which is easier to review than wrapped calls.
# ruff: noqa: E501

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, FOAF, SH, SKOS

from mlsys_graph.kg.validate import Violation, load_shapes, validate, violations_from_report
from mlsys_graph.kg.vocab import BIBO, CITO, MLS, MLSH, MLSID, SCHEMA

# A plain Namespace: rdflib's XSD warns when pytest probes module attributes.
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
FIXTURE = Path(__file__).parent / "fixtures" / "valid.ttl"

# Nodes of the fixture.
CLIPPER = "paper/crankshaw2017-clipper"
INFERLINE = "paper/crankshaw-inferline"
TVM_PAPER = "paper/chen2018-tvm"
THESIS = "thesis/system-design-for-large-scale-machine-learning"
BOOK = "book/streaming-systems"
VIDEO = "video/system-thinking"
COURSE = "course/cs294-ai-for-systems-and-systems-for-ai"
BLOG = "blog/the-deep-learning-toolset-an-overview"
TVM_SITE = "website/tvm"
ZOO = "website/machine-learning-model-zoo"
DANIEL = "person/daniel-crankshaw"
TIANQI = "person/tianqi-chen"
WEI = "person/wei-wang"
NSDI = "venue/nsdi"
OSDI = "venue/osdi"
UNKNOWN_VENUE = "venue/opml"
REPO = "repo/ucbrise/clipper"
SYSTEM = "system/clipper"
TOPIC = "topic/model-serving"
SCHEME = "topic"
AUTHORSHIP = "paper/crankshaw2017-clipper/author/1"
LINK = "paper/crankshaw2017-clipper/link/1"
LINK2 = "paper/crankshaw2017-clipper/link/2"
DOC = "source/awesome-system-for-ml"
RECORD = "source/awesome-system-for-ml/L230"
CLAIM = "lineage/crankshaw-inferline/extends/crankshaw2017-clipper"
CURATION = "curation/lineage"
RULE = "rule/author-line"
GITHUB_URL = URIRef("https://github.com/ucbrise/clipper")
ORG = "organization/uc-berkeley"
CURATED_CLAIM = "lineage/crankshaw-inferline/buildsOn/crankshaw2017-clipper"


def n(node):
    """A fixture node: plain strings are names under https://w3id.org/mlsys-graph/id/; rdflib
    terms (IRIs, literals) are used as they are."""
    return node if isinstance(node, (URIRef, Literal, BNode)) else MLSID[node]


def s(text: str) -> Literal:
    return Literal(text)


def typed(text: str, datatype: URIRef) -> Literal:
    return Literal(text, datatype=datatype)


Mutation = Callable[[Graph], None]


def drop(subject: str, predicate: URIRef, obj=None) -> Mutation:
    def apply(g: Graph) -> None:
        before = len(g)
        g.remove((n(subject), predicate, None if obj is None else n(obj)))
        assert len(g) < before, "the mutation removed nothing"

    return apply


def add(subject: str, predicate: URIRef, obj) -> Mutation:
    def apply(g: Graph) -> None:
        g.add((n(subject), predicate, n(obj)))

    return apply


def put(subject: str, predicate: URIRef, obj) -> Mutation:
    """Replace every value of ``predicate`` on ``subject`` by ``obj``."""

    def apply(g: Graph) -> None:
        assert (n(subject), predicate, None) in g, "nothing to replace"
        g.set((n(subject), predicate, n(obj)))

    return apply


def rename(old: str, new: str | URIRef) -> Mutation:
    """Give a node another IRI, everywhere."""

    def apply(g: Graph) -> None:
        o, m = n(old), n(new)
        for triple in list(g):
            if o in triple:
                g.remove(triple)
                g.add(tuple(m if t == o else t for t in triple))

    return apply


def both(*mutations: Mutation) -> Mutation:
    def apply(g: Graph) -> None:
        for mutation in mutations:
            mutation(g)

    return apply


@dataclass(frozen=True)
class Case:
    """One mutation and the one constraint that must report it.

    ``constraint`` is the local name (in mlsh:) of a property shape, of a targeted node shape
    with constraints of its own, or of a SPARQL constraint; for a SPARQL constraint ``path`` is
    the path it reports. ``also`` lists other (focus, constraint) pairs that the same mutation
    necessarily breaks.
    """

    id: str
    mutate: Mutation
    focus: str | URIRef
    constraint: str
    path: URIRef | None = None
    severity: str = "Violation"
    also: tuple[tuple[str, str], ...] = ()


CASES = [
    # --- entries (every kind) ---
    Case("entry-typed-only-abstract", both(drop(BLOG, RDF.type, MLS.Blog), add(BLOG, RDF.type, MLS.Entry)), BLOG, "Entry-kind"),
    Case("entry-with-two-kinds", add(BLOG, RDF.type, MLS.Website), BLOG, "Entry-kind"),
    Case("title-missing", drop(CLIPPER, DCTERMS.title), CLIPPER, "Entry-title"),
    Case("title-twice", add(CLIPPER, DCTERMS.title, s("Clipper")), CLIPPER, "Entry-title"),
    Case("title-blank", put(CLIPPER, DCTERMS.title, s("  ")), CLIPPER, "Entry-title"),
    Case("title-language-tagged", put(BOOK, DCTERMS.title, Literal("Streaming Systems", lang="en")), BOOK, "Entry-title"),
    Case("title-missing-on-a-thesis", drop(THESIS, DCTERMS.title), THESIS, "Entry-title"),
    Case("label-missing", drop(BOOK, RDFS.label), BOOK, "Entry-label"),
    Case("label-twice", add(VIDEO, RDFS.label, s("A TED talk")), VIDEO, "Entry-label"),
    Case("source-record-missing", drop(VIDEO, MLS.sourceRecord), VIDEO, "Entry-sourceRecord"),
    Case("source-record-is-a-link", put(VIDEO, MLS.sourceRecord, "video/system-thinking/link/1"), VIDEO, "Entry-sourceRecord"),
    Case("author-is-a-venue", both(put(CLIPPER, MLS.author, NSDI), put(AUTHORSHIP, MLS.person, NSDI)), CLIPPER, "Entry-author", also=((AUTHORSHIP, "Authorship-person"),)),
    Case("author-is-a-literal", both(put(INFERLINE, MLS.author, s("Crankshaw, Daniel")), drop(INFERLINE, MLS.authorship)), INFERLINE, "Entry-author", also=((INFERLINE, "Entry-authorsMatchAuthorships"),)),
    Case("authorship-is-a-person", add(CLIPPER, MLS.authorship, DANIEL), CLIPPER, "Entry-authorship"),
    Case("code-repository-is-a-url", put(CLIPPER, MLS.codeRepository, s("https://github.com/ucbrise/clipper")), CLIPPER, "Entry-codeRepository"),
    Case("code-repository-is-a-system", put(CLIPPER, MLS.codeRepository, SYSTEM), CLIPPER, "Entry-codeRepository"),
    Case("subject-is-a-topic-scheme", add(CLIPPER, DCTERMS.subject, SCHEME), CLIPPER, "Entry-subject"),
    Case("describes-a-repository", put(CLIPPER, MLS.describes, REPO), CLIPPER, "Entry-describes"),
    Case("authors-truncated-as-string", put(CLIPPER, MLS.authorsTruncated, s("true")), CLIPPER, "Entry-authorsTruncated"),
    Case("authors-truncated-twice", add(CLIPPER, MLS.authorsTruncated, Literal(False)), CLIPPER, "Entry-authorsTruncated"),
    Case("link-is-a-literal", add(BOOK, MLS.link, s("https://www.oreilly.com/")), BOOK, "Entry-link"),
    Case("parent-is-a-person", put(TVM_PAPER, MLS.parentEntry, TIANQI), TVM_PAPER, "Entry-parentEntry"),
    Case("two-parents", add(TVM_PAPER, MLS.parentEntry, ZOO), TVM_PAPER, "Entry-parentEntry"),
    Case("extends-a-system", add(INFERLINE, MLS.extends, SYSTEM), INFERLINE, "Entry-extends"),
    Case("builds-on-a-repository", add(INFERLINE, MLS.buildsOn, REPO), INFERLINE, "Entry-buildsOn"),
    Case("uses-a-system", add(INFERLINE, MLS.uses, SYSTEM), INFERLINE, "Entry-uses"),
    Case("source-organization-is-a-person", add(CLIPPER, MLS.sourceOrganization, DANIEL), CLIPPER, "Entry-sourceOrganization"),
    Case("source-organization-is-a-literal", add(CLIPPER, MLS.sourceOrganization, s("UC Berkeley")), CLIPPER, "Entry-sourceOrganization"),
    Case("short-name-twice", add(CLIPPER, MLS.shortName, s("clipper")), CLIPPER, "Entry-shortName"),
    Case("arxiv-id-with-prefix", put(INFERLINE, MLS.arxivId, s("arXiv:1812.01776")), INFERLINE, "Entry-arxivId"),
    Case("arxiv-id-as-url", put(INFERLINE, MLS.arxivId, s("https://arxiv.org/abs/1812.01776")), INFERLINE, "Entry-arxivId"),
    Case("doi-as-url", put(INFERLINE, BIBO.doi, s("https://doi.org/10.48550/arXiv.1812.01776")), INFERLINE, "Entry-doi"),
    Case("summary-twice", add(CLIPPER, MLS.summary, s("Serving")), CLIPPER, "Entry-summary"),
    Case("author-without-authorship", add(CLIPPER, MLS.author, TIANQI), CLIPPER, "Entry-authorsMatchAuthorships"),
    Case("authorship-without-author", drop(CLIPPER, MLS.author), CLIPPER, "Entry-authorsMatchAuthorships"),
    Case("authorship-positions-clash", add(CLIPPER, MLS.authorship, "paper/crankshaw-inferline/author/1"), CLIPPER, "Entry-authorshipPositionsUnique", path=MLS.authorship),
    Case("link-positions-clash", put(LINK2, MLS.position, typed("1", XSD.positiveInteger)), CLIPPER, "Entry-linkPositionsUnique", path=MLS.link),
    Case("extends-itself", add(CLIPPER, MLS.extends, CLIPPER), CLIPPER, "Entry-noSelfLineage", path=MLS.extends),
    Case("builds-on-itself", add(INFERLINE, MLS.buildsOn, INFERLINE), INFERLINE, "Entry-noSelfLineage", path=MLS.buildsOn),
    Case("uses-itself", add(INFERLINE, MLS.uses, INFERLINE), INFERLINE, "Entry-noSelfLineage", path=MLS.uses),
    # --- papers and theses ---
    Case("paper-without-schema-type", drop(CLIPPER, RDF.type, SCHEMA.ScholarlyArticle), CLIPPER, "Paper-schemaType"),
    Case("year-1600", put(CLIPPER, MLS.year, typed("1600", XSD.gYear)), CLIPPER, "PaperOrThesis-year"),
    Case("year-2200", put(CLIPPER, MLS.year, typed("2200", XSD.gYear)), CLIPPER, "PaperOrThesis-year"),
    Case("year-1949", put(CLIPPER, MLS.year, typed("1949", XSD.gYear)), CLIPPER, "PaperOrThesis-year"),
    Case("year-as-integer", put(CLIPPER, MLS.year, Literal(2017)), CLIPPER, "PaperOrThesis-year"),
    Case("year-two-digits", put(CLIPPER, MLS.year, typed("17", XSD.gYear)), CLIPPER, "PaperOrThesis-year"),
    Case("year-twice", add(CLIPPER, MLS.year, typed("2018", XSD.gYear)), CLIPPER, "PaperOrThesis-year"),
    Case("thesis-year-1600", add(THESIS, MLS.year, typed("1600", XSD.gYear)), THESIS, "PaperOrThesis-year"),
    Case("published-in-a-person", put(CLIPPER, MLS.publishedIn, DANIEL), CLIPPER, "PaperOrThesis-publishedIn"),
    Case("published-in-two-venues", add(CLIPPER, MLS.publishedIn, OSDI), CLIPPER, "PaperOrThesis-publishedIn"),
    Case("thesis-published-in-a-topic", add(THESIS, MLS.publishedIn, TOPIC), THESIS, "PaperOrThesis-publishedIn"),
    Case("venue-as-written-twice", add(CLIPPER, MLS.venueAsWritten, s("NSDI'17")), CLIPPER, "PaperOrThesis-venueAsWritten"),
    Case("book-with-a-year", add(BOOK, MLS.year, typed("2018", XSD.gYear)), BOOK, "OtherEntry-year"),
    Case("video-published-in-a-venue", add(VIDEO, MLS.publishedIn, NSDI), VIDEO, "OtherEntry-publishedIn"),
    Case("course-with-a-venue", add(COURSE, MLS.venueAsWritten, s("UC Berkeley")), COURSE, "OtherEntry-venueAsWritten"),
    # --- people ---
    Case("person-label-missing", drop(DANIEL, RDFS.label), DANIEL, "Person-label"),
    Case("person-name-missing", drop(DANIEL, FOAF.name), DANIEL, "Person-name"),
    Case("person-two-names", add(DANIEL, FOAF.name, s("D. Crankshaw")), DANIEL, "Person-name"),
    Case("person-without-foaf-type", drop(DANIEL, RDF.type, FOAF.Person), DANIEL, "Person-foafType"),
    Case("person-without-schema-type", drop(DANIEL, RDF.type, SCHEMA.Person), DANIEL, "Person-schemaType"),
    Case("name-variant-not-a-string", add(DANIEL, MLS.nameVariant, Literal(7)), DANIEL, "Person-nameVariant"),
    Case("same-as-a-literal", add(TIANQI, OWL.sameAs, s("Chen Tianqi")), TIANQI, "Person-sameAs"),
    Case("different-from-a-venue", add(WEI, OWL.differentFrom, NSDI), WEI, "Person-differentFrom"),
    # --- venues ---
    Case("venue-with-two-kinds", add(NSDI, RDF.type, MLS.Journal), NSDI, "Venue-kind"),
    Case("acronym-missing", drop(NSDI, MLS.acronym), NSDI, "Venue-acronym"),
    Case("acronym-twice", add(NSDI, MLS.acronym, s("NSDI'17")), NSDI, "Venue-acronym"),
    Case("acronym-missing-on-untyped-venue", drop(UNKNOWN_VENUE, MLS.acronym), UNKNOWN_VENUE, "Venue-acronym"),
    Case("venue-label-missing", drop(NSDI, RDFS.label), NSDI, "Venue-label"),
    Case("venue-full-name-twice", add(NSDI, MLS.fullName, s("NSDI")), NSDI, "Venue-fullName"),
    # --- repositories and systems ---
    Case("repository-iri-with-one-segment", rename(REPO, "repo/clipper"), "repo/clipper", "RepositoryIriShape"),
    Case("repository-iri-is-a-github-url", rename(REPO, GITHUB_URL), GITHUB_URL, "RepositoryIriShape"),
    Case("repository-without-schema-type", drop(REPO, RDF.type, SCHEMA.SoftwareSourceCode), REPO, "Repository-schemaType"),
    Case("github-slug-missing", drop(REPO, MLS.githubSlug), REPO, "Repository-githubSlug"),
    Case("github-slug-without-owner", put(REPO, MLS.githubSlug, s("clipper")), REPO, "Repository-githubSlug"),
    Case("github-slug-as-url", put(REPO, MLS.githubSlug, s("https://github.com/ucbrise/clipper")), REPO, "Repository-githubSlug"),
    Case("github-slug-twice", add(REPO, MLS.githubSlug, s("ucbrise/Clipper")), REPO, "Repository-githubSlug"),
    Case("github-slug-differs-from-iri", put(REPO, MLS.githubSlug, s("ucbrise/clipper-core")), REPO, "Repository-slugMatchesIri", path=MLS.githubSlug),
    Case("implements-a-paper", put(REPO, MLS.implements, CLIPPER), REPO, "Repository-implements"),
    Case("system-label-missing", drop(SYSTEM, RDFS.label), SYSTEM, "System-label"),
    Case("organization-label-missing", drop(ORG, RDFS.label), ORG, "Organization-label"),
    Case("organization-label-twice", add(ORG, RDFS.label, s("Berkeley")), ORG, "Organization-label"),
    Case("organization-name-missing", drop(ORG, SCHEMA.name), ORG, "Organization-name"),
    Case("organization-name-language-tagged", put(ORG, SCHEMA.name, Literal("UC Berkeley", lang="en")), ORG, "Organization-name"),
    Case("system-short-name-missing", drop(SYSTEM, MLS.shortName), SYSTEM, "System-shortName"),
    # --- topics ---
    Case("pref-label-missing", drop(TOPIC, SKOS.prefLabel), TOPIC, "Topic-prefLabel"),
    Case("pref-label-twice", add(TOPIC, SKOS.prefLabel, s("Serving")), TOPIC, "Topic-prefLabel"),
    Case("in-scheme-missing", drop(TOPIC, SKOS.inScheme), TOPIC, "Topic-inScheme"),
    Case("in-scheme-is-a-topic", put(TOPIC, SKOS.inScheme, "topic/system-for-ai"), TOPIC, "Topic-inScheme"),
    Case("topic-without-skos-type", drop(TOPIC, RDF.type, SKOS.Concept), TOPIC, "Topic-skosType"),
    Case("broader-is-a-system", add(TOPIC, SKOS.broader, SYSTEM), TOPIC, "Topic-broader"),
    Case("narrower-is-a-literal", add("topic/system-for-ai", SKOS.narrower, s("Serving")), "topic/system-for-ai", "Topic-narrower"),
    Case("heading-text-not-a-string", add(TOPIC, MLS.headingText, Literal(3)), TOPIC, "Topic-headingText"),
    Case("topic-scheme-label-missing", drop(SCHEME, RDFS.label), SCHEME, "TopicScheme-label"),
    # --- authorships and links ---
    Case("authorship-person-missing", drop(AUTHORSHIP, MLS.person), AUTHORSHIP, "Authorship-person", also=((CLIPPER, "Entry-authorsMatchAuthorships"),)),
    Case("authorship-position-missing", drop(AUTHORSHIP, MLS.position), AUTHORSHIP, "Authorship-position"),
    Case("authorship-position-zero", put(AUTHORSHIP, MLS.position, typed("0", XSD.positiveInteger)), AUTHORSHIP, "Authorship-position"),
    Case("authorship-position-plain-integer", put(AUTHORSHIP, MLS.position, Literal(1)), AUTHORSHIP, "Authorship-position"),
    Case("authorship-position-twice", add(AUTHORSHIP, MLS.position, typed("2", XSD.positiveInteger)), AUTHORSHIP, "Authorship-position"),
    Case("name-as-written-missing", drop(AUTHORSHIP, MLS.nameAsWritten), AUTHORSHIP, "Authorship-nameAsWritten"),
    Case("affiliation-is-a-venue", put(AUTHORSHIP, MLS.affiliation, NSDI), AUTHORSHIP, "Authorship-affiliation"),
    Case("affiliation-is-a-literal", put(AUTHORSHIP, MLS.affiliation, s("UC Berkeley")), AUTHORSHIP, "Authorship-affiliation"),
    Case("url-missing", drop(LINK, MLS.url), LINK, "LinkShape"),
    Case("url-and-unsafe-url", add(LINK, MLS.unsafeUrl, s("javascript:alert(1)")), LINK, "LinkShape"),
    Case("url-javascript", put(LINK, MLS.url, typed("javascript:alert(1)", XSD.anyURI)), LINK, "Link-url"),
    Case("url-data-after-a-space", put(LINK, MLS.url, typed(" data:text/html,x", XSD.anyURI)), LINK, "Link-url"),
    Case("unsafe-url-twice", both(drop(LINK, MLS.url), add(LINK, MLS.unsafeUrl, s("javascript:a")), add(LINK, MLS.unsafeUrl, s("data:b"))), LINK, "Link-unsafeUrl"),
    Case("unsafe-url-typed-as-uri", both(drop(LINK, MLS.url), add(LINK, MLS.unsafeUrl, typed("javascript:a", XSD.anyURI))), LINK, "Link-unsafeUrl"),
    Case("url-as-plain-string", put(LINK, MLS.url, s("https://www.usenix.org/")), LINK, "Link-url"),
    Case("url-twice", add(LINK, MLS.url, typed("https://x.org/", XSD.anyURI)), LINK, "Link-url"),
    Case("link-position-negative", put(LINK, MLS.position, typed("-1", XSD.positiveInteger)), LINK, "Link-position"),
    Case("link-position-missing", drop(LINK, MLS.position), LINK, "Link-position"),
    Case("link-label-twice", add(LINK, MLS.linkLabel, s("PDF")), LINK, "Link-linkLabel"),
    # --- provenance ---
    Case("line-missing", drop(RECORD, MLS.line), RECORD, "SourceRecord-line"),
    Case("line-plain-integer", put(RECORD, MLS.line, Literal(230)), RECORD, "SourceRecord-line"),
    Case("end-line-before-line", put(RECORD, MLS.endLine, typed("3", XSD.positiveInteger)), RECORD, "SourceRecord-line"),
    Case("end-line-missing", drop(RECORD, MLS.endLine), RECORD, "SourceRecord-endLine"),
    Case("end-line-twice", add(RECORD, MLS.endLine, typed("234", XSD.positiveInteger)), RECORD, "SourceRecord-endLine"),
    Case("in-document-missing", drop(RECORD, MLS.inDocument), RECORD, "SourceRecord-inDocument"),
    Case("in-document-is-a-curation-file", put(RECORD, MLS.inDocument, CURATION), RECORD, "SourceRecord-inDocument"),
    Case("section-twice", add(RECORD, MLS.section, s("Inference")), RECORD, "SourceRecord-section"),
    Case("subsection-not-a-string", add(RECORD, MLS.subsection, Literal(2)), RECORD, "SourceRecord-subsection"),
    Case("source-text-twice", add(RECORD, MLS.sourceText, s("[[GitHub]](https://github.com/ucbrise/clipper)")), RECORD, "SourceRecord-sourceText"),
    Case("file-path-absolute", put(DOC, MLS.filePath, s("/home/me/lists/README.md")), DOC, "SourceDocument-filePath"),
    Case("file-path-windows", put(DOC, MLS.filePath, s("C:\\lists\\README.md")), DOC, "SourceDocument-filePath"),
    Case("file-path-uri", put(DOC, MLS.filePath, s("file:///home/me/README.md")), DOC, "SourceDocument-filePath"),
    Case("file-path-home", put(DOC, MLS.filePath, s("~/README.md")), DOC, "SourceDocument-filePath"),
    Case("file-path-leaves-repository", put(DOC, MLS.filePath, s("docs/../../README.md")), DOC, "SourceDocument-filePath"),
    Case("file-path-empty", put(DOC, MLS.filePath, s("")), DOC, "SourceDocument-filePath"),
    Case("file-path-missing", drop(DOC, MLS.filePath), DOC, "SourceDocument-filePath"),
    Case("repository-url-as-plain-string", put(DOC, MLS.repositoryUrl, s("https://github.com/x/y")), DOC, "SourceDocument-repositoryUrl"),
    Case("version-twice", add(DOC, MLS.version, s("master")), DOC, "SourceDocument-version"),
    Case("attribution-blank", put(DOC, MLS.attribution, s("")), DOC, "SourceDocument-attribution"),
    Case("attribution-missing", drop(DOC, MLS.attribution), DOC, "SourceDocument-attributionPresent", severity="Warning"),
    Case("license-as-literal", put(DOC, DCTERMS.license, s("MIT")), DOC, "SourceDocument-license"),
    Case("license-missing", drop(DOC, DCTERMS.license), DOC, "SourceDocument-licensePresent", severity="Warning"),
    Case("claim-subject-missing", drop(CLAIM, MLS.claimSubject), CLAIM, "LineageClaim-claimSubject"),
    Case("claim-subject-is-a-system", put(CLAIM, MLS.claimSubject, SYSTEM), CLAIM, "LineageClaim-claimSubject"),
    Case("claim-subject-is-its-object", put(CLAIM, MLS.claimSubject, CLIPPER), CLAIM, "LineageClaim-claimSubject"),
    Case("claim-object-is-a-person", put(CLAIM, MLS.claimObject, DANIEL), CLAIM, "LineageClaim-claimObject"),
    Case("claim-object-twice", add(CLAIM, MLS.claimObject, TVM_PAPER), CLAIM, "LineageClaim-claimObject"),
    Case("claim-relation-is-cito", put(CLAIM, MLS.claimRelation, CITO.extends), CLAIM, "LineageClaim-claimRelation"),
    Case("claim-relation-missing", drop(CLAIM, MLS.claimRelation), CLAIM, "LineageClaim-claimRelation"),
    Case("strength-unknown", put(CLAIM, MLS.strength, s("strong")), CLAIM, "LineageClaim-strength"),
    Case("strength-language-tagged", put(CLAIM, MLS.strength, Literal("stated", lang="en")), CLAIM, "LineageClaim-strength"),
    Case("strength-missing", drop(CLAIM, MLS.strength), CLAIM, "LineageClaim-strength"),
    Case("evidence-missing", drop(CLAIM, MLS.evidence), CLAIM, "LineageClaim-evidence"),
    Case("evidence-is-an-entry", add(CLAIM, MLS.evidence, CLIPPER), CLAIM, "LineageClaim-evidence"),
    Case("matched-phrase-twice", add(CLAIM, MLS.matchedPhrase, s("update")), CLAIM, "LineageClaim-matchedPhrase"),
    Case("claim-relation-is-the-old-uses-method-in", put(CLAIM, MLS.claimRelation, CITO.usesMethodIn), CLAIM, "LineageClaim-claimRelation"),
    Case("claim-source-is-a-literal", put(CURATED_CLAIM, DCTERMS.source, s("arXiv 1812.01776")), CURATED_CLAIM, "LineageClaim-source"),
    Case("curation-file-label-missing", drop(CURATION, RDFS.label), CURATION, "CurationFile-label"),
    Case("curation-file-path-absolute", put(CURATION, MLS.filePath, s("/srv/mlsys-graph/data/lineage.ttl")), CURATION, "CurationFile-filePath"),
    Case("curation-file-path-twice", add(CURATION, MLS.filePath, s("data/other.ttl")), CURATION, "CurationFile-filePath"),
    Case("rule-label-missing", drop(RULE, RDFS.label), RULE, "Rule-label"),
    Case("derived-by-a-curation-file", put(DANIEL, MLS.derivedBy, CURATION), DANIEL, "Derived-derivedBy"),
    Case("derived-by-a-literal", add(SYSTEM, MLS.derivedBy, s("short-name")), SYSTEM, "Derived-derivedBy"),
    Case("curated-in-a-rule", put(TIANQI, MLS.curatedIn, RULE), TIANQI, "Curated-curatedIn"),
    Case("reason-blank", put(TIANQI, MLS.reason, s(" ")), TIANQI, "Curated-reason"),
    Case("reason-not-a-string", add(TOPIC, MLS.reason, Literal(1)), TOPIC, "Curated-reason"),
]  # fmt: skip

#: Mutations after which the graph still conforms: what the shapes deliberately allow.
ALLOWED = [
    ("empty-link-url", put(LINK, MLS.url, typed("", XSD.anyURI))),
    ("relative-link-url", put(LINK, MLS.url, typed("docs/a.pdf", XSD.anyURI))),
    ("mailto-link-url", put(LINK, MLS.url, typed("MailTo:ada@example.org", XSD.anyURI))),
    ("unsafe-url-instead-of-url", both(drop(LINK, MLS.url), add(LINK, MLS.unsafeUrl, s("javascript:alert(1)")))),
    ("arxiv-id-with-version", put(INFERLINE, MLS.arxivId, s("1812.01776v2"))),
    ("arxiv-id-old-style", put(INFERLINE, MLS.arxivId, s("cs/0112017"))),
    ("arxiv-id-old-style-subject-class", put(INFERLINE, MLS.arxivId, s("math.OC/0101001"))),
    ("year-1950", put(CLIPPER, MLS.year, typed("1950", XSD.gYear))),
    ("year-2100", put(CLIPPER, MLS.year, typed("2100", XSD.gYear))),
    ("thesis-with-year-and-venue", both(add(THESIS, MLS.year, typed("2017", XSD.gYear)), add(THESIS, MLS.publishedIn, UNKNOWN_VENUE))),
    ("venue-of-unknown-kind", both(drop(NSDI, RDF.type, MLS.Conference), add(NSDI, RDF.type, MLS.Venue))),
    ("venue-typed-venue-and-kind", add(NSDI, RDF.type, MLS.Venue)),
    ("paper-not-typed-entry", drop(CLIPPER, RDF.type, MLS.Entry)),
    ("slug-in-another-case", put(REPO, MLS.githubSlug, s("UCBRise/Clipper"))),
    ("no-repository-url-nor-version", both(drop(DOC, MLS.repositoryUrl), drop(DOC, MLS.version))),
    ("file-path-nested-with-colon", put(DOC, MLS.filePath, s("lists/2019/ml:systems.md"))),
    ("curation-file-without-path", drop(CURATION, MLS.filePath)),
    ("entry-without-authors", both(drop(CLIPPER, MLS.author), drop(CLIPPER, MLS.authorship))),
    ("several-person-labels", add(DANIEL, RDFS.label, Literal("Daniel Crankshaw", lang="en"))),
    ("license-twice", add(DOC, DCTERMS.license, URIRef("https://spdx.org/licenses/CC0-1.0"))),
    ("inferred-claim", put(CLAIM, MLS.strength, s("inferred"))),
]  # fmt: skip


@cache
def base_graph() -> Graph:
    return Graph().parse(FIXTURE, format="turtle")


def mutated(mutation: Mutation) -> Graph:
    g = Graph()
    g += base_graph()
    mutation(g)
    return g


def _shapes() -> Graph:
    return load_shapes()


def _owner(constraint: URIRef) -> URIRef:
    """The node shape that holds a SPARQL constraint."""
    owner = _shapes().value(None, SH.sparql, constraint)
    assert isinstance(owner, URIRef), f"{constraint} belongs to no named node shape"
    return owner


def _expected(
    focus: str | URIRef, constraint: str, path: URIRef | None
) -> tuple[str, str, str | None]:
    """(focus, shape, path) of the violation a constraint reports."""
    c = MLSH[constraint]
    g = _shapes()
    if (c, RDF.type, SH.SPARQLConstraint) in g:
        assert path is not None, "say which path the SPARQL constraint reports"
        return str(n(focus)), str(_owner(c)), str(path)
    if (c, RDF.type, SH.PropertyShape) in g:
        shape_path = g.value(c, SH.path)
        rendered = str(shape_path) if isinstance(shape_path, URIRef) else _render(g, shape_path)
        return str(n(focus)), str(c), rendered
    assert (c, RDF.type, SH.NodeShape) in g, f"mlsh:{constraint} is not a shape"
    return str(n(focus)), str(c), None


def _render(g: Graph, path) -> str:
    """The text validate() gives a sequence path."""
    return "/".join(f"<{step}>" for step in Collection(g, path))


# --- the shapes graph -------------------------------------------------------------------------


def test_fixture_conforms():
    assert validate(base_graph()) == []


def test_every_shape_is_named_in_mlsh():
    g = _shapes()
    for kind in (SH.NodeShape, SH.PropertyShape, SH.SPARQLConstraint):
        for shape in g.subjects(RDF.type, kind):
            assert isinstance(shape, URIRef) and shape in MLSH, shape


def test_every_referenced_shape_is_defined():
    g = _shapes()
    for predicate, kind in (
        (SH.property, SH.PropertyShape),
        (SH.node, SH.NodeShape),
        (SH["not"], SH.NodeShape),
        (SH.sparql, SH.SPARQLConstraint),
    ):
        for ref in g.objects(None, predicate):
            if isinstance(ref, URIRef):
                assert (ref, RDF.type, kind) in g, f"{ref} is used as a {kind} but not defined"
    for prop in g.subjects(RDF.type, SH.PropertyShape):
        assert g.value(prop, SH.path) is not None, f"{prop} has no sh:path"
        assert g.value(None, SH.property, prop) is not None, f"{prop} is used by no node shape"


def test_every_class_is_a_target():
    """Without inference, a class that no shape targets is never checked."""
    ontology = Graph().parse(FIXTURE.parents[3] / "ontology" / "mlsys.ttl", format="turtle")
    classes = {c for c in ontology.subjects(RDF.type, OWL.Class) if c in MLS}
    assert classes - set(_shapes().objects(None, SH.targetClass)) == set()


def test_entry_and_venue_shapes_target_every_subclass():
    ontology = Graph().parse(FIXTURE.parents[3] / "ontology" / "mlsys.ttl", format="turtle")
    for shape, top in ((MLSH.EntryShape, MLS.Entry), (MLSH.VenueShape, MLS.Venue)):
        family = set(ontology.transitive_subjects(RDFS.subClassOf, top))
        assert set(_shapes().objects(shape, SH.targetClass)) == family


_PARAMETERS = {
    SH.minCount, SH.maxCount, SH.datatype, SH.pattern, SH["class"], SH.nodeKind, SH.node,
    SH["in"], SH.hasValue, SH.qualifiedValueShape, SH.lessThanOrEquals, SH.disjoint, SH["not"],
    SH.minLength, SH.equals, SH["or"], SH.xone, SH.sparql,
}  # fmt: skip


def _has_constraints(g: Graph, shape) -> bool:
    return any((shape, p, None) in g for p in _PARAMETERS)


def test_every_constraint_has_a_message():
    g = _shapes()
    for shape in set(g.subjects(RDF.type, SH.PropertyShape)) | set(
        g.subjects(RDF.type, SH.NodeShape)
    ):
        # a node shape's sh:sparql constraints carry their own messages
        own = any((shape, p, None) in g for p in _PARAMETERS - {SH.sparql})
        if own:
            assert g.value(shape, SH.message) is not None, f"{shape} has no sh:message"
    for constraint in g.subjects(RDF.type, SH.SPARQLConstraint):
        assert g.value(constraint, SH.message) is not None, f"{constraint} has no sh:message"


def _constraint_units() -> set[str]:
    """Everything that reports violations of its own: property shapes, SPARQL constraints and
    targeted node shapes with constraints of their own."""
    g = _shapes()
    units = {str(p) for p in g.subjects(RDF.type, SH.PropertyShape)}
    units |= {str(c) for c in g.subjects(RDF.type, SH.SPARQLConstraint)}
    targets = (SH.targetClass, SH.targetSubjectsOf, SH.targetNode, SH.target)
    for shape in g.subjects(RDF.type, SH.NodeShape):
        targeted = any((shape, t, None) in g for t in targets)
        own = any((shape, p, None) in g for p in _PARAMETERS - {SH.sparql})
        if targeted and own:
            units.add(str(shape))
    return units


def test_every_constraint_has_a_mutation_case():
    covered = {str(MLSH[c.constraint]) for c in CASES}
    covered |= {str(MLSH[constraint]) for c in CASES for _, constraint in c.also}
    assert _constraint_units() - covered == set()


def test_case_ids_are_unique():
    ids = [c.id for c in CASES] + [a for a, _ in ALLOWED]
    assert len(ids) == len(set(ids))


# --- mutations --------------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_mutation_is_reported_by_exactly_its_constraint(case: Case):
    violations = validate(mutated(case.mutate))
    expected = {(*_expected(case.focus, case.constraint, case.path), case.severity)}
    expected |= {(*_expected(f, c, None), "Violation") for f, c in case.also}
    assert {(v.focus, v.shape, v.path, v.severity) for v in violations} == expected, "\n".join(
        map(str, violations)
    )
    constraint = MLSH[case.constraint]
    message = _shapes().value(constraint, SH.message)
    assert message is not None
    assert str(message) in {v.message for v in violations}


@pytest.mark.parametrize(("name", "mutation"), ALLOWED, ids=[a for a, _ in ALLOWED])
def test_allowed_variation_conforms(name, mutation):
    assert validate(mutated(mutation)) == []


# --- validate() -------------------------------------------------------------------------------


def test_violation_fields():
    [violation] = validate(mutated(put(CLIPPER, MLS.year, typed("1600", XSD.gYear))))
    assert violation == Violation(
        focus=str(n(CLIPPER)),
        path=str(MLS.year),
        message="A paper or thesis has at most one mls:year, an xsd:gYear from 1950 to 2100",
        severity="Violation",
        shape=str(MLSH["PaperOrThesis-year"]),
        value="1600",
    )
    assert "1600" in str(violation) and str(MLS.year) in str(violation)
    with pytest.raises(dataclasses.FrozenInstanceError):
        violation.focus = "x"  # type: ignore[misc]
    assert [f.name for f in dataclasses.fields(Violation)] == [
        "focus",
        "path",
        "message",
        "severity",
        "shape",
        "value",
    ]


def test_violations_are_sorted_and_unique():
    g = mutated(
        both(
            drop(RECORD, MLS.line),
            drop(DANIEL, FOAF.name),
            drop(BOOK, DCTERMS.title),
            drop(BOOK, RDFS.label),
            add(CLIPPER, MLS.authorship, "paper/crankshaw-inferline/author/1"),
        )
    )
    violations = validate(g)
    keys = [(v.focus, v.path or "", v.message) for v in violations]
    assert keys == sorted(keys)
    assert len(violations) == len(set(violations)) == 6


def test_validate_does_not_modify_the_graph():
    g = mutated(drop(BOOK, DCTERMS.title))
    before = set(g)
    assert validate(g)
    assert set(g) == before


def test_no_inference():
    """sh:class sees explicit types only: a foaf:Person that is not typed mls:Person fails,
    and the ontology's subclass axioms are not consulted."""
    g = mutated(drop(DANIEL, RDF.type, MLS.Person))
    assert {(v.focus, v.shape) for v in validate(g)} == {
        (str(n(CLIPPER)), str(MLSH["Entry-author"])),
        (str(n(INFERLINE)), str(MLSH["Entry-author"])),
        (str(n(AUTHORSHIP)), str(MLSH["Authorship-person"])),
        (str(n("paper/crankshaw-inferline/author/1")), str(MLSH["Authorship-person"])),
    }
    # The fixture's venues and papers carry no mls:Venue / mls:Entry type: the shapes name
    # every subclass instead of relying on rdfs:subClassOf.
    assert (n("venue/preprint"), RDF.type, MLS.Venue) not in base_graph()
    assert (n(INFERLINE), RDF.type, MLS.Entry) not in base_graph()


def test_load_shapes_is_cached():
    assert load_shapes() is load_shapes()
    assert (MLSH.EntryShape, RDF.type, SH.NodeShape) in load_shapes()


def test_custom_shapes_and_complex_paths():
    shapes = Graph().parse(
        format="turtle",
        data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix mls: <https://w3id.org/mlsys-graph/ontology#> .
        @prefix ex: <https://example.org/> .
        ex:PersonShape a sh:NodeShape ;
            sh:targetClass mls:Person ;
            sh:property [ sh:path [ sh:inversePath mls:author ] ; sh:minCount 3 ;
                          sh:severity sh:Info ; sh:message "few papers"@en ] ,
                        [ sh:path ( [ sh:inversePath mls:person ] mls:position ) ;
                          sh:maxCount 0 ; sh:message "has a position"@de, "has a position" ] ,
                        [ sh:path [ sh:alternativePath ( mls:nameVariant mls:derivedBy ) ] ;
                          sh:maxCount 0 ] ,
                        [ sh:path [ sh:zeroOrMorePath mls:nameVariant ] ; sh:maxCount 0 ] .
        """,
    )
    violations = [v for v in validate(base_graph(), shapes) if v.focus == str(n(DANIEL))]
    by_path = {v.path: v for v in violations}
    inverse = f"^<{MLS.author}>"
    assert set(by_path) == {
        inverse,
        f"^<{MLS.person}>/<{MLS.position}>",
        f"(<{MLS.nameVariant}>|<{MLS.derivedBy}>)",
        f"(<{MLS.nameVariant}>)*",
    }
    assert by_path[inverse].severity == "Info"
    assert by_path[inverse].message == "few papers"
    assert by_path[inverse].shape is None  # a blank-node shape
    assert by_path[f"^<{MLS.person}>/<{MLS.position}>"].message == "has a position"
    alternative = by_path[f"(<{MLS.nameVariant}>|<{MLS.derivedBy}>)"]
    assert alternative.message  # pySHACL's generic text when the shape has no sh:message


def test_report_mapping_without_message():
    report = Graph()
    r, result, shape = BNode(), BNode(), BNode()
    report.add((r, RDF.type, SH.ValidationReport))
    report.add((r, SH.result, result))
    report.add((result, RDF.type, SH.ValidationResult))
    report.add((result, SH.focusNode, BNode("b1")))
    report.add((result, SH.resultSeverity, SH.Warning))
    report.add((result, SH.sourceShape, shape))
    report.add((result, SH.sourceConstraintComponent, SH.MinCountConstraintComponent))
    # a nested result (sh:detail) is not a result of the report
    detail = BNode()
    report.add((result, SH.detail, detail))
    report.add((detail, RDF.type, SH.ValidationResult))
    report.add((detail, SH.focusNode, URIRef("https://example.org/x")))
    assert violations_from_report(report) == [
        Violation(
            focus="_:b1",
            path=None,
            message="MinCountConstraintComponent constraint not satisfied",
            severity="Warning",
            shape=None,
            value=None,
        )
    ]
