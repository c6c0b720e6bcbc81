"""The page in a real browser (headless Chromium, every outside request blocked).

Checks issue 9's bars: no console error and no request outside ``file:``; as many nodes
drawn as the projection has; search focuses the node asked for; the click panel shows an
entry's facts as text; list text carrying script payloads runs nothing; a screenshot.
"""

from __future__ import annotations

import json

import pytest
from pages import browser, payload_graph, visit  # noqa: F401  (fixtures)

from mlsys_graph.network.project import entities_graph
from mlsys_graph.viz import draw, render_html, to_pyvis

CLIPPER = "https://w3id.org/mlsys-graph/id/paper/crankshaw2017-clipper"
INFERLINE_TITLE = "InferLine: ML Inference Pipeline Composition Framework"

COUNTS = """() => {
  const g = window.mlsysGraph;
  return {
    nodes: g.nodes.length,
    edges: g.edges.length,
    drawnNodes: Object.keys(g.network.body.nodes).length,
    visibleNodes: g.network.body.nodeIndices.length,
    visibleEdges: g.network.body.edgeIndices.length,
  };
}"""

SCREEN_POSITION = """(id) => {
  const g = window.mlsysGraph;
  g.network.focus(id, {scale: 1.5, animation: false});
  g.network.redraw();
  const p = g.network.canvasToDOM(g.network.getPositions([id])[id]);
  const box = document.getElementById("graph").getBoundingClientRect();
  return {x: box.left + p.x, y: box.top + p.y};
}"""


@pytest.fixture(scope="module")
def bundled_page(tmp_path_factory):
    """The bundled graph's entities view, as ``build`` writes it."""
    path = tmp_path_factory.mktemp("bundled") / "mlsys-graph.html"
    path.write_text(render_html(), encoding="utf-8")
    return path


def node_id(page, iri: str) -> int:
    return page.evaluate(
        "(iri) => Number(Object.entries(window.mlsysGraph.data.meta)"
        ".find(([id, m]) => m.iri === iri)[0])",
        iri,
    )


def test_bundled_page_draws_offline_every_node(visit, bundled_page, tmp_path):
    v = visit(bundled_page)
    v.wait_drawn()
    g = entities_graph()
    counts = v.page.evaluate(COUNTS)
    assert counts["nodes"] == counts["drawnNodes"] == g.number_of_nodes()
    assert counts["visibleNodes"] == g.number_of_nodes()
    assert counts["edges"] == counts["visibleEdges"] == g.number_of_edges()
    assert v.outside == [] and v.errors == []
    assert v.page.locator("#status").text_content().startswith(f"{g.number_of_nodes()} nodes")
    shot = tmp_path / "bundled-graph.png"
    v.page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    print(f"screenshot of the bundled graph: {shot}")


def test_search_focuses_the_node_asked_for(visit, bundled_page, tmp_path):
    v = visit(bundled_page)
    v.wait_drawn()
    v.page.fill("#search", "inferline")
    v.page.press("#search", "Enter")
    wanted = v.page.evaluate(
        "(title) => Number(Object.entries(window.mlsysGraph.data.meta)"
        ".find(([id, m]) => m.label === title)[0])",
        INFERLINE_TITLE,
    )
    state = v.page.evaluate(
        """(id) => {
          const n = window.mlsysGraph.network;
          return {selected: n.getSelectedNodes(), view: n.getViewPosition(),
                  node: n.getPositions([id])[id], scale: n.getScale()};
        }""",
        wanted,
    )
    assert state["selected"] == [wanted]
    assert abs(state["view"]["x"] - state["node"]["x"]) < 1
    assert abs(state["view"]["y"] - state["node"]["y"]) < 1
    assert state["scale"] >= 1.2
    assert v.page.locator("#panel h2").text_content() == INFERLINE_TITLE
    v.page.fill("#search", "no such node anywhere")
    v.page.press("#search", "Enter")
    assert "No node named" in v.page.locator("#status").text_content()
    assert v.errors == [] and v.outside == []
    v.page.screenshot(path=str(tmp_path / "search-inferline.png"))


