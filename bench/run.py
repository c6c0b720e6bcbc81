"""The build at scale, stage by stage, as ratios against rdflib baselines run side by side.

    python bench/run.py                          # synthetic lists of 1k, 10k and 100k entries
    python bench/run.py --sizes 1000             # what CI runs (fast)
    python bench/run.py --sizes 10000 --no-shacl --timeout 600

For each size, ``bench/synth.py`` writes a deterministic synthetic list; then a fresh
subprocess runs what ``mlsys-graph build`` runs, stage by stage, and reports after each stage
its wall-clock time, the CPU time of the whole process (every thread, and the processes it
forks: to parse and read entries on two CPUs, to write files) and the peak RSS of the process so far (so the peak is per
size, never inherited from a smaller run; a forked process's peak is shown below the table):

* parse     ``read_sources`` + ``parse_sources`` (markdown → entries and problems);
* resolve   ``load_documents`` + ``resolve`` (duplicates, people, venues, topics, lineage);
* build     catalog → triples (``kg.build``);
* serialize the three files into a fresh folder (``pipeline.write_validated``): the
  N-Triples first, which a thread loads and checks (SHACL) as they are written; from
  200,000 triples (unless checked in slices) the Turtle and JSON-LD in forked processes,
  whose end is waited for after the page; else written after the N-Triples;
* SHACL     what is left of the validation once the page is drawn (the wait);
  ``--no-shacl`` skips validation;
* page      the HTML page, drawn from the validated store as soon as it is loaded, beside
  the checks and the forked writers (``--no-page`` skips it).

The stages are the pipeline's own, timed through its progress reports, so what is measured is
what ``mlsys-graph build`` does; ``total`` is the wall-clock time of all of them. Each row is
printed as soon as its stage ends, so a size that runs out of time still shows what finished.

A second fresh subprocess runs the baselines on the same input: markdown-it tokenising the
same text (for parse; the cycle collector paused, as the pipeline's parse has it), and
rdflib parsing the N-Triples the pipeline wrote, then rdflib writing them as N-Triples.
rdflib needs about 1 KB and 25 µs per triple, so above ``--baseline-cap`` triples (default
one million) it reads only the first lines and its time is scaled linearly (marked ``~``).
Ratios are ours / baseline: machine noise hits both alike, so compare ratios between runs,
not seconds.

A stage that does not finish within ``--timeout`` seconds (the whole size) is reported as
such, with the stages that did finish (exit 0; a stage that fails exits 1). The seed list's own rows (CLI start vs ``python -c
pass``, parse vs markdown-it) follow when ``../shared/seeds`` is present.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path(os.environ.get("MLSYS_GRAPH_SEEDS") or ROOT.parent / "shared" / "seeds")
SEED = SEEDS / "awesome-system-for-ml-2019.md"
STAGES = ("parse", "resolve", "build", "serialize", "SHACL", "page")


# -- child processes ---------------------------------------------------------------------
def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child_peak_mb() -> float:
    """The peak RSS of the biggest forked process so far (the build forks to read entries
    on two CPUs); its pages shared with the build count in both."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _cpu() -> float:
    """CPU seconds of this process (every thread) and of the forked processes it waited for."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _emit(**row) -> None:
    print(json.dumps(row), flush=True)


def _timed(stage: str, fn, **extra):
    wall, cpu = time.perf_counter(), _cpu()
    value = fn()
    _emit(
        stage=stage,
        wall=time.perf_counter() - wall,
        cpu=_cpu() - cpu,
        peak_mb=_peak_mb(),
        **{k: (v(value) if callable(v) else v) for k, v in extra.items()},
    )
    return value


#: The pipeline's progress stages → the stages reported.
GROUPS = {
    "reading lists": "parse",
    "parsing": "parse",
    "reading entries": "parse",
    "resolving": "resolve",
    "building triples": "build",
    "validating (SHACL)": "SHACL",
    "writing": "serialize",
    "drawing": "page",
}


class StageClock:
    """A progress listener that times the pipeline's own stages (wall, CPU, peak RSS)."""

    def __init__(self) -> None:
        self.current: str | None = None
        self.rows: dict[str, dict] = {}
        self.wall = self.cpu = 0.0

    def _close(self) -> None:
        if self.current is not None:
            row = self.rows.setdefault(
                self.current, {"stage": self.current, "wall": 0.0, "cpu": 0.0}
            )
            row["wall"] += time.perf_counter() - self.wall
            row["cpu"] += _cpu() - self.cpu
            row["peak_mb"] = _peak_mb()
            row["child_mb"] = _child_peak_mb()
            _emit(**row)  # now: a run cut short still shows what finished (the last row wins)
            self.current = None

    def stage(self, name: str, total: int | None = None) -> None:
        self._close()
        group = next((g for prefix, g in GROUPS.items() if name.startswith(prefix)), name)
        self.current = group
        self.wall, self.cpu = time.perf_counter(), _cpu()

    def advance(self, n: int = 1) -> None:
        pass

    def done(self) -> None:
        self._close()


