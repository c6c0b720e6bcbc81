"""Commands that read lists: ``parse`` and ``lint``."""

from __future__ import annotations

import json
import sys

import click

from .common import CONTEXT_SETTINGS, fail

__all__ = ["COMMANDS"]


def _parse(paths: tuple[str, ...]):
    from ..errors import InputError
    from ..ingest import parse_paths

    try:
        return parse_paths(paths)
    except InputError as exc:
        raise fail(exc) from None


@click.command("parse", context_settings=CONTEXT_SETTINGS)
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "table"]),
    default="json",
    show_default=True,
    help="json: an array of entry records; table: one line per entry.",
)
@click.option(
    "--explain",
    is_flag=True,
    help="Also say, per file on stderr, which layout it is read as and why (item counts).",
)
def parse_command(paths: tuple[str, ...], fmt: str, explain: bool) -> None:
    """Read awesome-list markdown and print its entries.

    PATH is a markdown file, a directory (its .md files, README first, boilerplate such
    as LICENSE or CONTRIBUTING skipped) or - for standard input.

    \b
    Examples:
      mlsys-graph parse README.md
      mlsys-graph parse list/ --format table
      mlsys-graph parse --explain README.md > /dev/null
      cat README.md | mlsys-graph parse - | jq '.[] | select(.kind=="paper") | .title'
    """
    result = _parse(paths)
    if fmt == "json":
        json.dump([e.to_dict() for e in result.entries], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        _print_table(result.entries)
    if explain:
        for found in result.profiles:
            click.echo(f"layout: {found}", err=True)
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


@click.command("lint", context_settings=CONTEXT_SETTINGS)
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
    from ..resolve.catalog import resolve

    return list(resolve(entries, infer=False).problems) if entries else []


COMMANDS = [parse_command, lint_command]
