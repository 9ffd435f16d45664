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
the figure shows (`_to_pixels`). 500 places and 50,000 claims draw in a few seconds.

Colours and labels come from `layers.symbology`, the same as the HTML map's. Output is
deterministic: the same layers give byte-identical PNG and SVG files (fixed font, no
dates in the metadata, a fixed SVG id salt). Labels are placed by
`layers.render._labels.LabelPlacer` (greedy candidate positions checked against
matplotlib's own text extents; adjustText was not used because it moves labels
iteratively and gives no no-overlap guarantee).

``basemap="web"`` (only when asked) draws the same map in Web Mercator over web tiles
(see `layers.render._tiles`); it needs network and fails with a clear error without it.
"""

from __future__ import annotations

import contextvars
import logging
import math
import os
import textwrap
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from geo.exc import BadInput
from layers.render._frame import (_country_outline, _extent, _focus_country, _frame,
                                  _lon_centre, _num, _proj, _projected_world, _to_crs,
                                  _transformer)
from layers.model import CATEGORIES, RELATIONS
from layers.symbology import PLACE_STYLE, category_style, label_for, relation_style

__all__ = ["DEFAULT_DPI", "DEFAULT_FIGURE_SIZE", "MapDrawing", "draw_map", "drawing_input",
           "label_for", "parse_figure_size", "render_images", "save_static", "warm_up",
           "write_report", "write_static"]

log = logging.getLogger(__name__)

DEFAULT_FIGURE_SIZE = (8.0, 6.0)   # inches
DEFAULT_DPI = 200
MIN_DPI = 200                      # print-ready
MAX_DPI = 1200
MAX_PIXELS = 100_000_000           # a guard against "--figure-size 400x300 --dpi 1200"
GEONAMES_ATTRIBUTION = "Places: GeoNames (CC BY 4.0)"
NATURAL_EARTH_ATTRIBUTION = "Outlines: Natural Earth 1:50m (public domain)"

#: rcParams under which every figure is drawn and saved (fixed fonts, text kept as text,
#: a fixed SVG id salt: byte-identical output for the same input)
_RC = {
    "font.family": "DejaVu Sans",
    "svg.fonttype": "none",
    "svg.hashsalt": "claimmap-static-map",
    "path.simplify": True,
    "axes.unicode_minus": False,
}

#: marker shapes per claim category: shape and colour together, for colour-blind readers
_CATEGORY_MARKER = {
    "military": "s", "casualties": "D", "humanitarian": "o", "infrastructure": "h",
    "economic": "p", "political": "^", "strategic": "v", "territorial": "8",
}
_WATER = "#dce9f2"
_LAND = "#f1eee8"
_LAND_FOCUS = "#fcfbf8"
_BORDER = "#8c8c8c"
_CONTEXT = "#8a8a8a"
#: type scale of the figure being drawn: 1 at 8x6 in, smaller for smaller figures
_SCALE = contextvars.ContextVar("claimmap_static_scale", default=1.0)
_CLAIM_SIZE = 10.0     # claim marker size (points)
_PLACE_SIZE = 5.5      # place marker size (points)
#: beyond this many places with claims (or category markers in all), claims are drawn as
#: one proportional circle per place instead of a ring of category markers per place
_AGGREGATE_PLACES = 60
_AGGREGATE_MARKERS = 240
_TOTAL_MAX = 20.0      # diameter (points) of the circle of the place with most claims
#: map area (square points) per place label: caps the labels to what the map can hold
_LABEL_AREA_PT2 = 2000.0
_MIN_LABELS = 40


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

    def label_boxes(self, kinds=("place", "region")) -> dict:
        """Label key -> its text box in display pixels, measured now by matplotlib."""
        renderer = self.fig.canvas.get_renderer()
        return {lab.key: lab.text.get_window_extent(renderer)
                for lab in self.labels if lab.key.split(":", 1)[0] in kinds}


# -- options ------------------------------------------------------------------------
def parse_figure_size(value) -> tuple[float, float]:
    """``"8x6"``, ``"8,6"``, ``(8, 6)`` or None -> (width, height) in inches.

    >>> parse_figure_size("8x6")
    (8.0, 6.0)
    >>> parse_figure_size(None)
    (8.0, 6.0)
    """
    if value is None or value == "":
        return DEFAULT_FIGURE_SIZE
    try:
        if isinstance(value, str):
            parts = value.lower().replace("×", "x").replace(",", "x").split("x")
        else:
            parts = list(value)
        if len(parts) != 2:
            raise ValueError
        w, h = (float(p) for p in parts)
    except (TypeError, ValueError):
        raise BadInput(f"figure size {value!r} is not WIDTHxHEIGHT in inches, e.g. 8x6",
                       path="--figure-size") from None
    if not (3.0 <= w <= 60.0 and 2.0 <= h <= 60.0) or not (math.isfinite(w) and math.isfinite(h)):
        raise BadInput(f"figure size {value!r} is out of range: width 3-60 in, height 2-60 in",
                       path="--figure-size")
    return (w, h)


def _check_dpi(dpi, size) -> int:
    if dpi is None:
        dpi = DEFAULT_DPI
    try:
        dpi_i = int(dpi)
    except (TypeError, ValueError):
        raise BadInput(f"dpi {dpi!r} is not a whole number", path="--dpi") from None
    if dpi_i != dpi or dpi_i < MIN_DPI or dpi_i > MAX_DPI:
        raise BadInput(f"dpi must be a whole number from {MIN_DPI} to {MAX_DPI} "
                       f"(print-ready); got {dpi!r}", path="--dpi")
    if size[0] * size[1] * dpi_i * dpi_i > MAX_PIXELS:
        raise BadInput(f"a {size[0]:g}x{size[1]:g} in figure at {dpi_i} dpi is more than "
                       f"{MAX_PIXELS // 1_000_000} megapixels", path="--dpi")
    return dpi_i


# -- reading the layers ---------------------------------------------------------------


def _rows(gdf):
    """Rows of a GeoDataFrame as dicts (geometry included); an empty list for None."""
    if gdf is None or len(gdf) == 0:
        return []
    cols = list(gdf.columns)
    return [dict(zip(cols, vals)) for vals in gdf.itertuples(index=False, name=None)]


def _plain(value):
    """A cell as plain Python: numpy scalars as Python numbers, pandas' missing values
    (NA, NaT) as None; geometries and everything else as they are."""
    kind = type(value)
    if kind.__module__.startswith("pandas"):   # NA, NaT, a Timestamp...
        return None if kind.__name__ in ("NAType", "NaTType") else str(value)
    if kind.__module__ == "numpy" and hasattr(value, "item"):
        return value.item()
    return value


#: the columns drawing reads, per layer (the others stay behind: a merged batch's claims
#: have twenty more, and every one would be copied, sent and read again)
_DRAWN_COLUMNS = {
    "places": ("place_id", "name", "kind", "mentions", "population", "surfaces", "geometry"),
    "claims": ("place_ids", "category", "contested", "geometry"),
    "links": ("link_id", "relation", "from_place", "to_place", "geometry"),
    "regions": ("place_id", "name", "kind", "mentions", "population", "surfaces",
                "geometry"),
}


def _plain_rows(gdf, columns) -> list[dict]:
    """Rows of a (Geo)DataFrame as dicts of plain Python values (`_plain`), only
    `columns` (those it has); an empty list for None."""
    import numpy as np

    if gdf is None or len(gdf) == 0:
        return []
    names = [c for c in gdf.columns if c in columns]
    data = []
    for c in names:
        col = gdf[c]
        values = col.tolist()   # numpy dtypes: Python numbers already
        if ((not isinstance(col.dtype, np.dtype) or col.dtype == object)
                and c != getattr(gdf, "_geometry_column_name", None)):
            values = [_plain(v) for v in values]
        data.append(values)
    return [dict(zip(names, vals)) for vals in zip(*data)]


@dataclass
class _DrawInput:
    """What drawing a map reads of the layers, as plain Python: the article (title,
    source, date; not the whole claims document) and each layer's rows as dicts (shapely geometries included; the columns of
    `_DRAWN_COLUMNS`). It pickles without pandas or geopandas, so the process that draws
    the map need not import them."""

    article: object
    places: list
    claims: list
    links: list
    regions: list

    def __getstate__(self) -> dict:
        """Pickled by columns, the geometries of each as one WKB array (a shapely
        geometry pickled alone costs some 20 us each way: seconds for a merged batch)."""
        import shapely

        state = {"article": self.article}
        for name in _DRAWN_COLUMNS:
            rows = getattr(self, name)
            keys = list(rows[0]) if rows else []
            if any(list(r) != keys for r in rows):   # rows of their own shape: as they are
                state[name] = rows
                continue
            cols = {k: [r[k] for r in rows] for k in keys}
            if "geometry" in cols:
                cols["geometry"] = shapely.to_wkb(cols["geometry"])
            state[name] = (keys, cols)
        return state

    def __setstate__(self, state: dict) -> None:
        import shapely

        self.article = state["article"]
        for name in _DRAWN_COLUMNS:
            value = state[name]
            if isinstance(value, tuple):
                keys, cols = value
                if "geometry" in cols:
                    cols["geometry"] = shapely.from_wkb(cols["geometry"]).tolist()
                value = [dict(zip(keys, vals)) for vals in zip(*(cols[k] for k in keys))]
            setattr(self, name, value)


def drawing_input(layers) -> _DrawInput:
    """The plain drawing input of `layers` (a Layers, a `layers.builder.DocRows`, or a
    `_DrawInput` as it is)."""
    if isinstance(layers, _DrawInput):
        return layers
    if hasattr(layers.places, "plain"):   # layers.builder.DocRows: no GeoDataFrames yet
        return _DrawInput(layers.doc.article,
                          *(getattr(layers, name).plain(_DRAWN_COLUMNS[name])
                            for name in ("places", "claims", "links", "regions")))
    return _DrawInput(layers.doc.article,
                      *(_plain_rows(getattr(layers, name), _DRAWN_COLUMNS[name])
                        for name in ("places", "claims", "links", "regions")))


def _ids(value) -> list[str]:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return [v.strip() for v in str(value).split(";") if v.strip()]


def _truthy(value) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    try:
        return bool(value) and not (isinstance(value, float) and math.isnan(value))
    except (TypeError, ValueError):
        return False


# -- the drawing -------------------------------------------------------------------------
def draw_map(layers, *, figure_size=None, dpi=DEFAULT_DPI, title=None, basemap="none",
             context=True) -> MapDrawing:
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
    """
    import matplotlib

    size = parse_figure_size(figure_size)
    token = _SCALE.set(_type_scale(size))
    try:
        with matplotlib.rc_context(_RC):
            return _draw(layers, size, int(dpi), title, basemap, context)
    finally:
        _SCALE.reset(token)


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


