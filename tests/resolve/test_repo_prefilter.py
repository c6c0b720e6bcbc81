"""The resolver asks ``github_repo`` only of URLs whose text can name a github.com host: the
shortcut must never change an answer (tabs and line breaks inside a URL, case, look-alike
hosts, other schemes)."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from mlsys_graph.ingest.links import github_repo
from mlsys_graph.resolve.catalog import _repo_of

PIECES = st.sampled_from(
    [
        "https://", "http://", "HTTPS://", " ", "javascript:", "//", "www.", "WWW.",
        "github.com", "GitHub.COM", "git\thub.com", "github.\ncom", "gith\rub.com",
        "github.io", "notgithub.com", "github.com.evil.org", "gist.github.com", "@",
        ":443", "/", "ucbrise", "clipper", ".git", "?tab=1", "#readme", "arxiv.org/abs/1",
        "\t", "a b",
    ]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=8).map("".join))
@example("https://git\thub.com/ucbrise/clipper")
@example(" HTTPS://WWW.GitHub.com/ucbrise/clipper.git ")
def test_same_answer_as_github_repo(url):
    assert _repo_of(url) == github_repo(url)


def test_a_tab_inside_the_host_is_still_github():
    assert _repo_of("https://git\thub.com/a/b") == "a/b"
