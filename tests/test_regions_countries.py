"""Countries as areas, and views that stay on the story (issue 19).

What a user sees after `claimmap build` on texts written for these tests:

- a country the article names is an outline in the regions layer (kind ``country``) of the
  GeoPackage and the GeoJSON, and the HTML map draws it from its own outlines;
- the HTML map's first view is set by the towns and sub-national areas: a claim about the
  whole country (drawn deep inside it) does not zoom a local story out to the country;
  only when the article names nothing finer does the country's outline frame the view;
  a claim about the country lights the country's outline while it is open;
- the static map draws no centre marker for an area it draws as an outline, and an area
  that holds the map (the state of a county story) is drawn, not pointed at as far away.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from shapely.geometry import Point, box, shape

CLAIMMAP = str(Path(sys.executable).with_name("claimmap"))

#: a local story (two suburbs of one city) with one claim about the whole country
LOCAL_TEXT = """Shelling hits homes in Kharkiv suburbs

March 4, 2026

Shelling damaged 14 homes in Pisochyn on Tuesday night, the regional governor said.
In Vysokyi, 3 people were injured. Ukraine said on Wednesday that its air defences had
shot down 40 drones overnight across the country.
"""

#: a story that names only a country
COUNTRY_TEXT = """Ukraine says it downed 40 drones overnight

March 3, 2026

Ukraine said on Monday that its air defences had shot down 40 drones overnight across
the country, the air force said.
"""

#: a county story whose state is named once, its centre some 600 km away
COUNTY_TEXT = """Storm floods homes in El Paso County

May 2, 2026

Flash floods damaged 120 homes in El Paso County on Friday, county officials said. In
Socorro, 30 families were moved to shelters, and Horizon City reported 12 water rescues.
The governor of Texas declared a disaster in the county on Saturday.
"""


def build(folder: Path, name: str, text: str) -> Path:
    art = folder / f"{name}.txt"
    art.write_text(text, encoding="utf-8")
    out = folder / "out"
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    res = subprocess.run([CLAIMMAP, "build", str(art), "--out", str(out)], env=env,
                         capture_output=True, timeout=300)
    assert res.returncode == 0, res.stderr.decode()
    return out


def page_data(html: Path) -> dict:
    m = re.search(r'<script type="application/json" id="claimmap-data">(.*?)</script>',
                  html.read_text(encoding="utf-8"), re.DOTALL)
    return json.loads(m.group(1))


@pytest.fixture(scope="module")
def local(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("local"), "local-2026-03-04", LOCAL_TEXT)


@pytest.fixture(scope="module")
def county(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("county"), "storm-2026-05-02", COUNTY_TEXT)


# --------------------------------------------------------------------------- the layers

def test_a_country_named_is_an_outline_in_the_geopackage_and_geojson(local):
    import geopandas as gpd

    regions = gpd.read_file(local / "local-2026-03-04.gpkg", layer="regions")
    ua = regions[regions["place_id"] == "country:UA"]
    assert len(ua) == 1
    assert ua["kind"].tolist() == ["country"]
    assert ua["geometry_source"].tolist() == ["Natural Earth countries"]
    assert ua.geom_type.tolist() == ["MultiPolygon"]
    outline = ua.geometry.iloc[0]
    # the whole country: Kyiv, Lviv and Kharkiv inside, Moscow and Minsk not
    for lon, lat in ((30.52, 50.45), (24.03, 49.84), (36.25, 49.98)):
        assert outline.contains(Point(lon, lat))
    for lon, lat in ((37.62, 55.75), (27.56, 53.90)):
        assert not outline.contains(Point(lon, lat))
    fc = json.loads((local / "local-2026-03-04.regions.geojson").read_text())
    feature = next(f for f in fc["features"] if f["id"] == "country:UA")
    assert feature["properties"]["kind"] == "country"
    assert shape(feature["geometry"]).contains(Point(30.52, 50.45))
    # the page draws it from the outlines it holds, by name, not from a second copy
    data = page_data(local / "local-2026-03-04.html")
    region = next(r for r in data["regions"] if r["id"] == "country:UA")
    assert region["outline"] == ["Ukraine"] and region["geometry"] is None


# --------------------------------------------------------------------------- the HTML map

from browser import browser_available, open_page  # noqa: E402

_why_no_browser = browser_available()

_VIEW = "() => window.claimmap.state.map.getBounds().toBBoxString().split(',').map(Number)"


@pytest.mark.skipif(_why_no_browser is not None, reason=_why_no_browser or "")
def test_a_local_story_is_not_zoomed_out_to_its_country(local):
    claims = json.loads((local / "local-2026-03-04.claims.geojson").read_text())["features"]
    about_ua = [f for f in claims if f["properties"]["place_ids"] == "country:UA"]
    assert about_ua, "the text has a claim about the whole country"
    with open_page(local / "local-2026-03-04.html", width=1400, height=900) as (page, log):
        x0, y0, x1, y1 = page.evaluate(_VIEW)
        view = box(x0, y0, x1, y1)
        # the suburbs are in view, the view is the city's (well under 100 km across) ...
        for lon, lat in ((36.10, 49.95), (36.12, 49.89)):
            assert view.contains(Point(lon, lat))
        assert x1 - x0 < 1.5, (x0, y0, x1, y1)
        # ... and the claim about the country, deep inside it, is left out of it
        assert not view.contains(Point(about_ua[0]["geometry"]["coordinates"]))
        # opening that claim lights the country's outline; closing it puts it out
        lit = """() => { var w = 0; window.claimmap.layers.countries.eachLayer(function (l) {
                   l.eachLayer(function (p) { w = Math.max(w, p.options.weight); }); });
                   return w; }"""
        assert page.evaluate(lit) < 3
        page.evaluate("(id) => { window.claimmap.openClaim(id); return true; }",
                      about_ua[0]["id"])
        page.wait_for_timeout(600)
        assert page.evaluate(lit) > 3
        page.evaluate("() => { window.claimmap.state.map.closePopup(); return true; }")
        page.wait_for_timeout(200)
        assert page.evaluate(lit) < 3
    assert log.errors == [], log.errors


@pytest.mark.skipif(_why_no_browser is not None, reason=_why_no_browser or "")
def test_a_story_naming_only_a_country_is_framed_by_its_outline(tmp_path):
    out = build(tmp_path, "drones-2026-03-03", COUNTRY_TEXT)
    with open_page(out / "drones-2026-03-03.html", width=1400, height=900) as (page, log):
        x0, y0, x1, y1 = page.evaluate(_VIEW)
    # Ukraine from Uzhhorod to Luhansk, and not the world
    assert x0 < 22.3 and x1 > 39.3 and y0 < 45.5 and y1 > 52.0, (x0, y0, x1, y1)
    assert x1 - x0 < 40, (x0, y0, x1, y1)
    assert log.errors == [], log.errors


# --------------------------------------------------------------------------- the static map

def svg_texts(svg: Path) -> list[str]:
    return re.findall(r">([^<>]+)</text>", svg.read_text(encoding="utf-8")) or \
        re.findall(r">([^<>]+)<", svg.read_text(encoding="utf-8"))


def test_an_area_drawn_as_an_outline_has_no_centre_marker(county):
    svg = (county / "storm-2026-05-02.svg").read_text(encoding="utf-8")
    assert "Region (boundary)" in svg
    assert "Region (centre)" not in svg


def test_the_state_holding_a_county_map_is_drawn_not_pointed_at(county):
    svg = (county / "storm-2026-05-02.svg").read_text(encoding="utf-8")
    texts = re.findall(r">([^<>]*)<", svg)
    # the state is named on the map, in the part of it the map shows ...
    assert "Texas" in texts
    # ... and no arrow at the edge calls it a place beyond the map, some 600 km off
    assert not any(t.startswith("Texas,") or " km" in t and "Texas" in t for t in texts)
    assert "Place beyond the map (distance)" not in svg
    # the view stays on the county (its scale bar tens of km, not hundreds)
    bars = [int(t) for t in texts if t.strip().isdigit()]
    assert bars and max(bars) <= 50, bars


# --------------------------------------------------------------------------- world regions

#: a city story that names a world region of whole countries
SAHEL_TEXT = """Drought spreads across the Sahel

