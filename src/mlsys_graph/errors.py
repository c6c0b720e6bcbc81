"""Exceptions of mlsys-graph, rooted at :class:`MlsysGraphError`.

>>> str(SourceError("list.md", 12, "not UTF-8"))
'list.md:12: not UTF-8'
>>> str(SourceError("missing.md", None, "no such file"))
'missing.md: no such file'
>>> str(QuerySyntaxError("q.rq", 3, 7, "expected one of ...}"))
'q.rq:3:7: SPARQL syntax error: expected one of ...}'
"""

from __future__ import annotations

__all__ = [
    "EndpointError",
    "InputError",
    "MlsysGraphError",
    "QueryError",
    "QuerySyntaxError",
    "QueryUsageError",
    "SourceError",
    "UnsupportedShapes",
    "ValidationFailed",
]


class MlsysGraphError(Exception):
    """Base class of every error this package raises on purpose."""


class SourceError(MlsysGraphError):
    """A problem tied to a place in an input file; ``str()`` is ``path:line: message``."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")


class InputError(SourceError):
    """An input that cannot be read at all: missing, a directory without lists, binary, not UTF-8."""


class ValidationFailed(MlsysGraphError):
    """The built graph does not conform to the SHACL shapes; ``violations`` says why."""

    def __init__(self, violations: list) -> None:
        self.violations = violations
        super().__init__(
            f"the graph does not conform to the shapes: {len(violations)} violation(s)"
        )


class UnsupportedShapes(MlsysGraphError):
    """A shapes graph uses SHACL that the oxigraph validation engine does not implement.

    Raised before anything is validated, so no shape is ever skipped silently; the pyshacl
    engine (``engine="pyshacl"``, ``mlsys-graph validate --engine pyshacl``) still runs them.
    """


class QueryError(MlsysGraphError):
    """A SPARQL query that cannot be parsed or run."""


class QuerySyntaxError(QueryError):
    """A query that does not parse; ``str()`` is ``source:line:column: SPARQL syntax error: ...``."""

    def __init__(self, source: str, line: int | None, column: int | None, message: str) -> None:
        self.source = source
        self.line = line
        self.column = column
        self.message = message
        where = ":".join(str(x) for x in (source, line, column) if x is not None)
        super().__init__(f"{where}: SPARQL syntax error: {message}")


class QueryUsageError(QueryError):
    """A query asked for wrongly: an unknown query name, an unknown or missing parameter.

    The message lists what is valid; the command line exits 2 on it, as on any usage error.
    """


class EndpointError(MlsysGraphError):
    """A SPARQL server that cannot be started, or an HTTP endpoint that refused or failed."""
