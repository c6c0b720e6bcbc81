"""The ``mlsys-graph`` command line: a thin layer over the library.

Data goes to standard output, messages to standard error. Exit codes: 0 ok, 1 problems
or errors, 2 usage. Heavy libraries are imported inside the commands that need them.
"""

from __future__ import annotations

import json
import sys

import click

from . import __version__

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _fail(exc: Exception) -> click.ClickException:
    return click.ClickException(str(exc))


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, prog_name="mlsys-graph")
def cli() -> None:
    """Turn awesome lists of ML-systems research into a knowledge graph.

    \b
    Typical use:
      mlsys-graph parse README.md --format table    # the entries of a list
      mlsys-graph lint README.md                    # problems, as path:line: level: message
      mlsys-graph build -o out/                     # the bundled graph as Turtle/N-Triples/JSON-LD
    """


def _parse(paths: tuple[str, ...]):
    from .errors import InputError
    from .ingest import parse_paths

    try:
        return parse_paths(paths)
    except InputError as exc:
        raise _fail(exc) from None


@cli.command("parse", context_settings=CONTEXT_SETTINGS)
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "table"]),
    default="json",
    show_default=True,
    help="json: an array of entry records; table: one line per entry.",
)
def parse_command(paths: tuple[str, ...], fmt: str) -> None:
    """Read awesome-list markdown and print its entries.

    PATH is a markdown file, a directory (its .md files, README first, boilerplate such
    as LICENSE or CONTRIBUTING skipped) or - for standard input.

    \b
    Examples:
      mlsys-graph parse README.md
      mlsys-graph parse list/ --format table
      cat README.md | mlsys-graph parse - | jq '.[] | select(.kind=="paper") | .title'
    """
    result = _parse(paths)
    if fmt == "json":
        json.dump([e.to_dict() for e in result.entries], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        _print_table(result.entries)
    if result.problems:
        click.echo(f"{len(result.problems)} problem(s); `mlsys-graph lint` lists them", err=True)


def _print_table(entries) -> None:
    rows = [("LINE", "KIND", "NAME", "YEAR", "VENUE", "AUTHORS", "TITLE")]
    for e in entries:
        title = e.title or ""
        rows.append(
            (
                f"{e.source}:{e.line}" if e.parent is None else f"{e.source}:{e.line} ^{e.parent}",
                e.kind,
                e.name or "",
                str(e.year or ""),
                e.venue or "",
                str(len(e.authors)) + ("+" if e.authors_truncated else ""),
                title if len(title) <= 60 else title[:59] + "…",
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        click.echo("  ".join([*cells, row[-1]]).rstrip())


@cli.command("lint", context_settings=CONTEXT_SETTINGS)
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: path:line: level: message [code]; json: an array of problem objects.",
)
@click.option("--strict", is_flag=True, help="Exit 1 on any problem, not only on errors.")
def lint_command(paths: tuple[str, ...], fmt: str, strict: bool) -> None:
    """Report problems in awesome-list markdown.

    Each problem has a level (error, warning, info) and a stable code, documented in
    docs/problems.md. People who may be one person are listed with a ready-to-paste
    snippet for data/people.ttl. Exit 1 when there is an error (with --strict: any problem).

    \b
    Examples:
      mlsys-graph lint README.md
      mlsys-graph lint --strict --format json list/
    """
    result = _parse(paths)
    problems = list(result.problems) + _people_problems(result.entries)
    if fmt == "json":
        json.dump([p.to_dict() for p in problems], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for problem in problems:
            click.echo(str(problem))
    counts = {
        level: sum(p.level == level for p in problems) for level in ("error", "warning", "info")
    }
    click.echo(
        f"{len(result.entries)} entries; {counts['error']} error(s), {counts['warning']} "
        f"warning(s), {counts['info']} info",
        err=True,
    )
    if counts["error"] or (strict and problems):
        sys.exit(1)


def _people_problems(entries) -> list:
    """Possible duplicate people (with curation snippets), as lint problems."""
    from .resolve.catalog import resolve

    return list(resolve(entries, infer=False).problems) if entries else []


def _load(graph_paths: tuple[str, ...]):
    """The graph files given, or the bundled graph."""
    from .errors import InputError
    from .kg.store import load_graph
    from .pipeline import bundled_graph_path

    try:
        return load_graph(*(graph_paths or (bundled_graph_path(),)))
    except InputError as exc:
        raise _fail(exc) from None


def _print_violations(violations, err: bool = False) -> None:
    for v in violations:
        level = "" if v.severity == "Violation" else f"[{v.severity.lower()}] "
        click.echo(f"{v.focus}  {v.path or '-'}  {level}{v.message}", err=err)


@cli.command("build", context_settings=CONTEXT_SETTINGS)
@click.argument("sources", nargs=-1, metavar="[SOURCES]...")
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(file_okay=False),
    default="out",
    show_default=True,
    help="Folder for mlsys-graph.ttl, mlsys-graph.nt and mlsys-graph.jsonld.",
)
@click.option(
    "--no-summaries", is_flag=True, help="Leave the summaries' full text out of the graph."
)
@click.option("--no-inferred", is_flag=True, help="Do not compute inferred lineage candidates.")
@click.option(
    "--list-repository", metavar="URL", help="Repository URL of the given list (provenance)."
)
@click.option(
    "--list-version", metavar="REV", help="Commit or version of the given list (provenance)."
)
@click.option(
    "--list-license",
    metavar="ID",
    help="Licence of the given list: an SPDX id (MIT) or a licence URL.",
)
@click.option("--strict", is_flag=True, help="Exit 1 when the lists have any problem.")
@click.option("-s", "--silent", is_flag=True, help="Print no summary on stderr.")
def build_command(
    sources: tuple[str, ...],
    output: str,
    no_summaries: bool,
    no_inferred: bool,
    list_repository: str | None,
    list_version: str | None,
    list_license: str | None,
    strict: bool,
    silent: bool,
) -> None:
    """Build the knowledge graph and write it as Turtle, N-Triples and JSON-LD.

    With no SOURCES, the bundled knowledge of the seed list (data/catalog.ttl); otherwise
    the given lists (files, directories or -), ingested on the fly with their summaries.
    The graph is validated against ontology/shapes.ttl first: a graph that does not
    conform is not written (exit 1, the violations on stdout, previous outputs intact).
    Same input, byte-identical files.

    \b
    Examples:
      mlsys-graph build -o out
      mlsys-graph build README.md --list-repository https://github.com/me/awesome -o out
    """
    import time
    from pathlib import Path

    from .errors import InputError
    from .kg.build import PREFIXES
    from .kg.store import write_graph
    from .pipeline import build, class_counts

    started = time.perf_counter()
    try:
        result = build(
            list(sources) or None,
            include_summaries=not no_summaries,
            infer=not no_inferred,
            repository=list_repository,
            version=list_version,
            license=list_license,
        )
    except InputError as exc:
        raise _fail(exc) from None
    for problem in result.problems:
        if not silent:
            click.echo(str(problem), err=True)
    if result.failures:
        _print_violations(result.failures)
        raise click.ClickException(
            f"the graph does not conform to ontology/shapes.ttl: {len(result.failures)} "
            f"violation(s); nothing written to {output}/"
        )
    if not silent:
        _print_violations([v for v in result.violations if v.severity != "Violation"], err=True)
    written = write_graph(result.graph, Path(output), PREFIXES)
    if not silent:
        counts = class_counts(result.graph)
        shown = ", ".join(f"{n} {k}" for k, n in counts.items())
        click.echo(
            f"{len(result.graph)} triples ({shown}); {len(result.problems)} problem(s); "
            f"wrote {', '.join(str(p) for p in written)} in {time.perf_counter() - started:.2f}s",
            err=True,
        )
    if strict and result.problems:
        sys.exit(1)


@cli.command("validate", context_settings=CONTEXT_SETTINGS)
@click.argument("graph", nargs=-1, metavar="[GRAPH]...")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def validate_command(graph: tuple[str, ...], fmt: str) -> None:
    """Check a graph against the SHACL shapes (ontology/shapes.ttl).

    GRAPH is a .ttl, .nt or .jsonld file (default: the bundled graph). Each result is
    printed as `focus  path  message` (warnings marked [warning]); exit 1 when there is
    any violation.

    \b
    Examples:
      mlsys-graph validate out/mlsys-graph.ttl
      mlsys-graph validate --format json out/mlsys-graph.nt
    """
    from dataclasses import asdict

    from .kg.validate import validate

    violations = validate(_load(graph))
    failures = [v for v in violations if v.severity == "Violation"]
    if fmt == "json":
        json.dump([asdict(v) for v in violations], sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        _print_violations(violations)
    click.echo(
        f"{len(failures)} violation(s), {len(violations) - len(failures)} warning(s)", err=True
    )
    if failures:
        sys.exit(1)


@cli.command("stats", context_settings=CONTEXT_SETTINGS)
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
    from .kg.stats import graph_stats

    stats = graph_stats(_load(graph))
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


@cli.command("why", context_settings=CONTEXT_SETTINGS)
@click.argument("what", metavar="NAME|IRI")
@click.option(
    "-g",
    "--graph",
    "graph",
    multiple=True,
    metavar="GRAPH",
    help="Graph file(s) to read (default: the bundled graph).",
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
    from .kg.why import explain

    g = _load(graph)
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


def main() -> None:
    cli(prog_name="mlsys-graph")


if __name__ == "__main__":  # pragma: no cover
    main()
