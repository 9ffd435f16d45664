"""The files of a build: RFC 7946 GeoJSON, the GeoPackage and its styles, CSV, manifest,
same input -> same bytes, and atomic writes (a failing or killed build changes nothing)."""

from __future__ import annotations

import hashlib
import json
import re
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from builder_data import pokrovsk_doc
from layers.io import writers
from layers.builder import layers_from_doc

TESTS = Path(__file__).resolve().parent
SLUG = "pokrovsk-2025-06-29"
DATA_FILES = {f"{SLUG}.{n}.geojson" for n in ("places", "claims", "links", "regions")} | {
    f"{SLUG}.{n}.qml" for n in ("places", "claims", "links", "regions")} | {
    f"{SLUG}.gpkg", f"{SLUG}.claims.csv", f"{SLUG}.manifest.json"}


@pytest.fixture(scope="module")
def layers():
    return layers_from_doc(pokrovsk_doc())


@pytest.fixture(scope="module")
def polygon_layers(tmp_path_factory):
    """Layers whose regions are polygons (one with a hole) from a boundaries file."""
    import geopandas as gpd
    from shapely.geometry import Polygon

    doc = pokrovsk_doc()
    folder = tmp_path_factory.mktemp("bounds")
    # clockwise exterior on purpose: the writers must give RFC 7946's counter-clockwise
    donetsk = Polygon([(36.5, 47.0), (36.5, 49.3), (39.0, 49.3), (39.0, 47.0)],
                      [[(37.0, 48.0), (37.2, 48.0), (37.2, 48.2), (37.0, 48.2)]])
    gdf = gpd.GeoDataFrame({"name": ["Donetsk Oblast"]}, geometry=[donetsk], crs=4326)
    path = folder / "bounds.gpkg"
    gdf.to_file(path)
    return layers_from_doc(doc, boundaries=path)


def _hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file() and not p.name.startswith(".")}


# --------------------------------------------------------------------------- RFC 7946

_NUMBER = re.compile(r"-?\d+(?:\.(\d+))?(?:[eE][-+]?\d+)?")


def _positions(geometry):
    coords = geometry["coordinates"]

    def walk(c):
        if isinstance(c[0], (int, float)):
            yield c
        else:
            for sub in c:
                yield from walk(sub)
    return list(walk(coords))


def _ring_area(ring):
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:])) / 2.0


def check_rfc7946(path: Path) -> dict:
    """Assert RFC 7946's rules on one GeoJSON file; the parsed document."""
    raw = path.read_text(encoding="utf-8")
    doc = json.loads(raw)
    assert doc["type"] == "FeatureCollection"
    assert "crs" not in doc, "RFC 7946: no crs member"
    ids = [f.get("id") for f in doc["features"]]
    assert all(i is not None and i != "" for i in ids), "every feature has an id"
    assert len(set(ids)) == len(ids), "feature ids are unique"
    for feature in doc["features"]:
        assert feature["type"] == "Feature"
        geom = feature["geometry"]
        assert geom is not None
        for pos in _positions(geom):
            lon, lat = pos[0], pos[1]
            assert -180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0, pos
        if geom["type"] in ("Polygon", "MultiPolygon"):
            polys = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
            for rings in polys:
                assert _ring_area(rings[0]) > 0, "exterior ring counter-clockwise"
                for hole in rings[1:]:
                    assert _ring_area(hole) < 0, "holes clockwise"
        text = json.dumps(geom["coordinates"])
        for m in _NUMBER.finditer(text):
            assert m.group(1) is None or len(m.group(1)) <= 6, f"{m.group(0)} has > 6 decimals"
    return doc


def test_geojson_follows_rfc7946(layers, polygon_layers, tmp_path):
    layers.write(tmp_path / "a", maps=False)
    polygon_layers.write(tmp_path / "b", maps=False)
    polygons = 0
    for folder in (tmp_path / "a", tmp_path / "b"):
        for path in sorted(folder.glob("*.geojson")):
            doc = check_rfc7946(path)
            polygons += sum(f["geometry"]["type"].endswith("Polygon") for f in doc["features"])
    # the winding rule was really exercised: a's three oblasts (shipped outlines, issue 19),
    # b's Donetsk with a hole
    assert polygons == 4


