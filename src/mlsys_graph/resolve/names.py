"""Person names: "Given Family" split into parts, and the keys and tests that compare them.

:func:`parse_name` splits a name as the ingest writes it (natural order, ``Zhihao Jia``,
``B.G. Chun``, ``Dulloo``) into given and family parts. From the given names come *slots*,
one per given name or initial: the initial, and the spelled-out name folded (case,
accents and punctuation removed) or ``None`` for an initial. The people resolver
(:mod:`mlsys_graph.resolve.people`) compares names only through what this module offers:

- :func:`name_key` — equal keys mean the same normalised name (``Christopher Ré`` /
  ``Christopher Re``, ``B.G. Chun`` / ``B. G. Chun``);
- :func:`initials_compatible` — the given names agree as far as both go
  (``D. G. Andersen`` / ``David G. Andersen``, but not ``Y. Kang`` / ``Daniel Kang``);
- :func:`shares_given_name` — a spelled-out given name agrees, not only an initial;
- :func:`fullness` / :func:`fullest` — which spelling of one person is the fullest.

>>> parse_name("D. G. Andersen")
NameParts(text='D. G. Andersen', given='D. G.', family='Andersen', initials=('D', 'G'), \
initials_only=True, family_key='andersen')
>>> same_normalised_name("Christopher Ré", "christopher re")
True
>>> a, b = given_slots("D. G."), given_slots("David Gerald")
>>> a, b
((('D', None), ('G', None)), (('D', 'david'), ('G', 'gerald')))
>>> initials_compatible(a, b), shares_given_name(a, b)
(True, False)
>>> fullest(["M. Zaharia", "Matei Zaharia", "MATEI ZAHARIA"])
'Matei Zaharia'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..slugs import FOLD_TABLE

__all__ = [
    "NameKey",
    "NameParts",
    "Slot",
    "fullest",
    "fullness",
    "given_slots",
    "initials_compatible",
    "name_key",
    "name_key_of",
    "parse_name",
    "same_normalised_name",
    "shares_given_name",
]

#: One given name or initial: ``(initial, spelled-out name folded)``, or
#: ``(initial, None)`` for an initial.
Slot = tuple[str, str | None]

#: The same-normalised-name key: the family key, then ``i:<initial>`` for each initial
#: and ``f:<names>`` for each run of spelled-out given names, folded and joined.
NameKey = tuple[str, tuple[str, ...]]


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


# --------------------------------------------------------------------------------------
# folding and tokens

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


def _fold(text: str) -> str:
    """Casefold, strip accents and keep only letters and digits."""
    decomposed = unicodedata.normalize("NFKD", text.translate(FOLD_TABLE).casefold())
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


def _token_slots(token: str) -> list[Slot]:
    letters = [ch for ch in token if ch.isalnum()]
    if "." not in token and 2 <= len(letters) <= 3 and token.isalpha() and token.isupper():
        return [(_initial(ch), None) for ch in letters]  # "JE" written without dots
    slots: list[Slot] = []
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


# --------------------------------------------------------------------------------------
# parsing


@lru_cache(maxsize=65536)
def given_slots(given: str) -> tuple[Slot, ...]:
    """The slots of given names: one per given name or initial, in order.

    Parameters
    ----------
    given : str
        The given names, as in :attr:`NameParts.given`.

    Returns
    -------
    tuple of Slot
        ``(initial, folded name)`` for a spelled-out name, ``(initial, None)`` for an
        initial; a hyphenated name gives one slot per part.

    Examples
    --------
    >>> given_slots("Hans-Arno")
    (('H', 'hans'), ('A', 'arno'))
    >>> given_slots("JE")
    (('J', None), ('E', None))
    """
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
    slots = given_slots(given)
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


# --------------------------------------------------------------------------------------
# keys and comparisons


def name_key_of(parts: NameParts) -> NameKey:
    """The same-normalised-name key of parsed name parts.

    Parameters
    ----------
    parts : NameParts
        A parsed name.

    Returns
    -------
    NameKey
        The family key, then ``i:<initial>`` per initial and ``f:<names>`` per run of
        spelled-out given names.

    Examples
    --------
    >>> name_key_of(parse_name("Hans-Arno B. Jacobsen"))
    ('jacobsen', ('f:hansarno', 'i:B'))
    """
    items: list[str] = []
    run = ""
    for initial, full in given_slots(parts.given):
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


def name_key(text: str) -> NameKey:
    """The same-normalised-name key of a name: :func:`name_key_of` of :func:`parse_name`.

    Parameters
    ----------
    text : str
        One name.

    Returns
    -------
    NameKey

    Examples
    --------
    >>> name_key("B.G. Chun") == name_key("B. G. Chun")
    True
    """
    return name_key_of(_parse(text))


def same_normalised_name(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` equal once case, accents, punctuation and spaces are folded?

    Parameters
    ----------
    a, b : str
        Two names.

    Returns
    -------
    bool

    Examples
    --------
    >>> same_normalised_name("Christopher Ré", "Christopher Re")
    True
    >>> same_normalised_name("Hongzi Mao", "Huizi Mao")
    False
    """
    return name_key(a) == name_key(b)


def initials_compatible(x: tuple[Slot, ...], y: tuple[Slot, ...]) -> bool:
    """Do the given names agree as far as both go (initials equal, spelled names equal)?

    Parameters
    ----------
    x, y : tuple of Slot
        The :func:`given_slots` of two names.

    Returns
    -------
    bool

    Examples
    --------
    >>> initials_compatible(given_slots("M."), given_slots("Matei"))
    True
    >>> initials_compatible(given_slots("Y."), given_slots("Daniel"))
    False
    """
    return all(
        ix == iy and (fx is None or fy is None or fx == fy)
        for (ix, fx), (iy, fy) in zip(x, y, strict=False)
    )


def shares_given_name(x: tuple[Slot, ...], y: tuple[Slot, ...]) -> bool:
    """Do ``x`` and ``y`` spell out the same given name at the same place?

    Parameters
    ----------
    x, y : tuple of Slot
        The :func:`given_slots` of two names.

    Returns
    -------
    bool

    Examples
    --------
    >>> shares_given_name(given_slots("Charles R."), given_slots("Charles"))
    True
    >>> shares_given_name(given_slots("C. R."), given_slots("Charles"))
    False
    """
    return any(fx is not None and fx == fy for (_, fx), (_, fy) in zip(x, y, strict=False))


def fullness(text: str) -> tuple[int, ...]:
    """How full a spelling is; a larger tuple is fuller.

    Compared in order: spelled-out given names, given names or initials, letters in the
    given names, non-ASCII characters (accents kept), not all upper case.

    Parameters
    ----------
    text : str
        One name.

    Returns
    -------
    tuple of int

    Examples
    --------
    >>> fullness("Christopher Ré") > fullness("Christopher Re") > fullness("C. Re")
    True
    """
    parts = _parse(text)
    slots = given_slots(parts.given)
    return (
        sum(full is not None for _, full in slots),
        len(slots),
        sum(ch.isalpha() for ch in parts.given),
        sum(not ch.isascii() for ch in text),
        int(not text.isupper()),
    )


def fullest(names: Iterable[str]) -> str:
    """The fullest of some spellings (see :func:`fullness`); ties go to the first in order.

    Parameters
    ----------
    names : iterable of str
        At least one name.

    Returns
    -------
    str

    Examples
    --------
    >>> fullest(["Christopher Re", "Christopher Ré", "C. Ré"])
    'Christopher Ré'
    """
    return min(names, key=lambda n: (tuple(-v for v in fullness(n)), n))
