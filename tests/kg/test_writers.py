"""The streaming writers against rdflib: Turtle byte-identical to ``longturtle``, N-Triples
to rdflib's term forms (sorted), JSON-LD to ``json.dumps`` of the same document; on invented
graphs with every term shape the builder emits, on random graphs, and on the seed graph."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

from conftest import SEED_LIST
from mlsys_graph.kg.build import PREFIXES, namespaces
from mlsys_graph.kg.store import to_jsonld, to_ntriples, to_turtle
from mlsys_graph.kg.triples import Lit, Triples
from mlsys_graph.kg.vocab import MLS, SCHEMA

ID = Namespace("https://w3id.org/mlsys-graph/id/")


# -- the references: what rdflib (and the writers before streaming) produce -----------------------
def longturtle(graph: Graph) -> str:
    text = graph.serialize(format="longturtle")
    return text if text.endswith("\n") else text + "\n"


def reference_ntriples(graph: Graph) -> str:
    """Sorted lines of rdflib's term forms; a line break in a literal written ``\\n`` (rdflib's
    ``n3()`` would write a Turtle triple-quoted string there, which N-Triples lacks)."""

    def form(term) -> str:
        if isinstance(term, Literal) and "\n" in term:
            one_line = Literal(
                term.replace("\n", "\x00"), lang=term.language, datatype=term.datatype
            )
            return one_line.n3().replace("\x00", "\\n")
        return term.n3()

    return "".join(sorted(f"{form(s)} {form(p)} {form(o)} .\n" for s, p, o in graph))


def _compact(iri: str, prefixes) -> str:
    best = None
    for prefix, ns in prefixes.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            local = iri[len(ns) :]
            if all(c.isalnum() or c in "_-." for c in local) and (
                best is None or len(ns) > len(best[1])
            ):
                best = (prefix, ns, local)
    return f"{best[0]}:{best[2]}" if best else iri


def reference_jsonld(graph: Graph, prefixes) -> str:
    """The JSON-LD writer as it was: a whole document, then ``json.dumps``."""

    def value(term):
        if isinstance(term, URIRef):
            return {"@id": str(term)}
        out = {"@value": str(term)}
        if term.language:
            out["@language"] = term.language
        elif term.datatype is not None and term.datatype != XSD.string:
            out["@type"] = _compact(str(term.datatype), prefixes)
        return out

    nodes = []
    for subject in sorted(set(graph.subjects())):
        node: dict = {"@id": str(subject)}
        types = sorted(_compact(str(t), prefixes) for t in graph.objects(subject, RDF.type))
        if types:
            node["@type"] = types
        for predicate in sorted(set(graph.predicates(subject, None))):
            if predicate == RDF.type:
                continue
            node[_compact(str(predicate), prefixes)] = sorted(
                (value(o) for o in graph.objects(subject, predicate)),
                key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False),
            )
        nodes.append(node)
    doc = {"@context": dict(sorted(prefixes.items())), "@graph": nodes}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def our_graph() -> Graph:
    """An empty graph with the prefixes the builder's graphs have."""
    graph = Graph()
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True)
    return graph


def assert_same(graph: Graph) -> None:
    assert to_turtle(graph) == longturtle(graph)
    assert to_ntriples(graph) == reference_ntriples(graph)
    assert to_jsonld(graph, PREFIXES) == reference_jsonld(graph, PREFIXES)
    # ... and what we write reads back as the same graph.
    assert isomorphic(Graph().parse(data=to_ntriples(graph), format="nt"), graph)
    assert isomorphic(Graph().parse(data=to_turtle(graph), format="turtle"), graph)


# -- invented graphs -----------------------------------------------------------------------------
TEXTS = [
    "plain",
    'say "hi"',
    "back\\slash",
    "two\nlines",
    'ends with a quote"',
    'three """ quotes\ninside',
    "carriage\rreturn",
    "tab\tand\x0bcontrol",
    "unicode: Søren Ødegård, 深度学习, 🚀, עברית",
    "",
    " leading and trailing ",
]


def test_every_literal_shape():
    g = our_graph()
    node = ID["paper/x"]
    for i, text in enumerate(TEXTS):
        g.add((node, MLS.summary, Literal(text)))
        g.add((ID[f"paper/x/link/{i + 1}"], MLS.url, Literal(text or "u", datatype=XSD.anyURI)))
        g.add((ID[f"paper/x/author/{i + 1}"], RDFS.label, Literal(text, lang="en")))
    for value in (Literal(3, datatype=XSD.positiveInteger), Literal("0999", datatype=XSD.gYear)):
        g.add((node, MLS.line, value))
    g.add((node, MLS.authorsTruncated, Literal(True)))
    g.add((ID["paper/y"], MLS.authorsTruncated, Literal(False)))
    g.add((node, MLS.version, Literal(7)))
    g.add((node, MLS.version, Literal("1.50", datatype=XSD.decimal)))
    g.add((node, MLS.version, Literal(2.5)))
    g.add((node, MLS.version, Literal("x", lang="de")))
    g.add((node, MLS.version, Literal("x")))
    # rdflib has no order between "x" and "x"^^xsd:string (it keeps the order of insertion),
    # so they are not objects of one subject and predicate here; the builder writes no
    # xsd:string literals.
    g.add((ID["paper/y"], MLS.version, Literal("x", datatype=XSD.string)))
    assert_same(g)


