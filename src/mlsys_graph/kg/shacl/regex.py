"""``sh:pattern``: Python regular expressions (what pySHACL runs) as Oxigraph regexes.

pySHACL checks ``sh:pattern`` with Python's :mod:`re` (``re.search``); Oxigraph's ``REGEX``
uses Rust's regex syntax. The two agree on most patterns but not all: Python's ``$`` also
matches before a final newline, its ``\\s``/``\\d``/``\\w`` classes are not Rust's, a ``{``
that starts no quantifier is a literal in Python and an error in Rust, ``[`` and ``&&`` inside
a class are literals in Python and set syntax in Rust, and Rust has no look-around or
backreferences. :func:`translate` rewrites a Python pattern into Rust syntax that matches
exactly the same strings, or returns None when it cannot promise that; the engine then calls
Python's :mod:`re` from inside the query (:func:`python_search`), slower but exact.

>>> translate(r"^(19[5-9][0-9]|20[0-9][0-9]|2100)$", "")
('^(19[5-9][0-9]|20[0-9][0-9]|2100)(?:\\\\n?\\\\z)', '')
>>> translate(r"a{", "")
('a\\\\{', '')
>>> translate(r"(?<=a)b", "") is None
True
"""

from __future__ import annotations

import re
import sys
import warnings
from array import array
from functools import cache, lru_cache

__all__ = ["python_search", "translate"]

#: Characters Rust's regex parser treats as syntax outside a class (escaping them is allowed).
_META = set("\\.+*?()|[]{}^$#&-~")
#: Characters that must be escaped inside a Rust class.
_CLASS_META = set("\\[]^-&~")
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
_QUANTIFIER = re.compile(r"\{(\d*)(,?)(\d*)\}")


class _Untranslatable(Exception):
    pass


def translate(pattern: str, flags: str) -> tuple[str, str] | None:
    """``(rust_pattern, rust_flags)`` matching exactly what ``re.search(pattern, s, flags)``
    matches, or None.

    ``flags`` are SHACL's ``sh:flags`` as pySHACL reads them: ``i`` and ``m``; a
    case-insensitive pattern is never translated (Python and Rust fold a few characters
    differently).
    """
    if "i" in flags:
        return None
    multiline = "m" in flags
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)  # "possible nested set": a literal
            re.compile(pattern)
    except re.error:
        return None
    try:
        tokens = _tokens(pattern)
    except _Untranslatable:
        return None
    out = []
    for index, (kind, text) in enumerate(tokens):
        if kind == "$" and not multiline:
            if not _terminal(tokens, index):
                return None
            text = "(?:\\n?\\z)"  # Python: at the end, or before a newline that ends the text
        out.append(text)
    return "".join(out), "m" if multiline else ""


def python_search(pattern: str, flags: str, text: str) -> bool:
    """``re.search`` as pySHACL runs it (flags ``i`` and ``m``)."""
    return _compiled(pattern, flags).search(text) is not None


