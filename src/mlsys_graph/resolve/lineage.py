"""Lineage: which system builds on which, and on what evidence.

*Stated* relations come from phrases in an entry's own summary, where X must be the short
name of another entry: a later version or successor ("update version of X", "successor of
X", "extends X", "follow-up to X" → *extends*), a dependency ("built on X", "based on X" →
*buildsOn*), a use ("using X" → *uses*). A name that several entries carry is one target:
the entry of the subject's own kind, else the first by key. *Inferred* candidates (shared
authors, same topic, later year) are kept apart and never asserted as fact; a curated claim
replaces one only with a checkable source (``dcterms:source``).

>>> texts = {"inferline": ("InferLine", "update version of Clipper"),
...          "clipper": ("Clipper", "Adaptive batch"),
...          "placer": (None, "Using REINFORCE learn a policy")}
>>> claims, misses = stated_lineage(texts)
>>> [(c.subject, c.relation, c.object, c.phrase) for c in claims]
[('inferline', 'extends', 'clipper', 'update version of Clipper')]
>>> [(m.subject, m.phrase, m.reason) for m in misses]
[('placer', 'Using REINFORCE', "'REINFORCE' is not the name of an entry")]
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

__all__ = [
    "MAX_INFERRED_PER_ENTRY",
    "PATTERNS",
    "RELATIONS",
    "LineageClaim",
    "NearMiss",
    "inferred_lineage",
    "load_curated_lineage",
    "stated_lineage",
]

#: The relations a claim may state (the local names of mls:extends, mls:buildsOn, mls:uses).
RELATIONS = ("extends", "buildsOn", "uses")

#: (relation, rule name, regular expression of the cue phrase before the name).
PATTERNS: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    (
        "extends",
        "phrase-extends",
        re.compile(
            r"\b(?:(?:an?\s+)?(?:updated?|new(?:er)?|improved)\s+version\s+of"
            r"|successor\s+(?:of|to)"
            r"|extends|extending|extension\s+(?:of|to)"
            r"|follow[- ]up\s+(?:of|to|on)"
            r"|improves\s+(?:on|upon))\s+",
            re.I,
        ),
    ),
    (
        "buildsOn",
        "phrase-builds-on",
        re.compile(r"\b(?:built\s+(?:on\s+top\s+of|upon|on)|based\s+on)\s+", re.I),
    ),
    ("uses", "phrase-uses", re.compile(r"\b(?:using|uses|use\s+of)\s+", re.I)),
)


@dataclass(frozen=True, slots=True)
class LineageClaim:
    """``subject`` relation ``object`` (later → earlier for *extends*; dependent → dependency
    for *buildsOn* and *uses*). ``sources`` are the checkable sources (IRIs) of a curated claim."""

    subject: str
    relation: str
    object: str
    strength: str
    rule: str
    phrase: str | None = None
    reason: str | None = None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class NearMiss:
    """A cue phrase whose target is not an entry; nothing was asserted."""

    subject: str
    phrase: str
    reason: str


def _name_index(texts: Mapping[str, tuple[str | None, str | None]]) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for key, (name, _summary) in sorted(texts.items()):
        if name:
            index.setdefault(name.casefold(), []).append(key)
    return index


#: Where a name may end: the next character is not a word character or ``-``.
_NAME_END = re.compile(r"[^\w-]")


class _NameMatcher:
    """The longest name of an entry that a text starts with (case-insensitively, and not
    followed by a word character or ``-``), found by dictionary lookups.

    A name can only end where the text has a character other than a word character or
    ``-`` (or where the text ends), so the candidate ends are few; each candidate prefix is
    looked up by its case fold, longest first. Names of equal length keep the order of
    :func:`_name_index`. The cost per cue is a few lookups, whatever the number of names
    (one regular expression per name made it grow with the list).
    """

    def __init__(self, index: Mapping[str, list[str]]) -> None:
        names = sorted(index, key=len, reverse=True)
        self.order = {name: i for i, name in enumerate(names)}
        self.by_fold: dict[str, list[str]] = {}
        for name in names:
            self.by_fold.setdefault(name.casefold(), []).append(name)
        self.longest = len(names[0]) if names else 0

    def match(self, rest: str) -> str | None:
        if not self.longest:
            return None
        head = rest[: self.longest + 1]
        ends = [m.start() for m in _NAME_END.finditer(head)]
        if len(head) <= self.longest:
            ends.append(len(head))
        for end in sorted({e for e in ends if e > 0}, reverse=True):
            found = [n for n in self.by_fold.get(head[:end].casefold(), ()) if len(n) == end]
            if found:
                return min(found, key=self.order.__getitem__)
        return None


def _target(keys: list[str], subject: str) -> list[str]:
    """The one entry a name in ``subject``'s summary points at, among the entries carrying it:
    one of the subject's own kind (the key's first part), else the first by key."""
    others = [k for k in keys if k != subject]
    kind = subject.split("/", 1)[0]
    same = [k for k in others if k.split("/", 1)[0] == kind]
    return (same or others)[:1]


def stated_lineage(
    texts: Mapping[str, tuple[str | None, str | None]],
) -> tuple[list[LineageClaim], list[NearMiss]]:
    """Relations stated in summaries. ``texts`` maps entry key → (short name, summary)."""
    index = _name_index(texts)
    matcher = _NameMatcher(index)
    claims: set[LineageClaim] = set()
    misses: list[NearMiss] = []
    for key, (own_name, summary) in sorted(texts.items()):
        if not summary:
            continue
        for relation, rule, pattern in PATTERNS:
            for m in pattern.finditer(summary):
                rest = summary[m.end() :]
                target = matcher.match(rest)
                if target is None:
                    word = re.match(r"\.?[\w+-]+(?:\.[\w+-]+)*", rest)
                    shown = word.group(0) if word else rest[:20]
                    misses.append(
                        NearMiss(
                            key,
                            (m.group(0) + shown).strip(),
                            f"'{shown}' is not the name of an entry",
                        )
                    )
                    continue
                phrase = (m.group(0) + rest[: len(target)]).strip()
                for obj in _target(index[target], key):
                    if obj == key or (own_name and own_name.casefold() == target):
                        continue
                    claims.add(LineageClaim(key, relation, obj, "stated", rule, phrase))
    return sorted(claims, key=lambda c: (c.subject, c.relation, c.object)), misses


#: At most this many inferred candidates per later entry (the most recent earlier ones).
MAX_INFERRED_PER_ENTRY = 5


def inferred_lineage(
    entries: Iterable[tuple[str, int | None, frozenset[str], frozenset[str]]],
    stated: Iterable[LineageClaim] = (),
    min_shared_authors: int = 1,
    max_per_entry: int | None = MAX_INFERRED_PER_ENTRY,
) -> list[LineageClaim]:
    """Candidates: a later entry sharing authors and a topic with an earlier one.

    ``entries`` are (key, year, person keys, topic keys). Pairs already stated are skipped.
    Each later entry keeps at most ``max_per_entry`` candidates (``None``: all): the most
    recent earlier entries, ties by key. Candidates are found only through shared
    (person, topic) pairs, so the work grows with the entries' authors, not with every pair
    of entries.
    """
    known = {(c.subject, c.object) for c in stated}
    known_per_subject = Counter(subject for subject, _ in known)
    rows = sorted(e for e in entries if e[1] is not None and e[2] and e[3])
    # (person, topic) → entries, most recent first, ties by key; and beside each posting
    # its negated years alone, which bisect compares as ints
    by_pair: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for key, year, people, topics in rows:
        entry = (-year, key)
        for person in people:
            for topic in topics:
                posting = by_pair.get((person, topic))
                if posting is None:
                    by_pair[(person, topic)] = [entry]
                else:
                    posting.append(entry)
    postings: dict[tuple[str, str], tuple[list[tuple[int, str]], list[int]]] = {}
    for pair, posting in by_pair.items():
        posting.sort()
        postings[pair] = (posting, [neg_year for neg_year, _ in posting])
    del by_pair
    row_of = {row[0]: row for row in rows}
    claims = []
    bisect_right = bisect.bisect_right
    for later, year_l, people_l, topics_l in rows:
        take = None
        if max_per_entry is not None and min_shared_authors <= 1:
            take = max_per_entry + known_per_subject[later]  # skipped pairs make room
        found: set[tuple[int, str]] = set()
        for person in people_l:
            for topic in topics_l:
                posting, neg_years = postings[(person, topic)]
                # the entries of earlier years: after every entry of year_l or later
                start = bisect_right(neg_years, -year_l)
                if start == len(posting):
                    continue
                found.update(posting[start:] if take is None else posting[start : start + take])
        if not found:
            continue
        kept = 0
        for _neg_year, earlier in sorted(found):
            if (later, earlier) in known:
                continue
            _, year_e, people_e, topics_e = row_of[earlier]
            shared = people_l & people_e
            if len(shared) < min_shared_authors:
                continue
            claims.append(
                LineageClaim(
                    later,
                    "extends",
                    earlier,
                    "inferred",
                    "shared-authors-topic-later-year",
                    reason=(
                        f"shares {', '.join(sorted(shared))}; topic "
                        f"{', '.join(sorted(topics_l & topics_e))}; {year_e} → {year_l}"
                    ),
                )
            )
            kept += 1
            if max_per_entry is not None and kept >= max_per_entry:
                break
    return sorted(claims, key=lambda c: (c.subject, c.object))


def load_curated_lineage(path=None) -> list[LineageClaim]:
    """Curated claims of ``data/lineage.ttl`` (entry keys relative to the data namespace).

    Raises :class:`~mlsys_graph.errors.SourceError` naming the file when a claim lacks a
    subject, object, relation or reason.
    """
    from pathlib import Path

    from rdflib import Graph, Namespace, URIRef
    from rdflib.namespace import DCTERMS, RDF

    from ..errors import SourceError
    from ..kg.iri import key_of
    from ..resources import data_file

    path = Path(path) if path is not None else data_file("lineage.ttl")
    if not path.is_file():
        return []
    mls = Namespace("https://w3id.org/mlsys-graph/ontology#")
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as exc:
        raise SourceError(
            str(path), getattr(exc, "lineno", None), f"not valid Turtle: {exc}"
        ) from None
    shown = f"data/{path.name}"
    claims = []
    for node in graph.subjects(RDF.type, mls.LineageClaim):
        subject = graph.value(node, mls.claimSubject)
        obj = graph.value(node, mls.claimObject)
        relation = graph.value(node, mls.claimRelation)
        reason = graph.value(node, mls.reason)
        sources = sorted(str(o) for o in graph.objects(node, DCTERMS.source))
        if None in (subject, obj, relation, reason):
            raise SourceError(
                shown,
                None,
                "a curated claim needs mls:claimSubject, mls:claimObject, "
                "mls:claimRelation and mls:reason",
            )
        checkable = [
            o
            for o in graph.objects(node, DCTERMS.source)
            if isinstance(o, URIRef) and str(o).startswith(("https://", "http://"))
        ]
        if not checkable or len(checkable) != len(sources):
            raise SourceError(
                shown,
                None,
                f"the curated claim {key_of(subject)} → {key_of(obj)} needs dcterms:source, "
                "the IRI of a source a reader can check (a paper's arXiv or DOI page, a URL): "
                "curation never promotes a claim without one",
            )
        name = str(relation).removeprefix(str(mls))
        if name not in RELATIONS:
            raise SourceError(
                shown,
                None,
                f"unknown relation {relation}; use mls:extends, mls:buildsOn or mls:uses",
            )
        claims.append(
            LineageClaim(
                key_of(subject),
                name,
                key_of(obj),
                "curated",
                shown,
                reason=str(reason),
                sources=tuple(sources),
            )
        )
    return sorted(claims, key=lambda c: (c.subject, c.relation, c.object))
