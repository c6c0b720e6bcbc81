"""Read what the analyses need from a graph in one pass per relation.

:func:`read_facts` scans the store once per predicate (``quads_for_pattern``; no query per
node) and runs one SPARQL SELECT for the lineage claims. It returns plain Python values
(IRIs as strings), so projections never touch RDF terms again.

Only the analysable nodes are kept (:data:`KINDS`): entries, people, venues, repositories,
systems and topics. Source records, authorships, links, claims and classes never become
nodes, so literal, class and provenance hubs cannot skew a centrality.

>>> facts = read_facts()                      # the bundled graph
>>> facts.nodes["https://w3id.org/mlsys-graph/id/paper/crankshaw2017-clipper"].name
'Clipper'
>>> [c.relation for c in facts.claims][:1]
['extends']
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

__all__ = [
    "ENTRY_KINDS",
    "KINDS",
    "STRENGTHS",
    "Claim",
    "Facts",
    "NodeInfo",
    "read_facts",
    "strength_rank",
]

MLS = "https://w3id.org/mlsys-graph/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
DCT = "http://purl.org/dc/terms/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
FOAF_NAME = "http://xmlns.com/foaf/0.1/name"

#: ``mls:`` class → node kind. Venue subclasses are all ``venue``.
CLASS_KINDS = {
    "Paper": "paper",
    "Thesis": "thesis",
    "Book": "book",
    "Video": "video",
    "Course": "course",
    "Blog": "blog",
    "Website": "website",
    "SoftwareProject": "software",
    "OtherResource": "other",
    "Person": "person",
    "Venue": "venue",
    "Conference": "venue",
    "Journal": "venue",
    "Workshop": "venue",
    "PreprintServer": "venue",
    "PreprintCategory": "venue",
    "Repository": "repository",
    "System": "system",
    "Topic": "topic",
}
#: The kinds of entries (the list's items).
ENTRY_KINDS = ("paper", "thesis", "book", "video", "course", "blog", "website", "software", "other")
#: Every node kind, in display order.
KINDS = (*ENTRY_KINDS, "person", "venue", "repository", "system", "topic")

#: Lineage strengths from strongest to weakest. ``stated``: the list's own text says so
#: (a matched phrase on a source line); ``curated``: a maintainer asserts it in ``data/``
#: with a reason; ``inferred``: a candidate a rule guessed, never asserted as a fact.
STRENGTHS = ("stated", "curated", "inferred")


def strength_rank(strength: str) -> int:
    """Higher is stronger: stated 3, curated 2, inferred 1, anything else 0.

    >>> sorted(STRENGTHS, key=strength_rank)
    ['inferred', 'curated', 'stated']
    """
    return len(STRENGTHS) - STRENGTHS.index(strength) if strength in STRENGTHS else 0


@dataclass(frozen=True)
class NodeInfo:
    """One analysable node: its IRI, kind, label (title, name, acronym), short name, year."""

    iri: str
    kind: str
    label: str
    name: str
    year: int | None = None
    title: str | None = None

    def attrs(self) -> dict[str, object]:
        """Node attributes for networkx, without empty values (GraphML has no null)."""
        out: dict[str, object] = {
            "iri": self.iri,
            "kind": self.kind,
            "label": self.label,
            "name": self.name,
        }
        if self.year is not None:
            out["year"] = self.year
        return out


@dataclass(frozen=True)
class Claim:
    """A lineage claim: ``subject`` (later, or user) ``relation`` ``object`` (earlier, or used).

    ``relation`` is the local name of ``mls:claimRelation`` (``extends``, ``buildsOn``,
    ``uses``, any new one), read generically. ``evidence`` is where the claim rests:
    ``file:line`` of a source record or the path of a curation file.
    """

    iri: str
    subject: str
    relation: str
    object: str
    strength: str
    evidence: str | None = None
    file: str | None = None
    line: int | None = None
    source_text: str | None = None
    phrase: str | None = None
    reason: str | None = None
    rule: str | None = None

    def attrs(self) -> dict[str, object]:
        """Edge attributes for networkx, without empty values."""
        values = {
            "relation": self.relation,
            "strength": self.strength,
            "claim": self.iri,
            "evidence": self.evidence,
            "file": self.file,
            "line": self.line,
            "source_text": self.source_text,
            "phrase": self.phrase,
            "reason": self.reason,
            "rule": self.rule,
        }
        return {k: v for k, v in values.items() if v is not None}


@dataclass(frozen=True)
class Facts:
    """The analysable part of a graph: nodes, typed edges and lineage claims.

    ``edges`` maps a relation name to sorted ``(subject, object)`` IRI pairs whose ends are
    both nodes. ``names`` maps a node to its other names (name variants, titles, slugs).
    """

    nodes: dict[str, NodeInfo]
    edges: dict[str, list[tuple[str, str]]]
    claims: list[Claim]
    names: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def of_kind(self, *kinds: str) -> list[str]:
        """Sorted IRIs of the nodes of the given kinds."""
        return sorted(i for i, n in self.nodes.items() if n.kind in kinds)


#: Relation name of the entities view → the predicate it is read from and its direction
#: (``True``: the triple's subject is the relation's subject).
RELATIONS = {
    "authored": (MLS + "author", False),  # person authored entry (triple: entry mls:author person)
    "published-at": (MLS + "publishedIn", True),
    "has-code": (MLS + "codeRepository", True),
    "about-topic": (DCT + "subject", True),
    "describes": (MLS + "describes", True),
    "implements": (MLS + "implements", True),
    "broader": (SKOS + "broader", True),
}

_CLAIMS = """
PREFIX mls: <https://w3id.org/mlsys-graph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?claim ?s ?rel ?o ?strength ?evidence ?elabel ?file ?line ?text ?phrase ?reason ?rule
WHERE {
  ?claim a mls:LineageClaim ; mls:claimSubject ?s ; mls:claimRelation ?rel ;
         mls:claimObject ?o .
  OPTIONAL { ?claim mls:strength ?strength }
  OPTIONAL { ?claim mls:matchedPhrase ?phrase }
  OPTIONAL { ?claim mls:reason ?reason }
  OPTIONAL { ?claim mls:derivedBy ?rule }
  OPTIONAL { ?claim mls:evidence ?evidence .
             OPTIONAL { ?evidence rdfs:label ?elabel }
             OPTIONAL { ?evidence mls:line ?line }
             OPTIONAL { ?evidence mls:sourceText ?text }
             OPTIONAL { ?evidence mls:filePath ?file }
             OPTIONAL { ?evidence mls:inDocument/mls:filePath ?file } }
}
"""


def _scan(store, predicate: str):
    import pyoxigraph as ox

    for quad in store.quads_for_pattern(None, ox.NamedNode(predicate), None):
        yield quad.subject, quad.object


def _year(text: str) -> int | None:
    digits = text[:4]
    return int(digits) if digits.isdigit() else None


def _local(iri: str) -> str:
    for sep in ("#", "/"):
        if sep in iri:
            iri = iri.rsplit(sep, 1)[1]
    return iri


def read_facts(source=None) -> Facts:
    """The nodes, edges and lineage claims of a graph.

    Parameters
    ----------
    source : anything :func:`mlsys_graph.network.source.open_graph` accepts, or Facts
        The graph (the bundled one by default). A ``Facts`` is returned as it is.

    Returns
    -------
    Facts
    """
    if isinstance(source, Facts):
        return source
    from .source import open_graph

    store = open_graph(source)
    import pyoxigraph as ox

    kinds: dict[str, str] = {}
    rdf_type = ox.NamedNode(RDF_TYPE)
    for cls, kind in CLASS_KINDS.items():  # one scan per class: authorships, links... never read
        for quad in store.quads_for_pattern(None, rdf_type, ox.NamedNode(MLS + cls)):
            kinds.setdefault(quad.subject.value, kind)

    def values(predicate: str) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for s, o in _scan(store, predicate):
            if s.value in kinds:
                out[s.value].append(o.value)
        return {k: sorted(v) if len(v) > 1 else v for k, v in out.items()}

    labels = values(RDFS_LABEL)
    titles = values(DCT + "title")
    short = values(MLS + "shortName")
    years = values(MLS + "year")
    person_names = values(FOAF_NAME)
    pref = values(SKOS + "prefLabel")
    acronyms = values(MLS + "acronym")
    nodes = {}
    for iri in sorted(kinds):
        label = (
            (titles.get(iri) or person_names.get(iri) or acronyms.get(iri) or pref.get(iri))
            or labels.get(iri)
            or [_local(iri)]
        )[0]
        name = (short.get(iri) or [label])[0]
        year = _year(years[iri][0]) if iri in years else None
        title = titles[iri][0] if iri in titles else None
        nodes[iri] = NodeInfo(iri, kinds[iri], label, name, year, title)

    edges: dict[str, list[tuple[str, str]]] = {}
    for relation, (predicate, forward) in RELATIONS.items():
        pairs = set()
        for s, o in _scan(store, predicate):
            if s.value in nodes and getattr(o, "value", None) in nodes:
                pairs.add((s.value, o.value) if forward else (o.value, s.value))
        edges[relation] = sorted(pairs)

    names: dict[str, set[str]] = defaultdict(set)
    for table in (labels, titles, short, person_names, pref, acronyms):
        for iri, texts in table.items():
            names[iri].update(texts)
    for predicate in (MLS + "nameVariant", MLS + "fullName", MLS + "githubSlug"):
        for iri, texts in values(predicate).items():
            names[iri].update(texts)

    return Facts(
        nodes,
        edges,
        _read_claims(store, nodes),
        {k: tuple(sorted(v)) for k, v in sorted(names.items())},
    )


def _read_claims(store, nodes) -> list[Claim]:
    found: dict[str, Claim] = {}
    for row in store.query(_CLAIMS):

        def get(name, row=row):
            term = row[name]
            return None if term is None else term.value

        iri, subject, obj = get("claim"), get("s"), get("o")
        if subject not in nodes or obj not in nodes or iri in found:
            continue
        line = get("line")
        file = get("file")
        evidence = get("evidence")
        where = f"{file}:{line}" if file and line else file or get("elabel") or evidence
        rule = get("rule")
        found[iri] = Claim(
            iri=iri,
            subject=subject,
            relation=_local(get("rel")),
            object=obj,
            strength=get("strength") or "inferred",
            evidence=where,
            file=file,
            line=int(line) if line else None,
            source_text=get("text"),
            phrase=get("phrase"),
            reason=get("reason"),
            rule=_local(rule) if rule else None,
        )
    return sorted(found.values(), key=lambda c: (c.subject, c.object, c.relation, c.iri))
