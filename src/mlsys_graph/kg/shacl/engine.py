"""Run compiled shapes (:mod:`.compile`) on a pyoxigraph store and build the violations.

The records are the ones :func:`mlsys_graph.kg.validate.violations_from_report` makes of
pySHACL's report for the same graph and shapes: same focus, path, message, severity, shape and
value texts, deduplicated and sorted the same way.
"""

from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import SH

from .compile import Check, Query
from .functions import custom_functions
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
    Xone,
)

if TYPE_CHECKING:  # pragma: no cover
    import pyoxigraph

    from ..validate import Violation

__all__ = ["run_queries", "subclass_axioms"]

_RDFS_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"


def subclass_axioms(store: pyoxigraph.Store) -> bool:
    """Whether the store has ``rdfs:subClassOf`` triples (targets and ``sh:class`` follow them)."""
    return bool(store.query(f"ASK {{ ?a <{_RDFS_SUBCLASS}> ?b }}"))


def run_queries(
    store: pyoxigraph.Store, queries: list[Query], *, workers: int = 1
) -> list[Violation]:
    """Run the queries of :func:`~.compile.compile_shapes` and build the violations.

    With ``workers`` > 1, that many threads take the queries one at a time (Oxigraph
    evaluates a query without holding Python's lock, so they run on as many cores); the
    violations are the same, in the same order.
    """
    from ..validate import sort_violations

    pending = iter(queries)  # next() on a shared iterator: one thread per query
    lock = threading.Lock()
    found: set = set()
    errors: list[BaseException] = []

    def work() -> None:
        functions = custom_functions()
        mine: set = set()
        focus_rows: dict[str, list] = {}  # focus-check query → its rows (run once)
        try:
            while True:
                with lock:
                    query = next(pending, None)
                if query is None:
                    break
                _run_query(store, query, functions, focus_rows, mine)
        except BaseException as exc:  # re-raised in the caller's thread
            errors.append(exc)
        with lock:
            found.update(mine)

    threads = [threading.Thread(target=work, daemon=True) for _ in range(max(1, workers) - 1)]
    for thread in threads:
        thread.start()
    work()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return sort_violations(found)


def _run_query(store, query: Query, functions, focus_rows: dict, found: set) -> None:
    if query.guard is not None and not store.query(query.guard, custom_functions=functions):
        return
    if query.sparql is not None:
        for row in store.query(query.text, custom_functions=functions):
            found.update(_sparql_violations(query, row))
        return
    failed: dict[int, list] = {}
    for row in store.query(query.text, custom_functions=functions):
        failed.setdefault(int(row["__k"].value), []).append(row)
    for k, rows in sorted(failed.items()):
        for check in query.branches[k].checks:
            if not any(_fails(check, row) for row in rows):
                continue
            if check.focus_check is None:
                checked = rows
            else:  # the rows are of all nodes: keep those of the shape's focus nodes
                if check.focus_check not in focus_rows:
                    focus_rows[check.focus_check] = list(
                        store.query(check.focus_check, custom_functions=functions)
                    )
                checked = focus_rows[check.focus_check]
            found.update(_violation(check, row) for row in checked if _fails(check, row))


def _fails(check: Check, row) -> bool:
    if check.flag is not None:
        return row[check.flag[1:]].value == "true"
    if check.bound is not None:
        return int(row["__n"].value) > check.bound
    return True


def _violation(check: Check, row) -> Violation:
    from ..validate import Violation

    shape = check.shape
    value = _text(row["value"]) if check.kind == "value" else None
    return Violation(
        focus=_text(row["this"]),
        path=shape.path_text,
        message=_message(shape.messages) or _generic(check),
        severity=_local_name(str(shape.severity)),
        shape=_shape_text(shape.node),
        value=value,
    )


