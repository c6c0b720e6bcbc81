"""The library API notebooks use: every name importable, DataFrames where tables are natural."""

from __future__ import annotations

import sys

import pytest
from twolabs import load_facts

from mlsys_graph import network


@pytest.mark.parametrize("name", network.__all__)
def test_every_public_name_resolves(name):
    assert getattr(network, name) is not None


def test_unknown_attribute():
    with pytest.raises(AttributeError):
        network.louvain  # noqa: B018


def test_frames_of_rankings_communities_and_lineage():
    facts = load_facts()
    coauthor = network.coauthor_graph(facts)
    ranking = network.to_frame(network.rank(coauthor, "pagerank", top=3))
    assert list(ranking["name"])[:2] == ["Dan Dee", "Eve Ee"]
    members = network.to_frame(network.communities(coauthor, seed=0))
    assert len(members) == 8 and set(members["community"]) == {1, 2}
    lineage = network.lineage_graph(facts)
    steps = network.to_frame(network.trace(lineage, next(iter(sorted(lineage)))))
    assert {"direction", "name", "depth", "strength", "evidence"} <= set(steps.columns)
    scores = network.to_frame(network.centrality(coauthor, "degree"))
    assert list(scores.columns) == ["score"] and len(scores) == 8


def test_clear_error_without_pandas(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ModuleNotFoundError, match=r"mlsys-graph\[analysis\]"):
        network.to_frame([{"a": 1}])
