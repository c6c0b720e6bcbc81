"""A SHACL shapes graph read into frozen records: shapes, targets and constraint components.

The reader knows exactly the SHACL that :mod:`.compile` implements and refuses anything else
with :class:`~mlsys_graph.errors.UnsupportedShapes` naming the shape and the parameter, so a
shape can never be skipped silently. Shapes are found the way pySHACL finds them: declared
``sh:NodeShape``/``sh:PropertyShape`` nodes, subjects of targets, ``sh:property`` and
``sh:node``, and values of the shape-expecting parameters.

>>> from rdflib import Graph
>>> g = Graph().parse(format="turtle", data='''
... @prefix sh: <http://www.w3.org/ns/shacl#> .
... @prefix ex: <https://example.org/> .
... ex:S a sh:NodeShape ; sh:targetClass ex:C ;
...     sh:property [ sh:path ex:p ; sh:minCount 1 ; sh:message "needs a p" ] .
... ''')
>>> shapes = read_shapes(g)
>>> [str(s.node) for s in shapes.targeted()]
['https://example.org/S']
>>> [prop] = [shapes.shapes[p] for p in shapes.shapes[URIRef("https://example.org/S")].properties]
>>> prop.path_text, prop.constraints
('https://example.org/p', (MinCount(count=1),))
>>> read_shapes(Graph().parse(format="turtle", data='''
... @prefix sh: <http://www.w3.org/ns/shacl#> .
... <https://example.org/S> sh:targetNode <https://example.org/x> ; sh:closed true .
... '''))  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
mlsys_graph.errors.UnsupportedShapes: shape <https://example.org/S>: sh:closed is not implemented ...
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rdflib import OWL, RDF, RDFS, BNode, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH, XSD

from ...errors import UnsupportedShapes
from .paths import Path, path_text, read_path

if TYPE_CHECKING:  # pragma: no cover
    from rdflib import Graph
    from rdflib.term import Node

__all__ = [
    "And",
    "ClassOf",
    "Datatype",
    "Disjoint",
    "Equals",
    "HasValue",
    "In",
    "LessThan",
    "MaxCount",
    "MaxLength",
    "MinCount",
    "MinLength",
    "NodeKind",
    "NodeRef",
    "Not",
    "Or",
    "Pattern",
    "Qualified",
    "Shape",
    "Shapes",
    "Sparql",
    "SparqlText",
    "Targets",
    "Xone",
    "read_shapes",
]


@dataclass(frozen=True)
class SparqlText:
    """A ``sh:select`` query with the prefixes its ``sh:prefixes`` declare."""

    node: Node
    select: str
    prefixes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Targets:
    """Where a shape finds its focus nodes."""

    classes: tuple[URIRef, ...] = ()
    nodes: tuple[Node, ...] = ()
    subjects_of: tuple[URIRef, ...] = ()
    objects_of: tuple[URIRef, ...] = ()
    sparql: tuple[SparqlText, ...] = ()

    def __bool__(self) -> bool:
        return bool(
            self.classes or self.nodes or self.subjects_of or self.objects_of or self.sparql
        )


# --- constraint components ------------------------------------------------------------------


@dataclass(frozen=True)
class MinCount:
    count: int


@dataclass(frozen=True)
class MaxCount:
    count: int


@dataclass(frozen=True)
class Datatype:
    datatype: URIRef


@dataclass(frozen=True)
class ClassOf:
    cls: URIRef


@dataclass(frozen=True)
class NodeKind:
    kind: URIRef


@dataclass(frozen=True)
class In:
    values: tuple[Node, ...]


@dataclass(frozen=True)
class HasValue:
    value: Node


@dataclass(frozen=True)
class Pattern:
    pattern: str
    flags: str = ""


@dataclass(frozen=True)
class MinLength:
    length: int


@dataclass(frozen=True)
class MaxLength:
    length: int


@dataclass(frozen=True)
class NodeRef:
    shape: Node


@dataclass(frozen=True)
class Not:
    shape: Node


@dataclass(frozen=True)
class Or:
    shapes: tuple[Node, ...]


@dataclass(frozen=True)
class And:
    shapes: tuple[Node, ...]


@dataclass(frozen=True)
class Xone:
    shapes: tuple[Node, ...]


@dataclass(frozen=True)
class Qualified:
    shape: Node
    min_count: int | None
    max_count: int | None
    #: With ``sh:qualifiedValueShapesDisjoint``: the qualified shapes of the sibling property
    #: shapes, which a counted value must not conform to.
    siblings: tuple[Node, ...] = ()


@dataclass(frozen=True)
class Equals:
    prop: URIRef


@dataclass(frozen=True)
class Disjoint:
    prop: URIRef


@dataclass(frozen=True)
class LessThan:
    prop: URIRef
    or_equal: bool = False


@dataclass(frozen=True)
class Sparql:
    """A SPARQL-based constraint (``sh:sparql``)."""

    query: SparqlText
    messages: tuple[Literal, ...] = ()


Constraint = (
    MinCount
    | MaxCount
    | Datatype
    | ClassOf
    | NodeKind
    | In
    | HasValue
    | Pattern
    | MinLength
    | MaxLength
    | NodeRef
    | Not
    | Or
    | And
    | Xone
    | Qualified
    | Equals
    | Disjoint
    | LessThan
    | Sparql
)


@dataclass(frozen=True)
class Shape:
    """One node or property shape."""

    node: Node
    #: The property path; None for a node shape.
    path: Path | None
    #: The path as :attr:`~mlsys_graph.kg.validate.Violation.path` text.
    path_text: str | None
    targets: Targets
    constraints: tuple[Constraint, ...]
    #: The property shapes of ``sh:property``.
    properties: tuple[Node, ...]
    severity: URIRef
    messages: tuple[Literal, ...]
    deactivated: bool = False

    @property
    def is_property_shape(self) -> bool:
        return self.path is not None

    def name(self) -> str:
        return self.node.n3()


@dataclass(frozen=True)
class Shapes:
    """Every shape of a shapes graph, by node."""

    shapes: dict[Node, Shape] = field(default_factory=dict)

    def targeted(self) -> list[Shape]:
        """The shapes validation starts from (with targets, not deactivated), in IRI order."""
        found = [s for s in self.shapes.values() if s.targets and not s.deactivated]
        return sorted(found, key=lambda s: (isinstance(s.node, BNode), str(s.node)))

    def __getitem__(self, node: Node) -> Shape:
        try:
            return self.shapes[node]
        except KeyError:
            raise UnsupportedShapes(f"{node.n3()} is used as a shape but is not one") from None


# --- reading ---------------------------------------------------------------------------------

_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)
_SHAPE_VALUED = (SH.property, SH.node, SH["not"], SH.qualifiedValueShape)
_SHAPE_LISTS = (SH["or"], SH["and"], SH.xone)
#: Predicates of a shape that are not constraints: structure and annotations.
_STRUCTURE = {
    RDF.type,
    SH.path,
    SH.property,
    SH.message,
    SH.severity,
    SH.deactivated,
    SH.name,
    SH.description,
    SH.order,
    SH.group,
    SH.defaultValue,
    *_TARGETS,
}
#: Parameters read together with another one.
_COMPANIONS = {
    SH.flags: SH.pattern,
    SH.qualifiedMinCount: SH.qualifiedValueShape,
    SH.qualifiedMaxCount: SH.qualifiedValueShape,
    SH.qualifiedValueShapesDisjoint: SH.qualifiedValueShape,
}
_NODE_KINDS = {
    SH.IRI,
    SH.Literal,
    SH.BlankNode,
    SH.BlankNodeOrIRI,
    SH.BlankNodeOrLiteral,
    SH.IRIOrLiteral,
}
#: SHACL features of the whole shapes graph that the oxigraph engine does not run.
_UNSUPPORTED_TYPES = {
    SH.ConstraintComponent: "custom constraint components",
    SH.SPARQLFunction: "SHACL-AF functions",
    SH.SPARQLRule: "SHACL-AF rules",
    SH.TripleRule: "SHACL-AF rules",
    SH.TargetType: "SHACL-AF target types",
    SH.SPARQLTargetType: "SHACL-AF target types",
    SH.JSTarget: "SHACL-JS",
    SH.JSConstraint: "SHACL-JS",
}
_UNSUPPORTED_PREDICATES = {
    SH.rule: "SHACL-AF rules",
    SH.expression: "SHACL-AF node expressions",
    SH.js: "SHACL-JS",
    SH.jsFunctionName: "SHACL-JS",
}


def read_shapes(graph: Graph) -> Shapes:
    """Every shape of ``graph``; :class:`UnsupportedShapes` for SHACL the engine lacks."""
    for kind, what in _UNSUPPORTED_TYPES.items():
        if (None, RDF.type, kind) in graph:
            raise UnsupportedShapes(
                f"the shapes graph uses {what} ({kind.n3()}), which the oxigraph engine does "
                'not implement; validate with engine="pyshacl"'
            )
    for predicate, what in _UNSUPPORTED_PREDICATES.items():
        if (None, predicate, None) in graph:
            raise UnsupportedShapes(
                f"the shapes graph uses {what} ({predicate.n3()}), which the oxigraph engine "
                'does not implement; validate with engine="pyshacl"'
            )
    nodes = _shape_nodes(graph)
    reader = _Reader(graph)
    return Shapes({node: reader.shape(node) for node in nodes})


def _shape_nodes(graph: Graph) -> set[Node]:
    nodes = set(graph.subjects(RDF.type, SH.NodeShape))
    nodes |= set(graph.subjects(RDF.type, SH.PropertyShape))
    for predicate in (*_TARGETS, SH.property, SH.node):
        nodes |= set(graph.subjects(predicate, None))
    for predicate in _SHAPE_VALUED:
        nodes |= set(graph.objects(None, predicate))
    for predicate in _SHAPE_LISTS:
        for head in graph.objects(None, predicate):
            nodes |= set(Collection(graph, head))
    for node in nodes:
        if isinstance(node, Literal):
            raise UnsupportedShapes(f"the literal {node!r} is used as a shape")
    return nodes


class _Reader:
    def __init__(self, graph: Graph) -> None:
        self.g = graph

    def fail(self, node: Node, message: str) -> UnsupportedShapes:
        return UnsupportedShapes(f"shape {node.n3()}: {message}")

    def shape(self, node: Node) -> Shape:
        g = self.g
        paths = list(g.objects(node, SH.path))
        if len(paths) > 1:
            raise self.fail(node, "a property shape has exactly one sh:path")
        if paths and (node, RDF.type, SH.NodeShape) in g:
            raise self.fail(node, "a sh:NodeShape cannot have a sh:path")
        path = read_path(g, paths[0]) if paths else None
        for predicate in set(g.predicates(node, None)):
            if predicate in _STRUCTURE or predicate in _PARAMETERS:
                continue
            if predicate in _COMPANIONS:
                if (node, _COMPANIONS[predicate], None) not in g:
                    raise self.fail(node, f"{_sh(predicate)} without {_sh(_COMPANIONS[predicate])}")
                continue
            if str(predicate).startswith(str(SH)):
                raise self.fail(
                    node,
                    f"{_sh(predicate)} is not implemented by the oxigraph engine; "
                    'validate with engine="pyshacl"',
                )
        constraints: list = []
        for predicate in sorted(set(g.predicates(node, None)) & set(_PARAMETERS)):
            constraints.extend(_PARAMETERS[predicate](self, node, path is not None))
        properties = tuple(sorted(g.objects(node, SH.property), key=_order))
        for prop in properties:
            if (prop, SH.path, None) not in g:
                raise self.fail(node, f"the sh:property {prop.n3()} has no sh:path")
        severities = list(g.objects(node, SH.severity))
        if len(severities) > 1:
            raise self.fail(node, "more than one sh:severity")
        severity = severities[0] if severities else SH.Violation
        if not isinstance(severity, URIRef):
            raise self.fail(node, "sh:severity is an IRI")
        return Shape(
            node=node,
            path=path,
            path_text=path_text(g, paths[0]) if paths else None,
            targets=self.targets(node),
            constraints=tuple(constraints),
            properties=properties,
            severity=severity,
            messages=self.messages(node),
            deactivated=self.deactivated(node),
        )

    def messages(self, node: Node) -> tuple[Literal, ...]:
        messages = list(self.g.objects(node, SH.message))
        for m in messages:
            if not isinstance(m, Literal):
                raise self.fail(node, "sh:message is a literal")
        return tuple(sorted(messages, key=lambda m: (m.language or "", str(m))))

    def deactivated(self, node: Node) -> bool:
        values = list(self.g.objects(node, SH.deactivated))
        if len(values) > 1:
            raise self.fail(node, "more than one sh:deactivated")
        if values and not (isinstance(values[0], Literal) and isinstance(values[0].value, bool)):
            raise self.fail(node, "sh:deactivated is an xsd:boolean")
        return bool(values and values[0].value)

    def targets(self, node: Node) -> Targets:
        g = self.g
        classes = set(g.objects(node, SH.targetClass))
        types = set(g.objects(node, RDF.type))
        if types & ({RDFS.Class} | set(g.subjects(RDFS.subClassOf, RDFS.Class))):
            classes.add(node)  # an implicit class target
        sparql = []
        for target in g.objects(node, SH.target):
            selects = list(g.objects(target, SH.select))
            if len(selects) != 1 or not isinstance(selects[0], Literal):
                raise self.fail(node, "only SPARQL targets (sh:SPARQLTarget with sh:select) run")
            sparql.append(SparqlText(target, str(selects[0]), self.prefixes(node, target)))
        for name, values in (
            ("sh:targetClass", classes),
            ("sh:targetSubjectsOf", set(g.objects(node, SH.targetSubjectsOf))),
            ("sh:targetObjectsOf", set(g.objects(node, SH.targetObjectsOf))),
        ):
            if any(not isinstance(v, URIRef) for v in values):
                raise self.fail(node, f"{name} is an IRI")
        target_nodes = set(g.objects(node, SH.targetNode))
        if any(isinstance(v, BNode) for v in target_nodes):
            raise self.fail(node, "a blank node sh:targetNode cannot be looked up in a store")
        return Targets(
            classes=tuple(sorted(classes)),
            nodes=tuple(sorted(target_nodes)),
            subjects_of=tuple(sorted(g.objects(node, SH.targetSubjectsOf))),
            objects_of=tuple(sorted(g.objects(node, SH.targetObjectsOf))),
            sparql=tuple(sorted(sparql, key=lambda t: t.select)),
        )

    def prefixes(self, shape: Node, node: Node) -> tuple[tuple[str, str], ...]:
        """The prefixes of a SPARQL query node, collected as pySHACL collects them."""
        g = self.g
        ontologies = set(g.subjects(RDF.type, OWL.Ontology))
        found: dict[str, str] = {}
        for holder in g.objects(node, SH.prefixes):
            declares = set(g.objects(holder, SH.declare))
            if not (declares and holder in ontologies):
                for ontology in ontologies:
                    declares |= set(g.objects(ontology, SH.declare))
            for declare in declares:
                prefix = list(g.objects(declare, SH.prefix))
                namespace = list(g.objects(declare, SH.namespace))
                if len(prefix) != 1 or len(namespace) != 1:
                    raise self.fail(shape, "each sh:declare has one sh:prefix and one sh:namespace")
                key, value = str(prefix[0]), str(namespace[0])
                if found.get(key, value) != value:
                    raise self.fail(shape, f"the prefix {key!r} is declared twice, differently")
                found[key] = value
        return tuple(sorted(found.items()))

    # --- parameters --------------------------------------------------------------------------

    def one(self, node: Node, predicate: URIRef) -> Node:
        values = list(self.g.objects(node, predicate))
        if len(values) != 1:
            raise self.fail(node, f"{_sh(predicate)} has exactly one value")
        return values[0]

    def integer(self, node: Node, predicate: URIRef, *, exact: bool = True) -> int:
        value = self.one(node, predicate)
        ok = isinstance(value, Literal) and isinstance(value.value, int)
        if exact:
            ok = ok and value.datatype == XSD.integer
        if not ok or value.value < 0 or isinstance(value.value, bool):
            raise self.fail(node, f"{_sh(predicate)} is a non-negative xsd:integer")
        return int(value.value)

    def iri(self, node: Node, predicate: URIRef) -> list[URIRef]:
        values = sorted(self.g.objects(node, predicate))
        for v in values:
            if not isinstance(v, URIRef):
                raise self.fail(node, f"{_sh(predicate)} is an IRI")
        return values

    def items(self, node: Node, head: Node, *, empty: bool = True) -> tuple[Node, ...]:
        if head != RDF.nil and (head, RDF.first, None) not in self.g:
            raise self.fail(node, "expected an RDF list")
        items = tuple(Collection(self.g, head))
        if not items and not empty:
            raise self.fail(node, "sh:and, sh:or and sh:xone take a list of at least one shape")
        return items

    def min_count(self, node, is_property):
        self.need_path(node, SH.minCount, is_property)
        return [MinCount(self.integer(node, SH.minCount))]

    def max_count(self, node, is_property):
        self.need_path(node, SH.maxCount, is_property)
        return [MaxCount(self.integer(node, SH.maxCount))]

    def datatype(self, node, is_property):
        value = self.one(node, SH.datatype)
        if not isinstance(value, URIRef):
            raise self.fail(node, "sh:datatype is an IRI")
        if value == RDFS.Datatype:
            raise self.fail(node, "sh:datatype rdfs:Datatype is not implemented (use pyshacl)")
        return [Datatype(value)]

    def class_of(self, node, is_property):
        return [ClassOf(c) for c in self.iri(node, SH["class"])]

    def node_kind(self, node, is_property):
        value = self.one(node, SH.nodeKind)
        if value not in _NODE_KINDS:
            raise self.fail(node, f"{value.n3()} is not a SHACL node kind")
        return [NodeKind(value)]

    def in_(self, node, is_property):
        values = self.items(node, self.one(node, SH["in"]))
        if any(isinstance(v, BNode) for v in values):
            raise self.fail(node, "a blank node in sh:in cannot be compared with a store's nodes")
        return [In(values)]

    def has_value(self, node, is_property):
        values = sorted(self.g.objects(node, SH.hasValue))
        if any(isinstance(v, BNode) for v in values):
            raise self.fail(
                node, "a blank node sh:hasValue cannot be compared with a store's nodes"
            )
        return [HasValue(v) for v in values]

    def pattern(self, node, is_property):
        flags = sorted(self.g.objects(node, SH.flags))
        text = str(flags[0]) if flags else ""
        if set(text) - set("im"):
            raise self.fail(node, f"sh:flags {text!r}: pySHACL only honours 'i' and 'm'")
        patterns = sorted(self.g.objects(node, SH.pattern))
        if any(not isinstance(p, Literal) for p in patterns):
            raise self.fail(node, "sh:pattern is a literal")
        return [Pattern(str(p), text) for p in patterns]

    def min_length(self, node, is_property):
        return [MinLength(self.integer(node, SH.minLength, exact=False))]

    def max_length(self, node, is_property):
        return [MaxLength(self.integer(node, SH.maxLength, exact=False))]

    def node_ref(self, node, is_property):
        return [NodeRef(s) for s in sorted(self.g.objects(node, SH.node), key=_order)]

    def not_(self, node, is_property):
        return [Not(s) for s in sorted(self.g.objects(node, SH["not"]), key=_order)]

    def or_(self, node, is_property):
        heads = sorted(self.g.objects(node, SH["or"]), key=_order)
        return [Or(self.items(node, h, empty=False)) for h in heads]

    def and_(self, node, is_property):
        heads = sorted(self.g.objects(node, SH["and"]), key=_order)
        return [And(self.items(node, h, empty=False)) for h in heads]

    def xone(self, node, is_property):
        heads = sorted(self.g.objects(node, SH.xone), key=_order)
        return [Xone(self.items(node, h, empty=False)) for h in heads]

    def qualified(self, node, is_property):
        self.need_path(node, SH.qualifiedValueShape, is_property)
        g = self.g
        low = (
            self.integer(node, SH.qualifiedMinCount, exact=False)
            if (
                node,
                SH.qualifiedMinCount,
                None,
            )
            in g
            else None
        )
        high = (
            self.integer(node, SH.qualifiedMaxCount, exact=False)
            if (
                node,
                SH.qualifiedMaxCount,
                None,
            )
            in g
            else None
        )
        if low is None and high is None:
            raise self.fail(node, "sh:qualifiedValueShape needs sh:qualifiedMinCount or MaxCount")
        disjoint = any(
            isinstance(d, Literal) and d.value is True
            for d in g.objects(node, SH.qualifiedValueShapesDisjoint)
        )
        found = []
        for shape in sorted(g.objects(node, SH.qualifiedValueShape), key=_order):
            siblings: set[Node] = set()
            if disjoint:
                for parent in g.subjects(SH.property, node):
                    for sibling in g.objects(parent, SH.property):
                        siblings |= set(g.objects(sibling, SH.qualifiedValueShape))
                siblings.discard(shape)
            found.append(Qualified(shape, low, high, tuple(sorted(siblings, key=_order))))
        return found

    def pair(self, predicate, make, *, property_only: bool = False):
        def read(node, is_property):
            if property_only:
                self.need_path(node, predicate, is_property)
            return [make(p) for p in self.iri(node, predicate)]

        return read

    def sparql(self, node, is_property):
        found = []
        for constraint in sorted(self.g.objects(node, SH.sparql), key=_order):
            g = self.g
            extra = set(g.predicates(constraint, None)) - {
                RDF.type,
                SH.select,
                SH.message,
                SH.prefixes,
                SH.deactivated,
                RDFS.label,
                RDFS.comment,
            }
            sh_extra = [p for p in extra if str(p).startswith(str(SH))]
            if sh_extra:
                raise self.fail(node, f"sh:sparql {constraint.n3()} uses {_sh(sh_extra[0])}")
            if self.deactivated(constraint):
                continue
            selects = list(g.objects(constraint, SH.select))
            if len(selects) != 1 or not isinstance(selects[0], Literal):
                raise self.fail(node, f"sh:sparql {constraint.n3()} has exactly one sh:select")
            query = SparqlText(constraint, str(selects[0]), self.prefixes(node, constraint))
            found.append(Sparql(query, self.messages(constraint)))
        return found

    def need_path(self, node, predicate, is_property):
        if not is_property:
            raise self.fail(node, f"{_sh(predicate)} belongs on a property shape (with sh:path)")


def _order(node: Node) -> tuple[bool, str]:
    return (isinstance(node, BNode), str(node))


def _sh(predicate: URIRef) -> str:
    return "sh:" + str(predicate).removeprefix(str(SH))


_PARAMETERS = {
    SH.minCount: _Reader.min_count,
    SH.maxCount: _Reader.max_count,
    SH.datatype: _Reader.datatype,
    SH["class"]: _Reader.class_of,
    SH.nodeKind: _Reader.node_kind,
    SH["in"]: _Reader.in_,
    SH.hasValue: _Reader.has_value,
    SH.pattern: _Reader.pattern,
    SH.minLength: _Reader.min_length,
    SH.maxLength: _Reader.max_length,
    SH.node: _Reader.node_ref,
    SH["not"]: _Reader.not_,
    SH["or"]: _Reader.or_,
    SH["and"]: _Reader.and_,
    SH.xone: _Reader.xone,
    SH.qualifiedValueShape: _Reader.qualified,
    SH.equals: lambda self, node, p: self.pair(SH.equals, Equals)(node, p),
    SH.disjoint: lambda self, node, p: self.pair(SH.disjoint, Disjoint)(node, p),
    SH.lessThan: lambda self, node, p: self.pair(SH.lessThan, LessThan, property_only=True)(
        node, p
    ),
    SH.lessThanOrEquals: lambda self, node, p: self.pair(
        SH.lessThanOrEquals, lambda prop: LessThan(prop, or_equal=True), property_only=True
    )(node, p),
    SH.sparql: _Reader.sparql,
}
