"""Open a knowledge graph for analysis: a pyoxigraph ``Store`` the projections read from.

Projections read from pyoxigraph, never from an rdflib ``Graph``: at 100k entries the graph
has about 7.4 M triples, about 8 GB as an rdflib ``Graph`` and 2.4 GB as a pyoxigraph store.

What :func:`open_graph` accepts:

* nothing: the bundled graph of the seed list (``data/catalog.ttl``);
* paths of ``.ttl``, ``.nt``, ``.nq``, ``.trig``, ``.jsonld``/``.json`` or ``.rdf`` files,
  loaded together into one in-memory store;
* the folder of an on-disk Oxigraph store (opened read-only);
* an rdflib ``Graph`` (through :mod:`mlsys_graph.kg.oxi`, the one rdflib ↔ pyoxigraph
  bridge) or a pyoxigraph ``Store`` (returned as it is).

>>> store = open_graph()
>>> len(store) > 5000
True
>>> open_graph(["missing.ttl"])
Traceback (most recent call last):
...
mlsys_graph.errors.InputError: missing.ttl: no such file or folder
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    import pyoxigraph

__all__ = ["GRAPH_SUFFIXES", "open_graph"]

#: File suffixes :func:`open_graph` reads, and their pyoxigraph format names.
GRAPH_SUFFIXES = {
    ".ttl": "TURTLE",
    ".nt": "N_TRIPLES",
    ".nq": "N_QUADS",
    ".trig": "TRIG",
    ".jsonld": "JSON_LD",
    ".json": "JSON_LD",
    ".rdf": "RDF_XML",
}


def open_graph(source=None) -> pyoxigraph.Store:
    """A pyoxigraph store of the graph ``source`` names (the bundled graph by default).

    Parameters
    ----------
    source : None, str, Path, sequence of them, rdflib.Graph or pyoxigraph.Store
        What to open (see the module documentation).

    Returns
    -------
    pyoxigraph.Store

    Raises
    ------
    InputError
        A path that does not exist, has an unknown suffix, or does not parse (the message
        names the file and, for syntax errors, the line).
    """
    import pyoxigraph as ox

    if isinstance(source, ox.Store):
        return source
    if source is not None and not isinstance(source, str | Path | Sequence):
        from ..kg.oxi import store_from_graph

        return store_from_graph(source)
    if source is None:
        from ..pipeline import bundled_graph_path

        paths = [bundled_graph_path()]
    elif isinstance(source, str | Path):
        paths = [Path(source)]
    else:
        paths = [Path(p) for p in source]
    if not paths:
        from ..pipeline import bundled_graph_path

        paths = [bundled_graph_path()]
    for path in paths:
        if not path.exists():
            raise InputError(str(path), None, "no such file or folder")
    if len(paths) == 1 and paths[0].is_dir():
        try:
            return ox.Store.read_only(str(paths[0]))
        except OSError as exc:
            raise InputError(str(paths[0]), None, f"not an Oxigraph store: {exc}") from None
    store = ox.Store()
    for path in paths:
        if path.is_dir():
            raise InputError(str(path), None, "a store folder must be the only graph given")
        name = GRAPH_SUFFIXES.get(path.suffix.lower())
        if name is None:
            known = ", ".join(sorted(GRAPH_SUFFIXES))
            raise InputError(str(path), None, f"unknown graph format (known: {known})")
        try:
            store.bulk_load(path=str(path), format=getattr(ox.RdfFormat, name))
        except SyntaxError as exc:
            raise InputError(str(path), exc.lineno, f"not valid RDF: {exc.msg}") from None
        except (OSError, ValueError) as exc:
            raise InputError(str(path), None, f"cannot read the graph: {exc}") from None
    return store
