"""The static map's furniture: layout, legend, scale bar, north arrow, inset, titles, caption.

Where each part of the figure goes (`figure_layout`), and what is drawn around the map
itself: a km scale bar and a north arrow in free corners, the locator inset, a legend of
only what the map shows, in the largest type that fits its panel, the title and its
subtitle, and the caption with source, date and attribution.
"""

from __future__ import annotations

import math
import textwrap
from pathlib import Path

from layers.model import RELATIONS
from layers.render._cells import number, published_text
from layers.render._frame import lonlat_to_map, transformer
from layers.render._look import (BORDER, CATEGORY_MARKER, CONTEXT, DISPUTED, MIN_TYPE,
                                 NAMED_COUNTRY, SCALE, WATER, arrow_marker, claim_diameter, claim_size, mask, scaled,
                                 type_pt)
from layers.render._shapes import draw_lines, fill_polygons
from layers.symbology import (PLACE_STYLE, data_credits,
                              category_style, relation_style)

__all__ = ["caption_text", "draw_caption", "draw_inset", "draw_legend", "draw_north_arrow",
           "draw_scale_bar", "draw_titles", "figure_layout", "locator_country"]


def figure_layout(fig, size, title, caption, inset=True, legend_h=None, stacked=False):
    """Figure-fraction boxes of the map, the side panel (inset, legend), title, caption.

    Sizes in inches follow the type scale; the title takes up to three lines and the
    caption the lines it needs (`caption`: its text, or its length estimate). With
    `legend_h` (the inches the legend needs at its type, for a map made for a width in
    pixels), the figure's height is what the map and that legend need: ``"size"`` in the
    result is the figure's size to set. `stacked` puts the inset and legend under the
    map, side by side (a narrow column: the map keeps the whole width).
    """
    w, h = size
    k = SCALE.get()
    margin = 0.15
    title_chars = max(20, int(w * 8.2 / k))
    title_lines = min(3, max(1, len(textwrap.wrap(title, width=title_chars))))
    title_h = 0.12 + 0.245 * k * title_lines + 0.04 + 0.16 * k + 0.06   # title, subtitle
    caption_pt = type_pt(6.5)
    caption_chars = max(40, int((w - 2 * margin) * 17 * 6.5 / caption_pt))
    caption_lines = min(4, len(textwrap.wrap(caption, width=caption_chars)) or 1)
    caption_h = 0.1 + 0.125 * caption_pt / 6.5 * caption_lines + 0.08
    common = {"title_chars": title_chars, "title_lines": title_lines,
              "caption_chars": caption_chars, "margin": margin / w}
    if stacked:
        map_w = w - 2 * margin
        map_h = map_w * 0.78
        inset_w = min(0.36 * map_w, 2.4) if inset else 0.0
        inset_h = inset_w * 0.8
        gap = 0.2
        leg_x = margin + (inset_w + gap if inset else 0.0)
        panel_h = max(inset_h + 0.2 * k if inset else 0.0, legend_h or 0.0)
        h = title_h + map_h + gap + panel_h + caption_h
        panel_y = caption_h
        return {**common,
                "size": (w, h),
                "map": (margin / w, (panel_y + panel_h + gap) / h, map_w / w, map_h / h),
                "inset": ((margin / w, (panel_y + panel_h - inset_h - 0.2 * k) / h,
                           inset_w / w, inset_h / h) if inset else None),
                "legend": (leg_x / w, panel_y / h, (w - margin - leg_x) / w, panel_h / h),
                "title_y": 1 - 0.12 / h,
                "caption_top": (caption_h - 0.1) / h}
    side_w = min(max(1.9 * k, 0.27 * w), 3.2)
    map_w = w - side_w - 3 * margin
    map_h = max(h - title_h - caption_h, 0.25 * h)
    inset = inset and map_h >= 2.4   # a small figure gives its side panel to the legend
    inset_h = min(side_w * 0.8, map_h * 0.38) if inset else 0.0
    gap = 0.12 * k if inset else 0.0
    if legend_h is not None and map_h - inset_h - gap < legend_h:   # taller, not smaller type
        map_h = legend_h + inset_h + gap
        h = title_h + map_h + caption_h
    side_x = margin * 2 + map_w
    return {**common,
            "size": (w, h),
            "map": (margin / w, caption_h / h, map_w / w, map_h / h),
            "inset": ((side_x / w, (caption_h + map_h - inset_h) / h, side_w / w, inset_h / h)
                      if inset else None),
            "legend": (side_x / w, caption_h / h, side_w / w, (map_h - inset_h - gap) / h),
            "title_y": 1 - 0.12 / h,
            "caption_top": (caption_h - 0.1) / h}