@lru_cache(maxsize=256)
def _compiled(pattern: str, flags: str) -> re.Pattern:
    bits = (re.IGNORECASE if "i" in flags else 0) | (re.MULTILINE if "m" in flags else 0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        return re.compile(pattern, bits)


def _tokens(pattern: str) -> list[tuple[str, str]]:
    """Python pattern → tokens ``(kind, rust_text)``; kinds: lit, class, open, close, alt,
    quant, ^, $."""
    tokens: list[tuple[str, str]] = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            text, i = _escape(pattern, i, in_class=False)
            tokens.append(("lit", text))
        elif c == "[":
            text, i = _class(pattern, i)
            tokens.append(("class", text))
        elif c == "(":
            if pattern.startswith("(?:", i):
                tokens.append(("open", "(?:"))
                i += 3
            elif pattern.startswith("(?P<", i):
                end = pattern.index(">", i)
                tokens.append(("open", pattern[i : end + 1]))
                i = end + 1
            elif pattern.startswith("(?", i):
                raise _Untranslatable  # look-around, inline flags, conditionals, comments
            else:
                tokens.append(("open", "("))
                i += 1
        elif c == ")":
            tokens.append(("close", ")"))
            i += 1
        elif c == "|":
            tokens.append(("alt", "|"))
            i += 1
        elif c in "*+?":
            i = _quantifier(tokens, c, pattern, i + 1)
        elif c == "{":
            m = _QUANTIFIER.match(pattern, i)
            if m is None or pattern.startswith("{}", i):
                tokens.append(("lit", "\\{"))
                i += 1
            else:
                low, comma, high = m.groups()
                if not comma:
                    high = low
                text = "{" + (low or "0") + ("," + high if comma else "") + "}"
                if comma and not high:
                    text = "{" + (low or "0") + ",}"
                i = _quantifier(tokens, text, pattern, m.end())
        elif c in "^$":
            tokens.append((c, c))
            i += 1
        else:
            tokens.append(("lit", _literal(c)))
            i += 1
    return tokens


def _quantifier(tokens: list[tuple[str, str]], text: str, pattern: str, i: int) -> int:
    if i < len(pattern) and pattern[i] == "?":
        text += "?"
        i += 1
    if i < len(pattern) and pattern[i] == "+":
        raise _Untranslatable  # possessive
    tokens.append(("quant", text))
    return i


def _terminal(tokens: list[tuple[str, str]], index: int) -> bool:
    """Whether nothing can be matched after the ``$`` at ``index``."""
    j = index + 1
    while j < len(tokens):
        kind = tokens[j][0]
        if kind == "close":
            if j + 1 < len(tokens) and tokens[j + 1][0] == "quant":
                return False
        elif kind == "alt":
            level = 0  # the rest of this branch is another alternative: skip to the group's end
            j += 1
            while j < len(tokens):
                if tokens[j][0] == "open":
                    level += 1
                elif tokens[j][0] == "close":
                    if level == 0:
                        break
                    level -= 1
                j += 1
            continue
        else:
            return False
        j += 1
    return True


def _literal(c: str, *, in_class: bool = False) -> str:
    if c in (_CLASS_META if in_class else _META):
        return "\\" + c
    if ord(c) < 0x20 or ord(c) == 0x7F:
        return f"\\x{{{ord(c):x}}}"
    return c


def _escape(pattern: str, i: int, *, in_class: bool) -> tuple[str, int]:
    """The escape at ``pattern[i]`` (a backslash) as Rust text, and the index after it."""
    if i + 1 >= len(pattern):
        raise _Untranslatable
    e = pattern[i + 1]
    if e in "dswDSW":
        ranges = _class_ranges(e.lower())
        if e.islower():
            return (ranges if in_class else f"[{ranges}]"), i + 2
        return f"[^{ranges}]", i + 2
    if e in _SIMPLE_ESCAPES:
        return _literal(_SIMPLE_ESCAPES[e], in_class=in_class), i + 2
    if e == "b" and in_class:
        return "\\x{8}", i + 2
    if not in_class and e == "A":
        return "\\A", i + 2
    if not in_class and e == "Z":
        return "\\z", i + 2
    for letter, digits in (("x", 2), ("u", 4), ("U", 8)):
        if e == letter:
            code = pattern[i + 2 : i + 2 + digits]
            if len(code) != digits or not all(ch in "0123456789abcdefABCDEF" for ch in code):
                raise _Untranslatable
            return _literal(chr(int(code, 16)), in_class=in_class), i + 2 + digits
    if e.isascii() and e.isalnum():
        raise _Untranslatable  # word boundaries, backreferences, octal, \N{...}
    return _literal(e, in_class=in_class), i + 2


def _class(pattern: str, i: int) -> tuple[str, int]:
    """The class starting at ``pattern[i]`` (``[``) as Rust text, and the index after it."""
    j = i + 1
    negate = j < len(pattern) and pattern[j] == "^"
    if negate:
        j += 1
    items = []
    first = True
    while True:
        if j >= len(pattern):
            raise _Untranslatable
        if pattern[j] == "]" and not first:
            j += 1
            break
        first = False
        start, single, j = _class_atom(pattern, j)
        if single and j + 1 < len(pattern) and pattern[j] == "-" and pattern[j + 1] != "]":
            end, single, j = _class_atom(pattern, j + 1)
            if not single:
                raise _Untranslatable
            items.append(f"{start}-{end}")
        else:
            items.append(start)
    return "[" + ("^" if negate else "") + "".join(items) + "]", j


def _class_atom(pattern: str, j: int) -> tuple[str, bool, int]:
    """One item of a class: its Rust text, whether it is one character, the index after it."""
    if pattern[j] == "\\":
        single = j + 1 < len(pattern) and pattern[j + 1] not in "dswDSW"
        text, j = _escape(pattern, j, in_class=True)
        return text, single, j
    return _literal(pattern[j], in_class=True), True, j + 1


@cache
def _class_ranges(kind: str) -> str:
    """The characters of Python's ``\\s``, ``\\d`` or ``\\w`` (str patterns) as class ranges,
    found by Python's own ``re`` over every code point (but surrogates, which RDF text lacks)."""
    codes = array("I", range(0xD800))
    codes.extend(range(0xE000, sys.maxunicode + 1))
    text = codes.tobytes().decode(f"utf-32-{'le' if sys.byteorder == 'little' else 'be'}")

    def code(position: int) -> int:
        return position if position < 0xD800 else position + 0x800

    ranges = []
    for m in re.finditer(f"\\{kind}+", text):
        first, last = code(m.start()), code(m.end() - 1)
        ranges.append(f"\\x{{{first:x}}}" if first == last else f"\\x{{{first:x}}}-\\x{{{last:x}}}")
    return "".join(ranges)
