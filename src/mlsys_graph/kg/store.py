"""Load and save graphs: Turtle, N-Triples and JSON-LD, byte-identical for the same graph.

The writers stream a :class:`~mlsys_graph.kg.triples.Triples` to a text handle, subject by
subject, never holding an rdflib ``Graph`` or a whole output text:

* N-Triples: lines sorted (``LC_ALL=C sort`` order of the lines);
* Turtle: the bytes rdflib's ``longturtle`` serializer writes for the same graph (subjects by
  how often they are referenced, then by IRI; ``rdf:type`` and ``rdfs:label`` first; the
  same prefixed names and literal forms), without its cost (it looks namespaces up per term,
  which grows with the graph);
* JSON-LD: one ``@context`` of the prefixes and a sorted ``@graph``, written by hand.

The ``to_*`` functions return the text and take a ``Triples`` or an rdflib ``Graph``.
:func:`write_outputs` writes the three files as a set: rendered into a temporary folder inside
the output folder, then moved in together (with Ctrl-C held back for those few renames), so
an interrupted or failed build leaves the previous set whole.

>>> from rdflib import Graph, Literal, URIRef
>>> g = Graph()
>>> _ = g.add((URIRef("https://w3id.org/mlsys-graph/id/x"), URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("x")))
>>> to_ntriples(g)
'<https://w3id.org/mlsys-graph/id/x> <http://www.w3.org/2000/01/rdf-schema#label> "x" .\\n'
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from io import StringIO
from json.encoder import encode_basestring
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ..bulk import gc_paused
from ..errors import OutputError
from ..forked import available_cpus
from .triples import O_MASK, P_MASK, P_SHIFT, Lit, Term, Triples, literal_nt

if TYPE_CHECKING:  # pragma: no cover
    from rdflib import Graph

__all__ = [
    "FORMATS",
    "load_graph",
    "to_jsonld",
    "to_ntriples",
    "to_turtle",
    "write_atomic",
    "write_graph",
    "write_jsonld",
    "write_ntriples",
    "write_outputs",
    "write_turtle",
]

#: Output file suffix → rdflib parser name.
FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld"}

_PERCENT_NOT_HEX = re.compile(r"%(?![0-9A-Fa-f]{2})")
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDF_TYPE = _RDF + "type"
_RDF_NIL = _RDF + "nil"
_RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_RDFS_CLASS = "http://www.w3.org/2000/01/rdf-schema#Class"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_XSD_STRING = _XSD + "string"

#: Subjects written per chunk (and per progress step).
_CHUNK = 2000

Tick = Callable[[int], None]


def _as_triples(graph: Graph | Triples) -> Triples:
    return graph if isinstance(graph, Triples) else Triples.from_graph(graph)


def _chunks(out: TextIO, tick: Tick | None) -> Callable[[list[str], int], None]:
    def flush(parts: list[str], subjects: int) -> None:
        out.write("".join(parts))
        parts.clear()
        if tick is not None:
            tick(subjects)

    return flush


# -- N-Triples ---------------------------------------------------------------------------------
def write_ntriples(
    triples: Triples,
    out: TextIO,
    tick: Tick | None = None,
    slices: Sequence[tuple[Collection[str], TextIO]] = (),
) -> None:
    """Sorted N-Triples lines.

    ``slices`` are more outputs, each given the lines of a set of predicates only (in no
    particular order): parts of the graph to load apart (:mod:`~mlsys_graph.kg.shacl.reads`).
    """
    triples.check_iris()
    terms, preds = triples.tables()
    predicate_text = [f"<{p}> " for p in preds]
    subjects = triples.subject_ids()
    order = sorted(range(len(subjects)), key=lambda i: terms[subjects[i]] + ">")  # type: ignore[operator]
    parts: list[str] = []
    flush = _chunks(out, tick)
    if slices:
        _write_sliced(triples, order, predicate_text, slices, flush)
        return
    for n, (sid, row) in enumerate(triples.rows(order), start=1):
        head = f"<{terms[sid]}> "
        lines = []
        for v in row:
            o = terms[v & O_MASK]
            pt = predicate_text[(v >> P_SHIFT) & P_MASK]
            if type(o) is str:
                lines.append(f"{head}{pt}<{o}> .\n")
            else:
                lines.append(f"{head}{pt}{literal_nt(o)} .\n")
        lines.sort()
        parts.extend(lines)
        if n % _CHUNK == 0:
            flush(parts, _CHUNK)
    flush(parts, len(order) % _CHUNK)


def _write_sliced(triples: Triples, order, predicate_text, slices, flush) -> None:
    """:func:`write_ntriples`'s loop that also hands each line to the slices of its
    predicate (kept apart so that the plain loop pays nothing for it)."""
    terms, preds = triples.tables()
    buffers: list[list[str]] = [[] for _ in slices]
    routes = [
        tuple(buffers[k] for k, (wanted, _out) in enumerate(slices) if p in wanted) for p in preds
    ]
    parts: list[str] = []

    def flush_all(subjects: int) -> None:
        flush(parts, subjects)
        for buffer, (_wanted, out) in zip(buffers, slices, strict=True):
            out.write("".join(buffer))
            buffer.clear()

    for n, (sid, row) in enumerate(triples.rows(order), start=1):
        head = f"<{terms[sid]}> "
        lines = []
        for v in row:
            o = terms[v & O_MASK]
            p = (v >> P_SHIFT) & P_MASK
            pt = predicate_text[p]
            line = f"{head}{pt}<{o}> .\n" if type(o) is str else f"{head}{pt}{literal_nt(o)} .\n"
            lines.append(line)
            for buffer in routes[p]:
                buffer.append(line)
        lines.sort()
        parts.extend(lines)
        if n % _CHUNK == 0:
            flush_all(_CHUNK)
    flush_all(len(order) % _CHUNK)


def to_ntriples(graph: Graph | Triples) -> str:
    """Sorted N-Triples."""
    out = StringIO()
    write_ntriples(_as_triples(graph), out)
    return out.getvalue()


# -- Turtle (rdflib longturtle, byte for byte) ----------------------------------------------------
_PLAIN_LITERAL_TYPES = {_XSD + "integer", _XSD + "boolean", _XSD + "double", _XSD + "decimal"}
_NUMERIC_INF_NAN_TYPES = {_XSD + "double", _XSD + "float", _XSD + "decimal"}


class _PrefixedNames:
    """``prefix:local`` for IRIs as rdflib's longturtle computes them, and the prefixes used.

    rdflib splits an IRI where its local name starts (``split_uri``) and uses the prefix bound
    to that namespace (or to a longer bound namespace the IRI starts with). An IRI that starts
    with no bound namespace cannot get a prefixed name, which is decided without splitting:
    the data IRIs of a big graph never pay for it.
    """

    def __init__(self, namespaces: Mapping[str, str]) -> None:
        self.prefix_of: dict[str, str] = {}
        for prefix, ns in namespaces.items():
            self.prefix_of.setdefault(ns, prefix)
        self.starts = tuple(self.prefix_of)
        self.used: dict[str, str] = {}  # prefix as written → namespace
        self._rewrite: dict[str, str] = {}
        self._cache: dict[tuple[str, bool], str | None] = {}

    def _bind_generated(self, ns: str) -> str:
        taken = set(self.prefix_of.values())
        n = 1
        while f"ns{n}" in taken:
            n += 1
        self.prefix_of[ns] = f"ns{n}"
        self.starts = tuple(self.prefix_of)
        return f"ns{n}"

    def _qname(self, iri: str, generate: bool) -> tuple[str, str, str] | None:
        from rdflib.namespace import split_uri

        try:
            ns, local = split_uri(iri)
        except ValueError:
            prefix = self.prefix_of.get(iri)
            return (prefix, iri, "") if prefix else None
        longer = [n for n in self.starts if len(n) > len(ns) and n.startswith(ns)]
        longer = [n for n in longer if iri.startswith(n)]
        if longer:
            ns = max(longer, key=len)
            local = iri[len(ns) :]
        prefix = self.prefix_of.get(ns)
        if prefix is None:
            if not generate:
                prefix = self.prefix_of.get(iri)
                return (prefix, iri, "") if prefix else None
            prefix = self._bind_generated(ns)
        return prefix, ns, local

    def _add_namespace(self, prefix: str, ns: str) -> str:
        if (prefix and prefix[0] == "_") or self.used.get(prefix, ns) != ns:
            if prefix not in self._rewrite:
                p = "p" + prefix
                while p in self.used:
                    p = "p" + p
                self._rewrite[prefix] = p
            prefix = self._rewrite.get(prefix, prefix)
        self.used[prefix] = ns
        return prefix

    def __call__(self, iri: str, generate: bool = False) -> str | None:
        if not generate and not iri.startswith(self.starts):
            return None
        key = (iri, generate)
        if key in self._cache:
            return self._cache[key]
        found = self._qname(iri, generate)
        result = None
        if found is not None:
            prefix, ns, local = found
            local = local.replace("(", r"\(").replace(")", r"\)")
            local = _PERCENT_NOT_HEX.sub(r"\\%", local)
            if not local.endswith("."):
                result = f"{self._add_namespace(prefix, ns)}:{local}"
        self._cache[key] = result
        return result


def _quote_turtle(text: str) -> str:
    """rdflib's ``Literal._quote_encode``: triple quotes when the text has a line break."""
    if "\n" in text:
        encoded = text.replace("\\", "\\\\")
        if '"""' in text:
            encoded = encoded.replace('"""', '\\"\\"\\"')
        if encoded[-1] == '"' and encoded[-2] != "\\":
            encoded = encoded[:-1] + "\\" + '"'
        encoded = encoded.replace("\r", "\\r")
        return f'"""{encoded}"""'
    encoded = text.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "\\r")
    return f'"{encoded}"'


