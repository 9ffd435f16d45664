"""The builder: a ClaimsDoc (or an article, a claims file, raw text) into the four layers."""

from __future__ import annotations

import dataclasses
import logging
from datetime import date

import pytest
from pyproj import Geod

from builder_data import ARTICLE, SHEET, pokrovsk_doc
from geo.exc import BadInput
from layers.builder import Layers, build, layers_from_doc
from layers.schema import (CLAIM_COLUMNS, LINK_COLUMNS, PLACE_COLUMNS, REGION_COLUMNS,
                           geodesic_path)
from layers.model import Claim, PlaceRecord

GEOD = Geod(ellps="WGS84")
POKROVSK, KRAMATORSK, SLOVIANSK, AVDIIVKA = (
    "geonames:704422", "geonames:704508", "geonames:693468", "geonames:713122")


@pytest.fixture(scope="module")
def layers() -> Layers:
    return layers_from_doc(pokrovsk_doc())


def test_four_layers_in_wgs84_with_the_specs_columns(layers):
    for name, columns in (("places", PLACE_COLUMNS), ("claims", CLAIM_COLUMNS),
                          ("links", LINK_COLUMNS), ("regions", REGION_COLUMNS)):
        gdf = getattr(layers, name)
        assert gdf.crs.to_epsg() == 4326, name
        assert list(gdf.columns) == columns + ["geometry"], name
    assert layers.counts() == {"places": 8, "claims": 16, "links": 4, "regions": 3}


def test_places_are_points_at_lon_lat_with_joined_lists(layers):
    p = layers.places.set_index("place_id")
    assert list(layers.places["place_id"]) == sorted(layers.places["place_id"])
    pokrovsk = p.loc[POKROVSK]
    assert (pokrovsk.geometry.x, pokrovsk.geometry.y) == (37.17706, 48.28014)  # x is lon
    assert pokrovsk["mentions"] == 10 and pokrovsk["kind"] == "populated_place"
    assert pokrovsk["geonameid"] == 704422
    assert "Pokrovsk" in pokrovsk["surfaces"].split("; ")
    assert p.loc["geonames:709929", "alternatives"] == "geonames:709930"
    assert p.loc["claimmap:pokrovske-coal-mine", "kind"] == "facility"
    assert p.loc["claimmap:pokrovske-coal-mine", "geo_precision"] == 2


def test_several_claims_at_one_place_stay_separate_points(layers):
    at_pokrovsk = layers.claims[layers.claims["place_ids"] == POKROVSK]
    assert len(at_pokrovsk) >= 8
    assert set(at_pokrovsk.geometry.geom_type) == {"Point"}
    assert len({(g.x, g.y) for g in at_pokrovsk.geometry}) == 1
    assert at_pokrovsk["claim_id"].is_unique


def test_relating_claims_are_lines_through_their_places_in_order(layers):
    c = layers.claims.set_index("claim_id")
    supply = c.loc["supply-routes"].geometry
    assert supply.geom_type == "LineString"
    assert supply.coords[0] == (37.17706, 48.28014)       # from Pokrovsk
    assert supply.coords[-1] == (37.59739, 48.84974)      # ... on to Sloviansk
    assert (37.56779, 48.73106) in list(supply.coords)    # through Kramatorsk
    advance = c.loc["advance-rate"].geometry
    assert advance.coords[0] == (37.75008, 48.14019)      # from Avdiivka towards Pokrovsk
    assert advance.coords[-1] == (37.17706, 48.28014)
    assert c.loc["toward-dnipropetrovsk"].geometry.geom_type == "LineString"
    # two places but no relation: a point at the first
    assert c.loc["donetsk-luhansk-goal"].geometry.geom_type == "Point"
    # points first, then lines, each sorted by claim_id
    kinds = list(layers.claims.geometry.geom_type)
    assert kinds == sorted(kinds, key=lambda k: k != "Point")


