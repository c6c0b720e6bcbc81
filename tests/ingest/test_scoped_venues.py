"""Scoped venue fixes: a list's typo (data/venues.toml, `list = ...`) holds in that list only.

"ECCS" means EuroSys in the 2019 seed list (a typo of its own) but is the European
Conference on Complex Systems elsewhere; "OptML" likewise. A list is known by the file
name or content that data/lists.toml records.
"""

from __future__ import annotations

from mlsys_graph.ingest import parse_sources
from mlsys_graph.ingest.sources import Source

TEXT = """## Papers
- Swarm Dynamics in Cell Colonies [[Paper]](https://example.org/swarm.pdf)
  - Voss, Ida, et al. (*ECCS 2019*)
- Tarn: Serving Models [[Paper]](https://example.org/tarn.pdf)
  - Quill, Ada, et al. (*OptML2019*)
- Heron: A True Alias [[Paper]](https://example.org/heron.pdf)
  - Park, Dee, et al. (*NIPS 2018*)
"""


def _parse(name: str):
    return parse_sources([Source(f"/some/where/{name}", TEXT, name)])


def test_an_invented_list_gets_no_eurosys_and_an_unknown_venue_problem():
    result = _parse("complex-systems.md")
    venues = [(e.venue, e.year) for e in result.entries]
    assert venues == [("ECCS", 2019), ("OptML", 2019), ("NeurIPS", 2018)]
    unknown = [(p.line, p.code) for p in result.problems if p.code == "unknown-venue"]
    assert unknown == [(2, "unknown-venue"), (4, "unknown-venue")]


def test_the_list_that_means_it_reads_its_typos():
    result = _parse("awesome-system-for-ml-2019.md")
    venues = [(e.venue, e.year) for e in result.entries]
    assert venues == [("EuroSys", 2019), ("OpML", 2019), ("NeurIPS", 2018)]
    assert not [p for p in result.problems if p.code == "unknown-venue"]


def test_a_typo_does_not_leak_from_one_list_into_the_next():
    seed = Source("/a/awesome-system-for-ml-2019.md", TEXT, "awesome-system-for-ml-2019.md")
    other = Source("/b/other.md", TEXT, "other.md")
    result = parse_sources([seed, other])
    by_source = [(e.source.split("/")[1], e.venue) for e in result.entries]
    assert by_source[:2] == [("a", "EuroSys"), ("a", "OpML")]
    assert by_source[3:5] == [("b", "ECCS"), ("b", "OptML")]
