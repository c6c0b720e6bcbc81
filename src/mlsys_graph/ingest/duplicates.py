"""One rule for "the same entry listed twice", shared by ``lint`` and the graph build.

Two entries are the same when they have the same title (after folding case and
punctuation) and the same kind of thing (a thesis counts as a paper), or when two software
entries point at the same repository. A nested child is never a duplicate of its parent.

>>> from mlsys_graph.model import Entry
>>> a = Entry("l.md", 2, 2, None, None, "paper", "Tarn: Serving", None)
>>> b = Entry("l.md", 9, 9, None, None, "paper", "TARN — serving!", None)
>>> duplicate_keys(a) == duplicate_keys(b)
True
>>> [p.code for p in find_duplicates([a, b])]
['duplicate-entry']
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Entry, Problem

__all__ = ["duplicate_keys", "find_duplicates", "nested_pair", "title_key"]


def title_key(title: str | None) -> str:
    """A title folded to lower-case letters and digits."""
    return re.sub(r"[\W_]+", "", (title or "").casefold())


def duplicate_keys(entry: Entry) -> list[tuple[str, str]]:
    """The keys under which two entries are the same thing."""
    keys = []
    title = title_key(entry.title)
    if len(title) >= 4:
        keys.append(("paper" if entry.kind in ("paper", "thesis") else entry.kind, title))
    if entry.kind == "software" and entry.github:
        keys.append(("github", entry.github.lower()))
    return keys


def nested_pair(a: Entry, b: Entry) -> bool:
    """Whether one entry is the nested child of the other."""
    return a.source == b.source and (a.parent == b.line or b.parent == a.line)


def find_duplicates(entries: Sequence[Entry]) -> list[Problem]:
    """A ``duplicate-entry`` problem for each entry listed again, naming the first place."""
    problems: list[Problem] = []
    seen: dict[tuple[str, str], Entry] = {}
    for entry in entries:
        for key in duplicate_keys(entry):
            first = seen.setdefault(key, entry)
            if first is entry or nested_pair(entry, first):
                continue
            problems.append(
                Problem(
                    entry.source,
                    entry.line,
                    "warning",
                    "duplicate-entry",
                    f"'{entry.title}' is listed again; first at {first.source}:{first.line}",
                )
            )
            break
    return problems
