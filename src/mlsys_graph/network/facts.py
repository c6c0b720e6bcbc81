"""Read what the analyses need from a graph in one pass per relation.

:func:`read_facts` scans the store once per predicate (``quads_for_pattern``; no query per
node) and runs one SPARQL SELECT for the lineage claims. It returns plain Python values
(IRIs as strings), so projections never touch RDF terms again. Its parts serve readers
that need less: :func:`read_outline` reads kinds, years, edges and the asserted claims but
no names (what choosing the nodes of a big page needs), :func:`read_nodes` the names of a
few nodes by subject. Numbers are read from their lexical form, so a store that keeps
derived XSD datatypes under their own IRIs (``kg.oxi``'s faithful load) reads the same.

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

from dataclasses import dataclass, field

__all__ = [
    "CLAIM_FOLLOWED",
    "ENTRY_KINDS",
    "KINDS",
    "STRENGTHS",
    "Claim",
    "Facts",
    "NodeInfo",
    "Numbered",
    "Outline",
    "numbered_years",
    "read_claims",
    "read_edges",
    "read_facts",
    "read_kinds",
    "read_labels",
    "read_nodes",
    "read_numbered",
    "read_outline",
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
    ``claims`` are those of ``min_strength`` or stronger (every claim by default).
    """

    nodes: dict[str, NodeInfo]
    edges: dict[str, list[tuple[str, str]]]
    claims: list[Claim]
    names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    min_strength: str = "inferred"

    def of_kind(self, *kinds: str) -> list[str]:
        """Sorted IRIs of the nodes of the given kinds."""
        return sorted(i for i, n in self.nodes.items() if n.kind in kinds)

    def outline(self) -> Outline:
        """The :class:`Outline` of these facts (every claim)."""
        nodes = self.nodes
        years = {i: n.year for i, n in nodes.items() if n.year is not None}
        kinds = {i: n.kind for i, n in nodes.items()}
        return Outline(kinds, years, self.edges, self.claims, self.min_strength)


@dataclass(frozen=True)
class Outline:
    """The shape of a graph without its names: every node's kind and year, the typed
    edges (as in :class:`Facts`, but nodes and edges in no particular order when read by
    :func:`read_outline`), and the lineage claims of ``min_strength`` or stronger.

    What a view needs to choose and score its nodes (:func:`~.project.entity_ties`,
    :func:`~.select.memberships`); the names of the few nodes shown are read afterwards
    (:func:`read_nodes`). :func:`read_outline` reads it from a graph; ``Facts.outline()``
    derives it from facts already read.
    """

    kinds: dict[str, str]
    years: dict[str, int]
    edges: dict[str, list[tuple[str, str]]]
    claims: list[Claim]
    min_strength: str = "inferred"

    def of_kind(self, *kinds: str) -> list[str]:
        """Sorted IRIs of the nodes of the given kinds."""
        return sorted(i for i, k in self.kinds.items() if k in kinds)


@dataclass(frozen=True)
class Numbered:
    """An :class:`Outline` with its nodes numbered, for counting over a whole big graph
    with numpy: node ``i`` is ``iris[i]``, of kind ``KINDS[kind[i]]`` and year ``year[i]``
    (-1: none); ``edges`` maps a relation to its pairs as two arrays of node numbers
    (subjects, objects), in no particular order. Read by :func:`read_numbered`.

    >>> numbered = read_numbered()            # the bundled graph
    >>> numbered.outline().edges.keys() == read_outline().edges.keys()
    True
    """

    iris: list[str]
    kind: object  # numpy int8 array
    year: object  # numpy int32 array
    edges: dict[str, tuple[object, object]]
    claims: list[Claim]
    min_strength: str = "curated"

    def outline(self, nodes=None) -> Outline:
        """The :class:`Outline` of these facts, or of the part between ``nodes`` only
        (a boolean array over the node numbers)."""
        iris, kind, year = self.iris, self.kind, self.year
        if nodes is None:
            import numpy as np

            nodes = np.ones(len(iris), dtype=bool)
        chosen = nodes.nonzero()[0].tolist()
        edges = {}
        for relation, (s, o) in self.edges.items():
            inside = nodes[s] & nodes[o]
            edges[relation] = list(
                zip(
                    [iris[i] for i in s[inside].tolist()],
                    [iris[i] for i in o[inside].tolist()],
                    strict=True,
                )
            )
        kept = {iris[i] for i in chosen}
        return Outline(
            {iris[i]: KINDS[kind[i]] for i in chosen},
            {iris[i]: int(year[i]) for i in chosen if year[i] >= 0},
            edges,
            [c for c in self.claims if c.subject in kept and c.object in kept],
            self.min_strength,
        )


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


