"""Read list sources: files, directories of topic files, or standard input.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "README.md").write_text("# List\\n")
>>> _ = (d / "LICENSE.md").write_text("MIT\\n")
>>> (d / "topics").mkdir()
>>> _ = (d / "topics" / "serving.md").write_text("## Serving\\n")
>>> [s.path.replace(str(d), "D") for s in read_sources([str(d)])]
['D/README.md', 'D/topics/serving.md']
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..model import Problem
from .decode import decode

__all__ = ["Source", "list_markdown_files", "read_sources"]

#: Repository boilerplate that is never a list of entries.
BOILERPLATE = {
    "contributing", "license", "licence", "code_of_conduct", "code-of-conduct", "security",
    "changelog", "pull_request_template", "issue_template", "support", "authors",
}  # fmt: skip
_SKIP_DIRS = {".git", ".github", "node_modules", ".venv", "venv", "__pycache__"}


@dataclass(frozen=True, slots=True)
class Source:
    """The text of one list file, the path it is reported under, its name inside the list
    (relative to the directory given, else the file's base name) for provenance, and the
    problems met while decoding it."""

    path: str
    text: str
    name: str = ""
    problems: tuple[Problem, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        if not self.name:
            base = self.path.replace("\\", "/").rsplit("/", 1)[-1]
            object.__setattr__(self, "name", "stdin.md" if self.path == "<stdin>" else base)


def _is_boilerplate(path: Path) -> bool:
    return path.stem.lower() in BOILERPLATE


def list_markdown_files(directory: Path) -> list[Path]:
    """The ``.md`` files under a directory in a stable order: a top README first, then by path."""
    files = [
        p
        for p in directory.rglob("*")
        if p.is_file()
        and p.suffix.lower() in {".md", ".markdown"}
        and not _is_boilerplate(p)
        and not any(part in _SKIP_DIRS for part in p.relative_to(directory).parts)
    ]

    def order(p: Path) -> tuple[int, str]:
        rel = p.relative_to(directory)
        top_readme = len(rel.parts) == 1 and rel.stem.lower() == "readme"
        return (0 if top_readme else 1, rel.as_posix().lower())

    return sorted(files, key=order)


def read_sources(paths: Iterable[str], stdin=None) -> list[Source]:
    """Read every path (a file, a directory, or ``-`` for standard input) as list sources.

    Raises :class:`~mlsys_graph.errors.InputError` naming the path when one cannot be read.
    """
    sources: list[Source] = []
    for raw in paths:
        if raw == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read()
            if isinstance(data, str):
                data = data.encode("utf-8")
            text, problems = decode(data, "<stdin>")
            sources.append(Source("<stdin>", text, problems=tuple(problems)))
            continue
        path = Path(raw)
        if path.is_dir():
            files = list_markdown_files(path)
            if not files:
                raise InputError(raw, None, "is a directory with no markdown (.md) files")
            for file in files:
                text, problems = decode(_read_bytes(file, str(file)), str(file))
                name = file.relative_to(path).as_posix()
                sources.append(Source(str(file), text, name, tuple(problems)))
            continue
        text, problems = decode(_read_bytes(path, raw), raw)
        sources.append(Source(raw, text, problems=tuple(problems)))
    return sources


def _read_bytes(path: Path, shown: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(shown, None, "no such file") from None
    except IsADirectoryError:
        raise InputError(shown, None, "is a directory") from None
    except OSError as exc:
        raise InputError(shown, None, f"cannot be read: {exc.strerror or exc}") from None
