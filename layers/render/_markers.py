"""The article's claims on the static map: category markers, or circles by count.

A ring of category markers around each place, with a count in a marker where several
claims of a category sit there and a black rim on a contested figure; beyond
`_AGGREGATE_PLACES` places (a merged batch), one circle per place instead, its area in
proportion to the place's claims and its colour the place's main category.
"""

from __future__ import annotations

import math
from collections import Counter

from layers.model import CATEGORIES
from layers.render._cells import truthy
from layers.render._look import (CATEGORY_MARKER, CLAIM_SIZE, PLACE_SIZE, SCALE,
                                 claim_diameter, scaled)
from layers.symbology import category_style, ink_on

__all__ = ["draw_claims"]

#: beyond this many places with claims (or category markers in all), claims are drawn as
#: one proportional circle per place instead of a ring of category markers per place
_AGGREGATE_PLACES = 60
_AGGREGATE_MARKERS = 240


def draw_claims(ax, placer, claims, to_map, extent, size_pt=None):
    """Category markers in a ring around each place; returns ring radii and what was drawn.

    `size_pt`: the markers' size (points); default the figure's scale of `CLAIM_SIZE`."""
    from matplotlib.transforms import ScaledTranslation

    groups: dict[tuple, Counter] = {}
    contested: dict[tuple, set] = {}
    n_contested: Counter = Counter()
    unmapped = 0
    for c in claims:
        g = c.get("geometry")
        if g is None or g.is_empty:
            unmapped += 1
            continue
        pt = g if g.geom_type == "Point" else _first_point(g)
        x, y = to_map(pt.x, pt.y)
        if not (extent[0] <= x <= extent[1] and extent[2] <= y <= extent[3]):
            unmapped += 1
            continue
        key = (round(x, 3), round(y, 3))
        cat = str(c.get("category") or "")
        groups.setdefault(key, Counter())[cat] += 1
        if truthy(c.get("contested")):
            contested.setdefault(key, set()).add(cat)
            n_contested[key] += 1
    order = {c: i for i, c in enumerate(CATEGORIES)}
    if (len(groups) > _AGGREGATE_PLACES
            or sum(len(c) for c in groups.values()) > _AGGREGATE_MARKERS):
        radii, present, flags = _draw_claim_totals(ax, placer, groups, n_contested, order)
        return radii, present, unmapped, flags
    radii = {}
    present = set()
    for key in sorted(groups):
        counts = groups[key]
        cats = sorted(counts, key=lambda c: (order.get(c, 99), c))
        n = len(cats)
        size = size_pt or scaled(CLAIM_SIZE)
        step = size + 1.5
        r = max(scaled(PLACE_SIZE) / 2 + size / 2 + 1.5, n * step / (2 * math.pi))
        radii[key] = r + size / 2 + 1
        x, y = key
        for i, cat in enumerate(cats):
            present.add(cat)
            # start at the upper right, go round clockwise
            angle = math.radians(45 - i * 360 / n) if n > 1 else math.radians(45)
            dx, dy = r * math.cos(angle), r * math.sin(angle)
            trans = ax.transData + ScaledTranslation(dx / 72, dy / 72, ax.figure.dpi_scale_trans)
            colour = category_style(cat)[0]
            hot = cat in contested.get(key, ())
            ax.plot([x], [y], marker=CATEGORY_MARKER.get(cat, "o"), markersize=size,
                    markerfacecolor=colour, markeredgecolor="#111111" if hot else "white",
                    markeredgewidth=1.6 if hot else 0.9, linestyle="none", transform=trans,
                    zorder=7)
            if counts[cat] > 1:
                # a triangle's visual centre is a third of the way in from its base
                nudge = {"^": -1.2, "v": 1.2}.get(CATEGORY_MARKER.get(cat, "o"), 0.0)
                trans = ax.transData + ScaledTranslation(
                    dx / 72, (dy + SCALE.get() * nudge) / 72, ax.figure.dpi_scale_trans)
                ax.text(x, y, str(counts[cat]), transform=trans, ha="center", va="center",
                        fontsize=scaled(5.8), fontweight="bold", color=ink_on(colour), zorder=7.1)
            px, py = ax.transData.transform((x, y))
            s = ax.figure.dpi / 72
            placer.add_marker(px + dx * s, py + dy * s, size / 2 + 0.5)
    flags = {"contested": any(contested.values()),
             "counted": any(n > 1 for counts in groups.values() for n in counts.values())}
    return radii, [c for c in sorted(present, key=lambda c: (order.get(c, 99), c))], unmapped, \
        flags


def _draw_claim_totals(ax, placer, groups, n_contested, order):
    """Many places with claims (a merged batch): one circle per place, its area in
    proportion to the place's claims, coloured by its most frequent category, outlined
    in black when most of its figures are contested (across many articles nearly every
    place has one); largest first, so small ones stay on top. One scatter artist for
    them all (thousands of claims, one artist). Labels may cover the rim of a circle,
    not its middle: on a crowded overview the circles would leave no room otherwise."""
    totals = {key: sum(c.values()) for key, c in groups.items()}
    n_max = max(totals.values())
    rows = []
    present = set()
    for key in sorted(groups, key=lambda k: (-totals[k], k)):
        counts = groups[key]
        main = min(counts, key=lambda c: (-counts[c], order.get(c, 99), c))
        present.add(main)
        rows.append((key, main, claim_diameter(totals[key], n_max),
                     n_contested[key] * 2 > totals[key]))
    xs = [k[0] for k, *_ in rows]
    ys = [k[1] for k, *_ in rows]
    ax.scatter(xs, ys, s=[d * d for _, _, d, _ in rows],
               c=[category_style(m)[0] for _, m, _, _ in rows],
               edgecolors=["#111111" if hot else "white" for *_, hot in rows],
               linewidths=[1.1 if hot else 0.6 for *_, hot in rows],
               alpha=0.8, zorder=7)
    radii = {}
    for (x, y), _, d, _ in rows:
        px, py = ax.transData.transform((x, y))
        placer.add_marker(px, py, min(d / 2, max(scaled(3.0), d * 0.3)))
        radii[(x, y)] = min(d / 2 + 1.5, max(scaled(5.0), d * 0.3 + 1.5))
    flags = {"contested": any(hot for *_, hot in rows), "counted": False,
             "mostly_contested": True,
             "totals": n_max}
    return radii, sorted(present, key=lambda c: (order.get(c, 99), c)), flags


def _first_point(g):
    from shapely.geometry import Point

    if g.geom_type == "MultiLineString":
        g = g.geoms[0]
    if hasattr(g, "coords") and len(g.coords):
        return Point(g.coords[0])
    return g.representative_point()
