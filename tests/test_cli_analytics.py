"""lineage / path / rank / clusters / export from the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
from click.testing import CliRunner

from mlsys_graph.cli import cli
from mlsys_graph.cli.analytics import KIND_CHOICES

TWO_LABS = str(Path(__file__).parent / "network" / "fixtures" / "two-labs.ttl")


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_lineage_clipper_on_the_bundled_graph_shows_inferline_with_evidence():
    result = run("lineage", "Clipper")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Clipper: A Low-Latency Online Prediction Serving System  [paper, 2017]")
    descendants = out.split("later work")[1].split("earlier work")[0]
    assert "InferLine: ML Inference Pipeline Composition Framework" in descendants
    assert 'InferLine extends Clipper · stated · README.md:236 · "update version of Clipper"' in (
        descendants
    )


def test_lineage_json_shape():
    data = json.loads(run("lineage", "clipper", "--format", "json").stdout)
    assert set(data) == {"node", "ancestors", "descendants"}
    assert data["node"]["name"] == "Clipper" and data["node"]["year"] == 2017
    (step,) = data["descendants"]
    for key in ("name", "title", "year", "depth", "evidence", "relation", "strength"):
        assert key in step
    assert (step["name"], step["depth"], step["evidence"]) == ("InferLine", 1, "README.md:236")


def test_lineage_filters_depth_and_chain():
    out = run("lineage", "Alpha", "-g", TWO_LABS).stdout
    assert "Eps buildsOn Alpha · inferred" in out
    assert "Delta extends Gamma · curated · data/lineage.ttl · reason: " in out
    assert "| " + "  - Gamma is the successor of Alpha." in out
    strict = run("lineage", "Alpha", "-g", TWO_LABS, "--min-strength", "curated").stdout
    assert "Eps" not in strict and "Delta" in strict
    shallow = run("lineage", "Alpha", "-g", TWO_LABS, "--depth", "1").stdout
    assert "Delta" not in shallow
    only = run("lineage", "Alpha", "-g", TWO_LABS, "--relation", "extends").stdout
    assert "Eps" not in only
    chained = json.loads(
        run("lineage", "Delta", "--to", "Alpha", "-g", TWO_LABS, "--format", "json").stdout
    )
    assert [s["name"] for s in chained["chain"]] == ["Delta", "Gamma", "Alpha"]
    none = run("lineage", "Eps", "--to", "Delta", "-g", TWO_LABS)
    assert none.exit_code == 1 and "no lineage chain between Eps and Delta" in none.stderr


def test_names_unknown_and_ambiguous_exit_1():
    unknown = run("lineage", "Clipr")
    assert unknown.exit_code == 1
    assert "no node named 'Clipr'; did you mean: Clipper" in unknown.stderr
    ambiguous = run("path", "Beta", "Alpha", "-g", TWO_LABS)
    assert ambiguous.exit_code == 1
    assert "'Beta' names 2 nodes" in ambiguous.stderr
    assert "paper/beta  (paper: Beta: training at scale)" in ambiguous.stderr
    assert "software/beta  (software: Beta)" in ambiguous.stderr
    assert ambiguous.stdout == ""


def test_path_text_and_json():
    out = run("path", "Eve Ee", "alpha", "-g", TWO_LABS).stdout
    assert out == "Eve Ee — authored → Bridge ← authored — Dan Dee — authored → Alpha\n"
    data = json.loads(run("path", "ann ay", "hal aitch", "-g", TWO_LABS, "--view", "coauthor",
                          "--format", "json").stdout)  # fmt: skip
    assert [n["name"] for n in data["nodes"]] == ["Ann Ay", "Dan Dee", "Eve Ee", "Hal Aitch"]
    assert {n["kind"] for n in data["nodes"]} == {"person"}
    assert [e["relation"] for e in data["edges"]] == ["co-author"] * 3
    blocked = run("path", "Alpha", "beta two: training at larger scale", "-g", TWO_LABS, "--avoid", "person",
                  "--avoid", "topic")  # fmt: skip
    assert (
        blocked.exit_code == 1 and "no path between Alpha and Beta Two: training" in blocked.stderr
    )


def test_path_on_the_bundled_graph():
    out = run("path", "Matei Zaharia", "Peter Bailis").stdout
    assert out.startswith("Matei Zaharia — authored → ") and out.endswith(
        "← authored — Peter Bailis\n"
    )


def test_rank_formats():
    table = run("rank", "-g", TWO_LABS, "--view", "coauthor", "--by", "betweenness", "--top", "2")
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["RANK", "BETWEENNESS", "KIND", "NAME"]
    assert "Dan Dee" in lines[1] and "Eve Ee" in lines[2] and len(lines) == 3
    rows = list(csv.DictReader(io.StringIO(run("rank", "-g", TWO_LABS, "--kind", "paper",
                                               "--by", "degree", "--format", "csv").stdout)))  # fmt: skip
    assert rows[0]["name"] == "Alpha" and {r["kind"] for r in rows} == {"paper"}
    data = json.loads(run("rank", "--kind", "person", "--top", "10", "--format", "json").stdout)
    assert len(data) == 10 and data[0]["rank"] == 1 and data[0]["kind"] == "person"


def test_clusters_table_and_json():
    result = run("clusters", "-g", TWO_LABS)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert "Dan Dee" in lines[1] and "Model serving (100%)" in lines[1]
    assert "Eve Ee" in lines[2] and "Distributed training (100%)" in lines[2]
    assert "modularity 0.3889" in result.stderr
    data = json.loads(run("clusters", "-g", TWO_LABS, "--format", "json").stdout)
    assert data["view"] == "coauthor" and data["modularity"] == 0.388889
    assert [c["size"] for c in data["communities"]] == [4, 4]
    topics = json.loads(run("clusters", "--of", "topics", "-g", TWO_LABS, "--min-size", "1",
                            "--format", "json").stdout)  # fmt: skip
    assert sum(c["size"] for c in topics["communities"]) == 3


def test_export_files_open_in_networkx(tmp_path):
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        out = tmp_path / f"coauthor.{fmt}"
        result = run(
            "export", "--view", "coauthor", "--format", fmt, "-o", str(out), "-g", TWO_LABS
        )
        assert result.exit_code == 0, result.output
        assert "coauthor: 8 nodes, 13 edges" in result.stderr
        assert reader(out).number_of_edges() == 13
    by_suffix = tmp_path / "lineage.gexf"
    run("export", "--view", "lineage", "-o", str(by_suffix), "-g", TWO_LABS)
    assert nx.read_gexf(by_suffix).is_directed()
    data = json.loads(run("export", "--view", "lineage", "--format", "json", "-o", "-",
                          "-g", TWO_LABS).stdout)  # fmt: skip
    assert len(data["edges"]) == 3


def test_missing_graph_is_a_clear_error():
    result = run("rank", "-g", "nowhere.ttl")
    assert result.exit_code == 1 and "nowhere.ttl: no such file or folder" in result.stderr


def test_kind_choices_match_the_library():
    from mlsys_graph.network.facts import KINDS

    assert tuple(KIND_CHOICES) == KINDS
