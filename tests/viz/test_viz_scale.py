"""The page of a big graph: the entities view chosen without building it, read from any store.

``draw`` chooses and scores the entities view from an outline of the graph (kinds, edges,
asserted claims; no names) and reads names and details only for the nodes it draws. These
tests hold it to the page the whole networkx view gives, and to the same page whether the
store was loaded faithfully (derived XSD datatypes renamed) or as Oxigraph loads a file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mlsys_graph.network.details import read_details
from mlsys_graph.network.facts import read_facts, read_kinds, read_nodes, read_outline
from mlsys_graph.network.project import entities_graph, entity_ties
from mlsys_graph.network.select import memberships
from mlsys_graph.network.source import open_graph
from mlsys_graph.viz import page as page_module
from mlsys_graph.viz import render_html
from mlsys_graph.viz.page import draw

PAYLOADS = Path(__file__).parent / "fixtures" / "payloads.md"


def _whole_view(store, facts, *, size_by, seed, **options):
    """draw's choice of the entities view made on the whole networkx view."""
    return page_module._projected(store, facts, "entities", size_by=size_by, seed=seed, **options)


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"max_nodes": 40},
        {"max_nodes": 120, "size_by": "pagerank"},
        {"max_nodes": 90, "size_by": "betweenness"},
        {"max_nodes": 60, "size_by": None},
        {"focus": "Clipper", "depth": 2, "max_nodes": 15},
        {"kinds": ["paper", "person"], "since": 2018, "max_nodes": 70},
        {"topics": ["Model Serving"]},
    ],
    ids=str,
)
def test_the_outline_draws_the_page_of_the_whole_view(monkeypatch, options):
    options = {"iterations": 10, **options}
    fast = draw(**options)
    monkeypatch.setattr(page_module, "_entities", _whole_view)
    whole = draw(**options)
    assert fast.data == whole.data and (fast.total, fast.dropped) == (whole.total, whole.dropped)
    assert list(fast.graph.edges(data=True)) == list(whole.graph.edges(data=True))


def test_the_pages_of_a_small_graph_keep_their_bytes():
    # Golden: the page data (as the page holds it) of an invented graph, whole, capped by
    # degree and capped by name, made before the page's whole-graph counts were numbered.
    from mlsys_graph.viz.assets import script_json

    fixture = Path(__file__).parents[1] / "network" / "fixtures" / "two-labs.ttl"
    golden = (Path(__file__).parent / "fixtures" / "two-labs-pages.jsonl").read_text()
    cases = [{}, {"max_nodes": 12}, {"max_nodes": 9, "size_by": None}]
    pages = [script_json(draw([fixture], **options).data) for options in cases]
    assert pages == golden.splitlines()


def test_the_cap_keeps_the_highest_degrees_of_the_whole_view():
    full = entities_graph()
    degree = dict(full.degree())
    drawing = draw(max_nodes=100, iterations=5)
    kept = set(drawing.graph)
    assert len(kept) == 100
    assert min(degree[n] for n in kept) >= max(degree[n] for n in full if n not in kept)


def test_a_faithful_store_draws_the_same_page_as_a_plain_one():
    from mlsys_graph.kg.oxi import STORE_DATATYPE_PREFIX, store_from_triples
    from mlsys_graph.pipeline import build

    triples = build([str(PAYLOADS)], validate=False).triples
    faithful = store_from_triples(triples, faithful=True)
    plain = store_from_triples(triples, faithful=False)
    renamed = [
        q for q in faithful if STORE_DATATYPE_PREFIX in str(getattr(q.object, "datatype", ""))
    ]
    assert renamed  # positions and lines are stored under the renamed datatypes
    assert not [q for q in plain if STORE_DATATYPE_PREFIX in str(getattr(q.object, "datatype", ""))]
    page = render_html(plain, iterations=10)
    assert render_html(faithful, iterations=10) == page
    assert '"etAl"' in page or '"authors"' in page  # the details (ordered by position) are there
    for view in ("lineage", "coauthor", "topics"):
        assert render_html(faithful, view=view, iterations=5) == render_html(
            plain, view=view, iterations=5
        )


def test_the_outline_is_the_facts_without_names():
    facts = read_facts()
    outline = read_outline()
    derived = facts.outline()
    edges = {relation: sorted(pairs) for relation, pairs in outline.edges.items()}
    assert (outline.kinds, outline.years, edges) == (derived.kinds, derived.years, derived.edges)
    assert outline.claims == [c for c in facts.claims if c.strength in ("stated", "curated")]
    assert read_facts(min_strength="curated").claims == outline.claims
    assert entity_ties(outline) == entity_ties(facts)
    with pytest.raises(ValueError, match="only claims of strength curated"):
        entity_ties(outline, min_strength="inferred")


def test_a_few_nodes_read_by_subject_are_the_nodes_read_by_scans():
    store = open_graph()
    kinds = read_kinds(store)
    facts = read_facts(store)
    some = sorted(kinds)[::37]
    assert read_nodes(store, kinds, some) == {i: facts.nodes[i] for i in some}
    assert read_nodes(store, kinds) == facts.nodes


def test_details_and_memberships_of_some_nodes_are_those_of_all():
    store = open_graph()
    every = read_details(store)
    facts = read_facts(store)
    some = sorted(every)[::11]
    assert read_details(store, iris=some, facts=read_outline(store)) == {i: every[i] for i in some}
    assert read_details(store, iris=some, facts=facts) == {i: every[i] for i in some}
    whole = memberships(facts)
    part = memberships(read_outline(store), some)
    assert part.topics == {i: whole.topics[i] for i in some}
    assert part.years == {i: whole.years[i] for i in some}


def test_ties_do_not_depend_on_the_order_of_the_pairs():
    from mlsys_graph.network.facts import Outline

    kinds = {"a": "paper", "b": "paper", "t": "topic", "u": "topic"}
    edges = {"about-topic": [("a", "t"), ("b", "t")], "broader": [("u", "t"), ("t", "u")]}
    ties = entity_ties(Outline(kinds, {}, edges, []))
    backwards = {r: pairs[::-1] for r, pairs in edges.items()}
    assert entity_ties(Outline(kinds, {}, backwards, [])) == ties
    assert ties["t", "u"] == {"relation": "broader", "subject": "t", "weight": 1}
    assert entity_ties(Outline(kinds, {}, {r: sorted(p) for r, p in edges.items()}, [])) == ties
