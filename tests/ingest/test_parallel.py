"""A long list is read on two CPUs: the same entries and problems, in the same order."""

from __future__ import annotations

import pytest

import mlsys_graph.ingest as ingest
from conftest import SEED_LIST
from mlsys_graph import forked
from mlsys_graph.ingest.sources import Source

ODD = """# A list

## Serving

- Tarn: fast serving [[GitHub]](https://github.com/acme/tarn)
- [Paper A](https://arxiv.org/abs/1901.00001). Ada Lovelace, Alan Turing. NSDI 2019
- [Paper A](https://arxiv.org/abs/1901.00001). Ada Lovelace. NSDI 2019
- [bad](javascript:alert(1)): a link no one should follow
                                - deep? no, indented code
- ```
- [Paper B](https://example.org/b) Grace Hopper, UC Berkeley. OSDI'18

| Name | Paper |
|---|---|
| Kiln | [Kiln paper](https://example.org/kiln) |
"""


def _both_ways(monkeypatch, sources):
    monkeypatch.setattr(ingest, "PARALLEL_MIN_ITEMS", 10**9)
    one = ingest.parse_sources(sources)
    monkeypatch.setattr(ingest, "PARALLEL_MIN_ITEMS", 2)
    calls = []
    start = forked.start
    monkeypatch.setattr(forked, "start", lambda *a: calls.append(a) or start(*a))
    two = ingest.parse_sources(sources)
    return one, two, calls


def test_read_in_two_halves_it_is_the_same(monkeypatch):
    text = "\n".join([ODD] * 30)
    one, two, calls = _both_ways(monkeypatch, [Source("a/README.md", text)])
    assert calls, "the second half was not forked"
    assert len(one.entries) > 60 and one == two


@pytest.mark.skipif(not SEED_LIST.is_file(), reason="../shared/seeds is absent")
def test_the_seed_read_in_two_halves_is_the_same(monkeypatch):
    sources = [Source(str(SEED_LIST), SEED_LIST.read_text(encoding="utf-8"))]
    one, two, _calls = _both_ways(monkeypatch, sources)
    assert one == two


def test_a_failed_child_is_read_here(monkeypatch):
    start = forked.start

    def broken(*args):
        return start(lambda: 1 / 0)

    text = "\n".join([ODD] * 10)
    monkeypatch.setattr(ingest, "PARALLEL_MIN_ITEMS", 10**9)
    one = ingest.parse_sources([Source("x.md", text)])
    monkeypatch.setattr(ingest, "PARALLEL_MIN_ITEMS", 2)
    monkeypatch.setattr(forked, "start", broken)
    assert ingest.parse_sources([Source("x.md", text)]) == one


def test_without_fork_it_reads_everything_here(monkeypatch):
    monkeypatch.setattr(forked, "available_cpus", lambda: 1)
    monkeypatch.setattr(ingest, "PARALLEL_MIN_ITEMS", 2)
    text = "\n".join([ODD] * 5)
    result = ingest.parse_sources([Source("x.md", text)])
    monkeypatch.setattr(ingest, "PARALLEL_MIN_ITEMS", 10**9)
    assert result == ingest.parse_sources([Source("x.md", text)])
