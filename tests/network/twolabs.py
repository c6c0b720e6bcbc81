"""The invented two-labs graph of the analytics tests (fixtures/two-labs.ttl)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

TWO_LABS = Path(__file__).parent / "fixtures" / "two-labs.ttl"
ID = "https://w3id.org/mlsys-graph/id/"


@cache
def load_facts():
    """The graph's facts, read once per test session."""
    from mlsys_graph.network.facts import read_facts

    return read_facts(TWO_LABS)
