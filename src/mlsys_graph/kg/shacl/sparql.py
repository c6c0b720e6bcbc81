"""SPARQL-based constraints and targets, made ready to run once for all focus nodes.

pySHACL runs a SPARQL constraint once per focus node with ``$this`` pre-bound. The oxigraph
engine runs it once, as a subquery joined with the focus nodes on ``?this``. The two agree
when every solution binds ``$this`` through a triple pattern before any expression reads it;
:func:`prepare` checks that on the query's algebra (parsed by rdflib) and refuses the query
otherwise (:class:`~mlsys_graph.errors.UnsupportedShapes`), as it refuses what SHACL forbids
in pre-bound queries (``MINUS``, ``VALUES``, ``SERVICE``, re-binding ``$this``).

>>> prepared = prepare(
...     "SELECT $this ?value WHERE { $this ex:p ?value FILTER (?value != $this) }",
...     (("ex", "https://example.org/"),),
...     constraint=True,
... )
>>> prepared.projected
('this', 'value')
>>> prepare("SELECT ?value WHERE { FILTER NOT EXISTS { $this ex:p ?value } }",
...         (("ex", "https://example.org/"),), constraint=True)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
mlsys_graph.errors.UnsupportedShapes: SPARQL constraint: ... so it must SELECT $this
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rdflib import Variable

from ...errors import UnsupportedShapes

__all__ = ["PreparedSparql", "prepare"]

THIS = Variable("this")
_PROLOGUE = re.compile(
    r"\A(?:\s+|#[^\n]*\n|PREFIX\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>|BASE\s*<[^>]*>)", re.I
)
_PATH = re.compile(r"([\s{}()])[\$\?]PATH")
_UNSUPPORTED_VARIABLES = re.compile(r"[\$\?](shapesGraph|currentShape)\b")


@dataclass(frozen=True)
class PreparedSparql:
    """A SELECT query without its prologue, and the prefixes it needs."""

    select: str
    prefixes: tuple[tuple[str, str], ...]
    #: The variable names the query projects.
    projected: tuple[str, ...]


class _Unsafe(Exception):
    pass


@lru_cache(maxsize=256)
def prepare(
    select: str,
    prefixes: tuple[tuple[str, str], ...],
    *,
    constraint: bool,
    path: str | None = None,
) -> PreparedSparql:
    """Check a ``sh:select`` text and split off its prologue.

    ``path`` is the SPARQL text of the shape's path, substituted for ``$PATH`` as pySHACL
    does. A target query needs only to select ``?this``; a constraint query must also be
    safe to join with the focus nodes (see the module docstring).
    """
    what = "SPARQL constraint" if constraint else "SPARQL target"
    found = dict(prefixes)
    text = select
    while m := _PROLOGUE.match(text):
        if m.group(0).strip().upper().startswith("BASE"):
            raise UnsupportedShapes(f"{what}: BASE is not supported")
        if m.group(2) is not None:
            prefix = m.group(1) or ""
            if found.get(prefix, m.group(2)) != m.group(2):
                raise UnsupportedShapes(f"{what}: the prefix {prefix!r} is declared twice")
            found[prefix] = m.group(2)
        text = text[m.end() :]
    if m := _UNSUPPORTED_VARIABLES.search(text):
        raise UnsupportedShapes(f"{what}: ${m.group(1)} is not supported")
    if _PATH.search(text):
        if path is None:
            raise UnsupportedShapes(f"{what}: $PATH on a shape without a path")
        text = _PATH.sub(lambda m: m.group(1) + path, text)
    if not constraint:  # a target runs as it is: Oxigraph's parser says what it selects
        projected = _oxigraph_projection(text, found, what)
        if "this" not in projected:
            raise UnsupportedShapes(
                f"{what}: the oxigraph engine reads ?this, so it must SELECT ?this"
            )
        return PreparedSparql(text.strip(), tuple(sorted(found.items())), projected)
    from rdflib.plugins.sparql import prepareQuery

    try:
        algebra = prepareQuery(text, initNs=found).algebra
    except Exception as exc:  # rdflib raises pyparsing and other errors
        raise UnsupportedShapes(f"{what}: cannot parse the query: {exc}") from None
    if algebra.name != "SelectQuery":
        raise UnsupportedShapes(f"{what}: a SELECT query is expected")
    projected = tuple(str(v) for v in algebra.get("PV") or ())
    if "this" not in projected:
        raise UnsupportedShapes(
            f"{what}: the oxigraph engine joins the query with the focus nodes on $this, "
            "so it must SELECT $this"
        )
    try:
        _check_top(algebra.p)
    except _Unsafe as exc:
        raise UnsupportedShapes(f"{what}: {exc}") from None
    return PreparedSparql(text.strip(), tuple(sorted(found.items())), projected)


def _oxigraph_projection(text: str, prefixes: dict, what: str) -> tuple[str, ...]:
    """The variables a SELECT query projects, as Oxigraph parses it (on an empty store)."""
    import pyoxigraph as ox

    try:
        solutions = ox.Store().query(text, prefixes=prefixes)
    except SyntaxError as exc:
        raise UnsupportedShapes(f"{what}: cannot parse the query: {exc}") from None
    if not isinstance(solutions, ox.QuerySolutions):
        raise UnsupportedShapes(f"{what}: a SELECT query is expected")
    return tuple(v.value for v in solutions.variables)


def _check_top(node) -> None:
    while node.name in ("Distinct", "Reduced", "OrderBy"):
        node = node.p
    if node.name == "Slice":
        raise _Unsafe("LIMIT/OFFSET would apply to all focus nodes at once")
    if node.name != "Project":
        raise _Unsafe(f"unexpected {node.name}")
    if not _binds(node.p):
        raise _Unsafe(
            "$this must be bound by a triple pattern in every solution "
            "(the oxigraph engine joins the query with the focus nodes on $this)"
        )


def _binds(node) -> bool:
    """Whether ``?this`` is bound in every solution of ``node``; raises when unsafe."""
    name = node.name
    if name == "BGP":
        return any(THIS in triple for triple in node.triples)
    if name == "Join":
        left, right = _binds(node.p1), _binds(node.p2)
        return left or right
    if name == "LeftJoin":
        left = _binds(node.p1)
        _binds(node.p2)
        _need(node.get("expr"), left, "OPTIONAL ... FILTER")
        return left
    if name == "Union":
        left, right = _binds(node.p1), _binds(node.p2)
        return left and right
    if name == "Filter":
        bound = _binds(node.p)
        _need(node.expr, bound, "FILTER")
        return bound
    if name == "Extend":
        bound = _binds(node.p)
        if node.var == THIS and not str(node.expr).startswith("__agg_"):
            raise _Unsafe("a query must not re-bind $this (AS ?this)")
        _need(node.expr, bound, "BIND")
        return bound
    if name in ("Distinct", "Reduced", "OrderBy", "AggregateJoin"):
        return _binds(node.p)
    if name == "Group":
        bound = _binds(node.p)
        if THIS in (node.expr or []):
            if not bound:
                raise _Unsafe("GROUP BY $this over solutions without $this")
            return True
        if _mentions(node.p):
            raise _Unsafe("an aggregate over $this must GROUP BY $this")
        return False
    if name == "ToMultiSet":
        inner = node.p
        if inner.name == "values":
            raise _Unsafe("VALUES is not allowed with a pre-bound $this")
        return _subquery(inner)
    if name in ("Minus", "Graph", "ServiceGraphPattern"):
        raise _Unsafe(f"{name.upper()} is not allowed in a SPARQL constraint")
    if name == "Slice":
        raise _Unsafe("LIMIT/OFFSET in a subquery")
    raise _Unsafe(f"unsupported query part {name}")


def _subquery(node) -> bool:
    while node.name in ("Distinct", "Reduced", "OrderBy"):
        node = node.p
    if node.name == "Slice":
        raise _Unsafe("LIMIT/OFFSET in a subquery")
    if node.name != "Project":
        raise _Unsafe(f"unsupported subquery {node.name}")
    if THIS not in (node.PV or []):
        if _mentions(node.p):
            raise _Unsafe("a subquery that uses $this must SELECT it")
        return False
    return _binds(node.p)


def _need(expr, bound: bool, where: str) -> None:
    if expr is not None and not bound and _mentions(expr):
        raise _Unsafe(f"{where} reads $this before a triple pattern binds it")


def _mentions(node) -> bool:
    """Whether ``?this`` occurs anywhere in an algebra node or expression."""
    if node == THIS:
        return True
    if isinstance(node, dict):
        return any(_mentions(v) for k, v in node.items() if k != "_vars")
    if isinstance(node, (list, tuple, set)):
        return any(_mentions(v) for v in node)
    return False
