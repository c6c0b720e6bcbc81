"""build / validate / stats / why from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef

from mlsys_graph.cli import cli

FIXTURE = str(Path(__file__).parent / "kg" / "fixtures" / "list_v1.md")


def test_build_bundled_and_validate_stats(tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["build", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "triples" in result.stderr
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [f"mlsys-graph.{s}" for s in ("html", "jsonld", "nt", "ttl")]
    for name in names[1:]:  # the graph files (names[0] is the page)
        checked = runner.invoke(cli, ["validate", str(tmp_path / name)])
        assert checked.exit_code == 0, checked.output
    stats = runner.invoke(cli, ["stats", str(tmp_path / "mlsys-graph.ttl"), "--format", "json"])
    counts = json.loads(stats.stdout)
    assert counts["classes"]["mls:Paper"] >= 50 and counts["relations"]["cito:extends"] >= 1


def test_build_given_list(tmp_path):
    result = CliRunner().invoke(
        cli, ["build", FIXTURE, "-o", str(tmp_path), "--list-license", "MIT"]
    )
    assert result.exit_code == 0, result.output
    text = (tmp_path / "mlsys-graph.ttl").read_text()
    assert "spdx.org/licenses/MIT" in text and "Adaptive batching" in text  # summaries kept


def test_build_strict_fails_on_problems(tmp_path):
    path = tmp_path / "l.md"
    path.write_text("## Papers\n- Odd [[Paper]]()\n  - Roe, Ann, et al. (*OSDI 2020*)\n")
    result = CliRunner().invoke(cli, ["build", str(path), "-o", str(tmp_path / "o"), "--strict"])
    assert result.exit_code == 1 and "empty-url" in result.stderr


MANY_PROBLEMS = """## Stats

