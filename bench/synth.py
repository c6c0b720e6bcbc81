"""A deterministic synthetic awesome list in the seed list's style, for measuring scale.

    python bench/synth.py 10000 > /tmp/synth-10k.md      # 10,000 entries, seed 0
    python bench/synth.py 100000 --seed 3 -o /tmp/synth-100k.md

What it writes, like the 2019 list: ``##`` sections and ``###`` subsections (a topic per
section), paper bullets ``- Name: Title [[Paper]](url) [[GitHub]](url)`` with a nested author
line in the list's several styles (``Family, Given, et al. (*NSDI 2017*)``, ``Given Family,
Given Family, and Given Family. (*ICML 18*)``, initials ``G. Family``) and a ``Summary:``
line, some of which state lineage (``update version of X``, ``successor of X``, ``built on
top of X``, ``using X``) naming an earlier entry; software bullets ``- Name: description
[[GitHub]](url)``; a few books, videos and blogs.

Authors follow a Zipf law over a fixed pool of people (a few write many papers), each
written in one of their name variants; venues are written with their aliases and typos
("NIPS", "NeurIPS", "OptML"); some arXiv ids and titles repeat across sections (the same
paper listed twice). Nothing here is random without ``seed``: the same (n, seed) gives the
same bytes.

>>> text = generate(20, seed=1)
>>> text == generate(20, seed=1)
True
>>> sum(1 for line in text.splitlines() if line.startswith("- "))
20
"""

from __future__ import annotations

import argparse
import bisect
import random
import sys
from pathlib import Path

__all__ = ["generate"]

