"""Analytics speed, each step next to a baseline that does strictly less on the same graph.

    python bench/analytics.py                         # seed (bundled) and 1k
    python bench/analytics.py --sizes 10k,100k --repeat 1

Graphs: ``seed`` is the bundled graph (data/catalog.ttl); ``1k`` is built by the pipeline
from ``bench/synth.py 1000``; ``10k`` and ``100k`` are written by ``bench/synth_graph.py``
(N-Triples in the build's shapes: the build cannot reach these sizes yet).

Rows (median of ``--repeat`` runs, milliseconds, ratio = ours / baseline):

* facts     read_facts: one scan per relation + the claims query; baseline: the same
            scans touching each term, nothing kept
* entities  the entities view from the facts; baseline: nx.Graph of the same edge lists,
            no attributes, no sorting
* coauthor  the coauthor view (Newman weights, one pass over the works); baseline:
            networkx's ``bipartite.collaboration_weighted_projected_graph`` on the same
            people-works graph (same weights, no attributes); above 100k authorships,
            where that takes hours, the bare people-works graph
* lineage   the lineage view + tracing the entry with most descendants; baseline:
            nx.DiGraph of the claim pairs + nx.ancestors
* pagerank  on a view; baseline: degree centrality of the same view
* betweenness  on a view (exact up to 1,000 nodes, 100 seeded samples above); baseline:
            PageRank of the same view
* louvain   communities + modularity + labels on a view; baseline: PageRank of the view
* cli       ``mlsys-graph rank --kind person --top 10 -g FILE`` end to end; baseline:
            ``mlsys-graph --help`` (seed only)
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
#: Above this many authorships the coauthor baseline is the bare people-works graph.
NEWMAN_BASELINE_LIMIT = 100_000
sys.path.insert(0, str(ROOT))


def median_time(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def row(label: str, name: str, ours: float, base: float, note: str = "") -> None:
    print(
        f"{label:<6} {name:<22} {ours * 1000:10.1f} ms   baseline {base * 1000:9.1f} ms   "
        f"ratio {ours / base:7.2f}   {note}",
        flush=True,
    )


def graph_file(size: str, workdir: Path) -> Path:
    from mlsys_graph.pipeline import bundled_graph_path

    if size == "seed":
        return bundled_graph_path()
    n = int(size.removesuffix("k")) * 1000
    out = workdir / f"synth-{size}.nt"
    if out.exists():
        return out
    if size == "1k":
        from synth import generate

        from mlsys_graph.kg.store import to_ntriples
        from mlsys_graph.pipeline import build

        listing = workdir / "synth-1k.md"
        listing.write_text(generate(n), encoding="utf-8")
        started = time.perf_counter()
        result = build([str(listing)], validate=False)
        print(f"1k     build (pipeline, no validation) {time.perf_counter() - started:8.1f} s")
        out.write_text(to_ntriples(result.graph), encoding="utf-8")
    else:
        from synth_graph import write

        with out.open("w", encoding="utf-8") as handle:
            write(n, handle)
    return out


def plain_scan(store) -> int:
    import pyoxigraph as ox

    from mlsys_graph.network import facts as f

    touched = 0
    for cls in f.CLASS_KINDS:
        for quad in store.quads_for_pattern(
            None, ox.NamedNode(f.RDF_TYPE), ox.NamedNode(f.MLS + cls)
        ):
            touched += len(quad.subject.value)
    predicates = [f.RDFS_LABEL, f.DCT + "title", f.MLS + "shortName", f.MLS + "year",
                  f.FOAF_NAME, f.SKOS + "prefLabel", f.MLS + "acronym", f.MLS + "nameVariant",
                  f.MLS + "fullName", f.MLS + "githubSlug"]  # fmt: skip
    predicates += [p for p, _ in f.RELATIONS.values()]
    for predicate in predicates:
        for quad in store.quads_for_pattern(None, ox.NamedNode(predicate), None):
            touched += len(quad.subject.value) + len(quad.object.value)
    return touched + len(list(store.query(f._CLAIMS)))


def measure(size: str, path: Path, repeat: int, heavy: bool) -> None:
    import networkx as nx
    import pyoxigraph as ox

    from mlsys_graph.network.facts import read_facts
    from mlsys_graph.network.lineage import trace
    from mlsys_graph.network.metrics import (
        BETWEENNESS_EXACT_LIMIT,
        BETWEENNESS_SAMPLES,
        centrality,
        communities,
        topic_profile,
    )
    from mlsys_graph.network.project import coauthor_graph, entities_graph, lineage_graph

    store = ox.Store()
    fmt = ox.RdfFormat.TURTLE if path.suffix == ".ttl" else ox.RdfFormat.N_TRIPLES
    started = time.perf_counter()
    store.bulk_load(path=str(path), format=fmt)
    print(
        f"{size:<6} load {len(store):,} triples into pyoxigraph: {time.perf_counter() - started:.2f} s"
    )

    t, facts = median_time(lambda: read_facts(store), repeat)
    b, _ = median_time(lambda: plain_scan(store), repeat)
    row(size, "facts", t, b, f"{len(facts.nodes):,} nodes, {len(facts.claims):,} claims")

    def bare(edge_lists, directed=False):
        g = nx.DiGraph() if directed else nx.Graph()
        for pairs in edge_lists:
            g.add_edges_from(pairs)
        return g

    t, entities = median_time(lambda: entities_graph(facts), repeat)
    b, _ = median_time(lambda: bare(facts.edges.values()), repeat)
    row(size, "view entities", t, b, f"{entities.number_of_nodes():,} nodes, "
        f"{entities.number_of_edges():,} edges")  # fmt: skip

    def networkx_newman():
        from networkx.algorithms import bipartite

        g = bare([facts.edges["authored"]])
        people = sorted({p for p, _ in facts.edges["authored"]})
        return bipartite.collaboration_weighted_projected_graph(g, people)

    t, coauthor = median_time(lambda: coauthor_graph(facts), repeat)
    if len(facts.edges["authored"]) <= NEWMAN_BASELINE_LIMIT:
        b, _ = median_time(networkx_newman, 1)
        note = "vs networkx Newman"
    else:  # networkx's two-hop walk takes hours around prolific authors at this size
        b, _ = median_time(lambda: bare([facts.edges["authored"]]), repeat)
        note = "vs bare people-works graph"
    row(size, "view coauthor", t, b, f"{coauthor.number_of_nodes():,} nodes, "
        f"{coauthor.number_of_edges():,} edges, {note}")  # fmt: skip

    def lineage():
        g = lineage_graph(facts)
        if g.number_of_nodes() == 0:
            return g, None
        root = max(sorted(g), key=lambda n: g.in_degree(n))
        return g, trace(g, root)

    def lineage_bare():
        g = bare([[(c.subject, c.object) for c in facts.claims]], directed=True)
        return [nx.ancestors(g, n) for n in list(g)[:1]]

    t, (lin, _) = median_time(lineage, repeat)
    b, _ = median_time(lineage_bare, repeat)
    row(size, "lineage view + trace", t, b, f"{lin.number_of_edges():,} claims")

    for name, g in (("coauthor", coauthor), ("entities", entities)):
        t, _ = median_time(lambda g=g: centrality(g, "pagerank"), repeat)
        b, _ = median_time(lambda g=g: centrality(g, "degree"), repeat)
        row(size, f"pagerank {name}", t, b)
    for name, g in (("coauthor", coauthor), ("entities", entities)):
        if name == "entities" and not heavy:
            continue
        exact = (
            "exact"
            if g.number_of_nodes() <= BETWEENNESS_EXACT_LIMIT
            else (f"sampled k={BETWEENNESS_SAMPLES}")
        )
        t, _ = median_time(lambda g=g: centrality(g, "betweenness", seed=0), 1)
        b, _ = median_time(lambda g=g: centrality(g, "pagerank"), 1)
        row(size, f"betweenness {name}", t, b, exact)
    profile = topic_profile(entities)
    views = (("coauthor", coauthor), ("entities", entities)) if heavy else (("coauthor", coauthor),)
    for name, g in views:
        t, found = median_time(lambda g=g: communities(g, seed=0, topics=profile), 1)
        b, _ = median_time(lambda g=g: centrality(g, "pagerank"), 1)
        row(size, f"louvain {name}", t, b, f"{len(found.communities):,} communities, "
            f"modularity {found.modularity:.3f}")  # fmt: skip
    if size == "seed":
        cli = [sys.executable, "-m", "mlsys_graph"]
        t, _ = median_time(lambda: subprocess.run(
            [*cli, "rank", "--kind", "person", "--top", "10", "-g", str(path)],
            check=True, capture_output=True), repeat)  # fmt: skip
        b, _ = median_time(lambda: subprocess.run([*cli, "--help"], check=True,
                                                  capture_output=True), repeat)  # fmt: skip
        row(size, "cli rank (end to end)", t, b)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="seed,1k", help="comma-separated: seed,1k,10k,100k")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workdir", help="where generated graphs are kept (default: a temp dir)")
    parser.add_argument(
        "--light", action="store_true", help="skip betweenness and Louvain on the entities view"
    )
    args = parser.parse_args()
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="mlsys-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    for size in args.sizes.split(","):
        path = graph_file(size, workdir)
        measure(size, path, args.repeat, heavy=not args.light)


if __name__ == "__main__":
    main()