| Year | Count |
|------|-------|
| [2019](https://x.org/a) | 3 |

## Papers
- Odd [[Paper]]()
  - Roe, Ann, et al. (*OSDI 2020*)
- Even [[Paper]]()
  - Roe, Ann, et al. (*OSDI 2021*)
- Third [[Paper]]()
  - Roe, Ann, et al. (*OSDI 2022*)
"""


def test_build_shows_the_most_severe_problems_and_counts_the_rest(tmp_path):
    path = tmp_path / "l.md"
    path.write_text(MANY_PROBLEMS)
    out = str(tmp_path / "o")
    result = CliRunner().invoke(cli, ["build", str(path), "-o", out, "--max-problems", "2"])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    # the warnings before the info that comes first in the file; the rest counted by code
    assert [line.split(": ")[0] for line in lines[:2]] == [f"{path}:8", f"{path}:10"]
    assert lines[2] == (
        "2 more problem(s) not shown: 1 empty-url (warning), 1 unread-table (info); "
        f"`mlsys-graph lint {path}` lists them all (or --max-problems 0)"
    )
    assert "4 problem(s)" in result.stderr
    every = CliRunner().invoke(cli, ["build", str(path), "-o", out, "--max-problems", "0"])
    assert [f"{path}:{n}:" in every.stderr for n in (3, 8, 10, 12)] == [True] * 4
    assert "not shown" not in every.stderr
    shown = CliRunner().invoke(cli, ["build", str(path), "-o", out])  # the default shows 4
    assert "not shown" not in shown.stderr and f"{path}:3:" in shown.stderr


def test_build_refuses_a_non_conforming_graph(tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert CliRunner().invoke(cli, ["build", FIXTURE, "-o", str(out)]).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    import mlsys_graph.kg.build as kg_build

    real = kg_build.build_triples

    def broken(catalog, **kwargs):
        triples = real(catalog, **kwargs)
        paper = URIRef("https://w3id.org/mlsys-graph/id/paper/quill2019-tarn")
        triples.add(paper, URIRef("https://w3id.org/mlsys-graph/ontology#year"), Literal("1600"))
        return triples

    monkeypatch.setattr(kg_build, "build_triples", broken)
    result = CliRunner().invoke(cli, ["build", FIXTURE, "-o", str(out)])
    assert result.exit_code == 1
    assert "paper/quill2019-tarn" in result.stdout and "does not conform" in result.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # previous outputs intact


def test_validate_reports_violations(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "@prefix mls: <https://w3id.org/mlsys-graph/ontology#> .\n"
        "<https://w3id.org/mlsys-graph/id/rule/r> a mls:Rule .\n"
    )
    result = CliRunner().invoke(cli, ["validate", str(bad)])
    assert result.exit_code == 1
    assert result.stdout.startswith(
        "https://w3id.org/mlsys-graph/id/rule/r  http://www.w3.org/2000/01/rdf-schema#label  "
    )


@pytest.mark.parametrize("engine", ["oxigraph", "pyshacl"])
def test_validate_engines_agree(tmp_path, engine):
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "@prefix mls: <https://w3id.org/mlsys-graph/ontology#> .\n"
        "<https://w3id.org/mlsys-graph/id/rule/r> a mls:Rule .\n"
    )
    result = CliRunner().invoke(cli, ["validate", "--engine", engine, "--format", "json", str(bad)])
    assert result.exit_code == 1
    assert json.loads(result.stdout) == [
        {
            "focus": "https://w3id.org/mlsys-graph/id/rule/r",
            "path": "http://www.w3.org/2000/01/rdf-schema#label",
            "message": "A rule has exactly one rdfs:label, a literal",
            "severity": "Violation",
            "shape": "https://w3id.org/mlsys-graph/shapes#Rule-label",
            "value": None,
        }
    ]


def test_validate_unknown_engine():
    result = CliRunner().invoke(cli, ["validate", "--engine", "jena"])
    assert result.exit_code == 2


def test_validate_unreadable_graph(tmp_path):
    result = CliRunner().invoke(cli, ["validate", str(tmp_path / "none.ttl")])
    assert result.exit_code == 1 and "no such file" in result.output


def test_why_by_name_and_iri():
    result = CliRunner().invoke(cli, ["why", "InferLine"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "extends (stated)" in out and "phrase: update version of Clipper" in out
    assert "README.md:236" in out and "rule/phrase-extends" in out
    assert "README.md:234" in out and "| - InferLine: ML Inference Pipeline" in out
    by_iri = CliRunner().invoke(
        cli,
        ["why", "https://w3id.org/mlsys-graph/id/paper/crankshaw2017-clipper", "--format", "json"],
    )
    facts = json.loads(by_iri.stdout)[0]["facts"]
    assert {"fact": "venue", "value": "NSDI"}.items() <= next(
        f for f in facts if f["fact"] == "venue"
    ).items()
    assert any(f["fact"] == "extended by (stated)" for f in facts)


def test_why_unknown():
    result = CliRunner().invoke(cli, ["why", "NoSuchSystem"])
    assert result.exit_code == 1 and "no entry named" in result.output


def test_why_is_one_sparql_query():
    """The same answer as the CLI, from the named SPARQL query alone."""
    from mlsys_graph.pipeline import build
    from mlsys_graph.query import named_query, run_query

    graph = build().graph
    rows = run_query(
        graph,
        named_query("why"),
        {"entry": URIRef("https://w3id.org/mlsys-graph/id/paper/crankshaw-inferline")},
    )
    lineage = [r for r in rows if str(r["fact"]) == "extends (stated)"]
    assert lineage and int(lineage[0]["line"]) == 236 and str(lineage[0]["file"]) == "README.md"


def test_build_output_errors_are_one_line(tmp_path, monkeypatch):
    target = tmp_path / "out"
    target.write_text("a file")
    result = CliRunner().invoke(cli, ["build", FIXTURE, "-o", str(target), "-q"])
    assert result.exit_code == 1
    assert result.stderr == f"Error: cannot write {target}: is a file, not a folder\n"

    import mlsys_graph.kg.store as store

    real = store.write_ntriples

    def full(triples, handle, *args, **kwargs):
        if isinstance(getattr(handle, "name", None), str):  # a file, not the in-memory loader
            raise OSError(28, "No space left on device")
        return real(triples, handle, *args, **kwargs)

    monkeypatch.setattr(store, "write_ntriples", full)
    out = tmp_path / "o"
    result = CliRunner().invoke(cli, ["build", FIXTURE, "-o", str(out), "-q"])
    assert result.exit_code == 1
    nt = out / "mlsys-graph.nt"
    assert result.stderr == f"Error: cannot write {nt}: No space left on device\n"
    assert list(out.iterdir()) == []


def test_build_quiet_and_silent(tmp_path):
    for flag in ("-q", "--quiet", "-s", "--silent"):
        result = CliRunner().invoke(cli, ["build", FIXTURE, "-o", str(tmp_path / "o"), flag])
        assert result.exit_code == 0 and result.stderr == "", (flag, result.stderr)
    loud = CliRunner().invoke(cli, ["build", FIXTURE, "-o", str(tmp_path / "o")])
    assert "triples" in loud.stderr and "\r" not in loud.stderr  # no bar: not a terminal


def test_build_bad_license_iri(tmp_path):
    result = CliRunner().invoke(
        cli, ["build", FIXTURE, "-o", str(tmp_path), "--list-license", "https://x.org/a b"]
    )
    assert result.exit_code == 1 and "--list-license" in result.stderr
    assert "not a valid IRI" in result.stderr


def test_the_problem_limit_the_docs_give_is_the_code_s():
    from mlsys_graph.cli.graph import MAX_PROBLEMS

    docs = (Path(__file__).parent.parent / "docs" / "problems.md").read_text()
    assert f"`build` shows at most {MAX_PROBLEMS} problems" in docs.replace("\n", " ")
    assert f"[default: {MAX_PROBLEMS};" in CliRunner().invoke(cli, ["build", "--help"]).output
