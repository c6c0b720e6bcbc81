"""Projections of the two-labs graph: the nodes, edges and attributes each view promises."""

from __future__ import annotations

import random

import pytest
from twolabs import ID, TWO_LABS, load_facts

from mlsys_graph.errors import InputError
from mlsys_graph.network.facts import read_facts
from mlsys_graph.network.project import (
    authorship_graph,
    coauthor_graph,
    entities_graph,
    lineage_graph,
    project,
    topics_graph,
)
from mlsys_graph.network.source import open_graph


@pytest.fixture(scope="module")
def facts():
    return load_facts()


def test_read_facts_keeps_only_analysable_nodes(facts):
    kinds = {n.kind for n in facts.nodes.values()}
    assert kinds == {"person", "paper", "software", "topic", "venue", "system"}
    assert not any("claim/" in iri or "source/" in iri for iri in facts.nodes)
    alpha = facts.nodes[ID + "paper/alpha"]
    assert (alpha.name, alpha.year, alpha.title) == ("Alpha", 2016, "Alpha: serving models")


def test_claims_carry_relation_strength_and_evidence(facts):
    by_subject = {c.subject.removeprefix(ID): c for c in facts.claims}
    gamma = by_subject["paper/gamma"]
    assert (gamma.relation, gamma.strength, gamma.evidence, gamma.line) == (
        "extends",
        "stated",
        "list.md:12",
        12,
    )
    assert gamma.phrase == "successor of Alpha"
    assert gamma.source_text == "  - Gamma is the successor of Alpha."
    assert by_subject["paper/delta"].evidence == "data/lineage.ttl"
    assert by_subject["paper/eps"].relation == "buildsOn"


def test_entities_view_typed_edges_no_literal_or_class_hubs(facts):
    g = entities_graph(facts)
    assert g.graph["view"] == "entities"
    edge = g.edges[ID + "person/ann", ID + "paper/alpha"]
    assert edge["relation"] == "authored" and edge["subject"] == ID + "person/ann"
    assert g.edges[ID + "paper/alpha", ID + "venue/nsdi"]["relation"] == "published-at"
    assert g.edges[ID + "topic/serving", ID + "topic/sysml"]["relation"] == "broader"
    # asserted lineage only: stated and curated, never the inferred candidate
    assert g.edges[ID + "paper/gamma", ID + "paper/alpha"]["relation"] == "extends"
    assert g.has_edge(ID + "paper/delta", ID + "paper/gamma")
    assert not g.has_edge(ID + "paper/eps", ID + "paper/alpha")
    assert all(not str(n).startswith("http://www.w3.org") for n in g)


def test_authorship_is_bipartite(facts):
    import networkx as nx

    g = authorship_graph(facts)
    assert nx.is_bipartite(g)
    assert {d for _, d in g.nodes(data="bipartite")} == {0, 1}
    assert g.degree(ID + "person/dan") == 3


def test_coauthor_newman_weights(facts):
    g = coauthor_graph(facts)
    assert g.number_of_nodes() == 8
    # two papers of four authors: 2 × 1/3; one paper of two: 1
    assert g.edges[ID + "person/ann", ID + "person/bob"]["weight"] == pytest.approx(2 / 3)
    assert g.edges[ID + "person/dan", ID + "person/eve"]["weight"] == 1.0
    assert g.edges[ID + "person/dan", ID + "person/eve"]["via"] == "Bridge"
    assert not g.has_edge(ID + "person/ann", ID + "person/eve")


def test_topics_view(facts):
    g = topics_graph(facts)
    edge = g.edges[ID + "topic/serving", ID + "topic/training"]
    # Dan writes in both (Alpha and Bridge); no entry is listed under both
    assert (edge["people"], edge["entries"], edge["weight"]) == (1, 0, 1)


def test_lineage_view_filters(facts):
    g = lineage_graph(facts)
    assert sorted((u.removeprefix(ID), v.removeprefix(ID)) for u, v in g.edges) == [
        ("paper/delta", "paper/gamma"),
        ("paper/eps", "paper/alpha"),
        ("paper/gamma", "paper/alpha"),
    ]
    assert list(lineage_graph(facts, min_strength="stated").edges) == [
        (ID + "paper/gamma", ID + "paper/alpha")
    ]
    assert lineage_graph(facts, relations=("buildsOn",)).number_of_edges() == 1
    with pytest.raises(ValueError, match="min_strength"):
        lineage_graph(facts, min_strength="strong")


def test_views_do_not_depend_on_triple_order(tmp_path):
    """Sorted insertion: a shuffled N-Triples copy gives the same views, edge for edge."""
    store = open_graph(TWO_LABS)
    lines = [f"{q.subject} {q.predicate} {q.object} .\n" for q in store]
    random.Random(3).shuffle(lines)
    shuffled = tmp_path / "shuffled.nt"
    shuffled.write_text("".join(lines), encoding="utf-8")
    for view in ("entities", "coauthor", "lineage", "topics"):
        a, b = project(view, TWO_LABS), project(view, shuffled)
        assert list(a.nodes(data=True)) == list(b.nodes(data=True))
        assert list(a.edges(data=True)) == list(b.edges(data=True))


def test_open_graph_errors_name_the_file(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix x: <https://x.org/> .\nx:a x:b .\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.ttl:2: not valid RDF"):
        read_facts(bad)
    table = tmp_path / "graph.csv"
    table.write_text("a,b\n", encoding="utf-8")
    with pytest.raises(InputError, match="unknown graph format"):
        read_facts(table)
    with pytest.raises(InputError, match="no such file"):
        read_facts(tmp_path / "missing.nt")


def test_rdflib_graph_goes_through_the_bridge():
    from rdflib import Graph

    g = Graph().parse(TWO_LABS)
    assert read_facts(g).nodes.keys() == read_facts(TWO_LABS).nodes.keys()


def test_oxigraph_store_folder(tmp_path):
    import pyoxigraph as ox

    folder = tmp_path / "store"
    store = ox.Store(str(folder))
    store.bulk_load(path=str(TWO_LABS), format=ox.RdfFormat.TURTLE)
    store.flush()
    del store
    assert len(read_facts(folder).claims) == 3


def test_coauthor_weights_equal_networkx_collaboration_weighting(facts):
    """The one-pass weighting is Newman's, as networkx computes it on the bipartite view."""
    from networkx.algorithms import bipartite

    b = authorship_graph(facts)
    people = [n for n, side in b.nodes(data="bipartite") if side == 0]
    reference = bipartite.collaboration_weighted_projected_graph(b, people)
    ours = coauthor_graph(facts)
    assert set(map(frozenset, ours.edges)) == set(map(frozenset, reference.edges))
    for u, v, w in reference.edges(data="weight"):
        assert ours.edges[u, v]["weight"] == pytest.approx(w)
