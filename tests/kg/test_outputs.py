"""The three output files are written as a set: a failure or Ctrl-C leaves the previous set
whole, and no temporary folder behind."""

from __future__ import annotations

import errno
import os
import signal
import threading

import pytest

from mlsys_graph.errors import OutputError
from mlsys_graph.kg import store
from mlsys_graph.kg.build import PREFIXES, namespaces
from mlsys_graph.kg.store import write_outputs
from mlsys_graph.kg.triples import Lit, Triples

NAMES = ["mlsys-graph.jsonld", "mlsys-graph.nt", "mlsys-graph.ttl"]


def graph(label: str) -> Triples:
    t = Triples(namespaces())
    t.add(
        "https://w3id.org/mlsys-graph/id/a",
        "http://www.w3.org/2000/01/rdf-schema#label",
        Lit(label),
    )
    return t


def contents(folder) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture
def previous(tmp_path):
    out = tmp_path / "out"
    write_outputs(graph("old"), out, PREFIXES)
    return out, contents(out)


def test_writes_the_set_and_nothing_else(tmp_path):
    out = tmp_path / "deep" / "out"
    written = write_outputs(graph("x"), out, PREFIXES)
    assert [p.name for p in written] == ["mlsys-graph.ttl", "mlsys-graph.nt", "mlsys-graph.jsonld"]
    assert sorted(p.name for p in out.iterdir()) == NAMES  # the temporary folder is gone
    assert b'"x"' in (out / "mlsys-graph.nt").read_bytes()


def test_other_files_in_the_folder_stay(previous):
    out, _ = previous
    (out / "notes.txt").write_text("mine")
    write_outputs(graph("new"), out, PREFIXES)
    assert (out / "notes.txt").read_text() == "mine"


def test_disk_full_leaves_the_previous_set(previous, monkeypatch):
    out, before = previous
    real = store.write_jsonld

    def full(triples, handle, prefixes, tick=None):
        handle.write("{")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(store, "write_jsonld", full)
    with pytest.raises(OutputError) as info:
        write_outputs(graph("new"), out, PREFIXES)
    assert info.value.path == str(out / "mlsys-graph.jsonld")
    assert "No space left on device" in str(info.value)
    assert contents(out) == before
    monkeypatch.setattr(store, "write_jsonld", real)


def test_ctrl_c_while_writing_leaves_the_previous_set(previous, monkeypatch):
    out, before = previous

    def interrupted(triples, handle, tick=None):
        handle.write("PREFIX")
        raise KeyboardInterrupt

    monkeypatch.setattr(store, "write_turtle", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_outputs(graph("new"), out, PREFIXES)
    assert contents(out) == before


def test_extra_files_join_the_set(previous):
    out, before = previous
    page = {"mlsys-graph.html": "<p>new</p>"}

    def check(ntriples):
        raise RuntimeError("does not conform")

    with pytest.raises(RuntimeError):
        write_outputs(graph("new"), out, PREFIXES, check=check, extra=page)
    assert contents(out) == before  # no page without the graph files it draws
    written = write_outputs(graph("new"), out, PREFIXES, extra=page)
    assert written[-1] == out / "mlsys-graph.html"
    assert (out / "mlsys-graph.html").read_text() == "<p>new</p>"
    assert sorted(p.name for p in out.iterdir()) == sorted([*before, "mlsys-graph.html"])


def test_a_failed_check_writes_nothing(previous):
    out, before = previous

    def check(ntriples):
        assert ntriples.read_text().endswith('"new" .\n')
        raise RuntimeError("does not conform")

    with pytest.raises(RuntimeError):
        write_outputs(graph("new"), out, PREFIXES, check=check)
    assert contents(out) == before


@pytest.mark.parametrize("other_thread", [False, True])
def test_ctrl_c_during_the_renames_waits_for_the_whole_set(previous, monkeypatch, other_thread):
    """Also when another thread is alive (pyoxigraph's loaders are): a thread signal mask
    would let the kernel hand the signal to that thread, and Python would raise at once."""
    out, _ = previous
    stop = threading.Event()
    if other_thread:
        threading.Thread(target=stop.wait, daemon=True).start()
    real = os.replace
    calls = []

    def replace(src, dst):
        if not calls:
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C after the first file
        calls.append(dst)
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(KeyboardInterrupt):
        write_outputs(graph("new"), out, PREFIXES)
    stop.set()
    assert len(calls) == 3  # delivered only once all three were in place
    assert all(b"new" in data for data in contents(out).values())


def test_output_is_a_file(tmp_path):
    target = tmp_path / "out"
    target.write_text("not a folder")
    with pytest.raises(OutputError) as info:
        write_outputs(graph("x"), target, PREFIXES)
    assert info.value.path == str(target)


def test_a_folder_where_a_file_goes(tmp_path):
    (tmp_path / "mlsys-graph.nt").mkdir()
    with pytest.raises(OutputError, match="is a folder"):
        write_outputs(graph("x"), tmp_path, PREFIXES)


def test_unwritable_folder(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(store.tempfile, "mkdtemp", refuse)
    with pytest.raises(OutputError) as info:
        write_outputs(graph("x"), tmp_path, PREFIXES)
    assert info.value.path == str(tmp_path) and "Permission denied" in str(info.value)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_read_only_folder(tmp_path):
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(OutputError, match="Permission denied"):
            write_outputs(graph("x"), tmp_path, PREFIXES)
    finally:
        tmp_path.chmod(0o755)


needs_fork = pytest.mark.skipif(
    "fork" not in __import__("multiprocessing").get_all_start_methods(), reason="no fork"
)


def several(n: int = 50) -> Triples:
    t = graph("first")
    for i in range(n):
        t.add(f"https://w3id.org/mlsys-graph/id/n{i}", "https://example.org/p", Lit(f"v{i}"))
    return t


@needs_fork
def test_rendered_in_parallel_the_same_bytes(tmp_path, monkeypatch):
    write_outputs(several(), tmp_path / "one", PREFIXES, workers=1)
    monkeypatch.setattr(store, "PARALLEL_MIN_TRIPLES", 0)
    write_outputs(several(), tmp_path / "three", PREFIXES, workers=3)
    assert contents(tmp_path / "one") == contents(tmp_path / "three")


@needs_fork
def test_a_failing_writer_process(previous, monkeypatch):
    out, before = previous
    monkeypatch.setattr(store, "PARALLEL_MIN_TRIPLES", 0)

    def full(triples, handle, prefixes, tick=None):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(store, "write_jsonld", full)  # the forked process inherits it
    with pytest.raises(OutputError) as info:
        write_outputs(several(), out, PREFIXES, workers=3)
    assert info.value.path == str(out / "mlsys-graph.jsonld")
    assert "No space left on device" in str(info.value)
    assert contents(out) == before


@needs_fork
def test_forked_writers_yield_the_cpu_to_the_build(tmp_path, monkeypatch):
    """The forked writers run at a lower priority than the process that waits for them."""
    monkeypatch.setattr(store, "PARALLEL_MIN_TRIPLES", 0)
    seen, jsonld = tmp_path / "niceness", store.write_jsonld

    def noting(*args, **kwargs):  # runs in the forked process
        seen.write_text(str(os.nice(0)))
        return jsonld(*args, **kwargs)

    monkeypatch.setattr(store, "write_jsonld", noting)
    write_outputs(several(), tmp_path / "out", PREFIXES, workers=3)
    assert int(seen.read_text()) == min(19, os.nice(0) + store.FORKED_NICENESS)
