"""The bundled shapes compiled once per machine, not once per build.

Compiling ``ontology/shapes.ttl`` takes about a second, most of it rdflib parsing the
SPARQL-based constraints (pyparsing) to check they are safe to run once for all focus
nodes (:mod:`.sparql`): a third of a build of the seed list. The queries depend only on the
shapes' bytes, on this package's compiler and on the versions of Python, rdflib and
pyoxigraph, so they are kept in the user's cache folder under a key of all of these and
read back (a few milliseconds) by the next build.

The folder is ``$MLSYS_GRAPH_CACHE`` when set (empty: no cache), else
``$XDG_CACHE_HOME/mlsys-graph`` or ``~/.cache/mlsys-graph``. A file that cannot be read
(missing, truncated, from another version) is compiled again and replaced; a folder that
cannot be written is no error (the queries are compiled each time). Writing a new file
deletes all but the :data:`KEEP` most recently written ones. The files are pickles:
they are read only from the user's own cache folder, under the name the key gives.

>>> import tempfile
>>> made = []
>>> def compile():
...     made.append(1)
...     return ["the queries"]
>>> with tempfile.TemporaryDirectory() as folder:
...     first = cached_queries(b"shapes", True, compile, folder=folder)
...     again = cached_queries(b"shapes", True, compile, folder=folder)
>>> first == again == ["the queries"], len(made)
(True, 1)
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path

__all__ = ["CACHE_ENV", "KEEP", "cache_folder", "cache_key", "cached_queries"]

#: The environment variable that names the cache folder (empty: no cache).
CACHE_ENV = "MLSYS_GRAPH_CACHE"
_UNSET = object()


def cache_folder() -> Path | None:
    """Where compiled shapes are kept (None: nowhere)."""
    named = os.environ.get(CACHE_ENV)
    if named is not None:
        return Path(named) if named else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mlsys-graph"


def cache_key(shapes: bytes, subclasses: bool) -> str:
    """A name for the queries of ``shapes``: changes with the shapes, the flag, any source
    file of this package's compiler and the versions of Python, rdflib and pyoxigraph."""
    import pyoxigraph
    import rdflib

    digest = hashlib.sha256()
    for part in (
        shapes,
        b"subclasses" if subclasses else b"types",
        sys.version.encode(),
        rdflib.__version__.encode(),
        pyoxigraph.__version__.encode(),
    ):
        digest.update(len(part).to_bytes(8, "big") + part)
    here = Path(__file__).parent
    for source in sorted([*here.glob("*.py"), here.parent / "validate.py"]):
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()[:32]


def cached_queries(
    shapes: bytes, subclasses: bool, compile: Callable[[], list], *, folder=_UNSET
) -> list:
    """``compile()``'s queries of ``shapes``, read from the cache when they are there, and
    put there when they were not (``folder``: the cache folder, default
    :func:`cache_folder`; None: no cache)."""
    folder = cache_folder() if folder is _UNSET else folder
    if folder is None:
        return compile()
    path = Path(folder) / f"shapes-{cache_key(shapes, subclasses)}.pickle"
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except Exception:  # missing, truncated or stale (any unpickling error): compiled again
        pass
    queries = compile()
    _store(path, queries)
    return queries


def _store(path: Path, queries: list) -> None:
    """Write the queries atomically (a reader never sees half a file); an OS error is
    no error: the next build compiles again."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as handle:
            pickle.dump(queries, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError):
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        return
    _prune(path.parent, keep=KEEP)


#: How many compiled files the cache folder keeps (the most recently written): a new key
#: comes with each change of the shapes, of the compiler or of a library version.
KEEP = 8


def _prune(folder: Path, keep: int) -> None:
    """Delete all but the ``keep`` newest ``shapes-*.pickle`` files of ``folder`` (by the
    time they were written); a file that cannot be deleted is left."""
    with contextlib.suppress(OSError):
        found = []
        for entry in os.scandir(folder):
            if entry.name.startswith("shapes-") and entry.name.endswith(".pickle"):
                with contextlib.suppress(OSError):
                    found.append((entry.stat().st_mtime_ns, entry.name))
        for _, name in sorted(found, reverse=True)[keep:]:
            with contextlib.suppress(OSError):
                (folder / name).unlink()
