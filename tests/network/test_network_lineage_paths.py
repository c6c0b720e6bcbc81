"""Lineage depth, chains, explained paths and name resolution on the two-labs graph."""

from __future__ import annotations

import pytest
from twolabs import ID, load_facts

from mlsys_graph.network.lineage import NoLineage, chain, trace
from mlsys_graph.network.names import AmbiguousName, NameIndex, UnknownName
from mlsys_graph.network.paths import NoPath, explain_path
from mlsys_graph.network.project import coauthor_graph, entities_graph, lineage_graph


@pytest.fixture(scope="module")
def facts():
    return load_facts()


def test_descendants_with_depth_relation_strength_evidence(facts):
    result = trace(lineage_graph(facts), ID + "paper/alpha")
    assert result.ancestors == ()
    rows = [(s.name, s.depth, s.relation, s.strength, s.year) for s in result.descendants]
    assert rows == [
        ("Eps", 1, "buildsOn", "inferred", 2021),
        ("Gamma", 1, "extends", "stated", 2018),
        ("Delta", 2, "extends", "curated", 2020),
    ]
    gamma = result.descendants[1]
    assert (gamma.evidence, gamma.phrase, gamma.parent) == (
        "list.md:12",
        "successor of Alpha",
        ID + "paper/alpha",
    )
    assert result.descendants[2].reason == "Delta's paper says it speeds Gamma up."


def test_ancestors_and_depth_limit(facts):
    g = lineage_graph(facts)
    assert [(s.name, s.depth) for s in trace(g, ID + "paper/delta").ancestors] == [
        ("Gamma", 1),
        ("Alpha", 2),
    ]
    assert [s.name for s in trace(g, ID + "paper/delta", depth=1).ancestors] == ["Gamma"]
    assert trace(g, ID + "paper/beta").descendants == ()  # not in the view: no lineage


def test_chain_either_way(facts):
    g = lineage_graph(facts)
    steps = chain(g, ID + "paper/alpha", ID + "paper/delta")
    assert [s.name for s in steps] == ["Delta", "Gamma", "Alpha"]
    assert [s.strength for s in steps[1:]] == ["curated", "stated"]
    with pytest.raises(NoLineage):
        chain(g, ID + "paper/eps", ID + "paper/delta")


def test_explained_path_and_its_edge_labels(facts):
    path = explain_path(entities_graph(facts), ID + "person/eve", ID + "paper/alpha")
    assert [n.name for n in path.nodes] == ["Eve Ee", "Bridge", "Dan Dee", "Alpha"]
    assert [(e.relation, e.forward) for e in path.edges] == [
        ("authored", True),
        ("authored", False),
        ("authored", True),
    ]
    assert path.text() == "Eve Ee — authored → Bridge ← authored — Dan Dee — authored → Alpha"
    data = path.to_dict()
    assert [n["kind"] for n in data["nodes"]] == ["person", "paper", "person", "paper"]


def test_coauthor_path_and_avoid(facts):
    path = explain_path(coauthor_graph(facts), ID + "person/ann", ID + "person/hal")
    assert [n.name for n in path.nodes] == ["Ann Ay", "Dan Dee", "Eve Ee", "Hal Aitch"]
    assert path.edges[1].detail == "Bridge"
    with pytest.raises(NoPath, match="avoiding person"):
        explain_path(
            entities_graph(facts), ID + "paper/alpha", ID + "paper/beta", avoid=["person", "topic"]
        )


def test_names_resolve_case_insensitively(facts):
    index = NameIndex(facts)
    assert index.resolve("gamma") == ID + "paper/gamma"
    assert index.resolve("GAMMA: Faster Serving") == ID + "paper/gamma"
    assert index.resolve("Dee, Dan") == ID + "person/dan"  # a name variant
    assert index.resolve("Networked Systems Design and Implementation") == ID + "venue/nsdi"
    assert index.resolve("paper/eps") == ID + "paper/eps"
    assert index.resolve(ID + "topic/sysml") == ID + "topic/sysml"
    # the paper and the system it describes are one thing: the paper
    assert index.resolve("Alpha") == ID + "paper/alpha"


def test_ambiguous_name_lists_candidates(facts):
    index = NameIndex(facts)
    with pytest.raises(AmbiguousName) as caught:
        index.resolve("beta")
    assert [c[0] for c in caught.value.candidates] == [ID + "paper/beta", ID + "software/beta"]
    assert "paper/beta (paper: Beta: training at scale)" in str(caught.value)
    assert index.resolve("beta", kinds=["paper"]) == ID + "paper/beta"


def test_unknown_name_suggests_closest(facts):
    index = NameIndex(facts)
    with pytest.raises(UnknownName) as caught:
        index.resolve("Gamma Serving")
    assert "Gamma: faster serving" in caught.value.suggestions
    with pytest.raises(UnknownName, match="did you mean: Dan Dee"):
        index.resolve("Dan Dea")
    with pytest.raises(UnknownName):
        index.resolve("Ann Ay", kinds=["paper"])
