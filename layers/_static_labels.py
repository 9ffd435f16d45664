"""A small greedy label placer for the static map.

Each label is tried at candidate positions around its anchor (right, left, above, below,
then the diagonals, at growing distances); the first position whose text box lies inside
the map, overlaps no label already placed and no marker wins. Positions that cross a
line (a link) are kept only when nothing cleaner fits. Boxes are measured by matplotlib
itself (``Text.get_window_extent``), in display pixels, so what is checked is what is
drawn. Labels are placed in priority order: the article's places first, context last.

Deterministic: no randomness, no iteration over unordered containers.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field

__all__ = ["LabelPlacer", "PlacedLabel"]

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

    def add_obstacle(self, bbox) -> None:
        """A box (display pixels) no label may cover, e.g. a marker."""
        self.obstacles.append(bbox)

    def add_marker(self, x_px: float, y_px: float, radius_pt: float) -> None:
        """A round marker at display (x, y) with a radius in points."""
        from matplotlib.transforms import Bbox

        r = radius_pt * self.ax.figure.dpi / 72.0
        self.obstacles.append(Bbox.from_extents(x_px - r, y_px - r, x_px + r, y_px + r))

    def add_line(self, xy_px) -> None:
        """A polyline (display pixels) labels should not cross when they can help it."""
        from shapely.geometry import LineString

        if len(xy_px) >= 2:
            self.lines.append(LineString(xy_px))

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
        than drawn over another.
        """
        sizes = [text_kw.pop("fontsize", 8.0), *smaller]
        for size in sizes:
            placed = self._try(key, text, xy, clearance_pt, radii_pt, leader_from,
                               dict(text_kw, fontsize=size))
            if placed is not None:
                return placed
        self.dropped.append(key)
        if required:
            log.warning("no room for the label %r on the static map; left out", text)
        return None

    def _try(self, key, text, xy, clearance_pt, radii_pt, leader_from, text_kw):
        ax = self.ax
        anchor = ax.transData.transform(xy)
        axes_box = ax.get_window_extent(self.renderer)
        fallback = None
        for ring, extra in enumerate(radii_pt):
            dist = clearance_pt + extra
            for dx, dy, ha, va in (_DIRECTIONS if ring == 0 else _DIRECTIONS_16):
                norm = math.hypot(dx, dy)
                off = (dx / norm * dist, dy / norm * dist)
                art = ax.annotate(text, xy=xy, xytext=off, textcoords="offset points",
                                  ha=ha, va=va, annotation_clip=False, **text_kw)
                bbox = art.get_window_extent(self.renderer)
                padded = bbox.padded(self.pad)
                if not self._fits(padded, axes_box):
                    art.remove()
                    continue
                crosses = self._crosses_line(padded)
                if crosses and fallback is None:
                    fallback = (art, bbox, off, ring)
                    continue
                if crosses:
                    art.remove()
                    continue
                if fallback is not None:
                    fallback[0].remove()
                return self._accept(key, art, bbox, anchor, off, ring >= leader_from)
            # a label across a line only when the two innermost rings have no clean spot
            if fallback is not None and ring >= 1:
                art, bbox, off, fring = fallback
                return self._accept(key, art, bbox, anchor, off, fring >= leader_from)
        if fallback is not None:
            art, bbox, off, fring = fallback
            return self._accept(key, art, bbox, anchor, off, fring >= leader_from)
        return None

    # -- internals -------------------------------------------------------------------
    def _fits(self, padded, axes_box) -> bool:
        if (padded.x0 < axes_box.x0 or padded.y0 < axes_box.y0
                or padded.x1 > axes_box.x1 or padded.y1 > axes_box.y1):
            return False
        for other in self.placed:
            if padded.overlaps(other.bbox):
                return False
        for box in self.obstacles:
            if padded.overlaps(box):
                return False
        return True

    def _crosses_line(self, padded) -> bool:
        if not self.lines:
            return False
        from shapely.geometry import box

        b = box(padded.x0, padded.y0, padded.x1, padded.y1)
        return any(b.intersects(line) for line in self.lines)

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
        return label
