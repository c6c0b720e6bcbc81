"""Write a view as GraphML, GEXF or node-link JSON (Gephi, Cytoscape, D3 open them).

GraphML and GEXF only know strings, numbers and booleans, so attributes are made fit
first: missing values are left out (never written as ``None``), lists and tuples become
``"; "``-joined strings, anything else its string. Files are written atomically.

>>> import networkx as nx, tempfile, pathlib
>>> g = nx.Graph(view="demo")
>>> g.add_node("a", kind="paper", year=2017, tags=["x", "y"], note=None)
>>> g.add_edge("a", "b", relation="authored")
>>> out = pathlib.Path(tempfile.mkdtemp()) / "demo.graphml"
>>> write_view(g, out, "graphml")
>>> dict(nx.read_graphml(out).nodes["a"])
{'kind': 'paper', 'year': 2017, 'tags': 'x; y'}
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

__all__ = ["FORMATS", "fit_for_export", "format_for", "view_text", "write_view"]

#: Export formats and their usual file suffixes.
FORMATS = {"graphml": ".graphml", "gexf": ".gexf", "json": ".json"}


def _value(value):
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return "; ".join(str(v) for v in items)
    return str(value)


def _clean(data: dict) -> dict:
    return {str(k): _value(v) for k, v in data.items() if v is not None}


def fit_for_export(g: nx.Graph) -> nx.Graph:
    """A copy of ``g`` whose node, edge and graph attributes GraphML and GEXF accept.

    >>> import networkx as nx
    >>> g = nx.Graph(); g.add_edge(1, 2, w=None, via=("a", "b"))
    >>> dict(fit_for_export(g).edges[1, 2])
    {'via': 'a; b'}
    """
    out = g.__class__()
    out.graph.update(_clean(g.graph))
    for node, data in g.nodes(data=True):
        out.add_node(node, **_clean(data))
    if g.is_multigraph():
        for u, v, key, data in g.edges(keys=True, data=True):
            out.add_edge(u, v, key=key, **_clean(data))
    else:
        for u, v, data in g.edges(data=True):
            out.add_edge(u, v, **_clean(data))
    return out


def format_for(path: str | Path, default: str = "graphml") -> str:
    """The export format a file suffix names (``default`` for any other suffix).

    >>> format_for("view.gexf"), format_for("view.xml")
    ('gexf', 'graphml')
    """
    suffix = Path(path).suffix.lower()
    return next((f for f, s in FORMATS.items() if s == suffix), default)


def view_text(g: nx.Graph, fmt: str) -> str:
    """The text of a view in ``graphml``, ``gexf`` or ``json`` (node-link).

    Node-link JSON uses ``"edges"`` as the key of the edge list (networkx's
    ``node_link_data(edges="edges")``); its keys are sorted, so output is stable.
    """
    import networkx as nx

    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")
    fit = fit_for_export(g)
    if fmt == "graphml":
        text = "\n".join(nx.generate_graphml(fit)) + "\n"
    elif fmt == "gexf":
        text = "\n".join(nx.generate_gexf(fit)) + "\n"
    else:
        data = nx.node_link_data(fit, edges="edges")
        text = json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    return text


def write_view(g: nx.Graph, path: str | Path, fmt: str | None = None) -> None:
    """Write a view to ``path`` (atomically) as ``graphml``, ``gexf`` or ``json``.

    ``fmt`` defaults to the one the suffix names (:func:`format_for`).
    """
    from ..kg.store import write_atomic

    write_atomic(Path(path), view_text(g, fmt or format_for(path)))