def child_stages(list_path: str, out_dir: str, shacl: bool, page: bool) -> None:
    """Run the pipeline's stages on one list, one JSON line per stage."""
    from mlsys_graph.kg import build as kg_build

    _emit(stage="start", wall=0.0, cpu=0.0, peak_mb=_peak_mb())
    if hasattr(kg_build, "build_triples"):  # the lean pipeline, timed through its progress
        from mlsys_graph import pipeline
        from mlsys_graph.pipeline import build

        clock = StageClock()
        result = build([list_path], validate=False, keep_records=False, progress=clock)
        _emit(**clock.rows["build"], triples=len(result.triples))
        pages = {}
        if page:
            from mlsys_graph.viz.html import render_html

            def drawn(graph):  # the validation's store, or the triples (sliced)
                clock.stage("drawing")
                text = render_html(graph)
                clock.done()
                return text

            pages["mlsys-graph.html"] = drawn
        if hasattr(pipeline, "write_validated"):
            _written, results, _store = pipeline.write_validated(
                result.triples, Path(out_dir), validate=shacl, pages=pages, progress=clock
            )
            if shacl:
                _emit(**clock.rows["SHACL"], violations=len(results))
            return
        if shacl:  # before write_validated: validation, then writing, one after the other
            clock.stage("validating (SHACL)")
            violations = pipeline.validate_triples(result.triples)
            clock.done()
            _emit(**clock.rows["SHACL"], violations=len(violations))
        from mlsys_graph.kg.store import write_outputs

        write_outputs(result.triples, Path(out_dir), kg_build.PREFIXES, progress=clock)
        clock.done()
        return
    # the rdflib Graph pipeline before it (kept so that BEFORE numbers can be run again)
    from mlsys_graph.ingest import parse_sources
    from mlsys_graph.ingest.sources import read_sources
    from mlsys_graph.kg.store import write_graph
    from mlsys_graph.kg.validate import validate
    from mlsys_graph.resolve.catalog import load_documents, resolve

    sources, parsed = _timed(
        "parse",
        lambda: (lambda s: (s, parse_sources(s)))(read_sources([list_path])),
        entries=lambda v: len(v[1].entries),
    )
    catalog = _timed("resolve", lambda: resolve(parsed.entries, documents=load_documents(sources)))
    graph = _timed("build", lambda: kg_build.build_graph(catalog), triples=len)
    if shacl:
        _timed("SHACL", lambda: validate(graph), violations=len)
    _timed("serialize", lambda: write_graph(graph, Path(out_dir), kg_build.PREFIXES))


def _tokenise(md, path: str) -> int:
    return len(md.parse(Path(path).read_text(encoding="utf-8")))


