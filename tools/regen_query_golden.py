"""Regenerate the golden files of the named queries (tests/query/).

    python tools/regen_query_golden.py

Rebuilds tests/query/fixtures/graph.ttl from the invented list tests/query/fixtures/list.md
(no summaries' full text, as the bundled graph) and writes the expected results of every
case of tests/query/golden/cases.toml as SPARQL 1.1 TSV. Read the diff before committing:
the golden tests pass by construction right after this runs.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

from mlsys_graph.kg.store import to_turtle, write_atomic
from mlsys_graph.pipeline import build
from mlsys_graph.query.sparql import get_query
from mlsys_graph.query.store import open_store

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "query" / "fixtures"
GOLDEN = ROOT / "tests" / "query" / "golden"


def tsv(store, name: str, params: dict[str, str]) -> str:
    """The TSV results of a named query (shared with the test)."""
    import pyoxigraph as ox

    from mlsys_graph.query.sparql import execute

    query = get_query(name)
    result = execute(store, query.text, query.bindings(params), name=query.path)
    return result.serialize(format=ox.QueryResultsFormat.TSV).decode("utf-8")


def main() -> int:
    result = build([str(FIXTURES / "list.md")], include_summaries=False)
    if result.failures:
        print(f"the fixture graph does not conform: {result.failures[:3]}", file=sys.stderr)
        return 1
    write_atomic(FIXTURES / "graph.ttl", to_turtle(result.graph))
    store = open_store([FIXTURES / "graph.ttl"])
    cases = tomllib.loads((GOLDEN / "cases.toml").read_text(encoding="utf-8"))["case"]
    for case in cases:
        write_atomic(GOLDEN / case["expected"], tsv(store, case["query"], case["params"]))
    print(f"wrote {FIXTURES / 'graph.ttl'} and {len(cases)} golden files", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