def _rdflib_literal(lit: Lit):
    from rdflib import Literal

    return Literal(lit.lexical, lang=lit.lang, datatype=lit.datatype)


def _turtle_literal(lit: Lit, pnames: _PrefixedNames) -> str:
    """A literal as longturtle writes it (``Literal._literal_n3(use_plain=True)``)."""
    dt = lit.datatype
    if dt in _PLAIN_LITERAL_TYPES or dt in _NUMERIC_INF_NAN_TYPES:
        if dt == _XSD + "boolean" and lit.lexical in ("true", "false"):
            return lit.lexical
        return _rdflib_literal(lit)._literal_n3(
            use_plain=True, qname_callback=lambda d: pnames(d, False)
        )
    encoded = _quote_turtle(lit.lexical)
    if lit.lang:
        return f"{encoded}@{lit.lang}"
    if dt:
        return f"{encoded}^^{pnames(dt, False) or f'<{dt}>'}"
    return encoded


def _sorted_objects(objects: list[Term]) -> list[Term]:
    """Objects in rdflib's order: IRIs by text, then literals (plain ones by text)."""
    if len(objects) < 2:
        return objects
    iris = sorted(o for o in objects if type(o) is str)
    lits = [o for o in objects if type(o) is not str]
    if all(o.datatype is None and o.lang is None for o in lits):
        lits.sort(key=lambda o: o.lexical)
    else:
        made = sorted(
            (_rdflib_literal(o), o)
            for o in sorted(lits, key=literal_nt)  # type: ignore[arg-type]
        )
        lits = [o for _, o in made]
    return [*iris, *lits]


