"""Golden-file tests: markdown lists we wrote ourselves, each quirk in two or more invented variants.

Each case in ``fixtures/*.md`` is: a title line, ``.``, the markdown input, ``.``, the
expected entries, ``.``. Expected entries are JSON objects, one per line, in order; only the
fields an object names are checked (``"line"`` is relative to the case's input). A case's
test id is ``file:line`` of its title.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import read_fixture_file
from mlsys_graph.ingest import parse_text

FIXTURES = Path(__file__).parent / "fixtures"
CASES = [
    pytest.param(source, expected, id=f"{path.name}:{line}")
    for path in sorted(FIXTURES.glob("*.md"))
    for line, _title, source, expected in read_fixture_file(path)
]


def _fold(value):
    if isinstance(value, str):
        return " ".join(value.casefold().split())
    if isinstance(value, list):
        return [_fold(v) for v in value]
    if isinstance(value, dict):
        return {k: _fold(v) for k, v in value.items()}
    return value


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_golden(source: str, expected: str) -> None:
    result = parse_text(source, "case.md")
    want = [json.loads(line) for line in expected.splitlines() if line.strip()]
    problems = [w.pop("problems") for w in want if "problems" in w]
    got = [e.to_dict() for e in result.entries]
    assert len(got) == len(want), [g["title"] for g in got]
    for g, w in zip(got, want, strict=True):
        picked = {k: g[k] for k in w}
        assert _fold(picked) == _fold(w), g
    if problems:
        codes = sorted(p.code for p in result.problems)
        assert codes == sorted(c for group in problems for c in group)
