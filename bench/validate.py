"""SHACL validation: the oxigraph engine against pySHACL, side by side on the same graphs.

    python bench/validate.py                          # seed, 1k, 10k; pySHACL up to 10k
    python bench/validate.py --sizes 1000,100000 --pyshacl-max 1000

Each size is a graph: ``seed`` is the seed list (../shared/seeds, else the bundled graph
data/catalog.ttl); a number N is the synthetic list of ``bench/synth.py N`` built with
``pipeline.build(..., validate=False, infer=False)`` (inferred lineage candidates are
quadratic in today's builder, and the perf branch caps them); 100000 is ten disjoint copies
of the 10k graph (every IRI and slug given a copy suffix), as today's builder cannot build
100k entries in memory. Graphs are cached as N-Triples in ``--cache``.

Each measurement runs in a fresh process, one after the other: the graph's load (rdflib
parse for pySHACL, ``kg.oxi.load_ntriples`` into a pyoxigraph store for oxigraph), then
validation, as wall time and CPU time (the machine is shared: CPU time is the steadier
number), and the peak RSS of the process. The last column says whether both engines gave the
same violations (a digest of the sorted records).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "awesome-system-for-ml-2019.md"
COPIES_OF_10K = 10

CHILD = r"""
import hashlib, json, resource, sys, time
path, engine = sys.argv[1], sys.argv[2]
from mlsys_graph.kg.validate import load_shapes, validate, validate_store
load_shapes()
if engine == "oxigraph":
    import pyoxigraph as ox
    from mlsys_graph.kg.oxi import load_ntriples
else:
    import pyshacl
    from rdflib import Graph
wall, cpu = time.perf_counter(), time.process_time()
if engine == "oxigraph":
    graph, rest = ox.Store(), b""
    with open(path, "rb") as f:  # in chunks of whole lines: the text is never all in memory
        while chunk := f.read(1 << 27):
            chunk = rest + chunk
            cut = chunk.rfind(b"\n") + 1
            load_ntriples(graph, chunk[:cut])
            rest = chunk[cut:]
    if rest:
        load_ntriples(graph, rest)
    size = len(graph)
else:
    graph = Graph().parse(path, format="nt")
    size = len(graph)
load = (time.perf_counter() - wall, time.process_time() - cpu)
wall, cpu = time.perf_counter(), time.process_time()
violations = validate_store(graph) if engine == "oxigraph" else validate(graph, engine="pyshacl")
check = (time.perf_counter() - wall, time.process_time() - cpu)
digest = hashlib.sha256(repr(violations).encode()).hexdigest()[:12]
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"triples": size, "load": load, "validate": check, "rss_mb": rss,
                  "violations": len(violations), "digest": digest}))
"""


def graph_file(size: str, cache: Path) -> Path:
    """The N-Triples file of a size, built once and cached."""
    cache.mkdir(parents=True, exist_ok=True)
    target = cache / f"graph-{size}.nt"
    if target.exists():
        return target
    if size == "100000":
        copies(graph_file("10000", cache), target, COPIES_OF_10K)
        return target
    from mlsys_graph.pipeline import build

    if size == "seed":
        result = build([str(SEED)], validate=False) if SEED.is_file() else build(validate=False)
    else:
        sys.path.insert(0, str(ROOT / "bench"))
        from synth import generate

        listing = cache / f"synth-{size}.md"
        listing.write_text(generate(int(size), seed=0), encoding="utf-8")
        print(f"building the graph of {listing} (once) ...", file=sys.stderr, flush=True)
        result = build([str(listing)], validate=False, infer=False)
    result.graph.serialize(target, format="nt", encoding="utf-8")
    return target


_IRI = re.compile(rb"<https://w3id\.org/mlsys-graph/id/([^>]*)>")
_SLUG = re.compile(rb'(<https://w3id\.org/mlsys-graph/ontology#githubSlug> "[^"]*)"')


def copies(source: Path, target: Path, count: int) -> None:
    """``count`` disjoint copies of a graph: every data IRI and GitHub slug gets a suffix."""
    text = source.read_bytes()
    with target.open("wb") as out:
        for copy in range(count):
            suffix = f"-c{copy}".encode()
            renamed = _IRI.sub(
                lambda m, s=suffix: b"<https://w3id.org/mlsys-graph/id/" + m.group(1) + s + b">",
                text,
            )
            out.write(_SLUG.sub(lambda m, s=suffix: m.group(1) + s + b'"', renamed))


def measure(path: Path, engine: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), engine],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="seed,1000,10000")
    parser.add_argument("--pyshacl-max", type=int, default=10000, help="largest size for pySHACL")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/mlsys-graph-bench"))
    # µs/triple and the ratio are of CPU time: validation's own cost, steadier than wall time
    args = parser.parse_args()
    print(
        f"{'size':>7} {'triples':>9} {'engine':>8} {'load s (cpu)':>16} {'validate s (cpu)':>18} "
        f"{'µs/triple':>9} {'rss MB':>7} {'results':>16} {'ratio':>7}"
    )
    for size in args.sizes.split(","):
        path = graph_file(size, args.cache)
        rows = {"oxigraph": measure(path, "oxigraph")}
        if size == "seed" or int(size) <= args.pyshacl_max:
            rows["pyshacl"] = measure(path, "pyshacl")
        for engine, r in rows.items():
            wall, cpu = r["validate"]
            ratio = ""
            if engine == "pyshacl":
                ratio = f"{cpu / max(rows['oxigraph']['validate'][1], 1e-9):6.0f}x"
            same = (
                ""
                if len(rows) == 1
                else (
                    "same"
                    if rows["pyshacl"]["digest"] == rows["oxigraph"]["digest"]
                    else "DIFFERENT"
                )
            )
            print(
                f"{size:>7} {r['triples']:>9} {engine:>8} "
                f"{r['load'][0]:7.1f} ({r['load'][1]:6.1f}) "
                f"{wall:8.2f} ({cpu:7.2f}) {cpu / r['triples'] * 1e6:9.1f} {r['rss_mb']:7.0f} "
                f"{r['violations']:>6} {same:>9} {ratio:>7}",
                flush=True,
            )


if __name__ == "__main__":
    main()
