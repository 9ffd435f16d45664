"""Static maps for reports: ``SLUG.png``, ``SLUG.svg`` and ``SLUG.report.html``.

The figure is drawn with matplotlib, shapely and pyproj, with no network (and no pandas
or geopandas: the layers are read as plain rows, `drawing_input`, so that a process that
only draws the map need not import them): a local azimuthal equidistant projection
centred on the article's places (so the km scale bar is true near the centre; Equal Earth
when the places span the world), Natural Earth country outlines for land, coasts and
borders, a few nearby gazetteer towns in small grey type, the article's places labelled
without overlaps (the article's spelling: "Sloviansk", not GeoNames' "Slovyansk"), its
claims as category markers (a ring of them, with counts, where several sit at one
place), links as directed lines, regions as outlines or labelled centre markers, places
named in passing far from the claims as pointers at the map's edge, a legend of what is
shown, a scale bar, a north arrow, a title, a caption with source, date and attribution,
and an inset locator map of the country. Type and symbols scale gently with the figure size.

Merged batch layers (hundreds of places, tens of thousands of claims) are drawn as a map
editor would: one circle per place, its area in proportion to the place's claims and its
colour the place's main category (one artist for them all), and labels for as many
places as the map holds (about one per 2,000 square points of map), those with most
claims and mentions first; the others keep their dot. Outlines are cut to the detail
the figure shows (`layers.render._shapes.to_pixels`). 500 places and 50,000 claims draw
in a few seconds.

Colours and labels come from `layers.symbology`, the same as the HTML map's. Output is
deterministic: the same layers give byte-identical PNG and SVG files (fixed font, no
dates in the metadata, a fixed SVG id salt). Labels are placed by
`layers.render._labels.LabelPlacer` (greedy candidate positions checked against
matplotlib's own text extents; adjustText was not used because it moves labels
iteratively and gives no no-overlap guarantee).

``basemap="web"`` (only when asked) draws the same map in Web Mercator over web tiles
(see `layers.render._tiles`); it needs network and fails with a clear error without it.

This module is the map's body: the drawing in order (view, outlines, regions, links,
places, claims, labels) and the files. Its options (`check_figure`, which a caller may run
before any work: a figure size in inches, or a width in pixels for a report's column,
`parse_width`) are `layers.render._options`'s. The stages it calls are modules of their
own: `layers.render._cells` (what is read of the layers, and sent to a drawing process),
`_frame` (projection and view), `_pointers` (arrows to places beyond the map),
`_look` (colours, sizes, markers), `_shapes` (geometries as matplotlib collections),
`_markers` (the claims), `_regions` (the areas), `_labels` (label placement), `_context`
(country names, nearby towns, far places), `_furniture` (layout, legend, scale bar, north arrow, inset, titles,
caption), `_tiles` (web tiles) and `layers.render.report` (the report fragment).
"""

from __future__ import annotations

import contextlib
import logging
import math
import textwrap
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from geo.outlines import check_borders
from layers.io.writers import atomic_write
from layers.render._cells import drawing_input, importance, number, split_ids, truthy
from layers.render._context import (disputed_near, draw_context_towns, draw_country_labels,
                                    draw_disputed, far_places)
from layers.render._frame import (country_names_for, country_outline, focus_country_of,
                                  lonlat_to_map, projected_world, projection, to_crs,
                                  view_extent)
from layers.render._furniture import (caption_text, draw_caption, draw_inset, draw_legend,
                                      draw_north_arrow, draw_scale_bar, draw_titles,
                                      figure_layout, locator_country)
from layers.render._look import (BORDER, LAND, LAND_FOCUS, MIN_TYPE, NAMED_COUNTRY, PLACE_SIZE,
                                 RC, SCALE, WATER, claim_size, mask, scaled, type_scale)
from layers.render._markers import draw_claims
from layers.render._options import (DEFAULT_DPI, DEFAULT_FIGURE_SIZE, MIN_TYPE_PT,
                                    WIDTH_PRESETS, check_basemap, check_figure,
                                    parse_figure_size, parse_width, width_size)
from layers.render._pointers import draw_far_pointers
from layers.render._regions import draw_regions
from layers.render._shapes import draw_lines, fill_polygons, to_pixels
from layers.render.report import write_report_fragment
from layers.symbology import PLACE_STYLE, label_for, relation_style

