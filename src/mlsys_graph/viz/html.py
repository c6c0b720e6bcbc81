"""A view of the knowledge graph as one self-contained interactive HTML file.

>>> page = render_html(view="lineage", iterations=20)   # the bundled graph
>>> page.startswith("<!DOCTYPE html>"), "http-equiv=\\"Content-Security-Policy\\"" in page
(True, True)
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["render_html", "write_html"]


def render_html(source=None, **options) -> str:
    """The page of a view of a graph (options of :func:`mlsys_graph.viz.page.draw`), or
    of a :class:`~mlsys_graph.viz.page.Drawing` given as ``source``: the bytes of
    ``to_pyvis(...).generate_html()``, without importing pyvis."""
    from .document import render_document
    from .page import Drawing, draw

    drawing = source if isinstance(source, Drawing) else draw(source, **options)
    return render_document(drawing.data)


def write_html(path: str | Path, source=None, **options) -> Path:
    """Write the page to ``path`` atomically; returns the path."""
    from ..kg.store import write_atomic

    path = Path(path)
    write_atomic(path, render_html(source, **options))
    return path
