"""Ingest: awesome-list markdown → :class:`~mlsys_graph.model.Entry` records and problems.

Steps, in order: :func:`~.sources.read_sources` (files, directories, stdin; bytes → text by
:func:`~.decode.decode`) → :func:`~.markdown.read_structure` (bullets, nesting, links, 1-based
lines; the parser of :mod:`.parser` swallows no line) → :func:`~.entries.interpret` (title,
name, kind, authors, venue, summary) → :func:`find_duplicates`.

>>> result = parse_text("## Serving\\n- Tarn: fast serving [[GitHub]](https://github.com/acme/tarn)\\n")
>>> [(e.name, e.kind, e.github) for e in result.entries]
[('Tarn', 'software', 'acme/tarn')]
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from ..model import Entry, ParseResult, Problem
from .duplicates import find_duplicates
from .entries import interpret
from .known_lists import identify
from .markdown import Item, read_structure
from .profile import profile
from .sources import Source, read_sources
from .venues import VenueTable, default_table

__all__ = ["find_duplicates", "parse_paths", "parse_sources", "parse_text", "venue_table"]


@contextmanager
def _cycle_collection_paused() -> Iterator[None]:
    """Pause Python's cycle collector (restored after, as it was).

    Parsing builds hundreds of thousands of short-lived objects (markdown-it's tokens, the
    items and entries) and no reference cycles worth collecting: each full collection scans
    them all to free nothing (12% of parsing a 10k-entry list). Reference counting frees
    everything as before, so memory is unchanged.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def parse_sources(sources: Iterable[Source], *, progress=None) -> ParseResult:
    """Entries and problems of already-read sources, in source order.

    ``progress`` (:mod:`mlsys_graph.progress`) is told the items read, per source.
    """
    with _cycle_collection_paused():
        return _parse_sources(sources, progress)


def _parse_sources(sources: Iterable[Source], progress) -> ParseResult:
    entries: list[Entry] = []
    problems: list[Problem] = []
    profiles = []
    sources = list(sources)
    order = {source.path: index for index, source in enumerate(sources)}
    for source in sources:
        problems.extend(source.problems)
        if progress is not None:
            progress.stage(f"parsing {source.name}"[:20])
        doc = read_structure(source.text, source.path)
        problems.extend(doc.problems)
        table = venue_table(source)
        profiles.append(profile(doc, table))
        if progress is not None:
            progress.stage("reading entries", len(doc.items))
        found, found_problems = _interpret_all(doc.items, table, progress)
        entries.extend(found)
        problems.extend(found_problems)
    problems.extend(find_duplicates(entries))
    problems.sort(key=lambda p: (order.get(p.path, len(order)), p.line, p.code, p.message))
    return ParseResult(tuple(entries), tuple(problems), tuple(profiles))


#: A list of at least this many items is read on two CPUs (:mod:`mlsys_graph.forked`): the
#: second half of its items in a forked process. Below it, forking costs more than it saves.
PARALLEL_MIN_ITEMS = 2000


def _interpret_all(
    items: Sequence[Item], table: VenueTable, progress=None
) -> tuple[list[Entry], list[Problem]]:
    """The entries and problems of ``items``, in their order. A long list is read on two
    CPUs: each item is read on its own (:func:`~.entries.interpret` depends on nothing
    else), so the halves read apart give what one reading gives."""
    from ..forked import ChildFailed, start

    child = None
    cut = len(items)
    if len(items) >= PARALLEL_MIN_ITEMS:
        cut = len(items) // 2
        child = start(_interpret_items, items, cut, len(items), table, None)
        if child is None:
            cut = len(items)
    entries, problems = _interpret_items(items, 0, cut, table, progress)
    if cut < len(items):
        try:
            more, more_problems = child.result()
        except ChildFailed:  # read them here: any error then shows with its traceback
            more, more_problems = _interpret_items(items, cut, len(items), table, None)
        entries.extend(more)
        problems.extend(more_problems)
        if progress is not None:
            progress.advance(len(items) - cut)
    return entries, problems


def _interpret_items(
    items: Sequence[Item], first: int, end: int, table: VenueTable, progress
) -> tuple[list[Entry], list[Problem]]:
    entries: list[Entry] = []
    problems: list[Problem] = []
    for n in range(first, end):
        found, found_problems = interpret(items[n], table=table)
        entries.extend(found)
        problems.extend(found_problems)
        if progress is not None and (n + 1) % 500 == 0:
            progress.advance(500)
    return entries, problems


def venue_table(source: Source) -> VenueTable:
    """The venue table a source reads with: the global one, plus the aliases scoped to the
    list the source is (``data/lists.toml``, matched by file name or content)."""
    known = identify(source.name, source.text)
    if known is None:
        return default_table()
    return default_table().scoped(known.id, known.path or source.name)


def parse_text(text: str, path: str = "<text>") -> ParseResult:
    """Parse one list given as text."""
    return parse_sources([Source(path, text)])


def parse_paths(paths: Iterable[str], stdin=None) -> ParseResult:
    """Parse list files, directories of list files, or ``-`` (stdin).

    Raises :class:`~mlsys_graph.errors.InputError` when an input cannot be read at all.
    """
    return parse_sources(read_sources(paths, stdin=stdin))
