"""Around the article's places on the static map: countries, nearby towns, far places.

The names of the countries that fill a good part of the view, a few nearby gazetteer
towns in small grey type where there is room, and the places named in passing far from
the claims (`far_places`; `layers.render._pointers` draws them at the map's edge).
"""

from __future__ import annotations

import logging
import math

from layers.render._cells import number, split_ids
from layers.render._frame import lon_centre, transformer
from layers.render._look import CONTEXT, DISPUTED, mask, type_pt

__all__ = ["draw_context_towns", "draw_country_labels", "draw_disputed", "far_places"]

log = logging.getLogger(__name__)


def _core(candidates, claims, links):
    """The places the claims (and the ends of links) are about: (their ids, their points)."""
    used = set()
    for c in claims:
        used.update(split_ids(c.get("place_ids")))
    for ln in links:
        used.update({str(ln.get("from_place") or ""), str(ln.get("to_place") or "")})
    core = [_point(r) for r in candidates if r["place_id"] in used]
    return used, [g for g in core if g is not None]


def _point(r):
    g = r.get("geometry")
    if g is None or g.is_empty:
        return None
    return g if g.geom_type == "Point" else g.representative_point()


def _holds(r, core) -> bool:
    """Whether an area's outline holds one of the core's points (a state holding the
    county the claims are about)."""
    g = r.get("geometry")
    if g is None or g.is_empty or g.geom_type not in ("Polygon", "MultiPolygon"):
        return False
    import shapely

    return bool(shapely.intersects(g, shapely.multipoints(core)))


def far_places(candidates, claims, links, *, around=None):
    """Places (and regions) named in passing far from the places the claims are about.

    The claims' places (and the ends of links) make the core; a place with no claim
    and no link lying more than three times the core's radius (and 150 km) from the
    core's centre is "far": drawing it would shrink the story's area to a corner, so it
    becomes a pointer at the map's edge instead. An area whose outline holds the core
    (the state of a county map) is never far, however far its centre: the map lies in
    it. Such areas are added to `around` (a list, when given): the map draws them
    without letting them widen its view.
    """
    from pyproj import Geod

    used, core = _core(candidates, claims, links)
    if not core:
        return []
    lon0 = lon_centre([g.x for g in core])
    lat0 = (min(g.y for g in core) + max(g.y for g in core)) / 2
    geod = Geod(ellps="WGS84")
    radius_km = max(geod.inv(lon0, lat0, g.x, g.y)[2] for g in core) / 1000
    limit_km = max(3 * radius_km, 150.0)
    far = []
    for r in candidates:
        pt = _point(r)
        if r["place_id"] in used or pt is None:
            continue
        if geod.inv(lon0, lat0, pt.x, pt.y)[2] / 1000 > limit_km:
            if _holds(r, core):
                if around is not None:
                    around.append(r)
                continue
            far.append(r)
    return far


def draw_country_labels(ax, placer, world, extent):
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
                     required=False, fontsize=type_pt(9), color="#9b9b9b", zorder=1.8)


def draw_context_towns(ax, placer, to_map, crs, extent, points, limit=8) -> int:
    """A few nearby gazetteer towns, small and grey, where there is room; how many drawn.

    The most populous first; a town within the built-up radius of a bigger one (a
    district of a city, as GeoNames lists many) is left out.
    """
    try:
        from geo.gazetteer import Gazetteer

        gaz = Gazetteer.open()
        tr = transformer(crs, "EPSG:4326")
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
    bigger = [(p["geometry"].x, p["geometry"].y, number(p.get("population"))) for p in points]
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
                           radii_pt=(0.0, 3.0), leader_from=99, required=False,
                           fontsize=type_pt(6.5), color=CONTEXT, zorder=5.5, bbox=mask())
        if lab is None:
            continue
        ax.plot([x], [y], marker="o", markersize=2.8, markerfacecolor=CONTEXT,
                markeredgecolor="white", markeredgewidth=0.4, linestyle="none", zorder=5)
        placer.add_marker(px, py, 2.0)
        drawn += 1
    return drawn


def draw_disputed(ax, placer, crs, extent, borders):
    """Areas held by one country and recognised as another's (geo.outlines.disputed_areas)
    in the view: hatched, edged in dark red, named with who holds them ("Crimea (occupied
    by Russia)" under recognised borders, "held by" under de facto ones). Returns how many
    were drawn (the legend's entry)."""
    import shapely
    from shapely.geometry import box

    from geo.outlines import check_borders, disputed_areas
    from layers.render._frame import to_crs
    from layers.render._shapes import fill_polygons

    view = box(extent[0], extent[2], extent[1], extent[3])
    borders = check_borders(borders)
    word = "occupied" if borders == "recognised" else "held"
    drawn = 0
    for area in disputed_areas(borders):
        (geom,) = to_crs([area["geometry"]], crs)
        if geom is None or geom.is_empty or not geom.intersects(view):
            continue
        drawn += 1
        fill_polygons(ax, [geom], facecolor="none", edgecolor=DISPUTED, hatch="////",
                      linewidth=0.0, alpha=0.35, zorder=1.6)
        fill_polygons(ax, [geom], facecolor="none", edgecolor=DISPUTED, linewidth=0.8,
                      linestyle=(0, (2, 2)), zorder=1.65)
        inside = shapely.intersection(geom, view)
        if inside.area < 0.002 * view.area:
            continue
        pt = inside.representative_point()
        placer.place(f"disputed:{area['iso_3166_2']}",
                     f"{area['name']} ({word} by {area['holder_name']})", (pt.x, pt.y),
                     clearance_pt=0, radii_pt=(0.0, 12.0, 24.0), leader_from=99,
                     required=False, fontsize=type_pt(7), color="#8c1a28", style="italic",
                     zorder=1.85)
    return drawn


def disputed_near(geoms, borders, margin_deg: float = 3.0) -> bool:
    """Whether an area `draw_disputed` marks lies near these EPSG:4326 geometries (within
    `margin_deg` of their bounds): the legend's room is kept for its entry."""
    from shapely.geometry import box

    from geo.outlines import check_borders, disputed_areas

    geoms = [g for g in geoms if g is not None and not g.is_empty]
    if not geoms:
        return False
    x0 = min(g.bounds[0] for g in geoms) - margin_deg
    y0 = min(g.bounds[1] for g in geoms) - margin_deg
    x1 = max(g.bounds[2] for g in geoms) + margin_deg
    y1 = max(g.bounds[3] for g in geoms) + margin_deg
    near = box(x0, y0, x1, y1)
    return any(a["geometry"].intersects(near) for a in disputed_areas(check_borders(borders)))
