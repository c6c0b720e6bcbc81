"""The bundled data and the seed list (seed tests skip when ../shared/seeds is absent)."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from conftest import ROOT, SEED_LIST
from mlsys_graph.kg import iri
from mlsys_graph.kg.vocab import CITO, MLS
from mlsys_graph.pipeline import BUNDLE, build, bundle_text
from mlsys_graph.resolve.people import PeopleCuration
from mlsys_graph.resolve.topics import TopicScheme

needs_seed = pytest.mark.skipif(not SEED_LIST.is_file(), reason="../shared/seeds is absent")
INFERLINE = URIRef(iri.BASE + "paper/crankshaw-inferline")
CLIPPER = URIRef(iri.BASE + "paper/crankshaw2017-clipper")


def test_bundled_graph_conforms_and_has_lineage():
    result = build()
    assert result.failures == []
    assert (INFERLINE, CITO.extends, CLIPPER) in result.graph


def test_bundle_has_no_summaries():
    text = (ROOT / "data" / BUNDLE).read_text(encoding="utf-8")
    assert "mls:summary" not in text and "Adaptive batch" not in text
    assert "update version of Clipper" in text  # the matched phrase is a fact


@needs_seed
def test_bundle_is_fresh():
    """data/catalog.ttl is what our ingest makes of the seed today (python tools/regen_data.py)."""
    assert bundle_text(SEED_LIST) == (ROOT / "data" / BUNDLE).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def rules_only():
    if not SEED_LIST.is_file():
        pytest.skip("../shared/seeds is absent")
    empty_topics = TopicScheme({}, {}, {}, "none")
    return build(
        [str(SEED_LIST)], people_curation=PeopleCuration(), topics=empty_topics, curated_lineage=[]
    )


def _person_of(result, line: int, position: int) -> str:
    entry = next(r for r in result.catalog.resources if r.primary.line == line)
    return result.catalog.people.person_of[(entry.key, position)]


@needs_seed
def test_rules_alone_merge_comma_order_variants(rules_only):
    # "Zhihao Jia, ..." (183) and "Jia, Zhihao, ..." (190)
    assert _person_of(rules_only, 183, 1) == _person_of(rules_only, 190, 1) == "zhihao-jia"
    # "Bailis, Peter, ..." (108) and "..., Peter Bailis, ..." (321)
    assert _person_of(rules_only, 108, 1) == _person_of(rules_only, 321, 4) == "peter-bailis"
    # "M. Zaharia" (257) joins "Matei Zaharia": the only Zaharia
    assert _person_of(rules_only, 257, 4) == _person_of(rules_only, 190, 2) == "matei-zaharia"


@needs_seed
def test_rules_alone_never_merge_on_surname(rules_only):
    assert _person_of(rules_only, 245, 3) != _person_of(rules_only, 240, 1)  # W. Wang / Wei Wang
    assert _person_of(rules_only, 341, 1) != _person_of(rules_only, 321, 1)  # Y. Kang / Daniel Kang
    assert _person_of(rules_only, 359, 1) != _person_of(rules_only, 314, 1)  # Hongzi / Huizi Mao
    dups = {(d.a, d.b) for d in rules_only.catalog.people.possible_duplicates}
    assert ("w-wang", "wei-wang") in dups


@needs_seed
def test_rules_alone_find_the_stated_lineage(rules_only):
    g = rules_only.graph
    assert (INFERLINE, CITO.extends, CLIPPER) in g and (INFERLINE, MLS.extends, CLIPPER) in g
    claim = iri.claim(INFERLINE, "extends", CLIPPER)
    assert g.value(claim, MLS.matchedPhrase) == Literal("update version of Clipper")
    stated = list(g.subjects(MLS.strength, Literal("stated")))
    assert len(stated) == 1


@needs_seed
def test_seed_provenance_identity():
    g = build([str(SEED_LIST)]).graph
    doc = URIRef(iri.BASE + "source/awesome-system-for-ml-2019")
    assert (doc, RDF.type, MLS.SourceDocument) in g
    assert str(g.value(doc, MLS.filePath)) == "README.md"
    assert "HuaizhengZhang/Awesome-System-for-Machine-Learning" in str(
        g.value(doc, MLS.repositoryUrl)
    )
    assert str(g.value(doc, MLS.version)) == "93c8c59"
    record = URIRef(iri.BASE + "source/awesome-system-for-ml-2019/L230")
    assert str(g.value(record, MLS.sourceText)).startswith("- Clipper: A Low-Latency")


def test_every_term_in_the_data_is_declared():
    """Every property and class the built graph uses is declared in ontology/mlsys.ttl;
    our own properties with a domain and a range."""
    from rdflib import Graph
    from rdflib.namespace import RDFS

    from mlsys_graph.resources import ontology_file

    ontology = Graph().parse(ontology_file("mlsys.ttl"))
    graph = build().graph
    declared = set(ontology.subjects())
    builtin = (str(RDF), str(RDFS), "http://www.w3.org/2002/07/owl#")
    for predicate in set(graph.predicates()):
        if str(predicate).startswith(builtin):
            continue
        assert predicate in declared, predicate
        if str(predicate).startswith(str(MLS)):
            assert ontology.value(predicate, RDFS.domain) is not None, predicate
            assert ontology.value(predicate, RDFS.range) is not None, predicate
    for cls in set(graph.objects(None, RDF.type)):
        assert cls in declared, cls
