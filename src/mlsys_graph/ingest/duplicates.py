"""One rule for "the same entry listed twice", shared by ``lint`` and the graph build.

The rule holds within one list and across lists. Two entries are the same thing when

* both are papers (a thesis counts as a paper) with the same arXiv id (versions ignored:
  ``1812.01776v2`` is ``1812.01776``) or the same DOI (case and ``https://doi.org/``
  ignored; an arXiv DOI ``10.48550/arXiv.N`` is the arXiv id ``N``);
* both are papers with the same title (after folding case and punctuation) and the same
  year; a paper without a year joins them only when the title is listed with one year at
  most (else it cannot say which), and never when their arXiv ids or DOIs differ;
* both are of another kind with the same title, or both are software whose own (first)
  link is the same repository (two entries that only cite one code repository, a product
  and a component's docs page, stay two).

Never across kinds (a paper and the software that implements it stay two), never on a
short name alone ("Tarn: serving" and "Tarn: storage" are two papers), and never a
nested child with its parent.

>>> from mlsys_graph.model import Entry
>>> a = Entry("a.md", 2, 2, None, None, "paper", "Tarn: Serving", None, year=2019)
>>> b = Entry("b.md", 9, 9, None, None, "paper", "TARN — serving!", None, year=2019)
>>> c = Entry("b.md", 12, 12, None, None, "paper", "Tarn: Serving", None, year=2021)
>>> duplicate_groups([a, b, c])
[[0, 1], [2]]
>>> [p.message for p in find_duplicates([a, b, c])]
["'TARN — serving!' is listed again; first at a.md:2"]
>>> arxiv_key("1812.01776v2"), doi_key("https://doi.org/10.1145/ABC.1")
('1812.01776', '10.1145/abc.1')
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Entry, Problem

__all__ = [
    "arxiv_key",
    "doi_key",
    "duplicate_groups",
    "duplicate_keys",
    "find_duplicates",
    "nested_pair",
    "title_key",
]

_PAPERS = ("paper", "thesis")
_ARXIV_VERSION = re.compile(r"v\d+$")
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.|www\.)?doi\.org/|doi:\s*)", re.I)
_ARXIV_DOI = re.compile(r"^10\.48550/arxiv\.(.+)$")
_NOT_ALNUM = re.compile(r"[\W_]+")


def title_key(title: str | None) -> str:
    """A title folded to lower-case letters and digits."""
    return _NOT_ALNUM.sub("", (title or "").casefold())


def arxiv_key(arxiv: str | None) -> str | None:
    """An arXiv id without its version and ``arXiv:`` prefix, lower-cased."""
    if not arxiv:
        return None
    text = arxiv.strip().casefold().removeprefix("arxiv:").strip()
    return _ARXIV_VERSION.sub("", text) or None


def doi_key(doi: str | None) -> str | None:
    """A DOI without resolver prefix, lower-cased (DOIs are case-insensitive)."""
    if not doi:
        return None
    return _DOI_PREFIX.sub("", doi.strip()).casefold().rstrip(".") or None


def _kind_class(entry: Entry) -> str:
    return "paper" if entry.kind in _PAPERS else entry.kind


def duplicate_keys(entry: Entry) -> list[tuple[str, str]]:
    """The keys that make two entries the same whatever else they say (identifiers; titles of
    entries that are no papers). Paper titles also need the year: see :func:`duplicate_groups`."""
    keys = []
    if entry.kind in _PAPERS:
        doi = doi_key(entry.doi)
        arxiv = arxiv_key(entry.arxiv)
        m = _ARXIV_DOI.match(doi or "")
        if m:
            arxiv = arxiv or arxiv_key(m.group(1))
            doi = None
        if arxiv:
            keys.append(("arxiv", arxiv))
        if doi:
            keys.append(("doi", doi))
    else:
        title = title_key(entry.title)
        if len(title) >= 4:
            keys.append((_kind_class(entry), title))
    if entry.kind == "software" and entry.github and _repo_first(entry):
        keys.append(("github", entry.github.lower()))
    return keys


def _repo_first(entry: Entry) -> bool:
    """Whether the entry's own (first) link is its repository: a product and a component's
    docs page that both point at one code repository (``[[docs]](…) | [[repo]](…)`` rows)
    are two entries, the same repository listed twice is one."""
    from .links import github_repo

    first = next((link.url for link in entry.links if link.url), "")
    repo = github_repo(first)
    return repo is not None and repo.lower() == entry.github.lower()


def nested_pair(a: Entry, b: Entry) -> bool:
    """Whether one entry is the nested child of the other."""
    return a.source == b.source and (a.parent == b.line or b.parent == a.line)


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _pairs(entries: Sequence[Entry]) -> list[tuple[int, int]]:
    """(later, first) index pairs that are the same thing by the rule of this module."""
    pairs: list[tuple[int, int]] = []
    first: dict[tuple[str, str], int] = {}
    titled: dict[str, list[int]] = {}
    for i, e in enumerate(entries):
        for key in duplicate_keys(e):
            j = first.setdefault(key, i)
            if j != i:
                pairs.append((i, j))
        if e.kind in _PAPERS:
            title = title_key(e.title)
            if len(title) >= 4:
                titled.setdefault(title, []).append(i)
    for members in titled.values():
        years = {entries[i].year for i in members if entries[i].year is not None}
        by_year: dict[int | None, int] = {}
        for i in members:
            year = entries[i].year
            if year is None:
                if len(years) > 1:
                    continue  # two papers of this title: which one is meant is unknown
                year = next(iter(years), None)
            j = by_year.setdefault(year, i)
            if j != i and not _conflict(entries[i], entries[j]):
                pairs.append((i, j))
    return [(i, j) for i, j in pairs if not nested_pair(entries[i], entries[j])]


def _conflict(a: Entry, b: Entry) -> bool:
    """Two papers whose identifiers say they are different (another arXiv id or DOI)."""
    ids_a, ids_b = dict(duplicate_keys(a)), dict(duplicate_keys(b))
    return any(k in ids_b and ids_a[k] != ids_b[k] for k in ("arxiv", "doi") if k in ids_a)


def duplicate_groups(entries: Sequence[Entry]) -> list[list[int]]:
    """Indices of entries that are one thing, each group in input order, groups by first index."""
    uf = _UnionFind(len(entries))
    for i, j in _pairs(entries):
        uf.union(i, j)
    groups: dict[int, list[int]] = {}
    for i in range(len(entries)):
        groups.setdefault(uf.find(i), []).append(i)
    return list(groups.values())


def find_duplicates(entries: Sequence[Entry]) -> list[Problem]:
    """A ``duplicate-entry`` problem for each entry listed again, naming the first place."""
    problems: list[Problem] = []
    for group in duplicate_groups(entries):
        first = entries[group[0]]
        for i in group[1:]:
            entry = entries[i]
            problems.append(
                Problem(
                    entry.source,
                    entry.line,
                    "warning",
                    "duplicate-entry",
                    f"'{entry.title}' is listed again; first at {first.source}:{first.line}",
                )
            )
    return problems