def write_turtle(triples: Triples, out: TextIO, tick: Tick | None = None) -> None:
    """Turtle, as rdflib's ``longturtle`` serializer writes the same graph."""
    triples.check_iris()
    terms, preds = triples.tables()
    pnames = _PrefixedNames(triples.namespaces)
    # Which prefixes are used: every predicate (but rdf:type, written "a"), subject, object
    # and literal datatype, like longturtle's first pass.
    verbs = [("a" if p == _RDF_TYPE else pnames(p, True) or f"<{p}>") for p in preds]
    for term in terms:
        if type(term) is str:
            pnames(term)
        elif term.datatype:
            pnames(term.datatype)
    # rdf:type, rdfs:label, then the other predicates by IRI
    ranked = sorted(
        range(len(preds)),
        key=lambda i: ({_RDF_TYPE: 0, _RDFS_LABEL: 1}.get(preds[i], 2), preds[i]),
    )
    rank = [0] * len(preds)
    for position, i in enumerate(ranked):
        rank[i] = position

    # An IRI gets a prefixed name only when a bound namespace starts it: namespaces are
    # bucketed by their first characters, so most IRIs are ruled out by one lookup.
    width = min((len(ns) for ns in pnames.starts), default=1)
    buckets: dict[str, tuple[str, ...]] = {}
    for ns in pnames.starts:
        buckets[ns[:width]] = (*buckets.get(ns[:width], ()), ns)

    def label(term: Term) -> str:
        if type(term) is str:
            bucket = buckets.get(term[:width])
            if bucket is None or not term.startswith(bucket):
                return f"<{term}>"
            if term == _RDF_NIL:
                return "()"
            return pnames(term) or f"<{term}>"
        if term.datatype is None and term.lang is None:  # type: ignore[union-attr]
            return _quote_turtle(term.lexical)  # type: ignore[union-attr]
        return _turtle_literal(term, pnames)  # type: ignore[arg-type]

    subject_ids = triples.subject_ids()
    references = triples.object_counts()
    classes = {s for s, o in triples.objects(_RDF_TYPE) if o == _RDFS_CLASS}
    top = sorted(
        (i for i, s in enumerate(subject_ids) if terms[s] in classes),
        key=lambda i: terms[subject_ids[i]],
    )
    rest = sorted(
        (i for i, s in enumerate(subject_ids) if terms[s] not in classes),
        key=lambda i: (references[subject_ids[i]], terms[subject_ids[i]]),
    )

    started = False
    for prefix, ns in sorted(pnames.used.items()):
        out.write(f"PREFIX {prefix}: <{ns}>\n")
        started = True
    parts: list[str] = []
    flush = _chunks(out, tick)
    shared: dict[int, str] = {}  # labels of terms that are objects more than once

    def object_label(oid: int) -> str:
        text = shared.get(oid)
        if text is None:
            text = label(terms[oid])
            if references[oid] > 1:
                shared[oid] = text
        return text

    for n, (sid, row) in enumerate(triples.rows([*top, *rest]), start=1):
        by_predicate: dict[int, list[int]] = {}
        for v in row:
            pid = (v >> P_SHIFT) & P_MASK
            objects = by_predicate.get(pid)
            if objects is None:
                by_predicate[pid] = [v & O_MASK]
            else:
                objects.append(v & O_MASK)
        statements = []
        for pid in sorted(by_predicate, key=rank.__getitem__):
            ids = by_predicate[pid]
            if len(ids) == 1:
                statements.append(f"{verbs[pid]} {object_label(ids[0])}")
            else:
                if all(type(terms[i]) is str for i in ids):
                    ids.sort(key=terms.__getitem__)
                    listed = " ,\n        ".join([object_label(i) for i in ids])
                else:
                    objects = _sorted_objects([terms[i] for i in ids])
                    listed = " ,\n        ".join([label(o) for o in objects])
                statements.append(f"{verbs[pid]}\n        {listed}")
        parts.append(f"\n{label(terms[sid])}\n    " + " ;\n    ".join(statements) + " ;\n.\n")
        started = True
        if n % _CHUNK == 0:
            flush(parts, _CHUNK)
    flush(parts, len(subject_ids) % _CHUNK)
    if not started:
        out.write("\n")


