"""pipeline.write_validated: the files written while the graph is validated beside them."""

from __future__ import annotations

import pytest

from mlsys_graph import pipeline
from mlsys_graph.errors import ValidationFailed
from mlsys_graph.kg import store as kg_store
from mlsys_graph.kg.build import PREFIXES, namespaces
from mlsys_graph.kg.triples import Lit, Triples
from mlsys_graph.pipeline import Validation, build, write_validated

PAPER = "https://w3id.org/mlsys-graph/id/paper/x2019-broken"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@pytest.fixture(scope="module")
def bundled():
    return build(validate=False).triples


def broken() -> Triples:
    t = Triples(namespaces())
    t.add(PAPER, RDF_TYPE, "https://w3id.org/mlsys-graph/ontology#Paper")
    t.add(PAPER, "http://www.w3.org/2000/01/rdf-schema#label", Lit("x"))
    return t


def contents(folder) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_writes_the_set_with_a_page_of_the_validated_store(tmp_path, bundled):
    seen = []

    def page(store):
        seen.append(store)
        return f"<p>{len(store)}</p>"

    written, results, store = write_validated(
        bundled, tmp_path / "out", pages={"mlsys-graph.html": page}
    )
    assert [p.name for p in written] == [
        "mlsys-graph.ttl",
        "mlsys-graph.nt",
        "mlsys-graph.jsonld",
        "mlsys-graph.html",
    ]
    assert seen == [store] and len(store) == len(bundled)
    assert (tmp_path / "out" / "mlsys-graph.html").read_text() == f"<p>{len(bundled)}</p>"
    assert all(r.severity != "Violation" for r in results)
    assert results == pipeline.validate_triples(bundled)  # the same check as the library's


def test_a_graph_that_does_not_conform_is_not_written(tmp_path, bundled):
    out = tmp_path / "out"
    write_validated(bundled, out)
    before = contents(out)
    with pytest.raises(ValidationFailed) as info:
        write_validated(broken(), out, pages={"mlsys-graph.html": lambda store: "<p>x</p>"})
    assert any(v.focus == PAPER and v.severity == "Violation" for v in info.value.violations)
    assert contents(out) == before  # the previous set, whole, and no temporary folder
    assert not (out / "mlsys-graph.html").exists()  # drawn perhaps, never written


def test_validation_runs_beside_the_writing(tmp_path, bundled, monkeypatch):
    """The N-Triples are written first; validation starts as they are written, before the
    Turtle is rendered."""
    events = []
    start, turtle = Validation.start, kg_store.write_turtle

    def started(self, path, complete=None, parts=()):
        events.append(("validating", path.name, complete.is_set()))
        start(self, path, complete, parts)

    def writing(*args, **kwargs):
        events.append(("turtle",))
        return turtle(*args, **kwargs)

    monkeypatch.setattr(Validation, "start", started)
    monkeypatch.setattr(kg_store, "write_turtle", writing)
    write_validated(bundled, tmp_path / "out")
    assert events == [("validating", "mlsys-graph.nt", False), ("turtle",)]


needs_fork = pytest.mark.skipif(
    "fork" not in __import__("multiprocessing").get_all_start_methods(), reason="no fork"
)


@needs_fork
def test_big_graphs_draw_the_pages_while_forked_processes_write(tmp_path, bundled, monkeypatch):
    """Above the parallel threshold the Turtle and JSON-LD are written by forked processes
    and the pages are drawn meanwhile: the forked Turtle writer waits for the page to be
    drawn (a file the page function makes), which would time out if the pages waited for
    the writers. The files are the same bytes as written one after the other."""
    import time

    kg_store.write_outputs(bundled, tmp_path / "plain", PREFIXES, workers=1)
    monkeypatch.setattr(kg_store, "PARALLEL_MIN_TRIPLES", 0)
    drawn, turtle = tmp_path / "drawn", kg_store.write_turtle

    def waiting(*args, **kwargs):  # runs in the forked process
        deadline = time.monotonic() + 60
        while not drawn.exists():
            if time.monotonic() > deadline:
                raise RuntimeError("the page was not drawn while the Turtle was written")
            time.sleep(0.02)
        return turtle(*args, **kwargs)

    def page(store):
        drawn.touch()
        return "<p>drawn</p>"

    monkeypatch.setattr(kg_store, "write_turtle", waiting)
    write_validated(bundled, tmp_path / "out", pages={"p.html": page})
    written = contents(tmp_path / "out")
    assert written.pop("p.html") == b"<p>drawn</p>"
    assert written == contents(tmp_path / "plain")


def test_without_validation_the_pages_are_drawn_from_the_triples(tmp_path):
    t = broken()
    seen = []
    _written, results, store = write_validated(
        t, tmp_path / "out", validate=False, pages={"p.html": lambda g: seen.append(g) or "x"}
    )
    assert results == [] and store is None and seen == [t]
    assert (tmp_path / "out" / "p.html").read_text() == "x"


