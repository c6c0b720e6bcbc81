"""Write query results: SPARQL 1.1 result formats, RDF formats, and aligned tables for people.

SELECT and ASK results are written as SPARQL 1.1 Query Results JSON, CSV, TSV or XML by
pyoxigraph's serializers (streamed, never held in memory), or as a table; CONSTRUCT and
DESCRIBE results as Turtle, N-Triples, JSON-LD or a table of triples. Tables shorten IRIs
with the graph's prefixes and cut long values (``…``): they are for reading, the other
formats for programs.

>>> table_lines(["who", "n"], [["id:person/ada", "3"], ["id:person/bo", "12"]])
['who             n', 'id:person/ada   3', 'id:person/bo    12']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import BinaryIO

from ..errors import QueryUsageError
from .sparql import result_kind
from .store import shorten

__all__ = ["FORMATS", "GRAPH_FORMATS", "SOLUTION_FORMATS", "table_lines", "write_result"]

#: Formats of SELECT and ASK results.
SOLUTION_FORMATS = ("table", "json", "csv", "tsv", "xml")
#: Formats of CONSTRUCT and DESCRIBE results (``json`` is JSON-LD).
GRAPH_FORMATS = ("ttl", "nt", "jsonld", "json", "table")
#: Every ``--format`` of ``mlsys-graph query``.
FORMATS = ("table", "json", "csv", "tsv", "xml", "ttl", "nt", "jsonld")

#: Longest value a table cell shows before cutting it with ``…``.
CELL_WIDTH = 70


def _cell(term, prefixes: Mapping[str, str]) -> str:
    import pyoxigraph as ox

    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        text = shorten(term.value, prefixes)
    elif isinstance(term, ox.BlankNode):
        text = f"_:{term.value}"
    elif isinstance(term, ox.Literal):
        text = term.value
    else:  # RDF-star triples
        text = str(term)
    text = " ".join(text.split())
    return text if len(text) <= CELL_WIDTH else text[: CELL_WIDTH - 1] + "…"


def table_lines(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Aligned lines of text cells: the header, then one line per row."""
    all_rows = [list(header), *(list(r) for r in rows)]
    widths = [max(len(r[i]) for r in all_rows) for i in range(len(header))]
    lines = []
    for row in all_rows:
        cells = [cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=False)]
        lines.append("   ".join([*cells, row[-1]]).rstrip())
    return lines


def write_result(result, out: BinaryIO, fmt: str | None, prefixes: Mapping[str, str]) -> int | None:
    """Write a result of :func:`~mlsys_graph.query.sparql.execute` to ``out`` (bytes).

    ``fmt`` None is a table for SELECT and ASK, Turtle for CONSTRUCT and DESCRIBE. Returns
    the number of rows or triples written when it is known (tables), else None. A format
    that does not fit the result (``csv`` for a CONSTRUCT) raises
    :class:`~mlsys_graph.errors.QueryUsageError`.
    """
    import pyoxigraph as ox

    kind = result_kind(result)
    if kind == "graph":
        fmt = fmt or "ttl"
        if fmt not in GRAPH_FORMATS:
            raise QueryUsageError(
                f"CONSTRUCT and DESCRIBE give triples: use --format ttl, nt, jsonld or table, "
                f"not {fmt}"
            )
        return _write_graph(result, out, fmt, prefixes)
    fmt = fmt or "table"
    if fmt not in SOLUTION_FORMATS:
        raise QueryUsageError(
            f"SELECT and ASK give solutions: use --format table, json, csv, tsv or xml, not {fmt}"
        )
    if fmt != "table":
        result.serialize(out, getattr(ox.QueryResultsFormat, fmt.upper()))
        if fmt in ("json", "xml") or kind == "ask":
            out.write(b"\n")
        return None
    if kind == "ask":
        out.write(b"true\n" if bool(result) else b"false\n")
        return None
    header = [v.value for v in result.variables]
    rows = [[_cell(solution[name], prefixes) for name in header] for solution in result]
    if header:
        out.write(("\n".join(table_lines(header, rows)) + "\n").encode("utf-8"))
    return len(rows)


def _write_graph(triples, out: BinaryIO, fmt: str, prefixes: Mapping[str, str]) -> int | None:
    import pyoxigraph as ox

    if fmt == "table":
        rows = [
            [_cell(t.subject, prefixes), _cell(t.predicate, prefixes), _cell(t.object, prefixes)]
            for t in triples
        ]
        lines = table_lines(["subject", "predicate", "object"], rows)
        out.write(("\n".join(lines) + "\n").encode("utf-8"))
        return len(rows)
    if fmt in ("jsonld", "json"):
        from ..kg.oxi import graph_from_triples
        from ..kg.store import to_jsonld

        rdf_prefixes = {p: ns for p, ns in prefixes.items() if p != "id"}
        out.write(to_jsonld(graph_from_triples(triples), rdf_prefixes).encode("utf-8"))
        return None
    if fmt == "nt":
        ox.serialize(triples, out, ox.RdfFormat.N_TRIPLES)
        return None
    # Turtle: the data namespace as a prefix would escape every '/' (id:paper\/x); leave it out.
    rdf_prefixes = {p: ns for p, ns in prefixes.items() if p != "id"}
    ox.serialize(triples, out, ox.RdfFormat.TURTLE, prefixes=rdf_prefixes)
    return None
