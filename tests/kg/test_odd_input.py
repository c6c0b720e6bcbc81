"""Odd input in the graph: sources that never collide, unsafe URLs that are never links, and
control characters that survive every serialisation."""

from __future__ import annotations

import io

import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import RDFS

from mlsys_graph.cli import cli
from mlsys_graph.ingest.links import unsafe_scheme
from mlsys_graph.kg import iri
from mlsys_graph.kg.build import PREFIXES
from mlsys_graph.kg.store import to_jsonld, to_ntriples, to_turtle
from mlsys_graph.kg.vocab import MLS, SCHEMA
from mlsys_graph.pipeline import build

ENTRY = "- Kite: Fast Joins [[Paper]](https://x.org/kite.pdf)\n  - Oda, Rin, et al. (*VLDB 2021*)\n"


def node(path: str) -> URIRef:
    return URIRef(iri.BASE + path)


def _documents(g: Graph) -> dict[str, str]:
    return {
        iri.key_of(d): str(g.value(d, MLS.filePath))
        for d in g.subjects(RDF.type, MLS.SourceDocument)
    }


def _no_local_path(g: Graph, root) -> None:
    for term in {t for triple in g for t in triple}:
        assert str(root) not in str(term) and str(root).lstrip("/") not in str(term)


def test_two_readmes_are_two_documents(tmp_path):
    for sub, section in (("a", "Papers"), ("b", "Databases")):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "README.md").write_text(f"# {sub}\n\n## {section}\n" + ENTRY)
    result = build([str(tmp_path / "a" / "README.md"), str(tmp_path / "b" / "README.md")])
    assert result.failures == []
    g = result.graph
    assert _documents(g) == {"source/a-readme": "a/README.md", "source/b-readme": "b/README.md"}
    records = {
        iri.key_of(r): (str(g.value(r, MLS.section)), iri.key_of(g.value(r, MLS.inDocument)))
        for r in g.objects(node("paper/oda2021-kite"), MLS.sourceRecord)
    }
    assert records == {
        "source/a-readme/L4": ("Papers", "source/a-readme"),
        "source/b-readme/L4": ("Databases", "source/b-readme"),
    }
    _no_local_path(g, tmp_path)


def test_names_that_slug_alike_get_ids_of_their_own(tmp_path):
    (tmp_path / "my list.md").write_text("## Papers\n" + ENTRY)
    (tmp_path / "my-list.md").write_text("## Papers\n" + ENTRY.replace("Kite", "Lark"))
    g = build([str(tmp_path / "my list.md"), str(tmp_path / "my-list.md")]).graph
    docs = _documents(g)
    assert sorted(docs.values()) == ["my list.md", "my-list.md"]
    assert len(docs) == 2 and all(d.startswith("source/my-list-") for d in docs)


def test_list_id_names_the_sources(tmp_path):
    (tmp_path / "topics").mkdir()
    (tmp_path / "README.md").write_text("## Papers\n" + ENTRY)
    (tmp_path / "topics" / "db.md").write_text("## Databases\n" + ENTRY.replace("Kite", "Lark"))
    one = build([str(tmp_path / "README.md")], list_id="kites", validate=False).graph
    assert _documents(one) == {"source/kites": "README.md"}
    both = build([str(tmp_path)], list_id="kites", validate=False).graph
    assert _documents(both) == {
        "source/kites/readme": "README.md",
        "source/kites/topics-db": "topics/db.md",
    }
    with pytest.raises(ValueError, match="not a slug"):
        build([str(tmp_path)], list_id="Kites!")


def test_build_list_id_from_stdin(tmp_path):
    out = tmp_path / "out"
    args = ["build", "-", "--list-id", "my-list", "-o", str(out), "-s"]
    result = CliRunner().invoke(cli, args, input="## Papers\n" + ENTRY)
    assert result.exit_code == 0, result.output
    assert "<https://w3id.org/mlsys-graph/id/source/my-list/L2>" in (
        out / "mlsys-graph.nt"
    ).read_text("utf-8")
    for bad in (["--list-id", "My List"], ["--list-repository", "javascript:alert(1)"]):
        result = CliRunner().invoke(cli, ["build", "-", *bad, "-o", str(out)], input=ENTRY)
        assert result.exit_code == 2 and "Invalid value" in result.output


