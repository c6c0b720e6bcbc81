"""Run SPARQL with bound values, never with values pasted into the query text.

Named queries live in ``queries/NAME.rq``; the comment block at the top of each file is
its documentation.

>>> "why" in query_names()
True
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources

from ..errors import QueryError

__all__ = ["named_query", "query_names", "run_query"]


def query_names() -> list[str]:
    folder = resources.files(__package__) / "queries"
    return sorted(p.name[:-3] for p in folder.iterdir() if p.name.endswith(".rq"))


@cache
def named_query(name: str) -> str:
    """The text of ``queries/NAME.rq``."""
    path = resources.files(__package__) / "queries" / f"{name}.rq"
    if not path.is_file():
        raise QueryError(f"no query named {name!r}; known: {', '.join(query_names())}")
    return path.read_text(encoding="utf-8")


def run_query(graph, text: str, bindings: Mapping[str, object] | None = None) -> list[dict]:
    """Rows of a SELECT query as dicts of rdflib terms (unbound variables are absent)."""
    from rdflib.plugins.sparql import prepareQuery

    try:
        prepared = prepareQuery(text)
    except Exception as exc:
        raise QueryError(f"cannot parse the query: {exc}") from None
    result = graph.query(prepared, initBindings=dict(bindings or {}))
    rows = []
    for row in result:
        rows.append({str(v): row[v] for v in result.vars if row[v] is not None})
    return rows
