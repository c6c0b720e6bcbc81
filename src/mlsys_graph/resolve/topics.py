"""Topics: the list's headings mapped to a SKOS concept scheme (curated in ``data/topics.ttl``).

A heading that the curated scheme maps gives its topic; a heading it does not know becomes
a topic of its own (rule ``heading-topic``), unless it names a kind of resource (Book,
Video, …), a generic grouping (Papers, Conference Papers, Others), a year, a known venue
with a year (``### 2016 ISCA``: the papers' venue and year say it) or the table of contents.

>>> scheme = TopicScheme({"model serving": "model-serving"}, {"model-serving": "Model serving"}, {}, "data/topics.ttl")
>>> scheme.topics_for(((2, "Model Serving"),))
[('model-serving', 'curated')]
>>> scheme.topics_for(((2, "Quantum Widgets"), (3, "Papers")))
[('quantum-widgets', 'heading-topic')]
>>> scheme.topics_for(((2, "Video"),))
[]
>>> scheme.topics_for(((2, "Conference Papers"), (3, "2016 ISCA"))), scheme.topics_for(((3, "FPGA"),))
([], [('fpga', 'heading-topic')])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..kg import iri

__all__ = ["TopicScheme", "load_topic_scheme"]

_NOT_TOPICS = re.compile(
    r"^(books?|videos?|talks?|lectures?|courses?|classes|blogs?|posts?|articles?|news"
    r"|(?:conference |journal |workshop |arxiv )?papers?|others?|misc(ellaneous)?"
    r"|table of contents|contents|pr template|contributing"
    r"|license|resources?|links?|awesome .*)$",
    re.I,
)


@cache
def _venue_and_year(heading: str) -> bool:
    """A heading that names a known venue and a year (``### 2016 ISCA``, ``## OSDI 2024``)
    groups papers by where and when they appeared, which their venue and year say: no
    topic. A venue alone (``### FPGA``) may be a topic."""
    from ..ingest.venue_text import parse_venue

    if not re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)|'\d\d\b", heading):
        return False
    found = parse_venue(heading)
    return found.known and found.year is not None


def fold(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.casefold()))


@dataclass(frozen=True)
class TopicScheme:
    """Curated heading → topic key mapping, topic labels, broader links, and their source."""

    headings: dict[str, str]
    labels: dict[str, str]
    broader: dict[str, tuple[str, ...]]
    source: str
    reasons: dict[str, str] = field(default_factory=dict)

    def topics_for(self, headings: tuple[tuple[int, str], ...]) -> list[tuple[str, str]]:
        """(topic key, how) for the ``##`` and deeper headings enclosing an entry."""
        found: list[tuple[str, str]] = []
        for level, text in headings:
            if level < 2:
                continue
            key = self.headings.get(fold(text))
            if key:
                found.append((key, "curated"))
            elif (
                text.strip()
                and not _NOT_TOPICS.match(text.strip())
                and not re.fullmatch(r"(?:19|20)\d\d", text.strip())
                and not _venue_and_year(text.strip())
            ):
                found.append((iri.slug(text), "heading-topic"))
        seen: set[str] = set()
        unique = []
        for key, how in found:
            if key not in seen:
                seen.add(key)
                unique.append((key, how))
        return unique


@cache
def load_topic_scheme(path: Path | None = None) -> TopicScheme:
    """Read the curated scheme (default ``data/topics.ttl``)."""
    from rdflib import Graph, Namespace
    from rdflib.namespace import SKOS

    from ..resources import data_file

    path = path or data_file("topics.ttl")
    mls = Namespace("https://w3id.org/mlsys-graph/ontology#")
    graph = Graph()
    graph.parse(path, format="turtle")
    headings: dict[str, str] = {}
    labels: dict[str, str] = {}
    broader: dict[str, tuple[str, ...]] = {}
    reasons: dict[str, str] = {}
    prefix = str(iri.topic(""))
    for subject in sorted(set(graph.subjects(SKOS.prefLabel, None))):
        text = str(subject)
        if not text.startswith(prefix):
            continue
        key = text.removeprefix(prefix)
        labels[key] = str(graph.value(subject, SKOS.prefLabel))
        for heading in graph.objects(subject, mls.headingText):
            headings[fold(str(heading))] = key
        broader[key] = tuple(
            sorted(str(b).removeprefix(prefix) for b in graph.objects(subject, SKOS.broader))
        )
        reason = graph.value(subject, mls.reason)
        if reason is not None:
            reasons[key] = str(reason)
    return TopicScheme(headings, labels, broader, f"data/{Path(path).name}", reasons)
