"""Lineage: what an entry builds on (ancestors) and what builds on it (descendants).

Works on the lineage view (:func:`~.project.lineage_graph`), whose edges point from the
later (or using) entry to the earlier (or used) one. Every step carries the relation
(``extends``, ``buildsOn``, ``uses``...), the claim's strength (stated, curated,
inferred) and its evidence (the source line and matched phrase, or the curation file and
its reason).

>>> from mlsys_graph.network.project import lineage_graph
>>> from mlsys_graph.network.testing import tiny_facts
>>> g = lineage_graph(tiny_facts())
>>> [(s.name, s.depth, s.relation, s.strength) for s in trace(g, "id/paper-c").ancestors]
[('B', 1, 'extends', 'inferred'), ('A', 2, 'extends', 'stated')]
>>> [s.name for s in trace(g, "id/paper-a").descendants]
['B', 'C']
>>> [s.name for s in chain(g, "id/paper-a", "id/paper-c")]
['C', 'B', 'A']
>>> [[s.name for s in c] for c in chains(g)]
[['C', 'B', 'A']]
"""

from __future__ import annotations

from collections import deque
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from ..errors import MlsysGraphError

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

__all__ = ["Lineage", "NoLineage", "Step", "chain", "chains", "trace"]


class NoLineage(MlsysGraphError):
    """Two entries with no chain of lineage claims between them (in either direction)."""


@dataclass(frozen=True)
class Step:
    """One entry reached from the traced one.

    ``parent`` is the entry one step nearer the traced one; ``relation``, ``strength`` and
    the evidence fields describe the claim between the two (``later relation earlier``).
    """

    iri: str
    name: str
    title: str
    kind: str
    year: int | None
    depth: int
    parent: str | None = None
    relation: str | None = None
    strength: str | None = None
    evidence: str | None = None
    phrase: str | None = None
    reason: str | None = None
    line: int | None = None
    source_text: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Lineage:
    """The traced entry (a depth-0 :class:`Step`) and its ancestors and descendants."""

    node: Step
    ancestors: tuple[Step, ...]
    descendants: tuple[Step, ...]

    def to_dict(self) -> dict:
        return {
            "node": self.node.to_dict(),
            "ancestors": [s.to_dict() for s in self.ancestors],
            "descendants": [s.to_dict() for s in self.descendants],
        }


def _step(g: nx.DiGraph, node, depth: int, parent=None, edge: dict | None = None) -> Step:
    data = g.nodes[node] if node in g else {}
    edge = edge or {}
    return Step(
        iri=str(node),
        name=str(data.get("name", node)),
        title=str(data.get("label", data.get("name", node))),
        kind=str(data.get("kind", "")),
        year=data.get("year"),
        depth=depth,
        parent=None if parent is None else str(parent),
        relation=edge.get("relation"),
        strength=edge.get("strength"),
        evidence=edge.get("evidence"),
        phrase=edge.get("phrase"),
        reason=edge.get("reason"),
        line=edge.get("line"),
        source_text=edge.get("source_text"),
    )


def _walk(g: nx.DiGraph, start, depth: int | None, forward: bool) -> tuple[Step, ...]:
    seen = {start}
    queue = deque([(start, 0)])
    steps = []
    while queue:
        node, level = queue.popleft()
        if depth is not None and level >= depth:
            continue
        neighbours = g.successors(node) if forward else g.predecessors(node)
        for other in sorted(neighbours, key=str):
            if other in seen:
                continue
            seen.add(other)
            edge = g.edges[node, other] if forward else g.edges[other, node]
            steps.append(_step(g, other, level + 1, node, edge))
            queue.append((other, level + 1))
    return tuple(steps)


def trace(g: nx.DiGraph, node, *, depth: int | None = None) -> Lineage:
    """Ancestors and descendants of ``node``, breadth first, each at its shortest depth.

    Parameters
    ----------
    g : networkx.DiGraph
        The lineage view.
    node : str
        An entry IRI (one not in the view has no lineage: both lists are empty).
    depth : int, optional
        How many steps to follow (default: all).
    """
    if node not in g:
        return Lineage(_step(g, node, 0), (), ())
    return Lineage(_step(g, node, 0), _walk(g, node, depth, True), _walk(g, node, depth, False))


def chain(g: nx.DiGraph, a, b) -> list[Step]:
    """The shortest chain of claims between two entries, later entry first.

    Raises
    ------
    NoLineage
        When neither reaches the other.
    """
    import networkx as nx

    for start, end in ((a, b), (b, a)):
        if start in g and end in g:
            try:
                path = nx.shortest_path(g, start, end)
            except nx.NetworkXNoPath:
                continue
            steps = [_step(g, path[0], 0)]
            for i in range(1, len(path)):
                steps.append(_step(g, path[i], i, path[i - 1], g.edges[path[i - 1], path[i]]))
            return steps
    raise NoLineage(f"no lineage chain between {a} and {b}")


def chains(g: nx.DiGraph, *, limit: int = 10_000) -> list[list[Step]]:
    """Every maximal chain of claims: from an entry nothing builds on to one that builds on
    nothing, later entry first (as :func:`chain` gives them).

    On a cycle (two entries claimed to extend each other) a chain stops before it repeats
    an entry. Chains are sorted by their first, then second... entry name; at most
    ``limit`` are returned (a dense graph can have very many).

    Parameters
    ----------
    g : networkx.DiGraph
        The lineage view.
    limit : int
        The most chains to return.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.DiGraph([("c", "a"), ("b", "a"), ("d", "c")])
    >>> [[s.iri for s in c] for c in chains(g)]
    [['b', 'a'], ['d', 'c', 'a']]
    >>> [s.relation for s in chains(g)[1]]
    [None, None, None]
    """
    starts = [n for n in g if g.in_degree(n) == 0] or list(g)
    found: list[list] = []
    stack = [[n] for n in sorted(starts, key=str, reverse=True)]
    while stack and len(found) < limit:
        path = stack.pop()
        nexts = [m for m in g.successors(path[-1]) if m not in path]
        if not nexts:
            if len(path) > 1:
                found.append(path)
            continue
        for m in sorted(nexts, key=str, reverse=True):
            stack.append([*path, m])
    out = []
    for path in found:
        steps = [_step(g, path[0], 0)]
        for i in range(1, len(path)):
            steps.append(_step(g, path[i], i, path[i - 1], g.edges[path[i - 1], path[i]]))
        out.append(steps)
    out.sort(key=lambda steps: [(s.name, s.iri) for s in steps])
    return out
