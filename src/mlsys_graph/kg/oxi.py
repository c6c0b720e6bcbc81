"""The one bridge between rdflib (modelling and IO) and pyoxigraph (fast store and SPARQL).

rdflib stays the API the library hands out; pyoxigraph runs the heavy work (SPARQL, large
loads). Terms cross the bridge only here.

A faithful store. Oxigraph stores a literal of a *derived* XSD datatype under its base type:
``"5"^^xsd:positiveInteger`` comes back as ``"5"^^xsd:integer`` (oxigraph issue #526), so a
store could no longer tell a position written as ``xsd:positiveInteger`` from one written as
``xsd:integer``, and SHACL's ``sh:datatype`` could not be checked. Everything that enters a
store through this module therefore carries those datatypes (:data:`RENAMED`) under a private
IRI (:func:`store_datatype`), which Oxigraph keeps as it is; everything that leaves through
this module gets the standard IRI back. Other literals are stored as Oxigraph stores them
(valid numbers, booleans and date-times in their canonical lexical form: ``"1.50"^^xsd:decimal``
reads back as ``"1.5"``).

>>> from rdflib import Graph, Literal, URIRef
>>> from rdflib.namespace import XSD
>>> g = Graph()
>>> _ = g.add((URIRef("https://example.org/a"), URIRef("https://example.org/p"), Literal(3)))
>>> _ = g.add((URIRef("https://example.org/a"), URIRef("https://example.org/q"),
...            Literal("3", datatype=XSD.positiveInteger)))
>>> store = store_from_graph(g)
>>> len(store)
2
>>> sorted(rdf_term(q.object).datatype.removeprefix(str(XSD)) for q in store)
['integer', 'positiveInteger']
>>> ox_term(Literal("x", lang="en"))
<Literal value=x language=en>
>>> ox_term(Literal("3", datatype=XSD.positiveInteger))
<Literal value=3 datatype=<NamedNode value=urn:x-mlsys-graph:xsd:positiveInteger>>
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pyoxigraph
    from rdflib import Graph
    from rdflib.term import Node

    from .triples import Triples

__all__ = [
    "RENAMED",
    "graph_from_triples",
    "load_ntriples",
    "load_ntriples_file",
    "ox_term",
    "rdf_term",
    "rename_datatypes",
    "sparql_term",
    "standard_datatype",
    "store_datatype",
    "store_from_graph",
    "store_from_triples",
]

XSD = "http://www.w3.org/2001/XMLSchema#"
#: Where a renamed datatype lives in a store: this prefix and the XSD local name.
STORE_DATATYPE_PREFIX = "urn:x-mlsys-graph:xsd:"

#: XSD datatypes whose literals Oxigraph would store under another datatype (its base type);
#: tests/kg/test_oxi.py checks this list against the installed pyoxigraph.
RENAMED = frozenset(
    {
        "nonPositiveInteger",
        "negativeInteger",
        "long",
        "int",
        "short",
        "byte",
        "nonNegativeInteger",
        "unsignedLong",
        "unsignedInt",
        "unsignedShort",
        "unsignedByte",
        "positiveInteger",
        "dateTimeStamp",
    }
)

_NAMES = b"|".join(sorted(name.encode() for name in RENAMED))
_NT_DATATYPE = re.compile(rb'"\^\^<http://www\.w3\.org/2001/XMLSchema#(' + _NAMES + rb")>")
_NT_STORE = b'"^^<' + STORE_DATATYPE_PREFIX.encode() + rb"\1>"
# The same text inside a string literal follows an escaped quote: an odd run of backslashes.
_NT_ESCAPED = re.compile(
    rb'(\\+)"\^\^<' + re.escape(STORE_DATATYPE_PREFIX.encode()) + b"(" + _NAMES + rb")>"
)


#: A blank node as the subject or object of an N-Triples line (text inside a literal could
#: match too: that only costs the slower load).
_BLANK_NODE = re.compile(rb"(?m)^[ \t]*_:|>[ \t]+_:")


def store_datatype(datatype: str) -> str:
    """The IRI under which a store holds literals of ``datatype``.

    >>> store_datatype("http://www.w3.org/2001/XMLSchema#positiveInteger")
    'urn:x-mlsys-graph:xsd:positiveInteger'
    >>> store_datatype("http://www.w3.org/2001/XMLSchema#integer")
    'http://www.w3.org/2001/XMLSchema#integer'
    """
    local = datatype.removeprefix(XSD)
    if local != datatype and local in RENAMED:
        return STORE_DATATYPE_PREFIX + local
    return datatype


def standard_datatype(datatype: str) -> str:
    """The inverse of :func:`store_datatype`.

    >>> standard_datatype("urn:x-mlsys-graph:xsd:int")
    'http://www.w3.org/2001/XMLSchema#int'
    """
    local = datatype.removeprefix(STORE_DATATYPE_PREFIX)
    if local != datatype and local in RENAMED:
        return XSD + local
    return datatype


def ox_term(term: Node, *, faithful: bool = True):
    """An rdflib term as a pyoxigraph term (IRIs, blank nodes, literals), as a store holds it.

    ``faithful`` names derived XSD datatypes as a faithful store holds them
    (:func:`store_datatype`); ``faithful=False`` keeps the standard IRI, for a store loaded as
    Oxigraph loads any file (:func:`store_from_graph` with ``faithful=False``).
    """
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
            datatype = str(term.datatype)
            return ox.Literal(
                str(term), datatype=ox.NamedNode(store_datatype(datatype) if faithful else datatype)
            )
        return ox.Literal(str(term))
    raise TypeError(f"cannot convert {term!r} to a pyoxigraph term")


def rdf_term(term) -> Node:
    """A pyoxigraph term as an rdflib term (plain literals keep no datatype)."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == XSD + "string":
            return Literal(term.value)
        return Literal(term.value, datatype=standard_datatype(datatype))
    raise TypeError(f"cannot convert {term!r} to an rdflib term")


