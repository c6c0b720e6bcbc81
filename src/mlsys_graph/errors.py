"""Exceptions of mlsys-graph, rooted at :class:`MlsysGraphError`.

>>> str(SourceError("list.md", 12, "not UTF-8"))
'list.md:12: not UTF-8'
>>> str(SourceError("missing.md", None, "no such file"))
'missing.md: no such file'
"""

from __future__ import annotations

__all__ = [
    "InputError",
    "MlsysGraphError",
    "QueryError",
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
