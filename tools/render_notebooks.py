"""Run the notebooks and write each, with its outputs, as an HTML page that opens offline.

    python tools/render_notebooks.py -o out/notebooks          # every notebooks/*.ipynb
    python tools/render_notebooks.py -o DIR notebooks/author_clusters.ipynb

Each notebook runs top to bottom in a fresh ``python3`` kernel (ipykernel's, installed by
``pip install -e ".[dev]"``) from its own folder; a cell that fails stops the run with the
cell's error and the exit status 1. The pages go to ``DIR/NAME.html`` (written
atomically); the committed ``.ipynb`` files are never changed (they stay without outputs).

nbconvert's ``lab`` template loads require.js, MathJax and mermaid from CDNs; the page is
made with ``tools/notebook_template/offline``, which extends ``lab`` with those blocks
left out (its CSS is inlined by nbconvert), so it loads nothing from the network. TeX in
markdown cells shows as its source. The interactive graphs are self-contained
``<iframe srcdoc>`` pages (``mlsys_graph.viz``).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
TEMPLATES = Path(__file__).resolve().parent / "notebook_template"
#: The kernel every notebook names (and the one ipykernel installs in the environment).
KERNEL = "python3"
#: matplotlib's inline backend (Agg underneath): figures become PNG outputs, no display.
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"


def notebooks() -> list[Path]:
    """The committed notebooks, sorted."""
    return sorted(NOTEBOOKS.glob("*.ipynb"))


def execute(path: Path, *, timeout: int = 600):
    """The notebook at ``path`` run top to bottom (an ``nbformat`` notebook with outputs).

    Raises ``nbclient.exceptions.CellExecutionError`` when a cell fails.
    """
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        kernel_name=KERNEL,
        timeout=timeout,
        resources={"metadata": {"path": str(path.parent)}},
    )
    env = {**os.environ, "MPLBACKEND": INLINE_BACKEND, "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
    client.execute(env=env)
    return nb


def to_html(nb, *, title: str | None = None) -> str:
    """An executed notebook as one HTML page that loads nothing from the network."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="offline", extra_template_basedirs=[str(TEMPLATES)])
    resources = {"metadata": {"name": title or "notebook"}}
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    return body


def render(paths: list[Path], out: Path) -> list[Path]:
    """Run and write each notebook as ``out/NAME.html``; the pages written."""
    from mlsys_graph.kg.store import write_atomic

    out.mkdir(parents=True, exist_ok=True)
    written = []
    for path in paths:
        page = out / f"{path.stem}.html"
        write_atomic(page, to_html(execute(path), title=path.stem.replace("_", " ")))
        print(f"{path} -> {page}", file=sys.stderr)
        written.append(page)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: notebooks/*.ipynb")
    parser.add_argument("-o", "--output", type=Path, required=True, help="folder of the pages")
    args = parser.parse_args(argv)
    paths = args.notebooks or notebooks()
    missing = [p for p in paths if not p.is_file()]
    if missing:
        parser.error(f"no such notebook: {missing[0]}")
    from nbclient.exceptions import CellExecutionError

    try:
        render(paths, args.output)
    except CellExecutionError as exc:
        print(f"error: a cell failed:\n{exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
