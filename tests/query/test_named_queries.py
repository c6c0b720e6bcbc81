"""The named queries: golden results over an invented graph, headers, bound parameters.

The golden files (golden/*.tsv, SPARQL 1.1 TSV) are the results of each case of
golden/cases.toml over fixtures/graph.ttl, the graph of the invented fixtures/list.md;
`python tools/regen_query_golden.py` rewrites them after a deliberate change.
"""

from __future__ import annotations

import re
import shlex
import tomllib
from functools import cache
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from conftest import ROOT
from mlsys_graph.cli import cli
from mlsys_graph.errors import QueryError, QuerySyntaxError, QueryUsageError
from mlsys_graph.query.sparql import (
    VALUES_MARK,
    execute,
    get_query,
    parse_header,
    query_names,
    run_query,
    variables_of,
    with_values,
)
from mlsys_graph.query.store import open_store

HERE = Path(__file__).parent
GRAPH = HERE / "fixtures" / "graph.ttl"
CASES = tomllib.loads((HERE / "golden" / "cases.toml").read_text(encoding="utf-8"))["case"]
PAYLOAD = '" || true) } #'


@cache
def fixture_store():
    return open_store([GRAPH])


def tsv(name: str, params: dict[str, str]) -> str:
    query = get_query(name)
    result = execute(fixture_store(), query.text, query.bindings(params), name=query.path)
    return result.serialize(format=ox.QueryResultsFormat.TSV).decode("utf-8")


@pytest.mark.parametrize("case", CASES, ids=[f"{c['query']}:{c['expected']}" for c in CASES])
def test_golden(case):
    expected = (HERE / "golden" / case["expected"]).read_text(encoding="utf-8")
    assert tsv(case["query"], case["params"]) == expected


WITH_PARAMS = [c for c in CASES if c["params"]]


@pytest.mark.parametrize(
    "case", WITH_PARAMS, ids=[f"{c['query']}:{c['expected']}" for c in WITH_PARAMS]
)
def test_values_block_gives_the_golden_rows_on_any_sparql_engine(case):
    """With its parameters in a VALUES block, a named query runs on any SPARQL 1.1 server:
    Oxigraph without substitutions, and rdflib's engine, give the golden rows."""

    query = get_query(case["query"])
    text = with_values(query, query.bindings(case["params"]))
    expected = (HERE / "golden" / case["expected"]).read_text(encoding="utf-8")
    result = fixture_store().store.query(text)
    assert result.serialize(format=ox.QueryResultsFormat.TSV).decode("utf-8") == expected
    rdflib_rows = list(rdflib_graph().query(text))
    assert len(rdflib_rows) == len(expected.splitlines()) - 1


@cache
def rdflib_graph():
    from rdflib import Graph

    return Graph().parse(GRAPH)


def test_values_block_keeps_the_payload_one_string():
    query = get_query("find-entry")
    text = with_values(query, query.bindings({"text": PAYLOAD}))
    assert list(fixture_store().store.query(text)) == []


def test_every_named_query_has_a_golden_case_with_rows():
    covered = {c["query"] for c in CASES}
    assert covered == set(query_names())
    for case in CASES:
        rows = (HERE / "golden" / case["expected"]).read_text().splitlines()[1:]
        assert rows, f"{case['expected']} has no rows: a golden case must show an answer"


def test_the_fixture_graph_conforms():
    from rdflib import Graph

    from mlsys_graph.kg.validate import validate

    violations = validate(Graph().parse(GRAPH))
    assert [v for v in violations if v.severity == "Violation"] == []


def test_alias_spelling_and_case_find_the_same_rows():
    def rows(query, **params):
        return [line.split("\t", 1)[1] for line in tsv(query, params).splitlines()[1:]]

    assert rows("papers-at-venue", venue="NIPS") == rows("papers-at-venue", venue="neurips")
    assert rows("papers-at-venue", venue="NIPS") == rows(
        "papers-at-venue", venue="Conference on Neural Information Processing Systems"
    )
    assert rows("papers-by-author", author="A. Quill") == rows(
        "papers-by-author", author="QUILL, Ada"
    )
    assert rows("lineage", name="Fjord") == rows(
        "lineage", name="https://w3id.org/mlsys-graph/id/paper/quill2017-fjord"
    )


