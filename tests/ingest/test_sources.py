"""Reading inputs: files, directories, stdin, and inputs that cannot be read."""

from __future__ import annotations

import io

import pytest

from mlsys_graph.errors import InputError
from mlsys_graph.ingest import parse_paths
from mlsys_graph.ingest.sources import list_markdown_files, read_sources

LIST = "## Serving\n- Tarn: fast [[GitHub]](https://github.com/acme/tarn)\n"


def test_directory_order_and_boilerplate(tmp_path):
    (tmp_path / "README.md").write_text("# Index\n- [Serving](serving.md)\n")
    (tmp_path / "CONTRIBUTING.md").write_text("- How to: contribute [[x]](https://x.org)\n")
    (tmp_path / "LICENSE").write_text("MIT")
    (tmp_path / "b-training.md").write_text(
        "## Training\n- B: b [[GitHub]](https://github.com/b/b)\n"
    )
    (tmp_path / "a-serving.md").write_text(LIST)
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "PULL_REQUEST_TEMPLATE.md").write_text("- T [[P]](l)\n")
    names = [p.name for p in list_markdown_files(tmp_path)]
    assert names == ["README.md", "a-serving.md", "b-training.md"]
    result = parse_paths([str(tmp_path)])
    assert [e.name for e in result.entries] == ["Tarn", "B"]


def test_stdin():
    result = parse_paths(["-"], stdin=io.BytesIO(LIST.encode()))
    assert result.entries[0].source == "<stdin>"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is a PNG image, not a markdown list"),
        (b"PK\x03\x04\x14\x00\x00\x00", "is a zip archive"),
        ("## Liste\n".encode("utf-16"), "is UTF-16 (or UTF-32) text; convert it to UTF-8"),
        (
            "## Liste\n- Eintrag\n".encode("utf-16-le"),
            "is a binary file (19 of its first 38 bytes are NUL",
        ),
        (bytes(range(256)) * 4, "is a binary file"),
    ],
    ids=["png", "zip", "utf-16", "utf-16-no-bom", "noise"],
)
def test_unreadable(tmp_path, content, message):
    path = tmp_path / "bad.md"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_sources([str(path)])
    assert str(info.value).startswith(f"{path}: ") and message in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_sources([str(tmp_path / "nope.md")])


def test_empty_directory(tmp_path):
    with pytest.raises(InputError, match="no markdown"):
        read_sources([str(tmp_path)])


def test_crlf_and_bom(tmp_path):
    path = tmp_path / "win.md"
    path.write_bytes(("\ufeff" + LIST).replace("\n", "\r\n").encode("utf-8"))
    result = parse_paths([str(path)])
    assert result.entries[0].line == 2 and result.entries[0].github == "acme/tarn"


def test_duplicates_across_files(tmp_path):
    (tmp_path / "one.md").write_text(LIST)
    (tmp_path / "two.md").write_text(LIST)
    result = parse_paths([str(tmp_path / "one.md"), str(tmp_path / "two.md")])
    dups = [p for p in result.problems if p.code == "duplicate-entry"]
    assert len(dups) == 1 and dups[0].path.endswith("two.md") and "one.md:2" in dups[0].message


def test_problems_follow_the_order_of_the_sources(tmp_path):
    (tmp_path / "b.md").write_text("- One [[Paper]]()\n")
    (tmp_path / "A.md").write_text("- Two [[Paper]]()\n")
    result = parse_paths([str(tmp_path / "b.md"), str(tmp_path / "A.md")])
    assert [p.path.rsplit("/", 1)[1] for p in result.problems if p.code == "empty-url"] == [
        "b.md",
        "A.md",
    ]


def test_duplicates_are_the_same_kind_of_thing(tmp_path):
    """lint and build share one rule: a paper and a project of the same title are two things."""
    from mlsys_graph.pipeline import build

    path = tmp_path / "l.md"
    path.write_text(
        "## Serving\n- Tarn: serving [[Paper]](https://x.org/t.pdf)\n  - Oda, Rin, et al. (*OSDI 2020*)\n"
        "## Tools\n- Tarn: serving [[GitHub]](https://github.com/ac/tarn)\n"
        "## Survey\n- Tarn: serving [[Paper]](https://x.org/t.pdf)\n  - Oda, Rin, et al. (*OSDI 2020*)\n"
    )
    result = parse_paths([str(path)])
    assert [p.line for p in result.problems if p.code == "duplicate-entry"] == [7]
    assert len(build([str(path)]).catalog.resources) == 2
