"""Parse time per layout (issue 11): a synthetic list of N entries in each layout family,
timed against markdown-it tokenising the same text (tables enabled), at N and 4N to show
the cost grows linearly.

    python bench/layouts.py               # 2,000 and 8,000 entries, median of 3
    python bench/layouts.py -n 2000 --repeat 5

Layouts: ``table`` (a DefTruth-style ``|Date|Title|Paper|Code|`` table with star badges),
``badge-table`` (title cells with a venue badge, the title link and ``<br>`` authors),
``heading-papers`` (``#### Title`` + ``**Authors:**``/``**Link:**`` field bullets),
``venue-tags`` (``- [OSDI'24] [Title](url)`` bullets, some with a child bullet and a
``| Venue`` suffix), ``seed`` (bench/synth.py, the seed's style). All text is invented and
deterministic (no randomness).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

VENUES = ("OSDI", "SOSP", "NSDI", "EuroSys", "ATC", "MLSys", "ASPLOS", "VLDB", "ICML", "SC")
WORDS = (
    "Serving", "Batching", "Kernels", "Caches", "Pipelines", "Scheduling", "Sharding",
    "Quantization", "Offloading", "Speculation", "Compilers", "Clusters", "Checkpoints",
)  # fmt: skip
PEOPLE = ("Ada Quill", "Bo Lind", "Cy Tran", "Dee Park", "Eli Moss", "Fay Ortiz", "Gus Hale")


def _title(i: int) -> tuple[str, str]:
    name = "Sys" + "".join(chr(97 + (i // 26**k) % 26) for k in range(3))
    a, b = WORDS[i % len(WORDS)], WORDS[(i * 7 + 3) % len(WORDS)]
    return name, f"{name.capitalize()}: {a} and {b} at Scale"


def _venue(i: int) -> tuple[str, int]:
    return VENUES[i % len(VENUES)], 2015 + i % 11


def _authors(i: int) -> str:
    k = 1 + i % 4
    return ", ".join(PEOPLE[(i + j) % len(PEOPLE)] for j in range(k))


def table(n: int) -> str:
    out = ["## Serving", "", "|Date|Title|Paper|Code|Recom|", "|:---:|:---:|:---:|:---:|:---:|"]
    for i in range(n):
        name, title = _title(i)
        _, year = _venue(i)
        out.append(
            f"|{year}.{1 + i % 12:02d}|[{name}] {title}(@Acme Lab{i % 9} etc)|"
            f"[[pdf]](https://arxiv.org/pdf/{year % 100:02d}{1 + i % 12:02d}.{i:05d}.pdf)|"
            f"[[{name}]](https://github.com/acme/{name}) "
            f"![](https://img.shields.io/github/stars/acme/{name}.svg?style=social)|⭐️ |"
        )
    return "\n".join(out) + "\n"


def badge_table(n: int) -> str:
    out = ["## Quantization", "", "| Title & Authors | Introduction | Links |", "|:--|:--:|:--:|"]
    for i in range(n):
        _, title = _title(i)
        venue, year = _venue(i)
        out.append(
            f"|![Publish](https://img.shields.io/badge/Conference-{venue}'{year % 100:02d}-blue)"
            f" <br>[{title}](https://arxiv.org/abs/{year % 100:02d}01.{i:05d}) <br> "
            f"{_authors(i)} | Does things |[Paper](https://arxiv.org/pdf/2101.{i:05d})|"
        )
    return "\n".join(out) + "\n"


def heading_papers(n: int) -> str:
    out = ["## Papers"]
    for i in range(n):
        _, title = _title(i)
        venue, year = _venue(i)
        if i % 50 == 0:
            out += ["", f"### {year}"]
        out += [
            "",
            f"#### {title}",
            f"- **Authors:** {_authors(i)}",
            f"- **Venue:** {venue} {year}",
            f"- **Link:** [PDF](https://example.org/p/{i}.pdf)",
            "- **Summary:** Makes a system faster.",
        ]
    return "\n".join(out) + "\n"


def venue_tags(n: int) -> str:
    out = ["## Systems"]
    for i in range(n):
        _, title = _title(i)
        venue, year = _venue(i)
        if i % 3 == 0:
            out.append(f"- [{venue}'{year % 100:02d}] [{title}](https://example.org/p/{i}.pdf)")
            out.append(f"  - [arxiv version](https://arxiv.org/abs/2101.{i:05d})")
        elif i % 3 == 1:
            out.append(f"- [{title}](https://example.org/p/{i}.pdf) | {venue}'{year % 100:02d}")
        else:
            out.append(f"- [Survey] [{venue} {year}] {title} [[pdf]](https://example.org/{i}.pdf)")
    return "\n".join(out) + "\n"


def seed_style(n: int) -> str:
    sys.path.insert(0, str(Path(__file__).parent))
    from synth import generate

    return generate(n, seed=0)


LAYOUTS = {
    "table": table,
    "badge-table": badge_table,
    "heading-papers": heading_papers,
    "venue-tags": venue_tags,
    "seed": seed_style,
}


def median_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("-n", type=int, default=2000, help="entries (default 2000)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scale", type=int, default=4, help="the larger list is n x scale")
    args = parser.parse_args(argv)

    from mlsys_graph.ingest import parse_text
    from mlsys_graph.ingest.parser import parser as md_parser

    md = md_parser()
    print(
        f"{'layout':<16} {'entries':>8} {'parse s':>8} {'md-it s':>8} {'ratio':>6}  x{args.scale}"
    )
    for name, make in LAYOUTS.items():
        ratios = []
        for n in (args.n, args.n * args.scale):
            text = make(n)
            found = len(parse_text(text).entries)
            ours = median_time(lambda t=text: parse_text(t), args.repeat)
            base = median_time(lambda t=text: md.parse(t), args.repeat)
            ratios.append(ours / base)
            if n == args.n:
                line = f"{name:<16} {found:>8} {ours:8.3f} {base:8.3f} {ours / base:6.1f}"
        print(f"{line}  {ratios[1]:5.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
