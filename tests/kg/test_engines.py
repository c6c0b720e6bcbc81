"""The oxigraph engine gives exactly pySHACL's violations (mlsys_graph.kg.shacl).

Both engines validate: every mutation case of test_shapes.py (one way of breaking the graph
per constraint, and what the shapes allow), the seed list's graph, seeded random mutations of
the fixture, and shapes that use the SHACL the bundled shapes do not (complex paths, logical
constraints, qualified shapes, property pairs, SPARQL with $PATH and message templates).
"""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import FOAF, RDFS
from test_shapes import ALLOWED, CASES, base_graph, mutated

from mlsys_graph.errors import UnsupportedShapes
from mlsys_graph.kg.oxi import load_ntriples
from mlsys_graph.kg.validate import Violation, load_shapes, validate, validate_store
from mlsys_graph.kg.vocab import MLS, MLSID, SCHEMA

XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
EX = Namespace("https://example.org/")


def same(graph: Graph, shapes: Graph | None = None) -> list[Violation]:
    """Validate with both engines, assert they agree, return the violations."""
    ours = validate(graph, shapes, engine="oxigraph")
    reference = validate(graph, shapes, engine="pyshacl")
    assert ours == reference, "\n".join(
        [f"- {v}" for v in reference if v not in ours]
        + [f"+ {v}" for v in ours if v not in reference]
    )
    return ours


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_mutation_case(case):
    assert same(mutated(case.mutate))


@pytest.mark.parametrize(("name", "mutation"), ALLOWED, ids=[a for a, _ in ALLOWED])
def test_allowed_variation(name, mutation):
    assert same(mutated(mutation)) == []


def test_bundled_seed_graph():
    """The graph of the seed list as the package ships it (data/catalog.ttl)."""
    from mlsys_graph.pipeline import build

    violations = same(build(validate=False).graph)
    assert [v for v in violations if v.severity == "Violation"] == []


@pytest.mark.seed
def test_seed_list_graph(seed_list):
    from mlsys_graph.pipeline import build

    same(build([str(seed_list)], validate=False).graph)


def test_validate_store_is_validate():
    """The builder's path: N-Triples text loaded into a store through kg.oxi."""
    import pyoxigraph as ox

    g = mutated(lambda g: g.set((MLSID["paper/crankshaw2017-clipper"], MLS.year, Literal(1600))))
    store = load_ntriples(ox.Store(), g.serialize(format="nt", encoding="utf-8"))
    assert validate_store(store) == validate(g, engine="pyshacl") != []


def test_unknown_engine():
    with pytest.raises(ValueError, match="unknown validation engine"):
        validate(Graph(), engine="jena")


# --- the link and organisation shapes, several faults at once ---------------------------------

LINK, ORG = MLSID["paper/crankshaw2017-clipper/link/1"], MLSID["organization/uc-berkeley"]
AUTHORSHIP = MLSID["paper/crankshaw2017-clipper/author/1"]
ANY_URI = XSD.anyURI


def _link(*, url=(), unsafe=()) -> Graph:
    g = Graph()
    g += base_graph()
    g.remove((LINK, MLS.url, None))
    for u in url:
        g.add((LINK, MLS.url, u))
    for u in unsafe:
        g.add((LINK, MLS.unsafeUrl, u))
    return g


# Each case: the graph, and the shapes that must report on it (the node-level sh:xone reports
# as LinkShape; sh:pattern with sh:flags "i" as Link-url).
LINK_CASES = {
    "neither-url-nor-unsafe": (_link(), {"LinkShape"}),
    "url-and-unsafe": (
        _link(url=[Literal("https://x.org/", datatype=ANY_URI)], unsafe=[Literal("data:x")]),
        {"LinkShape"},
    ),
    "unsafe-scheme-in-url-and-unsafe": (
        _link(url=[Literal("javascript:a", datatype=ANY_URI)], unsafe=[Literal("data:x")]),
        {"LinkShape", "Link-url"},
    ),
    "upper-case-unsafe-scheme": (
        _link(url=[Literal("JAVASCRIPT:alert(1)", datatype=ANY_URI)]),
        {"Link-url"},
    ),
    "upper-case-safe-scheme": (_link(url=[Literal("HTTPS://X.ORG/", datatype=ANY_URI)]), set()),
    "two-urls-and-two-unsafe": (
        _link(
            url=[
                Literal("https://x.org/", datatype=ANY_URI),
                Literal("vbscript:y", datatype=ANY_URI),
            ],
            unsafe=[Literal("data:x"), Literal("file:///etc", datatype=ANY_URI)],
        ),
        {"LinkShape", "Link-url", "Link-unsafeUrl"},
    ),
    "two-unsafe-only": (
        _link(unsafe=[Literal("data:x"), Literal("javascript:y")]),
        {"Link-unsafeUrl"},
    ),
}


