"""SPARQL over the knowledge graph: named queries (``queries/*.rq``), ad-hoc ones, the store
they run on (pyoxigraph), the SPARQL server (``serve``) and pushing to another server."""

from .sparql import (
    NamedQuery,
    Parameter,
    execute,
    get_query,
    named_query,
    query_names,
    run_query,
)

__all__ = [
    "NamedQuery",
    "Parameter",
    "execute",
    "get_query",
    "named_query",
    "query_names",
    "run_query",
]