__all__ = ["DEFAULT_DPI", "DEFAULT_FIGURE_SIZE", "MIN_TYPE_PT", "MapDrawing", "WIDTH_PRESETS",
           "check_figure", "draw_map", "drawing_input", "label_for", "parse_figure_size",
           "parse_width", "render_images", "save_static", "warm_up", "write_report",
           "write_static"]

log = logging.getLogger(__name__)

#: map area (square points) per place label: caps the labels to what the map can hold
_LABEL_AREA_PT2 = 2000.0
_MIN_LABELS = 40
#: below this width (inches) the inset and legend go under the map, not beside it
_STACKED_BELOW_IN = 7.5
#: the least span (metres) of the view around a single place: enough to show the towns
#: and borders around it (a 40 km square around one town shows nothing to place it by)
_SINGLE_PLACE_SPAN = 220_000.0


@dataclass
class MapDrawing:
    """A drawn (not yet saved) static map and what a test or caller may want to check.

    Attributes
    ----------
    fig : matplotlib.figure.Figure
    ax : matplotlib.axes.Axes
        The map itself.
    inset : matplotlib.axes.Axes or None
        The locator map.
    crs : str
        The projection the map is drawn in (a PROJ string or ``EPSG:3857``).
    labels : list of layers.render._labels.PlacedLabel
        Every label placed on the map, in placement order; keys ``place:<id>``,
        ``region:<id>``, ``far:<id>`` (a pointer to a place beyond the map),
        ``country:<name>`` and ``context:<id>``.
    place_labels : dict
        place_id -> the label's text, for the article's places, regions and pointers.
    dropped : list of str
        Keys of labels that found no room.
    unmapped_claims : int
        Claims whose point lies outside the map (e.g. about a whole country).
    """

    fig: object
    ax: object
    inset: object
    crs: str
    labels: list = field(default_factory=list)
    place_labels: dict = field(default_factory=dict)
    dropped: list = field(default_factory=list)
    unmapped_claims: int = 0
    attribution: str = ""
    #: the arrows to places beyond the map, one per compass sector: (sector, place ids,
    #: label text) each
    pointers: list = field(default_factory=list)
    #: the locator inset's title (the country the article's places are in), or None
    locator_title: str | None = None

    def label_boxes(self, kinds=("place", "region")) -> dict:
        """Label key -> its text box in display pixels, measured now by matplotlib."""
        renderer = self.fig.canvas.get_renderer()
        return {lab.key: lab.text.get_window_extent(renderer)
                for lab in self.labels if lab.key.split(":", 1)[0] in kinds}


# -- the drawing -------------------------------------------------------------------------
def draw_map(layers, *, figure_size=None, dpi=DEFAULT_DPI, title=None, basemap="none",
             context=True, width=None) -> MapDrawing:
    """Draw the static map of `layers` and return it unsaved (see `write_static`).

    Parameters
    ----------
    layers : layers.builder.Layers
        Anything with ``doc`` (a ClaimsDoc) and the GeoDataFrames ``places``, ``claims``,
        ``links`` and ``regions`` in EPSG:4326 with the SPEC's columns; or its
        `drawing_input`.
    figure_size : str or tuple, optional
        ``"8x6"`` or ``(8, 6)`` inches; default 8x6.
    dpi : int
        Resolution the labels are measured at (the PNG's).
    title : str, optional
        Default: the article's title (or its id).
    basemap : {"none", "web"}
        ``"web"`` fetches web tiles (network) and draws in Web Mercator.
    context : bool
        Draw nearby gazetteer towns for context.
    width : int or str, optional
        Lay the map out for this width in CSS pixels (or a preset of `WIDTH_PRESETS`)
        instead of `figure_size`: its type stays at least `MIN_TYPE_PT` when shown at it.
    """
    import matplotlib

    width = parse_width(width)
    size = parse_figure_size(figure_size) if width is None else width_size(width)
    with _type_for(size, width):
        with matplotlib.rc_context(RC):
            return _draw(layers, size, int(dpi), title, basemap, context, width)


@contextlib.contextmanager
def _type_for(size, width):
    """The type scale (and, for a width in pixels, the smallest type) of one drawing."""
    scale = type_scale(size) if width is None else max(1.0, type_scale(size))
    tokens = (SCALE.set(scale), MIN_TYPE.set(MIN_TYPE_PT if width is not None else 0.0))
    try:
        yield
    finally:
        MIN_TYPE.reset(tokens[1])
        SCALE.reset(tokens[0])


