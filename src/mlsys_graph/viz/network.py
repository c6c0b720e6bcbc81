"""The page as a ``pyvis.network.Network``: what notebooks get, and what writes the HTML.

:class:`GraphNetwork` is a pyvis ``Network`` whose node and edge lists are filled directly
(pyvis's ``add_edge`` scans every edge it has, so building 5,000 nodes that way takes
seconds; ``from_nx`` more) and whose template is ours, passed through pyvis's template
hook (``templateEnv`` and ``path``): an autoescaping Jinja2 environment, vis-network
inlined from the installed pyvis package, no CDN, a Content-Security-Policy, data as
escaped JSON. Nodes and edges added later with ``add_node``/``add_edge`` are drawn too;
their ``title`` is shown as text.

In a notebook the network displays itself inline (``_repr_html_``): the page goes into an
``<iframe srcdoc>`` sandboxed from the notebook, so it needs no file and no server and
works offline (also in VS Code and Colab, where pyvis's ``show()`` iframe of a relative
file stays blank).

>>> net = to_pyvis(view="lineage", iterations=20)      # the bundled graph
>>> from pyvis.network import Network
>>> isinstance(net, Network), net.num_nodes() == len(net.node_ids)
(True, True)
>>> html = net.generate_html()
>>> "cdn" in html.lower() or "https://cdnjs" in html
False
"""

from __future__ import annotations

import html as html_module
import json
import re
from pathlib import Path

from pyvis.network import Network

from .assets import TEMPLATE, environment
from .document import document_data, render_document, vis_options

__all__ = ["GraphNetwork", "to_pyvis", "vis_options"]

_CSS_LENGTH = re.compile(r"^\d+(\.\d+)?(px|%|vh|vw|em|rem)$")


class GraphNetwork(Network):
    """A pyvis ``Network`` drawn with the mlsys-graph page (see the module documentation).

    Parameters
    ----------
    data : dict
        The page's data (:func:`mlsys_graph.viz.page.page_data`).
    height : str
        CSS height of the page in a notebook cell (a length such as ``"700px"``).
    """

    def __init__(self, data: dict, *, height: str = "750px") -> None:
        if not _CSS_LENGTH.match(height):
            raise ValueError(f"height must be a CSS length such as '750px': {height!r}")
        super().__init__(
            height=height,
            width="100%",
            directed=any(e.get("arrows") for e in data.get("edges", ())),
            heading=str(data.get("title", "")),
            cdn_resources="in_line",
        )
        # pyvis's template hook: our environment and template (autoescape on).
        self.templateEnv = environment()
        self.path = TEMPLATE
        self.template = self.templateEnv.get_template(TEMPLATE)
        self.page = {k: v for k, v in data.items() if k not in ("nodes", "edges")}
        # Filled directly: add_node/add_edge are quadratic.
        self.nodes = [dict(n) for n in data.get("nodes", ())]
        self.edges = [dict(e) for e in data.get("edges", ())]
        self.node_ids = [n["id"] for n in self.nodes]
        self.node_map = {n["id"]: n for n in self.nodes}
        self.options = vis_options(data)

    def page_data(self) -> dict:
        """The page's data as it stands, with nodes and edges added since."""
        options = self.options
        if not isinstance(options, dict):  # a pyvis Options object (set_options, toggle_...)
            options = json.loads(options.to_json())
        data = {**self.page, "title": self.heading, "nodes": self.nodes, "edges": self.edges}
        return document_data(data, options=options)

    def generate_html(
        self, name: str = "index.html", local: bool = True, notebook: bool = False
    ) -> str:
        """The page: one self-contained HTML document (:func:`.document.render_document`)."""
        self.html = render_document(self.page_data(), heading=self.heading, document=True)
        return self.html

    def write_html(
        self, name, local: bool = True, notebook: bool = False, open_browser: bool = False
    ) -> Path:
        """Write the page to ``name`` atomically (no ``lib/`` folder is copied anywhere)."""
        from ..kg.store import write_atomic

        path = Path(name)
        write_atomic(path, self.generate_html())
        if open_browser:  # pragma: no cover - interactive
            import webbrowser

            webbrowser.open(path.resolve().as_uri())
        return path

    def show(self, name: str | None = None, local: bool = True, notebook: bool = True):
        """Write the page to ``name`` (when given) and return it for inline display."""
        if name:
            self.write_html(name)
        return self

    def _repr_html_(self) -> str:
        page = html_module.escape(self.generate_html(), quote=True)
        return (
            f'<iframe srcdoc="{page}" style="width: 100%; height: {self.height}; border: 0" '
            'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" '
            'referrerpolicy="no-referrer" title="mlsys-graph"></iframe>'
        )


def to_pyvis(source=None, *, height: str = "750px", **options) -> GraphNetwork:
    """A pyvis ``Network`` of a view of a graph, for notebooks.

    Takes the options of :func:`mlsys_graph.viz.page.draw` (``view``, ``focus``,
    ``depth``, ``kinds``, ``topics``, ``since``, ``size_by``, ``max_nodes``, ``seed``...),
    or an already made :class:`~mlsys_graph.viz.page.Drawing` as ``source``.
    """
    from .page import Drawing, draw

    drawing = source if isinstance(source, Drawing) else draw(source, **options)
    return GraphNetwork(drawing.data, height=height)
