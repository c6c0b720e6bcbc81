"""Link labels and URLs: GitHub repositories, arXiv ids, DOIs, labels that lie.

>>> github_repo("https://github.com/tensorflow/lingvo/blob/master/lingvo/core/gpipe.py")
'tensorflow/lingvo'
>>> github_repo("https://github.com/tqchen") is None   # a user profile
True
>>> github_repo("https://locuslab.github.io/mpc.pytorch/") is None
True
>>> arxiv_id("https://arxiv.org/pdf/1811.06965.pdf")
'1811.06965'
>>> doi("https://doi.org/10.1145/3341301.3359630")
'10.1145/3341301.3359630'
>>> label_mismatch("GitHub", "https://www.usenix.org/conference/osdi18/presentation/moritz")
'GitHub'
>>> clean_label("[GitHub]")
'GitHub'
>>> unsafe_scheme("javascript:alert(1)"), unsafe_scheme("https://x.org"), unsafe_scheme("docs/a.pdf")
('javascript', None, None)
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import unquote, urlsplit

__all__ = [
    "arxiv_id",
    "clean_label",
    "doi",
    "github_repo",
    "github_user",
    "label_class",
    "label_mismatch",
    "unsafe_scheme",
    "url_class",
]

#: The link schemes stored as links. Any other (``javascript:``, ``data:``, ``vbscript:``,
#: ``file:``, ...) is unsafe: reported, and never a link in the graph. A relative reference
#: (no scheme: ``docs/a.pdf``, ``#intro``, ``//host/a``) is kept: a browser resolves it
#: against the page, where it cannot run anything.
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
#: A URL stored as a link: a safe scheme written plainly, or no scheme at all (no ':' before
#: the first '/', '?' or '#'). ontology/shapes.ttl checks mls:url with the same pattern.
SAFE_URL = re.compile(r"^(?:(?:https?|mailto):|[^:/?#]*(?:[/?#]|$))", re.I)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_C0_AND_SPACE = "".join(map(chr, range(0x21)))
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")


def unsafe_scheme(url: str) -> str | None:
    """None when ``url`` may be stored as a link (:data:`SAFE_URL`), else its scheme.

    The scheme is read as a browser reads it (WHATWG URL: leading and trailing C0 controls
    and spaces dropped, tabs and newlines removed, case folded), so ``" JaVa\\tScript:"``
    is ``javascript``. A safe scheme written with such characters is unsafe all the same
    (its scheme is returned as it is read); text before a ':' that is no scheme is returned
    as written.

    >>> [unsafe_scheme(u) for u in (" JaVa\\tScript:x", "data:text/html,<b>", "file:///etc/passwd")]
    ['javascript', 'data', 'file']
    >>> [unsafe_scheme(u) for u in ("HTTPS://x.org", "mailto:a@b.org", "//cdn.org/a", "#top", "")]
    [None, None, None, None, None]
    >>> unsafe_scheme(" https://x.org"), unsafe_scheme("C:\\\\lists\\\\a.md"), unsafe_scheme("a b:c")
    ('https', 'c', 'a b')
    """
    if SAFE_URL.match(url):
        return None
    m = _SCHEME.match(_TAB_OR_NEWLINE.sub("", url.strip(_C0_AND_SPACE)))
    return m.group(1).lower() if m else url.split(":", 1)[0]


_GITHUB_HOSTS = {"github.com", "www.github.com"}
# Paths on github.com that are not user or organisation names.
_GITHUB_RESERVED = {
    "about", "apps", "collections", "contact", "enterprise", "events", "explore", "features",
    "login", "marketplace", "orgs", "pricing", "search", "settings", "site", "sponsors",
    "topics", "trending", "users",
}  # fmt: skip
_NAME = re.compile(r"^[A-Za-z0-9_.-]+$")
_ARXIV_NEW = re.compile(r"(\d{4}\.\d{4,5})(v\d+)?")
_ARXIV_OLD = re.compile(r"([a-z-]+(?:\.[A-Z]{2})?/\d{7})(v\d+)?")
_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+)")
# An http(s) URL whose host is plain ASCII letters, digits, dots and dashes (no user, no
# port, no brackets): its host is read without urlsplit.
_PLAIN_HOST = re.compile(r"https?://([A-Za-z0-9.-]+)(?:[/?#]|\Z)", re.I)
_DOI_PATH = re.compile(r"/doi/(?:abs/|pdf/|full/)?(10\.\d{4,9}/[^\s?#]+)")
_LOWER_WORDS = re.compile(r"[a-z]+")


def _plain(url: str) -> tuple[str, str] | None:
    """``(host, path)`` of a stripped http(s) URL with a plain host (:data:`_PLAIN_HOST`) and
    no tab or line break, split as urlsplit splits it; None for any other URL."""
    m = _PLAIN_HOST.match(url)
    if m is None or _TAB_OR_NEWLINE.search(url):
        return None
    # urlsplit ends the host at the first / ? or #, then cuts the fragment, then the query.
    return m.group(1), url[m.end(1) :].split("#", 1)[0].split("?", 1)[0]


@lru_cache(maxsize=1 << 16)  # a list repeats its hosts; urlsplit costs microseconds
def _host(url: str) -> str:
    """The host of a URL; "" for relative references and for unsafe schemes, so that nothing
    is ever read from a ``javascript://github.com/...`` link."""
    if unsafe_scheme(url):
        return ""
    url = url.strip()
    plain = _plain(url)
    if plain is not None:
        return plain[0].lower()
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def _path_parts(url: str) -> list[str]:
    url = url.strip()
    plain = _plain(url)
    if plain is not None:
        path = plain[1]
    else:
        try:
            path = urlsplit(url).path
        except ValueError:
            return []
    return [p for p in path.split("/") if p]


