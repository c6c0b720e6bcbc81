"""People at scale: the indexed pair search of the resolver decides exactly what trying every
pair of a family decides (on random author lists and on the seed list's authors)."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlsys_graph.resolve import people
from mlsys_graph.resolve.people import AuthorOccurrence, PeopleCuration, resolve_people

HERE = Path(__file__).parent


def every_pair(monkeypatch) -> None:
    """The resolver as it was: every pair of a family is tried."""
    resolver = people._Resolver
    monkeypatch.setattr(
        resolver, "same_given_name_pairs", staticmethod(lambda full: list(combinations(full, 2)))
    )
    monkeypatch.setattr(
        resolver, "could_fit", staticmethod(lambda group, groups, blocks, bare: groups)
    )
    monkeypatch.setattr(resolver, "pairs_to_judge", lambda self, family: combinations(family, 2))


def outcome(result):
    return (
        [(p.key, p.label, p.variants, p.rules, p.curated) for p in result.people],
        dict(result.person_of),
        [(d.a, d.b, d.reason, d.a_names, d.b_names) for d in result.possible_duplicates],
    )


GIVEN = ["Wei", "Wen", "W.", "Y.", "Yu", "Yi", "Wei X.", "W. X.", "Wei-Li", "", "Ada", "A."]
FAMILY = ["Wang", "Li", "Kang"]
NAME = st.builds(lambda g, f: f"{g} {f}".strip(), st.sampled_from(GIVEN), st.sampled_from(FAMILY))
LISTS = st.lists(st.lists(NAME, min_size=1, max_size=4, unique=True), min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)
@given(lists=LISTS)
def test_indexed_equals_every_pair(lists):
    occurrences = [
        AuthorOccurrence(f"e{i}", position, name)
        for i, names in enumerate(lists)
        for position, name in enumerate(names, start=1)
    ]
    curation = PeopleCuration(different=frozenset({frozenset({"Wei Wang", "W. Wang"})}))
    fast = [outcome(resolve_people(occurrences, c)) for c in (PeopleCuration(), curation)]
    with pytest.MonkeyPatch.context() as mp:
        every_pair(mp)
        slow = [outcome(resolve_people(occurrences, c)) for c in (PeopleCuration(), curation)]
    assert fast == slow


def test_seed_authors_indexed_equals_every_pair(monkeypatch):
    occurrences = []
    for line in (HERE / "people_seed_authors.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            entry, _title, authors = (part.strip() for part in line.split("|"))
            occurrences += [
                AuthorOccurrence(entry, i, name)
                for i, name in enumerate(authors.split("; "), start=1)
            ]
    fast = outcome(resolve_people(occurrences))
    every_pair(monkeypatch)
    assert outcome(resolve_people(occurrences)) == fast


@settings(max_examples=100, deadline=None)
@given(lists=LISTS)
def test_person_of_is_sorted_by_entry_and_position(lists):
    occurrences = [
        AuthorOccurrence(f"e{i}", position, name)
        for i, names in enumerate(lists)
        for position, name in enumerate(names, start=1)
    ]
    result = resolve_people(occurrences[::-1], PeopleCuration())
    assert list(result.person_of) == sorted(result.person_of)