def draw_titles(fig, layout, title, n_places, n_claims):
    width_chars = layout["title_chars"]
    lines = textwrap.wrap(title, width=width_chars)
    if len(lines) > 3:
        lines = lines[:3]
        lines[-1] = lines[-1].rstrip()[: width_chars - 1] + "…"
    fig.text(layout["margin"], layout["title_y"], "\n".join(lines), ha="left", va="top",
             fontsize=scaled(13), fontweight="bold", color="#111111", linespacing=1.15)
    sub = f"{n_places} place{'s' if n_places != 1 else ''} named, " \
          f"{n_claims} claim{'s' if n_claims != 1 else ''}"
    y = layout["title_y"] - (0.245 * SCALE.get() * layout["title_lines"] + 0.04) \
        / fig.get_figheight()
    fig.text(layout["margin"], y, sub, ha="left", va="top", fontsize=scaled(8), color="#555555")


def caption_text(art, tile_attribution, notes, region_sources=()) -> str:
    """Source, date, notes and attribution (`data_credits` of the regions'
    ``geometry_source`` values, `region_sources`), as one paragraph."""
    parts = []
    src = " ".join(str(art.source or (Path(art.path).name if art.path else "")).split())
    if len(src) > 110:   # a long URL: keep the caption to its lines
        src = src[:109] + "…"
    if src:
        parts.append(f"Source: {src}")
    when = published_text(art)
    if when:
        parts.append(when)
    line1 = ", ".join(parts) + ("." if parts else "")
    line1 = line1[:1].upper() + line1[1:]   # "Published ..." when there is no source
    attrib = data_credits(region_sources)
    if tile_attribution:
        attrib.append(f"Basemap: {tile_attribution}")
    return " ".join([line1, *notes, "; ".join(attrib) + ". Made with claimmap."]).strip()


def draw_caption(fig, layout, text):
    lines = textwrap.wrap(text, width=layout["caption_chars"])
    fig.text(layout["margin"], layout["caption_top"], "\n".join(lines[:4]), ha="left",
             va="top", fontsize=type_pt(6.5), color="#444444", linespacing=1.3)


def _nice_km(target_km):
    if target_km <= 0:
        return 1.0
    exp = math.floor(math.log10(target_km))
    for m in (5, 2, 1):
        if m * 10 ** exp <= target_km:
            return m * 10 ** exp
    return 10 ** exp


def _corner_free(ax, placer, corners):
    """The first corner box (axes fraction) covering the fewest markers and lines."""
    from shapely.geometry import box as shapely_box

    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    box = ax.get_window_extent(renderer)
    best, best_n = corners[0], None
    for c in corners:
        x0 = box.x0 + c[0] * box.width
        y0 = box.y0 + c[1] * box.height
        x1 = box.x0 + c[2] * box.width
        y1 = box.y0 + c[3] * box.height
        n = sum(1 for b in placer.obstacles if b.x1 > x0 and b.x0 < x1 and b.y1 > y0 and b.y0 < y1)
        n += sum(3 for lab in placer.placed   # a label there: worse than a marker
                 if lab.bbox.x1 > x0 and lab.bbox.x0 < x1 and lab.bbox.y1 > y0
                 and lab.bbox.y0 < y1)
        area = shapely_box(x0, y0, x1, y1)
        n += sum(3 for line in placer.lines if line.intersects(area))
        if best_n is None or n < best_n:
            best, best_n = c, n
    return best