UNSAFE = (
    "## Tools\n"
    "- Lure: clicks [[GitHub]](javascript://github.com/lu/re%0aalert(1)) "
    "[[Paper]](https://lure.example.org/p.pdf)\n"
    "- Bait [[Demo]](data:text/html;base64,PGI+aGk8L2I+)\n"
    "- Docs [[Guide]](docs/guide.md) [[Mail]](mailto:team@example.org)\n"
)


def test_unsafe_urls_are_never_links(tmp_path):
    path = tmp_path / "l.md"
    path.write_text(UNSAFE)
    result = build([str(path)])
    assert result.failures == []
    assert [(p.line, p.code) for p in result.problems if p.code == "unsafe-url"] == [
        (2, "unsafe-url"),
        (3, "unsafe-url"),
    ]
    g = result.graph
    urls = {str(o) for o in g.objects(None, MLS.url)} | {
        str(o) for o in g.objects(None, SCHEMA.url)
    }
    assert urls == {"https://lure.example.org/p.pdf", "docs/guide.md", "mailto:team@example.org"}
    # No repository is read from javascript://github.com/...
    assert not list(g.subjects(RDF.type, MLS.Repository))
    unsafe = {(iri.key_of(s), str(o)) for s, o in g.subject_objects(MLS.unsafeUrl)}
    assert unsafe == {
        ("software/lure/link/1", "javascript://github.com/lu/re%0aalert(1)"),
        ("software/bait/link/1", "data:text/html;base64,PGI+aGk8L2I+"),
    }
    bait = node("software/bait/link/1")
    assert g.value(bait, RDFS.label) == Literal("Demo") and g.value(bait, MLS.position) is not None
    # Nowhere in the graph is an unsafe URL an IRI.
    iris = {str(t) for triple in g for t in triple if isinstance(t, URIRef)}
    assert [t for t in iris if unsafe_scheme(t)] == []


def test_control_characters_survive_every_serialisation(tmp_path):
    path = tmp_path / "l.md"
    path.write_bytes(
        "## Tools\n- Ply\x0c: folds\u2028layers\x01 [[GitHub]](https://github.com/ply/ply)\n"
        "  - Summary: one\x85two\x1b[31m\n"
        "- Nib\x00: writes [[GitHub]](https://github.com/ni/b)\n".encode()
    )
    result = build([str(path)])
    assert result.failures == []
    assert [(p.line, p.code) for p in result.problems] == [
        (2, "control-character"),
        (3, "control-character"),
        (4, "control-character"),
    ]
    g = result.graph
    texts = {int(g.value(r, MLS.line)): str(o) for r, o in g.subject_objects(MLS.sourceText)}
    assert texts == {
        2: "- Ply\x0c: folds\u2028layers\x01 [[GitHub]](https://github.com/ply/ply)",
        4: "- Nib\ufffd: writes [[GitHub]](https://github.com/ni/b)",
    }
    # Titles and summaries: white-space-like controls read as spaces, others dropped.
    assert {str(o) for o in g.objects(None, MLS.summary)} == {"one two[31m"}
    for text, fmt in (
        (to_turtle(g), "turtle"),
        (to_ntriples(g), "nt"),
        (to_jsonld(g, PREFIXES), "json-ld"),
    ):
        again = Graph().parse(data=text, format=fmt)
        assert {str(o) for o in again.objects(None, MLS.sourceText)} == set(texts.values())
    store = pyoxigraph.Store()
    store.load(io.BytesIO(to_ntriples(g).encode("utf-8")), pyoxigraph.RdfFormat.N_TRIPLES)
    assert len(store) == len(g)
