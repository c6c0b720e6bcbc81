"""The venue table: conference, journal and workshop names and the spellings lists use.

The table is data (``data/venues.toml``); this module only loads it and matches text
against it. Matching ignores case, spaces, punctuation and accents, so ``"nips"``,
``"NIPS"`` and ``"N.I.P.S."`` are one spelling.

>>> table = default_table()
>>> table.lookup("Neural Information Processing Systems").acronym
'NeurIPS'
>>> table.lookup("optml") is None          # a typo of one list, not a spelling of OpML
True
>>> seed = table.scoped("awesome-system-for-ml-2019", "README.md")
>>> seed.lookup("optml").acronym
'OpML'
>>> seed.reason("OptML")[:27]
'Misspelling of OpML in the '
>>> table.find("Second ACM/IEEE Symposium on Edge Computing. ACM").venue.key
'sec'
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from ..resources import data_file

__all__ = [
    "KINDS",
    "ScopedAlias",
    "Venue",
    "VenueMatch",
    "VenueTable",
    "alias_key",
    "default_table",
]

#: Every value ``Venue.kind`` may take.
KINDS = ("conference", "journal", "workshop", "preprint-server", "preprint")

_KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_TOKEN = re.compile(r"[^\W_]+")
_VENUE_FIELDS = frozenset({"key", "acronym", "name", "kind", "aliases", "standalone"})
_ALIAS_FIELDS = frozenset({"text", "reason", "note", "list", "path"})


@lru_cache(maxsize=1 << 16)  # looked up for every candidate span of every venue text
def alias_key(text: str) -> str:
    """The matching key of a spelling: accents dropped, casefolded, letters and digits only.

    Examples
    --------
    >>> alias_key("ACM/IEEE Symposium on Edge Computing")
    'acmieeesymposiumonedgecomputing'
    >>> alias_key("Ré-Sys")
    'resys'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return "".join(_TOKEN.findall(stripped.casefold()))


@dataclass(frozen=True)
class Venue:
    """One venue of the table.

    ``acronym`` is the canonical short name (what ``Entry.venue`` holds); ``aliases`` are
    the other spellings the table lists (the acronym and the name always match too).
    ``standalone`` are spellings (among those) that name the venue only when they are the
    whole text: short or common-word acronyms ("TC", "FPGA") that :meth:`VenueTable.find`
    must not see inside a longer text ("Workshop on FPGA Tools" is no FPGA paper).
    """

    key: str
    acronym: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    standalone: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not _KEY.fullmatch(self.key):
            raise ValueError(
                f"venue key {self.key!r} is not a slug (lowercase words joined by '-')"
            )
        if self.kind not in KINDS:
            raise ValueError(
                f"venue {self.key!r}: kind {self.kind!r} is not one of {', '.join(KINDS)}"
            )
        if not self.acronym.strip() or not self.name.strip():
            raise ValueError(f"venue {self.key!r}: acronym and name must not be empty")
        spelled = {alias_key(spelling) for spelling in self.spellings}
        for spelling in self.standalone:
            if alias_key(spelling) not in spelled:
                raise ValueError(
                    f"venue {self.key!r}: standalone spelling {spelling!r} is not one of its "
                    "acronym, name or aliases"
                )

    @property
    def spellings(self) -> tuple[str, ...]:
        """The acronym, the name and the aliases, in that order."""
        return (self.acronym, self.name, *self.aliases)


@dataclass(frozen=True)
class VenueMatch:
    """Where :meth:`VenueTable.find` saw a venue: ``text[start:end]`` is the spelling."""

    venue: Venue
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ScopedAlias:
    """A spelling that names a venue in one list only (a typo of that list, say).

    ``list`` is a list id of ``data/lists.toml``; ``path`` (optional) the file inside that
    list. :meth:`VenueTable.scoped` gives the table a source of that list reads with.
    """

    text: str
    venue: str
    list: str
    path: str | None = None


