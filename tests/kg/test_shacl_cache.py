"""The compiled shapes kept between builds (kg.shacl.cache): read back when the key
matches, compiled again when the file is missing, damaged or stale, never an error."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mlsys_graph.kg.shacl import cache
from mlsys_graph.kg.shacl.cache import CACHE_ENV, cache_folder, cache_key, cached_queries


class Compiler:
    def __init__(self, result):
        self.result, self.calls = result, 0

    def __call__(self):
        self.calls += 1
        return self.result


def test_compiled_once_then_read_back(tmp_path):
    compile = Compiler([{"text": "ASK {}"}])
    assert cached_queries(b"s", False, compile, folder=tmp_path) == compile.result
    assert cached_queries(b"s", False, compile, folder=tmp_path) == compile.result
    assert compile.calls == 1
    assert [p.name for p in tmp_path.iterdir()] == [f"shapes-{cache_key(b's', False)}.pickle"]


def test_another_key_compiles_again(tmp_path):
    compile = Compiler(["q"])
    cached_queries(b"s", False, compile, folder=tmp_path)
    cached_queries(b"s", True, compile, folder=tmp_path)  # the subclass flag
    cached_queries(b"t", False, compile, folder=tmp_path)  # other shapes
    assert compile.calls == 3
    assert len({cache_key(b"s", False), cache_key(b"s", True), cache_key(b"t", False)}) == 3


def test_the_key_follows_the_compilers_source(tmp_path, monkeypatch):
    """A changed compiler (any .py of kg/shacl, or kg/validate.py) is another key."""
    fake = tmp_path / "shacl"
    fake.mkdir()
    (fake / "compile.py").write_text("one")
    (tmp_path / "validate.py").write_text("v")
    monkeypatch.setattr(cache, "__file__", str(fake / "cache.py"))
    before = cache_key(b"s", False)
    (fake / "compile.py").write_text("two")
    assert cache_key(b"s", False) != before


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05K"])
def test_a_damaged_file_is_compiled_again_and_replaced(tmp_path, damage):
    compile = Compiler(["q"])
    path = tmp_path / f"shapes-{cache_key(b's', False)}.pickle"
    path.write_bytes(damage)
    assert cached_queries(b"s", False, compile, folder=tmp_path) == ["q"]
    assert cached_queries(b"s", False, compile, folder=tmp_path) == ["q"]
    assert compile.calls == 1 and path.read_bytes() != damage


def test_old_files_are_pruned_when_a_new_one_is_written(tmp_path):
    """The folder keeps the KEEP most recently written files; other files are left."""
    old = [tmp_path / f"shapes-old{n:02}.pickle" for n in range(cache.KEEP + 3)]
    for n, path in enumerate(old):
        path.write_bytes(b"stale")
        os.utime(path, ns=(10**18 + n * 10**9, 10**18 + n * 10**9))
    (tmp_path / "notes.txt").write_text("not ours")
    cached_queries(b"s", False, Compiler(["q"]), folder=tmp_path)
    kept = sorted(p.name for p in tmp_path.iterdir())
    newest = sorted(p.name for p in old[-(cache.KEEP - 1) :])
    assert kept == sorted([*newest, "notes.txt", f"shapes-{cache_key(b's', False)}.pickle"])
    # reading a file back writes nothing and prunes nothing
    cached_queries(b"s", False, Compiler(["q"]), folder=tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == kept


def test_an_unwritable_folder_is_no_error(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder would be")
    compile = Compiler(["q"])
    assert cached_queries(b"s", False, compile, folder=blocked / "cache") == ["q"]
    assert cached_queries(b"s", False, compile, folder=blocked / "cache") == ["q"]
    assert compile.calls == 2
    assert not list(tmp_path.glob("**/*.tmp"))


def test_where_the_cache_is(monkeypatch, tmp_path):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    assert cache_folder() == tmp_path
    monkeypatch.setenv(CACHE_ENV, "")
    assert cache_folder() is None
    monkeypatch.delenv(CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_folder() == tmp_path / "xdg" / "mlsys-graph"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache_folder() == Path.home() / ".cache" / "mlsys-graph"


_VALIDATE = """
import json, sys
from mlsys_graph.kg.oxi import store_from_graph
from mlsys_graph.kg.validate import validate_store
from rdflib import Graph
g = Graph().parse(sys.argv[1])
found = validate_store(store_from_graph(g), workers=1)
print(json.dumps([[v.focus, v.path, v.message, "rdflib.plugins.sparql" in sys.modules] for v in found]))
"""


def test_a_warm_cache_validates_the_same_without_compiling(tmp_path):
    """Three processes check the same broken graph: without a cache, filling it, reading
    it. The same results; only the last one never imports rdflib's SPARQL parser."""
    graph = tmp_path / "g.ttl"
    graph.write_text(
        "@prefix mls: <https://w3id.org/mlsys-graph/ontology#> .\n"
        "<https://w3id.org/mlsys-graph/id/rule/r> a mls:Rule .\n"
    )

    def run(folder: str):
        env = {**os.environ, CACHE_ENV: folder}
        out = subprocess.run(
            [sys.executable, "-c", _VALIDATE, str(graph)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return json.loads(out)

    plain = run("")
    filled = run(str(tmp_path / "c"))
    warm = run(str(tmp_path / "c"))
    assert plain and [r[:3] for r in plain] == [r[:3] for r in filled] == [r[:3] for r in warm]
    assert all(r[3] for r in plain) and not any(r[3] for r in warm)