def test_optional_year_filters_when_given():
    all_years = tsv("papers-at-venue", {"venue": "NeurIPS"}).splitlines()[1:]
    one_year = tsv("papers-at-venue", {"venue": "NeurIPS", "year": "2018"}).splitlines()[1:]
    assert len(all_years) == 3 and len(one_year) == 1 and "Brook" in one_year[0]
    assert tsv("papers-at-venue", {"venue": "NeurIPS", "year": "1999"}).splitlines()[1:] == []


def test_lineage_follows_facts_not_inferred_candidates():
    text = tsv("lineage", {"name": "Fjord"})
    assert "inferred" not in text  # the fixture has inferred candidates (see why.tsv)
    assert "inferred" in tsv(
        "why", {"entry": "https://w3id.org/mlsys-graph/id/paper/quill2017-fjord"}
    )


# --- parameters are bound, never pasted ------------------------------------------------------


def _literal_parameters():
    for name in query_names():
        for p in get_query(name).parameters:
            if not p.iri:
                yield name, p.name


@pytest.mark.parametrize("name,param", list(_literal_parameters()))
def test_injection_payload_matches_nothing(name, param):
    query = get_query(name)
    values = {p.name: "Ada Quill" for p in query.parameters if not p.optional}
    values[param] = PAYLOAD
    result = list(execute(fixture_store(), query.text, query.bindings(values)))
    assert result == []


def test_the_payload_is_a_real_attack_when_pasted():
    """The payload pasted into query text (what we never do) matches every entry."""
    pasted = (
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        f'SELECT ?entry WHERE {{ ?entry rdfs:label ?label FILTER(STR(?label) = "{PAYLOAD}") }}'
    )
    assert len(list(fixture_store().store.query(pasted))) > 10
    assert run_query(fixture_store(), get_query("find-entry").text, {"text": PAYLOAD}) == []


def test_bindings_are_rdf_terms():
    query = get_query("why")
    terms = query.bindings({"entry": "<https://w3id.org/mlsys-graph/id/paper/x>"})
    assert terms["entry"] == ox.NamedNode("https://w3id.org/mlsys-graph/id/paper/x")
    assert get_query("lineage").bindings({"name": "<x>"})["name"] == ox.Literal("<x>")


def test_unknown_and_missing_parameters_list_the_valid_ones():
    with pytest.raises(QueryUsageError, match=r"no parameter auth.*parameters: author"):
        get_query("coauthors").bindings({"auth": "x"})
    with pytest.raises(
        QueryUsageError, match=r"needs --param venue=VALUE.*venue, year \(optional\)"
    ):
        get_query("papers-at-venue").bindings({"year": "2019"})
    with pytest.raises(QueryUsageError, match="takes no parameters"):
        get_query("topics").bindings({"x": "1"})
    with pytest.raises(QueryUsageError, match=r"known: .*papers-by-author"):
        get_query("papers-by-autor")


def test_ad_hoc_bindings_must_be_variables_of_the_query():
    store = fixture_store()
    with pytest.raises(QueryUsageError, match=r"no variable \?q.*\?s"):
        execute(store, "SELECT ?s WHERE { ?s ?p ?o }", {"q": "x"})
    with pytest.raises(QueryUsageError, match=r"\?o is bound but not selected"):
        execute(store, "SELECT ?s WHERE { ?s ?p ?o }", {"o": "x"})


def test_syntax_error_has_line_and_column():
    with pytest.raises(QuerySyntaxError) as caught:
        execute(fixture_store(), "SELECT ?s\nWHERE {\n  ?s ?p\n}", name="q.rq")
    error = caught.value
    assert (error.source, error.line) == ("q.rq", 4) and error.column is not None
    assert str(error).startswith("q.rq:4:")


def test_run_query_returns_rdflib_terms_and_accepts_an_rdflib_graph():
    from rdflib import Graph, Literal, URIRef

    graph = Graph().parse(GRAPH)
    rows = run_query(graph, get_query("find-entry").text, {"text": Literal("fjord")})
    assert rows == [
        {
            "text": Literal("fjord"),
            "entry": URIRef("https://w3id.org/mlsys-graph/id/paper/quill2017-fjord"),
            "label": Literal("Fjord: Pipelines of Models"),
        }
    ]
    with pytest.raises(QueryError, match="SELECT"):
        run_query(graph, "ASK { ?s ?p ?o }")


