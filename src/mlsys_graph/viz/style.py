"""How the page looks: a colour per node kind, node sizes from a score, edge styles.

Colours follow the Okabe–Ito palette (told apart with the common colour-vision
deficiencies) for the main kinds, muted tones for the list's other resources.

Lineage edges are drawn apart from the rest: thick, vermilion, with an arrow **from the
later (or using) entry to the earlier (or used) one** — the direction of "InferLine extends
Clipper" — and dashed when the claim is only inferred.

>>> KIND_COLORS["paper"], KIND_COLORS["person"]
('#0072B2', '#E69F00')
>>> node_size(0.5, 1.0)
27
>>> edge_style({"relation": "extends", "strength": "inferred"}, lineage=True)["dashes"]
True
"""

from __future__ import annotations

import math
from functools import cache

__all__ = [
    "EDGE_COLOR",
    "KIND_COLORS",
    "LINEAGE_COLOR",
    "edge_style",
    "is_lineage",
    "node_size",
]

#: Node kind → colour (``mlsys_graph.network.facts.KINDS``; a test keeps them in step).
KIND_COLORS = {
    "paper": "#0072B2",
    "thesis": "#56B4E9",
    "book": "#8C6D31",
    "video": "#B07AA1",
    "course": "#76B7B2",
    "blog": "#9C755F",
    "website": "#BAB0AC",
    "software": "#009E73",
    "other": "#999999",
    "person": "#E69F00",
    "venue": "#CC79A7",
    "repository": "#444444",
    "system": "#D55E00",
    "topic": "#F0E442",
}
#: Colour of a node whose kind is unknown (added by hand to a notebook's network).
OTHER_COLOR = "#97C2FC"
#: Colour of ordinary edges and of lineage edges.
EDGE_COLOR = "#C8C8C8"
LINEAGE_COLOR = "#D55E00"
#: Smallest and largest node radius, in pixels.
MIN_SIZE, MAX_SIZE = 6, 36

#: The structural relations of the entities view; every other relation is lineage.
STRUCTURAL = frozenset(
    {"authored", "published-at", "has-code", "about-topic", "describes", "implements", "broader"}
)


def node_size(score: float | None, top: float | None) -> int:
    """Radius for a score: from ``MIN_SIZE`` to ``MAX_SIZE`` by the square root of score/top.

    The square root makes the area, not the radius, follow the score.

    >>> node_size(0.0, 1.0), node_size(1.0, 1.0), node_size(None, None)
    (6, 36, 6)
    """
    if not score or not top or top <= 0:
        return MIN_SIZE
    share = max(0.0, min(1.0, score / top))
    return round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * math.sqrt(share))


@cache
def is_lineage(relation: str) -> bool:
    """Whether an edge's relation (parts joined by ``+``) includes a lineage relation.

    >>> is_lineage("authored"), is_lineage("extends"), is_lineage("about-topic+usesMethodIn")
    (False, True, True)
    >>> is_lineage("co-author"), is_lineage("related")
    (False, False)
    """
    parts = [p for p in relation.split("+") if p]
    return any(p not in STRUCTURAL and p not in ("co-author", "related") for p in parts)


def edge_style(data: dict, *, lineage: bool) -> dict:
    """vis-network attributes of one edge: colour, width, arrow, dashes.

    >>> edge_style({"relation": "authored"}, lineage=False)
    {}
    >>> edge_style({"relation": "co-author", "weight": 3.0}, lineage=False)
    {'width': 2.5}
    """
    if lineage:
        return {
            "color": LINEAGE_COLOR,
            "width": 2.5,
            "arrows": "to",
            "dashes": data.get("strength") == "inferred",
        }
    weight = data.get("weight")
    if isinstance(weight, int | float) and data.get("relation") != "authored" and weight > 1:
        return {"width": round(1 + min(4.0, math.log2(1 + weight) * 0.75), 1)}
    return {}
