"""Matplotlib figures for the notebooks: every helper returns a titled, labelled ``Axes``.

Each helper takes the title and the axis labels as required arguments and refuses empty
ones (:func:`check_labelled`), so no figure of the notebooks goes out unlabelled. Graph
drawings (:func:`communities`) hide their axes, which mean nothing there; they still need a
title. Everything random is seeded (``seed=``): the same data gives the same figure.

matplotlib is the optional ``notebooks`` extra (``pip install 'mlsys-graph[notebooks]'``).

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import pandas as pd
>>> table = pd.DataFrame({2018: [1, 0], 2019: [2, 3]}, index=["A", "B"])
>>> ax = heatmap(table, title="Entries", xlabel="year", ylabel="topic")
>>> ax.get_title(), ax.get_xlabel(), ax.get_ylabel()
('Entries', 'year', 'topic')
>>> check_labelled(ax.figure)
>>> heatmap(table, title="", xlabel="year", ylabel="topic")
Traceback (most recent call last):
...
ValueError: a figure needs a title
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "STRENGTH_STYLES",
    "bars",
    "check_labelled",
    "communities",
    "heatmap",
    "lineage",
    "rank_scatter",
]

#: Okabe–Ito colours (readable with every common colour-vision deficiency), then greys.
PALETTE = (
    "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
    "#999999", "#000000",
)  # fmt: skip
#: How a lineage claim of each strength is drawn: (colour, line style).
STRENGTH_STYLES = {
    "stated": ("#D55E00", "solid"),
    "curated": ("#0072B2", "solid"),
    "inferred": ("#999999", "dashed"),
}


def _pyplot():
    try:
        import matplotlib.pyplot as plt
    except ModuleNotFoundError:
        raise ModuleNotFoundError(
            "matplotlib is needed for figures; install it with pip install 'mlsys-graph[notebooks]'"
        ) from None
    return plt


def _axes(ax, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    _, ax = _pyplot().subplots(figsize=size, layout="constrained")
    return ax


def _finish(ax: Axes, title: str, xlabel: str | None, ylabel: str | None) -> Axes:
    ax.set_title(title)
    if xlabel is not None:
        ax.set_xlabel(xlabel)
    if ylabel is not None:
        ax.set_ylabel(ylabel)
    check_labelled(ax.figure)
    return ax


def check_labelled(figure: Figure) -> None:
    """Raise ``ValueError`` unless every Axes of ``figure`` has a title and, when its axes
    are shown, a label on each (colour bars are labelled by their Axes' title).

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from matplotlib.figure import Figure
    >>> figure = Figure()
    >>> ax = figure.add_subplot()
    >>> _ = ax.set_title("t"), ax.set_xlabel("x")
    >>> check_labelled(figure)
    Traceback (most recent call last):
    ...
    ValueError: the figure 't' has no y label
    """
    colorbars = {getattr(a, "_colorbar", None) and a for a in figure.axes}
    for ax in figure.axes:
        if ax in colorbars:
            continue
        title = ax.get_title() or ax.get_title("left") or figure.get_suptitle()
        if not title.strip():
            raise ValueError("a figure needs a title")
        if not ax.axison:
            continue
        if not ax.get_xlabel().strip():
            raise ValueError(f"the figure {title!r} has no x label")
        if not ax.get_ylabel().strip():
            raise ValueError(f"the figure {title!r} has no y label")


def _require(title: str, xlabel: str, ylabel: str) -> None:
    if not title or not title.strip():
        raise ValueError("a figure needs a title")
    for which, label in (("x", xlabel), ("y", ylabel)):
        if not label or not label.strip():
            raise ValueError(f"the figure {title!r} needs a {which} label")


def heatmap(
    table, *, title: str, xlabel: str, ylabel: str, ax=None, annotate: bool = True,
    colorbar: str = "count",
) -> Axes:  # fmt: skip
    """A table of counts as a heatmap: rows on the y axis, columns on the x axis.

    Parameters
    ----------
    table : pandas.DataFrame
        Numbers (e.g. :func:`mlsys_graph.network.topic_years`).
    title, xlabel, ylabel : str
        Required, never empty.
    annotate : bool
        Write each non-zero count in its cell.
    colorbar : str
        The colour bar's label.
    """
    _require(title, xlabel, ylabel)
    rows, columns = len(table.index), len(table.columns)
    ax = _axes(ax, (max(6.0, 0.55 * columns + 4), max(3.0, 0.38 * rows + 1.5)))
    values = table.to_numpy(dtype=float)
    image = ax.imshow(values, cmap="Blues", aspect="auto", vmin=0)
    ax.set_xticks(range(columns), [str(c) for c in table.columns], rotation=45, ha="right")
    ax.set_yticks(range(rows), [str(r) for r in table.index])
    if annotate and values.size:
        top = values.max() or 1.0
        for i in range(rows):
            for j in range(columns):
                if values[i, j]:
                    color = "white" if values[i, j] > top / 2 else "black"
                    ax.text(j, i, f"{values[i, j]:g}", ha="center", va="center", color=color)
    from matplotlib.ticker import MaxNLocator

    bar = ax.figure.colorbar(image, ax=ax)
    bar.locator = MaxNLocator(integer=True)
    bar.update_ticks()
    bar.ax.set_title(colorbar, fontsize="small")
    return _finish(ax, title, xlabel, ylabel)


def bars(
    table, *, title: str, xlabel: str, ylabel: str, ax=None, stacked: bool = True,
    horizontal: bool = False, colors: Sequence[str] | None = None,
) -> Axes:  # fmt: skip
    """The columns of ``table`` as (stacked) bars over its index, with a legend.

    ``xlabel`` names the axis along the bars' base (the index) and ``ylabel`` the values,
    also when ``horizontal``.
    """
    _require(title, xlabel, ylabel)
    n = len(table.index)
    size = (8.0, max(3.0, 0.32 * n + 1.5)) if horizontal else (max(6.0, 0.45 * n + 3), 4.5)
    ax = _axes(ax, size)
    colors = list(colors or PALETTE)
    colors = [colors[i % len(colors)] for i in range(len(table.columns))]
    kind = "barh" if horizontal else "bar"
    table.plot(kind=kind, stacked=stacked, ax=ax, color=colors, width=0.8, legend=False)
    if len(table.columns) > 1:
        ax.legend(title=table.columns.name, fontsize="small", loc="best", ncols=2)
    if horizontal:
        ax.invert_yaxis()
        return _finish(ax, title, ylabel, xlabel)
    return _finish(ax, title, xlabel, ylabel)


def rank_scatter(table, x: str, y: str, *, title: str, ax=None, label_top: int = 8) -> Axes:
    """Ranks by two centralities against each other (1 = most central), log scales.

    Points far from the diagonal are where the measures disagree; the ``label_top``
    nodes best ranked by either measure are named.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`mlsys_graph.network.centrality_table` (``X_rank`` and ``Y_rank``).
    x, y : str
        Two of its measures.
    """
    xlabel, ylabel = f"rank by {x} (1 = most central)", f"rank by {y} (1 = most central)"
    _require(title, xlabel, ylabel)
    ax = _axes(ax, (6.5, 6.0))
    xs, ys = table[f"{x}_rank"], table[f"{y}_rank"]
    ax.scatter(xs, ys, s=14, color=PALETTE[4], alpha=0.6)
    top = max(len(table), 1)
    ax.plot([1, top], [1, top], color="#999999", linewidth=0.8, linestyle="dotted")
    ax.set_xscale("log")
    ax.set_yscale("log")
    best = table[(xs <= label_top) | (ys <= label_top)]
    for _, row in best.iterrows():
        ax.annotate(
            str(row["name"]), (row[f"{x}_rank"], row[f"{y}_rank"]), fontsize="small",
            xytext=(3, 3), textcoords="offset points",
        )  # fmt: skip
    return _finish(ax, title, xlabel, ylabel)


def communities(
    g: nx.Graph, clustering, *, title: str, top: int = 6, seed: int = 0, ax=None,
    label: str = "name", label_all: bool = False,
) -> Axes:  # fmt: skip
    """The ``top`` largest communities of a view, drawn and coloured by community.

    Nodes are sized by degree inside the drawing; each community's most central member is
    named (every node with ``label_all``); the legend gives each community's label, size and dominant topic. The layout
    is networkx's spring layout with ``seed`` on the view's order (the same figure every
    run).
    """
    import networkx as nx

    from .network.select import induced

    if not title or not title.strip():
        raise ValueError("a figure needs a title")
    chosen = clustering.communities[:top]
    colour = {}
    for i, c in enumerate(chosen):
        for member in c.members:
            colour[member] = PALETTE[i % len(PALETTE)]
    sub = induced(g, set(colour))
    ax = _axes(ax, (10.0, 8.0))
    if sub.number_of_nodes():
        pos = nx.spring_layout(sub, seed=seed, weight=None, k=1.5 / max(1, len(sub)) ** 0.5)
        nodes = list(sub)
        nx.draw_networkx_edges(sub, pos, ax=ax, edge_color="#BBBBBB", width=0.8)
        nx.draw_networkx_nodes(
            sub, pos, nodelist=nodes, ax=ax, node_color=[colour[n] for n in nodes],
            node_size=[40 + 25 * sub.degree(n) for n in nodes], edgecolors="#333333",
            linewidths=0.5,
        )  # fmt: skip
        named = nodes if label_all else [c.central for c in chosen]
        names = {n: str(g.nodes[n].get(label, n)) for n in named}
        nx.draw_networkx_labels(sub, pos, labels=names, ax=ax, font_size=9)
    for i, c in enumerate(chosen):
        topic = f", {c.topic}" if c.topic else ""
        ax.scatter([], [], color=PALETTE[i % len(PALETTE)], label=f"{c.label} ({c.size}{topic})")
    if chosen:
        ax.legend(title="community (size, topic)", fontsize="small", loc="best")
    ax.set_axis_off()
    return _finish(ax, title, None, None)


def lineage(chains, *, title: str, ax=None) -> Axes:
    """Lineage chains, one per row, earliest entry on the left.

    Each entry is named with its year when known; an arrow goes from the later (or using)
    entry to the earlier (or used) one, coloured by the claim's strength
    (:data:`STRENGTH_STYLES`) and labelled with its relation.

    Parameters
    ----------
    chains : list of list of Step
        From :func:`mlsys_graph.network.chains` (later entry first).
    """
    xlabel, ylabel = "steps from the earliest entry of the chain", "chain"
    _require(title, xlabel, ylabel)
    longest = max((len(c) for c in chains), default=1)
    ax = _axes(ax, (max(6.0, 3.2 * longest), max(2.5, 0.9 * len(chains) + 1.5)))
    for row, steps in enumerate(chains):
        ordered = list(reversed(steps))  # earliest first
        for x, step in enumerate(ordered):
            year = f"\n{step.year}" if step.year else ""
            name = step.name if len(step.name) <= 28 else step.name[:27] + "…"
            ax.annotate(
                f"{name}{year}", (x, row), ha="center", va="center", fontsize="small",
                bbox={"boxstyle": "round", "facecolor": "#F5F5F5", "edgecolor": "#333333"},
            )  # fmt: skip
        for x in range(1, len(ordered)):
            # steps[i] (earlier) holds the claim of steps[i - 1] (later) about it.
            claim = steps[len(steps) - x]
            color, style = STRENGTH_STYLES.get(claim.strength or "", ("#333333", "solid"))
            ax.annotate(
                "", xy=(x - 1 + 0.28, row), xytext=(x - 0.28, row),
                arrowprops={"arrowstyle": "->", "color": color, "linestyle": style, "lw": 1.6},
            )  # fmt: skip
            ax.text(x - 0.5, row + 0.18, f"{claim.relation} ({claim.strength})", ha="center",
                    fontsize="x-small", color=color)  # fmt: skip
    ax.set_xlim(-0.6, longest - 0.4)
    ax.set_ylim(len(chains) - 0.5, -0.5)
    ax.set_xticks(range(longest))
    ax.set_yticks(range(len(chains)), [str(i + 1) for i in range(len(chains))])
    return _finish(ax, title, xlabel, ylabel)
