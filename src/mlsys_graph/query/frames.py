"""Query results as pandas DataFrames, for notebooks (pandas is the ``analysis`` extra).

A named query runs with its parameters bound as RDF terms (never pasted into the text, as
:func:`~mlsys_graph.query.sparql.execute` does), and each solution becomes a row: one
column per SELECT variable in the query's order, an unbound value ``None`` (never NaN); IRIs as
strings (or ``prefix:local`` with ``shorten``), numbers and years as Python numbers, every
other literal as its text.

>>> frame = named_frame("papers-at-venue", {"venue": "OSDI", "year": "2018"})
>>> list(frame.columns)
['venue', 'year', 'acronym', 'published', 'title', 'asWritten', 'entry']
>>> sorted(set(frame["published"])), len(frame) > 1
([2018], True)
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["named_frame", "python_value", "solutions_frame"]

XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {
    XSD + t
    for t in (
        "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
        "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong",
        "unsignedShort", "unsignedByte",
    )
}  # fmt: skip
_FLOATS = {XSD + "decimal", XSD + "double", XSD + "float"}


def python_value(term, prefixes: Mapping[str, str] | None = None):
    """A pyoxigraph term as a plain Python value.

    >>> import pyoxigraph as ox
    >>> python_value(ox.Literal("7", datatype=ox.NamedNode(XSD + "integer")))
    7
    >>> python_value(ox.Literal("2019", datatype=ox.NamedNode(XSD + "gYear")))
    2019
    >>> python_value(ox.NamedNode("https://e.org/x"), {"e": "https://e.org/"})
    'e:x'
    >>> python_value(ox.Literal("n/a", datatype=ox.NamedNode(XSD + "integer")))
    'n/a'
    >>> python_value(None) is None
    True
    """
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        if prefixes:
            from .store import shorten

            return shorten(term.value, prefixes)
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        text = term.value
        try:
            if datatype in _INTEGERS:
                return int(text)
            if datatype in _FLOATS:
                return float(text)
            if datatype == XSD + "boolean":
                return text in ("true", "1")
            if datatype == XSD + "gYear" and text[:4].isdigit():
                return int(text[:4])
        except ValueError:
            return text
        return text
    return str(term)


def solutions_frame(solutions, *, prefixes: Mapping[str, str] | None = None):
    """The rows of a SELECT result (pyoxigraph ``QuerySolutions``) as a DataFrame."""
    from ..network.tables import _pandas

    pandas = _pandas()
    names = [v.value for v in solutions.variables]
    rows = [[python_value(s[name], prefixes) for name in names] for s in solutions]
    # Columns of Python objects, then narrowed where every value allows (a count column
    # becomes int64); a column with unbound values keeps None, not NaN.
    frame = pandas.DataFrame(rows, columns=names, dtype=object)
    for name in names:
        if len(frame) and not frame[name].isna().any():
            frame[name] = frame[name].infer_objects()
    return frame


def named_frame(
    name: str,
    params: Mapping[str, str] | None = None,
    source=None,
    *,
    shorten: bool = False,
):
    """Run the named query ``name`` with ``params`` on ``source``; its rows as a DataFrame.

    Parameters
    ----------
    name : str
        A named query (:func:`~mlsys_graph.query.sparql.query_names`).
    params : mapping of str to str, optional
        Its parameters (``{"venue": "OSDI"}``), checked against its header: an unknown or a
        missing required one raises :class:`~mlsys_graph.errors.QueryUsageError`.
    source : graph source, optional
        Anything :func:`~mlsys_graph.query.store.open_store` opens (default: the bundled
        graph).
    shorten : bool
        Write IRIs as ``prefix:local`` with the graph's prefixes.
    """
    from ..errors import QueryUsageError
    from .sparql import execute, get_query, result_kind
    from .store import open_store

    query = get_query(name)
    store = open_store(source)
    result = execute(store, query.text, query.bindings(dict(params or {})), name=query.path)
    if result_kind(result) != "select":
        raise QueryUsageError(f"{query.path} is not a SELECT query: it has no rows")
    return solutions_frame(result, prefixes=store.prefixes if shorten else None)
