"""The interactive page against pyvis's defaults on the same graph, side by side; or the
page ``build`` writes, from the store of a built graph.

    python bench/viz.py                          # 500 and 5,000 nodes
    python bench/viz.py --sizes 500 --timeout 60
    python bench/viz.py --page out/mlsys-graph.nt [--faithful]   # the page of a build
    python bench/viz.py --layouts out/mlsys-graph.nt             # its layout, both schedules

``--page GRAPH`` (N-Triples written by ``mlsys-graph build``, e.g. of ``python
bench/synth.py 10000 -o list.md``): the graph is loaded into an in-memory Oxigraph store
(as the build hands it over; ``--faithful`` through ``kg.oxi.load_ntriples``, derived XSD
datatypes renamed), then ``viz.render_html(store)`` makes the page. Printed: CPU seconds
of the page and of its stages, peak RSS, and the ratio against a baseline run side by
side on the same store: one pass over every quad in Python (``for q in store``), what
reading the whole graph term by term costs. CPU seconds, not wall time: the machine is
shared.

``--layouts GRAPH``: the graph the page of that build draws (``viz.draw``, the default
cap), laid out with both schedules of ``viz.layout.spring_layout`` ("exact": the k-d tree
schedule of graphs under the cap; "large": the cheaper one capped pages get), with their
CPU seconds (numpy, scipy and networkx imported first) and measures of the result:

* stress  Kamada–Kawai stress against graph distances (BFS from 40 seeded sources), with
          the layout scaled optimally, weights 1/d², mean per pair: lower is better;
* edges   mean edge length over the mean distance of 20,000 seeded random pairs: how much
          closer linked nodes are than any two (lower is better);
* crowded share of nodes with another node within 5 pixels (drawn on top of each other:
          lower is better);

Graphs: the entities view of ``bench/synth_graph.py`` graphs (N-Triples in the build's
shapes), cut to exactly N nodes by ``viz.draw(max_nodes=N)`` (the N of highest degree).
Both pages draw that same networkx graph.

* **ours**: ``mlsys_graph.viz`` — layout computed in Python (seeded), physics off, our
  template, vis-network inlined from the installed pyvis, data as JSON.
* **pyvis defaults**: ``Network(cdn_resources="in_line")`` (the default ``local`` mode
  loads vis-network from a CDN, so it cannot be timed offline), nodes and edges added with
  ``add_node``/``add_edge`` (label = short name, title = full title, group = kind), physics
  on with its defaults (Barnes-Hut, 1,000 stabilisation iterations), ``write_html``. Its
  two Bootstrap requests to a CDN are blocked (and counted).

Rows (ratio = ours / pyvis defaults):

* python  time to make the page from the networkx graph (ours: layout + render of the page
          data; pyvis: add_node/add_edge + render)
* size    bytes of the HTML file
* draw    headless Chromium (software rendering, every outside request blocked), from
          navigation start to vis-network's first ``afterDrawing`` event; pyvis's page
          draws only once its physics has stabilised. A page not drawn within
          ``--timeout`` seconds is reported as such.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
#: Records the first afterDrawing of a vis Network assigned to ``window.network`` (pyvis's
#: template declares ``var network`` and assigns it once).
HOOK = """
(() => {
  let value;
  window.__firstDraw = null;
  Object.defineProperty(window, "network", {
    configurable: true,
    get() { return value; },
    set(v) {
      value = v;
      if (v && v.once) v.once("afterDrawing", () => { window.__firstDraw = performance.now(); });
    },
  });
})();
"""


def synthetic_view(nodes: int, workdir: Path):
    """The entities view of a synthetic graph with at least ``nodes`` nodes, and its path."""
    import synth_graph

    from mlsys_graph.network.project import entities_graph

    entries = max(50, int(nodes / 2.4))
    while True:
        path = workdir / f"synth-{entries}.nt"
        with path.open("w", encoding="utf-8") as out:
            synth_graph.write(entries, out, seed=0)
        if entities_graph([path]).number_of_nodes() >= nodes:
            return path
        entries = int(entries * 1.2)


def ours(path: Path, nodes: int, out: Path) -> tuple[float, object]:
    """Our page of the graph; the time of the layout and the rendering (reading the graph,
    scores and details is not counted: pyvis's defaults do none of that)."""
    from mlsys_graph.viz import draw
    from mlsys_graph.viz.layout import spring_layout
    from mlsys_graph.viz.network import GraphNetwork

    drawing = draw([path], max_nodes=nodes, size_by="degree", seed=0)
    started = time.perf_counter()
    spring_layout(drawing.graph, seed=0)
    GraphNetwork(drawing.data).write_html(out)
    return time.perf_counter() - started, drawing


def pyvis_defaults(g, out: Path) -> float:
    from pyvis.network import Network

    started = time.perf_counter()
    net = Network(cdn_resources="in_line")
    for node, attrs in g.nodes(data=True):
        net.add_node(
            node,
            label=str(attrs.get("name", node)),
            title=str(attrs.get("label", node)),
            group=attrs.get("kind"),
        )
    for u, v in g.edges():
        net.add_edge(u, v)
    net.write_html(str(out))
    return time.perf_counter() - started


def first_draw(browser, path: Path, timeout: float, expression: str) -> tuple[float | None, int]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    outside = []

    def route(r):
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.add_init_script(HOOK)
    page.goto(path.resolve().as_uri(), wait_until="commit")  # pyvis may block "load"
    try:
        page.wait_for_function(f"{expression} !== null", timeout=timeout * 1000, polling=100)
        ms = page.evaluate(expression)
    except Exception:
        ms = None
    context.close()
    return ms, len(outside)


#: Functions whose CPU seconds ``--page`` reports (module, name), in the page's order.
STAGES = (
    ("mlsys_graph.network.facts", "read_outline"),
    ("mlsys_graph.network.facts", "read_numbered"),
    ("mlsys_graph.network.project", "entity_ties"),
    ("mlsys_graph.network.facts", "read_nodes"),
    ("mlsys_graph.viz.layout", "spring_layout"),
    ("mlsys_graph.network.details", "read_details"),
    ("mlsys_graph.network.select", "memberships"),
    ("mlsys_graph.network.select", "numbered_memberships"),
    ("mlsys_graph.viz.page", "page_data"),
    ("mlsys_graph.viz.document", "render_document"),
)


def page_of_build(path: Path, faithful: bool) -> None:
    """CPU seconds of the page of a built graph, by stage, against one pass over the store."""
    import functools
    import importlib
    import resource

    import pyoxigraph as ox

    from mlsys_graph.viz.html import render_html

    clock = time.process_time
    started = clock()
    store = ox.Store()
    if faithful:
        from mlsys_graph.kg.oxi import load_ntriples

        load_ntriples(store, path.read_bytes())
    else:
        store.bulk_load(path=str(path), format=ox.RdfFormat.N_TRIPLES)
    loaded = clock() - started
    spent: dict[str, float] = {}
    for module_name, name in STAGES:
        module = importlib.import_module(module_name)
        original = getattr(module, name)

        def timed(*args, _f=original, _name=name, **kwargs):
            t = clock()
            try:
                return _f(*args, **kwargs)
            finally:
                spent[_name] = spent.get(_name, 0.0) + clock() - t

        setattr(module, name, functools.wraps(original)(timed))
    started = clock()
    page = render_html(store)
    took = clock() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    started = clock()
    quads = sum(1 for _ in store)
    baseline = clock() - started
    print(
        f"{path}: {quads:,} quads, loaded in {loaded:.1f} s CPU ({'faithful' if faithful else 'plain'})"
    )
    print(f"  page          {took:8.2f} s CPU  {len(page) / 1024:,.0f} KB  peak RSS {peak:,} MB")
    for _, name in STAGES:
        print(f"    {name:21s}{spent.get(name, 0.0):8.2f} s")
    print(
        f"  one pass over the store {baseline:8.2f} s CPU   ratio page / pass {took / baseline:6.2f}"
    )


def layout_measures(g, positions: dict, seed: int = 0) -> dict[str, float]:
    """Stress, edge length ratio and crowding of a layout (see the module documentation)."""
    import networkx as nx
    import numpy as np
    from scipy.spatial import cKDTree

    nodes = list(g)
    index = {node: i for i, node in enumerate(nodes)}
    points = np.array([positions[node] for node in nodes], dtype=float)
    rng = np.random.default_rng(seed)
    drawn, graph = [], []
    for source in rng.choice(len(nodes), min(40, len(nodes)), replace=False):
        hops = nx.single_source_shortest_path_length(g, nodes[source])
        far = [(index[v], d) for v, d in hops.items() if d > 0]
        if far:
            at = np.array([i for i, _ in far])
            drawn.append(np.sqrt(((points[at] - points[source]) ** 2).sum(axis=1)))
            graph.append(np.array([d for _, d in far], dtype=float))
    d, hops = np.concatenate(drawn), np.concatenate(graph)
    w = 1.0 / hops**2
    alpha = (w * d * hops).sum() / (w * d * d).sum()
    stress = float((w * (alpha * d - hops) ** 2).mean())
    ends = np.array([(index[u], index[v]) for u, v in g.edges() if u != v])
    edge = np.sqrt(((points[ends[:, 0]] - points[ends[:, 1]]) ** 2).sum(axis=1)).mean()
    a, b = rng.integers(0, len(nodes), 20000), rng.integers(0, len(nodes), 20000)
    pair = np.sqrt(((points[a] - points[b]) ** 2).sum(axis=1)).mean()
    nearest, _ = cKDTree(points).query(points, k=2)
    return {
        "stress": stress,
        "edges": float(edge / pair),
        "crowded": float((nearest[:, 1] < 5.0).mean()),
    }


def layouts_of_build(path: Path) -> None:
    """Both layout schedules on the graph the page of a build draws: CPU and measures."""
    import networkx  # noqa: F401 - imported before timing
    import numpy  # noqa: F401
    import pyoxigraph as ox
    import scipy.fft
    import scipy.spatial  # noqa: F401

    from mlsys_graph.viz.layout import default_iterations, spring_layout
    from mlsys_graph.viz.page import draw

    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.N_TRIPLES)
    g = draw(store, iterations=1).graph
    n, m = g.number_of_nodes(), g.number_of_edges()
    print(f"{path}: the page's graph, {n:,} nodes, {m:,} edges")
    for schedule in ("exact", "large"):
        started = time.process_time()
        positions = spring_layout(g, seed=0, schedule=schedule)
        took = time.process_time() - started
        found = layout_measures(g, positions)
        shown = "  ".join(f"{k} {v:.4f}" for k, v in found.items())
        steps = default_iterations(n, schedule)
        print(f"  {schedule:6s} {steps:4d} iterations {took:6.2f} s CPU  {shown}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="500,5000")
    parser.add_argument("--timeout", type=float, default=180.0)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--page", type=Path, action="append", help="N-Triples of a build")
    parser.add_argument("--faithful", action="store_true", help="--page: a faithful store")
    parser.add_argument("--layouts", type=Path, action="append", help="N-Triples of a build")
    args = parser.parse_args()
    if args.layouts:
        for path in args.layouts:
            layouts_of_build(path)
        return
    if args.page:
        for path in args.page:
            page_of_build(path, args.faithful)
        return
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        workdir = Path(tmp)
        browser = p.chromium.launch(executable_path=args.chromium, args=ARGS)
        for size in (int(s) for s in args.sizes.split(",")):
            graph_path = synthetic_view(size, workdir)
            our_page, their_page = workdir / f"ours-{size}.html", workdir / f"pyvis-{size}.html"
            our_time, drawing = ours(graph_path, size, our_page)
            g = drawing.graph
            their_time = pyvis_defaults(g, their_page)
            n, m = g.number_of_nodes(), g.number_of_edges()
            print(f"{n} nodes, {m} edges (entities view of {graph_path.name})", flush=True)
            print(
                f"  python  ours {our_time:8.2f} s   pyvis {their_time:8.2f} s   "
                f"ratio {our_time / their_time:6.2f}",
                flush=True,
            )
            a, b = our_page.stat().st_size, their_page.stat().st_size
            print(
                f"  size    ours {a / 1024:8.0f} KB  pyvis {b / 1024:8.0f} KB  ratio {a / b:6.2f}"
            )
            ours_ms, ours_out = first_draw(
                browser,
                our_page,
                args.timeout,
                "window.mlsysGraph && window.mlsysGraph.firstDrawMs",
            )
            theirs_ms, theirs_out = first_draw(
                browser, their_page, args.timeout, "window.__firstDraw"
            )

            def shown(ms):
                return f"{ms / 1000:8.2f} s" if ms is not None else f"> {args.timeout:.0f} s"

            ratio = f"{ours_ms / theirs_ms:6.3f}" if ours_ms and theirs_ms else "   n/a"
            print(
                f"  draw    ours {shown(ours_ms)}   pyvis {shown(theirs_ms)}   ratio {ratio}   "
                f"(outside requests blocked: ours {ours_out}, pyvis {theirs_out})",
                flush=True,
            )
        browser.close()


if __name__ == "__main__":
    main()
