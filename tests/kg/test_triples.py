"""The lean triple set against a plain Python set of the same triples: adds through every
entry point (``add``, the builder's ``iri`` and ``lit``), reads between adds (a freeze
releases the term index, the next add rebuilds it), duplicates, and the empty set."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mlsys_graph.kg.triples import Lit, Triples, ntriple, unpack

EX = "https://example.org/"
XSD_INT = "http://www.w3.org/2001/XMLSchema#integer"

iris = st.sampled_from([EX + c for c in "abcde"])
lits = st.builds(
    Lit,
    st.sampled_from(["x", "y", "", 'q"uote', "two\nlines", EX + "a"]),
    st.sampled_from([None, XSD_INT]),
    st.sampled_from([None, "en"]),
).filter(lambda lit: lit.datatype is None or lit.lang is None)
#: (how, subject, predicate, object); how "read" reads the set in between
ops = st.lists(
    st.one_of(
        st.tuples(st.just("add"), iris, iris, st.one_of(iris, lits)),
        st.tuples(st.just("iri"), iris, iris, iris),
        st.tuples(st.just("lit"), iris, iris, lits.filter(lambda lit: lit.lang is None)),
        st.tuples(st.just("read"), st.none(), st.none(), st.none()),
    ),
    max_size=40,
)


def _apply(t: Triples, model: set, how: str, s, p, o) -> None:
    if how == "read":
        assert len(t) == len(model)
        return
    if how == "add":
        t.add(s, p, o)
    elif how == "iri":
        t.iri(s, p, o)
    else:
        t.lit(s, p, o.lexical, o.datatype)
    model.add((s, p, o))


@settings(max_examples=200, deadline=None)
@given(ops)
def test_same_as_a_set_of_triples(steps):
    t, model = Triples(), set()
    for step in steps:
        _apply(t, model, *step)
    assert len(t) == len(model)
    assert bool(t) == bool(model)
    lines = [ntriple(*triple) for triple in t]
    assert lines == sorted(ntriple(*triple) for triple in model)
    terms = t.terms()
    assert len(terms) == len(set(terms)), "a term is numbered once"
    assert {term for s, _p, o in model for term in (s, o)} == set(terms)
    # rows, subject numbers and the packed layout agree
    seen = set()
    preds = t.predicates()
    for sid, row in t.rows():
        for v in row:
            s, p, o = unpack(v)
            assert s == sid
            seen.add((terms[s], preds[p], terms[o]))
    assert seen == model
    assert [terms[s] for s in t.subject_ids()] == t.subjects()
    assert t.subjects() == sorted(set(t.subjects()), key=t.subjects().index)


def test_literal_fast_path_is_the_same_term_as_add():
    t = Triples()
    t.add(EX + "a", EX + "p", Lit("3", XSD_INT))
    t.lit(EX + "b", EX + "p", "3", XSD_INT)
    t.lit(EX + "b", EX + "p", "3")  # a plain literal: another term
    t.add(EX + "c", EX + "p", "3")  # an IRI "3": another term again
    assert len(t.terms()) == 6
    assert [o for _s, o in t.objects(EX + "p")].count(Lit("3", XSD_INT)) == 2


def test_adding_after_a_read_keeps_numbers():
    t = Triples()
    t.iri(EX + "a", EX + "p", EX + "b")
    assert len(t) == 1
    t.iri(EX + "b", EX + "p", EX + "a")  # the index is rebuilt: a and b keep their numbers
    t.lit(EX + "a", EX + "q", "x")
    t.lit(EX + "a", EX + "q", "x")
    assert len(t) == 3
    assert t.terms() == [EX + "a", EX + "b", Lit("x")]


def test_empty():
    t = Triples()
    assert len(t) == 0 and not t
    assert list(t) == [] and list(t.rows()) == [] and t.subjects() == []


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(iris, iris, st.one_of(iris, lits)), max_size=30),
    st.lists(iris, max_size=3),
    st.integers(0, 3),
    st.one_of(st.none(), st.lists(iris, max_size=2)),
)
def test_around_is_a_walk_forward(triples, starts, depth, follow):
    """around() keeps the triples of the subjects a walk of ``depth`` steps along
    ``follow`` reaches from ``starts``, as a plain breadth-first walk finds them."""
    t = Triples()
    t.update(triples)
    model = set(triples)
    reached, frontier = set(starts), set(starts)
    for _ in range(depth):
        step = {o for s, p, o in model if s in frontier and (follow is None or p in follow)}
        frontier = {o for o in step if type(o) is str} - reached
        reached |= frontier
    numbers = t.term_numbers(starts)
    assert set(numbers) == {s for s in starts if s in {x for s, _p, o in model for x in (s, o)}}
    got = t.around(numbers.values(), depth, follow)
    assert set(got) == {(s, p, o) for s, p, o in model if s in reached}
    assert got.namespaces == t.namespaces
