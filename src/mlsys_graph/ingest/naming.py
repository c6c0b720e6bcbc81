"""Names in entry titles: the short system/project name, and whether text is a person.

>>> short_name("Clipper: A Low-Latency Online Prediction Serving System")
'Clipper'
>>> looks_like_person("Jeff Dean"), looks_like_person("A TED talk")
(True, False)
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from .names import PRODUCT_WORDS, is_organisation

__all__ = ["NAME_SOURCES", "is_dictionary_word", "looks_like_person", "read_name", "short_name"]

#: Where :func:`read_name` found a name (``Entry.name_source``).
NAME_SOURCES = ("title", "text", "repository")

_STOP = {
    "a", "an", "the", "of", "for", "and", "in", "on", "at", "to", "with", "by", "from",
    "university", "institute", "lab", "labs", "conference", "workshop", "talk", "course",
    "systems", "system", "learning", "machine", "data", "deep", "ai", "ml", "is", "are",
} | PRODUCT_WORDS  # fmt: skip
_PERSON_TOKEN = re.compile(r"^(?:[A-Z]\.(?:[A-Z]\.)*|[A-Z][a-zà-ÿ'’]+(?:-[A-Z]?[a-zà-ÿ'’]+)*)$")
_INITIAL = re.compile(r"[A-Z]\.")
_NAME_TOKEN = re.compile(r"[A-Za-z0-9][\w.+#&'-]*")
_HEAD_COLON = re.compile(r"^(.+?)\s*[:：](?:\s*\S|\s*$)")
_SUBJECT = re.compile(r"^(.+?)\s+(?:is|are)\s+(?:an?|the)\s")
_DASHED = re.compile(r"^(\S+)\s+[-–—]\s+\S")
_SENTENCE = re.compile(r"^(.+?)\.\s+[A-Z]")


def looks_like_person(text: str) -> bool:
    """True for a short personal name such as ``Jeff Dean`` or ``C. Lawrence Zitnick``.

    >>> looks_like_person("Jeff Dean"), looks_like_person("A TED talk"), looks_like_person("Data Engineering")
    (True, False, False)

    An initial is no stop word: "A." is not the article "a".

    >>> looks_like_person("A. Smith"), looks_like_person("J. A. Smith"), looks_like_person("A Smith")
    (True, True, False)
    """
    tokens = text.split()
    if not 2 <= len(tokens) <= 4:
        return False
    if any(t.lower().strip(".") in _STOP for t in tokens if not _INITIAL.fullmatch(t)):
        return False
    return all(_PERSON_TOKEN.match(t) for t in tokens)


@lru_cache(maxsize=1 << 14)  # asked of title words and slugs, which repeat
def _is_name_token(token: str) -> bool:
    return (
        bool(_NAME_TOKEN.fullmatch(token)) and len(token) <= 40 and any(c.isalpha() for c in token)
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


# Words that name a field, not a system: a title head made only of them is no name
# ("Machine Learning Systems:", "Computer Architecture:").
_FIELD_WORDS = {
    "machine", "learning", "deep", "data", "system", "systems", "computer", "computers",
    "architecture", "architectures", "neural", "network", "networks", "distributed",
    "computing", "cloud", "artificial", "intelligence", "ai", "ml", "reinforcement",
    "database", "databases", "operating", "programming", "software", "hardware", "vision",
    "language", "languages", "natural", "processing", "graph", "graphs", "big", "large",
    "scale", "scalable", "efficient", "fast", "edge", "mobile", "introduction", "survey",
    "platform", "platforms", "framework", "frameworks", "tool", "tools", "toolkit", "library",
    "libraries", "infrastructure", "service", "services", "application", "applications",
    "model", "models", "inference", "training", "serving", "compiler", "compilers",
}  # fmt: skip
_SYSTEM_KINDS = ("paper", "thesis", "software")
# Subjects of "X is a …" that name nothing.
_PRONOUNS = {"this", "that", "it", "there", "here", "what", "which", "these", "those", "they"}


@cache
def _dictionary() -> frozenset[str]:
    from english_words import get_english_words_set

    return frozenset(get_english_words_set(["web2"], lower=True, alpha=True))


def is_dictionary_word(word: str) -> bool:
    """Whether ``word`` (any case, plural or not) is an English dictionary word.

    >>> [is_dictionary_word(w) for w in ("Approximation", "models", "Clipper", "Kubernetes")]
    [True, True, True, False]
    """
    lower = word.casefold()
    words = _dictionary()
    forms = {lower, lower.removesuffix("s"), lower.removesuffix("es")}
    if lower.endswith("ies"):
        forms.add(lower[:-3] + "y")
    return any(form in words for form in forms if form)


def _capitalised_name(head: str) -> bool:
    """Two or three capitalised words, not all of them field words, and not dictionary
    words led by a verb form: "Seldon Core", "Parity Models" (not "Computer Architecture", "Machine
    Learning Systems", "Scaling Language Models", "Federated Learning Systems").

    >>> _capitalised_name("Parity Models"), _capitalised_name("Scaling Language Models")
    (True, False)
    >>> _capitalised_name("Distributed TensorFlow")
    True
    """
    tokens = head.split()
    if not 2 <= len(tokens) <= 3 or any(ch in head for ch in "()[],;"):
        return False
    if not all(t[0].isupper() and _is_name_token(t) for t in tokens):
        return False
    if _verb_form(tokens[0]) and all(is_dictionary_word(t) for t in tokens[1:]):
        return False  # "Scaling Language Models"; "Distributed TensorFlow" names a system
    return not all(t.casefold() in _FIELD_WORDS for t in tokens)


def _verb_form(token: str) -> bool:
    """A verb's -ing or -ed form, its stem a dictionary word ("Scaling", "Federated",
    "Embedded"): what such a word leads is a description ("Scaling Language Models"), not a
    name. "Speed" or "String" are no such forms.

    >>> [_verb_form(w) for w in ("Scaling", "Federated", "Embedded", "Running", "Speed", "String")]
    [True, True, True, True, False, False]
    """
    low = token.casefold()
    if len(low) <= 4 or not low.isalpha():
        return False
    if low.endswith("ing"):
        stem = low[:-3]
    elif low.endswith("ed"):
        stem = low[:-2]
    else:
        return False
    doubled = len(stem) > 2 and stem[-1] == stem[-2]
    words = _dictionary()
    return (
        (len(stem) > 2 and stem in words)
        or (len(stem) > 3 and stem + "e" in words)  # "scal|ing": scale, not "str|ing": stre
        or (doubled and stem[:-1] in words)  # "runn|ing": run
    )


# "… with Name" (at the end) or "… like Name:" (before the colon).
_WITH_NAME = re.compile(r"\b(?:with|like)\s+([A-Z][\w+#.-]*?)\.?\s*(?:[:：]|$)")


def read_name(
    title: str | None, kind: str | None = None, github: str | None = None
) -> tuple[str | None, str | None]:
    """The short name an entry gives and where it comes from (see :data:`NAME_SOURCES`).

    From the title first (:func:`short_name`); for software that names none, the GitHub
    repository's slug.

    >>> read_name("Seldon Core is an open source platform", "software")
    ('Seldon Core', 'text')
    >>> read_name("Parity Models: Erasure-Coded Resilience", "paper")
    ('Parity Models', 'title')
    >>> read_name("DeepMind: Training Compute-Optimal Models", "paper")
    (None, None)
    >>> read_name("Large-scale cluster management at Google with Borg", "paper")
    ('Borg', 'title')
    >>> read_name("Live Video Analytics at Scale with Approximation", "paper")
    (None, None)
    >>> read_name("Neural Networks with Early-Exits", "paper"), read_name("Made with ML", "software")
    ((None, None), (None, None))
    >>> read_name("NVIDIA GPU Monitoring Tools", "software", "NVIDIA/gpu-monitoring-tools")
    ('gpu-monitoring-tools', 'repository')
    """
    name, source = _title_name(title, kind)
    if name is None and kind == "software" and github and "/" in github:
        # A slug that reads as a name: not a plain word ("data") nor a two-letter stub ("ml").
        slug = github.split("/", 1)[1]
        if _is_name_token(slug) and len(slug) >= 3 and not is_dictionary_word(slug):
            return slug, "repository"
    return name, source


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
    >>> short_name("Seldon Core: deploys models", kind="software")
    'Seldon Core'
    >>> short_name("Horovod. Distributed training for TensorFlow")
    'Horovod'
    """
    return _title_name(title, kind)[0]


