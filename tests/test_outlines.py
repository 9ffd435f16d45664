"""geo/outlines.py: the shipped Natural Earth 1:50m country and land outlines."""

import subprocess
import sys
import time

import pytest
import shapely
from shapely.geometry import Point

from geo import outlines


@pytest.fixture(scope="module")
def world():
    return outlines.countries()


def _row(world, name):
    rows = world[world["name"] == name]
    assert len(rows) == 1, name
    return rows.iloc[0]


def _km2(geom) -> float:
    from pyproj import Geod

    return abs(Geod(ellps="WGS84").geometry_area_perimeter(geom)[0]) / 1e6


def test_columns_crs_and_validity(world):
    assert list(world.columns) == ["name", "iso_a2", "iso_a3", "continent", "geometry"]
    assert world.crs.to_epsg() == 4326
    assert len(world) > 200
    assert world.geometry.is_valid.all()
    assert not world.geometry.is_empty.any()
    assert world["name"].is_unique
    minx, miny, maxx, maxy = world.total_bounds
    assert -180 <= minx and maxx <= 180 and -90 <= miny and maxy <= 90


def test_codes_and_continents(world):
    assert _row(world, "Ukraine")[["iso_a2", "iso_a3", "continent"]].tolist() == \
        ["UA", "UKR", "Europe"]
    assert _row(world, "Russia")["iso_a2"] == "RU"
    assert _row(world, "Sudan")[["iso_a2", "continent"]].tolist() == ["SD", "Africa"]
    # the units the 1:110m data left at -99
    assert _row(world, "France")["iso_a3"] == "FRA"
    assert _row(world, "Norway")["iso_a2"] == "NO"
    assert _row(world, "Kosovo")["iso_a2"] == "XK"   # as GeoNames codes it
    assert (world["continent"] != "").all()
    coded = world[world["iso_a2"] != ""]
    # Natural Earth gives a few minor units their sovereign's numeric code (Ashmore and
    # Cartier Is. -> Australia): otherwise one row per code
    assert coded["iso_a2"].duplicated().sum() <= 3
    assert coded["iso_a2"].nunique() > 230


@pytest.mark.parametrize("name, low, high", [
    ("Ukraine", 560_000, 610_000),      # 603,700 km² with Crimea; NE draws Crimea in Russia
    ("Russia", 16_800_000, 17_200_000),  # across the antimeridian
    ("Sudan", 1_800_000, 1_900_000),
    ("Fiji", 17_000, 20_000),  # straddles 180°
    ("Antarctica", 12_000_000, 14_000_000),  # round the pole
])
def test_plausible_areas(world, name, low, high):
    assert low <= _km2(_row(world, name).geometry) <= high


@pytest.mark.parametrize("lat, lon, country", [
    (48.28, 37.18, "Ukraine"),     # Pokrovsk
    (47.23, 39.72, "Russia"),      # Rostov-on-Don
    (48.57, 39.33, "Ukraine"),     # Luhansk, ~30 km from the border
    (47.10, 37.55, "Ukraine"),     # Mariupol, on the Azov coast
    (15.59, 32.53, "Sudan"),       # Khartoum
    (66.0, -173.0, "Russia"),      # Chukotka, east of 180°
    (66.5, 176.0, "Russia"),       # Chukotka, west of 180°
    (-17.8, 178.0, "Fiji"),        # Viti Levu
])
def test_points_fall_in_their_country(world, lat, lon, country):
    hits = world[world.contains(Point(lon, lat))]["name"].tolist()
    assert hits == [country]


@pytest.mark.parametrize("lat, lon", [
    (46.0, 36.5),     # Sea of Azov
    (43.5, 34.0),     # Black Sea
    (0.0, -30.0),     # Atlantic
])
def test_sea_is_in_no_country(world, lat, lon):
    assert not world.contains(Point(lon, lat)).any()
    assert not outlines.land().contains(Point(lon, lat)).any()


