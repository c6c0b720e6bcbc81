"""The entries as one table, and counted across two facets: topic × year, topic × venue,
year × venue (the timeline), systems with and without code per topic.

Everything is read from :func:`~.facts.read_facts` (a graph source or ``Facts``) and
returned as pandas DataFrames (the optional ``analysis`` extra), rows and columns sorted,
so a notebook prints or plots them as they are.

Topics: an entry counts under the topics it is filed under (``dcterms:subject``); with
``rollup=True`` under their broadest topics instead (those with no broader topic), so a
heatmap of a deep scheme stays readable. An entry under two topics counts in both rows.

>>> from mlsys_graph.network.testing import tiny_facts
>>> topic_years(tiny_facts())  # doctest: +NORMALIZE_WHITESPACE
year   2017  2018  2019
topic
X         1     0     0
Y         0     1     1
"""

from __future__ import annotations

from collections import defaultdict

from .facts import ENTRY_KINDS, Facts, read_facts
from .tables import _pandas

__all__ = [
    "NO_VENUE",
    "OTHER_VENUES",
    "entries_frame",
    "systems_frame",
    "timeline",
    "topic_code",
    "topic_venues",
    "topic_years",
]

#: The venue column of entries published nowhere the graph knows.
NO_VENUE = "(no venue)"
#: The column of the venues :func:`timeline` counts together.
OTHER_VENUES = "(other venues)"
#: The topic row of entries filed under no topic.
NO_TOPIC = "(no topic)"


def _roots(facts: Facts) -> dict[str, set[str]]:
    """topic → its broadest topics (itself when it has no broader one)."""
    up: dict[str, set[str]] = defaultdict(set)
    for narrow, broad in facts.edges.get("broader", []):
        up[narrow].add(broad)
    found: dict[str, set[str]] = {}

    def roots(topic: str, seen: frozenset[str]) -> set[str]:
        if topic in found:
            return found[topic]
        parents = [b for b in up.get(topic, ()) if b not in seen]
        out = set().union(*(roots(b, seen | {topic}) for b in parents)) if parents else {topic}
        found[topic] = out
        return out

    for topic in facts.of_kind("topic"):
        roots(topic, frozenset())
    return found


def entries_frame(source=None, *, rollup: bool = False, kinds=ENTRY_KINDS):
    """One row per entry and topic: what the cross tables count.

    Parameters
    ----------
    source : graph source or Facts
        The graph (default: the bundled one).
    rollup : bool
        Count an entry under its broadest topics instead of the ones it is filed under.
    kinds : sequence of str
        Entry kinds to keep (default: every kind of entry).

    Returns
    -------
    pandas.DataFrame
        Columns ``entry`` (IRI), ``name``, ``kind``, ``year`` (nullable integer),
        ``venue`` (acronym, or :data:`NO_VENUE`), ``topic`` (label, or ``(no topic)``),
        ``has_code`` (the entry links a repository); sorted by topic, year, name.

    Examples
    --------
    >>> from mlsys_graph.network.testing import tiny_facts
    >>> entries_frame(tiny_facts())[["name", "year", "topic", "has_code"]]
      name  year topic  has_code
    0    A  2017     X     False
    1    B  2018     Y     False
    2    C  2019     Y     False
    """
    pandas = _pandas()
    facts = read_facts(source)
    nodes = facts.nodes
    roots = _roots(facts) if rollup else {}
    topics: dict[str, set[str]] = defaultdict(set)
    for entry, topic in facts.edges.get("about-topic", []):
        topics[entry] |= roots.get(topic, {topic})
    venues: dict[str, list[str]] = defaultdict(list)
    for entry, venue in facts.edges.get("published-at", []):
        venues[entry].append(nodes[venue].label)
    with_code = {entry for entry, _ in facts.edges.get("has-code", [])}
    rows = []
    for iri in facts.of_kind(*kinds):
        node = nodes[iri]
        labels = sorted(nodes[t].label for t in topics.get(iri, ())) or [NO_TOPIC]
        venue = sorted(venues[iri])[0] if venues.get(iri) else NO_VENUE
        for topic in labels:
            rows.append((iri, node.name, node.kind, node.year, venue, topic, iri in with_code))
    frame = pandas.DataFrame.from_records(
        rows, columns=["entry", "name", "kind", "year", "venue", "topic", "has_code"]
    )
    frame["year"] = frame["year"].astype("Int64")
    frame = frame.sort_values(["topic", "year", "name", "entry"], na_position="last")
    return frame.reset_index(drop=True)


def _count(frame, rows: str, columns: str, *, distinct: str = "entry"):
    pandas = _pandas()
    kept = frame.dropna(subset=[rows, columns]).drop_duplicates([rows, columns, distinct])
    table = pandas.crosstab(kept[rows], kept[columns])
    table = table.sort_index(axis=0).sort_index(axis=1)
    table.index.name, table.columns.name = rows, columns
    return table


