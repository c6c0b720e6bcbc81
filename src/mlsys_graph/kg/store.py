"""Load and save graphs: Turtle, N-Triples and JSON-LD, byte-identical for the same graph.

Determinism: the graph has no blank nodes (every node is minted by :mod:`.iri`); N-Triples
lines are sorted; JSON-LD is written by hand from sorted subjects and predicates with one
``@context``; Turtle is rdflib's ``longturtle``, which sorts subjects and predicates.
Files are written atomically (a temporary file in the same folder, then a rename), so a
failed run leaves the previous outputs intact.

>>> from rdflib import Graph, Literal, URIRef
>>> g = Graph()
>>> _ = g.add((URIRef("https://w3id.org/mlsys-graph/id/x"), URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("x")))
>>> to_ntriples(g)
'<https://w3id.org/mlsys-graph/id/x> <http://www.w3.org/2000/01/rdf-schema#label> "x" .\\n'
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

__all__ = [
    "FORMATS",
    "load_graph",
    "to_jsonld",
    "to_ntriples",
    "to_turtle",
    "write_atomic",
    "write_graph",
]

#: Output file suffix → rdflib parser name.
FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld"}


def to_ntriples(graph: Graph) -> str:
    """Sorted N-Triples."""
    lines = sorted(f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in graph)
    return "".join(lines)


def to_turtle(graph: Graph) -> str:
    text = graph.serialize(format="longturtle")
    return text if text.endswith("\n") else text + "\n"


def _context(prefixes: Mapping[str, str]) -> dict:
    return {prefix: ns for prefix, ns in sorted(prefixes.items())}


def _compact(iri: str, prefixes: Mapping[str, str]) -> str:
    best = None
    for prefix, ns in prefixes.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            local = iri[len(ns) :]
            if all(c.isalnum() or c in "_-." for c in local) and (
                best is None or len(ns) > len(best[1])
            ):
                best = (prefix, ns, local)
    return f"{best[0]}:{best[2]}" if best else iri


def _jsonld_value(term, prefixes):
    if isinstance(term, URIRef):
        return {"@id": str(term)}
    if isinstance(term, BNode):
        return {"@id": f"_:{term}"}
    assert isinstance(term, Literal)
    value = {"@value": str(term)}
    if term.language:
        value["@language"] = term.language
    elif term.datatype is not None and term.datatype != XSD.string:
        value["@type"] = _compact(str(term.datatype), prefixes)
    return value


def to_jsonld(graph: Graph, prefixes: Mapping[str, str]) -> str:
    """JSON-LD with a ``@context`` of the prefixes and a sorted ``@graph``."""
    nodes = []
    for subject in sorted(set(graph.subjects())):
        node: dict = {"@id": str(subject)}
        types = sorted(_compact(str(t), prefixes) for t in graph.objects(subject, RDF.type))
        if types:
            node["@type"] = types
        for predicate in sorted(set(graph.predicates(subject, None))):
            if predicate == RDF.type:
                continue
            values = sorted(
                (_jsonld_value(o, prefixes) for o in graph.objects(subject, predicate)),
                key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False),
            )
            node[_compact(str(predicate), prefixes)] = values
        nodes.append(node)
    doc = {"@context": _context(prefixes), "@graph": nodes}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def write_atomic(path: Path, text: str) -> None:
    """Write text to path via a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_graph(
    graph: Graph,
    directory: Path,
    prefixes: Mapping[str, str],
    stem: str = "mlsys-graph",
    extra: Mapping[str, str] | None = None,
) -> list[Path]:
    """Write ``stem.ttl``, ``stem.nt`` and ``stem.jsonld`` (and ``extra``: file name → text,
    such as the HTML page); all are rendered before any is written."""
    texts = {
        directory / f"{stem}.ttl": to_turtle(graph),
        directory / f"{stem}.nt": to_ntriples(graph),
        directory / f"{stem}.jsonld": to_jsonld(graph, prefixes),
    }
    texts.update({directory / name: text for name, text in (extra or {}).items()})
    for path, text in texts.items():
        write_atomic(path, text)
    return list(texts)


def load_graph(*paths: Path | str) -> Graph:
    """Parse graph files (format from the suffix: .ttl, .nt, .jsonld)."""
    from ..errors import InputError

    graph = Graph()
    for raw in paths:
        path = Path(raw)
        fmt = FORMATS.get(path.suffix.lower())
        if fmt is None:
            raise InputError(str(path), None, "unknown graph format; use .ttl, .nt or .jsonld")
        if not path.is_file():
            raise InputError(str(path), None, "no such file")
        try:
            graph.parse(path, format=fmt)
        except Exception as exc:  # rdflib raises many parser-specific types
            raise InputError(
                str(path), getattr(exc, "lineno", None), f"cannot be parsed as {fmt}: {exc}"
            ) from None
    return graph