def test_geojson_ids_and_properties_are_the_specs(layers, tmp_path):
    layers.write(tmp_path, maps=False)
    claims = json.loads((tmp_path / f"{SLUG}.claims.geojson").read_text())["features"]
    assert [f["id"] for f in claims] == list(layers.claims["claim_id"])
    assert all(f["id"] == f["properties"]["claim_id"] for f in claims)
    links = json.loads((tmp_path / f"{SLUG}.links.geojson").read_text())["features"]
    assert [f["id"] for f in links] == list(layers.links["link_id"])
    places = json.loads((tmp_path / f"{SLUG}.places.geojson").read_text())["features"]
    props = places[0]["properties"]
    assert all(not isinstance(v, (dict, list)) for v in props.values()), "flat values only"
    troops = next(f for f in claims if f["id"] == "troops")["properties"]
    assert troops["value"] == 110000 and troops["contested"] is True
    assert troops["conflicts_with"] == "troops-headline"


def test_an_empty_layer_is_still_a_valid_feature_collection(tmp_path):
    doc = pokrovsk_doc()
    doc.claims = [c for c in doc.claims if not c.relation]
    out = layers_from_doc(doc)
    assert len(out.links) == 0
    out.write(tmp_path, maps=False)
    links = check_rfc7946(tmp_path / f"{SLUG}.links.geojson")
    assert links["features"] == []


# --------------------------------------------------------------------------- GeoPackage

def test_gpkg_layers_types_and_styles(layers, tmp_path):
    import pyogrio

    layers.write(tmp_path, maps=False)
    gpkg = tmp_path / f"{SLUG}.gpkg"
    names = [n for n, _t in pyogrio.list_layers(gpkg)]
    assert names == ["places", "claims", "claim_lines", "links", "regions", "layer_styles"]
    info = pyogrio.read_info(gpkg, layer="claims")
    types = dict(zip(info["fields"], zip(info["ogr_types"], info["ogr_subtypes"])))
    assert types["value"] == ("OFTReal", "OFSTNone")
    assert types["contested"] == ("OFTInteger", "OFSTBoolean")
    assert types["span_start"][0] == "OFTInteger"
    assert info["geometry_type"] == "Point" and info["features"] == len(layers.claims)
    assert pyogrio.read_info(gpkg, layer="claim_lines")["geometry_type"] == "LineString"
    with sqlite3.connect(gpkg) as db:
        rows = db.execute("SELECT f_table_catalog, f_table_schema, f_table_name, "
                          "f_geometry_column, styleName, useAsDefault, update_time, "
                          "styleQML, styleSLD FROM layer_styles ORDER BY id").fetchall()
        last_change = {r[0] for r in db.execute("SELECT last_change FROM gpkg_contents")}
        registered = {r[0] for r in db.execute("SELECT table_name FROM gpkg_contents")}
    assert [r[2] for r in rows] == ["places", "claims", "claim_lines", "links", "regions"]
    for cat, schema, _table, geom_col, _name, default, updated, qml, sld in rows:
        assert (cat, schema, geom_col, default) == ("", "", "geom", 1)
        assert updated.startswith("2025-06-29T00:00:00")
        assert qml.startswith("<!DOCTYPE qgis") and "<renderer-v2" in qml
        assert sld.startswith("<?xml") and "StyledLayerDescriptor" in sld
    assert last_change == {"2025-06-29T00:00:00Z"}  # the article's date, not the clock
    assert "layer_styles" in registered


def test_shipped_style_files_are_current():
    from layers.io.styles import STYLE_LAYERS, qml, sld

    folder = Path(sys.modules["layers.io.styles"].__file__).parent
    for layer in STYLE_LAYERS:
        assert (folder / f"{layer}.qml").read_text(encoding="utf-8") == qml(layer), \
            "run python -m layers.io.styles"
        assert (folder / f"{layer}.sld").read_text(encoding="utf-8") == sld(layer)


# --------------------------------------------------------------------------- CSV, manifest