# --- headers: the documentation of each query -------------------------------------------------


@pytest.mark.parametrize("name", query_names())
def test_header(name):
    query = get_query(name)
    assert query.description and query.description.endswith(".")
    assert query.examples, "an example call"
    for example in query.examples:
        assert example.startswith(f"mlsys-graph query --name {name}")
    assert (VALUES_MARK in query.text) == bool(query.parameters)
    selected = re.search(r"SELECT(.*?)WHERE", query.text, re.S)[1]
    first = re.findall(r"\?(\w+)", selected)[: len(query.parameters)]
    assert first == [p.name for p in query.parameters], "parameters are selected first"


@pytest.mark.parametrize("name", query_names())
def test_example_answers_on_the_bundled_graph(name):
    """Each example call in a header runs on the bundled graph and gives rows."""
    for example in get_query(name).examples:
        args = [*shlex.split(example)[1:], "--format", "tsv"]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, result.output
        assert len(result.stdout.splitlines()) > 1, f"no rows for {example}"


def test_bundled_graph_answers_sensibly():
    store = open_store()

    def values(query_name, column, **params):
        query = get_query(query_name)
        return [
            row[column].value
            for row in execute(store, query.text, query.bindings(params))
            if row[column] is not None
        ]

    assert "Ray: A Distributed Framework for Emerging AI Applications" in values(
        "papers-at-venue", "title", venue="OSDI", year="2018"
    )
    assert set(values("papers-at-venue", "acronym", venue="NIPS")) == {"NeurIPS"}
    assert "InferLine" in values("lineage", "subject", name="Clipper")
    assert "ucbrise/clipper" in values("systems-with-code", "repository")
    assert "Model serving" in values("topics", "label")
    assert values("papers-by-author", "title", author="Zaharia, Matei") == values(
        "papers-by-author", "title", author="matei zaharia"
    )
    assert len(values("papers-by-author", "title", author="Matei Zaharia")) >= 3


def test_parse_header_rules():
    text = "# q: x.\n#\n# Parameters: none\n# Example:\n#   mlsys-graph query --name q\nSELECT"
    assert parse_header(text) == ("q", "x.", (), ("mlsys-graph query --name q",))
    with pytest.raises(ValueError, match="NAME: description"):
        parse_header("SELECT * WHERE {}")
    with pytest.raises(ValueError, match="unknown parameter flags"):
        parse_header("# q: x.\n# Parameters:\n#   a (sometimes)  text\n")


def test_variables_of():
    assert variables_of("SELECT ?a WHERE { ?a <p> $b }") == ["a", "b"]


def test_docs_list_every_named_query():
    docs = (ROOT / "docs" / "queries.md").read_text(encoding="utf-8")
    for name in query_names():
        assert f"### `{name}`" in docs, name
        for p in get_query(name).parameters:
            assert f"`{p.name}`" in docs


def test_lineage_follows_every_relation_a_claim_may_have():
    """The chains of `lineage` follow exactly the relations the shapes allow in
    mls:claimRelation (a new relation fails here until the query follows it too)."""
    from rdflib import Graph, Namespace
    from rdflib.collection import Collection

    sh = Namespace("http://www.w3.org/ns/shacl#")
    shapes = Graph().parse(ROOT / "ontology" / "shapes.ttl")
    mls = "https://w3id.org/mlsys-graph/ontology#"
    [shape] = [s for s in shapes.subjects(sh.path, None) if str(s).endswith("claimRelation")]
    allowed = {str(t).removeprefix(mls) for t in Collection(shapes, shapes.value(shape, sh["in"]))}
    text = get_query("lineage").text
    paths = re.findall(r"\?start \(([^)]*)\)\*", text)
    assert len(paths) == 2
    for path in paths:
        assert {p.strip().lstrip("^").removeprefix("mls:") for p in path.split("|")} == allowed
    for name in query_names():
        assert "usesMethodIn" not in get_query(name).text, name
