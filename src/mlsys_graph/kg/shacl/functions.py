"""The Python functions the compiled queries call, each exactly pySHACL's rule.

Oxigraph calls them only for the values a cheap SPARQL test cannot decide (a literal whose
lexical form is not plainly valid, a comparison across datatypes, a regex without a Rust
translation), so they cost nothing on a well-formed graph.

>>> import pyoxigraph as ox
>>> XSD = "http://www.w3.org/2001/XMLSchema#"
>>> datatype_conforms(ox.Literal("0", datatype=ox.NamedNode("urn:x-mlsys-graph:xsd:positiveInteger")))
<Literal value=false datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#boolean>>
>>> less_fails(ox.Literal("2", datatype=ox.NamedNode(XSD + "integer")), ox.Literal("b"), ox.Literal(False))
<Literal value=true datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#boolean>>
"""

from __future__ import annotations

import warnings
from datetime import date, datetime, time
from decimal import Decimal

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD

from ..oxi import rdf_term
from .compile import FN_DATATYPE, FN_LESS, FN_REGEX
from .regex import python_search

__all__ = ["custom_functions", "datatype_conforms", "less_fails", "python_regex"]

_VALUE_TYPES = {
    XSD.string: (str, bytes),
    RDF.langString: (str, bytes),
    XSD.integer: int,
    XSD.float: float,
    XSD.decimal: Decimal,
    XSD.boolean: bool,
    XSD.date: date,
    XSD.time: time,
    XSD.dateTime: datetime,
}


def _boolean(value: bool):
    import pyoxigraph as ox

    return ox.Literal(bool(value))


def datatype_conforms(value):
    """Whether a literal (already known to carry the datatype) is well-formed for it, as
    pySHACL's ``sh:datatype`` decides: not ill-typed for rdflib, and with a Python value of
    the expected type for the datatypes pySHACL knows."""
    literal = rdf_term(value)
    if not isinstance(literal, Literal) or literal.ill_typed is True:
        return _boolean(False)
    expected = _VALUE_TYPES.get(literal.datatype)
    return _boolean(expected is None or isinstance(literal.value, expected))


def less_fails(value, other, strict):
    """Whether ``value < other`` (``strict``) or ``value <= other`` fails, as pySHACL's
    ``sh:lessThan``/``sh:lessThanOrEquals`` compares: IRIs and string-valued literals as
    Python strings, a string with a non-string never, other literals by rdflib's ordering."""
    a, b = rdf_term(value), rdf_term(other)
    if isinstance(a, BNode) or isinstance(b, BNode):
        return _boolean(True)  # pySHACL stops with an error; never a pass
    a_value, a_string = _comparable(a)
    b_value, b_string = _comparable(b)
    if a_string != b_string:
        return _boolean(True)
    try:
        with warnings.catch_warnings():  # rdflib's ordering of some datatypes (gYear) warns
            warnings.simplefilter("ignore", DeprecationWarning)
            passes = a_value < b_value if strict.value == "true" else a_value <= b_value
    except TypeError:
        return _boolean(True)
    return _boolean(not passes)


def _comparable(node):
    if isinstance(node, URIRef):
        return str(node), True
    if isinstance(node, Literal) and isinstance(node.value, str):
        return node.value, True
    return node, False


def python_regex(text, pattern, flags):
    """``re.search`` with pySHACL's flags, for patterns Oxigraph cannot run identically."""
    return _boolean(python_search(pattern.value, flags.value, text.value))


def custom_functions() -> dict:
    """The functions to pass to ``pyoxigraph.Store.query``."""
    import pyoxigraph as ox

    return {
        ox.NamedNode(FN_DATATYPE): datatype_conforms,
        ox.NamedNode(FN_LESS): less_fails,
        ox.NamedNode(FN_REGEX): python_regex,
    }
