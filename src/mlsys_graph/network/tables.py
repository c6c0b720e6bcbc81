"""Results as pandas DataFrames, for notebooks (pandas is the optional ``analysis`` extra).

>>> from mlsys_graph.network.project import coauthor_graph
>>> from mlsys_graph.network.metrics import rank
>>> from mlsys_graph.network.testing import tiny_facts
>>> frame = to_frame(rank(coauthor_graph(tiny_facts()), "degree"))
>>> list(frame.columns)[:4], len(frame)
(['rank', 'iri', 'kind', 'name'], 3)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, is_dataclass

__all__ = ["centrality_table", "community_table", "edge_table", "rank_disagreement", "to_frame"]


def _pandas():
    try:
        import pandas
    except ModuleNotFoundError:
        raise ModuleNotFoundError(
            "pandas is needed for DataFrames; install it with "
            "pip install 'mlsys-graph[analysis]' (or use the plain lists and dicts)"
        ) from None
    return pandas


def _years(frame):
    """``year`` as a nullable integer column (not floats with NaN for unknown years)."""
    if "year" in frame.columns:
        frame["year"] = frame["year"].astype("Int64")
    return frame


def _row(item) -> dict:
    if is_dataclass(item) and not isinstance(item, type):
        return asdict(item)
    if isinstance(item, dict):
        return dict(item)
    raise TypeError(f"cannot make a table row of {type(item).__name__}")


def to_frame(rows) -> object:
    """A DataFrame of rankings, communities, lineage steps or any dataclasses or dicts.

    A :class:`~.metrics.Clustering` gives one row per member (``community``, ``label``,
    ``topic``, ``member``); a :class:`~.lineage.Lineage` one row per step with a
    ``direction`` column (``ancestor`` / ``descendant``); a list of chains
    (:func:`~.lineage.chains`) one row per step with a ``chain`` column (1, 2, ...).

    >>> from mlsys_graph.network.lineage import chains
    >>> from mlsys_graph.network.project import lineage_graph
    >>> from mlsys_graph.network.testing import tiny_facts
    >>> to_frame(chains(lineage_graph(tiny_facts())))[["chain", "name", "relation"]]
       chain name relation
    0      1    C      NaN
    1      1    B  extends
    2      1    A  extends
    """
    from .lineage import Lineage
    from .metrics import Clustering

    pandas = _pandas()
    if isinstance(rows, Clustering):
        records = [
            {"community": c.index, "label": c.label, "topic": c.topic, "member": m}
            for c in rows.communities
            for m in c.members
        ]
        return pandas.DataFrame.from_records(
            records, columns=["community", "label", "topic", "member"]
        )
    if isinstance(rows, Lineage):
        records = [
            {"direction": direction, **step.to_dict()}
            for direction, steps in (("ancestor", rows.ancestors), ("descendant", rows.descendants))
            for step in steps
        ]
        return _years(pandas.DataFrame.from_records(records))
    if isinstance(rows, list | tuple) and rows and all(isinstance(r, list) for r in rows):
        records = [{"chain": i, **_row(step)} for i, steps in enumerate(rows, 1) for step in steps]
        return _years(pandas.DataFrame.from_records(records))
    if isinstance(rows, dict):
        return pandas.DataFrame({"score": pandas.Series(rows)}).sort_index()
    if not isinstance(rows, Iterable):
        raise TypeError(f"cannot make a table of {type(rows).__name__}")
    return pandas.DataFrame.from_records([_row(r) for r in rows])


def centrality_table(
    g, measures=None, *, kind=None, top: int | None = None, seed: int = 0
) -> object:
    """Each node's score and rank by several centralities, side by side.

    Scores are computed on the whole view (as :func:`~.metrics.rank` does), then the rows
    are kept to ``kind``. Ranks are competition ranks among the kept rows: 1 is the
    highest score and equal scores share a rank (1, 2, 2, 4), so a tie is never ordered
    by name.

    Parameters
    ----------
    g : networkx.Graph
        A view.
    measures : sequence of str, optional
        Default: every measure of :data:`~.metrics.MEASURES`.
    kind : str or sequence of str, optional
        Keep only nodes of these kinds.
    top : int, optional
        Keep only nodes ranked ``top`` or better by at least one measure (default: all).
    seed : int
        Seed of sampled betweenness (large views only).

    Returns
    -------
    pandas.DataFrame
        Index ``iri``; columns ``name``, ``kind``, then ``MEASURE`` and ``MEASURE_rank``
        for each measure; sorted by the first measure's rank, then by name.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.path_graph(4)
    >>> table = centrality_table(g, ["degree", "betweenness"])
    >>> table[["degree_rank", "betweenness_rank"]]  # doctest: +NORMALIZE_WHITESPACE
         degree_rank  betweenness_rank
    iri
    1              1                 1
    2              1                 1
    0              3                 3
    3              3                 3
    """
    from .metrics import MEASURES, centrality

    pandas = _pandas()
    measures = list(measures or MEASURES)
    kinds = {kind} if isinstance(kind, str) else set(kind or ())
    nodes = [n for n in g if not kinds or g.nodes[n].get("kind") in kinds]
    frame = pandas.DataFrame(
        {
            "name": [str(g.nodes[n].get("name", n)) for n in nodes],
            "kind": [g.nodes[n].get("kind", "") for n in nodes],
        },
        index=pandas.Index(nodes, name="iri"),
    )
    for measure in measures:
        scores = centrality(g, measure, seed=seed)
        frame[measure] = [float(scores.get(n, 0.0)) for n in nodes]
        frame[f"{measure}_rank"] = frame[measure].rank(method="min", ascending=False).astype(int)
    if top is not None:
        frame = frame[(frame[[f"{m}_rank" for m in measures]] <= top).any(axis=1)]
    first = f"{measures[0]}_rank"
    order = sorted(range(len(frame)), key=lambda i: (frame[first].iat[i], frame["name"].iat[i]))
    return frame.iloc[order]


def community_table(clustering, source=None, *, g=None, min_size: int = 1) -> object:
    """One row per community: its members (most central first) and their entries.

    A person's entries are those they authored; a topic's those filed under it.

    Parameters
    ----------
    clustering : Clustering
        Communities of a view (:func:`~.metrics.communities`), e.g. co-authors or topics.
    source : graph source or Facts
        The graph the view was made from (for authorship, topics and names).
    g : networkx.Graph, optional
        The clustered view (for the members' names; default: the names in ``source``).
    min_size : int
        Leave out smaller communities.

    Returns
    -------
    pandas.DataFrame
        Index ``community``; columns ``size``, ``label``, ``topic``, ``topic_share``,
        ``members`` (names joined by "; "), ``entries`` (how many entries the members
        have) and ``titles`` (their short names, sorted, joined by "; ").

    Examples
    --------
    >>> from mlsys_graph.network.metrics import communities
    >>> from mlsys_graph.network.project import coauthor_graph, topics_graph
    >>> from mlsys_graph.network.testing import tiny_facts
    >>> facts = tiny_facts()
    >>> table = community_table(communities(coauthor_graph(facts)), facts)
    >>> row = table.loc[1]
    >>> int(row["size"]), row["members"], int(row["entries"]), row["titles"]
    (3, 'Ann A; Bob B; Cat C', 3, 'A; B; C')
    >>> community_table(communities(topics_graph(facts)), facts).loc[1, "titles"]
    'A; B; C'
    """
    from .facts import read_facts

    pandas = _pandas()
    facts = read_facts(source)
    works: dict = {}
    for person, entry in facts.edges.get("authored", []):
        works.setdefault(person, set()).add(entry)
    for entry, topic in facts.edges.get("about-topic", []):
        works.setdefault(topic, set()).add(entry)

    def name(node) -> str:
        if g is not None and node in g:
            return str(g.nodes[node].get("name", node))
        info = facts.nodes.get(node)
        return info.name if info else str(node)

    rows = []
    for c in clustering.communities:
        if c.size < min_size:
            continue
        entries = set().union(*(works.get(m, set()) for m in c.members))
        titles = sorted(name(e) for e in entries)
        rows.append(
            (c.index, c.size, c.label, c.topic, c.topic_share,
             "; ".join(name(m) for m in c.members), len(entries), "; ".join(titles))
        )  # fmt: skip
    columns = ["community", "size", "label", "topic", "topic_share", "members", "entries", "titles"]
    return pandas.DataFrame.from_records(rows, columns=columns).set_index("community")


def rank_disagreement(table, top: int = 10) -> object:
    """Where centralities disagree: the nodes in the first ``top`` of some measure but not
    of every one, with the measures that rank them there and those that do not.

    A score of 0 is never at the top, whatever its rank (on a small graph most people
    have no betweenness at all, and they all share one rank).

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`centrality_table`.
    top : int
        How far down a ranking counts as "at the top".

    Returns
    -------
    pandas.DataFrame
        The table's rows (name and ranks) with ``top_by`` and ``not_top_by`` (measure
        names joined by ", "), best rank first.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.lollipop_graph(4, 2)     # a 4-clique (0-3) and a tail 3-4-5
    >>> table = centrality_table(g, ["degree", "betweenness"])
    >>> columns = ["degree_rank", "betweenness_rank", "top_by", "not_top_by"]
    >>> rank_disagreement(table, top=2)[columns]  # doctest: +NORMALIZE_WHITESPACE
         degree_rank  betweenness_rank       top_by   not_top_by
    iri
    0              2                 3       degree  betweenness
    1              2                 3       degree  betweenness
    2              2                 3       degree  betweenness
    4              5                 2  betweenness       degree
    """
    measures = [c[: -len("_rank")] for c in table.columns if c.endswith("_rank")]
    ranks = table[[f"{m}_rank" for m in measures]]
    scores = table[measures].gt(0)
    scores.columns = ranks.columns
    top_by = ranks.le(top) & scores
    keep = top_by.any(axis=1) & ~top_by.all(axis=1)
    out = table[keep][["name", *ranks.columns]].copy()
    out["top_by"] = [
        ", ".join(m for m in measures if row[f"{m}_rank"]) for _, row in top_by[keep].iterrows()
    ]
    out["not_top_by"] = [
        ", ".join(m for m in measures if not row[f"{m}_rank"]) for _, row in top_by[keep].iterrows()
    ]
    best = ranks[keep].min(axis=1)
    order = sorted(range(len(out)), key=lambda i: (best.iat[i], out["name"].iat[i]))
    return out.iloc[order]


def edge_table(g, *, by: str = "weight", top: int | None = None) -> object:
    """The edges of a view with their attributes, heaviest first.

    Parameters
    ----------
    g : networkx.Graph
        A view (its nodes' ``name`` attributes name the ends).
    by : str
        The edge attribute to sort by (descending; missing counts as 0), then by names.
    top : int, optional
        Keep only the first ``top`` edges.

    Returns
    -------
    pandas.DataFrame
        Columns ``source`` and ``target`` (names; for an undirected view the smaller name
        first), then the edge attributes.

    Examples
    --------
    >>> from mlsys_graph.network.project import topics_graph
    >>> from mlsys_graph.network.testing import tiny_facts
    >>> edge_table(topics_graph(tiny_facts()))[["source", "target", "weight", "people"]]
      source target  weight  people
    0      X      Y       2       2
    """
    pandas = _pandas()

    def name(node) -> str:
        return str(g.nodes[node].get("name", node))

    rows = []
    for u, v, data in g.edges(data=True):
        a, b = name(u), name(v)
        if not g.is_directed() and b < a:
            a, b = b, a
        rows.append({"source": a, "target": b, **data})
    rows.sort(key=lambda r: (-(r.get(by) or 0), r["source"], r["target"]))
    return pandas.DataFrame.from_records(rows[:top] if top else rows)
