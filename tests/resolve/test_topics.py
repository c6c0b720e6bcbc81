"""Headings as topics: which headings name a topic, and which only group entries."""

from __future__ import annotations

from mlsys_graph.resolve.topics import TopicScheme

SCHEME = TopicScheme({}, {}, {}, "data/topics.ttl")


def test_venue_and_year_headings_are_no_topics():
    # "### 2016 ISCA" groups papers by venue and year, which the papers carry: it made a
    # topic "2016 ISCA" of its own, one per venue and year of a hardware list.
    headings = ((2, "Conference Papers"), (3, "2016 ISCA"))
    assert SCHEME.topics_for(headings) == []
    assert SCHEME.topics_for(((2, "OSDI 2024"),)) == []
    assert SCHEME.topics_for(((2, "arXiv Papers"),)) == []


def test_venue_alone_or_unknown_venue_with_a_year_stays_a_topic():
    assert SCHEME.topics_for(((3, "FPGA"),)) == [("fpga", "heading-topic")]
    assert SCHEME.topics_for(((3, "Cloud"),)) == [("cloud", "heading-topic")]
    assert SCHEME.topics_for(((2, "Tarnconf 2024"),)) == [("tarnconf-2024", "heading-topic")]
    assert SCHEME.topics_for(((2, "Papers on Serving"),)) == [
        ("papers-on-serving", "heading-topic")
    ]
