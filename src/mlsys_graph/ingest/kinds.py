"""The kind of an entry: paper, software, book, video, course, blog, website, thesis, other.

Sections, link labels and citation lines decide together; a label that names a host its
URL does not go to is not believed.

>>> from mlsys_graph.ingest.markdown import read_structure
>>> item = read_structure("## Video\\n- A talk [[YouTube]](https://youtu.be/x)\\n", "l.md").items[0]
>>> decide_kind(item, list(item.links), cited=False)
'video'
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Link
from .links import label_class, label_mismatch, url_class
from .markdown import Item

__all__ = ["decide_kind", "resource_kind"]

# Section words that make every entry below them of one resource kind.
# The whole heading must name the resource ("## Video", "### Talks"): "Video System" is a topic.
_RESOURCE_SECTIONS = (
    ("book", re.compile(r"(?:recommended\s+)?books?", re.I)),
    (
        "video",
        re.compile(r"(?:videos?|talks?|lectures?|youtube|podcasts?)(?:\s+and\s+talks?)?", re.I),
    ),
    ("course", re.compile(r"(?:online\s+)?(?:courses?|classes|moocs?)", re.I)),
    ("blog", re.compile(r"(?:blogs?|blog\s+posts?|posts?|articles?)", re.I)),
)
_SOFTWARE_SECTION = re.compile(
    r"\b(tools?|projects?|software|librar(y|ies)|frameworks?|platforms?|code|engines?)\b", re.I
)
# "Summary:", "Summary (2023/4/14 by Liang):", "TL;DR:" ...
_WORDS = re.compile(r"[^\W_]+")


def resource_kind(item: Item) -> str | None:
    return _resource_kind(item.headings)


@lru_cache(maxsize=1 << 12)  # every entry under the same headings asks the same
def _resource_kind(headings: tuple[tuple[int, str], ...]) -> str | None:
    for level in (3, 2):
        heading = dict(headings).get(level)
        if not heading:
            continue
        folded = " ".join(_WORDS.findall(heading))
        for kind, pattern in _RESOURCE_SECTIONS:
            if pattern.fullmatch(folded):
                return kind
    return None


def _software_section(item: Item) -> bool:
    return _software_headings(item.headings)


@lru_cache(maxsize=1 << 12)
def _software_headings(headings: tuple[tuple[int, str], ...]) -> bool:
    return any(_SOFTWARE_SECTION.search(text) for level, text in headings if level >= 2)


def decide_kind(item: Item, links: list[Link], cited: bool) -> str:
    """The kind of an entry from its section, its links and whether it is cited.

    ``cited`` says that the entry has authors, a venue or a year (a paper's citation).
    The steps are documented in ``docs/records.md`` ("How the kind is decided").
    """
    resource = resource_kind(item)
    if resource:
        return resource
    if any(label_class(link.label) == "thesis" for link in links):
        return "thesis"
    if cited:
        return "paper"
    for link in links:
        if not link.url:
            continue
        said = None if label_mismatch(link.label, link.url) else label_class(link.label)
        seen = url_class(link.url)
        if said and seen and said != seen and said != "website":
            return seen
        if said:
            return said
        if seen:
            return seen
    if _software_section(item):
        return "software"
    if any(label_class(link.label) == "paper" for link in links):
        return "paper"
    return "website" if links else "other"