#: The predicates :data:`_CLAIMS` follows from a claim (to its evidence, and on to the
#: evidence's document), at most two steps deep (:func:`.built.numbered_from_triples`).
CLAIM_FOLLOWED = (MLS + "evidence", MLS + "inDocument")


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


#: The predicates a node's label, name, title and year are read from, in the order
#: :func:`_node_info` prefers them.
_TITLE, _PERSON_NAME, _ACRONYM, _PREF = (
    DCT + "title",
    FOAF_NAME,
    MLS + "acronym",
    SKOS + "prefLabel",
)
_SHORT, _YEAR = MLS + "shortName", MLS + "year"
_NODE_PREDICATES = (RDFS_LABEL, _TITLE, _SHORT, _YEAR, _PERSON_NAME, _PREF, _ACRONYM)
#: Other names of a node (for :class:`~mlsys_graph.network.names.NameIndex`).
_NAME_PREDICATES = (MLS + "nameVariant", MLS + "fullName", MLS + "githubSlug")


def _node_info(iri: str, kind: str, table: dict[str, list[str]]) -> NodeInfo:
    """One node from its values per predicate (the smallest value of each counts)."""
    get = table.get
    label = min(
        get(_TITLE) or get(_PERSON_NAME) or get(_ACRONYM) or get(_PREF) or get(RDFS_LABEL)
        or [_local(iri)]
    )  # fmt: skip
    name = min(get(_SHORT) or [label])
    year = _year(min(table[_YEAR])) if _YEAR in table else None
    title = min(table[_TITLE]) if _TITLE in table else None
    return NodeInfo(iri, kind, label, name, year, title)


def _tables(store, kinds, predicates, iris=None) -> dict[str, dict[str, list[str]]]:
    """node → predicate → values, for the nodes ``iris`` (default: all of ``kinds``).

    A few nodes are read by subject (one lookup per node and predicate), many by one scan
    per predicate; both give the same values.
    """
    import pyoxigraph as ox

    wanted = kinds if iris is None else {i for i in iris if i in kinds}
    tables: dict[str, dict[str, list[str]]] = {iri: {} for iri in wanted}
    if len(wanted) * 4 < len(kinds):
        named = [(p, ox.NamedNode(p)) for p in predicates]
        for iri in tables:
            table, node = tables[iri], ox.NamedNode(iri)
            for predicate, term in named:
                found = [q.object.value for q in store.quads_for_pattern(node, term, None)]
                if found:
                    table[predicate] = found
    else:
        for predicate in predicates:
            for s, o in _scan(store, predicate):
                table = tables.get(s.value)
                if table is not None:
                    table.setdefault(predicate, []).append(o.value)
    return tables


def read_kinds(source=None, *, ordered: bool = True) -> dict[str, str]:
    """Every analysable node of a graph and its kind (one scan per class), IRIs sorted
    (unless ``ordered=False``: then by class, in the store's order).

    >>> kinds = read_kinds()                  # the bundled graph
    >>> kinds["https://w3id.org/mlsys-graph/id/paper/crankshaw2017-clipper"]
    'paper'
    """
    import pyoxigraph as ox

    from .source import open_graph

    store = open_graph(source)
    kinds: dict[str, str] = {}
    rdf_type = ox.NamedNode(RDF_TYPE)
    for cls, kind in CLASS_KINDS.items():  # one scan per class: authorships, links... never read
        typed = [
            q.subject.value
            for q in store.quads_for_pattern(None, rdf_type, ox.NamedNode(MLS + cls))
        ]
        if not kinds:
            kinds = dict.fromkeys(typed, kind)
            continue
        for iri in typed:
            if iri not in kinds:  # the first class of CLASS_KINDS counts
                kinds[iri] = kind
    return dict(sorted(kinds.items())) if ordered else kinds


