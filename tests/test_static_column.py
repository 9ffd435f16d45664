"""The static map as a report uses it, built through the command line and checked in its
files: a map laid out for a report's column (``--width``) keeps every text at 7 pt or more
at that width; a one-place article gets a view with its surroundings; places far away get
one arrow per direction; the locator is titled by the places' country; a merged batch's
caption gives its range of dates; the report's claims table stays compact in Chromium.

The articles written here are short texts made up for these tests.
"""

from __future__ import annotations

import json
import re
import shutil
import struct
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from common import FIRST_ARTICLE, FIRST_SLUG, REPO

SVG = "{http://www.w3.org/2000/svg}"

ONE_PLACE = """Floods displace thousands in Kassala

12 August 2024

Heavy rain over the weekend flooded large parts of Kassala, local officials said on Monday.

About 4,000 families were displaced after the river burst its banks, the state health
ministry said. At least 12 people died, according to the civil defence.
"""


def _build(tmp_path, *args):
    from layers.cli import cli

    res = CliRunner().invoke(cli, ["build", *map(str, args)])
    return res


def _svg_texts(path: Path) -> tuple[float, list[tuple[str, float]]]:
    """The SVG's viewBox width and each <text>: its words and font size (user units)."""
    root = ET.parse(path).getroot()
    vb_width = float(root.get("viewBox").split()[2])
    out = []
    for el in root.iter(f"{SVG}text"):
        m = re.search(r"font-size:\s*([\d.]+)px", el.get("style", ""))
        words = " ".join("".join(el.itertext()).split())
        out.append((words, float(m.group(1)) if m else float("nan")))
    return vb_width, out


def _smallest_pt(path: Path, shown_px: float) -> float:
    """The smallest type (points) of an SVG shown `shown_px` CSS pixels wide (96 px to the
    inch, 72 pt to the inch)."""
    vb_width, texts = _svg_texts(path)
    assert texts
    return min(size * shown_px / vb_width * 72 / 96 for _, size in texts)


def _png_size_dpi(path: Path):
    data = path.read_bytes()
    w, h = struct.unpack(">II", data[16:24])
    i = data.index(b"pHYs")
    ppm = struct.unpack(">I", data[i + 4:i + 8])[0]
    return w, h, round(ppm * 0.0254)


@pytest.fixture(scope="module")
def column_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("column")
    res = _build(out, FIRST_ARTICLE, "--out", out, "--width", "column")
    assert res.exit_code == 0, res.output
    return out


def test_a_600px_column_keeps_every_text_at_7pt_or_more(column_build, tmp_path):
    """``--width column``: the SVG is 600 px wide; shown at that width no text is under
    7 pt, legend included; the PNG has 200/96 as many pixels; the report shows it at
    600 px. The default 8x6 in map shown in the same column has smaller type (the check
    tells them apart)."""
    svg = column_build / f"{FIRST_SLUG}.svg"
    root = ET.parse(svg).getroot()
    assert root.get("width") == "450pt"            # 600 CSS px
    assert _smallest_pt(svg, 600) >= 7.0 - 1e-6
    words = " ".join(t for t, _ in _svg_texts(svg)[1])
    for want in ("Claims by category", "International border", "Pokrovsk", "Kramatorsk",
                 "Sloviansk", "Avdiivka", "Ukraine"):
        assert want in words, want
    w, h, dpi = _png_size_dpi(column_build / f"{FIRST_SLUG}.png")
    assert (w, dpi) == (1250, 200) and h > w       # the legend under the map: taller
    report = (column_build / f"{FIRST_SLUG}.report.html").read_text(encoding="utf-8")
    assert re.search(r'<img src="data:image/png;base64,[^"]+" width="600"', report)

    default = tmp_path / "default"
    res = _build(tmp_path, FIRST_ARTICLE, "--out", default)
    assert res.exit_code == 0, res.output
    assert _smallest_pt(default / f"{FIRST_SLUG}.svg", 600) < 6.0


@pytest.mark.parametrize("width, px", [("page", 960), ("1280", 1280)])
def test_wider_presets_keep_7pt_too(tmp_path, width, px):
    from layers.builder import build
    from layers.render.static import write_static

    layers = build(str(FIRST_ARTICLE), date=date(2025, 6, 29))
    _, svg = write_static(layers, tmp_path / "m.png", tmp_path / "m.svg", width=width)
    assert ET.parse(svg).getroot().get("width") == f"{px * 0.75:g}pt"
    assert _smallest_pt(svg, px) >= 7.0 - 1e-6


@pytest.mark.parametrize("args, message", [
    (["--width", "100"], "out of range"),
    (["--width", "narrow"], "column, page, slide"),
    (["--width", "column", "--figure-size", "8x6"], "not both"),
])
def test_a_bad_width_fails_before_any_work(tmp_path, args, message):
    out = tmp_path / "out"
    res = _build(tmp_path, FIRST_ARTICLE, "--out", out, *args)
    assert res.exit_code == 2 and message in res.output
    assert not out.exists() or not any(out.iterdir())


