"""ontology/ and data/ are found from an installed wheel, not only from the checkout."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from conftest import ROOT
from mlsys_graph.query import query_names


def test_wheel_carries_ontology_data_and_queries(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation",
         "-q", "-w", str(tmp_path)],
        check=True,
    )  # fmt: skip
    wheel = next(tmp_path.glob("mlsys_graph-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "site")
    for needed in (
        "mlsys_graph/_bundled/ontology/mlsys.ttl",
        "mlsys_graph/_bundled/ontology/shapes.ttl",
        "mlsys_graph/_bundled/data/catalog.ttl",
        "mlsys_graph/_bundled/data/venues.toml",
        "mlsys_graph/_bundled/data/people.ttl",
        *(f"mlsys_graph/query/queries/{name}.rq" for name in query_names()),
        "mlsys_graph/viz/templates/graph.html.j2",
        "mlsys_graph/viz/templates/page.js",
        "mlsys_graph/viz/templates/page.css",
    ):
        assert needed in names
    code = (
        "import mlsys_graph.resources as r, mlsys_graph.pipeline as p\n"
        "print(r.data_dir()); print(r.ontology_dir()); print(len(p.build().failures))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        cwd=tmp_path, env={"PYTHONPATH": str(tmp_path / "site"), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    data, ontology, failures = out.stdout.split()
    assert data.startswith(str(tmp_path / "site")) and ontology.startswith(str(tmp_path / "site"))
    assert failures == "0"
