"""Shapely geometries drawn on a matplotlib Axes, without geopandas.

Polygons filled as one collection (`fill_polygons`), lines as one collection
(`draw_lines`), and outlines cut to the detail the figure shows (`to_pixels`: a world
view of Natural Earth has tens of thousands of parts).
"""

from __future__ import annotations

__all__ = ["draw_lines", "fill_polygons", "to_pixels"]


def to_pixels(geoms, ax, extent):
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


def fill_polygons(ax, geoms, *, facecolor, **kw):
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


def draw_lines(ax, geoms, **kw):
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