GIVEN = [
    "Ada",
    "Alan",
    "Bo",
    "Chen",
    "Dana",
    "Elif",
    "Farah",
    "Gita",
    "Hao",
    "Ines",
    "Jun",
    "Kai",
    "Lena",
    "Mei",
    "Nora",
    "Omar",
    "Priya",
    "Qiang",
    "Rui",
    "Sara",
    "Tomas",
    "Uma",
    "Vera",
    "Wei",
    "Xin",
    "Yara",
    "Zhen",
    "Ana",
    "Ben",
    "Carla",
    "Dmitri",
    "Eva",
    "Felix",
    "Goran",
    "Hana",
    "Ivan",
]
FAMILY = [
    "Zhang",
    "Wang",
    "Li",
    "Liu",
    "Chen",
    "Yang",
    "Huang",
    "Zhao",
    "Wu",
    "Zhou",
    "Xu",
    "Sun",
    "Ma",
    "Zhu",
    "Hu",
    "Guo",
    "He",
    "Lin",
    "Gao",
    "Luo",
    "Smith",
    "Johnson",
    "Brown",
    "Garcia",
    "Miller",
    "Davis",
    "Rodriguez",
    "Martinez",
    "Lopez",
    "Wilson",
    "Anderson",
    "Thomas",
    "Taylor",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Perez",
    "Thompson",
    "White",
    "Harris",
    "Sanchez",
    "Clark",
    "Ramirez",
    "Lewis",
    "Robinson",
    "Walker",
    "Young",
    "Allen",
    "King",
    "Wright",
    "Scott",
    "Torres",
    "Nguyen",
    "Hill",
    "Flores",
    "Green",
    "Adams",
    "Nelson",
    "Baker",
    "Hall",
    "Rivera",
    "Campbell",
    "Mitchell",
    "Carter",
    "Roberts",
    "Kumar",
    "Singh",
    "Patel",
    "Shah",
    "Gupta",
    "Iyer",
    "Rao",
    "Okafor",
    "Mensah",
    "Haddad",
    "Novak",
    "Horvat",
    "Kowalski",
    "Nowak",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Schulz",
    "Rossi",
    "Russo",
    "Ferrari",
    "Esposito",
    "Bianchi",
    "Romano",
    "Silva",
    "Santos",
    "Oliveira",
    "Souza",
    "Costa",
    "Pereira",
]
#: (what the list writes, canonical acronym): aliases and a typo, as real lists have them.
VENUES = (
    ("NSDI", "NSDI"), ("OSDI", "OSDI"), ("SOSP", "SOSP"), ("EuroSys", "EuroSys"),
    ("ATC", "ATC"), ("SoCC", "SoCC"), ("SysML", "SysML"), ("MLSys", "MLSys"),
    ("NIPS", "NeurIPS"), ("NeurIPS", "NeurIPS"), ("ICML", "ICML"), ("ICLR", "ICLR"),
    ("KDD", "KDD"), ("VLDB", "VLDB"), ("SIGMOD", "SIGMOD"), ("ASPLOS", "ASPLOS"),
    ("ISCA", "ISCA"), ("MICRO", "MICRO"), ("HPCA", "HPCA"), ("SC", "SC"), ("OpML", "OpML"),
    ("OptML", "OpML"), ("arXiv", "arXiv"), ("Preprint", "Preprint"),
)  # fmt: skip
SECTIONS = (
    ("Model Serving", ("Inference", "Serving Systems")),
    ("Training", ("Parallelism", "Multi-jobs on cluster")),
    ("Deep Learning Compiler", ("Operators", "Graph Optimisation")),
    ("Data Processing", ("Pipelines", "Feature Stores")),
    ("Machine Learning Infrastructure", ("Schedulers", "Storage")),
    ("AutoML System", ("Hyper-parameter Search", "Neural Architecture Search")),
    ("Edge AI", ("Mobile", "IoT")),
    ("Video System", ("Analytics", "Streaming")),
)
WORDS = [
    "Efficient",
    "Scalable",
    "Adaptive",
    "Elastic",
    "Distributed",
    "Low-Latency",
    "Fast",
    "Transparent",
    "Robust",
    "Heterogeneous",
    "Dynamic",
    "Learned",
    "Unified",
    "Declarative",
    "Incremental",
    "Approximate",
    "Secure",
    "Sparse",
    "Federated",
    "Online",
    "Speculative",
    "Hierarchical",
    "Memory-Efficient",
    "Cost-Aware",
    "Fair",
    "Predictable",
]
NOUNS = [
    "Serving",
    "Training",
    "Scheduling",
    "Inference",
    "Compilation",
    "Placement",
    "Batching",
    "Caching",
    "Pipelines",
    "Checkpointing",
    "Partitioning",
    "Autoscaling",
    "Profiling",
    "Quantization",
    "Sharding",
    "Replication",
    "Aggregation",
    "Preprocessing",
    "Search",
    "Tuning",
    "Monitoring",
    "Debugging",
    "Allocation",
    "Streaming",
]
OBJECTS = [
    "Deep Neural Networks",
    "Machine Learning Models",
    "GPU Clusters",
    "Large Language Models",
    "Recommendation Models",
    "Graph Neural Networks",
    "Video Analytics",
    "Edge Devices",
    "Transformer Models",
    "Reinforcement Learning",
    "Tensor Programs",
    "Data Pipelines",
]
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ra",
    "ten",
    "vo",
    "xi",
    "zu",
    "pe",
    "dra",
    "fen",
    "gor",
    "hul",
    "ix",
    "jan",
    "kel",
    "mor",
    "nex",
    "pra",
    "quo",
    "sil",
    "tor",
    "ul",
    "vyn",
    "wex",
    "yo",
    "zar",
]
LINEAGE = (
    "update version of {}", "successor of {}", "extends {}", "built on top of {}",
    "based on {}", "using {}", "follow-up to {}",
)  # fmt: skip


class _Zipf:
    """Draws indices 0..n-1 with probability proportional to 1 / (rank + 1) ** s."""

    def __init__(self, n: int, s: float, rng: random.Random) -> None:
        self.rng = rng
        total = 0.0
        self.cumulative = []
        for rank in range(n):
            total += 1.0 / (rank + 1) ** s
            self.cumulative.append(total)

    def draw(self) -> int:
        return bisect.bisect_left(self.cumulative, self.rng.random() * self.cumulative[-1])


def _person_pool(n: int, rng: random.Random) -> list[tuple[str, str]]:
    people = set()
    while len(people) < n:
        given = rng.choice(GIVEN)
        if rng.random() < 0.3:
            given += "-" + rng.choice(GIVEN).lower()
        people.add((given, rng.choice(FAMILY)))
    return sorted(people)


def _written(given: str, family: str, style: int, first: bool, rng: random.Random) -> str:
    """One author as the list writes them, in the style of the whole author line."""
    if style == 0:  # "Family, Given" for the first author, "Given Family" after
        return f"{family}, {given}" if first else f"{given} {family}"
    if style == 1 and rng.random() < 0.5:  # initials
        return f"{given[0]}. {family}"
    return f"{given} {family}"


