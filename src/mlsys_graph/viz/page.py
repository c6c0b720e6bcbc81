"""What the page draws: a projection, chosen, scored and laid out in Python, as plain data.

:func:`draw` reads a graph once, builds the view (:mod:`mlsys_graph.network.project`),
keeps the part asked for (:func:`mlsys_graph.network.select.select`), scores it with a
centrality of :mod:`mlsys_graph.network.metrics` (computed on the whole view, like
``rank``), caps it at ``max_nodes`` (the highest scores stay), lays it out
(:mod:`.layout`) and collects what the page shows about each node
(:func:`mlsys_graph.network.details.read_details`). The result is a :class:`Drawing`
whose ``data`` is what goes into the page as JSON: the page computes nothing.

The entities view (the page ``build`` writes) is chosen before it is built: from an
outline of the graph (:func:`mlsys_graph.network.facts.read_outline`: no names) its
degrees are counted from its ties and only the nodes drawn are named and become a
graph; same nodes, scores and page as building the whole view first. For the whole graph
(what ``build`` draws) that graph is a :class:`~.drawn.DrawnGraph`, so networkx is not
imported until ``Drawing.graph`` is asked for.

>>> drawing = draw(view="lineage", iterations=20)        # the bundled graph
>>> drawing.graph.number_of_nodes() == len(drawing.data["nodes"])
True
>>> sorted(drawing.data["nodes"][0])
['group', 'id', 'label', 'size', 'x', 'y']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .style import KIND_COLORS, OTHER_COLOR, edge_style, is_lineage, node_size

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

    from .drawn import DrawnGraph

__all__ = ["DEFAULT_MAX_NODES", "VIEWS", "Drawing", "draw", "is_web_url", "page_data"]

#: Views the page can draw (``mlsys_graph.network.project.VIEWS``).
VIEWS = ("entities", "coauthor", "lineage", "topics", "authorship")
#: Above this many nodes only the highest-scoring ones are drawn (a browser pans and
#: zooms 5,000 nodes smoothly; 20,000 take about a second per redraw).
DEFAULT_MAX_NODES = 5000
#: Longest label drawn on the canvas (the full title is in the tooltip and the panel).
MAX_LABEL = 40
#: What the arrows of lineage edges mean (shown in the legend, documented in docs/viz.md).
LINEAGE_NOTE = "lineage: arrow from the later (or using) entry to the earlier (or used) one"


@dataclass(frozen=True)
class Drawing:
    """A view ready to draw: the drawn graph, the page's data, and what was left out.

    ``drawn`` is the graph as :func:`draw` made it (a networkx graph, or for the whole
    entities view a :class:`~.drawn.DrawnGraph`); :attr:`graph` is it as networkx.
    """

    drawn: nx.Graph | DrawnGraph
    data: dict
    view: str
    total: int = 0
    dropped: int = 0
    notes: tuple[str, ...] = field(default=())

    @cached_property
    def graph(self) -> nx.Graph:
        """The drawn graph as a networkx graph (made on first use from a ``DrawnGraph``)."""
        to_networkx = getattr(self.drawn, "to_networkx", None)
        return to_networkx() if to_networkx is not None else self.drawn


#: An http(s) URL with a plain host name and nothing odd: :func:`is_web_url` without
#: ``urlsplit`` (the page checks every link of every node drawn).
_PLAIN_WEB_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]*)?(?:[/?#][^\x00-\x20\\<>\"'`]*)?\Z")


def is_web_url(url: str) -> bool:
    """Whether a URL may become a link on the page: http(s) with a host, nothing odd.

    >>> is_web_url("https://arxiv.org/abs/1812.01776"), is_web_url("http://x.org")
    (True, True)
    >>> is_web_url("javascript:alert(1)"), is_web_url("JaVaScRiPt:x"), is_web_url("data:text/html,x")
    (False, False, False)
    >>> is_web_url("https:///nohost"), is_web_url("https://a.org/\\nx"), is_web_url("//a.org")
    (False, False, False)
    """
    if not isinstance(url, str):
        return False
    if _PLAIN_WEB_URL.match(url):  # what urlsplit accepts, without splitting
        return True
    if any(ord(c) < 0x21 or c in "\\<>\"'`" for c in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _label(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1].rstrip() + "…"


def _node_meta(iri, attrs, details, member, topic_index, score) -> dict:
    meta: dict = {"iri": str(iri), "kind": attrs.get("kind", ""), "label": attrs.get("label", "")}
    if attrs.get("name") and attrs.get("name") != meta["label"]:
        meta["name"] = attrs["name"]
    if attrs.get("year") is not None:
        meta["year"] = attrs["year"]
    if score is not None:
        meta["score"] = round(float(score), 6)
    topics = sorted(topic_index[t] for t in member.topics.get(iri, ()) if t in topic_index)
    if topics:
        meta["topics"] = topics
    span = member.years.get(iri)
    if span is not None:
        meta["span"] = list(span)
    d = details.get(iri)
    if d is not None:
        if d.authors:
            meta["authors"] = list(d.authors)
        if d.authors_truncated:
            meta["etAl"] = True
        if d.venue:
            meta["venue"] = d.venue
        if d.venue_name:
            meta["venueName"] = d.venue_name
        links = [[link.label, link.url] for link in d.links if is_web_url(link.url)]
        if links:
            meta["links"] = links
        listed = []
        for s in d.listed:
            line = s.text()
            if s.document and s.document != s.file:
                line += f" in {s.document}"
            if s.version:
                line += f" @ {s.version}"
            listed.append(line)
        if listed:
            meta["listed"] = listed
        if d.summary:
            meta["summary"] = d.summary
    return meta


def _edge_meta(g, u, v, data) -> dict:
    meta = {"relation": str(data.get("relation", ""))}
    for key in ("strength", "evidence", "phrase", "reason", "works", "via", "weight"):
        if data.get(key) is not None:
            meta[key] = data[key]
    return meta


def page_data(
    g: nx.Graph,
    *,
    positions: dict,
    scores: dict | None = None,
    size_by: str | None = None,
    details: dict | None = None,
    member=None,
    topic_labels: dict | None = None,
    title: str = "mlsys-graph",
    view: str | None = None,
    notes: Iterable[str] = (),
) -> dict:
    """The page's data for a drawn graph (see docs/viz.md for every field).

    ``nodes`` and ``edges`` are vis-network items (integer ids, ``group`` = kind, size,
    position); ``meta`` and ``edgeMeta`` map their ids (as strings) to what the tooltips
    and the panel show; ``kinds``, ``topics`` and ``years`` feed the legend and filters.
    """
    from ..network.facts import KINDS
    from ..network.select import Memberships

    details = details or {}
    member = member or Memberships({}, {})
    topic_labels = topic_labels or {}
    scores = scores or {}
    top = max(scores.values(), default=0.0)
    used_topics = sorted(
        {t for n in g for t in member.topics.get(n, ()) if t in topic_labels},
        key=lambda t: (str(topic_labels[t]).casefold(), t),
    )
    topic_index = {t: i for i, t in enumerate(used_topics)}
    ids = {n: i for i, n in enumerate(g)}
    nodes, meta = [], {}
    counts: dict[str, int] = {}
    for n, attrs in g.nodes(data=True):
        kind = attrs.get("kind", "")
        counts[kind] = counts.get(kind, 0) + 1
        x, y = positions.get(n, (0.0, 0.0))
        nodes.append(
            {
                "id": ids[n],
                "label": _label(attrs.get("name") or attrs.get("label") or n),
                "group": kind,
                "size": node_size(scores.get(n), top),
                "x": x,
                "y": y,
            }
        )
        meta[str(ids[n])] = _node_meta(n, attrs, details, member, topic_index, scores.get(n))
    edges, edge_meta = [], {}
    directed = g.is_directed()
    for i, (u, v, data) in enumerate(g.edges(data=True)):
        relation = str(data.get("relation", ""))
        lineage = g.graph.get("view") == "lineage" or is_lineage(relation)
        start, end = u, v
        if lineage and not directed and data.get("subject") == v:
            start, end = v, u
        edges.append(
            {"id": i, "from": ids[start], "to": ids[end], **edge_style(data, lineage=lineage)}
        )
        edge_meta[str(i)] = _edge_meta(g, u, v, data)
    years = [s for n in g if (s := member.years.get(n))]
    kinds = [k for k in KINDS if k in counts] + sorted(k for k in counts if k not in KINDS)
    return {
        "title": title,
        "view": view or g.graph.get("view", ""),
        "sizeBy": size_by,
        "lineageNote": LINEAGE_NOTE,
        "notes": list(notes),
        "kinds": [
            {"kind": k, "color": KIND_COLORS.get(k, OTHER_COLOR), "count": counts[k]} for k in kinds
        ],
        "topics": [topic_labels[t] for t in used_topics],
        "years": [min(s[0] for s in years), max(s[1] for s in years)] if years else None,
        "nodes": nodes,
        "edges": edges,
        "meta": meta,
        "edgeMeta": edge_meta,
    }


def draw(
    source=None,
    *,
    view: str = "entities",
    focus: str | None = None,
    depth: int = 1,
    kinds: Sequence[str] | None = None,
    topics: Sequence[str] | None = None,
    since: int | None = None,
    size_by: str | None = "degree",
    max_nodes: int | None = DEFAULT_MAX_NODES,
    seed: int = 0,
    iterations: int | None = None,
    title: str | None = None,
    facts=None,
) -> Drawing:
    """Choose, score and lay out a view of a graph for the page.

    Parameters
    ----------
    source : graph source
        Anything :func:`mlsys_graph.network.source.open_graph` accepts (default: the
        bundled graph), e.g. a file path, an Oxigraph store, an rdflib Graph, built
        triples (read as they are for the whole entities view: no store of all of them).
    view : {"entities", "coauthor", "lineage", "topics", "authorship"}
    focus : str, optional
        A name or IRI: draw only what is at most ``depth`` steps from it.
    kinds, topics, since :
        Keep only nodes of these kinds, under these topics (names or IRIs), of this year
        or later (see :mod:`mlsys_graph.network.select` for what that means per kind).
    size_by : {"degree", "pagerank", "betweenness"} or None
        Centrality that sizes the nodes, computed on the whole view.
    max_nodes : int or None
        Draw at most this many nodes: the highest scores (ties by IRI); None or 0: all.
    seed, iterations :
        Of the layout (:func:`.layout.spring_layout`).
    title : str, optional
        The page's heading (default: the lists' names and the view).
    facts : Facts, optional
        Already read from ``source`` (saves reading it again).

    Raises
    ------
    mlsys_graph.network.names.UnknownName, AmbiguousName
        A focus or topic name that names no node, or several.
    ValueError
        An unknown view or measure.
    """
    from ..kg.triples import Triples
    from ..network.details import read_details, source_documents
    from ..network.source import open_graph
    from .layout import spring_layout

    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r} (known: {', '.join(VIEWS)})")
    # built triples are read as they are for the whole entities view (no store of all of
    # them); any other view makes a store of them
    whole = view == "entities" and _whole(facts, focus, kinds, topics, since, size_by)
    store = source if whole and isinstance(source, Triples) else open_graph(source)
    options = dict(focus=focus, depth=depth, kinds=kinds, topics=topics, since=since)
    if view == "entities":
        chosen = _entities(store, facts, size_by=size_by, seed=seed, **options)
    else:
        chosen = _projected(store, facts, view, size_by=size_by, seed=seed, **options)
    keep, scores, focus_iri = chosen.nodes, chosen.scores, chosen.focus
    total, dropped, notes = len(keep), 0, []
    if max_nodes and total > max_nodes:
        keep = chosen.highest(max_nodes) if chosen.highest else _highest(keep, scores, max_nodes)
        if focus_iri is not None:
            keep.add(focus_iri)
        dropped = total - len(keep)
        notes.append(
            f"{len(keep):,} of {total:,} nodes drawn: the highest by "
            f"{size_by or 'name'}; narrow with a focus, kinds, topics or a year"
        )
    topic_iris = chosen.facts.of_kind("topic")
    info = chosen.info(sorted({*keep, *topic_iris}))
    g = chosen.graph(keep, info)
    positions = spring_layout(g, seed=seed, iterations=iterations)
    if chosen.store is not None:
        store = chosen.store()
    details = read_details(store, iris=list(g), facts=chosen.facts)
    topic_labels = {t: info[t].label for t in topic_iris}
    if title is None:
        lists = source_documents(store)
        title = f"{'; '.join(lists) or 'mlsys-graph'} · {view}"
        if focus_iri is not None:
            title += f" around {info[focus_iri].name}"
    data = page_data(
        g,
        positions=positions,
        scores=scores,
        size_by=size_by,
        details=details,
        member=chosen.member(list(g)),
        topic_labels=topic_labels,
        title=title,
        view=view,
        notes=notes,
    )
    return Drawing(g, data, view, total, dropped, tuple(notes))


def _highest(nodes, scores: dict, count: int) -> set:
    """The ``count`` first of ``nodes`` by score (highest first), ties by name: the
    same as sorting them all, with only the ties at the cut sorted by name.

    >>> sorted(_highest(["d", "c", "b", "a"], {"a": 1.0, "b": 3.0, "c": 1.0}, 2))
    ['a', 'b']
    """
    get = scores.get
    values = sorted((get(n, 0.0) for n in nodes), reverse=True)
    cut = values[count - 1]
    above = [n for n in nodes if get(n, 0.0) > cut]
    at_cut = sorted((n for n in nodes if get(n, 0.0) == cut), key=str)
    return set(above + at_cut[: count - len(above)])


@dataclass(frozen=True)
class _Chosen:
    """A view's nodes chosen and scored, before the cap: what :func:`draw` needs of it.

    ``info(iris)`` gives the :class:`~mlsys_graph.network.facts.NodeInfo` of some nodes,
    ``graph(keep, info)`` the view on the nodes ``keep`` (the view's node and edge order),
    ``member(nodes)`` their topics and years; ``highest(count)``, when given, the nodes
    :func:`_highest` would keep; ``store()``, when given, the store the details of the
    nodes ``info`` was asked for are read from (else the store of the whole graph).
    """

    nodes: set
    scores: dict
    focus: str | None
    facts: object
    info: Callable
    graph: Callable
    member: Callable
    highest: Callable | None = None
    store: Callable | None = None


def _resolve(facts, view: str, focus, topics):
    from ..network.facts import ENTRY_KINDS
    from ..network.names import NameIndex

    focus_iri = topic_iris = None
    if focus is not None or topics:
        index = NameIndex(facts)
        if focus is not None:
            allowed = {"lineage": ENTRY_KINDS, "coauthor": ("person",), "topics": ("topic",)}
            focus_iri = index.resolve(focus, allowed.get(view))
        if topics:
            topic_iris = [index.resolve(t, ["topic"]) for t in topics]
    return focus_iri, topic_iris


def _whole(facts, focus, kinds, topics, since, size_by) -> bool:
    """Is this the whole entities view, sized by degree or not at all (what ``build``
    draws): the one :func:`_entities_numbered` counts with numpy?"""
    unread = facts is None and focus is None and not (topics or kinds) and since is None
    return unread and size_by in ("degree", None)


def _entities(store, facts, *, focus, depth, kinds, topics, since, size_by, seed) -> _Chosen:
    """The entities view chosen and scored without building it: its nodes come from an
    outline of the graph (no names), its degrees from the pairs its edges join; only the
    nodes drawn get their names read, their ties made (with the edges' attributes) and
    become a networkx graph. The same nodes, scores and graph as
    :func:`mlsys_graph.network.project.entities_graph` followed by ``select``."""
    if _whole(facts, focus, kinds, topics, since, size_by):  # counted with numpy
        return _entities_numbered(store, size_by)
    import networkx as nx

    from ..network.facts import Outline, read_facts, read_nodes, read_outline
    from ..network.metrics import centrality
    from ..network.project import entity_ties
    from ..network.select import keep_nodes, memberships

    if facts is None and (focus is not None or topics):  # names to resolve
        facts = read_facts(store, min_strength="curated")
    outline = facts.outline() if facts is not None else read_outline(store)
    focus_iri, topic_iris = _resolve(facts, "entities", focus, topics)
    pairs = _tied_pairs(outline)
    near: dict[str, list[str]] = {}
    if focus_iri is not None:  # neighbours, to walk from the focus
        near = {n: [] for n in outline.kinds}
        for u, v in pairs:
            near[u].append(v)
            near[v].append(u)
    member = memberships(outline) if topic_iris or since is not None else None
    keep = keep_nodes(
        outline.kinds,
        outline,
        neighbours=near,
        kind_of=outline.kinds.get,
        focus=focus_iri,
        depth=depth,
        kinds=kinds or None,
        topics=topic_iris,
        since=since,
        member=member,
    )
    scores: dict = {}
    if size_by == "degree":  # networkx's degree centrality, counted from the pairs
        from collections import Counter
        from itertools import chain

        degree = Counter(chain.from_iterable(pairs))
        n = len(outline.kinds)
        scale = 1.0 / (n - 1.0) if n > 1 else 0.0
        scores = {node: degree[node] * scale for node in keep}
    elif size_by:  # a centrality of the whole view
        ties = entity_ties(outline)
        whole = nx.Graph()
        whole.add_nodes_from(sorted(outline.kinds))
        whole.add_edges_from((u, v, data) for (u, v), data in sorted(ties.items()))
        every = centrality(whole, size_by, seed=seed)
        scores = {node: every.get(node, 0.0) for node in sorted(keep)}
    del pairs

    def info(iris):
        if facts is not None:
            return {i: facts.nodes[i] for i in iris}
        return read_nodes(store, outline.kinds, iris)

    def graph(nodes, found) -> nx.Graph:
        g = nx.Graph(view="entities")
        for node in sorted(nodes):
            g.add_node(node, **found[node].attrs())
        inside = Outline(
            {n: outline.kinds[n] for n in nodes},
            {},
            {
                relation: [(s, o) for s, o in edges if s in nodes and o in nodes]
                for relation, edges in outline.edges.items()
            },
            [c for c in outline.claims if c.subject in nodes and c.object in nodes],
            outline.min_strength,
        )
        ties = entity_ties(inside)  # the ties between the nodes drawn, as the view has them
        g.add_edges_from((u, v, ties[u, v]) for u, v in sorted(ties))
        return g

    def member_of(nodes):
        return member if member is not None else memberships(outline, nodes)

    return _Chosen(keep, scores, focus_iri, facts or outline, info, graph, member_of)


def _entities_numbered(source, size_by) -> _Chosen:
    """:func:`_entities` of a whole graph (no focus, kinds, topics or year), its nodes
    numbered (:func:`mlsys_graph.network.facts.read_numbered`): degrees, the ties
    between the nodes drawn and their memberships counted with numpy.

    ``source`` is a store, or built :class:`~mlsys_graph.kg.triples.Triples`: then the
    outline is read from them as they are and the nodes drawn from a store of only what
    is around them (:func:`mlsys_graph.network.built.store_around`)."""
    import numpy as np

    from ..kg.triples import Triples
    from ..network.facts import KINDS, Outline, read_nodes, read_numbered, strength_rank
    from ..network.project import entity_ties
    from ..network.select import numbered_memberships, sorted_unique
    from .drawn import DrawnGraph

    numbered = read_numbered(source)
    iris = numbered.iris
    n = len(iris)
    index = {iri: i for i, iri in enumerate(iris)}
    kinds = dict(zip(iris, (KINDS[k] for k in numbered.kind.tolist()), strict=True))
    scores: dict = {}
    if size_by == "degree":  # networkx's degree centrality, from the distinct pairs joined
        ends = [np.stack(pair) for pair in numbered.edges.values()]
        asserted = strength_rank("curated")
        claimed = [
            (index[c.subject], index[c.object])
            for c in numbered.claims
            if strength_rank(c.strength) >= asserted
        ]
        ends.append(np.array(claimed, dtype=np.int64).reshape(-1, 2).T)
        u, v = np.concatenate(ends, axis=1)
        low, high = np.minimum(u, v), np.maximum(u, v)
        joined = sorted_unique(low[low != high] * n + high[low != high])
        degree = np.bincount(np.concatenate((joined // n, joined % n)), minlength=n)
        scale = 1.0 / (n - 1.0) if n > 1 else 0.0
        scores = dict(zip(iris, (d * scale for d in degree.tolist()), strict=True))
    else:
        degree = np.zeros(n, dtype=np.int64)  # no scores: by name

    def highest(count: int) -> set:  # _highest, on the degrees (the scores' order)
        cut = np.partition(degree, n - count)[n - count]
        above = [iris[i] for i in (degree > cut).nonzero()[0].tolist()]
        at_cut = sorted(iris[i] for i in (degree == cut).nonzero()[0].tolist())
        return set(above + at_cut[: count - len(above)])

    def mask(nodes):
        chosen = np.zeros(n, dtype=bool)
        chosen[[index[i] for i in nodes]] = True
        return chosen

    def graph(nodes, found) -> DrawnGraph:
        g = DrawnGraph(view="entities")  # as an nx.Graph would be, without importing it
        for node in sorted(nodes):
            g.add_node(node, **found[node].attrs())
        ties = entity_ties(numbered.outline(mask(nodes)))  # the ties between the nodes drawn
        g.add_edges_from((u, v, ties[u, v]) for u, v in sorted(ties))
        return g

    held = {"store": source}

    def info(nodes):
        if isinstance(source, Triples):  # the store of what is read about them
            from ..network.built import store_around

            held["store"] = store_around(source, nodes)
        return read_nodes(held["store"], kinds, nodes)

    return _Chosen(
        set(iris),
        scores,
        None,
        Outline(kinds, {}, {}, [], numbered.min_strength),  # kinds, for the details
        info,
        graph,
        lambda nodes: numbered_memberships(numbered, mask(nodes)),
        highest,
        lambda: held["store"],
    )


def _tied_pairs(outline) -> set[tuple[str, str]]:
    """The pairs of nodes the entities view joins (``u < v``), from the outline's edges and
    its asserted claims (what :func:`mlsys_graph.network.project.entity_ties` keeps)."""
    from ..network.facts import strength_rank

    pairs: set[tuple[str, str]] = set()
    for edges in outline.edges.values():
        pairs.update([(s, o) if s < o else (o, s) for s, o in edges if s != o])
    asserted = strength_rank("curated")
    for claim in outline.claims:
        s, o = claim.subject, claim.object
        if s != o and strength_rank(claim.strength) >= asserted:
            pairs.add((s, o) if s < o else (o, s))
    return pairs


def _projected(store, facts, view, *, focus, depth, kinds, topics, since, size_by, seed):
    """Any view, built whole by :func:`mlsys_graph.network.project.project`."""
    from ..network.facts import read_facts
    from ..network.metrics import centrality
    from ..network.project import project
    from ..network.select import induced, memberships, select

    facts = facts or read_facts(store)
    full = project(view, facts)
    focus_iri, topic_iris = _resolve(facts, view, focus, topics)
    if focus_iri is not None and focus_iri not in full:
        label = facts.nodes[focus_iri].name
        raise ValueError(f"{label} is not in the {view} view; try --view entities")
    member = memberships(facts)
    g = select(
        full,
        facts,
        focus=focus_iri,
        depth=depth,
        kinds=kinds or None,
        topics=topic_iris,
        since=since,
        member=member,
    )
    scores = {}
    if size_by:
        every = centrality(full, size_by, seed=seed)
        scores = {n: every.get(n, 0.0) for n in g}
    return _Chosen(
        set(g),
        scores,
        focus_iri,
        facts,
        lambda iris: {i: facts.nodes[i] for i in iris},
        lambda nodes, _: induced(g, nodes),
        lambda _: member,
    )
