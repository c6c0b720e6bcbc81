"""The notebooks (notebooks/): paired with their py:percent twins, committed without outputs,
run top to bottom on the bundled graph, figures drawn, and rendered to offline HTML.

Running them is part of the README's test command (``python -m pytest``): each notebook
runs once per session in a fresh ``python3`` kernel (nbclient, as nbmake does); a cell
error fails the test with the cell's traceback.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from conftest import ROOT

NOTEBOOKS = ROOT / "notebooks"
EXPECTED = ("author_clusters", "lineage_and_timeline", "topic_clusters")

nbformat = pytest.importorskip("nbformat", reason="pip install -e '.[dev]' (notebooks extra)")
jupytext = pytest.importorskip("jupytext", reason="pip install -e '.[dev]' (notebooks extra)")


def _tool():
    spec = importlib.util.spec_from_file_location(
        "render_notebooks", ROOT / "tools" / "render_notebooks.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


render_notebooks = _tool()
NAMES = sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb"))


def test_the_three_notebooks_are_there_each_with_its_pair():
    assert set(EXPECTED) <= set(NAMES)
    assert sorted(p.stem for p in NOTEBOOKS.glob("*.py")) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_pair_in_sync(name):
    """The .ipynb has exactly the cells of its py:percent twin (jupytext's own comparison)."""
    from jupytext.compare import compare_notebooks

    ipynb = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    percent = jupytext.read(NOTEBOOKS / f"{name}.py", fmt="py:percent")
    compare_notebooks(percent, ipynb, fmt="py:percent", allow_expected_differences=False)
    assert [(c.cell_type, c.source) for c in ipynb.cells] == [
        (c.cell_type, c.source) for c in percent.cells
    ]


@pytest.mark.parametrize("name", NAMES)
def test_committed_without_outputs_with_the_python3_kernel(name):
    raw = json.loads((NOTEBOOKS / f"{name}.ipynb").read_text(encoding="utf-8"))
    assert raw["metadata"]["kernelspec"]["name"] == "python3"
    assert raw["metadata"]["jupytext"]["formats"] == "ipynb,py:percent"
    for cell in raw["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, cell["source"]


@pytest.mark.parametrize("name", NAMES)
def test_figures_come_from_the_labelled_helpers(name):
    """Figures are made by mlsys_graph.plots, whose helpers refuse a missing title or axis
    label; a notebook that drew with matplotlib itself would bypass that."""
    source = (NOTEBOOKS / f"{name}.py").read_text(encoding="utf-8")
    assert not re.search(r"^\s*(import matplotlib|from matplotlib)", source, re.M)
    assert "plt." not in source


@pytest.fixture(scope="module")
def executed():
    """Each notebook run once (lazily) in a fresh kernel: name → notebook with outputs."""
    cache: dict = {}

    def run(name: str):
        if name not in cache:
            cache[name] = render_notebooks.execute(NOTEBOOKS / f"{name}.ipynb", timeout=600)
        return cache[name]

    return run


def _outputs(nb):
    for cell in nb.cells:
        if cell.cell_type == "code":
            yield cell, cell.get("outputs", [])


@pytest.mark.parametrize("name", NAMES)
def test_runs_top_to_bottom_and_draws_its_figures(executed, name):
    nb = executed(name)
    figures = 0
    for cell, outputs in _outputs(nb):
        assert not [o for o in outputs if o.output_type == "error"], cell.source
        images = sum("image/png" in o.get("data", {}) for o in outputs)
        if "plots." in cell.source:
            assert images == 1, f"the cell draws no figure, or several:\n{cell.source}"
        figures += images
        for o in outputs:
            if o.output_type == "stream" and o.name == "stderr":
                assert "Traceback" not in o.text and "Warning" not in o.text, o.text
    assert figures >= 2
    # Prose printed from the data: every Markdown(...) cell shows its text.
    for cell, outputs in _outputs(nb):
        if "Markdown(" in cell.source:
            shown = [o for o in outputs if "text/markdown" in o.get("data", {})]
            assert shown and all(o.data["text/markdown"].strip() for o in shown)


_REMOTE = re.compile(
    r"<(?:script|link|img|iframe|source|embed|object)\b[^>]*\b(?:src|href)\s*=\s*[\"']?"
    r"(?:https?:)?//",
    re.I,
)


@pytest.mark.parametrize("name", NAMES)
def test_renders_to_a_page_that_loads_nothing_from_the_network(executed, name):
    page = render_notebooks.to_html(executed(name), title=name)
    assert page.lstrip().lower().startswith("<!doctype html>")
    assert not _REMOTE.search(page), _REMOTE.search(page)[0]
    assert not re.search(r"@import|url\(\s*[\"']?(?:https?:)?//", page, re.I)
    for cdn in ("cdnjs", "jsdelivr", "unpkg", "mathjax.org", "require.min.js"):
        assert cdn not in page
    assert page.count('src="data:image/png;base64,') >= 2


def test_render_writes_pages_and_fails_on_a_cell_error(tmp_path):
    broken = tmp_path / "broken.ipynb"
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [nbformat.v4.new_code_cell("print('fine')"), nbformat.v4.new_code_cell("1 / 0")]
    nbformat.write(nb, broken)
    assert render_notebooks.main([str(broken), "-o", str(tmp_path / "out")]) == 1
    assert not (tmp_path / "out" / "broken.html").exists()
    nb.cells = nb.cells[:1]
    nbformat.write(nb, broken)
    assert render_notebooks.main([str(broken), "-o", str(tmp_path / "out")]) == 0
    page = (tmp_path / "out" / "broken.html").read_text(encoding="utf-8")
    assert "fine" in page
    # the notebook itself is left without outputs
    assert nbformat.read(broken, as_version=4).cells[0].outputs == []


def test_render_usage():
    with pytest.raises(SystemExit) as exit_:
        render_notebooks.main(["missing.ipynb", "-o", "x"])
    assert exit_.value.code == 2


def test_sources_listed_for_the_sdist():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "notebooks" in project["tool"]["hatch"]["build"]["targets"]["sdist"]["include"]
    extras = project["project"]["optional-dependencies"]
    assert any("notebooks" in dep for dep in extras["dev"])
    assert Path(ROOT / "tools" / "notebook_template" / "offline" / "index.html.j2").is_file()