def _author_line(authors: list[tuple[str, str]], rng: random.Random) -> str:
    style = rng.randrange(3)
    truncated = len(authors) > 2 and rng.random() < 0.4
    shown = authors[:1] if truncated and style == 0 else authors
    names = [_written(g, f, style, i == 0, rng) for i, (g, f) in enumerate(shown)]
    if truncated:
        return ", ".join(names) + ", et al."
    if len(names) > 1:
        return ", ".join(names[:-1]) + ", and " + names[-1] + "."
    return names[0] + "."


def _name(rng: random.Random, used: set[str]) -> str:
    for attempt in range(1000):
        parts = rng.randint(2, 3) if attempt < 20 else rng.randint(3, 5)
        name = "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()
        if rng.random() < 0.2:
            name = name[:2].upper() + name[2:]
        if name not in used:
            used.add(name)
            return name
    raise RuntimeError("no unused name left")  # pragma: no cover - 27**5 names


def generate(n: int, seed: int = 0) -> str:
    """A list of ``n`` top-level entries (papers ~70 %, software ~22 %, other resources)."""
    rng = random.Random(seed)
    people = _person_pool(max(50, n // 3), rng)
    zipf = _Zipf(len(people), 1.1, rng)
    used_names: set[str] = set()
    earlier: list[tuple[str, int, tuple[str, ...]]] = []  # papers so far: name, year, lines
    lines = ["# Awesome Synthetic Systems for ML", "", "A generated list for benchmarks.", ""]
    per_section = max(1, n // (len(SECTIONS) * 2))
    written = 0
    block = 0
    while written < n:
        section, subsections = SECTIONS[block % len(SECTIONS)]
        lines += [
            f"## {section}" + (f" {block // len(SECTIONS) + 1}" if block >= len(SECTIONS) else ""),
            "",
        ]
        for sub in subsections:
            lines += [f"### {sub}"]
            for _ in range(per_section):
                if written >= n:
                    break
                lines += _entry(rng, zipf, people, used_names, earlier)
                written += 1
            lines.append("")
        block += 1
    return "\n".join(lines) + "\n"


def _entry(rng, zipf, people, used_names, earlier) -> list[str]:
    roll = rng.random()
    if earlier and roll < 0.01:  # the same paper listed again in another section
        return list(earlier[rng.randrange(len(earlier))][2])
    name = _name(rng, used_names)
    title = f"{rng.choice(WORDS)} {rng.choice(NOUNS)} for {rng.choice(OBJECTS)}"
    slug = name.lower()
    if roll < 0.22:
        return [
            f"- {name}: {title.lower().capitalize()} [[GitHub]](https://github.com/{slug}-org/{slug})"
        ]
    if roll < 0.26:
        kind = rng.choice(("Book", "Video", "Blog"))
        host = {
            "Book": "books.example.org",
            "Video": "youtube.com/watch?v=",
            "Blog": "blog.example.org",
        }[kind]
        return [f"- {title} [[{kind}]](https://{host}/{slug})"]
    year = rng.randint(2012, 2024)
    written, canonical = rng.choice(VENUES)
    year_text = str(year) if rng.random() < 0.7 else str(year)[2:]
    count = rng.randint(1, 7)
    authors = []
    while len(authors) < count:
        person = people[zipf.draw()]
        if person not in authors:
            authors.append(person)
    arxiv = f"{year % 100:02d}{rng.randint(1, 12):02d}.{len(used_names):05d}"  # unique
    links = f"[[Paper]](https://arxiv.org/pdf/{arxiv}.pdf)"
    if rng.random() < 0.4:
        links += f" [[GitHub]](https://github.com/{slug}-lab/{slug})"
    out = [f"- {name}: {title} {links}"]
    venue = (
        f"(*{written} {year_text}*)" if canonical not in ("arXiv", "Preprint") else f"(*{written}*)"
    )
    out.append(f"  - {_author_line(authors, rng)} {venue}")
    if earlier and rng.random() < 0.15:
        target = earlier[rng.randrange(max(0, len(earlier) - 200), len(earlier))][0]
        out.append("  - Summary: " + rng.choice(LINEAGE).format(target) + ".")
    elif rng.random() < 0.5:
        out.append(
            f"  - Summary: {rng.choice(WORDS).lower()} {rng.choice(NOUNS).lower()} with {rng.choice(OBJECTS).lower()}."
        )
    earlier.append((name, year, tuple(out[:2])))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of top-level entries")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-o", "--output", help="file to write (default: standard output)")
    args = parser.parse_args(argv)
    text = generate(args.n, seed=args.seed)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