def _organisation(*edits) -> Graph:
    g = Graph()
    g += base_graph()
    for kind, triple in edits:
        (g.add if kind == "add" else g.remove)(triple)
    return g


ORG_CASES = {
    "two-labels-no-name": (
        _organisation(
            ("add", (ORG, RDFS.label, Literal("Berkeley"))),
            ("drop", (ORG, SCHEMA.name, None)),
        ),
        {"Organization-label", "Organization-name"},
    ),
    "affiliation-is-a-person-and-an-organisation": (
        _organisation(("add", (AUTHORSHIP, MLS.affiliation, MLSID["person/daniel-crankshaw"]))),
        {"Authorship-affiliation"},
    ),
    "organisation-typed-person-too": (
        _organisation(("add", (ORG, RDF.type, FOAF.Person))),
        None,  # whatever the shapes say, both engines say the same
    ),
}


@pytest.mark.parametrize(
    ("graph", "shapes"),
    [*LINK_CASES.values(), *ORG_CASES.values()],
    ids=[*LINK_CASES, *ORG_CASES],
)
def test_link_and_organisation_faults(graph, shapes):
    found = same(graph)
    if shapes is not None:
        assert {str(v.shape).rsplit("#", 1)[-1] for v in found} == shapes


# --- random mutations ---------------------------------------------------------------------------

NODES = sorted({s for s in base_graph().subjects() if isinstance(s, URIRef)})
PREDICATES = sorted({*base_graph().predicates(), MLS.unsafeUrl})
VALUES = [
    *NODES[::7],
    Literal("text"),
    Literal(" "),
    Literal("en text", lang="en"),
    Literal(3),
    Literal(True),
    Literal("1", datatype=XSD.positiveInteger),
    Literal("0", datatype=XSD.positiveInteger),
    Literal("-3", datatype=XSD.positiveInteger),
    Literal("2017", datatype=XSD.gYear),
    Literal("17", datatype=XSD.gYear),
    Literal("https://x.org/", datatype=XSD.anyURI),
    Literal("HTTPS://X.ORG/", datatype=XSD.anyURI),
    Literal("javascript:x", datatype=XSD.anyURI),
    Literal("data:x"),
    Literal("/abs/path"),
    Literal("1811.06965"),
    Literal("10.1145/3190508.3190517"),
    Literal("stated"),
    URIRef("https://spdx.org/licenses/MIT"),
    MLS.Paper,
    MLS.Entry,
    MLS.Venue,
    MLS.extends,
    FOAF.Person,
]


@st.composite
def mutations(draw):
    steps = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["add", "drop", "put"]))
        subject = draw(st.sampled_from(NODES))
        predicate = draw(st.sampled_from(PREDICATES))
        value = draw(st.sampled_from(VALUES))
        steps.append((kind, subject, predicate, value))
    return steps


def apply(steps) -> Graph:
    g = Graph()
    g += base_graph()
    for kind, subject, predicate, value in steps:
        if kind == "add":
            g.add((subject, predicate, value))
        elif kind == "drop":
            g.remove((subject, predicate, None))
        else:
            g.set((subject, predicate, value))
    return g


