"""The command line, run as users run it."""

from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from mlsys_graph.cli import cli

LIST = (
    "## Model Serving\n"
    "- Tarn: A Tiny Serving System [[Paper]](https://example.org/tarn.pdf)\n"
    "[[GitHub]](https://github.com/acme/tarn)\n"
    "  - Quill, Ada, et al. (*NSDI 2021*)\n"
    "- Pike: no url [[Paper]]()\n"
    "  - Rowe, Ann, et al. (*OSDI 2020*)\n"
)
FIELDS = [
    "source", "line", "end_line", "section", "subsection", "kind", "title", "name",
    "name_source", "links", "github", "arxiv", "doi", "authors", "authors_truncated",
    "affiliations", "venue", "venue_raw", "year", "summary", "parent",
]  # fmt: skip


def _write(tmp_path, text=LIST, name="list.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_parse_json_shape(tmp_path):
    result = CliRunner().invoke(cli, ["parse", _write(tmp_path)])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert [list(r) for r in records] == [FIELDS, FIELDS]
    assert records[0]["links"][1] == {"label": "GitHub", "url": "https://github.com/acme/tarn"}


def test_parse_table(tmp_path):
    result = CliRunner().invoke(cli, ["parse", _write(tmp_path), "--format", "table"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["LINE", "KIND", "NAME"] and "Tarn" in lines[1]


def test_parse_explain_names_each_files_layout(tmp_path):
    table = (
        "## Serving\n\n|Date|Title|Paper|\n|---|---|---|\n"
        "|2023.09|[Tarn] Tarn: Paged Serving|[[pdf]](https://arxiv.org/pdf/2309.00001.pdf)|\n"
        "|2023.10|Pike: Draft Trees|[[pdf]](https://arxiv.org/pdf/2310.00002.pdf)|\n"
    )
    tagged = "## OSDI 2024\n- [OSDI'24] [Quarry: Regions](https://example.org/q.pdf)\n"
    paths = [_write(tmp_path, table, "a.md"), _write(tmp_path, tagged, "b.md")]
    result = CliRunner().invoke(cli, ["parse", "--explain", *paths])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 3  # data alone on stdout
    layouts = [line for line in result.stderr.splitlines() if line.startswith("layout:")]
    assert layouts == [
        f"layout: {paths[0]}: table (2 of 2 items)",
        f"layout: {paths[1]}: venue-tags (1 of 1 items); headings naming a venue or year: 1",
    ]
    plain = CliRunner().invoke(cli, ["parse", paths[0]])
    assert "layout:" not in plain.stderr


def test_parse_stdin():
    result = CliRunner().invoke(cli, ["parse", "-"], input=LIST)
    assert json.loads(result.stdout)[0]["source"] == "<stdin>"


def test_lint_text_and_exit_codes(tmp_path):
    path = _write(tmp_path)
    result = CliRunner().invoke(cli, ["lint", path])
    assert result.exit_code == 0  # warnings only
    assert f"{path}:5: warning: link 'Paper' has an empty URL [empty-url]" in result.stdout
    strict = CliRunner().invoke(cli, ["lint", "--strict", path])
    assert strict.exit_code == 1


def test_lint_json(tmp_path):
    result = CliRunner().invoke(cli, ["lint", "--format", "json", _write(tmp_path)])
    problems = json.loads(result.stdout)
    assert problems[0] == {
        "path": problems[0]["path"], "line": 5, "level": "warning", "code": "empty-url",
        "message": "link 'Paper' has an empty URL",
    }  # fmt: skip


def test_clean_list_strict_ok(tmp_path):
    path = _write(tmp_path, "## Tools\n- Tarn: fast [[GitHub]](https://github.com/acme/tarn)\n")
    assert CliRunner().invoke(cli, ["lint", "--strict", path]).exit_code == 0


def test_unreadable_input_is_one_clear_error(tmp_path):
    missing = str(tmp_path / "nope.md")
    result = CliRunner().invoke(cli, ["parse", missing])
    assert result.exit_code == 1
    assert f"Error: {missing}: no such file" in result.output
    image = tmp_path / "logo.md"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    result = CliRunner().invoke(cli, ["lint", str(image)])
    assert result.exit_code == 1
    assert result.output == f"Error: {image}: is a PNG image, not a markdown list\n"


def test_stray_bad_bytes_are_problems_with_their_line(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"## Tools\n- Tarn\xff: fast [[GitHub]](https://github.com/acme/tarn)\n")
    result = CliRunner().invoke(cli, ["lint", str(bad)])
    assert result.exit_code == 0
    assert f"{bad}:2: warning: byte 0xFF is not UTF-8" in result.output
    assert CliRunner().invoke(cli, ["lint", "--strict", str(bad)]).exit_code == 1


def test_usage_error_exit_2():
    assert CliRunner().invoke(cli, ["parse"]).exit_code == 2
    assert CliRunner().invoke(cli, ["lint", "x.md", "--format", "xml"]).exit_code == 2


def test_python_dash_m(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "mlsys_graph", "parse", _write(tmp_path)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert json.loads(out.stdout)[0]["name"] == "Tarn"


def test_the_command_exits_at_once_with_its_code_and_all_its_output(tmp_path):
    """main() leaves with os._exit once the command is done: the exit codes are click's
    and every byte written reaches the reader, also when it is a file or a pipe."""
    many = tmp_path / "many.md"
    many.write_text(
        "## Papers\n"
        + "".join(f"- Tool{n}: a tool [[GitHub]](https://github.com/o/t{n})\n" for n in range(3000))
    )
    run = [sys.executable, "-m", "mlsys_graph"]
    with open(tmp_path / "out.json", "w") as handle:
        done = subprocess.run([*run, "parse", str(many)], stdout=handle, stderr=subprocess.PIPE)
    assert done.returncode == 0
    assert len(json.loads((tmp_path / "out.json").read_text())) == 3000
    piped = subprocess.run([*run, "parse", str(many)], capture_output=True, text=True)
    assert piped.returncode == 0 and len(json.loads(piped.stdout)) == 3000
    assert subprocess.run([*run, "parse"], capture_output=True).returncode == 2  # usage
    missing = subprocess.run(
        [*run, "lint", str(tmp_path / "no.md")], capture_output=True, text=True
    )
    assert missing.returncode == 1 and "no such file" in missing.stderr


def test_light_imports():
    """`mlsys-graph --help` must not import the heavy libraries."""
    code = (
        "import sys; from mlsys_graph.cli import cli\n"
        "heavy = [m for m in ('rdflib', 'pyshacl', 'pyoxigraph', 'networkx', 'markdown_it') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_lint_shows_odd_input_and_strict_makes_it_fatal(tmp_path):
    odd = tmp_path / "odd.md"
    odd.write_bytes(
        b"## Tools\n- Ply\x0c: folds [[GitHub]](https://github.com/ply/ply)\n"
        b"- Lure [[Demo]](javascript:alert(1))\n\n<!-- unfinished\n\n```\n"
        + b"".join(
            b"  " * i + b"- D%d [[GitHub]](https://github.com/d/d%d)\n" % (i, i) for i in range(34)
        )
        + b"- Last: read [[GitHub]](https://github.com/la/st)\n"
    )
    result = CliRunner().invoke(cli, ["lint", str(odd)])
    assert result.exit_code == 0
    for line, code in ((2, "control-character"), (3, "unsafe-url"), (5, "unclosed-block"),
                       (7, "unclosed-block"), (40, "too-deep")):  # fmt: skip
        assert any(
            row.startswith(f"{odd}:{line}: warning: ") and row.endswith(f"[{code}]")
            for row in result.output.splitlines()
        ), (line, code, result.output)
    assert CliRunner().invoke(cli, ["lint", "--strict", str(odd)]).exit_code == 1
    out = tmp_path / "out"
    built = CliRunner().invoke(cli, ["build", str(odd), "-o", str(out), "--strict", "-s"])
    assert built.exit_code == 1 and (out / "mlsys-graph.ttl").is_file()
    parsed = CliRunner().invoke(cli, ["parse", str(odd)])
    assert json.loads(parsed.stdout)[-1]["title"] == "Last: read"
