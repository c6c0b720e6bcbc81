"""Read list sources: files, directories of topic files, or standard input.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "README.md").write_text("# List\\n")
>>> _ = (d / "LICENSE.md").write_text("MIT\\n")
>>> (d / "topics").mkdir()
>>> _ = (d / "topics" / "serving.md").write_text("## Serving\\n")
>>> [s.path.replace(str(d), "D") for s in read_sources([str(d)])]
['D/README.md', 'D/topics/serving.md']

Each source has a ``name`` that identifies it among the inputs, never an absolute path: the
file's path inside the directory given (or its base name), lengthened by parent folders
only as far as needed to tell two inputs apart:

>>> for sub in ("a", "b"):
...     (d / sub).mkdir()
...     _ = (d / sub / "README.md").write_text("# List\\n")
>>> [s.name for s in read_sources([str(d / "a" / "README.md"), str(d / "b" / "README.md")])]
['a/README.md', 'b/README.md']
"""

from __future__ import annotations

import os
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from ..errors import InputError
from ..model import Problem
from .decode import decode

__all__ = ["Source", "list_markdown_files", "read_sources", "unique_names"]

#: Repository boilerplate that is never a list of entries.
BOILERPLATE = {
    "contributing", "license", "licence", "code_of_conduct", "code-of-conduct", "security",
    "changelog", "pull_request_template", "issue_template", "support", "authors",
}  # fmt: skip
_SKIP_DIRS = {".git", ".github", "node_modules", ".venv", "venv", "__pycache__"}


@dataclass(frozen=True, slots=True)
class Source:
    """The text of one list file, the path it is reported under, its name among the inputs
    (relative, '/'-separated: see :func:`unique_names`) for provenance, and the problems met
    while decoding it."""

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


def unique_names(paths: Sequence[tuple[Sequence[str], int]]) -> list[str]:
    """A distinct relative name for each path: its last ``k`` parts joined by ``/``.

    Each path is ``(parts, k)``: its parts (no root) and how many of the last ones its name
    has at least. Names that clash take one more parent part each, until none clash; a name
    never depends on the order of the paths, and adding an input changes only the names it
    clashes with. (Names that differ only in case stay as they are: the ids made of them
    are told apart by :func:`~mlsys_graph.kg.iri.assign`.)

    >>> unique_names([(("home", "u", "a", "README.md"), 1), (("tmp", "b", "README.md"), 1),
    ...               (("tmp", "b", "list.md"), 1), (("srv", "x", "topics", "s.md"), 2)])
    ['a/README.md', 'b/README.md', 'list.md', 'topics/s.md']
    """
    sizes = [max(1, min(k, len(parts))) for parts, k in paths]

    def name(i: int) -> str:
        return "/".join(paths[i][0][-sizes[i] :])

    while True:
        groups: dict[str, list[int]] = defaultdict(list)
        for i in range(len(paths)):
            groups[name(i)].append(i)
        grown = False
        for members in groups.values():
            if len(members) < 2:
                continue
            for i in members:
                if sizes[i] < len(paths[i][0]):
                    sizes[i] += 1
                    grown = True
        if not grown:
            return [name(i) for i in range(len(paths))]


def read_sources(paths: Iterable[str], stdin=None) -> list[Source]:
    """Read every path (a file, a directory, or ``-`` for standard input) as list sources.

    A file given twice (or also inside a directory given) is read once. Raises
    :class:`~mlsys_graph.errors.InputError` naming the path when one cannot be read.
    """
    read: list[tuple[str, str, list[Problem], tuple[str, ...], int]] = []
    seen: set[str] = set()

    def add(shown: str, file: Path, k: int) -> None:
        absolute = os.path.abspath(file)
        if absolute in seen:
            return
        seen.add(absolute)
        text, problems = decode(_read_bytes(file, shown), shown)
        read.append((shown, text, problems, PurePath(absolute).parts[1:], k))

    for raw in paths:
        if raw == "-":
            if "-" in seen:
                continue
            seen.add("-")
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read()
            if isinstance(data, str):
                data = data.encode("utf-8")
            text, problems = decode(data, "<stdin>")
            read.append(("<stdin>", text, problems, ("stdin.md",), 1))
            continue
        path = Path(raw)
        if path.is_dir():
            files = list_markdown_files(path)
            if not files:
                raise InputError(raw, None, "is a directory with no markdown (.md) files")
            for file in files:
                add(str(file), file, len(file.relative_to(path).parts))
            continue
        add(raw, path, 1)
    names = unique_names([(parts, k) for _, _, _, parts, k in read])
    return [
        Source(shown, text, name, tuple(problems))
        for (shown, text, problems, _, _), name in zip(read, names, strict=True)
    ]


def _read_bytes(path: Path, shown: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(shown, None, "no such file") from None
    except IsADirectoryError:
        raise InputError(shown, None, "is a directory") from None
    except OSError as exc:
        raise InputError(shown, None, f"cannot be read: {exc.strerror or exc}") from None
