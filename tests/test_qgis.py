"""QGIS itself opens the first article's GeoJSON and GeoPackage layers, styled.

tests/qgis_check.py runs under the system Python with Debian's python3-qgis (headless) and
reports, as JSON, what QGIS sees; these tests assert on that report. They skip only when
/usr/bin/python3 cannot import qgis.core (.ci/run installs python3-qgis, so CI runs them).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import layers.io.styles  # noqa: F401  (its folder holds the shipped .sld files)
from builder_data import first_article_layers
from layers.symbology import CATEGORY_STYLE, RELATION_STYLE

SYSTEM_PYTHON = "/usr/bin/python3"
CHECK = Path(__file__).with_name("qgis_check.py")


def _has_qgis() -> bool:
    if not os.path.exists(SYSTEM_PYTHON):
        return False
    res = subprocess.run([SYSTEM_PYTHON, "-c", "import qgis.core"], capture_output=True,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=120)
    return res.returncode == 0


pytestmark = [pytest.mark.qgis,
              pytest.mark.skipif(not _has_qgis(), reason="python3-qgis is not installed")]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("qgis")
    layers = first_article_layers()
    layers.write(out, maps=False)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update({"QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(out)})
    styles = Path(sys.modules["layers.io.styles"].__file__).parent
    res = subprocess.run([SYSTEM_PYTHON, str(CHECK), str(out), layers.slug, str(styles)],
                         capture_output=True, text=True, env=env, timeout=300)
    assert res.returncode == 0, res.stderr[-2000:]
    return layers, json.loads(res.stdout)


GEOMETRY = {"Point": 0, "LineString": 1, "MultiLineString": 1, "Polygon": 2, "MultiPolygon": 2}
INTEGER = {"int", "qlonglong"}


def test_every_geojson_layer_opens_valid_wgs84_with_all_features(built):
    layers, report = built
    assert set(report["geojson"]) == {"places", "claims", "links", "regions"}
    for name, info in report["geojson"].items():
        assert info["valid"], name
        assert info["crs"] == "EPSG:4326", name
        assert info["features"] == len(getattr(layers, name)), name
        # the SPEC's properties are there, and the feature id too
        assert set(getattr(layers, name).columns) - {"geometry"} <= set(info["fields"]), name


def test_every_gpkg_layer_opens_valid_wgs84_with_its_geometry_and_count(built):
    layers, report = built
    assert report["gpkg_sublayers"] == ["places", "claims", "claim_lines", "links", "regions"]
    gpkg = report["gpkg"]
    counts = layers.counts()
    lines = int(layers.claims.geometry.geom_type.isin(["LineString", "MultiLineString"]).sum())
    expected = {**counts, "claim_lines": lines}
    for name, info in gpkg.items():
        assert info["valid"] and info["crs"] == "EPSG:4326", name
        assert info["features"] == expected[name], name
    assert gpkg["places"]["geometry"] == 0
    assert gpkg["claims"]["geometry"] == 0   # one point per claim in the GeoPackage
    assert gpkg["claim_lines"]["geometry"] == 1
    assert gpkg["links"]["geometry"] == 1
    assert lines >= 1 and counts["links"] >= lines


@pytest.mark.parametrize("fmt", ["geojson", "gpkg"])
def test_field_types_are_typed_columns(built, fmt):
    _layers, report = built
    f = {name: info["fields"] for name, info in report[fmt].items()}
    for name in ("places", "claims", "links", "regions"):
        assert f[name].get("name", "QString") == "QString"
    assert f["places"]["place_id"] == "QString"
    for col in ("geonameid", "mentions", "geo_precision", "population"):
        assert f["places"][col] in INTEGER, col
    for col in ("span_start", "span_end", "geo_precision"):
        assert f["claims"][col] in INTEGER, col
    assert f["claims"]["value"] == "double"
    assert f["claims"]["contested"] == "bool"
    for col in ("category", "measure", "unit", "source", "place_ids"):
        assert f["claims"][col] == "QString", col
    # SPEC: ISO date strings in GeoJSON, DATE columns in the GeoPackage (issue 19: the
    # Temporal Controller plays DATE fields; before, this checked QString for both)
    for col in ("date_start", "date_end"):
        assert f["claims"][col] == ("QDate" if fmt == "gpkg" else "QString"), col
    assert f["links"]["length_km"] == "double"
    assert f["regions"]["geonameid"] in INTEGER


def _category_labels(style):
    return {c["value"]: c["label"] for c in style["categories"]}


def test_gpkg_default_styles_load_from_layer_styles(built):
    _layers, report = built
    for name, info in report["gpkg"].items():
        assert info["own_styles_in_db"] == [name], name
        assert info["default_style_loaded"], (name, info["default_style_message"])


@pytest.mark.parametrize("fmt,layer", [("gpkg", "claims"), ("gpkg", "claim_lines"),
                                       ("geojson", "claims")])
def test_claims_are_categorised_by_category_with_a_label_each(built, fmt, layer):
    style = built[1][fmt][layer]["style"]
    assert style["type"] == "categorizedSymbol"
    assert style["attribute"] == "category"
    assert _category_labels(style) == {k: v[2] for k, v in CATEGORY_STYLE.items()}
    colours = {c["value"]: c["colour"] for c in style["categories"]}
    assert colours == {k: v[0] for k, v in CATEGORY_STYLE.items()}


@pytest.mark.parametrize("fmt", ["gpkg", "geojson"])
def test_links_are_lines_categorised_by_relation(built, fmt):
    style = built[1][fmt]["links"]["style"]
    assert style["type"] == "categorizedSymbol" and style["attribute"] == "relation"
    assert _category_labels(style) == {k: v[2] for k, v in RELATION_STYLE.items()}
    assert {c["symbol_type"] for c in style["categories"]} == {1}  # line symbols


@pytest.mark.parametrize("fmt", ["gpkg", "geojson"])
def test_places_and_regions_are_labelled_by_name(built, fmt):
    for layer in ("places", "regions"):
        style = built[1][fmt][layer]["style"]
        assert style["labels_enabled"] and style["label_field"] == "name", layer


def test_shipped_sld_styles_parse_in_qgis(built):
    gpkg = built[1]["gpkg"]
    for name, info in gpkg.items():
        assert info["sld"]["loaded"], (name, info["sld"]["message"])
    assert gpkg["claims"]["sld"]["rules"] == len(CATEGORY_STYLE)
    assert gpkg["links"]["sld"]["rules"] == len(RELATION_STYLE)


# --- issue 19: shapes, stacked claims, fonts, time ------------------------------------

@pytest.mark.parametrize("fmt", ["gpkg", "geojson"])
def test_claims_open_into_rings_with_a_shape_per_category(built, fmt):
    from layers.symbology import category_shape

    style = built[1][fmt]["claims"]["style"]
    # claims stacked on one place are displaced around it, each keeping its own symbol
    assert style["displacement"]["type"] == "pointDisplacement"
    assert style["displacement"]["placement"] == 1      # concentric rings
    shapes = {c["value"]: (c["shape"], c["angle"]) for c in style["categories"]}
    assert shapes == {cat: (category_shape(cat).qgis, category_shape(cat).qgis_angle)
                      for cat in CATEGORY_STYLE}
    assert len(set(shapes.values())) == len(CATEGORY_STYLE)


@pytest.mark.parametrize("fmt", ["gpkg", "geojson"])
def test_labels_use_a_font_qgis_finds(built, fmt):
    from layers.symbology import LABEL_FONT

    for layer in ("places", "regions"):
        font = built[1][fmt][layer]["style"]["label_font"]
        assert font["family"] == LABEL_FONT, layer
        # QGIS says it found the family, and Qt resolves it to itself, not to a
        # substitute (an empty family resolves to a math font, cmex10, in QGIS 3.22)
        assert font["found"] and font["in_font_database"], (layer, font)
        assert font["resolved"] == LABEL_FONT, (layer, font)


@pytest.mark.parametrize("fmt,layer", [("gpkg", "claims"), ("gpkg", "claim_lines"),
                                       ("geojson", "claims")])
def test_claims_styles_set_the_temporal_properties(built, fmt, layer):
    from layers.io.styles import TEMPORAL_END, TEMPORAL_START

    temporal = built[1][fmt][layer]["style"]["temporal"]
    assert temporal["active"], temporal
    assert temporal["mode"] == 4    # feature start and end from expressions
    assert temporal["start_expression"] == TEMPORAL_START
    assert temporal["end_expression"] == TEMPORAL_END
    for other in ("places", "links", "regions"):   # no time on what has none
        assert not built[1][fmt][other]["style"]["temporal"]["active"], other


@pytest.mark.parametrize("fmt", ["gpkg", "geojson"])
def test_claims_carry_place_names_article_title_and_url(built, fmt):
    fields = built[1][fmt]["claims"]["fields"]
    for col in ("place_names", "article_title", "article_url"):
        assert fields[col] == "QString", col
