"""The built graph, held lean: a set of triples that writers stream out sorted.

An rdflib ``Graph`` costs about 1.1 KB per triple and its terms are slow to make (a
``Literal`` takes microseconds), which a 100,000-entry list (millions of triples) cannot
afford. :class:`Triples` keeps every distinct term once, in a table, and each triple as one
64-bit integer of term numbers in an :class:`array.array`; the builder makes no rdflib terms
at all. An rdflib ``Graph`` of the same triples is one call away (:meth:`Triples.to_graph`)
for API users and small graphs.

Terms: an IRI is a plain :class:`str`; a literal is a :class:`Lit` (lexical form, datatype
IRI or ``None``, language tag or ``None``). There are no blank nodes: every node of ours has
a minted IRI (:mod:`mlsys_graph.kg.iri`).

>>> t = Triples()
>>> t.add("https://example.org/a", "https://example.org/p", Lit("x"))
>>> t.add("https://example.org/a", "https://example.org/p", Lit("x"))   # a set: once
>>> t.add("https://example.org/a", "https://example.org/q", "https://example.org/b")
>>> len(t)
2
>>> [ntriple(*triple) for triple in t]  # doctest: +NORMALIZE_WHITESPACE
['<https://example.org/a> <https://example.org/p> "x" .\\n',
 '<https://example.org/a> <https://example.org/q> <https://example.org/b> .\\n']
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # pragma: no cover
    from rdflib import Graph

__all__ = [
    "O_MASK",
    "P_MASK",
    "P_SHIFT",
    "S_SHIFT",
    "XSD_STRING",
    "Lit",
    "Term",
    "Triples",
    "check_iri",
    "literal_nt",
    "ntriple",
    "term_nt",
    "unpack",
]

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

# One triple in 64 bits: subject 26 | predicate 12 | object 26. Sorting the integers groups
# the triples by subject.
_TERM_BITS, _PRED_BITS = 26, 12
_MAX_TERMS, _MAX_PREDS = 1 << _TERM_BITS, 1 << _PRED_BITS
_O_MASK = _MAX_TERMS - 1
_P_MASK = _MAX_PREDS - 1
_P_SHIFT = _TERM_BITS
_S_SHIFT = _TERM_BITS + _PRED_BITS

#: Characters rdflib refuses in an IRI (``rdflib.term._is_valid_uri``).
_BAD_IRI_CHARS = frozenset('<>" {}|\\^`')
_BAD_IRI = re.compile('[<>" {}|\\\\^`]')

#: How a packed triple is taken apart: ``v >> S_SHIFT`` is the subject's term number,
#: ``(v >> P_SHIFT) & P_MASK`` the predicate number, ``v & O_MASK`` the object's term number.
P_SHIFT, P_MASK, O_MASK, S_SHIFT = _P_SHIFT, _P_MASK, _O_MASK, _S_SHIFT


def unpack(v: int) -> tuple[int, int, int]:
    """(subject, predicate, object) numbers of a packed triple."""
    return v >> _S_SHIFT, (v >> _P_SHIFT) & _P_MASK, v & _O_MASK


class Lit(NamedTuple):
    """A literal: lexical form, datatype IRI (``None`` for a plain string), language tag."""

    lexical: str
    datatype: str | None = None
    lang: str | None = None


Term = str | Lit


def check_iri(iri: str) -> str:
    """The IRI, or ``ValueError`` when it holds a character no RDF syntax can write.

    >>> check_iri("https://example.org/a b")
    Traceback (most recent call last):
    ...
    ValueError: not a valid IRI (it contains ' '): 'https://example.org/a b'
    """
    if not _BAD_IRI_CHARS.isdisjoint(iri):
        bad = next(c for c in iri if c in _BAD_IRI_CHARS)
        raise ValueError(f"not a valid IRI (it contains {bad!r}): {iri!r}")
    return iri


def _strict_iri(named_node, iri: str) -> None:
    try:
        named_node(iri)
    except ValueError as exc:
        raise ValueError(f"not a valid IRI ({exc!s:.80}): {iri!r}") from None


def literal_nt(lit: Lit) -> str:
    """A literal in N-Triples: rdflib's ``Literal.n3()`` for one-line text; a line break is
    written ``\\n`` (rdflib writes a Turtle triple-quoted string, which N-Triples lacks).

    >>> literal_nt(Lit('say "hi"\\\\', "http://www.w3.org/2001/XMLSchema#anyURI"))
    '"say \\\\"hi\\\\"\\\\\\\\"^^<http://www.w3.org/2001/XMLSchema#anyURI>'
    >>> literal_nt(Lit("two\\nlines", lang="en"))
    '"two\\\\nlines"@en'
    """
    text = lit.lexical
    if "\\" in text or '"' in text or "\n" in text or "\r" in text:
        text = (
            text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
        )
    if lit.lang:
        return f'"{text}"@{lit.lang}'
    if lit.datatype:
        return f'"{text}"^^<{lit.datatype}>'
    return f'"{text}"'


def term_nt(term: Term) -> str:
    """A term in N-Triples."""
    return f"<{term}>" if type(term) is str else literal_nt(term)


def ntriple(s: str, p: str, o: Term) -> str:
    """One N-Triples line."""
    return f"<{s}> <{p}> {term_nt(o)} .\n"


def _next_number(terms: list[Term], term: Term) -> int:
    i = len(terms)
    if i >= _MAX_TERMS:
        raise OverflowError(f"more than {_MAX_TERMS:,} distinct terms")
    terms.append(term)
    return i


class _Numbering(dict):
    """IRI → term number; looking up an IRI not seen before numbers it."""

    __slots__ = ("terms",)

    def __init__(self, terms: list[Term]) -> None:
        self.terms = terms

    def __missing__(self, iri: str) -> int:
        i = self[iri] = _next_number(self.terms, iri)
        return i


class _LiteralNumbering(dict):
    """Lexical form → term number, for the literals of one datatype and language."""

    __slots__ = ("datatype", "lang", "terms")

    def __init__(self, terms: list[Term], datatype: str | None, lang: str | None) -> None:
        self.terms, self.datatype, self.lang = terms, datatype, lang

    def number(self, lexical: str, lit: Lit | None = None) -> int:
        term = lit if lit is not None else Lit(lexical, self.datatype, self.lang)
        i = self[lexical] = _next_number(self.terms, term)
        return i

    __missing__ = number


class _LiteralForms(dict):
    """Datatype (or ``(datatype, language)``) → its :class:`_LiteralNumbering`."""

    __slots__ = ("terms",)

    def __init__(self, terms: list[Term]) -> None:
        self.terms = terms

    def __missing__(self, form) -> _LiteralNumbering:
        datatype, lang = form if type(form) is tuple else (form, None)
        forms = self[form] = _LiteralNumbering(self.terms, datatype, lang)
        return forms


class _PredicateBits(dict):
    """Predicate → its number shifted into place in a packed triple."""

    __slots__ = ("pids", "preds")

    def __init__(self, preds: list[str], pids: dict[str, int]) -> None:
        self.preds, self.pids = preds, pids

    def __missing__(self, p: str) -> int:
        pi = len(self.preds)
        if pi >= _MAX_PREDS:
            raise OverflowError(f"more than {_MAX_PREDS:,} distinct predicates")
        self.preds.append(p)
        self.pids[p] = pi
        bits = self[p] = pi << _P_SHIFT
        return bits


class Triples:
    """A set of (subject, predicate, object) triples of IRIs and :class:`Lit` literals.

    ``namespaces`` (prefix → namespace IRI) are the prefixes an rdflib ``Graph`` of these
    triples has bound; the Turtle writer and :meth:`to_graph` use them.

    Adding is cheap (three dictionary lookups and an append; :meth:`iri` and :meth:`lit`
    are the fast paths for plain strings); duplicates are dropped when the triples are first
    read (:meth:`freeze`), which also sorts them by subject. Iteration yields triples in
    N-Triples line order.

    >>> t = Triples()
    >>> t.lit("https://example.org/a", "https://example.org/n", "3", XSD_STRING)
    >>> t.add("https://example.org/a", "https://example.org/n", Lit("3", XSD_STRING))
    >>> len(t), t.terms()[1]
    (1, Lit(lexical='3', datatype='http://www.w3.org/2001/XMLSchema#string', lang=None))
    """

    def __init__(self, namespaces: Mapping[str, str] | None = None) -> None:
        self.namespaces: dict[str, str] = dict(namespaces or {})
        self._terms: list[Term] = []
        self._preds: list[str] = []
        # The term index while adding (None once frozen, remade by the next add): IRI →
        # number, and per literal form (datatype, or (datatype, language) with a language)
        # lexical form → number: a literal seen before is found by its lexical form alone,
        # no Lit made or hashed. A miss numbers the new term (``__missing__``).
        self._iris: _Numbering | None = _Numbering(self._terms)
        self._lits: _LiteralForms | None = _LiteralForms(self._terms)
        self._pids: dict[str, int] = {}
        self._pbits = _PredicateBits(self._preds, self._pids)  # predicate → bits in place
        self._packed = array("Q")
        self._append = self._packed.append
        self._checked = 0  # terms before this number hold valid IRIs
        self._sorted = 0  # len(_packed) when last frozen: more means new triples
        self._subjects = array("Q")  # when frozen: the subject ids, in packed order,
        self._starts = array("Q", [0])  # and where each one's triples start (one more)

    # -- adding -------------------------------------------------------------------------
    def _index(self) -> tuple[_Numbering, _LiteralForms]:
        """The term index, remade from the term table after a freeze released it."""
        if self._iris is None or self._lits is None:
            iris, lits = _Numbering(self._terms), _LiteralForms(self._terms)
            for i, term in enumerate(self._terms):
                if type(term) is str:
                    dict.__setitem__(iris, term, i)
                else:
                    dt, lang = term.datatype, term.lang  # type: ignore[union-attr]
                    forms = lits[dt if lang is None else (dt, lang)]
                    dict.__setitem__(forms, term.lexical, i)  # type: ignore[union-attr]
            self._iris, self._lits = iris, lits
        return self._iris, self._lits

    def add(self, s: str, p: str, o: Term) -> None:
        """Add one triple: subject and predicate IRIs, an IRI or :class:`Lit` object (rdflib
        ``URIRef`` and ``Literal`` are taken too, and stored as plain terms)."""
        if type(s) is not str:
            s = _plain(s)  # type: ignore[assignment]
        if type(p) is not str:
            p = _plain(p)  # type: ignore[assignment]
        if type(o) is not str and type(o) is not Lit:
            o = _plain(o)
        if type(o) is str:
            self.iri(s, p, o)
            return
        iris, lits = self._index()
        si = iris[s]
        forms = lits[o.datatype if o.lang is None else (o.datatype, o.lang)]  # type: ignore[union-attr]
        oi = forms.get(o.lexical)  # type: ignore[union-attr]
        if oi is None:  # this Lit is the term (not a copy)
            oi = forms.number(o.lexical, o)  # type: ignore[union-attr]
        self._append((si << _S_SHIFT) | self._pbits[p] | oi)

    def iri(self, s: str, p: str, o: str) -> None:
        """Add a triple whose object is an IRI: all three plain ``str`` (the builder's fast
        path; :meth:`add` takes any term)."""
        iris = self._iris or self._index()[0]
        self._append((iris[s] << _S_SHIFT) | self._pbits[p] | iris[o])

    def lit(self, s: str, p: str, lexical: str, datatype: str | None = None) -> None:
        """Add a triple whose object is the literal ``Lit(lexical, datatype)``, without
        making the :class:`Lit` unless it is new (the builder's fast path)."""
        iris = self._iris or self._index()[0]
        self._append((iris[s] << _S_SHIFT) | self._pbits[p] | self._lits[datatype][lexical])  # type: ignore[index]

    def update(self, triples: Iterable[tuple[str, str, Term]]) -> None:
        for s, p, o in triples:
            self.add(s, p, o)

    # -- reading ------------------------------------------------------------------------
    def freeze(self) -> Triples:
        """Sort by subject and drop duplicates (done once, before the first read); the term
        index is released (it comes back if triples are added later).

        numpy sorts the packed integers in place of a list of Python ints, which cost 40
        bytes a triple on top of the 8 of the array.
        """
        if len(self._packed) == self._sorted:
            return self
        import numpy as np

        unique = np.sort(np.frombuffer(self._packed, dtype=np.uint64))
        self._packed = self._append = None  # type: ignore[assignment]  # freed before the copies
        if len(unique) > 1:  # np.unique hashes first: several times slower than this
            unique = unique[np.concatenate(([True], unique[1:] != unique[:-1]))]
        subject = unique >> np.uint64(_S_SHIFT)
        # where each subject's run starts, and the end of the last run
        firsts = np.flatnonzero(np.diff(subject)) + 1
        starts = np.concatenate(([0], firsts, [len(unique)]) if len(unique) else ([0],))
        subjects = subject[starts[:-1]]
        del subject, firsts
        self._packed, self._subjects, self._starts = (
            _to_array(unique),
            _to_array(subjects),
            _to_array(starts),
        )
        self._append = self._packed.append
        self._sorted = len(self._packed)
        self._iris = self._lits = None
        return self

    def __len__(self) -> int:
        return len(self.freeze()._packed)

    def __bool__(self) -> bool:
        return bool(self._packed)

    def by_subject(self, order: Iterable[int] | None = None) -> Iterator[tuple[str, list]]:
        """``(subject, [(predicate, object), ...])`` per subject: by subject number, or in
        the order of the indices ``order`` (positions in :meth:`subjects`)."""
        self.freeze()
        terms, preds, packed = self._terms, self._preds, self._packed
        subjects, starts = self._subjects, self._starts
        indices = range(len(subjects)) if order is None else order
        for k in indices:
            yield (
                terms[subjects[k]],
                [
                    (preds[(v >> _P_SHIFT) & _P_MASK], terms[v & _O_MASK])
                    for v in packed[starts[k] : starts[k + 1]]
                ],
            )

    def rows(self, order: Iterable[int] | None = None) -> Iterator[tuple[int, array]]:
        """``(subject term number, packed triples)`` per subject, like :meth:`by_subject`:
        the fast path of the writers, which decode with :func:`unpack` or inline."""
        self.freeze()
        packed, subjects, starts = self._packed, self._subjects, self._starts
        for k in range(len(subjects)) if order is None else order:
            yield subjects[k], packed[starts[k] : starts[k + 1]]

    def tables(self) -> tuple[list[Term], list[str]]:
        """The term table and the predicate table, by number (not copies: do not change)."""
        self.freeze()
        return self._terms, self._preds

    def check_iris(self, *, strict: bool = False) -> None:
        """``ValueError`` for an IRI that no RDF syntax can write (checked once per term).

        ``strict`` also refuses what is not a valid absolute IRI (RFC 3987, as Oxigraph
        parses it: a bad port or percent-encoding) and a malformed language tag. Files of
        strictly checked triples can be loaded without checking them again
        (:func:`~mlsys_graph.kg.oxi.load_ntriples_file` with ``lenient``).

        >>> t = Triples()
        >>> t.iri("https://example.org/a", "https://example.org/p", "https://example.org:x/")
        >>> t.check_iris()
        >>> t.check_iris(strict=True)
        Traceback (most recent call last):
        ...
        ValueError: not a valid IRI (Invalid character 'x'): 'https://example.org:x/'
        """
        self.freeze()
        bad = _BAD_IRI.search
        for term in self._terms[self._checked :]:
            if type(term) is str and bad(term):
                check_iri(term)
        for predicate in self._preds:
            check_iri(predicate)
        self._checked = len(self._terms)
        if strict:
            self._check_strictly()

    def _check_strictly(self) -> None:
        from pyoxigraph import Literal, NamedNode

        datatypes, languages = set(), set()
        for term in self._terms:
            if type(term) is str:
                _strict_iri(NamedNode, term)
            else:
                datatypes.add(term.datatype)
                languages.add(term.lang)
        for iri in (*self._preds, *(d for d in datatypes if d)):
            check_iri(iri)
            _strict_iri(NamedNode, iri)
        for lang in languages - {None}:
            try:
                Literal("", language=lang)
            except ValueError as exc:
                raise ValueError(f"not a valid language tag ({exc}): {lang!r}") from None

    def predicate_counts(self) -> dict[str, int]:
        """How many triples each predicate has.

        >>> t = Triples()
        >>> t.iri("https://e.org/a", "https://e.org/p", "https://e.org/b")
        >>> t.lit("https://e.org/a", "https://e.org/q", "x")
        >>> t.lit("https://e.org/b", "https://e.org/q", "y")
        >>> t.predicate_counts()
        {'https://e.org/p': 1, 'https://e.org/q': 2}
        """
        import numpy as np

        self.freeze()
        packed = np.frombuffer(self._packed, dtype=np.uint64)
        ids = ((packed >> np.uint64(_P_SHIFT)) & np.uint64(_P_MASK)).astype(np.int64)
        counts = np.bincount(ids, minlength=len(self._preds))
        return {p: int(counts[i]) for i, p in enumerate(self._preds) if counts[i]}

    def subject_ids(self) -> array:
        """The term number of every subject, in the order :meth:`rows` numbers them."""
        return self.freeze()._subjects

    def subjects(self) -> list[str]:
        """Every subject, in the order :meth:`by_subject` numbers them."""
        self.freeze()
        terms = self._terms
        return [terms[s] for s in self._subjects]

    def object_counts(self) -> list[int]:
        """How many triples have each term (by term number) as object."""
        import numpy as np

        objects = (self.packed() & np.uint64(_O_MASK)).astype(np.int64)
        return np.bincount(objects, minlength=len(self._terms)).tolist()

    def subject_reference_counts(self) -> list[int]:
        """For each subject (in :meth:`subjects` order), the triples that have it as object."""
        counts = self.object_counts()
        return [counts[s] for s in self._subjects]

    def objects(self, predicate: str) -> Iterator[tuple[str, Term]]:
        """``(subject, object)`` of the triples with this predicate."""
        import numpy as np

        self.freeze()
        pi = self._pids.get(predicate)
        if pi is None:
            return
        terms = self._terms
        packed = self.packed()
        chosen = packed[((packed >> np.uint64(_P_SHIFT)) & np.uint64(_P_MASK)) == pi]
        for v in chosen.tolist():
            yield terms[v >> _S_SHIFT], terms[v & _O_MASK]

    def packed(self):
        """The triples as a read-only numpy ``uint64`` array of packed term numbers, sorted
        (so grouped by subject): ``v >> S_SHIFT`` is the subject's number, and
        :data:`P_SHIFT`, :data:`P_MASK`, :data:`O_MASK` take the predicate and object
        numbers apart (numbers of :meth:`tables`). A view, not a copy."""
        import numpy as np

        self.freeze()
        view = np.frombuffer(self._packed, dtype=np.uint64)
        view.flags.writeable = False
        return view

    def predicate_number(self, predicate: str) -> int | None:
        """The number of ``predicate`` in :meth:`tables` (None: no triple has it)."""
        self.freeze()
        return self._pids.get(predicate)

    def term_numbers(self, iris: Iterable[str]) -> dict[str, int]:
        """IRI → term number, for those of ``iris`` that are terms of these triples (one
        pass over the term table: the index kept while adding is let go by :meth:`freeze`)."""
        wanted = set(iris)
        self.freeze()
        return {t: i for i, t in enumerate(self._terms) if type(t) is str and t in wanted}

    def around(
        self, numbers: Iterable[int], depth: int = 0, follow: Iterable[str] | None = None
    ) -> Triples:
        """The triples whose subject is one of the terms ``numbers`` (term numbers, as
        :meth:`term_numbers` gives them) or is reached from one of them in at most
        ``depth`` steps forward (subject to object) along the predicates ``follow`` (None:
        any): the part of the graph a reader that starts from these nodes and walks that
        way can see.

        >>> t = Triples()
        >>> a, b, c = (f"https://e.org/{x}" for x in "abc")
        >>> p, q = "https://e.org/p", "https://e.org/q"
        >>> t.update([(a, p, b), (b, p, c), (c, q, Lit("z")), (a, q, c)])
        >>> start = [t.term_numbers([a])[a]]
        >>> len(t.around(start)), len(t.around(start, 1)), len(t.around(start, 2))
        (2, 4, 4)
        >>> len(t.around(start, 2, follow=[p])), len(t.around(start, 2, follow=[q]))
        (4, 3)
        """
        import numpy as np

        self.freeze()
        packed = self.packed()
        subjects = np.frombuffer(self._subjects, dtype=np.uint64)
        starts = np.frombuffer(self._starts, dtype=np.uint64)
        walked = None
        if follow is not None:
            walked = np.array([self._pids[p] for p in follow if p in self._pids], dtype=np.uint64)
        seen = np.zeros(0, dtype=np.uint64)
        frontier = np.unique(np.fromiter(numbers, dtype=np.uint64))
        rows: list = []
        for step in range(depth + 1):
            at = np.searchsorted(subjects, frontier)
            found = at < len(subjects)
            found[found] = subjects[at[found]] == frontier[found]
            at = at[found]  # the frontier's nodes that are subjects, as row numbers
            seen = np.union1d(seen, frontier)
            if not len(at):
                break
            spans = zip(starts[at].tolist(), starts[at + 1].tolist(), strict=True)
            chunk = np.concatenate([packed[a:b] for a, b in spans])
            rows.append(chunk)
            if step < depth:  # the objects not yet walked from
                if walked is not None:
                    of = (chunk >> np.uint64(_P_SHIFT)) & np.uint64(_P_MASK)
                    chunk = chunk[np.isin(of, walked)]
                frontier = np.setdiff1d(chunk & np.uint64(_O_MASK), seen)
        out = Triples(self.namespaces)
        terms, preds = self._terms, self._preds
        for v in np.concatenate(rows).tolist() if rows else ():
            out.add(terms[v >> _S_SHIFT], preds[(v >> _P_SHIFT) & _P_MASK], terms[v & _O_MASK])
        return out

    def terms(self) -> list[Term]:
        """Every distinct subject and object term (predicates: :meth:`predicates`)."""
        return list(self._terms)

    def predicates(self) -> list[str]:
        return list(self._preds)

    def __iter__(self) -> Iterator[tuple[str, str, Term]]:
        """Triples in N-Triples line order."""
        key = _nt_subject_key
        subjects = self.subjects()
        order = sorted(range(len(subjects)), key=lambda i: key(subjects[i]))
        for s, pairs in self.by_subject(order):
            for line, p, o in sorted((f"<{p}> {term_nt(o)}", p, o) for p, o in pairs):
                del line
                yield s, p, o

    # -- rdflib -------------------------------------------------------------------------
    @classmethod
    def from_graph(cls, graph: Graph) -> Triples:
        """The triples of an rdflib graph (``ValueError`` on a blank node)."""
        triples = cls({prefix: str(ns) for prefix, ns in graph.namespaces()})
        for s, p, o in graph:
            triples.add(_plain(s), _plain(p), _plain(o))  # type: ignore[arg-type]
        return triples

    def to_graph(self) -> Graph:
        """An rdflib ``Graph`` of these triples, with the same prefixes bound."""
        from rdflib import Graph, Literal, URIRef

        graph = Graph(bind_namespaces="none")
        for prefix, ns in self.namespaces.items():
            graph.bind(prefix, ns, override=True, replace=True)
        self.freeze()
        made = [
            URIRef(t) if type(t) is str else Literal(t.lexical, lang=t.lang, datatype=t.datatype)
            for t in self._terms
        ]
        preds = [URIRef(p) for p in self._preds]
        graph.addN(
            (made[v >> _S_SHIFT], preds[(v >> _P_SHIFT) & _P_MASK], made[v & _O_MASK], graph)
            for v in self._packed
        )
        return graph


def _to_array(values) -> array:
    """A numpy integer array as an ``array('Q')`` (what the writers index)."""
    import numpy as np

    out = array("Q")
    out.frombytes(memoryview(values.astype(np.uint64, copy=False)).cast("B"))
    return out


def _plain(term) -> Term:
    """A plain term of an rdflib term (or of any ``str`` subclass or :class:`Lit`)."""
    convert = _CONVERTERS.get(type(term))
    if convert is None:
        convert = _CONVERTERS[type(term)] = _converter(type(term))
    return convert(term)


def _converter(kind: type):
    from rdflib import BNode, Literal, URIRef

    if issubclass(kind, Literal):
        return lambda t: Lit(
            str(t), str(t.datatype) if t.datatype is not None else None, t.language
        )
    if issubclass(kind, BNode) or not issubclass(kind, (URIRef, str, Lit)):

        def refuse(t):
            raise ValueError(f"cannot hold {t!r}: only IRIs and literals (no blank nodes)")

        return refuse
    if issubclass(kind, Lit):
        return lambda t: Lit(*t)
    return str.__str__  # URIRef and other str subclasses: the plain string


_CONVERTERS: dict[type, Callable[[object], Term]] = {}


def _nt_subject_key(iri: str) -> str:
    """Sorting subjects by this sorts their N-Triples lines (``<a>`` sorts after ``<a/b>``)."""
    return iri + ">"
