"""Regions as areas, offline, and borders as most readers expect (issue 19).

What a user sees after `claimmap build`: the first-level areas an article names are their
outlines in the GeoPackage (read back with geopandas), the GeoJSON and the HTML page's
embedded data; claims about an area or a country sit inside it, not at its capital;
areas held by one country and recognised as another's are drawn in the latter by default
and marked, and `--borders de-facto` draws them as held.

The texts here were written for these tests.
"""

from __future__ import annotations

import json
import math
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from shapely.geometry import Point, shape

from common import EXAMPLE_ARTICLE, FIRST_ARTICLE, FIRST_SLUG

CLAIMMAP = str(Path(sys.executable).with_name("claimmap"))

OBLASTS = {"geonames:709716": "Donetsk Oblast", "geonames:702657": "Luhansk Oblast",
           "geonames:709929": "Dnipropetrovsk Oblast"}
#: the countries the first article names: outlines in the regions layer too (kind country)
COUNTRIES = {"country:UA": "Ukraine", "country:RU": "Russia"}


def build(tmp_path: Path, article: Path, *args) -> Path:
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    res = subprocess.run([CLAIMMAP, "build", str(article), "--out", str(out), *args],
                         env=env, capture_output=True, timeout=300)
    assert res.returncode == 0, res.stderr.decode()
    return out


def page_data(html: Path) -> dict:
    m = re.search(r'<script type="application/json" id="claimmap-data">(.*?)</script>',
                  html.read_text(encoding="utf-8"), re.DOTALL)
    return json.loads(m.group(1))


def km(a: Point, b: Point) -> float:
    from pyproj import Geod

    return Geod(ellps="WGS84").inv(a.x, a.y, b.x, b.y)[2] / 1000


@pytest.fixture(scope="module")
def first(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("first"), FIRST_ARTICLE)


# --------------------------------------------------------------------------- the first article

def test_first_article_oblasts_are_outlines_in_the_geopackage(first):
    import geopandas as gpd

    regions = gpd.read_file(first / f"{FIRST_SLUG}.gpkg", layer="regions")
    assert dict(zip(regions["place_id"], regions["name"])) == {**OBLASTS, **COUNTRIES}
    assert set(regions.geom_type) == {"MultiPolygon"}
    assert regions.geometry.is_valid.all()
    countries = regions[regions["kind"] == "country"]
    assert set(countries["geometry_source"]) == {"Natural Earth countries"}
    regions = regions[regions["kind"] == "admin1"]
    assert set(regions["geometry_source"]) == {"Natural Earth admin-1"}
    places = gpd.read_file(first / f"{FIRST_SLUG}.gpkg", layer="places").set_index("place_id")
    by_id = regions.set_index("place_id").geometry
    # each oblast holds its own towns, and not its neighbour's
    pokrovsk, kramatorsk = places.geometry["geonames:704422"], places.geometry["geonames:704508"]
    assert by_id["geonames:709716"].contains(pokrovsk) and by_id["geonames:709716"].contains(kramatorsk)
    assert not by_id["geonames:702657"].contains(pokrovsk)
    assert not by_id["geonames:709929"].contains(pokrovsk)
    # a real oblast's size (Donetsk: 26,517 km²), not a box
    from pyproj import Geod

    area = abs(Geod(ellps="WGS84").geometry_area_perimeter(by_id["geonames:709716"])[0]) / 1e6
    assert 24_000 < area < 29_000, area
    # the three share borders, drawn once: touching, not overlapping
    assert by_id["geonames:709716"].intersection(by_id["geonames:702657"]).area < 1e-4
    assert by_id["geonames:709716"].distance(by_id["geonames:702657"]) == 0