def test_every_iri_shape():
    g = our_graph()
    s = ID["paper/z"]
    objects = [
        SCHEMA.Person,  # a prefixed name (schema1:, as rdflib binds it)
        URIRef("http://schema.org/"),  # the namespace itself: "schema1:"
        URIRef("http://schema.org/ends.with.dot."),  # no prefixed name
        URIRef("http://schema.org/a(b)c%zz%41"),  # escaped local name
        URIRef("http://schema.org/1starts-with-digit"),
        URIRef("https://w3id.org/mlsys-graph/ontology#Paper"),
        URIRef("https://spdx.org/licenses/MIT"),  # no bound namespace
        URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#nil"),  # written ()
        URIRef("http://example.org/path/with/slashes/"),
        ID["person/a"],
        ID["person/b"],
    ]
    for o in objects:
        g.add((s, MLS.evidence, o))
    g.add((s, RDF.type, MLS.Paper))
    g.add((s, RDF.type, SCHEMA.ScholarlyArticle))
    g.add((s, RDFS.label, Literal("label comes second")))
    g.add((s, MLS.author, ID["person/a"]))
    g.add((s, MLS.reason, Literal("literal after IRIs")))
    g.add((s, MLS.reason, ID["person/b"]))
    g.add((ID["person/a"], RDF.type, MLS.Person))  # referenced twice: written after z
    g.add((ID["person/b"], RDF.type, MLS.Person))
    g.add((ID["person/a/x"], RDF.type, MLS.Person))  # "<a>" sorts after "<a/x>" in N-Triples
    g.add((MLS.Paper, RDF.type, RDFS.Class))  # rdfs:Class members come first
    g.add((URIRef("http://schema.org/"), RDFS.label, Literal("a namespace as subject")))
    assert_same(g)


def test_an_empty_graph():
    assert_same(our_graph())


def test_a_loaded_graph_keeps_its_own_prefixes(tmp_path):
    g = Graph().parse(
        data="@prefix ex: <http://example.org/> .\nex:a ex:p ex:b , ex:c ; ex:q 'x' .\n",
        format="turtle",
    )
    assert_same(g)
    assert to_turtle(g).startswith("PREFIX ex: <http://example.org/>\n")


# -- random graphs -------------------------------------------------------------------------------
SUBJECTS = [ID["paper/a"], ID["paper/a/author/1"], ID["person/b"], SCHEMA.Thing, ID["topic"]]
PREDICATES = [RDF.type, RDFS.label, MLS.author, MLS.summary, SCHEMA.name, MLS.line]
OBJECTS = st.one_of(
    st.sampled_from([*SUBJECTS, MLS.Paper, URIRef("https://spdx.org/licenses/MIT")]),
    st.builds(Literal, st.text(max_size=12)),
    st.builds(lambda t: Literal(t, lang="en"), st.text(max_size=5)),
    st.builds(lambda n: Literal(n, datatype=XSD.positiveInteger), st.integers(1, 30)),
    st.builds(lambda t: Literal(t, datatype=XSD.anyURI), st.text("ab:/.", max_size=6)),
    st.sampled_from([Literal(True), Literal(False)]),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(SUBJECTS), st.sampled_from(PREDICATES), OBJECTS)))
def test_random_graphs(triples):
    g = our_graph()
    for triple in triples:
        if "\x00" not in str(triple[2]) and "\r" not in str(triple[2]):
            g.add(triple)
    assert to_turtle(g) == longturtle(g)
    assert to_ntriples(g) == reference_ntriples(g)
    assert to_jsonld(g, PREFIXES) == reference_jsonld(g, PREFIXES)


# -- the container -------------------------------------------------------------------------------
def test_triples_round_trip_through_rdflib():
    t = Triples(namespaces())
    t.add("https://w3id.org/mlsys-graph/id/a", str(RDFS.label), Lit("x"))
    t.add(URIRef("https://w3id.org/mlsys-graph/id/a"), RDFS.label, Literal("x"))  # the same
    t.add("https://w3id.org/mlsys-graph/id/a", str(MLS.line), Lit("4", str(XSD.positiveInteger)))
    assert len(t) == 2
    g = t.to_graph()
    assert len(g) == 2 and dict(g.namespaces()) == {p: URIRef(n) for p, n in namespaces().items()}
    again = Triples.from_graph(g)
    assert to_turtle(again) == to_turtle(t) == longturtle(g)
    t.add("https://w3id.org/mlsys-graph/id/b", str(RDFS.label), Lit("y"))  # after a read
    assert len(t) == 3


def test_blank_nodes_and_bad_iris_are_refused():
    from rdflib import BNode

    with pytest.raises(ValueError, match="no blank nodes"):
        Triples().add("https://example.org/a", "https://example.org/p", BNode())
    t = Triples()
    t.add("https://example.org/a b", "https://example.org/p", Lit("x"))
    with pytest.raises(ValueError, match="not a valid IRI"):
        to_ntriples(t)


# -- the seed graph --------------------------------------------------------------------------------
@pytest.mark.skipif(not SEED_LIST.is_file(), reason="../shared/seeds is absent")
def test_seed_outputs_equal_the_rdflib_references():
    from mlsys_graph.pipeline import build

    result = build([str(SEED_LIST)], validate=False)
    graph = result.graph
    assert to_turtle(result.triples) == longturtle(graph)
    assert to_ntriples(result.triples) == reference_ntriples(graph)
    assert to_jsonld(result.triples, PREFIXES) == reference_jsonld(graph, PREFIXES)
