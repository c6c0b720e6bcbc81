"""Open a knowledge graph for analysis: a pyoxigraph ``Store`` the projections read from.

Projections read from pyoxigraph, never from an rdflib ``Graph``: at 100k entries the graph
has about 7.4 M triples, about 8 GB as an rdflib ``Graph`` and 2.4 GB as a pyoxigraph store.

What :func:`open_graph` accepts:

* nothing: the bundled graph of the seed list (``data/catalog.ttl``);
* paths of ``.ttl``, ``.nt``, ``.nq``, ``.trig``, ``.jsonld``/``.json`` or ``.rdf`` files,
  loaded together into one in-memory store;
* the folder of an on-disk Oxigraph store (opened read-only; ``mlsys-graph build --store``);
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

from typing import TYPE_CHECKING

from ..query.store import GRAPH_SUFFIXES

if TYPE_CHECKING:  # pragma: no cover
    import pyoxigraph

__all__ = ["GRAPH_SUFFIXES", "open_graph"]


def open_graph(source=None) -> pyoxigraph.Store:
    """A pyoxigraph store of the graph ``source`` names (the bundled graph by default).

    The graph is opened by :func:`mlsys_graph.query.store.open_store`, the one opener of
    graph arguments (queries, ``why``, ``serve`` and the analytics all go through it).

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
    from ..query.store import open_store

    return open_store(source).store
