"""Graph analytics: networkx projections of the knowledge graph and what is computed on them.

One concept per module: :mod:`.source` opens a graph, :mod:`.facts` reads it in one pass
per relation, :mod:`.project` builds the views, :mod:`.metrics` ranks and clusters,
:mod:`.lineage` traces ancestors and descendants, :mod:`.paths` explains shortest paths,
:mod:`.names` resolves names to nodes, :mod:`.export` writes GraphML, GEXF and JSON, and
:mod:`.tables` turns results into pandas DataFrames, :mod:`.crosstabs` counts the entries
across two facets (topic × year, topic × venue, year × venue, code per topic), :mod:`.select` keeps part of a view
(around a node, of some kinds, topics, years) and :mod:`.details` reads what a page shows
about a node (authors in order, venue, links, list lines).

Everything is importable from here; networkx is imported only when a function runs.

>>> from mlsys_graph import network
>>> g = network.coauthor_graph()              # the bundled graph
>>> g.graph["view"]
'coauthor'
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "open_graph": "source",
    "read_facts": "facts",
    "Facts": "facts",
    "KINDS": "facts",
    "STRENGTHS": "facts",
    "VIEWS": "project",
    "project": "project",
    "entities_graph": "project",
    "authorship_graph": "project",
    "coauthor_graph": "project",
    "topics_graph": "project",
    "lineage_graph": "project",
    "centrality": "metrics",
    "rank": "metrics",
    "communities": "metrics",
    "Ranked": "metrics",
    "Community": "metrics",
    "MEASURES": "metrics",
    "topic_profile": "metrics",
    "trace": "lineage",
    "chain": "lineage",
    "chains": "lineage",
    "Lineage": "lineage",
    "Step": "lineage",
    "explain_path": "paths",
    "ExplainedPath": "paths",
    "resolve_name": "names",
    "NameIndex": "names",
    "UnknownName": "names",
    "AmbiguousName": "names",
    "write_view": "export",
    "read_details": "details",
    "Details": "details",
    "select": "select",
    "memberships": "select",
    "to_frame": "tables",
    "centrality_table": "tables",
    "community_table": "tables",
    "edge_table": "tables",
    "rank_disagreement": "tables",
    "entries_frame": "crosstabs",
    "systems_frame": "crosstabs",
    "topic_years": "crosstabs",
    "topic_venues": "crosstabs",
    "topic_code": "crosstabs",
    "timeline": "crosstabs",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
