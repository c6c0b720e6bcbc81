"""The one bridge between rdflib (modelling and IO) and pyoxigraph (fast store and SPARQL).

rdflib stays the API the library hands out; pyoxigraph runs the heavy work (SPARQL, large
loads). Terms cross the bridge only here.

>>> from rdflib import Graph, Literal, URIRef
>>> g = Graph()
>>> _ = g.add((URIRef("https://example.org/a"), URIRef("https://example.org/p"), Literal(3)))
>>> store = store_from_graph(g)
>>> len(store)
1
>>> [rdf_term(q.object) for q in store]
[rdflib.term.Literal('3', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer'))]
>>> ox_term(Literal("x", lang="en"))
<Literal value=x language=en>
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pyoxigraph
    from rdflib import Graph
    from rdflib.term import Node

__all__ = ["graph_from_triples", "ox_term", "rdf_term", "store_from_graph"]


def ox_term(term: Node):
    """An rdflib term as a pyoxigraph term (IRIs, blank nodes, literals)."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot convert {term!r} to a pyoxigraph term")


def rdf_term(term) -> Node:
    """A pyoxigraph term as an rdflib term (plain literals keep no datatype)."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef
    from rdflib.namespace import XSD

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value, datatype=None if datatype == str(XSD.string) else datatype)
    raise TypeError(f"cannot convert {term!r} to an rdflib term")


def store_from_graph(graph: Graph, store: pyoxigraph.Store | None = None) -> pyoxigraph.Store:
    """Load an rdflib graph into a pyoxigraph store (a new in-memory one by default).

    Goes through N-Triples text, which pyoxigraph parses natively: much faster than
    converting term by term.
    """
    import pyoxigraph as ox

    store = ox.Store() if store is None else store
    data = graph.serialize(format="nt", encoding="utf-8")
    store.bulk_load(input=data, format=ox.RdfFormat.N_TRIPLES)
    return store


def graph_from_triples(triples) -> Graph:
    """An rdflib graph of pyoxigraph triples (a CONSTRUCT or DESCRIBE result, say).

    >>> import pyoxigraph as ox
    >>> t = ox.Triple(ox.NamedNode("https://e.org/a"), ox.NamedNode("https://e.org/p"), ox.Literal("x"))
    >>> len(graph_from_triples([t]))
    1
    """
    from rdflib import Graph

    graph = Graph()
    for t in triples:
        graph.add((rdf_term(t.subject), rdf_term(t.predicate), rdf_term(t.object)))
    return graph