@lru_cache(maxsize=1 << 16)
def github_repo(url: str) -> str | None:
    """``owner/repo`` of a github.com repository URL, else None (profiles, github.io, other hosts)."""
    if _host(url) not in _GITHUB_HOSTS:
        return None
    parts = _path_parts(url)
    if len(parts) < 2 or parts[0].lower() in _GITHUB_RESERVED:
        return None
    owner, repo = parts[0], parts[1]
    if repo.endswith(".git"):
        repo = repo[:-4]
    if not (_NAME.match(owner) and _NAME.match(repo)) or repo in {".", ".."}:
        return None
    return f"{owner}/{repo}"


def github_user(url: str) -> str | None:
    """The user of a github.com profile URL (``https://github.com/tqchen``), else None."""
    if _host(url) not in _GITHUB_HOSTS:
        return None
    parts = _path_parts(url)
    if len(parts) != 1 or parts[0].lower() in _GITHUB_RESERVED or not _NAME.match(parts[0]):
        return None
    return parts[0]


@lru_cache(maxsize=1 << 14)  # asked of each link by the reader and by the kind
def arxiv_id(url: str) -> str | None:
    """The arXiv identifier of an arxiv.org link (``abs``/``pdf``), version removed."""
    host = _host(url)
    if not (host == "arxiv.org" or host.endswith(".arxiv.org")):
        return None
    parts = _path_parts(url)
    if len(parts) < 2 or parts[0] not in {"abs", "pdf", "html", "format"}:
        return None
    rest = "/".join(parts[1:])
    rest = rest.removesuffix(".pdf")
    m = _ARXIV_NEW.fullmatch(rest) or _ARXIV_OLD.fullmatch(rest)
    return m.group(1) if m else None


@lru_cache(maxsize=1 << 14)  # asked of each link by the reader and by the kind
def doi(url: str) -> str | None:
    """A DOI from a doi.org link or a publisher URL that embeds one (``/doi/10.1145/…``)."""
    if unsafe_scheme(url):
        return None
    text = unquote(url.strip())
    host = _host(text)
    if host in {"doi.org", "dx.doi.org", "www.doi.org"}:
        parts = _path_parts(text)
        candidate = "/".join(parts)
        m = _DOI.match(candidate)
        return m.group(1).rstrip(".") if m else None
    m = _DOI_PATH.search(text)
    return m.group(1).rstrip(".") if m else None


def clean_label(text: str) -> str:
    """A link label without one pair of outer brackets and surrounding space."""
    label = " ".join(text.split())
    if label.startswith("[") and label.endswith("]"):
        label = label[1:-1].strip()
    return label


# Label words that name what the link should point at, and the hosts that fit them.
_LABEL_HOSTS: dict[str, tuple[str, ...]] = {
    "github": ("github.com",),
    "gitlab": ("gitlab.com",),
    "youtube": ("youtube.com", "youtu.be"),
    "arxiv": ("arxiv.org",),
}


def label_mismatch(label: str, url: str) -> str | None:
    """The host word a label claims when the URL does not go there, else None."""
    words = _LOWER_WORDS.findall(label.lower())
    host = _host(url)
    if not host:
        return None
    for word in words:
        hosts = _LABEL_HOSTS.get(word)
        if hosts and not any(host == h or host.endswith("." + h) for h in hosts):
            return label
    return None


_LABEL_KINDS = (
    ("thesis", ("thesis", "dissertation")),
    ("paper", ("paper", "pdf", "survey", "arxiv", "preprint", "article")),
    ("software", ("github", "gitlab", "code", "codebase", "project", "repo", "repository",
                  "software")),
    ("video", ("youtube", "video", "talk", "vimeo")),
    ("blog", ("blog", "blogpost", "medium", "zhihu", "post")),
    ("book", ("book",)),
    ("website", ("website", "webpage", "homepage", "site", "web")),
)  # fmt: skip
# A kind word stands alone or in the plural ("Papers", "Talks"), or before digits or other
# scripts ("arXiv2019", "Github链接"); never at the head of a longer word: "Papermill",
# "Postgres", "Codex", "Bookie" are names, not "paper", "post", "code", "book".
_LABEL_KIND_WORDS = tuple(
    (kind, re.compile(r"\b(?:" + "|".join(words) + r")(?:e?s)?(?![a-z])"))
    for kind, words in _LABEL_KINDS
)


@lru_cache(maxsize=1 << 12)  # labels repeat ("Paper", "GitHub")
def label_class(label: str) -> str | None:
    """What a link label says the target is: paper, software, website, video, blog, book, thesis.

    >>> label_class("[PDF]"), label_class("Talks"), label_class("Github链接")
    ('paper', 'video', 'software')
    >>> label_class("Papermill"), label_class("Postgres"), label_class("Codex")
    (None, None, None)
    """
    low = label.lower()
    for kind, pattern in _LABEL_KIND_WORDS:
        if pattern.search(low):
            return kind
    return None


def url_class(url: str) -> str | None:
    """What a URL most likely points at, from its host and path alone."""
    host = _host(url)
    if not host:
        return None
    path = url.lower().split("?")[0].split("#")[0]
    if github_repo(url) or host.endswith("gitlab.com"):
        return "software"
    if arxiv_id(url) or doi(url) or path.endswith(".pdf") or host in {
        "papers.nips.cc", "proceedings.mlr.press", "dl.acm.org", "openreview.net",
        "proceedings.neurips.cc", "ieeexplore.ieee.org",
    }:  # fmt: skip
        return "paper"
    if host.endswith(("youtube.com", "youtu.be", "vimeo.com")):
        return "video"
    if host.endswith(("medium.com", "zhihu.com")) or "/blog" in path:
        return "blog"
    return None
