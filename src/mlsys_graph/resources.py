"""Where the bundled ``data/`` and ``ontology/`` folders live.

In a source checkout they are the top-level folders of the repository; in an
installed wheel they are package data under ``mlsys_graph/_bundled/``.

>>> (ontology_dir() / "mlsys.ttl").name
'mlsys.ttl'
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

__all__ = ["data_dir", "data_file", "ontology_dir", "ontology_file"]

_PACKAGE = Path(__file__).resolve().parent


@cache
def _bundled(name: str) -> Path:
    installed = _PACKAGE / "_bundled" / name
    if installed.is_dir():
        return installed
    checkout = _PACKAGE.parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(
        f"mlsys-graph cannot find its bundled '{name}/' folder (looked in {installed} and "
        f"{checkout}); reinstall the package"
    )


def data_dir() -> Path:
    """The folder holding the bundled catalogue and curated facts."""
    return _bundled("data")


def ontology_dir() -> Path:
    """The folder holding ``mlsys.ttl`` and ``shapes.ttl``."""
    return _bundled("ontology")


def data_file(name: str) -> Path:
    return data_dir() / name


def ontology_file(name: str) -> Path:
    return ontology_dir() / name
