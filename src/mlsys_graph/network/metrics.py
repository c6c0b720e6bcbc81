"""Centrality and communities on a view: degree, PageRank, betweenness, Louvain.

Determinism: views insert nodes and edges in sorted order and every randomised function
takes ``seed=`` (Louvain depends on insertion order even with a seed, so both matter).

Betweenness is exact up to :data:`BETWEENNESS_EXACT_LIMIT` nodes. Exact betweenness costs
O(n·m) (a 10k-node, 30k-edge graph takes minutes); above the limit it is estimated from
:data:`BETWEENNESS_SAMPLES` source nodes drawn with ``seed`` (networkx's ``k=``), which
keeps the top of a ranking while the cost grows only with m.

Weights: PageRank and Louvain read ``weight`` (collaboration strength: bigger is closer);
degree and betweenness ignore it (betweenness would read a weight as a distance).

>>> import networkx as nx
>>> g = nx.barbell_graph(4, 1)     # two 4-cliques joined through node 4
>>> [r.iri for r in rank(g, "betweenness", top=1)]
[4]
>>> clustering = communities(g, seed=1)
>>> [sorted(c.members) for c in clustering.communities]
[[0, 1, 2, 3, 4], [5, 6, 7, 8]]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

__all__ = [
    "BETWEENNESS_EXACT_LIMIT",
    "BETWEENNESS_SAMPLES",
    "MEASURES",
    "Clustering",
    "Community",
    "Ranked",
    "centrality",
    "communities",
    "rank",
    "topic_profile",
]

#: Betweenness is exact on views with at most this many nodes, sampled above.
BETWEENNESS_EXACT_LIMIT = 1000
#: Source nodes sampled (with ``seed``) for betweenness above the limit.
BETWEENNESS_SAMPLES = 100
#: The centrality measures :func:`centrality` knows.
MEASURES = ("degree", "pagerank", "betweenness")


def centrality(
    g: nx.Graph,
    by: str = "pagerank",
    *,
    seed: int = 0,
    samples: int | None = None,
    weight: str | None = "weight",
) -> dict:
    """One score per node.

    Parameters
    ----------
    g : networkx.Graph
        A view (see :mod:`.project`).
    by : {"degree", "pagerank", "betweenness"}
    seed : int
        Seed of the betweenness sample (used only above :data:`BETWEENNESS_EXACT_LIMIT`).
    samples : int, optional
        Source nodes of sampled betweenness (default :data:`BETWEENNESS_SAMPLES`).
    weight : str or None
        Edge attribute PageRank reads.

    Returns
    -------
    dict
        node → score.

    Examples
    --------
    >>> import networkx as nx
    >>> scores = centrality(nx.star_graph(3), "degree")
    >>> scores[0], scores[1]
    (1.0, 0.3333333333333333)
    """
    import networkx as nx

    if by not in MEASURES:
        raise ValueError(f"unknown measure {by!r} (known: {', '.join(MEASURES)})")
    if g.number_of_nodes() == 0:
        return {}
    if by == "degree":
        if g.number_of_nodes() == 1:
            return dict.fromkeys(g, 0.0)
        return nx.degree_centrality(g)
    if by == "pagerank":
        return nx.pagerank(g, weight=weight)
    k = None
    if g.number_of_nodes() > BETWEENNESS_EXACT_LIMIT:
        k = min(samples or BETWEENNESS_SAMPLES, g.number_of_nodes())
    return nx.betweenness_centrality(g, k=k, seed=seed, weight=None)


@dataclass(frozen=True)
class Ranked:
    """One row of a ranking."""

    rank: int
    iri: object
    kind: str
    name: str
    label: str
    score: float
    year: int | None = None


def rank(
    g: nx.Graph,
    by: str = "pagerank",
    *,
    kind: str | Sequence[str] | None = None,
    top: int | None = 10,
    seed: int = 0,
    samples: int | None = None,
) -> list[Ranked]:
    """The nodes with the highest scores, optionally of some kinds only.

    Scores are computed on the whole view and then filtered by kind, so a person's
    PageRank counts the papers, venues and topics around them. Ties break by name.

    Examples
    --------
    >>> from mlsys_graph.network.project import coauthor_graph
    >>> from mlsys_graph.network.testing import tiny_facts
    >>> [(r.rank, r.name) for r in rank(coauthor_graph(tiny_facts()), "degree")]
    [(1, 'Ann A'), (2, 'Bob B'), (3, 'Cat C')]
    """
    scores = centrality(g, by, seed=seed, samples=samples)
    kinds = {kind} if isinstance(kind, str) else set(kind or ())
    rows = []
    for node, score in scores.items():
        data = g.nodes[node]
        if kinds and data.get("kind") not in kinds:
            continue
        rows.append((-score, str(data.get("name", node)), str(node), node, data))
    rows.sort(key=lambda r: r[:3])
    out = []
    for position, (neg, name, _, node, data) in enumerate(rows[:top] if top else rows, 1):
        out.append(
            Ranked(
                position,
                node,
                data.get("kind", ""),
                name,
                str(data.get("label", name)),
                -neg + 0.0,
                data.get("year"),
            )
        )
    return out


@dataclass(frozen=True)
class Community:
    """One community: its members (most central first), label and dominant topic."""

    index: int
    members: tuple
    central: object
    label: str
    topic: str | None
    topic_share: float

    @property
    def size(self) -> int:
        return len(self.members)


@dataclass(frozen=True)
class Clustering:
    """The communities of a view (largest first), their modularity and the seed used."""

    communities: tuple[Community, ...]
    modularity: float
    seed: int


def communities(
    g: nx.Graph,
    *,
    seed: int = 0,
    resolution: float = 1.0,
    topics: Mapping | Callable | None = None,
    weight: str | None = "weight",
) -> Clustering:
    """Louvain communities with their modularity, each labelled.

    Parameters
    ----------
    g : networkx.Graph
        A view with sorted insertion (every view of :mod:`.project` is).
    seed : int
        Louvain's seed: same view, same seed, same communities.
    resolution : float
        Above 1, smaller communities; below 1, larger ones.
    topics : mapping or callable, optional
        node → topic names of that node (:func:`topic_profile`); the most frequent over a
        community's members is its ``topic``.

    Returns
    -------
    Clustering
        Communities sorted by size (then by their label); each ``label`` is the name of
        its most central member by weighted PageRank.

    Examples
    --------
    >>> from mlsys_graph.network.project import coauthor_graph
    >>> from mlsys_graph.network.testing import tiny_facts
    >>> clustering = communities(coauthor_graph(tiny_facts()), seed=0)
    >>> [(c.label, c.size) for c in clustering.communities]
    [('Ann A', 3)]
    >>> clustering.modularity
    0.0
    """
    import networkx as nx

    if g.number_of_nodes() == 0:
        return Clustering((), 0.0, seed)
    parts = nx.community.louvain_communities(g, weight=weight, resolution=resolution, seed=seed)
    score = nx.community.modularity(g, parts, weight=weight, resolution=resolution)
    pagerank = nx.pagerank(g, weight=weight)
    lookup = topics.get if isinstance(topics, Mapping) else topics

    def name(node) -> str:
        return str(g.nodes[node].get("name", node))

    found = []
    for part in parts:
        members = tuple(sorted(part, key=lambda n: (-pagerank[n], name(n), str(n))))
        counts: Counter[str] = Counter()
        if lookup is not None:
            for member in members:
                counts.update(set(lookup(member) or ()))
        topic, share = None, 0.0
        if counts:
            topic, hits = min(counts.items(), key=lambda item: (-item[1], item[0]))
            share = round(hits / len(members), 4)
        found.append((members, topic, share))
    found.sort(key=lambda f: (-len(f[0]), name(f[0][0]), str(f[0][0])))
    return Clustering(
        tuple(
            Community(i, members, members[0], name(members[0]), topic, share)
            for i, (members, topic, share) in enumerate(found, 1)
        ),
        round(score, 6) + 0.0,
        seed,
    )


def topic_profile(entities: nx.Graph) -> dict:
    """node → the topic names that describe it, read from the entities view.

    A topic stands for its broader topics (itself when it has none); an entry for the
    topics it is listed under; anything else (a person, venue, repository, system) for
    the topics of its neighbours.

    Examples
    --------
    >>> from mlsys_graph.network.project import entities_graph
    >>> from mlsys_graph.network.testing import tiny_facts
    >>> topic_profile(entities_graph(tiny_facts()))["id/a-person"]
    ('X', 'Y')
    """
    kind = dict(entities.nodes(data="kind"))

    def label(node) -> str:
        return str(entities.nodes[node].get("name", node))

    direct: dict = {}
    for node in entities:
        found = set()
        for other, data in entities[node].items():
            relation = str(data.get("relation", "")).split("+")
            if kind[node] == "topic":
                if "broader" in relation and data.get("subject") == node:
                    found.add(label(other))
            elif kind[other] == "topic":
                found.add(label(other))
        if kind[node] == "topic" and not found:
            found.add(label(node))
        direct[node] = found
    profile = {}
    for node in entities:
        found = direct[node]
        if not found and kind[node] != "topic":
            found = {t for other in entities[node] if kind[other] != "topic" for t in direct[other]}
        profile[node] = tuple(sorted(found))
    return profile
