"""Work on another CPU: a function run in a forked process, its value sent back.

Python runs one thread of Python code at a time, so pure-Python work (reading entries, say)
uses one CPU however many threads it has. A forked child process runs on another CPU and
starts with a copy-on-write view of everything the parent holds: no arguments are copied
or pickled on the way in, only the value is pickled on the way back.

:func:`start` forks and runs ``fn(*args)`` in the child; :meth:`Child.result` waits for its
value. Where a system cannot fork, or the machine has one CPU, :func:`start` returns None
and the caller does the work itself: the answer must never depend on whether it was forked.

>>> child = start(sum, [1, 2, 3])
>>> (child.result() if child is not None else sum([1, 2, 3]))
6
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["Child", "ChildFailed", "available_cpus", "start"]


class ChildFailed(Exception):
    """The child process raised, or stopped without sending its value."""


def available_cpus() -> int:
    """The CPUs this process may run on."""
    import os

    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return os.cpu_count() or 1


class Child:
    """A forked process computing one value."""

    def __init__(self, process, receive) -> None:
        self._process, self._receive = process, receive

    def result(self) -> Any:
        """The child's value (waiting for it), or :class:`ChildFailed` with its error."""
        try:
            try:
                ok, value = self._receive.recv()
            except EOFError:
                ok, value = False, None
            self._process.join()
            if not ok:
                raise ChildFailed(
                    value or f"the forked process stopped (exit code {self._process.exitcode})"
                )
            return value
        finally:
            self.close()

    def close(self) -> None:
        """Stop the child if it still runs (a caller that gives up on the value)."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._receive.close()


def _run(fn: Callable[..., Any], args: tuple, send) -> None:
    try:
        value = fn(*args)
    except BaseException as exc:  # reported to the parent, never raised here
        send.send((False, f"{type(exc).__name__}: {exc}"))
    else:
        send.send((True, value))
    finally:
        send.close()


def start(fn: Callable[..., Any], *args: Any) -> Child | None:
    """Run ``fn(*args)`` in a forked process; None when this system cannot fork or has one
    CPU (then the caller runs it)."""
    import multiprocessing

    if available_cpus() < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return None
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_run, args=(fn, args, send), daemon=True)
    process.start()
    send.close()
    return Child(process, receive)
