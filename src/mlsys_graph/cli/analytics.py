"""Graph analytics commands: ``lineage``, ``path``, ``rank``, ``clusters``, ``export``.

Each command reads the graph (``-g/--graph``, default: the bundled one), builds one view
(see ``mlsys_graph.network.project``) and prints what the library computed. networkx is
imported inside the commands only.
"""

from __future__ import annotations

import csv
import itertools
import json
import sys

import click

from .common import CONTEXT_SETTINGS, fail

__all__ = ["COMMANDS"]

#: Kinds ``rank --kind`` accepts (mlsys_graph.network.facts.KINDS, listed here so that
#: ``--help`` imports nothing heavy; a test keeps the two equal).
KIND_CHOICES = (
    "paper", "thesis", "book", "video", "course", "blog", "website", "software", "other",
    "person", "venue", "repository", "system", "topic",
)  # fmt: skip
STRENGTH_CHOICES = ("stated", "curated", "inferred")

graph_option = click.option(
    "-g",
    "--graph",
    "graph",
    multiple=True,
    metavar="PATH",
    help="Graph to read: .ttl/.nt/.jsonld file(s) or an Oxigraph store folder "
    "(default: the bundled graph).",
)


def _facts(graph: tuple[str, ...]):
    from ..errors import InputError
    from ..network.facts import read_facts

    try:
        return read_facts(list(graph) or None)
    except InputError as exc:
        raise fail(exc) from None


def _resolve(index, name: str, kinds=None) -> str:
    from ..network.names import AmbiguousName, UnknownName

    try:
        return index.resolve(name, kinds)
    except AmbiguousName as exc:
        from ..kg.iri import key_of

        lines = [f"{name!r} names {len(exc.candidates)} nodes; give one of these keys:"]
        lines += [f"  {key_of(iri)}  ({kind}: {label})" for iri, kind, label in exc.candidates]
        raise click.ClickException("\n".join(lines)) from None
    except UnknownName as exc:
        raise fail(exc) from None


def _dump(data) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def _describe(step) -> str:
    facts = [step.kind] + ([str(step.year)] if step.year else [])
    return f"{step.title}  [{', '.join(facts)}]"


def _claim_line(step, later: str, earlier: str) -> str:
    parts = [f"{later} {step.relation} {earlier}", step.strength or "?"]
    if step.evidence:
        parts.append(step.evidence)
    if step.phrase:
        parts.append(f'"{step.phrase}"')
    elif step.reason:
        parts.append(f"reason: {step.reason}")
    return " · ".join(parts)


def _print_tree(steps, root, names: dict, forward: bool) -> None:
    children: dict[str, list] = {}
    for step in steps:
        children.setdefault(step.parent, []).append(step)

    def walk(parent: str, prefix: str) -> None:
        kids = children.get(parent, [])
        for i, step in enumerate(kids):
            last = i == len(kids) - 1
            click.echo(f"{prefix}{'└── ' if last else '├── '}{_describe(step)}")
            inner = prefix + ("    " if last else "│   ")
            later, earlier = (names[parent], step.name) if forward else (step.name, names[parent])
            click.echo(f"{inner}  {_claim_line(step, later, earlier)}")
            if step.source_text:
                click.echo(f"{inner}  | {step.source_text}")
            walk(step.iri, inner)

    if not steps:
        click.echo("    (none)")
    walk(root, "    ")


