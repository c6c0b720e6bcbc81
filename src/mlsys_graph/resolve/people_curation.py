"""Curated facts about people: reading and validating ``data/people.ttl``, and writing to it.

A curator settles what the people rules (:mod:`mlsys_graph.resolve.people`) cannot: a
person carries one ``foaf:name`` (the canonical name) and a ``mls:reason``; other spellings
of that person are ``mls:nameVariant`` (``Chen Tianqi`` → ``Tianqi Chen``), which hold only
where ``mls:appliesTo`` says: a list (its source document,
``<https://w3id.org/mlsys-graph/id/source/LIST-ID>``, a list id of ``data/lists.toml``) or a
paper (``<https://arxiv.org/abs/ID>``, ``<https://doi.org/DOI>``); ``owl:differentFrom``
keeps two people apart whatever the rules say.
:func:`load_people_curation` reads the file into a :class:`PeopleCuration` and refuses
one that is ambiguous; :func:`duplicate_snippet` writes the commented-out Turtle a curator
pastes into the file to settle a possible duplicate.

>>> curation = load_people_curation()
>>> curation.aliases["Chen Tianqi"], curation.labels["tianqi-chen"]
('Tianqi Chen', 'Tianqi Chen')
>>> sorted(curation.scopes["Y. Yang"])
['arxiv:1810.13306']
>>> scope_of("https://doi.org/10.1145/ABC"), scope_of("https://w3id.org/mlsys-graph/id/source/l")
('doi:10.1145/abc', 'list:l')
>>> print(duplicate_snippet("ab-lee", "anna-lee", "unsure", ("A. B. Lee",), ("Anna Lee",)), end="")
## possible duplicate: person:ab-lee ~ person:anna-lee
## why unsure: unsure
## uncomment ONE block (delete its leading "# ") and give the reason:
## (1) one person: the other's spellings become variants of this name
# person:anna-lee foaf:name "Anna Lee" ;
#     mls:nameVariant "A. B. Lee" ;
#     mls:appliesTo <https://w3id.org/mlsys-graph/id/source/TODO-LIST-ID> ;
#     mls:reason "TODO: why they are one person" .
## (2) two people: no rule may merge them
# person:ab-lee foaf:name "A. B. Lee" ;
#     owl:differentFrom person:anna-lee ;
#     mls:reason "TODO: why they are different people" .
# person:anna-lee foaf:name "Anna Lee" .
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import SourceError
from .names import NameKey, fullness, name_key, same_normalised_name

__all__ = ["PeopleCuration", "duplicate_snippet", "load_people_curation", "scope_of"]

_MLS = "https://w3id.org/mlsys-graph/ontology#"
_PERSON = "https://w3id.org/mlsys-graph/id/person/"
_FOAF_NAME = "http://xmlns.com/foaf/0.1/name"
_OWL_DIFFERENT = "http://www.w3.org/2002/07/owl#differentFrom"
_DEFAULT_SOURCE = "data/people.ttl"
_SOURCE_DOC = "https://w3id.org/mlsys-graph/id/source/"
_SCOPES = (
    ("list", re.compile(r"^https://w3id\.org/mlsys-graph/id/source/([a-z0-9][a-z0-9-]*)$")),
    ("arxiv", re.compile(r"^https?://arxiv\.org/abs/([^\s/]+(?:/\d+)?)$", re.I)),
    ("doi", re.compile(r"^https?://(?:dx\.)?doi\.org/(10\.\S+)$", re.I)),
)


def scope_of(iri: str) -> str | None:
    """The scope an ``mls:appliesTo`` IRI names: ``list:ID``, ``arxiv:ID`` or ``doi:DOI``
    (arXiv version dropped, DOI lower-cased), or ``None`` when it names none of these."""
    from ..ingest.duplicates import arxiv_key, doi_key

    for kind, pattern in _SCOPES:
        m = pattern.match(str(iri))
        if m:
            value = m.group(1)
            if kind == "arxiv":
                value = arxiv_key(value)
            elif kind == "doi":
                value = doi_key(value)
            return f"{kind}:{value}"
    return None


@dataclass(frozen=True, slots=True)
class PeopleCuration:
    """Curated facts about people, as read from ``data/people.ttl``.

    Attributes
    ----------
    aliases : Mapping[str, str]
        Variant spelling → canonical full name.
    labels : Mapping[str, str]
        Curated person (local name of its IRI, e.g. ``tianqi-chen``) → canonical name; a
        person carrying one of these names takes it as label.
    different : frozenset of frozenset of str
        Pairs of names that belong to different people.
    reasons : Mapping[str, str]
        Name (canonical or variant) → the curator's reason for the facts about it.
    scopes : Mapping[str, frozenset of str]
        Variant spelling → where its alias holds (``list:ID``, ``arxiv:ID``, ``doi:DOI``,
        see :func:`scope_of`); a variant with no scopes holds everywhere (only a curation
        built in code can say that: the file needs ``mls:appliesTo``).
    source : str
        Where the facts come from, e.g. ``data/people.ttl``.
    """

    aliases: Mapping[str, str] = field(default_factory=dict, hash=False)
    labels: Mapping[str, str] = field(default_factory=dict, hash=False)
    different: frozenset[frozenset[str]] = frozenset()
    reasons: Mapping[str, str] = field(default_factory=dict, hash=False)
    source: str = ""
    scopes: Mapping[str, frozenset[str]] = field(default_factory=dict, hash=False)


# --------------------------------------------------------------------------------------
# reading


def _local(term: object) -> str:
    return str(term).removeprefix(_PERSON)


def load_people_curation(path: Path | None = None) -> PeopleCuration:
    """Read curated aliases and separations from Turtle.

    Parameters
    ----------
    path : Path, optional
        The file; by default the bundled ``data/people.ttl``. A missing file is an empty
        curation.

    Returns
    -------
    PeopleCuration

    Raises
    ------
    SourceError
        The file is not Turtle, or a person lacks ``foaf:name`` or ``mls:reason``, or an
        alias is ambiguous.

    Examples
    --------
    >>> curation = load_people_curation()
    >>> curation.aliases["Chen Tianqi"], curation.source
    ('Tianqi Chen', 'data/people.ttl')
    """
    if path is None:
        from mlsys_graph.resources import data_file

        path, source = data_file("people.ttl"), _DEFAULT_SOURCE
    else:
        path, source = Path(path), str(path)
    if not path.is_file():
        return PeopleCuration(source=source)

    from rdflib import Graph, Literal, URIRef

    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except (SyntaxError, ValueError) as exc:
        raise SourceError(source, None, f"not valid Turtle: {exc}") from exc

    foaf_name, variant_p, reason_p, applies_p = (
        URIRef(_FOAF_NAME),
        URIRef(_MLS + "nameVariant"),
        URIRef(_MLS + "reason"),
        URIRef(_MLS + "appliesTo"),
    )
    different_p = URIRef(_OWL_DIFFERENT)

    def fail(node: object, message: str) -> SourceError:
        return SourceError(source, None, f"person:{_local(node)}: {message}")

    def strings(node: object, predicate: URIRef) -> list[str]:
        values = sorted(graph.objects(node, predicate), key=str)
        for value in values:
            if not isinstance(value, Literal):
                raise fail(node, f"{graph.qname(predicate)} must be a string, not {value.n3()}")
        return [str(v) for v in values]

    nodes = set(graph.subjects(foaf_name)) | set(graph.subjects(variant_p))
    nodes |= set(graph.subjects(reason_p))
    separations = sorted(graph.subject_objects(different_p), key=lambda so: tuple(map(str, so)))
    for s, o in separations:
        nodes |= {s, o}

    canonical: dict[object, str] = {}
    names: dict[object, list[str]] = {}
    reason_of: dict[object, str] = {}
    for node in sorted(nodes, key=str):
        node_names = strings(node, foaf_name)
        if len(node_names) != 1:
            raise fail(node, f"needs exactly one foaf:name, has {len(node_names)}")
        reasons = strings(node, reason_p)
        if len(reasons) > 1:
            raise fail(node, "has more than one mls:reason; write one")
        if reasons:
            reason_of[node] = reasons[0]
        canonical[node] = node_names[0]
        names[node] = [node_names[0], *strings(node, variant_p)]

    aliases: dict[str, str] = {}
    scopes: dict[str, frozenset[str]] = {}
    alias_of_key: dict[NameKey, str] = {}
    canonical_keys = {name_key(name): node for node, name in canonical.items()}
    for node in sorted(names, key=str):
        variants = names[node][1:]
        if variants and node not in reason_of:
            raise fail(node, "has mls:nameVariant but no mls:reason; say why they are one person")
        node_scopes = set()
        for target in sorted(graph.objects(node, applies_p), key=str):
            scope = scope_of(str(target)) if isinstance(target, URIRef) else None
            if scope is None:
                raise fail(
                    node,
                    f"mls:appliesTo {target.n3()} names no list (<{_SOURCE_DOC}LIST-ID>) "
                    "nor paper (<https://arxiv.org/abs/ID>, <https://doi.org/DOI>)",
                )
            node_scopes.add(scope)
        if variants and not node_scopes:
            raise fail(
                node,
                "has mls:nameVariant but no mls:appliesTo; say which list "
                f"(<{_SOURCE_DOC}LIST-ID>) or paper (<https://arxiv.org/abs/ID>) it fixes",
            )
        for variant in variants:
            key = name_key(variant)
            if key == name_key(canonical[node]):
                continue
            if key in canonical_keys:
                raise fail(
                    node,
                    f"variant {variant!r} is the foaf:name of "
                    f"person:{_local(canonical_keys[key])}; aliases do not chain",
                )
            if alias_of_key.get(key, canonical[node]) != canonical[node]:
                raise fail(
                    node,
                    f"variant {variant!r} is also a variant of {alias_of_key[key]!r}; "
                    "one spelling can alias one person only",
                )
            alias_of_key[key] = canonical[node]
            aliases[variant] = canonical[node]
            scopes[variant] = frozenset(node_scopes)

    different: set[frozenset[str]] = set()
    for s, o in separations:
        if s not in reason_of and o not in reason_of:
            raise fail(s, f"owl:differentFrom person:{_local(o)} needs an mls:reason")
        for x in names[s]:
            for y in names[o]:
                if same_normalised_name(x, y):
                    raise fail(
                        s,
                        f"cannot be kept apart from person:{_local(o)} by name: both are "
                        f"spelled {x!r}",
                    )
                different.add(frozenset((x, y)))

    reasons_by_name: dict[str, set[str]] = defaultdict(set)
    for node, reason in reason_of.items():
        for name in names[node]:
            reasons_by_name[name].add(reason)
    return PeopleCuration(
        aliases=dict(sorted(aliases.items())),
        labels=dict(sorted((_local(node), name) for node, name in canonical.items())),
        different=frozenset(different),
        reasons={name: "; ".join(sorted(rs)) for name, rs in sorted(reasons_by_name.items())},
        source=source,
        scopes=dict(sorted(scopes.items())),
    )


# --------------------------------------------------------------------------------------
# writing


def _turtle_string(text: str) -> str:
    escaped = (
        text.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
    )
    return f'"{escaped}"'


def _scope_iri(scope: str) -> str:
    kind, _, value = scope.partition(":")
    return {
        "list": _SOURCE_DOC,
        "arxiv": "https://arxiv.org/abs/",
        "doi": "https://doi.org/",
    }[kind] + value


def duplicate_snippet(
    a: str,
    b: str,
    reason: str,
    a_names: tuple[str, ...] = (),
    b_names: tuple[str, ...] = (),
    scopes: tuple[str, ...] = (),
) -> str:
    """Turtle for ``data/people.ttl`` that settles whether two people are one, commented out.

    It offers two blocks, an alias (one person, named by the fuller label) and an
    ``owl:differentFrom`` (two people); the curator uncomments one and writes its reason.
    Two people spelled the same cannot be told apart by name, so for them it only says so.

    Parameters
    ----------
    a, b : str
        The two person keys.
    reason : str
        Why the pair is in doubt.
    a_names, b_names : tuple of str, optional
        Each person's label first, then its other spellings; ``TODO`` placeholders when
        empty.
    scopes : tuple of str, optional
        Where the alias is to hold (``list:ID``, ``arxiv:ID``, ``doi:DOI``): written as
        ``mls:appliesTo``; a placeholder to fill in when empty.

    Returns
    -------
    str
        Lines starting ``## `` explain; lines starting ``# `` are Turtle to uncomment.

    Examples
    --------
    >>> print(duplicate_snippet("wei-wang", "wei-wang-2", "same name", ("Wei Wang",),
    ...                         ("Wei Wang",)), end="")
    ## possible duplicate: person:wei-wang ~ person:wei-wang-2
    ## why unsure: same name
    ## both are spelled the same, so data/people.ttl (which curates by name) cannot tell \
