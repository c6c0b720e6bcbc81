"""The graph a page draws, without networkx: what ``build`` needs to lay out and write it.

Importing networkx takes about half a second, a fifth of building the seed list; ``build``'s
page only adds nodes and edges and walks them. :class:`DrawnGraph` does that with the same
order and attributes as ``networkx.Graph`` (so the page is the same bytes) and becomes one
on demand (:meth:`DrawnGraph.to_networkx`, what ``Drawing.graph`` gives).

>>> g = DrawnGraph(view="entities")
>>> g.add_node("b", kind="paper")
>>> g.add_node("a", kind="person")
>>> g.add_edges_from([("a", "b", {"relation": "authored"})])
>>> list(g), list(g.edges(data=True))
(['b', 'a'], [('b', 'a', {'relation': 'authored'})])
>>> import networkx as nx
>>> h = nx.Graph(view="entities")
>>> h.add_node("b", kind="paper"); h.add_node("a", kind="person")
>>> h.add_edges_from([("a", "b", {"relation": "authored"})])
>>> list(h.edges(data=True)) == g.edges(data=True) and nx.utils.graphs_equal(g.to_networkx(), h)
True
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

__all__ = ["DrawnGraph"]


class DrawnGraph:
    """An undirected graph with node and edge attributes, iterated as ``networkx.Graph``
    iterates: nodes in the order they were added, each edge once, from the node added
    first, its neighbours in the order their edges were added."""

    def __init__(self, **attrs: Any) -> None:
        self.graph: dict[str, Any] = dict(attrs)
        self._node: dict[Hashable, dict] = {}
        self._adj: dict[Hashable, dict[Hashable, dict]] = {}
        self._added: list[tuple[Hashable, Hashable, dict]] = []  # edges as given, in order

    def add_node(self, node: Hashable, **attrs: Any) -> None:
        if node not in self._node:
            self._adj[node] = {}
            self._node[node] = attrs
        else:
            self._node[node].update(attrs)

    def add_edges_from(self, edges: Iterable[tuple[Hashable, Hashable, dict]]) -> None:
        for u, v, data in edges:
            self._added.append((u, v, data))
            for node in (u, v):
                if node not in self._node:
                    self._adj[node] = {}
                    self._node[node] = {}
            merged = self._adj[u].get(v, {})
            merged.update(data)
            self._adj[u][v] = merged
            self._adj[v][u] = merged

    def __iter__(self) -> Iterator[Hashable]:
        return iter(self._node)

    def __len__(self) -> int:
        return len(self._node)

    def __contains__(self, node: object) -> bool:
        return node in self._node

    def is_directed(self) -> bool:
        return False

    def nodes(self, data: bool = False):
        return list(self._node.items()) if data else list(self._node)

    def edges(self, data: bool = False) -> list:
        seen: set = set()
        out = []
        for u, neighbours in self._adj.items():
            for v, attrs in neighbours.items():
                if v not in seen:
                    out.append((u, v, attrs) if data else (u, v))
            seen.add(u)
        return out

    def number_of_nodes(self) -> int:
        return len(self._node)

    def number_of_edges(self) -> int:
        return len(self.edges())

    def to_networkx(self) -> nx.Graph:
        """The same graph as a ``networkx.Graph`` (made by the same additions)."""
        import networkx as nx

        g = nx.Graph(**self.graph)
        for node, attrs in self._node.items():
            g.add_node(node, **attrs)
        g.add_edges_from((u, v, dict(data)) for u, v, data in self._added)
        return g
