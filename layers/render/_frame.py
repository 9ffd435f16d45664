"""Where the static map looks: its projection, view and the world outlines in it.

Helpers of `layers.render.static`: a local azimuthal equidistant projection centred on
the view (Equal Earth for views that span the world, Web Mercator under web tiles), the
Natural Earth countries cut where the projection breaks, the view's extent, and the
country an article is mostly about. Longitudes are handled the short way round, so a
view across the date line is centred on it.
"""

from __future__ import annotations

import math
from functools import lru_cache

from layers.render._cells import number

__all__ = ["country_outline", "focus_country_of", "lon_centre", "lonlat_to_map",
           "projected_world", "projection", "to_crs", "transformer", "view_extent"]

_WORLD_KM = 2500.0    # places farther than this from their centre: a world map, no inset


def lon_centre(lons) -> float:
    """The middle of some longitudes, the shorter way round (views across the date line).

    >>> lon_centre([178.4, -171.8])
    -176.7
    """
    if not lons:
        return 0.0
    lo, hi = min(lons), max(lons)
    if hi - lo <= 180:
        return (lo + hi) / 2
    shifted = [v + 360 if v < 0 else v for v in lons]
    c = (min(shifted) + max(shifted)) / 2
    return round(c - 360 if c > 180 else c, 6)


def projection(view_geoms, basemap):
    """The map's projection: (crs, lon0, lat0, is_world).

    A local azimuthal equidistant projection centred on the view (distances from the
    centre are true, so the scale bar is); Equal Earth centred on the view when the
    places lie more than `_WORLD_KM` from their centre; Web Mercator under web tiles.
    """
    from pyproj import Geod

    corners = []
    for g in view_geoms:
        b = g.bounds
        corners += [(b[0], b[1]), (b[2], b[3]), (b[0], b[3]), (b[2], b[1])]
    if corners:
        lon0 = lon_centre([c[0] for c in corners])
        lat0 = (min(c[1] for c in corners) + max(c[1] for c in corners)) / 2
        geod = Geod(ellps="WGS84")
        reach_km = max(geod.inv(lon0, lat0, lon, lat)[2] for lon, lat in corners) / 1000
    else:
        lon0, lat0, reach_km = 0.0, 20.0, math.inf
    if basemap == "web":
        return "EPSG:3857", lon0, lat0, False
    if reach_km > _WORLD_KM:
        return (f"+proj=eqearth +lon_0={lon0:.4f} +x_0=0 +y_0=0 +datum=WGS84 +units=m "
                "+no_defs"), lon0, lat0, True
    return (f"+proj=aeqd +lat_0={lat0:.4f} +lon_0={lon0:.4f} +x_0=0 +y_0=0 "
            "+datum=WGS84 +units=m +no_defs"), lon0, lat0, False


def _lon_boxes(lo, hi, lat_lo, lat_hi):
    """Lon/lat boxes covering longitudes lo..hi (which may run past ±180)."""
    from shapely.geometry import box

    if hi - lo >= 360:
        return [box(-180, lat_lo, 180, lat_hi)]
    out = []
    if lo < -180:
        out.append(box(lo + 360, lat_lo, 180, lat_hi))
        lo = -180
    if hi > 180:
        out.append(box(-180, lat_lo, hi - 360, lat_hi))
        hi = 180
    out.append(box(lo, lat_lo, hi, lat_hi))
    return out


class _World:
    """Country outlines in one CRS: names and shapely geometries as parallel arrays (what
    the static map needs of a GeoDataFrame, without pandas)."""

    def __init__(self, names, geoms) -> None:
        import numpy as np

        self.names = np.asarray(names, dtype=object)
        self.geoms = np.asarray(geoms, dtype=object)

    def __len__(self) -> int:
        return len(self.geoms)

    def take(self, which) -> _World:
        """The rows at `which` (indices or a boolean mask)."""
        return _World(self.names[which], self.geoms[which])

    def intersecting(self, geom) -> _World:
        """The rows whose outline meets `geom`, in order."""
        import shapely

        return self.take(shapely.intersects(self.geoms, geom))

    def named(self, name) -> _World:
        """The rows of the country called `name`."""
        return self.take(self.names == name)

    @property
    def total_bounds(self):
        import shapely

        return shapely.total_bounds(self.geoms)