def _draw(layers, size, dpi, title, basemap, context):
    from matplotlib.figure import Figure

    from layers.render._labels import LabelPlacer

    if basemap not in ("none", "web"):
        raise BadInput(f"basemap {basemap!r} is not one of: none, web", path="--basemap")
    data = drawing_input(layers)
    art = data.article
    places = [dict(r) for r in data.places]
    regions = [dict(r) for r in data.regions]
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
    far = _far_places(points + regions, claims, links)
    far_ids = {f["place_id"] for f in far}
    points = [p for p in points if p["place_id"] not in far_ids]
    regions = [r for r in regions if r["place_id"] not in far_ids]

    # -- the view --------------------------------------------------------------------
    view_geoms = [p["geometry"] for p in points] + [r["geometry"] for r in regions]
    if not view_geoms:   # only countries: show them whole
        view_geoms = [_country_outline(p["geometry"]) for p in places]
    if not view_geoms:
        view_geoms = [c["geometry"] for c in claims if c.get("geometry") is not None]
    view_geoms = [g for g in view_geoms if g is not None and not g.is_empty]
    crs, lon0, lat0, is_world = _frame(view_geoms, basemap)
    world = _projected_world(crs, lon0, lat0, is_world)

    fig = Figure(figsize=size, dpi=dpi, facecolor="white")
    _quiet_canvas()(fig)
    # reserve the caption's lines: its fixed text and room for one line of notes
    may_note = (not view_geoms or is_world or bool(countries_named)
                or len(claims) > 0 and not points)
    caption_guess = _caption_text(art, "x" * 60 if basemap == "web" else "",
                                  ["x" * 90] if may_note else [])
    layout = _layout(fig, size, title or art.title or art.id, caption_guess,
                     inset=not is_world)
    ax = fig.add_axes(layout["map"])
    ax.set_facecolor(_WATER)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_edgecolor("#555555")
        spine.set_linewidth(0.8)
    renderer = fig.canvas.get_renderer()
    box = ax.get_window_extent(renderer)
    extent = _extent(view_geoms, crs, box.width / box.height, world)
    ax.set_xlim(extent[0], extent[1])
    ax.set_ylim(extent[2], extent[3])
    ax.set_aspect("auto")

    to_map = _transformer(crs)

    attribution = ""
    if basemap == "web":
        from layers.render._tiles import fetch_basemap

        img, img_extent, attribution = fetch_basemap(extent, box.width)
        ax.imshow(img, extent=img_extent, interpolation="bilinear", zorder=0.5,
                  origin="upper")
        ax.set_xlim(extent[0], extent[1])
        ax.set_ylim(extent[2], extent[3])

    focus_country = _focus_country(points or places)
    _draw_outlines(ax, world, extent, focus_country, basemap == "web")

    placer = LabelPlacer(ax, renderer)
    drawing = MapDrawing(fig, ax, None, crs, attribution=attribution)

    # -- regions ---------------------------------------------------------------------
    region_anchor = {}
    admin_colour = PLACE_STYLE["admin1"][0]
    centres = {p["place_id"]: p["geometry"] for p in places
               if p.get("kind") == "admin1" and p.get("geometry") is not None
               and p["geometry"].geom_type == "Point"}
    for r in regions:
        g = r["geometry"]
        if g is None or g.is_empty:
            continue
        if g.geom_type in ("Polygon", "MultiPolygon"):
            poly = _to_crs([g], crs)
            _fill(ax, poly, facecolor=admin_colour, alpha=0.06, edgecolor="none", zorder=2)
            _fill(ax, poly, facecolor="none", edgecolor=admin_colour, linewidth=1.1,
                  linestyle=(0, (5, 3)), zorder=2.1)
            # the centre where its claims sit: the places layer's point, when inside
            pt = centres.get(r["place_id"])
            if pt is None or not g.contains(pt):
                pt = g.representative_point()
        else:
            pt = g.centroid
        x, y = to_map(pt.x, pt.y)
        region_anchor[r["place_id"]] = (x, y)
        ax.plot([x], [y], marker="s", markersize=6, markerfacecolor="none",
                markeredgecolor=admin_colour, markeredgewidth=1.2, linestyle="none", zorder=4)

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
    for p in sorted(points, key=_importance):
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
        size = (_pt(_PLACE_SIZE) * (0.55 if crowded else 1)) + (0.5 if marker == "^" else 0)
        ax.plot([x], [y], marker=marker, markersize=size,
                markerfacecolor=colour, markeredgecolor="white",
                markeredgewidth=0.5 if crowded else 0.9, linestyle="none", zorder=6)
        placer.add_marker(px, py, (size if crowded else _pt(_PLACE_SIZE)) / 2 + 1)
    for pid, (x, y) in region_anchor.items():
        px, py = ax.transData.transform((x, y))
        placer.add_marker(px, py, 4.0)

    pointers = _far_pointers(ax, placer, far, to_map, crs, extent)

    # -- claims ------------------------------------------------------------------------
    ring_radius, categories_present, drawing.unmapped_claims, claim_flags = _draw_claims(
        ax, placer, claims, to_map, extent)

    # -- labels: the article's places first (most mentioned first), then regions --------
    top = sorted(points, key=_importance)
    most = int(_num(top[0].get("mentions"))) if top else 0
    if crowded:   # no more labels than the map holds: the most claims and mentions
        n_claims = Counter(i for c in claims for i in _ids(c.get("place_ids")))
        top = sorted(top, key=lambda p: (-(n_claims[p["place_id"]] + int(_num(p.get("mentions")))),
                                         *_importance(p)))[:cap]
        log.info("static map: %d of %d places labelled (the most claims and mentions); "
                 "the map holds no more", cap, len(points))
    radii_pt = (0.0, 5.0, 11.0) if crowded else (0.0, 5.0, 11.0, 19.0, 30.0, 44.0)
    for i, p in enumerate(top):
        x, y = anchors[p["place_id"]]
        text = label_for(p["name"], p.get("surfaces"), p.get("kind", ""))
        # the article's main places in bold: the most mentioned, and up to two more
        # mentioned nearly as often
        major = i == 0 or (i < 3 and int(_num(p.get("mentions"))) >= max(3, 0.75 * most))
        clearance = max(_pt(_PLACE_SIZE) / 2 + 2.5, ring_radius.get((round(x, 3), round(y, 3)), 0))
        lab = placer.place(
            f"place:{p['place_id']}", text, (x, y), clearance_pt=clearance,
            fontsize=_pt(10 if major else 8.5),
            smaller=tuple(_pt(v) for v in ((9.0, 8.0, 7.0) if major else (7.5, 6.5))),
            fontweight="bold" if major else "normal", radii_pt=radii_pt,
            leader_from=99 if crowded else 2, required=not crowded,
            color="#1a1a1a", zorder=9, bbox=_mask())
        if lab:
            drawing.place_labels[p["place_id"]] = text
    for r in sorted(regions, key=lambda r: str(r.get("name"))):
        if r["place_id"] not in region_anchor:
            continue
        x, y = region_anchor[r["place_id"]]
        clearance = max(5.0, ring_radius.get((round(x, 3), round(y, 3)), 0))
        lab = placer.place(
            f"region:{r['place_id']}", str(r["name"]), (x, y), clearance_pt=clearance,
            fontsize=_pt(8), smaller=(_pt(7.0), _pt(6.5)), fontstyle="italic",
            color=admin_colour, zorder=8.5,
            bbox=_mask())
        if lab:
            drawing.place_labels[r["place_id"]] = str(r["name"])

    for key, text, (x, y) in pointers:
        lab = placer.place(key, text, (x, y), clearance_pt=5.0, radii_pt=(0.0, 5.0, 11.0),
                           leader_from=99, fontsize=_pt(7.5), smaller=(_pt(6.5),),
                           color="#333333", zorder=8.4, bbox=_mask())
        if lab:
            drawing.place_labels[key.split(":", 1)[1]] = text

    # -- furniture: scale bar and north arrow, where the data leaves room ----------------
    # (a world map's scale changes across it: no scale bar there)
    if not is_world:
        _scale_bar(ax, placer, crs, extent)
    _north_arrow(ax, placer)

    # -- context: country names and nearby towns, only where there is room ------------
    _country_labels(ax, placer, world, extent)
    n_context = 0
    if context:
        n_context = _context_towns(ax, placer, to_map, crs, extent, points)

    drawing.labels = placer.placed
    drawing.dropped = placer.dropped

    # -- side panel, title and caption ---------------------------------------------------
    if layout["inset"] is not None:
        drawing.inset = _inset(fig, layout["inset"], world, extent, focus_country)
    _legend(fig, layout["legend"], categories_present, relations_present,
            bool(points), any(p.get("kind") == "facility" for p in points),
            sorted({"polygon" if r["geometry"].geom_type.endswith("Polygon") else "point"
                    for r in regions if r.get("geometry") is not None}),
            claim_flags, n_context > 0, far=bool(pointers))
    _titles(fig, layout, title or art.title or art.id, len(places), len(claims))
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
    caption = _caption_text(art, attribution, notes)
    if len(textwrap.wrap(caption, width=layout["caption_chars"])) > 4:
        caption = _caption_text(art, attribution, [])   # the attribution must stay
    _caption(fig, layout, caption)
    return drawing


