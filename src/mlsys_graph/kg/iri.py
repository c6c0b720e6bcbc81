"""The one place IRIs are minted.

IRIs are readable (``paper/crankshaw2017-clipper``, ``person/daniel-crankshaw``,
``repo/ucbrise/clipper``) and stable: an IRI depends only on the thing it names, never on
the order of the list or on unrelated entries. When two different things would get the
same readable IRI, every one of them gets a short suffix hashed from its own identity, so
the outcome does not depend on which came first.

>>> slug("{PRETZEL}: Opening the Black Box!")
'pretzel-opening-the-black-box'
>>> str(person("matei-zaharia"))
'https://w3id.org/mlsys-graph/id/person/matei-zaharia'
>>> str(repo("UCBRise/Clipper"))
'https://w3id.org/mlsys-graph/id/repo/ucbrise/clipper'
>>> assign({"a": "x", "b": "x", "c": "y"})
{'a': 'x-ca978112', 'b': 'x-3e23e816', 'c': 'y'}
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping

from rdflib import URIRef

from ..slugs import slug as _slug

__all__ = [
    "BASE",
    "assign",
    "authorship",
    "claim",
    "curation_file",
    "entry",
    "from_key",
    "key_of",
    "link",
    "named_graph",
    "organization",
    "person",
    "plain",
    "repo",
    "rule",
    "short_hash",
    "slug",
    "source_document",
    "source_record",
    "system",
    "system_slug",
    "topic",
    "topic_scheme",
    "venue",
]

#: Every data IRI starts with this.
BASE = "https://w3id.org/mlsys-graph/id/"


def slug(text: str, max_words: int = 8) -> str:
    """Lower-case ASCII words joined by ``-`` (accents folded, punctuation dropped)."""
    return _slug(text, max_words=max_words)


def system_slug(name: str) -> str:
    """The slug of a system's short name, a ``+`` spelled out: "SmoothQuant+" is another
    system than "SmoothQuant", "ZeRO++" than "ZeRO".

    >>> system_slug("SmoothQuant+"), system_slug("ZeRO++"), system_slug("Smooth Quant")
    ('smoothquant-plus', 'zero-plus-plus', 'smooth-quant')
    """
    return slug(name.replace("+", " plus ")) if "+" in name else slug(name)


def short_hash(identity: str) -> str:
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()[:8]


def assign(bases: Mapping[str, str]) -> dict[str, str]:
    """Map identity → local name: the readable base, or base + hash of the identity on a clash."""
    counts = Counter(bases.values())
    return {
        identity: base if counts[base] == 1 else f"{base}-{short_hash(identity)}"
        for identity, base in sorted(bases.items())
    }


class _Plain:
    """Every IRI of this module as a plain ``str`` (``iri.plain.person(key)``): what the
    builder writes (an rdflib ``URIRef`` costs about a microsecond to make, and the builder
    mints millions). The functions of the module are these, as ``URIRef``.

    >>> plain.authorship(plain.from_key("paper/x"), 2)
    'https://w3id.org/mlsys-graph/id/paper/x/author/2'
    """

    @staticmethod
    def entry(kind_path: str, local: str) -> str:
        return f"{BASE}{kind_path}/{local}"

    @staticmethod
    def from_key(key: str) -> str:
        return BASE + key

    @staticmethod
    def person(key: str) -> str:
        return f"{BASE}person/{key}"

    @staticmethod
    def organization(name: str) -> str:
        return f"{BASE}organization/{slug(name, max_words=12)}"

    @staticmethod
    def venue(key: str) -> str:
        return f"{BASE}venue/{key}"

    @staticmethod
    def repo(owner_repo: str) -> str:
        owner, name = owner_repo.lower().split("/", 1)
        return f"{BASE}repo/{owner}/{name}"

    @staticmethod
    def system(name: str) -> str:
        return f"{BASE}system/{system_slug(name)}"

    @staticmethod
    def topic(key: str) -> str:
        return f"{BASE}topic/{key}"

    @staticmethod
    def topic_scheme() -> str:
        return f"{BASE}topic"

    @staticmethod
    def source_document(doc_id: str) -> str:
        return f"{BASE}source/{doc_id}"

    @staticmethod
    def source_record(doc_id: str, line: int) -> str:
        return f"{BASE}source/{doc_id}/L{line}"

    @staticmethod
    def link(entry_iri: str, position: int) -> str:
        return f"{entry_iri}/link/{position}"

    @staticmethod
    def authorship(entry_iri: str, position: int) -> str:
        return f"{entry_iri}/author/{position}"

    @staticmethod
    def claim(subject: str, relation: str, obj: str) -> str:
        s = subject.removeprefix(BASE).replace("/", "_")
        o = obj.removeprefix(BASE).replace("/", "_")
        return f"{BASE}claim/{s}--{relation}--{o}"

    @staticmethod
    def rule(name: str) -> str:
        return f"{BASE}rule/{name}"

    @staticmethod
    def curation_file(name: str) -> str:
        return f"{BASE}curation/{slug(name.replace('.', ' '))}"


#: The IRIs as plain strings (see :class:`_Plain`).
plain = _Plain()


def entry(kind_path: str, local: str) -> URIRef:
    """An entry: ``paper/…``, ``software/…``, ``book/…`` and so on."""
    return URIRef(plain.entry(kind_path, local))


def from_key(key: str) -> URIRef:
    """The IRI of a catalog key such as ``paper/crankshaw2017-clipper``."""
    return URIRef(plain.from_key(key))


def key_of(term) -> str:
    """The catalog key of a data IRI (the IRI without :data:`BASE`); other IRIs unchanged.

    >>> key_of(from_key("paper/x"))
    'paper/x'
    """
    return str(term).removeprefix(BASE)


def person(key: str) -> URIRef:
    return URIRef(plain.person(key))


def organization(name: str) -> URIRef:
    """An organisation by its name as written, folded: ``organization/uc-berkeley``."""
    return URIRef(plain.organization(name))


def venue(key: str) -> URIRef:
    return URIRef(plain.venue(key))


def repo(owner_repo: str) -> URIRef:
    return URIRef(plain.repo(owner_repo))


def system(name: str) -> URIRef:
    return URIRef(plain.system(name))


def topic(key: str) -> URIRef:
    return URIRef(plain.topic(key))


def topic_scheme() -> URIRef:
    return URIRef(plain.topic_scheme())


def source_document(doc_id: str) -> URIRef:
    return URIRef(plain.source_document(doc_id))


def source_record(doc_id: str, line: int) -> URIRef:
    return URIRef(plain.source_record(doc_id, line))


def link(entry_iri: URIRef, position: int) -> URIRef:
    return URIRef(plain.link(str(entry_iri), position))


def authorship(entry_iri: URIRef, position: int) -> URIRef:
    return URIRef(plain.authorship(str(entry_iri), position))


def claim(subject: URIRef, relation: str, obj: URIRef) -> URIRef:
    return URIRef(plain.claim(str(subject), relation, str(obj)))


def rule(name: str) -> URIRef:
    return URIRef(plain.rule(name))


def curation_file(name: str) -> URIRef:
    return URIRef(plain.curation_file(name))


def named_graph(name: str = "mlsys-graph") -> URIRef:
    """The named graph ``mlsys-graph push`` replaces on a SPARQL server unless told another.

    >>> str(named_graph())
    'https://w3id.org/mlsys-graph/id/graph/mlsys-graph'
    """
    return URIRef(f"{BASE}graph/{slug(name)}")
