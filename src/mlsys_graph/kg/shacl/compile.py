"""Compile shapes (:mod:`.shapes`) into SPARQL queries that return what fails.

Oxigraph scans a predicate's triples about ten times faster than it joins them, so the checks
are grouped by how they find their rows, not by shape:

* one query per property path scans its values once for every shape that constrains it: the
  value tests (datatype, node kind, pattern, ``sh:in``, ...) as one boolean flag per test,
  ``sh:class`` as an anti-join (``MINUS``) against the typed nodes, ``sh:maxCount`` as one
  ``GROUP BY``. Its rows are of all nodes; only when a row fails does the engine run the
  ``focus_check`` query of each shape concerned, which keeps the shape's focus nodes;
* one query per set of focus nodes tests what needs the focus nodes themselves
  (``sh:minCount``, ``sh:hasValue``, a node shape's own constraints), one flag per test;
* one query per SPARQL-based constraint (``sh:sparql``): the constraint's ``SELECT`` joined
  with the focus nodes (:mod:`.sparql`).

A row carries its ``UNION`` branch in ``?__k``; the branch's :class:`Check` records say which
shape and component a failing row reports. Exactness against pySHACL rests on three custom
functions (``FN_*``, run in Python by :mod:`.functions` only when a cheap SPARQL test cannot
decide): whether a literal is well-formed for its datatype (rdflib's rules),
``sh:lessThan``/``sh:lessThanOrEquals`` comparisons (rdflib's ordering) and ``sh:pattern``
when the Python regex has no exact Rust translation (:mod:`.regex`).

>>> from mlsys_graph.kg.validate import load_shapes
>>> from mlsys_graph.kg.shacl.shapes import read_shapes
>>> queries = compile_shapes(read_shapes(load_shapes()), subclasses=False)
>>> sorted({q.name.split()[0] for q in queries if not q.sparql})
['counts', 'focus', 'values']
>>> [q.name for q in queries].count("values of <http://www.w3.org/2000/01/rdf-schema#label>")
1
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import combinations

from rdflib import RDF, RDFS, BNode, Literal, URIRef
from rdflib.namespace import SH, XSD

from ...errors import UnsupportedShapes
from ..oxi import sparql_term, store_datatype
from . import regex
from .shapes import (
    And,
    ClassOf,
    Datatype,
    Disjoint,
    Equals,
    HasValue,
    In,
    LessThan,
    MaxCount,
    MaxLength,
    MinCount,
    MinLength,
    NodeKind,
    NodeRef,
    Not,
    Or,
    Pattern,
    Qualified,
    Shape,
    Shapes,
    Sparql,
    Targets,
    Xone,
)
from .sparql import prepare

__all__ = [
    "FN_DATATYPE",
    "FN_LESS",
    "FN_REGEX",
    "Branch",
    "Check",
    "Focus",
    "Query",
    "SparqlRun",
    "compile_shapes",
]

FN_DATATYPE = "urn:x-mlsys-graph:fn:datatypeConforms"
FN_LESS = "urn:x-mlsys-graph:fn:lessFails"
FN_REGEX = "urn:x-mlsys-graph:fn:pythonRegex"

_TYPE_PATH = f"<{RDF.type}>/<{RDFS.subClassOf}>*"
_INTEGERS = [
    "integer",
    "nonPositiveInteger",
    "negativeInteger",
    "long",
    "int",
    "short",
    "byte",
    "nonNegativeInteger",
    "unsignedLong",
    "unsignedInt",
    "unsignedShort",
    "unsignedByte",
    "positiveInteger",
]
#: Lexical forms that rdflib surely reads as valid, per datatype (XSD local name); a literal
#: that does not match goes to the Python check (FN_DATATYPE).
_VALID_FORMS = {
    "integer": r"^[+-]?[0-9]+$",
    "long": r"^[+-]?[0-9]+$",
    "int": r"^[+-]?[0-9]{1,9}$",
    "short": r"^[+-]?[0-9]{1,4}$",
    "byte": r"^[+-]?[0-9]{1,2}$",
    "nonNegativeInteger": r"^\+?[0-9]+$",
    "unsignedLong": r"^\+?[0-9]+$",
    "unsignedInt": r"^\+?[0-9]{1,9}$",
    "unsignedShort": r"^\+?[0-9]{1,4}$",
    "unsignedByte": r"^\+?[0-9]{1,2}$",
    "positiveInteger": r"^\+?0*[1-9][0-9]*$",
    "negativeInteger": r"^-0*[1-9][0-9]*$",
    "nonPositiveInteger": r"^(-[0-9]+|\+?0+)$",
    "boolean": r"^(true|false)$",
    "decimal": r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$",
    "double": r"^([+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|INF|-INF|NaN)$",
    "float": r"^([+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|INF|-INF|NaN)$",
}
#: Largest count a nested sh:minCount/maxCount is compiled for (it becomes a k-way join).
_MAX_NESTED_COUNT = 8


@dataclass(frozen=True)
class Check:
    """One shape component that a row of a branch may report.

    The row fails the check when ``flag`` (a boolean variable) is true, or the count ``?__n``
    exceeds ``bound``, or unconditionally when both are None. ``kind`` says what the result
    carries: ``"value"`` (``?value``) or ``"count"`` (no value: too few/many values, a
    missing ``sh:hasValue``). A check with ``focus_check`` came from a branch that scanned
    values without looking at the focus nodes: its rows count only when that query (the
    branch restricted to the shape's focus nodes) returns them too.
    """

    shape: Shape
    component: object
    kind: str
    flag: str | None = None
    bound: int | None = None
    focus_check: str | None = None


@dataclass(frozen=True)
class Branch:
    """One ``UNION`` branch (its rows carry ``?__k``) and what its rows may report."""

    checks: tuple[Check, ...]


@dataclass(frozen=True)
class Query:
    """One SPARQL query and how to read its rows (``?__k`` indexes ``branches``).

    For a SPARQL-based constraint (``sparql`` set) the rows are the constraint's.
    """

    text: str
    branches: tuple[Branch, ...] = ()
    name: str = ""
    sparql: SparqlRun | None = None
    #: An ASK query: when it answers false, the query can find nothing and is not run.
    guard: str | None = None


@dataclass(frozen=True)
class SparqlRun:
    """How to read the rows of a SPARQL-based constraint."""

    shape: Shape
    #: The variables the constraint's SELECT projects.
    projected: tuple[str, ...]
    messages: tuple[Literal, ...]


def compile_shapes(shapes: Shapes, *, subclasses: bool = True) -> list[Query]:
    """The queries that validate a store against ``shapes``.

    ``subclasses=False`` reads ``rdf:type`` alone for targets and ``sh:class`` (exact when
    the data has no ``rdfs:subClassOf`` triples, and faster).
    """
    return _Compiler(shapes, subclasses).compile()


@dataclass(frozen=True)
class Focus:
    """The focus nodes of a shape: ``pattern(var)`` is a group pattern binding ``var`` to
    each of them (possibly more than once); ``prefixes`` are what SPARQL targets need."""

    pattern: Callable[[str], str]
    prefixes: tuple[tuple[str, str], ...] = ()
    #: Whether the pattern binds each focus node once.
    unique: bool = False

    def __call__(self, var: str) -> str:
        return self.pattern(var)


@dataclass
class _Scan:
    """Everything checked by scanning the values of one path, for every shape."""

    path: str
    #: value test expression → its flag variable, and the checks reporting it
    flags: dict = field(default_factory=dict)
    #: branch body → checks (class sets, sh:equals, sh:disjoint, qualified maxima)
    branches: dict = field(default_factory=dict)
    #: maxCount checks: (shape, component, bound, focus)
    maxima: list = field(default_factory=list)


@dataclass
class _Driven:
    """Everything checked from the focus nodes of one focus, for every shape."""

    focus: Focus
    flags: dict = field(default_factory=dict)
    #: subquery of the nodes that have enough values → checks failing for the other nodes
    #: (minimum counts too large for a pattern per value)
    enough: dict = field(default_factory=dict)


@dataclass
class _Compiler:
    shapes: Shapes
    subclasses: bool
    counter: int = 0
    stack: list = field(default_factory=list)
    scans: dict = field(default_factory=dict)
    driven: dict = field(default_factory=dict)
    sparql: list = field(default_factory=list)

    def fresh(self, stem: str = "v") -> str:
        self.counter += 1
        return f"?__{stem}{self.counter}"

    # --- top level -------------------------------------------------------------------------

    def compile(self) -> list[Query]:
        for shape in self.shapes.targeted():
            self.unit(shape, self.targets(shape.targets))
        queries = [q for scan in self.scans.values() for q in self.scan_query(scan)]
        queries += [self.driven_query(driven) for driven in self.driven.values()]
        return queries + self.sparql

    def unit(self, shape: Shape, focus: Focus, depth: int = 0) -> None:
        """The checks of ``shape`` on the focus nodes of ``focus``, and of the property
        shapes it holds (whose focus nodes are its value nodes)."""
        if shape.deactivated:
            return
        if depth > 8:
            raise UnsupportedShapes(f"shape {shape.name()}: sh:property nested too deeply")
        self.checks(shape, focus)
        for node in shape.properties:
            prop = self.shapes[node]
            if shape.path is None:
                self.unit(prop, focus, depth + 1)
            else:
                self.unit(prop, _values_of(focus, shape.path.sparql(), depth), depth + 1)

    def checks(self, shape: Shape, focus: Focus) -> None:
        path = shape.path.sparql() if shape.path else None
        for c in shape.constraints:
            if isinstance(c, Sparql):
                self.sparql.append(self.sparql_query(shape, c, focus))
            elif isinstance(c, MinCount):
                if c.count > _MAX_NESTED_COUNT:
                    self.drive_enough(shape, c, focus, _having(path, c.count))
                elif c.count:
                    self.drive(shape, c, focus, f"NOT EXISTS {{ {self.at_least(path, c.count)} }}")
            elif isinstance(c, HasValue):
                value = term(c.value)
                test = (
                    f"NOT EXISTS {{ ?this {path} {value} }}"
                    if path
                    else f"!sameTerm(?this, {value})"
                )
                self.drive(shape, c, focus, test)
            elif isinstance(c, Qualified):
                if c.min_count and c.min_count > _MAX_NESTED_COUNT:
                    self.drive_enough(shape, c, focus, self.qualified_having(path, c, c.min_count))
                elif c.min_count:
                    test = f"NOT EXISTS {{ {self.at_least(path, c.min_count, c)} }}"
                    self.drive(shape, c, focus, test)
                if c.max_count is not None:
                    self.scan_branch(shape, c, focus, path, self.qualified_having(path, c), "count")
            elif path is None:
                self.drive(shape, c, focus, self.node_fails(c), "value")
                if isinstance(c, Equals):  # values of the property other than the node
                    body = f"?this <{c.prop}> ?value FILTER (!sameTerm(?value, ?this))"
                    self.scan_branch(shape, c, focus, f"<{c.prop}>", body, "value")
            elif isinstance(c, MaxCount):
                self.scan(path).maxima.append((shape, c, c.count, focus))
            elif isinstance(c, Equals):
                body = f"?this {path} ?value MINUS {{ ?this <{c.prop}> ?value }}"
                self.scan_branch(shape, c, focus, path, body, "value")
                body = f"?this <{c.prop}> ?value MINUS {{ ?this {path} ?value }}"
                self.scan_branch(shape, c, focus, path, body, "value")
            elif isinstance(c, Disjoint):
                body = f"?this {path} ?value . ?this <{c.prop}> ?value"
                self.scan_branch(shape, c, focus, path, body, "value")
            elif (classes := self.class_set(c)) is not None:
                body = f"?this {path} ?value MINUS {{ {self.typed('?value', classes)} }}"
                self.scan_branch(shape, c, focus, path, body, "value")
            else:
                test = self.value_fails(c, "?value", "?this")
                self.scan(path).flags.setdefault(test, []).append((shape, c, focus))

    def node_fails(self, c) -> str:
        """A test on the focus node itself (a node shape's own constraints)."""
        if isinstance(c, Equals):
            return f"NOT EXISTS {{ ?this <{c.prop}> ?this }}"
        if isinstance(c, Disjoint):
            return f"EXISTS {{ ?this <{c.prop}> ?this }}"
        if (classes := self.class_set(c)) is not None:
            return f"NOT EXISTS {{ {self.typed('?this', classes)} }}"
        return self.value_fails(c, "?this", "?this")

    def scan(self, path: str) -> _Scan:
        return self.scans.setdefault(path, _Scan(path))

    def scan_branch(self, shape, c, focus: Focus, path: str, body: str, kind: str) -> None:
        self.scan(path).branches.setdefault(body, []).append((shape, c, focus, kind))

    def drive(self, shape: Shape, c, focus: Focus, test: str, kind: str = "count") -> None:
        self.driven_for(focus).flags.setdefault(test, []).append((shape, c, kind))

    def drive_enough(self, shape: Shape, c, focus: Focus, enough: str) -> None:
        """A minimum count checked as an anti-join with the nodes that have enough values
        (a pattern per value would be too large, a subquery per focus node quadratic)."""
        self.driven_for(focus).enough.setdefault(enough, []).append((shape, c))

    def driven_for(self, focus: Focus) -> _Driven:
        return self.driven.setdefault((focus("?this"), focus.prefixes), _Driven(focus))

    def scan_query(self, scan: _Scan) -> list[Query]:
        bodies: list[str] = []
        branches: list[Branch] = []

        def checked(body: str, shape: Shape, focus: Focus) -> str:
            return (
                f"{_prologue(focus.prefixes)}SELECT * WHERE {{ {{ SELECT * WHERE {{ {body} }} }} "
                f"{focus('?this')} }}"
            )

        if scan.flags:
            binds, checks = [], []
            for test, owners in scan.flags.items():
                flag = self.fresh("flag")
                binds.append(f"BIND ({test} AS {flag})")
                for shape, c, focus in owners:
                    checks.append((flag, shape, c, focus))
            flags = " || ".join(dict.fromkeys(flag for flag, *_ in checks))
            body = f"?this {scan.path} ?value {' '.join(binds)} FILTER ({flags})"
            bodies.append(body)
            branches.append(
                Branch(
                    tuple(
                        Check(shape, c, "value", flag=flag, focus_check=checked(body, shape, focus))
                        for flag, shape, c, focus in checks
                    )
                )
            )
        for body, owners in scan.branches.items():
            bodies.append(body)
            branches.append(
                Branch(
                    tuple(
                        Check(shape, c, kind, focus_check=checked(body, shape, focus))
                        for shape, c, focus, kind in owners
                    )
                )
            )
        name = f"values of {scan.path}"
        queries = [Query(_union(bodies), tuple(branches), name=name)] if bodies else []
        if scan.maxima:
            queries.append(self.maxima_query(scan, checked))
        return queries

    def maxima_query(self, scan: _Scan, checked) -> Query:
        """The nodes with more values than the smallest sh:maxCount on the path; guarded by
        a cheaper count: when no node has two values, no maximum of 1 or more is exceeded."""
        low = min(bound for _, _, bound, _ in scan.maxima)
        simple = scan.path.startswith("<")  # a predicate: its (node, value) pairs are distinct
        count = "COUNT(*)" if simple else "COUNT(DISTINCT ?__c)"
        body = (
            f"{{ SELECT ?this ({count} AS ?__n) WHERE {{ ?this {scan.path} ?__c }} "
            f"GROUP BY ?this HAVING ({count} > {low}) }}"
        )
        guard = None
        if low == 0:
            guard = f"ASK {{ ?this {scan.path} ?__c }}"
        elif simple:
            guard = (
                f"ASK {{ {{ SELECT (COUNT(*) AS ?__t) (COUNT(DISTINCT ?this) AS ?__d) "
                f"WHERE {{ ?this {scan.path} ?__c }} }} FILTER (?__t != ?__d) }}"
            )
        checks = tuple(
            Check(shape, c, "count", bound=bound, focus_check=checked(body, shape, focus))
            for shape, c, bound, focus in scan.maxima
        )
        return Query(_union([body]), (Branch(checks),), name=f"counts of {scan.path}", guard=guard)

    def driven_query(self, driven: _Driven) -> Query:
        # Each focus node once: a node of two target classes would run every test twice.
        focus = driven.focus("?this")
        if not driven.focus.unique:
            focus = f"{{ SELECT DISTINCT ?this WHERE {{ {focus} }} }}"
        bodies, branches = [], []
        if driven.flags:
            binds, checks = [], []
            for test, owners in driven.flags.items():
                flag = self.fresh("flag")
                binds.append(f"BIND ({test} AS {flag})")
                checks.extend(Check(shape, c, kind, flag=flag) for shape, c, kind in owners)
            flags = " || ".join(dict.fromkeys(check.flag for check in checks))
            bodies.append(f"{focus} BIND (?this AS ?value) {' '.join(binds)} FILTER ({flags})")
            branches.append(Branch(tuple(checks)))
        for enough, owners in driven.enough.items():
            bodies.append(f"{focus} MINUS {{ {enough} }}")
            branches.append(Branch(tuple(Check(shape, c, "count") for shape, c in owners)))
        text = _prologue(driven.focus.prefixes) + _union(bodies)
        return Query(text, tuple(branches), name="focus nodes")

    def at_least(self, path: str, count: int, qualified: Qualified | None = None) -> str:
        """A pattern matching when ``?this`` has ``count`` distinct values (that qualify)."""
        if count <= _MAX_NESTED_COUNT:
            return self.distinct_values("?this", path, count, qualified=qualified)
        if qualified is None:
            return _having(path, count)
        return self.qualified_having(path, qualified, count)

    def qualified_having(self, path: str, c: Qualified, count: int | None = None) -> str:
        """A subquery of the nodes with ``count`` (default: one more than the maximum)
        values that qualify."""
        count = c.max_count + 1 if count is None else count
        constants = self.in_set(c)
        if constants is not None:
            values = " ".join(term(v) for v in constants)
            return (
                f"{{ SELECT ?this WHERE {{ ?this {path} ?__c VALUES ?__c {{ {values} }} }} "
                f"GROUP BY ?this HAVING (COUNT(DISTINCT ?__c) >= {count}) }}"
            )
        return _having(path, count, self.qualifies(c, "?__c"))

    def in_set(self, c: Qualified) -> tuple | None:
        """The constants when a value qualifies exactly when it is one of them."""
        shape = self.shapes[c.shape]
        if c.siblings or shape.deactivated or shape.path or shape.properties:
            return None
        if len(shape.constraints) == 1 and isinstance(shape.constraints[0], In):
            return shape.constraints[0].values
        return None

    def class_set(self, c) -> tuple[URIRef, ...] | None:
        """The classes K when failing ``c`` means exactly "typed with none of K"."""
        if isinstance(c, ClassOf):
            return (c.cls,)
        if isinstance(c, NodeRef):
            return self.shape_class_set(self.shapes[c.shape])
        if isinstance(c, Or) and c.shapes:
            found: list[URIRef] = []
            for node in c.shapes:
                classes = self.shape_class_set(self.shapes[node])
                if classes is None:
                    return None
                found.extend(classes)
            return tuple(dict.fromkeys(found))
        return None

    def shape_class_set(self, shape: Shape) -> tuple[URIRef, ...] | None:
        if shape.deactivated or shape.path or shape.properties or len(shape.constraints) != 1:
            return None
        if shape.node in self.stack:
            return None
        self.stack.append(shape.node)
        try:
            return self.class_set(shape.constraints[0])
        finally:
            self.stack.pop()

    def typed(self, var: str, classes: tuple[URIRef, ...]) -> str:
        if len(classes) == 1:
            return f"{var} {self.type_path()} <{classes[0]}>"
        values = " ".join(f"<{c}>" for c in classes)
        return f"{var} {self.type_path()} ?__cls VALUES ?__cls {{ {values} }}"

    def qualifies(self, c: Qualified, var: str) -> str:
        """Whether a value counts for a qualified value shape (conforms, and to no sibling)."""
        parts = [f"!({self.fails(self.shapes[c.shape], var)})"]
        parts += [f"({self.fails(self.shapes[s], var)})" for s in c.siblings]
        return " && ".join(parts)

    def sparql_query(self, shape: Shape, c: Sparql, focus: Focus) -> Query:
        prepared = prepare(
            c.query.select,
            c.query.prefixes,
            constraint=True,
            path=shape.path.sparql() if shape.path else None,
        )
        # The constraint first (it finds the few offending nodes), then the focus check.
        text = (
            f"{_prologue(prepared.prefixes, focus.prefixes)}SELECT * WHERE {{\n"
            f"  {{ {prepared.select} }}\n"
            f"  {{ SELECT DISTINCT ?this WHERE {{ {focus('?this')} }} }}\n}}"
        )
        return Query(
            text,
            name=f"{shape.name()} {c.query.node.n3()}",
            sparql=SparqlRun(shape, prepared.projected, c.messages),
            # a SPARQL target usually selects no node at all: then skip the constraint
            guard=f"{_prologue(focus.prefixes)}ASK {{ {focus('?this')} }}",
        )

    # --- focus nodes -------------------------------------------------------------------------

    def targets(self, targets: Targets) -> Focus:
        """The focus nodes of ``targets``."""
        prepared = [prepare(t.select, t.prefixes, constraint=False) for t in targets.sparql]
        prefixes: dict[str, str] = {}
        for p in prepared:
            _merge(prefixes, p.prefixes)

        def pattern(var: str) -> str:
            parts = []
            if targets.classes:
                parts.append(self.typed(var, targets.classes).replace("?__cls", "?__tcls"))
            if targets.nodes:
                parts.append(f"VALUES {var} {{ {' '.join(term(n) for n in targets.nodes)} }}")
            for p in targets.subjects_of:
                parts.append(f"{var} <{p}> ?__tobject")
            for p in targets.objects_of:
                parts.append(f"?__tsubject <{p}> {var}")
            for p in prepared:
                project = "?this" if var == "?this" else f"(?this AS {var})"
                parts.append(f"{{ SELECT {project} WHERE {{ {{ {p.select} }} }} }}")
            if len(parts) == 1:
                return parts[0]
            return " UNION ".join(f"{{ {p} }}" for p in parts)

        unique = not (targets.subjects_of or targets.objects_of or targets.sparql) and (
            (len(targets.classes) == 1 and not self.subclasses and not targets.nodes)
            or not targets.classes
        )
        return Focus(pattern, tuple(sorted(prefixes.items())), unique)

    # --- what fails --------------------------------------------------------------------------

    def value_fails(self, c, v: str, this: str) -> str:
        """A SPARQL expression, never an error, true when value ``v`` of focus ``this``
        fails the value-level component ``c``."""
        if isinstance(c, Datatype):
            return f"!({self.datatype_ok(c.datatype, v)})"
        if isinstance(c, ClassOf):
            return f"NOT EXISTS {{ {v} {self.type_path()} <{c.cls}> }}"
        if isinstance(c, NodeKind):
            return {
                SH.IRI: f"!isIRI({v})",
                SH.Literal: f"!isLiteral({v})",
                SH.BlankNode: f"!isBlank({v})",
                SH.BlankNodeOrIRI: f"isLiteral({v})",
                SH.BlankNodeOrLiteral: f"isIRI({v})",
                SH.IRIOrLiteral: f"isBlank({v})",
            }[c.kind]
        if isinstance(c, In):
            if not c.values:
                return "true"
            return "!(" + " || ".join(f"sameTerm({v}, {term(x)})" for x in c.values) + ")"
        if isinstance(c, Pattern):
            return f"isBlank({v}) || !({self.matches(c, f'STR({v})')})"
        if isinstance(c, MinLength):
            return "false" if c.length == 0 else f"isBlank({v}) || STRLEN(STR({v})) < {c.length}"
        if isinstance(c, MaxLength):
            return f"isBlank({v}) || STRLEN(STR({v})) > {c.length}"
        if isinstance(c, NodeRef):
            return self.fails(self.shapes[c.shape], v)
        if isinstance(c, Not):
            return f"!({self.fails(self.shapes[c.shape], v)})"
        if isinstance(c, Or):
            if not c.shapes:
                return "true"
            return " && ".join(f"({self.fails(self.shapes[s], v)})" for s in c.shapes)
        if isinstance(c, And):
            if not c.shapes:
                return "false"
            return " || ".join(f"({self.fails(self.shapes[s], v)})" for s in c.shapes)
        if isinstance(c, Xone):
            ones = " + ".join(f"IF({self.fails(self.shapes[s], v)}, 0, 1)" for s in c.shapes)
            return f"({ones or '0'}) != 1"
        if isinstance(c, Equals):
            return f"NOT EXISTS {{ {this} <{c.prop}> {v} }}"
        if isinstance(c, Disjoint):
            return f"EXISTS {{ {this} <{c.prop}> {v} }}"
        if isinstance(c, LessThan):
            w = self.fresh("w")
            return f"EXISTS {{ {this} <{c.prop}> {w} FILTER ({self.less_fails(c, v, w)}) }}"
        raise UnsupportedShapes(f"{type(c).__name__} cannot be checked on a value")

    def datatype_ok(self, datatype: URIRef, v: str) -> str:
        if datatype == RDFS.Literal:
            return f"isLiteral({v})"
        if datatype == RDF.langString:
            return f'isLiteral({v}) && LANG({v}) != ""'
        stored = store_datatype(str(datatype))
        typed = f"isLiteral({v}) && DATATYPE({v}) = <{stored}>"
        if not _checked(datatype):
            return typed
        form = _VALID_FORMS.get(str(datatype).removeprefix(str(XSD)))
        check = f"<{FN_DATATYPE}>({v})"
        if form is not None:
            check = f"IF(REGEX(STR({v}), {_string(form)}), true, {check})"
        return f"{typed} && {check}"

    def matches(self, c: Pattern, text: str) -> str:
        translated = regex.translate(c.pattern, c.flags)
        if translated is None:
            return f"<{FN_REGEX}>({text}, {_string(c.pattern)}, {_string(c.flags)})"
        pattern, flags = translated
        return f"REGEX({text}, {_string(pattern)}, {_string(flags)})"

    def less_fails(self, c: LessThan, v: str, w: str) -> str:
        op = "<=" if c.or_equal else "<"
        integers = ", ".join(f"<{store_datatype(str(XSD[name]))}>" for name in _INTEGERS)
        fast = (
            f"isLiteral({v}) && isLiteral({w}) && DATATYPE({v}) = DATATYPE({w}) && ("
            f"(DATATYPE({v}) IN ({integers}) && REGEX(STR({v}), '^[+-]?[0-9]+$') && "
            f"REGEX(STR({w}), '^[+-]?[0-9]+$') && "
            f"<{XSD.integer}>(STR({v})) {op} <{XSD.integer}>(STR({w}))) || "
            f"(DATATYPE({v}) = <{XSD.string}> && STR({v}) {op} STR({w})))"
        )
        strict = "false" if c.or_equal else "true"
        return f"IF(COALESCE({fast}, false), false, <{FN_LESS}>({v}, {w}, {strict}))"

    def type_path(self) -> str:
        return _TYPE_PATH if self.subclasses else f"<{RDF.type}>"

    def fails(self, shape: Shape, x: str) -> str:
        """An expression true when the node in ``x`` does not conform to ``shape``."""
        if shape.deactivated:
            return "false"
        if shape.node in self.stack:
            raise UnsupportedShapes(f"shape {shape.name()} refers to itself (recursive shapes)")
        if len(self.stack) > 16:
            raise UnsupportedShapes(f"shape {shape.name()}: shapes nested too deeply")
        self.stack.append(shape.node)
        try:
            parts = self.nested_parts(shape, x)
        finally:
            self.stack.pop()
        return " || ".join(f"({p})" for p in parts) if parts else "false"

    def nested_parts(self, shape: Shape, x: str) -> list[str]:
        parts = []
        path = shape.path.sparql() if shape.path else None
        value_tests = []
        for c in shape.constraints:
            if isinstance(c, Sparql):
                raise UnsupportedShapes(
                    f"shape {shape.name()}: sh:sparql in a shape used by sh:node, sh:not, "
                    "sh:or, sh:and, sh:xone or sh:qualifiedValueShape is not implemented"
                )
            if isinstance(c, MinCount):
                if c.count:
                    parts.append(f"NOT EXISTS {{ {self.distinct_values(x, path, c.count)} }}")
            elif isinstance(c, MaxCount):
                parts.append(f"EXISTS {{ {self.distinct_values(x, path, c.count + 1)} }}")
            elif isinstance(c, HasValue):
                parts.append(
                    f"NOT EXISTS {{ {x} {path} {term(c.value)} }}"
                    if path
                    else f"!sameTerm({x}, {term(c.value)})"
                )
            elif isinstance(c, Qualified):
                var = self.fresh("q")
                if c.min_count:
                    pattern = self.distinct_values(x, path, c.min_count, var, c)
                    parts.append(f"NOT EXISTS {{ {pattern} }}")
                if c.max_count is not None:
                    pattern = self.distinct_values(x, path, c.max_count + 1, var, c)
                    parts.append(f"EXISTS {{ {pattern} }}")
            else:
                if isinstance(c, Equals):
                    w = self.fresh("w")
                    other = (
                        f"FILTER NOT EXISTS {{ {x} {path} {w} }}"
                        if path
                        else f"FILTER (!sameTerm({w}, {x}))"
                    )
                    parts.append(f"EXISTS {{ {x} <{c.prop}> {w} {other} }}")
                value_tests.append(c)
        if value_tests:
            if path:
                v = self.fresh()
                tests = " || ".join(f"({self.value_fails(c, v, x)})" for c in value_tests)
                parts.append(f"EXISTS {{ {x} {path} {v} FILTER ({tests}) }}")
            else:
                parts.extend(self.value_fails(c, x, x) for c in value_tests)
        for node in shape.properties:
            prop = self.shapes[node]
            if path:
                v = self.fresh()
                parts.append(f"EXISTS {{ {x} {path} {v} FILTER ({self.fails(prop, v)}) }}")
            else:
                parts.append(self.fails(prop, x))
        return parts

    def distinct_values(
        self, x: str, path: str, count: int, var: str | None = None, qualified=None
    ) -> str:
        """A pattern matching when ``x`` has at least ``count`` distinct values (that
        qualify, for a qualified value shape)."""
        if count > _MAX_NESTED_COUNT:
            raise UnsupportedShapes(
                f"a count above {_MAX_NESTED_COUNT} in a shape used by sh:node, sh:not, sh:or, "
                "sh:and, sh:xone or sh:qualifiedValueShape is not implemented"
            )
        names = [self.fresh("d") for _ in range(count)]
        triples = " ".join(f"{x} {path} {n} ." for n in names)
        tests = [f"!sameTerm({a}, {b})" for a, b in combinations(names, 2)]
        if qualified is not None:
            constants = self.in_set(qualified)
            if constants is not None:
                values = " ".join(term(v) for v in constants)
                triples += " ".join(f" VALUES {n} {{ {values} }}" for n in names)
            else:
                tests += [f"({self.qualifies(qualified, n)})" for n in names]
        return triples + (f" FILTER ({' && '.join(tests)})" if tests else "")


def _checked(datatype: URIRef) -> bool:
    """Whether rdflib (and so pySHACL) can find a literal of ``datatype`` ill-formed."""
    try:
        from rdflib.term import _check_well_formed_types, _toPythonMapping
    except ImportError:  # pragma: no cover - a future rdflib: check everything in Python
        return True
    return datatype in _check_well_formed_types or _toPythonMapping.get(datatype) is not None


def term(node) -> str:
    """A constant of a shape as SPARQL text."""
    if isinstance(node, BNode):
        raise UnsupportedShapes("a blank node cannot be a constant of a query")
    return sparql_term(node)


def _values_of(focus: Focus, path: str, depth: int) -> Focus:
    """The focus nodes that are values of ``path`` on the nodes of ``focus``."""
    parent = f"?__parent{depth}"
    return Focus(
        lambda var: (
            f"{{ SELECT DISTINCT {var} WHERE {{ {{ {focus(parent)} }} {parent} {path} {var} }} }}"
        ),
        focus.prefixes,
        unique=True,
    )


def _union(bodies: list[str]) -> str:
    """A SELECT of the ``UNION`` of ``bodies``, each binding its index to ``?__k``."""
    branches = "\n  UNION\n".join(f"  {{ {b} BIND({k} AS ?__k) }}" for k, b in enumerate(bodies))
    return f"SELECT * WHERE {{\n{branches}\n}}"


def _merge(found: dict, prefixes) -> None:
    for prefix, ns in prefixes:
        if found.get(prefix, ns) != ns:
            raise UnsupportedShapes(
                f"the prefix {prefix!r} stands for two namespaces in one query; "
                "give one of them another prefix"
            )
        found[prefix] = ns


def _prologue(*prefix_sets) -> str:
    found: dict[str, str] = {}
    for prefixes in prefix_sets:
        _merge(found, prefixes)
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(found.items()))


def _having(path: str, count: int, qualifies: str | None = None) -> str:
    """A subquery of the nodes with at least ``count`` values of ``path`` (that qualify)."""
    test = f" FILTER ({qualifies})" if qualifies else ""
    return (
        f"{{ SELECT ?this WHERE {{ ?this {path} ?__c{test} }} GROUP BY ?this "
        f"HAVING (COUNT(DISTINCT ?__c) >= {count}) }}"
    )


def _string(text: str) -> str:
    """A SPARQL string literal."""
    return json.dumps(text, ensure_ascii=False)
