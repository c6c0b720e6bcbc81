"""The ontology (ontology/mlsys.ttl), the namespace generated from it (kg/vocab.py), and how the
hand-written fixture (fixtures/valid.ttl) uses both."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest
from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, DOAP, FOAF, PROV, SH, SKOS

from mlsys_graph.kg import vocab
from mlsys_graph.kg.vocab import BIBO, CITO, FABIO, MLS, MLSH, ONTOLOGY_IRI, SCHEMA
from mlsys_graph.resources import ontology_file

# A plain Namespace: pytest's doctest collection probes module attributes, and rdflib's XSD
# warns about every unknown name it is asked for.
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
ROOT = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).parent / "fixtures" / "valid.ttl"
NS = str(MLS)

#: Namespaces an alignment (rdfs:subClassOf / rdfs:subPropertyOf) may point into, besides mls:.
ALIGNED = {
    "schema": str(SCHEMA),
    "dcterms": str(DCTERMS),
    "foaf": str(FOAF),
    "doap": str(DOAP),
    "skos": str(SKOS),
    "prov": str(PROV),
    "cito": str(CITO),
    "fabio": str(FABIO),
    "bibo": str(BIBO),
}
#: RDF, RDFS, OWL and XSD: the language itself, never declared in the ontology.
BUILTIN = (str(RDF), str(RDFS), str(OWL), str(XSD))

# The terms the graph builder is written against: none may be renamed or dropped. Each
# property maps to its (domain, range) as sets of classes or datatypes.
CLASSES = {
    "Entry", "Paper", "Thesis", "Book", "Video", "Course", "Blog", "Website", "SoftwareProject",
    "OtherResource", "Person", "Organization", "Venue", "Conference", "Journal", "Workshop", "PreprintServer",
    "PreprintCategory", "Repository", "System", "Topic", "TopicScheme", "Authorship", "Link",
    "SourceDocument", "SourceRecord", "LineageClaim", "CurationFile", "Rule",
}  # fmt: skip
ENTRY, PAPER_OR_THESIS = {MLS.Entry}, {MLS.Paper, MLS.Thesis}
OBJECT_PROPERTIES = {
    "author": (ENTRY, {MLS.Person}),
    "authorship": (ENTRY, {MLS.Authorship}),
    "person": ({MLS.Authorship}, {MLS.Person}),
    "publishedIn": (PAPER_OR_THESIS, {MLS.Venue}),
    "codeRepository": (ENTRY, {MLS.Repository}),
    "describes": (ENTRY, {MLS.System}),
    "implements": ({MLS.Repository}, {MLS.System}),
    "link": (ENTRY, {MLS.Link}),
    "parentEntry": (ENTRY, ENTRY),
    "sourceRecord": (ENTRY, {MLS.SourceRecord}),
    "inDocument": ({MLS.SourceRecord}, {MLS.SourceDocument}),
    "extends": (ENTRY, ENTRY),
    "buildsOn": (ENTRY, ENTRY),
    "uses": (ENTRY, ENTRY),
    "sourceOrganization": (ENTRY, {MLS.Organization}),
    "affiliation": ({MLS.Authorship}, {MLS.Organization}),
    # Added for data/people.ttl: where a curated alias holds (a list or a paper).
    "appliesTo": ({OWL.Thing}, {OWL.Thing}),
    "claimSubject": ({MLS.LineageClaim}, ENTRY),
    "claimObject": ({MLS.LineageClaim}, ENTRY),
    "claimRelation": ({MLS.LineageClaim}, {RDF.Property}),
    "evidence": ({MLS.LineageClaim}, {MLS.SourceRecord, MLS.CurationFile}),
    # The builder also derives entries, repositories, systems and topics by rules.
    "derivedBy": ({OWL.Thing}, {MLS.Rule}),
    "curatedIn": ({OWL.Thing}, {MLS.CurationFile}),
}
DATATYPE_PROPERTIES = {
    "shortName": ({MLS.Entry, MLS.System}, {XSD.string}),
    "year": (PAPER_OR_THESIS, {XSD.gYear}),
    "authorsTruncated": (ENTRY, {XSD.boolean}),
    "position": ({MLS.Authorship, MLS.Link}, {XSD.positiveInteger}),
    "nameAsWritten": ({MLS.Authorship}, {XSD.string}),
    "nameVariant": ({MLS.Person}, {XSD.string}),
    "linkLabel": ({MLS.Link}, {XSD.string}),
    "url": ({MLS.Link}, {XSD.anyURI}),
    "unsafeUrl": ({MLS.Link}, {XSD.string}),
    "venueAsWritten": (PAPER_OR_THESIS, {XSD.string}),
    "arxivId": (ENTRY, {XSD.string}),
    "githubSlug": ({MLS.Repository}, {XSD.string}),
    "acronym": ({MLS.Venue}, {XSD.string}),
    "fullName": ({MLS.Venue}, {XSD.string}),
    "line": ({MLS.SourceRecord}, {XSD.positiveInteger}),
    "endLine": ({MLS.SourceRecord}, {XSD.positiveInteger}),
    "section": ({MLS.SourceRecord}, {XSD.string}),
    "subsection": ({MLS.SourceRecord}, {XSD.string}),
    "sourceText": ({MLS.SourceRecord}, {XSD.string}),
    # Curation files have a path too (inside the mlsys-graph repository).
    "filePath": ({MLS.SourceDocument, MLS.CurationFile}, {XSD.string}),
    "repositoryUrl": ({MLS.SourceDocument}, {XSD.anyURI}),
    "version": ({MLS.SourceDocument}, {XSD.string}),
    "attribution": ({MLS.SourceDocument}, {XSD.string}),
    "strength": ({MLS.LineageClaim}, {XSD.string}),
    "matchedPhrase": ({MLS.LineageClaim}, {XSD.string}),
    "reason": ({OWL.Thing}, {XSD.string}),
    "summary": (ENTRY, {XSD.string}),
    # Added for data/topics.ttl.
    "headingText": ({MLS.Topic}, {XSD.string}),
}

#: (mls term, the standard term it specialises).
ALIGNMENTS = [
    *((MLS[c], MLS.Entry) for c in ("Paper", "Thesis", "Book", "Video", "Course", "Blog")),
    *((MLS[c], MLS.Entry) for c in ("Website", "SoftwareProject", "OtherResource")),
    *((MLS[c], MLS.Venue) for c in ("Conference", "Journal", "Workshop", "PreprintServer")),
    (MLS.PreprintCategory, MLS.Venue),
    (MLS.Paper, FABIO.ResearchPaper),
    (MLS.Paper, SCHEMA.ScholarlyArticle),
    (MLS.Thesis, FABIO.Thesis),
    (MLS.Thesis, SCHEMA.Thesis),
    (MLS.Book, SCHEMA.Book),
    (MLS.Book, FABIO.Book),
    (MLS.Video, SCHEMA.VideoObject),
    (MLS.Course, SCHEMA.Course),
    (MLS.Blog, SCHEMA.BlogPosting),
    (MLS.Website, SCHEMA.WebSite),
    (MLS.SoftwareProject, DOAP.Project),
    (MLS.SoftwareProject, SCHEMA.SoftwareApplication),
    (MLS.OtherResource, SCHEMA.CreativeWork),
    (MLS.Person, FOAF.Person),
    (MLS.Person, SCHEMA.Person),
    (MLS.Venue, SCHEMA.CreativeWorkSeries),
    (MLS.Repository, SCHEMA.SoftwareSourceCode),
    (MLS.Repository, DOAP.GitRepository),
    (MLS.System, SCHEMA.SoftwareApplication),
    (MLS.Topic, SKOS.Concept),
    (MLS.TopicScheme, SKOS.ConceptScheme),
    (MLS.Authorship, PROV.Attribution),
    (MLS.SourceDocument, PROV.Entity),
    (MLS.SourceDocument, SCHEMA.DigitalDocument),
    (MLS.SourceRecord, PROV.Entity),
    (MLS.LineageClaim, PROV.Entity),
    (MLS.CurationFile, PROV.Entity),
    (MLS.Rule, PROV.Plan),
    (MLS.author, DCTERMS.creator),
    (MLS.author, SCHEMA.author),
    (MLS.authorship, PROV.qualifiedAttribution),
    (MLS.person, PROV.agent),
    (MLS.publishedIn, SCHEMA.isPartOf),
    (MLS.codeRepository, SCHEMA.codeRepository),
    (MLS.describes, SCHEMA.about),
    (MLS.parentEntry, DCTERMS.isPartOf),
    (MLS.sourceRecord, PROV.wasDerivedFrom),
    (MLS.inDocument, PROV.wasDerivedFrom),
    (MLS.extends, PROV.wasRevisionOf),
    (MLS.buildsOn, PROV.wasDerivedFrom),
    (MLS.uses, PROV.wasDerivedFrom),
    (MLS.sourceOrganization, SCHEMA.sourceOrganization),
    (MLS.Organization, SCHEMA.Organization),
    (MLS.Organization, FOAF.Organization),
    (MLS.Organization, PROV.Organization),
    (MLS.curatedIn, PROV.wasDerivedFrom),
    (MLS.year, DCTERMS.issued),
    (MLS.arxivId, DCTERMS.identifier),
    (MLS.summary, DCTERMS.abstract),
]


@cache
def ontology() -> Graph:
    return Graph().parse(ontology_file("mlsys.ttl"), format="turtle")


@cache
def shapes() -> Graph:
    return Graph().parse(ontology_file("shapes.ttl"), format="turtle")


@cache
def fixture() -> Graph:
    return Graph().parse(FIXTURE, format="turtle")


def _local(term: URIRef) -> str:
    return str(term)[len(NS) :]


@cache
def mls_terms() -> frozenset[URIRef]:
    """Every mls: IRI the ontology declares (the subject of an rdf:type triple)."""
    return frozenset(
        s for s in ontology().subjects(RDF.type, None) if isinstance(s, URIRef) and s in MLS
    )


def _kind(term: URIRef) -> str:
    types = set(ontology().objects(term, RDF.type))
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty):
        if kind in types:
            return _local_name(kind)
    return "unknown"


def _local_name(term: URIRef) -> str:
    return str(term).rsplit("#", 1)[-1]


def _classes(node) -> set:
    """An rdfs:domain / rdfs:range value as a set: the IRI itself, or the members of a union."""
    g = ontology()
    if isinstance(node, BNode):
        union = g.value(node, OWL.unionOf)
        assert union is not None, "a blank-node domain or range must be an owl:unionOf"
        return set(Collection(g, union))
    return {node}


@cache
def superclasses() -> dict:
    """Class → itself and all its superclasses in the ontology (reflexive-transitive closure)."""
    g = ontology()
    return {
        c: set(g.transitive_objects(c, RDFS.subClassOf))
        for c in g.subjects(RDF.type, OWL.Class)
        if isinstance(c, URIRef)
    }


def _types_with_supers(graph: Graph, node) -> set:
    found = set()
    for t in graph.objects(node, RDF.type):
        found |= superclasses().get(t, {t})
    return found


def _load_gen_vocab() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_vocab", ROOT / "tools" / "gen_vocab.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the ontology itself ----------------------------------------------------------------------


def test_ontology_header():
    g = ontology()
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in g
    assert g.value(ONTOLOGY_IRI, OWL.versionInfo) is not None
    assert str(g.value(ONTOLOGY_IRI, DCTERMS.title)).strip()
    assert len(str(g.value(ONTOLOGY_IRI, DCTERMS.description))) > 50
    licence = g.value(ONTOLOGY_IRI, DCTERMS.license)
    assert isinstance(licence, URIRef) and str(licence).endswith("/MIT")


def test_nothing_is_imported():
    """Loading the ontology never needs the network."""
    assert not list(ontology().objects(None, OWL.imports))
    assert not list(shapes().objects(None, OWL.imports))


def test_every_class_of_the_model_is_declared():
    declared = {_local(t) for t in mls_terms() if _kind(t) == "Class"}
    assert declared >= CLASSES, f"missing classes: {sorted(CLASSES - declared)}"


@pytest.mark.parametrize(
    ("name", "kind", "domain", "range_"),
    [(n, "ObjectProperty", d, r) for n, (d, r) in OBJECT_PROPERTIES.items()]
    + [(n, "DatatypeProperty", d, r) for n, (d, r) in DATATYPE_PROPERTIES.items()],
)
def test_property_of_the_model(name, kind, domain, range_):
    term = MLS[name]
    g = ontology()
    assert term in mls_terms(), f"mls:{name} is not declared"
    assert _kind(term) == kind
    assert _classes(g.value(term, RDFS.domain)) == domain
    assert _classes(g.value(term, RDFS.range)) == range_


def test_no_undocumented_extra_property():
    """A property added to the ontology is added to the tables above, with its domain and range."""
    properties = {_local(t) for t in mls_terms() if _kind(t) != "Class"}
    assert properties == set(OBJECT_PROPERTIES) | set(DATATYPE_PROPERTIES)


@pytest.mark.parametrize("term", sorted(mls_terms()), ids=_local)
def test_term_is_documented(term):
    g = ontology()
    label, comment = g.value(term, RDFS.label), g.value(term, RDFS.comment)
    assert isinstance(label, Literal) and str(label).strip(), "no rdfs:label"
    assert isinstance(comment, Literal) and len(str(comment)) > 15, "no rdfs:comment"
    assert g.value(term, RDFS.isDefinedBy) == ONTOLOGY_IRI
    if _kind(term) == "Class":
        return
    domain, range_ = g.value(term, RDFS.domain), g.value(term, RDFS.range)
    assert domain is not None and range_ is not None, "a property has rdfs:domain and rdfs:range"
    assert len(list(g.objects(term, RDFS.domain))) == 1
    assert len(list(g.objects(term, RDFS.range))) == 1
    classes = {t for t in mls_terms() if _kind(t) == "Class"} | {OWL.Thing}
    assert _classes(domain) <= classes
    if _kind(term) == "ObjectProperty":
        assert _classes(range_) <= classes | {RDF.Property}
    else:
        assert all(str(r).startswith(str(XSD)) for r in _classes(range_))


def test_alignment_targets_are_standard_vocabularies():
    g = ontology()
    for predicate in (RDFS.subClassOf, RDFS.subPropertyOf):
        for sub, sup in g.subject_objects(predicate):
            assert sub in MLS, f"{sub} is aligned here but is not ours"
            assert isinstance(sup, URIRef)
            assert sup in MLS or any(str(sup).startswith(ns) for ns in ALIGNED.values()), sup


@pytest.mark.parametrize(("term", "standard"), ALIGNMENTS, ids=lambda t: str(t).split("/")[-1])
def test_alignment(term, standard):
    predicate = RDFS.subPropertyOf if _kind(term) != "Class" else RDFS.subClassOf
    assert (term, predicate, standard) in ontology()


def test_derived_by_is_not_a_generation():
    """A rule is a prov:Plan, not a prov:Activity: derivedBy must not imply one."""
    g = ontology()
    assert (MLS.derivedBy, RDFS.subPropertyOf, PROV.wasGeneratedBy) not in g
    assert (MLS.derivedBy, RDFS.seeAlso, PROV.hadPlan) in g


@cache
def external_terms() -> frozenset[URIRef]:
    """External IRIs the ontology refers to as terms (predicates, alignment and type targets)."""
    g = ontology()
    found: set[URIRef] = {p for p in g.predicates() if isinstance(p, URIRef)}
    for predicate in (
        RDFS.subClassOf,
        RDFS.subPropertyOf,
        RDFS.domain,
        RDFS.range,
        RDFS.seeAlso,
        SCHEMA.domainIncludes,
        SCHEMA.rangeIncludes,
    ):
        found |= {o for o in g.objects(None, predicate) if isinstance(o, URIRef)}
    return frozenset(
        t
        for t in found
        if t not in MLS
        and not str(t).startswith(BUILTIN)
        and (any(str(t).startswith(ns) for ns in ALIGNED.values()) or t in set(g.predicates()))
    )


@pytest.mark.parametrize("term", sorted(external_terms()), ids=str)
def test_external_term_is_declared(term):
    """The file is self-describing: every external term it uses has a type and a label."""
    g = ontology()
    assert set(g.objects(term, RDF.type)) & {
        OWL.Class,
        OWL.ObjectProperty,
        OWL.DatatypeProperty,
        OWL.AnnotationProperty,
    }, f"{term} has no OWL type"
    assert g.value(term, RDFS.label) is not None, f"{term} has no rdfs:label"


@pytest.mark.parametrize("source", ["mlsys.ttl", "shapes.ttl", "fixtures/valid.ttl"])
def test_every_mls_iri_used_is_declared(source):
    """A misspelt mls: term anywhere (ontology, shapes, fixture) fails here."""
    graph = {"mlsys.ttl": ontology(), "shapes.ttl": shapes(), "fixtures/valid.ttl": fixture()}
    used = {t for triple in graph[source] for t in triple if isinstance(t, URIRef) and t in MLS}
    # ... and inside the SPARQL of the shapes
    for query in graph[source].objects(None, SH.select):
        used |= {MLS[name] for name in re.findall(r"\bmls:(\w+)", str(query))}
    assert used - mls_terms() == set()


def test_disjoint_kinds():
    g = ontology()
    groups = [
        set(Collection(g, g.value(d, OWL.members)))
        for d in g.subjects(RDF.type, OWL.AllDisjointClasses)
    ]
    entry_kinds = {MLS[c] for c in CLASSES} & {s for s in g.subjects(RDFS.subClassOf, MLS.Entry)}
    assert entry_kinds in groups
    assert {MLS.Entry, MLS.Person, MLS.Venue, MLS.Repository, MLS.System} <= max(groups, key=len)


# --- the fixture against the ontology -------------------------------------------------------


def test_fixture_has_no_blank_nodes():
    assert not [t for triple in fixture() for t in triple if isinstance(t, BNode)]


def test_fixture_uses_every_class():
    used = set(fixture().objects(None, RDF.type))
    missing = {t for t in mls_terms() if _kind(t) == "Class"} - used
    assert not missing, f"no instance of {sorted(map(_local, missing))}"


def test_fixture_uses_every_property():
    used = set(fixture().predicates())
    missing = {t for t in mls_terms() if _kind(t) != "Class"} - used
    assert not missing, f"never used: {sorted(map(_local, missing))}"


def test_every_node_of_the_fixture_has_a_label():
    g = fixture()
    for node in set(g.subjects()):
        assert g.value(node, RDFS.label) is not None, node


@pytest.mark.parametrize(
    "predicate",
    sorted({p for p in fixture().predicates() if not str(p).startswith(BUILTIN)}),
    ids=str,
)
def test_fixture_property_is_declared(predicate):
    """Every property the fixture uses is documented in the ontology with how it is used:
    rdfs:domain/rdfs:range for ours, schema:domainIncludes/rangeIncludes for standard ones."""
    g = ontology()
    assert g.value(predicate, RDFS.label) is not None
    assert g.value(predicate, RDFS.comment) is not None
    if predicate in MLS:
        assert g.value(predicate, RDFS.domain) is not None
        assert g.value(predicate, RDFS.range) is not None
    else:
        assert g.value(predicate, SCHEMA.domainIncludes) is not None
        assert g.value(predicate, SCHEMA.rangeIncludes) is not None


def test_fixture_types_are_declared():
    declared = set(ontology().subjects(RDF.type, OWL.Class))
    assert set(fixture().objects(None, RDF.type)) - declared == set()


def _allowed(graph: Graph, node, expected: set) -> bool:
    """Does ``node`` (a resource or literal) fall in ``expected`` (classes or datatypes)?"""
    if OWL.Thing in expected:
        return True
    if isinstance(node, Literal):
        return (node.datatype or XSD.string) in expected
    if RDF.Property in expected:
        return (node, RDF.type, OWL.ObjectProperty) in ontology()
    return bool(_types_with_supers(graph, node) & expected)


def test_fixture_respects_domains_and_ranges():
    """A closed-world reading of rdfs:domain / rdfs:range, over the explicit types only."""
    g, onto = fixture(), ontology()
    problems = []
    for s, p, o in g:
        if p not in MLS:
            continue
        if not _allowed(g, s, _classes(onto.value(p, RDFS.domain))):
            problems.append(f"{s} is outside the domain of {p}")
        if not _allowed(g, o, _classes(onto.value(p, RDFS.range))):
            problems.append(f"{o!r} is outside the range of {p}")
    assert not problems


def test_fixture_respects_disjointness():
    g, onto = fixture(), ontology()
    groups = [
        set(Collection(onto, onto.value(d, OWL.members)))
        for d in onto.subjects(RDF.type, OWL.AllDisjointClasses)
    ]
    for node in set(g.subjects(RDF.type, None)):
        types = _types_with_supers(g, node)
        for group in groups:
            assert len(types & group) <= 1, f"{node} is in disjoint classes {types & group}"


# --- the generated namespace ------------------------------------------------------------------


def test_vocab_attributes_are_the_ontology_terms():
    attributes = {name for name in MLS.__annotations__ if not name.startswith("_")}
    assert attributes == {_local(t) for t in mls_terms()}


def test_vocab_is_generated_from_the_ontology():
    gen_vocab = _load_gen_vocab()
    expected = gen_vocab.render(ontology())
    assert Path(vocab.__file__).read_text(encoding="utf-8") == expected, (
        "src/mlsys_graph/kg/vocab.py is out of date: run python tools/gen_vocab.py"
    )
    assert gen_vocab.main(["--check"]) == 0


def test_gen_vocab_check_fails_on_drift(tmp_path):
    gen_vocab = _load_gen_vocab()
    stale = tmp_path / "vocab.py"
    stale.write_text("# old\n", encoding="utf-8")
    assert gen_vocab.main(["--check", "--output", str(stale)]) == 1
    assert gen_vocab.main(["--output", str(stale)]) == 0
    assert gen_vocab.main(["--check", "--output", str(stale)]) == 0


def test_vocab_docstring_names_its_generator():
    assert "Generated from ontology/mlsys.ttl by tools/gen_vocab.py" in (vocab.__doc__ or "")
    assert "Generated from ontology/mlsys.ttl by tools/gen_vocab.py" in (MLS.__doc__ or "")


def test_unknown_term_raises():
    with pytest.raises(AttributeError, match="nonexistent"):
        _ = MLS.nonexistent
    with pytest.raises(AttributeError):
        _ = MLS.paper  # case matters
    assert "Paper" in MLS and "nonexistent" not in MLS


def test_vocab_terms_and_namespaces():
    assert MLS.Paper == URIRef(NS + "Paper")
    assert str(MLS) == "https://w3id.org/mlsys-graph/ontology#"
    assert URIRef("https://w3id.org/mlsys-graph/ontology") == ONTOLOGY_IRI
    assert SCHEMA.ScholarlyArticle == URIRef("http://schema.org/ScholarlyArticle")
    assert CITO.extends == URIRef("http://purl.org/spar/cito/extends")
    assert FABIO.ResearchPaper == URIRef("http://purl.org/spar/fabio/ResearchPaper")
    assert BIBO.doi == URIRef("http://purl.org/ontology/bibo/doi")
    assert vocab.DOAP.GitRepository == URIRef("http://usefulinc.com/ns/doap#GitRepository")
    assert vocab.PROV.Entity == URIRef("http://www.w3.org/ns/prov#Entity")
    assert MLSH.EntryShape == URIRef("https://w3id.org/mlsys-graph/shapes#EntryShape")
    assert vocab.MLSID["person/x"] == URIRef("https://w3id.org/mlsys-graph/id/person/x")
    assert set(vocab.__all__) <= set(dir(vocab))


def test_imports_stay_light():
    """vocab and validate import rdflib only; pySHACL is imported when validate() runs."""
    code = (
        "import sys, mlsys_graph.kg.vocab, mlsys_graph.kg.validate\n"
        "heavy = {'pyshacl', 'owlrl'} & set(sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
