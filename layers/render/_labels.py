"""A small greedy label placer for the static map.

Each label is tried at candidate positions around its anchor (right, left, above, below,
then the diagonals, at growing distances); the first position whose text box lies inside
the map, overlaps no label already placed and no marker wins. Positions that cross a
line (a link) are kept only when nothing cleaner fits. Boxes are measured by matplotlib
itself (``Text.get_window_extent``), in display pixels, so what is checked is what is
drawn. Labels are placed in priority order: the article's places first, context last.

Fast at any size (a merged batch map has hundreds of places): a label's text is measured
once per (text, type) and each candidate's box is computed from that extent and the
alignment, as matplotlib lays the text out (only the winning position gets an artist);
placed labels and markers go into a grid of buckets (`_Grid`), so a candidate is checked
against the boxes near it, not every box on the map; links are found through an STRtree.

Deterministic: no randomness, no iteration over unordered containers.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field

from layers.render._look import MIN_TYPE

__all__ = ["LabelPlacer", "PlacedLabel"]

#: how far a text box reaches from its anchor, per alignment (fraction of its size)
_HA = {"left": 0.0, "center": 0.5, "right": 1.0}
_VA = {"bottom": 0.0, "center": 0.5, "top": 1.0}
_CELL = 48.0   # grid bucket size (display pixels)

log = logging.getLogger(__name__)

#: directions tried around an anchor, in order of cartographic preference
#: (dx, dy, ha, va): upper right and right first, as Imhof's label rules suggest
_DIRECTIONS = (
    (1, 0, "left", "center"),
    (-1, 0, "right", "center"),
    (0, 1, "center", "bottom"),
    (0, -1, "center", "top"),
    (0.75, 0.75, "left", "bottom"),
    (-0.75, 0.75, "right", "bottom"),
    (0.75, -0.75, "left", "top"),
    (-0.75, -0.75, "right", "top"),
)



def _sixteen():
    out = []
    for i in range(16):
        a = math.radians(i * 22.5)
        dx, dy = round(math.cos(a), 6), round(math.sin(a), 6)
        ha = "left" if dx > 0.2 else "right" if dx < -0.2 else "center"
        va = "bottom" if dy > 0.2 else "top" if dy < -0.2 else "center"
        out.append((dx, dy, ha, va))
    # the preferred sides first, as on the first ring
    order = [0, 8, 4, 12, 2, 6, 14, 10, 1, 7, 15, 9, 3, 5, 13, 11]
    return tuple(out[i] for i in order)


_DIRECTIONS_16 = _sixteen()


class _Grid:
    """Boxes (x0, y0, x1, y1 in display pixels) in square buckets: which boxes may touch
    a given box, without looking at all of them."""

    def __init__(self, cell: float = _CELL) -> None:
        self.cell = cell
        self.cells: dict[tuple[int, int], list[tuple]] = {}

    def _span(self, x0, y0, x1, y1):
        c = self.cell
        return (range(math.floor(x0 / c), math.floor(x1 / c) + 1),
                range(math.floor(y0 / c), math.floor(y1 / c) + 1))

    def add(self, ext) -> None:
        xs, ys = self._span(*ext)
        for i in xs:
            for j in ys:
                self.cells.setdefault((i, j), []).append(ext)

    def hits(self, ext) -> bool:
        """Whether `ext` overlaps (touching counts, as `Bbox.overlaps`) any box added."""
        x0, y0, x1, y1 = ext
        xs, ys = self._span(*ext)
        cells = self.cells
        for i in xs:
            for j in ys:
                for b in cells.get((i, j), ()):
                    if x0 <= b[2] and b[0] <= x1 and y0 <= b[3] and b[1] <= y1:
                        return True
        return False


def _ext(bbox) -> tuple:
    x0, y0, x1, y1 = bbox.extents
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


@dataclass
class PlacedLabel:
    """A label that found room: its text artist, box (display pixels) and anchor."""

    key: str
    text: object          # matplotlib.text.Annotation
    bbox: object          # matplotlib.transforms.Bbox, display pixels
    anchor: tuple[float, float]  # display pixels
    offset: tuple[float, float]  # points from the anchor
    leader: bool = False


@dataclass
class LabelPlacer:
    """Places labels on one axes without overlaps.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        The map; labels must stay inside its box.
    renderer : matplotlib.backend_bases.RendererBase
        The renderer that measures text (``fig.canvas.get_renderer()``).
    pad : float
        Pixels kept clear around each label.
    """

    ax: object
    renderer: object
    pad: float = 2.0
    placed: list[PlacedLabel] = field(default_factory=list)
    obstacles: list = field(default_factory=list)     # Bboxes no label may overlap
    lines: list = field(default_factory=list)         # shapely lines labels should avoid
    dropped: list[str] = field(default_factory=list)
    _grid: _Grid = field(default_factory=_Grid, repr=False)
    _extents: dict = field(default_factory=dict, repr=False)   # (text, type) -> (w, h)
    _tree: object = field(default=None, repr=False)            # STRtree of `lines`

    def add_obstacle(self, bbox) -> None:
        """A box (display pixels) no label may cover, e.g. a marker."""
        self.obstacles.append(bbox)
        self._grid.add(_ext(bbox))

    def add_marker(self, x_px: float, y_px: float, radius_pt: float) -> None:
        """A round marker at display (x, y) with a radius in points."""
        from matplotlib.transforms import Bbox

        r = radius_pt * self.ax.figure.dpi / 72.0
        self.add_obstacle(Bbox.from_extents(x_px - r, y_px - r, x_px + r, y_px + r))

    def add_line(self, xy_px) -> None:
        """A polyline (display pixels) labels should not cross when they can help it."""
        from shapely.geometry import LineString

        if len(xy_px) >= 2:
            self.lines.append(LineString(xy_px))
            self._tree = None

    def is_free(self, bbox) -> bool:
        """Whether `bbox` (display pixels) touches no placed label and no obstacle."""
        return not self._grid.hits(_ext(bbox))

    def place(self, key: str, text: str, xy, *, clearance_pt: float = 4.0,
              radii_pt=(0.0, 5.0, 11.0, 19.0, 30.0, 44.0), leader_from: int = 2,
              required: bool = True, smaller=(), **text_kw) -> PlacedLabel | None:
        """Place `text` near data point `xy`; return the placed label, or None.

        `clearance_pt` is the gap between the anchor and the nearest edge of the text
        (the marker's radius plus a little). Candidates are tried ring by ring, out to
        ``clearance_pt + max(radii_pt)``: the eight compass positions on the first ring,
        sixteen on the outer ones. From ring `leader_from` on, a thin leader line joins
        the label to its point. When nothing fits, each font size in `smaller` is tried
        in turn. A label that fits nowhere is left out (and listed in `dropped`) rather
        than drawn over another. No size goes below the figure's smallest type
        (`layers.render._look.MIN_TYPE`).
        """
        floor = MIN_TYPE.get()
        sizes = []
        for size in (text_kw.pop("fontsize", 8.0), *smaller):
            size = max(floor, size)
            if size not in sizes:
                sizes.append(size)
        for size in sizes:
            placed = self._try(key, text, xy, clearance_pt, radii_pt, leader_from,
                               dict(text_kw, fontsize=size))
            if placed is not None:
                return placed
        self.dropped.append(key)
        if required:
            log.warning("no room for the label %r on the static map; left out", text)
        return None

    def _extent(self, text, text_kw) -> tuple[float, float]:
        """Width and height (display pixels) of `text` set in `text_kw`, measured once."""
        key = (text, tuple(sorted((k, repr(v)) for k, v in text_kw.items()
                                  if k not in ("zorder", "color", "bbox"))))
        wh = self._extents.get(key)
        if wh is None:
            art = self.ax.annotate(text, xy=(0, 0), xycoords="figure pixels",
                                   annotation_clip=False, **text_kw)
            box = art.get_window_extent(self.renderer)
            art.remove()
            wh = self._extents[key] = (box.width, box.height)
        return wh

    def _try(self, key, text, xy, clearance_pt, radii_pt, leader_from, text_kw):
        ax = self.ax
        anchor = ax.transData.transform(xy)
        ax0, ay0, ax1, ay1 = _ext(ax.get_window_extent(self.renderer))
        w, h = self._extent(text, text_kw)
        px_per_pt = ax.figure.dpi / 72.0
        pad = self.pad
        fallback = None
        for ring, extra in enumerate(radii_pt):
            dist = clearance_pt + extra
            for dx, dy, ha, va in (_DIRECTIONS if ring == 0 else _DIRECTIONS_16):
                norm = math.hypot(dx, dy)
                off = (dx / norm * dist, dy / norm * dist)
                # the box matplotlib will lay the text out in (no rotation)
                tx = anchor[0] + off[0] * px_per_pt - _HA[ha] * w
                ty = anchor[1] + off[1] * px_per_pt - _VA[va] * h
                padded = (tx - pad, ty - pad, tx + w + pad, ty + h + pad)
                if (padded[0] < ax0 or padded[1] < ay0 or padded[2] > ax1
                        or padded[3] > ay1 or self._grid.hits(padded)):
                    continue
                cand = (off, ha, va, ring)
                if self._crosses_line(padded):
                    if fallback is None:
                        fallback = cand
                    continue
                return self._accept_at(key, text, xy, anchor, cand, leader_from, text_kw)
            # a label across a line only when the two innermost rings have no clean spot
            if fallback is not None and ring >= 1:
                break
        if fallback is not None:
            return self._accept_at(key, text, xy, anchor, fallback, leader_from, text_kw)
        return None

    def _accept_at(self, key, text, xy, anchor, cand, leader_from, text_kw):
        off, ha, va, ring = cand
        art = self.ax.annotate(text, xy=xy, xytext=off, textcoords="offset points",
                               ha=ha, va=va, annotation_clip=False, **text_kw)
        bbox = art.get_window_extent(self.renderer)
        return self._accept(key, art, bbox, anchor, off, ring >= leader_from)

    # -- internals -------------------------------------------------------------------
    def _crosses_line(self, padded) -> bool:
        if not self.lines:
            return False
        from shapely import STRtree
        from shapely.geometry import box

        if self._tree is None:
            self._tree = STRtree(self.lines)
        return len(self._tree.query(box(*padded), predicate="intersects")) > 0

    def _accept(self, key, art, bbox, anchor, off, leader) -> PlacedLabel:
        if leader:
            line = self.ax.annotate(
                "", xy=art.xy, xytext=(off[0] * 0.9, off[1] * 0.9),
                textcoords="offset points",
                arrowprops={"arrowstyle": "-", "color": "#555555", "lw": 0.5,
                            "shrinkA": 0, "shrinkB": 3},
                zorder=art.get_zorder() - 0.1, annotation_clip=False)
            line.set_gid(f"leader-{key}")
        label = PlacedLabel(key, art, bbox, tuple(anchor), off, leader)
        self.placed.append(label)
        self._grid.add(_ext(bbox))
        return label
