"""Regenerate ``src/mlsys_graph/kg/vocab.py`` from ``ontology/mlsys.ttl``.

Every ``mls:`` class and property declared in the ontology becomes one annotated attribute of
``MLS`` (an rdflib ``DefinedNamespace`` with ``_fail = True``, so ``MLS.typo`` raises), with its
label and comment as a ``#:`` comment. Output is deterministic (terms sorted by kind, then name)
and passes ``ruff check``.

Usage::

    python tools/gen_vocab.py            # rewrite src/mlsys_graph/kg/vocab.py
    python tools/gen_vocab.py --check    # exit 1 if vocab.py differs from the ontology
"""

from __future__ import annotations

import argparse
import keyword
import sys
import textwrap
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology" / "mlsys.ttl"
OUTPUT = ROOT / "src" / "mlsys_graph" / "kg" / "vocab.py"

NS = "https://w3id.org/mlsys-graph/ontology#"
ONTOLOGY_IRI = "https://w3id.org/mlsys-graph/ontology"
LINE_LENGTH = 100

#: (heading, rdf:type) in the order the groups appear in the generated class.
KINDS = (
    ("Classes", OWL.Class),
    ("Object properties", OWL.ObjectProperty),
    ("Datatype properties", OWL.DatatypeProperty),
    ("Annotation properties", OWL.AnnotationProperty),
)

HEADER = '''\
"""The mlsys-graph ontology as an rdflib namespace, and the other namespaces the graph uses.

Generated from ontology/mlsys.ttl by tools/gen_vocab.py: do not edit by hand. After changing
the ontology run ``python tools/gen_vocab.py`` (a test fails while the two differ).

``MLS`` only knows the terms the ontology declares, so a typo fails instead of minting a new IRI:

>>> MLS.Paper
rdflib.term.URIRef('https://w3id.org/mlsys-graph/ontology#Paper')
>>> MLS.papr
Traceback (most recent call last):
...
AttributeError: term 'papr' not in namespace 'https://w3id.org/mlsys-graph/ontology#'
"""

from rdflib import URIRef
from rdflib import namespace as _rdflib_namespace
from rdflib.namespace import (
    DCTERMS,
    DOAP,
    FOAF,
    OWL,
    PROV,
    RDF,
    RDFS,
    SKOS,
    Namespace,
)

__all__ = [
    "BIBO",
    "CITO",
    "DCTERMS",
    "DOAP",
    "FABIO",
    "FOAF",
    "MLS",
    "MLSH",
    "MLSID",
    "ONTOLOGY_IRI",
    "OWL",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SKOS",
]

#: schema.org, with the ``http:`` namespace IRI that the ontology aligns with (rdflib's ``SDO``
#: uses ``https:``).
SCHEMA = Namespace("http://schema.org/")
#: CiTO, the Citation Typing Ontology (``cito:extends``, ``cito:usesMethodIn``).
CITO = Namespace("http://purl.org/spar/cito/")
#: FaBiO, the FRBR-aligned Bibliographic Ontology (``fabio:ResearchPaper``).
FABIO = Namespace("http://purl.org/spar/fabio/")
#: The Bibliographic Ontology (``bibo:doi``).
BIBO = Namespace("http://purl.org/ontology/bibo/")
#: The SHACL shapes of ``ontology/shapes.ttl``.
MLSH = Namespace("https://w3id.org/mlsys-graph/shapes#")
#: Where the graph's own nodes live (``MLSID["paper/crankshaw2017-clipper"]``).
MLSID = Namespace("https://w3id.org/mlsys-graph/id/")
#: The IRI of the ontology itself.
ONTOLOGY_IRI = URIRef("{ontology_iri}")

# DCTERMS, DOAP, FOAF, OWL, PROV, RDF, RDFS and SKOS are rdflib's own namespaces, re-exported
# so that the graph's code can import every namespace from here. rdflib's XSD is not: unlike
# the others it warns (instead of failing) on unknown names, which pytest's collection
# triggers; import it from rdflib.


# The base class is reached through its module: a DefinedNamespace class at module level warns
# when pytest's fixture collection probes it.
class MLS(_rdflib_namespace.DefinedNamespace):
    """The mlsys-graph ontology (``mls:``), version {version}.

    Generated from ontology/mlsys.ttl by tools/gen_vocab.py.
    """

    _NS = Namespace("{namespace}")
    _fail = True
'''


def _text(graph: Graph, term: URIRef, predicate: URIRef) -> str:
    values = sorted(
        (v for v in graph.objects(term, predicate) if isinstance(v, Literal)),
        key=lambda v: (v.language not in (None, "en"), str(v)),
    )
    return " ".join(str(values[0]).split()) if values else ""


def collect_terms(graph: Graph) -> list[tuple[str, str, str, str]]:
    """(kind heading, local name, label, comment) of every ``mls:`` term, in output order."""
    terms: dict[str, tuple[int, str, str, str]] = {}
    for order, (heading, kind) in enumerate(KINDS):
        for term in graph.subjects(RDF.type, kind):
            if not isinstance(term, URIRef) or not str(term).startswith(NS):
                continue
            name = str(term)[len(NS) :]
            if not name.isidentifier() or keyword.iskeyword(name) or name.startswith("_"):
                raise ValueError(f"{term}: not usable as a Python attribute name")
            if name not in terms:
                label = _text(graph, term, RDFS.label)
                comment = _text(graph, term, RDFS.comment)
                terms[name] = (order, heading, label, comment)
    ordered = sorted(terms.items(), key=lambda item: (item[1][0], item[0]))
    return [(heading, name, label, comment) for name, (_, heading, label, comment) in ordered]


def render(graph: Graph) -> str:
    """The text of ``vocab.py`` for the ontology in ``graph``."""
    version = graph.value(URIRef(ONTOLOGY_IRI), OWL.versionInfo)
    out = [
        HEADER.replace("{ontology_iri}", ONTOLOGY_IRI)
        .replace("{version}", str(version) if version is not None else "unknown")
        .replace("{namespace}", NS)
    ]
    heading = None
    for kind, name, label, comment in collect_terms(graph):
        if kind != heading:
            heading = kind
            out.append(f"\n    # {kind}\n")
        doc = f"{label}: {comment}" if label and comment else label or comment
        if doc:
            for line in textwrap.wrap(
                doc,
                width=LINE_LENGTH,
                initial_indent="    #: ",
                subsequent_indent="    #: ",
                break_on_hyphens=False,
            ):
                out.append(line + "\n")
        out.append(f"    {name}: URIRef\n")
    return "".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ontology", type=Path, default=ONTOLOGY, help="default: %(default)s")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="default: %(default)s")
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if the output file is out of date"
    )
    args = parser.parse_args(argv)

    text = render(Graph().parse(args.ontology, format="turtle"))
    current = args.output.read_text(encoding="utf-8") if args.output.exists() else None
    if args.check:
        if current != text:
            print(f"{args.output} is out of date: run python tools/gen_vocab.py", file=sys.stderr)
            return 1
        return 0
    if current != text:
        args.output.write_text(text, encoding="utf-8")
        print(f"wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