def _pt(size: float) -> float:
    """A type size (points) at the scale of the figure being drawn."""
    return round(size * _SCALE.get(), 2)


def _type_scale(size) -> float:
    """1 at 8x6 in; gently smaller or larger with the figure (square root), 0.7 to 1.5."""
    w, h = size
    return min(1.5, max(0.7, math.sqrt(min(w / 8.0, h / 6.0))))


def _far_places(candidates, claims, links):
    """Places (and regions) named in passing far from the places the claims are about.

    The claims' places (and the ends of links) make the core; a place with no claim
    and no link lying more than three times the core's radius (and 150 km) from the
    core's centre is "far": drawing it would shrink the story's area to a corner, so it
    becomes a pointer at the map's edge instead.
    """
    from pyproj import Geod

    used = set()
    for c in claims:
        used.update(_ids(c.get("place_ids")))
    for ln in links:
        used.update({str(ln.get("from_place") or ""), str(ln.get("to_place") or "")})

    def point(r):
        g = r.get("geometry")
        if g is None or g.is_empty:
            return None
        return g if g.geom_type == "Point" else g.representative_point()

    core = [point(r) for r in candidates if r["place_id"] in used]
    core = [g for g in core if g is not None]
    if not core:
        return []
    lon0 = _lon_centre([g.x for g in core])
    lat0 = (min(g.y for g in core) + max(g.y for g in core)) / 2
    geod = Geod(ellps="WGS84")
    radius_km = max(geod.inv(lon0, lat0, g.x, g.y)[2] for g in core) / 1000
    limit_km = max(3 * radius_km, 150.0)
    far = []
    for r in candidates:
        pt = point(r)
        if r["place_id"] in used or pt is None:
            continue
        if geod.inv(lon0, lat0, pt.x, pt.y)[2] / 1000 > limit_km:
            far.append(r)
    return far


