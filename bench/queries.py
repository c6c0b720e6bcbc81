"""The named-query suite on rdflib's engine against Oxigraph (our store), side by side.

    python bench/queries.py                                   # the seed's graph (bundled)
    python bench/queries.py --graph /tmp/synth-10k.nt         # any built graph
    python bench/queries.py --synth 10000 --cache /tmp/bench  # build a synthetic list once

For each graph: load time (rdflib parsing the file into its memory store against pyoxigraph
loading it natively), then every named query, run with the same bound parameters on both
engines (rdflib: initBindings; Oxigraph: substitutions), the median of --repeat runs each,
the ratio rdflib / Oxigraph, and whether both gave the same number of rows. The parameters
are picked from the graph itself (its most prolific author, its venue with most papers, an
entry with lineage, ...) so a synthetic graph is asked questions that have answers.
rdflib runs in a worker process that is stopped after --rdflib-timeout seconds per query
(shown as "> N s"): on 10k entries some of its plans take minutes.

``--synth N`` writes ``bench/synth.py``'s list of N entries and builds it once
(``pipeline.build(validate=False, infer=False)``), keeping the N-Triples in --cache.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PARAM_QUERIES = {
    # the person with most papers, the venue with most papers, the topic with most authored
    # entries, the entry that is the object of most stated claims (a lineage root)
    "author": """PREFIX mls: <https://w3id.org/mlsys-graph/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?v WHERE { ?e a mls:Paper ; mls:author ?p . ?p rdfs:label ?v }
        GROUP BY ?v ORDER BY DESC(COUNT(?e)) ?v LIMIT 1""",
    "venue": """PREFIX mls: <https://w3id.org/mlsys-graph/ontology#>
        SELECT ?v WHERE { ?e mls:publishedIn/mls:acronym ?v }
        GROUP BY ?v ORDER BY DESC(COUNT(?e)) ?v LIMIT 1""",
    "year": """PREFIX mls: <https://w3id.org/mlsys-graph/ontology#>
        SELECT (STR(?y) AS ?v) WHERE { ?e mls:year ?y } GROUP BY ?y ORDER BY DESC(COUNT(?e)) LIMIT 1""",
    "topic": """PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX mls: <https://w3id.org/mlsys-graph/ontology#>
        SELECT ?v WHERE { ?e dcterms:subject ?t ; mls:author ?p . ?t skos:prefLabel ?v }
        GROUP BY ?v ORDER BY DESC(COUNT(?e)) ?v LIMIT 1""",
    "name": """PREFIX mls: <https://w3id.org/mlsys-graph/ontology#>
        SELECT ?v WHERE { ?c mls:claimObject ?e ; mls:strength "stated" . ?e mls:shortName ?v }
        GROUP BY ?v ORDER BY DESC(COUNT(?c)) ?v LIMIT 1""",
    "entry": """PREFIX mls: <https://w3id.org/mlsys-graph/ontology#>
        SELECT ?v WHERE { ?c mls:claimObject ?v ; mls:strength "stated" }
        GROUP BY ?v ORDER BY DESC(COUNT(?c)) ?v LIMIT 1""",
}


def pick_parameters(store) -> dict[str, object]:
    """A value for every parameter name the named queries use, taken from the graph."""
    picked = {}
    for name, query in PARAM_QUERIES.items():
        rows = list(store.query(query))
        if rows:
            picked[name] = rows[0]["v"]
    if "topic" in picked:  # for search: the first word of the busiest topic
        import pyoxigraph as ox

        picked["word"] = ox.Literal(picked["topic"].value.split()[0])
    return picked


#: (query, parameter) → the picked value it takes, when not the one of its own name.
TAKES = {
    ("entries-by-person", "person"): "author",
    ("find-entry", "text"): "name",
    ("search", "text"): "word",
}


def _rdflib_worker(path: str, conn) -> None:
    from rdflib import Graph

    from mlsys_graph.kg.oxi import rdf_term

    graph = Graph()
    started = time.perf_counter()
    graph.parse(path, format="nt" if path.endswith(".nt") else None)
    conn.send(("loaded", time.perf_counter() - started, len(graph)))
    while True:
        message = conn.recv()
        if message is None:
            return
        text, bindings, repeat = message
        init = {k: rdf_term(v) for k, v in bindings.items()}
        times, rows = [], 0
        for _ in range(repeat):
            started = time.perf_counter()
            rows = len(list(graph.query(text, initBindings=init)))
            times.append(time.perf_counter() - started)
        conn.send(("done", statistics.median(times), rows))


class RdflibWorker:
    """rdflib's engine in a process of its own, so a runaway plan can be stopped."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.start()

    def start(self) -> None:
        self.conn, child = mp.Pipe()
        self.process = mp.get_context("spawn").Process(
            target=_rdflib_worker, args=(self.path, child), daemon=True
        )
        self.process.start()
        _, self.load_seconds, self.triples = self.conn.recv()

    def run(self, text: str, bindings: dict, repeat: int, timeout: float):
        self.conn.send((text, bindings, repeat))
        if self.conn.poll(timeout * repeat):
            _, seconds, rows = self.conn.recv()
            return seconds, rows
        self.process.kill()
        self.process.join()
        self.start()
        return None, None

    def close(self) -> None:
        self.conn.send(None)
        self.process.join(10)