def test_first_article_oblasts_are_outlines_in_geojson_and_html(first):
    fc = json.loads((first / f"{FIRST_SLUG}.regions.geojson").read_text())
    assert {f["id"]: f["geometry"]["type"] for f in fc["features"]} == \
        {pid: "MultiPolygon" for pid in {**OBLASTS, **COUNTRIES}}
    assert {f["id"]: f["properties"]["kind"] for f in fc["features"]} == \
        {**{pid: "admin1" for pid in OBLASTS}, **{pid: "country" for pid in COUNTRIES}}
    data = page_data(first / f"{FIRST_SLUG}.html")
    drawn = {r["id"]: r["geometry"]["type"] for r in data["regions"] if r["geometry"]}
    assert drawn == {pid: "MultiPolygon" for pid in OBLASTS}
    # a country is drawn from the page's own outlines, named, not repeated
    assert {r["id"]: r["outline"] for r in data["regions"] if r["kind"] == "country"} == \
        {"country:UA": ["Ukraine"], "country:RU": ["Russia"]}
    donetsk = shape(next(r["geometry"] for r in data["regions"] if r["id"] == "geonames:709716"))
    assert donetsk.contains(Point(37.18, 48.28))   # Pokrovsk


def test_claims_about_an_oblast_sit_inside_it(first):
    fc = json.loads((first / f"{FIRST_SLUG}.regions.geojson").read_text())
    outline = {f["id"]: shape(f["geometry"]) for f in fc["features"]}
    claims = json.loads((first / f"{FIRST_SLUG}.claims.geojson").read_text())["features"]
    ends = 0
    for f in claims:
        ids = f["properties"]["place_ids"].split("; ")
        coords = f["geometry"]["coordinates"]
        # a point sits at the claim's first place; a line runs from the first to the last
        ends_of = ([(ids[0], coords)] if f["geometry"]["type"] == "Point"
                   else [(ids[0], coords[0]), (ids[-1], coords[-1])])
        for pid, xy in ends_of:
            if pid in outline:
                assert outline[pid].contains(Point(xy)), (f["id"], pid)
                ends += 1
    assert ends >= 1   # the line from Pokrovsk toward Dnipropetrovsk Oblast ends inside it


def test_example_article_draws_its_oblast_as_an_outline(tmp_path):
    import geopandas as gpd

    out = build(tmp_path, EXAMPLE_ARTICLE)
    slug = EXAMPLE_ARTICLE.stem
    regions = gpd.read_file(out / f"{slug}.gpkg", layer="regions")
    # the example names one oblast, Donetsk (Avdiivka's), and countries
    areas = regions[regions["kind"] == "admin1"]
    assert areas["name"].tolist() == ["Donetsk Oblast"]
    assert set(regions.geom_type) == {"MultiPolygon"}
    assert [r["geometry"]["type"] for r in page_data(out / f"{slug}.html")["regions"]
            if r["kind"] == "admin1"] == ["MultiPolygon"]


# --------------------------------------------------------------------------- countries

UKRAINE_TEXT = """Ukraine says it downed 40 drones overnight

March 3, 2026

Ukraine said on Monday that its air defences had shot down 40 drones overnight. Russia said
it had lost 3 aircraft in the same week, according to its defence ministry.
"""


def test_country_claims_are_inside_the_country_not_at_its_capital(tmp_path):
    import geopandas as gpd

    art = tmp_path / "drones-2026-03-03.txt"
    art.write_text(UKRAINE_TEXT, encoding="utf-8")
    out = build(tmp_path, art)
    claims = gpd.read_file(out / "drones-2026-03-03.gpkg", layer="claims")
    places = gpd.read_file(out / "drones-2026-03-03.gpkg", layer="places").set_index("place_id")
    from geo.outlines import countries

    world = countries().set_index("iso_a2").geometry
    kyiv, moscow = Point(30.5238, 50.45466), Point(37.61781, 55.75204)
    about_ukraine = claims[claims["place_ids"] == "country:UA"]
    assert len(about_ukraine) >= 1
    for g in about_ukraine.geometry:
        assert world["UA"].contains(g)
        assert km(g, kyiv) > 100, "a Ukraine claim reads as a claim about Kyiv"
    assert world["UA"].contains(places.geometry["country:UA"])
    assert km(places.geometry["country:UA"], kyiv) > 100
    assert world["RU"].contains(places.geometry["country:RU"])
    assert km(places.geometry["country:RU"], moscow) > 300
    # the claims file keeps the gazetteer's coordinates (its point of the country)
    import yaml

    doc = yaml.safe_load((out / "drones-2026-03-03.claims.yaml").read_text(encoding="utf-8"))
    ua = next(p for p in doc["places"] if p["place_id"] == "country:UA")
    assert math.isclose(ua["lat"], 50.45466, abs_tol=0.01)


