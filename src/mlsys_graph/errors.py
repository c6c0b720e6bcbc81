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
    "OutputError",
    "QueryError",
    "SourceError",
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


class OutputError(MlsysGraphError):
    """An output that cannot be written; ``str()`` is ``path: reason``.

    >>> str(OutputError("out/mlsys-graph.nt", "No space left on device"))
    'out/mlsys-graph.nt: No space left on device'
    """

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}")


class ValidationFailed(MlsysGraphError):
    """The built graph does not conform to the SHACL shapes; ``violations`` says why."""

    def __init__(self, violations: list) -> None:
        self.violations = violations
        super().__init__(
            f"the graph does not conform to the shapes: {len(violations)} violation(s)"
        )


class QueryError(MlsysGraphError):
    """A SPARQL query that cannot be parsed or run."""
