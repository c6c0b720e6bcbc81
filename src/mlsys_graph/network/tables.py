"""Results as pandas DataFrames, for notebooks (pandas is the optional ``analysis`` extra).

>>> from mlsys_graph.network.project import coauthor_graph
>>> from mlsys_graph.network.metrics import rank
>>> from mlsys_graph.network.testing import tiny_facts
>>> frame = to_frame(rank(coauthor_graph(tiny_facts()), "degree"))
>>> list(frame.columns)[:4], len(frame)
(['rank', 'iri', 'kind', 'name'], 3)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, is_dataclass

__all__ = ["to_frame"]


def _pandas():
    try:
        import pandas
    except ModuleNotFoundError:
        raise ModuleNotFoundError(
            "pandas is needed for DataFrames; install it with "
            "pip install 'mlsys-graph[analysis]' (or use the plain lists and dicts)"
        ) from None
    return pandas


def _row(item) -> dict:
    if is_dataclass(item) and not isinstance(item, type):
        return asdict(item)
    if isinstance(item, dict):
        return dict(item)
    raise TypeError(f"cannot make a table row of {type(item).__name__}")


def to_frame(rows) -> object:
    """A DataFrame of rankings, communities, lineage steps or any dataclasses or dicts.

    A :class:`~.metrics.Clustering` gives one row per member (``community``, ``label``,
    ``topic``, ``member``); a :class:`~.lineage.Lineage` one row per step with a
    ``direction`` column (``ancestor`` / ``descendant``).
    """
    from .lineage import Lineage
    from .metrics import Clustering

    pandas = _pandas()
    if isinstance(rows, Clustering):
        records = [
            {"community": c.index, "label": c.label, "topic": c.topic, "member": m}
            for c in rows.communities
            for m in c.members
        ]
        return pandas.DataFrame.from_records(
            records, columns=["community", "label", "topic", "member"]
        )
    if isinstance(rows, Lineage):
        records = [
            {"direction": direction, **step.to_dict()}
            for direction, steps in (("ancestor", rows.ancestors), ("descendant", rows.descendants))
            for step in steps
        ]
        return pandas.DataFrame.from_records(records)
    if isinstance(rows, dict):
        return pandas.DataFrame({"score": pandas.Series(rows)}).sort_index()
    if not isinstance(rows, Iterable):
        raise TypeError(f"cannot make a table of {type(rows).__name__}")
    return pandas.DataFrame.from_records([_row(r) for r in rows])
