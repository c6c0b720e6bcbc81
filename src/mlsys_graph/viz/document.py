"""The page as one HTML document: our template rendered with a page's data, without pyvis.

:func:`render_document` is what both :func:`mlsys_graph.viz.html.render_html` (the page
``build`` and ``viz`` write) and the pyvis ``Network`` of notebooks
(:class:`mlsys_graph.viz.network.GraphNetwork`) render with, so the two give the same
bytes; importing pyvis (with IPython, jsonpickle and networkx behind it) is left to the
notebooks that want a ``Network``.

>>> page = render_document({"title": "<b>x</b>", "nodes": [], "edges": [], "kinds": []})
>>> page.startswith("<!DOCTYPE html>"), "<title>&lt;b&gt;x&lt;/b&gt;</title>" in page
(True, True)
"""

from __future__ import annotations

from .assets import TEMPLATE, content_security_policy, environment, page_asset, script_json
from .assets import vis_script as _vis_script

__all__ = ["document_data", "render_document", "vis_options"]


def vis_options(data: dict) -> dict:
    """vis-network options for a page: physics off (positions come from Python), groups
    coloured by kind, straight edges; edges hidden while dragging or zooming big graphs.

    >>> vis_options({"nodes": [], "kinds": []})["physics"]
    {'enabled': False}
    """
    big = len(data.get("nodes", ())) > 2000
    groups = {}
    for kind in data.get("kinds", ()):
        color = kind["color"]
        groups[kind["kind"]] = {
            "color": {
                "background": color,
                "border": "#333333",
                "highlight": {"background": color, "border": "#000000"},
                "hover": {"background": color, "border": "#000000"},
            }
        }
    return {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "multiselect": False,
        },
        "nodes": {
            "shape": "dot",
            "borderWidth": 1,
            "font": {"size": 14, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
        },
        "edges": {
            "smooth": False,
            "width": 1,
            "selectionWidth": 1.5,
            "color": {"color": "#C8C8C8", "highlight": "#555555", "hover": "#555555"},
        },
        "groups": groups,
    }


def document_data(data: dict, *, options: dict | None = None) -> dict:
    """What the page's ``<script type="application/json">`` holds for a page's data
    (:func:`mlsys_graph.viz.page.page_data`): its fields, the title as text, the nodes,
    the edges (an ``id`` each) and the vis-network ``options`` (default
    :func:`vis_options`)."""
    out = {k: v for k, v in data.items() if k not in ("nodes", "edges")}
    out["title"] = str(data.get("title", ""))
    out["nodes"] = list(data.get("nodes", ()))
    out["edges"] = [
        e if "id" in e else {**e, "id": f"e{i}"} for i, e in enumerate(data.get("edges", ()))
    ]
    out["options"] = vis_options(data) if options is None else options
    return out


def render_document(data: dict, *, heading: str | None = None, document: bool = False) -> str:
    """The page: one self-contained HTML document of a page's data (or, with
    ``document=True``, of :func:`document_data` already made)."""
    from markupsafe import Markup

    from .. import __version__

    if not document:
        data = document_data(data)
    vis_js, vis_version = _vis_script()
    page_js, css = page_asset("page.js"), page_asset("page.css")
    return (
        environment()
        .get_template(TEMPLATE)
        .render(
            heading=str(data.get("title", "")) if heading is None else heading,
            csp=content_security_policy([vis_js, page_js], [css]),
            version=__version__,
            vis_version=vis_version,
            css=Markup(css),
            data=Markup(script_json(data)),
            vis_js=Markup(vis_js),
            page_js=Markup(page_js),
        )
    )
