"""People: every spelling of one person becomes one node, and never a merge on surname alone.

The ingest writes every author in natural order ("Given Family": ``Zhihao Jia``,
``B.G. Chun``, ``Dulloo``). :func:`resolve_people` groups these occurrences into people
with the rules below, applied in this order; every rule that joined occurrences is
named in :attr:`Person.rules`.

``curated-alias``
    A spelling curated in ``data/people.ttl`` as a variant of a canonical name is read as
    that name (``Chen Tianqi`` → ``Tianqi Chen``). Curated separations
    (``owl:differentFrom``) keep two names apart whatever the rules below say.
``same-normalised-name``
    Names equal once case, accents, punctuation and spaces are folded are one person
    (``Christopher Ré`` / ``Christopher Re``, ``B.G. Chun`` / ``B. G. Chun``).
``compatible-full-names``
    Full names with the same family name that agree on a spelled-out given name and whose
    other given names or initials agree as far as both go (``Charles R. Qi`` /
    ``Charles Qi``) are one person, when no third such name makes the choice ambiguous.
``initials-unique-surname`` / ``initials-shared-coauthor``
    An initial form (``M. Zaharia``, ``D. G. Andersen``) or a lone surname (``Dulloo``)
    joins a full name only when that full name is its *only* compatible candidate and
    either nobody else in the input carries the surname, or the two share a co-author
    (someone in the initial form's author list resolves to a person who also wrote with
    the candidate). These rules run to a fixed point, so a co-author resolved in one round
    can be the evidence of the next.

Two names that appear in one author list are never merged (they are co-authors), and
initials must agree: ``Y. Kang`` is not ``Daniel Kang``, ``Hongzi Mao`` is not
``Huizi Mao``. Where a merge is possible but not certain the names stay apart and a
:class:`PossibleDuplicate` is reported, whose :meth:`~PossibleDuplicate.snippet` is the
Turtle a curator pastes into ``data/people.ttl`` to settle it.

The result is deterministic: it depends neither on the order of the occurrences nor, for
a person's key, on unrelated people.

>>> occurrences = [
...     AuthorOccurrence("noscope", 1, "Daniel Kang"),
...     AuthorOccurrence("noscope", 2, "Matei Zaharia"),
...     AuthorOccurrence("hivemind", 1, "D. Narayanan"),
...     AuthorOccurrence("hivemind", 2, "M. Zaharia"),
...     AuthorOccurrence("neurosurgeon", 1, "Y. Kang"),
... ]
>>> result = resolve_people(occurrences, PeopleCuration())
>>> [(p.key, p.variants) for p in result.people]
[('d-narayanan', ('D. Narayanan',)), ('daniel-kang', ('Daniel Kang',)), \
('matei-zaharia', ('M. Zaharia', 'Matei Zaharia')), ('y-kang', ('Y. Kang',))]
>>> result.person_of["hivemind", 2], result.people[2].rules
('matei-zaharia', ('initials-unique-surname',))
>>> parse_name("D. G. Andersen")
NameParts(text='D. G. Andersen', given='D. G.', family='Andersen', initials=('D', 'G'), \
initials_only=True, family_key='andersen')
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations
from pathlib import Path

from ..errors import SourceError
from ..slugs import FOLD_TABLE
from ..slugs import slug as make_slug

__all__ = [
    "RULES",
    "AuthorOccurrence",
    "NameParts",
    "PeopleCuration",
    "PeopleResolution",
    "Person",
    "PossibleDuplicate",
    "load_people_curation",
    "parse_name",
    "resolve_people",
]

#: The names :attr:`Person.rules` may hold, in the order the rules run.
RULES = (
    "curated-alias",
    "same-normalised-name",
    "compatible-full-names",
    "initials-unique-surname",
    "initials-shared-coauthor",
)

_MLS = "https://w3id.org/mlsys-graph/ontology#"
_PERSON = "https://w3id.org/mlsys-graph/id/person/"
_FOAF_NAME = "http://xmlns.com/foaf/0.1/name"
_OWL_DIFFERENT = "http://www.w3.org/2002/07/owl#differentFrom"
_DEFAULT_SOURCE = "data/people.ttl"


# --------------------------------------------------------------------------------------
# records


@dataclass(frozen=True, slots=True)
class AuthorOccurrence:
    """One author of one entry, as the ingest wrote it.

    Parameters
    ----------
    entry : str
        An opaque id of the entry (paper, talk, course, ...).
    position : int
        1-based position in the entry's author list.
    name : str
        The name in natural order ("Given Family").
    """

    entry: str
    position: int
    name: str


@dataclass(frozen=True, slots=True)
class NameParts:
    """A name split into given and family parts, with the keys the rules compare.

    ``initials`` holds one upper-case letter per given name or initial (``Hans-Arno`` gives
    ``('H', 'A')``); ``initials_only`` is true when no given name is spelled out, which
    includes a lone surname; ``family_key`` is the family name casefolded with accents,
    punctuation and spaces removed (``Ré`` → ``re``, ``Ragan-Kelley`` → ``ragankelley``).
    """

    text: str
    given: str
    family: str
    initials: tuple[str, ...]
    initials_only: bool
    family_key: str


@dataclass(frozen=True, slots=True)
class Person:
    """One resolved person.

    Attributes
    ----------
    key : str
        ASCII slug of the label, unique in the result (``matei-zaharia``, ``christopher-re``;
        ``-2``, ``-3`` ... when distinct people share a slug).
    label : str
        The curated canonical name if there is one, else the fullest spelling seen.
    variants : tuple of str
        Every spelling seen, sorted.
    rules : tuple of str
        The rules (see :data:`RULES`) that joined occurrences into this person.
    curated : tuple of str
        The reasons of the curated facts that concern this person.
    """

    key: str
    label: str
    variants: tuple[str, ...]
    rules: tuple[str, ...]
    curated: tuple[str, ...]


def _turtle_string(text: str) -> str:
    escaped = (
        text.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
    )
    return f'"{escaped}"'


@dataclass(frozen=True, slots=True)
class PossibleDuplicate:
    """Two people the rules could neither merge nor keep apart with certainty.

    ``a`` and ``b`` are person keys (``a < b``); ``a_names`` and ``b_names`` hold each one's
    label first, then its other spellings.
    """

    a: str
    b: str
    reason: str
    a_names: tuple[str, ...] = ()
    b_names: tuple[str, ...] = ()

    def snippet(self) -> str:
        """Turtle for ``data/people.ttl`` that settles this pair, commented out.

        It offers two blocks, an alias (one person) and an ``owl:differentFrom`` (two
        people); the curator uncomments one and writes its reason.

        Returns
        -------
        str
            Lines starting ``## `` explain; lines starting ``# `` are Turtle to uncomment.
        """
        a_label = self.a_names[0] if self.a_names else f"TODO: name of person:{self.a}"
        b_label = self.b_names[0] if self.b_names else f"TODO: name of person:{self.b}"
        lines = [
            f"## possible duplicate: person:{self.a} ~ person:{self.b}",
            f"## why unsure: {self.reason}",
        ]
        if self.a_names and self.b_names and _name_key(a_label) == _name_key(b_label):
            lines.append(
                "## both are spelled the same, so data/people.ttl (which curates by name) "
                "cannot tell them apart; leave them as they are"
            )
            return "\n".join(lines) + "\n"
        if self.a_names and self.b_names and _fullness(b_label) > _fullness(a_label):
            keep, keep_label, other_names = self.b, b_label, self.a_names
        else:
            keep, keep_label, other_names = self.a, a_label, self.b_names
        variants = sorted({n for n in other_names if _name_key(n) != _name_key(keep_label)})
        if not variants:
            variants = [f"TODO: spelling of person:{self.b if keep == self.a else self.a}"]
        lines.append('## uncomment ONE block (delete its leading "# ") and give the reason:')
        lines.append("## (1) one person: the other's spellings become variants of this name")
        lines.append(f"# person:{keep} foaf:name {_turtle_string(keep_label)} ;")
        lines.extend(f"#     mls:nameVariant {_turtle_string(v)} ;" for v in variants)
        lines.append('#     mls:reason "TODO: why they are one person" .')
        lines.append("## (2) two people: no rule may merge them")
        lines.append(f"# person:{self.a} foaf:name {_turtle_string(a_label)} ;")
        lines.append(f"#     owl:differentFrom person:{self.b} ;")
        lines.append('#     mls:reason "TODO: why they are different people" .')
        lines.append(f"# person:{self.b} foaf:name {_turtle_string(b_label)} .")
        return "\n".join(lines) + "\n"


@dataclass(frozen=True, slots=True)
class PeopleResolution:
    """People, the person of every ``(entry, position)``, and the pairs left undecided."""

    people: tuple[Person, ...]
    person_of: Mapping[tuple[str, int], str] = field(hash=False)
    possible_duplicates: tuple[PossibleDuplicate, ...]


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
    source : str
        Where the facts come from, e.g. ``data/people.ttl``.
    """

    aliases: Mapping[str, str] = field(default_factory=dict, hash=False)
    labels: Mapping[str, str] = field(default_factory=dict, hash=False)
    different: frozenset[frozenset[str]] = frozenset()
    reasons: Mapping[str, str] = field(default_factory=dict, hash=False)
    source: str = ""


