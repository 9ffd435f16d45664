"""How the static map looks: its colours, type and marker sizes, marker shapes.

The one scale of the figure being drawn (`SCALE`, set by `layers.render.static` around
each drawing; `scaled` gives a type or marker size at it), the matplotlib settings every
figure is drawn and saved under (`RC`), and the few shapes and boxes more than one part of
the map draws. Category and relation colours are `layers.symbology`'s, the same for every
output; the ones here belong to the static map alone.
"""

from __future__ import annotations

import contextvars
import math

from layers.symbology import CATEGORY_SHAPE, SHAPES

__all__ = ["BORDER", "CATEGORY_MARKER", "CLAIM_SIZE", "CONTEXT", "LAND", "LAND_FOCUS",
           "MIN_TYPE", "PLACE_SIZE", "RC", "SCALE", "TOTAL_MAX", "WATER", "arrow_marker",
           "claim_diameter", "claim_size", "mask", "scaled", "type_pt", "type_scale"]


#: rcParams under which every figure is drawn and saved (fixed fonts, text kept as text,
#: a fixed SVG id salt: byte-identical output for the same input)
RC = {
    "font.family": "DejaVu Sans",
    "svg.fonttype": "none",
    "svg.hashsalt": "claimmap-static-map",
    "path.simplify": True,
    "axes.unicode_minus": False,
    # article text is text: "$5m ... $3m" is never matplotlib math ("US pledges *5m*...")
    "text.parse_math": False,
}

#: marker shapes per claim category: shape and colour together, for colour-blind readers
#: (`layers.symbology.CATEGORY_SHAPE`, the same shapes as the QGIS styles and HTML map)
CATEGORY_MARKER = {cat: SHAPES[shape].matplotlib for cat, shape in CATEGORY_SHAPE.items()}
WATER = "#dce9f2"
LAND = "#f1eee8"
LAND_FOCUS = "#fcfbf8"
BORDER = "#8c8c8c"
#: occupied or disputed areas: hatched and edged in this dark red
DISPUTED = "#b2182b"
#: the land borders of a country the article names
NAMED_COUNTRY = "#3b3b3b"
CONTEXT = "#8a8a8a"
#: type scale of the figure being drawn: 1 at 8x6 in, smaller for smaller figures
SCALE = contextvars.ContextVar("claimmap_static_scale", default=1.0)
#: the smallest type (points) of the figure being drawn: 0 (no floor) for a figure size in
#: inches, 7 for a map made for a width in pixels (`--width`), so that no text of a map
#: shown at that width is smaller than 7 pt
MIN_TYPE = contextvars.ContextVar("claimmap_static_min_type", default=0.0)
CLAIM_SIZE = 10.0     # claim marker size (points)
PLACE_SIZE = 5.5      # place marker size (points)
TOTAL_MAX = 20.0      # diameter (points) of the circle of the place with most claims


def scaled(size: float) -> float:
    """A type size (points) at the scale of the figure being drawn."""
    return round(size * SCALE.get(), 2)


def type_pt(size: float) -> float:
    """A type size (points) at the scale of the figure being drawn, never below `MIN_TYPE`."""
    return max(MIN_TYPE.get(), scaled(size))


def claim_size() -> float:
    """Claim marker size (points): the figure's scale, or larger when its smallest type
    must still fit inside it (the count a marker holds)."""
    return max(scaled(CLAIM_SIZE), round(MIN_TYPE.get() * CLAIM_SIZE / 5.8, 2))


def type_scale(size) -> float:
    """1 at 8x6 in; gently smaller or larger with the figure (square root), 0.7 to 1.5."""
    w, h = size
    return min(1.5, max(0.7, math.sqrt(min(w / 8.0, h / 6.0))))


def mask(alpha=0.72):
    """A soft white box behind a label, so it reads over lines and land.

    (A stroked halo would be nicer, but matplotlib draws path-effect text as outlines,
    and the SVG must keep its text as text.)
    """
    return {"boxstyle": "round,pad=0.12,rounding_size=0.3", "facecolor": "white",
            "edgecolor": "none", "alpha": alpha}


def arrow_marker(angle_deg):
    """An arrowhead marker (a path) pointing up, turned `angle_deg` anticlockwise.

    (An equilateral triangle cannot point: turned by 60 degrees it points the other way.)
    """
    from matplotlib.path import Path as MplPath
    from matplotlib.transforms import Affine2D

    head = MplPath([(0, 1), (-0.6, -0.7), (0, -0.3), (0.6, -0.7), (0, 1)],
                   [MplPath.MOVETO, MplPath.LINETO, MplPath.LINETO, MplPath.LINETO,
                    MplPath.CLOSEPOLY])
    return head.transformed(Affine2D().rotate_deg(angle_deg))


def claim_diameter(n, n_max) -> float:
    """Diameter (points) of a place's claim circle: its area in proportion to `n`."""
    return max(scaled(4.0), scaled(TOTAL_MAX) * math.sqrt(n / max(n_max, 1)))