def _arrow_marker(angle_deg):
    """An arrowhead marker (a path) pointing up, turned `angle_deg` anticlockwise.

    (An equilateral triangle cannot point: turned by 60 degrees it points the other way.)
    """
    from matplotlib.path import Path as MplPath
    from matplotlib.transforms import Affine2D

    head = MplPath([(0, 1), (-0.6, -0.7), (0, -0.3), (0.6, -0.7), (0, 1)],
                   [MplPath.MOVETO, MplPath.LINETO, MplPath.LINETO, MplPath.LINETO,
                    MplPath.CLOSEPOLY])
    return head.transformed(Affine2D().rotate_deg(angle_deg))


def _far_pointers(ax, placer, far, to_map, crs, extent):
    """A triangle at the map's edge pointing to each far place; (key, label, anchor) each.

    The label gives the place's name and its distance from the map's centre (geodesic).
    """
    from pyproj import Geod

    if not far:
        return []
    x0, x1, y0, y1 = extent
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    clon, clat = _proj(crs, "EPSG:4326").transform(cx, cy)
    geod = Geod(ellps="WGS84")
    out = []
    for r in sorted(far, key=_importance):
        g = r["geometry"]
        pt = g if g.geom_type == "Point" else g.representative_point()
        x, y = to_map(pt.x, pt.y)
        dx, dy = x - cx, y - cy
        if not (math.isfinite(dx) and math.isfinite(dy)) or (dx == 0 and dy == 0):
            continue
        # where the ray from the centre leaves the map, 4% inside its edge
        hw, hh = (x1 - x0) / 2 * 0.96, (y1 - y0) / 2 * 0.96
        t = min(hw / abs(dx) if dx else math.inf, hh / abs(dy) if dy else math.inf)
        ex, ey = cx + dx * t, cy + dy * t
        angle = math.degrees(math.atan2(dy, dx)) - 90   # the marker points up at 0
        ax.plot([ex], [ey], marker=_arrow_marker(angle), markersize=_pt(9), color="#333333",
                markeredgecolor="white", markeredgewidth=0.6, linestyle="none", zorder=8)
        px, py = ax.transData.transform((ex, ey))
        placer.add_marker(px, py, _pt(8) / 2 + 1)
        km = geod.inv(clon, clat, pt.x, pt.y)[2] / 1000
        name = label_for(str(r["name"]), r.get("surfaces"), r.get("kind", "admin1"))
        out.append((f"far:{r['place_id']}", f"{name}, {km:,.0f} km", (ex, ey)))
    return out


def _importance(p):
    """Sort key of places: most mentioned first, then most populous, then by name."""
    return (-int(_num(p.get("mentions"))), -int(_num(p.get("population"))), str(p["name"]),
            str(p["place_id"]))