def _sparql_violations(query: Query, row) -> list[Violation]:
    """One row of a SPARQL-based constraint, as pySHACL reports it (see its
    ``SPARQLConstraintComponent``): ``?this``/``?path``/``?value`` when bound, the shape's
    path and (for a node shape) the focus node otherwise, ``{?var}`` filled in the messages."""
    from ..validate import Violation

    shape = query.sparql.shape
    projected = set(query.sparql.projected)
    focus = row["this"]
    bound = {
        name: row[name]
        for name in projected
        if name not in ("this", "path", "value", "failure") and row[name] is not None
    }
    if "failure" in projected and row["failure"] is not None:
        # pySHACL: a failure is reported on the focus node, every variable fills the message
        this = path = value = None
        result_focus, result_path, result_value = focus, None, None
        bound.update(
            (name, row[name])
            for name in ("this", "path", "value")
            if name in projected and row[name] is not None
        )
    else:
        this = row["this"] if "this" in projected else None
        path = row["path"] if "path" in projected else None
        value = row["value"] if "value" in projected else None
        if this is None and path is None and value is None:
            return []
        result_focus, result_path, result_value = this or focus, path, value
    if result_value is None and not shape.is_property_shape:
        result_value = focus
    names = dict(bound)
    for key, term in (("this", this), ("path", path), ("value", value)):
        if term is not None:
            names[key] = term
    messages = list(shape.messages) + [
        Literal(_fill(str(m), names)) for m in query.sparql.messages if m not in shape.messages
    ]
    return [
        Violation(
            focus=_text(result_focus),
            path=_text(result_path) if result_path is not None else shape.path_text,
            message=_message(messages) or "SPARQL constraint not satisfied",
            severity=_local_name(str(shape.severity)),
            shape=_shape_text(shape.node),
            value=_text(result_value) if result_value is not None else None,
        )
    ]


def _fill(message: str, names: dict) -> str:
    for name, term in names.items():
        message = re.sub(r"{[?$]" + re.escape(name) + "}", lambda _m, t=term: _plain(t), message)
    return message


def _plain(term) -> str:
    """``str()`` of the rdflib term: IRIs and lexical forms as they are, blank node ids."""
    return term.value


def _text(term) -> str:
    """Node text as :class:`~mlsys_graph.kg.validate.Violation` writes it."""
    import pyoxigraph as ox

    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def _shape_text(node) -> str | None:
    return str(node) if isinstance(node, URIRef) else None


def _local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _message(messages) -> str | None:
    """The message :func:`~mlsys_graph.kg.validate.violations_from_report` picks: without a
    language tag first, then English, then the first in order."""
    literals = [m for m in messages if isinstance(m, Literal)]
    if not literals:
        return None
    literals.sort(key=lambda m: (m.language not in (None, "en"), m.language or "", str(m)))
    return str(literals[0])


def _generic(check: Check) -> str:
    """A message for a shape without ``sh:message`` (pySHACL's own wording differs)."""
    component = check.component
    if isinstance(component, Qualified):
        if check.focus_check is not None:  # maxima are found by scanning, minima from the focus
            return f"More than {component.max_count} values conform to the qualified value shape"
        return f"Fewer than {component.min_count} values conform to the qualified value shape"
    if isinstance(component, MinCount):
        return f"Less than {component.count} values"
    if isinstance(component, MaxCount):
        return f"More than {component.count} values"
    if isinstance(component, Datatype):
        return f"Value is not a literal with datatype <{component.datatype}>"
    if isinstance(component, ClassOf):
        return f"Value does not have class <{component.cls}>"
    if isinstance(component, NodeKind):
        return f"Value is not of node kind sh:{str(component.kind).removeprefix(str(SH))}"
    if isinstance(component, In):
        return "Value is not in the list of sh:in"
    if isinstance(component, HasValue):
        return f"Missing the value {component.value.n3()}"
    if isinstance(component, Pattern):
        return f"Value does not match pattern '{component.pattern}'"
    if isinstance(component, MinLength):
        return f"Value is shorter than {component.length} characters"
    if isinstance(component, MaxLength):
        return f"Value is longer than {component.length} characters"
    if isinstance(component, NodeRef):
        return f"Value does not conform to shape {_node(component.shape)}"
    if isinstance(component, Not):
        return f"Value conforms to shape {_node(component.shape)}"
    if isinstance(component, (Or, And, Xone)):
        name = type(component).__name__.lower()
        return f"Value does not conform to sh:{name} of {len(component.shapes)} shapes"
    if isinstance(component, Equals):
        return f"Values differ from the values of <{component.prop}>"
    if isinstance(component, Disjoint):
        return f"Value is also a value of <{component.prop}>"
    if isinstance(component, LessThan):
        op = "<=" if component.or_equal else "<"
        return f"Value is not {op} the values of <{component.prop}>"
    return "Constraint not satisfied"


def _node(node) -> str:
    return "a blank node shape" if isinstance(node, BNode) else f"<{node}>"