# --------------------------------------------------------------------------- borders

CRIMEA_TEXT = """Drone attack hits fuel depot in Crimea

May 4, 2026

A drone attack on Sunday set fire to a fuel depot near Feodosia in Crimea, the regional
administration said. About 40 firefighters worked through the night, it said.

Officials in Kherson Oblast said shelling damaged 12 homes in Kherson on Saturday.
"""


@pytest.fixture(scope="module")
def crimea(tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("crimea")
    art = tmp / "depot-2026-05-04.txt"
    art.write_text(CRIMEA_TEXT, encoding="utf-8")
    return {b: build(tmp / b, art, "--borders", b) for b in ("recognised", "de-facto")}


def _outline_countries(page: Path) -> dict:
    """The HTML page's country outlines decoded: name -> MultiPolygon."""
    from shapely.geometry import MultiPolygon, Polygon

    text = page.read_text(encoding="utf-8")
    m = re.search(r'<script type="application/json" id="claimmap-outline">(.*?)</script>',
                  text, re.DOTALL)
    enc = json.loads(m.group(1))
    out = {}
    for name, polys in enc["countries"]:
        shapes = []
        for rings in polys:
            decoded = []
            for flat in rings:
                x = y = 0
                pts = []
                for i in range(0, len(flat), 2):
                    x += flat[i]
                    y += flat[i + 1]
                    pts.append((x / enc["scale"], y / enc["scale"]))
                decoded.append(pts)
            shapes.append(Polygon(decoded[0], decoded[1:]))
        out[name] = MultiPolygon(shapes)
    return out


SIMFEROPOL = Point(34.10, 44.95)


def test_recognised_borders_by_default_and_occupied_areas_marked(crimea):
    world = _outline_countries(crimea["recognised"] / "depot-2026-05-04.html")
    assert world["Ukraine"].contains(SIMFEROPOL) and not world["Russia"].contains(SIMFEROPOL)
    data = page_data(crimea["recognised"] / "depot-2026-05-04.html")
    labels = [d["label"] for d in data["disputed"]]
    assert "Crimea: Ukraine, occupied by Russia" in labels
    assert shape(next(d["geometry"] for d in data["disputed"] if d["name"] == "Crimea")) \
        .contains(SIMFEROPOL)
    # the build with no option is the recognised one, byte for byte
    assert crimea["recognised"].joinpath("depot-2026-05-04.html").read_bytes() == \
        _default_build(crimea).read_bytes()


def _default_build(crimea) -> Path:
    tmp = crimea["recognised"].parent.parent / "default"
    art = crimea["recognised"].parent.parent / "depot-2026-05-04.txt"
    return build(tmp, art) / "depot-2026-05-04.html"


def test_de_facto_borders_on_request(crimea):
    world = _outline_countries(crimea["de-facto"] / "depot-2026-05-04.html")
    assert world["Russia"].contains(SIMFEROPOL) and not world["Ukraine"].contains(SIMFEROPOL)
    data = page_data(crimea["de-facto"] / "depot-2026-05-04.html")
    assert "Crimea: held by Russia, recognised as Ukraine" in [d["label"] for d in data["disputed"]]


def test_crimea_is_an_outline_region_and_its_claims_sit_in_it(crimea):
    import geopandas as gpd

    gpkg = crimea["recognised"] / "depot-2026-05-04.gpkg"
    regions = gpd.read_file(gpkg, layer="regions")
    assert set(regions.geom_type) == {"MultiPolygon"}
    crimea_row = regions[regions.geometry.contains(SIMFEROPOL)]
    assert len(crimea_row) == 1
    kherson = regions[regions["name"].str.contains("Kherson")]
    assert len(kherson) == 1 and kherson.geometry.iloc[0].contains(Point(32.62, 46.64))


def test_unknown_borders_choice_is_a_usage_error(tmp_path):
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    res = subprocess.run([CLAIMMAP, "build", str(EXAMPLE_ARTICLE), "--out", str(tmp_path / "o"),
                          "--borders", "claimed"], env=env, capture_output=True, timeout=120)
    assert res.returncode == 2
    assert b"--borders" in res.stderr
    assert not (tmp_path / "o").exists()


def test_batch_takes_the_same_borders_choice(tmp_path):
    """`claimmap batch --borders de-facto` draws the merged maps as held; the default is
    the recognised borders, as `build`'s; switching reruns the merge (not 'unchanged')."""
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "depot-2026-05-04.txt").write_text(CRIMEA_TEXT, encoding="utf-8")
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}

    def batch(*extra) -> Path:
        res = subprocess.run([CLAIMMAP, "batch", str(folder), "--out", str(tmp_path / "out"),
                              "--workers", "1", *extra], env=env, capture_output=True,
                             text=True, timeout=900)
        assert res.returncode == 0, res.stderr[-2000:]
        return tmp_path / "out" / "desk.html"

    world = _outline_countries(batch())
    assert world["Ukraine"].contains(SIMFEROPOL) and not world["Russia"].contains(SIMFEROPOL)
    page = batch("--borders", "de-facto")
    world = _outline_countries(page)
    assert world["Russia"].contains(SIMFEROPOL) and not world["Ukraine"].contains(SIMFEROPOL)
    assert "Crimea: held by Russia, recognised as Ukraine" in \
        [d["label"] for d in page_data(page)["disputed"]]
    res = subprocess.run([CLAIMMAP, "batch", str(folder), "--out", str(tmp_path / "o2"),
                          "--borders", "claimed"], env=env, capture_output=True, timeout=120)
    assert res.returncode == 2 and b"--borders" in res.stderr