def test_claim_values_keep_their_types(layers):
    c = layers.claims.set_index("claim_id")
    assert c.loc["troops", "value"] == 110000.0 and bool(c.loc["troops", "contested"])
    assert c.loc["casualties-december", "date_start"] == "2024-12"
    assert c.loc["casualties-december", "period"] == "two weeks"
    assert str(c.loc["brigade-117", "value"]) == "nan"  # no figure: empty, not 0
    assert c.loc["supply-routes", "place_ids"] == f"{POKROVSK}; {KRAMATORSK}; {SLOVIANSK}"


def test_links_one_per_pair_with_geodesic_length(layers):
    links = layers.links.set_index("link_id")
    assert list(links.index) == ["advance-rate:1", "supply-routes:1", "supply-routes:2",
                                 "toward-dnipropetrovsk:1"]
    first = links.loc["supply-routes:1"]
    assert (first["from_place"], first["to_place"]) == (POKROVSK, KRAMATORSK)
    assert first["relation"] == "supply_route" and first["claim_id"] == "supply-routes"
    km = GEOD.inv(37.17706, 48.28014, 37.56779, 48.73106)[2] / 1000
    assert first["length_km"] == pytest.approx(km, abs=1e-3)
    assert 55 < first["length_km"] < 65
    # densified: the vertices lie on the geodesic between the ends
    coords = list(first.geometry.coords)
    assert len(coords) > 2
    for lon, lat in coords[1:-1]:
        via = (GEOD.inv(37.17706, 48.28014, lon, lat)[2] + GEOD.inv(lon, lat, 37.56779, 48.73106)[2])
        assert via / 1000 == pytest.approx(km, abs=0.01)


def test_geodesic_path_densifies_long_lines_and_cuts_the_antimeridian():
    lisbon, tokyo, san_francisco = (-9.14, 38.72), (139.69, 35.69), (-122.42, 37.77)
    (part,) = geodesic_path([lisbon, tokyo])
    assert 100 < len(part) <= 130  # a vertex about every 20 km, at most 128 between two places
    assert max(lat for _lon, lat in part) > 60  # the great circle goes north, not along 37°N
    parts = geodesic_path([tokyo, san_francisco])
    assert len(parts) == 2
    assert parts[0][-1][0] == 180.0 and parts[1][0][0] == -180.0
    assert parts[0][-1][1] == pytest.approx(parts[1][0][1])
    assert all(-180 <= lon <= 180 for p in parts for lon, _lat in p)


def test_regions_are_the_admin_areas_as_their_outlines(layers):
    # issue 19: regions are drawn as areas (SPEC: "their outline ... from the project's
    # bundled boundaries"); until then this test held them as centre points
    r = layers.regions
    assert list(r["place_id"]) == ["geonames:702657", "geonames:709716", "geonames:709929"]
    assert set(r.geometry.geom_type) == {"MultiPolygon"}
    assert set(r["geometry_source"]) == {"Natural Earth admin-1"}
    assert set(r["admin1"]) == {"UA.14", "UA.05", "UA.04"}


def test_a_country_is_a_region_with_its_outline():
    # the SPEC's regions: countries, admin areas (and world regions), with a kind
    from shapely.geometry import Point

    doc = pokrovsk_doc()
    doc.places.append(PlaceRecord(place_id="country:UA", name="Ukraine", kind="country",
                                  lat=49.0, lon=32.0, country_code="UA", mentions=5))
    out = layers_from_doc(doc)
    assert "country:UA" in set(out.places["place_id"])
    ua = out.regions.set_index("place_id").loc["country:UA"]
    assert ua["kind"] == "country" and ua["geometry_source"] == "Natural Earth countries"
    assert ua.geometry.geom_type == "MultiPolygon"
    assert ua.geometry.contains(Point(30.52, 50.45)) and ua.geometry.contains(Point(24.03, 49.84))
    assert set(out.regions.loc[out.regions["place_id"] != "country:UA", "kind"]) == {"admin1"}