def sparql_term(term: Node) -> str:
    """An rdflib IRI or literal as SPARQL text, as the store holds it (for query constants).

    >>> from rdflib import Literal, URIRef
    >>> sparql_term(URIRef("https://example.org/a"))
    '<https://example.org/a>'
    >>> sparql_term(Literal('say "hi"'))
    '"say \\\\"hi\\\\""'
    """
    from rdflib import BNode

    if isinstance(term, BNode):
        raise TypeError("a blank node cannot be written as a SPARQL constant")
    return str(ox_term(term))


def rename_datatypes(ntriples: bytes) -> bytes:
    """N-Triples text with the datatypes of :data:`RENAMED` written as :func:`store_datatype`.

    >>> rename_datatypes(b'<a> <p> "1"^^<http://www.w3.org/2001/XMLSchema#int> .')
    b'<a> <p> "1"^^<urn:x-mlsys-graph:xsd:int> .'

    Text inside string literals is left alone.
    """
    renamed = _NT_DATATYPE.sub(_NT_STORE, ntriples)
    if b'\\"^^<http://www.w3.org/2001/XMLSchema#' in ntriples:  # rare: undo inside strings
        renamed = _NT_ESCAPED.sub(_restore_escaped, renamed)
    return renamed


def _restore_escaped(match: re.Match) -> bytes:
    if len(match.group(1)) % 2 == 0:
        return match.group(0)
    return match.group(1) + b'"^^<' + XSD.encode() + match.group(2) + b">"


def load_ntriples(store: pyoxigraph.Store, data: bytes | str) -> pyoxigraph.Store:
    """Load N-Triples text into ``store``, keeping datatypes (:data:`RENAMED`) and blank nodes.

    The text is rewritten in one pass before Oxigraph parses it natively. Blank node labels
    are kept (Oxigraph's loaders would rename them), which costs a slower load when the text
    has any.
    """
    import pyoxigraph as ox

    raw = data.encode("utf-8") if isinstance(data, str) else data
    raw = rename_datatypes(raw)
    # "_:" in raw is a memchr-fast scan; the regex alone costs seconds on a large text
    if b"_:" in raw and _BLANK_NODE.search(raw):
        triples = ox.parse(raw, format=ox.RdfFormat.N_TRIPLES)
        store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
    else:
        store.bulk_load(input=raw, format=ox.RdfFormat.N_TRIPLES)
    return store