def test_click_shows_an_entry_as_text(visit, bundled_page):
    v = visit(bundled_page)
    v.wait_drawn()
    clipper = node_id(v.page, CLIPPER)
    at = v.page.evaluate(SCREEN_POSITION, clipper)
    v.page.mouse.click(at["x"], at["y"])
    panel = v.page.locator("#panel")
    assert panel.locator("h2").text_content() == (
        "Clipper: A Low-Latency Online Prediction Serving System"
    )
    rows = dict(
        zip(
            panel.locator("dt").all_text_contents(),
            panel.locator("dd").all_text_contents(),
            strict=True,
        )
    )
    assert rows["Year"] == "2017"
    assert rows["Authors"] == "Daniel Crankshaw, et al."
    assert rows["Venue"].startswith("NSDI — USENIX Symposium")
    assert rows["Listed at"].startswith("README.md:230-233 (Model Serving)")
    links = panel.locator("a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert hrefs == [
        "https://www.usenix.org/system/files/conference/nsdi17/nsdi17-crankshaw.pdf",
        "https://github.com/ucbrise/clipper",
    ]
    assert all(links.nth(i).get_attribute("rel") == "noopener noreferrer" for i in range(2))
    assert v.errors == []


def test_filters_hide_and_show(visit, bundled_page):
    v = visit(bundled_page)
    v.wait_drawn()
    g = entities_graph()
    people = sum(1 for _, k in g.nodes(data="kind") if k == "person")
    v.page.locator("#legend input[value=person]").uncheck()
    counts = v.page.evaluate(COUNTS)
    assert counts["visibleNodes"] == g.number_of_nodes() - people
    v.page.click("#reset")
    v.page.fill("#year-from", "2019")
    v.page.locator("#year-from").dispatch_event("change")
    v.page.locator("#undated").uncheck()
    spans = v.page.evaluate(
        """() => window.mlsysGraph.nodes.get({filter: n => !n.hidden})
              .map(n => window.mlsysGraph.data.meta[String(n.id)].span)"""
    )
    assert spans and all(span is not None and span[1] >= 2019 for span in spans)
    v.page.click("#reset")
    assert v.page.evaluate(COUNTS)["visibleNodes"] == g.number_of_nodes()
    assert v.errors == []


def _touch_everything(v) -> None:
    """Hover and click every node and edge, search, pick every topic: whatever could run
    a payload gets its chance."""
    page = v.page
    ids = page.evaluate("() => window.mlsysGraph.nodes.getIds()")
    for node in ids:
        at = page.evaluate(SCREEN_POSITION, node)
        page.mouse.move(at["x"], at["y"])
        page.wait_for_timeout(200)
        page.mouse.click(at["x"], at["y"])
    edges = page.evaluate("() => window.mlsysGraph.edges.getIds()")
    for edge in edges:
        page.evaluate("(id) => { const g = window.mlsysGraph; g.network.selectEdges([id]); }", edge)
    for option in page.locator("#topic option").all():
        page.select_option("#topic", option.get_attribute("value"))
    page.click("#reset")
    page.focus("#search")
    for query in ("Tarn", "<img", "</script>", "Marsh"):
        page.fill("#search", query)
        page.press("#search", "Enter")
    page.wait_for_timeout(300)


