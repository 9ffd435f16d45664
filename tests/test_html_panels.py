"""The HTML map's panels in real Chromium (issue 19): a phone-sized page, labels at any
number of places, filters by article and source, the URL hash, export, the time control
and the message when a web base map cannot load.

The merged map is made as a user makes one: ``claimmap batch`` on a folder of six short
articles from six countries (tests/data/html_batch/desk, written for these tests).
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from browser import browser_available, open_page

from layers.render.html import write_html

REPO = Path(__file__).resolve().parents[1]
DESK = REPO / "tests" / "data" / "html_batch" / "desk"

_why_no_browser = browser_available()
pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(_why_no_browser is not None, reason=_why_no_browser or "")]

PHONE = (390, 844)
DESKTOP = (1400, 900)


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    """``claimmap batch`` on the six articles: (the HTML map, the claims CSV rows)."""
    out = tmp_path_factory.mktemp("desk")
    run = subprocess.run([sys.executable, "-m", "layers.cli", "batch", str(DESK), "--out", str(out),
                          "--workers", "1"], capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 0, run.stderr
    with open(out / "desk.claims.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    places = json.loads((out / "desk.places.geojson").read_text(encoding="utf-8"))
    return out / "desk.html", rows, places


@pytest.fixture(scope="module")
def first_map(first_layers, tmp_path_factory):
    layers = first_layers
    return write_html(layers, tmp_path_factory.mktemp("first") / f"{layers.doc.article.id}.html"), layers


def _open(page, panel: str):
    """Unfold a panel (a <details>) whether or not the layout folded it."""
    page.evaluate(f"document.querySelector('{panel}').open = true")


def _shown_claims(page) -> int:
    return page.evaluate("claimmap.counts().claims")


_CONTROLS_JS = """() => {
    const frame = document.querySelector('.folium-map').getBoundingClientRect();
    const controls = [...document.querySelectorAll('.leaflet-control')]
        .filter(c => c.offsetWidth && c.offsetHeight)
        .map(c => ({cls: c.className, r: c.getBoundingClientRect()}));
    const meet = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0 &&
        Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0;
    const pairs = [];
    controls.forEach((a, i) => controls.slice(i + 1).forEach(b => {
        if (meet(a.r, b.r)) { pairs.push([a.cls, b.cls]); } }));
    const symbols = [...document.querySelectorAll(
        '.leaflet-marker-pane .cm-claim, .leaflet-marker-pane .cm-cluster')]
        .map(e => e.getBoundingClientRect());
    const inside = r => r.left >= frame.left && r.right <= frame.right &&
        r.top >= frame.top && r.bottom <= frame.bottom;
    let drawn = document.querySelectorAll('.leaflet-marker-pane .cm-claim').length;
    document.querySelectorAll('.leaflet-marker-pane .cm-cluster span').forEach(
        s => { drawn += parseInt(s.textContent, 10); });
    return {
        overlapping: pairs,
        symbols: symbols.length,
        symbolsOutside: symbols.filter(r => !inside(r)).length,
        symbolsUnderControls: symbols.filter(s => controls.some(c => meet(s, c.r))).length,
        drawn: drawn,
        open: [...document.querySelectorAll('details.leaflet-control')].filter(d => d.open)
            .map(d => d.className),
        layersExpanded: !!document.querySelector('.leaflet-control-layers-expanded'),
        search: document.querySelector('.cm-search input').getBoundingClientRect().width,
    };
}"""


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("which", ["first", "desk"])
def test_map_first_and_no_control_over_another(which, size, first_map, desk, tmp_path):
    path, n = ((first_map[0], len(first_map[1].claims)) if which == "first"
               else (desk[0], len(desk[1])))
    with open_page(path, width=size[0], height=size[1]) as (page, log):
        page.wait_for_timeout(300)
        got = page.evaluate(_CONTROLS_JS)
        assert got["overlapping"] == [], got
        assert got["symbols"] > 0 and got["symbolsOutside"] == 0, got
        assert got["symbolsUnderControls"] == 0, got
        assert got["search"] >= 100, got                 # the search box is there, usable
        # every claim the default window shows is on the map (in a pin or a cluster)
        assert got["drawn"] == _shown_claims(page) > 0, got
        assert _shown_claims(page) <= n
        if size == PHONE:
            # the map first: every panel folded behind its button, the layers collapsed
            assert got["open"] == [] and not got["layersExpanded"], got
        else:
            assert any("cm-legend" in c for c in got["open"]) and got["layersExpanded"], got
        assert log.errors == [] and log.blocked == []


_LABELS_JS = """() => {
    const frame = document.querySelector('.folium-map').getBoundingClientRect();
    const labels = [...document.querySelectorAll('.cm-place-label')]
        .filter(l => getComputedStyle(l).visibility !== 'hidden')
        .map(l => ({text: l.firstChild ? l.firstChild.textContent : l.textContent,
                    r: l.getBoundingClientRect()}))
        .filter(l => l.r.right > frame.left && l.r.left < frame.right &&
                     l.r.bottom > frame.top && l.r.top < frame.bottom);
    const meet = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0 &&
        Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0;
    return {labels: labels.map(l => l.text),
            overlapping: labels.filter((l, i) => labels.some((m, j) => j !== i && meet(l.r, m.r)))
                .map(l => l.text)};
}"""


def test_labels_at_many_places_thinned_not_switched_off(desk):
    path, rows, places = desk
    assert len(places["features"]) > 40          # above the old cut-off of 40 places
    with open_page(path, width=DESKTOP[0], height=DESKTOP[1]) as (page, log):
        page.wait_for_timeout(300)
        world = page.evaluate(_LABELS_JS)
        assert len(world["labels"]) >= 5 and world["overlapping"] == [], world
        # zoomed in on each article's busiest place, its neighbours get their names
        by_article = {}
        for f in places["features"]:
            for art in f["properties"]["articles"].split("; "):
                by_article.setdefault(art, []).append(f)
        assert len(by_article) == 6
        for art, feats in sorted(by_article.items()):
            towns = [f for f in feats if f["properties"]["kind"] not in ("country", "admin1")]
            lon = sum(f["geometry"]["coordinates"][0] for f in towns) / len(towns)
            lat = sum(f["geometry"]["coordinates"][1] for f in towns) / len(towns)
            page.evaluate(f"void claimmap.state.map.setView([{lat}, {lon}], 6, {{animate: false}})")
            page.wait_for_timeout(200)
            near = page.evaluate(_LABELS_JS)
            assert near["overlapping"] == [], (art, near)
            names = {f["properties"]["name"] for f in towns}
            shown = [t for t in near["labels"] if any(n in t or t in n for n in names)]
            assert len(shown) >= min(3, len(towns)), (art, near["labels"], sorted(names))
        assert log.errors == []


def test_filters_by_article_and_source(desk):
    path, rows, _ = desk
    articles = sorted({r["article_id"] for r in rows})
    sources = {}
    for r in rows:
        sources[r["source"]] = sources.get(r["source"], 0) + 1
    source = max(sorted(sources), key=lambda s: sources[s])
    with open_page(path, width=DESKTOP[0], height=DESKTOP[1]) as (page, log):
        everything = _shown_claims(page)
        _open(page, ".cm-filters")
        # the articles go by their titles (the batch keeps them), not their file names
        titles = page.locator(".cm-filter-articles .cm-filter-label").all_inner_texts()
        assert "Heatwave grips northern India" in titles and len(titles) == len(articles)
        page.click(".cm-filters .cm-filter-head:has-text('Articles') .cm-filter-none")
        assert _shown_claims(page) == 0
        page.locator(".cm-filter-articles input").first.check()
        first = page.locator(".cm-filter-articles input").first.get_attribute("value")
        art = page.evaluate(f"claimmap.core.S[{first}]")
        assert art in articles
        assert _shown_claims(page) == sum(r["article_id"] == art for r in rows)
        page.click(".cm-filters .cm-filter-head:has-text('Articles') .cm-filter-all")
        assert _shown_claims(page) == everything
        # one source only: the rows of the CSV with that source (the date window aside)
        page.evaluate("claimmap.setDates(null, null, true)")
        page.click(".cm-filters .cm-filter-head:has-text('Sources') .cm-filter-none")
        row = page.locator(".cm-filter-sources .cm-filter-row", has_text=re.compile(
            "^" + re.escape(source)))
        row.first.locator("input").check()
        assert _shown_claims(page) == sources[source]
        assert log.errors == []


def test_a_link_reopens_the_same_view_filters_and_claim(first_map):
    path, layers = first_map
    claim = layers.claims.sort_values("claim_id").iloc[0]["claim_id"]
    with open_page(path, width=DESKTOP[0], height=DESKTOP[1]) as (page, log):
        cat = page.evaluate("claimmap.core.D.categories[claimmap.core.D.categories.length - 1].slug")
        page.evaluate("""cat => { const c = claimmap.core;
            c.map.removeLayer(c.categoryToggles[c.D.categories.length - 1]); }""", cat)
        window = page.evaluate("claimmap.timeWindow()")
        page.evaluate(f"claimmap.setDates({window['def'][0] + 30}, {window['def'][1]}, false)")
        page.evaluate("void claimmap.state.map.setView([48.5, 37.3], 9, {animate: false})")
        page.evaluate("id => new Promise(done => claimmap.reveal(id, m => { "
                      "claimmap.core.openClaimPopup(m); done(true); }))", claim)
        page.wait_for_timeout(600)
        state = page.evaluate("""() => ({hash: location.hash, centre: claimmap.state.map.getCenter(),
            zoom: claimmap.state.map.getZoom(), counts: claimmap.counts(),
            window: claimmap.timeWindow(),
            claim: document.querySelector('.leaflet-popup .cm-card-claim')
                   .getAttribute('data-claim-id')})""")
        assert log.errors == []
    assert state["claim"] == claim and "claim=" in state["hash"] and "cat=" in state["hash"]
    with open_page(path, width=DESKTOP[0], height=DESKTOP[1], fragment=state["hash"]) as (page, log):
        page.locator(".leaflet-popup .cm-card-claim").wait_for(state="visible")
        again = page.evaluate("""() => ({centre: claimmap.state.map.getCenter(),
            zoom: claimmap.state.map.getZoom(), counts: claimmap.counts(),
            window: claimmap.timeWindow(), cats: claimmap.core.catOn.slice(),
            claim: document.querySelector('.leaflet-popup .cm-card-claim')
                   .getAttribute('data-claim-id')})""")
        page.wait_for_timeout(400)
        assert page.evaluate("location.hash") == state["hash"]     # read back: the same state
        assert log.errors == []
    assert again["claim"] == claim
    assert again["zoom"] == state["zoom"]
    assert abs(again["centre"]["lat"] - state["centre"]["lat"]) < 1e-4
    assert abs(again["centre"]["lng"] - state["centre"]["lng"]) < 1e-4
    assert again["counts"] == state["counts"]
    assert again["cats"][-1] is False and all(again["cats"][:-1])
    for key in ("from", "to", "undated"):
        assert again["window"][key] == state["window"][key]


def test_export_of_the_claims_shown(first_map, tmp_path):
    path, layers = first_map
    with open_page(path, width=DESKTOP[0], height=DESKTOP[1]) as (page, log):
        window = page.evaluate("claimmap.timeWindow()")
        page.evaluate(f"claimmap.setDates({window['full'][1] - 400}, null, false)")
        shown = _shown_claims(page)
        assert 0 < shown < len(layers.claims)
        _open(page, ".cm-tools")
        with page.expect_download() as dl:
            page.click(".cm-export-geojson")
        gj_path = tmp_path / dl.value.suggested_filename
        dl.value.save_as(gj_path)
        with page.expect_download() as dl:
            page.click(".cm-export-csv")
        csv_path = tmp_path / dl.value.suggested_filename
        dl.value.save_as(csv_path)
        assert log.errors == [] and log.blocked == []
    assert gj_path.suffix == ".geojson" and csv_path.suffix == ".csv"
    gj = json.loads(gj_path.read_text(encoding="utf-8"))
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == shown
    import geopandas as gpd
    import shapely

    frame = gpd.read_file(gj_path)                       # GDAL reads it as GeoJSON
    assert len(frame) == shown and frame.geometry.is_valid.all()
    for f in gj["features"]:
        assert f["type"] == "Feature" and f["geometry"]["type"] in ("Point", "LineString")
        assert shapely.geometry.shape(f["geometry"]).is_valid
        lon, lat = f["geometry"]["coordinates"][:2] if f["geometry"]["type"] == "Point" \
            else f["geometry"]["coordinates"][0]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert {"claim_id", "category", "text", "source", "date_start"} <= set(f["properties"])
    ids = {f["properties"]["claim_id"] for f in gj["features"]}
    assert ids <= set(layers.claims["claim_id"])
    rows = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8"))))
    assert len(rows) == shown and {r["claim_id"] for r in rows} == ids
    by_id = layers.claims.set_index("claim_id")
    for r in rows:
        assert " ".join(r["text"].split()) == " ".join(by_id.loc[r["claim_id"], "text"].split())


def test_playback_advances_the_window(desk):
    path, rows, _ = desk
    with open_page(path, width=DESKTOP[0], height=DESKTOP[1]) as (page, log):
        page.evaluate("claimmap.playInterval = 250")
        _open(page, ".cm-dates")
        assert page.locator(".cm-histogram rect.cm-hist-all").count() >= 3   # the histogram
        before = page.evaluate("claimmap.timeWindow()")
        page.click(".cm-play")
        page.wait_for_timeout(300)
        first = page.evaluate("[claimmap.timeWindow(), claimmap.counts().claims]")
        assert first[0]["playing"] and first[0]["to"] - first[0]["from"] < before["to"] - before["from"]
        page.wait_for_timeout(900)
        later = page.evaluate("[claimmap.timeWindow(), claimmap.counts().claims]")
        assert later[0]["from"] > first[0]["from"] and later[0]["to"] > first[0]["to"]
        # it plays to the end of the range, then stops
        page.wait_for_function("!claimmap.timeWindow().playing", timeout=30_000)
        end = page.evaluate("claimmap.timeWindow()")
        assert end["to"] == end["domain"][1]
        assert log.errors == []


def test_default_window_keeps_outliers_out_and_the_full_range_in_reach(desk):
    path, rows, _ = desk
    with open_page(path, width=DESKTOP[0], height=DESKTOP[1]) as (page, log):
        w = page.evaluate("claimmap.timeWindow()")
        # one article recalls an earlier year: it is left out of the default window
        assert w["full"][0] < w["def"][0] and w["def"][1] == w["full"][1]
        assert _shown_claims(page) < len(rows)
        _open(page, ".cm-dates")
        assert "outside this range" in page.inner_text(".cm-time-status")
        page.click(".cm-all-dates")
        w = page.evaluate("claimmap.timeWindow()")
        assert (w["from"], w["to"]) == tuple(w["full"]) and _shown_claims(page) == len(rows)
        # the rule itself, on dates (days): one far outlier goes; two real eras stay
        rule = page.evaluate("""() => {
            const w = (d) => { const r = claimmap.defaultWindow(d, d.map(() => null));
                               return [r.from, r.to, r.left]; };
            const story = [20000, 20005, 20010, 20012, 20020, 20030, 20031, 20040, 20050, 20060];
            return {outlier: w([12700].concat(story)), late: w(story.concat([23000])),
                    eras: w([15000, 15002, 15010, 15020, 20000, 20005, 20010, 20015]),
                    few: w([12700, 20000, 20010])}; }""")
        assert rule["outlier"] == [20000, 20060, 1]
        assert rule["late"] == [20000, 20060, 1]
        assert rule["eras"] == [15000, 20015, 0]
        assert rule["few"] == [12700, 20010, 0]
        assert log.errors == []


def test_a_web_base_map_that_cannot_load_says_so(first_map):
    path, _ = first_map
    with open_page(path, width=DESKTOP[0], height=DESKTOP[1]) as (page, log):
        assert page.evaluate("claimmap.baseMapAlert()") == ""
        page.locator(".leaflet-control-layers-base label", has_text="OpenStreetMap").locator(
            "input").check()
        page.locator(".cm-alert").wait_for(state="visible", timeout=15_000)
        text = page.inner_text(".cm-alert")
        assert "OpenStreetMap cannot load" in text and "offline outline" in text
        assert log.blocked                                    # it did try the network
        # the outline stays drawn underneath the failed tiles
        assert page.evaluate("claimmap.state.map.hasLayer(claimmap.layers.outline)")
        assert page.evaluate("getComputedStyle(claimmap.state.map.getPane('cmOutline'))"
                             ".display") != "none"
        page.click(".cm-alert-back")
        assert page.evaluate("claimmap.baseMapAlert()") == ""
        assert page.locator(".leaflet-control-layers-base input").first.is_checked()
        assert page.evaluate("claimmap.state.map.hasLayer(claimmap.layers.outline)")


def test_panels_show_article_text_as_text_and_export_formulas_as_text(tmp_path):
    """A source or title with markup shows as those characters in the filter list; a cell
    a spreadsheet would run as a formula is exported with a leading quote (as the CSV
    layer is)."""
    from datetime import date

    from layers.builder import layers_from_doc
    from layers.model import Article, Claim, ClaimsDoc, PlaceRecord

    evil = '<img src=x onerror="alert(1)">'
    text = "Officials said 300 homes were damaged in Kherson. Others said 500."
    art = Article(id="evil-2024-01-02", text=text, title="Floods " + evil,
                  published=date(2024, 1, 2), source="Desk")
    places = [PlaceRecord("geonames:706448", "Kherson", "populated_place", 46.65581, 32.6178,
                          geonameid=706448, country_code="UA", mentions=1, surfaces=["Kherson"])]
    claims = [
        Claim("homes-1", art.id, text[:49], 0, 49, "humanitarian", ["geonames:706448"],
              measure="homes_damaged", value=300, unit="homes", date_start="2024-01-01",
              time_precision="day", source='=HYPERLINK("http://example.invalid")'),
        Claim("homes-2", art.id, text[50:], 50, len(text), "humanitarian", ["geonames:706448"],
              measure="homes_damaged", value=500, unit="homes", date_start="2024-01-02",
              time_precision="day", source=evil),
    ]
    layers = layers_from_doc(ClaimsDoc(article=art, places=places, claims=claims))
    path = write_html(layers, tmp_path / "evil-2024-01-02.html")
    with open_page(path, width=DESKTOP[0], height=DESKTOP[1]) as (page, log):
        _open(page, ".cm-filters")
        labels = page.locator(".cm-filter-sources .cm-filter-label").all_inner_texts()
        assert evil in labels
        assert page.evaluate("document.querySelectorAll('img[src=\"x\"], img[onerror]').length") == 0
        got = list(csv.DictReader(io.StringIO(page.evaluate("claimmap.exportCSV()"))))
        assert log.dialogs == [] and log.errors == []
    by_id = {r["claim_id"]: r for r in got}
    assert by_id["homes-1"]["source"] == '\'=HYPERLINK("http://example.invalid")'
    assert by_id["homes-2"]["source"] == evil
    assert by_id["homes-1"]["article_title"] == "Floods " + evil


def test_a_claim_card_on_a_phone_fits_and_covers_no_button(first_map):
    path, layers = first_map
    claim = layers.claims.sort_values("claim_id").iloc[0]["claim_id"]
    with open_page(path, width=PHONE[0], height=PHONE[1]) as (page, log):
        page.evaluate("id => new Promise(done => claimmap.reveal(id, m => { "
                      "claimmap.core.openClaimPopup(m); done(true); }))", claim)
        page.locator(".leaflet-popup .cm-card-claim").wait_for(state="visible")
        page.wait_for_timeout(500)                   # the pan that brings the card in
        got = page.evaluate("""() => {
            const card = document.querySelector('.leaflet-popup').getBoundingClientRect();
            const meet = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0 &&
                Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0;
            const controls = [...document.querySelectorAll('.leaflet-control')]
                .filter(c => c.offsetWidth && c.offsetHeight);
            return {card: [card.left, card.top, card.right, card.bottom],
                    under: controls.filter(c => meet(card, c.getBoundingClientRect()))
                        .map(c => c.className)}; }""")
        left, top, right, bottom = got["card"]
        assert left >= 0 and top >= 0 and right <= PHONE[0] and bottom <= PHONE[1], got
        assert got["under"] == [], got
        assert log.errors == []
