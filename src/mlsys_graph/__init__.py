"""mlsys-graph: awesome lists of ML-systems research as a knowledge graph.

The public API is imported lazily so that ``import mlsys_graph`` stays cheap.

>>> import mlsys_graph
>>> result = mlsys_graph.parse_text("## Serving\\n- Clipper: A serving system [[Paper]](https://x.org/c.pdf)\\n")
>>> [(e.line, e.name, e.kind) for e in result.entries]
[(2, 'Clipper', 'paper')]
"""

from __future__ import annotations

from typing import Any

__all__ = ["Entry", "Link", "ParseResult", "Problem", "SourceSpan", "parse_paths", "parse_text"]
__version__ = "0.1.0"

from .model import Entry, Link, ParseResult, Problem, SourceSpan


def __getattr__(name: str) -> Any:
    if name in ("parse_paths", "parse_text"):
        from . import ingest

        return getattr(ingest, name)
    raise AttributeError(f"module 'mlsys_graph' has no attribute {name!r}")