def draw_scale_bar(ax, placer, crs, extent):
    """A two-part km scale bar, true at the map's centre (geodesic), in a free corner."""
    from matplotlib.patches import Rectangle
    from matplotlib.transforms import Bbox
    from pyproj import Geod

    x0, x1, y0, y1 = extent
    tr = transformer(crs, "EPSG:4326")
    clon, clat = tr.transform((x0 + x1) / 2, (y0 + y1) / 2)
    to_map = lonlat_to_map(crs)
    geod = Geod(ellps="WGS84")
    lon_e, lat_e, _ = geod.fwd(clon, clat, 90, 10_000)
    ax0, _ = to_map(clon, clat)
    ax1, _ = to_map(lon_e, lat_e)
    units_per_km = abs(ax1 - ax0) / 10.0
    width_km = (x1 - x0) / units_per_km
    km = _nice_km(width_km * 0.22)
    frac = km * units_per_km / (x1 - x0)
    corner = _corner_free(ax, placer, [(0.02, 0.02, 0.06 + frac, 0.12),
                                       (0.94 - frac, 0.02, 0.98, 0.12)])
    bx = corner[0] + 0.02
    by = 0.045
    t = ax.transAxes
    h = 0.012
    ax.add_patch(Rectangle((bx - 0.012, by - 0.022), frac + 0.05, 0.075, transform=t,
                           facecolor="white", alpha=0.75, edgecolor="none", zorder=10))
    ax.add_patch(Rectangle((bx, by), frac / 2, h, transform=t, facecolor="#222222",
                           edgecolor="#222222", lw=0.6, zorder=11))
    ax.add_patch(Rectangle((bx + frac / 2, by), frac / 2, h, transform=t, facecolor="white",
                           edgecolor="#222222", lw=0.6, zorder=11))
    label = f"{km:g} km"
    ax.text(bx, by + h + 0.008, "0", transform=t, ha="center", va="bottom",
            fontsize=max(6.5, MIN_TYPE.get()), zorder=11)
    ax.text(bx + frac, by + h + 0.008, label, transform=t, ha="center", va="bottom",
            fontsize=max(6.5, MIN_TYPE.get()), zorder=11)
    renderer = ax.figure.canvas.get_renderer()
    box = ax.get_window_extent(renderer)
    placer.add_obstacle(Bbox.from_extents(
        box.x0 + (bx - 0.02) * box.width, box.y0 + (by - 0.025) * box.height,
        box.x0 + (bx + frac + 0.05) * box.width, box.y0 + (by + 0.06) * box.height))


def draw_north_arrow(ax, placer):
    """A north arrow in a free top corner (north is up at the centre of this projection)."""
    from matplotlib.transforms import Bbox

    corner = _corner_free(ax, placer, [(0.90, 0.80, 0.99, 0.99), (0.01, 0.80, 0.10, 0.99)])
    x = (corner[0] + corner[2]) / 2
    t = ax.transAxes
    ax.annotate("", xy=(x, 0.965), xytext=(x, 0.89), xycoords=t, textcoords=t,
                arrowprops={"arrowstyle": "-|>,head_length=0.8,head_width=0.4",
                            "color": "#222222", "lw": 1.4}, zorder=11)
    ax.text(x, 0.875, "N", transform=t, ha="center", va="top", fontsize=max(8, MIN_TYPE.get()),
            fontweight="bold",
            color="#222222", zorder=11, bbox=mask())
    renderer = ax.figure.canvas.get_renderer()
    box = ax.get_window_extent(renderer)
    placer.add_obstacle(Bbox.from_extents(
        box.x0 + (x - 0.035) * box.width, box.y0 + 0.82 * box.height,
        box.x0 + (x + 0.035) * box.width, box.y0 + 0.975 * box.height))