def _title_name(title: str | None, kind: str | None) -> tuple[str | None, str | None]:
    if not title:
        return None, None
    m = _HEAD_COLON.match(title)
    if m:
        head = m.group(1).strip()
        if head.count("/") == 1:
            repo = head.split("/")[1].strip()
            return (repo, "title") if _is_name_token(repo) else (None, None)
        if kind == "paper" and " " not in head and is_organisation(head):
            return None, None  # "DeepMind: Training Compute-Optimal …": who, not what
        if _is_name(head, project=kind == "software"):
            return head, "title"
        if kind in _SYSTEM_KINDS and _capitalised_name(head):
            return head, "title"
        return _with_name(title)
    m = _SUBJECT.match(title)
    if (
        m
        and m.group(1).casefold() not in _PRONOUNS
        and (_is_name_token(m.group(1)) or _capitalised_name(m.group(1)))
    ):
        return m.group(1), "text"
    m = _DASHED.match(title)
    if m and _is_name_token(m.group(1)):
        return m.group(1), "title"
    m = _SENTENCE.match(title)
    if m and (
        (_is_name_token(m.group(1)) and m.group(1)[0].isupper()) or _capitalised_name(m.group(1))
    ):
        return m.group(1), "title"
    if " " not in title and _is_name_token(title):
        return title, "title"
    return _with_name(title)


