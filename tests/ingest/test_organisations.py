"""Organisations on author lines are organisations (schema:Organization), never people.

The golden cases are in fixtures/organisations.md; here: the rule against the seed's people
(none of them may read as an organisation) and the graph an invented list gives.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mlsys_graph.ingest.names import is_organisation, parse_authors

SEED_AUTHORS = Path(__file__).parent.parent / "resolve" / "people_seed_authors.txt"


def _seed_names() -> list[str]:
    names = []
    for line in SEED_AUTHORS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            names += line.split("|")[2].strip().split("; ")
    return names


def test_no_person_of_the_seed_reads_as_an_organisation():
    names = _seed_names()
    assert len(set(names)) >= 170
    assert [n for n in names if is_organisation(n)] == []
    for name in names:
        authors = parse_authors(f"Ada Quill, {name}")
        assert authors.affiliations == () and len(authors.names) == 2, name


@pytest.mark.parametrize(
    "text",
    ["UC Berkeley", "Alibaba Inc", "Google Brain", "Microsoft Research", "Tsinghua University",
     "MIT CSAIL", "Carnegie Mellon University", "ETH Zurich", "Acme Labs", "Institute of Computing Technology"],
)  # fmt: skip
def test_organisations(text):
    assert is_organisation(text)
    assert parse_authors(text).names == ()


@pytest.mark.parametrize(
    "text",
    ["Ada Quill", "Franklin MJ", "Li CHEN", "Hugo Jair Escalante", "B.G. Chun", "Ion Stoica"],
)
def test_people(text):
    assert not is_organisation(text)


def test_the_graph_has_organisations_not_people():
    from rdflib import RDF, RDFS, Literal

    from mlsys_graph.kg import iri
    from mlsys_graph.kg.vocab import MLS, SCHEMA
    from mlsys_graph.pipeline import build

    fixture = Path(__file__).parent / "fixtures" / "organisations.md"
    # the golden file's cases, read as one list
    text = "".join(
        line
        for line in fixture.read_text(encoding="utf-8").splitlines(keepends=True)
        if line.startswith(("#", "-", " "))
    )
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "orgs.md"
        source.write_text(text, encoding="utf-8")
        result = build([str(source)])
    g = result.graph
    assert result.failures == []
    labels = {str(g.value(p, RDFS.label)) for p in g.subjects(RDF.type, MLS.Person)}
    orgs = {str(g.value(o, SCHEMA.name)) for o in g.subjects(RDF.type, MLS.Organization)}
    assert {"UC Berkeley", "Quillon Inc", "Google Brain", "MIT CSAIL", "Alibaba Inc"} <= orgs
    assert not labels & orgs
    kite = next(r for r in result.catalog.resources if r.name == "Kite")
    node = iri.from_key(kite.key)
    csail = iri.organization("MIT CSAIL")
    assert (node, MLS.sourceOrganization, csail) in g
    assert (node, SCHEMA.sourceOrganization, csail) in g
    assert (iri.authorship(node, 1), MLS.affiliation, csail) in g
    assert (iri.authorship(node, 2), MLS.affiliation, iri.organization("Alibaba Inc")) in g
    assert g.value(csail, SCHEMA.name) == Literal("MIT CSAIL")