def topic_years(source=None, *, rollup: bool = False, kinds=ENTRY_KINDS):
    """Entries per topic (rows) and year (columns); entries without a year are left out.

    Every year between the first and the last is a column, also one without entries, so
    a heatmap's x axis is true to time.

    Examples
    --------
    >>> from mlsys_graph.network.testing import tiny_facts
    >>> topic_years(tiny_facts()).loc["Y"].tolist()
    [0, 1, 1]
    """
    frame = entries_frame(source, rollup=rollup, kinds=kinds)
    frame = frame[frame["year"].notna()].astype({"year": int})
    table = _count(frame, "topic", "year")
    if len(table.columns):
        years = range(int(table.columns.min()), int(table.columns.max()) + 1)
        table = table.reindex(columns=list(years), fill_value=0)
        table.columns.name = "year"
    return table


def topic_venues(source=None, *, rollup: bool = False, kinds=ENTRY_KINDS):
    """Entries per topic (rows) and venue (columns), only entries published at a venue.

    Examples
    --------
    >>> from mlsys_graph.network.testing import tiny_facts
    >>> topic_venues(tiny_facts()).shape          # no entry of the tiny graph has a venue
    (0, 0)
    """
    frame = entries_frame(source, rollup=rollup, kinds=kinds)
    return _count(frame[frame["venue"] != NO_VENUE], "topic", "venue")


def timeline(source=None, *, kinds=("paper",), top_venues: int | None = None):
    """Entries per year (rows) and venue (columns, :data:`NO_VENUE` included): the papers
    of the list in time. Every year between the first and the last is a row.

    ``top_venues`` keeps the venues with the most entries (ties by name) as columns and
    counts the others together in an :data:`OTHER_VENUES` column (last).

    Examples
    --------
    >>> from mlsys_graph.network.testing import tiny_facts
    >>> timeline(tiny_facts())  # doctest: +NORMALIZE_WHITESPACE
    venue  (no venue)
    year
    2017            1
    2018            1
    2019            1
    """
    frame = entries_frame(source, kinds=kinds)
    frame = frame[frame["year"].notna()].astype({"year": int})
    table = _count(frame, "year", "venue")
    if top_venues is not None and len(table.columns) > top_venues:
        totals = sorted(table.columns, key=lambda v: (-int(table[v].sum()), str(v)))
        kept, rest = sorted(totals[:top_venues]), totals[top_venues:]
        table = table[kept].assign(**{OTHER_VENUES: table[rest].sum(axis=1)})
        table.columns.name = "venue"
    if len(table.index):
        years = range(int(table.index.min()), int(table.index.max()) + 1)
        table = table.reindex(index=list(years), fill_value=0)
        table.index.name = "year"
    return table


def systems_frame(source=None, *, rollup: bool = False):
    """One row per system and topic: the named artifacts entries describe.

    A system is under the topics of the entries that describe it; it ``has_code`` when a
    repository implements it or an entry describing it links one.

    Returns
    -------
    pandas.DataFrame
        Columns ``system`` (IRI), ``name``, ``topic``, ``has_code``, sorted by topic, name.
    """
    pandas = _pandas()
    facts = read_facts(source)
    nodes = facts.nodes
    roots = _roots(facts) if rollup else {}
    topics: dict[str, set[str]] = defaultdict(set)
    for entry, topic in facts.edges.get("about-topic", []):
        topics[entry] |= roots.get(topic, {topic})
    code = {system for _, system in facts.edges.get("implements", [])}
    with_code = {entry for entry, _ in facts.edges.get("has-code", [])}
    system_topics: dict[str, set[str]] = defaultdict(set)
    for entry, system in facts.edges.get("describes", []):
        if nodes[system].kind != "system":
            continue
        system_topics[system] |= topics.get(entry, set())
        if entry in with_code:
            code.add(system)
    rows = []
    for system in facts.of_kind("system"):
        labels = sorted(nodes[t].label for t in system_topics.get(system, ())) or [NO_TOPIC]
        for topic in labels:
            rows.append((system, nodes[system].name, topic, system in code))
    frame = pandas.DataFrame.from_records(rows, columns=["system", "name", "topic", "has_code"])
    return frame.sort_values(["topic", "name", "system"]).reset_index(drop=True)


def topic_code(source=None, *, rollup: bool = False):
    """Systems per topic with code (a repository) and without: columns ``with code``,
    ``without code``, ``share with code``; rows sorted by topic.

    Examples
    --------
    >>> from mlsys_graph.network.testing import tiny_facts
    >>> topic_code(tiny_facts()).empty                   # the tiny graph has no systems
    True
    """
    pandas = _pandas()
    frame = systems_frame(source, rollup=rollup)
    rows = []
    for topic, group in frame.groupby("topic", sort=True):
        with_code = int(group["has_code"].sum())
        total = len(group)
        rows.append((topic, with_code, total - with_code, round(with_code / total, 3)))
    table = pandas.DataFrame.from_records(
        rows, columns=["topic", "with code", "without code", "share with code"]
    )
    return table.set_index("topic")
