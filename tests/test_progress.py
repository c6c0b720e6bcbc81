"""Progress on stderr: the stages a build reports, and how a terminal shows them."""

from __future__ import annotations

import io
from pathlib import Path

from mlsys_graph.progress import Bar, Silent, for_stream

FIXTURE = str(Path(__file__).parent / "kg" / "fixtures" / "list_v1.md")


class Recorder:
    def __init__(self) -> None:
        self.events: list[tuple] = []

    def stage(self, name, total=None):
        self.events.append(("stage", name, total))

    def advance(self, n=1):
        self.events.append(("advance", n))

    def done(self):
        self.events.append(("done",))


def test_a_build_reports_its_stages(tmp_path):
    from mlsys_graph.kg.build import PREFIXES
    from mlsys_graph.kg.store import write_outputs
    from mlsys_graph.pipeline import build

    progress = Recorder()
    result = build([FIXTURE], progress=progress)
    write_outputs(result.triples, tmp_path, PREFIXES, progress=progress)
    stages = [e[1] for e in progress.events if e[0] == "stage"]
    assert stages == [
        "reading lists",
        "parsing list_v1.md",
        "reading entries",
        "resolving",
        "building triples",
        "validating (SHACL)",
        "writing N-Triples",
        "writing Turtle",
        "writing JSON-LD",
    ]
    steps = [e[1] for e in progress.events if e[0] == "advance"]
    subjects = len(result.triples.subjects())
    assert sum(steps) == 3 * subjects  # the writers count every subject


def test_bar_redraws_one_line_per_stage():
    out = io.StringIO()
    clock = iter(x / 10 for x in range(100))
    bar = Bar(out, clock=lambda: next(clock), interval=0)
    bar.stage("resolving")
    bar.stage("writing", 10)
    bar.advance(5)
    bar.done()
    lines = out.getvalue().split("\n")
    assert lines[0].split("\r")[-1].startswith("resolving ") and lines[0].endswith("100%  0.2s")
    assert "[###############---------------]  50%" in lines[1]
    assert lines[1].split("\r")[-1].startswith("writing ") and lines[2] == ""


def test_only_a_terminal_gets_a_bar():
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    assert isinstance(for_stream(io.StringIO()), Silent)
    assert isinstance(for_stream(Terminal()), Bar)
    assert isinstance(for_stream(Terminal(), quiet=True), Silent)
