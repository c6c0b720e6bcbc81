"""Exports re-read by networkx give the same graph (GraphML, GEXF, node-link JSON)."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from twolabs import load_facts

from mlsys_graph.network.export import fit_for_export, view_text, write_view
from mlsys_graph.network.project import coauthor_graph, entities_graph, lineage_graph


@pytest.fixture(scope="module")
def facts():
    return load_facts()


@pytest.mark.parametrize("view", [coauthor_graph, lineage_graph, entities_graph])
def test_graphml_round_trip(facts, tmp_path, view):
    g = view(facts)
    out = tmp_path / "view.graphml"
    write_view(g, out)
    back = nx.read_graphml(out)
    assert back.is_directed() == g.is_directed()
    assert dict(back.nodes(data=True)) == dict(g.nodes(data=True))
    assert {(u, v): d for u, v, d in back.edges(data=True)} == {
        (u, v): d for u, v, d in g.edges(data=True)
    }


@pytest.mark.parametrize("view", [coauthor_graph, lineage_graph])
def test_gexf_round_trip(facts, tmp_path, view):
    g = view(facts)
    out = tmp_path / "view.gexf"
    write_view(g, out, "gexf")
    back = nx.read_gexf(out)
    assert sorted(back.nodes) == sorted(g.nodes)
    assert sorted(back.edges) == sorted(g.edges)
    for node, data in g.nodes(data=True):
        assert back.nodes[node]["label"] == data["label"]
        assert back.nodes[node]["kind"] == data["kind"]
    for u, v, data in g.edges(data=True):
        assert back.edges[u, v]["relation"] == data["relation"]


def test_node_link_json_round_trip(facts):
    g = lineage_graph(facts)
    data = json.loads(view_text(g, "json"))
    assert "edges" in data
    back = nx.node_link_graph(data, edges="edges")
    assert dict(back.nodes(data=True)) == dict(g.nodes(data=True))
    assert list(back.edges(data=True)) == list(g.edges(data=True))


def test_attributes_fit_graphml():
    g = nx.DiGraph(tags=("a", "b"))
    g.add_node("x", year=None, names=["p", "q"], score=0.5, ok=True, other={1})
    g.add_edge("x", "y", relation="extends", line=None)
    fit = fit_for_export(g)
    assert dict(fit.nodes["x"]) == {"names": "p; q", "score": 0.5, "ok": True, "other": "1"}
    assert dict(fit.edges["x", "y"]) == {"relation": "extends"}
    assert fit.graph == {"tags": "a; b"}
    assert "<graphml" in view_text(g, "graphml")


def test_unknown_format(facts):
    with pytest.raises(ValueError, match="unknown export format"):
        view_text(coauthor_graph(facts), "dot")
