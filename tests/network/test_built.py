"""Reading a graph as built (network.built) against reading a store of all of it.

The page of a big build is drawn from its triples without a store of the whole graph: the
outline straight from the packed triples, the nodes drawn from a store of what is around
them. Both must read what the store readers read, on the bundled graph and on a list of
odd entries (the page's payload fixture: claims, links of every scheme, odd names).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from mlsys_graph.kg.oxi import store_from_triples
from mlsys_graph.network.built import numbered_from_triples, store_around
from mlsys_graph.network.details import read_details, source_documents
from mlsys_graph.network.facts import STRENGTHS, read_kinds, read_nodes, read_numbered
from mlsys_graph.pipeline import build
from mlsys_graph.viz.html import render_html

PAYLOADS = Path(__file__).parents[1] / "viz" / "fixtures" / "payloads.md"


@pytest.fixture(scope="module", params=["bundled", "payloads"])
def graph(request):
    """(built triples, a store of all of them)."""
    paths = None if request.param == "bundled" else [str(PAYLOADS)]
    triples = build(paths, validate=False).triples
    return triples, store_from_triples(triples)


def _as_sets(numbered):
    outline = numbered.outline()
    edges = {r: sorted(pairs) for r, pairs in outline.edges.items()}
    return outline.kinds, outline.years, edges, numbered.claims


@pytest.mark.parametrize("strength", STRENGTHS)
def test_the_outline_read_from_the_triples_is_the_stores(graph, strength):
    triples, store = graph
    built = numbered_from_triples(triples, min_strength=strength)
    stored = read_numbered(store, min_strength=strength)
    assert _as_sets(built) == _as_sets(stored)
    assert sorted(built.iris) == sorted(stored.iris)
    assert read_numbered(triples, min_strength=strength).claims == stored.claims  # dispatched


def test_an_unknown_strength_is_refused(graph):
    with pytest.raises(ValueError, match="min_strength"):
        numbered_from_triples(graph[0], min_strength="rumoured")


def test_the_store_around_some_nodes_reads_as_the_whole_store(graph):
    """Every node, in random groups: details, node infos and the lists' names read from
    the store around a group are those read from the whole store."""
    triples, store = graph
    kinds = read_kinds(store)
    nodes = sorted(kinds)
    random.Random(0).shuffle(nodes)
    whole = read_details(store, facts=None)
    for start in range(0, len(nodes), 97):
        group = nodes[start : start + 97]
        small = store_around(triples, group)
        assert len(small) < len(triples)
        assert read_nodes(small, kinds, group) == read_nodes(store, kinds, group)
        details = read_details(small, iris=group, facts=_outline_of(kinds))
        assert details == {i: whole[i] for i in sorted(group)}
    assert source_documents(store_around(triples, [])) == source_documents(store)


def _outline_of(kinds):
    from mlsys_graph.network.facts import Outline

    return Outline(kinds, {}, {}, [])


@pytest.mark.parametrize("options", [{}, {"max_nodes": 25}, {"max_nodes": 60, "size_by": None}])
def test_the_page_drawn_from_the_triples_is_the_page_of_the_store(graph, options):
    triples, store = graph
    options = {"iterations": 10, **options}
    assert render_html(triples, **options) == render_html(store, **options)


def test_other_views_of_triples_read_a_store_of_them(graph):
    triples, store = graph
    options = {"view": "lineage", "iterations": 10}
    assert render_html(triples, **options) == render_html(store, **options)