@lru_cache(maxsize=1)
def _quiet_canvas():
    """An Agg canvas class whose ``draw_idle`` does nothing.

    Code that ends with ``canvas.draw_idle()`` (geopandas' ``plot`` does) would render the
    whole figure there and then on a GUI-less Agg canvas: each layer plotted would render
    the map again (most of the drawing time). The figure is rendered once, when it is saved;
    text and label extents are measured with the canvas's renderer, without a draw.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    class QuietCanvas(FigureCanvasAgg):
        def draw_idle(self, *args, **kwargs):
            """Nothing: the figure is drawn when it is saved."""

    return QuietCanvas


def _draw(layers, size, dpi, title, basemap, context, width=None):
    from matplotlib.figure import Figure

    from layers.render._labels import LabelPlacer

    check_basemap(basemap)
    data = drawing_input(layers)
    art = data.article
    places = [dict(r) for r in data.places]
    # the countries of the regions layer are drawn as the borders of the countries named
    # (`_draw_outlines`), and frame the view only when nothing finer is named (below); so
    # do continents and world regions, drawn as areas the view cuts
    regions = [dict(r) for r in data.regions if r.get("kind") not in ("country", "region")]
    wide = [dict(r) for r in data.regions if r.get("kind") == "region"
            and r.get("geometry") is not None and r["geometry"].geom_type.endswith("Polygon")]
    claims = [dict(r) for r in data.claims]
    links = [dict(r) for r in data.links]

    region_ids = {r["place_id"] for r in regions}
    for p in places:   # admin areas the regions layer lacks are still marked
        if p.get("kind") == "admin1" and p["place_id"] not in region_ids:
            regions.append({"place_id": p["place_id"], "name": p["name"],
                            "geometry": p["geometry"]})
    points = [p for p in places if p.get("kind") in ("populated_place", "facility")]
    countries_named = [p for p in places if p.get("kind") == "country"]
    # places named in passing far from where the claims are: pointers at the map's edge
    # (an area holding the claims' places, e.g. the state of a county map, is no pointer:
    # it is drawn, cut by the view, and does not widen it)
    around: list = []
    far = far_places(points + regions, claims, links, around=around)
    far_ids = {f["place_id"] for f in far}
    around_ids = {r["place_id"] for r in around}
    points = [p for p in points if p["place_id"] not in far_ids]
    regions = [r for r in regions if r["place_id"] not in far_ids]

    # -- the view --------------------------------------------------------------------
    view_geoms = [p["geometry"] for p in points] + [r["geometry"] for r in regions
                                                     if r["place_id"] not in around_ids]
    if not view_geoms and wide:   # only world regions (and countries): show them whole
        view_geoms = [r["geometry"] for r in wide]
    else:                          # else drawn where the view meets them
        around_ids |= {r["place_id"] for r in wide}
    regions += wide
    if not view_geoms:   # only countries: show them whole
        view_geoms = [country_outline(p["geometry"]) for p in places]
    if not view_geoms:
        view_geoms = [c["geometry"] for c in claims if c.get("geometry") is not None]
    view_geoms = [g for g in view_geoms if g is not None and not g.is_empty]
    crs, lon0, lat0, is_world = projection(view_geoms, basemap)
    world = projected_world(crs, lon0, lat0, is_world, borders=data.borders)

    fig = Figure(figsize=size, dpi=dpi, facecolor="white")
    _quiet_canvas()(fig)
    # reserve the caption's lines: its fixed text and room for one line of notes
    may_note = (not view_geoms or is_world or bool(countries_named)
                or len(claims) > 0 and not points)
    region_sources = sorted({str(r.get("geometry_source") or "") for r in regions})
    caption_guess = caption_text(art, "x" * 60 if basemap == "web" else "",
                                  ["x" * 90] if may_note else [], region_sources)
    legend_h = None
    stacked = width is not None and size[0] < _STACKED_BELOW_IN
    # under the map with no inset beside it, the legend takes two columns
    legend_cols = 2 if stacked and is_world else 1
    if width is not None:   # room for the legend at its type: the most it may hold
        legend_h = _legend_height(fig, points, regions, claims, links, bool(far), legend_cols,
                                  check_borders(data.borders) if disputed_near(view_geoms, data.borders)
                                  else None, bool(countries_named))
    layout = figure_layout(fig, size, title or art.title or art.id, caption_guess,
                           inset=not is_world, legend_h=legend_h, stacked=stacked)
    if layout["size"] != tuple(size):
        fig.set_size_inches(*layout["size"])
    ax = fig.add_axes(layout["map"])
    ax.set_facecolor(WATER)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_edgecolor("#555555")
        spine.set_linewidth(0.8)
    renderer = fig.canvas.get_renderer()
    box = ax.get_window_extent(renderer)
    extent = view_extent(view_geoms, crs, box.width / box.height, world,
                         min_span=_min_span(view_geoms, crs, is_world))
    ax.set_xlim(extent[0], extent[1])
    ax.set_ylim(extent[2], extent[3])
    ax.set_aspect("auto")

    to_map = lonlat_to_map(crs)

    attribution = ""
    if basemap == "web":
        from layers.render._tiles import fetch_basemap

        img, img_extent, attribution = fetch_basemap(extent, box.width)
        ax.imshow(img, extent=img_extent, interpolation="bilinear", zorder=0.5,
                  origin="upper")
        ax.set_xlim(extent[0], extent[1])
        ax.set_ylim(extent[2], extent[3])

    # the country the article's places are in (most of them by country code), for the
    # locator's title and the lighter land; else the one holding the most mentioned place
    focus_country = locator_country(places) or focus_country_of(points or places)
    named = country_names_for([p.get("country_code") for p in countries_named], data.borders)
    named_drawn = _draw_outlines(ax, world, extent, focus_country, basemap == "web", named)

    placer = LabelPlacer(ax, renderer)
    drawing = MapDrawing(fig, ax, None, crs, attribution=attribution)

    # -- regions ---------------------------------------------------------------------
    admin_colour = PLACE_STYLE["admin1"][0]
    region_anchor, region_marked = draw_regions(ax, regions, places, points, crs, extent,
                                                around_ids)

    # -- links -----------------------------------------------------------------------
    relations_present = []
    for ln in sorted(links, key=lambda ln: str(ln.get("link_id", ""))):
        g = ln.get("geometry")
        if g is None or g.is_empty:
            continue
        rel = str(ln.get("relation") or "related")
        colour, dash, _ = relation_style(rel)
        if rel not in relations_present:
            relations_present.append(rel)
        parts = list(getattr(g, "geoms", [g]))
        for k, part in enumerate(parts):
            xy = [to_map(x, y) for x, y in part.coords]
            _draw_link(ax, xy, colour, dash, head=k == len(parts) - 1)
            placer.add_line([tuple(ax.transData.transform(p)) for p in xy])

    # -- places ------------------------------------------------------------------------
    # more places than the map can label (a merged batch): small dots, labels for the
    # places that matter most, no leader lines
    cap = max(_MIN_LABELS, int(box.width * box.height * (72 / fig.dpi) ** 2
                               / _LABEL_AREA_PT2))
    crowded = len(points) > cap
    anchors = {}
    seen_px: list[tuple[float, float]] = []
    for p in sorted(points, key=importance):
        g = p["geometry"]
        x, y = to_map(g.x, g.y)
        px, py = ax.transData.transform((x, y))
        # a place at the very point of one already drawn (e.g. a facility placed at its
        # town, geo_precision 2) is drawn a little aside, joined to the point by a hair line
        if not crowded and any(math.hypot(px - qx, py - qy) < 3 for qx, qy in seen_px):
            k = sum(1 for qx, qy in seen_px if math.hypot(px - qx, py - qy) < 3)
            ang = math.radians(-90 - 40 * (k - 1))
            dpx = fig.dpi / 72 * 24.0   # points aside: clear of a claim ring
            nx, ny = px + dpx * math.cos(ang), py + dpx * math.sin(ang)
            nx_d, ny_d = ax.transData.inverted().transform((nx, ny))
            ax.plot([x, nx_d], [y, ny_d], color="#555555", linewidth=0.6, zorder=5.8)
            x, y, px, py = nx_d, ny_d, nx, ny
        seen_px.append((px, py))
        anchors[p["place_id"]] = (x, y)
        kind = p.get("kind")
        colour = PLACE_STYLE.get(kind, PLACE_STYLE["populated_place"])[0]
        marker = "^" if kind == "facility" else "o"
        size = (scaled(PLACE_SIZE) * (0.55 if crowded else 1)) + (0.5 if marker == "^" else 0)
        ax.plot([x], [y], marker=marker, markersize=size,
                markerfacecolor=colour, markeredgecolor="white",
                markeredgewidth=0.5 if crowded else 0.9, linestyle="none", zorder=6)
        placer.add_marker(px, py, (size if crowded else scaled(PLACE_SIZE)) / 2 + 1)
    for pid, (x, y) in region_anchor.items():
        if pid in region_marked:
            px, py = ax.transData.transform((x, y))
            placer.add_marker(px, py, 4.0)

    pointers = draw_far_pointers(ax, placer, far, to_map, crs, extent)

    # -- claims ------------------------------------------------------------------------
    ring_radius, categories_present, drawing.unmapped_claims, claim_flags = draw_claims(
        ax, placer, claims, to_map, extent, size_pt=claim_size())

    # -- labels: the article's places first (most mentioned first), then regions --------
    top = sorted(points, key=importance)
    most = int(number(top[0].get("mentions"))) if top else 0
    if crowded:   # no more labels than the map holds: the most claims and mentions
        n_claims = Counter(i for c in claims for i in split_ids(c.get("place_ids")))
        top = sorted(top, key=lambda p: (-(n_claims[p["place_id"]]
                                           + int(number(p.get("mentions")))),
                                         *importance(p)))[:cap]
        log.info("static map: %d of %d places labelled (the most claims and mentions); "
                 "the map holds no more", cap, len(points))
    radii_pt = (0.0, 5.0, 11.0) if crowded else (0.0, 5.0, 11.0, 19.0, 30.0, 44.0)
    for i, p in enumerate(top):
        x, y = anchors[p["place_id"]]
        text = label_for(p["name"], p.get("surfaces"), p.get("kind", ""))
        # the article's main places in bold: the most mentioned, and up to two more
        # mentioned nearly as often
        major = i == 0 or (i < 3 and int(number(p.get("mentions"))) >= max(3, 0.75 * most))
        clearance = max(scaled(PLACE_SIZE) / 2 + 2.5,
                        ring_radius.get((round(x, 3), round(y, 3)), 0))
        lab = placer.place(
            f"place:{p['place_id']}", text, (x, y), clearance_pt=clearance,
            fontsize=scaled(10 if major else 8.5),
            smaller=tuple(scaled(v) for v in ((9.0, 8.0, 7.0) if major else (7.5, 6.5))),
            fontweight="bold" if major else "normal", radii_pt=radii_pt,
            leader_from=99 if crowded else 2, required=not crowded,
            color="#1a1a1a", zorder=9, bbox=mask())
        if lab:
            drawing.place_labels[p["place_id"]] = text
    for r in sorted(regions, key=lambda r: str(r.get("name"))):
        if r["place_id"] not in region_anchor:
            continue
        x, y = region_anchor[r["place_id"]]
        clearance = max(5.0, ring_radius.get((round(x, 3), round(y, 3)), 0))
        lab = placer.place(
            f"region:{r['place_id']}", str(r["name"]), (x, y), clearance_pt=clearance,
            fontsize=scaled(8), smaller=(scaled(7.0), scaled(6.5)), fontstyle="italic",
            color=admin_colour, zorder=8.5,
            bbox=mask())
        if lab:
            drawing.place_labels[r["place_id"]] = str(r["name"])

    for key, text, (x, y), sector, ids in pointers:
        lab = placer.place(key, text, (x, y), clearance_pt=5.0, radii_pt=(0.0, 5.0, 11.0),
                           leader_from=99, fontsize=scaled(7.5), smaller=(scaled(6.5),),
                           color="#333333", zorder=8.4, bbox=mask(), linespacing=1.15)
        drawing.pointers.append((sector, ids, text))
        if lab:
            for pid in ids:
                drawing.place_labels[pid] = text

    # -- furniture: scale bar and north arrow, where the data leaves room ----------------
    # (a world map's scale changes across it: no scale bar there)
    if not is_world:
        draw_scale_bar(ax, placer, crs, extent)
    draw_north_arrow(ax, placer)

    # -- context: country names and nearby towns, only where there is room ------------
    draw_country_labels(ax, placer, world, extent)
    disputed = draw_disputed(ax, placer, crs, extent, data.borders)   # occupied areas, marked
    n_context = 0
    if context:
        n_context = draw_context_towns(ax, placer, to_map, crs, extent, points)

    drawing.labels = placer.placed
    drawing.dropped = placer.dropped

    # -- side panel, title and caption ---------------------------------------------------
    if layout["inset"] is not None:
        drawing.inset = draw_inset(fig, layout["inset"], world, extent, focus_country)
        drawing.locator_title = None if focus_country is None else str(focus_country["name"])
    draw_legend(fig, layout["legend"], categories_present, relations_present,
            bool(points), any(p.get("kind") == "facility" for p in points),
            sorted({"polygon" if r["geometry"].geom_type.endswith("Polygon") else "point"
                    for r in regions if r.get("geometry") is not None}),
            claim_flags, n_context > 0, far=bool(pointers), ncols=legend_cols,
            named_country=named_drawn,
            disputed=check_borders(data.borders) if disputed else None)
    draw_titles(fig, layout, title or art.title or art.id, len(places), len(claims))
    notes = []
    if drawing.unmapped_claims:
        notes.append(f"{drawing.unmapped_claims} claim(s) about places outside this view "
                     "(e.g. whole countries) are listed in the report, not drawn.")
    if not view_geoms:
        notes.append("No places were found in the article.")
    elif countries_named and not points and not regions:
        notes.append("The article names only countries.")
    if is_world:
        notes.append("Equal Earth projection; no scale bar at this scale.")
    caption = caption_text(art, attribution, notes, region_sources)
    if len(textwrap.wrap(caption, width=layout["caption_chars"])) > 4:
        caption = caption_text(art, attribution, [], region_sources)   # the attribution must stay
    draw_caption(fig, layout, caption)
    _floor_type(fig)
    return drawing


def _floor_type(fig) -> None:
    """No text of the figure below its smallest type (`MIN_TYPE`, for a map made for a
    width in pixels): the counts inside claim markers (which `claim_size` makes room for),
    and any small text a stage sets in points of its own."""
    from matplotlib.text import Text

    floor = MIN_TYPE.get()
    if floor <= 0:
        return
    for t in fig.findobj(Text):
        if t.get_text() and t.get_fontsize() < floor:
            t.set_fontsize(floor)


def _min_span(view_geoms, crs, is_world) -> float:
    """The least span of the view (metres): `_SINGLE_PLACE_SPAN` around a single place
    (or places within a few km of each other: a town and a site in it), so the reader
    sees the towns and borders around it; 40 km otherwise."""
    import shapely

    if is_world or not view_geoms:
        return 40_000.0
    x0, y0, x1, y1 = shapely.total_bounds(to_crs(view_geoms, crs))
    if all(math.isfinite(v) for v in (x0, y0, x1, y1)) and max(x1 - x0, y1 - y0) < 5_000:
        return _SINGLE_PLACE_SPAN
    return 40_000.0


def _legend_height(fig, points, regions, claims, links, far, ncols=1, disputed=None,
                   named_country=False) -> float:
    """Inches the legend needs at the figure's type for the most it may show of these
    layers (every category and link of the data, counts, context towns): the room a map
    made for a width in pixels keeps for it (its type is not made smaller to fit)."""
    from layers.model import CATEGORIES

    order = {c: i for i, c in enumerate(CATEGORIES)}
    cats = sorted({str(c.get("category") or "") for c in claims if c.get("geometry") is not None},
                  key=lambda c: (order.get(c, 99), c))
    at = Counter((str(c.get("place_ids")), str(c.get("category"))) for c in claims)
    many = len({str(c.get("place_ids")) for c in claims}) > 60   # circles by count
    flags = {"contested": any(truthy(c.get("contested")) for c in claims),
             "counted": not many and any(n > 1 for n in at.values()),
             "totals": len(claims) if many else None}
    relations = sorted({str(ln.get("relation") or "related") for ln in links})
    kinds = sorted({"polygon" if r["geometry"].geom_type.endswith("Polygon") else "point"
                    for r in regions if r.get("geometry") is not None})
    leg = draw_legend(fig, (0.0, 0.0, 0.5, 50.0), cats, relations, bool(points),
                      any(p.get("kind") == "facility" for p in points), kinds, flags, True,
                      far=far, ncols=ncols, disputed=disputed or None,
                      named_country=named_country)
    height = leg.get_window_extent(fig.canvas.get_renderer()).height / fig.dpi
    leg.remove()
    return height + 0.05


def _draw_outlines(ax, world, extent, focus, over_tiles, named=()) -> bool:
    """Land (the focus country lighter), coastlines, and borders dash-dotted; the land
    borders of the countries the article names (`named`) drawn over them, dark and solid.
    Whether such a border is in the view."""
    import shapely
    from shapely.geometry import box

    x0, x1, y0, y1 = extent
    mx, my = (x1 - x0) * 0.3, (y1 - y0) * 0.3
    view = box(x0 - mx, y0 - my, x1 + mx, y1 + my)
    local = world.intersecting(view)
    if len(local) == 0:
        return False
    geoms = to_pixels(shapely.intersection(local.geoms, view), ax, extent)
    if not over_tiles:
        faces = [LAND_FOCUS if focus is not None and n == focus["name"] else LAND
                 for n in local.names]
        fill_polygons(ax, geoms, facecolor=faces, edgecolor="none", zorder=1)
    land = shapely.union_all(geoms)
    coast = land.boundary.intersection(view.buffer(-1.0))
    eps = (x1 - x0) * 2e-4
    borders = shapely.union_all(shapely.boundary(geoms)).difference(
        coast.buffer(eps)).intersection(view.buffer(-1.0))
    if not coast.is_empty:
        draw_lines(ax, [coast], color="#7d9fb5", linewidth=0.6, zorder=1.4)
    if not borders.is_empty:
        draw_lines(ax, [borders], color=BORDER, linewidth=0.9, linestyle=(0, (6, 2, 1, 2)),
               zorder=1.5)
    named_lines = [g.boundary for g, n in zip(geoms, local.names) if n in set(named)
                   and g is not None and not g.is_empty]
    named_border = shapely.union_all(named_lines).difference(coast.buffer(eps)) \
        .intersection(view.buffer(-1.0)) if named_lines else None
    if named_border is not None and not named_border.is_empty:
        draw_lines(ax, [named_border], color=NAMED_COUNTRY, linewidth=1.5, zorder=1.55)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    return named_border is not None and not named_border.is_empty


def _draw_link(ax, xy, colour, dash, head=True):
    """A directed line: the (dashed) path, and an arrowhead just short of its end."""
    dashes = tuple(float(v) for v in dash.split()) if dash else None
    xs, ys = zip(*xy)
    kw = {"color": colour, "linewidth": 1.8, "solid_capstyle": "round", "zorder": 3}
    if dashes:
        ax.plot(xs, ys, linestyle=(0, dashes), **kw)
    else:
        ax.plot(xs, ys, **kw)
    # one arrowhead, at the end: the line may be a densified geodesic with many vertices
    from shapely.geometry import LineString

    line = LineString(xy)
    if not head or line.length <= 0:
        return
    tail = line.interpolate(line.length * 0.9)
    ax.annotate("", xy=xy[-1], xytext=(tail.x, tail.y),
                arrowprops={"arrowstyle": "-|>,head_length=0.7,head_width=0.35",
                            "color": colour, "lw": 1.0, "shrinkA": 0, "shrinkB": 7,
                            "mutation_scale": 10},
                zorder=3.1, annotation_clip=False)


# -- warming up ----------------------------------------------------------------------------
def warm_up() -> None:
    """Load what drawing any map needs (modules, the fonts, PROJ's database, the outlines,
    the gazetteer), so that the first map costs what the next ones do. A process that will
    draw a map calls this while it waits for the layers (see `layers.render._worker`).

    Neither pandas nor geopandas is imported, here or by drawing a `drawing_input`."""
    import matplotlib
    from matplotlib.backends import backend_svg  # noqa: F401 - savefig(format="svg")
    from matplotlib.figure import Figure
    from PIL import PngImagePlugin  # noqa: F401 - savefig(format="png")
    from pyproj import Transformer

    from geo.outlines import country_outlines
    from layers.render import _labels as _static_labels  # noqa: F401

    with matplotlib.rc_context(RC):
        fig = Figure(figsize=(1, 1), dpi=72)
        renderer = _quiet_canvas()(fig).get_renderer()
        for weight, style in (("normal", "normal"), ("bold", "normal"), ("normal", "italic")):
            fig.text(0, 0, "Ab", fontsize=8, fontweight=weight,
                     fontstyle=style).get_window_extent(renderer)
    Transformer.from_crs("EPSG:4326", "+proj=aeqd +lat_0=0 +lon_0=0 +datum=WGS84 +units=m "
                         "+no_defs", always_xy=True)   # PROJ's database opened
    country_outlines()
    try:   # the context towns' gazetteer (its index read and checked once per process)
        from geo.gazetteer import Gazetteer

        Gazetteer.open()
    except Exception:   # the map is drawn without context towns then
        log.debug("gazetteer not opened while warming up", exc_info=True)


# -- writing -------------------------------------------------------------------------------
#: zlib level of the PNG: 3 encodes the first article's map in 45 ms of CPU instead of
#: 64 ms at PIL's default 6, for a file 7% larger (249 KB instead of 234 KB); 1 and 2 are
#: no faster and larger again
_PNG_COMPRESSION = 3


def _png_bytes(fig, dpi) -> bytes:
    import io

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None},
                pil_kwargs={"compress_level": _PNG_COMPRESSION})
    return buf.getvalue()


def _svg_bytes(fig) -> bytes:
    import io

    buf = io.BytesIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    return buf.getvalue()


def render_images(layers, *, basemap="none", figure_size=None, dpi=None,
                  title=None, width=None) -> tuple[bytes, bytes]:
    """Draw the static map of `layers`; its PNG and SVG as bytes (what `write_static`
    writes). Parameters and errors as `write_static`'s.

    The build calls this in a second process while it writes its other files (see
    `layers.render._worker`), then writes the bytes itself. `layers` may be a Layers or
    its `drawing_input` (what that process is sent). The options are checked first
    (`check_figure`).
    """
    import matplotlib

    figure = check_figure({"basemap": basemap, "figure_size": figure_size, "dpi": dpi,
                           "title": title, "width": width})
    width = figure.get("width")
    size = figure["figure_size"] if width is None else width_size(width)
    dpi = figure["dpi"]
    with _type_for(size, width):
        with matplotlib.rc_context(RC):
            drawing = _draw(layers, size, dpi, title, basemap, True, width)
            png, svg = _png_bytes(drawing.fig, dpi), _svg_bytes(drawing.fig)
    return png, svg


def save_static(png: bytes, svg: bytes, png_path, svg_path) -> list[Path]:
    """Write the PNG and SVG bytes of `render_images`, each atomically, both or neither."""
    png_path, svg_path = Path(png_path), Path(svg_path)
    atomic_write(png_path, lambda tmp: tmp.write_bytes(png))
    try:
        atomic_write(svg_path, lambda tmp: tmp.write_bytes(svg))
    except BaseException:
        png_path.unlink(missing_ok=True)   # both or neither
        raise
    return [png_path, svg_path]


def write_static(layers, png_path, svg_path, *, basemap="none", figure_size=None, dpi=None,
                 title=None, width=None) -> list[Path]:
    """Write the static map of `layers` as PNG and SVG.

    Parameters
    ----------
    layers : layers.builder.Layers
        The article's layers.
    png_path, svg_path : path-like
        Where to write them (each written atomically: a temporary file, then renamed).
    basemap : {"none", "web"}
        ``"web"`` draws web tiles under the map; needs network.
    figure_size : str or tuple, optional
        ``"8x6"`` or ``(8, 6)`` inches (default 8x6).
    dpi : int, optional
        The PNG's resolution, 200 (default) to 1200.
    title : str, optional
        Default: the article's title.
    width : int or str, optional
        Instead of `figure_size`: the width (CSS pixels, or ``"column"``, ``"page"``,
        ``"slide"``) the map is shown at in a report; its type is at least 7 pt there
        and its height follows from what it holds. The PNG has ``dpi / 96`` times as
        many pixels (sharp on high-density screens and in print).

    Returns
    -------
    list of Path
        The PNG and the SVG.

    Raises
    ------
    geo.exc.BadInput
        A figure size, dpi or basemap out of range.
    layers.render._tiles.TileFetchError
        ``basemap="web"`` and the tiles could not be fetched (no file is written).
    """
    png, svg = render_images(layers, basemap=basemap, figure_size=figure_size, dpi=dpi,
                             title=title, width=width)
    return save_static(png, svg, png_path, svg_path)


def write_report(layers, path, png_path) -> Path:
    """Write ``SLUG.report.html`` beside the static map: the figure inlined, a table of the
    claims and the attribution (see `layers.render.report.write_report_fragment`, which it
    calls). Returns `path`; `geo.exc.BadInput` when the PNG cannot be read."""
    return write_report_fragment(layers, path, png_path)
