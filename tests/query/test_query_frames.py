"""Named query results as DataFrames: columns in the query's order, Python values, bound
parameters, the same rows as run_query."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from mlsys_graph.errors import QueryUsageError
from mlsys_graph.query import get_query, named_frame, open_store, run_query, solutions_frame
from mlsys_graph.query.frames import XSD, python_value

pytest.importorskip("pandas")


def test_named_frame_has_the_rows_of_run_query_as_python_values():
    store = open_store()
    query = get_query("papers-at-venue")
    rows = run_query(store, query.text, query.bindings({"venue": "NIPS"}))
    frame = named_frame("papers-at-venue", {"venue": "NIPS"}, store)
    assert list(frame.columns) == ["venue", "year", "acronym", "published", "title",
                                   "asWritten", "entry"]  # fmt: skip
    assert len(frame) == len(rows) > 0
    assert set(frame["acronym"]) == {"NeurIPS"}  # NIPS is one of NeurIPS's spellings
    assert sorted(frame["entry"]) == sorted(str(r["entry"]) for r in rows)
    years = [y for y in frame["published"] if y is not None]
    assert years and all(isinstance(y, int) for y in years)
    assert frame["year"].isna().all()  # the optional parameter left unbound


def test_parameters_are_bound_never_pasted():
    frame = named_frame("papers-at-venue", {"venue": '" || true) } #'})
    assert frame.empty and "title" in frame.columns


def test_usage_errors_name_the_parameters():
    with pytest.raises(QueryUsageError, match="needs --param venue"):
        named_frame("papers-at-venue")
    with pytest.raises(QueryUsageError, match="has no parameter colour"):
        named_frame("topics", {"colour": "red"})


def test_shortened_iris_and_counts():
    frame = named_frame("topics", shorten=True)
    assert all(t.startswith("id:") for t in frame["topic"])
    assert frame["entries"].dtype.kind == "i" and (frame["withNarrower"] >= frame["entries"]).all()


def test_solutions_frame_of_an_ad_hoc_query_and_unbound_values():
    store = ox.Store()
    ex = "https://e.org/"
    store.add(
        ox.Quad(
            ox.NamedNode(ex + "a"),
            ox.NamedNode(ex + "n"),
            ox.Literal("3", datatype=ox.NamedNode(XSD + "integer")),
        )
    )
    store.add(
        ox.Quad(ox.NamedNode(ex + "b"), ox.NamedNode(ex + "m"), ox.Literal("x", language="en"))
    )
    result = store.query(
        f"SELECT ?s ?n WHERE {{ ?s ?p ?o OPTIONAL {{ ?s <{ex}n> ?n }} }} ORDER BY ?s"
    )
    frame = solutions_frame(result, prefixes={"e": ex})
    assert frame.values.tolist() == [["e:a", 3], ["e:b", None]]


@pytest.mark.parametrize(
    ("term", "value"),
    [
        (ox.Literal("1.5", datatype=ox.NamedNode(XSD + "decimal")), 1.5),
        (ox.Literal("true", datatype=ox.NamedNode(XSD + "boolean")), True),
        (ox.Literal("2019-05", datatype=ox.NamedNode(XSD + "gYearMonth")), "2019-05"),
        (ox.Literal("Ada", language="en"), "Ada"),
        (ox.BlankNode("b1"), "_:b1"),
    ],
)
def test_python_values(term, value):
    assert python_value(term) == value
