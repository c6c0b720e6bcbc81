"""Lineage: which system builds on which, and on what evidence.

*Stated* relations come from phrases in an entry's own summary ("update version of X",
"successor of X", "extends X", "built on X", "based on X" → *extends*; "using X" →
*uses*), where X must be the short name of another entry. *Inferred* candidates (shared
authors, same topic, later year) are kept apart and never asserted as fact.

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

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

__all__ = [
    "PATTERNS",
    "LineageClaim",
    "NearMiss",
    "inferred_lineage",
    "load_curated_lineage",
    "stated_lineage",
]

#: (relation, rule name, regular expression of the cue phrase before the name).
PATTERNS: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    (
        "extends",
        "phrase-extends",
        re.compile(
            r"\b(?:(?:an?\s+)?(?:updated?|new(?:er)?|improved)\s+version\s+of"
            r"|successor\s+(?:of|to)"
            r"|extends|extending|extension\s+(?:of|to)"
            r"|built\s+(?:on\s+top\s+of|upon|on)"
            r"|based\s+on"
            r"|follow[- ]up\s+(?:of|to|on)"
            r"|improves\s+(?:on|upon))\s+",
            re.I,
        ),
    ),
    ("usesMethodIn", "phrase-uses", re.compile(r"\b(?:using|uses|use\s+of)\s+", re.I)),
)


@dataclass(frozen=True, slots=True)
class LineageClaim:
    """``subject`` relation ``object`` (later → earlier for *extends*; user → used for *uses*)."""

    subject: str
    relation: str
    object: str
    strength: str
    rule: str
    phrase: str | None = None
    reason: str | None = None


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


def stated_lineage(
    texts: Mapping[str, tuple[str | None, str | None]],
) -> tuple[list[LineageClaim], list[NearMiss]]:
    """Relations stated in summaries. ``texts`` maps entry key → (short name, summary)."""
    index = _name_index(texts)
    names = sorted(index, key=len, reverse=True)
    claims: set[LineageClaim] = set()
    misses: list[NearMiss] = []
    for key, (own_name, summary) in sorted(texts.items()):
        if not summary:
            continue
        for relation, rule, pattern in PATTERNS:
            for m in pattern.finditer(summary):
                rest = summary[m.end() :]
                target = next(
                    (n for n in names if re.match(rf"{re.escape(n)}(?![\w-])", rest, re.I)),
                    None,
                )
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
                for obj in index[target]:
                    if obj == key or (own_name and own_name.casefold() == target):
                        continue
                    claims.add(LineageClaim(key, relation, obj, "stated", rule, phrase))
    return sorted(claims, key=lambda c: (c.subject, c.relation, c.object)), misses


def inferred_lineage(
    entries: Iterable[tuple[str, int | None, frozenset[str], frozenset[str]]],
    stated: Iterable[LineageClaim] = (),
    min_shared_authors: int = 1,
) -> list[LineageClaim]:
    """Candidates: a later entry sharing authors and a topic with an earlier one.

    ``entries`` are (key, year, person keys, topic keys). Pairs already stated are skipped.
    """
    known = {(c.subject, c.object) for c in stated}
    rows = sorted(e for e in entries if e[1] is not None and e[2] and e[3])
    claims = []
    for later, year_l, people_l, topics_l in rows:
        for earlier, year_e, people_e, topics_e in rows:
            if year_e >= year_l or (later, earlier) in known:
                continue
            shared = people_l & people_e
            if len(shared) >= min_shared_authors and topics_l & topics_e:
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
    return claims


def load_curated_lineage(path=None) -> list[LineageClaim]:
    """Curated claims of ``data/lineage.ttl`` (entry keys relative to the data namespace).

    Raises :class:`~mlsys_graph.errors.SourceError` naming the file when a claim lacks a
    subject, object, relation or reason.
    """
    from pathlib import Path

    from rdflib import Graph, Namespace
    from rdflib.namespace import RDF

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
        if None in (subject, obj, relation, reason):
            raise SourceError(
                shown,
                None,
                "a curated claim needs mls:claimSubject, mls:claimObject, "
                "mls:claimRelation and mls:reason",
            )
        name = str(relation).removeprefix(str(mls))
        if name not in ("extends", "usesMethodIn"):
            raise SourceError(
                shown, None, f"unknown relation {relation}; use mls:extends or mls:usesMethodIn"
            )
        claims.append(
            LineageClaim(
                key_of(subject),
                name,
                key_of(obj),
                "curated",
                shown,
                reason=str(reason),
            )
        )
    return sorted(claims, key=lambda c: (c.subject, c.relation, c.object))
