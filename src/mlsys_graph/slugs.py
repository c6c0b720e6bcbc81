"""Readable ASCII slugs for IRIs (no rdflib, so every module may use it cheaply).

>>> slug("{PRETZEL}: Opening the Black Box!")
'pretzel-opening-the-black-box'
>>> slug("Frédo Durand"), slug("Søren Ødegård")
('fredo-durand', 'soren-odegard')
>>> slug("继Spark之后，AI——Ray", fallback="topic")
'spark-ai-ray'
>>> slug("深度学习", fallback="topic")
'topic-9bea2bda'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

__all__ = ["FOLD_TABLE", "fold_ascii", "slug"]

#: Letters that Unicode decomposition does not turn into ASCII.
FOLD_TABLE = str.maketrans(
    {
        "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ł": "l", "Ł": "L",
        "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ı": "i", "ß": "ss",
    }
)  # fmt: skip


def fold_ascii(text: str) -> str:
    """Text folded to ASCII: accents dropped, special letters spelled out."""
    decomposed = unicodedata.normalize("NFKD", text.translate(FOLD_TABLE))
    return "".join(
        c if c.isascii() else ("" if unicodedata.combining(c) else " ") for c in decomposed
    )


@lru_cache(maxsize=1 << 16)  # names and headings are slugged again and again
def slug(text: str, max_words: int | None = None, fallback: str = "x") -> str:
    """Lower-case ASCII words joined by ``-``; with nothing left, ``fallback-<hash>``."""
    words = re.findall(r"[a-z0-9]+", fold_ascii(text).lower())
    if max_words is not None:
        words = words[:max_words]
    if words:
        return "-".join(words)
    return f"{fallback}-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:8]}"
