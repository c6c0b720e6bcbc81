"""Do two versions of the code build byte-identical files from the same synthetic lists?

    python bench/same_output.py                        # this checkout against main, 1k and 10k
    python bench/same_output.py --ref HEAD~3 --sizes 1000
    python bench/same_output.py --graph-only           # N-Triples of the built graph, no SHACL

A change meant to make the build faster or leaner must not change what it writes. For each
size, ``bench/synth.py`` writes a deterministic list; then ``mlsys-graph build LIST -o DIR
--no-html -q`` runs once with this checkout's ``src`` and once with ``--ref``'s (extracted
with ``git archive`` into a temporary folder: nothing in the repository changes), and the
SHA-256 of every output file is compared. ``--graph-only`` compares the N-Triples of the
built triples without validating them (the SHACL stage dominates a 10k build; the triples
are the same either way). Exit 0 when every file matches, 1 otherwise.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Runs in a child with the version under test on ``sys.path``: parse, resolve, build,
#: then the N-Triples writer into argv[2].
_GRAPH_ONLY = """
import sys
from mlsys_graph.kg.store import write_ntriples
from mlsys_graph.pipeline import build
result = build([sys.argv[1]], validate=False, keep_records=False)
with open(sys.argv[2], "w", encoding="utf-8", newline="") as out:
    write_ntriples(result.triples, out)
"""


def _digests(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def _run(src: Path, listing: Path, out: Path, graph_only: bool) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(src))
    out.mkdir(parents=True, exist_ok=True)
    if graph_only:
        cmd = [sys.executable, "-c", _GRAPH_ONLY, str(listing), str(out / "graph.nt")]
    else:
        cmd = [sys.executable, "-m", "mlsys_graph", "build", str(listing), "-o", str(out)]
        cmd += ["--no-html", "-q"]
    subprocess.run(cmd, check=True, env=env)
    return _digests(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ref", default="main", help="git revision to compare with")
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated entries")
    parser.add_argument("--graph-only", action="store_true", help="N-Triples only, no SHACL")
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    same = True
    with tempfile.TemporaryDirectory(prefix="mlsys-same-") as tmp:
        work = Path(tmp)
        ref_root = work / "ref"
        ref_root.mkdir()
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", args.ref, "src", "data", "ontology"],
            check=True,
            capture_output=True,
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(ref_root)], input=archive, check=True)
        for n in sizes:
            listing = work / f"synth-{n}.md"
            subprocess.run(
                [sys.executable, str(ROOT / "bench" / "synth.py"), str(n), "-o", str(listing)],
                check=True,
            )
            ours = _run(ROOT / "src", listing, work / f"ours-{n}", args.graph_only)
            theirs = _run(ref_root / "src", listing, work / f"ref-{n}", args.graph_only)
            for name in sorted(ours.keys() | theirs.keys()):
                match = ours.get(name) == theirs.get(name)
                same &= match
                shown = (ours.get(name) or "missing")[:16]
                print(f"{n:>8,} {name:<22} {'same' if match else 'DIFFERENT'}  {shown}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
