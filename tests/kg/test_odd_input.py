"""Odd input in the graph: control characters that survive every serialisation."""

from __future__ import annotations

import io

import pyoxigraph
from rdflib import Graph

from mlsys_graph.kg.build import PREFIXES
from mlsys_graph.kg.store import to_jsonld, to_ntriples, to_turtle
from mlsys_graph.kg.vocab import MLS
from mlsys_graph.pipeline import build


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
