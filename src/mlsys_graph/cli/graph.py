"""Commands that build and inspect the graph: ``build``, ``validate``, ``stats``, ``why``."""

from __future__ import annotations

import json
import shlex
import sys

import click

from .common import CONTEXT_SETTINGS, fail, load_graph_arg, print_violations

__all__ = ["COMMANDS"]

#: The problems ``build`` shows by default (a big list has thousands; ``lint`` lists all).
MAX_PROBLEMS = 50


def _check_list_id(ctx, param, value: str | None) -> str | None:
    from ..resolve.catalog import LIST_ID

    if value is not None and not LIST_ID.match(value):
        raise click.BadParameter("a slug: lower-case letters, digits and '-' (my-list)")
    return value


def _check_repository(ctx, param, value: str | None) -> str | None:
    if value is not None and not value.startswith(("https://", "http://")):
        raise click.BadParameter("an http(s) URL (https://github.com/me/awesome)")
    return value


@click.command("build", context_settings=CONTEXT_SETTINGS)
@click.argument("sources", nargs=-1, metavar="[SOURCES]...")
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(),
    default="out",
    show_default=True,
    help="Folder for mlsys-graph.ttl, .nt, .jsonld and .html.",
)
@click.option(
    "--no-summaries", is_flag=True, help="Leave the summaries' full text out of the graph."
)
@click.option("--no-inferred", is_flag=True, help="Do not compute inferred lineage candidates.")
@click.option(
    "--list-repository",
    metavar="URL",
    callback=_check_repository,
    help="Repository URL of the given list (provenance).",
)
@click.option(
    "--list-version", metavar="REV", help="Commit or version of the given list (provenance)."
)
@click.option(
    "--list-license",
    metavar="ID",
    help="Licence of the given list: an SPDX id (MIT) or a licence URL.",
)
@click.option(
    "--store",
    "store_dir",
    metavar="DIR",
    type=click.Path(file_okay=False),
    help="Also write an Oxigraph store folder (for query --graph, serve --graph).",
)
@click.option(
    "--list-id",
    metavar="SLUG",
    callback=_check_list_id,
    help="Id of the given list in provenance IRIs (source/SLUG/L12); several files become "
    "SLUG/<file>. Default: a known list's id, else each file's name among the inputs.",
)
@click.option("--no-html", is_flag=True, help="Do not write the interactive page.")
@click.option("--strict", is_flag=True, help="Exit 1 when the lists have any problem.")
@click.option(
    "--max-problems",
    metavar="N",
    type=click.IntRange(min=0),
    default=MAX_PROBLEMS,
    show_default=True,
    help="Show at most N of the lists' problems on stderr, the most severe first, and count "
    "the others by code (0: show all; `mlsys-graph lint` lists them all).",
)
@click.option(
    "-q",
    "--quiet",
    "-s",
    "--silent",
    "quiet",
    is_flag=True,
    help="No problems, progress or summary on stderr (errors still are).",
)
def build_command(
    sources: tuple[str, ...],
    output: str,
    store_dir: str | None,
    no_summaries: bool,
    no_inferred: bool,
    list_repository: str | None,
    list_version: str | None,
    list_license: str | None,
    list_id: str | None,
    no_html: bool,
    strict: bool,
    max_problems: int,
    quiet: bool,
) -> None:
    """Build the knowledge graph and write it as Turtle, N-Triples and JSON-LD.

    Also writes mlsys-graph.html, the entities view as an interactive page (as
    `mlsys-graph viz` draws it; --no-html to skip it).

    With no SOURCES, the bundled knowledge of the seed list (data/catalog.ttl); otherwise
    the given lists (files, directories or -), ingested on the fly with their summaries.
    The graph is validated against ontology/shapes.ttl as it is written: a graph that does not
    conform is not written (exit 1, the violations on stdout, previous outputs intact).
    The three files are written as a set: an interrupted or failed write leaves the
    previous set whole. Same input, byte-identical files. On a terminal, progress shows
    on stderr.

    \b
    Examples:
      mlsys-graph build -o out
      mlsys-graph build -o out --store out/store     # also an Oxigraph store for queries
      mlsys-graph build README.md --list-repository https://github.com/me/awesome -o out
      mlsys-graph build big-list.md -o out -q
      cat list.md | mlsys-graph build - --list-id my-list -o out
    """
    import time
    from pathlib import Path

    from ..errors import InputError, OutputError, ValidationFailed
    from ..pipeline import build, class_counts, write_validated
    from ..progress import for_stream

    started = time.perf_counter()
    if Path(output).exists() and not Path(output).is_dir():  # fail before the long work
        raise click.ClickException(f"cannot write {output}: is a file, not a folder")
    progress = for_stream(sys.stderr, quiet=quiet)
    try:
        result = build(
            list(sources) or None,
            include_summaries=not no_summaries,
            infer=not no_inferred,
            repository=list_repository,
            version=list_version,
            license=list_license,
            list_id=list_id,
            keep_records=False,
            validate=False,  # below, beside the writing
            progress=progress,
        )
    except InputError as exc:
        raise fail(exc) from None
    if not quiet:
        from ..problem_report import limit_problems

        shown, rest = limit_problems(result.problems, max_problems)
        for problem in shown:
            click.echo(str(problem), err=True)
        if rest is not None:
            listed = shlex.join(sources) if sources else "SOURCES"
            click.echo(
                f"{rest}; `mlsys-graph lint {listed}` lists them all (or --max-problems 0)",
                err=True,
            )
    pages = {}
    if not no_html:
        from ..viz.html import render_html

        pages["mlsys-graph.html"] = render_html
    try:
        written, results = write_validated(  # the store is let go: --store loads the .nt
            result.triples, Path(output), pages=pages, progress=progress
        )[:2]
    except ValidationFailed as exc:
        print_violations([v for v in exc.violations if v.severity == "Violation"])
        failures = sum(v.severity == "Violation" for v in exc.violations)
        raise click.ClickException(
            f"the graph does not conform to ontology/shapes.ttl: {failures} "
            f"violation(s); nothing written to {output}/"
        ) from None
    except OutputError as exc:
        raise click.ClickException(f"cannot write {exc}") from None
    if not quiet:
        print_violations(results, err=True)
    if store_dir:
        from ..query.store import write_store

        try:
            written.append(write_store(written[1], Path(store_dir)))
        except InputError as exc:
            raise fail(exc) from None
    if not quiet:
        counts = class_counts(result.triples)
        shown = ", ".join(f"{n} {k}" for k, n in counts.items())
        click.echo(
            f"{len(result.triples)} triples ({shown}); {len(result.problems)} problem(s); "
            f"wrote {', '.join(str(p) for p in written)} in {time.perf_counter() - started:.2f}s",
            err=True,
        )
    if strict and result.problems:
        sys.exit(1)


