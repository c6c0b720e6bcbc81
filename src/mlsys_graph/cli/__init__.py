"""The ``mlsys-graph`` command line: a thin layer over the library.

Data goes to standard output, messages to standard error. Exit codes: 0 ok, 1 problems
or errors, 2 usage. Heavy libraries are imported inside the commands that need them.

Each module of this package holds the commands of one area and lists them in
``COMMANDS``; this module only assembles the group.
"""

from __future__ import annotations

import os
import sys

import click

from .. import __version__
from . import analytics, graph, lists, query, viz
from .common import CONTEXT_SETTINGS

__all__ = ["cli", "main"]


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, prog_name="mlsys-graph")
def cli() -> None:
    """Turn awesome lists of ML-systems research into a knowledge graph.

    \b
    Typical use:
      mlsys-graph parse README.md --format table    # the entries of a list
      mlsys-graph lint README.md                    # problems, as path:line: level: message
      mlsys-graph build -o out/                     # the bundled graph as Turtle/N-Triples/JSON-LD
      mlsys-graph viz -o graph.html                 # the graph as an interactive page
      mlsys-graph query --name papers-at-venue -p venue=NIPS   # a named SPARQL query
      mlsys-graph serve                             # a read-only SPARQL endpoint
    """


for _module in (lists, graph, analytics, query, viz):
    for _command in _module.COMMANDS:
        cli.add_command(_command)


def main() -> None:
    """The ``mlsys-graph`` command: run it, then leave without tearing the heap down.

    A build of a big list ends holding millions of small objects; freeing them one by one
    at exit takes a noticeable share of the run (about 0.7 s of a 10,000-entry build) and
    serves nothing, as every command has already closed its files and removed its
    temporary folders. So once the command is done the output is flushed and the process
    exits at once, with the command's exit code (as mypy does). Used as a library, or
    through click's test runner, nothing of this applies.
    """
    try:
        cli(prog_name="mlsys-graph")
        code = 0
    except SystemExit as exc:  # click ends every standalone run with one
        code = exc.code
    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a reader gone (`| head`) or a closed stream
            code = code or 1
    os._exit(code)