@settings(
    derandomize=True,
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(mutations())
def test_random_mutations(steps):
    same(apply(steps))


# --- SHACL beyond the bundled shapes --------------------------------------------------------------

EXTRA_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix mls: <https://w3id.org/mlsys-graph/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix ex: <https://example.org/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .

ex:shapes a owl:Ontology ; sh:declare [ sh:prefix "mls" ;
    sh:namespace "https://w3id.org/mlsys-graph/ontology#"^^xsd:anyURI ] .

ex:PersonShape a sh:NodeShape ;
    sh:targetClass mls:Person ;
    sh:property [ sh:path [ sh:inversePath mls:author ] ; sh:minCount 2 ; sh:maxCount 3 ;
                  sh:severity sh:Info ; sh:message "papers"@en ] ,
        [ sh:path ( [ sh:inversePath mls:person ] mls:position ) ; sh:maxCount 1 ;
          sh:message "has a position"@de, "has a position" ] ,
        [ sh:path [ sh:alternativePath ( mls:nameVariant rdfs:label ) ] ; sh:maxLength 16 ;
          sh:message "long name" ] ,
        [ sh:path [ sh:zeroOrMorePath mls:nameVariant ] ; sh:minLength 3 ;
          sh:message "short" ] ,
        [ sh:path [ sh:oneOrMorePath mls:nameVariant ] ; sh:pattern "^[A-Z]" ; sh:flags "i" ;
          sh:message "case" ] .

ex:EntryLogic a sh:NodeShape ;
    sh:targetSubjectsOf mls:sourceRecord ;
    sh:xone ( [ sh:class mls:Paper ] [ sh:class mls:Book ] [ sh:path mls:year ; sh:minCount 1 ] ) ;
    sh:message "exactly one of paper, book, dated" .

ex:EntryAnd a sh:NodeShape ;
    sh:targetObjectsOf mls:extends ;
    sh:and ( [ sh:path mls:shortName ; sh:minCount 1 ] [ sh:not [ sh:class mls:Thesis ] ] ) ;
    sh:message "lineage targets are named, not theses" .

ex:Nodes a sh:NodeShape ;
    sh:targetNode <https://w3id.org/mlsys-graph/id/paper/crankshaw2017-clipper>,
        <https://w3id.org/mlsys-graph/id/no/such/node> ;
    sh:property [ sh:path rdfs:label ; sh:minCount 1 ; sh:message "label" ] ,
        [ sh:path mls:authorship ; sh:qualifiedValueShape [ sh:path mls:position ;
              sh:in ( 1 "1"^^xsd:positiveInteger ) ] ;
          sh:qualifiedMinCount 1 ; sh:qualifiedMaxCount 1 ; sh:qualifiedValueShapesDisjoint true ;
          sh:message "first author" ] ,
        [ sh:path mls:authorship ; sh:qualifiedValueShape [ sh:path mls:position ; sh:minCount 1 ] ;
          sh:qualifiedMinCount 2 ; sh:message "positions" ] ,
        [ sh:path mls:year ; sh:lessThan mls:year ; sh:message "year < year" ] ,
        [ sh:path mls:shortName ; sh:disjoint rdfs:label ; sh:equals mls:shortName ;
          sh:message "short name" ] ,
        [ sh:path mls:author ; sh:node [ sh:property [ sh:path mls:nameVariant ; sh:maxCount 0 ] ] ;
          sh:message "author without variants" ] ,
        [ sh:path mls:author ; sh:minCount 9 ; sh:message "nine authors" ] ,
        [ sh:path mls:author ; sh:qualifiedValueShape [ sh:class mls:Person ] ; sh:qualifiedMinCount 10 ;
          sh:message "ten people" ] .

ex:Records a sh:NodeShape ;
    sh:targetClass mls:SourceRecord ;
    sh:property [ sh:path mls:line ; sh:lessThanOrEquals mls:endLine ; sh:lessThan mls:section ;
                  sh:message "line order" ] ,
        [ sh:path mls:inDocument ; sh:property [ sh:path mls:filePath ; sh:hasValue "README.md" ;
              sh:message "nested property shape" ] ; sh:message "document" ] ,
        [ sh:path mls:line ;
          sh:sparql [ a sh:SPARQLConstraint ; sh:prefixes ex:shapes ;
              sh:message "line {?value} of {$this} is odd ({?path})" ;
              sh:select "SELECT $this ?value WHERE { $this $PATH ?value FILTER (STRLEN(STR(?value)) > 2) }" ] ;
          sh:message "sparql on a property shape" ] .

ex:Deactivated a sh:NodeShape ; sh:targetClass mls:Person ; sh:deactivated true ;
    sh:property [ sh:path rdfs:label ; sh:maxCount 0 ] .
"""


def extra_shapes() -> Graph:
    return Graph().parse(format="turtle", data=EXTRA_SHAPES)


def test_extra_shapes_on_the_fixture():
    violations = same(base_graph(), extra_shapes())
    # the shapes are not vacuous: most report something on the unchanged fixture
    reported = {v.message for v in violations}
    assert len(reported) >= 8, reported


@settings(
    derandomize=True, max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(mutations())
def test_extra_shapes_on_random_mutations(steps):
    same(apply(steps), extra_shapes())


@pytest.mark.parametrize(
    ("datatype", "lexical"),
    [
        (XSD.positiveInteger, "+5"),
        (XSD.positiveInteger, "05"),
        (XSD.positiveInteger, " 7 "),
        (XSD.positiveInteger, "1_0"),
        (XSD.positiveInteger, "\u0663"),
        (XSD.positiveInteger, "x"),
        (XSD.integer, "abc"),
        (XSD.integer, "-0"),
        (XSD.int, "2147483648"),
        (XSD.byte, "-129"),
        (XSD.boolean, "1"),
        (XSD.decimal, "1."),
        (XSD.decimal, "1.50"),
        (XSD.double, "INF"),
        (XSD.double, "nan"),
        (XSD.float, "1e5"),
        (XSD.date, "2020-13-01"),
        (XSD.date, "2020-02-03"),
        (XSD.dateTime, "2020-02-03T10:00:00Z"),
        (XSD.gYear, "17"),
        (XSD.anyURI, "not a uri"),
        (XSD.hexBinary, "0G"),
    ],
)
def test_datatype_edges(datatype, lexical):
    """sh:datatype follows rdflib's notion of a well-formed literal, as pySHACL does."""
    shapes = Graph().parse(
        format="turtle",
        data=f"""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        <https://example.org/S> sh:targetSubjectsOf <https://example.org/p> ;
            sh:property [ sh:path <https://example.org/p> ; sh:datatype <{datatype}> ;
                          sh:message "datatype" ] .
        """,
    )
    g = Graph()
    g.add((EX.a, EX.p, Literal(lexical, datatype=datatype)))
    g.add((EX.b, EX.p, Literal(lexical)))
    assert same(g, shapes)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        (Literal(3), Literal(4)),
        (Literal(4), Literal("4", datatype=XSD.positiveInteger)),
        (Literal("0", datatype=XSD.positiveInteger), Literal("5", datatype=XSD.positiveInteger)),
        (Literal("b"), Literal("a")),
        (Literal("a", lang="en"), Literal("b")),
        (Literal(2.5), Literal(3)),
        (Literal("2017", datatype=XSD.gYear), Literal("2018", datatype=XSD.gYear)),
        (URIRef("https://a.org/"), URIRef("https://b.org/")),
        (URIRef("https://a.org/"), Literal("z")),
        (Literal(True), Literal(1)),
    ],
)
@pytest.mark.filterwarnings("ignore:NotImplemented should not be used:DeprecationWarning")
def test_comparison_edges(left, right):
    """sh:lessThan(OrEquals) compare as pySHACL does (rdflib's ordering, strings apart)."""
    shapes = Graph().parse(
        format="turtle",
        data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix ex: <https://example.org/> .
        ex:S sh:targetSubjectsOf ex:p ;
            sh:property [ sh:path ex:p ; sh:lessThan ex:q ; sh:message "lt" ] ,
                        [ sh:path ex:p ; sh:lessThanOrEquals ex:q ; sh:message "le" ] .
        """,
    )
    g = Graph()
    g.add((EX.a, EX.p, left))
    g.add((EX.a, EX.q, right))
    same(g, shapes)


@pytest.mark.parametrize(
    "pattern",
    [r"^\S+$", r"^[a-z]{2,}$", r"x{", r"^(?=a)", r"(a)\1", r"\bword\b", r"\d$", r"[[:]"],
)
def test_pattern_edges(pattern):
    """Patterns Oxigraph runs natively and patterns it hands back to Python agree."""
    shapes = Graph()
    shape = EX.S
    prop = BNode()
    shapes.add((shape, URIRef("http://www.w3.org/ns/shacl#targetSubjectsOf"), EX.p))
    shapes.add((shape, URIRef("http://www.w3.org/ns/shacl#property"), prop))
    shapes.add((prop, URIRef("http://www.w3.org/ns/shacl#path"), EX.p))
    shapes.add((prop, URIRef("http://www.w3.org/ns/shacl#pattern"), Literal(pattern)))
    shapes.add((prop, URIRef("http://www.w3.org/ns/shacl#message"), Literal("pattern")))
    g = Graph()
    rng = random.Random(7)
    alphabet = ["a", "b", "x", "{", "1", "\u0663", " ", "\n", "\x1c", "word", "aa", "[", ":"]
    for i in range(30):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 5)))
        g.add((EX[f"n{i}"], EX.p, Literal(text)))
    same(g, shapes)


def test_blank_node_focus_and_values():
    g = Graph()
    b = BNode("b1")
    g.add((b, RDF.type, MLS.Rule))
    g.add((EX.s, MLS.derivedBy, b))
    violations = same(g)
    # the rule has no label; the derivedBy value is not an IRI
    assert {(v.focus, v.value) for v in violations} == {
        ("_:b1", None),
        ("https://example.org/s", "_:b1"),
    }


# --- refusals -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("shape", "message"),
    [
        ("ex:S sh:targetNode ex:a ; sh:closed true .", "sh:closed"),
        (
            "ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:p ; sh:uniqueLang true ] .",
            "uniqueLang",
        ),
        ("ex:S sh:targetNode ex:a ; sh:node ex:S .", "refers to itself"),
        (
            "ex:S sh:targetNode ex:a ; sh:property [ sh:path [ sh:inversePath ( ex:p ex:q ) ] ] .",
            "inversePath",
        ),
        (
            "ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:p ; sh:pattern 'a' ; sh:flags 's' ] .",
            "flags",
        ),
        ("ex:S sh:targetNode ex:a ; sh:rule [ a sh:SPARQLRule ] .", "rules"),
        (
            "ex:S sh:targetNode ex:a ; sh:sparql [ sh:select 'SELECT ?v WHERE { $this <https://example.org/p> ?v }' ] .",
            r"must SELECT \$this",
        ),
        (
            "ex:S sh:targetNode ex:a ; sh:sparql [ sh:select "
            "'SELECT $this WHERE { FILTER NOT EXISTS { $this <https://example.org/p> ?v } }' ] .",
            r"reads \$this before a triple pattern binds it",
        ),
        (
            "ex:S sh:targetNode ex:a ; sh:sparql [ sh:select "
            "'SELECT $this WHERE { $this <https://example.org/p> ?v } LIMIT 1' ] .",
            "LIMIT",
        ),
        ("ex:S sh:targetNode ex:a ; sh:maxCount 1 .", "property shape"),
        ("ex:S sh:targetNode ex:a ; sh:or () .", "at least one shape"),
    ],
)
def test_unsupported_shapes_are_refused(shape, message):
    shapes = Graph().parse(
        format="turtle",
        data=f"""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix ex: <https://example.org/> .
        {shape}
        """,
    )
    with pytest.raises(UnsupportedShapes, match=message):
        validate(Graph(), shapes)


def test_bundled_shapes_compile():
    """Every constraint of ontology/shapes.ttl is implemented (else UnsupportedShapes)."""
    from mlsys_graph.kg.shacl.compile import compile_shapes
    from mlsys_graph.kg.shacl.shapes import read_shapes

    assert compile_shapes(read_shapes(load_shapes()))


def test_threads_find_the_same():
    """Queries shared among threads give the same violations, in the same order."""
    import pyoxigraph as ox

    for case in CASES[::3]:
        g = mutated(case.mutate)
        store = load_ntriples(ox.Store(), g.serialize(format="nt", encoding="utf-8"))
        assert validate_store(store, workers=3) == validate_store(store, workers=1), case.id