@pytest.mark.parametrize("lat, lon, country", [
    (47.21, 38.90, "Russia"),    # Taganrog: in the sea at 1:110m
    (46.48, 30.73, "Ukraine"),   # Odesa: in the sea at 1:110m
    (45.35, 28.84, "Ukraine"),   # Izmail: in Romania at 1:110m
])
def test_coastal_towns_the_110m_outlines_missed(world, lat, lon, country):
    assert world[world.contains(Point(lon, lat))]["name"].tolist() == [country]


def test_coast_is_not_crude(world):
    assert shapely.get_num_coordinates(_row(world, "Ukraine").geometry) > 500  # 1:110m: 93


def test_land_is_the_union_of_countries(world):
    land = outlines.land()
    assert len(land) == 1 and land.crs.to_epsg() == 4326
    geom = land.geometry.iloc[0]
    assert geom.is_valid
    assert _km2(geom) == pytest.approx(sum(_km2(g) for g in world.geometry), rel=0.01)
    assert geom.contains(Point(37.18, 48.28))


def test_cached_and_fast():
    import geopandas  # noqa: F401  (the import is not the load: time the reading alone)

    outlines.countries.cache_clear()
    t = time.perf_counter()
    outlines.countries()
    took = time.perf_counter() - t
    assert took < 0.3, took
    assert outlines.countries() is outlines.countries()


def test_attribution_names_source_and_scale():
    assert "Natural Earth" in outlines.ATTRIBUTION and "1:50m" in outlines.ATTRIBUTION
    assert outlines.countries_path().name.endswith(".gpkg")


def test_missing_file_is_a_gazetteer_error(monkeypatch, tmp_path):
    from geo.exc import GazetteerError

    monkeypatch.setattr(outlines, "_FILE", tmp_path / "gone.gpkg")
    with pytest.raises(GazetteerError, match="gone.gpkg"):
        outlines.countries_path()


def test_import_is_light():
    code = ("import sys, geo.outlines; "
            "print(any(m in sys.modules for m in ('geopandas', 'folium', 'matplotlib')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "False"


def _vendor():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "scripts" / "vendor_outlines.py"
    spec = importlib.util.spec_from_file_location("vendor_outlines", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_converter_cuts_rings_at_the_antimeridian_and_closes_the_pole():
    v = _vendor()
    # a box from 170E to 170W across 180 (a stitched ring), and a ring round the South Pole
    across = [(170.0, 10.0), (-170.0, 10.0), (-170.0, 20.0), (170.0, 20.0), (170.0, 10.0)]
    parts = v._polygons([across])
    assert sorted(round(p.area) for p in parts) == [100, 100]
    assert all(p.is_valid and -180 <= p.bounds[0] and p.bounds[2] <= 180 for p in parts)
    pole = [(-180.0, -70.0), (-90.0, -75.0), (0.0, -70.0), (90.0, -75.0), (180.0, -70.0),
            (-180.0, -70.0)]
    (cap,) = v._polygons([pole])
    assert cap.is_valid and cap.bounds[1] == -90.0
    assert cap.contains(Point(0, -85)) and not cap.contains(Point(0, -60))
    plain = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 0.0)]
    assert v._polygons([plain])[0].area == pytest.approx(0.5)


def test_converter_decodes_delta_quantized_arcs():
    v = _vendor()
    topo = {"transform": {"scale": [0.5, 0.25], "translate": [-10.0, 5.0]},
            "arcs": [[[0, 0], [2, 0], [0, 4]], [[2, 4], [-2, -4]]]}
    arcs = v._arcs(topo)
    assert arcs[0] == [(-10.0, 5.0), (-9.0, 5.0), (-9.0, 6.0)]
    ring = v._ring([0, 1], arcs)
    assert ring == [(-10.0, 5.0), (-9.0, 5.0), (-9.0, 6.0), (-10.0, 5.0)]
    assert v._ring([~1], arcs)[0] == (-10.0, 5.0)
