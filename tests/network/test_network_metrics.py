"""Centrality and communities with known answers on the two-labs graph."""

from __future__ import annotations

import networkx as nx
import pytest
from twolabs import ID, load_facts

from mlsys_graph.network import metrics
from mlsys_graph.network.metrics import centrality, communities, rank, topic_profile
from mlsys_graph.network.project import coauthor_graph, entities_graph


@pytest.fixture(scope="module")
def facts():
    return load_facts()


def test_bridge_people_rank_first(facts):
    g = coauthor_graph(facts)
    for by in ("degree", "pagerank", "betweenness"):
        top = [r.name for r in rank(g, by, top=2)]
        assert top == ["Dan Dee", "Eve Ee"], by
    rows = rank(g, "betweenness", top=None)
    assert [r.rank for r in rows] == list(range(1, 9))
    assert rows[2].score == 0.0  # nobody else lies on a shortest path


def test_rank_by_kind_on_entities(facts):
    g = entities_graph(facts)
    papers = rank(g, "degree", kind="paper", top=None)
    assert {r.kind for r in papers} == {"paper"}
    assert papers[0].name == "Alpha"  # 4 authors, a venue, a topic, a system, 2 lineage edges
    assert rank(g, "degree", kind=["venue", "topic"], top=None)[0].kind in {"venue", "topic"}


def test_two_cliques_joined_by_a_bridge_split_in_two(facts):
    g = coauthor_graph(facts)
    found = communities(g, seed=0, topics=topic_profile(entities_graph(facts)))
    groups = [sorted(m.removeprefix(ID + "person/") for m in c.members) for c in found.communities]
    assert groups == [["ann", "bob", "cat", "dan"], ["eve", "fay", "gus", "hal"]]
    assert found.modularity == pytest.approx(7 / 18, abs=1e-6)
    first, second = found.communities
    assert (first.label, second.label) == ("Dan Dee", "Eve Ee")  # the most central member
    assert first.topic == "Model serving" and first.topic_share == 1.0
    assert second.topic == "Distributed training"


@pytest.mark.parametrize("seed", [0, 1, 42])
def test_communities_are_stable_for_a_seed(facts, seed):
    a = communities(coauthor_graph(facts), seed=seed)
    b = communities(coauthor_graph(facts), seed=seed)
    assert a == b


def test_topic_profile(facts):
    profile = topic_profile(entities_graph(facts))
    assert profile[ID + "paper/alpha"] == ("Model serving",)
    assert profile[ID + "person/dan"] == ("Distributed training", "Model serving")
    assert profile[ID + "topic/serving"] == ("Systems for ML",)  # its broader topic
    assert profile[ID + "topic/sysml"] == ("Systems for ML",)


def test_betweenness_is_sampled_above_the_limit(monkeypatch):
    calls = []
    real = nx.betweenness_centrality

    def spy(g, k=None, **kwargs):
        calls.append(k)
        return real(g, k=k, **kwargs)

    monkeypatch.setattr(nx, "betweenness_centrality", spy)
    small = nx.path_graph(metrics.BETWEENNESS_EXACT_LIMIT)
    centrality(small, "betweenness")
    big = nx.path_graph(metrics.BETWEENNESS_EXACT_LIMIT + 1)
    a = centrality(big, "betweenness", seed=5, samples=20)
    b = centrality(big, "betweenness", seed=5, samples=20)
    assert calls == [None, 20, 20]
    assert a == b  # same seed, same sample


def test_unknown_measure():
    with pytest.raises(ValueError, match="unknown measure"):
        centrality(nx.path_graph(3), "closeness")