def locator_country(places):
    """The country the article's places are in, for the locator: the country code most
    of its resolved places (and regions) have, ties to the one mentioned most; as the
    Natural Earth outline of that code (``{"name", "iso_a2", "geometry"}``), or None.

    The largest country in the frame, or the one holding the most mentioned point, can be
    another (a story from near a border; an area one outline set draws inside another).
    """
    from collections import Counter

    from geo.outlines import country_outlines

    count: Counter = Counter()
    weight: Counter = Counter()
    for p in places:
        cc = str(p.get("country_code") or "").strip().upper()
        if len(cc) != 2 or not cc.isalpha():
            continue
        count[cc] += 1
        weight[cc] += number(p.get("mentions"))
    if not count:
        return None
    world = country_outlines()
    for cc in sorted(count, key=lambda c: (-count[c], -weight[c], c)):
        rows = [i for i, a in enumerate(world.iso_a2) if a == cc]
        if rows:
            i = max(rows, key=lambda i: world.geometry[i].area)
            return {"name": world.name[i], "iso_a2": cc, "geometry": world.geometry[i]}
    return None


def draw_inset(fig, rect, world, extent, focus):
    """The locator map: the focus country and its neighbours, the view as a red box.

    Drawn in the map's own projection (centred on the view, so the country keeps the
    shape it has on the main map), around the union of the view and the country.
    """
    import shapely
    from shapely.geometry import box

    x0, x1, y0, y1 = extent
    view = box(x0, y0, x1, y1)
    # at least three times the view, so there is something around it to locate it by
    cx, cy, w, h = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0), (y1 - y0)
    area = box(cx - 1.5 * w, cy - 1.5 * h, cx + 1.5 * w, cy + 1.5 * h)
    if focus is not None:
        mine = world.named(focus["name"])
        if len(mine):
            area = box(*shapely.total_bounds([area, *mine.geoms]))
    tx0, ty0, tx1, ty1 = area.bounds
    pad = max(tx1 - tx0, ty1 - ty0) * 0.08
    tx0, tx1, ty0, ty1 = tx0 - pad, tx1 + pad, ty0 - pad, ty1 + pad
    ax = fig.add_axes(rect)
    ax.set_facecolor(WATER)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_edgecolor("#555555")
        spine.set_linewidth(0.6)
    # fill the inset's box at equal scale
    box_px = ax.get_window_extent(fig.canvas.get_renderer())
    aspect = box_px.width / box_px.height
    cx, cy = (tx0 + tx1) / 2, (ty0 + ty1) / 2
    hw, hh = (tx1 - tx0) / 2, (ty1 - ty0) / 2
    if hw / hh < aspect:
        hw = hh * aspect
    else:
        hh = hw / aspect
    frame = box(cx - hw * 1.2, cy - hh * 1.2, cx + hw * 1.2, cy + hh * 1.2)
    local = world.intersecting(frame)
    if len(local):
        faces = ["#d8d2c4" if focus is not None and n == focus["name"] else "#f3f1ec"
                 for n in local.names]
        fill_polygons(ax, shapely.intersection(local.geoms, frame), facecolor=faces,
              edgecolor="#9a9a9a", linewidth=0.4)
    ax.set_xlim(cx - hw, cx + hw)
    ax.set_ylim(cy - hh, cy + hh)
    fill_polygons(ax, [view], facecolor="#d62728", alpha=0.18, edgecolor="none", zorder=3)
    draw_lines(ax, [view.boundary], color="#c0001a", linewidth=1.3, zorder=3.1)
    if (x1 - x0) < 0.06 * 2 * hw:   # too small to see: mark it with a dot too
        ax.plot([(x0 + x1) / 2], [(y0 + y1) / 2], marker="o", markersize=5,
                markerfacecolor="#c0001a", markeredgecolor="white", markeredgewidth=0.6,
                zorder=3.2)
    if focus is not None:
        ax.set_title(str(focus["name"]), fontsize=type_pt(7), color="#444444", pad=2,
                     loc="left")
    return ax