class _Lines:
    """The chunks of whole lines of a binary N-Triples handle, with :func:`rename_datatypes`
    applied, about ``chunk`` bytes each, so that a file of any size is loaded with one chunk
    in memory.

    With ``complete`` (an event), the file may still be growing: at its end the reader
    waits for more until the event is set, then reads what is left.
    """

    def __init__(self, handle, path: str, chunk: int, complete=None) -> None:
        self._handle, self._path, self._chunk = handle, path, chunk
        self._complete = complete
        self._partial = b""  # a line not finished yet (only while the file grows)

    def _next_lines(self) -> bytes:
        """The next whole lines (at least one), or b"" at the end of the file."""
        while True:
            complete = self._complete is None or self._complete.is_set()
            data = self._handle.read(self._chunk)
            if data:
                data = self._partial + data
                cut = data.rfind(b"\n") + 1
                self._partial = data[cut:]
                if cut:
                    return data[:cut]
            elif complete:  # read after the event was seen: nothing more will come
                rest, self._partial = self._partial, b""
                return rest
            else:
                self._complete.wait(0.01)

    def __iter__(self):
        while data := self._next_lines():
            if b"_:" in data and _BLANK_NODE.search(data):
                raise ValueError(f"{self._path}: has blank nodes; load it with load_ntriples")
            yield rename_datatypes(data)


def load_ntriples_file(
    store: pyoxigraph.Store, path, *, chunk: int = 1 << 24, complete=None, lenient: bool = False
) -> pyoxigraph.Store:
    """Load an N-Triples file into ``store`` as :func:`load_ntriples` does (datatypes kept),
    streaming it: the file's text is never held whole (about ``chunk`` bytes at a time), and
    Oxigraph parses while other Python threads run.

    ``complete`` (a :class:`threading.Event`) says the file is still being written: the load
    follows it as it grows and ends at its end once the event is set. Whoever writes it must
    set the event when the file is closed, or when the writing stopped.

    Meant for the files :func:`~mlsys_graph.kg.store.write_ntriples` writes, which have no
    blank nodes; a file with blank nodes is refused (``ValueError``), as Oxigraph's loader
    would rename them. ``lenient`` skips Oxigraph's own check of each IRI and language tag
    (the load takes about 40% less time): only for a file whose terms were checked before it
    was written, as that writer does (:meth:`~mlsys_graph.kg.triples.Triples.check_iris`).

    >>> import os, tempfile, pyoxigraph as ox
    >>> line = b'<https://e.org/a> <https://e.org/p> "2"^^<http://www.w3.org/2001/XMLSchema#int> .\\n'
    >>> with tempfile.NamedTemporaryFile(suffix=".nt", delete=False) as f:
    ...     _ = f.write(line * 2)
    >>> [q.object.datatype.value for q in load_ntriples_file(ox.Store(), f.name, chunk=10)]
    ['urn:x-mlsys-graph:xsd:int']
    >>> os.unlink(f.name)
    """
    import pyoxigraph as ox

    # Each chunk is handed over as bytes, which Oxigraph parses without Python's lock; a
    # file object would make it take the lock for every small read, which crawls while
    # another thread computes.
    with open(path, "rb") as handle:
        for lines in _Lines(handle, str(path), chunk, complete):
            store.load(input=lines, format=ox.RdfFormat.N_TRIPLES, lenient=lenient)
    return store


def store_from_graph(
    graph: Graph, store: pyoxigraph.Store | None = None, *, faithful: bool = True
) -> pyoxigraph.Store:
    """Load an rdflib graph into a pyoxigraph store (a new in-memory one by default).

    Goes through N-Triples text, which pyoxigraph parses natively: much faster than
    converting term by term. With ``faithful`` (the default, what validation needs) datatypes
    and blank node labels are kept (:func:`load_ntriples`). ``faithful=False`` loads the text
    as Oxigraph loads any file: the store users query and serve, where a position is a plain
    ``xsd:integer`` that SPARQL compares as a number and other clients read as standard XSD.
    """
    import pyoxigraph as ox

    store = ox.Store() if store is None else store
    if faithful:
        return load_ntriples(store, graph.serialize(format="nt", encoding="utf-8"))
    store.bulk_load(
        input=graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES
    )
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


def store_from_triples(
    triples: Triples,
    store: pyoxigraph.Store | None = None,
    *,
    chunk: int = 1 << 26,
    faithful: bool = True,
) -> pyoxigraph.Store:
    """Load built :class:`~mlsys_graph.kg.triples.Triples` into a pyoxigraph store (a new
    in-memory one by default), straight from their sorted N-Triples: no rdflib Graph, and
    the text is handed over in chunks of whole lines (about ``chunk`` characters each).
    ``faithful`` as in :func:`store_from_graph` (derived datatypes kept, for validation).

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
            if cut and faithful:
                load_ntriples(store, text[:cut].encode("utf-8"))
            elif cut:
                store.bulk_load(input=text[:cut].encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
            self.parts, self.size = ([text[cut:]] if text[cut:] else []), len(text) - cut

    loader = _Loader()
    write_ntriples(triples, loader)
    loader.load()
    return store
