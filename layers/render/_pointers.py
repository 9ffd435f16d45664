"""Places beyond the static map: one arrow at the map's edge per compass direction.

The places named in passing far from the claims (`layers.render._context.far_places`)
would shrink the story's area to a corner if the view took them in; each is pointed at
from the map's edge instead. Places that lie the same way (one of eight compass sectors
seen from the map's centre) share one arrow: a storm story naming a dozen towns up a
coast gets one arrow with the count and the first names, not a dozen stacked ones.
"""

from __future__ import annotations

import math

from layers.render._cells import importance
from layers.render._frame import transformer
from layers.render._look import arrow_marker, scaled
from layers.symbology import label_for

__all__ = ["SECTORS", "draw_far_pointers", "pointer_text"]

#: the eight compass sectors, anticlockwise from east (the map's x axis), 45 degrees each
SECTORS = ("E", "NE", "N", "NW", "W", "SW", "S", "SE")
#: names written out on a merged arrow's label at most, and their length in characters
_NAMES = 3
_NAMES_CHARS = 34


def pointer_text(names, kms) -> str:
    """The label of an arrow: ``"Kyiv, 480 km"`` for one place; for several, the first
    names (most mentioned first, cut to `_NAMES_CHARS`, the rest counted) above the count
    and the range of distances.

    >>> pointer_text(["Kyiv"], [480.2])
    'Kyiv, 480 km'
    >>> print(pointer_text(["Miami", "Tampa", "Orlando", "Naples"], [310, 540, 455, 402]))
    Miami, Tampa, Orlando +1 more
    4 places, 310–540 km
    """
    if len(names) == 1:
        return f"{names[0]}, {kms[0]:,.0f} km"
    shown: list[str] = []
    for name in names[:_NAMES]:
        if shown and len(", ".join([*shown, name])) > _NAMES_CHARS:
            break
        shown.append(name)
    first = ", ".join(shown)
    if len(first) > _NAMES_CHARS:
        first = first[:_NAMES_CHARS - 1].rstrip() + "…"
    rest = len(names) - len(shown)
    if rest:
        first += f" +{rest} more"
    lo, hi = min(kms), max(kms)
    span = f"{lo:,.0f} km" if round(lo) == round(hi) else f"{lo:,.0f}–{hi:,.0f} km"
    return f"{first}\n{len(names)} places, {span}"


def draw_far_pointers(ax, placer, far, to_map, crs, extent):
    """One arrow at the map's edge per compass sector holding far places.

    Returns ``(key, label, anchor, sector, place_ids)`` per arrow. A sector with one place
    points straight at it; one with several points along the mean of their directions
    (which stays inside the sector). Distances are geodesic, from the map's centre.
    """
    from pyproj import Geod

    if not far:
        return []
    x0, x1, y0, y1 = extent
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    clon, clat = transformer(crs, "EPSG:4326").transform(cx, cy)
    geod = Geod(ellps="WGS84")
    groups: dict[int, list] = {}
    for r in sorted(far, key=importance):
        g = r["geometry"]
        pt = g if g.geom_type == "Point" else g.representative_point()
        x, y = to_map(pt.x, pt.y)
        dx, dy = x - cx, y - cy
        if not (math.isfinite(dx) and math.isfinite(dy)) or (dx == 0 and dy == 0):
            continue
        angle = math.atan2(dy, dx)
        sector = round(math.degrees(angle) / 45.0) % 8
        km = geod.inv(clon, clat, pt.x, pt.y)[2] / 1000
        name = label_for(str(r["name"]), r.get("surfaces"), r.get("kind", "admin1"))
        groups.setdefault(sector, []).append((r["place_id"], name, km, angle))
    out = []
    hw, hh = (x1 - x0) / 2 * 0.96, (y1 - y0) / 2 * 0.96   # 4% inside the map's edge
    for sector in sorted(groups):
        members = groups[sector]
        angle = math.atan2(sum(math.sin(m[3]) for m in members),
                           sum(math.cos(m[3]) for m in members))
        dx, dy = math.cos(angle), math.sin(angle)
        t = min(hw / abs(dx) if abs(dx) > 1e-12 else math.inf,
                hh / abs(dy) if abs(dy) > 1e-12 else math.inf)
        ex, ey = cx + dx * t, cy + dy * t
        marker = arrow_marker(math.degrees(angle) - 90)   # the marker points up at 0
        ax.plot([ex], [ey], marker=marker, markersize=scaled(9), color="#333333",
                markeredgecolor="white", markeredgewidth=0.6, linestyle="none", zorder=8)
        px, py = ax.transData.transform((ex, ey))
        placer.add_marker(px, py, scaled(8) / 2 + 1)
        text = pointer_text([m[1] for m in members], [m[2] for m in members])
        out.append((f"far:{members[0][0]}", text, (ex, ey), SECTORS[sector],
                    [m[0] for m in members]))
    return out
