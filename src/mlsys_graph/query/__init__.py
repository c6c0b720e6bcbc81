"""SPARQL over the knowledge graph: named queries (``queries/*.rq``), ad-hoc ones, the store
they run on (pyoxigraph), the SPARQL server (``serve``) and pushing to another server.

>>> from mlsys_graph.query import get_query, open_store, run_query
>>> q = get_query("papers-at-venue")
>>> rows = run_query(open_store(), q.text, {"venue": "NIPS"})
>>> sorted({str(r["acronym"]) for r in rows})
['NeurIPS']
"""

from .frames import named_frame, solutions_frame
from .sparql import (
    NamedQuery,
    Parameter,
    execute,
    get_query,
    named_query,
    query_names,
    run_query,
    with_values,
)
from .store import GraphStore, open_store

__all__ = [
    "GraphStore",
    "NamedQuery",
    "Parameter",
    "execute",
    "get_query",
    "named_frame",
    "named_query",
    "open_store",
    "query_names",
    "run_query",
    "solutions_frame",
    "with_values",
]