def _boundaries(tmp_path, columns: dict, crs=4326, name="b.gpkg"):
    import geopandas as gpd
    from shapely.geometry import box

    geoms = [box(36.0, 47.0, 39.0, 49.3), box(37.5, 48.0, 40.2, 50.1), box(33.0, 47.5, 36.5, 49.0)]
    gdf = gpd.GeoDataFrame(columns, geometry=geoms[:len(next(iter(columns.values())))], crs=4326)
    if crs != 4326:
        gdf = gdf.to_crs(crs)
    path = tmp_path / name
    gdf.to_file(path)
    return path


def test_boundaries_matched_by_name_id_or_code(tmp_path, caplog):
    by_name = _boundaries(tmp_path, {"NAME_1": ["Donetsk", "Luhansk"]}, name="n.gpkg")
    by_id = _boundaries(tmp_path, {"gn_id": [709716, 702657, 709929]}, name="i.geojson")
    by_code = _boundaries(tmp_path, {"gn_a1_code": ["UA.05", "UA.14", "UA.04"]}, crs=3857,
                          name="c.shp")
    with caplog.at_level(logging.WARNING, logger="layers.builder"):
        named = layers_from_doc(pokrovsk_doc(), boundaries=by_name).regions.set_index("place_id")
    # Dnipropetrovsk is not in the file: it stays a point, with a warning
    assert named.loc["geonames:709929"].geometry.geom_type == "Point"
    assert "Dnipropetrovsk" in caplog.text
    assert named.loc["geonames:709716"].geometry.geom_type == "MultiPolygon"
    assert named.loc["geonames:709716", "geometry_source"] == "boundaries: n.gpkg"
    for path in (by_id, by_code):
        r = layers_from_doc(pokrovsk_doc(), boundaries=path).regions.set_index("place_id")
        assert set(r.geometry.geom_type) == {"MultiPolygon"}, path
        donetsk = r.loc["geonames:709716"].geometry
        assert donetsk.bounds == pytest.approx((36.0, 47.0, 39.0, 49.3), abs=1e-6)  # reprojected
        assert donetsk.geoms[0].exterior.is_ccw


def test_bad_boundaries_files_are_bad_input(tmp_path):
    import geopandas as gpd
    from shapely.geometry import Point

    junk = tmp_path / "junk.geojson"
    junk.write_text("{not json")
    with pytest.raises(BadInput) as err:
        layers_from_doc(pokrovsk_doc(), boundaries=junk)
    assert "junk.geojson" in str(err.value)
    points = tmp_path / "points.gpkg"
    gpd.GeoDataFrame({"name": ["x"]}, geometry=[Point(1, 2)], crs=4326).to_file(points)
    with pytest.raises(BadInput, match="no polygons"):
        layers_from_doc(pokrovsk_doc(), boundaries=points)


def test_claims_file_errors_are_bad_input_naming_the_claim():
    doc = pokrovsk_doc()
    doc.claims.append(dataclasses.replace(doc.claims[0], claim_id="x", place_ids=["geonames:1"]))
    with pytest.raises(BadInput) as err:
        layers_from_doc(doc, source="claims.yaml")
    assert "claims.yaml" in str(err.value) and "geonames:1" in str(err.value)
    doc = pokrovsk_doc()
    doc.claims.append(doc.claims[0])
    with pytest.raises(BadInput, match="twice"):
        layers_from_doc(doc)
    doc = pokrovsk_doc()
    doc.places[0].lat = 123.0
    with pytest.raises(BadInput, match="out of range"):
        layers_from_doc(doc)


def test_a_claim_without_a_place_stays_off_the_map_but_is_kept(tmp_path):
    doc = pokrovsk_doc()
    doc.claims.append(Claim(claim_id="zz-nowhere", article_id=doc.article.id, text="t",
                            span_start=0, span_end=1, category="political"))
    out = layers_from_doc(doc)
    assert "zz-nowhere" not in set(out.claims["claim_id"])
    assert out.unplaced_claims == ["zz-nowhere"]
    out.write(tmp_path, maps=False)
    assert "zz-nowhere" in (tmp_path / f"{doc.article.id}.claims.csv").read_text()


