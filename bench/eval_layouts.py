"""How well the parser reads a list, judged against a hand annotation of a sample of it.

    python bench/eval_layouts.py LIST.md ANNOTATION.tsv [LIST.md ANNOTATION.tsv ...]

The annotation is written by a person who read the list, never by the parser: one entry per
line, tab-separated, ``#`` lines are comments::

    line  kind  venue  year  authors  title

``line`` is the 1-based line of the entry (a table row's line, a bullet's first line);
``kind`` one of the record kinds, or ``-`` for a line that must give no entry at all (a
statistics table row, a note under a paper); ``venue`` the acronym as the list states it
(empty when the list states none); ``year`` the year the list states; ``authors`` the names
in order, ``;``-separated, with a trailing ``+`` when the list cuts them short ("et al.");
``title`` the title as a reader would cite it.

For each list it prints the entries found (an entry at the annotated line), per-field
accuracy over the entries found (title, kind, authors, venue, year), the lines that should
give no entry but did, and false merges: two annotated entries with different titles that
the "listed twice" rule (:mod:`mlsys_graph.ingest.duplicates`) would merge into one node.
The lists and annotations stay outside the repository (other maintainers' lists).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

FIELDS = ("title", "kind", "authors", "venue", "year")


def fold(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    text = text.translate(
        str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
    )
    return " ".join(text.casefold().split()).strip(" .:")


def read_annotation(path: Path) -> list[dict]:
    rows = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        parts = raw.split("\t")
        parts += [""] * (6 - len(parts))
        line, kind, venue, year, authors, title = parts[:6]
        names = [n.strip() for n in authors.split(";") if n.strip()]
        truncated = bool(names) and names[-1].endswith("+")
        if truncated:
            names[-1] = names[-1][:-1].strip()
        rows.append(
            {
                "at": f"{path.name}:{number}",
                "line": int(line),
                "kind": kind.strip(),
                "venue": venue.strip() or None,
                "year": int(year) if year.strip() else None,
                "authors": names,
                "truncated": truncated,
                "title": title.strip(),
            }
        )
    return rows


def same_venue(got: str | None, want: str | None, table) -> bool:
    from mlsys_graph.ingest.venues import alias_key

    if not got or not want:
        return not got and not want
    if alias_key(got) == alias_key(want):
        return True
    a, b = table.lookup(got), table.lookup(want)
    return a is not None and a is b


def name_key(name: str) -> str:
    return re.sub(r"[\W_]+", "", fold(name))


def judge(entry, want: dict, table) -> dict[str, bool]:
    return {
        "title": fold(entry.title) == fold(want["title"]),
        "kind": entry.kind == want["kind"],
        "authors": [name_key(n) for n in entry.authors] == [name_key(n) for n in want["authors"]]
        and (not want["authors"] or entry.authors_truncated == want["truncated"]),
        "venue": same_venue(entry.venue, want["venue"], table),
        "year": entry.year == want["year"],
    }


def evaluate(list_path: Path, annotation: Path, verbose: bool) -> dict:
    from mlsys_graph.ingest import parse_paths
    from mlsys_graph.ingest.duplicates import duplicate_groups
    from mlsys_graph.ingest.venues import default_table

    table = default_table()
    result = parse_paths([str(list_path)])
    by_line = {}
    for entry in result.entries:
        by_line.setdefault(entry.line, entry)
    wanted = read_annotation(annotation)
    entries = [w for w in wanted if w["kind"] != "-"]
    not_entries = [w for w in wanted if w["kind"] == "-"]
    found = [(w, by_line[w["line"]]) for w in entries if w["line"] in by_line]
    correct = dict.fromkeys(FIELDS, 0)
    mistakes: list[str] = []
    for want, entry in found:
        verdict = judge(entry, want, table)
        for field, ok in verdict.items():
            correct[field] += ok
            if not ok:
                got = {
                    "title": entry.title,
                    "kind": entry.kind,
                    "authors": list(entry.authors) + (["+"] if entry.authors_truncated else []),
                    "venue": entry.venue,
                    "year": entry.year,
                }[field]
                shown = (
                    want[field]
                    if field != "authors"
                    else want["authors"] + (["+"] if want["truncated"] else [])
                )
                mistakes.append(f"  L{want['line']} {field}: got {got!r}, want {shown!r}")
    missing = [w["line"] for w in entries if w["line"] not in by_line]
    extra = [w["line"] for w in not_entries if w["line"] in by_line]
    index = {id(entry): want for want, entry in found}
    false_merges = []
    for group in duplicate_groups(list(result.entries)):
        titles = {
            fold(index[id(result.entries[i])]["title"])
            for i in group
            if id(result.entries[i]) in index
        }
        if len(titles) > 1:
            false_merges.append([result.entries[i].line for i in group])
    report = {
        "list": list_path.name,
        "entries_parsed": len(result.entries),
        "annotated": len(entries),
        "found": len(found),
        "found_ratio": round(len(found) / len(entries), 3) if entries else None,
        "accuracy": {f: round(correct[f] / len(found), 3) if found else None for f in FIELDS},
        "missing_lines": missing,
        "non_entries_read": extra,
        "false_merges": false_merges,
    }
    if verbose and mistakes:
        print(f"{list_path.name}: field mistakes", file=sys.stderr)
        print("\n".join(mistakes), file=sys.stderr)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("pairs", nargs="+", help="LIST.md ANNOTATION.tsv, repeated")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every mistake")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    args = parser.parse_args(argv)
    if len(args.pairs) % 2:
        parser.error("give LIST.md ANNOTATION.tsv pairs")
    reports = [
        evaluate(Path(args.pairs[i]), Path(args.pairs[i + 1]), args.verbose)
        for i in range(0, len(args.pairs), 2)
    ]
    if args.format == "json":
        print(json.dumps(reports, indent=2))
        return 0
    print(f"{'list':<24} {'found':>9}  " + "  ".join(f"{f:>7}" for f in FIELDS) + "  merges")
    for r in reports:
        acc = "  ".join(
            f"{r['accuracy'][f]:7.3f}" if r["accuracy"][f] is not None else "      -"
            for f in FIELDS
        )
        print(
            f"{r['list']:<24} {r['found']:>3}/{r['annotated']:<3}"
            f"{'':2}{acc}  {len(r['false_merges'])}"
        )
        if r["missing_lines"]:
            print(f"  missing lines: {r['missing_lines']}")
        if r["non_entries_read"]:
            print(f"  read as entries, should not be: {r['non_entries_read']}")
        for group in r["false_merges"]:
            print(f"  false merge: lines {group}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
