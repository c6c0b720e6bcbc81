"""How many problems a command shows, and what it says of the rest.

A list of 100,000 entries can have tens of thousands of problems; ``build`` shows a few
(the most severe first) and counts the others by code, so that its output stays readable
and the full list is one ``mlsys-graph lint`` away.

>>> from mlsys_graph.model import Problem
>>> found = [Problem("l.md", n, "info", "possible-duplicate-person", "…") for n in (1, 2, 3)]
>>> found.append(Problem("l.md", 9, "error", "unreadable-input", "…"))
>>> shown, rest = limit_problems(found, 2)
>>> [p.line for p in shown]
[1, 9]
>>> print(rest)
2 more problem(s) not shown: 2 possible-duplicate-person (info)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .model import LEVELS, Problem

__all__ = ["limit_problems"]


def limit_problems(
    problems: Sequence[Problem], limit: int | None
) -> tuple[list[Problem], str | None]:
    """At most ``limit`` of ``problems`` (None or 0: all), chosen most severe first (errors,
    then warnings, then infos; in their order within a level) and kept in their order; and
    a line that counts the others by code, most frequent first (None when all are shown)."""
    if not limit or len(problems) <= limit:
        return list(problems), None
    severity = {level: rank for rank, level in enumerate(LEVELS)}
    ranked = sorted(range(len(problems)), key=lambda i: (severity[problems[i].level], i))
    chosen = sorted(ranked[:limit])
    left = [problems[i] for i in ranked[limit:]]
    counts = Counter((p.code, p.level) for p in left)
    by_code = ", ".join(
        f"{n:,} {code} ({level})"
        for (code, level), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    return [problems[i] for i in chosen], f"{len(left):,} more problem(s) not shown: {by_code}"