class _ProjectedWorld:
    """The world's outlines cut to a part of the globe and projected, each country only
    when a map first asks for it (projecting a hemisphere of Natural Earth 1:50m costs
    more than drawing a local map): each country's projected envelope, estimated from
    its lon/lat box, tells which ones a view may meet. Answers as `_World` does, with
    the same geometries a whole projection would give.
    """

    #: points per side of a country's lon/lat box when estimating its projected envelope
    _SIDE = 9

    def __init__(self, names, lonlat, clip, crs) -> None:
        import numpy as np
        import shapely

        self.names = np.asarray(names, dtype=object)
        self._lonlat = np.asarray(lonlat, dtype=object)
        self._clip = clip
        self._crs = crs
        self._tr = transformer("EPSG:4326", crs)
        self._done: dict[int, object] = {}
        # each country's lon/lat box (within the cut), its sides sampled and projected
        b = shapely.bounds(self._lonlat)
        c = clip.bounds
        lo_x, lo_y = np.maximum(b[:, 0], c[0]), np.maximum(b[:, 1], c[1])
        hi_x, hi_y = np.minimum(b[:, 2], c[2]), np.minimum(b[:, 3], c[3])
        t = np.linspace(0.0, 1.0, self._SIDE)
        n = len(b)
        xs = np.concatenate([lo_x[:, None] + (hi_x - lo_x)[:, None] * t,
                             lo_x[:, None] + (hi_x - lo_x)[:, None] * t,
                             np.repeat(lo_x[:, None], self._SIDE, 1),
                             np.repeat(hi_x[:, None], self._SIDE, 1)], axis=1)
        ys = np.concatenate([np.repeat(lo_y[:, None], self._SIDE, 1),
                             np.repeat(hi_y[:, None], self._SIDE, 1),
                             lo_y[:, None] + (hi_y - lo_y)[:, None] * t,
                             lo_y[:, None] + (hi_y - lo_y)[:, None] * t], axis=1)
        px, py = self._tr.transform(xs.ravel(), ys.ravel())
        px, py = np.asarray(px).reshape(n, -1), np.asarray(py).reshape(n, -1)
        with np.errstate(invalid="ignore"):
            env = np.column_stack([px.min(1), py.min(1), px.max(1), py.max(1)])
        # the sides bulge between samples: a margin of a fifth of the envelope
        wide = np.maximum(env[:, 2] - env[:, 0], env[:, 3] - env[:, 1]) * 0.2
        env += np.column_stack([-wide, -wide, wide, wide])
        env[~np.isfinite(env).all(axis=1)] = (-np.inf, -np.inf, np.inf, np.inf)
        self._env = env

    def __len__(self) -> int:
        return len(self._lonlat)

    def _projected(self, rows) -> _World:
        """The rows (indices, in order) projected; those left empty or invalid dropped."""
        import shapely

        rows = [int(i) for i in rows]
        todo = [i for i in rows if i not in self._done]
        if todo:
            cut = shapely.intersection(self._lonlat[todo], self._clip)
            keep = ~shapely.is_empty(cut)
            done = [None] * len(todo)
            if keep.any():
                made = shapely.make_valid(to_crs(cut[keep], self._crs))
                ok = ~shapely.is_empty(made) & shapely.is_valid(made)
                for j, g, good in zip(keep.nonzero()[0], made, ok):
                    done[j] = g if good else None
            self._done.update(zip(todo, done))
        rows = [i for i in rows if self._done[i] is not None]
        return _World(self.names[rows], [self._done[i] for i in rows])

    def intersecting(self, geom) -> _World:
        """The rows whose (projected) outline meets `geom` (projected), in order."""
        import numpy as np

        x0, y0, x1, y1 = geom.bounds
        env = self._env
        near = np.nonzero((env[:, 0] <= x1) & (env[:, 2] >= x0)
                          & (env[:, 1] <= y1) & (env[:, 3] >= y0))[0]
        return self._projected(near).intersecting(geom)

    def named(self, name) -> _World:
        """The rows of the country called `name`, projected."""
        import numpy as np

        return self._projected(np.nonzero(self.names == name)[0])

    @property
    def total_bounds(self):
        return self._projected(range(len(self))).total_bounds


def to_crs(geoms, crs):
    """Shapely geometries (EPSG:4326, lon/lat) in `crs`, coordinate by coordinate (as
    GeoSeries.to_crs does)."""
    import numpy as np
    import shapely

    tr = transformer("EPSG:4326", crs)
    geoms = np.asarray(geoms, dtype=object)
    coords = shapely.get_coordinates(geoms)
    if not len(coords):
        return geoms.copy()
    x, y = tr.transform(coords[:, 0], coords[:, 1])
    return shapely.set_coordinates(geoms.copy(), np.column_stack([x, y]))