def _mask(alpha=0.72):
    """A soft white box behind a label, so it reads over lines and land.

    (A stroked halo would be nicer, but matplotlib draws path-effect text as outlines,
    and the SVG must keep its text as text.)
    """
    return {"boxstyle": "round,pad=0.12,rounding_size=0.3", "facecolor": "white",
            "edgecolor": "none", "alpha": alpha}


def _layout(fig, size, title, caption, inset=True):
    """Figure-fraction boxes of the map, the side panel (inset, legend), title, caption.

    Sizes in inches follow the type scale; the title takes up to three lines and the
    caption the lines it needs (`caption`: its text, or its length estimate).
    """
    w, h = size
    k = _SCALE.get()
    margin = 0.15
    title_chars = max(20, int(w * 8.2 / k))
    title_lines = min(3, max(1, len(textwrap.wrap(title, width=title_chars))))
    title_h = 0.12 + 0.245 * k * title_lines + 0.04 + 0.16 * k + 0.06   # title, subtitle
    caption_chars = max(40, int((w - 2 * margin) * 17 / k))
    caption_lines = min(4, len(textwrap.wrap(caption, width=caption_chars)) or 1)
    caption_h = 0.1 + 0.125 * k * caption_lines + 0.08
    side_w = min(max(1.9 * k, 0.27 * w), 3.2)
    map_w = w - side_w - 3 * margin
    map_h = max(h - title_h - caption_h, 0.25 * h)
    side_x = margin * 2 + map_w
    inset = inset and map_h >= 2.4   # a small figure gives its side panel to the legend
    inset_h = min(side_w * 0.8, map_h * 0.38) if inset else 0.0
    gap = 0.12 * k if inset else 0.0
    return {
        "map": (margin / w, caption_h / h, map_w / w, map_h / h),
        "inset": ((side_x / w, (caption_h + map_h - inset_h) / h, side_w / w, inset_h / h)
                  if inset else None),
        "legend": (side_x / w, caption_h / h, side_w / w, (map_h - inset_h - gap) / h),
        "title_y": 1 - 0.12 / h,
        "title_chars": title_chars,
        "title_lines": title_lines,
        "caption_top": (caption_h - 0.1) / h,
        "caption_chars": caption_chars,
        "margin": margin / w,
    }


def _draw_outlines(ax, world, extent, focus, over_tiles):
    """Land (the focus country lighter), coastlines, and borders dash-dotted."""
    import shapely
    from shapely.geometry import box

    x0, x1, y0, y1 = extent
    mx, my = (x1 - x0) * 0.3, (y1 - y0) * 0.3
    view = box(x0 - mx, y0 - my, x1 + mx, y1 + my)
    local = world.intersecting(view)
    if len(local) == 0:
        return
    geoms = _to_pixels(shapely.intersection(local.geoms, view), ax, extent)
    if not over_tiles:
        faces = [_LAND_FOCUS if focus is not None and n == focus["name"] else _LAND
                 for n in local.names]
        _fill(ax, geoms, facecolor=faces, edgecolor="none", zorder=1)
    land = shapely.union_all(geoms)
    coast = land.boundary.intersection(view.buffer(-1.0))
    eps = (x1 - x0) * 2e-4
    borders = shapely.union_all(shapely.boundary(geoms)).difference(
        coast.buffer(eps)).intersection(view.buffer(-1.0))
    if not coast.is_empty:
        _lines(ax, [coast], color="#7d9fb5", linewidth=0.6, zorder=1.4)
    if not borders.is_empty:
        _lines(ax, [borders], color=_BORDER, linewidth=0.9, linestyle=(0, (6, 2, 1, 2)),
               zorder=1.5)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)


def _to_pixels(geoms, ax, extent):
    """Outlines at the detail the map can show: islands smaller than a few pixels left
    out and vertices closer than half a pixel merged (a world view of Natural Earth has
    tens of thousands of parts; drawing and cutting them costs seconds, showing nothing).
    """
    import shapely

    box = ax.get_window_extent(ax.figure.canvas.get_renderer())
    px = (extent[1] - extent[0]) / max(box.width, 1.0)   # map units per pixel
    out = []
    for g in geoms:
        if g is None or g.is_empty:
            out.append(g)
            continue
        parts = shapely.get_parts(g)
        keep = [q for q in parts if q.geom_type != "Polygon" or q.area >= 4 * px * px]
        if len(keep) < len(parts):
            g = shapely.union_all(keep) if keep else shapely.Polygon()
        out.append(shapely.simplify(g, px / 2, preserve_topology=True))
    return out


def _polygon_path(polygon):
    """A matplotlib path of a (Multi)Polygon: each ring a closed subpath."""
    import numpy as np
    from matplotlib.path import Path as MplPath

    parts = [polygon] if polygon.geom_type == "Polygon" else polygon.geoms
    paths = []
    for part in parts:
        paths.append(MplPath(np.asarray(part.exterior.coords)[:, :2], closed=True))
        paths.extend(MplPath(np.asarray(ring.coords)[:, :2], closed=True)
                     for ring in part.interiors)
    return MplPath.make_compound_path(*paths)


def _parts(geoms):
    """(index, geometry) of the non-empty geometries, collections taken apart, each
    normalised (exteriors clockwise, holes anticlockwise: matplotlib fills by winding)."""
    import shapely

    out = []
    for i, g in enumerate(shapely.normalize(list(geoms))):
        if g is None or g.is_empty:
            continue
        if g.geom_type == "GeometryCollection":
            out.extend((i, part) for part in g.geoms if not part.is_empty)
        else:
            out.append((i, g))
    return out


def _fill(ax, geoms, *, facecolor, **kw):
    """Polygons drawn as one collection; `facecolor` one colour, or one per geometry.
    (What GeoSeries.plot draws, without geopandas.)"""
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import PathPatch

    polys = [(i, g) for i, g in _parts(geoms) if g.geom_type in ("Polygon", "MultiPolygon")]
    if not polys:
        return
    if isinstance(facecolor, (list, tuple)) and not isinstance(facecolor, str):
        facecolor = [facecolor[i] for i, _ in polys]
    ax.set_aspect("equal")
    ax.add_collection(PatchCollection([PathPatch(_polygon_path(g)) for _, g in polys],
                                      facecolor=facecolor, **kw), autolim=True)
    ax.autoscale_view()