def test_csv_has_every_claim_with_its_point(layers, tmp_path):
    import csv

    layers.write(tmp_path, maps=False)
    with open(tmp_path / f"{SLUG}.claims.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(layers.doc.claims)
    by_id = {r["claim_id"]: r for r in rows}
    assert by_id["troops"]["value"] == "110000" and by_id["troops"]["contested"] == "true"
    assert by_id["brigade-117"]["value"] == ""
    assert float(by_id["troops"]["lon"]) == pytest.approx(37.17706)


def test_manifest_lists_files_with_sha256_counts_and_versions(layers, tmp_path):
    written = layers.write(tmp_path, maps=False)
    manifest = json.loads((tmp_path / f"{SLUG}.manifest.json").read_text())
    listed = {f["name"]: f for f in manifest["files"]}
    assert set(listed) == {p.name for p in written} - {f"{SLUG}.manifest.json"}
    for name, entry in listed.items():
        data = (tmp_path / name).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest() and entry["bytes"] == len(data)
    assert manifest["feature_counts"]["claims"] == len(layers.claims)
    assert manifest["feature_counts"]["links"] == len(layers.links)
    assert manifest["versions"]["claimmap"]
    assert manifest["versions"]["gazetteer"]
    assert not re.search(r"\d\d:\d\d:\d\d", json.dumps(manifest)), "no timestamps"


# --------------------------------------------------------------------------- determinism

def test_two_builds_are_byte_identical(layers, tmp_path):
    layers.write(tmp_path / "one", maps=False)
    time.sleep(1.1)  # a clock-dependent writer would differ now
    layers_from_doc(pokrovsk_doc()).write(tmp_path / "two", maps=False)
    one, two = _hashes(tmp_path / "one"), _hashes(tmp_path / "two")
    assert set(one) >= DATA_FILES
    assert one == two


# --------------------------------------------------------------------------- atomic writes

def test_a_failing_writer_leaves_previous_outputs_and_no_temp_folder(layers, tmp_path, monkeypatch):
    out = tmp_path / "out"
    layers.write(out, maps=False)
    before = _hashes(out)

    def broken(*args, **kwargs):
        raise OSError("disk full (simulated)")

    monkeypatch.setattr(writers, "write_csv", broken)
    doc = pokrovsk_doc()
    doc.claims = doc.claims[:3]  # a different build, so replaced files would show
    with pytest.raises(OSError, match="simulated"):
        layers_from_doc(doc).write(out, maps=False)
    assert _hashes(out) == before
    assert not list(tmp_path.glob(".out.claimmap-tmp-*"))


_SLOW_BUILD = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {tests!r})
    from builder_data import pokrovsk_doc
    from layers.io import writers
    from layers.builder import layers_from_doc

    real = writers.write_csv
    def slow(*args, **kwargs):
        path = real(*args, **kwargs)
        time.sleep(120)  # killed here, halfway through the build
        return path
    writers.write_csv = slow
    doc = pokrovsk_doc()
    doc.claims = doc.claims[:3]
    layers_from_doc(doc).write({out!r}, maps=False)
