"""mlsys_graph.forked: a function run in a forked process, its value sent back."""

from __future__ import annotations

import os

import pytest

from mlsys_graph import forked


def test_the_value_comes_back_from_another_process():
    child = forked.start(lambda: (os.getpid(), list(range(5))))
    if child is None:
        pytest.skip("this system cannot fork, or has one CPU")
    pid, value = child.result()
    assert pid != os.getpid() and value == [0, 1, 2, 3, 4]


def test_the_child_sees_the_parents_objects_without_copying_them_in():
    big = {"k": list(range(100_000))}
    child = forked.start(lambda: sum(big["k"]))
    if child is None:
        pytest.skip("this system cannot fork, or has one CPU")
    assert child.result() == sum(range(100_000))


def test_an_error_in_the_child_is_reported():
    def fails():
        raise KeyError("nope")

    child = forked.start(fails)
    if child is None:
        pytest.skip("this system cannot fork, or has one CPU")
    with pytest.raises(forked.ChildFailed, match="KeyError: 'nope'"):
        child.result()


def test_a_child_that_dies_is_reported():
    child = forked.start(os._exit, 3)
    if child is None:
        pytest.skip("this system cannot fork, or has one CPU")
    with pytest.raises(forked.ChildFailed, match="exit code 3"):
        child.result()


def test_one_cpu_means_no_child(monkeypatch):
    monkeypatch.setattr(forked, "available_cpus", lambda: 1)
    assert forked.start(sum, [1]) is None
