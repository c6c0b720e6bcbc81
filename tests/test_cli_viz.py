"""viz from the command line, and the page build writes."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from mlsys_graph.cli import cli
from mlsys_graph.network.project import coauthor_graph, lineage_graph

TWO_LABS = str(Path(__file__).parent / "network" / "fixtures" / "two-labs.ttl")


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def page_data(text: str) -> dict:
    return json.loads(text.split('id="graph-data">', 1)[1].split("</script>", 1)[0])


def test_viz_writes_one_self_contained_page(tmp_path):
    out = tmp_path / "graph.html"
    result = run("viz", "--view", "coauthor", "-g", TWO_LABS, "-o", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert len(page_data(text)["nodes"]) == coauthor_graph(TWO_LABS).number_of_nodes() == 8
    assert "coauthor: 8 nodes" in result.stderr and "KB)" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]  # no lib/ folder


def test_viz_json_to_stdout():
    result = run("viz", "--view", "lineage", "-g", TWO_LABS, "--format", "json", "-o", "-")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data["nodes"]) == lineage_graph(TWO_LABS).number_of_nodes()
    assert {e["arrows"] for e in data["edges"]} == {"to"}
    assert data["sizeBy"] == "degree" and data["view"] == "lineage"


def test_viz_focus_depth_kind_topic_since():
    result = run(
        "viz", "--focus", "Alpha", "--depth", "1", "--kind", "person", "--kind", "paper",
        "-g", TWO_LABS, "--format", "json", "-o", "-",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    names = sorted(m.get("name", m["label"]) for m in data["meta"].values())
    assert names == ["Alpha", "Ann Ay", "Bob Bee", "Cat Cee", "Dan Dee", "Gamma"]  # Eps: inferred
    result = run(
        "viz", "--topic", "Distributed training", "--since", "2018", "--kind", "paper",
        "-g", TWO_LABS, "--format", "json", "-o", "-",
    )  # fmt: skip
    labels = sorted(m["label"] for m in json.loads(result.stdout)["meta"].values())
    assert labels == ["Beta Two: training at larger scale", "Bridge: serving meets training"]


def test_viz_names_that_resolve_to_nothing_or_several():
    result = run("viz", "--focus", "Alhpa", "-g", TWO_LABS, "-o", "-")
    assert result.exit_code == 1 and "did you mean: Alpha" in result.stderr
    result = run("viz", "--focus", "Beta", "-g", TWO_LABS, "-o", "-")
    assert result.exit_code == 1 and "software/beta" in result.stderr
    result = run("viz", "--view", "lineage", "--focus", "Bridge", "-g", TWO_LABS, "-o", "-")
    assert result.exit_code == 1 and "not in the lineage view" in result.stderr
    assert run("viz", "--view", "citations").exit_code == 2
    assert run("viz", "-g", "missing.ttl", "-o", "-").exit_code == 1


def test_viz_max_nodes_says_what_was_left_out():
    result = run("viz", "-g", TWO_LABS, "--max-nodes", "5", "--format", "json", "-o", "-")
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["nodes"]) == 5
    assert "5 of " in result.stderr and "nodes drawn" in result.stderr


def test_build_writes_the_page_with_the_graph(tmp_path):
    result = run("build", "-o", str(tmp_path / "out"), "-s")
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == [f"mlsys-graph.{s}" for s in ("html", "jsonld", "nt", "ttl")]
    text = (tmp_path / "out" / "mlsys-graph.html").read_text(encoding="utf-8")
    assert page_data(text)["view"] == "entities"
    result = run("build", "-o", str(tmp_path / "bare"), "-s", "--no-html")
    assert result.exit_code == 0
    assert not (tmp_path / "bare" / "mlsys-graph.html").exists()


def test_viz_reads_every_fact_only_to_resolve_names(tmp_path, monkeypatch):
    """Without --focus or --topic no name is resolved, so the facts of the whole graph are
    not read (at 100k entries that costs tens of seconds): the page is the same."""
    from mlsys_graph.network import facts

    with_facts = CliRunner().invoke(cli, ["viz", "--focus", "Clipper", "-o", "-"])
    assert with_facts.exit_code == 0, with_facts.output

    def refused(*args, **kwargs):
        raise AssertionError("read_facts was called")

    from mlsys_graph.viz.html import render_html

    drawn_from_facts = render_html(None, facts=facts.read_facts(None))  # what viz drew before
    monkeypatch.setattr(facts, "read_facts", refused)
    lean = CliRunner().invoke(cli, ["viz", "-o", str(tmp_path / "b.html")])
    assert lean.exit_code == 0, lean.output
    assert (tmp_path / "b.html").read_text(encoding="utf-8") == drawn_from_facts
    kinds = CliRunner().invoke(cli, ["viz", "--kind", "paper", "--since", "2018", "-o", "-"])
    assert kinds.exit_code == 0, kinds.output
    focused = CliRunner().invoke(cli, ["viz", "--focus", "Clipper", "-o", "-"])
    assert focused.exit_code != 0 and "read_facts was called" in repr(focused.exception)
