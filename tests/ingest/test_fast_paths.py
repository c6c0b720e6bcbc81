"""The parser's shortcuts give what the general code they skip would give.

Each shortcut (a URL split without urlsplit, white space folded with str.split, one
fullmatch for a per-character check, the cycle collector paused while parsing) is checked
against the code it stands for, on the tricky inputs of its kind.
"""

from __future__ import annotations

import gc
import re
from urllib.parse import urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlsys_graph.ingest import links, parse_text
from mlsys_graph.ingest.citation import _ALLOWED
from mlsys_graph.ingest.markdown import _CONTROLS, _SPACES, fold_spaces

_URL_PIECES = st.sampled_from(
    [
        "http", "https", "HTTPS", "hTtP", ":", "//", "/", "?", "#", "@", ":8080", "user",
        "github.com", "arxiv.org", "x.org", "a", "Z", "0", ".", "-", "_", "%41", "[", "]",
        "[::1]", "é", "\t", "\n", "\r", " ", "\x01", "\\", "abs", "1811.06965", "pdf",
        "javascript", "mailto",
    ]
)  # fmt: skip


def _host_by_urlsplit(url: str) -> str:
    if links.unsafe_scheme(url):
        return ""
    try:
        return (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return ""


def _parts_by_urlsplit(url: str) -> list[str]:
    try:
        path = urlsplit(url.strip()).path
    except ValueError:
        return []
    return [p for p in path.split("/") if p]


@pytest.mark.parametrize(
    "url",
    [
        "https://github.com/acme/tarn",
        "HTTPS://GitHub.com/acme/tarn/",
        "https://github.com?x/y",
        "https://github.com#a?b/c",
        "https://arxiv.org/abs/1811.06965v2?context=cs",
        "http://user@github.com/acme/tarn",
        "http://github.com:443/acme/tarn",
        "https://[::1]/a",
        "https://git\thub.com/acme/tarn",
        "https://github.com/acme/ta\nrn",
        " https://github.com/acme/tarn ",
        "\x01https://github.com/acme/tarn",
        "https://exämple.org/a",
        "https://",
        "https:///a",
        "//github.com/acme/tarn",
        "javascript://github.com/acme/tarn",
        "docs/a.md",
    ],
)
def test_host_and_path_as_urlsplit_reads_them(url: str) -> None:
    assert links._host.__wrapped__(url) == _host_by_urlsplit(url)
    assert links._path_parts(url) == _parts_by_urlsplit(url)


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(["", "https://", "http://", "HTTP://", " https://", "https://github.com/"]),
    st.lists(_URL_PIECES, max_size=8),
)
def test_any_url_as_urlsplit_reads_it(prefix: str, pieces: list[str]) -> None:
    url = prefix + "".join(pieces)
    assert links._host.__wrapped__(url) == _host_by_urlsplit(url)
    assert links._path_parts(url) == _parts_by_urlsplit(url)


_SPACE_LIKE = "ab \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2000\u200a\u200b\u200c\u2028\u2029\u202f\u205f\u3000\x00\x1b\x7f\x9f"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_SPACE_LIKE, max_size=20))
def test_fold_spaces_folds_what_the_space_pattern_matches(text: str) -> None:
    assert fold_spaces(text) == _SPACES.sub(" ", _CONTROLS.sub("", text)).strip()


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="aZé1_ \t.,;'&-*(\u00a0\u2028ß9", max_size=20))
def test_author_characters_checked_at_once_as_one_by_one(text: str) -> None:
    one_by_one = all(re.match(r"[^\W\d_]|[\s.,;'&-]", ch) for ch in text)
    assert bool(_ALLOWED.fullmatch(text)) == one_by_one


@pytest.mark.parametrize("enabled", [True, False])
def test_parsing_leaves_the_cycle_collector_as_it_was(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        parse_text("## Serving\n- Tarn: fast serving [[GitHub]](https://github.com/acme/tarn)\n")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