def test_the_static_map_marks_the_occupied_area(crimea):
    """The PNG is drawn (looked at by hand: Crimea hatched, "Crimea (occupied by Russia)");
    here: it differs between the two border choices, as only the borders differ."""
    a = (crimea["recognised"] / "depot-2026-05-04.png").read_bytes()
    b = (crimea["de-facto"] / "depot-2026-05-04.png").read_bytes()
    assert a[:8] == b"\x89PNG\r\n\x1a\n" and a != b


# --------------------------------------------------------------------------- no outline

def test_an_area_with_no_outline_is_a_point_layer_of_its_own(tmp_path):
    """Natural Earth has Puerto Rico as one area; GeoNames' first level there is its
    municipalities: one of them stays a point, in the GeoPackage's `region_points`."""
    import geopandas as gpd

    from geo.gazetteer import Gazetteer
    from layers.builder import layers_from_doc
    from layers.model import Article, ClaimsDoc, PlaceRecord

    g = Gazetteer.open()
    records = []
    for code in ("PR.001", "UA.05"):
        p = g.admin1(code)
        records.append(PlaceRecord(place_id=p.place_id, name=p.name, kind="admin1",
                                   lat=p.lat, lon=p.lon, geonameid=p.geonameid,
                                   country_code=p.country_code, admin1=p.admin1, mentions=1))
    doc = ClaimsDoc(article=Article(id="two-areas", text="Adjuntas. Donetsk Oblast."),
                    places=records, claims=[])
    layers = layers_from_doc(doc)
    layers.write(tmp_path / "o", maps=False)
    areas = gpd.read_file(tmp_path / "o" / "two-areas.gpkg", layer="regions")
    points = gpd.read_file(tmp_path / "o" / "two-areas.gpkg", layer="region_points")
    assert areas["name"].tolist() == ["Donetsk Oblast"] and set(areas.geom_type) == {"MultiPolygon"}
    assert points["name"].tolist() == ["Adjuntas"] and set(points.geom_type) == {"Point"}
    assert points["geometry_source"].tolist() == ["gazetteer centre"]


# --------------------------------------------------------------------------- in Chromium