def test_an_error_in_the_validation_reaches_the_caller(tmp_path, bundled, monkeypatch):
    def fails(store, path, **kwargs):
        raise ValueError("cannot load")

    monkeypatch.setattr("mlsys_graph.kg.oxi.load_ntriples_file", fails)
    with pytest.raises(ValueError, match="cannot load"):
        write_validated(bundled, tmp_path / "out")
    assert not (tmp_path / "out" / "mlsys-graph.nt").exists()


def test_wait_before_start():
    with pytest.raises(RuntimeError, match="not started"):
        Validation().wait()


def test_the_lenient_load_holds_what_a_checked_load_holds(tmp_path, bundled):
    """The validation loads the written N-Triples without Oxigraph checking each IRI again
    (the terms were checked strictly before writing): the store is the same."""
    import pyoxigraph as ox

    from mlsys_graph.kg.oxi import load_ntriples_file

    _written, _results, store = write_validated(bundled, tmp_path / "out")
    checked = load_ntriples_file(ox.Store(), tmp_path / "out" / "mlsys-graph.nt")
    assert len(store) == len(checked) == len(bundled)
    assert set(store) == set(checked)


@pytest.mark.parametrize(
    "iri", ["https://example.org/a%zz", "https://example.org:port/", "no-scheme/a"]
)
def test_an_iri_oxigraph_would_refuse_stops_the_build_before_writing(tmp_path, iri):
    """What the lenient load would let through is refused first, with the IRI named, and
    nothing is written."""
    t = broken()
    t.add(PAPER, "https://schema.org/url", iri)
    with pytest.raises(ValueError, match="not a valid IRI") as info:
        write_validated(t, tmp_path / "out")
    assert repr(iri) in str(info.value)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    write_validated(t, tmp_path / "unchecked", validate=False)  # writers take what they can write


def _mutated(triples: Triples) -> Triples:
    """The triples with a few violations of different shapes added."""
    t = Triples(namespaces())
    t.update(triples)
    for s, p, o in broken():
        t.add(s, p, o)
    person = "https://w3id.org/mlsys-graph/id/person/nobody"
    t.add(person, RDF_TYPE, "https://w3id.org/mlsys-graph/ontology#Person")
    t.add(PAPER, "https://w3id.org/mlsys-graph/ontology#year", Lit("yesterday"))
    return t


@pytest.mark.parametrize("mutate", [False, True])
def test_a_big_graph_is_checked_in_slices_with_the_same_results(
    tmp_path, bundled, monkeypatch, mutate
):
    """Above SLICED_MIN_TRIPLES the graph is checked in slices, each loaded, checked and let
    go before the next: the same results and files, no store of the whole graph, and the
    page drawn from the built triples themselves, after the slices (never beside one)."""
    from mlsys_graph.kg import oxi

    triples = _mutated(bundled) if mutate else bundled
    try:
        whole = write_validated(triples, tmp_path / "whole")[1]
    except ValidationFailed as exc:
        whole = exc.violations
    assert any(v.severity == "Violation" for v in whole) == mutate

    loaded, load = [], oxi.load_ntriples_file

    def counted(store, path, **kwargs):
        loaded.append(path.name)
        store = load(store, path, **kwargs)
        loaded.append(len(store))
        return store

    from mlsys_graph.kg.shacl import engine

    checked, run = [], engine.run_queries

    def checking(store, queries, **kwargs):
        found = run(store, queries, **kwargs)
        checked.append(len(store))
        return found

    monkeypatch.setattr(pipeline, "SLICED_MIN_TRIPLES", 0)
    monkeypatch.setattr(oxi, "load_ntriples_file", counted)
    monkeypatch.setattr(engine, "run_queries", checking)
    drawn = []

    def page(graph):
        drawn.append(graph)
        assert len(checked) == 2, "the page is drawn once both slices are checked"
        return "<p>page</p>"

    try:
        results = write_validated(triples, tmp_path / "sliced", pages={"p.html": page})[1]
    except ValidationFailed as exc:
        results = exc.violations
    assert results == whole
    assert loaded[0::2] == ["slice-0.nt", "slice-1.nt"]
    assert all(n < len(triples) for n in loaded[1::2])  # never the whole graph
    assert sum(loaded[1::2]) > len(triples) * 0.9  # between them, nearly all of it
    if not mutate:
        assert drawn == [triples]
        assert contents(tmp_path / "sliced") == {
            **contents(tmp_path / "whole"),
            "p.html": b"<p>page</p>",
        }


def test_the_page_of_a_sliced_build_is_the_page_of_one_store(tmp_path, bundled, monkeypatch):
    """The page a sliced build draws from its triples is the page drawn from the whole
    store (what a smaller build draws)."""
    from mlsys_graph.viz.html import render_html

    whole = tmp_path / "whole"
    write_validated(bundled, whole, pages={"p.html": render_html})
    monkeypatch.setattr(pipeline, "SLICED_MIN_TRIPLES", 0)
    write_validated(bundled, tmp_path / "sliced", pages={"p.html": render_html})
    assert contents(tmp_path / "sliced") == contents(whole)
