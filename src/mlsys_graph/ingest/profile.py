"""The layout of one list file, said in words: ``mlsys-graph parse --explain``.

Every item is read by the rule of its own form (a bullet, a table row, a paper given as a
heading), so a file that mixes layouts needs no option; the profile is what those rules
found, counted per file, with the layout most items use named first:

* ``table`` — rows of tables whose header names a title column (:mod:`.tables`);
* ``heading-papers`` — papers given as headings with labelled field lines (:mod:`.fields`);
* ``venue-tags`` — bullets that open with a venue tag (``[OSDI'24] [Title](url)``) or close
  with a ``| Venue'YY`` suffix (:mod:`.tags`);
* ``pipe-rows`` — bullets written as table rows without a table, their cells split by
  `` | `` (``2016 | Title | Ada Quill | PAKDD | [PDF](url)``; :func:`.tables.read_pipe_row`);
* ``citation-bullets`` — bullets with nested author/venue lines or an inline citation, the
  seed list's style;
* ``link-bullets`` — the classic ``[Name](url) - description`` bullet.

Grouping context is counted too: ``<details>`` summaries and bold lines standing alone
(:data:`~.markdown.GROUP_LEVEL`), and headings that name a venue or a year.

>>> from mlsys_graph.ingest.markdown import read_structure
>>> doc = read_structure("## OSDI 2024\\n- [OSDI'24] [Tarn](https://x.org/t.pdf)\\n", "a.md")
>>> p = profile(doc)
>>> p.layout, p.counts["venue-tags"]
('venue-tags', 1)
>>> print(p)
a.md: venue-tags (1 of 1 items); headings naming a venue or year: 1
>>> profile(read_structure("- 2016 | Tarn: Search | Ada Quill | PAKDD | [PDF](u)", "b.md")).layout
'pipe-rows'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .markdown import GROUP_LEVEL, Document, Item, is_toc_item
from .tables import read_pipe_row
from .tags import read_tags, venue_tag
from .venue_text import parse_venue
from .venues import VenueTable, default_table

__all__ = ["LAYOUTS", "Profile", "profile"]

#: Layout names, in the order ties are broken.
LAYOUTS = (
    "table",
    "heading-papers",
    "venue-tags",
    "pipe-rows",
    "citation-bullets",
    "link-bullets",
)
_YEAR = re.compile(r"^(?:year\s+)?(?:19|20)\d\d$", re.I)


@dataclass(frozen=True, slots=True)
class Profile:
    """What one file is written as: its main ``layout``, items per layout, groupings."""

    path: str
    layout: str
    items: int
    counts: dict[str, int]
    groups: int = 0
    context_headings: int = 0

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "layout": self.layout,
            "items": self.items,
            "counts": dict(self.counts),
            "groups": self.groups,
            "context_headings": self.context_headings,
        }

    def __str__(self) -> str:
        parts = [
            f"{name} ({n} of {self.items} items)"
            for name, n in sorted(self.counts.items(), key=lambda kv: LAYOUTS.index(kv[0]))
            if n and name == self.layout
        ]
        parts += [
            f"{name} {n}"
            for name, n in sorted(self.counts.items(), key=lambda kv: LAYOUTS.index(kv[0]))
            if n and name != self.layout
        ]
        text = f"{self.path}: " + ("; ".join(parts) if parts else "no entries")
        if self.groups:
            text += f"; <details>/bold groups: {self.groups}"
        if self.context_headings:
            text += f"; headings naming a venue or year: {self.context_headings}"
        return text


def _bullet_layout(item: Item, table: VenueTable) -> str:
    if read_pipe_row(item, table) is not None:
        return "pipe-rows"
    head = item.before_first_link if item.links else item.text
    if head.lstrip().startswith(("[", "【")) or "[" in head[:4]:
        tagged = read_tags(head, table)
        if tagged.venue is not None or tagged.venues_without_year:
            return "venue-tags"
    if " | " in item.text and read_tags(item.text, table).venue is not None:
        return "venue-tags"
    if item.children and any(not c.links for c in item.children):
        return "citation-bullets"
    if item.links and not item.before_first_link:
        return "link-bullets"
    return "citation-bullets"


@lru_cache(maxsize=1 << 12)  # asked per item of the headings over it
def _names_context(text: str, table: VenueTable) -> bool:
    text = text.strip()
    if _YEAR.match(text) or table.lookup(text) is not None:
        return True
    return parse_venue(text, table).known and venue_tag(text, table) is not None


def profile(doc: Document, table: VenueTable | None = None) -> Profile:
    """The profile of one read document (see the module docstring)."""
    table = table if table is not None else default_table()
    counts = dict.fromkeys(LAYOUTS, 0)
    groups: set[tuple[int, str]] = set()
    context: set[tuple[int, str]] = set()
    for item in doc.items:
        if item.form == "bullet" and is_toc_item(item):
            continue
        if item.form == "row":
            counts["table"] += 1
        elif item.form == "heading":
            counts["heading-papers"] += 1
        else:
            counts[_bullet_layout(item, table)] += 1
        for level, text in item.headings:
            if level == GROUP_LEVEL:
                groups.add((level, text))
            elif (level, text) not in context and _names_context(text, table):
                context.add((level, text))
    items = sum(counts.values())
    layout = max(LAYOUTS, key=lambda name: (counts[name], -LAYOUTS.index(name)))
    return Profile(
        doc.path,
        layout if items else "none",
        items,
        {k: v for k, v in counts.items() if v},
        len(groups),
        len(context),
    )
