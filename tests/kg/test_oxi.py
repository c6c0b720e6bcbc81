"""kg.oxi: the rdflib <-> pyoxigraph bridge keeps every term as written."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

from mlsys_graph.kg.oxi import (
    RENAMED,
    load_ntriples,
    load_ntriples_file,
    ox_term,
    rdf_term,
    rename_datatypes,
    standard_datatype,
    store_datatype,
    store_from_graph,
)

#: XSD datatypes and a valid lexical form of each.
XSD_SAMPLES = {
    "integer": "5",
    "decimal": "1.5",
    "double": "1.5E0",
    "float": "1.5E0",
    "boolean": "true",
    "nonPositiveInteger": "-5",
    "negativeInteger": "-5",
    "long": "5",
    "int": "5",
    "short": "5",
    "byte": "5",
    "nonNegativeInteger": "5",
    "unsignedLong": "5",
    "unsignedInt": "5",
    "unsignedShort": "5",
    "unsignedByte": "5",
    "positiveInteger": "5",
    "dateTime": "2020-01-01T00:00:00Z",
    "dateTimeStamp": "2020-01-01T00:00:00Z",
    "date": "2020-01-01",
    "time": "10:00:00",
    "gYear": "2020",
    "gYearMonth": "2020-01",
    "duration": "P1D",
    "dayTimeDuration": "P1D",
    "yearMonthDuration": "P1Y",
    "string": "x",
    "normalizedString": "x",
    "token": "x",
    "language": "en",
    "anyURI": "x",
    "hexBinary": "0F",
    "base64Binary": "AA==",
}


def test_renamed_is_what_oxigraph_would_change():
    """RENAMED lists exactly the datatypes a plain pyoxigraph store does not keep."""
    store = ox.Store()
    for i, (name, lexical) in enumerate(XSD_SAMPLES.items()):
        literal = ox.Literal(lexical, datatype=ox.NamedNode(str(XSD[name])))
        store.add(
            ox.Quad(
                ox.NamedNode(f"https://example.org/{i}"),
                ox.NamedNode("https://example.org/p"),
                literal,
            )
        )
    changed = set()
    names = list(XSD_SAMPLES)
    for quad in store:
        name = names[int(quad.subject.value.rsplit("/", 1)[1])]
        if quad.object.datatype.value != str(XSD[name]):
            changed.add(name)
    assert changed == set(RENAMED)


@pytest.mark.parametrize("name", sorted(XSD_SAMPLES))
def test_round_trip_keeps_datatype_and_lexical_form(name):
    g = Graph()
    literal = Literal(XSD_SAMPLES[name], datatype=XSD[name])
    g.add((URIRef("https://example.org/a"), URIRef("https://example.org/p"), literal))
    [quad] = list(store_from_graph(g))
    back = rdf_term(quad.object)
    assert back.datatype == (None if name == "string" else XSD[name])
    if name in RENAMED:
        assert str(back) == str(literal)


def test_ill_typed_literals_survive():
    g = Graph()
    for i, lexical in enumerate(["0", "-1", "x", "05"]):
        g.add((URIRef(f"https://example.org/{i}"), URIRef("https://example.org/p"),
               Literal(lexical, datatype=XSD.positiveInteger)))  # fmt: skip
    store = store_from_graph(g)
    assert {(str(rdf_term(q.object)), rdf_term(q.object).datatype) for q in store} == {
        (str(o), XSD.positiveInteger) for o in g.objects()
    }


def test_blank_node_labels_are_kept():
    g = Graph()
    g.add((BNode("b1"), URIRef("https://example.org/p"), BNode("b2")))
    [quad] = list(store_from_graph(g))
    assert (quad.subject.value, quad.object.value) == ("b1", "b2")


def test_terms():
    assert ox_term(Literal("5", datatype=XSD.int)).datatype.value == store_datatype(str(XSD.int))
    assert rdf_term(ox_term(Literal("5", datatype=XSD.int))) == Literal("5", datatype=XSD.int)
    assert rdf_term(ox.Literal("x")) == Literal("x")
    assert standard_datatype(str(XSD.int)) == str(XSD.int)
    assert store_datatype("https://example.org/dt") == "https://example.org/dt"
    with pytest.raises(TypeError):
        ox_term("not a term")


def test_rename_datatypes_leaves_string_contents_alone():
    int_ = b"<http://www.w3.org/2001/XMLSchema#int>"
    subject = b"<https://example.org/a> "
    escaped = subject + b'<https://example.org/p> "say \\"^^' + int_ + b'" .\n'  # inside a string
    ends_in_backslash = subject + b'<https://example.org/q> "ends in \\\\"^^' + int_ + b" .\n"
    out = rename_datatypes(escaped + ends_in_backslash)
    assert out.startswith(escaped)
    assert out.endswith(b'\\\\"^^<urn:x-mlsys-graph:xsd:int> .\n')
    store = load_ntriples(ox.Store(), escaped + ends_in_backslash)
    texts = sorted((rdf_term(q.object).datatype, str(rdf_term(q.object))) for q in store)
    assert texts == [
        (None, 'say "^^<http://www.w3.org/2001/XMLSchema#int>'),
        (XSD.int, "ends in \\"),
    ]


@pytest.mark.parametrize("chunk", [1, 7, 100, 1 << 20])
def test_load_ntriples_file_is_load_ntriples(tmp_path, chunk):
    """Streaming a file through the renaming reader loads what loading its text does, for
    any chunk size (lines are never cut)."""
    int_ = b"<http://www.w3.org/2001/XMLSchema#int>"
    text = (
        b"".join(
            b'<https://example.org/a%d> <https://example.org/p> "%d"^^' % (i, i) + int_ + b" .\n"
            for i in range(50)
        )
        + b'<https://example.org/b> <https://example.org/q> "say \\"^^'
        + int_
        + b'" .\n'
    )
    path = tmp_path / "g.nt"
    path.write_bytes(text)
    streamed = {str(q) for q in load_ntriples_file(ox.Store(), path, chunk=chunk)}
    assert streamed == {str(q) for q in load_ntriples(ox.Store(), text)}
    assert len(streamed) == 51


def test_load_ntriples_file_refuses_blank_nodes(tmp_path):
    path = tmp_path / "g.nt"
    path.write_bytes(b"<https://example.org/a> <https://example.org/p> _:b1 .\n")
    with pytest.raises(ValueError, match="blank nodes"):
        load_ntriples_file(ox.Store(), path)


def test_load_ntriples_file_follows_a_growing_file(tmp_path):
    """A file still being written (lines cut anywhere between writes) loads whole once the
    writer says it is complete."""
    import threading
    import time

    lines = [
        b'<https://example.org/a%d> <https://example.org/p> "v%d"^^<http://www.w3.org/2001/XMLSchema#int> .\n'
        % (i, i)
        for i in range(40)
    ]
    text = b"".join(lines)
    path = tmp_path / "g.nt"
    path.touch()
    complete = threading.Event()

    def write() -> None:
        with open(path, "ab", buffering=0) as handle:
            for start in range(0, len(text), 37):  # cuts lines in the middle
                handle.write(text[start : start + 37])
                time.sleep(0.001)
        complete.set()

    writer = threading.Thread(target=write)
    writer.start()
    store = load_ntriples_file(ox.Store(), path, chunk=64, complete=complete)
    writer.join()
    assert {str(q) for q in store} == {str(q) for q in load_ntriples(ox.Store(), text)}
    assert len(store) == 40