def test_payloads_in_list_text_run_nothing(visit, payload_graph, tmp_path):
    path = tmp_path / "payloads.html"
    drawing = draw(payload_graph)
    path.write_text(render_html(drawing), encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    data = text.split('id="graph-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and "\u2028" not in data  # escaped inside the JSON block
    v = visit(path)
    v.wait_drawn()
    _touch_everything(v)
    assert v.page.evaluate("() => window.__xss") is None
    assert v.page.evaluate("() => window.__injected") == []
    assert v.errors == [] and v.outside == []
    # The payloads are shown, as text.
    v.page.fill("#search", "Tarn")
    v.page.press("#search", "Enter")
    assert v.page.locator("#panel h2").text_content() == (
        "Tarn: A <img src=x onerror=\"window.__xss='title-img'\"> Serving System"
    )
    v.page.fill("#search", "Marsh")
    v.page.press("#search", "Enter")
    summary = v.page.locator("#panel dd").all_text_contents()
    assert any("{{ 7*7 }}" in s and "<svg onload" in s for s in summary)
    topics = v.page.locator("#topic option").all_text_contents()
    assert "Model Serving <script>window.__xss='section'</script>" in topics
    hrefs = v.page.evaluate("() => [...document.querySelectorAll('a')].map(a => a.href)")
    assert all(h.startswith(("http://", "https://")) for h in hrefs)
    v.page.screenshot(path=str(tmp_path / "payloads.png"))
    assert v.page.evaluate("() => window.__xss") is None


def test_page_script_refuses_links_that_are_not_web(visit, tmp_path):
    # Python already drops them (is_web_url); the page checks again on its own.
    data = draw(view="lineage", iterations=5).data
    first = data["nodes"][0]["id"]
    data["meta"][str(first)]["links"] = [
        ["bad", "javascript:window.__xss='js-link'"],
        ["data", "data:text/html,<script>window.__xss=1</script>"],
        ["ok", "https://example.org/paper.pdf"],
    ]
    path = tmp_path / "links.html"
    to_pyvis(view="lineage", iterations=5).__class__(data).write_html(path)
    v = visit(path)
    v.wait_drawn()
    v.page.evaluate("(id) => window.mlsysGraph.focus(id)", first)
    hrefs = v.page.evaluate("() => [...document.querySelectorAll('#panel a')].map(a => a.href)")
    assert hrefs == ["https://example.org/paper.pdf"]
    assert v.errors == []


def test_nodes_added_in_a_notebook_show_their_title_as_text(visit, tmp_path):
    net = to_pyvis(view="lineage", iterations=5)
    net.add_node("added", label="added", title="<img src=x onerror=\"window.__xss='pyvis'\">")
    net.add_edge("added", net.node_ids[0])
    path = tmp_path / "added.html"
    net.write_html(path)
    v = visit(path)
    v.wait_drawn()
    counts = v.page.evaluate(COUNTS)
    assert counts["drawnNodes"] == net.num_nodes()
    at = v.page.evaluate(SCREEN_POSITION, "added")
    v.page.mouse.move(at["x"] + 1, at["y"] + 1)
    v.page.mouse.move(at["x"], at["y"])
    v.page.wait_for_selector("div.vis-tooltip", state="visible")
    assert "<img src=x" in v.page.locator("div.vis-tooltip").text_content()
    assert v.page.evaluate("() => window.__xss") is None
    assert v.errors == []


def test_inline_notebook_display_is_offline(visit, tmp_path):
    net = to_pyvis(view="lineage", iterations=5)
    wrapper = tmp_path / "notebook.html"
    wrapper.write_text(
        "<!DOCTYPE html><html><body><h1>cell output</h1>" + net._repr_html_() + "</body></html>",
        encoding="utf-8",
    )
    v = visit(wrapper)
    frame = v.page.frame_locator("iframe")
    frame.locator("#heading").wait_for()
    inner = next(f for f in v.page.frames if f != v.page.main_frame)
    v.wait_drawn(inner)
    assert inner.evaluate("() => window.mlsysGraph.nodes.length") == net.num_nodes()
    assert v.outside == [] and v.errors == []


def test_json_format_is_the_page_data(tmp_path):
    drawing = draw(view="lineage", iterations=5)
    page = render_html(drawing)
    block = page.split('id="graph-data">', 1)[1].split("</script>", 1)[0]
    assert json.loads(block)["meta"] == drawing.data["meta"]
