"""`query`, `queries`, `build --store` and the graph sources, from the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner
from rdflib import Graph

from mlsys_graph.cli import cli
from mlsys_graph.query.store import DISPLAY_PREFIXES, is_store_folder, open_store, write_store

HERE = Path(__file__).parent
GRAPH = str(HERE / "fixtures" / "graph.ttl")
LIST = str(HERE / "fixtures" / "list.md")
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


def test_named_query_table_for_people():
    result = run("query", "--name", "papers-at-venue", "-p", "venue=NIPS", "--graph", GRAPH)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == [
        "venue",
        "year",
        "acronym",
        "published",
        "title",
        "asWritten",
        "entry",
    ]
    assert "id:paper/quill2017-fjord" in result.stdout and "NIPS 2017" in result.stdout
    assert "3 row(s)" in result.stderr


@pytest.mark.parametrize("fmt", ["json", "csv", "tsv", "xml"])
def test_solution_formats_are_the_sparql_results_formats(fmt):
    result = run("query", "-n", "coauthors", "-p", "author=Ada Quill", "-g", GRAPH, "--format", fmt)
    assert result.exit_code == 0, result.output
    out = result.stdout
    if fmt == "json":
        doc = json.loads(out)
        assert doc["head"]["vars"][:2] == ["author", "person"]
        first = doc["results"]["bindings"][0]
        assert first["name"] == {"type": "literal", "value": "Bo Lind"}
        assert first["papers"]["datatype"] == "http://www.w3.org/2001/XMLSchema#integer"
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(out)))
        assert rows[0] == ["author", "person", "coauthor", "name", "papers"]
        assert rows[1][1] == "https://w3id.org/mlsys-graph/id/person/ada-quill"
    elif fmt == "tsv":
        assert out.startswith("?author\t?person\t?coauthor\t?name\t?papers\n")
        assert '<https://w3id.org/mlsys-graph/id/person/bo-lind>\t"Bo Lind"\t3' in out
    else:
        root = ElementTree.fromstring(out)
        assert root.tag == "{http://www.w3.org/2005/sparql-results#}sparql"
    assert "row(s)" not in result.stderr  # machine formats: nothing else on stdout or stderr


def test_ask():
    yes = run("query", "ASK { ?s ?p ?o }", "-g", GRAPH)
    assert (yes.exit_code, yes.stdout) == (0, "true\n")
    no = run("query", "ASK { ?s ?p 'nothing like this' }", "-g", GRAPH, "--format", "json")
    assert json.loads(no.stdout) == {"head": {}, "boolean": False}


def test_construct_and_describe():
    query = (
        "PREFIX mls: <https://w3id.org/mlsys-graph/ontology#> "
        "CONSTRUCT { ?e mls:year ?y } WHERE { ?e mls:year ?y }"
    )
    turtle = run("query", query, "-g", GRAPH)
    assert turtle.exit_code == 0, turtle.output
    assert "@prefix mls:" in turtle.stdout
    parsed = Graph().parse(data=turtle.stdout, format="turtle")
    nt = run("query", query, "-g", GRAPH, "--format", "nt")
    jsonld = run("query", query, "-g", GRAPH, "--format", "jsonld")
    assert len(parsed) == len(nt.stdout.splitlines()) == 8  # the papers with a year
    assert len(Graph().parse(data=jsonld.stdout, format="json-ld")) == 8
    describe = run(
        "query", "DESCRIBE <https://w3id.org/mlsys-graph/id/paper/quill2017-fjord>", "-g", GRAPH
    )
    assert "Fjord: Pipelines of Models" in describe.stdout
    table = run("query", query, "-g", GRAPH, "--format", "table")
    assert table.stdout.splitlines()[0].split() == ["subject", "predicate", "object"]


def test_format_must_fit_the_result():
    result = run("query", "ASK { ?s ?p ?o }", "-g", GRAPH, "--format", "ttl")
    assert result.exit_code == 2 and "table, json, csv, tsv or xml" in result.output
    result = run("query", "CONSTRUCT WHERE { ?s ?p ?o }", "-g", GRAPH, "--format", "csv")
    assert result.exit_code == 2 and "ttl, nt, jsonld" in result.output


def test_query_from_stdin_and_file(tmp_path):
    assert run("query", "-", "-g", GRAPH, "--format", "csv", input=COUNT).stdout.split() == [
        "n",
        "1045",
    ]
    path = tmp_path / "q.rq"
    path.write_text(COUNT)
    assert "1045" in run("query", "-f", str(path), "-g", GRAPH).stdout
    assert "1045" in run("query", "-f", "-", "-g", GRAPH, input=COUNT).stdout


def test_ad_hoc_parameters():
    query = "SELECT ?title ?e WHERE { ?e <http://purl.org/dc/terms/title> ?title }"
    result = run("query", query, "-p", "title=Fjord: Pipelines of Models", "-g", GRAPH)
    assert result.exit_code == 0 and "id:paper/quill2017-fjord" in result.stdout
    by_iri = run(
        "query",
        "SELECT ?e ?t WHERE { ?e <http://purl.org/dc/terms/title> ?t }",
        "-p",
        "e=<https://w3id.org/mlsys-graph/id/paper/quill2019-weir>",
        "-g",
        GRAPH,
    )
    assert "Weir: Serving Pipelines at Scale" in by_iri.stdout and "1 row(s)" in by_iri.stderr


def test_injection_payload_through_the_cli_matches_nothing():
    payload = '" || true) } #'
    for name, param in (("find-entry", "text"), ("papers-by-author", "author")):
        result = run(
            "query", "-n", name, "-p", f"{param}={payload}", "-g", GRAPH, "--format", "csv"
        )
        assert result.exit_code == 0, result.output
        assert len(result.stdout.splitlines()) == 1  # the header only


def test_syntax_error_is_exit_1_with_line_and_column():
    result = run("query", "SELECT ?s\nWHERE {\n  ?s ?p\n}", "-g", GRAPH)
    assert result.exit_code == 1
    assert "Error: <query>:4:" in result.stderr and "SPARQL syntax error" in result.stderr


@pytest.mark.parametrize(
    "args,expected",
    [
        (["--name", "nope"], "known: authors-by-topic, coauthors"),
        (["--name", "coauthors", "-p", "who=x"], "its parameters: author"),
        (["--name", "coauthors"], "needs --param author=VALUE"),
        (["--name", "topics", "-p", "author"], "--param takes NAME=VALUE"),
        (["SELECT ?s WHERE { ?s ?p ?o }", "-p", "x=1"], "its variables: ?o, ?p, ?s"),
        (["SELECT * WHERE { ?s ?p ?o FILTER(?o = ?x) }", "-p", "x=1"], "is bound but not selected"),
        ([], "give the query one way"),
        (["ASK {}", "--name", "topics"], "give the query one way"),
    ],
)
def test_usage_errors_exit_2_and_say_what_is_valid(args, expected):
    result = run("query", *args, "-g", GRAPH)
    assert result.exit_code == 2, result.output
    assert expected in result.output


def test_queries_command():
    listing = run("queries")
    assert listing.exit_code == 0
    assert any(
        line.startswith("papers-at-venue") and "venue year?" in line
        for line in listing.stdout.splitlines()
    )
    described = json.loads(run("queries", "--format", "json").stdout)
    lineage = next(d for d in described if d["name"] == "lineage")
    assert lineage["parameters"][0]["name"] == "name" and lineage["examples"]
    text = run("queries", "lineage")
    assert text.stdout.startswith("# lineage:") and "SELECT" in text.stdout
    assert run("queries", "nope").exit_code == 2


# --- graph sources -------------------------------------------------------------------------------


def test_every_graph_format_answers_the_same(tmp_path):
    graph = Graph().parse(GRAPH)
    graph.serialize(tmp_path / "g.nt", format="nt", encoding="utf-8")
    graph.serialize(tmp_path / "g.jsonld", format="json-ld")
    for path in (GRAPH, tmp_path / "g.nt", tmp_path / "g.jsonld"):
        result = run("query", COUNT, "-g", str(path), "--format", "csv")
        assert result.stdout.split() == ["n", "1045"], path


def test_bad_graph_sources_are_clear_errors(tmp_path):
    (tmp_path / "bad.nt").write_text('<a> <b> "c .\n')
    (tmp_path / "x.csv").write_text("a,b\n")
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "f.txt").write_text("x")
    cases = {
        str(tmp_path / "missing.ttl"): "no such file",
        str(tmp_path / "bad.nt"): "bad.nt:1: cannot be parsed",
        str(tmp_path / "x.csv"): "unknown graph format",
        str(tmp_path / "folder"): "no Oxigraph store",
    }
    for path, message in cases.items():
        result = run("query", COUNT, "-g", path)
        assert result.exit_code == 1 and message in result.stderr, (path, result.output)


def test_build_store_and_query_it(tmp_path):
    store = tmp_path / "out" / "store"
    built = run("build", LIST, "-o", str(tmp_path / "out"), "--store", str(store), "-s")
    assert built.exit_code == 0, built.output
    assert is_store_folder(store)
    answer = run("query", "-n", "lineage", "-p", "name=Fjord", "-g", str(store), "--format", "csv")
    assert answer.exit_code == 0 and "successor of Fjord" in answer.stdout
    why = run("why", "Weir", "-g", str(store))
    assert why.exit_code == 0 and "successor of Fjord" in why.stdout
    # a second build replaces the store, leaves no temporary folder behind
    again = run("build", LIST, "-o", str(tmp_path / "out"), "--store", str(store), "-s")
    assert again.exit_code == 0, again.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "mlsys-graph.jsonld",
        "mlsys-graph.nt",
        "mlsys-graph.ttl",
        "store",
    ]
    assert "1" in run("query", COUNT, "-g", str(store), "--format", "csv").stdout


def test_build_store_refuses_to_replace_a_folder_that_is_no_store(tmp_path):
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.tex").write_text("years of work")
    result = run("build", LIST, "-o", str(tmp_path / "out"), "--store", str(precious), "-s")
    assert result.exit_code == 1 and "refusing to replace it" in result.stderr
    assert (precious / "thesis.tex").read_text() == "years of work"


def test_write_store_keeps_the_old_store_when_loading_fails(tmp_path, monkeypatch):
    store = write_store(open_store([GRAPH]), tmp_path / "store")

    def broken(graph, store):
        store.add(next(iter(open_store([GRAPH]).store)))
        raise RuntimeError("disk full")

    monkeypatch.setattr("mlsys_graph.kg.oxi.store_from_graph", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        write_store(Graph(), store)
    assert len(open_store([store])) == 1045
    assert [p.name for p in tmp_path.iterdir()] == ["store"]


def test_display_prefixes_are_the_graph_prefixes():
    from mlsys_graph.kg.build import PREFIXES

    assert {k: v for k, v in DISPLAY_PREFIXES.items() if k in PREFIXES} == PREFIXES