May 1, 2026

Aid agencies said on Friday that 2 million people in the Sahel faced hunger this year.
In Niamey, 300 families queued for food aid, city officials said.
"""


def test_a_world_region_is_the_outline_of_its_members(tmp_path):
    import geopandas as gpd

    out = build(tmp_path, "sahel-2026-05-01", SAHEL_TEXT)
    regions = gpd.read_file(out / "sahel-2026-05-01.gpkg", layer="regions")
    sahel = regions[regions["kind"] == "region"]
    assert sahel["name"].tolist() == ["Sahel"]
    assert sahel.geom_type.tolist() == ["MultiPolygon"]
    outline = sahel.geometry.iloc[0]
    # its member states' capitals inside it (Niamey, Bamako, N'Djamena), Dakar and Abuja not
    for lon, lat in ((2.11, 13.51), (-7.99, 12.64), (15.04, 12.11)):
        assert outline.contains(Point(lon, lat))
    for lon, lat in ((-17.44, 14.69), (7.49, 9.06)):
        assert not outline.contains(Point(lon, lat))
    # the page draws it from its members' outlines, by name
    region = next(r for r in page_data(out / "sahel-2026-05-01.html")["regions"]
                  if r["kind"] == "region")
    assert {"Niger", "Mali", "Chad"} <= set(region["outline"]) and region["geometry"] is None
    # the static map stays on the city it names, and names the region it lies in
    svg = (out / "sahel-2026-05-01.svg").read_text(encoding="utf-8")
    texts = re.findall(r">([^<>]*)<", svg)
    assert "Sahel" in texts and "Niamey" in texts
    bars = [int(t) for t in texts if t.strip().isdigit()]
    assert bars and max(bars) <= 100, bars
