"""The one orchestration shared by the CLI and the notebooks: lists → records → catalog → graph.

>>> from mlsys_graph.pipeline import build
>>> result = build()                      # the bundled data
>>> result.failures
[]
>>> len(result.graph) > 1000
True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .model import Entry, Problem

if TYPE_CHECKING:  # pragma: no cover
    from rdflib import Graph

    from .kg.validate import Violation
    from .resolve.catalog import Catalog

__all__ = ["BUNDLE", "Build", "build", "bundle_text", "class_counts"]

#: The bundled knowledge of the seed list, as produced by :func:`bundle_text`.
BUNDLE = "catalog.ttl"


@dataclass(frozen=True)
class Build:
    """Everything one build produced."""

    graph: Graph
    violations: list[Violation]
    entries: tuple[Entry, ...] = ()
    problems: tuple[Problem, ...] = ()
    catalog: Catalog | None = None
    sources: tuple[str, ...] = field(default=())

    @property
    def failures(self) -> list[Violation]:
        """SHACL results of severity Violation: the graph does not conform (warnings do not count)."""
        return [v for v in self.violations if v.severity == "Violation"]


def bundled_graph_path() -> Path:
    from .resources import data_file

    return data_file(BUNDLE)


def build(
    paths: Sequence[str] | None = None,
    *,
    include_summaries: bool = True,
    validate: bool = True,
    infer: bool = True,
    repository: str | None = None,
    version: str | None = None,
    license: str | None = None,
    list_id: str | None = None,
    people_curation=None,
    topics=None,
    curated_lineage=None,
    stdin=None,
) -> Build:
    """Build the knowledge graph of the given lists, or of the bundled data when none are given.

    ``repository``, ``version`` and ``license`` describe the given lists in provenance;
    ``list_id`` names them (see :func:`~mlsys_graph.resolve.catalog.load_documents`).
    """
    from .kg.validate import validate as run_validation

    if not paths:
        from .kg.store import load_graph

        graph = load_graph(bundled_graph_path())
        return Build(graph, run_validation(graph) if validate else [])
    from .ingest import parse_sources
    from .ingest.sources import read_sources
    from .kg.build import build_graph
    from .resolve.catalog import load_documents, resolve

    sources = read_sources(paths, stdin=stdin)
    parsed = parse_sources(sources)
    documents = load_documents(sources, list_id=list_id)
    overrides = {
        k: v
        for k, v in (("repository", repository), ("version", version), ("license", license))
        if v
    }
    if overrides:
        documents = {p: replace(d, **overrides) for p, d in documents.items()}
    catalog = resolve(
        parsed.entries,
        documents=documents,
        people_curation=people_curation,
        topics=topics,
        curated_lineage=curated_lineage,
        infer=infer,
    )
    graph = build_graph(catalog, include_summaries=include_summaries)
    violations = run_validation(graph) if validate else []
    return Build(
        graph,
        violations,
        parsed.entries,
        parsed.problems + catalog.problems,
        catalog,
        tuple(s.path for s in sources),
    )


def bundle_text(seed: str | Path) -> str:
    """The Turtle of ``data/catalog.ttl``: the seed list's facts (no summaries' full text)."""
    from .kg.store import to_turtle

    result = build([str(seed)], include_summaries=False, validate=False)
    return to_turtle(result.graph)


def class_counts(graph: Graph) -> dict[str, int]:
    """Number of nodes per ``mls:`` class."""
    from rdflib.namespace import RDF

    from .kg.vocab import MLS

    counts: dict[str, int] = {}
    for _s, _p, o in graph.triples((None, RDF.type, None)):
        if str(o).startswith(str(MLS)):
            name = str(o).removeprefix(str(MLS))
            counts[name] = counts.get(name, 0) + 1
    return dict(sorted(counts.items()))
