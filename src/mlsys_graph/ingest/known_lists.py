"""Known lists (``data/lists.toml``): which list a source file is, by name or by content.

The identity of a list is what provenance records (repository, version, path inside the
repository) and what scoped curation names: a typo fix in ``data/venues.toml`` or an alias
in ``data/people.ttl`` applies to one list id only.

>>> known = identify("awesome-system-for-ml-2019.md", "")
>>> known.id, known.path
('awesome-system-for-ml-2019', 'README.md')
>>> identify("my-list.md", "- Tarn\\n") is None
True
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePosixPath

__all__ = ["KnownList", "identify", "known_lists"]


@dataclass(frozen=True, slots=True)
class KnownList:
    """One ``[[list]]`` of ``data/lists.toml``."""

    id: str
    file: str | None = None
    sha256: str | None = None
    title: str | None = None
    repository: str | None = None
    version: str | None = None
    path: str | None = None
    license: str | None = None
    attribution: str | None = None


@cache
def _load(path: str) -> tuple[KnownList, ...]:
    rows = tomllib.loads(Path(path).read_text("utf-8")).get("list", [])
    fields = set(KnownList.__slots__)
    return tuple(KnownList(**{k: v for k, v in row.items() if k in fields}) for row in rows)


def known_lists(table: Path | None = None) -> tuple[KnownList, ...]:
    """Every list of ``data/lists.toml`` (or of ``table``)."""
    from ..resources import data_file

    return _load(str(table or data_file("lists.toml")))


def identify(name: str, text: str, table: Path | None = None) -> KnownList | None:
    """The known list a source is: matched by its base name or the SHA-256 of its text."""
    base = PurePosixPath(name.replace("\\", "/")).name
    digest = None
    for known in known_lists(table):
        if known.file == base:
            return known
        if known.sha256:
            digest = digest or hashlib.sha256(text.encode("utf-8")).hexdigest()
            if known.sha256 == digest:
                return known
    return None
