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

    from .triples import Triples

__all__ = ["ox_term", "rdf_term", "store_from_graph", "store_from_triples"]


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


def store_from_triples(
    triples: Triples, store: pyoxigraph.Store | None = None, *, chunk: int = 1 << 26
) -> pyoxigraph.Store:
    """Load built :class:`~mlsys_graph.kg.triples.Triples` into a pyoxigraph store (a new
    in-memory one by default), straight from their sorted N-Triples: no rdflib Graph, and
    the text is handed over in chunks of whole lines (about ``chunk`` characters each).

    >>> from mlsys_graph.kg.triples import Lit, Triples
    >>> t = Triples()
    >>> t.add("https://example.org/a", "https://example.org/p", Lit("x", None, "en"))
    >>> store = store_from_triples(t)
    >>> [(q.subject.value, q.object.value, q.object.language) for q in store]
    [('https://example.org/a', 'x', 'en')]
    """
    import io

    import pyoxigraph as ox

    from .store import write_ntriples

    store = ox.Store() if store is None else store

    class _Loader(io.TextIOBase):  # what write_ntriples writes, loaded chunk by chunk
        def __init__(self) -> None:
            self.parts: list[str] = []
            self.size = 0

        def write(self, text: str) -> int:
            self.parts.append(text)
            self.size += len(text)
            if self.size >= chunk:
                self.load()
            return len(text)

        def load(self) -> None:
            text = "".join(self.parts)
            cut = text.rfind("\n") + 1
            if cut:
                store.bulk_load(input=text[:cut].encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
            self.parts, self.size = ([text[cut:]] if text[cut:] else []), len(text) - cut

    loader = _Loader()
    write_ntriples(triples, loader)
    loader.load()
    return store
