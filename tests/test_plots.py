"""mlsys_graph.plots: every figure titled and labelled, refused otherwise, and the same on
every run (seeded)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

matplotlib = pytest.importorskip("matplotlib", reason="pip install -e '.[dev]'")
matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent / "network"))
from twolabs import load_facts  # noqa: E402

from mlsys_graph import network, plots  # noqa: E402


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def facts():
    return load_facts()


def _labelled(ax, title, xlabel, ylabel):
    assert (ax.get_title(), ax.get_xlabel(), ax.get_ylabel()) == (title, xlabel, ylabel)
    plots.check_labelled(ax.figure)


def test_heatmap_writes_each_nonzero_count(facts):
    table = network.topic_years(facts)
    ax = plots.heatmap(table, title="T", xlabel="year", ylabel="topic")
    _labelled(ax, "T", "year", "topic")
    assert sorted(t.get_text() for t in ax.texts) == ["1"] * int((table > 0).to_numpy().sum())
    assert [t.get_text() for t in ax.get_xticklabels()] == [str(y) for y in table.columns]


def test_bars_stacked_and_horizontal(facts):
    ax = plots.bars(network.timeline(facts), title="P", xlabel="year", ylabel="papers")
    _labelled(ax, "P", "year", "papers")
    assert len(ax.patches) == 6 * 2  # six years, two venue columns
    code = network.topic_code(facts)[["with code", "without code"]]
    ax = plots.bars(code, title="S", xlabel="topic", ylabel="systems", horizontal=True)
    _labelled(ax, "S", "systems", "topic")  # values along x when horizontal


def test_rank_scatter_names_the_top(facts):
    table = network.centrality_table(network.coauthor_graph(facts))
    ax = plots.rank_scatter(table, "degree", "betweenness", title="R", label_top=1)
    assert "rank by degree" in ax.get_xlabel() and "rank by betweenness" in ax.get_ylabel()
    assert sorted(t.get_text() for t in ax.texts) == ["Dan Dee", "Eve Ee"]


def test_communities_drawing_is_seeded_and_titled(facts):
    g = network.coauthor_graph(facts)
    found = network.communities(g, seed=0)

    def offsets(seed):
        ax = plots.communities(g, found, title="C", seed=seed)
        return ax.collections[1].get_offsets().tolist(), ax

    first, ax = offsets(0)
    assert ax.get_title() == "C" and not ax.axison
    assert sorted(t.get_text() for t in ax.texts) == ["Dan Dee", "Eve Ee"]  # the central ones
    assert len(first) == 8
    assert offsets(0)[0] == first
    assert offsets(1)[0] != first
    colours = {tuple(c) for c in ax.collections[1].get_facecolors()}
    assert len(colours) == 2  # one per community
    ax = plots.communities(g, found, title="C", top=1, label_all=True)
    assert sorted(t.get_text() for t in ax.texts) == ["Ann Ay", "Bob Bee", "Cat Cee", "Dan Dee"]


def test_lineage_draws_each_claim_with_its_strength(facts):
    chains = network.chains(network.lineage_graph(facts))
    ax = plots.lineage(chains, title="L")
    assert ax.get_ylabel() == "chain" and "earliest" in ax.get_xlabel()
    labels = [t.get_text() for t in ax.texts]
    assert "extends (stated)" in labels and "extends (curated)" in labels
    inferred = next(s for c in chains for s in c if s.strength == "inferred")
    assert f"{inferred.relation} (inferred)" in labels
    assert any(label.startswith("Alpha\n2016") for label in labels)


@pytest.mark.parametrize(
    ("title", "xlabel", "ylabel", "message"),
    [
        ("", "x", "y", "a figure needs a title"),
        ("T", " ", "y", "needs a x label"),
        ("T", "x", "", "needs a y label"),
    ],
)
def test_unlabelled_figures_are_refused(facts, title, xlabel, ylabel, message):
    with pytest.raises(ValueError, match=message):
        plots.heatmap(network.topic_years(facts), title=title, xlabel=xlabel, ylabel=ylabel)
    with pytest.raises(ValueError, match=message):
        plots.bars(network.timeline(facts), title=title, xlabel=xlabel, ylabel=ylabel)


def test_check_labelled_looks_at_every_axes():
    figure, (left, right) = plt.subplots(1, 2)
    left.set(title="a", xlabel="x", ylabel="y")
    right.set(title="b", xlabel="x")
    with pytest.raises(ValueError, match="'b' has no y label"):
        plots.check_labelled(figure)
    right.set_axis_off()  # a drawing: no axes to label, still a title
    plots.check_labelled(figure)
    right.set_title("")
    with pytest.raises(ValueError, match="needs a title"):
        plots.check_labelled(figure)