@click.command("lineage", context_settings=CONTEXT_SETTINGS)
@click.argument("name")
@click.option("--depth", type=click.IntRange(min=1), help="Follow at most N steps each way.")
@click.option("--to", "to", metavar="NAME", help="Show the chain of claims between NAME and this.")
@click.option(
    "--relation",
    "relations",
    multiple=True,
    metavar="REL",
    help="Keep only this relation (extends, buildsOn, uses...); repeat for several.",
)
@click.option(
    "--min-strength",
    type=click.Choice(STRENGTH_CHOICES),
    default="inferred",
    show_default=True,
    help="Weakest claim kept; stated > curated > inferred.",
)
@graph_option
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def lineage_command(name, depth, to, relations, min_strength, graph, fmt) -> None:
    """Trace an entry's lineage: what it builds on and what builds on it.

    NAME is a short name, title or IRI. Text output is a tree with years and, on every
    step, the relation, its strength (stated: the list says so; curated: data/ asserts it
    with a reason; inferred: a guess) and its evidence (source line and phrase, or the
    curation file). JSON has `node`, `ancestors` and `descendants`; each item carries
    `name`, `title`, `year`, `depth`, `relation`, `strength` and `evidence`.

    \b
    Examples:
      mlsys-graph lineage Clipper
      mlsys-graph lineage InferLine --format json
      mlsys-graph lineage InferLine --to Clipper
      mlsys-graph lineage Clipper --min-strength curated --relation extends
    """
    from ..network.facts import ENTRY_KINDS
    from ..network.lineage import NoLineage, chain, trace
    from ..network.names import NameIndex
    from ..network.project import lineage_graph

    index = NameIndex(_facts(graph))
    node = _resolve(index, name, ENTRY_KINDS)
    g = lineage_graph(index.facts, relations=tuple(relations) or None, min_strength=min_strength)
    if to:
        other = _resolve(index, to, ENTRY_KINDS)
        try:
            steps = chain(g, node, other)
        except NoLineage:
            names = [index.facts.nodes[n].name for n in (node, other)]
            raise click.ClickException(
                f"no lineage chain between {names[0]} and {names[1]}"
            ) from None
        if fmt == "json":
            _dump({"chain": [s.to_dict() for s in steps]})
            return
        click.echo(_describe(steps[0]))
        for before, step in itertools.pairwise(steps):
            click.echo(f"  {_claim_line(step, before.name, step.name)}")
            click.echo(_describe(step))
        return
    result = trace(g, node, depth=depth)
    if fmt == "json":
        _dump(result.to_dict())
        return
    names = {result.node.iri: result.node.name}
    names.update({s.iri: s.name for s in (*result.ancestors, *result.descendants)})
    click.echo(_describe(result.node))
    click.echo("  later work (descendants):")
    _print_tree(result.descendants, result.node.iri, names, forward=False)
    click.echo("  earlier work (ancestors):")
    _print_tree(result.ancestors, result.node.iri, names, forward=True)


@click.command("path", context_settings=CONTEXT_SETTINGS)
@click.argument("a", metavar="A")
@click.argument("b", metavar="B")
@click.option(
    "--view",
    type=click.Choice(["entities", "coauthor"]),
    default="entities",
    show_default=True,
    help="entities: every typed relation; coauthor: people and shared work.",
)
@click.option(
    "--avoid",
    multiple=True,
    type=click.Choice(KIND_CHOICES),
    help="Do not pass through nodes of this kind (topic, venue...); repeat for several.",
)
@graph_option
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def path_command(a, b, view, avoid, graph, fmt) -> None:
    """Explain the shortest path between two nodes, edge by edge.

    A and B are names (short names, titles, people, venues, topics) or IRIs. JSON has
    `nodes` (each with `name`, `kind`, `iri`) and `edges` (each with `relation` and
    `forward`: whether the relation reads left to right). Exit 1 when none connects them.

    \b
    Examples:
      mlsys-graph path "Matei Zaharia" "Peter Bailis"
      mlsys-graph path "Matei Zaharia" "Tianqi Chen" --avoid topic --avoid venue
      mlsys-graph path "Zhihao Jia" "Matei Zaharia" --view coauthor --format json
    """
    from ..network.names import NameIndex
    from ..network.paths import NoPath, explain_path
    from ..network.project import project

    index = NameIndex(_facts(graph))
    kinds = ("person",) if view == "coauthor" else None
    start, end = _resolve(index, a, kinds), _resolve(index, b, kinds)
    try:
        found = explain_path(project(view, index.facts), start, end, avoid=avoid)
    except NoPath as exc:
        raise fail(exc) from None
    if fmt == "json":
        _dump(found.to_dict())
    else:
        click.echo(found.text())


@click.command("rank", context_settings=CONTEXT_SETTINGS)
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice(KIND_CHOICES),
    help="Rank only nodes of this kind; repeat for several (default: all).",
)
@click.option(
    "--by",
    type=click.Choice(["degree", "pagerank", "betweenness"]),
    default="pagerank",
    show_default=True,
)
@click.option(
    "--view",
    type=click.Choice(["entities", "coauthor", "topics"]),
    default="entities",
    show_default=True,
    help="The view scores are computed on.",
)
@click.option("--top", type=click.IntRange(min=0), default=20, show_default=True, help="0: all.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of sampling.")
@click.option(
    "--samples",
    type=click.IntRange(min=1),
    help="Betweenness sample size above the exact limit (default 100).",
)
@graph_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
)
def rank_command(kinds, by, view, top, seed, samples, graph, fmt) -> None:
    """Rank nodes by centrality: degree, PageRank or betweenness.

    Scores are computed on the whole view, then filtered by kind. Betweenness is exact
    up to 1,000 nodes and estimated above from a seeded sample of source nodes.

    \b
    Examples:
      mlsys-graph rank --kind person --by pagerank --top 10
      mlsys-graph rank --kind paper --format csv
      mlsys-graph rank --view coauthor --by betweenness --format json
    """
    from ..network.metrics import rank
    from ..network.project import project

    g = project(view, _facts(graph))
    rows = rank(g, by, kind=kinds or None, top=top or None, seed=seed, samples=samples)
    fields = ("rank", "score", "kind", "name", "year", "label", "iri")
    if fmt == "json":
        _dump([{f: getattr(r, f) for f in fields} for r in rows])
    elif fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(fields)
        for r in rows:
            writer.writerow([getattr(r, f) if getattr(r, f) is not None else "" for f in fields])
    else:
        click.echo(f"{'RANK':>4}  {by.upper():>11}  {'KIND':<10}  NAME")
        for r in rows:
            year = f" ({r.year})" if r.year else ""
            click.echo(f"{r.rank:>4}  {r.score:>11.6f}  {r.kind:<10}  {r.name}{year}")


