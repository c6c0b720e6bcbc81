"""kg.shacl.reads: the predicates each compiled query reads, and slices of a graph."""

from __future__ import annotations

import pytest
from rdflib.paths import Path as RdflibPath
from rdflib.plugins.sparql import prepareQuery
from rdflib.term import URIRef, Variable

from mlsys_graph.kg.shacl.reads import ALWAYS, plan_slices, predicates_in, query_predicates
from mlsys_graph.kg.validate import _bundled_queries


def _algebra_predicates(text: str) -> set:
    """The predicates of every triple pattern of a query, by rdflib's own parser: IRIs,
    the IRIs inside property paths, and variables (which no slice can hold)."""
    found: set = set()

    def path_iris(path) -> None:
        for name in ("args", "arg", "path"):
            inner = getattr(path, name, None)
            if inner is None:
                continue
            for step in inner if isinstance(inner, list) else [inner]:
                if isinstance(step, URIRef):
                    found.add(str(step))
                elif isinstance(step, RdflibPath):
                    path_iris(step)

    def walk(node) -> None:
        if isinstance(node, dict):
            for triple in node.get("triples") or [] if getattr(node, "name", "") == "BGP" else []:
                predicate = triple[1]
                if isinstance(predicate, Variable):
                    found.add(predicate)
                elif isinstance(predicate, URIRef):
                    found.add(str(predicate))
                elif isinstance(predicate, RdflibPath):
                    path_iris(predicate)
            for value in node.values():
                walk(value)
        elif isinstance(node, list | tuple):
            for value in node:
                walk(value)

    walk(prepareQuery(text).algebra)
    return found


def _texts(query) -> list[str]:
    texts = [query.text, query.guard]
    texts += [c.focus_check for b in query.branches for c in b.checks]
    return [t for t in texts if t]


@pytest.mark.parametrize("subclasses", [False, True])
def test_every_bundled_query_reads_only_the_predicates_it_names(subclasses):
    queries = _bundled_queries(subclasses)
    assert len(queries) > 50
    for query in queries:
        named = query_predicates(query)
        for text in _texts(query):
            read = _algebra_predicates(text)
            assert not any(isinstance(p, Variable) for p in read), text
            assert read <= named, (query.name, read - named)


def test_prefixed_names_and_iris():
    text = """PREFIX mls: <https://w3id.org/mlsys-graph/ontology#>
    PREFIX : <https://e.org/>
    SELECT ?s WHERE { ?s mls:author/:name ?o . ?s <https://e.org/p>* ?x . ?s a ?c
      FILTER (?o != "mls:notAPredicate") }"""
    # an IRI in a string may be counted too (more triples loaded, never fewer)
    assert {
        "https://w3id.org/mlsys-graph/ontology#author",
        "https://e.org/name",
        "https://e.org/p",
    } | ALWAYS <= predicates_in(text)
    assert predicates_in("SELECT * { ?s a ?c }") == ALWAYS


def test_slices_balance_and_keep_each_group_whole():
    counts = {"a": 100, "b": 60, "c": 50, "d": 5}
    groups = [{"a"}, {"b", "d"}, {"c", "d"}, {"a", "d"}]
    plan = plan_slices(groups, counts, 2)
    assert sorted(g for s in plan for g in s.groups) == [0, 1, 2, 3]
    for s in plan:
        assert all(set(groups[g]) <= s.predicates for g in s.groups)
        assert s.predicates >= ALWAYS
    sizes = sorted(sum(counts.get(p, 0) for p in s.predicates) for s in plan)
    assert sizes == [105, 115]


def test_one_slice_or_fewer_groups_than_slices():
    plan = plan_slices([{"a"}], {"a": 3}, 4)
    assert len(plan) == 1 and plan[0].groups == (0,)
    assert [s.groups for s in plan_slices([{"a"}, {"b"}], {}, 1)] == [(0, 1)]
