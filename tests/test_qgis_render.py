"""QGIS draws every layer of the first article's GeoPackage with its shipped default style.

tests/qgis_render.py runs under the system Python with Debian's python3-qgis (headless),
renders all layers together to a PNG with QgsMapRendererParallelJob, and reports, as JSON,
the labels the labelling engine placed and their fonts, the field types, and which claims
the Temporal Controller's filter shows on given days; these tests assert on the report and
on the PNG. They skip only when /usr/bin/python3 cannot import qgis.core.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from builder_data import first_article_layers
from layers.symbology import CATEGORY_STYLE, LABEL_FONT, PLACE_STYLE

SYSTEM_PYTHON = "/usr/bin/python3"
RENDER = Path(__file__).with_name("qgis_render.py")


def _has_qgis() -> bool:
    if not os.path.exists(SYSTEM_PYTHON):
        return False
    res = subprocess.run([SYSTEM_PYTHON, "-c", "import qgis.core"], capture_output=True,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=120)
    return res.returncode == 0


pytestmark = [pytest.mark.qgis,
              pytest.mark.skipif(not _has_qgis(), reason="python3-qgis is not installed")]


def _days(rows) -> list[str]:
    """Days to play: each claim's first and last day, the day before and after it."""
    days = {"2000-01-01"}
    for r in rows:
        lo, hi = _period(r)
        if lo is not None:
            days |= {(lo - timedelta(days=1)).isoformat(), lo.isoformat(),
                     (hi - timedelta(days=1)).isoformat(), hi.isoformat()}
    return sorted(days)


def _first_day(iso: str) -> date:
    parts = [int(x) for x in iso.split("-")]
    return date(parts[0], *(parts[1:] + [1] * (3 - len(parts))))


def _period(row) -> tuple[date | None, date | None]:
    """[first day, day after the last) of a claim's dates at its precision (CSV row)."""
    if not row["date_start"]:
        return None, None
    lo = _first_day(row["date_start"])
    last = _first_day(row["date_end"] or row["date_start"])
    precision = row["time_precision"]
    if precision == "year":
        hi = date(last.year + 1, 1, 1)
    elif precision == "month":
        hi = date(last.year + (last.month == 12), last.month % 12 + 1, 1)
    else:
        hi = last + timedelta(days=1)
    return lo, hi


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    out = tmp_path_factory.mktemp("qgis_render")
    layers = first_article_layers()
    layers.write(out, maps=False)
    with open(out / f"{layers.slug}.claims.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    png = out / "render.png"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update({"QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(out)})
    os.chmod(out, 0o700)
    res = subprocess.run([SYSTEM_PYTHON, str(RENDER), str(out / f"{layers.slug}.gpkg"), str(png),
                          *_days(rows)], capture_output=True, text=True, env=env, timeout=300)
    assert res.returncode == 0, (res.stdout[-2000:], res.stderr[-2000:])
    return layers, rows, json.loads(res.stdout), png


def test_every_layer_renders_with_its_default_style(rendered):
    layers, _rows, report, png = rendered
    assert set(report["layers"]) == {"places", "claims", "claim_lines", "links", "regions"}
    for name, info in report["layers"].items():
        assert info["valid"] and info["default_style_loaded"], (name, info)
    assert report["layers"]["claims"]["renderer"] == "pointDisplacement"
    assert report["render_errors"] == []
    assert report["png"] == {"saved": True, "width": 1200, "height": 900}
    assert png.stat().st_size > 10_000


def test_the_png_shows_each_category_and_place_kind_in_its_colour(rendered):
    """Every claim category in the data and the place markers are drawn in their colours
    (the marker's inside is the exact colour; only edges are antialiased)."""
    from PIL import Image

    layers, _rows, _report, png = rendered
    image = Image.open(png).convert("RGB")
    counts = {colour: n for n, colour in image.getcolors(maxcolors=image.width * image.height)}

    def seen(hex_colour):
        h = hex_colour.lstrip("#")
        return counts.get(tuple(int(h[i:i + 2], 16) for i in (0, 2, 4)), 0)

    present = set(layers.claims["category"])
    assert len(present) >= 4
    for cat in present:
        assert seen(CATEGORY_STYLE[cat][0]) >= 10, cat
    assert seen(PLACE_STYLE["populated_place"][0]) >= 10
    assert counts.get((255, 255, 255), 0) < 0.99 * 1200 * 900


def test_labels_are_drawn_in_a_font_qgis_finds(rendered):
    layers, _rows, report, _png = rendered
    labels = report["labels"]
    names = set(layers.places["name"]) | set(layers.regions["name"])
    assert len(labels) >= 5
    assert {lab["text"] for lab in labels} <= names
    for lab in labels:
        assert lab["family"] == LABEL_FONT, lab
        assert lab["resolved"] == LABEL_FONT and lab["in_font_database"], lab


def test_dates_are_date_fields_in_the_geopackage(rendered):
    _layers, _rows, report, _png = rendered
    for name in ("claims", "claim_lines"):
        fields = report["layers"][name]["fields"]
        assert fields["date_start"] == "QDate" and fields["date_end"] == "QDate", name
        assert report["layers"][name]["temporal"] == {"active": True, "mode": 4}, name