def synth_graph(n: int, cache: Path) -> Path:
    """The N-Triples of bench/synth.py's list of n entries, built once into ``cache``."""
    target = cache / f"synth-{n}.nt"
    if target.is_file():
        return target
    sys.path.insert(0, str(ROOT / "bench"))
    import synth

    from mlsys_graph.kg.store import to_ntriples, write_atomic
    from mlsys_graph.pipeline import build

    cache.mkdir(parents=True, exist_ok=True)
    source = cache / f"synth-{n}.md"
    source.write_text(synth.generate(n, seed=0), encoding="utf-8")
    started = time.perf_counter()
    result = build([str(source)], validate=False, infer=False)
    write_atomic(target, to_ntriples(result.graph))
    print(f"built {n} entries in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    return target


def bench_graph(path: Path, label: str, repeat: int, timeout: float) -> None:
    import pyoxigraph as ox

    from mlsys_graph.query.sparql import execute, get_query, query_names, result_kind
    from mlsys_graph.query.store import open_store

    loads = []
    for _ in range(repeat):
        started = time.perf_counter()
        opened = open_store([path])
        loads.append(time.perf_counter() - started)
    ox_load = statistics.median(loads)
    worker = RdflibWorker(str(path))
    params = pick_parameters(opened.store)
    print(f"\n## {label}: {path.name}, {len(opened)} triples\n")
    print("| query | parameters | rows | rdflib | Oxigraph | rdflib / Oxigraph |")
    print("|---|---|---|---|---|---|")
    print(
        f"| (load) | | {worker.triples} | {worker.load_seconds * 1000:.0f} ms "
        f"| {ox_load * 1000:.0f} ms | {worker.load_seconds / ox_load:.1f}× |"
    )
    for name in query_names():
        query = get_query(name)
        values = {
            p.name: params[TAKES.get((name, p.name), p.name)]
            for p in query.parameters
            if TAKES.get((name, p.name), p.name) in params
        }
        if "year" in values and "venue" in values:
            del values["year"]  # the most common year need not be the venue's
        if any(p.name not in values for p in query.parameters if not p.optional):
            print(f"| {name} | (no value in this graph) | | | | |")
            continue
        kinds = {p.name: p for p in query.parameters}
        bindings = {
            k: ox.NamedNode(v.value) if kinds[k].iri else ox.Literal(v.value)
            for k, v in values.items()
        }
        times, rows = [], 0
        for _ in range(repeat):
            started = time.perf_counter()
            result = execute(opened, query.text, bindings)
            rows = len(list(result)) if result_kind(result) != "ask" else 1
            times.append(time.perf_counter() - started)
        ox_seconds = statistics.median(times)
        rdf_seconds, rdf_rows = worker.run(query.text, bindings, repeat, timeout)
        shown = ", ".join(f"{k}={v.value.rsplit('/', 1)[-1]}" for k, v in bindings.items())
        if rdf_seconds is None:
            rdf, ratio = f"> {timeout:.0f} s", f"> {timeout / ox_seconds:.0f}×"
        else:
            rdf, ratio = f"{rdf_seconds * 1000:.0f} ms", f"{rdf_seconds / ox_seconds:.0f}×"
        same = "" if rdf_rows in (None, rows) else f" (rdflib: {rdf_rows})"
        print(f"| {name} | {shown} | {rows}{same} | {rdf} | {ox_seconds * 1000:.1f} ms | {ratio} |")
        sys.stdout.flush()
    worker.close()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--graph", action="append", default=[], help="a .nt/.ttl graph file")
    parser.add_argument("--synth", type=int, action="append", default=[], help="entries")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/mlsys-graph-bench"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rdflib-timeout", type=float, default=120.0)
    parser.add_argument("--no-seed", action="store_true", help="skip the bundled graph")
    args = parser.parse_args()

    from mlsys_graph.pipeline import bundled_graph_path

    graphs = [] if args.no_seed else [(bundled_graph_path(), "seed (bundled graph)")]
    graphs += [(Path(g), Path(g).stem) for g in args.graph]
    graphs += [(synth_graph(n, args.cache), f"synthetic {n} entries") for n in args.synth]
    for path, label in graphs:
        bench_graph(path, label, args.repeat, args.rdflib_timeout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
