"""Normalise the text of a list line before reading names, venues or remarks from it.

Lists are written by hand: curly quotes, full-width punctuation, zero-width spaces,
footnote marks after authors' names, links in the middle of a citation. The functions
here smooth those away so that the readers in :mod:`.names`, :mod:`.venue_text` and
:mod:`.citation` see one spelling of each thing. All are pure functions of a string.

>>> normalise("Song\u2217, \u201cTarn\u201d \u2014 fast\u3000serving")
'Song, "Tarn" - fast serving'
>>> strip_links("Tarn [[GitHub]](https://github.com/acme/tarn) <https://tarn.dev>")
'Tarn'
>>> is_remark("(*On going*)")
True
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["is_remark", "normalise", "strip_footnote_marks", "strip_links", "wordset"]


def wordset(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``, as a set (for word lists in source).

    Parameters
    ----------
    text : str
        Words separated by any whitespace, line breaks included.

    Returns
    -------
    frozenset of str
        The words as written (no case folding).

    Examples
    --------
    >>> sorted(wordset('''
    ...     van von
    ...     der
    ... '''))
    ['der', 'van', 'von']
    """
    return frozenset(text.split())


_PUNCT = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
        "\u3001": ",", "\u3002": ".", "\u2010": "-", "\u2011": "-", "\u2012": "-",
        "\u2013": "-", "\u2014": "-", "\u2212": "-",
        "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None,
    }
)  # fmt: skip


# Footnote marks papers put after authors' names ("Song∗", "Zhu†", "Liu¹,²"): asterisk
# operators, daggers, section and pilcrow signs, superscript digits. Dropped before NFKC,
# which would turn "¹" into a "1". (A plain "*" is markdown; author lists drop it later.)
_FOOTNOTE_MARK = "\u2217\u204e\u2020\u2021\u00a7\u00b6\u00b9\u00b2\u00b3\u2070\u2074-\u2079"
_FOOTNOTES = re.compile(
    rf"(?:(?<=[^\W\d_])|(?<=[.)*]))[{_FOOTNOTE_MARK}]+(?:\s*,\s*[{_FOOTNOTE_MARK}]+)*"
)
_ANY_FOOTNOTE_MARK = re.compile(rf"[{_FOOTNOTE_MARK}]")


def strip_footnote_marks(text: str) -> str:
    """Drop footnote marks glued to a word or a closing ``.``, ``)`` or ``*``.

    The marks are asterisk operators, daggers, section and pilcrow signs and superscript
    digits, alone or as a comma list ("Liu¹,²"). A plain ``*`` is markdown and stays.

    Parameters
    ----------
    text : str
        Any text; it is not otherwise changed (spaces stay as they are).

    Returns
    -------
    str
        ``text`` without the marks.

    Examples
    --------
    >>> strip_footnote_marks("Song\u2217, Zhu\u2020 and Liu\u00b9,\u00b2")
    'Song, Zhu and Liu'
    >>> strip_footnote_marks("\u2020 a lone dagger, *emphasis*")
    '\u2020 a lone dagger, *emphasis*'
    """
    # The plain scan first: most text has no mark, and the lookbehinds cost at every place.
    return _FOOTNOTES.sub("", text) if _ANY_FOOTNOTE_MARK.search(text) else text


@lru_cache(maxsize=1 << 14)  # the same line is normalised by several readers
def normalise(text: str) -> str:
    """NFKC (full-width punctuation, odd spaces), straight quotes, one space between words.

    Footnote marks glued to a word ("Song∗", "Liu¹,²") are dropped first, since NFKC would
    turn "¹" into a "1".

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    str
        The text in NFKC with ASCII quotes and dashes, without zero-width characters,
        its words separated by single spaces and no space at either end.

    Examples
    --------
    >>> normalise("  \u2018Tarn\u2019\u00a0\u2013\u200b ICML\uff082019\uff09 ")
    "'Tarn' - ICML(2019)"
    """
    text = unicodedata.normalize("NFKC", strip_footnote_marks(text)).translate(_PUNCT)
    return " ".join(text.split())


# A markdown link or image (one level of nested brackets/parentheses) and bare URLs.
_MD_LINK = re.compile(
    r"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"]*\")?\)"
)
_URL = re.compile(r"<?\bhttps?://\S+>?", re.I)


def strip_links(text: str) -> str:
    """Remove markdown links and images (label and all) and bare URLs.

    Parameters
    ----------
    text : str
        A line of markdown.

    Returns
    -------
    str
        The rest of the line, its words separated by single spaces.

    Examples
    --------
    >>> strip_links("Quill, Ada [[PDF]](https://x.org/a_(b).pdf) (*NSDI 2021*)")
    'Quill, Ada (*NSDI 2021*)'
    """
    # A link needs "](" and a URL "://": text without them is only re-spaced.
    if "](" in text:
        text = _MD_LINK.sub(" ", text)
    if "://" in text:
        text = _URL.sub(" ", text)
    return " ".join(text.split())


_REMARK = re.compile(
    r"""^(?:
        (?:start(?:ed|ing)?|begin(?:ning)?|going|plan(?:ning)?|want(?:ing)?|need)
            \s+to\s+\w+(?:\s+\w+)?
      | to\s+(?:read|watch|do|try|learn|study)(?:\s+\w+)?
      | (?:read|watch)(?:ing)?\s+(?:later|soon|next|list|now)
      | (?:start(?:ed)?|began|currently|now|still)\s+(?:reading|watching|learning|studying)
      | on\s*-?\s*going | in\s+progress | work\s+in\s+progress | wip | to\s*-?\s*do
      | tb[ad] | coming\s+soon | under\s+(?:review|submission|construction)
      | (?:(?:strong(?:ly)?|high(?:ly)?|personal(?:ly)?)\s+)?recommend(?:ed|ation|s)?(?:\s+\w+)?
      | must[\s-]+(?:read|see|watch|have|know)
      | wait(?:ing)?(?:\s+for)?\s+(?:the\s+)?\w+
      | (?:i|we)\s+(?:am|'m|was|think|like|love|recommend|have|will|really|highly|strongly)\b.*
      | .*\bi\s+think\b.*
      | (?:my|our)\s+(?:favou?rite|pick|notes?|summary|own)\b.*
      | updating | update\s+soon | to\s+be\s+updated
    )$""",
    re.I | re.X,
)


@lru_cache(maxsize=1 << 14)  # asked of every nested line and venue group, often the same
def is_remark(text: str) -> bool:
    """Whether ``text`` is a curator's remark, not data ("start to read", "On going").

    Remarks are short: a reading plan, a status, a recommendation, a first-person aside.

    Parameters
    ----------
    text : str
        A line or part of one; emphasis, brackets and closing punctuation are ignored.

    Returns
    -------
    bool
        ``True`` for a remark of at most ten words.

    Examples
    --------
    >>> [is_remark(t) for t in ("Start to watch.", "(*On going*)", "I am a big fan")]
    [True, True, True]
    >>> [is_remark(t) for t in ("NSDI 2017", "Preprint", "Summary: a scheduler")]
    [False, False, False]
    """
    text = normalise(text).strip(" \t*_()[]\"'`.!,;:~")
    if not text or len(text.split()) > 10:
        return False
    return _REMARK.match(text) is not None
