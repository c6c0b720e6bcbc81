"""Source lines numbered the way markdown-it numbers them, and the control characters in them.

markdown-it breaks lines at ``\\n``, ``\\r\\n`` and a lone ``\\r`` only. Python's
``str.splitlines()`` also breaks at form feed, vertical tab, U+001C-U+001E, NEL (U+0085) and
U+2028/U+2029, so lines taken with it drift from markdown-it's line numbers after the first
such character. :func:`split_lines` is the one way to take a line's raw text.

>>> split_lines("a\\u2028b\\fc\\r\\nd\\re\\x85f\\n")
['a\\u2028b\\x0cc', 'd', 'e\\x85f', '']
>>> problem = control_problems("- A\\x0bB\\n- C\\x00\\x01\\n", "l.md")[1]
>>> problem.line, problem.message[:57]
(2, 'control characters U+0000 (NUL), U+0001 in the text: NUL ')
"""

from __future__ import annotations

import re

from ..model import Problem

__all__ = ["CONTROL", "control_problems", "split_lines"]

#: markdown-it's own line breaks (markdown_it/rules_core/normalize.py).
_NEWLINE = re.compile(r"\r\n?|\n")
#: C0 and C1 control characters except tab and the line breaks, DEL, and the Unicode line
#: and paragraph separators.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
_NAMES = {
    "\x00": "NUL",
    "\x0b": "vertical tab",
    "\x0c": "form feed",
    "\x1b": "escape",
    "\x7f": "delete",
    "\x85": "next line, NEL",
    "\u2028": "line separator",
    "\u2029": "paragraph separator",
}
# Characters str.split() and \s treat as white space: titles and names read them as a space.
_SPACE_LIKE = {"\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\u2028", "\u2029"}


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` as markdown-it numbers them (line ``n`` is ``result[n - 1]``)."""
    return _NEWLINE.split(text)


def _describe(char: str) -> str:
    name = _NAMES.get(char)
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def control_problems(text: str, path: str) -> list[Problem]:
    """One ``control-character`` warning per line that holds control characters."""
    problems = []
    for number, line in enumerate(split_lines(text), start=1):
        found = sorted(set(CONTROL.findall(line)))
        if not found:
            continue
        shown = ", ".join(_describe(c) for c in found)
        plural = "s" if len(found) > 1 else ""
        notes = []
        if "\x00" in found:
            notes.append("NUL is read as U+FFFD")
        if any(c in _SPACE_LIKE for c in found):
            notes.append("markdown breaks no line there, the line is read as one line")
        if any(c != "\x00" and c not in _SPACE_LIKE for c in found):
            notes.append("dropped from titles and names, kept in the source text")
        message = (
            f"control character{plural} {shown} in the text: {'; '.join(notes)} "
            f"(remove {'them' if plural else 'it'})"
        )
        problems.append(Problem(path, number, "warning", "control-character", message))
    return problems