#: Where a node's label comes from, in the order :func:`_node_info` prefers them.
_LABEL_PREDICATES = (_TITLE, _PERSON_NAME, _ACRONYM, _PREF, RDFS_LABEL)


def _node_tables_by_subject(store, iris, *, label_only: bool = False):
    """node → predicate → values, what :func:`_node_info` reads, by subject: the label's
    predicates in their order until one has a value (a paper's title ends the search),
    then the short name and year (unless ``label_only``). About half the lookups of
    reading every predicate of every node; the same :class:`NodeInfo`."""
    import pyoxigraph as ox

    chain = [(p, ox.NamedNode(p)) for p in _LABEL_PREDICATES]
    rest = [] if label_only else [(p, ox.NamedNode(p)) for p in (_SHORT, _YEAR)]
    tables: dict[str, dict[str, list[str]]] = {}
    for iri in iris:
        table: dict[str, list[str]] = {}
        node = ox.NamedNode(iri)
        for predicate, term in chain:
            found = [q.object.value for q in store.quads_for_pattern(node, term, None)]
            if found:
                table[predicate] = found
                break
        for predicate, term in rest:
            found = [q.object.value for q in store.quads_for_pattern(node, term, None)]
            if found:
                table[predicate] = found
        tables[iri] = table
    return tables


def read_labels(source, kinds: dict[str, str], iris) -> dict[str, str]:
    """The labels of the nodes ``iris`` (of ``kinds``), as :func:`read_nodes` gives them,
    read by subject with only the lookups a label needs.

    >>> kinds = read_kinds()
    >>> clipper = "https://w3id.org/mlsys-graph/id/paper/crankshaw2017-clipper"
    >>> read_labels(None, kinds, [clipper]) == {clipper: read_nodes(None, kinds, [clipper])[clipper].label}
    True
    """
    from .source import open_graph

    wanted = sorted(i for i in iris if i in kinds)
    tables = _node_tables_by_subject(open_graph(source), wanted, label_only=True)
    return {iri: _node_info(iri, kinds[iri], tables[iri]).label for iri in wanted}


def read_nodes(source, kinds: dict[str, str], iris=None) -> dict[str, NodeInfo]:
    """:class:`NodeInfo` of the nodes ``iris`` (default: every node of ``kinds``, which is
    :func:`read_kinds` of the same graph), IRIs sorted.

    >>> kinds = read_kinds()
    >>> clipper = "https://w3id.org/mlsys-graph/id/paper/crankshaw2017-clipper"
    >>> read_nodes(None, kinds, [clipper]) == {clipper: read_facts().nodes[clipper]}
    True
    """
    from .source import open_graph

    store = open_graph(source)
    if iris is not None:
        wanted = {i for i in iris if i in kinds}
        if len(wanted) * 4 < len(kinds):  # a few nodes: by subject
            tables = _node_tables_by_subject(store, wanted)
            return {iri: _node_info(iri, kinds[iri], tables[iri]) for iri in sorted(tables)}
    tables = _tables(store, kinds, _NODE_PREDICATES, iris)
    return {iri: _node_info(iri, kinds[iri], tables[iri]) for iri in sorted(tables)}


def read_edges(
    source, kinds: dict[str, str], *, ordered: bool = True
) -> dict[str, list[tuple[str, str]]]:
    """relation of :data:`RELATIONS` → ``(subject, object)`` pairs of nodes of ``kinds``
    (one scan per predicate), sorted unless ``ordered=False`` (then in the store's order:
    sorting 750k pairs of IRIs costs seconds that counting degrees does not need)."""
    import pyoxigraph as ox

    from .source import open_graph

    store = open_graph(source)
    edges: dict[str, list[tuple[str, str]]] = {}
    for relation, (predicate, forward) in RELATIONS.items():
        pairs: set[tuple[str, str]] = set()
        add = pairs.add
        for quad in store.quads_for_pattern(None, ox.NamedNode(predicate), None):
            s, o = quad.subject.value, quad.object.value
            if s in kinds and o in kinds:
                add((s, o) if forward else (o, s))
        edges[relation] = sorted(pairs) if ordered else list(pairs)
    return edges