@click.command("clusters", context_settings=CONTEXT_SETTINGS)
@click.option(
    "--of",
    "of",
    type=click.Choice(["people", "topics", "entities"]),
    default="people",
    show_default=True,
    help="people: the co-author view; topics: topics linked by shared entries and people; "
    "entities: everything.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Louvain's seed.")
@click.option("--resolution", type=float, default=1.0, show_default=True)
@click.option(
    "--min-size",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="Hide smaller communities (their number goes to stderr).",
)
@click.option(
    "--members", type=click.IntRange(min=0), default=5, show_default=True, help="Shown per row."
)
@graph_option
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
def clusters_command(of, seed, resolution, min_size, members, graph, fmt) -> None:
    """Find communities (Louvain) and label each by its most central member and topic.

    Modularity says how clear the split is (0: none; above 0.3: clear). The dominant
    topic is the most frequent among the members' topics, with the share of members
    that have it. Same graph and seed, same communities.

    \b
    Examples:
      mlsys-graph clusters
      mlsys-graph clusters --of topics --min-size 1
      mlsys-graph clusters --of people --seed 7 --format json
    """
    from ..network.metrics import communities, topic_profile
    from ..network.project import entities_graph, project

    facts = _facts(graph)
    view = {"people": "coauthor", "topics": "topics", "entities": "entities"}[of]
    g = project(view, facts)
    profile = topic_profile(entities_graph(facts))
    found = communities(g, seed=seed, resolution=resolution, topics=profile)
    shown = [c for c in found.communities if c.size >= min_size]
    hidden = len(found.communities) - len(shown)
    if fmt == "json":
        _dump(
            {
                "view": view,
                "modularity": found.modularity,
                "seed": seed,
                "communities": [
                    {
                        "index": c.index,
                        "size": c.size,
                        "label": c.label,
                        "central": c.central,
                        "topic": c.topic,
                        "topic_share": c.topic_share,
                        "members": [
                            {"iri": m, "name": g.nodes[m]["name"], "kind": g.nodes[m]["kind"]}
                            for m in c.members
                        ],
                    }
                    for c in shown
                ],
            }
        )
    else:
        click.echo(f"{'#':>3}  {'SIZE':>4}  {'LABEL':<28}  {'TOPIC':<34}  MEMBERS")
        for c in shown:
            topic = f"{c.topic} ({c.topic_share:.0%})" if c.topic else "-"
            names = [g.nodes[m]["name"] for m in c.members[:members]]
            more = ", ..." if c.size > members and members else ""
            click.echo(
                f"{c.index:>3}  {c.size:>4}  {c.label[:28]:<28}  {topic[:34]:<34}  "
                f"{', '.join(names)}{more}"
            )
    click.echo(
        f"{len(found.communities)} communities, modularity {found.modularity:.4f} "
        f"(Louvain, seed {seed}); {hidden} smaller than {min_size} not shown",
        err=True,
    )


@click.command("export", context_settings=CONTEXT_SETTINGS)
@click.option(
    "--view",
    type=click.Choice(["entities", "authorship", "coauthor", "topics", "lineage"]),
    required=True,
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["graphml", "gexf", "json"]),
    help="Default: from the file's suffix (.graphml, .gexf, .json), else graphml.",
)
@click.option("-o", "--output", required=True, metavar="FILE", help="Where to write; - for stdout.")
@graph_option
def export_command(view, fmt, output, graph) -> None:
    """Write a view as GraphML, GEXF or node-link JSON for Gephi, Cytoscape or D3.

    Nodes are IRIs with `kind`, `label`, `name` and `year`; edges carry `relation` (and
    `weight`, lineage evidence...). The file is written atomically.

    \b
    Examples:
      mlsys-graph export --view coauthor --format gexf -o coauthor.gexf
      mlsys-graph export --view entities -o entities.graphml
      mlsys-graph export --view lineage --format json -o -
    """
    from ..network.export import format_for, view_text, write_view
    from ..network.project import project

    g = project(view, _facts(graph))
    fmt = fmt or format_for(output)
    if output == "-":
        sys.stdout.write(view_text(g, fmt))
    else:
        write_view(g, output, fmt)
    click.echo(
        f"{view}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges → {output} ({fmt})",
        err=True,
    )


COMMANDS = [lineage_command, path_command, rank_command, clusters_command, export_command]
