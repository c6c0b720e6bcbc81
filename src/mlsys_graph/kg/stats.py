"""Counts per class and per relation of a graph.

>>> from rdflib import Graph
>>> graph_stats(Graph())
{'triples': 0, 'classes': {}, 'relations': {}}
"""

from __future__ import annotations

from collections import Counter

from rdflib import RDF, Graph

__all__ = ["graph_stats"]


def _curie(graph: Graph, term) -> str:
    try:
        return graph.namespace_manager.normalizeUri(term)
    except Exception:  # pragma: no cover - rdflib falls back on odd IRIs
        return str(term)


def graph_stats(graph: Graph) -> dict:
    """``{"triples": n, "classes": {curie: nodes}, "relations": {curie: triples}}``, sorted."""
    classes = Counter(_curie(graph, o) for o in graph.objects(None, RDF.type))
    relations = Counter(_curie(graph, p) for p in graph.predicates())
    return {
        "triples": len(graph),
        "classes": dict(sorted(classes.items())),
        "relations": dict(sorted(relations.items())),
    }
