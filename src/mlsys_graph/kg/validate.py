"""Validate a knowledge graph against ``ontology/shapes.ttl``.

The result is a sorted list of :class:`Violation` records, one per SHACL validation result,
never a text report. Two engines give the same records:

* ``"oxigraph"`` (the default): the shapes are compiled into SPARQL queries that return what
  fails (:mod:`mlsys_graph.kg.shacl`) and run on a pyoxigraph store; linear in the graph.
  :func:`validate_store` runs it on a store directly (the builder's streaming path).
* ``"pyshacl"``: pySHACL, the reference implementation, on the rdflib graph.

Validation runs without inference: ``sh:class`` and ``sh:targetClass`` see only the
``rdf:type`` (and ``rdfs:subClassOf``) triples written in the graph (the builder writes the
standard types explicitly). docs/validation.md says what is supported and how.

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
>>> validate(g, engine="pyshacl") == [violation]
True
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.namespace import SH

from .shacl.paths import path_text

if TYPE_CHECKING:  # pragma: no cover
    import pyoxigraph
    from rdflib.term import Node

    from .shacl.compile import Query

__all__ = [
    "DEFAULT_ENGINE",
    "ENGINES",
    "Violation",
    "bundled_queries",
    "load_shapes",
    "sort_violations",
    "validate",
    "validate_store",
    "violations_from_report",
]

#: The validation engines: ``"oxigraph"`` (compiled SPARQL) and ``"pyshacl"`` (reference).
ENGINES = ("oxigraph", "pyshacl")
#: The engine :func:`validate` uses unless told otherwise (bench/validate.py: 31x less CPU than
#: pySHACL on a 10,000-entry list, linear in the graph; docs/validation.md).
DEFAULT_ENGINE = "oxigraph"


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
    #: The shape's ``sh:message`` (an engine's generic text when the shape has none).
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


def validate(
    graph: Graph, shapes: Graph | None = None, *, engine: str = DEFAULT_ENGINE
) -> list[Violation]:
    """Check ``graph`` against ``shapes`` (default :func:`load_shapes`).

    Returns every result (violations, warnings and infos), deduplicated and sorted by
    (focus, path, message). The graph conforms when no item has severity ``"Violation"``;
    warnings (a source document without licence or attribution) do not make it invalid.
    ``graph`` is not modified. The oxigraph engine raises
    :class:`~mlsys_graph.errors.UnsupportedShapes` for SHACL it does not implement.
    """
    if engine == "pyshacl":
        return _validate_pyshacl(graph, shapes)
    if engine != "oxigraph":
        raise ValueError(f"unknown validation engine {engine!r}; choose one of {ENGINES}")
    from .oxi import store_from_graph

    return validate_store(store_from_graph(graph), shapes)


def validate_store(
    store: pyoxigraph.Store, shapes: Graph | None = None, *, workers: int = 1
) -> list[Violation]:
    """Check the default graph of a pyoxigraph store against ``shapes`` (the oxigraph engine).

    The store must have been loaded through :mod:`mlsys_graph.kg.oxi`
    (:func:`~mlsys_graph.kg.oxi.load_ntriples`, :func:`~mlsys_graph.kg.oxi.store_from_graph`),
    which keeps the derived XSD datatypes (``xsd:positiveInteger``) that a plain pyoxigraph
    load turns into ``xsd:integer``. The store is only read, by ``workers`` threads at once
    (the same violations for any number).
    """
    from .shacl.engine import run_queries, subclass_axioms

    subclasses = subclass_axioms(store)
    queries = _bundled_queries(subclasses) if shapes is None else _compiled(shapes, subclasses)
    return run_queries(store, queries, workers=workers)


def bundled_queries(*, subclasses: bool) -> list[Query]:
    """The compiled queries of the bundled shapes (made once), as :func:`validate_store`
    runs them on a store with (``subclasses``) or without ``rdfs:subClassOf`` triples."""
    return _bundled_queries(subclasses)


@cache
def _bundled_queries(subclasses: bool) -> list[Query]:
    """Compiled once per process, and once per machine (:mod:`.shacl.cache`)."""
    from mlsys_graph.resources import ontology_file

    from .shacl.cache import cached_queries

    shapes = ontology_file("shapes.ttl").read_bytes()
    return cached_queries(shapes, subclasses, lambda: _compiled(_parsed(shapes), subclasses))


def _parsed(shapes: bytes) -> Graph:
    return Graph().parse(data=shapes, format="turtle")


def _compiled(shapes: Graph, subclasses: bool) -> list[Query]:
    from .shacl.compile import compile_shapes
    from .shacl.shapes import read_shapes

    return compile_shapes(read_shapes(shapes), subclasses=subclasses)


def _validate_pyshacl(graph: Graph, shapes: Graph | None) -> list[Violation]:
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
    return sort_violations(
        Violation(
            focus=_node_text(results.value(result, SH.focusNode)) or "",
            path=path_text(results, results.value(result, SH.resultPath)),
            message=_message(results, result),
            severity=_local_name(results.value(result, SH.resultSeverity)) or "Violation",
            shape=_shape_text(results.value(result, SH.sourceShape)),
            value=_node_text(results.value(result, SH.value)),
        )
        for report in results.subjects(RDF.type, SH.ValidationReport)
        for result in results.objects(report, SH.result)
    )


def sort_violations(violations: Iterable[Violation]) -> list[Violation]:
    """Deduplicated and sorted by (focus, path, message, value, shape, severity)."""
    return sorted(
        set(violations),
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
