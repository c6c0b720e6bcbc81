"""Part of a view: around a node, of some kinds, under some topics, since a year.

One rule decides what a topic or a year means for every kind of node, so that the
command line (``viz --topic --since``) and the interactive page's filters agree:

* an **entry** is under its topics (``about-topic``) and their broader topics, and dated by
  its own year;
* a **topic** is under itself and its broader topics, and dated by the entries under it;
* anything else (a person, venue, repository or system) is under the topics of the entries
  it is linked to (authored, published at, code of, described by) and dated by their years.

A node's dates are a span (earliest, latest); a node with no dated entry has none.

>>> from mlsys_graph.network.project import coauthor_graph
>>> from mlsys_graph.network.testing import tiny_facts
>>> facts = tiny_facts()
>>> m = memberships(facts)
>>> m.years["id/c-person"], sorted(m.topics["id/c-person"])
((2018, 2019), ['id/topic-y'])
>>> sorted(select(coauthor_graph(facts), facts, since=2019))
['id/c-person']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .facts import ENTRY_KINDS, Facts, Outline

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

__all__ = [
    "Memberships",
    "induced",
    "keep_nodes",
    "memberships",
    "numbered_memberships",
    "select",
    "sorted_unique",
]

#: Relations that tie a non-entry node to an entry: (relation, whether the entry is the
#: subject). ``implements`` ties a system to the entries whose repository implements it.
_TIES = (
    ("authored", False),
    ("published-at", True),
    ("has-code", True),
    ("describes", True),
)


@dataclass(frozen=True)
class Memberships:
    """Per node: the topic IRIs it is under and the span of years it covers (or none)."""

    topics: dict[str, frozenset[str]]
    years: dict[str, tuple[int, int] | None]


def _broader(facts: Facts | Outline) -> dict[str, set[str]]:
    """topic → itself and every broader topic (transitively)."""
    up: dict[str, set[str]] = defaultdict(set)
    for narrow, broad in facts.edges.get("broader", []):
        up[narrow].add(broad)
    closed: dict[str, set[str]] = {}

    def close(topic: str, seen: frozenset[str] = frozenset()) -> set[str]:
        if topic in closed:
            return closed[topic]
        found = {topic}
        for broad in up.get(topic, ()):
            if broad not in seen:
                found |= close(broad, seen | {topic})
        closed[topic] = found
        return found

    for topic in facts.of_kind("topic"):
        close(topic)
    return closed


def memberships(facts: Facts | Outline, nodes: Iterable[str] | None = None) -> Memberships:
    """Topics and years of every node of ``facts`` (the rule of this module), or of
    ``nodes`` only (the same values; the work then grows with their ties only).

    >>> from mlsys_graph.network.testing import tiny_facts
    >>> m = memberships(tiny_facts(), ["id/c-person"])
    >>> m.years, {k: sorted(v) for k, v in m.topics.items()}
    ({'id/c-person': (2018, 2019)}, {'id/c-person': ['id/topic-y']})
    """
    outline = facts.outline() if isinstance(facts, Facts) else facts
    kinds = outline.kinds
    wanted = set(kinds) if nodes is None else {n for n in nodes if n in kinds}

    entries = {i for i, k in kinds.items() if k in ENTRY_KINDS}

    about = outline.edges.get("about-topic", [])
    linked: dict[str, set[str]] = defaultdict(set)  # wanted non-entry → entries
    for relation, entry_first in _TIES:
        pairs = outline.edges.get(relation, [])
        found = (  # (other, entry), the wanted end first
            [(o, s) for s, o in pairs if o in wanted]
            if entry_first
            else [(s, o) for s, o in pairs if s in wanted]
        )
        for other, entry in found:
            if entry in entries and other not in entries:
                linked[other].add(entry)
    implemented = {s for _, s in outline.edges.get("implements", []) if s in wanted}
    if implemented:
        code_of: dict[str, set[str]] = defaultdict(set)  # repository → entries
        for entry, repo in outline.edges.get("has-code", []):
            if entry in entries:
                code_of[repo].add(entry)
        for repo, system in outline.edges.get("implements", []):
            if system in implemented:
                linked[system] |= code_of.get(repo, set())
    for entry, topic in about:
        if topic in wanted:
            linked[topic].add(entry)
    # The topics of the nodes wanted and of the entries linked to them (not of topics):
    # the topics each is filed under, closed over broader topics once per distinct set.
    needed = set(wanted)
    for other, found in linked.items():
        if kinds[other] != "topic":
            needed |= found
    listed: dict[str, list[str]] = defaultdict(list)
    for entry, topic in about:
        if entry in needed:
            listed[entry].append(topic)
    same: dict[frozenset[str], frozenset[str]] = {}  # one object per distinct set of topics
    filed = {e: same.setdefault(f, f) for e, f in ((e, frozenset(t)) for e, t in listed.items())}
    broader = _broader(outline)
    closed: dict[frozenset[str], frozenset[str]] = {}

    def close(direct: frozenset[str]) -> frozenset[str]:
        if direct not in closed:
            closed[direct] = frozenset().union(*(broader.get(t, {t}) for t in direct))
        return closed[direct]

    year_of = outline.years
    topics: dict[str, frozenset[str]] = {}
    years: dict[str, tuple[int, int] | None] = {}
    for iri in sorted(wanted):
        kind = kinds[iri]
        direct = set(filed.get(iri, ()))
        dates = [year_of[iri]] if iri in entries and iri in year_of else []
        some = linked.get(iri, ())
        if kind != "topic":  # the topics of the entries linked (each distinct set once)
            direct.update(*{filed[e] for e in some if e in filed})
        dates += [year_of[e] for e in some if e in year_of and e in entries]  # only entries date
        found = close(frozenset(direct))
        if kind == "topic":
            found = found | broader.get(iri, {iri})
        topics[iri] = frozenset(found)
        years[iri] = (min(dates), max(dates)) if dates else None
    return Memberships(topics, years)


def sorted_unique(values):
    """The distinct values of an integer array, sorted: ``np.unique`` by one sort (numpy
    2's ``unique`` hashes, several times slower on 1.5 M values).

    >>> sorted_unique(__import__("numpy").array([3, 1, 3, 2])).tolist()
    [1, 2, 3]
    """
    import numpy as np

    values = np.sort(values)
    if len(values) == 0:
        return values
    return values[np.concatenate(([True], values[1:] != values[:-1]))]


def _expand(keys, values, wanted):
    """For each ``wanted[i]``, every ``values[j]`` with ``keys[j] == wanted[i]``: the
    pairs (i, values[j]) as two arrays (a join of ``wanted`` with (keys, values))."""
    import numpy as np

    order = np.argsort(keys, kind="stable")
    keys, values = keys[order], values[order]
    start = np.searchsorted(keys, wanted, side="left")
    count = np.searchsorted(keys, wanted, side="right") - start
    total = int(count.sum())
    at = np.repeat(np.arange(len(wanted)), count)
    ends = np.cumsum(count)
    offset = np.arange(total) - np.repeat(ends - count, count)
    return at, values[np.repeat(start, count) + offset]


def numbered_memberships(numbered, nodes) -> Memberships:
    """:func:`memberships` of some nodes of a :class:`~.facts.Numbered` outline (a boolean
    array over its node numbers), counted with numpy over the whole graph: the same
    values as ``memberships(numbered.outline(), those nodes)``.

    >>> import numpy as np
    >>> from mlsys_graph.network.facts import read_numbered
    >>> numbered = read_numbered()            # the bundled graph
    >>> some = np.zeros(len(numbered.iris), dtype=bool); some[::7] = True
    >>> chosen = [numbered.iris[i] for i in some.nonzero()[0]]
    >>> numbered_memberships(numbered, some) == memberships(numbered.outline(), chosen)
    True
    """
    import numpy as np

    from .facts import KINDS

    iris, year, edges = numbered.iris, numbered.year, numbered.edges
    n = len(iris)
    entry_codes = [KINDS.index(k) for k in ENTRY_KINDS]
    is_entry = np.isin(numbered.kind, entry_codes)
    is_topic = numbered.kind == KINDS.index("topic")
    empty = np.zeros(0, dtype=np.int64)

    def pairs(relation):
        return edges.get(relation, (empty, empty))

    others, linked = [], []  # (wanted node, an entry linked to it)
    for relation, entry_first in _TIES:
        s, o = pairs(relation)
        entry, other = (s, o) if entry_first else (o, s)
        keep = nodes[other] & is_entry[entry] & ~is_entry[other]
        others.append(other[keep])
        linked.append(entry[keep])
    repo, system = pairs("implements")
    keep = nodes[system]
    if keep.any():
        code_entry, code_repo = pairs("has-code")
        with_code = is_entry[code_entry]
        at, entry = _expand(code_repo[with_code], code_entry[with_code], repo[keep])
        others.append(system[keep][at])
        linked.append(entry)
    about_entry, about_topic = pairs("about-topic")
    keep = nodes[about_topic]
    others.append(about_topic[keep])
    linked.append(about_entry[keep])
    other, entry = np.concatenate(others), np.concatenate(linked)
    # Years: a wanted entry's own, and those of the entries linked (only entries date).
    low = np.full(n, np.iinfo(np.int32).max, dtype=np.int64)
    high = np.full(n, -1, dtype=np.int64)
    own = nodes & is_entry & (year >= 0)
    low[own] = high[own] = year[own]
    dated = is_entry[entry] & (year[entry] >= 0)
    np.minimum.at(low, other[dated], year[entry[dated]])
    np.maximum.at(high, other[dated], year[entry[dated]])
    # Topics: a node's own (about-topic), and for a non-topic those of its entries.
    own = nodes[about_entry]
    via = ~is_topic[other]
    at, topic = _expand(about_entry, about_topic, entry[via])
    holder = np.concatenate((about_entry[own], other[via][at]))
    topic = np.concatenate((about_topic[own], topic))
    codes = sorted_unique(holder * n + topic)
    direct: dict[int, list[str]] = defaultdict(list)
    for h, t in zip((codes // n).tolist(), (codes % n).tolist(), strict=True):
        direct[h].append(iris[t])
    topic_kind = {iris[i] for i in is_topic.nonzero()[0].tolist()}
    broader_pairs = [
        (iris[a], iris[b]) for a, b in zip(*(x.tolist() for x in pairs("broader")), strict=True)
    ]
    broader = _broader(
        Outline(dict.fromkeys(topic_kind, "topic"), {}, {"broader": broader_pairs}, [])
    )
    closed: dict[frozenset[str], frozenset[str]] = {}

    def close(found: frozenset[str]) -> frozenset[str]:
        if found not in closed:
            closed[found] = frozenset().union(*(broader.get(t, {t}) for t in found))
        return closed[found]

    topics: dict[str, frozenset[str]] = {}
    years: dict[str, tuple[int, int] | None] = {}
    for i in sorted(nodes.nonzero()[0].tolist(), key=iris.__getitem__):
        iri = iris[i]
        found = close(frozenset(direct.get(i, ())))
        if is_topic[i]:
            found = found | broader.get(iri, {iri})
        topics[iri] = frozenset(found)
        years[iri] = (int(low[i]), int(high[i])) if high[i] >= 0 else None
    return Memberships(topics, years)


def select(
    g: nx.Graph,
    facts: Facts,
    *,
    focus=None,
    depth: int = 1,
    kinds: Iterable[str] | None = None,
    topics: Iterable[str] | None = None,
    since: int | None = None,
    until: int | None = None,
    member: Memberships | None = None,
) -> nx.Graph:
    """The part of view ``g`` that the options keep, as a new graph of the same type.

    Parameters
    ----------
    g : networkx.Graph
        A view of ``facts`` (:mod:`.project`).
    facts : Facts
        The facts the view was built from.
    focus : node, optional
        Keep only nodes at most ``depth`` steps from it (edges read both ways); the focus
        itself always stays.
    kinds : iterable of str, optional
        Keep only nodes of these kinds.
    topics : iterable of str, optional
        Topic IRIs: keep only nodes under one of them (or a narrower topic).
    since, until : int, optional
        Keep only nodes whose span of years reaches into ``[since, until]``; a node with no
        year is dropped when either is given.
    member : Memberships, optional
        Precomputed :func:`memberships` of ``facts``.

    Returns
    -------
    networkx.Graph
        Nodes and edges keep the view's order and attributes.

    Examples
    --------
    >>> from mlsys_graph.network.project import entities_graph
    >>> from mlsys_graph.network.testing import tiny_facts
    >>> facts = tiny_facts()
    >>> g = entities_graph(facts)
    >>> sorted(select(g, facts, focus="id/paper-a", depth=1))
    ['id/a-person', 'id/b-person', 'id/paper-a', 'id/paper-b', 'id/topic-x']
    >>> sorted(select(g, facts, topics=["id/topic-x"], kinds=["person", "paper"]))
    ['id/a-person', 'id/b-person', 'id/paper-a']
    """
    if focus is not None and focus not in g:
        raise KeyError(focus)
    undirected = g.to_undirected(as_view=True) if g.is_directed() else g
    keep = keep_nodes(
        g,
        facts,
        neighbours=undirected.adj,
        kind_of=lambda n: g.nodes[n].get("kind"),
        focus=focus,
        depth=depth,
        kinds=kinds,
        topics=topics,
        since=since,
        until=until,
        member=member,
    )
    return induced(g, keep)


def keep_nodes(
    nodes: Iterable,
    facts: Facts | Outline,
    *,
    neighbours: Mapping,
    kind_of: Callable,
    focus=None,
    depth: int = 1,
    kinds: Iterable[str] | None = None,
    topics: Iterable[str] | None = None,
    since: int | None = None,
    until: int | None = None,
    member: Memberships | None = None,
) -> set:
    """The nodes :func:`select` keeps, from the nodes of a view, their ``neighbours``
    (node → its neighbours, both ways) and ``kind_of`` (node → kind), without a graph.

    >>> from mlsys_graph.network.project import entity_ties
    >>> from mlsys_graph.network.testing import tiny_facts
    >>> facts = tiny_facts()
    >>> near = {n: set() for n in facts.nodes}
    >>> for u, v in entity_ties(facts):
    ...     near[u].add(v); near[v].add(u)
    >>> sorted(keep_nodes(facts.nodes, facts, neighbours=near, kind_of=lambda n: facts.nodes[n].kind,
    ...                   focus="id/paper-a", kinds=["person"]))
    ['id/a-person', 'id/b-person', 'id/paper-a']
    """
    keep = set(nodes)
    if focus is not None:
        keep = {focus}
        frontier = [focus]
        for _ in range(depth):
            step = []
            for node in frontier:
                for other in neighbours[node]:
                    if other not in keep:
                        keep.add(other)
                        step.append(other)
            frontier = step
    if kinds is not None:
        wanted = set(kinds)
        keep = {n for n in keep if kind_of(n) in wanted}
    if topics is not None or since is not None or until is not None:
        member = member or memberships(facts)
        if topics is not None:
            chosen = set(topics)
            keep = {n for n in keep if member.topics.get(n, frozenset()) & chosen}
        if since is not None or until is not None:
            low = since if since is not None else -(10**9)
            high = until if until is not None else 10**9

            def dated(n) -> bool:
                span = member.years.get(n)
                return span is not None and span[1] >= low and span[0] <= high

            keep = {n for n in keep if dated(n)}
    if focus is not None:
        keep.add(focus)
    return keep


def induced(g: nx.Graph, keep) -> nx.Graph:
    """The subgraph of ``g`` on the nodes in ``keep``, nodes and edges in ``g``'s order.

    (networkx's ``subgraph`` iterates its node set, whose order changes with the string
    hash seed; layouts, ids and Louvain would change from run to run.)

    >>> import networkx as nx
    >>> list(induced(nx.path_graph(["c", "b", "a"]), {"a", "c", "b"}))
    ['c', 'b', 'a']
    """
    out = g.__class__()
    out.graph.update(g.graph)
    out.add_nodes_from((n, g.nodes[n]) for n in g if n in keep)
    out.add_edges_from((u, v, d) for u, v, d in g.edges(data=True) if u in keep and v in keep)
    return out
