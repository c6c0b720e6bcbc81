"""Works across lists: the same paper in two invented lists is one node; near-misses stay two.

List A and list B (fixtures/crosslist_*.md) share papers by arXiv id (v1/v2 and abs/pdf
forms), by DOI (case and resolver forms), and by title + year; they also hold near-misses:
the same short name with another title, the same title in another year, and a software
project named like a paper.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mlsys_graph.ingest import parse_paths
from mlsys_graph.ingest.duplicates import duplicate_groups
from mlsys_graph.model import Entry
from mlsys_graph.resolve.catalog import resolve

FIXTURES = Path(__file__).parent / "fixtures"
LISTS = [str(FIXTURES / "crosslist_a.md"), str(FIXTURES / "crosslist_b.md")]


@pytest.fixture(scope="module")
def catalog():
    parsed = parse_paths(LISTS)
    return resolve(parsed.entries, curated_lineage=[])


def _places(resource) -> list[tuple[str, int]]:
    return [(Path(e.source).stem[-1], e.line) for e in resource.occurrences]


def _by_place(catalog) -> dict[tuple[str, int], object]:
    return {place: r for r in catalog.resources for place in _places(r)}


@pytest.mark.parametrize(
    ("line", "why"),
    [
        (4, "same arXiv id, v1 abs link and v2 pdf link, titles worded differently"),
        (6, "same DOI, upper/lower case and doi.org/dx.doi.org forms"),
        (8, "same normalised title and year"),
        (14, "same arXiv id (v1, v3) even with another year and venue"),
    ],
)
def test_the_same_paper_in_two_lists_is_one_node(catalog, line, why):
    a, b = _by_place(catalog)[("a", line)], _by_place(catalog)[("b", line)]
    assert a is b, why
    assert _places(a) == [("a", line), ("b", line)]


@pytest.mark.parametrize(
    ("line", "why"),
    [
        (10, "same title, different year"),
        (12, "same short name and first author, different title"),
    ],
)
def test_near_misses_stay_apart(catalog, line, why):
    a, b = _by_place(catalog)[("a", line)], _by_place(catalog)[("b", line)]
    assert a is not b, why
    assert a.key != b.key


def test_never_across_kinds(catalog):
    software = _by_place(catalog)[("a", 18)]
    assert software.kind == "software"
    assert _places(software) == [("a", 18)]


def test_counts(catalog):
    kinds = [r.kind for r in catalog.resources]
    assert kinds.count("paper") == 8 and kinds.count("software") == 1


def test_lint_reports_exactly_the_merges():
    problems = [p for p in parse_paths(LISTS).problems if p.code == "duplicate-entry"]
    assert [(Path(p.path).name, p.line) for p in problems] == [
        ("crosslist_b.md", 4),
        ("crosslist_b.md", 6),
        ("crosslist_b.md", 8),
        ("crosslist_b.md", 14),
    ]
    assert all("first at " in p.message and "crosslist_a.md" in p.message for p in problems)


def test_the_graph_has_one_node_with_a_record_in_each_list(catalog):
    from mlsys_graph.kg import iri
    from mlsys_graph.kg.build import build_graph
    from mlsys_graph.kg.vocab import MLS

    graph = build_graph(catalog)
    tarn = _by_place(catalog)[("a", 4)]
    records = list(graph.objects(iri.from_key(tarn.key), MLS.sourceRecord))
    docs = {graph.value(r, MLS.inDocument) for r in records}
    assert len(records) == 2 and len(docs) == 2


def _paper(line, title, year=None, arxiv=None, doi=None, source="x.md", kind="paper"):
    return Entry(source, line, line, None, None, kind, title, None, arxiv=arxiv, doi=doi, year=year)


def test_a_paper_without_year_joins_only_an_unambiguous_title():
    one = [_paper(1, "Tarn serving", 2019), _paper(2, "Tarn serving")]
    assert duplicate_groups(one) == [[0, 1]]
    two = [
        _paper(1, "Tarn serving", 2019),
        _paper(2, "Tarn serving", 2020),
        _paper(3, "Tarn serving"),
    ]
    assert duplicate_groups(two) == [[0], [1], [2]]


def test_a_thesis_counts_as_a_paper_but_software_does_not():
    entries = [
        _paper(1, "Tarn", arxiv="2101.00001"),
        _paper(2, "Tarn thesis", arxiv="arXiv:2101.00001v4", kind="thesis"),
        _paper(3, "Tarn code", arxiv="2101.00001", kind="software"),
    ]
    assert duplicate_groups(entries) == [[0, 1], [2]]


def test_an_arxiv_doi_is_the_arxiv_id():
    entries = [_paper(1, "A", arxiv="2101.00001"), _paper(2, "B", doi="10.48550/arXiv.2101.00001")]
    assert duplicate_groups(entries) == [[0, 1]]


def test_different_identifiers_and_no_title_match_stay_apart():
    entries = [_paper(1, "Tarn", arxiv="2101.00001"), _paper(2, "Tarn", arxiv="2101.00002")]
    # same title, no year: the title rule never joins papers whose identifiers differ
    assert duplicate_groups(entries) == [[0], [1]]
    entries = [_paper(1, "Tarn", 2021, arxiv="2101.00001"), _paper(2, "Tarn", 2022)]
    assert duplicate_groups(entries) == [[0], [1]]
