"""shields.io badges: a venue badge (``Conference-ICML'23-blue``) or a star badge
(``github/stars/owner/repo``), read from the image URL alone.

>>> read_badge("https://img.shields.io/badge/Conference-ICML'23-blue")
Badge(kind='venue', label='Conference', message="ICML'23", repo=None)
>>> read_badge("https://img.shields.io/github/stars/acme/tarn.svg?style=social&label=Star")
Badge(kind='stars', label='stars', message='', repo='acme/tarn')
>>> read_badge("https://img.shields.io/badge/License-MIT-blue.svg").kind
'other'
>>> read_badge("https://example.org/logo.png") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

__all__ = ["Badge", "read_badge"]

_HOSTS = ("img.shields.io", "shields.io", "badgen.net")
# Badge labels that say the message is where the entry appeared.
_VENUE_LABELS = frozenset(
    {
        "conference", "conf", "venue", "publish", "published", "publication", "journal",
        "paper", "workshop", "arxiv", "preprint", "accepted", "proceedings",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Badge:
    """What a badge says: ``kind`` is ``venue`` (``message`` is the venue text), ``stars``
    (``repo`` is the GitHub repository counted) or ``other`` (licence, status, counts)."""

    kind: str
    label: str
    message: str
    repo: str | None = None


def _unescape(part: str) -> str:
    """shields.io path escapes: ``--`` is ``-``, ``__`` is ``_``, ``_`` a space."""
    part = unquote(part)
    part = part.replace("__", "\0").replace("_", " ").replace("\0", "_")
    return part.replace("\1", "-")


def read_badge(url: str) -> Badge | None:
    """The badge a shields.io (or badgen) image URL draws, else None."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if host not in _HOSTS:
        return None
    path = [p for p in parts.path.split("/") if p]
    if len(path) >= 4 and path[0] == "github" and path[1] == "stars":
        repo = f"{path[2]}/{re.sub(r'[.](svg|png|json)$', '', path[3])}"
        return Badge("stars", "stars", "", repo)
    if path and path[0] == "static":
        query = parse_qs(parts.query)
        label = (query.get("label") or [""])[0]
        message = (query.get("message") or [""])[0]
    elif len(path) >= 2 and path[0] == "badge":
        body = re.sub(r"[.](svg|png)$", "", "/".join(path[1:])).replace("--", "\1")
        pieces = [_unescape(p) for p in body.split("-")]
        if len(pieces) >= 3:
            label, message = pieces[0], "-".join(pieces[1:-1])
        elif len(pieces) == 2:
            label, message = "", pieces[0]
        else:
            return Badge("other", "", pieces[0] if pieces else "")
    else:
        return Badge("other", "", "")
    kind = "venue" if label.strip().casefold() in _VENUE_LABELS and message.strip() else "other"
    return Badge(kind, label.strip(), message.strip())