def _lines(ax, geoms, **kw):
    """Lines (LineStrings, MultiLineStrings, rings) drawn as one collection."""
    import numpy as np
    import shapely
    from matplotlib.collections import LineCollection

    lines = [g for _, g in _parts(geoms)
             if g.geom_type in ("LineString", "MultiLineString", "LinearRing")]
    if not lines:
        return
    ax.set_aspect("equal")
    segments = [np.array(part.coords)[:, :2] for part in shapely.get_parts(lines)]
    ax.add_collection(LineCollection(segments, **kw), autolim=True)
    ax.autoscale_view()


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


def _draw_claims(ax, placer, claims, to_map, extent):
    """Category markers in a ring around each place; returns ring radii and what was drawn."""
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
        if _truthy(c.get("contested")):
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
        step = _pt(_CLAIM_SIZE) + 1.5
        r = max(_pt(_PLACE_SIZE) / 2 + _pt(_CLAIM_SIZE) / 2 + 1.5, n * step / (2 * math.pi))
        radii[key] = r + _pt(_CLAIM_SIZE) / 2 + 1
        x, y = key
        for i, cat in enumerate(cats):
            present.add(cat)
            # start at the upper right, go round clockwise
            angle = math.radians(45 - i * 360 / n) if n > 1 else math.radians(45)
            dx, dy = r * math.cos(angle), r * math.sin(angle)
            trans = ax.transData + ScaledTranslation(dx / 72, dy / 72, ax.figure.dpi_scale_trans)
            colour = category_style(cat)[0]
            hot = cat in contested.get(key, ())
            ax.plot([x], [y], marker=_CATEGORY_MARKER.get(cat, "o"), markersize=_pt(_CLAIM_SIZE),
                    markerfacecolor=colour, markeredgecolor="#111111" if hot else "white",
                    markeredgewidth=1.6 if hot else 0.9, linestyle="none", transform=trans,
                    zorder=7)
            if counts[cat] > 1:
                # a triangle's visual centre is a third of the way in from its base
                nudge = {"^": -1.2, "v": 1.2}.get(_CATEGORY_MARKER.get(cat, "o"), 0.0)
                trans = ax.transData + ScaledTranslation(
                    dx / 72, (dy + _SCALE.get() * nudge) / 72, ax.figure.dpi_scale_trans)
                ax.text(x, y, str(counts[cat]), transform=trans, ha="center", va="center",
                        fontsize=_pt(5.8), fontweight="bold", color="white", zorder=7.1)
            px, py = ax.transData.transform((x, y))
            s = ax.figure.dpi / 72
            placer.add_marker(px + dx * s, py + dy * s, _pt(_CLAIM_SIZE) / 2 + 0.5)
    flags = {"contested": any(contested.values()),
             "counted": any(n > 1 for counts in groups.values() for n in counts.values())}
    return radii, [c for c in sorted(present, key=lambda c: (order.get(c, 99), c))], unmapped, \
        flags


