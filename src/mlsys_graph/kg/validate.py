"""Validate a knowledge graph against ``ontology/shapes.ttl`` with pySHACL.

The result is a sorted list of :class:`Violation` records, one per SHACL validation result,
never pySHACL's text report. Validation runs without inference: ``sh:class`` and
``sh:targetClass`` see only the ``rdf:type`` triples written in the graph (the builder writes
the standard types explicitly).

>>> from rdflib import Graph
>>> validate(Graph())
[]
>>> g = Graph().parse(format="turtle", data='''
... @prefix mls: <https://w3id.org/mlsys-graph/ontology#> .
... <https://w3id.org/mlsys-graph/id/rule/r> a mls:Rule .
... ''')
>>> [violation] = validate(g)
>>> violation.focus
'https://w3id.org/mlsys-graph/id/rule/r'
>>> violation.path, violation.severity
('http://www.w3.org/2000/01/rdf-schema#label', 'Violation')
>>> violation.message
'A rule has exactly one rdfs:label, a literal'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH

if TYPE_CHECKING:
    from rdflib.term import Node

__all__ = ["Violation", "load_shapes", "validate", "violations_from_report"]

_PATH_SUFFIXES = {
    SH.zeroOrMorePath: "*",
    SH.oneOrMorePath: "+",
    SH.zeroOrOnePath: "?",
}


@dataclass(frozen=True)
class Violation:
    """One SHACL validation result.

    Every field is a plain string: IRIs as written, literals as their lexical form, blank
    nodes as ``_:id``.
    """

    #: The node that failed (``sh:focusNode``).
    focus: str
    #: The property path (``sh:resultPath``): an IRI, or a SPARQL-style path such as ``^<p>``
    #: or ``<p>/<q>``; None for constraints on the node itself.
    path: str | None
    #: The shape's ``sh:message`` (pySHACL's generic text when the shape has none).
    message: str
    #: ``"Violation"``, ``"Warning"`` or ``"Info"`` (``sh:resultSeverity``).
    severity: str
    #: The IRI of the shape that reported it (``sh:sourceShape``); None for a blank-node shape.
    shape: str | None
    #: The offending value (``sh:value``), when the constraint names one.
    value: str | None

    def __str__(self) -> str:
        where = self.focus if self.path is None else f"{self.focus} {self.path}"
        value = "" if self.value is None else f" (value: {self.value!r})"
        return f"{self.severity}: {where}: {self.message}{value}"


@cache
def load_shapes() -> Graph:
    """The bundled shapes graph (``ontology/shapes.ttl``), parsed once and cached.

    The same graph object is returned on every call: do not modify it.
    """
    from mlsys_graph.resources import ontology_file

    return Graph().parse(ontology_file("shapes.ttl"), format="turtle")


def validate(graph: Graph, shapes: Graph | None = None) -> list[Violation]:
    """Check ``graph`` against ``shapes`` (default :func:`load_shapes`).

    Runs pySHACL with ``inference="none"`` and no ontology graph, and does not modify
    ``graph``. Returns every result (violations, warnings and infos), deduplicated and
    sorted by (focus, path, message). The graph conforms when no item has severity
    ``"Violation"``; warnings (a source document without licence or attribution) do not
    make it invalid.
    """
    import pyshacl  # slow to import (about a second): only when validating

    shapes_graph = load_shapes() if shapes is None else shapes
    _conforms, results, _text = pyshacl.validate(
        graph,
        shacl_graph=shapes_graph,
        ont_graph=None,
        inference="none",
        abort_on_first=False,
        allow_infos=False,
        allow_warnings=False,
        meta_shacl=False,
        advanced=True,  # SPARQL targets (SHACL-AF) keep the SPARQL checks off every entry
        do_owl_imports=False,
        inplace=True,  # safe without inference: nothing is added to the data graph
    )
    return violations_from_report(results)


def violations_from_report(results: Graph) -> list[Violation]:
    """Map a SHACL validation report graph to sorted, deduplicated :class:`Violation` records.

    Only the report's own results (``sh:result``) count: the nested results that pySHACL
    attaches with ``sh:detail`` (why an ``sh:node`` value failed) are not repeated.
    """
    found = {
        Violation(
            focus=_node_text(results.value(result, SH.focusNode)) or "",
            path=_path_text(results, results.value(result, SH.resultPath)),
            message=_message(results, result),
            severity=_local_name(results.value(result, SH.resultSeverity)) or "Violation",
            shape=_shape_text(results.value(result, SH.sourceShape)),
            value=_node_text(results.value(result, SH.value)),
        )
        for report in results.subjects(RDF.type, SH.ValidationReport)
        for result in results.objects(report, SH.result)
    }
    return sorted(
        found,
        key=lambda v: (
            v.focus,
            v.path or "",
            v.message,
            v.value or "",
            v.shape or "",
            v.severity,
        ),
    )


def _node_text(node: Node | None) -> str | None:
    if node is None:
        return None
    if isinstance(node, BNode):
        return node.n3()
    return str(node)


def _shape_text(node: Node | None) -> str | None:
    return str(node) if isinstance(node, URIRef) else None


def _local_name(node: Node | None) -> str | None:
    if node is None:
        return None
    text = str(node)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _message(results: Graph, result: Node) -> str:
    messages = [m for m in results.objects(result, SH.resultMessage) if isinstance(m, Literal)]
    if messages:
        # Prefer a message without a language tag, then English, then the first in order.
        messages.sort(key=lambda m: (m.language not in (None, "en"), m.language or "", str(m)))
        return str(messages[0])
    component = _local_name(results.value(result, SH.sourceConstraintComponent))
    return f"{component or 'SHACL'} constraint not satisfied"


def _path_text(graph: Graph, path: Node | None, *, nested: bool = False) -> str | None:
    """A property path as text: a plain IRI at the top level, SPARQL syntax when complex."""
    if path is None:
        return None
    if isinstance(path, URIRef):
        return str(path) if not nested else f"<{path}>"
    if isinstance(path, Literal):
        return str(path)
    if (path, RDF.first, None) in graph:
        steps = [_path_text(graph, p, nested=True) for p in Collection(graph, path)]
        return "/".join(s or "?" for s in steps)
    if (inverse := graph.value(path, SH.inversePath)) is not None:
        return "^" + (_path_text(graph, inverse, nested=True) or "?")
    if (alternatives := graph.value(path, SH.alternativePath)) is not None:
        steps = [_path_text(graph, p, nested=True) for p in Collection(graph, alternatives)]
        return "(" + "|".join(s or "?" for s in steps) + ")"
    for predicate, suffix in _PATH_SUFFIXES.items():
        if (inner := graph.value(path, predicate)) is not None:
            return "(" + (_path_text(graph, inner, nested=True) or "?") + ")" + suffix
    return path.n3()