def child_baselines(list_path: str, nt_path: str, cap: int) -> None:
    """markdown-it on the list; rdflib reading and writing (a prefix of) the N-Triples."""
    # with the cycle collector paused, as our parse runs (mlsys_graph.bulk): else at 100k
    # the collector's passes over the growing token list slow the baseline, not the list
    import gc

    from markdown_it import MarkdownIt
    from rdflib import Graph

    gc.disable()
    try:
        _timed("markdown-it", lambda: _tokenise(MarkdownIt("commonmark"), list_path))
    finally:
        gc.enable()
    if not Path(nt_path).is_file():
        return
    with open(nt_path, encoding="utf-8") as handle:
        total = sum(1 for _ in handle)
    with open(nt_path, encoding="utf-8") as handle:
        lines = [line for _, line in zip(range(cap), handle, strict=False)]
    scale = total / len(lines) if lines else 1.0
    graph = Graph()
    data = "".join(lines)
    del lines
    wall, cpu = time.perf_counter(), time.process_time()
    graph.parse(data=data, format="nt")
    _emit(
        stage="rdflib-load",
        wall=(time.perf_counter() - wall) * scale,
        cpu=(time.process_time() - cpu) * scale,
        peak_mb=_peak_mb(),
        scaled=scale > 1,
        triples=total,
    )
    wall, cpu = time.perf_counter(), time.process_time()
    graph.serialize(format="nt")
    _emit(
        stage="rdflib-write",
        wall=(time.perf_counter() - wall) * scale,
        cpu=(time.process_time() - cpu) * scale,
        peak_mb=_peak_mb(),
        scaled=scale > 1,
    )


# -- the parent ----------------------------------------------------------------------------
def _run_child(args: list[str], timeout: float, env: dict) -> tuple[list[dict], str | None]:
    """JSON rows a child printed, and why it stopped early (None when it finished)."""
    cmd = [sys.executable, str(Path(__file__).resolve()), *args]
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env)
        try:
            proc.wait(timeout=timeout)
            stopped = None if proc.returncode == 0 else f"exit {proc.returncode}"
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            stopped = f"timeout after {timeout:.0f}s"
        out.seek(0)
        err.seek(0)
        rows = [json.loads(line) for line in out if line.startswith("{")]
        if stopped and stopped.startswith("exit"):
            tail = err.read().strip().splitlines()[-1:] or [""]
            stopped += f": {tail[0][:200]}"
    return rows, stopped


def _fmt_time(seconds: float | None, scaled: bool = False) -> str:
    if seconds is None:
        return "-"
    return ("~" if scaled else "") + (f"{seconds:.2f}s" if seconds < 100 else f"{seconds:.0f}s")


def measure_size(n: int, work: Path, args, env: dict) -> dict:
    listing = work / f"synth-{n}.md"
    if not listing.is_file():
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "synth.py"), str(n), "-o", str(listing)],
            check=True,
        )
    out_dir = work / f"out-{n}"
    stage_args = ["--child", "stages", str(listing), str(out_dir)]
    stage_args.append("--shacl" if args.shacl else "--no-shacl")
    stage_args.append("--page" if args.page else "--no-page")
    started = time.perf_counter()
    rows, stopped = _run_child(stage_args, args.timeout, env)
    total = time.perf_counter() - started
    base_rows, _ = _run_child(
        ["--child", "baselines", str(listing), str(out_dir / "mlsys-graph.nt"),
         "--cap", str(args.baseline_cap)],
        args.timeout, env,
    )  # fmt: skip
    return {
        "n": n,
        "stages": {r["stage"]: r for r in rows if r["stage"] != "start"},
        "start_mb": next((r["peak_mb"] for r in rows if r["stage"] == "start"), None),
        "baselines": {r["stage"]: r for r in base_rows},
        "stopped": stopped,
        "total": total,
    }