def to_turtle(graph: Graph | Triples) -> str:
    """Turtle, byte-identical to ``graph.serialize(format="longturtle")`` (plus a final
    newline when that has none)."""
    out = StringIO()
    write_turtle(_as_triples(graph), out)
    return out.getvalue()


# -- JSON-LD ------------------------------------------------------------------------------------
class _Compact:
    """``prefix:local`` for an IRI in the longest namespace of ``prefixes`` whose local part
    is letters, digits and ``_-.``; else the IRI."""

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        self.prefixes = prefixes
        self.starts = tuple(prefixes.values())
        self.cache: dict[str, str] = {}

    def __call__(self, iri: str) -> str:
        if not iri.startswith(self.starts):
            return iri
        found = self.cache.get(iri)
        if found is None:
            best = None
            for prefix, ns in self.prefixes.items():
                if iri.startswith(ns) and len(iri) > len(ns):
                    local = iri[len(ns) :]
                    if all(c.isalnum() or c in "_-." for c in local) and (
                        best is None or len(ns) > len(best[1])
                    ):
                        best = (prefix, ns, local)
            found = self.cache[iri] = f"{best[0]}:{best[2]}" if best else iri
        return found


def _jsonld_value(term: Term, compact: _Compact) -> tuple[str, str]:
    """(sort key, text) of one value: the key is ``json.dumps(value, sort_keys=True)``, the
    text what ``json.dumps(..., indent=1)`` writes for it inside a node of ``@graph``."""
    if type(term) is str:
        e = encode_basestring(term)
        return '{"@id": ' + e + "}", '    {\n     "@id": ' + e + "\n    }"
    value = encode_basestring(term.lexical)  # type: ignore[union-attr]
    if term.lang:  # type: ignore[union-attr]
        name, extra = "@language", encode_basestring(term.lang)  # type: ignore[union-attr]
    elif term.datatype is not None and term.datatype != _XSD_STRING:  # type: ignore[union-attr]
        name, extra = "@type", encode_basestring(compact(term.datatype))  # type: ignore[union-attr]
    else:
        return '{"@value": ' + value + "}", '    {\n     "@value": ' + value + "\n    }"
    return (
        '{"' + name + '": ' + extra + ', "@value": ' + value + "}",
        '    {\n     "@value": ' + value + ',\n     "' + name + '": ' + extra + "\n    }",
    )


