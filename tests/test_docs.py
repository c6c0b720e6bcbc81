"""Docs stay true to the code: every command documented, every problem code documented."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from mlsys_graph.cli import cli

README = (ROOT / "README.md").read_text(encoding="utf-8")
PROBLEMS = (ROOT / "docs" / "problems.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_in_readme_with_help(name):
    command = cli.commands[name]
    assert f"mlsys-graph {name}" in README
    assert command.help and "Example" in command.help


def test_every_problem_code_documented():
    codes = set()
    for path in (ROOT / "src" / "mlsys_graph").rglob("*.py"):
        codes |= set(re.findall(r'"(?:error|warning|info)",\s*"([a-z0-9-]+)"', path.read_text()))
    codes -= {"error", "warning", "info"}
    documented = set(re.findall(r"^\| `([a-z0-9-]+)` \|", PROBLEMS, re.M))
    assert codes, "no problem codes found in the source"
    assert codes <= documented, codes - documented


def test_readme_has_two_setup_commands_used_by_ci():
    block = re.search(r"## Set up.*?```sh\n(.*?)```", README, re.S).group(1).strip().splitlines()
    assert len(block) == 2
    ci = (ROOT / ".ci" / "run").read_text()
    assert "mlsys-graph build -o out" in block[0] and 'pip install -e ".[dev]"' in block[0]
    assert block[1].endswith("python -m pytest") and ".venv/bin/python -m pytest" in ci


def test_record_fields_documented():
    from mlsys_graph.model import Entry

    records = (ROOT / "docs" / "records.md").read_text()
    entry = Entry("s", 1, 1, None, None, "other", None, None)
    for field in entry.to_dict():
        assert f"`{field}`" in records
