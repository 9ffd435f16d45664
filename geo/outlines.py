"""Offline land and country outlines (Natural Earth 1:50m, public domain).

The maps draw these under everything so they show where the world is with no network.
The data ships with the tool in geo/data/ne_50m_outlines.gpkg: Natural Earth 4.1.0
admin-0 countries at 1:50m, from the npm package world-atlas 2.0.2 (TopoJSON quantized
to 0.0036 x 0.0017 degrees: rounding under 0.2 km), converted by
scripts/vendor_outlines.py (see geo/data/OUTLINES.md for versions and checksums).

Borders are Natural Earth's de facto ones (e.g. Crimea is drawn inside Russia, as in
the 1:110m data this replaced).
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["ATTRIBUTION", "SCALE", "Outlines", "countries", "countries_path",
           "country_outlines", "land"]

log = logging.getLogger(__name__)

ATTRIBUTION = "Outlines: Natural Earth 1:50m (public domain)"
SCALE = "1:50m"

_FILE = Path(__file__).parent / "data" / "ne_50m_outlines.gpkg"


def countries_path() -> Path:
    """The path of the outlines file (a GeoPackage with layers ``countries`` and ``land``).

    Raises
    ------
    geo.exc.GazetteerError
        If the file is missing from the installation.
    """
    if not _FILE.exists():
        from geo.exc import GazetteerError
        raise GazetteerError(f"Natural Earth outlines not found at {_FILE}; reinstall claimmap "
                             "or run scripts/vendor_outlines.py")
    return _FILE


@lru_cache(maxsize=1)
def countries():
    """Countries as a GeoDataFrame in EPSG:4326 (cached; do not modify it in place).

    Returns
    -------
    geopandas.GeoDataFrame
        One row per Natural Earth admin-0 unit, columns ``name`` (Natural Earth's short
        name, e.g. "Dem. Rep. Congo"), ``iso_a2`` and ``iso_a3`` (ISO 3166-1 codes as
        GeoNames has them, e.g. "XK" for Kosovo; "" for units with none, e.g.
        "Somaliland"), ``continent`` and ``geometry`` (valid MultiPolygons, cut at the
        antimeridian).
    """
    import geopandas as gpd

    gdf = gpd.read_file(countries_path(), layer="countries",
                        columns=["name", "iso_a2", "iso_a3", "continent"])
    for col in ("name", "iso_a2", "iso_a3", "continent"):
        gdf[col] = gdf[col].fillna("").astype(str)
    log.debug("loaded %d country outlines from %s", len(gdf), _FILE.name)
    return gdf.set_crs(4326, allow_override=True)


@lru_cache(maxsize=1)
def land():
    """All land as a one-row GeoDataFrame in EPSG:4326 (the union of the countries; cached).

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``name`` ("land") and ``geometry`` (a valid MultiPolygon).
    """
    import geopandas as gpd

    gdf = gpd.read_file(countries_path(), layer="land")
    return gdf.set_crs(4326, allow_override=True)


@dataclass(frozen=True)
class Outlines:
    """Country outlines as plain arrays, read without geopandas (for the static map's
    drawing process, which never imports pandas).

    Attributes
    ----------
    name, iso_a2, iso_a3, continent : tuple of str
        As the columns of :func:`countries` ("" where Natural Earth has none).
    geometry : numpy.ndarray
        The outlines (shapely MultiPolygons in EPSG:4326), one per name, in the file's
        order: the same geometries as :func:`countries` gives.
    """

    name: tuple
    iso_a2: tuple
    iso_a3: tuple
    continent: tuple
    geometry: object

    def __len__(self) -> int:
        return len(self.name)


def _gpkg_wkb(blob: bytes) -> bytes:
    """The WKB inside a GeoPackage geometry blob (its header and envelope skipped)."""
    if blob[:2] != b"GP":
        raise ValueError("not a GeoPackage geometry blob")
    envelope = (blob[3] >> 1) & 0x07   # 0: none, 1: xy, 2/3: xyz/xym, 4: xyzm
    return blob[8 + (0, 32, 48, 48, 64)[envelope]:]


@lru_cache(maxsize=1)
def country_outlines() -> Outlines:
    """Countries as plain arrays, read with sqlite3 and shapely (no geopandas, no GDAL).

    Returns
    -------
    Outlines
        What :func:`countries` gives, without a data frame (cached; do not modify).

    Raises
    ------
    geo.exc.GazetteerError
        If the file is missing or unreadable.
    """
    import sqlite3

    import shapely

    path = countries_path()
    try:
        with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as con:
            rows = con.execute("SELECT name, iso_a2, iso_a3, continent, geom FROM countries "
                               "ORDER BY fid").fetchall()
        geoms = shapely.from_wkb([_gpkg_wkb(r[4]) for r in rows])
    except (sqlite3.Error, ValueError, shapely.errors.GEOSException) as err:
        from geo.exc import GazetteerError
        raise GazetteerError(f"cannot read the outlines in {path}: {err}") from err
    cols = [tuple("" if v is None else str(v) for v in col) for col in zip(*[r[:4] for r in rows])]
    log.debug("read %d country outlines from %s", len(rows), path.name)
    return Outlines(*cols, geometry=geoms)