def _size_key(n_max) -> list[int]:
    """Round claim counts for the legend's size key: the largest, about a tenth, 1."""
    out = [n_max]
    if n_max >= 10:
        tenth = n_max / 10
        exp = 10 ** math.floor(math.log10(tenth))
        out.append(int(min((1, 2, 5, 10), key=lambda m: abs(m * exp - tenth)) * exp))
    if n_max > 1 and out[-1] > 1:
        out.append(1)
    return out


class _CountHandle:
    """Legend stand-in for "a number inside a marker counts the claims"."""


class _CountHandler:
    """Draws `_CountHandle`: a grey marker with a 2 in it, as on the map."""

    def legend_artist(self, legend, orig_handle, fontsize, handlebox):
        from matplotlib.lines import Line2D
        from matplotlib.text import Text

        x = handlebox.xdescent + handlebox.width / 2
        y = handlebox.ydescent + handlebox.height / 2
        dot = Line2D([x], [y], marker="o", markersize=claim_size() * 0.85, linestyle="none",
                     markerfacecolor="#777777", markeredgecolor="white",
                     transform=handlebox.get_transform())
        num = Text(x, y, "2", ha="center", va="center", fontsize=max(5.5, MIN_TYPE.get()),
                   fontweight="bold",
                   color="white", transform=handlebox.get_transform())
        handlebox.add_artist(dot)
        handlebox.add_artist(num)
        return dot


