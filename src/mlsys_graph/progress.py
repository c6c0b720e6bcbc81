"""Progress of long work: a bar on standard error when it is a terminal, nothing otherwise.

The pipeline reports stages (``progress.stage(name, total)``), steps (``advance(n)``) and the
end of a stage (``done()``) to any object with those three methods; ``None`` means nobody is
listening. :func:`for_stream` picks the right one for a stream.

>>> import io
>>> progress = for_stream(io.StringIO())      # not a terminal: silent
>>> progress.stage("parsing", 10); progress.advance(5); progress.done()
>>> out = io.StringIO()
>>> bar = Bar(out, clock=iter(range(100)).__next__, interval=0)
>>> bar.stage("parsing", 4); bar.advance(2); bar.done()
>>> out.getvalue().splitlines()[-1]
'parsing              [##############################] 100%  3.0s'
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Protocol, TextIO

__all__ = ["Bar", "Progress", "Silent", "for_stream"]


class Progress(Protocol):
    """What the pipeline tells about its progress."""

    def stage(self, name: str, total: int | None = None) -> None:
        """A stage starts; ``total`` steps when known."""

    def advance(self, n: int = 1) -> None:
        """``n`` more steps of the current stage are done."""

    def done(self) -> None:
        """The current stage is finished."""


class Silent:
    """Progress that shows nothing."""

    def stage(self, name: str, total: int | None = None) -> None:
        pass

    def advance(self, n: int = 1) -> None:
        pass

    def done(self) -> None:
        pass


class Bar:
    """One line per stage, redrawn in place (at most every ``interval`` seconds): the stage,
    a bar and percentage when the total is known, and the time the stage took."""

    width = 30

    def __init__(
        self,
        stream: TextIO,
        *,
        clock: Callable[[], float] = time.monotonic,
        interval: float = 0.1,
    ) -> None:
        self.stream = stream
        self.clock = clock
        self.interval = interval
        self.name: str | None = None
        self.total: int | None = None
        self.count = 0
        self.started = 0.0
        self.drawn = float("-inf")

    def _draw(self, final: bool = False) -> None:
        now = self.clock()
        if not final and now - self.drawn < self.interval:
            return
        self.drawn = now
        if self.total:
            share = 1.0 if final else min(self.count / self.total, 1.0)
            filled = round(share * self.width)
            bar = f"[{'#' * filled}{'-' * (self.width - filled)}] {share:4.0%}"
        else:
            bar = " " * (self.width + 7) if not final else f"[{'#' * self.width}] 100%"
        line = f"\r{self.name:<20} {bar}  {now - self.started:.1f}s"
        self.stream.write(line + ("\n" if final else ""))
        self.stream.flush()

    def stage(self, name: str, total: int | None = None) -> None:
        if self.name is not None:
            self.done()
        self.name, self.total, self.count = name, total, 0
        self.started = self.clock()
        self.drawn = float("-inf")
        self._draw()

    def advance(self, n: int = 1) -> None:
        if self.name is not None:
            self.count += n
            self._draw()

    def done(self) -> None:
        if self.name is not None:
            self._draw(final=True)
            self.name = None


def for_stream(stream: TextIO | None = None, *, quiet: bool = False) -> Progress:
    """A :class:`Bar` on ``stream`` (standard error by default) when it is a terminal and
    ``quiet`` is not set; otherwise :class:`Silent`."""
    stream = sys.stderr if stream is None else stream
    isatty = getattr(stream, "isatty", None)
    if quiet or not (isatty and isatty()):
        return Silent()
    return Bar(stream)
