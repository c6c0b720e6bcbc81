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
    of a :class:`~mlsys_graph.viz.page.Drawing` given as ``source``."""
    from .network import to_pyvis

    return to_pyvis(source, **options).generate_html()


def write_html(path: str | Path, source=None, **options) -> Path:
    """Write the page to ``path`` atomically; returns the path."""
    from .network import to_pyvis

    return to_pyvis(source, **options).write_html(path)
