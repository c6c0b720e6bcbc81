"""Each curated fact's reason names a source a reader can check.

Curation is data (data/*.ttl, data/venues.toml), and a curated fact is only as good as the
source behind it: a URL, an arXiv id, a DOI, or the list, file and line it corrects.
"""

from __future__ import annotations

import re
import tomllib

import pytest
from rdflib import Graph, Namespace

from mlsys_graph.resources import data_file

MLS = Namespace("https://w3id.org/mlsys-graph/ontology#")
CHECKABLE = re.compile(
    r"https?://\S+"  # a URL
    r"|\b(?:github\.com|usenix\.org)/\S+"  # a host and path
    r"|\barXiv[: ]?\d{4}\.\d{4,5}"  # an arXiv id
    r"|\b10\.\d{4,9}/\S+"  # a DOI
    r"|\bREADME\.md lines? \d+",  # the line of the list it corrects
    re.I,
)


def _reasons() -> list[tuple[str, str]]:
    found = []
    for name in ("people.ttl", "lineage.ttl", "topics.ttl"):
        graph = Graph().parse(data_file(name), format="turtle")
        found += [(name, str(r)) for r in graph.objects(None, MLS.reason)]
    document = tomllib.loads(data_file("venues.toml").read_text("utf-8"))
    for row in document["venue"]:
        for alias in row.get("aliases", []):
            if isinstance(alias, dict) and alias.get("reason"):
                found.append(("venues.toml", alias["reason"]))
    return found


REASONS = _reasons()


def test_there_are_curated_reasons():
    assert {name for name, _ in REASONS} == {
        "people.ttl", "lineage.ttl", "topics.ttl", "venues.toml"
    }  # fmt: skip


@pytest.mark.parametrize(("name", "reason"), REASONS, ids=[f"{n}:{r[:30]}" for n, r in REASONS])
def test_reason_names_a_checkable_source(name, reason):
    assert CHECKABLE.search(reason), f"{name}: {reason!r} names no URL, arXiv id, DOI or list line"


def test_curated_lineage_has_source_iris():
    graph = Graph().parse(data_file("lineage.ttl"), format="turtle")
    claims = list(graph.subjects(MLS.reason, None))
    dcterms_source = Namespace("http://purl.org/dc/terms/").source
    assert claims and all(list(graph.objects(c, dcterms_source)) for c in claims)