def read_facts(source=None, *, min_strength: str = "inferred") -> Facts:
    """The nodes, edges and lineage claims of a graph.

    Parameters
    ----------
    source : anything :func:`mlsys_graph.network.source.open_graph` accepts, or Facts
        The graph (the bundled one by default). A ``Facts`` is returned as it is.
    min_strength : {"stated", "curated", "inferred"}
        Weakest lineage claim read (default: all of them).

    Returns
    -------
    Facts
    """
    if isinstance(source, Facts):
        return source
    from .source import open_graph

    store = open_graph(source)
    kinds = read_kinds(store)
    tables = _tables(store, kinds, (*_NODE_PREDICATES, *_NAME_PREDICATES))
    nodes = {iri: _node_info(iri, kind, tables[iri]) for iri, kind in kinds.items()}
    names = {}
    for iri, table in tables.items():
        found = {v for predicate, values in table.items() if predicate != _YEAR for v in values}
        if found:
            names[iri] = tuple(sorted(found))
    return Facts(
        nodes,
        read_edges(store, kinds),
        read_claims(store, kinds, min_strength=min_strength),
        names,
        min_strength,
    )


def read_outline(source=None, *, min_strength: str = "curated") -> Outline:
    """The :class:`Outline` of a graph: kinds, years, edges and the claims of
    ``min_strength`` or stronger (default: the asserted ones), without reading names.

    >>> outline = read_outline()              # the bundled graph
    >>> facts = read_facts()
    >>> outline.kinds == {i: n.kind for i, n in facts.nodes.items()}
    True
    >>> {r: sorted(pairs) for r, pairs in outline.edges.items()} == facts.edges
    True
    """
    from .source import open_graph

    store = open_graph(source)
    kinds = read_kinds(store, ordered=False)  # in no order, as the edges
    texts: dict[str, str] = {}
    for s, o in _scan(store, _YEAR):
        iri, text = s.value, o.value
        if iri in kinds and (iri not in texts or text < texts[iri]):
            texts[iri] = text  # the smallest text counts, as in read_nodes
    years = {i: _year(t) for i, t in texts.items()}
    return Outline(
        kinds,
        {i: y for i, y in years.items() if y is not None},
        read_edges(store, kinds, ordered=False),
        read_claims(store, kinds, min_strength=min_strength),
        min_strength,
    )


def read_numbered(source=None, *, min_strength: str = "curated") -> Numbered:
    """The :class:`Numbered` outline of a graph: what :func:`read_outline` reads, with
    the edges kept as arrays of node numbers instead of pairs of IRIs (at 100k entries,
    750k pairs: tuples of strings cost seconds to make and to walk). An edge joins two
    nodes (IRIs): a literal object is none, even one whose text is a node's IRI.

    ``source`` may also be built :class:`~mlsys_graph.kg.triples.Triples`: then they are
    read as they are (:func:`.built.numbered_from_triples`), with no store of all of them."""
    import numpy as np
    import pyoxigraph as ox

    from ..kg.triples import Triples
    from .source import open_graph

    if isinstance(source, Triples):  # as built: no store of the whole graph
        from .built import numbered_from_triples

        return numbered_from_triples(source, min_strength=min_strength)
    store = open_graph(source)
    kinds = read_kinds(store, ordered=False)
    iris = list(kinds)
    index = {iri: i for i, iri in enumerate(iris)}
    code = {k: i for i, k in enumerate(KINDS)}
    kind = np.array([code[k] for k in kinds.values()], dtype=np.int8)
    dated = [
        (index.get(q.subject.value, -1), q.object.value)
        for q in store.quads_for_pattern(None, ox.NamedNode(_YEAR), None)
    ]
    year = numbered_years(dated, len(iris))
    edges = {}
    # The pairs come as the store's SPARQL TSV (written in Rust, terms as in N-Triples:
    # an IRI is <iri>, never escaped; tabs and newlines inside literals are), numbered by
    # their <iri> bytes: a third cheaper than a Python object per quad.
    get = {f"<{iri}>".encode(): i for i, iri in enumerate(iris)}.get
    for relation, (predicate, forward) in RELATIONS.items():
        rows = store.query(f"SELECT ?s ?o WHERE {{ ?s <{predicate}> ?o }}")
        cells = rows.serialize(format=ox.QueryResultsFormat.TSV).replace(b"\n", b"\t")
        found = [get(cell, -1) for cell in cells.split(b"\t")[2:-1]]  # after the header
        pairs = np.array(found, dtype=np.int64).reshape(-1, 2)
        pairs = pairs[(pairs >= 0).all(axis=1)]
        s, o = pairs[:, 0].copy(), pairs[:, 1].copy()
        edges[relation] = (s, o) if forward else (o, s)
    claims = read_claims(store, kinds, min_strength=min_strength)
    return Numbered(iris, kind, year, edges, claims, min_strength)


