"""Labelled field lines: ``**Authors:** …``, ``- Venue: OSDI 2024``, ``Link: [PDF](…)``.

Lists that give each paper a heading (``#### Title``) write its facts as labelled lines
under it; a table's header names its columns the same way. This module says which field a
label names; the readers of :mod:`.citation` and :mod:`.venue_text` read the values.

>>> field_line("**Authors:** Ada Quill, Bo Li")
('authors', 'Ada Quill, Bo Li')
>>> field_line("Venue: OSDI 2024")
('venue', 'OSDI 2024')
>>> field_line("Tarn is a tiny server") is None
True
>>> field_name("发表的会议"), field_name("Title & Authors"), field_name("Recom")
('venue', 'title', 'badges')
>>> field_name("Book Title"), field_name("Slide Title")
('title', 'title')
"""

from __future__ import annotations

import re

__all__ = ["FIELDS", "PAPER_FIELDS", "field_line", "field_name", "title_columns"]

#: Field names, and the label words (lower case, or as written for CJK) that name them.
FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "paper title", "title & authors", "title and authors", "name", "system",
              "systems", "project", "projects", "engine", "framework", "tool", "题目",
              "标题", "论文", "论文标题", "论文名称", "名称"),
    "authors": ("author", "authors", "by", "作者"),
    "venue": ("venue", "conference", "conf", "conference/journal", "journal", "published",
              "published in", "publication", "publisher", "where", "series", "会议", "发表的会议", "出处",
              "发表", "期刊", "会议/期刊"),
    "year": ("year", "date", "time", "published date", "年份", "时间", "日期", "年"),
    "links": ("link", "links", "paper", "pdf", "url", "arxiv", "paper link", "链接"),
    "code": ("code", "github", "repo", "repository", "source", "source code", "代码"),
    "affiliation": ("affiliation", "affiliations", "institution", "institutions", "org",
                    "organization", "organisation", "单位", "机构", "主要作者单位"),
    "summary": ("summary", "abstract", "tl;dr", "tldr", "description", "introduction", "notes",
                "note", "简介", "摘要", "一句话总结", "总结"),
    "badges": ("badge", "badges", "stars", "star", "recom", "recommendation"),
}  # fmt: skip
#: Fields that make a heading a paper when a line under it names one.
PAPER_FIELDS = frozenset({"authors", "venue", "links", "code"})

_BY_LABEL = {label.casefold(): name for name, labels in FIELDS.items() for label in labels}
# "**Authors:** x", "**Authors**: x", "Authors: x", "__Link__: x" (a colon is required).
_FIELD = re.compile(
    r"^\s*(?:(?P<m>\*\*|__)\s*(?P<label>[^\W\d_][\w &;/.-]{0,24}?)\s*"
    r"(?:(?P=m)\s*[:：]|[:：]\s*(?P=m))"
    r"|(?P<plain>[^\W\d_][\w &;/.-]{0,24}?)\s*[:：])\s*(?P<value>.*)$",
    re.S,
)


def field_name(label: str) -> str | None:
    """The field a label (a column header, a field line's label) names, else None.

    Emoji, emphasis and surrounding punctuation are ignored: ``💡 一句话总结`` is a summary.
    """
    text = re.sub(r"[*_`]", "", label)
    text = re.sub(r"[^\w&;/.\s-]", " ", text)
    text = " ".join(text.split()).strip(" .:-").casefold()
    name = _BY_LABEL.get(text)
    if name is None and _SOME_TITLE.fullmatch(text):
        return "title"  # "Blog Title", "Book Title", "Slide Title"
    return name


_SOME_TITLE = re.compile(r"(?:[^\W\d_]+ ){1,2}title")


def field_line(text: str) -> tuple[str, str] | None:
    """``(field, value)`` when ``text`` (a line's markdown source) is a labelled field line."""
    m = _FIELD.match(text)
    if m is None:
        return None
    name = field_name(m.group("label") or m.group("plain"))
    return (name, m.group("value").strip()) if name else None


# A "Paper" column holds the linked titles when no column is named for the title
# ("| Date | Keywords | Paper | Venue |"); beside a Title column it holds [pdf] links.
_PAPER_COLUMN = frozenset({"paper", "papers", "论文"})


def title_columns(headers: list[str] | tuple[str, ...]) -> tuple[int, ...]:
    """Indexes of the columns that hold the entries' titles: the columns a header names the
    title, else a column headed ``Paper``; empty for a table that lists no entries.

    >>> title_columns(["Date", "Title", "Paper"]), title_columns(["Year", "Paper", "Venue"])
    ((1,), (1,))
    >>> title_columns(["Technique", "References"])
    ()
    """
    named = tuple(i for i, h in enumerate(headers) if field_name(h) == "title")
    if named:
        return named
    return tuple(
        i
        for i, h in enumerate(headers)
        if field_name(h) == "links"
        and " ".join(re.sub(r"[^\w\s]", " ", h).split()).casefold() in _PAPER_COLUMN
    )
