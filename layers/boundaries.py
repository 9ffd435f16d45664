"""Regions matched to area polygons: Natural Earth's first-level areas shipped with claimmap
(geo.outlines), or a boundaries file the user gives (any format GDAL reads), which wins."""

from __future__ import annotations

import logging
import math
import re
from pathlib import Path

from geo.exc import BadInput

__all__ = ["BUNDLED_SOURCE", "bundled_outline", "match_boundaries", "inner_point"]

#: the regions layer's ``geometry_source`` of an outline claimmap ships, by kind of area
BUNDLED_SOURCE = {"admin1": "Natural Earth admin-1", "admin2": "US Census counties",
                  "country": "Natural Earth countries",
                  "region": "Natural Earth countries (members)"}

log = logging.getLogger("layers.builder")


_GID_COLUMNS = ("geonameid", "geoname_id", "geonames_id", "geonames", "gn_id")
_CODE_COLUMNS = ("admin1", "admin1_code", "admin1code", "adm1_code", "gn_a1_code", "code",
                 "iso_3166_2", "hasc_1")
_NAME_COLUMNS = ("name", "name_en", "name_1", "shapename", "admin1_name", "adm1_en",
                 "nl_name_1", "gn_name", "woe_name", "name_local", "nom", "region")
_ALT_NAME_COLUMNS = ("name_alt", "varname_1", "alt_names", "alternatenames")

#: generic words of admin-area names, dropped when matching names ("Donetsk Oblast" ~ "Donetsk")
_ADMIN_WORDS = {
    "oblast", "oblasts", "region", "province", "state", "governorate", "prefecture", "county",
    "district", "department", "departement", "municipality", "territory", "krai", "kray",
    "republic", "autonomous", "okrug", "voivodeship", "canton", "emirate", "division",
    "of", "the", "obl", "raion", "rayon", "provincia", "estado", "wilayah", "ili",
    "muhafazah", "velayat", "vilayet", "oblysy", "oblasti", "kraj",
}


def bundled_outline(place):
    """The shipped outline of an admin area (a PlaceRecord of kind ``admin1``: Natural
    Earth's, :func:`geo.outlines.find_admin1`; ``admin2``: a US county,
    :func:`geo.outlines.find_admin2`): a MultiPolygon, or None when none matches."""
    from geo.outlines import admin1_outline, find_admin1, find_admin2, us_counties

    point = (place.lon, place.lat) if place.lon is not None and place.lat is not None else None
    if place.kind == "admin2":
        row = find_admin2(name=place.name, country=place.country_code or "",
                          admin1=place.admin1 or "", point=point)
        return None if row is None else us_counties().geometry[row]
    rows = find_admin1(geonameid=place.geonameid, code=place.admin1 or "", name=place.name,
                       country=place.country_code or "", point=point)
    return admin1_outline(rows)


def inner_point(geom):
    """A point well inside an area (its pole of inaccessibility, to 1/100 of its size), where
    the claims about the area are drawn; the largest part's, for several parts."""
    import shapely
    import shapely.ops

    parts = [p for p in shapely.get_parts(geom) if p.geom_type == "Polygon" and not p.is_empty]
    if not parts:
        return geom.representative_point()
    part = max(parts, key=lambda p: p.area)
    minx, miny, maxx, maxy = part.bounds
    try:
        pt = shapely.ops.polylabel(part, tolerance=max(maxx - minx, maxy - miny) / 100 or 1e-6)
    except shapely.errors.GEOSException:
        return part.representative_point()
    return pt if part.contains(pt) else part.representative_point()


def _name_keys(name: str) -> set[str]:
    """Normalised forms of an admin-area name, with and without the generic words."""
    from geo.namekey import normalize

    key = normalize(str(name))
    if not key:
        return set()
    words = [w for w in re.split(r"\s+", key) if w]
    core = " ".join(w for w in words if w not in _ADMIN_WORDS)
    return {k for k in (key, core) if k}


