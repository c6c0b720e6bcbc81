"""``why``: every fact about an entry, with its source line and the rule or file behind it.

The answer is the named SPARQL query ``why`` (``query/queries/why.rq``) run with the
entry bound, through the same query layer (pyoxigraph) as every named query, so the CLI
and a SPARQL user get the same rows.
"""

from __future__ import annotations

from rdflib import URIRef

from ..query.sparql import as_store, named_query, run_query
from . import iri

__all__ = ["explain", "find_entries"]


def find_entries(source, text: str) -> list[tuple[URIRef, str]]:
    """Entries whose IRI, IRI tail, short name or title equals ``text`` (case-insensitive).

    ``source``: an rdflib Graph, a pyoxigraph Store or a query.store.GraphStore.
    """
    rows = run_query(source, named_query("find-entry"), {"text": text})
    return [(row["entry"], str(row["label"])) for row in rows]


def _short(term) -> str:
    return iri.key_of(term)


def explain(source, text: str) -> list[dict]:
    """For each matching entry: its IRI, label and facts (``fact``, ``value``, ``file``,
    ``line``, ``raw``, ``by``, ``detail``). ``source`` as for :func:`find_entries`."""
    store = as_store(source)
    answers = []
    for entry, label in find_entries(store, text):
        rows = run_query(store, named_query("why"), {"entry": entry})
        facts = []
        seen = set()
        for row in rows:
            fact = {
                "fact": str(row["fact"]),
                "value": str(row["value"]),
                "file": str(row.get("file", "")) or None,
                "line": int(row["line"]) if "line" in row else None,
                "raw": str(row["raw"]) if "raw" in row else None,
                "by": _short(row["by"]) if "by" in row else None,
                "detail": str(row["detail"]) if "detail" in row else None,
            }
            key = tuple(sorted((k, str(v)) for k, v in fact.items()))
            if key not in seen:
                seen.add(key)
                facts.append(fact)
        answers.append({"entry": str(entry), "label": label, "facts": facts})
    return answers