def test_a_one_place_article_shows_the_towns_and_borders_around_it(tmp_path):
    """One town: a view some 200 km across (not a 40 km square of nothing), with other
    towns of the gazetteer and country names in it."""
    from layers.builder import build
    from layers.render.static import draw_map

    article = tmp_path / "floods-2024-08-12.txt"
    article.write_text(ONE_PLACE, encoding="utf-8")
    res = _build(tmp_path, article, "--out", tmp_path / "out")
    assert res.exit_code == 0, res.output
    texts = _svg_texts(tmp_path / "out" / "floods-2024-08-12.svg")[1]
    scale = [t for t, _ in texts if re.fullmatch(r"\d+ km", t)]
    assert scale and int(scale[0].split()[0]) >= 20, scale

    layers = build(str(article))
    assert len(layers.places) == 1
    d = draw_map(layers)
    x0, x1 = d.ax.get_xlim()
    y0, y1 = d.ax.get_ylim()
    assert min(x1 - x0, y1 - y0) >= 200_000
    context = [lab for lab in d.labels if lab.key.startswith("context:")]
    countries = [lab for lab in d.labels if lab.key.startswith("country:")]
    assert len(context) >= 2 and countries
    assert d.locator_title == "Sudan"


def _far_doc():
    """The first article's places and claims, and eleven places named in passing far
    away: five up one side, three another way, the rest one each (GeoNames coordinates)."""
    from test_static_map import _place, pokrovsk_doc

    doc = pokrovsk_doc()
    far = [("geonames:524901", "Moscow", 55.75222, 37.61556),
           ("geonames:625144", "Minsk", 53.9, 27.56667),
           ("geonames:498817", "Saint Petersburg", 59.93863, 30.31413),
           ("geonames:554234", "Kaliningrad", 54.70649, 20.51095),
           ("geonames:499099", "Samara", 53.20007, 50.15),
           ("geonames:703448", "Kyiv", 50.45466, 30.5238),
           ("geonames:702550", "Lviv", 49.83826, 24.02324),
           ("geonames:756135", "Warsaw", 52.22977, 21.01178),
           ("geonames:698740", "Odesa", 46.48572, 30.74383),
           ("geonames:745044", "Istanbul", 41.01384, 28.94966),
           ("geonames:611717", "Tbilisi", 41.69411, 44.83368)]
    doc.places += [_place(pid, name, lat, lon) for pid, name, lat, lon in far]
    return doc, {pid for pid, *_ in far}


def test_far_places_get_one_arrow_per_direction_with_a_count_and_names():
    from layers.render._pointers import SECTORS
    from layers.render.static import draw_map
    from test_static_map import _assert_no_overlap, layers_from_doc

    doc, far_ids = _far_doc()
    d = draw_map(layers_from_doc(doc))
    sectors = [s for s, _, _ in d.pointers]
    assert len(sectors) == len(set(sectors)) and set(sectors) <= set(SECTORS)
    assert len(d.pointers) < len(far_ids)
    assert {i for _, ids, _ in d.pointers for i in ids} == far_ids
    merged = [(ids, text) for _, ids, text in d.pointers if len(ids) > 1]
    assert merged
    for ids, text in merged:
        first, second = text.split("\n")
        assert re.fullmatch(rf"{len(ids)} places, [\d,]+(–[\d,]+)? km", second), text
        assert len(first) <= 34 + len(" +99 more")
    # one arrow marker per pointer on the map, and the labels clear of each other
    arrows = [ln for ln in d.ax.lines if ln.get_color() == "#333333"
              and ln.get_linestyle() == "None"]
    assert len(arrows) == len(d.pointers)
    _assert_no_overlap(d.label_boxes(kinds=("place", "region", "far", "country", "context")))


def test_a_storm_story_naming_many_far_cities_stacks_no_arrows(tmp_path):
    """Through the command line: cities named in passing hundreds of km away give at
    most one arrow per compass direction on the map."""
    from layers.builder import build
    from layers.render.static import draw_map

    article = tmp_path / "storm-2024-10-10.txt"
    article.write_text(
        "Storm floods coastal city as residents return\n\n10 October 2024\n\n"
        "The storm made landfall south of Sarasota late on Wednesday, flooding streets and "
        "cutting power to about 300,000 homes in the city, the utility said.\n\n"
        "At least 4 people died in Sarasota, local police said on Thursday.\n\n"
        "Emergency managers in Atlanta, Charlotte, Nashville, Raleigh, Richmond, Houston, "
        "Dallas and New Orleans had sent crews and supplies before the storm arrived.\n",
        encoding="utf-8")
    res = _build(tmp_path, article, "--out", tmp_path / "out")
    assert res.exit_code == 0, res.output
    d = draw_map(build(str(article)))
    named = sum(len(ids) for _, ids, _ in d.pointers)
    assert named >= 6                                    # the cities beyond the map
    sectors = [s for s, _, _ in d.pointers]
    assert len(sectors) == len(set(sectors)) <= 8
    assert len(d.pointers) < named
    svg_words = " ".join(t for t, _ in _svg_texts(tmp_path / "out" / "storm-2024-10-10.svg")[1])
    assert re.search(r"\d+ places, [\d,]+–[\d,]+ km", svg_words)


