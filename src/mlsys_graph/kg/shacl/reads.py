"""Which predicates a compiled query reads, and slices of a graph that hold what each reads.

A compiled query (:mod:`.compile`) names every predicate it reads: the compiler writes paths
as IRIs, and the SPARQL-based constraints of the bundled shapes have no variable predicate
(a test walks every bundled query's algebra to make sure). So a store that holds only the
triples of those predicates, plus ``rdf:type`` and ``rdfs:subClassOf`` (what targets and
``sh:class`` follow), gives the query the same rows as the whole graph.

:func:`plan_slices` uses that to check a big graph in parts: the queries are grouped into
slices whose predicates cover about the same number of triples, and each slice is loaded,
checked and dropped before the next, so no store ever holds the whole graph.

>>> q = "PREFIX mls: <https://w3id.org/mlsys-graph/ontology#> SELECT * { ?s mls:author/<https://e.org/n> ?o }"
>>> sorted(predicates_in(q))[-2:]
['https://e.org/n', 'https://w3id.org/mlsys-graph/ontology#author']
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .compile import Query

__all__ = ["ALWAYS", "Slice", "plan_slices", "predicates_in", "query_predicates"]

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
#: In every slice: what targets and ``sh:class`` follow (and SPARQL's ``a``).
ALWAYS = frozenset({RDF_TYPE, RDFS_SUBCLASS})

_IRI = re.compile(r"<([^<>\"{}|^`\\\s]*)>")
_PREFIX = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)?:\s*<([^<>]*)>", re.I)
_PNAME = re.compile(r"(?<![\w?$:])([A-Za-z][\w-]*)?:([A-Za-z_][\w-]*)")


def predicates_in(text: str) -> frozenset[str]:
    """Every IRI a SPARQL text names (written ``<…>`` or as a prefixed name), with
    :data:`ALWAYS`: a superset of the predicates it reads when none is a variable."""
    prefixes = dict(_PREFIX.findall(text))
    body = _PREFIX.sub(" ", text)
    found = set(_IRI.findall(body))
    names = _PNAME.findall(_IRI.sub(" ", body))
    found.update(prefixes[p] + local for p, local in names if p in prefixes)
    return frozenset(found) | ALWAYS


def query_predicates(query: Query) -> frozenset[str]:
    """The predicates a compiled query may read: of its text, its guard and the focus checks
    of its branches."""
    texts = [query.text, query.guard or ""]
    texts += [c.focus_check or "" for b in query.branches for c in b.checks]
    return frozenset().union(*(predicates_in(t) for t in texts if t))


@dataclass(frozen=True)
class Slice:
    """The predicates of one part of a graph, and the groups (indexes into what
    :func:`plan_slices` was given) that are checked on it."""

    predicates: frozenset[str]
    groups: tuple[int, ...]


def plan_slices(
    groups: Sequence[Collection[str]], counts: Mapping[str, int], slices: int = 2
) -> list[Slice]:
    """Split ``groups`` (each the predicates one piece of work reads) into at most
    ``slices`` slices with about the same number of triples (``counts``: predicate →
    triples), each group whole in one slice. Biggest groups first, a group is put where the
    biggest slice stays smallest, and among those where it adds the fewest triples
    (predicates the groups of a slice share are loaded once).

    >>> counts = {"a": 50, "b": 40, "c": 10, RDF_TYPE: 20}
    >>> [(sorted(s.predicates - ALWAYS), s.groups) for s in plan_slices([{"a"}, {"b"}, {"b", "c"}], counts)]
    [(['a'], (0,)), (['b', 'c'], (1, 2))]
    """

    def weight(predicates) -> int:
        return sum(counts.get(p, 0) for p in predicates)

    order = sorted(range(len(groups)), key=lambda i: (-weight(set(groups[i]) - ALWAYS), i))
    parts: list[set[str]] = [set(ALWAYS) for _ in range(max(1, slices))]
    sizes = [weight(p) for p in parts]
    members: list[list[int]] = [[] for _ in parts]
    for i in order:
        wanted = set(groups[i])

        def cost(k: int, wanted: set[str] = wanted) -> tuple[int, int, int]:
            grown = weight(parts[k] | wanted)
            biggest = max([grown] + [n for j, n in enumerate(sizes) if j != k])
            return biggest, grown - sizes[k], k  # the biggest slice, then triples added

        best = min(range(len(parts)), key=cost)
        parts[best] |= wanted
        sizes[best] = weight(parts[best])
        members[best].append(i)
    return [Slice(frozenset(p), tuple(sorted(m))) for p, m in zip(parts, members, strict=True) if m]
