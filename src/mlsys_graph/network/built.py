"""Read a graph as built (:class:`~mlsys_graph.kg.triples.Triples`) without a store of all of it.

The readers of :mod:`.facts` and :mod:`.details` read a pyoxigraph store. A store of a
100,000-entry graph (10 M triples) costs about 3.5 GB, more than the rest of a build; the
page ``build`` draws needs only an outline of every node (kinds, years, edges, the
asserted claims) and the details of the few thousand it draws. So:

* :func:`numbered_from_triples` reads the :class:`~.facts.Numbered` outline straight from
  the packed triples with numpy (what :func:`~.facts.read_numbered` reads from a store);
* :func:`store_around` loads a store of only the triples that readers walking from some
  nodes can reach (:meth:`~mlsys_graph.kg.triples.Triples.around`), in which
  :func:`~.facts.read_nodes`, :func:`~.details.read_details` and
  :func:`~.details.source_documents` find what they find in a store of the whole graph.

>>> from mlsys_graph.network.facts import read_numbered
>>> from mlsys_graph.pipeline import build
>>> triples = build(validate=False).triples                  # the bundled graph
>>> numbered, stored = numbered_from_triples(triples), read_numbered()
>>> sorted(numbered.iris) == sorted(stored.iris), numbered.claims == stored.claims
(True, True)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .details import FOLLOWED
from .facts import (
    CLAIM_FOLLOWED,
    CLASS_KINDS,
    KINDS,
    MLS,
    RDF_TYPE,
    RELATIONS,
    STRENGTHS,
    Numbered,
    numbered_years,
    read_claims,
)

if TYPE_CHECKING:  # pragma: no cover
    import pyoxigraph

    from ..kg.triples import Triples

__all__ = ["AROUND_DEPTH", "numbered_from_triples", "store_around"]

_YEAR = MLS + "year"
_STRENGTH = MLS + "strength"
_CLAIM_CLASS = MLS + "LineageClaim"
_DOCUMENT_CLASS = MLS + "SourceDocument"

#: How far the details of a node are from it: an entry's authorships, links, list lines
#: and venue are one step away, the people of its authorships and the documents of its
#: list lines two (:data:`~.details.FOLLOWED`); a claim's evidence is one step away and
#: the evidence's document two (:data:`~.facts.CLAIM_FOLLOWED`).
AROUND_DEPTH = 2


def _with_predicate(triples: Triples, predicate: str):
    """The packed triples of one predicate (a numpy array; empty when none has it)."""
    import numpy as np

    from ..kg.triples import P_MASK, P_SHIFT

    packed = triples.packed()
    number = triples.predicate_number(predicate)
    if number is None:
        return np.zeros(0, dtype=np.uint64)
    of = (packed >> np.uint64(P_SHIFT)) & np.uint64(P_MASK)
    return packed[of == np.uint64(number)]


def _ends(chosen):
    """Subject and object term numbers of packed triples (int64 arrays)."""
    import numpy as np

    from ..kg.triples import O_MASK, S_SHIFT

    return (
        (chosen >> np.uint64(S_SHIFT)).astype(np.int64),
        (chosen & np.uint64(O_MASK)).astype(np.int64),
    )


def _typed(triples: Triples, typed, classes: Iterable[str]) -> dict[str, object]:
    """class IRI → the term numbers of its instances (from the ``rdf:type`` triples
    ``typed``), for the classes that have any."""
    import numpy as np

    subjects, objects = _ends(typed)
    numbers = triples.term_numbers(classes)
    return {c: np.unique(subjects[objects == n]) for c, n in numbers.items()}


def numbered_from_triples(triples: Triples, *, min_strength: str = "curated") -> Numbered:
    """The :class:`~.facts.Numbered` outline of built triples: the nodes, kinds, years,
    edges and claims :func:`~.facts.read_numbered` reads from a store of them (the nodes
    numbered in another order: by kind's class, then term number).

    The claims are read by :func:`~.facts.read_claims` from a store of only the claims of
    ``min_strength`` or stronger and what they point to along
    :data:`~.facts.CLAIM_FOLLOWED` (:meth:`~mlsys_graph.kg.triples.Triples.around`).
    """
    import numpy as np

    if min_strength not in STRENGTHS:
        raise ValueError(f"min_strength must be one of {', '.join(STRENGTHS)}: {min_strength!r}")
    terms, _preds = triples.tables()
    typed = _typed(triples, _with_predicate(triples, RDF_TYPE), [MLS + c for c in CLASS_KINDS])
    node_of = np.full(len(terms), -1, dtype=np.int64)  # term number → node number
    numbers: list[int] = []
    kind_codes: list[int] = []
    code = {k: i for i, k in enumerate(KINDS)}
    for cls, kind in CLASS_KINDS.items():  # the first class of CLASS_KINDS counts
        found = typed.get(MLS + cls)
        if found is None:
            continue
        new = found[node_of[found] < 0].tolist()
        node_of[new] = np.arange(len(numbers), len(numbers) + len(new))
        numbers.extend(new)
        kind_codes.extend([code[kind]] * len(new))
    iris = [terms[t] for t in numbers]
    kind = np.array(kind_codes, dtype=np.int8)
    subjects, objects = _ends(_with_predicate(triples, _YEAR))
    texts = (t if type(t) is str else t.lexical for t in (terms[o] for o in objects.tolist()))
    year = numbered_years(zip(node_of[subjects].tolist(), texts, strict=True), len(iris))
    edges = {}
    for relation, (predicate, forward) in RELATIONS.items():
        subjects, objects = _ends(_with_predicate(triples, predicate))
        s, o = node_of[subjects], node_of[objects]  # a literal object is no node
        both = (s >= 0) & (o >= 0)
        s, o = s[both], o[both]
        edges[relation] = (s, o) if forward else (o, s)
    kinds = dict(zip(iris, (KINDS[k] for k in kind_codes), strict=True))
    claims = read_claims(_claims_store(triples, min_strength), kinds, min_strength=min_strength)
    return Numbered(iris, kind, year, edges, claims, min_strength)


def _claims_store(triples: Triples, min_strength: str) -> pyoxigraph.Store:
    """A store of the claims :func:`~.facts.read_claims` reads at ``min_strength`` (every
    claim for "inferred"; else those of a wanted strength) and what they point to."""
    import numpy as np

    if min_strength == "inferred":
        typed = _typed(triples, _with_predicate(triples, RDF_TYPE), [_CLAIM_CLASS])
        seeds = typed.get(_CLAIM_CLASS, np.zeros(0, dtype=np.int64))
    else:
        wanted = set(STRENGTHS[: STRENGTHS.index(min_strength) + 1])
        terms = triples.tables()[0]
        subjects, objects = _ends(_with_predicate(triples, _STRENGTH))
        values = np.unique(objects).tolist()
        chosen = [v for v in values if type(terms[v]) is not str and terms[v].lexical in wanted]
        seeds = np.unique(subjects[np.isin(objects, chosen)])
    return _store(triples.around(seeds.tolist(), AROUND_DEPTH, CLAIM_FOLLOWED))


def store_around(triples: Triples, iris: Iterable[str], *, depth: int = AROUND_DEPTH):
    """A pyoxigraph store of the triples that readers starting from the nodes ``iris``
    reach in ``depth`` steps along :data:`~.details.FOLLOWED`
    (:meth:`~mlsys_graph.kg.triples.Triples.around`), and of the source documents
    (:func:`~.details.source_documents`): for those nodes, :func:`~.facts.read_nodes` and
    :func:`~.details.read_details` read from it what they read from a store of every
    triple.

    >>> from mlsys_graph.network.details import read_details
    >>> from mlsys_graph.pipeline import build
    >>> triples = build(validate=False).triples                  # the bundled graph
    >>> clipper = "https://w3id.org/mlsys-graph/id/paper/crankshaw2017-clipper"
    >>> small = store_around(triples, [clipper])
    >>> len(small) < len(triples) // 50
    True
    >>> read_details(small, iris=[clipper]) == read_details(iris=[clipper])
    True
    """
    import numpy as np

    numbers = list(triples.term_numbers(iris).values())
    typed = _typed(triples, _with_predicate(triples, RDF_TYPE), [_DOCUMENT_CLASS])
    numbers.extend(typed.get(_DOCUMENT_CLASS, np.zeros(0, dtype=np.int64)).tolist())
    return _store(triples.around(numbers, depth, FOLLOWED))


def _store(triples: Triples) -> pyoxigraph.Store:
    from ..kg.oxi import store_from_triples

    return store_from_triples(triples)