def _code_keys(code) -> set[str]:
    s = str(code).strip().upper()
    if not s or s in ("NAN", "NONE"):
        return set()
    return {s, s.replace(".", "").replace("-", "")}


def _read_boundaries(path):
    import geopandas as gpd

    try:
        gdf = gpd.read_file(path)
    except Exception as err:  # pyogrio raises DataSourceError and friends; all mean bad input
        raise BadInput(f"cannot read the boundaries file: {err}", path=str(path)) from err
    if gdf.crs is None:
        log.warning("%s has no coordinate reference system; assuming WGS 84 lon/lat", path)
        gdf = gdf.set_crs(4326)
    elif not gdf.crs.equals("EPSG:4326"):
        gdf = gdf.to_crs(4326)
    keep = gdf.geometry.notna() & gdf.geometry.geom_type.isin(["Polygon", "MultiPolygon"])
    if not keep.any():
        raise BadInput("the boundaries file holds no polygons", path=str(path))
    return gdf[keep]


def match_boundaries(rows: list[dict], geoms: list, path) -> None:
    """Replace each region's centre with its polygon from a boundaries file, in place.

    A region matches the rows of the file with its geonameid (a column such as
    ``geonameid`` or ``gn_id``), else its admin1 code (``admin1``, ``gn_a1_code``,
    ``code``: ``UA.05`` or ``UA05``), else its name (``name``, ``name_en``, ``NAME_1``,
    ``shapeName``... and alternate-name columns), compared normalised and without generic
    words such as "Oblast" or "Province". Several matching rows are merged. A region the
    file lacks keeps its centre point (with a warning).
    """
    import shapely
    from shapely.geometry import MultiPolygon, Polygon
    from shapely.geometry.polygon import orient

    gdf = _read_boundaries(path)
    cols = {str(c).lower(): c for c in gdf.columns if c != gdf.geometry.name}

    def column_keys(names, keyfunc, split=False):
        out: dict[str, set[int]] = {}
        for lname in names:
            if lname not in cols:
                continue
            for i, value in enumerate(gdf[cols[lname]].tolist()):
                if value is None or (isinstance(value, float) and math.isnan(value)):
                    continue
                values = re.split(r"[|;,]", str(value)) if split else [value]
                for v in values:
                    for k in keyfunc(v):
                        out.setdefault(k, set()).add(i)
        return out

    def gid_keys(v):
        try:
            return {str(int(float(v)))}
        except (TypeError, ValueError):
            return set()

    by_gid = column_keys(_GID_COLUMNS, gid_keys)
    by_code = column_keys(_CODE_COLUMNS, _code_keys)
    by_name = column_keys(_NAME_COLUMNS, _name_keys)
    by_alt = column_keys(_ALT_NAME_COLUMNS, _name_keys, split=True)
    label = Path(path).name
    for row_i, row in enumerate(rows):
        hits: set[int] = set()
        if row["geonameid"] is not None:
            hits = by_gid.get(str(row["geonameid"]), set())
        for k in _code_keys(row["admin1"]) if not hits else ():
            hits = hits | by_code.get(k, set())
        if not hits:
            for k in _name_keys(row["name"]):
                hits = hits | by_name.get(k, set()) | by_alt.get(k, set())
                if hits:
                    break
        if not hits:
            log.warning("region %s (%s) is not in %s; it stays a point at its centre",
                        row["name"], row["place_id"], label)
            continue
        geom = shapely.union_all([gdf.geometry.iloc[i] for i in sorted(hits)])
        polys = [geom] if isinstance(geom, Polygon) else list(getattr(geom, "geoms", []))
        polys = [orient(p, sign=1.0) for p in polys if isinstance(p, Polygon) and not p.is_empty]
        if not polys:
            continue
        geoms[row_i] = MultiPolygon(polys)
        row["geometry_source"] = f"boundaries: {label}"
