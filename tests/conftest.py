"""Shared test helpers.

Testing guide: prefer plain functions and fixtures; golden files live next to the tests in
the input's own format; anything that reads ../shared/seeds is marked and skips when the
folder is absent (a user's fresh clone has no ../shared).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: ../shared/seeds beside the checkout; MLSYS_GRAPH_SEEDS names another folder (a worktree's
#: ../shared is elsewhere).
SEEDS = Path(os.environ.get("MLSYS_GRAPH_SEEDS") or ROOT.parent / "shared" / "seeds")
SEED_LIST = SEEDS / "awesome-system-for-ml-2019.md"


@pytest.fixture(scope="session", autouse=True)
def _shapes_cache(tmp_path_factory):
    """Compiled shapes are cached in a folder of the test run, never the user's own
    (subprocesses inherit it)."""
    from mlsys_graph.kg.shacl.cache import CACHE_ENV

    before = os.environ.get(CACHE_ENV)
    os.environ[CACHE_ENV] = str(tmp_path_factory.mktemp("cache"))
    yield
    if before is None:
        os.environ.pop(CACHE_ENV, None)
    else:
        os.environ[CACHE_ENV] = before


@pytest.fixture
def seed_list() -> Path:
    if not SEED_LIST.is_file():
        pytest.skip("../shared/seeds is absent (only CI and developers have it)")
    return SEED_LIST


def read_fixture_file(path: Path) -> list[tuple[int, str, str, str]]:
    """Cases of a golden file: ``title`` / ``.`` / input / ``.`` / expected / ``.``.

    Returns ``(line, title, input, expected)`` so test ids carry the fixture's line.
    """
    lines = path.read_text(encoding="utf-8").split("\n")
    cases = []
    i = 0
    while i < len(lines):
        if lines[i].strip() and i + 1 < len(lines) and lines[i + 1] == ".":
            title_line, title = i + 1, lines[i].strip()
            i += 2
            start = i
            while lines[i] != ".":
                i += 1
            source = "\n".join(lines[start:i]) + "\n"
            i += 1
            start = i
            while lines[i] != ".":
                i += 1
            expected = "\n".join(lines[start:i])
            cases.append((title_line, title, source, expected))
        i += 1
    return cases
