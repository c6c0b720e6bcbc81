"""The ``mlsys-graph`` command line: a thin layer over the library.

Data goes to standard output, messages to standard error. Exit codes: 0 ok, 1 problems
or errors, 2 usage. Heavy libraries are imported inside the commands that need them.

Each module of this package holds the commands of one area and lists them in
``COMMANDS``; this module only assembles the group.
"""

from __future__ import annotations

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
    cli(prog_name="mlsys-graph")
