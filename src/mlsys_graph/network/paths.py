"""Shortest explained paths: how two nodes are connected, one typed edge at a time.

A path is read left to right; each edge says its relation and which way it reads::

    Matei Zaharia — authored → NoScope ← authored — Peter Bailis

>>> from mlsys_graph.network.project import entities_graph
>>> from mlsys_graph.network.testing import tiny_facts
>>> path = explain_path(entities_graph(tiny_facts()), "id/a-person", "id/paper-c")
>>> print(path.text())
Ann A — authored → B ← authored — Cat C — authored → C
>>> [e.relation for e in path.edges]
['authored', 'authored', 'authored']
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from ..errors import MlsysGraphError

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

__all__ = ["ExplainedPath", "NoPath", "PathEdge", "PathNode", "explain_path"]


class NoPath(MlsysGraphError):
    """The two nodes are not connected in the view."""


@dataclass(frozen=True)
class PathNode:
    iri: str
    name: str
    kind: str
    label: str
    year: int | None = None


@dataclass(frozen=True)
class PathEdge:
    """One edge of a path: ``relation`` reads from ``subject`` (``forward``: left to right)."""

    source: str
    target: str
    relation: str
    forward: bool
    detail: str | None = None


@dataclass(frozen=True)
class ExplainedPath:
    """Nodes from the first to the last, and the edge between each pair."""

    nodes: tuple[PathNode, ...]
    edges: tuple[PathEdge, ...]

    def text(self) -> str:
        """One line: ``A — relation → B ← relation — C``."""
        parts = [self.nodes[0].name]
        for edge, node in zip(self.edges, self.nodes[1:], strict=True):
            detail = f" ({edge.detail})" if edge.detail else ""
            arrow = (
                f" — {edge.relation}{detail} → "
                if edge.forward
                else f" ← {edge.relation}{detail} — "
            )
            parts.append(arrow + node.name)
        return "".join(parts)

    def to_dict(self) -> dict:
        return {
            "nodes": [asdict(n) for n in self.nodes],
            "edges": [asdict(e) for e in self.edges],
            "text": self.text(),
        }


def explain_path(g: nx.Graph, a, b, *, avoid: Iterable[str] = ()) -> ExplainedPath:
    """The shortest path between ``a`` and ``b`` in a view, every edge explained.

    Parameters
    ----------
    g : networkx.Graph
        A view (``entities`` or ``coauthor``; a directed view is read both ways).
    a, b : str
        Node IRIs.
    avoid : iterable of str
        Node kinds the path may not pass through (``topic``, ``venue``...): hubs such as
        a topic connect everything and explain little. The two ends are always allowed.

    Raises
    ------
    NoPath
        When no path connects them (after ``avoid``).

    Examples
    --------
    >>> from mlsys_graph.network.project import coauthor_graph
    >>> from mlsys_graph.network.testing import tiny_facts
    >>> print(explain_path(coauthor_graph(tiny_facts()), "id/a-person", "id/c-person").text())
    Ann A — co-author (B) → Cat C
    """
    import networkx as nx

    avoid = set(avoid)
    base = g.to_undirected(as_view=True) if g.is_directed() else g
    view = base
    if avoid:
        kinds = dict(base.nodes(data="kind"))
        view = nx.subgraph_view(
            base, filter_node=lambda n: n in (a, b) or kinds.get(n) not in avoid
        )
    view_name = g.graph.get("view", "this")
    for node in (a, b):
        if node not in view:
            raise NoPath(f"{node} is not a node of the {view_name} view")
    try:
        path = nx.shortest_path(view, a, b)
    except nx.NetworkXNoPath:
        names = " and ".join(str(g.nodes[n].get("name", n)) for n in (a, b))
        hint = f" (avoiding {', '.join(sorted(avoid))})" if avoid else ""
        raise NoPath(f"no path between {names} in the {view_name} view{hint}") from None

    def node(n) -> PathNode:
        data = g.nodes[n]
        return PathNode(
            str(n),
            str(data.get("name", n)),
            str(data.get("kind", "")),
            str(data.get("label", n)),
            data.get("year"),
        )

    edges = []
    for u, v in itertools.pairwise(path):
        data = view.edges[u, v]
        subject = data.get("subject")
        forward = g.has_edge(u, v) if g.is_directed() else subject is None or subject == u
        edges.append(
            PathEdge(str(u), str(v), str(data.get("relation", "linked")), forward, data.get("via"))
        )
    return ExplainedPath(tuple(node(n) for n in path), tuple(edges))
