"""Bytes of a list file → text: UTF-8 with its exact lines kept, binary files refused.

A text file with a stray bad byte is still a list: bytes that are not UTF-8 are read as
U+FFFD and reported with their line (``invalid-utf8``); a NUL byte stays in the text for
:mod:`.lines` to report (markdown-it reads it as U+FFFD, as CommonMark says). Only input that
is not text — an image, an archive, UTF-16, or a sample full of NUL, control or non-UTF-8
bytes — is refused (:class:`~mlsys_graph.errors.InputError`).

>>> text, problems = decode(b"## Caf\\xe9\\r\\n- A [a](https://a.org)\\n", "l.md")
>>> text
'## Caf\\ufffd\\n- A [a](https://a.org)\\n'
>>> [str(p) for p in problems]  # doctest: +ELLIPSIS
['l.md:1: warning: byte 0xE9 is not UTF-8 and is read as U+FFFD (...) [invalid-utf8]']
>>> decode(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00", "logo.md")
Traceback (most recent call last):
...
mlsys_graph.errors.InputError: logo.md: is a PNG image, not a markdown list
"""

from __future__ import annotations

import codecs
import re

from ..errors import InputError
from ..model import Problem

__all__ = ["decode"]

#: How much of the start of a file is sampled to tell text from binary.
SAMPLE = 8192
#: A file is binary when its sample holds more NUL, control and non-UTF-8 bytes than this
#: share of the sample and than BINARY_MIN (a short text file with a few bad bytes is text).
BINARY_SHARE = 0.10
BINARY_MIN = 8

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
)
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Bytes no text file holds: C0 controls but tab, line feed, vertical tab, form feed, carriage
# return and escape (terminal colours in pasted output).
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_NEWLINE = re.compile(r"\r\n?")
_UNDECODED = re.compile(r"[\udc80-\udcff]+")


def _binary(data: bytes) -> str | None:
    """Why ``data`` is not text, or None."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return f"is {what}"
    if data.startswith(_WIDE_BOMS):
        return "is UTF-16 (or UTF-32) text; convert it to UTF-8, e.g. with iconv -f UTF-16 -t UTF-8"
    sample = data[:SAMPLE]
    decoded = codecs.getincrementaldecoder("utf-8")("surrogateescape").decode(sample, final=False)
    bad = len(_BINARY_BYTES.findall(sample)) + sum(map(len, _UNDECODED.findall(decoded)))
    if bad > max(BINARY_MIN, BINARY_SHARE * len(sample)):
        return (
            f"is a binary file ({bad} of its first {len(sample)} bytes are NUL, control or not "
            "UTF-8)"
        )
    return None


def decode(data: bytes, path: str) -> tuple[str, list[Problem]]:
    """The text of a list file (BOM dropped, CRLF and lone CR made LF) and its problems.

    Raises :class:`~mlsys_graph.errors.InputError` when ``data`` is not text at all.
    """
    reason = _binary(data)
    if reason:
        raise InputError(path, None, f"{reason}, not a markdown list")
    text = _NEWLINE.sub("\n", data.decode("utf-8-sig", errors="surrogateescape"))
    problems: list[Problem] = []
    line, searched = 1, 0
    for match in _UNDECODED.finditer(text):
        line += text.count("\n", searched, match.start())
        searched = match.start()
        raw = match.group().encode("utf-8", errors="surrogateescape")
        shown = " ".join(f"0x{b:02X}" for b in raw[:8]) + (" …" if len(raw) > 8 else "")
        plural = len(raw) > 1
        message = (
            f"byte{'s' if plural else ''} {shown} {'are' if plural else 'is'} not UTF-8 and "
            f"{'are' if plural else 'is'} read as U+FFFD (is the file in another encoding? "
            "convert it, e.g. with iconv -f LATIN1 -t UTF-8)"
        )
        if problems and problems[-1].line == line:
            continue  # one problem per line: the first bad bytes of it
        problems.append(Problem(path, line, "warning", "invalid-utf8", message))
    return _UNDECODED.sub(lambda m: "\ufffd" * len(m.group()), text), problems
