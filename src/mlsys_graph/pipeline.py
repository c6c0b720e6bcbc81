"""The one orchestration shared by the CLI and the notebooks: lists → records → catalog → graph.

>>> from mlsys_graph.pipeline import build
>>> result = build()                      # the bundled data
>>> result.failures
[]
>>> len(result.triples) > 1000
True
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .model import Entry, Problem

if TYPE_CHECKING:  # pragma: no cover
    import threading

    import pyoxigraph
    from rdflib import Graph

    from .kg.triples import Triples
    from .kg.validate import Violation
    from .progress import Progress
    from .resolve.catalog import Catalog

__all__ = [
    "BUNDLE",
    "Build",
    "Validation",
    "build",
    "bundle_text",
    "class_counts",
    "validate_triples",
    "write_validated",
]

#: The bundled knowledge of the seed list, as produced by :func:`bundle_text`.
BUNDLE = "catalog.ttl"


@dataclass(frozen=True)
class Build:
    """Everything one build produced.

    ``triples`` is the graph as built (lean, what the writers stream); ``graph`` is the same
    as an rdflib ``Graph``, made on first use (about 1 KB per triple: fine for a list of a
    few thousand entries, not for a hundred thousand).
    """

    triples: Triples
    violations: list[Violation]
    entries: tuple[Entry, ...] = ()
    problems: tuple[Problem, ...] = ()
    catalog: Catalog | None = None
    sources: tuple[str, ...] = field(default=())

    @cached_property
    def graph(self) -> Graph:
        """The graph as an rdflib ``Graph``."""
        return self.triples.to_graph()

    @property
    def failures(self) -> list[Violation]:
        """SHACL results of severity Violation: the graph does not conform (warnings do not count)."""
        return [v for v in self.violations if v.severity == "Violation"]


def bundled_graph_path() -> Path:
    from .resources import data_file

    return data_file(BUNDLE)


def validate_triples(triples: Triples, *, graph: Graph | None = None) -> list[Violation]:
    """SHACL violations of built triples: the one place the pipeline validates.

    The Oxigraph engine (:func:`~mlsys_graph.kg.validate.validate_store`) on a store loaded
    straight from the triples' N-Triples (:func:`~mlsys_graph.kg.oxi.store_from_triples`,
    keeping derived datatypes): no rdflib Graph. ``graph`` is accepted for callers that hold
    one already; the triples are what is checked.
    """
    from .kg.oxi import store_from_triples
    from .kg.store import available_cpus
    from .kg.validate import validate_store

    return validate_store(store_from_triples(triples), workers=available_cpus())


#: Above this many triples ``write_validated`` checks the graph in slices (two stores of
#: about 60% of the triples each, one after the other) instead of one store of all of it:
#: an in-memory store takes about 350 bytes a triple, which at 10 million triples is more
#: than the rest of the build. Below it, one store is faster and the memory is no matter:
#: measured with the page, 3.2 M triples (30k entries) took 72 s and 1.6 GB in one store
#: against 89 s and 1.3-1.6 GB in slices, 5.9 M (56k) 135 s and 2.8 GB in one store;
#: 10.7 M (100k) took 5.0 GB in one store and 3.9 GB in slices.
SLICED_MIN_TRIPLES = 6_000_000
#: How many slices a sliced validation uses (each holds ``rdf:type``, about a fifth of a
#: graph, so more slices save little more).
SLICES = 2
#: Slices are used only when each holds less than this share of the triples.
SLICE_MAX_SHARE = 0.85


class Validation:
    """SHACL validation of a written N-Triples file on a thread of its own.

    :meth:`start` loads the file (one that :func:`~mlsys_graph.kg.store.write_ntriples`
    wrote: its IRIs are not checked again) into an in-memory pyoxigraph store (streaming,
    derived datatypes kept: :func:`~mlsys_graph.kg.oxi.load_ntriples_file`) and runs the
    compiled shapes on it (:func:`~mlsys_graph.kg.validate.validate_store`) while the caller
    goes on; Oxigraph works without holding Python's lock, so the caller's own work
    (writing the other files) runs beside it on another CPU. Once :attr:`loaded` is set,
    :attr:`store` holds the loaded graph (None if the load failed): the caller may read it
    (a page, through :mod:`mlsys_graph.kg.oxi`) while the shapes are checked. :meth:`wait`
    returns the results, or raises what the thread raised.

    With a ``plan`` (:func:`~mlsys_graph.kg.shacl.reads.plan_slices` over ``queries``, the
    compiled shapes), the graph is checked in slices: :meth:`start` is also given one file
    per slice (the triples of its predicates), and each is loaded, checked with its queries
    and let go before the next: :attr:`whole` is false and :attr:`store` stays None.
    """

    def __init__(self, *, workers: int | None = None, plan=None, queries=None) -> None:
        import threading

        self.workers = workers
        self.plan, self.queries = plan, queries
        self.whole = plan is None  # does the store hold the whole graph?
        self.store = None
        self.loaded = threading.Event()
        self._thread = None
        self._outcome: list | BaseException | None = None

    def start(
        self, ntriples: Path, complete: threading.Event | None = None, parts: Sequence[Path] = ()
    ) -> None:
        """Begin validating the N-Triples file ``ntriples`` (with a plan, its slices
        ``parts``); with ``complete``, the files are still being written (see
        :func:`~mlsys_graph.kg.oxi.load_ntriples_file`)."""
        import threading

        if self.plan is not None and len(parts) != len(self.plan):
            raise ValueError(f"{len(self.plan)} slices planned, {len(parts)} files given")
        self._thread = threading.Thread(
            target=self._run,
            args=(ntriples, complete, list(parts)),
            name="mlsys-graph-shacl",
            daemon=True,
        )
        self._thread.start()

    def _run(self, ntriples: Path, complete, parts: list[Path]) -> None:
        import pyoxigraph as ox

        from .kg.oxi import load_ntriples_file
        from .kg.shacl.engine import run_queries
        from .kg.store import available_cpus
        from .kg.validate import sort_violations, validate_store

        workers = self.workers or available_cpus()
        try:
            # written by write_ntriples, whose terms were checked: no need to check again
            if self.plan is None:
                self.store = load_ntriples_file(
                    ox.Store(), ntriples, complete=complete, lenient=True
                )
                self.loaded.set()
                self._outcome = validate_store(self.store, workers=workers)
                return
            found: set = set()
            for part, piece in zip(parts, self.plan, strict=True):
                store = load_ntriples_file(ox.Store(), part, complete=complete, lenient=True)
                queries = [self.queries[g] for g in piece.groups]
                found.update(run_queries(store, queries, workers=workers))
                del store  # let the slice go before the next one is loaded
            self._outcome = sort_violations(found)
        except BaseException as exc:  # handed to the caller by wait()
            self._outcome = exc
        finally:
            self.loaded.set()

    def wait(self) -> list[Violation]:
        """Every SHACL result (violations, warnings, infos), once the thread is done."""
        if self._thread is None:
            raise RuntimeError("the validation was not started")
        self._thread.join()
        if isinstance(self._outcome, BaseException):
            raise self._outcome
        return self._outcome or []


def _sliced(triples: Triples) -> tuple[Validation, list[frozenset[str]]]:
    """A :class:`Validation` that checks ``triples`` in slices (the queries of the bundled
    shapes grouped by what they read) and the slices' predicate sets, in the order they
    are loaded. When one slice would hold nearly the whole graph
    (:data:`SLICE_MAX_SHARE`), slicing saves little memory and costs a second load: then
    one store, as for a small graph."""
    from .kg.shacl.reads import RDFS_SUBCLASS, plan_slices, query_predicates
    from .kg.validate import bundled_queries

    counts = triples.predicate_counts()
    queries = bundled_queries(subclasses=RDFS_SUBCLASS in counts)
    groups = [query_predicates(q) for q in queries]
    plan = plan_slices(groups, counts, SLICES)
    biggest = max(sum(counts.get(p, 0) for p in piece.predicates) for piece in plan)
    if len(plan) < 2 or biggest >= SLICE_MAX_SHARE * len(triples):
        return Validation(), []
    return Validation(plan=plan, queries=queries), [piece.predicates for piece in plan]


def write_validated(
    triples: Triples,
    directory: Path | str,
    *,
    validate: bool = True,
    pages: Mapping[str, Callable[[pyoxigraph.Store | Triples], str]] | None = None,
    progress: Progress | None = None,
) -> tuple[list[Path], list[Violation], pyoxigraph.Store | None]:
    """Write a build's files as a set (:func:`~mlsys_graph.kg.store.write_outputs`),
    validating them at the same time; what ``mlsys-graph build`` does.

    The N-Triples file is written first; a :class:`Validation` on another thread loads it
    as it is written and checks it while the Turtle and JSON-LD are rendered. A graph that does not
    conform raises :class:`~mlsys_graph.errors.ValidationFailed` (with every result) and
    nothing is moved into ``directory``: the previous set stays whole. ``pages`` are more
    files of the same set, such as the HTML page: file name → a function of the graph
    that returns the text, written only if the graph conforms. The graph they are given
    is the store the validation loaded when it holds the whole graph (they are drawn while
    the shapes are checked), else ``triples`` themselves (drawn once the slices are
    checked and let go, so that a slice and a page are never in memory at once);
    :func:`mlsys_graph.viz.page.draw` takes either, and draws the same page.

    A graph of :data:`SLICED_MIN_TRIPLES` or more is checked in slices, to bound memory
    (:class:`Validation`), when each slice is well below the whole graph; no store is
    returned then (None).

    Returns the paths written, the SHACL results (warnings and infos: the graph conforms)
    and the store the validation loaded.
    """
    from .errors import ValidationFailed
    from .kg.build import PREFIXES
    from .kg.store import write_outputs

    slices: list = []
    validation = None
    if validate:  # the validation loads the N-Triples without checking terms again
        triples.check_iris(strict=True)
        if len(triples) >= SLICED_MIN_TRIPLES:
            validation, slices = _sliced(triples)
        else:
            validation = Validation()
    results: list[Violation] = []
    texts: dict[str, str] = {}

    def draw() -> None:  # the pages, from the whole store as soon as it is loaded
        graph: pyoxigraph.Store | Triples | None = triples
        if validation is not None and validation.whole:
            validation.loaded.wait()
            graph = validation.store  # None: the load failed, and wait() says why
        if graph is not None:
            texts.update((name, render(graph)) for name, render in (pages or {}).items())

    def drawn() -> None:
        if progress is not None:
            progress.stage("drawing the page")
        draw()
        if progress is not None:
            progress.done()

    def check(_ntriples: Path) -> None:
        if validation is None:
            return
        if pages and validation.whole:  # while the shapes are checked; dropped if it fails
            drawn()
        if progress is not None:
            progress.stage("validating (SHACL)")
        results.extend(validation.wait())
        if progress is not None:
            progress.done()
        failures = [v for v in results if v.severity == "Violation"]
        if failures:
            raise ValidationFailed(results)
        if pages and not validation.whole:  # once the slices are let go: memory comes first
            drawn()

    def text(name: str) -> Callable[[], str]:
        def get() -> str:
            if not texts:
                draw()
            return texts[name]

        return get

    extra = {name: text(name) for name in pages or {}}
    written = write_outputs(
        triples,
        Path(directory),
        PREFIXES,
        check=check,
        progress=progress,
        extra=extra,
        on_ntriples=validation.start if validation is not None else None,
        slices=slices,
        # the Turtle and JSON-LD in forked processes, so that this one draws the pages as
        # soon as the store is loaded; but not when memory is what matters (a sliced
        # graph): the forks' copied pages would count twice
        workers=1 if slices else 3,
    )
    return written, results, validation.store if validation is not None else None


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
    keep_records: bool = True,
    progress: Progress | None = None,
) -> Build:
    """Build the knowledge graph of the given lists, or of the bundled data when none are given.

    ``repository``, ``version`` and ``license`` describe the given lists in provenance;
    ``list_id`` names them (see :func:`~mlsys_graph.resolve.catalog.load_documents`).
    Stages: read and parse the lists, resolve the entries into a catalog, build the triples,
    validate them (``validate=False`` skips it). ``keep_records=False`` leaves the entries and
    the catalog out of the result (and out of memory before validation): what the CLI does
    at scale. ``progress`` (:mod:`mlsys_graph.progress`) is told each stage.
    """
    if not paths:
        from .kg.store import load_graph
        from .kg.triples import Triples

        graph = load_graph(bundled_graph_path())
        triples = Triples.from_graph(graph)
        result = Build(triples, validate_triples(triples, graph=graph) if validate else [])
        result.__dict__["graph"] = graph  # made already
        return result
    from .bulk import gc_paused

    with gc_paused():
        return _build(
            paths,
            include_summaries=include_summaries,
            validate=validate,
            infer=infer,
            overrides={
                k: v
                for k, v in (("repository", repository), ("version", version), ("license", license))
                if v
            },
            people_curation=people_curation,
            topics=topics,
            curated_lineage=curated_lineage,
            list_id=list_id,
            stdin=stdin,
            keep_records=keep_records,
            progress=progress,
        )


def _build(
    paths: Sequence[str],
    *,
    include_summaries: bool,
    validate: bool,
    infer: bool,
    overrides: dict[str, str],
    people_curation,
    topics,
    curated_lineage,
    list_id: str | None,
    stdin,
    keep_records: bool,
    progress: Progress | None,
) -> Build:
    from .ingest import parse_sources
    from .ingest.sources import read_sources
    from .kg.build import build_triples
    from .resolve.catalog import load_documents, resolve

    if progress is not None:
        progress.stage("reading lists")
    sources = read_sources(paths, stdin=stdin)
    parsed = parse_sources(sources, progress=progress)
    documents = load_documents(sources, list_id=list_id)
    if "license" in overrides:
        _check_license(overrides["license"])
    if overrides:
        documents = {p: replace(d, **overrides) for p, d in documents.items()}
    if progress is not None:
        progress.stage("resolving")
    catalog = resolve(
        parsed.entries,
        documents=documents,
        people_curation=people_curation,
        topics=topics,
        curated_lineage=curated_lineage,
        infer=infer,
    )
    triples = build_triples(catalog, include_summaries=include_summaries, progress=progress)
    problems = parsed.problems + catalog.problems
    entries = parsed.entries if keep_records else ()
    names = tuple(s.path for s in sources)
    del sources, parsed
    if not keep_records:
        catalog = None
    violations = []
    if validate:
        if progress is not None:
            progress.stage("validating (SHACL)")
        violations = validate_triples(triples)
    if progress is not None:
        progress.done()
    return Build(triples, violations, entries, problems, catalog, names)


def _check_license(value: str) -> None:
    from .errors import InputError
    from .kg.build import license_iri
    from .kg.triples import check_iri

    try:
        check_iri(license_iri(value))
    except ValueError as exc:
        raise InputError("--list-license", None, str(exc)) from None


def bundle_text(seed: str | Path) -> str:
    """The Turtle of ``data/catalog.ttl``: the seed list's facts (no summaries' full text)."""
    from .kg.store import to_turtle

    result = build([str(seed)], include_summaries=False, validate=False)
    return to_turtle(result.triples)


def class_counts(graph: Graph | Triples) -> dict[str, int]:
    """Number of nodes per ``mls:`` class."""
    from .kg.triples import Triples
    from .kg.vocab import MLS

    mls = str(MLS)
    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    triples = graph if isinstance(graph, Triples) else Triples.from_graph(graph)
    counts: dict[str, int] = {}
    for _s, o in triples.objects(rdf_type):
        if type(o) is str and o.startswith(mls):
            name = o.removeprefix(mls)
            counts[name] = counts.get(name, 0) + 1
    return dict(sorted(counts.items()))
