"""The notebooks' tables with known answers on the two-labs graph: cross tables of the
entries, centrality side by side and where it disagrees, communities with their entries,
edges, and lineage chains."""

from __future__ import annotations

import networkx as nx
import pytest
from twolabs import ID, load_facts

from mlsys_graph import network
from mlsys_graph.network.crosstabs import NO_VENUE, OTHER_VENUES

pytest.importorskip("pandas")


@pytest.fixture(scope="module")
def facts():
    return load_facts()


def test_entries_frame_one_row_per_entry_and_topic(facts):
    frame = network.entries_frame(facts)
    assert len(frame) == 9 and frame["entry"].is_unique
    alpha = frame[frame["entry"] == ID + "paper/alpha"].iloc[0]
    assert (alpha["topic"], alpha["venue"], int(alpha["year"])) == ("Model serving", "NSDI", 2016)
    software = frame[frame["kind"] == "software"].iloc[0]
    assert software["venue"] == NO_VENUE and software["year"] is pd_na()
    rolled = network.entries_frame(facts, rollup=True)
    assert set(rolled["topic"]) == {"Systems for ML"}
    assert len(network.entries_frame(facts, kinds=("software",))) == 1


def pd_na():
    import pandas

    return pandas.NA


def test_topic_years_counts_dated_entries_with_every_year_a_column(facts):
    table = network.topic_years(facts)
    assert list(table.columns) == [2016, 2017, 2018, 2019, 2020, 2021]
    assert table.loc["Model serving"].tolist() == [1, 1, 1, 0, 1, 1]
    assert table.loc["Distributed training"].tolist() == [0, 1, 1, 1, 0, 0]
    rolled = network.topic_years(facts, rollup=True)
    assert rolled.index.tolist() == ["Systems for ML"]
    assert rolled.loc["Systems for ML"].tolist() == [1, 2, 2, 1, 1, 1]


def test_topic_venues_and_timeline(facts):
    venues = network.topic_venues(facts)
    assert venues.to_dict() == {"NSDI": {"Model serving": 1}}
    timeline = network.timeline(facts)
    assert list(timeline.index) == [2016, 2017, 2018, 2019, 2020, 2021]
    assert list(timeline.columns) == [NO_VENUE, "NSDI"]
    assert timeline.loc[2016].tolist() == [0, 1]
    assert int(timeline.to_numpy().sum()) == 8  # the eight dated papers
    merged = network.timeline(facts, top_venues=1)
    assert list(merged.columns) == [NO_VENUE, OTHER_VENUES]
    assert merged[OTHER_VENUES].tolist() == timeline["NSDI"].tolist()


def test_topic_code_counts_systems_by_the_topics_of_their_entries(facts):
    table = network.topic_code(facts)
    assert table.to_dict("index") == {
        "Model serving": {"with code": 0, "without code": 1, "share with code": 0.0}
    }
    systems = network.systems_frame(facts)
    assert systems[["name", "topic", "has_code"]].values.tolist() == [
        ["Alpha", "Model serving", False]
    ]


def test_centrality_table_ranks_ties_together(facts):
    g = network.coauthor_graph(facts)
    table = network.centrality_table(g)
    assert table["name"].tolist()[:2] == ["Dan Dee", "Eve Ee"]
    assert table["degree_rank"].tolist() == [1, 1, 3, 3, 3, 3, 3, 3]
    assert table["betweenness_rank"].tolist()[:3] == [1, 1, 3]
    assert set(table.columns) == {
        "name", "kind", "degree", "degree_rank", "pagerank", "pagerank_rank",
        "betweenness", "betweenness_rank",
    }  # fmt: skip
    assert len(network.centrality_table(g, top=2)) == 2
    assert network.centrality_table(network.entities_graph(facts), kind="venue")[
        "kind"
    ].tolist() == ["venue"]


def test_rank_disagreement_leaves_out_zero_scores(facts):
    g = network.coauthor_graph(facts)
    table = network.centrality_table(g, ["degree", "betweenness"])
    assert network.rank_disagreement(table, top=2).empty  # the bridges lead both
    wider = network.rank_disagreement(table, top=3)
    # The six others share degree rank 3 but have no betweenness at all.
    assert len(wider) == 6
    assert set(wider["top_by"]) == {"degree"} and set(wider["not_top_by"]) == {"betweenness"}


def test_community_table_people_and_their_entries(facts):
    g = network.coauthor_graph(facts)
    found = network.communities(g, seed=0)
    table = network.community_table(found, facts, g=g)
    first, second = table.loc[1], table.loc[2]
    assert first["members"].split("; ")[0] == "Dan Dee"
    assert first["titles"].split("; ") == sorted(
        ["Alpha", "Alpha Two", "Bridge", "Delta", "Eps", "Gamma"]
    )
    assert int(second["entries"]) == 3
    assert len(network.community_table(found, facts, min_size=5)) == 0


def test_edge_table_heaviest_first(facts):
    table = network.edge_table(network.coauthor_graph(facts), by="works")
    assert len(table) == 13  # two 4-cliques and the bridge
    assert table["works"].tolist()[0] == 2
    assert table.iloc[-1][["source", "target", "works"]].tolist() == ["Dan Dee", "Eve Ee", 1]
    assert len(network.edge_table(network.coauthor_graph(facts), top=3)) == 3


def test_chains_every_maximal_chain_later_first(facts):
    chains = network.chains(network.lineage_graph(facts))
    assert [[s.name for s in c] for c in chains] == [["Delta", "Gamma", "Alpha"], ["Eps", "Alpha"]]
    delta = chains[0]
    assert [s.strength for s in delta] == [None, "curated", "stated"]
    assert delta[2].evidence == "list.md:12" and delta[2].parent == ID + "paper/gamma"
    asserted = network.chains(network.lineage_graph(facts, min_strength="curated"))
    assert [[s.name for s in c] for c in asserted] == [["Delta", "Gamma", "Alpha"]]
    frame = network.to_frame(chains)
    assert frame["chain"].tolist() == [1, 1, 1, 2, 2]
    assert str(frame["year"].dtype) == "Int64"


def test_chains_stop_before_a_cycle_and_respect_the_limit():
    g = nx.DiGraph([("a", "b"), ("b", "a"), ("c", "a")])
    found = [[s.iri for s in c] for c in network.chains(g)]
    assert found == [["c", "a", "b"]]
    wide = nx.DiGraph([("x", str(i)) for i in range(5)])
    assert len(network.chains(wide, limit=3)) == 3
