"""SHACL property paths: read from the shapes graph, written as SPARQL and as report text.

>>> from rdflib import Graph
>>> g = Graph().parse(format="turtle", data='''
... @prefix sh: <http://www.w3.org/ns/shacl#> .
... @prefix ex: <https://example.org/> .
... ex:s sh:path ( [ sh:inversePath ex:p ] [ sh:zeroOrMorePath ex:q ] ) .
... ''')
>>> node = next(g.objects(None, SH.path))
>>> path = read_path(g, node)
>>> path.sparql()
'(^<https://example.org/p>/(<https://example.org/q>)*)'
>>> path_text(g, node)
'^<https://example.org/p>/(<https://example.org/q>)*'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rdflib import RDF, BNode, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH

from ...errors import UnsupportedShapes

if TYPE_CHECKING:  # pragma: no cover
    from rdflib import Graph
    from rdflib.term import Node

__all__ = ["Path", "path_text", "read_path"]

_SUFFIXES = {
    SH.zeroOrMorePath: "*",
    SH.oneOrMorePath: "+",
    SH.zeroOrOnePath: "?",
}


@dataclass(frozen=True)
class Path:
    """A property path: an IRI (``iri``), or an operator over ``steps``.

    ``op`` is ``"iri"``, ``"seq"``, ``"alt"``, ``"inv"`` or one of ``"*"``, ``"+"``, ``"?"``.
    """

    op: str
    iri: str | None = None
    steps: tuple[Path, ...] = ()

    @property
    def predicate(self) -> str | None:
        """The IRI when the path is a single predicate."""
        return self.iri if self.op == "iri" else None

    def sparql(self) -> str:
        """The path in SPARQL property-path syntax (full IRIs, fully parenthesised)."""
        if self.op == "iri":
            return f"<{self.iri}>"
        if self.op == "seq":
            return "(" + "/".join(s.sparql() for s in self.steps) + ")"
        if self.op == "alt":
            return "(" + "|".join(s.sparql() for s in self.steps) + ")"
        if self.op == "inv":
            return "^" + self.steps[0].sparql()
        return f"({self.steps[0].sparql()}){self.op}"


def read_path(graph: Graph, node: Node, *, depth: int = 0) -> Path:
    """The path that ``node`` describes in ``graph``; :class:`UnsupportedShapes` when malformed."""
    if depth > 12:
        raise UnsupportedShapes(f"property path {node.n3()} is nested too deeply")
    if isinstance(node, URIRef):
        return Path("iri", iri=str(node))
    if not isinstance(node, BNode):
        raise UnsupportedShapes(f"a property path cannot be the literal {node!r}")
    if (node, RDF.first, None) in graph:
        steps = tuple(read_path(graph, n, depth=depth + 1) for n in Collection(graph, node))
        if len(steps) < 2:
            raise UnsupportedShapes("a sequence path needs at least two steps")
        return Path("seq", steps=steps)
    if (inverse := graph.value(node, SH.inversePath)) is not None:
        inner = read_path(graph, inverse, depth=depth + 1)
        if inner.op == "seq":
            # pySHACL inverts each step but keeps their order; SPARQL reverses the order.
            raise UnsupportedShapes(
                "sh:inversePath of a sequence path: the engines disagree on it; "
                "write the inverse steps in reverse order instead"
            )
        return Path("inv", steps=(inner,))
    if (alternatives := graph.value(node, SH.alternativePath)) is not None:
        steps = tuple(read_path(graph, n, depth=depth + 1) for n in Collection(graph, alternatives))
        if len(steps) < 2:
            raise UnsupportedShapes("an alternative path needs at least two paths")
        return Path("alt", steps=steps)
    for predicate, op in _SUFFIXES.items():
        if (inner := graph.value(node, predicate)) is not None:
            return Path(op, steps=(read_path(graph, inner, depth=depth + 1),))
    raise UnsupportedShapes(f"{node.n3()} is not a SHACL property path")


def path_text(graph: Graph, path: Node | None, *, nested: bool = False) -> str | None:
    """A path as report text: a plain IRI at the top level, SPARQL syntax when complex.

    This is the text of :attr:`mlsys_graph.kg.validate.Violation.path`, for both engines.
    """
    if path is None:
        return None
    if isinstance(path, URIRef):
        return str(path) if not nested else f"<{path}>"
    if isinstance(path, Literal):
        return str(path)
    if (path, RDF.first, None) in graph:
        steps = [path_text(graph, p, nested=True) for p in Collection(graph, path)]
        return "/".join(s or "?" for s in steps)
    if (inverse := graph.value(path, SH.inversePath)) is not None:
        return "^" + (path_text(graph, inverse, nested=True) or "?")
    if (alternatives := graph.value(path, SH.alternativePath)) is not None:
        steps = [path_text(graph, p, nested=True) for p in Collection(graph, alternatives)]
        return "(" + "|".join(s or "?" for s in steps) + ")"
    for predicate, suffix in _SUFFIXES.items():
        if (inner := graph.value(path, predicate)) is not None:
            return "(" + (path_text(graph, inner, nested=True) or "?") + ")" + suffix
    return path.n3()