def _claim_diameter(n, n_max) -> float:
    """Diameter (points) of a place's claim circle: its area in proportion to `n`."""
    return max(_pt(4.0), _pt(_TOTAL_MAX) * math.sqrt(n / max(n_max, 1)))


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
        rows.append((key, main, _claim_diameter(totals[key], n_max),
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
        placer.add_marker(px, py, min(d / 2, max(_pt(3.0), d * 0.3)))
        radii[(x, y)] = min(d / 2 + 1.5, max(_pt(5.0), d * 0.3 + 1.5))
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
        area = shapely_box(x0, y0, x1, y1)
        n += sum(3 for line in placer.lines if line.intersects(area))
        if best_n is None or n < best_n:
            best, best_n = c, n
    return best


def _scale_bar(ax, placer, crs, extent):
    """A two-part km scale bar, true at the map's centre (geodesic), in a free corner."""
    from matplotlib.patches import Rectangle
    from matplotlib.transforms import Bbox
    from pyproj import Geod

    x0, x1, y0, y1 = extent
    tr = _proj(crs, "EPSG:4326")
    clon, clat = tr.transform((x0 + x1) / 2, (y0 + y1) / 2)
    to_map = _transformer(crs)
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
    ax.text(bx, by + h + 0.008, "0", transform=t, ha="center", va="bottom", fontsize=6.5,
            zorder=11)
    ax.text(bx + frac, by + h + 0.008, label, transform=t, ha="center", va="bottom",
            fontsize=6.5, zorder=11)
    renderer = ax.figure.canvas.get_renderer()
    box = ax.get_window_extent(renderer)
    placer.add_obstacle(Bbox.from_extents(
        box.x0 + (bx - 0.02) * box.width, box.y0 + (by - 0.025) * box.height,
        box.x0 + (bx + frac + 0.05) * box.width, box.y0 + (by + 0.06) * box.height))


def _north_arrow(ax, placer):
    """A north arrow in a free top corner (north is up at the centre of this projection)."""
    from matplotlib.transforms import Bbox

    corner = _corner_free(ax, placer, [(0.90, 0.80, 0.99, 0.99), (0.01, 0.80, 0.10, 0.99)])
    x = (corner[0] + corner[2]) / 2
    t = ax.transAxes
    ax.annotate("", xy=(x, 0.965), xytext=(x, 0.89), xycoords=t, textcoords=t,
                arrowprops={"arrowstyle": "-|>,head_length=0.8,head_width=0.4",
                            "color": "#222222", "lw": 1.4}, zorder=11)
    ax.text(x, 0.875, "N", transform=t, ha="center", va="top", fontsize=8, fontweight="bold",
            color="#222222", zorder=11, bbox=_mask())
    renderer = ax.figure.canvas.get_renderer()
    box = ax.get_window_extent(renderer)
    placer.add_obstacle(Bbox.from_extents(
        box.x0 + (x - 0.035) * box.width, box.y0 + 0.82 * box.height,
        box.x0 + (x + 0.035) * box.width, box.y0 + 0.975 * box.height))


def _country_labels(ax, placer, world, extent):
    """Names of the countries that fill a good part of the view, in spaced grey capitals."""
    import shapely
    from shapely.geometry import box

    view = box(extent[0], extent[2], extent[1], extent[3])
    local = world.intersecting(view)
    if len(local) == 0:
        return
    parts = shapely.intersection(local.geoms, view)
    rows = sorted(zip(local.names, parts), key=lambda r: (-r[1].area, str(r[0])))
    for name, geom in rows:
        if geom.is_empty or geom.area < 0.06 * view.area:
            continue
        pt = geom.representative_point()
        placer.place(f"country:{name}", " ".join(str(name).upper()), (pt.x, pt.y),
                     clearance_pt=0, radii_pt=(0.0, 20.0, 40.0), leader_from=99,
                     required=False, fontsize=_pt(9), color="#9b9b9b", zorder=1.8)


def _context_towns(ax, placer, to_map, crs, extent, points, limit=8) -> int:
    """A few nearby gazetteer towns, small and grey, where there is room; how many drawn.

    The most populous first; a town within the built-up radius of a bigger one (a
    district of a city, as GeoNames lists many) is left out.
    """
    try:
        from geo.gazetteer import Gazetteer

        gaz = Gazetteer.open()
        tr = _proj(crs, "EPSG:4326")
        x0, x1, y0, y1 = extent
        clon, clat = tr.transform((x0 + x1) / 2, (y0 + y1) / 2)
        radius_km = math.hypot(x1 - x0, y1 - y0) / 2 / 1000 * 1.2
        min_pop = (1_000_000 if radius_km > 2000 else 100_000 if radius_km > 600
                   else 20_000 if radius_km > 60 else 2_000)
        nearby = gaz.nearby(clat, clon, radius_km, min_population=min_pop, limit=limit * 6)
    except Exception as err:  # noqa: BLE001 - context is optional; the map stands without it
        log.warning("no context towns on the static map: %s", err)
        return 0
    from matplotlib.transforms import Bbox
    from pyproj import Geod

    geod = Geod(ellps="WGS84")
    article_ids = {p["place_id"] for p in points}
    bigger = [(p["geometry"].x, p["geometry"].y, _num(p.get("population"))) for p in points]
    drawn = 0
    for place in sorted(nearby, key=lambda p: (-p.population, p.name, p.place_id)):
        if drawn >= limit or place.place_id in article_ids:
            continue
        # within the built-up radius of a bigger place (about 4 km per sqrt(100,000))?
        inside = any(
            pop > place.population and geod.inv(lon, lat, place.lon, place.lat)[2]
            < 1000 * min(25.0, 4.0 * math.sqrt(pop / 100_000))
            for lon, lat, pop in bigger)
        bigger.append((place.lon, place.lat, place.population))
        if inside:
            continue
        x, y = to_map(place.lon, place.lat)
        if not (extent[0] < x < extent[1] and extent[2] < y < extent[3]):
            continue
        px, py = ax.transData.transform((x, y))
        dot = Bbox.from_extents(px - 4, py - 4, px + 4, py + 4)
        if not placer.is_free(dot):
            continue
        lab = placer.place(f"context:{place.place_id}", place.name, (x, y), clearance_pt=2.5,
                           radii_pt=(0.0, 3.0), leader_from=99, required=False, fontsize=_pt(6.5),
                           color=_CONTEXT, zorder=5.5, bbox=_mask())
        if lab is None:
            continue
        ax.plot([x], [y], marker="o", markersize=2.8, markerfacecolor=_CONTEXT,
                markeredgecolor="white", markeredgewidth=0.4, linestyle="none", zorder=5)
        placer.add_marker(px, py, 2.0)
        drawn += 1
    return drawn


def _inset(fig, rect, world, extent, focus):
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
    ax.set_facecolor(_WATER)
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
        _fill(ax, shapely.intersection(local.geoms, frame), facecolor=faces,
              edgecolor="#9a9a9a", linewidth=0.4)
    ax.set_xlim(cx - hw, cx + hw)
    ax.set_ylim(cy - hh, cy + hh)
    _fill(ax, [view], facecolor="#d62728", alpha=0.18, edgecolor="none", zorder=3)
    _lines(ax, [view.boundary], color="#c0001a", linewidth=1.3, zorder=3.1)
    if (x1 - x0) < 0.06 * 2 * hw:   # too small to see: mark it with a dot too
        ax.plot([(x0 + x1) / 2], [(y0 + y1) / 2], marker="o", markersize=5,
                markerfacecolor="#c0001a", markeredgecolor="white", markeredgewidth=0.6,
                zorder=3.2)
    if focus is not None:
        ax.set_title(str(focus["name"]), fontsize=_pt(7), color="#444444", pad=2, loc="left")
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
        dot = Line2D([x], [y], marker="o", markersize=_CLAIM_SIZE * 0.85, linestyle="none",
                     markerfacecolor="#777777", markeredgecolor="white",
                     transform=handlebox.get_transform())
        num = Text(x, y, "2", ha="center", va="center", fontsize=5.5, fontweight="bold",
                   color="white", transform=handlebox.get_transform())
        handlebox.add_artist(dot)
        handlebox.add_artist(num)
        return dot


def _legend(fig, rect, categories, relations, towns, facility, regions, claim_flags, context,
            far=False):
    """The legend: only what the map shows.

    `regions` lists the kinds of region drawn ("point", "polygon"); `claim_flags` says
    whether a contested claim and a count badge were drawn.
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
            shape = "o" if totals else _CATEGORY_MARKER.get(cat, "o")
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
                                      markersize=_claim_diameter(n, n_max) * 0.8,
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
    if regions:
        handles.append(Line2D([], [], marker="s", linestyle="none", markersize=6,
                              markerfacecolor="none", markeredgecolor=PLACE_STYLE["admin1"][0],
                              markeredgewidth=1.2))
        labels.append("Region (centre)")
    if far:
        handles.append(Line2D([], [], marker=_arrow_marker(-90), linestyle="none",
                              markersize=7, color="#333333"))
        labels.append("Place beyond the map (distance)")
    if context:
        handles.append(Line2D([], [], marker="o", linestyle="none", markersize=3,
                              markerfacecolor=_CONTEXT, markeredgecolor="white"))
        labels.append("Other town (context)")
    handles.append(Line2D([], [], color=_BORDER, linewidth=0.9, linestyle=(0, (6, 2, 1, 2))))
    labels.append("International border")
    # a figure legend in the panel's box (an Axes of its own would cost as much again), in
    # the largest type that fits
    renderer = fig.canvas.get_renderer()
    box_height = rect[3] * fig.bbox.height
    sizes = [_pt(v) for v in (7.0, 6.5, 6.0, 5.5, 5.0)] + [4.5, 4.0]

    def make(size):
        leg = fig.legend(handles, labels, handler_map={_CountHandle: _CountHandler()},
                         loc="upper left", bbox_to_anchor=(rect[0], rect[1] + rect[3]),
                         bbox_transform=fig.transFigure,
                         frameon=False, fontsize=size, handlelength=2.2, handletextpad=0.6,
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


def _titles(fig, layout, title, n_places, n_claims):
    width_chars = layout["title_chars"]
    lines = textwrap.wrap(title, width=width_chars)
    if len(lines) > 3:
        lines = lines[:3]
        lines[-1] = lines[-1].rstrip()[: width_chars - 1] + "…"
    fig.text(layout["margin"], layout["title_y"], "\n".join(lines), ha="left", va="top",
             fontsize=_pt(13), fontweight="bold", color="#111111", linespacing=1.15)
    sub = f"{n_places} place{'s' if n_places != 1 else ''} named, " \
          f"{n_claims} claim{'s' if n_claims != 1 else ''}"
    y = layout["title_y"] - (0.245 * _SCALE.get() * layout["title_lines"] + 0.04) \
        / fig.get_figheight()
    fig.text(layout["margin"], y, sub, ha="left", va="top", fontsize=_pt(8), color="#555555")


def _caption_text(art, tile_attribution, notes) -> str:
    """Source, date, notes and attribution, as one paragraph."""
    parts = []
    src = " ".join(str(art.source or (Path(art.path).name if art.path else "")).split())
    if len(src) > 110:   # a long URL: keep the caption to its lines
        src = src[:109] + "…"
    if src:
        parts.append(f"Source: {src}")
    if art.published:
        parts.append(f"published {art.published.isoformat()}")
    line1 = ", ".join(parts) + ("." if parts else "")
    attrib = [GEONAMES_ATTRIBUTION, NATURAL_EARTH_ATTRIBUTION]
    if tile_attribution:
        attrib.append(f"Basemap: {tile_attribution}")
    return " ".join([line1, *notes, "; ".join(attrib) + ". Made with claimmap."]).strip()


def _caption(fig, layout, text):
    lines = textwrap.wrap(text, width=layout["caption_chars"])
    fig.text(layout["margin"], layout["caption_top"], "\n".join(lines[:4]), ha="left",
             va="top", fontsize=_pt(6.5), color="#444444", linespacing=1.3)


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

    with matplotlib.rc_context(_RC):
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
def _new_temp_file(path: Path) -> Path:
    """An empty temporary file beside `path`, with the mode the umask gives any new file
    (mkstemp's 0600 would keep a map from its readers once renamed into place)."""
    for _ in range(100):
        tmp = path.parent / f".{path.name}.{os.urandom(6).hex()}.tmp"
        try:
            os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:  # pragma: no cover - 48 random bits
            continue
        return tmp
    raise FileExistsError(f"no free temporary name beside {path}")  # pragma: no cover


def _atomic_write(path: Path, write) -> None:
    """Call ``write(tmp_path)`` for a temporary file beside `path`, then rename it there."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _new_temp_file(path)
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _atomic_save(fig, path: Path, **kw) -> None:
    _atomic_write(path, lambda tmp: fig.savefig(tmp, **kw))


def _write_bytes(data: bytes, path: Path) -> None:
    def write(tmp):
        with open(tmp, "wb") as fh:
            fh.write(data)

    _atomic_write(path, write)


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
                  title=None) -> tuple[bytes, bytes]:
    """Draw the static map of `layers`; its PNG and SVG as bytes (what `write_static`
    writes). Parameters and errors as `write_static`'s.

    The build calls this in a second process while it writes its other files (see
    `layers.render._worker`), then writes the bytes itself. `layers` may be a Layers or
    its `drawing_input` (what that process is sent).
    """
    import matplotlib

    size = parse_figure_size(figure_size)
    dpi = _check_dpi(dpi, size)
    token = _SCALE.set(_type_scale(size))
    try:
        with matplotlib.rc_context(_RC):
            drawing = _draw(layers, size, dpi, title, basemap, True)
            png, svg = _png_bytes(drawing.fig, dpi), _svg_bytes(drawing.fig)
    finally:
        _SCALE.reset(token)
    return png, svg


def save_static(png: bytes, svg: bytes, png_path, svg_path) -> list[Path]:
    """Write the PNG and SVG bytes of `render_images`, each atomically, both or neither."""
    png_path, svg_path = Path(png_path), Path(svg_path)
    _write_bytes(png, png_path)
    try:
        _write_bytes(svg, svg_path)
    except BaseException:
        png_path.unlink(missing_ok=True)   # both or neither
        raise
    return [png_path, svg_path]


def write_static(layers, png_path, svg_path, *, basemap="none", figure_size=None, dpi=None,
                 title=None) -> list[Path]:
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
                             title=title)
    return save_static(png, svg, png_path, svg_path)


def write_report(layers, path, png_path) -> Path:
    """Write ``SLUG.report.html``: a self-contained fragment to paste into a report or CMS.

    The figure is inlined (base64 PNG), followed by a table of the claims (category,
    place, figure, claim, date, source, contested) in the article's order (the first
    500; a merged batch's further claims are counted, with a pointer to
    ``SLUG.claims.csv``), and the attribution. Everything taken from the article is HTML-escaped. There is no
    ``<html>`` wrapper: the fragment goes inside a page.

    Parameters
    ----------
    layers : layers.builder.Layers
    path : path-like
        The fragment to write (atomically).
    png_path : path-like
        The PNG written by `write_static`, inlined.

    Returns
    -------
    Path
        `path`.

    Raises
    ------
    geo.exc.BadInput
        The PNG cannot be read.
    """
    from layers.render.report import write_report_fragment

    return write_report_fragment(layers, path, png_path)