# --------------------------------------------------------------------------------------
# names

_FOLD_TABLE = FOLD_TABLE
_TITLES = {"dr", "prof", "professor", "mr", "mrs", "ms", "mx", "sir", "dame"}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_PARTICLES = {
    "van", "von", "de", "der", "den", "del", "della", "di", "da", "dos", "das", "du", "la",
    "le", "ter", "ten", "bin", "ibn", "al", "el",
}  # fmt: skip
# Capitalised particles ("Guy Van Den Broeck"); not "Di"/"Da"/"Le", which are given names too.
_CAP_PARTICLES = {
    "van", "von", "de", "der", "den", "del", "della", "dos", "das", "du", "ter", "ten",
}  # fmt: skip
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_EDGE = "\"'“”‘’`,;:()[]{}<>*_/\\|"
_CHUNK = re.compile(r"[^.\-‐‑–]+\.?")

# (initial, spelled-out given name folded, or None for an initial)
_Slot = tuple[str, str | None]


def _fold(text: str) -> str:
    """Casefold, strip accents and keep only letters and digits."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD_TABLE).casefold())
    return "".join(ch for ch in decomposed if ch.isalnum())


def _clean_tokens(chunk: str) -> list[str]:
    tokens = (t.strip(_EDGE) for t in chunk.split())
    return [t for t in tokens if any(ch.isalnum() for ch in t)]


def _is_suffix(token: str) -> bool:
    return _fold(token) in _SUFFIXES


def _is_particle(token: str, before: str | None) -> bool:
    low = token.casefold()
    if token.islower():
        return low in _PARTICLES
    if low in _CAP_PARTICLES:
        return True
    # "de La Cruz": la/le/las/los only right after another particle
    return low in {"la", "le", "las", "los"} and before is not None and _is_particle(before, None)


def _split_tokens(text: str) -> tuple[list[str], list[str]]:
    """``(given tokens, family tokens)`` of a name."""
    parts = [p for p in (_clean_tokens(c) for c in _BRACKETED.sub(" ", text).split(",")) if p]
    while len(parts) > 1 and len(parts[-1]) == 1 and _is_suffix(parts[-1][0]):
        parts.pop()
    if len(parts) > 1:  # "Family, Given" (the ingest should not send these, but be kind)
        family = parts[0]
        while len(family) > 1 and _is_suffix(family[-1]):
            family = family[:-1]
        return [t for p in parts[1:] for t in p], family
    tokens = parts[0] if parts else []
    while len(tokens) > 1 and _fold(tokens[0]) in _TITLES:
        tokens = tokens[1:]
    while len(tokens) > 1 and _is_suffix(tokens[-1]):
        tokens = tokens[:-1]
    if not tokens:
        return [], []
    start = len(tokens) - 1
    while start >= 2 and _is_particle(tokens[start - 1], tokens[start - 2]):
        start -= 1
    return tokens[:start], tokens[start:]


def _token_slots(token: str) -> list[_Slot]:
    letters = [ch for ch in token if ch.isalnum()]
    if "." not in token and 2 <= len(letters) <= 3 and token.isalpha() and token.isupper():
        return [(_initial(ch), None) for ch in letters]  # "JE" written without dots
    slots: list[_Slot] = []
    for chunk in _CHUNK.findall(token):
        core = [ch for ch in chunk if ch.isalnum()]
        if not core:
            continue
        if chunk.endswith(".") or len(core) == 1:
            slots.append((_initial(core[0]), None))
        else:
            slots.append((_initial(core[0]), _fold(chunk) or "".join(core)))
    return slots


def _initial(ch: str) -> str:
    return (_fold(ch) or ch)[:1].upper()


@lru_cache(maxsize=65536)
def _slots(given: str) -> tuple[_Slot, ...]:
    return tuple(slot for token in given.split() for slot in _token_slots(token))


@lru_cache(maxsize=65536)
def _parse(text: str) -> NameParts:
    given_tokens, family_tokens = _split_tokens(unicodedata.normalize("NFC", text))
    if family_tokens and family_tokens[-1].endswith("."):
        last = family_tokens[-1]
        if sum(ch.isalnum() for ch in last) > 1:
            family_tokens = [*family_tokens[:-1], last.rstrip(".")]
    given = " ".join(given_tokens)
    family = " ".join(family_tokens)
    slots = _slots(given)
    return NameParts(
        text=text,
        given=given,
        family=family,
        initials=tuple(initial for initial, _ in slots),
        initials_only=all(full is None for _, full in slots),
        family_key=_fold(family),
    )


def parse_name(text: str) -> NameParts:
    """Split a name written "Given Family" into its parts; never raises.

    Titles (``Dr.``) and suffixes (``Jr.``) are dropped, lower-case particles join the family
    name (``Maria de la Cruz``), and a ``Family, Given`` form is turned around.
    Family-name-first without a comma (``Chen Tianqi``) cannot be detected: curate it.

    Parameters
    ----------
    text : str
        One name.

    Returns
    -------
    NameParts

    Examples
    --------
    >>> parse_name("Guy Van den Broeck").family
    'Van den Broeck'
    >>> p = parse_name("Hans-Arno Jacobsen")
    >>> p.initials, p.initials_only
    (('H', 'A'), False)
    >>> parse_name("Christopher Ré").family_key
    're'
    >>> parse_name("Dulloo")
    NameParts(text='Dulloo', given='', family='Dulloo', initials=(), initials_only=True, \
family_key='dulloo')
    """
    return _parse(text)


_NameKey = tuple[str, tuple[str, ...]]


def _key_of(parts: NameParts) -> _NameKey:
    """The same-normalised-name key: family key, then initials and runs of spelled names."""
    items: list[str] = []
    run = ""
    for initial, full in _slots(parts.given):
        if full is None:
            if run:
                items.append("f:" + run)
                run = ""
            items.append("i:" + initial)
        else:
            run += full
    if run:
        items.append("f:" + run)
    return parts.family_key, tuple(items)


def _name_key(text: str) -> _NameKey:
    return _key_of(_parse(text))


def _slots_compatible(x: tuple[_Slot, ...], y: tuple[_Slot, ...]) -> bool:
    """Do the given names agree as far as both go (initials equal, spelled names equal)?"""
    return all(
        ix == iy and (fx is None or fy is None or fx == fy)
        for (ix, fx), (iy, fy) in zip(x, y, strict=False)
    )


def _shares_full(x: tuple[_Slot, ...], y: tuple[_Slot, ...]) -> bool:
    return any(fx is not None and fx == fy for (_, fx), (_, fy) in zip(x, y, strict=False))


def _fullness(text: str) -> tuple[int, ...]:
    parts = _parse(text)
    slots = _slots(parts.given)
    return (
        sum(full is not None for _, full in slots),
        len(slots),
        sum(ch.isalpha() for ch in parts.given),
        sum(not ch.isascii() for ch in text),
        int(not text.isupper()),
    )


def _fullest(names: Iterable[str]) -> str:
    return min(names, key=lambda n: (tuple(-v for v in _fullness(n)), n))


def _slug(label: str) -> str:
    return make_slug(label, fallback="person")


# --------------------------------------------------------------------------------------
# curation


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

    foaf_name, variant_p, reason_p = (
        URIRef(_FOAF_NAME),
        URIRef(_MLS + "nameVariant"),
        URIRef(_MLS + "reason"),
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
    alias_of_key: dict[_NameKey, str] = {}
    canonical_keys = {_name_key(name): node for node, name in canonical.items()}
    for node in sorted(names, key=str):
        variants = names[node][1:]
        if variants and node not in reason_of:
            raise fail(node, "has mls:nameVariant but no mls:reason; say why they are one person")
        for variant in variants:
            key = _name_key(variant)
            if key == _name_key(canonical[node]):
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

    different: set[frozenset[str]] = set()
    for s, o in separations:
        if s not in reason_of and o not in reason_of:
            raise fail(s, f"owl:differentFrom person:{_local(o)} needs an mls:reason")
        for x in names[s]:
            for y in names[o]:
                if _name_key(x) == _name_key(y):
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
    )


@dataclass(slots=True)
class _Curation:
    """A curation with every name turned into its match key."""

    alias: dict[_NameKey, str]
    labels: dict[_NameKey, str]
    different: set[frozenset[_NameKey]]
    reasons: dict[_NameKey, str]

    @classmethod
    def compile(cls, curation: PeopleCuration) -> _Curation:
        alias: dict[_NameKey, str] = {}
        for variant, name in sorted(curation.aliases.items()):
            key = _name_key(variant)
            if alias.get(key, name) != name:
                raise ValueError(
                    f"curation {curation.source!r}: {variant!r} is aliased to both "
                    f"{alias[key]!r} and {name!r}"
                )
            if key != _name_key(name):
                alias[key] = name
        labels = {_name_key(name): name for name in sorted(curation.labels.values())}
        different = set()
        for pair in curation.different:
            keys = frozenset(_name_key(name) for name in pair)
            if len(keys) == 2:
                different.add(keys)
        reasons: dict[_NameKey, set[str]] = defaultdict(set)
        for name, reason in curation.reasons.items():
            reasons[_name_key(name)].add(reason)
        return cls(alias, labels, different, {k: "; ".join(sorted(v)) for k, v in reasons.items()})


# --------------------------------------------------------------------------------------
# resolution


@dataclass(slots=True)
class _Occ:
    occurrence: AuthorOccurrence
    key: _NameKey  # of the effective name (the curated canonical name if aliased)
    own_key: _NameKey  # of the name as written
    slots: tuple[_Slot, ...]
    aliased_to: str | None
    rank: int = 0  # n-th occurrence of this key in its author list, from 0


@dataclass(slots=True)
class _Group:
    gid: int
    family: str
    members: list[int]
    rules: set[str]
    rank: int
    entries: set[str] = field(default_factory=set)
    slotsets: set[tuple[_Slot, ...]] = field(default_factory=set)
    keys: set[_NameKey] = field(default_factory=set)

    @property
    def full(self) -> bool:
        return any(full is not None for slots in self.slotsets for _, full in slots)


class _Resolver:
    def __init__(self, occs: list[_Occ], curation: _Curation) -> None:
        self.occs = occs
        self.cur = curation
        self.by_entry: dict[str, list[int]] = defaultdict(list)
        for i, o in enumerate(occs):
            self.by_entry[o.occurrence.entry].append(i)
        base: dict[tuple[_NameKey, int], list[int]] = defaultdict(list)
        for i, o in enumerate(occs):
            base[(o.key, o.rank)].append(i)
        self.group_of: list[int] = [0] * len(occs)
        self.groups: dict[int, _Group] = {}
        for gid, ((key, rank), members) in enumerate(sorted(base.items())):
            rules = set()
            if any(occs[i].aliased_to for i in members):
                rules.add("curated-alias")
            if sum(1 for i in members if not occs[i].aliased_to) > 1:
                rules.add("same-normalised-name")
            group = _Group(gid, key[0], [], rules, rank)
            self.groups[gid] = group
            self._add(group, members)

    def _add(self, group: _Group, members: Iterable[int]) -> None:
        for i in members:
            o = self.occs[i]
            group.members.append(i)
            group.entries.add(o.occurrence.entry)
            group.slotsets.add(o.slots)
            group.keys.update((o.key, o.own_key))
            self.group_of[i] = group.gid

    def merge(self, into: _Group, other: _Group, rules: Iterable[str]) -> None:
        self._add(into, other.members)
        into.rules |= other.rules | set(rules)
        into.rank = min(into.rank, other.rank)
        del self.groups[other.gid]

    def separated(self, a: _Group, b: _Group) -> bool:
        return any(frozenset((x, y)) in self.cur.different for x in a.keys for y in b.keys)

    def compatible(self, a: _Group, b: _Group) -> bool:
        """Could ``a`` and ``b`` be one person?"""
        return (
            a.family == b.family
            and not a.entries & b.entries
            and all(_slots_compatible(x, y) for x in a.slotsets for y in b.slotsets)
            and not self.separated(a, b)
        )

    def family_groups(self) -> dict[str, list[_Group]]:
        families: dict[str, list[_Group]] = defaultdict(list)
        for gid in sorted(self.groups):
            group = self.groups[gid]
            families[group.family].append(group)
        return families

    def coauthors(self, group: _Group) -> set[int]:
        return {self.group_of[i] for e in group.entries for i in self.by_entry[e]} - {group.gid}

    # -- rule: compatible-full-names ---------------------------------------------------
    def merge_full_names(self) -> None:
        for groups in self.family_groups().values():
            full = [g for g in groups if g.full]
            linked = {
                (a.gid, b.gid)
                for a, b in combinations(full, 2)
                if self.compatible(a, b)
                and any(_shares_full(x, y) for x in a.slotsets for y in b.slotsets)
            }
            neighbours: dict[int, set[int]] = defaultdict(set)
            for x, y in linked:
                neighbours[x].add(y)
                neighbours[y].add(x)
            seen: set[int] = set()
            for g in full:
                if g.gid in seen or not neighbours[g.gid]:
                    continue
                component, todo = set(), [g.gid]
                while todo:
                    gid = todo.pop()
                    if gid not in component:
                        component.add(gid)
                        todo.extend(neighbours[gid])
                seen |= component
                ordered = sorted(component)
                if all((x, y) in linked for x, y in combinations(ordered, 2)):
                    into = self.groups[ordered[0]]
                    for gid in ordered[1:]:
                        self.merge(into, self.groups[gid], ["compatible-full-names"])

    # -- rules: initials-unique-surname, initials-shared-coauthor ----------------------
    def candidates(self, group: _Group, family: list[_Group]) -> list[_Group]:
        return [c for c in family if c.full and c is not group and self.compatible(group, c)]

    def evidence(self, group: _Group, cand: _Group, family: list[_Group]) -> list[str]:
        rules = []
        others = [g for g in family if g is not group and g is not cand]
        if all(not g.full and self.compatible(g, cand) for g in others):
            rules.append("initials-unique-surname")
        if (self.coauthors(group) & self.coauthors(cand)) - {group.gid, cand.gid}:
            rules.append("initials-shared-coauthor")
        return rules

    def merge_initials(self) -> None:
        while True:
            proposals = []
            for groups in self.family_groups().values():
                for group in groups:
                    if group.full:
                        continue
                    cands = self.candidates(group, groups)
                    if len(cands) == 1:
                        rules = self.evidence(group, cands[0], groups)
                        if rules:
                            proposals.append((group.gid, cands[0].gid, rules))
            merged = False
            for gid, cid, rules in proposals:
                group, cand = self.groups[gid], self.groups[cid]
                if self.compatible(group, cand):  # still, after this round's earlier merges
                    self.merge(cand, group, rules)
                    merged = True
            if not merged:
                return

    # -- reporting ---------------------------------------------------------------------
    def possible_duplicates(self, label: dict[int, str]) -> list[tuple[_Group, _Group, str]]:
        """Pairs of people that may be, but are not known to be, one person, and why."""
        found = []
        for family in self.family_groups().values():
            fits: dict[int, list[_Group]] = defaultdict(list)
            compatible = []
            for a, b in combinations(family, 2):
                if a.rank != b.rank and self.base_keys(a) & self.base_keys(b):
                    name = label[a.gid] if a.rank < b.rank else label[b.gid]
                    found.append((a, b, f"{name!r} appears more than once in one author list"))
                elif self.compatible(a, b):
                    compatible.append((a, b))
                    fits[a.gid].append(b)
                    fits[b.gid].append(a)
            for a, b in compatible:
                found.append((a, b, self.doubt(a, b, family, fits, label)))
        return found

    def base_keys(self, group: _Group) -> set[_NameKey]:
        return {self.occs[i].key for i in group.members}

    def doubt(
        self,
        a: _Group,
        b: _Group,
        family: list[_Group],
        fits: dict[int, list[_Group]],
        label: dict[int, str],
    ) -> str:
        """Why the compatible ``a`` and ``b`` are not merged."""
        if not a.full and not b.full:
            return f"{label[a.gid]!r} and {label[b.gid]!r}: compatible initials, no full name"
        if a.full and b.full:
            if not any(_shares_full(x, y) for x in a.slotsets for y in b.slotsets):
                return f"{label[a.gid]!r} and {label[b.gid]!r} agree only on initials"
            fitting = {g.gid: label[g.gid] for g in (*fits[a.gid], *fits[b.gid]) if g.full}
            rivals = sorted(name for gid, name in fitting.items() if gid not in (a.gid, b.gid))
            return f"{label[a.gid]!r} and {label[b.gid]!r} agree on given names" + (
                f", but so does {', '.join(map(repr, rivals))}" if rivals else ""
            )
        short, full = (a, b) if not a.full else (b, a)
        cands = [g for g in fits[short.gid] if g.full]
        if len(cands) > 1:
            names = ", ".join(repr(label[c.gid]) for c in cands)
            return f"{label[short.gid]!r} fits {len(cands)} people: {names}"
        others = sorted({label[g.gid] for g in family if g not in (short, full)})
        if not others:
            return f"{label[short.gid]!r} fits only {label[full.gid]!r}"
        return (
            f"{label[short.gid]!r} fits only {label[full.gid]!r}, but others are named "
            f"{_parse(label[full.gid]).family} ({', '.join(others)}) and no co-author is shared"
        )


def _collect(occurrences: Iterable[AuthorOccurrence], cur: _Curation) -> list[_Occ]:
    by_place: dict[tuple[str, int], AuthorOccurrence] = {}
    for occ in occurrences:
        if not isinstance(occ.position, int) or occ.position < 1:
            raise ValueError(f"entry {occ.entry!r}: author position {occ.position!r} is not >= 1")
        place = (occ.entry, occ.position)
        seen = by_place.setdefault(place, occ)
        if seen.name != occ.name:
            raise ValueError(
                f"entry {occ.entry!r} position {occ.position}: two names, "
                f"{seen.name!r} and {occ.name!r}"
            )
    occs = []
    for place in sorted(by_place):
        occ = by_place[place]
        parts = _parse(occ.name)
        if not parts.family_key:
            raise ValueError(
                f"entry {occ.entry!r} position {occ.position}: {occ.name!r} is not a name "
                "(no letters)"
            )
        own_key = _key_of(parts)
        canonical = cur.alias.get(own_key)
        effective = _parse(canonical) if canonical else parts
        occs.append(_Occ(occ, _key_of(effective), own_key, _slots(effective.given), canonical))
    counts: dict[tuple[str, _NameKey], int] = defaultdict(int)
    for o in occs:  # sorted by (entry, position)
        o.rank = counts[(o.occurrence.entry, o.key)]
        counts[(o.occurrence.entry, o.key)] += 1
    return occs


def resolve_people(
    occurrences: Iterable[AuthorOccurrence], curation: PeopleCuration | None = None
) -> PeopleResolution:
    """Group author occurrences into people (see the module docs for the rules).

    Parameters
    ----------
    occurrences : iterable of AuthorOccurrence
        Every author of every entry; order does not matter, exact repeats are ignored.
    curation : PeopleCuration, optional
        Curated aliases and separations; by default the bundled ``data/people.ttl``
        (pass ``PeopleCuration()`` for the rules alone).

    Returns
    -------
    PeopleResolution
        People sorted by key, the person of every ``(entry, position)``, and the pairs the
        rules could not decide, sorted.

    Raises
    ------
    ValueError
        Two different names at one ``(entry, position)``, a position below 1, or a name
        without letters.

    Examples
    --------
    >>> r = resolve_people([AuthorOccurrence("e1", 1, "Wei Wang"),
    ...                     AuthorOccurrence("e1", 2, "Sheng Wang"),
    ...                     AuthorOccurrence("e2", 1, "W. Wang")], PeopleCuration())
    >>> [p.key for p in r.people]
    ['sheng-wang', 'w-wang', 'wei-wang']
    >>> r.possible_duplicates[0].reason
    "'W. Wang' fits only 'Wei Wang', but others are named Wang (Sheng Wang) and no \
co-author is shared"
    """
    if curation is None:
        curation = load_people_curation()
    cur = _Curation.compile(curation)
    occs = _collect(occurrences, cur)
    resolver = _Resolver(occs, cur)
    resolver.merge_full_names()
    resolver.merge_initials()

    groups = [resolver.groups[gid] for gid in sorted(resolver.groups)]
    label: dict[int, str] = {}
    variants: dict[int, tuple[str, ...]] = {}
    for g in groups:
        spellings = {occs[i].occurrence.name for i in g.members}
        variants[g.gid] = tuple(sorted(spellings))
        curated = [cur.labels[k] for k in g.keys if k in cur.labels]
        canonical = [occs[i].aliased_to for i in g.members if occs[i].aliased_to]
        label[g.gid] = _fullest(curated or [*canonical, *spellings])

    key = _assign_keys(groups, label, variants, occs)

    present = {k for g in groups for k in g.keys}
    people = []
    for g in groups:
        reasons = {cur.reasons[k] for k in g.keys if k in cur.reasons}
        for pair in cur.different:
            if pair & g.keys:
                reasons.update(
                    cur.reasons[other]
                    for other in pair - g.keys
                    if other in present and other in cur.reasons
                )
        people.append(
            Person(
                key=key[g.gid],
                label=label[g.gid],
                variants=variants[g.gid],
                rules=tuple(r for r in RULES if r in g.rules),
                curated=tuple(sorted(reasons)),
            )
        )

    duplicates = []
    for a, b, reason in resolver.possible_duplicates(label):
        first, second = sorted((a, b), key=lambda g: key[g.gid])
        duplicates.append(
            PossibleDuplicate(
                key[first.gid],
                key[second.gid],
                reason,
                _names(label[first.gid], variants[first.gid]),
                _names(label[second.gid], variants[second.gid]),
            )
        )

    person_of = {
        (o.occurrence.entry, o.occurrence.position): key[resolver.group_of[i]]
        for i, o in enumerate(occs)
    }
    return PeopleResolution(
        people=tuple(sorted(people, key=lambda p: p.key)),
        person_of=dict(sorted(person_of.items())),
        possible_duplicates=tuple(sorted(duplicates, key=lambda d: (d.a, d.b))),
    )


def _names(label: str, variants: tuple[str, ...]) -> tuple[str, ...]:
    return (label, *(v for v in variants if v != label))


def _assign_keys(
    groups: list[_Group],
    label: dict[int, str],
    variants: dict[int, tuple[str, ...]],
    occs: list[_Occ],
) -> dict[int, str]:
    """Slug of the label; people sharing a slug get ``-2``, ``-3`` ... by a stable order."""
    by_slug: dict[str, list[_Group]] = defaultdict(list)
    for g in groups:
        by_slug[_slug(label[g.gid])].append(g)
    key: dict[int, str] = {}
    taken = set(by_slug)
    for slug in sorted(by_slug):
        ordered = sorted(
            by_slug[slug],
            key=lambda g: (
                g.rank,
                variants[g.gid],
                sorted((occs[i].occurrence.entry, occs[i].occurrence.position) for i in g.members),
            ),
        )
        key[ordered[0].gid] = slug
        n = 2
        for g in ordered[1:]:
            while f"{slug}-{n}" in taken:
                n += 1
            key[g.gid] = f"{slug}-{n}"
            taken.add(key[g.gid])
    return key
