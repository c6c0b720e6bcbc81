"""How a bullet opens when its first link is not simply its title: a link labelled as a tag
before the title (``[[ICML](url)] Tarn: Fast Things``), or the authors before a linked title
(``Ada Quill, Bo Lind. [Tarn: Fast Things](url). ICLR, 2022``).

Each reader is a pure function of the bullet's segments or text (and the venue table), and
returns None for any other bullet; :func:`~.entries.interpret` uses what they read.

>>> names_the_entry("Tarn"), names_the_entry("Paper"), names_the_entry("LLM Serving: A Survey")
(True, False, True)
"""

from __future__ import annotations

import re

from . import citation
from .links import label_class
from .markdown import fold_spaces
from .tags import venue_tag
from .venue_text import parse_venue
from .venues import VenueTable

__all__ = ["author_lead", "names_the_entry", "tag_first"]

_ALNUM = re.compile(r"[^\W_]")
_BRACKETED = re.compile(r"\[([^\[\]]{1,60})\]")


def names_the_entry(label: str) -> bool:
    """A link label that is the entry's own name or title, not a kind word like [Paper]:
    a label of four or more words is a title even when a kind word is in it ("LLM Serving:
    A Survey", "Video Analytics at Scale")."""
    return bool(label) and (label_class(label) is None or len(label.split()) >= 4)


# Bracketed tags closing a title: "Tarn: Fast Things. [qnn] [59⭐]".
_TITLE_TAGS = re.compile(r"(?:\s*\[[^\[\]]{0,60}\])+\s*$")
# A text that opens as a title does: a capital or a digit, or a word with a capital in it
# ("iGniter"); not a separator ("- a fast engine") or a lower-case sentence ("and slides").
_TITLE_START = re.compile(r"^[\"'“]?(?:[A-Z0-9]|[a-z]+[A-Z])")


def tag_first(plain, table: VenueTable) -> tuple[citation.VenueYear | None, str, str] | None:
    """A bullet that opens with a link whose label is a tag, not a title, and whose title
    follows it: ``[[ICML](url)] Tarn: Fast Things. [qnn] [[code](url)]`` (a venue; with
    its year or not), ``[Paper](url) Tarn: Fast Things``. Returns the label's venue (None
    for a kind word), the title (the text up to the next link, its closing bracketed tags
    dropped) and the text after that; None for any other bullet.

    >>> from mlsys_graph.ingest.markdown import read_structure
    >>> from mlsys_graph.ingest.venues import default_table
    >>> def tf(md):
    ...     item = read_structure(md, "x.md").items[0]
    ...     return tag_first(item.segments, default_table())
    >>> vy, title, rest = tf("- [[ICML](https://e.org/t.pdf)] Tarn: Fast. [qnn] [[code](u)] [5⭐]")
    >>> (vy.venue, vy.year, title, rest)
    ('ICML', None, 'Tarn: Fast.', ' [5⭐]')
    >>> tf("- [Paper](https://e.org/t.pdf) Tarn: Fast Things")[1:]
    ('Tarn: Fast Things', '')
    >>> tf("- [[CVPR](https://e.org/t.pdf)] [31:fire:] Tarn: Fast Things. [bnn]")[1:]
    ('Tarn: Fast Things.', '')
    >>> tf("- [Tarn](https://e.org/t) Fast things"), tf("- [PDF](https://e.org/t.pdf) - the slides")
    (None, None)
    >>> tf("- [SOSP](https://sosp.org) ACM Symposium on Operating Systems Principles") is None
    True
    """
    first = next(
        (i for i, s in enumerate(plain) if s.link is not None and not s.link.url.startswith("#")),
        None,
    )
    if first is None or _ALNUM.search("".join(s.text for s in plain[:first])):
        return None
    label = plain[first].link.label
    if not label:
        return None
    parts: list[str] = []
    rest: list[str] = []
    for segment in plain[first + 1 :]:
        if rest or (segment.link is not None and not segment.link.url.startswith("#")):
            rest.append(segment.text)
        elif segment.link is None:
            parts.append(segment.text)
    title = fold_spaces(_TITLE_TAGS.sub("", "".join(parts)))
    tags: list[str] = []
    while (m := _BRACKETED.match(title)) is not None:
        # "[[CVPR](url)] [31:fire:] Title": a count or a mark before the title.
        tags.append(m.group(1))
        title = title[m.end() :].lstrip()
    if not _TITLE_START.match(title):  # the cheap test first: most bullets end here
        return None
    vy = venue_tag(label, table)
    if vy is None and names_the_entry(label):
        return None
    for tag in tags:
        vy = vy or venue_tag(tag, table)
    if table.lookup(title.rstrip(" .")) is not None:
        # "[SOSP](url) ACM Symposium on Operating Systems Principles": a venue's own page.
        return None
    return vy, title, "".join(rest)


# A contribution mark after a name: "Ada Quill*", "Bo Lind #", "Cy Tran\\*", "Dee Park†".
_AUTHOR_MARK = re.compile(r"(?<=[^\W\d_])\s*(?:\\?[*#†‡§∗])+(?=\s*(?:[,.;]|and\b|$))")
_VENUE_ACRONYM = re.compile(
    r"^(?P<name>.+?)\s*[(（](?P<acronym>[^()（）]{2,30})[)）]\s*,?\s*(?P<rest>.*)$"
)
_REMARK_TAIL = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")


def author_lead(
    before: str, label: str, after: str, table: VenueTable
) -> tuple[citation.Attribution, citation.VenueYear | None] | None:
    """A bullet that cites its paper author first: ``Ada Quill*, Bo Lind#. [Title](url).
    *Venue (ACR)*, 2022.``: the text before the link is an author list closed by a full stop
    (two names or more, or "et al."; contribution marks dropped), the link's label is the
    title. Returns the authors and the venue the text after the link gives (the venue
    table's, or its parenthesised acronym when the table does not know the full name);
    None for any other bullet.

    >>> from mlsys_graph.ingest.venues import default_table
    >>> att, vy = author_lead(
    ...     "Ada Quill*, Bo Lind#.", "Tarn: Fast Things",
    ...     ". International Conference on Learning Representations (ICLR), 2022 (oral).",
    ...     default_table())
    >>> att.authors, vy.venue, vy.year
    (('Ada Quill', 'Bo Lind'), 'ICLR', 2022)
    >>> author_lead("Tarn, Pike.", "Tarn: Fast Things", "", default_table()) is None
    True
    >>> author_lead("Ada Quill.", "Tarn: Fast Things", "", default_table()) is None
    True
    """
    if not before.endswith(".") or not names_the_entry(label):
        return None
    text = _AUTHOR_MARK.sub("", before) if any(c in before for c in "*#†‡§∗") else before
    att = citation.parse_attribution_line(text, table)
    if (
        att is None
        or att.venue_raw
        or att.affiliations
        or not (len(att.authors) > 1 or (att.authors and att.truncated))
    ):
        return None
    rest = _REMARK_TAIL.sub("", after.replace("*", "").strip(" .,;:")).strip(" .,;:")
    vy = parse_venue(rest, table) if rest else None
    if vy is not None and not vy.known and (m := _VENUE_ACRONYM.match(rest)) is not None:
        # "IEEE Transactions on Multimedia (TMM), 2020": the acronym names it.
        vy = parse_venue(f"{m.group('acronym')} {m.group('rest')}", table)
    if vy is not None and (vy.year is None or not vy.venue):
        vy = None
    return att, vy