def test_the_locator_is_titled_by_the_country_most_places_are_in():
    """Most places (by their GeoNames country code) in Ukraine, the most mentioned one in
    an area Natural Earth draws inside Russia: the locator says Ukraine."""
    from layers.model import Claim
    from layers.render.static import draw_map
    from test_static_map import _doc, _place, layers_from_doc

    def place(pid, name, lat, lon, cc, mentions=1):
        p = _place(pid, name, lat, lon, mentions=mentions)
        p.country_code = cc
        return p

    places = [place("geonames:694423", "Sevastopol", 44.58883, 33.5224, "UA", mentions=4),
              place("geonames:706448", "Kherson", 46.65581, 32.6178, "UA"),
              place("geonames:700569", "Mykolaiv", 46.96591, 31.9974, "UA"),
              place("geonames:686967", "Zaporizhzhia", 47.82289, 35.19031, "UA")]
    claims = [Claim(claim_id=f"c{i}", article_id="edge", text="t", span_start=0, span_end=0,
                    category="military", place_ids=[p.place_id]) for i, p in enumerate(places)]
    d = draw_map(layers_from_doc(_doc(places, claims)))
    assert d.locator_title == "Ukraine"
    assert d.inset.get_title(loc="left") == "Ukraine"


def test_the_first_articles_locator_says_ukraine(first_layers):
    from layers.render.static import draw_map

    assert draw_map(first_layers).locator_title == "Ukraine"


def test_a_batch_map_gives_the_range_of_its_articles_dates(tmp_path):
    """``claimmap batch``: the static map's caption and the report give the first and last
    articles' dates, not the last one alone."""
    from layers.cli import cli

    folder = tmp_path / "desk"
    folder.mkdir()
    src = REPO / "tests" / "data" / "articles"
    for name in ("zaporizhzhia-2023-08-30.txt", "sahel-2024-07-30.txt",
                 "kharkiv-2024-05-20.txt"):
        shutil.copy(src / name, folder / name)
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["batch", str(folder), "--out", str(out), "--name", "desk",
                                   "--workers", "1"])
    assert res.exit_code == 0, res.output
    words = " ".join(t for t, _ in _svg_texts(out / "desk.svg")[1])
    assert re.search(r"\b[Pp]ublished 2023-08-30 to 2024-07-30\.", words), words
    assert not re.search(r"\b[Pp]ublished 2024-07-30", words)
    report = (out / "desk.report.html").read_text(encoding="utf-8")
    caption = report.split("<figcaption>", 1)[1]
    assert "published 2023-08-30 to 2024-07-30" in caption


def test_the_report_table_is_compact_with_the_sentence_on_demand(tmp_path):
    """The first article's claims, one row each: a short quote around each figure, the sentence in a
    <details>; in Chromium the table is well under half the height the full sentences
    made it (4,785 px at a 600 px column, 3,585 px at 800 px), and opening a quote shows
    the whole sentence."""
    from browser import browser_available, open_page

    from layers.render.report import QUOTE_CHARS

    out = tmp_path / "out"
    res = _build(tmp_path, FIRST_ARTICLE, "--out", out)
    assert res.exit_code == 0, res.output
    fragment = (out / f"{FIRST_SLUG}.report.html").read_text(encoding="utf-8")
    head = re.search(r"<thead>(.*?)</thead>", fragment, re.S).group(1)
    assert re.findall(r"<th>([^<(]+)", head) == ["Figure", "Place", "Date", "Source",
                                                   "Quote ", "Contested"]
    rows = re.findall(r"<tr>.*?</tr>", fragment.split("<tbody>", 1)[1], re.S)
    claims = json.loads((out / f"{FIRST_SLUG}.claims.geojson").read_text(encoding="utf-8"))["features"]
    assert len(rows) == len(claims) >= 16          # every claim a row; the 16 expected ones at least
    summaries = re.findall(r"<summary>(.*?)</summary>", fragment, re.S)
    assert len(summaries) >= 15
    assert all(len(s) <= QUOTE_CHARS + 4 for s in summaries)     # the quote and its ellipses
    assert any("100,000 people (troops)" in r for r in rows)
    assert any("110,000" in s for s in summaries)                # trimmed around the figure

    reason = browser_available()
    if reason:
        pytest.skip(reason)
    page_file = tmp_path / "page.html"
    page_file.write_text('<!doctype html><html><head><meta charset="utf-8"></head><body>'
                         + fragment + "</body></html>", encoding="utf-8")
    for width, before in ((600, 4785), (800, 3585)):
        with open_page(page_file, width=width, height=900, wait_ready=False) as (page, log):
            height = page.evaluate("document.querySelector('table.claimmap-claims')"
                                   ".getBoundingClientRect().height")
            assert height < before * 0.5, (width, height)
            if width == 800:
                details = page.locator("table.claimmap-claims details").first
                full = details.locator("p")
                assert not full.is_visible()
                details.locator("summary").click()
                assert full.is_visible()
                assert len(full.inner_text()) > QUOTE_CHARS
            assert not log.errors