def _sentence_case(title: str, token: str) -> bool:
    """Whether the title is written in sentence case, so a capital letter inside it marks a
    proper noun: most of its words after the first (``token`` aside) are lower case.

    >>> _sentence_case("Large-scale cluster management at Google with Borg", "Borg")
    True
    >>> _sentence_case("Live Video Analytics at Scale with Approximation", "Approximation")
    False
    """
    words = [w for w in re.findall(r"[^\W\d_][\w'-]*", title)[1:] if w != token]
    lower = sum(w[0].islower() for w in words)
    return lower >= 2 and lower * 2 > len(words)


def _with_name(title: str) -> tuple[str | None, str | None]:
    """``Name`` in "… with Name" / "… like Name:" when it is a proper noun: no dictionary
    word, identifier-like, or capitalised in a sentence-case title (Webster's word list
    has "borg", but "… at Google with Borg" capitalises it as a name)."""
    m = _WITH_NAME.search(title)
    if m and _is_name_token(m.group(1)) and m.group(1).casefold() not in _FIELD_WORDS:
        token = m.group(1)
        if _word_compound(token):
            # "… with Early-Exits": dictionary words joined in a title-case title.
            return (token, "title") if _sentence_case(title, token) else (None, None)
        if _identifier_like(token) or not is_dictionary_word(token) or _sentence_case(title, token):
            return token, "title"
    return None, None


def _word_compound(token: str) -> bool:
    """Capitalised dictionary words joined by hyphens ("Early-Exits", "Real-Time"): their
    inner capitals come from title case, not from a name.

    >>> _word_compound("Early-Exits"), _word_compound("Real-Time"), _word_compound("Open-MX")
    (True, True, False)
    """
    parts = token.split("-")
    return len(parts) > 1 and all(
        p[:1].isupper() and p[1:].islower() and is_dictionary_word(p) for p in parts
    )
