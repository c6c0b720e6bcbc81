"""Regenerate ``data/catalog.ttl`` (the bundled knowledge of the seed list) from the seed.

    python tools/regen_data.py [SEED.md]

SEED defaults to ../shared/seeds/awesome-system-for-ml-2019.md. The output holds facts
(titles, names, authors, venues, years, links, topics, lineage with its matched phrase),
not the summaries' full text. tests/kg/test_bundle.py fails while the file is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mlsys_graph.kg.store import write_atomic
from mlsys_graph.pipeline import BUNDLE, bundle_text

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEED = ROOT.parent / "shared" / "seeds" / "awesome-system-for-ml-2019.md"


def main(argv: list[str]) -> int:
    seed = Path(argv[0]) if argv else DEFAULT_SEED
    if not seed.is_file():
        print(f"{seed}: no such file", file=sys.stderr)
        return 1
    target = ROOT / "data" / BUNDLE
    write_atomic(target, bundle_text(seed))
    print(f"wrote {target.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
