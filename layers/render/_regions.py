"""The areas on the static map: admin areas and world regions as outlines, and where each
one's name goes.

A helper of `layers.render.static`. An area with an outline is lightly filled with a
dashed edge and named at the point where its claims sit (no marker: the outline shows
it); an area with no outline is a square marker at its centre. An area that holds the
story's places but does not frame the view (the state of a county story, a world region)
is cut by the frame and named inside it, clear of the story's own places.
"""

from __future__ import annotations

from layers.render._frame import lonlat_to_map, to_crs
from layers.render._shapes import fill_polygons
from layers.symbology import PLACE_STYLE

__all__ = ["draw_regions"]


def draw_regions(ax, regions, places, points, crs, extent, around_ids=frozenset()):
    """Draw `regions` (rows with ``place_id``, ``name``, ``geometry`` in lon/lat) on `ax`.

    Returns
    -------
    anchors : dict
        place_id -> (x, y) in the map's CRS: where each area's name goes.
    marked : set
        The areas drawn as a marker (no outline): their name keeps clear of it.
    """
    import shapely
    from shapely.geometry import Point, box

    to_map = lonlat_to_map(crs)
    anchors, marked = {}, set()
    colour = PLACE_STYLE["admin1"][0]
    centres = {p["place_id"]: p["geometry"] for p in places
               if p.get("kind") == "admin1" and p.get("geometry") is not None
               and p["geometry"].geom_type == "Point"}
    view = box(extent[0], extent[2], extent[1], extent[3])
    for r in regions:
        g = r["geometry"]
        if g is None or g.is_empty:
            continue
        outlined = g.geom_type in ("Polygon", "MultiPolygon")
        if outlined:
            poly = to_crs([g], crs)
            fill_polygons(ax, poly, facecolor=colour, alpha=0.06, edgecolor="none", zorder=2)
            fill_polygons(ax, poly, facecolor="none", edgecolor=colour, linewidth=1.1,
                          linestyle=(0, (5, 3)), zorder=2.1)
            # the centre where its claims sit: the places layer's point, when inside
            pt = centres.get(r["place_id"])
            if pt is None or not g.contains(pt):
                pt = g.representative_point()
        else:
            pt = g.centroid
        x, y = to_map(pt.x, pt.y)
        if outlined and r["place_id"] in around_ids:
            # its name where it is seen: inside the view, clear of the story's places
            seen = poly[0].intersection(view)
            if seen.is_empty:
                continue
            clear = seen.difference(shapely.union_all(
                [Point(*to_map(p["geometry"].x, p["geometry"].y)) for p in points]).buffer(
                0.25 * max(extent[1] - extent[0], extent[3] - extent[2]))) if points else seen
            x, y = (clear if not clear.is_empty else seen).representative_point().coords[0]
        anchors[r["place_id"]] = (x, y)
        if outlined:
            continue    # its outline shows it: its name goes at the centre, no marker
        marked.add(r["place_id"])
        ax.plot([x], [y], marker="s", markersize=6, markerfacecolor="none",
                markeredgecolor=colour, markeredgewidth=1.2, linestyle="none", zorder=4)
    return anchors, marked