def numbered_years(dated, count: int):
    """The year of each of ``count`` numbered nodes (a numpy int32 array, -1: none) from
    ``(node number, year text)`` pairs (a negative number: no node): when a node has
    several, the smallest text counts, as in :func:`read_nodes`.

    >>> numbered_years([(0, "2019"), (0, "2018-05"), (2, "soon"), (-1, "2001")], 3).tolist()
    [2018, -1, -1]
    """
    import numpy as np

    texts: dict[int, str] = {}
    for i, text in dated:
        if i >= 0 and (i not in texts or text < texts[i]):
            texts[i] = text
    year = np.full(count, -1, dtype=np.int32)
    for i, text in texts.items():
        y = _year(text)
        if y is not None:
            year[i] = y
    return year


def read_claims(source, nodes, *, min_strength: str = "inferred") -> list[Claim]:
    """The lineage claims between nodes (a mapping or set of IRIs), sorted.

    With ``min_strength`` "stated" or "curated", only claims of that strength or a stronger
    one are read, and the store's query starts from them: a graph of many inferred
    candidates costs little when they are not wanted. ("inferred": every claim, also one
    with no strength or an unknown one.)

    >>> kinds = read_kinds()
    >>> [c.strength for c in read_claims(None, kinds, min_strength="curated")][:1]
    ['stated']
    """
    from .source import open_graph

    if min_strength not in STRENGTHS:
        raise ValueError(f"min_strength must be one of {', '.join(STRENGTHS)}: {min_strength!r}")
    store = open_graph(source)
    query = _CLAIMS
    if min_strength != "inferred":  # only claims of the wanted strengths, found first
        wanted = " ".join(f'"{s}"' for s in STRENGTHS[: STRENGTHS.index(min_strength) + 1])
        query = query.replace(
            "?claim a mls:LineageClaim ;",
            f"VALUES ?strength {{ {wanted} }} ?claim mls:strength ?strength . "
            "?claim a mls:LineageClaim ;",
        ).replace("OPTIONAL { ?claim mls:strength ?strength }", "")
    found: dict[str, Claim] = {}
    for row in store.query(query):
        (
            iri,
            subject,
            rel,
            obj,
            strength,
            evidence,
            elabel,
            file,
            line,
            text,
            phrase,
            reason,
            rule,
        ) = (None if term is None else term.value for term in row)
        if subject not in nodes or obj not in nodes or iri in found:
            continue
        where = f"{file}:{line}" if file and line else file or elabel or evidence
        found[iri] = Claim(
            iri=iri,
            subject=subject,
            relation=_local(rel),
            object=obj,
            strength=strength or "inferred",
            evidence=where,
            file=file,
            line=int(line) if line else None,
            source_text=text,
            phrase=phrase,
            reason=reason,
            rule=_local(rule) if rule else None,
        )
    return sorted(found.values(), key=lambda c: (c.subject, c.object, c.relation, c.iri))
