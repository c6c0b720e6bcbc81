"""Speed as ratios against a baseline run side by side (never a timed assertion in tests).

    python bench/run.py [--repeat 5] [--scale 10]

Each line: what was measured, its median time, the baseline's median time, and the ratio.
Baselines are the nearest thing that does strictly less work on the same input, run in the
same process and the same loop, so machine noise affects both alike:

* parse  vs  markdown-it tokenising the same text (our interpretation's overhead);
* build  vs  rdflib parsing the N-Triples of the built graph (graph construction overhead);
* validate vs rdflib parsing the same graph (SHACL's cost);
* CLI start (`mlsys-graph --help`) vs `python -c pass` (import cost of the thin CLI).

The scaled list repeats every entry of a list ``--scale`` times with distinct titles.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "awesome-system-for-ml-2019.md"
FALLBACK = ROOT / "tests" / "kg" / "fixtures" / "list_v1.md"


def median_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def scaled(text: str, scale: int) -> str:
    out = []
    for copy in range(scale):
        for line in text.splitlines():
            if line.lstrip().startswith("- ") and not line.startswith(" "):
                line = line.replace("- ", f"- V{copy} ", 1)
            out.append(line)
    return "\n".join(out) + "\n"


def row(name: str, ours: float, base: float) -> None:
    print(
        f"{name:<34} {ours * 1000:9.1f} ms   baseline {base * 1000:9.1f} ms   ratio {ours / base:6.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--scale", type=int, default=10)
    args = parser.parse_args()

    from markdown_it import MarkdownIt
    from rdflib import Graph

    from mlsys_graph.ingest import parse_text
    from mlsys_graph.kg.store import to_ntriples
    from mlsys_graph.kg.validate import validate
    from mlsys_graph.pipeline import build

    source = SEED if SEED.is_file() else FALLBACK
    text = source.read_text(encoding="utf-8")
    md = MarkdownIt("commonmark")
    for label, body in (("seed", text), (f"seed x{args.scale}", scaled(text, args.scale))):
        row(
            f"parse {label}",
            median_time(lambda b=body: parse_text(b), args.repeat),
            median_time(lambda b=body: md.parse(b), args.repeat),
        )
    result = build([str(source)], validate=False)
    nt = to_ntriples(result.graph)
    parse_nt = median_time(lambda: Graph().parse(data=nt, format="nt"), args.repeat)
    row(
        "build (no validation) seed",
        median_time(lambda: build([str(source)], validate=False), args.repeat),
        parse_nt,
    )
    row("validate seed graph", median_time(lambda: validate(result.graph), args.repeat), parse_nt)

    def run(cmd):
        return lambda: subprocess.run(cmd, check=True, capture_output=True)

    cli = [sys.executable, "-m", "mlsys_graph", "--help"]
    row(
        "CLI start (--help)",
        median_time(run(cli), args.repeat),
        median_time(run([sys.executable, "-c", "pass"]), args.repeat),
    )


if __name__ == "__main__":
    main()
