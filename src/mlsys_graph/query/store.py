"""Opening a graph argument (a graph file, an Oxigraph store folder, or the bundled graph)
for queries, ``why``, ``serve`` and the analytics (``network.source`` calls this module).

Graph files (``.ttl``, ``.nt``, ``.jsonld``) are parsed natively by pyoxigraph into an
in-memory store; a store folder (written by ``mlsys-graph build --store DIR``) is opened
read-only, so a running ``serve`` and any number of queries can share it; with nothing
given, the bundled graph (``data/catalog.ttl``) is loaded.

>>> g = open_store()
>>> len(g.store) > 1000, g.origin.endswith("catalog.ttl"), g.prefixes["mls"]
(True, True, 'https://w3id.org/mlsys-graph/ontology#')
>>> shorten("https://w3id.org/mlsys-graph/id/venue/nsdi", g.prefixes)
'id:venue/nsdi'
"""

from __future__ import annotations

import gc
import json
import os
import re
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError

__all__ = [
    "DISPLAY_PREFIXES",
    "GRAPH_SUFFIXES",
    "GraphStore",
    "is_store_folder",
    "open_store",
    "shorten",
    "write_store",
]

#: Prefixes for showing IRIs to people: the graph's own (kg.build.PREFIXES, kept equal by a
#: test) and ``id:`` for the data namespace. Display only: ``id:paper/x`` is no Turtle.
DISPLAY_PREFIXES = {
    "id": "https://w3id.org/mlsys-graph/id/",
    "mls": "https://w3id.org/mlsys-graph/ontology#",
    "schema": "http://schema.org/",
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "cito": "http://purl.org/spar/cito/",
    "fabio": "http://purl.org/spar/fabio/",
    "bibo": "http://purl.org/ontology/bibo/",
    "doap": "http://usefulinc.com/ns/doap#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

#: Graph file suffixes a graph argument may have, and their pyoxigraph format names.
GRAPH_SUFFIXES = {
    ".ttl": "TURTLE",
    ".nt": "N_TRIPLES",
    ".nq": "N_QUADS",
    ".trig": "TRIG",
    ".jsonld": "JSON_LD",
    ".json": "JSON_LD",
    ".rdf": "RDF_XML",
}

_TURTLE_PREFIX = re.compile(r"^\s*(?:@prefix|PREFIX)\s+([\w.-]*):\s*<([^>]*)>", re.I | re.M)


@dataclass(frozen=True)
class GraphStore:
    """An opened graph: the pyoxigraph ``store``, what was opened (``origin``), the prefixes
    for display, and the ``folder`` when it is an on-disk store."""

    store: Any
    origin: str
    prefixes: Mapping[str, str] = field(default_factory=lambda: dict(DISPLAY_PREFIXES))
    folder: Path | None = None

    def __len__(self) -> int:
        return len(self.store)


def is_store_folder(path: Path | str) -> bool:
    """Does ``path`` hold an Oxigraph (RocksDB) store?"""
    folder = Path(path)
    return (folder / "CURRENT").is_file() and any(folder.glob("MANIFEST-*"))


def _file_prefixes(path: Path, fmt: str) -> dict[str, str]:
    """Prefixes a graph file declares (display only: read from its head, never trusted)."""
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            head = handle.read(64 * 1024)
    except OSError:
        return {}
    if fmt == "TURTLE":
        return {p: ns for p, ns in _TURTLE_PREFIX.findall(head) if p}
    if fmt == "JSON_LD":
        found = re.search(r'"@context"\s*:\s*(\{[^{}]*\})', head)
        if found:
            try:
                context = json.loads(found[1])
            except ValueError:
                return {}
            return {k: v for k, v in context.items() if isinstance(v, str) and ":" in v}
    return {}


def open_store(source=None) -> GraphStore:
    """Open a graph argument: the one way every command and library call opens a graph.

    ``source`` is nothing or an empty sequence (the bundled graph, ``data/catalog.ttl``), a
    path or a sequence of paths of graph files (:data:`GRAPH_SUFFIXES`, parsed natively by
    pyoxigraph into one in-memory store), the path of one Oxigraph store folder (opened
    read-only), an rdflib ``Graph`` or built :class:`~mlsys_graph.kg.triples.Triples`
    (through :mod:`mlsys_graph.kg.oxi`), a pyoxigraph ``Store`` or a :class:`GraphStore`
    (returned as they are).

    Raises :class:`~mlsys_graph.errors.InputError` naming the path (and the line, for a
    syntax error) when a path is missing, of unknown format, or does not parse.

    >>> open_store(["missing.ttl"])
    Traceback (most recent call last):
    ...
    mlsys_graph.errors.InputError: missing.ttl: no such file or folder
    """
    import pyoxigraph as ox

    if isinstance(source, GraphStore):
        return source
    if isinstance(source, ox.Store):
        return GraphStore(source, "a pyoxigraph store")
    from ..kg.triples import Triples

    if isinstance(source, Triples):
        from ..kg.oxi import store_from_triples

        return GraphStore(store_from_triples(source, faithful=False), "built triples")
    if source is not None and not isinstance(source, str | Path | Sequence):
        from ..kg.oxi import store_from_graph

        return GraphStore(store_from_graph(source, faithful=False), "an rdflib graph")
    paths = [Path(source)] if isinstance(source, str | Path) else [Path(p) for p in source or ()]
    if not paths:
        from ..pipeline import bundled_graph_path

        paths = [bundled_graph_path()]
    for path in paths:
        if not path.exists():
            raise InputError(str(path), None, "no such file or folder")
    folders = [p for p in paths if p.is_dir()]
    if folders:
        folder = folders[0]
        if len(paths) > 1:
            raise InputError(
                str(folder), None, "a store folder cannot be combined with other graphs"
            )
        if not is_store_folder(folder):
            raise InputError(
                str(folder),
                None,
                "is a folder but no Oxigraph store (mlsys-graph build --store DIR)",
            )
        try:
            store = ox.Store.read_only(str(folder))
        except OSError as exc:
            raise InputError(str(folder), None, f"cannot open the store: {exc}") from None
        return GraphStore(store, str(folder), dict(DISPLAY_PREFIXES), folder)
    store = ox.Store()
    prefixes: dict[str, str] = {}
    for path in paths:
        fmt = GRAPH_SUFFIXES.get(path.suffix.lower())
        if fmt is None:
            known = ", ".join(sorted(GRAPH_SUFFIXES))
            raise InputError(
                str(path), None, f"unknown graph format (known: {known}, or a store folder)"
            )
        try:
            store.bulk_load(path=str(path), format=getattr(ox.RdfFormat, fmt))
        except SyntaxError as exc:
            raise InputError(
                str(path), getattr(exc, "lineno", None), f"not valid RDF ({fmt}): {exc.msg}"
            ) from None
        except (OSError, ValueError) as exc:
            raise InputError(str(path), None, f"cannot read the graph: {exc}") from None
        prefixes.update(_file_prefixes(path, fmt))
    merged = dict(DISPLAY_PREFIXES)
    for prefix, ns in prefixes.items():
        if ns not in merged.values():
            merged.setdefault(prefix, ns)
    return GraphStore(store, ", ".join(str(p) for p in paths), merged)


def shorten(iri: str, prefixes: Mapping[str, str]) -> str:
    """``prefix:local`` with the longest matching namespace, else ``<iri>``."""
    best = None
    for prefix, ns in prefixes.items():
        if iri.startswith(ns) and len(iri) > len(ns) and (best is None or len(ns) > len(best[1])):
            best = (prefix, ns)
    return f"{best[0]}:{iri[len(best[1]) :]}" if best else f"<{iri}>"


def write_store(source, directory: Path | str) -> Path:
    """Write a graph as an Oxigraph store folder, replacing a previous store there.

    ``source`` is an rdflib ``Graph``, a pyoxigraph ``Store``, a :class:`GraphStore` or the
    path of an N-Triples file (loaded by Oxigraph straight from the file). The
    store is built in a temporary folder next to ``directory`` and renamed into place, so a
    failed run leaves the previous store intact. A ``directory`` that exists and holds
    anything but a store is refused, never deleted.
    """
    import pyoxigraph as ox

    from ..kg.oxi import store_from_graph

    target = Path(directory)
    if target.exists() and (
        not target.is_dir() or (any(target.iterdir()) and not is_store_folder(target))
    ):
        raise InputError(
            str(target), None, "exists and is no Oxigraph store; refusing to replace it"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        store = ox.Store(str(tmp))
        if isinstance(source, GraphStore):
            source = source.store
        if isinstance(source, (str, os.PathLike)):
            store.bulk_load(path=str(source), format=ox.RdfFormat.N_TRIPLES)
        elif isinstance(source, ox.Store):
            store.bulk_load(
                input=source.dump(format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS
            )
        else:
            store_from_graph(source, store, faithful=False)
        store.flush()
        store.optimize()
        del store
        gc.collect()  # the store's lock is released when the object goes
        old = None
        if target.exists():
            old = target.with_name(f".{target.name}.{os.getpid()}.old")
            target.rename(old)
        tmp.rename(target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target