def print_size(result: dict, shacl: bool, page: bool = True) -> None:
    n, stages, base = result["n"], result["stages"], result["baselines"]
    load = base.get("rdflib-load")
    triples = next((s["triples"] for s in stages.values() if "triples" in s), None)
    print(
        f"\n{n:,} entries"
        + (f", {triples:,} triples" if triples else "")
        + (f" — stopped: {result['stopped']}" if result["stopped"] else "")
    )
    print(f"  {'stage':<11}{'wall':>9}{'cpu':>9}{'peak RSS':>11}   ratio (ours / baseline)")
    shown = [s for s in STAGES if (s != "SHACL" or shacl) and (s != "page" or page)]
    for stage in shown:
        row = stages.get(stage)
        if row is None:
            print(f"  {stage:<11}{'-':>9}{'-':>9}{'-':>11}   did not finish")
            continue
        ratios = []
        if load:
            ratios.append(
                f"{row['cpu'] / load['cpu']:.2f}× rdflib loading the graph "
                f"({_fmt_time(load['cpu'], load.get('scaled'))} cpu)"
            )
        if stage == "parse" and "markdown-it" in base:
            ratios.append(f"{row['cpu'] / base['markdown-it']['cpu']:.2f}× markdown-it")
        if stage == "serialize" and "rdflib-write" in base:
            w = base["rdflib-write"]
            ratios.append(
                f"{row['cpu'] / w['cpu']:.2f}× rdflib writing N-Triples "
                f"({_fmt_time(w['cpu'], w.get('scaled'))} cpu)"
            )
        print(
            f"  {stage:<11}{_fmt_time(row['wall']):>9}{_fmt_time(row['cpu']):>9}"
            f"{row['peak_mb']:>8.0f} MB   " + "; ".join(ratios)
        )
    done = [stages[s] for s in shown if s in stages]
    if done:
        print(
            f"  {'total':<11}{_fmt_time(sum(r['wall'] for r in done)):>9}"
            f"{_fmt_time(sum(r['cpu'] for r in done)):>9}"
            f"{max(r['peak_mb'] for r in done):>8.0f} MB   (process start: "
            f"{result['start_mb']:.0f} MB)"
        )
        forked = max(r.get("child_mb", 0) for r in done)
        if forked:
            print(
                f"  {'':<29}{forked:>8.0f} MB   peak RSS of a forked process "
                "(pages it shares with the build count in both)"
            )


def median_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def seed_rows(repeat: int) -> None:
    """The seed list's parse against markdown-it, and CLI start against ``python -c pass``."""

    def run(cmd):
        return lambda: subprocess.run(cmd, check=True, capture_output=True)

    def row(name: str, ours: float, base: float) -> None:
        print(
            f"  {name:<24}{ours * 1000:9.1f} ms   baseline {base * 1000:9.1f} ms   "
            f"ratio {ours / base:6.2f}"
        )

    print("\nseed list and CLI")
    if SEED.is_file():
        from markdown_it import MarkdownIt

        from mlsys_graph.ingest import parse_text

        text = SEED.read_text(encoding="utf-8")
        md = MarkdownIt("commonmark")
        row(
            "parse seed",
            median_time(lambda: parse_text(text), repeat),
            median_time(lambda: md.parse(text), repeat),
        )
    row(
        "CLI start (--help)",
        median_time(run([sys.executable, "-m", "mlsys_graph", "--help"]), repeat),
        median_time(run([sys.executable, "-c", "pass"]), repeat),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="See the module docstring for what each stage and baseline covers.",
    )
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated entries")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per size")
    parser.add_argument("--shacl", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument(
        "--page", action=argparse.BooleanOptionalAction, default=True, help="time the HTML page"
    )
    parser.add_argument("--baseline-cap", type=int, default=1_000_000, metavar="TRIPLES")
    parser.add_argument("--repeat", type=int, default=3, help="repeats of the seed rows")
    parser.add_argument("--work", help="folder for the lists and outputs (default: temporary)")
    parser.add_argument("--json", help="also write the results to this file")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--cap", type=int, default=1_000_000, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        kind, *rest = args.child
        if kind == "stages":
            child_stages(rest[0], rest[1], args.shacl, args.page)
        else:
            child_baselines(rest[0], rest[1], args.cap)
        return 0

    env = dict(os.environ)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    results = []
    with tempfile.TemporaryDirectory(prefix="mlsys-bench-") as tmp:
        work = Path(args.work) if args.work else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for n in sizes:
            result = measure_size(n, work, args, env)
            print_size(result, args.shacl, args.page)
            results.append(result)
            sys.stdout.flush()
    seed_rows(args.repeat)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    # A stage that failed (not one that ran out of time) fails the run: CI relies on it.
    return 1 if any((r["stopped"] or "").startswith("exit") for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
