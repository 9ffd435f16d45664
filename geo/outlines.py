"""Offline land and country outlines (Natural Earth, public domain).

The maps draw these under everything so they show where the world is with no network.
The data comes from a registry package (no download at run time): Natural Earth's
1:110m admin-0 countries as shipped with pyogrio.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

__all__ = ["ATTRIBUTION", "countries_path", "countries"]

ATTRIBUTION = "Outlines: Natural Earth (public domain)"


def countries_path() -> Path:
    """The path of the Natural Earth countries file shipped in an installed package."""
    import pyogrio

    path = (Path(pyogrio.__file__).parent / "tests" / "fixtures" / "naturalearth_lowres"
            / "naturalearth_lowres.shp")
    if not path.exists():  # pragma: no cover - a pyogrio build without its fixtures
        from geo.exc import GazetteerError
        raise GazetteerError(f"Natural Earth outlines not found at {path}; reinstall pyogrio")
    return path


@lru_cache(maxsize=1)
def countries():
    """Countries as a GeoDataFrame (columns name, iso_a3, continent, geometry; EPSG:4326)."""
    import geopandas as gpd

    gdf = gpd.read_file(countries_path(), columns=["name", "iso_a3", "continent"])
    return gdf.set_crs(4326, allow_override=True)
