"""Names in entry titles: the short system/project name, and whether text is a person.

>>> short_name("Clipper: A Low-Latency Online Prediction Serving System")
'Clipper'
>>> looks_like_person("Jeff Dean"), looks_like_person("A TED talk")
(True, False)
"""

from __future__ import annotations

import re

__all__ = ["looks_like_person", "short_name"]

_STOP = {
    "a", "an", "the", "of", "for", "and", "in", "on", "at", "to", "with", "by", "from",
    "university", "institute", "lab", "labs", "conference", "workshop", "talk", "course",
    "systems", "system", "learning", "machine", "data", "deep", "ai", "ml", "is", "are",
}  # fmt: skip
_PERSON_TOKEN = re.compile(r"^(?:[A-Z]\.(?:[A-Z]\.)*|[A-Z][a-zà-ÿ'’]+(?:-[A-Z]?[a-zà-ÿ'’]+)*)$")


def looks_like_person(text: str) -> bool:
    """True for a short personal name such as ``Jeff Dean`` or ``C. Lawrence Zitnick``.

    >>> looks_like_person("Jeff Dean"), looks_like_person("A TED talk"), looks_like_person("Data Engineering")
    (True, False, False)
    """
    tokens = text.split()
    if not 2 <= len(tokens) <= 4:
        return False
    if any(t.lower().strip(".") in _STOP for t in tokens):
        return False
    return all(_PERSON_TOKEN.match(t) for t in tokens)


def _is_name_token(token: str) -> bool:
    return (
        bool(re.fullmatch(r"[A-Za-z0-9][\w.+#&'-]*", token))
        and len(token) <= 40
        and any(c.isalpha() for c in token)
    )


def _identifier_like(token: str) -> bool:
    return (
        any(c.isdigit() for c in token)
        or sum(c.isupper() for c in token) >= 2
        or any(c.isupper() for c in token[1:])
    )


_CONNECTORS = {"for", "of", "and", "on", "the", "in", "with"}


def _is_name(head: str, project: bool = False) -> bool:
    """Whether the text before a title's colon is a name.

    A project's heading may be a longer product name with connectors ("Model Server for
    Apache MXNet"); elsewhere a name is one word or two or three capitalised words with an
    identifier-like one ("CSE 599W", "Facebook TC").
    """
    tokens = head.split()
    if len(tokens) == 1:
        return _is_name_token(tokens[0])
    if any(ch in head for ch in "()[],;"):
        return False
    if project and 2 <= len(tokens) <= 6:
        words = [t for t in tokens if t not in _CONNECTORS]
        if tokens[0] in _CONNECTORS or tokens[-1] in _CONNECTORS:
            return False
        return all((t[0].isupper() or t[0].isdigit()) and _is_name_token(t) for t in words) and any(
            _identifier_like(t) for t in words
        )
    if not 2 <= len(tokens) <= 3:
        return False
    if not all(t[0].isupper() or t[0].isdigit() for t in tokens):
        return False
    return all(_is_name_token(t) or t.isdigit() for t in tokens) and any(
        _identifier_like(t) for t in tokens
    )


def short_name(title: str | None, kind: str | None = None) -> str | None:
    """The short system/project name a title gives, else None.

    >>> short_name("Clipper: A Low-Latency Online Prediction Serving System")
    'Clipper'
    >>> short_name("Facebook/FBGEMM: a matrix multiplication library")
    'FBGEMM'
    >>> short_name("CSE 599W: System for ML")
    'CSE 599W'
    >>> short_name("SysML 2019:")
    'SysML 2019'
    >>> short_name("Kedro is a workflow development tool")
    'Kedro'
    >>> short_name("Computer Architecture: A Quantitative Approach") is None
    True
    >>> short_name("Model Server for Apache MXNet: serves models", kind="software")
    'Model Server for Apache MXNet'
    >>> short_name("Model Server for Apache MXNet: serves models") is None
    True
    """
    if not title:
        return None
    m = re.match(r"^(.+?)\s*[:：](?:\s*\S|\s*$)", title)
    if m:
        head = m.group(1).strip()
        if head.count("/") == 1:
            repo = head.split("/")[1].strip()
            return repo if _is_name_token(repo) else None
        return head if _is_name(head, project=kind == "software") else None
    m = re.match(r"^(\S+)\s+(?:is|are)\s+(?:an?|the)\s", title)
    if m and _is_name_token(m.group(1)):
        return m.group(1)
    m = re.match(r"^(\S+)\s+[-–—]\s+\S", title)
    if m and _is_name_token(m.group(1)):
        return m.group(1)
    if " " not in title and _is_name_token(title):
        return title
    return None
