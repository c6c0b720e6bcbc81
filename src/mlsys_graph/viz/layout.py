"""Node positions computed in Python, seeded, so the page draws at once with physics off.

A force-directed layout (Fruchterman and Reingold 1991) with the grid variant of their
paper: nodes repel only within a cutoff radius, so one iteration costs about O(n + m)
(neighbours found with scipy's k-d tree) instead of the O(n²) of networkx's
``spring_layout`` and ``forceatlas2_layout`` (5,000 nodes: 47 s and 127 s). A weak
gravity keeps disconnected parts together. The cooling schedule is fixed and the start is
drawn from ``seed``, so the same graph and seed give the same positions.

Graphs of :data:`LARGE` nodes or more (a capped page: ``build`` draws 5,000 nodes of any
big graph) take a cheaper schedule of the same forces, numpy only: :data:`LARGE_ITERATIONS`
iterations cooled geometrically (most of them at small steps, where crowded nodes move
apart) instead of 134 cooled linearly, the exact repulsion of close pairs only in the
second half (earlier the steps are coarser than the cutoff), close pairs found on a grid
of cells instead of a k-d tree. Measured on the 5,000-node pages of 10k and 100k synthetic
lists (``python bench/viz.py --layouts``): a quarter of the time, the same stress and
edge lengths within 6 %, far fewer nodes on top of each other.

>>> import networkx as nx
>>> pos = spring_layout(nx.path_graph(3), seed=1)
>>> pos == spring_layout(nx.path_graph(3), seed=1)
True
>>> sorted(pos)
[0, 1, 2]
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

__all__ = ["LARGE", "LARGE_ITERATIONS", "default_iterations", "spring_layout"]

NEAR = 1.5
#: From this many nodes on, the cheaper schedule (the cap of a page, ``viz.page``'s
#: ``DEFAULT_MAX_NODES``: smaller graphs keep their positions to the bit).
LARGE = 5000
#: Iterations of the cheaper schedule.
LARGE_ITERATIONS = 40


def default_iterations(n: int, schedule: str | None = None) -> int:
    """Iterations used for ``n`` nodes: 300 up to 1,000 nodes, then fewer (at least 80);
    :data:`LARGE_ITERATIONS` with the schedule for :data:`LARGE` nodes or more.

    >>> default_iterations(500), default_iterations(4999), default_iterations(100000)
    (300, 134, 40)
    >>> default_iterations(100000, "exact")
    80
    """
    if schedule == "large" or (schedule is None and n >= LARGE):
        return LARGE_ITERATIONS
    if n <= 1000:
        return 300
    return max(80, int(300 * math.sqrt(1000 / n)))


def _grid_size(n: int) -> int:
    return int(min(128, max(32, 2 * math.sqrt(n))))


class _FarField:
    """Repulsion k²/d from every node at once, on a grid (the particle-mesh method).

    Node masses are spread on a G×G grid (cloud in cell) and convolved by FFT with the
    softened kernel r/(|r|² + h²), x and y at once as one complex kernel; the field is
    read back at the nodes with the same weights, so a node does not push itself. The
    kernel in cell units is fixed (only its scale k²/h changes with the grid spacing h),
    so its transform is computed once; a transform of 2G-1 cells keeps the circular
    convolution exact on the grid.
    """

    def __init__(self, n: int) -> None:
        import numpy as np
        from scipy import fft

        self.g = g = _grid_size(n)
        self.size = size = fft.next_fast_len(2 * g - 1)
        offset = np.arange(size, dtype=float)
        offset[offset > size // 2] -= size
        ax, ay = np.meshgrid(offset, offset, indexing="ij")
        kernel = (ax + 1j * ay) / (ax**2 + ay**2 + 1.0)
        kernel[(np.abs(ax) > g - 1) | (np.abs(ay) > g - 1)] = 0
        self.kernel = fft.fft2(kernel)

    def forces(self, pos, k: float):
        """The repulsion on each node, and the grid spacing h."""
        import numpy as np
        from scipy import fft

        g, size = self.g, self.size
        low = pos.min(axis=0)
        span = float((pos.max(axis=0) - low).max())
        h = max(span, 1e-9) / (g - 1.001)
        u = (pos - low) / h
        cell = np.minimum(np.floor(u).astype(np.int64), g - 2)
        frac = u - cell
        corners = []
        for dx in (0, 1):
            for dy in (0, 1):
                w = (frac[:, 0] if dx else 1 - frac[:, 0]) * (frac[:, 1] if dy else 1 - frac[:, 1])
                corners.append(((cell[:, 0] + dx) * size + cell[:, 1] + dy, w))
        rho = np.zeros(size * size)
        for flat, w in corners:
            rho += np.bincount(flat, w, minlength=size * size)
        field = fft.ifft2(fft.fft2(rho.reshape(size, size)) * self.kernel).ravel()
        at = sum(w * field[flat] for flat, w in corners)
        return np.column_stack((at.real, at.imag)) * (k * k / h), h


class _NumpyFarField:
    """:class:`_FarField` with numpy's FFT: x and y as two real convolutions (``rfft2``),
    on a power-of-two transform. The same forces up to rounding."""

    def __init__(self, n: int) -> None:
        import numpy as np

        self.g = g = _grid_size(n)
        self.size = size = 1 << (2 * g - 2).bit_length()
        offset = np.arange(size, dtype=float)
        offset[offset > size // 2] -= size
        ax, ay = np.meshgrid(offset, offset, indexing="ij")
        outside = (np.abs(ax) > g - 1) | (np.abs(ay) > g - 1)
        r2 = ax**2 + ay**2 + 1.0
        kx, ky = ax / r2, ay / r2
        kx[outside] = 0.0
        ky[outside] = 0.0
        self.kx, self.ky = np.fft.rfft2(kx), np.fft.rfft2(ky)

    def forces(self, pos, k: float):
        """The repulsion on each node, and the grid spacing h."""
        import numpy as np

        g, size, n = self.g, self.size, len(pos)
        low = pos.min(axis=0)
        span = float((pos.max(axis=0) - low).max())
        h = max(span, 1e-9) / (g - 1.001)
        u = (pos - low) / h
        cell = np.minimum(u.astype(np.int64), g - 2)
        fx, fy = (u - cell).T
        gx, gy = 1.0 - fx, 1.0 - fy
        base = cell[:, 0] * size + cell[:, 1]
        flat = np.concatenate((base, base + 1, base + size, base + size + 1))
        weight = np.concatenate((gx * gy, gx * fy, fx * gy, fx * fy))
        rho = np.bincount(flat, weight, minlength=size * size).reshape(size, size)
        spectrum = np.fft.rfft2(rho)
        out = np.empty((n, 2))
        for axis, kernel in enumerate((self.kx, self.ky)):
            field = np.fft.irfft2(spectrum * kernel, s=(size, size)).ravel()
            out[:, axis] = (field[flat] * weight).reshape(4, n).sum(axis=0)
        return out * (k * k / h), h


def _ragged(first, counts):
    """``first[i], first[i] + 1, ... (counts[i] values)`` for every i, concatenated."""
    import numpy as np

    total = int(counts.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    ends = np.cumsum(counts)
    return np.repeat(first - ends + counts, counts) + np.arange(total)


def _close_pairs(pos, radius: float):
    """Pairs ``(a, b)`` of nodes closer than ``radius``, each once, and ``pos[a] - pos[b]``:
    nodes sorted into square cells of side ``radius``, each compared with its own cell and
    four of its eight neighbours (the other four see it)."""
    import numpy as np

    n = len(pos)
    cell = np.floor((pos - pos.min(axis=0)) / radius).astype(np.int64)
    width = int(cell[:, 1].max()) + 3
    key = (cell[:, 0] + 1) * width + cell[:, 1] + 1
    order = np.argsort(key, kind="stable")
    keys = key[order]
    cells, start, count = np.unique(keys, return_index=True, return_counts=True)
    at = np.arange(n)
    own = np.searchsorted(cells, keys)
    later = start[own] + count[own] - 1 - at  # the same cell: the members after this one
    lefts, rights = [np.repeat(at, later)], [_ragged(at + 1, later)]
    for offset in (width - 1, width, width + 1, 1):
        target = keys + offset
        j = np.minimum(np.searchsorted(cells, target), len(cells) - 1)
        found = np.where(cells[j] == target, count[j], 0)
        lefts.append(np.repeat(at, found))
        rights.append(_ragged(start[j], found))
    a, b = order[np.concatenate(lefts)], order[np.concatenate(rights)]
    delta = pos[a] - pos[b]
    near = (delta**2).sum(axis=1) < radius * radius
    return a[near], b[near], delta[near]


def _large_layout(pos, edges, steps: int, k: float, gravity: float):
    """The cheaper schedule for big graphs (see the module documentation), in place."""
    import numpy as np

    n = len(pos)
    far = _NumpyFarField(n)
    temperature = math.sqrt(n) * k / 5.0
    ratio = (0.01 * k / temperature) ** (1.0 / max(steps - 1, 1))
    ends = np.concatenate((edges[:, 0], edges[:, 1]))
    for step in range(steps):
        disp, h = far.forces(pos, k)
        if 2 * step >= steps:  # near field: the exact k²/d minus the grid's share
            a, b, delta = _close_pairs(pos, NEAR * h)
            if len(a):
                dist2 = np.maximum((delta**2).sum(axis=1), 1e-6)
                force = delta * (k * k * (1.0 / dist2 - 1.0 / (dist2 + h * h)))[:, None]
                both = np.concatenate((a, b))
                for axis in (0, 1):
                    pushed = np.concatenate((force[:, axis], -force[:, axis]))
                    disp[:, axis] += np.bincount(both, pushed, minlength=n)
        if len(edges):  # attraction d²/k along edges
            delta = pos[edges[:, 0]] - pos[edges[:, 1]]
            force = delta * (np.sqrt((delta**2).sum(axis=1)) / k)[:, None]
            for axis in (0, 1):
                pulled = np.concatenate((force[:, axis], -force[:, axis]))
                disp[:, axis] -= np.bincount(ends, pulled, minlength=n)
        disp -= gravity * math.sqrt(n) * (pos - pos.mean(axis=0))
        length = np.sqrt((disp**2).sum(axis=1))
        pos += disp * (np.minimum(length, temperature) / np.maximum(length, 1e-9))[:, None]
        temperature *= ratio


def spring_layout(
    g: nx.Graph,
    *,
    seed: int = 0,
    iterations: int | None = None,
    scale: float = 60.0,
    gravity: float = 0.05,
    schedule: str | None = None,
) -> dict:
    """Positions for every node of ``g``: node → (x, y), in pixels around (0, 0).

    Parameters
    ----------
    g : networkx.Graph or DiGraph
        Edges are read as undirected; ``weight`` is ignored. From :data:`LARGE` nodes on,
        the cheaper schedule (module documentation).
    seed : int
        Seed of the random start.
    iterations : int, optional
        Default :func:`default_iterations`.
    scale : float
        The ideal edge length, in pixels.
    gravity : float
        Pull towards the centre, relative to the attraction of an edge.
    schedule : {"exact", "large"}, optional
        Force one schedule (default: "large" from :data:`LARGE` nodes on, else "exact").

    Returns
    -------
    dict
        Coordinates rounded to 0.1 pixel (so a page's bytes do not depend on the last bits
        of floating-point arithmetic).
    """
    import numpy as np

    nodes = list(g)
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    index = {node: i for i, node in enumerate(nodes)}
    rng = np.random.default_rng(seed)
    k = 1.0  # ideal edge length in layout units
    radius = math.sqrt(n) * k
    angle = rng.uniform(0.0, 2.0 * math.pi, n)
    distance = radius * np.sqrt(rng.uniform(0.0, 1.0, n))
    pos = np.column_stack((distance * np.cos(angle), distance * np.sin(angle)))
    if schedule not in (None, "exact", "large"):
        raise ValueError(f"unknown schedule {schedule!r} (known: exact, large)")
    large = schedule == "large" or (schedule is None and n >= LARGE)
    if iterations is None:
        iterations = default_iterations(n, "large" if large else "exact")
    if large:
        ends = np.array([index[u] for e in g.edges() for u in e[:2]], dtype=np.int64)
        low, high = np.minimum(ends[0::2], ends[1::2]), np.maximum(ends[0::2], ends[1::2])
        codes = np.sort(low[low != high] * n + high[low != high])
        codes = codes[np.concatenate(([True], codes[1:] != codes[:-1]))] if len(codes) else codes
        _large_layout(pos, np.column_stack((codes // n, codes % n)), iterations, k, gravity)
        return _positions(nodes, pos, scale / k)
    from scipy.spatial import cKDTree

    pairs = sorted(
        {(min(a, b), max(a, b)) for a, b in ((index[u], index[v]) for u, v in g.edges())}
    )
    edges = np.array([p for p in pairs if p[0] != p[1]], dtype=np.int64).reshape(-1, 2)
    far = _FarField(n)
    temperature = radius / 5.0
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        disp, h = far.forces(pos, k)
        # Near field: the exact k²/d minus the grid's softened share, for close pairs.
        close = cKDTree(pos).query_pairs(NEAR * h, output_type="ndarray")
        if len(close):
            delta = pos[close[:, 0]] - pos[close[:, 1]]
            dist2 = np.maximum((delta**2).sum(axis=1), 1e-6)
            force = delta * (k * k * (1.0 / dist2 - 1.0 / (dist2 + h * h)))[:, None]
            for axis in (0, 1):
                disp[:, axis] += np.bincount(close[:, 0], force[:, axis], minlength=n)
                disp[:, axis] -= np.bincount(close[:, 1], force[:, axis], minlength=n)
        # Attraction d²/k along edges.
        if len(edges):
            delta = pos[edges[:, 0]] - pos[edges[:, 1]]
            dist = np.sqrt((delta**2).sum(axis=1))
            force = delta * (dist / k)[:, None]
            for axis in (0, 1):
                disp[:, axis] -= np.bincount(edges[:, 0], force[:, axis], minlength=n)
                disp[:, axis] += np.bincount(edges[:, 1], force[:, axis], minlength=n)
        # Gravity towards the centre of mass keeps separate parts together.
        disp -= gravity * math.sqrt(n) * (pos - pos.mean(axis=0))
        length = np.sqrt((disp**2).sum(axis=1))
        step = np.minimum(length, temperature) / np.maximum(length, 1e-9)
        pos += disp * step[:, None]
        temperature = max(temperature - cooling, 0.01 * k)
    return _positions(nodes, pos, scale / k)


def _positions(nodes, pos, factor: float) -> dict:
    """Centred, scaled and rounded to 0.1 pixel."""
    pos -= pos.mean(axis=0)
    pos *= factor
    return {
        node: (round(float(x), 1), round(float(y), 1))
        for node, (x, y) in zip(nodes, pos, strict=True)
    }
