"""Names → nodes: short names, titles, people's names and variants, venue aliases, IRIs.

Matching ignores case, accents and punctuation (``"inferline"`` finds *InferLine: ML
Inference Pipeline Composition Framework* by its short name). A name that several nodes
carry is narrowed by two general rules, in order:

1. only nodes of the kinds the caller can use (``kinds=``; the lineage view has entries
   only, so the *system* Clipper gives way to the *paper*);
2. an entry and the artifacts it is linked to by ``describes`` or ``has-code``, or a
   repository and the system it ``implements``, are one thing: the entry (or repository)
   stays.

What is left over is :class:`AmbiguousName` (its ``candidates`` list every node); no
match at all is :class:`UnknownName` (its ``suggestions`` are the closest names).

>>> from mlsys_graph.network.testing import tiny_facts
>>> index = NameIndex(tiny_facts())
>>> index.resolve("ann a")
'id/a-person'
>>> index.resolve("Anne A")
Traceback (most recent call last):
...
mlsys_graph.network.names.UnknownName: no node named 'Anne A'; did you mean: Ann A?
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable

from ..errors import MlsysGraphError
from .facts import Facts, read_facts

__all__ = ["AmbiguousName", "NameIndex", "UnknownName", "name_key", "resolve_name"]

_WORD = re.compile(r"[^\W_]+")
#: Relations whose object is the same thing as their subject, for naming purposes.
_SAME_THING = ("describes", "has-code", "implements")


def name_key(text: str) -> str:
    """The matching key of a name: accents dropped, casefolded, words joined by one space.

    >>> name_key("  Ré-Sys:  the  SYSTEM ")
    're sys the system'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_WORD.findall(stripped.casefold()))


class UnknownName(MlsysGraphError, LookupError):
    """No node carries the name; ``suggestions`` are the closest known names."""

    def __init__(self, name: str, suggestions: list[str]) -> None:
        self.name = name
        self.suggestions = suggestions
        hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no node named {name!r}{hint}")


class AmbiguousName(MlsysGraphError, LookupError):
    """Several nodes carry the name; ``candidates`` are ``(iri, kind, label)`` for each."""

    def __init__(self, name: str, candidates: list[tuple[str, str, str]]) -> None:
        self.name = name
        self.candidates = candidates
        from ..kg.iri import key_of

        listed = "; ".join(f"{key_of(iri)} ({kind}: {label})" for iri, kind, label in candidates)
        super().__init__(
            f"{name!r} names {len(candidates)} nodes: {listed}; give one of these keys or an IRI"
        )


class NameIndex:
    """Every name of every analysable node of a graph, ready to resolve.

    Parameters
    ----------
    source : graph source or Facts
        The graph (default: the bundled one).
    aliases : bool
        Also index the venue table's aliases (``data/venues.toml``) for venue nodes.
    """

    def __init__(self, source=None, *, aliases: bool = True) -> None:
        self.facts: Facts = read_facts(source)
        self._by_key: dict[str, set[str]] = defaultdict(set)
        self._shown: dict[str, str] = {}
        for iri, node in self.facts.nodes.items():
            self._add(iri, [node.label, node.name, *self.facts.names.get(iri, ())])
        if aliases:
            self._add_venue_aliases()
        self._same: dict[str, set[str]] = defaultdict(set)
        for relation in _SAME_THING:
            for subject, obj in self.facts.edges.get(relation, []):
                self._same[subject].add(obj)

    def _add(self, iri: str, names: Iterable[str]) -> None:
        for text in names:
            key = name_key(text)
            if key:
                self._by_key[key].add(iri)
                self._shown.setdefault(key, text)

    def _add_venue_aliases(self) -> None:
        from ..ingest.venues import default_table
        from ..kg import iri as mint

        for venue in default_table():
            node = str(mint.venue(venue.key))
            if node in self.facts.nodes:
                self._add(node, venue.spellings)

    def candidates(self, name: str, kinds: Iterable[str] | None = None) -> list[str]:
        """Every node the name could mean, after the two narrowing rules (sorted IRIs)."""
        from ..kg.iri import BASE

        text = name.strip()
        for iri in (text, BASE + text):
            if iri in self.facts.nodes:
                return [iri]
        found = set(self._by_key.get(name_key(text), ()))
        if kinds is not None:
            allowed = set(kinds)
            found = {n for n in found if self.facts.nodes[n].kind in allowed}
        if len(found) > 1:
            artifacts = {a for n in found for a in self._same.get(n, ()) if a in found}
            if artifacts and found - artifacts:
                found -= artifacts
        return sorted(found)

    def resolve(self, name: str, kinds: Iterable[str] | None = None) -> str:
        """The one node ``name`` means.

        Raises
        ------
        UnknownName
            No node of the allowed kinds has this name.
        AmbiguousName
            Several do, and the rules cannot tell them apart.
        """
        kinds = None if kinds is None else tuple(kinds)
        found = self.candidates(name, kinds)
        if len(found) == 1:
            return found[0]
        if found:
            nodes = self.facts.nodes
            raise AmbiguousName(name, [(n, nodes[n].kind, nodes[n].label) for n in found])
        raise UnknownName(name, self.suggest(name, kinds))

    def suggest(self, name: str, kinds: Iterable[str] | None = None, n: int = 5) -> list[str]:
        """The closest known names (difflib), as the graph writes them."""
        allowed = None if kinds is None else set(kinds)
        keys = [
            k
            for k, nodes in self._by_key.items()
            if allowed is None or any(self.facts.nodes[i].kind in allowed for i in nodes)
        ]
        close = difflib.get_close_matches(name_key(name), sorted(keys), n=n, cutoff=0.6)
        return [self._shown[k] for k in close]


def resolve_name(name: str, source=None, *, kinds: Iterable[str] | None = None) -> str:
    """The IRI of the node ``name`` means in a graph (see :class:`NameIndex`).

    >>> resolve_name("clipper", kinds=["paper"])
    'https://w3id.org/mlsys-graph/id/paper/crankshaw2017-clipper'
    """
    return NameIndex(source).resolve(name, kinds)