def write_jsonld(
    triples: Triples, out: TextIO, prefixes: Mapping[str, str], tick: Tick | None = None
) -> None:
    """JSON-LD with a ``@context`` of the prefixes and a ``@graph`` sorted by subject,
    predicate and value: the text ``json.dumps(doc, ensure_ascii=False, indent=1)`` gives."""
    triples.check_iris()
    terms, preds = triples.tables()
    compact = _Compact(prefixes)
    type_pid = preds.index(_RDF_TYPE) if _RDF_TYPE in preds else -1
    heads = [f"   {encode_basestring(compact(p))}: [\n" for p in preds]
    rank = [0] * len(preds)
    for position, i in enumerate(sorted(range(len(preds)), key=preds.__getitem__)):
        rank[i] = position
    type_text: dict[Term, str] = {}

    context = sorted(prefixes.items())
    if context:
        out.write(
            '{\n "@context": {\n'
            + ",\n".join(f"  {encode_basestring(p)}: {encode_basestring(ns)}" for p, ns in context)
            + "\n },\n"
        )
    else:
        out.write('{\n "@context": {},\n')
    subject_ids = triples.subject_ids()
    order = sorted(range(len(subject_ids)), key=lambda i: terms[subject_ids[i]])
    parts: list[str] = [' "@graph": [\n'] if order else []
    flush = _chunks(out, tick)
    for n, (sid, row) in enumerate(triples.rows(order), start=1):
        types: list[str] = []
        by_predicate: dict[int, list[Term]] = {}
        for v in row:
            pid = (v >> P_SHIFT) & P_MASK
            o = terms[v & O_MASK]
            if pid == type_pid:
                t = type_text.get(o)
                if t is None:
                    t = type_text[o] = compact(o if type(o) is str else o.lexical)  # type: ignore[union-attr]
                types.append(t)
            else:
                objects = by_predicate.get(pid)
                if objects is None:
                    by_predicate[pid] = [o]
                else:
                    objects.append(o)
        fields = ['   "@id": ' + encode_basestring(terms[sid])]  # type: ignore[arg-type]
        if types:
            types.sort()
            fields.append(
                '   "@type": [\n'
                + ",\n".join(["    " + encode_basestring(t) for t in types])
                + "\n   ]"
            )
        for pid in sorted(by_predicate, key=rank.__getitem__):
            objects = by_predicate[pid]
            if len(objects) == 1:
                text = _jsonld_value(objects[0], compact)[1]
            else:
                text = ",\n".join(
                    [t for _, t in sorted(_jsonld_value(o, compact) for o in objects)]
                )
            fields.append(heads[pid] + text + "\n   ]")
        parts.append(("  {\n" if n == 1 else ",\n  {\n") + ",\n".join(fields) + "\n  }")
        if n % _CHUNK == 0:
            flush(parts, _CHUNK)
    flush(parts, len(order) % _CHUNK)
    out.write("\n ]\n}\n" if order else ' "@graph": []\n}\n')


