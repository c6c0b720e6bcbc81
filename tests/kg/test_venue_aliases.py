"""Venue nodes carry a venue's general aliases as skos:altLabel, never a list's typo fix.

A typo fix scoped to one list in data/venues.toml (`list = ...`: ECCS read as EuroSys in the
2019 list) holds while reading that list; elsewhere the spelling names something else (ECCS
is the European Conference on Complex Systems), so it must not become an alias of the venue
in the graph, where any query (papers-at-venue, the analytics' names) would trust it.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from conftest import ROOT
from mlsys_graph.ingest.venues import default_table
from mlsys_graph.pipeline import build

VENUE = "https://w3id.org/mlsys-graph/id/venue/"

LIST = """## Systems
- Borg: Large-scale Cluster Management [[Paper]](https://example.org/borg.pdf)
  - Verma, Abhishek, et al. (*ECCS2015*)
- Tarn: Serving Models [[Paper]](https://example.org/tarn.pdf)
  - Quill, Ada, et al. (*NIPS 2018*)
"""


def _alt_labels(graph: Graph) -> dict[str, set[str]]:
    labels: dict[str, set[str]] = {}
    for node, label in graph.subject_objects(SKOS.altLabel):
        if str(node).startswith(VENUE):
            labels.setdefault(str(node).removeprefix(VENUE), set()).add(str(label))
    return labels


def test_scoped_typos_are_no_aliases_in_the_bundled_graph():
    table = default_table()
    scoped = {a.text for a in table.scoped_aliases}
    assert {"ECCS", "OptML"} <= scoped
    labels = _alt_labels(Graph().parse(ROOT / "data" / "catalog.ttl"))
    assert labels, "the bundled graph has venue aliases"
    for key, found in labels.items():
        assert found == set(table.get(key).aliases), key
        assert not found & scoped, key
    assert "NIPS" in labels["neurips"]


def test_a_list_with_its_scoped_typo_reads_it_but_the_venue_gets_no_alias(tmp_path):
    seed = tmp_path / "awesome-system-for-ml-2019.md"  # known by name: the scope holds
    seed.write_text(LIST, encoding="utf-8")
    graph = build([str(seed)], include_summaries=False, validate=False).graph
    eurosys, neurips = URIRef(VENUE + "eurosys"), URIRef(VENUE + "neurips")
    assert (None, None, eurosys) in graph, "ECCS2015 read as EuroSys in this list"
    assert (eurosys, SKOS.altLabel, Literal("ECCS")) not in graph
    assert (neurips, SKOS.altLabel, Literal("NIPS")) in graph
