"""The interactive graph command: ``viz``.

The page is drawn by ``mlsys_graph.viz`` (pyvis, vis-network inlined from the installed
pyvis package); this module only reads options and reports. pyvis, networkx and
pyoxigraph are imported inside the command.
"""

from __future__ import annotations

import sys

import click

from .analytics import KIND_CHOICES, graph_option
from .common import CONTEXT_SETTINGS, fail

__all__ = ["COMMANDS"]

#: Views ``viz --view`` draws (mlsys_graph.viz.page.VIEWS; a test keeps the two equal).
VIEW_CHOICES = ("entities", "coauthor", "lineage", "topics", "authorship")


@click.command("viz", context_settings=CONTEXT_SETTINGS)
@click.option(
    "-o",
    "--output",
    default="mlsys-graph.html",
    show_default=True,
    metavar="FILE",
    help="Where to write the page; - for stdout.",
)
@click.option(
    "--view",
    type=click.Choice(VIEW_CHOICES),
    default="entities",
    show_default=True,
    help="entities: everything; coauthor: people; lineage: entries and their claims.",
)
@click.option("--focus", metavar="NAME", help="Draw only what is near this node (name or IRI).")
@click.option(
    "--depth",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Steps from --focus.",
)
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice(KIND_CHOICES),
    help="Draw only nodes of this kind; repeat for several.",
)
@click.option(
    "--topic",
    "topics",
    multiple=True,
    metavar="NAME",
    help="Draw only what is under this topic (or a narrower one); repeat for several.",
)
@click.option("--since", type=int, metavar="YEAR", help="Draw only what dates from YEAR or later.")
@click.option(
    "--size-by",
    type=click.Choice(["degree", "pagerank", "betweenness"]),
    default="degree",
    show_default=True,
    help="Centrality that sizes the nodes (computed on the whole view).",
)
@click.option(
    "--max-nodes",
    type=click.IntRange(min=0),
    default=5000,
    show_default=True,
    help="Draw at most N nodes, the highest by --size-by; 0: all.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the layout.")
@click.option("--title", metavar="TEXT", help="Heading of the page (default: lists and view).")
@graph_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "json"]),
    default="html",
    show_default=True,
    help="html: the page; json: the data the page draws.",
)
def viz_command(
    output, view, focus, depth, kinds, topics, since, size_by, max_nodes, seed, title, graph, fmt
) -> None:
    """Write the graph as one interactive HTML page that works offline.

    Nodes are coloured by kind (legend) and sized by a centrality; lineage edges are
    thick and vermilion with an arrow from the later entry to the earlier one (dashed:
    inferred). The page has a search box, filters by kind, topic and year, and a panel
    with an entry's title, authors, venue, year, links and the list lines it comes from.
    The layout is computed here (seeded), so the page draws at once. The page loads
    nothing from the network and shows all list text as text. See docs/viz.md.

    \b
    Examples:
      mlsys-graph viz -o graph.html
      mlsys-graph viz --view coauthor --size-by pagerank -o people.html
      mlsys-graph viz --focus Clipper --depth 2 -o clipper.html
      mlsys-graph viz --view lineage --since 2018 -o lineage.html
      mlsys-graph viz --topic "Model Serving" --kind paper --kind software -g out/mlsys-graph.ttl
    """
    from ..errors import InputError
    from ..network.source import open_graph
    from ..viz.html import render_html
    from ..viz.page import draw
    from .analytics import _resolve

    try:
        store = open_graph(list(graph) or None)
    except InputError as exc:
        raise fail(exc) from None
    facts = focus_iri = topic_iris = None
    if focus is not None or topics:  # names to resolve: every fact, read once
        from ..network.facts import ENTRY_KINDS, read_facts
        from ..network.names import NameIndex

        facts = read_facts(store)
        index = NameIndex(facts)
        if focus is not None:
            allowed = {"lineage": ENTRY_KINDS, "coauthor": ("person",), "topics": ("topic",)}
            focus_iri = _resolve(index, focus, allowed.get(view))
        topic_iris = [_resolve(index, t, ("topic",)) for t in topics] or None
    try:
        drawing = draw(
            store,
            view=view,
            focus=focus_iri,
            depth=depth,
            kinds=kinds or None,
            topics=topic_iris,
            since=since,
            size_by=size_by,
            max_nodes=max_nodes or None,
            seed=seed,
            title=title,
            facts=facts,
        )
    except ValueError as exc:
        raise fail(exc) from None
    for note in drawing.notes:
        click.echo(note, err=True)
    g = drawing.drawn
    if fmt == "json":
        from ..viz.assets import script_json

        text = script_json(drawing.data) + "\n"
    else:
        text = render_html(drawing)
    if output == "-":
        sys.stdout.write(text)
        where = "stdout"
    else:
        from pathlib import Path

        from ..kg.store import write_atomic

        write_atomic(Path(output), text)
        where = output
    click.echo(
        f"{view}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges → {where} "
        f"({len(text.encode('utf-8')) // 1024} KB)",
        err=True,
    )


COMMANDS = [viz_command]
