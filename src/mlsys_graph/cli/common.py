"""What every command shares: context settings, error mapping, loading a graph argument."""

from __future__ import annotations

import click

__all__ = ["CONTEXT_SETTINGS", "fail", "load_graph_arg", "print_violations"]

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def fail(exc: Exception) -> click.ClickException:
    """A library error as a click error: ``Error: <message>`` on stderr, exit 1."""
    return click.ClickException(str(exc))


def load_graph_arg(graph_paths: tuple[str, ...]):
    """The graph files given, or the bundled graph."""
    from ..errors import InputError
    from ..kg.store import load_graph
    from ..pipeline import bundled_graph_path

    try:
        return load_graph(*(graph_paths or (bundled_graph_path(),)))
    except InputError as exc:
        raise fail(exc) from None


def print_violations(violations, err: bool = False) -> None:
    for v in violations:
        level = "" if v.severity == "Violation" else f"[{v.severity.lower()}] "
        click.echo(f"{v.focus}  {v.path or '-'}  {level}{v.message}", err=err)