@pytest.mark.parametrize("source", ["days", "geojson_days"])
def test_the_temporal_controller_shows_each_claim_for_its_period(rendered, source):
    """For every day around each claim's dates, the claims QGIS's temporal filter keeps
    are exactly those whose period (at their precision) covers that day: in the
    GeoPackage (DATE fields) and in the GeoJSON (ISO strings) alike."""
    layers, rows, report, _png = rendered
    placed = set(layers.claims["claim_id"])
    dated = [r for r in rows if r["date_start"] and r["claim_id"] in placed]
    assert len(dated) >= 10
    shown_somewhere = set()
    assert report[source], source
    for day, info in report[source].items():
        assert info["error"] == "", (day, info["error"])
        d = date.fromisoformat(day)
        expected = sorted(r["claim_id"] for r in dated if _period(r)[0] <= d < _period(r)[1])
        assert info["claim_ids"] == expected, day
        shown_somewhere |= set(info["claim_ids"])
    assert shown_somewhere == {r["claim_id"] for r in dated}
    assert report[source]["2000-01-01"]["claim_ids"] == []


def test_each_area_is_labelled_once(rendered):
    """An oblast is a place (a marker) and a region (its outline): only the region's label
    is drawn, not a second one from the places layer."""
    layers, _rows, report, _png = rendered
    texts = [lab["text"] for lab in report["labels"]]
    areas = set(layers.regions["name"])
    assert {"Donetsk Oblast", "Luhansk Oblast", "Dnipropetrovsk Oblast"} <= areas
    for name in areas & set(texts):
        assert texts.count(name) == 1, (name, report["labels"])
    assert {lab["layer"] for lab in report["labels"] if lab["text"] in areas} == {"regions"}


@pytest.fixture(scope="module")
def example_render(tmp_path_factory):
    """The built-in example built by the command line and rendered by QGIS."""
    import sys

    from common import EXAMPLE_ARTICLE

    out = tmp_path_factory.mktemp("qgis_example")
    res = subprocess.run([str(Path(sys.executable).with_name("claimmap")), "build",
                          str(EXAMPLE_ARTICLE), "--out", str(out)], capture_output=True,
                         text=True, timeout=600)
    assert res.returncode == 0, res.stderr[-2000:]
    png = out / "render.png"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update({"QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(out)})
    os.chmod(out, 0o700)
    res = subprocess.run([SYSTEM_PYTHON, str(RENDER), str(out / f"{EXAMPLE_ARTICLE.stem}.gpkg"),
                          str(png)], capture_output=True, text=True, env=env, timeout=300)
    assert res.returncode == 0, (res.stdout[-2000:], res.stderr[-2000:])
    return json.loads(res.stdout), png


def _labels_on_claims(report, png) -> dict:
    """Place label -> how many pixels of a claim symbol's colour its box covers."""
    from PIL import Image

    image = Image.open(png).convert("RGB")
    colours = {tuple(int(c.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
               for c, _icon, _label in CATEGORY_STYLE.values()}
    out = {}
    for lab in report["labels"]:
        if lab["layer"] != "places":
            continue
        x0, y0, x1, y1 = (round(v) for v in lab["box"])
        crop = image.crop((max(0, x0), max(0, y0), x1, y1))
        out[lab["text"]] = sum(n for n, c in crop.getcolors(maxcolors=crop.width * crop.height)
                               or [] if c in colours)
    return out


def test_place_labels_clear_the_ring_of_claims(example_render):
    """Avdiivka's claims are displaced onto a ring around it: its label (and every other
    place's) covers no pixel of a claim's symbol."""
    hits = _labels_on_claims(*example_render)
    assert any(text.startswith("Avdi") for text in hits), hits
    assert all(n == 0 for n in hits.values()), hits


def test_place_labels_clear_several_rings_of_claims(rendered):
    """Pokrovsk holds 18 claims (its own and its coal mine's), which QGIS lays on three
    rings: the labels of both stand outside the outermost ring (the places layer's
    ``claim_count`` sets their distance), covering no pixel of a claim's symbol."""
    layers, _rows, report, png = rendered
    counts = dict(zip(layers.places["name"], layers.places["claim_count"]))
    assert counts["Pokrovsk"] >= 17, counts          # more than two rings hold
    hits = _labels_on_claims(report, png)
    assert "Pokrovsk" in hits and any(t.startswith("Pokrovs’ke") for t in hits), hits
    assert all(n == 0 for n in hits.values()), hits


#: a story with one claim, at one town (written for this test)
LONE_CLAIM_TEXT = """Families queue for food aid in Niamey

May 1, 2026

In Niamey, 300 families queued for food aid on Friday, city officials said.
"""


def test_a_lone_claim_shows_beside_its_place_not_under_it(tmp_path):
    """One claim at a town is drawn at the town's very point (no ring: nothing to
    displace); the town's marker, drawn above it, is smaller, so the claim's symbol shows
    around it in its category's colour (it was the same size and hid the claim)."""
    import sys

    from PIL import Image

    art = tmp_path / "aid-2026-05-01.txt"
    art.write_text(LONE_CLAIM_TEXT, encoding="utf-8")
    out = tmp_path / "out"
    res = subprocess.run([str(Path(sys.executable).with_name("claimmap")), "build", str(art),
                          "--out", str(out)], capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr[-2000:]
    claims = json.loads((out / "aid-2026-05-01.claims.geojson").read_text())["features"]
    assert len(claims) == 1
    colour = CATEGORY_STYLE[claims[0]["properties"]["category"]][0]
    png = tmp_path / "render.png"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update({"QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(tmp_path)})
    os.chmod(tmp_path, 0o700)
    res = subprocess.run([SYSTEM_PYTHON, str(RENDER), str(out / "aid-2026-05-01.gpkg"), str(png)],
                         capture_output=True, text=True, env=env, timeout=300)
    assert res.returncode == 0, (res.stdout[-2000:], res.stderr[-2000:])
    rgb = tuple(int(colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
    image = Image.open(png).convert("RGB")
    # pixels of the category's colour, give or take antialiasing
    shown = sum(n for n, c in image.getcolors(maxcolors=image.width * image.height)
                if sum(abs(a - b) for a, b in zip(c, rgb)) <= 60)
    assert shown >= 12, shown
