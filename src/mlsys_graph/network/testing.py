"""A tiny hand-made graph for examples and tests: three people, three papers, two topics.

::

    Ann A, Bob B       wrote A (2017, topic X)
    Ann A, Bob B, Cat C wrote B (2018, topic Y)       B extends A  (stated, list.md:7)
    Cat C              wrote C (2019, topic Y)       C extends B  (inferred)

>>> facts = tiny_facts()
>>> sorted(n.name for n in facts.nodes.values() if n.kind == "paper")
['A', 'B', 'C']
"""

from __future__ import annotations

from .facts import Claim, Facts, NodeInfo

__all__ = ["tiny_facts"]


def tiny_facts() -> Facts:
    """The tiny graph of this module's documentation, as :class:`~.facts.Facts`."""
    nodes = [
        NodeInfo("id/a-person", "person", "Ann A", "Ann A"),
        NodeInfo("id/b-person", "person", "Bob B", "Bob B"),
        NodeInfo("id/c-person", "person", "Cat C", "Cat C"),
        NodeInfo("id/paper-a", "paper", "A: the first", "A", 2017, "A: the first"),
        NodeInfo("id/paper-b", "paper", "B: the second", "B", 2018, "B: the second"),
        NodeInfo("id/paper-c", "paper", "C: the third", "C", 2019, "C: the third"),
        NodeInfo("id/topic-x", "topic", "X", "X"),
        NodeInfo("id/topic-y", "topic", "Y", "Y"),
    ]
    authored = [
        ("id/a-person", "id/paper-a"),
        ("id/a-person", "id/paper-b"),
        ("id/b-person", "id/paper-a"),
        ("id/b-person", "id/paper-b"),
        ("id/c-person", "id/paper-b"),
        ("id/c-person", "id/paper-c"),
    ]
    about = [
        ("id/paper-a", "id/topic-x"),
        ("id/paper-b", "id/topic-y"),
        ("id/paper-c", "id/topic-y"),
    ]
    claims = [
        Claim(
            "id/claim-ba", "id/paper-b", "extends", "id/paper-a", "stated",
            evidence="list.md:7", file="list.md", line=7, phrase="successor of A",
        ),
        Claim("id/claim-cb", "id/paper-c", "extends", "id/paper-b", "inferred", reason="same authors"),
    ]  # fmt: skip
    return Facts(
        {n.iri: n for n in nodes},
        {"authored": authored, "about-topic": about},
        claims,
        {n.iri: (n.label,) for n in nodes},
    )
