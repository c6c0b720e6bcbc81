"""Projections: named networkx views of the knowledge graph.

Never a blind RDF → networkx dump (its literal and ``rdf:type`` hubs skew every
centrality); each view is a chosen set of nodes and typed edges, built from
:func:`~mlsys_graph.network.facts.read_facts` (one pass per relation). Nodes are IRIs and
carry ``iri``, ``kind``, ``label``, ``name`` and, when known, ``year``; every edge carries
its ``relation``. Nodes and edges are inserted in sorted order, so a view and everything
computed from it (Louvain included) is the same on every run.

=============  ==========  ================================================================
view           graph       nodes and edges
=============  ==========  ================================================================
``entities``   Graph       entries, people, venues, repositories, systems, topics; edges
                           ``authored`` (person → entry), ``published-at``, ``has-code``,
                           ``about-topic``, ``describes``, ``implements``, ``broader``
                           (topic → broader topic), and the asserted lineage (``extends``,
                           ...: stated and curated claims; inferred ones never)
``authorship`` Graph       people (``bipartite=0``) and the entries they authored
                           (``bipartite=1``); edges ``authored``
``coauthor``   Graph       people; an edge per pair who share an entry, ``weight`` is
                           Newman's collaboration weight (each shared entry of n authors
                           adds 1/(n-1)), ``works`` the number of shared entries, ``via``
                           up to three of their names
``topics``     Graph       topics; ``weight`` = entries listed under both + people with
                           entries under both (``entries`` and ``people`` separately)
``lineage``    DiGraph     entries in lineage claims; an edge later → earlier (user → used)
                           with ``relation``, ``strength``, ``evidence``, ``phrase`` or
                           ``reason``, ``line``, ``claim``
=============  ==========  ================================================================

The entities view is undirected (centrality, communities and paths read the ties both
ways); ``subject`` on an edge says which end the relation reads from. Two relations
between the same pair share one edge whose ``relation`` joins them with ``+``.

>>> g = entities_graph()                      # the bundled graph
>>> clipper = "https://w3id.org/mlsys-graph/id/paper/crankshaw2017-clipper"
>>> g.nodes[clipper]["kind"], g.nodes[clipper]["year"]
('paper', 2017)
>>> sorted({d["relation"] for _, _, d in g.edges(clipper, data=True)})
['about-topic', 'authored', 'describes', 'extends', 'has-code', 'published-at']
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from .facts import read_facts, strength_rank

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

__all__ = [
    "VIEWS",
    "authorship_graph",
    "coauthor_graph",
    "entities_graph",
    "entity_ties",
    "lineage_graph",
    "project",
    "topics_graph",
]

#: Every view :func:`project` knows.
VIEWS = ("entities", "authorship", "coauthor", "topics", "lineage")


def _check_strength(min_strength: str) -> int:
    from .facts import STRENGTHS

    if min_strength not in STRENGTHS:
        raise ValueError(f"min_strength must be one of {', '.join(STRENGTHS)}: {min_strength!r}")
    return strength_rank(min_strength)


def _check_read(facts, min_strength: str) -> int:
    """The rank of ``min_strength``; refuses facts read without the claims it asks for."""
    keep = _check_strength(min_strength)
    read = getattr(facts, "min_strength", "inferred")
    if strength_rank(read) > keep:
        raise ValueError(f"these facts hold only claims of strength {read} or stronger")
    return keep


def entities_graph(source=None, *, min_strength: str = "curated") -> nx.Graph:
    """The entities view: everything analysable, with typed edges.

    Parameters
    ----------
    source : graph source or Facts
        The graph (default: the bundled one); see :func:`~.source.open_graph`.
    min_strength : {"stated", "curated", "inferred"}
        Weakest lineage claim drawn as an edge (default: asserted facts only).

    Returns
    -------
    networkx.Graph

    Examples
    --------
    >>> from mlsys_graph.network.testing import tiny_facts
    >>> g = entities_graph(tiny_facts())
    >>> g.edges["id/a-person", "id/paper-a"]["relation"], g.edges["id/a-person", "id/paper-a"]["subject"]
    ('authored', 'id/a-person')
    """
    import networkx as nx

    facts = read_facts(source)
    ties = entity_ties(facts, min_strength=min_strength)
    g = nx.Graph(view="entities")
    for iri in sorted(facts.nodes):
        g.add_node(iri, **facts.nodes[iri].attrs())
    for (u, v), data in sorted(ties.items()):
        g.add_edge(u, v, **data)
    return g


def entity_ties(facts, *, min_strength: str = "curated") -> dict[tuple[str, str], dict]:
    """The edges of the entities view: ``(u, v)`` with ``u < v`` → edge attributes (in the
    order found; the view adds them sorted).

    ``facts`` is a :class:`~.facts.Facts` or an :class:`~.facts.Outline` holding the
    claims of ``min_strength`` or stronger; the pairs of a relation may come in any order
    (the same ties either way). The entities view is the graph of these ties
    over every node; its degrees can be counted from them without building it.

    >>> from mlsys_graph.network.testing import tiny_facts
    >>> ties = entity_ties(tiny_facts())
    >>> ties["id/a-person", "id/paper-a"]
    {'relation': 'authored', 'subject': 'id/a-person', 'weight': 1}
    """
    keep = _check_read(facts, min_strength)
    ties: dict[tuple[str, str], dict[str, object]] = {}
    first: dict[tuple[str, str], str] = {}  # the relation that made the tie

    def tie(subject: str, obj: str, relation: str) -> None:
        if subject == obj:
            return
        key = (subject, obj) if subject < obj else (obj, subject)
        known = ties.get(key)
        if known is None:
            ties[key] = {"relation": relation, "subject": subject, "weight": 1}
            first[key] = relation
            return
        if relation == first[key] and subject != known["subject"]:
            known["subject"] = key[0]  # both ways: what sorted pairs would give, any order
        parts = str(known["relation"]).split("+")
        if relation not in parts:
            known["relation"] = "+".join(sorted([*parts, relation]))

    for relation in sorted(facts.edges):
        for subject, obj in facts.edges[relation]:
            tie(subject, obj, relation)
    for claim in facts.claims:
        if strength_rank(claim.strength) >= keep:
            tie(claim.subject, claim.object, claim.relation)
    return ties


def authorship_graph(source=None) -> nx.Graph:
    """People and the entries they authored: a bipartite graph (``bipartite`` 0 and 1).

    Examples
    --------
    >>> from mlsys_graph.network.testing import tiny_facts
    >>> g = authorship_graph(tiny_facts())
    >>> sorted(n for n, b in g.nodes(data="bipartite") if b == 1)
    ['id/paper-a', 'id/paper-b', 'id/paper-c']
    """
    import networkx as nx

    facts = read_facts(source)
    pairs = facts.edges.get("authored", [])
    people = sorted({p for p, _ in pairs})
    works = sorted({w for _, w in pairs})
    g = nx.Graph(view="authorship")
    for iri in people:
        g.add_node(iri, bipartite=0, **facts.nodes[iri].attrs())
    for iri in works:
        g.add_node(iri, bipartite=1, **facts.nodes[iri].attrs())
    for person, work in pairs:
        g.add_edge(person, work, relation="authored")
    return g


def coauthor_graph(source=None) -> nx.Graph:
    """People linked by the entries they share, with Newman's collaboration weight.

    Everybody who authored something is a node, also without co-authors. An entry whose
    author line is cut short ("et al.") counts only the authors the list names.

    Examples
    --------
    >>> from mlsys_graph.network.testing import tiny_facts
    >>> g = coauthor_graph(tiny_facts())
    >>> dict(g["id/a-person"]["id/b-person"])
    {'weight': 1.5, 'works': 2, 'via': 'A; B', 'relation': 'co-author'}
    """
    import networkx as nx

    facts = read_facts(source)
    authors_of: dict[str, list[str]] = defaultdict(list)
    for person, work in facts.edges.get("authored", []):
        authors_of[work].append(person)
    # One pass over the works: each shared work of n authors adds 1/(n-1) to every pair
    # of its authors (Newman 2001; networkx's collaboration_weighted_projected_graph, which
    # walks two-hop neighbourhoods and is much slower on prolific authors).
    weight: dict[tuple[str, str], float] = defaultdict(float)
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    for work in sorted(authors_of):
        authors = sorted(authors_of[work])
        if len(authors) < 2:
            continue
        share = 1.0 / (len(authors) - 1)
        for i, u in enumerate(authors):
            for v in authors[i + 1 :]:
                weight[(u, v)] += share
                shared[(u, v)].append(work)
    g = nx.Graph(view="coauthor")
    for iri in sorted({p for authors in authors_of.values() for p in authors}):
        g.add_node(iri, **facts.nodes[iri].attrs())
    name = {w: facts.nodes[w].name for w in authors_of}
    for pair in sorted(shared):
        works = shared[pair]
        names = sorted(name[w] for w in works)
        g.add_edge(
            *pair,
            weight=round(weight[pair], 6),
            works=len(works),
            via="; ".join(names[:3]) + ("; ..." if len(names) > 3 else ""),
            relation="co-author",
        )
    return g


def topics_graph(source=None) -> nx.Graph:
    """Topics linked by what they share: entries listed under both, people active in both.

    Examples
    --------
    >>> from mlsys_graph.network.testing import tiny_facts
    >>> g = topics_graph(tiny_facts())
    >>> dict(g["id/topic-x"]["id/topic-y"])
    {'weight': 2, 'entries': 0, 'people': 2, 'relation': 'related'}
    """
    import networkx as nx

    facts = read_facts(source)
    topics_of: dict[str, set[str]] = defaultdict(set)
    for entry, topic in facts.edges.get("about-topic", []):
        topics_of[entry].add(topic)
    person_topics: dict[str, set[str]] = defaultdict(set)
    for person, entry in facts.edges.get("authored", []):
        person_topics[person] |= topics_of.get(entry, set())
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for index, groups in enumerate((topics_of, person_topics)):
        for _, topics in sorted(groups.items()):
            ordered = sorted(topics)
            for i, u in enumerate(ordered):
                for v in ordered[i + 1 :]:
                    counts[(u, v)][index] += 1
    g = nx.Graph(view="topics")
    for iri in facts.of_kind("topic"):
        g.add_node(iri, **facts.nodes[iri].attrs())
    for (u, v), (entries, people) in sorted(counts.items()):
        g.add_edge(
            u, v, weight=entries + people, entries=entries, people=people, relation="related"
        )
    return g


def lineage_graph(
    source=None, *, relations: tuple[str, ...] | None = None, min_strength: str = "inferred"
) -> nx.DiGraph:
    """Lineage as a DiGraph: an edge from the later (or using) entry to the earlier one.

    Parameters
    ----------
    source : graph source or Facts
    relations : tuple of str, optional
        Keep only these relations (local names: ``extends``, ``buildsOn``, ``uses``...).
    min_strength : {"stated", "curated", "inferred"}
        Weakest claim kept (order: stated > curated > inferred; default: all).

    Returns
    -------
    networkx.DiGraph
        One edge per ordered pair: the strongest claim (then the first relation by name).

    Examples
    --------
    >>> from mlsys_graph.network.testing import tiny_facts
    >>> g = lineage_graph(tiny_facts())
    >>> sorted(g.edges(data="strength"))
    [('id/paper-b', 'id/paper-a', 'stated'), ('id/paper-c', 'id/paper-b', 'inferred')]
    >>> list(lineage_graph(tiny_facts(), min_strength="curated").edges)
    [('id/paper-b', 'id/paper-a')]
    """
    import networkx as nx

    facts = read_facts(source)
    keep = _check_read(facts, min_strength)
    wanted = None if relations is None else {r.casefold() for r in relations}
    best: dict[tuple[str, str], object] = {}
    for claim in facts.claims:
        if strength_rank(claim.strength) < keep:
            continue
        if wanted is not None and claim.relation.casefold() not in wanted:
            continue
        key = (claim.subject, claim.object)
        rank = (-strength_rank(claim.strength), claim.relation, claim.iri)
        if key not in best or rank < best[key][0]:
            best[key] = (rank, claim)
    g = nx.DiGraph(view="lineage")
    for iri in sorted({n for pair in best for n in pair}):
        g.add_node(iri, **facts.nodes[iri].attrs())
    for (u, v), (_, claim) in sorted(best.items()):
        g.add_edge(u, v, **claim.attrs())
    return g


def project(view: str, source=None, **options) -> nx.Graph:
    """The named view (one of :data:`VIEWS`) of a graph.

    >>> from mlsys_graph.network.testing import tiny_facts
    >>> project("coauthor", tiny_facts()).number_of_nodes()
    3
    >>> project("citations")
    Traceback (most recent call last):
    ...
    ValueError: unknown view 'citations' (known: entities, authorship, coauthor, topics, lineage)
    """
    builders = {
        "entities": entities_graph,
        "authorship": authorship_graph,
        "coauthor": coauthor_graph,
        "topics": topics_graph,
        "lineage": lineage_graph,
    }
    if view not in builders:
        raise ValueError(f"unknown view {view!r} (known: {', '.join(VIEWS)})")
    return builders[view](source, **options)