from browser import browser_available, open_page  # noqa: E402

_why_no_browser = browser_available()


@pytest.mark.skipif(_why_no_browser is not None, reason=_why_no_browser or "")
def test_html_map_highlights_an_area_and_the_area_of_a_claim(first):
    page_path = first / f"{FIRST_SLUG}.html"
    width = """(id) => {
      var lit = [];
      window.claimmap.layers.regions.eachLayer(function (l) {
        var w = 0;
        (l.eachLayer ? l : {eachLayer: function (f) { f(l); }}).eachLayer(function (p) {
          w = Math.max(w, p.options.weight); });
        if (w > 2) { lit.push(l.cmRegion.id); }
      });
      return lit;
    }"""
    with open_page(page_path, width=1400, height=900) as (page, log):
        # the three oblasts, and the two countries named (drawn apart, as outlines)
        assert page.locator("path.cm-region:not(.cm-country-named)").count() == 3
        assert page.locator("path.cm-country-named").count() == 2
        assert page.evaluate(width, None) == []
        # pointing at an oblast's outline where no marker or label is
        spot = page.evaluate("""() => {
          var map = window.claimmap.state.map, size = map.getSize();
          for (var y = 150; y < size.y - 150; y += 23) {
            for (var x = 300; x < size.x - 300; x += 23) {
              var e = document.elementFromPoint(x, y);
              if (e && e.classList && e.classList.contains('cm-region')
                  && !e.classList.contains('cm-country-named')) {
                var ll = map.containerPointToLatLng([x, y]);
                return [x, y, ll.lng, ll.lat];
              }
            }
          }
          return null;
        }""")
        assert spot is not None
        page.mouse.move(spot[0], spot[1])
        page.wait_for_timeout(200)
        lit = page.evaluate(width, None)
        fc = json.loads((first / f"{FIRST_SLUG}.regions.geojson").read_text())
        under = [f["id"] for f in fc["features"] if f["properties"]["kind"] != "country"
                 and shape(f["geometry"]).contains(Point(spot[2:]))]
        assert len(lit) == 1 and lit == under, (lit, under)
        page.mouse.move(5, 880)
        page.wait_for_timeout(200)
        assert page.evaluate(width, None) == []
        # a claim about Dnipropetrovsk Oblast (the line toward it) lights its area while open
        claims = json.loads((first / f"{FIRST_SLUG}.claims.geojson").read_text())["features"]
        toward = next(f["id"] for f in claims
                      if "geonames:709929" in f["properties"]["place_ids"].split("; "))
        page.evaluate("(id) => { window.claimmap.openClaim(id); return true; }", toward)
        page.wait_for_timeout(600)
        assert "geonames:709929" in page.evaluate(width, None)
        page.evaluate("() => { window.claimmap.state.map.closePopup(); return true; }")
        page.wait_for_timeout(200)
        assert page.evaluate(width, None) == []
    assert log.errors == [], log.errors


# --------------------------------------------------------------------------- second level

COUNTY_TEXT = """Storm damage in west Tennessee

April 2, 2026

A tornado damaged 35 homes in Henry County, Tennessee, on Tuesday, county officials said.
In Paris, the county seat, 2,000 people were without power on Wednesday.
"""


def test_a_us_county_is_an_outline(tmp_path):
    import geopandas as gpd

    art = tmp_path / "storm-2026-04-02.txt"
    art.write_text(COUNTY_TEXT, encoding="utf-8")
    out = build(tmp_path, art)
    regions = gpd.read_file(out / "storm-2026-04-02.gpkg", layer="regions")
    henry = regions[regions["name"].str.startswith("Henry County")]
    assert len(henry) == 1, regions[["name", "geometry_source"]]
    assert henry.geom_type.tolist() == ["MultiPolygon"]
    assert henry["geometry_source"].tolist() == ["US Census counties"]
    assert henry.geometry.iloc[0].contains(Point(-88.33, 36.30))        # Paris, Tennessee
    assert not henry.geometry.iloc[0].contains(Point(-84.16, 33.43))    # Henry County, Georgia