class VenueTable:
    """Venues and their spellings, matched case-, space- and punctuation-insensitively.

    Parameters
    ----------
    venues : iterable of Venue
        The venues; keys must be unique and no two venues may share a spelling.
    reasons : mapping of str to str, optional
        Why an alias exists (typos and unusual spellings), by alias text.
    scoped : iterable of ScopedAlias, optional
        Spellings that hold in one list only; :meth:`scoped` adds them.

    Examples
    --------
    >>> table = VenueTable([Venue("tc", "TinyConf", "Tiny Conference", "conference", ("TC",))])
    >>> table.lookup("tiny  conference").key
    'tc'
    >>> table.lookup("Huge Conference") is None
    True
    """

    def __init__(
        self,
        venues: Iterable[Venue],
        reasons: Mapping[str, str] | None = None,
        scoped: Iterable[ScopedAlias] = (),
    ) -> None:
        by_key: dict[str, Venue] = {}
        by_alias: dict[str, Venue] = {}
        standalone: set[str] = set()
        longest = 1
        for venue in venues:
            if venue.key in by_key:
                raise ValueError(f"venue key {venue.key!r} appears twice")
            by_key[venue.key] = venue
            for spelling in venue.spellings:
                key = alias_key(spelling)
                if not key:
                    raise ValueError(f"venue {venue.key!r}: spelling {spelling!r} has no letters")
                other = by_alias.setdefault(key, venue)
                if other is not venue:
                    raise ValueError(
                        f"spelling {spelling!r} names two venues: {other.key!r} and {venue.key!r}"
                    )
                longest = max(longest, len(_TOKEN.findall(spelling)))
            standalone.update(alias_key(spelling) for spelling in venue.standalone)
        self._by_key = dict(sorted(by_key.items()))
        self._by_alias = by_alias
        self._standalone = frozenset(standalone)
        self._window = longest + 2
        self._reason_texts = dict(reasons or {})
        self._reasons = {alias_key(text): why for text, why in self._reason_texts.items()}
        self._scoped = tuple(scoped)
        self._views: dict[tuple[str, str | None], VenueTable] = {}
        for alias in self._scoped:
            if alias.venue not in by_key:
                raise ValueError(f"scoped alias {alias.text!r} names no venue {alias.venue!r}")
            if not alias_key(alias.text):
                raise ValueError(f"venue {alias.venue!r}: spelling {alias.text!r} has no letters")

    def scoped(self, list_id: str | None, path: str | None = None) -> VenueTable:
        """The table a source of list ``list_id`` (file ``path`` inside it) reads with: this
        one plus the aliases scoped to that list (and path). Without scoped aliases for it,
        this very table.

        Examples
        --------
        >>> v = Venue("eurosys", "EuroSys", "European Conference on Computer Systems", "conference")
        >>> table = VenueTable([v], scoped=[ScopedAlias("ECCS", "eurosys", "list-a", "README.md")])
        >>> table.lookup("ECCS") is None, table.scoped("list-b").lookup("ECCS") is None
        (True, True)
        >>> table.scoped("list-a", "README.md").lookup("ECCS").key
        'eurosys'
        >>> table.scoped("list-a", "topics/other.md").lookup("ECCS") is None
        True
        """
        extra = [
            a
            for a in self._scoped
            if a.list == list_id and (a.path is None or path is None or a.path == path)
        ]
        if not extra:
            return self
        key = (list_id or "", path)
        view = self._views.get(key)
        if view is None:
            venues = [
                replace(v, aliases=(*v.aliases, *(a.text for a in extra if a.venue == v.key)))
                for v in self._by_key.values()
            ]
            reasons = {text: why for text, why in self._reason_texts.items()}
            view = VenueTable(venues, reasons)
            self._views[key] = view
        return view

    # -- construction ---------------------------------------------------------------

    @classmethod
    def from_toml(cls, path: str | Path) -> VenueTable:
        """Load a table from a TOML file of ``[[venue]]`` tables (see ``data/venues.toml``).

        Raises ``OSError`` when the file cannot be read and ``ValueError`` (naming the
        file and the venue) when it is not a valid table.
        """
        path = Path(path)
        try:
            document = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ValueError(f"{path}: not valid TOML: {exc}") from exc
        try:
            return cls._from_document(document)
        except ValueError as exc:
            raise ValueError(f"{path}: {exc}") from exc

    @classmethod
    def _from_document(cls, document: Mapping[str, Any]) -> VenueTable:
        rows = document.get("venue")
        if not isinstance(rows, list):
            raise ValueError("expected an array of [[venue]] tables")
        venues: list[Venue] = []
        reasons: dict[str, str] = {}
        scoped: list[ScopedAlias] = []
        for number, row in enumerate(rows, start=1):
            where = f"venue #{number} ({row.get('key', '?')!s})"
            unknown = set(row) - _VENUE_FIELDS
            if unknown:
                raise ValueError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
            missing = [name for name in ("key", "acronym", "name", "kind") if name not in row]
            if missing:
                raise ValueError(f"{where}: missing field(s) {', '.join(missing)}")
            standalone = row.get("standalone", [])
            if not isinstance(standalone, list) or not all(
                isinstance(spelling, str) for spelling in standalone
            ):
                raise ValueError(f"{where}: standalone must be a list of strings")
            aliases: list[str] = []
            for alias in row.get("aliases", []):
                if isinstance(alias, str):
                    aliases.append(alias)
                    continue
                if not isinstance(alias, dict) or "text" not in alias:
                    raise ValueError(f"{where}: an alias must be a string or {{ text = ... }}")
                if set(alias) - _ALIAS_FIELDS:
                    raise ValueError(f"{where}: alias {alias['text']!r} has unknown fields")
                why = alias.get("reason") or alias.get("note")
                if why:
                    reasons[alias["text"]] = why
                if "path" in alias and "list" not in alias:
                    raise ValueError(f"{where}: alias {alias['text']!r} has a path but no list")
                if "list" in alias:
                    if not why:
                        raise ValueError(
                            f"{where}: scoped alias {alias['text']!r} needs a reason with its source"
                        )
                    scoped.append(
                        ScopedAlias(
                            alias["text"], row.get("key", "?"), alias["list"], alias.get("path")
                        )
                    )
                    continue
                aliases.append(alias["text"])
            try:
                venues.append(
                    Venue(
                        key=row["key"],
                        acronym=row["acronym"],
                        name=row["name"],
                        kind=row["kind"],
                        aliases=tuple(aliases),
                        standalone=tuple(standalone),
                    )
                )
            except (TypeError, ValueError) as exc:
                raise ValueError(f"{where}: {exc}") from exc
        return cls(venues, reasons, scoped)

    # -- access ---------------------------------------------------------------------

    @property
    def venues(self) -> tuple[Venue, ...]:
        """All venues, sorted by key."""
        return tuple(self._by_key.values())

    def __len__(self) -> int:
        return len(self._by_key)

    def __iter__(self) -> Iterator[Venue]:
        return iter(self._by_key.values())

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    @property
    def scoped_aliases(self) -> tuple[ScopedAlias, ...]:
        """The spellings that hold in one list only (see :meth:`scoped`)."""
        return self._scoped

    def get(self, key: str) -> Venue | None:
        """The venue whose slug is ``key``, or ``None``."""
        return self._by_key.get(key)

    def lookup(self, text: str) -> Venue | None:
        """The venue one of whose spellings is exactly ``text`` (ignoring case and punctuation).

        Examples
        --------
        >>> default_table().lookup("nips").key
        'neurips'
        >>> default_table().lookup("NSDI 2017") is None  # years are the parser's business
        True
        """
        key = alias_key(text)
        return self._by_alias.get(key) if key else None

    def reason(self, text: str) -> str | None:
        """Why ``text`` is an alias, when the table says (typos, unusual spellings)."""
        return self._reasons.get(alias_key(text))

    def find(self, text: str) -> VenueMatch | None:
        """The longest run of words in ``text`` that is a spelling of some venue.

        Longer spellings win ("NIPS Systems for ML" is the workshop, not NIPS); among
        equally long ones the first wins. A venue's ``standalone`` spellings count only
        when they are the whole text.

        Examples
        --------
        >>> m = default_table().find("In Proc. of USENIX OSDI, Carlsbad")
        >>> (m.venue.acronym, m.text)
        ('OSDI', 'USENIX OSDI')
        >>> default_table().find("Workshop on FPGA Tools") is None
        True
        >>> default_table().find("FPGA").venue.key
        'fpga'
        """
        tokens = [(m.start(), m.end(), alias_key(m.group())) for m in _TOKEN.finditer(text)]
        best: tuple[int, int, int, Venue] | None = None  # (key length, start, end, venue)
        for i in range(len(tokens)):
            key = ""
            for j in range(i, min(len(tokens), i + self._window)):
                key += tokens[j][2]
                venue = self._by_alias.get(key)
                if key in self._standalone and (i > 0 or j < len(tokens) - 1):
                    continue
                if venue is not None and (best is None or len(key) > best[0]):
                    best = (len(key), tokens[i][0], tokens[j][1], venue)
        if best is None:
            return None
        _, start, end, venue = best
        return VenueMatch(venue, start, end, text[start:end])


@cache
def default_table() -> VenueTable:
    """The bundled table, ``data/venues.toml`` (loaded once)."""
    return VenueTable.from_toml(data_file("venues.toml"))