def to_jsonld(graph: Graph | Triples, prefixes: Mapping[str, str]) -> str:
    """JSON-LD with a ``@context`` of the prefixes and a sorted ``@graph``."""
    out = StringIO()
    write_jsonld(_as_triples(graph), out, prefixes)
    return out.getvalue()


# -- files --------------------------------------------------------------------------------------
def write_atomic(path: Path, text: str) -> None:
    """Write text to path via a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.chmod(tmp, 0o666 & ~_umask())
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold back Ctrl-C and termination signals, delivered on exit.

    Python-level handlers that only record the signal, not a thread signal mask: the
    kernel may hand a process-directed signal to any thread that does not block it, and
    pyoxigraph's loader threads (the build validates through it) block nothing. Python runs
    handlers in the main thread whichever thread received the signal. Outside the main
    thread (where handlers cannot be set) the block runs unprotected.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    names = ("SIGINT", "SIGTERM", "SIGHUP")
    held = [getattr(signal, name) for name in names if hasattr(signal, name)]
    pending: list[int] = []
    previous = {}
    for signum in held:
        previous[signum] = signal.signal(signum, lambda number, _frame: pending.append(number))
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        for signum in pending:
            signal.raise_signal(signum)


def _os_error(path: Path, exc: OSError) -> OutputError:
    reason = exc.strerror or str(exc)
    return OutputError(str(path), reason)


def write_outputs(
    triples: Triples,
    directory: Path | str,
    prefixes: Mapping[str, str],
    stem: str = "mlsys-graph",
    *,
    check: Callable[[Path], None] | None = None,
    progress=None,
    workers: int | None = None,
    extra: Mapping[str, str | Callable[[], str]] | None = None,
    on_ntriples: Callable[[Path, threading.Event, list[Path]], None] | None = None,
    slices: Sequence[Collection[str]] = (),
) -> list[Path]:
    """Write ``stem.ttl``, ``stem.nt`` and ``stem.jsonld`` (and ``extra``: file name → text,
    such as the HTML page) into ``directory`` as one set.

    The files are rendered into a temporary folder inside ``directory``; ``check`` (if
    given) is called with that folder's N-Triples file and may raise to stop; only then are
    the three files moved into place, with Ctrl-C held back for those renames. Whatever
    fails or is interrupted before, the previous set stays whole and the temporary folder is
    removed. An OS error (unwritable or missing folder, a file in the way, disk full) is an
    :class:`~mlsys_graph.errors.OutputError` naming the path.

    ``on_ntriples`` (if given) is called with the temporary N-Triples file as its writing
    starts, an event set once the file is complete (or its writing stopped), and the
    temporary files of ``slices``: it may start work on those files on another thread,
    following them as they grow (validation does:
    :func:`~mlsys_graph.kg.oxi.load_ntriples_file`), which ``check`` then waits for. Each
    of ``slices`` (a set of predicates) is an N-Triples file of those predicates' triples
    only, written with the N-Triples and never moved into ``directory``. The N-Triples are
    written first, then the Turtle and JSON-LD. A value of ``extra`` may be a
    function: it is called for the text after ``check`` passed (a page drawn from what the
    check loaded).

    A big graph (:data:`PARALLEL_MIN_TRIPLES`) is rendered by up to ``workers`` processes
    at once (default: the CPUs available, at most 3, or 1 with ``on_ntriples``, whose work
    takes the other CPU; 1 renders one file after the other). With ``on_ntriples`` and
    more workers, this process writes the N-Triples while forked processes write the
    JSON-LD and then the Turtle; ``check`` runs while they write (the pages drawn beside).
    ``progress`` (a :class:`~mlsys_graph.progress.Progress`) is told the subjects written.
    """
    if workers is None and on_ntriples is not None:
        workers = 1
    with gc_paused():
        return _write_outputs(
            triples,
            Path(directory),
            prefixes,
            stem,
            check,
            progress,
            workers,
            extra or {},
            on_ntriples,
            slices,
        )


#: Above this many triples, and with two or more CPUs, the three files are rendered at once
#: (the other two in forked processes, which share the triples copy-on-write).
PARALLEL_MIN_TRIPLES = 200_000

#: A forked writer runs at this lower priority: its file is needed only at the end, while
#: the process that forked it draws the pages and checks the shapes, which the build waits
#: for; the writers then take the CPUs those leave, instead of one CPU idling at the end
#: (10k entries: about 2 s of 25 s less over four alternating runs, a noisy measure).
FORKED_NICENESS = 10

_FORK_JOB: tuple | None = None  # (triples, prefixes) for the forked writer processes


def _render(
    kind: str,
    path: Path,
    triples: Triples,
    prefixes,
    tick: Tick | None,
    slices: Sequence[tuple[Collection[str], Path]] = (),
) -> None:
    """Write one file (``nt``, ``ttl`` or ``jsonld``); Turtle replaces what UTF-8 cannot
    encode, as rdflib's serializer does. ``slices`` (N-Triples only): more files, each of
    the lines of a set of predicates."""
    errors = "replace" if kind == "ttl" else "strict"
    with contextlib.ExitStack() as files:
        handle = files.enter_context(open(path, "w", encoding="utf-8", newline="\n", errors=errors))
        outs = [
            (wanted, files.enter_context(open(part, "w", encoding="utf-8", newline="\n")))
            for wanted, part in slices
        ]
        if kind == "nt":
            write_ntriples(triples, handle, tick, outs)
        elif kind == "ttl":
            write_turtle(triples, handle, tick)
        else:
            write_jsonld(triples, handle, prefixes, tick)
    os.chmod(path, 0o666 & ~_umask())


def _render_in_child(kind: str, path: Path, conn) -> None:
    """The target of a forked writer: render, then say how it went (None, or the error)."""
    try:
        with contextlib.suppress(OSError):  # the pages and checks first (see the constant)
            os.nice(FORKED_NICENESS)
        triples, prefixes = _FORK_JOB  # type: ignore[misc]
        _render(kind, path, triples, prefixes, None)
        conn.send(None)
    except OSError as exc:
        conn.send((exc.errno, exc.strerror or str(exc)))
    except BaseException as exc:  # report anything, then die
        conn.send((None, f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


def _workers(workers: int | None) -> int:
    if workers is not None:
        return max(1, workers)
    return min(available_cpus(), 3)


def _render_all(
    triples: Triples,
    tmp: Path,
    names: dict,
    targets: dict,
    prefixes,
    progress,
    workers: int,
    on_ntriples: Callable[[Path, threading.Event, list[Path]], None] | None = None,
    slices: Sequence[Collection[str]] = (),
    check: Callable[[Path], None] | None = None,
) -> None:
    """Render the three files into ``tmp``: one after the other, or (big graphs, several
    CPUs, a system that can fork) Turtle here and the other two in forked processes; with
    ``on_ntriples``, the N-Triples here and up to two others in forked processes.
    ``check`` is called with the N-Triples file once this process has written its files,
    while the forked ones may still be writing theirs."""
    global _FORK_JOB
    import multiprocessing

    subjects = len(triples.subject_ids())
    what = {"nt": "writing N-Triples", "ttl": "writing Turtle", "jsonld": "writing JSON-LD"}
    parallel = (
        workers > 1
        and len(triples) >= PARALLEL_MIN_TRIPLES
        and "fork" in multiprocessing.get_all_start_methods()
    )
    # with on_ntriples, this process writes the N-Triples (whose file is followed) and is
    # then free for ``check``: the others are forked, JSON-LD first
    forked = ["jsonld", "ttl"] if on_ntriples or slices else ["nt", "jsonld"]
    forked = forked[: workers - 1] if parallel else []
    children = []
    try:
        if forked:
            context = multiprocessing.get_context("fork")
            _FORK_JOB = (triples, prefixes)
            for kind in forked:
                receive, send = context.Pipe(duplex=False)
                child = context.Process(
                    target=_render_in_child, args=(kind, tmp / names[kind], send), daemon=True
                )
                child.start()
                send.close()
                children.append((kind, child, receive))
        for kind in ("nt", "ttl", "jsonld"):
            if kind in forked:
                continue
            if progress is not None:
                progress.stage(what[kind], subjects)
            complete = None
            parts = [tmp / f"slice-{k}.nt" for k in range(len(slices))] if kind == "nt" else []
            if kind == "nt" and on_ntriples is not None:
                complete = threading.Event()
                for path in (tmp / names[kind], *parts):
                    path.touch()
                on_ntriples(tmp / names[kind], complete, parts)
            try:
                _render(
                    kind,
                    tmp / names[kind],
                    triples,
                    prefixes,
                    progress and progress.advance,
                    list(zip(slices, parts, strict=True)) if kind == "nt" else [],
                )
            except OSError as exc:
                raise _os_error(targets[kind], exc) from None
            finally:
                if complete is not None:
                    complete.set()
            if progress is not None:
                progress.done()
        if check is not None:
            check(tmp / names["nt"])
        if children and progress is not None:
            progress.stage("writing the others")
        for kind, child, receive in children:
            try:
                outcome = receive.recv()
            except EOFError:
                outcome = (None, f"the process writing it stopped (exit code {child.exitcode})")
            child.join()
            if outcome is not None:
                raise OutputError(str(targets[kind]), outcome[1])
        if children and progress is not None:
            progress.done()
    finally:
        _FORK_JOB = None
        for _kind, child, receive in children:
            if child.is_alive():
                child.terminate()
            child.join()
            receive.close()


def _write_outputs(
    triples, directory, prefixes, stem, check, progress, workers, extra, on_ntriples, slices
) -> list[Path]:
    names = {"ttl": f"{stem}.ttl", "nt": f"{stem}.nt", "jsonld": f"{stem}.jsonld"}
    targets = {kind: directory / name for kind, name in names.items()}
    targets.update({name: directory / name for name in extra})
    if directory.exists() and not directory.is_dir():
        raise OutputError(str(directory), "is a file, not a folder")
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _os_error(directory, exc) from None
    for target in targets.values():
        if target.is_dir():
            raise OutputError(str(target), "is a folder; remove it or choose another -o")
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{stem}.", suffix=".tmp", dir=directory))
    except OSError as exc:
        raise _os_error(directory, exc) from None
    try:
        _render_all(
            triples,
            tmp,
            names,
            targets,
            prefixes,
            progress,
            _workers(workers),
            on_ntriples,
            slices,
            check,
        )
        for name, text in extra.items():
            if callable(text):
                text = text()
            try:
                with open(tmp / name, "w", encoding="utf-8", newline="\n") as handle:
                    handle.write(text)
                os.chmod(tmp / name, 0o666 & ~_umask())
            except OSError as exc:
                raise _os_error(targets[name], exc) from None
        with _signals_held():
            for kind in ("nt", "jsonld", *extra, "ttl"):
                try:
                    os.replace(tmp / names.get(kind, kind), targets[kind])
                except OSError as exc:
                    raise _os_error(targets[kind], exc) from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return [targets["ttl"], targets["nt"], targets["jsonld"], *(targets[name] for name in extra)]


def write_graph(
    graph: Graph | Triples,
    directory: Path,
    prefixes: Mapping[str, str],
    stem: str = "mlsys-graph",
) -> list[Path]:
    """Write ``stem.ttl``, ``stem.nt`` and ``stem.jsonld`` as one set (:func:`write_outputs`)."""
    return write_outputs(_as_triples(graph), directory, prefixes, stem)


def load_graph(*paths: Path | str) -> Graph:
    """Parse graph files (format from the suffix: .ttl, .nt, .jsonld)."""
    from rdflib import Graph

    from ..errors import InputError

    graph = Graph()
    for raw in paths:
        path = Path(raw)
        fmt = FORMATS.get(path.suffix.lower())
        if fmt is None:
            raise InputError(str(path), None, "unknown graph format; use .ttl, .nt or .jsonld")
        if not path.is_file():
            raise InputError(str(path), None, "no such file")
        try:
            graph.parse(path, format=fmt)
        except Exception as exc:  # rdflib raises many parser-specific types
            raise InputError(
                str(path), getattr(exc, "lineno", None), f"cannot be parsed as {fmt}: {exc}"
            ) from None
    return graph
