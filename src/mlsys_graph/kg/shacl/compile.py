"""Compile shapes (:mod:`.shapes`) into SPARQL queries that return what fails.

One query per shape with targets: the shape's own constraints and those of its property
shapes, each a branch of a ``UNION`` that yields the failing focus nodes (and values). A
branch carries its number in ``?__k``, so :mod:`.engine` knows which shape and component a
row reports. SPARQL-based constraints (``sh:sparql``) get a query each: the constraint's
``SELECT`` joined with the focus nodes (:mod:`.sparql`).

Exactness against pySHACL rests on three custom functions (``FN_*``, run in Python by
:mod:`.functions` only when a cheap SPARQL test cannot decide): whether a literal is
well-formed for its datatype (rdflib's rules), ``sh:lessThan``/``sh:lessThanOrEquals``
comparisons (rdflib's ordering) and ``sh:pattern`` when the Python regex has no exact Rust
translation (:mod:`.regex`).

>>> from mlsys_graph.kg.validate import load_shapes
>>> from mlsys_graph.kg.shacl.shapes import read_shapes
>>> queries = compile_shapes(read_shapes(load_shapes()))
>>> len(queries) > 20, queries[0].text.startswith("SELECT")
(True, True)
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
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

__all__ = ["FN_DATATYPE", "FN_LESS", "FN_REGEX", "Branch", "Query", "compile_shapes"]

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
class Branch:
    """What the rows of one ``UNION`` branch report.

    ``kind``: ``"value"`` (a value node; ``flags`` say which of ``components`` it fails),
    ``"min"``/``"max"`` (too few/many values), ``"hasValue"``, ``"equals"`` (a value of the
    compared property that is no value node) or ``"sparql"``. A branch with ``focus`` found
    its rows without looking at the focus nodes (the cheap way: scan the values, keep what
    fails); the engine then keeps the rows whose ``?this`` is a focus node by running
    ``focus_check``.
    """

    kind: str
    shape: Shape
    components: tuple = ()
    flags: tuple[str, ...] = ()
    #: A query returning the rows of this branch restricted to the focus nodes, or None when
    #: the branch already started from the focus nodes.
    focus_check: str | None = None


@dataclass(frozen=True)
class Query:
    """One SPARQL query and how to read its rows (``?__k`` indexes ``branches``)."""

    text: str
    branches: tuple[Branch, ...]
    #: For a SPARQL-based constraint: the variables its SELECT projects.
    projected: tuple[str, ...] = ()
    messages: tuple[Literal, ...] = ()
    name: str = ""


def compile_shapes(shapes: Shapes, *, subclasses: bool = True) -> list[Query]:
    """The queries that validate a store against ``shapes``.

    ``subclasses=False`` reads ``rdf:type`` alone for targets and ``sh:class`` (exact when
    the data has no ``rdfs:subClassOf`` triples, and faster).
    """
    return _Compiler(shapes, subclasses).compile()


#: A function of a variable name giving a group pattern that binds it to each focus node
#: (possibly more than once).
Focus = Callable[[str], str]


@dataclass
class _Compiler:
    shapes: Shapes
    subclasses: bool
    counter: int = 0
    stack: list = field(default_factory=list)
    #: PREFIX declarations the query being compiled needs (SPARQL targets and constraints).
    prefixes: dict = field(default_factory=dict)

    def declare(self, prefixes) -> None:
        for prefix, ns in prefixes:
            if self.prefixes.get(prefix, ns) != ns:
                raise UnsupportedShapes(
                    f"the prefix {prefix!r} stands for two namespaces in one query; "
                    "give one of them another prefix"
                )
            self.prefixes[prefix] = ns

    def prologue(self) -> str:
        return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(self.prefixes.items()))

    def fresh(self, stem: str = "v") -> str:
        self.counter += 1
        return f"?__{stem}{self.counter}"

    # --- top level -------------------------------------------------------------------------

    def compile(self) -> list[Query]:
        queries = []
        for shape in self.shapes.targeted():
            self.prefixes = {}
            focus = self.targets(shape.targets)
            branches: list[tuple[str, Branch]] = []
            sparql: list[Query] = []
            self.unit(shape, focus, branches, sparql)
            prologue = self.prologue()
            if branches:
                text = "SELECT * WHERE {\n" + "\n  UNION\n".join(
                    f"  {{ {body} BIND({k} AS ?__k) }}" for k, (body, _) in enumerate(branches)
                )
                checked = tuple(
                    replace(b, focus_check=prologue + b.focus_check) if b.focus_check else b
                    for _, b in branches
                )
                queries.append(Query(prologue + text + "\n}", checked, name=shape.name()))
            queries.extend(sparql)
        return queries

    def unit(self, shape: Shape, focus: Focus, out: list, sparql: list, depth: int = 0) -> None:
        """Branches for ``shape`` on the focus nodes of ``focus``, and for the property
        shapes it holds (whose focus nodes are its value nodes)."""
        if shape.deactivated:
            return
        if depth > 8:
            raise UnsupportedShapes(f"shape {shape.name()}: sh:property nested too deeply")
        self.branches(shape, focus, out, sparql)
        for node in shape.properties:
            prop = self.shapes[node]
            if shape.path is None:
                self.unit(prop, focus, out, sparql, depth + 1)
            else:
                self.unit(
                    prop, _values_of(focus, shape.path.sparql(), depth), out, sparql, depth + 1
                )

    def branches(self, shape: Shape, focus: Focus, out: list, sparql: list) -> None:
        path = shape.path.sparql() if shape.path else None
        this = focus("?this")

        def scanned(kind: str, body: str, components=(), flags=()) -> None:
            """A branch that scans the values: its rows still need the focus check."""
            check = f"SELECT * WHERE {{ {{ SELECT * WHERE {{ {body} }} }} {this} }}"
            out.append((body, Branch(kind, shape, tuple(components), tuple(flags), check)))

        def driven(kind: str, body: str, components=(), flags=()) -> None:
            """A branch that starts from the focus nodes."""
            out.append((f"{this} {body}", Branch(kind, shape, tuple(components), tuple(flags))))

        scalar = []
        for c in shape.constraints:
            if isinstance(c, MinCount):
                if c.count:
                    driven("min", f"FILTER NOT EXISTS {{ {self.at_least(path, c.count)} }}", (c,))
            elif isinstance(c, MaxCount):
                scanned("max", _having(path, c.count + 1), (c,))
            elif isinstance(c, HasValue):
                if path:
                    driven(
                        "hasValue", f"FILTER NOT EXISTS {{ ?this {path} {term(c.value)} }}", (c,)
                    )
                else:
                    driven("hasValue", f"FILTER (!sameTerm(?this, {term(c.value)}))", (c,))
            elif isinstance(c, Qualified):
                if c.min_count:
                    enough = self.at_least(path, c.min_count, c)
                    driven("min", f"FILTER NOT EXISTS {{ {enough} }}", (c,))
                if c.max_count is not None:
                    scanned("max", self.qualified_having(path, c), (c,))
            elif isinstance(c, Sparql):
                sparql.append(self.sparql_query(shape, c, focus))
            elif isinstance(c, Equals) and path:
                scanned("value", f"?this {path} ?value MINUS {{ ?this <{c.prop}> ?value }}", (c,))
                scanned("value", f"?this <{c.prop}> ?value MINUS {{ ?this {path} ?value }}", (c,))
            elif isinstance(c, Equals):
                driven(
                    "value",
                    f"BIND (?this AS ?value) FILTER NOT EXISTS {{ ?this <{c.prop}> ?this }}",
                    (c,),
                )
                scanned("value", f"?this <{c.prop}> ?value FILTER (!sameTerm(?value, ?this))", (c,))
            elif isinstance(c, Disjoint):
                if path:
                    scanned("value", f"?this {path} ?value . ?this <{c.prop}> ?value", (c,))
                else:
                    driven("value", f"?this <{c.prop}> ?this BIND (?this AS ?value)", (c,))
            elif (classes := self.class_set(c)) is not None:
                minus = f"MINUS {{ {self.typed('?value', classes)} }}"
                if path:
                    scanned("value", f"?this {path} ?value {minus}", (c,))
                else:
                    driven("value", f"BIND (?this AS ?value) {minus}", (c,))
            else:
                scalar.append(c)
        if scalar:
            flags = [self.fresh("flag") for _ in scalar]
            binds = " ".join(
                f"BIND ({self.value_fails(c, '?value', '?this')} AS {flag})"
                for c, flag in zip(scalar, flags, strict=True)
            )
            test = f"{binds} FILTER ({' || '.join(flags)})"
            if path:
                scanned("value", f"?this {path} ?value {test}", scalar, flags)
            else:
                driven("value", f"BIND (?this AS ?value) {test}", scalar, flags)

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
        outer = dict(self.prefixes)
        self.declare(prepared.prefixes)
        prologue = self.prologue()
        self.prefixes = outer
        # The constraint first (it finds the few offending nodes), then the focus check.
        text = (
            f"{prologue}SELECT * WHERE {{\n  {{ {prepared.select} }}\n"
            f"  {{ SELECT DISTINCT ?this WHERE {{ {focus('?this')} }} }}\n}}"
        )
        return Query(
            text,
            (Branch("sparql", shape),),
            projected=prepared.projected,
            messages=c.messages,
            name=f"{shape.name()} {c.query.node.n3()}",
        )

    # --- focus nodes -------------------------------------------------------------------------

    def targets(self, targets: Targets) -> Focus:
        """The focus nodes of ``targets``."""
        for t in targets.sparql:
            self.declare(prepare(t.select, t.prefixes, constraint=False).prefixes)

        def focus(var: str) -> str:
            parts = []
            if targets.classes:
                parts.append(self.typed(var, targets.classes).replace("?__cls", "?__tcls"))
            if targets.nodes:
                parts.append(f"VALUES {var} {{ {' '.join(term(n) for n in targets.nodes)} }}")
            for p in targets.subjects_of:
                parts.append(f"{var} <{p}> ?__tobject")
            for p in targets.objects_of:
                parts.append(f"?__tsubject <{p}> {var}")
            for t in targets.sparql:
                select = prepare(t.select, t.prefixes, constraint=False).select
                project = "?this" if var == "?this" else f"(?this AS {var})"
                parts.append(f"SELECT {project} WHERE {{ {{ {select} }} }}")
                parts[-1] = "{ " + parts[-1] + " }"
            if len(parts) == 1:
                return parts[0]
            return " UNION ".join(f"{{ {p} }}" for p in parts)

        return focus

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
    return lambda var: (
        f"{{ SELECT DISTINCT {var} WHERE {{ {focus(parent)} {parent} {path} {var} }} }}"
    )


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