def projected_world(crs, lon0, lat0, is_world, borders=None):
    """The Natural Earth countries in the map's CRS, cut where the projection breaks
    (a `_ProjectedWorld`: each country projected when first needed).

    The cut keeps the part of the world the projection draws well: a hemisphere-sized
    box around an azimuthal centre, the world but a sliver at the antimeridian of the
    centre for Equal Earth, and latitudes within ±85 for Web Mercator. `borders`: as
    geo.outlines.countries takes them (recognised by default).
    """
    import shapely
    from shapely.geometry import box

    from geo.outlines import country_outlines

    if crs == "EPSG:3857":
        clip = box(-180, -85, 180, 85)
    elif is_world:
        clip = shapely.union_all(_lon_boxes(lon0 - 179.9, lon0 + 179.9, -89.9, 89.9))
    else:
        clip = shapely.union_all(_lon_boxes(lon0 - 75, lon0 + 75, max(lat0 - 60, -89.9),
                                            min(lat0 + 60, 89.9)))
    outlines = country_outlines(borders)
    # in the order GeoDataFrame.clip gives (its spatial index's), as the maps were drawn
    rows = shapely.STRtree(outlines.geometry).query(clip, predicate="intersects")
    return _ProjectedWorld([outlines.name[i] for i in rows], outlines.geometry[rows], clip,
                           crs)


@lru_cache(maxsize=32)
def transformer(src: str, dst: str):
    """A pyproj Transformer from `src` to `dst` (x = lon/easting first), made once: each
    costs some 6 ms to make, and a map needs several. (Transformers are thread-safe
    since pyproj 3.1.)"""
    from pyproj import Transformer

    return Transformer.from_crs(src, dst, always_xy=True)


def lonlat_to_map(crs):
    """A function (lon, lat) -> (x, y) in `crs`."""
    tr = transformer("EPSG:4326", crs)
    return lambda lon, lat: tr.transform(lon, lat)


def view_extent(view_geoms, crs, aspect, world, min_span=40_000.0):
    """(x0, x1, y0, y1) in the map CRS: the view padded, at least `min_span` metres
    across (40 km), at `aspect`.

    With nothing to show, the view is the whole of `world` (the projected outlines).
    """
    import shapely

    b = (shapely.total_bounds(to_crs(view_geoms, crs)) if view_geoms
         else world.total_bounds)
    if not all(math.isfinite(v) for v in b):
        b = (-2.0e6, -1.5e6, 2.0e6, 1.5e6)
    x0, y0, x1, y1 = b
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    # room around the data for labels and claim markers
    half_w = max((x1 - x0) / 2 * 1.3, min_span / 2)
    half_h = max((y1 - y0) / 2 * 1.3, min_span / 2)
    if half_w / half_h < aspect:
        half_w = half_h * aspect
    else:
        half_h = half_w / aspect
    return (cx - half_w, cx + half_w, cy - half_h, cy + half_h)


def country_outline(point):
    """The Natural Earth outline of the country at `point` (the point where there is none)."""
    import shapely

    from geo.outlines import country_outlines

    if point is None or point.is_empty or point.geom_type != "Point":
        return point
    world = country_outlines().geometry
    hits = world[shapely.contains(world, point)]
    if len(hits) == 0:
        return point
    geom = hits[0]
    # a country's far-flung parts (e.g. overseas islands) would set the view: keep the
    # part at the point
    parts = list(getattr(geom, "geoms", [geom]))
    return next((g for g in parts if g.contains(point)), geom)


def focus_country_of(focus_places):
    """The Natural Earth country of the article's main place (``{"name": ...}``), or None."""
    import shapely

    from geo.outlines import country_outlines

    world = country_outlines()
    if not focus_places:
        return None
    best = max(focus_places, key=lambda p: (number(p.get("mentions")), number(p.get("population")),
                                            str(p["place_id"])))
    g = best["geometry"]
    if g is None or g.is_empty:
        return None
    hits = shapely.contains(world.geometry, g).nonzero()[0]
    # on a coast the outline misses: the nearest country (distances in degrees: rough,
    # and enough to tell which country is nearest)
    i = int(hits[0]) if len(hits) else int(shapely.distance(world.geometry, g).argmin())
    return {"name": world.name[i], "iso_a2": world.iso_a2[i], "iso_a3": world.iso_a3[i],
            "continent": world.continent[i], "geometry": world.geometry[i]}


def country_names_for(codes, borders: str | None = None) -> list[str]:
    """The outline names (geo.outlines.country_outlines) of the countries with these ISO
    3166-1 alpha-2 codes, sorted: the countries an article names, to highlight."""
    from geo.outlines import country_outlines

    codes = {str(c or "").strip().upper() for c in codes} - {""}
    if not codes:
        return []
    o = country_outlines(borders)
    return sorted({str(n) for n, cc in zip(o.name, o.iso_a2) if str(cc).upper() in codes})