them apart; leave them as they are
    """
    a_label = a_names[0] if a_names else f"TODO: name of person:{a}"
    b_label = b_names[0] if b_names else f"TODO: name of person:{b}"
    lines = [
        f"## possible duplicate: person:{a} ~ person:{b}",
        f"## why unsure: {reason}",
    ]
    if a_names and b_names and same_normalised_name(a_label, b_label):
        lines.append(
            "## both are spelled the same, so data/people.ttl (which curates by name) "
            "cannot tell them apart; leave them as they are"
        )
        return "\n".join(lines) + "\n"
    if a_names and b_names and fullness(b_label) > fullness(a_label):
        keep, keep_label, other_names = b, b_label, a_names
    else:
        keep, keep_label, other_names = a, a_label, b_names
    variants = sorted({n for n in other_names if name_key(n) != name_key(keep_label)})
    if not variants:
        variants = [f"TODO: spelling of person:{b if keep == a else a}"]
    lines.append('## uncomment ONE block (delete its leading "# ") and give the reason:')
    lines.append("## (1) one person: the other's spellings become variants of this name")
    lines.append(f"# person:{keep} foaf:name {_turtle_string(keep_label)} ;")
    lines.extend(f"#     mls:nameVariant {_turtle_string(v)} ;" for v in variants)
    targets = [_scope_iri(scope) for scope in scopes] or [f"{_SOURCE_DOC}TODO-LIST-ID"]
    lines.extend(f"#     mls:appliesTo <{target}> ;" for target in targets)
    lines.append('#     mls:reason "TODO: why they are one person" .')
    lines.append("## (2) two people: no rule may merge them")
    lines.append(f"# person:{a} foaf:name {_turtle_string(a_label)} ;")
    lines.append(f"#     owl:differentFrom person:{b} ;")
    lines.append('#     mls:reason "TODO: why they are different people" .')
    lines.append(f"# person:{b} foaf:name {_turtle_string(b_label)} .")
    return "\n".join(lines) + "\n"
