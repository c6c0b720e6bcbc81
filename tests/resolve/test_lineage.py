"""Lineage phrases: every cue, the direction, and the phrases that must produce nothing."""

from __future__ import annotations

import pytest

from mlsys_graph.resolve.lineage import LineageClaim, inferred_lineage, stated_lineage

NAMES = {"tarn": ("Tarn", "A serving system"), "gale": ("Gale", None), "ray": ("Ray", None)}


@pytest.mark.parametrize(
    ("summary", "relation", "target"),
    [
        ("update version of Tarn", "extends", "tarn"),
        ("An updated version of Gale with caching", "extends", "gale"),
        ("the successor of Tarn", "extends", "tarn"),
        ("Successor to Gale.", "extends", "gale"),
        ("It extends Tarn to GPUs", "extends", "tarn"),
        ("an extension of Gale", "extends", "gale"),
        ("built on top of Ray", "buildsOn", "ray"),
        ("Built on Gale", "buildsOn", "gale"),
        ("based on Tarn's batching", "buildsOn", "tarn"),
        ("a follow-up of Gale", "extends", "gale"),
        ("follow-up to Tarn", "extends", "tarn"),
        ("improves on Ray", "extends", "ray"),
        ("schedules jobs using Ray", "uses", "ray"),
        ("Uses Tarn for serving", "uses", "tarn"),
    ],
)
def test_cues(summary, relation, target):
    texts = {**NAMES, "new": ("Newt", summary)}
    claims, _ = stated_lineage(texts)
    assert [(c.subject, c.relation, c.object, c.strength) for c in claims] == [
        ("new", relation, target, "stated")
    ]
    assert claims[0].phrase.lower().endswith(NAMES[target][0].lower())


@pytest.mark.parametrize(
    "summary",
    [
        "Using REINFORCE learn a placement policy.",
        "Using DRL to balance accuracy and latency.",
        "Can be used as a high-performance framework.",
        "then used DRL to solve it",
        "based on reinforcement learning",
        "Tarnished results",  # a name inside another word is no mention
        "built on Tarnation",
    ],
)
def test_negatives_produce_nothing(summary):
    claims, _ = stated_lineage({**NAMES, "new": ("Newt", summary)})
    assert claims == []


def test_near_misses_are_reported():
    _, misses = stated_lineage({**NAMES, "new": ("Newt", "Using DRL to balance. Based on MCMC.")})
    assert sorted((m.phrase, m.reason) for m in misses) == [
        ("Based on MCMC", "'MCMC' is not the name of an entry"),
        ("Using DRL", "'DRL' is not the name of an entry"),
    ]


def test_no_self_reference():
    claims, _ = stated_lineage({"tarn": ("Tarn", "update version of Tarn")})
    assert claims == []


def test_a_name_of_two_entries_is_one_target():
    texts = {"a": ("Gale", None), "b": ("Gale", None), "c": ("Fjord", "extends Gale")}
    claims, _ = stated_lineage(texts)
    assert [c.object for c in claims] == ["a"]


@pytest.mark.parametrize(
    ("subject", "target"),
    [("paper/fjord", "paper/wu2018-gale"), ("software/fjord", "software/gale")],
)
def test_the_target_of_a_shared_name_is_of_the_subjects_kind(subject, target):
    texts = {
        "paper/wu2018-gale": ("Gale", None),
        "software/gale": ("Gale", None),
        "website/gale-home": ("Gale", None),
        subject: ("Fjord", "built on Gale"),
    }
    claims, _ = stated_lineage(texts)
    assert [(c.relation, c.object) for c in claims] == [("buildsOn", target)]


def test_inferred_needs_shared_author_topic_and_later_year():
    rows = [
        ("old", 2018, frozenset({"ada"}), frozenset({"serving"})),
        ("new", 2019, frozenset({"ada", "bo"}), frozenset({"serving"})),
        ("other-topic", 2020, frozenset({"ada"}), frozenset({"compilers"})),
        ("same-year", 2018, frozenset({"ada"}), frozenset({"serving"})),
        ("no-year", None, frozenset({"ada"}), frozenset({"serving"})),
    ]
    claims = inferred_lineage(rows)
    assert sorted((c.subject, c.object, c.strength) for c in claims) == [
        ("new", "old", "inferred"),
        ("new", "same-year", "inferred"),
    ]
    stated = [LineageClaim("new", "extends", "old", "stated", "phrase-extends", "successor of Old")]
    assert [c.object for c in inferred_lineage(rows, stated)] == ["same-year"]