@click.command("validate", context_settings=CONTEXT_SETTINGS)
@click.argument("graph", nargs=-1, metavar="[GRAPH]...")
@click.option(
    "--engine",
    type=click.Choice(["oxigraph", "pyshacl"]),
    default="oxigraph",
    show_default=True,
    help="oxigraph: the shapes compiled into SPARQL (fast); pyshacl: the reference validator.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def validate_command(graph: tuple[str, ...], engine: str, fmt: str) -> None:
    """Check a graph against the SHACL shapes (ontology/shapes.ttl).

    GRAPH is a .ttl, .nt or .jsonld file (default: the bundled graph). Each result is
    printed as `focus  path  message` (warnings marked [warning]); exit 1 when there is
    any violation. Both engines give the same results (docs/validation.md); the oxigraph
    engine refuses shapes that use SHACL it does not implement, and pyshacl runs them.

    \b
    Examples:
      mlsys-graph validate out/mlsys-graph.ttl
      mlsys-graph validate --format json out/mlsys-graph.nt
      mlsys-graph validate --engine pyshacl out/mlsys-graph.ttl
    """
    from dataclasses import asdict

    from ..errors import UnsupportedShapes
    from ..kg.validate import validate

    try:
        violations = validate(load_graph_arg(graph), engine=engine)
    except UnsupportedShapes as exc:
        raise fail(exc) from None
    failures = [v for v in violations if v.severity == "Violation"]
    if fmt == "json":
        json.dump([asdict(v) for v in violations], sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print_violations(violations)
    click.echo(
        f"{len(failures)} violation(s), {len(violations) - len(failures)} warning(s)", err=True
    )
    if failures:
        sys.exit(1)


@click.command("stats", context_settings=CONTEXT_SETTINGS)
@click.argument("graph", nargs=-1, metavar="[GRAPH]...")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
def stats_command(graph: tuple[str, ...], fmt: str) -> None:
    """Count nodes per class and triples per relation.

    GRAPH is a .ttl, .nt or .jsonld file (default: the bundled graph).

    \b
    Examples:
      mlsys-graph stats
      mlsys-graph stats out/mlsys-graph.ttl --format json
    """
    from ..kg.stats import graph_stats

    stats = graph_stats(load_graph_arg(graph))
    if fmt == "json":
        json.dump(stats, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return
    for title, rows in (("class", stats["classes"]), ("relation", stats["relations"])):
        click.echo(f"{title.upper():<40} COUNT")
        for key, count in rows.items():
            click.echo(f"{key:<40} {count}")
        click.echo("")
    click.echo(f"{'triples':<40} {stats['triples']}")


@click.command("why", context_settings=CONTEXT_SETTINGS)
@click.argument("what", metavar="NAME|IRI")
@click.option(
    "-g",
    "--graph",
    "graph",
    multiple=True,
    metavar="GRAPH",
    help="Graph file(s) or a store folder to read (default: the bundled graph).",
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def why_command(what: str, graph: tuple[str, ...], fmt: str) -> None:
    """Show every fact about an entry and where it came from.

    NAME is a short name (InferLine), a title, or an entry IRI. For each fact: the file and
    line in the list, the raw source line, and the rule or curated file responsible. The
    same answer is the SPARQL query `why` (src/mlsys_graph/query/queries/why.rq).

    \b
    Examples:
      mlsys-graph why InferLine
      mlsys-graph why https://w3id.org/mlsys-graph/id/paper/crankshaw2017-clipper
    """
    from ..errors import InputError
    from ..kg.why import explain
    from ..query.store import open_store

    try:
        g = open_store(graph)
    except InputError as exc:
        raise fail(exc) from None
    answers = explain(g, what)
    if not answers:
        raise click.ClickException(f"no entry named {what!r}; try a short name, a title or an IRI")
    if fmt == "json":
        json.dump(answers, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return
    for answer in answers:
        click.echo(f"{answer['entry']}  {answer['label']}")
        for fact in answer["facts"]:
            where = f"{fact['file']}:{fact['line']}" if fact.get("line") else "-"
            by = fact.get("by") or "-"
            detail = f"  ({fact['detail']})" if fact.get("detail") else ""
            click.echo(f"  {fact['fact']:<22} {fact['value']}{detail}")
            click.echo(f"  {'':<22} from {where}, by {by}")
            if fact.get("raw"):
                click.echo(f"  {'':<22} | {fact['raw']}")
        click.echo("")


COMMANDS = [build_command, validate_command, stats_command, why_command]
