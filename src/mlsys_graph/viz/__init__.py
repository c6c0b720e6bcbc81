"""The interactive HTML graph: a projection drawn with pyvis/vis-network, offline and safe.

One concept per module: :mod:`.page` chooses, scores and lays out a view (computed in
Python; the page computes nothing), :mod:`.layout` places the nodes (seeded),
:mod:`.style` colours and sizes them, :mod:`.assets` holds the template, the inlined
vis-network script and the escaping rules, :mod:`.document` renders the page,
:mod:`.network` is the ``pyvis`` ``Network`` notebooks get, :mod:`.html` writes the file
(without importing pyvis).

Everything is importable from here; pyvis and networkx are imported only when used.

>>> from mlsys_graph import viz
>>> net = viz.to_pyvis(view="lineage", iterations=20)  # a pyvis Network of the bundled graph
>>> net.num_nodes() > 0
True
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "draw": "page",
    "Drawing": "page",
    "page_data": "page",
    "is_web_url": "page",
    "spring_layout": "layout",
    "GraphNetwork": "network",
    "to_pyvis": "network",
    "render_html": "html",
    "write_html": "html",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