def draw_legend(fig, rect, categories, relations, towns, facility, regions, claim_flags, context,
            far=False, ncols=1, disputed=None, named_country=False):
    """The legend: only what the map shows.

    `regions` lists the kinds of region drawn ("point", "polygon"); `claim_flags` says
    whether a contested claim and a count badge were drawn; `disputed` is the borders
    choice ("recognised", "de-facto") when an occupied or disputed area is drawn.
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles, labels, headers = [], [], []

    def header(text):
        headers.append(len(labels))
        handles.append(Line2D([], [], linestyle="none"))
        labels.append(text)

    totals = bool(claim_flags.get("totals"))
    if categories:
        header("Claims by main category" if totals else "Claims by category")
        for cat in categories:
            colour, _, lab = category_style(cat)
            shape = "o" if totals else CATEGORY_MARKER.get(cat, "o")
            handles.append(Line2D([], [], marker=shape, linestyle="none",
                                  markersize=7, markerfacecolor=colour,
                                  markeredgecolor="white", markeredgewidth=0.6))
            labels.append(lab)
        if claim_flags["contested"]:
            handles.append(Line2D([], [], marker="o", linestyle="none", markersize=7,
                                  markerfacecolor="#bbbbbb", markeredgecolor="#111111",
                                  markeredgewidth=1.4))
            labels.append("Most of its figures contested"
                          if claim_flags.get("mostly_contested") else "Contested figure")
        if claim_flags["counted"]:
            handles.append(_CountHandle())
            labels.append("Number of such claims there")
        if claim_flags.get("totals"):
            n_max = claim_flags["totals"]
            for n in _size_key(n_max):
                handles.append(Line2D([], [], marker="o", linestyle="none",
                                      markersize=claim_diameter(n, n_max) * 0.8,
                                      markerfacecolor="#bbbbbb", markeredgecolor="white"))
                labels.append(f"{n:,} claim{'s' if n != 1 else ''} at a place")
    if relations:
        header("Links")
        rank = {r: i for i, r in enumerate(RELATIONS)}
        for rel in sorted(relations, key=lambda r: (rank.get(r, 99), r)):
            colour, dash, lab = relation_style(rel)
            ls = (0, tuple(float(v) * 0.6 for v in dash.split())) if dash else "-"
            handles.append(Line2D([], [], color=colour, linewidth=1.8, linestyle=ls))
            labels.append(lab + " →")
    header("Places")
    if towns:
        handles.append(Line2D([], [], marker="o", linestyle="none", markersize=5,
                              markerfacecolor=PLACE_STYLE["populated_place"][0],
                              markeredgecolor="white"))
        labels.append("Place in the article")
    if facility:
        handles.append(Line2D([], [], marker="^", linestyle="none", markersize=5.5,
                              markerfacecolor=PLACE_STYLE["facility"][0], markeredgecolor="white"))
        labels.append(PLACE_STYLE["facility"][1])
    if "polygon" in regions:
        handles.append(Patch(facecolor=PLACE_STYLE["admin1"][0] + "10",
                             edgecolor=PLACE_STYLE["admin1"][0], linestyle=(0, (5, 3)),
                             linewidth=1.1))
        labels.append("Region (boundary)")
    if "point" in regions:   # an area with no outline: a marker at its centre
        handles.append(Line2D([], [], marker="s", linestyle="none", markersize=6,
                              markerfacecolor="none", markeredgecolor=PLACE_STYLE["admin1"][0],
                              markeredgewidth=1.2))
        labels.append("Region (centre)")
    if far:
        handles.append(Line2D([], [], marker=arrow_marker(-90), linestyle="none",
                              markersize=7, color="#333333"))
        labels.append("Place beyond the map (distance)")
    if context:
        handles.append(Line2D([], [], marker="o", linestyle="none", markersize=3,
                              markerfacecolor=CONTEXT, markeredgecolor="white"))
        labels.append("Other town (context)")
    handles.append(Line2D([], [], color=BORDER, linewidth=0.9, linestyle=(0, (6, 2, 1, 2))))
    labels.append("International border")
    if named_country:
        handles.append(Line2D([], [], color=NAMED_COUNTRY, linewidth=1.5))
        labels.append("Border of a country named")
    if disputed:
        # as _context.draw_disputed draws it: hatched, a dashed dark-red edge
        handles.append(Patch(facecolor="none", edgecolor=DISPUTED, hatch="////",
                             linestyle=(0, (2, 2)), linewidth=0.8))
        labels.append("Area under occupation" if disputed == "recognised"
                      else "Area held, recognised as another's")
    # a figure legend in the panel's box (an Axes of its own would cost as much again), in
    # the largest type that fits
    renderer = fig.canvas.get_renderer()
    box_height = rect[3] * fig.bbox.height
    sizes = []
    for v in [scaled(v) for v in (7.0, 6.5, 6.0, 5.5, 5.0)] + [4.5, 4.0]:
        v = max(v, MIN_TYPE.get())   # never below the figure's smallest type
        if v not in sizes:
            sizes.append(v)

    def make(size):
        leg = fig.legend(handles, labels, handler_map={_CountHandle: _CountHandler()},
                         loc="upper left", bbox_to_anchor=(rect[0], rect[1] + rect[3]),
                         bbox_transform=fig.transFigure,
                         frameon=False, fontsize=size, handlelength=2.2, handletextpad=0.6,
                         ncols=ncols, columnspacing=1.5,
                         borderaxespad=0.0, labelspacing=0.45)
        for h in leg.legend_handles:   # symbols in step with the type
            if hasattr(h, "set_markersize"):
                h.set_markersize(h.get_markersize() * size / 7.0)
        for i in headers:
            t = leg.get_texts()[i]
            t.set_fontweight("bold")
            t.set_color("#222222")
            t.set_position((-25, 0))
        return leg, leg.get_window_extent(renderer).height

    leg, height = make(sizes[0])
    if height <= box_height:
        return leg
    leg.remove()
    # each try costs a legend laid out: start at the largest size that the height in
    # proportion to the type says may fit (smaller type takes a little more room per
    # point, so the proportion errs on the large side; 1.5% more for rounding)
    per_pt = height / sizes[0]
    first = next((i for i, size in enumerate(sizes)
                  if i and per_pt * size <= box_height * 1.015), len(sizes) - 1)
    for size in sizes[first:]:
        leg, height = make(size)
        if height <= box_height or size == sizes[-1]:
            break
        leg.remove()
    return leg
