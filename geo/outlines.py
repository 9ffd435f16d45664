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

import logging
from functools import lru_cache
from pathlib import Path

__all__ = ["ATTRIBUTION", "SCALE", "countries", "countries_path", "land"]

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
