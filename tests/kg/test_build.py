"""The knowledge graph built from small invented lists: resolution, lineage, provenance,
determinism, stable IRIs, and the three serialisations."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, FOAF, OWL, SKOS

from mlsys_graph.kg import iri
from mlsys_graph.kg.build import PREFIXES, RULES
from mlsys_graph.kg.store import load_graph, to_jsonld, to_ntriples, to_turtle, write_graph
from mlsys_graph.kg.vocab import CITO, MLS, SCHEMA
from mlsys_graph.pipeline import build

FIXTURES = Path(__file__).parent / "fixtures"
V1, V2 = str(FIXTURES / "list_v1.md"), str(FIXTURES / "list_v2.md")


def node(path: str) -> URIRef:
    return URIRef(iri.BASE + path)


@pytest.fixture(scope="module")
def v1():
    return build([V1])


def test_conforms(v1):
    assert v1.failures == []
    # A list of unknown origin has no licence: a warning, not a failure.
    assert {v.path for v in v1.violations} <= {"http://purl.org/dc/terms/license"}


def test_duplicate_listed_twice_is_one_node_with_two_records(v1):
    tarn = node("paper/quill2019-tarn")
    records = sorted(
        int(v1.graph.value(r, MLS.line)) for r in v1.graph.objects(tarn, MLS.sourceRecord)
    )
    assert records == [4, 32]
    titles = list(v1.graph.objects(tarn, DCTERMS.title))
    assert titles == [Literal("Tarn: A Tiny Serving System")]


def test_nested_child_is_not_a_duplicate_of_its_parent(v1):
    g = v1.graph
    project, paper = node("software/gale"), node("paper/wu2018-gale")
    assert (project, RDF.type, MLS.SoftwareProject) in g and (paper, RDF.type, MLS.Paper) in g
    assert (paper, MLS.parentEntry, project) in g
    # ... and both describe one system.
    system = node("system/gale")
    assert (project, MLS.describes, system) in g and (paper, MLS.describes, system) in g


def test_repository_one_node_case_insensitive(v1):
    g = v1.graph
    repo = node("repo/acme/tarn")
    users = sorted(str(s).removeprefix(iri.BASE) for s in g.subjects(MLS.codeRepository, repo))
    assert users == ["paper/quill2019-tarn", "software/reed"]
    assert (repo, RDF.type, SCHEMA.SoftwareSourceCode) in g
    assert g.value(repo, MLS.githubSlug) == Literal("acme/tarn")


def test_people_merge_and_standard_types(v1):
    g = v1.graph
    ada = node("person/ada-quill")
    for t in (MLS.Person, FOAF.Person, SCHEMA.Person):
        assert (ada, RDF.type, t) in g
    variants = sorted(str(v) for v in g.objects(ada, MLS.nameVariant))
    assert variants == ["A. Quill", "Ada Quill"]  # initial joins: the only Quill
    marsh = node("paper/lind2020-marsh")
    assert (marsh, MLS.author, ada) in g


def test_author_order_and_truncation(v1):
    g = v1.graph
    fjord = node("paper/quill-fjord")
    assert g.value(fjord, MLS.authorsTruncated) == Literal(True)
    tarn = node("paper/quill2019-tarn")
    order = sorted(
        (int(g.value(a, MLS.position)), str(g.value(a, MLS.nameAsWritten)))
        for a in g.objects(tarn, MLS.authorship)
    )
    assert order == [(1, "Ada Quill"), (2, "Bo Lind"), (3, "Cy Moss")]


def test_venue_node_and_year(v1):
    g = v1.graph
    tarn = node("paper/quill2019-tarn")
    nsdi = g.value(tarn, MLS.publishedIn)
    assert nsdi == node("venue/nsdi") and (nsdi, RDF.type, MLS.Conference) in g
    assert Literal("USENIX NSDI") in set(g.objects(nsdi, SKOS.altLabel))  # data/venues.toml
    assert g.value(tarn, MLS.year) == Literal(
        "2019", datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYear")
    )


def test_topics(v1):
    g = v1.graph
    tarn = node("paper/quill2019-tarn")
    assert (tarn, DCTERMS.subject, node("topic/model-serving")) in g
    assert (tarn, DCTERMS.subject, node("topic/survey")) in g  # listed twice
    widget = node("software/widget")
    assert (widget, DCTERMS.subject, node("topic/quantum-widgets")) in g  # unmapped heading
    video = node("video/why-systems-matter")
    assert list(g.objects(video, DCTERMS.subject)) == []  # resource sections set kind only


def test_stated_lineage(v1):
    g = v1.graph
    fjord, tarn = node("paper/quill-fjord"), node("paper/quill2019-tarn")
    assert (fjord, MLS.extends, tarn) in g and (fjord, CITO.extends, tarn) in g
    sedge, gale_paper, gale = (
        node("paper/wu2019-sedge"),
        node("paper/wu2018-gale"),
        node("software/gale"),
    )
    # "built on Gale": a dependency, to the one Gale of the subject's kind (the paper)
    assert (sedge, MLS.buildsOn, gale_paper) in g and (sedge, MLS.buildsOn, gale) not in g
    assert (sedge, CITO.usesMethodIn, gale_paper) in g and (sedge, MLS.extends, gale_paper) not in g
    assert (sedge, MLS.uses, tarn) in g
    claim = iri.claim(fjord, "extends", tarn)
    assert g.value(claim, MLS.matchedPhrase) == Literal("update version of Tarn")
    assert g.value(claim, MLS.strength) == Literal("stated")
    evidence = g.value(claim, MLS.evidence)
    assert int(g.value(evidence, MLS.line)) == 10  # the summary line


def test_negative_phrases_produce_nothing(v1):
    marsh = node("paper/lind2020-marsh")
    g = v1.graph
    assert all(list(g.objects(marsh, p)) == [] for p in (MLS.extends, MLS.buildsOn, MLS.uses))
    misses = {m.phrase for m in v1.catalog.near_misses}
    assert {"Using REINFORCE", "Using DRL"} <= misses


def test_inferred_candidates_are_never_facts(v1):
    g = v1.graph
    inferred = [c for c in g.subjects(MLS.strength, Literal("inferred"))]
    assert inferred, "shared authors + topic + later year should give a candidate"
    for claim in inferred:
        s, o = g.value(claim, MLS.claimSubject), g.value(claim, MLS.claimObject)
        assert (s, MLS.extends, o) not in g and (s, CITO.extends, o) not in g


def test_provenance_has_no_local_path(v1):
    g = v1.graph
    for doc in g.subjects(RDF.type, MLS.SourceDocument):
        path = str(g.value(doc, MLS.filePath))
        assert path == "list_v1.md" and not path.startswith("/")
    for value in g.objects(None, None):
        assert str(FIXTURES) not in str(value)


def _iris(graph: Graph) -> set[str]:
    return {str(s) for s in graph.subjects(RDF.type, MLS.Entry)}


def test_iris_stable_across_versions(v1):
    v2 = build([V2])
    shared = _iris(v1.graph) & _iris(v2.graph)
    expected = {
        "paper/quill2019-tarn", "paper/quill-fjord", "paper/lind2020-marsh", "software/gale",
        "paper/wu2018-gale", "paper/wu2019-sedge", "video/why-systems-matter",
    }  # fmt: skip
    assert {iri.BASE + e for e in expected} <= shared


def test_collisions_resolved_independently_of_order(tmp_path):
    a = "- Kite: one [[GitHub]](https://github.com/a/kite)\n"
    b = "- Kite: two [[GitHub]](https://github.com/b/kite)\n"
    one, two = tmp_path / "one.md", tmp_path / "two.md"
    one.write_text("## Tools\n" + a + b)
    two.write_text("## Tools\n" + b + a)
    assert _iris(build([str(one)]).graph) == _iris(build([str(two)]).graph)
    assert len(_iris(build([str(one)]).graph)) == 2


def test_round_trip_isomorphic(v1, tmp_path):
    paths = write_graph(v1.graph, tmp_path, PREFIXES)
    graphs = [load_graph(p) for p in paths]
    for g in graphs:
        assert isomorphic(g, v1.graph)


def test_serialisations_are_deterministic(v1):
    again = build([V1])
    assert to_turtle(again.graph) == to_turtle(v1.graph)
    assert to_ntriples(again.graph) == to_ntriples(v1.graph)
    assert to_jsonld(again.graph, PREFIXES) == to_jsonld(v1.graph, PREFIXES)


def test_byte_identical_across_processes(tmp_path):
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run(
            [sys.executable, "-m", "mlsys_graph", "build", V1, "-o", str(out), "-s"],
            check=True, env=env,
        )  # fmt: skip
        outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert outputs[0] == outputs[1] and len(outputs[0]) == 4  # .ttl .nt .jsonld .html


def test_no_blank_nodes(v1):
    from rdflib import BNode

    assert not any(isinstance(t, BNode) for triple in v1.graph for t in triple)


def test_curated_separation_is_written(tmp_path):
    from mlsys_graph.resolve.people import PeopleCuration

    text = (
        "## Papers\n- One [[Paper]](https://x.org/1.pdf)\n  - Kim, Lee, and Jo Park. (*OSDI 2019*)\n"
        "- Two [[Paper]](https://x.org/2.pdf)\n  - L. Kim, and Ann Roe. (*OSDI 2020*)\n"
    )
    path = tmp_path / "l.md"
    path.write_text(text)
    curation = PeopleCuration(
        different=frozenset({frozenset({"Lee Kim", "L. Kim"})}), source="data/people.ttl"
    )
    g = build([str(path)], people_curation=curation).graph
    assert (node("person/lee-kim"), OWL.differentFrom, node("person/l-kim")) in g


def test_same_entry_in_two_lists_is_one_node(tmp_path):
    entry = (
        "- Kite: Fast Joins [[Paper]](https://x.org/kite.pdf)\n  - Oda, Rin, et al. (*VLDB 2021*)\n"
    )
    one, two = tmp_path / "one.md", tmp_path / "two.md"
    one.write_text("## Papers\n" + entry)
    two.write_text("# Other list\n\n## Databases\n" + entry)
    g = build([str(one), str(two)]).graph
    kite = node("paper/oda2021-kite")
    records = sorted(str(r).removeprefix(iri.BASE) for r in g.objects(kite, MLS.sourceRecord))
    assert records == ["source/one/L2", "source/two/L4"]
    assert len(set(g.subjects(RDF.type, MLS.Paper))) == 1


def test_directory_sources_keep_their_path_inside_the_list(tmp_path):
    entry = (
        "- Kite: Fast Joins [[Paper]](https://x.org/kite.pdf)\n  - Oda, Rin, et al. (*VLDB 2021*)\n"
    )
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "README.md").write_text("## Papers\n" + entry)
    (tmp_path / "b" / "README.md").write_text("## Databases\n" + entry.replace("Kite", "Lark"))
    g = build([str(tmp_path)]).graph
    paths = sorted(str(g.value(d, MLS.filePath)) for d in g.subjects(RDF.type, MLS.SourceDocument))
    assert paths == ["a/README.md", "b/README.md"]
    assert len(set(g.subjects(RDF.type, MLS.SourceRecord))) == 2


def test_every_authors_rule_of_the_ingest_is_described():
    """Each rule name the ingest gives an entry's authors (``authors_rule``) is a rule node
    of the graph: RULES must describe it, or its rdfs:comment is just its name."""
    source = (Path(__file__).parents[2] / "src/mlsys_graph/ingest/entries.py").read_text()
    # every hyphenated literal on a line that sets a rule or gives one to add_attribution
    ruled = re.compile(r"\b(?:authors_rule|rule)\b[^=\n]*=|add_attribution\(")
    named = {
        name
        for line in source.splitlines()
        if ruled.search(line)
        for name in re.findall(r'"([a-z]+(?:-[a-z]+)+)"', line)
    }
    assert {"author-field", "by-line", "inline-authors", "title-tag", "author-cell"} <= named
    assert named - RULES.keys() == set()


def test_unknown_venue_spelled_two_ways_is_one_node(tmp_path):
    # Two spellings of one venue the venue table does not know give one IRI: one node with
    # one label and acronym (the first built), the other spelling an alternative label.
    md = tmp_path / "list.md"
    md.write_text(
        "## Papers\n"
        "- Kite: Fast Joins [[Paper]](https://x.org/kite.pdf)\n  - Oda, Rin, et al. (*FooConf 2021*)\n"
        "- Lark: Slow Joins [[Paper]](https://x.org/lark.pdf)\n  - Ito, Ken, et al. (*Fooconf 2022*)\n"
    )
    result = build([str(md)])
    assert result.failures == []
    g = result.graph
    venues = set(g.objects(None, MLS.publishedIn))
    assert venues == {node("venue/fooconf")}
    (venue,) = venues
    (acronym,) = g.objects(venue, MLS.acronym)
    (other,) = g.objects(venue, SKOS.altLabel)
    assert {acronym, other} == {Literal("FooConf"), Literal("Fooconf")}
