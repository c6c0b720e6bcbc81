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
    "repo",
    "rule",
    "short_hash",
    "slug",
    "source_document",
    "source_record",
    "system",
    "topic",
    "topic_scheme",
    "venue",
]

#: Every data IRI starts with this.
BASE = "https://w3id.org/mlsys-graph/id/"


def slug(text: str, max_words: int = 8) -> str:
    """Lower-case ASCII words joined by ``-`` (accents folded, punctuation dropped)."""
    return _slug(text, max_words=max_words)


def short_hash(identity: str) -> str:
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()[:8]


def assign(bases: Mapping[str, str]) -> dict[str, str]:
    """Map identity → local name: the readable base, or base + hash of the identity on a clash."""
    counts = Counter(bases.values())
    return {
        identity: base if counts[base] == 1 else f"{base}-{short_hash(identity)}"
        for identity, base in sorted(bases.items())
    }


def _iri(path: str) -> URIRef:
    return URIRef(BASE + path)


def entry(kind_path: str, local: str) -> URIRef:
    """An entry: ``paper/…``, ``software/…``, ``book/…`` and so on."""
    return _iri(f"{kind_path}/{local}")


def from_key(key: str) -> URIRef:
    """The IRI of a catalog key such as ``paper/crankshaw2017-clipper``."""
    return _iri(key)


def key_of(term) -> str:
    """The catalog key of a data IRI (the IRI without :data:`BASE`); other IRIs unchanged.

    >>> key_of(from_key("paper/x"))
    'paper/x'
    """
    return str(term).removeprefix(BASE)


def person(key: str) -> URIRef:
    return _iri(f"person/{key}")


def organization(name: str) -> URIRef:
    """An organisation by its name as written, folded: ``organization/uc-berkeley``."""
    return _iri(f"organization/{slug(name, max_words=12)}")


def venue(key: str) -> URIRef:
    return _iri(f"venue/{key}")


def repo(owner_repo: str) -> URIRef:
    owner, name = owner_repo.lower().split("/", 1)
    return _iri(f"repo/{owner}/{name}")


def system(name: str) -> URIRef:
    return _iri(f"system/{slug(name)}")


def topic(key: str) -> URIRef:
    return _iri(f"topic/{key}")


def topic_scheme() -> URIRef:
    return _iri("topic")


def source_document(doc_id: str) -> URIRef:
    return _iri(f"source/{doc_id}")


def source_record(doc_id: str, line: int) -> URIRef:
    return _iri(f"source/{doc_id}/L{line}")


def link(entry_iri: URIRef, position: int) -> URIRef:
    return URIRef(f"{entry_iri}/link/{position}")


def authorship(entry_iri: URIRef, position: int) -> URIRef:
    return URIRef(f"{entry_iri}/author/{position}")


def claim(subject: URIRef, relation: str, obj: URIRef) -> URIRef:
    s = str(subject).removeprefix(BASE).replace("/", "_")
    o = str(obj).removeprefix(BASE).replace("/", "_")
    return _iri(f"claim/{s}--{relation}--{o}")


def rule(name: str) -> URIRef:
    return _iri(f"rule/{name}")


def curation_file(name: str) -> URIRef:
    return _iri(f"curation/{slug(name.replace('.', ' '))}")


def named_graph(name: str = "mlsys-graph") -> URIRef:
    """The named graph ``mlsys-graph push`` replaces on a SPARQL server unless told another.

    >>> str(named_graph())
    'https://w3id.org/mlsys-graph/id/graph/mlsys-graph'
    """
    return _iri(f"graph/{slug(name)}")