def test_missing_files_and_empty_text_are_bad_input(tmp_path):
    with pytest.raises(BadInput, match="no such file"):
        build(tmp_path / "missing.txt")
    with pytest.raises(BadInput, match="no such file"):
        build("missing-article.md")
    with pytest.raises(BadInput, match="no such file"):
        build("nothing-here")
    with pytest.raises(BadInput, match="empty"):
        build("   \n  \n")
    with pytest.raises(BadInput, match="YYYY-MM-DD"):
        build(pokrovsk_doc(), date="29 June")


def test_build_takes_a_claims_doc_as_is(layers):
    again = build(pokrovsk_doc())
    assert again.counts() == layers.counts()
    assert list(again.claims["claim_id"]) == list(layers.claims["claim_id"])


def test_repr_and_jupyter_html(layers):
    assert repr(layers) == ("<Layers 'pokrovsk-2025-06-29' (2025-06-29): 8 places, "
                            "16 claims, 4 links, 3 regions>")
    html = layers._repr_html_()
    assert "<table>" in html and "supply-routes" in html and "Kramatorsk" in html
    assert "<h4>links</h4>" in html


def test_write_returns_the_files_in_out_dir(layers, tmp_path):
    written = layers.write(tmp_path / "o", maps=False)
    assert all(p.parent == tmp_path / "o" and p.exists() for p in written)
    assert written[-1].name == "pokrovsk-2025-06-29.manifest.json"


# --------------------------------------------------------------------------- the real pipeline

def test_build_of_the_first_article_has_the_sheets_lines():
    import yaml

    sheet = yaml.safe_load(SHEET.read_text(encoding="utf-8"))
    out = build(ARTICLE, date=date(2025, 6, 29))
    assert out.slug == "pokrovsk-2025-06-29"
    lines = out.claims[out.claims.geometry.geom_type == "LineString"]
    wanted = [c for c in sheet["claims"] if c.get("geometry") == "LineString"]
    for c in wanted:
        ids = [f"geonames:{p}" for p in c["places"]]
        assert any(all(i in row.split("; ") for i in ids) for row in lines["place_ids"]), c["id"]
    assert len(out.links) >= 4


def test_build_of_raw_text_slugs_its_first_line():
    text = ARTICLE.read_text(encoding="utf-8")
    out = build(text, date="2025-06-29")
    assert out.slug.startswith("ukraine-russia-war-pokrovsk")
    assert POKROVSK in set(out.places["place_id"])


def test_build_of_a_claims_file_round_trips(tmp_path):
    from layers import claimsfile
    doc = pokrovsk_doc()
    path = tmp_path / "reviewed.yaml"
    claimsfile.write_claims_file(doc, path)
    out = build(path)
    assert list(out.claims["claim_id"]) == list(layers_from_doc(doc).claims["claim_id"])


# --------------------------------------------------------------------------- the command line

def _claims_yaml(tmp_path):
    from layers import claimsfile
    path = tmp_path / "reviewed.yaml"
    claimsfile.write_claims_file(pokrovsk_doc(), path)
    return path


def test_cli_build_of_a_claims_file_writes_the_data_files(tmp_path):
    from click.testing import CliRunner

    from layers.cli import cli

    path = _claims_yaml(tmp_path)
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["build", str(path), "--out", str(out)])
    assert res.exit_code == 0, res.output
    names = {p.name for p in out.iterdir()}
    for suffix in ("places.geojson", "claims.geojson", "links.geojson", "regions.geojson",
                   "gpkg", "claims.csv", "claims.yaml", "manifest.json"):
        assert f"pokrovsk-2025-06-29.{suffix}" in names, suffix


def test_cli_bad_boundaries_exit_2_and_write_nothing(tmp_path):
    from click.testing import CliRunner

    from layers.cli import cli

    path = _claims_yaml(tmp_path)
    bad = tmp_path / "bounds.geojson"
    bad.write_text("not a vector file")
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["build", str(path), "--out", str(out),
                                   "--boundaries", str(bad)])
    assert res.exit_code == 2
    assert "bounds.geojson" in res.output
    assert not out.exists() or not any(out.iterdir())
