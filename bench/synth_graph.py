"""A deterministic synthetic *graph* (N-Triples) in the shapes ``mlsys-graph build`` writes.

    python bench/synth_graph.py 100000 -o /tmp/synth-100k.nt      # 100,000 entries, seed 0

For measuring the analytics at sizes the build cannot reach yet (today a 10k-entry list
takes long to build and 100k does not finish). It draws the same things as
``bench/synth.py`` (the same person pool of n/3 people with Zipf authorship, 1-7 authors a
paper, ~70 % papers, ~22 % software, ~4 % books/videos/blogs, the same sections, venues and
15 % of papers stating lineage to a recent earlier paper) and writes them straight as
triples of the ontology: every entry with its types, label, title, short name, source
record (line, section, source text), links, authorships (position, name as written),
topics, venue and year, repository and the system it describes; people with names and
variants; lineage as reified ``mls:LineageClaim`` nodes with phrase and evidence plus the
direct ``mls:extends`` triple. About 60-75 triples per entry, close to the built graph's.
No name resolution happens (each person is already one node), so it measures the
analytics, not the build. Same (n, seed), same bytes.

>>> text = generate(30, seed=1)
>>> text == generate(30, seed=1)
True
>>> "<https://w3id.org/mlsys-graph/ontology#LineageClaim>" in text
True
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from synth import LINEAGE, NOUNS, OBJECTS, SECTIONS, VENUES, WORDS, _name, _person_pool, _Zipf

__all__ = ["generate", "write"]

ID = "https://w3id.org/mlsys-graph/id/"
MLS = "https://w3id.org/mlsys-graph/ontology#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
TITLE = "<http://purl.org/dc/terms/title>"
SUBJECT = "<http://purl.org/dc/terms/subject>"
CREATOR = "<http://purl.org/dc/terms/creator>"
FOAF_NAME = "<http://xmlns.com/foaf/0.1/name>"
SCHEMA = "http://schema.org/"
PREF = "<http://www.w3.org/2004/02/skos/core#prefLabel>"
BROADER = "<http://www.w3.org/2004/02/skos/core#broader>"
XSD = "http://www.w3.org/2001/XMLSchema#"
ENTRY_TYPES = {
    "paper": ("Paper", "Entry"),
    "software": ("SoftwareProject", "Entry"),
    "book": ("Book", "Entry"),
    "video": ("Video", "Entry"),
    "blog": ("Blog", "Entry"),
}


def _i(path: str) -> str:
    return f"<{ID}{path}>"


def _m(term: str) -> str:
    return f"<{MLS}{term}>"


def _lit(text: str, datatype: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"' + (f"^^<{XSD}{datatype}>" if datatype else "")


def _slug(text: str) -> str:
    return "-".join("".join(c for c in w if c.isalnum()) for w in text.lower().split())


def write(n: int, out, seed: int = 0) -> int:
    """Write the graph of ``n`` entries to the text stream ``out``; return the triple count."""
    rng = random.Random(seed)
    people = _person_pool(max(50, n // 3), rng)
    zipf = _Zipf(len(people), 1.1, rng)
    used: set[str] = set()
    count = 0

    def t(s: str, p: str, o: str) -> None:
        nonlocal count
        out.write(f"{s} {p} {o} .\n")
        count += 1

    doc = _i("source/synthetic")
    t(doc, RDF_TYPE, _m("SourceDocument"))
    t(doc, _m("filePath"), _lit("README.md"))
    topics = []
    for section, subs in SECTIONS:
        top = _i(f"topic/{_slug(section)}")
        t(top, RDF_TYPE, _m("Topic"))
        t(top, PREF, _lit(section))
        t(top, LABEL, _lit(section))
        for sub in subs:
            node = _i(f"topic/{_slug(section)}-{_slug(sub)}")
            t(node, RDF_TYPE, _m("Topic"))
            t(node, PREF, _lit(sub))
            t(node, LABEL, _lit(sub))
            t(node, BROADER, top)
            topics.append((node, section))
    for acronym in sorted({v for _, v in VENUES}):
        node = _i(f"venue/{_slug(acronym)}")
        t(node, RDF_TYPE, _m("Venue"))
        t(node, RDF_TYPE, _m("Conference"))
        t(node, LABEL, _lit(acronym))
        t(node, _m("acronym"), _lit(acronym))
    for given, family in people:
        node = _i(f"person/{_slug(given)}-{_slug(family)}")
        for cls in (_m("Person"), "<http://xmlns.com/foaf/0.1/Person>", f"<{SCHEMA}Person>"):
            t(node, RDF_TYPE, cls)
        t(node, LABEL, _lit(f"{given} {family}"))
        t(node, FOAF_NAME, _lit(f"{given} {family}"))
        t(node, f"<{SCHEMA}name>", _lit(f"{given} {family}"))
        t(node, _m("nameVariant"), _lit(f"{given[0]}. {family}"))
        t(node, _m("derivedBy"), _i("rule/author-line"))

    earlier: list[tuple[str, str]] = []
    line = 5
    for index in range(n):
        name = _name(rng, used)
        title = f"{name}: {rng.choice(WORDS)} {rng.choice(NOUNS)} for {rng.choice(OBJECTS)}"
        roll = rng.random()
        kind = "paper" if roll >= 0.26 else "software" if roll < 0.22 else rng.choice(
            ("book", "video", "blog")
        )  # fmt: skip
        entry = _i(f"{kind}/{_slug(name)}")
        topic, section = topics[(index // max(1, n // (len(topics) * 2))) % len(topics)]
        for cls in ENTRY_TYPES[kind]:
            t(entry, RDF_TYPE, _m(cls))
        t(entry, LABEL, _lit(title))
        t(entry, TITLE, _lit(title))
        t(entry, _m("shortName"), _lit(name))
        t(entry, SUBJECT, topic)
        t(entry, _m("derivedBy"), _i("rule/markdown-entry"))
        record = _i(f"source/synthetic/L{line}")
        t(entry, _m("sourceRecord"), record)
        t(record, RDF_TYPE, _m("SourceRecord"))
        t(record, _m("line"), _lit(str(line), "positiveInteger"))
        t(record, _m("endLine"), _lit(str(line + 2), "positiveInteger"))
        t(record, _m("inDocument"), doc)
        t(record, _m("section"), _lit(section))
        t(record, _m("sourceText"), _lit(f"- {title} [[Paper]](https://example.org/{index})"))
        link = _i(f"{kind}/{_slug(name)}/link/1")
        t(entry, _m("link"), link)
        t(link, RDF_TYPE, _m("Link"))
        t(link, _m("position"), _lit("1", "positiveInteger"))
        t(link, _m("url"), _lit(f"https://example.org/{index}", "anyURI"))
        if kind in ("paper", "software"):
            system = _i(f"system/{_slug(name)}")
            t(system, RDF_TYPE, _m("System"))
            t(system, LABEL, _lit(name))
            t(system, _m("shortName"), _lit(name))
            t(entry, _m("describes"), system)
            if kind == "software" or rng.random() < 0.4:
                repo = _i(f"repo/{_slug(name)}-lab/{_slug(name)}")
                t(repo, RDF_TYPE, _m("Repository"))
                t(repo, LABEL, _lit(f"{_slug(name)}-lab/{_slug(name)}"))
                t(repo, _m("githubSlug"), _lit(f"{_slug(name)}-lab/{_slug(name)}"))
                t(repo, _m("implements"), system)
                t(entry, _m("codeRepository"), repo)
                t(entry, f"<{SCHEMA}codeRepository>", repo)
        if kind == "paper":
            year = rng.randint(2012, 2024)
            _, venue = rng.choice(VENUES)
            t(entry, _m("publishedIn"), _i(f"venue/{_slug(venue)}"))
            t(entry, _m("venueAsWritten"), _lit(f"{venue} {year}"))
            t(entry, _m("year"), _lit(str(year), "gYear"))
            authors: list[tuple[str, str]] = []
            for _ in range(rng.randint(1, 7)):
                person = people[zipf.draw()]
                if person not in authors:
                    authors.append(person)
            for position, (given, family) in enumerate(authors, 1):
                person = _i(f"person/{_slug(given)}-{_slug(family)}")
                qualified = _i(f"paper/{_slug(name)}/author/{position}")
                t(entry, _m("author"), person)
                t(entry, CREATOR, person)
                t(entry, _m("authorship"), qualified)
                t(qualified, RDF_TYPE, _m("Authorship"))
                t(qualified, _m("person"), person)
                t(qualified, _m("position"), _lit(str(position), "positiveInteger"))
                t(qualified, _m("nameAsWritten"), _lit(f"{given} {family}"))
            if earlier and rng.random() < 0.15:
                target_name, target = earlier[
                    rng.randrange(max(0, len(earlier) - 200), len(earlier))
                ]
                phrase = rng.choice(LINEAGE).format(target_name)
                claim = _i(f"claim/{_slug(name)}--extends--{target.split('/')[-1][:-1]}")
                evidence = _i(f"source/synthetic/L{line + 2}")
                t(claim, RDF_TYPE, _m("LineageClaim"))
                t(claim, _m("claimSubject"), entry)
                t(claim, _m("claimRelation"), _m("extends"))
                t(claim, _m("claimObject"), target)
                t(claim, _m("strength"), _lit("stated"))
                t(claim, _m("matchedPhrase"), _lit(phrase))
                t(claim, _m("evidence"), evidence)
                t(evidence, RDF_TYPE, _m("SourceRecord"))
                t(evidence, _m("line"), _lit(str(line + 2), "positiveInteger"))
                t(evidence, _m("inDocument"), doc)
                t(entry, _m("extends"), target)
            earlier.append((name, entry))
        line += 3
    return count


def generate(n: int, seed: int = 0) -> str:
    """The N-Triples text of :func:`write`."""
    import io

    buffer = io.StringIO()
    write(n, buffer, seed)
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of entries")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-o", "--output", required=True, help="the .nt file to write")
    args = parser.parse_args(argv)
    with Path(args.output).open("w", encoding="utf-8") as out:
        count = write(args.n, out, args.seed)
    print(f"{count} triples → {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
