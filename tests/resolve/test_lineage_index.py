"""Lineage at scale: the indexed matchers give what the pair-by-pair definitions give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from mlsys_graph.resolve.lineage import (
    MAX_INFERRED_PER_ENTRY,
    PATTERNS,
    LineageClaim,
    inferred_lineage,
    stated_lineage,
)


def stated_by_definition(texts):
    """The definition: try every name (longest first) after every cue; a name several
    entries carry targets one of the subject's kind, else the first by key."""
    index: dict[str, list[str]] = {}
    for key, (name, _summary) in sorted(texts.items()):
        if name:
            index.setdefault(name.casefold(), []).append(key)
    names = sorted(index, key=len, reverse=True)
    claims, misses = set(), []
    for key, (own_name, summary) in sorted(texts.items()):
        for relation, _rule, pattern in PATTERNS:
            for m in pattern.finditer(summary or ""):
                rest = summary[m.end() :]
                target = next(
                    (n for n in names if re.match(rf"{re.escape(n)}(?![\w-])", rest, re.I)), None
                )
                if target is None:
                    misses.append((key, m.group(0)))
                    continue
                others = [k for k in index[target] if k != key]  # one target per name:
                same = [k for k in others if k.split("/")[0] == key.split("/")[0]]  # own kind
                for obj in (same or others)[:1]:
                    if not (own_name and own_name.casefold() == target):
                        claims.add((key, relation, obj, (m.group(0) + rest[: len(target)]).strip()))
    return sorted(claims), misses


NAME = st.text(alphabet="abAB+.- 1é", min_size=1, max_size=6).filter(lambda s: s.strip())
CUE = st.sampled_from(["built on ", "Using ", "successor of ", "extends ", "nothing "])


@settings(max_examples=300, deadline=None)
@given(
    names=st.lists(st.one_of(st.none(), NAME), min_size=1, max_size=6),
    pieces=st.lists(st.tuples(CUE, NAME), max_size=4),
    owner=st.integers(min_value=0, max_value=5),
)
def test_stated_matches_the_definition(names, pieces, owner):
    keys = [f"{('paper', 'software', 'paper')[i % 3]}/k{i}" for i in range(len(names))]
    texts = {k: (name, None) for k, name in zip(keys, names, strict=True)}
    key = keys[owner % len(names)]
    texts[key] = (texts[key][0], " ".join(cue + word for cue, word in pieces) or None)
    claims, misses = stated_lineage(texts)
    expected_claims, expected_misses = stated_by_definition(texts)
    assert sorted((c.subject, c.relation, c.object, c.phrase) for c in claims) == expected_claims
    assert [(m.subject, m.phrase.split(" ")[0]) for m in misses] == [
        (k, cue.split(" ")[0]) for k, cue in expected_misses
    ]


def test_longest_name_wins_and_a_shared_name_targets_one_entry():
    texts = {
        "paper/a": ("Seldon", None),
        "paper/b": ("Seldon Core", None),
        "software/c": ("seldon core", None),
        "software/d": ("seldon core", None),
        "software/z": ("Zed", "built on top of SELDON CORE, then using Seldon."),
    }
    claims, _ = stated_lineage(texts)
    assert [(c.relation, c.object, c.phrase) for c in claims] == [
        ("buildsOn", "software/c", "built on top of SELDON CORE"),  # own kind, first by key
        ("uses", "paper/a", "using Seldon"),
    ]


def inferred_by_definition(rows, stated=(), cap=None):
    """Every pair of rows; then, per later entry, the ``cap`` most recent earlier ones."""
    known = {(c.subject, c.object) for c in stated}
    rows = sorted(r for r in rows if r[1] is not None and r[2] and r[3])
    per_later: dict[str, list[tuple[int, str, str]]] = {}
    for later, year_l, people_l, topics_l in rows:
        for earlier, year_e, people_e, topics_e in rows:
            if year_e < year_l and (later, earlier) not in known:
                shared = people_l & people_e
                if shared and topics_l & topics_e:
                    reason = (
                        f"shares {', '.join(sorted(shared))}; topic "
                        f"{', '.join(sorted(topics_l & topics_e))}; {year_e} → {year_l}"
                    )
                    per_later.setdefault(later, []).append((-year_e, earlier, reason))
    out = []
    for later, found in per_later.items():
        for _, earlier, reason in sorted(found)[:cap]:
            out.append((later, earlier, reason))
    return sorted(out)


ROWS = st.lists(
    st.tuples(
        st.sampled_from([None, 2015, 2016, 2017, 2018]),
        st.frozensets(st.sampled_from("pqrs"), max_size=3),
        st.frozensets(st.sampled_from("tu"), max_size=2),
    ),
    max_size=14,
)


@settings(max_examples=300, deadline=None)
@given(rows=ROWS, cap=st.sampled_from([None, 1, 2, 5]), stated_pairs=st.integers(0, 3))
def test_inferred_matches_the_definition(rows, cap, stated_pairs):
    rows = [(f"e{i:02d}", *row) for i, row in enumerate(rows)]
    keys = [r[0] for r in rows]
    stated = [
        LineageClaim(keys[-1 - i], "extends", keys[i], "stated", "phrase-extends")
        for i in range(min(stated_pairs, len(keys) // 2))
    ]
    claims = inferred_lineage(rows, stated, max_per_entry=cap)
    assert [(c.subject, c.object, c.reason) for c in claims] == inferred_by_definition(
        rows, stated, cap
    )


def test_inferred_keeps_the_most_recent_earlier_entries():
    rows = [(f"p{year}", year, frozenset({"ada"}), frozenset({"t"})) for year in range(2000, 2012)]
    claims = inferred_lineage(rows)
    latest = [c.object for c in claims if c.subject == "p2011"]
    assert latest == ["p2006", "p2007", "p2008", "p2009", "p2010"]
    assert MAX_INFERRED_PER_ENTRY == 5
    assert len(inferred_lineage(rows, max_per_entry=None)) == 12 * 11 // 2
