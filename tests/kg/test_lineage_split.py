"""Lineage semantics on an invented list (fixtures/lineage_split.md).

A later version or successor is mls:extends; "built on"/"based on" is mls:buildsOn; "using"
is mls:uses. CiTO is written only between scholarly works (papers, theses); otherwise the
PROV term (prov:wasRevisionOf for versions, prov:wasDerivedFrom for dependencies). A name
that two entries carry ("Gale": software and paper) is one target, of the subject's kind.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from mlsys_graph.errors import SourceError
from mlsys_graph.kg import iri
from mlsys_graph.kg.vocab import CITO, MLS
from mlsys_graph.pipeline import build
from mlsys_graph.resolve.lineage import LineageClaim, load_curated_lineage

FIXTURE = Path(__file__).parent / "fixtures" / "lineage_split.md"
ALL = (MLS.extends, MLS.buildsOn, MLS.uses, CITO.extends, CITO.usesMethodIn)
ALL += (PROV.wasRevisionOf, PROV.wasDerivedFrom)


@pytest.fixture(scope="module")
def result():
    return build([str(FIXTURE)], curated_lineage=[])


def _key(result, name: str, kind: str) -> URIRef:
    [r] = [r for r in result.catalog.resources if r.name == name and r.kind == kind]
    return iri.from_key(r.key)


@pytest.mark.parametrize(
    ("subject", "obj", "expected"),
    [
        # paper → paper, a new version: CiTO
        (("Fjord", "paper"), ("Tarn", "paper"), {MLS.extends, CITO.extends}),
        # software → software, a successor: PROV revision, no CiTO
        (("Skiff2", "software"), ("Skiff", "software"), {MLS.extends, PROV.wasRevisionOf}),
        # software built on software: a dependency, never an extension
        (("Skiff", "software"), ("Ray", "software"), {MLS.buildsOn, PROV.wasDerivedFrom}),
        # paper based on a paper: CiTO's uses-method-in
        (("Kelp", "paper"), ("Tarn", "paper"), {MLS.buildsOn, CITO.usesMethodIn}),
        # paper using software: PROV derivation
        (("Kelp", "paper"), ("Ray", "software"), {MLS.uses, PROV.wasDerivedFrom}),
        # a shared name: the paper "Gale" for a paper, the software "Gale" for software
        (("Sedge", "paper"), ("Gale", "paper"), {MLS.extends, CITO.extends}),
        (("Dory", "software"), ("Gale", "software"), {MLS.buildsOn, PROV.wasDerivedFrom}),
        (("Sedge", "paper"), ("Gale", "software"), set()),
        (("Dory", "software"), ("Gale", "paper"), set()),
    ],
)
def test_relation_and_alignment(result, subject, obj, expected):
    s, o = _key(result, *subject), _key(result, *obj)
    assert {p for p in ALL if (s, p, o) in result.graph} == expected


def test_every_stated_claim_is_reified_with_its_phrase(result):
    g = result.graph
    claims = list(g.subjects(MLS.strength, Literal("stated")))
    relations = sorted(str(g.value(c, MLS.claimRelation)).split("#")[1] for c in claims)
    assert relations == [
        "buildsOn",
        "buildsOn",
        "buildsOn",
        "extends",
        "extends",
        "extends",
        "uses",
    ]
    rules = {str(g.value(c, MLS.derivedBy)).rsplit("/", 1)[1] for c in claims}
    assert rules == {"phrase-extends", "phrase-builds-on", "phrase-uses"}


def test_the_graph_conforms(result):
    assert result.failures == []


def test_a_curated_claim_needs_a_checkable_source(tmp_path):
    body = """@prefix mls: <https://w3id.org/mlsys-graph/ontology#> .
@prefix paper: <https://w3id.org/mlsys-graph/id/paper/> .
[] a mls:LineageClaim ; mls:claimSubject paper:b ; mls:claimRelation mls:extends ;
   mls:claimObject paper:a ; mls:reason "the same authors say so" .
"""
    path = tmp_path / "lineage.ttl"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(SourceError, match="needs dcterms:source"):
        load_curated_lineage(path)
    end = 'say so" .'
    path.write_text(body.replace(end, 'say so" ; <http://purl.org/dc/terms/source> "arXiv" .'))
    with pytest.raises(SourceError, match="needs dcterms:source"):
        load_curated_lineage(path)
    source = "<http://purl.org/dc/terms/source> <https://arxiv.org/abs/2101.00001>"
    path.write_text(body.replace(end, f'say so" ; {source} .'))
    [claim] = load_curated_lineage(path)
    assert claim.sources == ("https://arxiv.org/abs/2101.00001",)


def test_a_curated_claim_carries_its_source_into_the_graph():
    tarn = "paper/quill2019-tarn"
    curated = LineageClaim(
        "paper/obi2020-kelp", "extends", tarn, "curated", "data/lineage.ttl",
        reason="r", sources=("https://arxiv.org/abs/2101.00001",),
    )  # fmt: skip
    g = build([str(FIXTURE)], curated_lineage=[curated], validate=False).graph
    claim = iri.claim(iri.from_key("paper/obi2020-kelp"), "extends", iri.from_key(tarn))
    assert g.value(claim, DCTERMS.source) == URIRef("https://arxiv.org/abs/2101.00001")
    assert g.value(claim, MLS.strength) == Literal("curated")
