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

Names are parsed and compared in :mod:`mlsys_graph.resolve.names` and the curation is
read in :mod:`mlsys_graph.resolve.people_curation`; :class:`NameParts`,
:func:`parse_name`, :class:`PeopleCuration` and :func:`load_people_curation` are
re-exported here.

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

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import combinations

from ..slugs import slug as make_slug
from .names import (
    NameKey,
    NameParts,
    Slot,
    fullest,
    given_slots,
    initials_compatible,
    name_key,
    name_key_of,
    parse_name,
    shares_given_name,
)
from .people_curation import PeopleCuration, duplicate_snippet, load_people_curation

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
    scope : frozenset of str, optional
        Where the name was written: ``list:ID`` of its list, ``arxiv:ID`` and ``doi:DOI``
        of its paper. A curated alias holds only where its ``mls:appliesTo`` meets these.
    """

    entry: str
    position: int
    name: str
    scope: frozenset[str] = frozenset()


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
    #: The lists (``list:ID``) where either name was written: an alias is scoped to these.
    scopes: tuple[str, ...] = ()

    def snippet(self) -> str:
        """Turtle for ``data/people.ttl`` that settles this pair, commented out.

        It offers two blocks, an alias (one person) and an ``owl:differentFrom`` (two
        people); the curator uncomments one and writes its reason.

        Returns
        -------
        str
            Lines starting ``## `` explain; lines starting ``# `` are Turtle to uncomment.
        """
        return duplicate_snippet(
            self.a, self.b, self.reason, self.a_names, self.b_names, self.scopes
        )


@dataclass(frozen=True, slots=True)
class PeopleResolution:
    """People, the person of every ``(entry, position)``, and the pairs left undecided."""

    people: tuple[Person, ...]
    person_of: Mapping[tuple[str, int], str] = field(hash=False)
    possible_duplicates: tuple[PossibleDuplicate, ...]


# --------------------------------------------------------------------------------------
# curation, as match keys


@dataclass(slots=True)
class _Curation:
    """A curation with every name turned into its match key."""

    alias: dict[NameKey, str]
    labels: dict[NameKey, str]
    different: set[frozenset[NameKey]]
    reasons: dict[NameKey, str]
    scopes: dict[NameKey, frozenset[str]] = field(default_factory=dict)

    def alias_for(self, key: NameKey, scope: frozenset[str]) -> str | None:
        """The canonical name a spelling is curated as, where ``scope`` is written."""
        canonical = self.alias.get(key)
        where = self.scopes.get(key)
        if canonical is None or (where and not where & scope):
            return None
        return canonical

    @classmethod
    def compile(cls, curation: PeopleCuration) -> _Curation:
        alias: dict[NameKey, str] = {}
        scopes: dict[NameKey, frozenset[str]] = {}
        for variant, name in sorted(curation.aliases.items()):
            key = name_key(variant)
            if alias.get(key, name) != name:
                raise ValueError(
                    f"curation {curation.source!r}: {variant!r} is aliased to both "
                    f"{alias[key]!r} and {name!r}"
                )
            if key != name_key(name):
                alias[key] = name
                scopes[key] = scopes.get(key, frozenset()) | curation.scopes.get(
                    variant, frozenset()
                )
        labels = {name_key(name): name for name in sorted(curation.labels.values())}
        different = set()
        for pair in curation.different:
            keys = frozenset(name_key(name) for name in pair)
            if len(keys) == 2:
                different.add(keys)
        reasons: dict[NameKey, set[str]] = defaultdict(set)
        for name, reason in curation.reasons.items():
            # A variant's reason goes with its canonical name: it concerns the person only
            # where the alias applied, not a namesake the alias does not reach.
            reasons[name_key(curation.aliases.get(name, name))].add(reason)
        return cls(
            alias,
            labels,
            different,
            {k: "; ".join(sorted(v)) for k, v in reasons.items()},
            scopes,
        )


# --------------------------------------------------------------------------------------
# resolution


@dataclass(slots=True)
class _Occ:
    occurrence: AuthorOccurrence
    key: NameKey  # of the effective name (the curated canonical name if aliased)
    own_key: NameKey  # of the name as written
    slots: tuple[Slot, ...]
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
    slotsets: set[tuple[Slot, ...]] = field(default_factory=set)
    keys: set[NameKey] = field(default_factory=set)

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
        base: dict[tuple[NameKey, int], list[int]] = defaultdict(list)
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
        if not self.cur.different:
            return False
        return any(frozenset((x, y)) in self.cur.different for x in a.keys for y in b.keys)

    def compatible(self, a: _Group, b: _Group) -> bool:
        """Could ``a`` and ``b`` be one person?"""
        return (
            a.family == b.family
            and not a.entries & b.entries
            and all(initials_compatible(x, y) for x in a.slotsets for y in b.slotsets)
            and not self.separated(a, b)
        )

    def family_groups(self) -> dict[str, list[_Group]]:
        families: dict[str, list[_Group]] = defaultdict(list)
        for gid in sorted(self.groups):
            group = self.groups[gid]
            families[group.family].append(group)
        return families

    @staticmethod
    def blocks(groups: list[_Group]) -> tuple[dict[str, list[_Group]], list[_Group]]:
        """Groups of one family by the first initial of their given names, and the groups
        without any (a lone surname), each list in the family's order.

        :meth:`compatible` needs equal first initials, so a group can only be compatible
        with its own block and the groups without initials: comparing within blocks keeps
        a common surname (thousands of Wangs) from costing every pair of its people. A
        group whose spellings disagree on the first initial (none do) has no block and is
        compared with the groups without initials only.
        """
        blocks: dict[str, list[_Group]] = defaultdict(list)
        bare: list[_Group] = []
        for g in groups:
            initials = {slots[0][0] for slots in g.slotsets if slots}
            if not initials:
                bare.append(g)
            elif len(initials) == 1:
                blocks[initials.pop()].append(g)
        return blocks, bare

    @staticmethod
    def could_fit(
        group: _Group,
        groups: list[_Group],
        blocks: dict[str, list[_Group]],
        bare: list[_Group],
    ) -> list[_Group]:
        """The groups (in the family's order) that :meth:`compatible` may accept for
        ``group``: all of them for a group without initials, else its block and the groups
        without initials."""
        initials = {slots[0][0] for slots in group.slotsets if slots}
        if not initials:
            return groups
        if len(initials) > 1:
            return bare
        block = blocks.get(next(iter(initials)), [])
        if not bare:
            return block
        return sorted([*block, *bare], key=lambda g: g.gid)

    def coauthors(self, group: _Group) -> set[int]:
        return {self.group_of[i] for e in group.entries for i in self.by_entry[e]} - {group.gid}

    # -- rule: compatible-full-names ---------------------------------------------------
    def merge_full_names(self) -> None:
        for groups in self.family_groups().values():
            full = [g for g in groups if g.full]
            linked = {
                (a.gid, b.gid)
                for a, b in self.same_given_name_pairs(full)
                if self.compatible(a, b)
                and any(shares_given_name(x, y) for x in a.slotsets for y in b.slotsets)
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

    @staticmethod
    def same_given_name_pairs(full: list[_Group]) -> list[tuple[_Group, _Group]]:
        """The pairs (in the list's order) that spell out one given name at the same place,
        found through an index of (place, name) rather than by trying every pair."""
        by_name: dict[tuple[int, str], list[_Group]] = defaultdict(list)
        for g in full:
            names = {
                (place, name)
                for slots in g.slotsets
                for place, (_, name) in enumerate(slots)
                if name is not None
            }
            for key in names:
                by_name[key].append(g)
        pairs = {
            (a.gid, b.gid): (a, b)
            for members in by_name.values()
            for a, b in combinations(members, 2)
        }
        return list(pairs.values())

    # -- rules: initials-unique-surname, initials-shared-coauthor ----------------------
    def candidates(
        self, group: _Group, family: list[_Group], possible: list[_Group] | None = None
    ) -> list[_Group]:
        """The full names ``group`` may be (``possible``: the family members to try)."""
        return [
            c
            for c in (family if possible is None else possible)
            if c.full and c is not group and self.compatible(group, c)
        ]

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
                blocks, bare = self.blocks(groups)
                for group in groups:
                    if group.full:
                        continue
                    possible = self.could_fit(group, groups, blocks, bare)
                    cands = self.candidates(group, groups, possible)
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
            for a, b in self.pairs_to_judge(family):
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

    def pairs_to_judge(self, family: list[_Group]) -> list[tuple[_Group, _Group]]:
        """The pairs of a family (in ``combinations`` order) that share a base name key or
        may be compatible: every other pair is neither, so nothing is said about it."""
        order = {g.gid: i for i, g in enumerate(family)}
        pairs: set[tuple[int, int]] = set()
        by_key: dict[NameKey, list[_Group]] = defaultdict(list)
        for g in family:
            for key in self.base_keys(g):
                by_key[key].append(g)
        for members in by_key.values():
            pairs.update((order[a.gid], order[b.gid]) for a, b in combinations(members, 2))
        blocks, bare = self.blocks(family)
        for g in family:
            i = order[g.gid]
            pairs.update(
                (i, order[c.gid])
                for c in self.could_fit(g, family, blocks, bare)
                if order[c.gid] > i
            )
        return [(family[i], family[j]) for i, j in sorted(pairs)]

    def base_keys(self, group: _Group) -> set[NameKey]:
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
            if not any(shares_given_name(x, y) for x in a.slotsets for y in b.slotsets):
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
        family_name = parse_name(label[full.gid]).family
        return (
            f"{label[short.gid]!r} fits only {label[full.gid]!r}, but others are named "
            f"{family_name} ({', '.join(others)}) and no co-author is shared"
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
    # Names repeat (a prolific author has thousands of occurrences): each spelling is
    # parsed, keyed and slotted once.
    known: dict[str, tuple[NameKey, tuple[Slot, ...]]] = {}
    for place in sorted(by_place):
        occ = by_place[place]
        seen = known.get(occ.name)
        if seen is None:
            parts = parse_name(occ.name)
            if not parts.family_key:
                raise ValueError(
                    f"entry {occ.entry!r} position {occ.position}: {occ.name!r} is not a name "
                    "(no letters)"
                )
            seen = known[occ.name] = (name_key_of(parts), given_slots(parts.given))
        own_key, own_slots = seen
        canonical = cur.alias_for(own_key, occ.scope)
        if canonical:
            effective = parse_name(canonical)
            occs.append(
                _Occ(
                    occ,
                    name_key_of(effective),
                    own_key,
                    given_slots(effective.given),
                    canonical,
                )
            )
        else:
            occs.append(_Occ(occ, own_key, own_key, own_slots, canonical))
    counts: dict[tuple[str, NameKey], int] = defaultdict(int)
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
        label[g.gid] = fullest(curated or [*canonical, *spellings])

    key = _assign_keys(groups, label, variants, occs)

    present = {k for g in groups for k in g.keys}
    separated = {k for pair in cur.different for k in pair}
    people = []
    for g in groups:
        # A curated reason goes to the person it concerns: one whose spelling the curation
        # aliased here, or one it keeps apart; not to a namesake in another list.
        aliased = any(occs[i].aliased_to for i in g.members)
        reasons = {
            cur.reasons[k] for k in g.keys if k in cur.reasons and (aliased or k in separated)
        }
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
    lists: dict[int, frozenset[str]] = {}  # group → the lists its names were written in

    def lists_of(g: _Group) -> frozenset[str]:
        found = lists.get(g.gid)
        if found is None:  # once per group: a prolific author is in many pairs
            scopes = {occs[i].occurrence.scope for i in g.members}
            found = lists[g.gid] = frozenset(
                scope for where in scopes for scope in where if scope.startswith("list:")
            )
        return found

    for a, b, reason in resolver.possible_duplicates(label):
        first, second = sorted((a, b), key=lambda g: key[g.gid])
        duplicates.append(
            PossibleDuplicate(
                key[first.gid],
                key[second.gid],
                reason,
                _names(label[first.gid], variants[first.gid]),
                _names(label[second.gid], variants[second.gid]),
                tuple(sorted(lists_of(first) | lists_of(second))),
            )
        )

    group_of = resolver.group_of
    person_of = {  # sorted already: _collect orders occurrences by (entry, position)
        (o.occurrence.entry, o.occurrence.position): key[group_of[i]] for i, o in enumerate(occs)
    }
    return PeopleResolution(
        people=tuple(sorted(people, key=lambda p: p.key)),
        person_of=person_of,
        possible_duplicates=tuple(sorted(duplicates, key=lambda d: (d.a, d.b))),
    )


def _names(label: str, variants: tuple[str, ...]) -> tuple[str, ...]:
    return (label, *(v for v in variants if v != label))


def _slug(label: str) -> str:
    return make_slug(label, fallback="person")


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
