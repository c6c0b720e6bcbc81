"""Built triples reach pyoxigraph straight from their N-Triples (no rdflib Graph), whole."""

from __future__ import annotations

import pytest

from mlsys_graph.kg.oxi import store_from_graph, store_from_triples
from mlsys_graph.kg.triples import Lit, Triples

EX = "https://example.org/"


def shapes() -> Triples:
    t = Triples()
    t.add(EX + "a", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", EX + "C")
    t.add(EX + "a", EX + "p", Lit('quote " and\nnewline, tab\t, é 漢 \U0001f600'))
    t.add(EX + "a", EX + "p", Lit("chat", None, "fr"))
    t.add(EX + "a", EX + "n", Lit("3", "http://www.w3.org/2001/XMLSchema#positiveInteger"))
    for i in range(40):
        t.add(f"{EX}b/{i}", EX + "q", EX + "a")
    return t


@pytest.mark.parametrize("chunk", [1, 64, 1 << 26])
def test_same_quads_as_through_rdflib(chunk):
    t = shapes()
    ours = {str(q) for q in store_from_triples(t, chunk=chunk)}
    assert ours == {str(q) for q in store_from_graph(t.to_graph())}
    assert len(ours) == len(t) == 44
