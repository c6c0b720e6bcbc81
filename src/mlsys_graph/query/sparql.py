"""Run SPARQL with bound values, never with values pasted into the query text.

Queries run on pyoxigraph. A parameter is bound as an RDF term through pyoxigraph's
``substitutions`` (SPARQL-dev SEP-0007): the value is never part of the query text, so
``" || true) } #`` is a string to compare with, not SPARQL to run. Oxigraph binds only
variables of the SELECT projection (``SELECT *`` leaves out those only a FILTER uses), so a
named query lists its parameters first among the variables it selects.

Named queries live in ``queries/NAME.rq``; the comment block at the top of each file is
its documentation (see :func:`parse_header`).

>>> "papers-by-author" in query_names()
True
>>> q = get_query("papers-at-venue")
>>> [(p.name, p.optional) for p in q.parameters]
[('venue', False), ('year', True)]
>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> store.add(ox.Quad(ox.NamedNode("https://e.org/a"), ox.NamedNode("https://e.org/name"), ox.Literal("Ada")))
>>> text = 'SELECT ?name ?who WHERE { ?who <https://e.org/name> ?n FILTER(?n = ?name) }'
>>> [str(row["who"]) for row in run_query(store, text, {"name": "Ada"})]
['https://e.org/a']
>>> run_query(store, text, {"name": '" || true) } #'})
[]
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ..errors import QueryError, QuerySyntaxError, QueryUsageError

__all__ = [
    "NamedQuery",
    "Parameter",
    "as_store",
    "execute",
    "get_query",
    "named_query",
    "parse_header",
    "parse_value",
    "query_names",
    "result_kind",
    "run_query",
    "variables_of",
    "with_values",
]

#: The comment line of a named query where a VALUES block binds its parameters for SPARQL
#: servers that cannot bind them otherwise (see :func:`with_values`).
VALUES_MARK = "# parameters: VALUES go here"

_VARIABLE = re.compile(r"[?$]([A-Za-z_0-9\u00b7\u00c0-\ufffd]+)")
_PARAM_LINE = re.compile(
    r"^(?P<indent>\s+)(?P<name>[A-Za-z_]\w*)(?:\s+\((?P<flags>[^)]*)\))?\s+(?P<text>\S.*)$"
)
_POSITION = re.compile(r"error at (\d+):(\d+): ")


@dataclass(frozen=True)
class Parameter:
    """A parameter of a named query: bound as a plain literal, or as an IRI when ``iri``."""

    name: str
    description: str
    optional: bool = False
    iri: bool = False


@dataclass(frozen=True)
class NamedQuery:
    """A query of ``queries/NAME.rq`` with the documentation of its header comment.

    ``path`` names the file for messages (``queries/NAME.rq``); line numbers in syntax
    errors are lines of that file.
    """

    name: str
    description: str
    parameters: tuple[Parameter, ...]
    examples: tuple[str, ...]
    text: str
    path: str

    def bindings(self, values: Mapping[str, str]) -> dict[str, Any]:
        """RDF terms for the given parameter values (strings), checked against the header.

        Raises :class:`~mlsys_graph.errors.QueryUsageError` for an unknown parameter or a
        missing required one; the message lists the valid parameters.
        """
        import pyoxigraph as ox

        known = {p.name: p for p in self.parameters}
        unknown = sorted(set(values) - set(known))
        if unknown:
            raise QueryUsageError(
                f"query {self.name!r} has no parameter {', '.join(unknown)}; "
                f"{self._parameter_list()}"
            )
        missing = [p.name for p in self.parameters if not p.optional and p.name not in values]
        if missing:
            raise QueryUsageError(
                f"query {self.name!r} needs --param {missing[0]}=VALUE; {self._parameter_list()}"
            )
        terms = {}
        for name, value in values.items():
            if known[name].iri:
                terms[name] = ox.NamedNode(value.strip().removeprefix("<").removesuffix(">"))
            else:
                terms[name] = ox.Literal(value)
        return terms

    def _parameter_list(self) -> str:
        if not self.parameters:
            return "it takes no parameters"
        names = [p.name + (" (optional)" if p.optional else "") for p in self.parameters]
        return "its parameters: " + ", ".join(names)


def parse_header(text: str) -> tuple[str, str, tuple[Parameter, ...], tuple[str, ...]]:
    """``(name, description, parameters, examples)`` from a query's leading comment block.

    The block is the leading ``#`` lines. Its first line is ``# NAME: one-line description``;
    a ``Parameters:`` line is followed by one indented line per parameter,
    ``name [(optional, IRI)] description`` (deeper-indented lines continue the description;
    ``Parameters: none`` when there are none); an ``Example:`` line is followed by indented
    example calls.

    >>> header = '''# q: what it does.
    ... #
    ... # Parameters:
    ... #   who (optional)  a name,
    ... #                   any case
    ... # Example:
    ... #   mlsys-graph query --name q --param who=Ada
    ... SELECT ?who WHERE {}'''
    >>> name, description, params, examples = parse_header(header)
    >>> name, description, params[0].description, params[0].optional, examples
    ('q', 'what it does.', 'a name, any case', True, ('mlsys-graph query --name q --param who=Ada',))
    """
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line[1:].rstrip())
    if not lines or ":" not in lines[0]:
        raise ValueError("a named query starts with a comment '# NAME: description'")
    name, _, description = lines[0].strip().partition(":")
    parameters: list[Parameter] = []
    examples: list[str] = []
    section = None
    param_indent = 0
    for line in lines[1:]:
        stripped = line.strip()
        head = stripped.lower()
        if head.startswith("parameters:"):
            section = "parameters"
            continue
        if head in ("example:", "examples:"):
            section = "examples"
            continue
        if not stripped:
            section = None if section == "examples" else section
            continue
        indent = len(line) - len(line.lstrip())
        if section == "parameters" and indent >= 2:
            if parameters and indent > param_indent:
                last = parameters.pop()
                parameters.append(
                    Parameter(last.name, f"{last.description} {stripped}", last.optional, last.iri)
                )
                continue
            match = _PARAM_LINE.match(line)
            if match is None:
                raise ValueError(f"cannot read the parameter line {line!r}")
            flags = {f.strip().lower() for f in (match["flags"] or "").split(",") if f.strip()}
            if flags - {"optional", "iri"}:
                raise ValueError(f"unknown parameter flags {sorted(flags)} in {line!r}")
            param_indent = len(match["indent"])
            parameters.append(
                Parameter(match["name"], match["text"], "optional" in flags, "iri" in flags)
            )
        elif section == "examples" and indent >= 2:
            examples.append(stripped)
        elif section == "parameters":
            section = None
    return name.strip(), description.strip(), tuple(parameters), tuple(examples)


def query_names() -> list[str]:
    """The names of the named queries, sorted."""
    folder = resources.files(__package__) / "queries"
    return sorted(p.name[:-3] for p in folder.iterdir() if p.name.endswith(".rq"))


@cache
def get_query(name: str) -> NamedQuery:
    """The named query ``queries/NAME.rq`` (an unknown name lists the known ones)."""
    path = resources.files(__package__) / "queries" / f"{name}.rq"
    if not name or "/" in name or not path.is_file():
        raise QueryUsageError(f"no query named {name!r}; known: {', '.join(query_names())}")
    text = path.read_text(encoding="utf-8")
    title, description, parameters, examples = parse_header(text)
    if title != name:
        raise QueryError(f"queries/{name}.rq: its header names it {title!r}")
    return NamedQuery(name, description, parameters, examples, text, f"queries/{name}.rq")


def named_query(name: str) -> str:
    """The text of ``queries/NAME.rq``."""
    return get_query(name).text


def with_values(query: NamedQuery, bindings: Mapping[str, Any]) -> str:
    """The query's text with its parameters bound by a VALUES block, for any SPARQL server.

    The block replaces the query's ``# parameters: VALUES go here`` lines, which sit in the
    groups that test the parameters (a group's FILTER sees only what the group binds). The
    values are written as RDF terms in N-Triples syntax by pyoxigraph, escapes and all, so
    ``" || true) } #`` stays one string.

    >>> q = get_query("papers-at-venue")
    >>> text = with_values(q, q.bindings({"venue": 'NIPS"'}))
    >>> print(next(line.strip() for line in text.splitlines() if "VALUES" in line))
    VALUES ?venue { "NIPS\\"" }
    """
    if not bindings:
        return query.text
    names = list(bindings)
    terms = [str(_term(bindings[n])) for n in names]
    if len(names) == 1:
        block = f"VALUES ?{names[0]} {{ {terms[0]} }}"
    else:
        block = f"VALUES ({' '.join('?' + n for n in names)}) {{ ({' '.join(terms)}) }}"
    if VALUES_MARK not in query.text:
        raise QueryError(f"{query.path}: has no line '{VALUES_MARK}' to take parameters")
    return query.text.replace(VALUES_MARK, block)


def parse_value(value: str):
    """A parameter value given as text as an RDF term: ``<IRI>`` is an IRI, anything else
    a plain literal (so ``" || true) } #`` is just a string).

    >>> parse_value("<https://example.org/x>")
    <NamedNode value=https://example.org/x>
    >>> parse_value("Ada")
    <Literal value=Ada datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#string>>
    """
    import pyoxigraph as ox

    if len(value) > 2 and value.startswith("<") and value.endswith(">") and " " not in value:
        return ox.NamedNode(value[1:-1])
    return ox.Literal(value)


def as_store(source):
    """A pyoxigraph store for ``source``: a pyoxigraph ``Store``, a
    :class:`~mlsys_graph.query.store.GraphStore`, or an rdflib ``Graph`` (copied in)."""
    import pyoxigraph as ox

    if isinstance(source, ox.Store):
        return source
    store = getattr(source, "store", None)
    if isinstance(store, ox.Store):
        return store
    from rdflib import Graph

    if isinstance(source, Graph):
        from ..kg.oxi import store_from_graph

        return store_from_graph(source, faithful=False)
    raise TypeError(f"cannot query {type(source).__name__}: give a store or an rdflib Graph")


def variables_of(text: str) -> list[str]:
    """The variable names that occur in a query's text (comments and strings included).

    >>> variables_of("SELECT ?a $b WHERE { ?a ?c ?b }")
    ['a', 'b', 'c']
    """
    return sorted(set(_VARIABLE.findall(text)))


def _term(value):
    import pyoxigraph as ox

    if isinstance(value, ox.NamedNode | ox.Literal | ox.BlankNode):
        return value
    if type(value) is str:  # rdflib terms are str subclasses: converted below
        return ox.Literal(value)
    from ..kg.oxi import ox_term

    return ox_term(value, faithful=False)


def execute(source, text: str, bindings: Mapping[str, Any] | None = None, *, name: str = "query"):
    """Run a query; the pyoxigraph result (``QuerySolutions``, ``QueryBoolean`` or
    ``QueryTriples``), evaluated lazily.

    ``bindings`` maps variable names to RDF terms (pyoxigraph or rdflib) or strings (plain
    literals). ``name`` names the query in messages (a file, ``-``, a named query's path).
    A syntax error raises :class:`~mlsys_graph.errors.QuerySyntaxError` with line and
    column; a binding of a variable the query does not have (or does not select) raises
    :class:`~mlsys_graph.errors.QueryUsageError`.
    """
    import pyoxigraph as ox

    store = as_store(source)
    substitutions = {}
    if bindings:
        present = set(variables_of(text))
        for var, value in bindings.items():
            if var not in present:
                known = ", ".join(f"?{v}" for v in sorted(present)) or "none"
                raise QueryUsageError(
                    f"{name}: the query has no variable ?{var} to bind; its variables: {known}"
                )
            substitutions[ox.Variable(var)] = _term(value)
    try:
        return store.query(text, substitutions=substitutions or None)
    except SyntaxError as exc:
        message = str(exc)
        found = _POSITION.match(message)
        if found:
            line, column = int(found[1]), int(found[2])
            message = message[found.end() :]
        else:
            line, column = getattr(exc, "lineno", None), getattr(exc, "offset", None)
        raise QuerySyntaxError(name, line, column, message) from None
    except RuntimeError as exc:
        if "projection" in str(exc):
            var = re.search(r"variable \?(\w+)", str(exc))
            shown = f"?{var[1]}" if var else "a bound variable"
            raise QueryUsageError(
                f"{name}: {shown} is bound but not selected: list it among the SELECT "
                "variables (Oxigraph binds only selected variables, and SELECT * does not "
                "select a variable that only a FILTER uses)"
            ) from None
        raise QueryError(f"{name}: {exc}") from None
    except OSError as exc:
        raise QueryError(f"{name}: cannot read the store: {exc}") from None


def result_kind(result) -> str:
    """``select``, ``ask`` or ``graph`` (CONSTRUCT and DESCRIBE) for a result of :func:`execute`."""
    import pyoxigraph as ox

    if isinstance(result, ox.QuerySolutions):
        return "select"
    if isinstance(result, ox.QueryBoolean):
        return "ask"
    return "graph"


def run_query(source, text: str, bindings: Mapping[str, Any] | None = None) -> list[dict]:
    """Rows of a SELECT query as dicts of rdflib terms (unbound variables are absent).

    ``source`` is a pyoxigraph store, a :class:`~mlsys_graph.query.store.GraphStore` or an
    rdflib ``Graph``; ``bindings`` as for :func:`execute`.
    """
    from ..kg.oxi import rdf_term

    result = execute(source, text, bindings)
    if result_kind(result) != "select":
        raise QueryError("run_query runs SELECT queries; use execute() for ASK or CONSTRUCT")
    names = [v.value for v in result.variables]
    rows = []
    for solution in result:
        row = {}
        for name in names:
            value = solution[name]
            if value is not None:
                row[name] = rdf_term(value)
        rows.append(row)
    return rows
