"""viz.drawn.DrawnGraph: iterated as networkx.Graph is, so the page is the same bytes."""

from __future__ import annotations

import subprocess
import sys

import networkx as nx
from hypothesis import given
from hypothesis import strategies as st

from mlsys_graph.viz.drawn import DrawnGraph

names = st.sampled_from("abcdefgh")
attrs = st.dictionaries(
    st.sampled_from(["kind", "label", "relation"]), st.integers(0, 3), max_size=2
)
steps = st.lists(
    st.one_of(
        st.tuples(st.just("node"), names, attrs),
        st.tuples(st.just("edges"), st.lists(st.tuples(names, names, attrs), max_size=4)),
    ),
    max_size=12,
)


@given(steps)
def test_the_same_order_and_attributes_as_networkx(made):
    drawn, g = DrawnGraph(view="entities"), nx.Graph(view="entities")
    for step in made:
        if step[0] == "node":
            drawn.add_node(step[1], **step[2])
            g.add_node(step[1], **step[2])
        else:
            drawn.add_edges_from([(u, v, dict(a)) for u, v, a in step[1]])
            g.add_edges_from([(u, v, dict(a)) for u, v, a in step[1]])
    assert list(drawn) == list(g) and len(drawn) == len(g)
    assert drawn.nodes(data=True) == list(g.nodes(data=True))
    assert drawn.edges(data=True) == list(g.edges(data=True))
    assert drawn.edges() == list(g.edges())
    assert (drawn.number_of_nodes(), drawn.number_of_edges()) == (
        g.number_of_nodes(),
        g.number_of_edges(),
    )
    assert drawn.graph == g.graph and not drawn.is_directed()
    back = drawn.to_networkx()
    assert list(back.nodes(data=True)) == list(g.nodes(data=True))
    assert list(back.edges(data=True)) == list(g.edges(data=True))
    assert back.graph == g.graph


def test_the_build_page_imports_no_networkx():
    """Drawing the page of a whole graph (what ``build`` writes) leaves networkx out: it
    costs about half a second to import. ``Drawing.graph`` still gives a networkx graph."""
    code = (
        "import sys\n"
        "from mlsys_graph.viz.page import draw\n"
        "from mlsys_graph.viz.html import render_html\n"
        "drawing = draw()\n"
        "render_html(drawing)\n"
        "print('networkx' in sys.modules)\n"
        "g = drawing.graph\n"
        "print(type(g).__module__.split('.')[0], g.number_of_nodes() == len(drawing.data['nodes']))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "networkx", "True"]