""")


def test_a_killed_build_leaves_previous_outputs(layers, tmp_path):
    out = tmp_path / "out"
    layers.write(out, maps=False)
    before = _hashes(out)
    script = _SLOW_BUILD.format(tests=str(TESTS), out=str(out))
    proc = subprocess.Popen([sys.executable, "-c", script])
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            temps = list(tmp_path.glob(".out.claimmap-tmp-*"))
            if temps and list(temps[0].glob("*.csv")):
                break
            assert proc.poll() is None, "the build ended before it could be killed"
            time.sleep(0.05)
        else:
            pytest.fail("the build never reached its CSV")
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert _hashes(out) == before
    assert list(tmp_path.glob(".out.claimmap-tmp-*")), "the killed build's temp folder is left"
    layers.write(out, maps=False)  # the next build clears it
    assert not list(tmp_path.glob(".out.claimmap-tmp-*"))
    assert _hashes(out) == before


def test_concurrent_builds_into_one_folder_do_not_interleave(tmp_path):
    out = tmp_path / "out"
    script = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(TESTS)!r})
        from builder_data import pokrovsk_doc
        from layers.builder import layers_from_doc
        doc = pokrovsk_doc()
        doc.claims = doc.claims[:int(sys.argv[1])]
        layers_from_doc(doc).write({str(out)!r}, maps=False)
    """)
    procs = [subprocess.Popen([sys.executable, "-c", script, n]) for n in ("4", "12")]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    manifest = json.loads((out / f"{SLUG}.manifest.json").read_text())
    for entry in manifest["files"]:  # the files on disk are the ones this manifest lists
        data = (out / entry["name"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], entry["name"]
    assert not list(tmp_path.glob(".out.claimmap-tmp-*"))


@pytest.mark.slow
def test_two_full_builds_with_maps_are_byte_identical(layers, tmp_path):
    """All files, the HTML maps and the PNG/SVG included (whichever renderers exist)."""
    first = layers.write(tmp_path / "one")
    time.sleep(1.1)
    layers_from_doc(pokrovsk_doc()).write(tmp_path / "two")
    one, two = _hashes(tmp_path / "one"), _hashes(tmp_path / "two")
    assert set(one) == {p.name for p in first}
    differ = sorted(name for name in one if one[name] != two.get(name))
    assert differ == []
    for name in one:  # no file embeds the temporary folder it was written in
        if name.endswith((".html", ".svg", ".json", ".yaml")):
            assert ".claimmap-tmp-" not in (tmp_path / "one" / name).read_text(encoding="utf-8")


def test_claims_yaml_is_the_claims_file_build_reads_back(layers, tmp_path):
    from layers import claimsfile
    layers.write(tmp_path, maps=False)
    again = layers_from_doc(claimsfile.load_claims_file(tmp_path / f"{SLUG}.claims.yaml"))
    for name in ("claims", "links"):
        assert getattr(again, name).equals(getattr(layers, name)), name
    # the loader may fill place details in from the gazetteer; ids and points stay
    for name in ("places", "regions"):
        a, b = getattr(again, name), getattr(layers, name)
        assert list(a["place_id"]) == list(b["place_id"]), name
        assert a.geometry.geom_equals_exact(b.geometry, 1e-9).all(), name


@pytest.mark.slow
def test_every_file_gets_the_mode_of_a_new_file(layers, tmp_path):
    """HTML, PNG, SVG and the report go through temporary files (0600 from mkstemp): they
    come out like every other file, with the mode the umask gives a new file."""
    import os

    old_mask = os.umask(0o027)
    try:
        written = layers.write(tmp_path / "out")
    finally:
        os.umask(old_mask)
    modes = {p.name: p.stat().st_mode & 0o777 for p in written}
    assert {f"{SLUG}.html", f"{SLUG}.png", f"{SLUG}.svg", f"{SLUG}.report.html"} <= set(modes)
    assert set(modes.values()) == {0o640}, modes


def test_a_map_written_on_its_own_gets_the_mode_of_a_static_map(layers, tmp_path):
    """Outside a build too, the HTML map, the static map, the report fragment and any
    `atomic_write` come out with the mode the umask gives a new file (not mkstemp's 0600),
    and no temporary file is left beside them."""
    import os

    from layers.render.html import write_html
    from layers.render.static import write_report, write_static

    old_mask = os.umask(0o027)
    try:
        html = write_html(layers, tmp_path / "alone.html")
        png, svg = write_static(layers, tmp_path / "alone.png", tmp_path / "alone.svg")
        report = write_report(layers, tmp_path / "alone.report.html", png)
        text = writers.atomic_write(tmp_path / "alone.txt", lambda tmp: tmp.write_text("x"))
    finally:
        os.umask(old_mask)
    modes = {p.name: p.stat().st_mode & 0o777 for p in (html, png, svg, report, text)}
    assert modes[html.name] == modes[png.name] == 0o640, modes
    assert set(modes.values()) == {0o640}, modes
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(modes)


def test_atomic_write_leaves_the_old_file_when_writing_fails(tmp_path):
    path = tmp_path / "kept.txt"
    path.write_text("old")

    def broken(tmp):
        tmp.write_text("half")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        writers.atomic_write(path, broken)
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["kept.txt"]
