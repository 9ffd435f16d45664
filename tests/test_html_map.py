"""The HTML map (layers/render_html.py): structure, escaping, and a real headless browser.

The browser tests open the page in Debian's Chromium through Playwright with every
network request aborted (tests/browser.py). They skip only when /usr/bin/chromium or the
playwright package is missing; CI installs both.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from browser import browser_available, open_page

from layers.render._html_data import date_interval, map_data, script_json
from layers.model import Article, Claim, ClaimsDoc, PlaceRecord
from layers.render.html import render_page, write_embed, write_html
from layers.symbology import category_style

REPO = Path(__file__).resolve().parents[1]
from common import SHARED  # noqa: E402
ARTICLE = SHARED / "articles" / "pokrovsk-2025-06-29.txt"

_why_no_browser = browser_available()
browser = pytest.mark.skipif(_why_no_browser is not None, reason=_why_no_browser or "")

INJECT = '<img src=x onerror="alert(1)"></script><script>window.__pwned=1</script>{{ 7*7 }}'


# --------------------------------------------------------------------------- test layers

def _doc(article_id="sample-2025-06-29", title="Sample: Pokrovsk and Kramatorsk", inject=""):
    """A small ClaimsDoc at real GeoNames points (the acceptance sheet's coordinates)."""
    text = ("Pokrovsk, once home to 60,000 residents, is under siege. "
            "Its population has dwindled to 7,000, per local officials. "
            "Roads link Pokrovsk to Kramatorsk. " + inject)
    art = Article(id=article_id, text=text, title=title + inject, published=date(2025, 6, 29),
                  source="Example News" + inject)
    places = [
        PlaceRecord("geonames:704422", "Pokrovsk" + inject, "populated_place", 48.28014, 37.17706,
                    geonameid=704422, country_code="UA", admin1="UA.05", mentions=2,
                    surfaces=["Pokrovsk", "Pokrovsk" + inject] if inject else ["Pokrovsk"]),
        PlaceRecord("geonames:704508", "Kramatorsk", "populated_place", 48.73106, 37.56779,
                    geonameid=704508, country_code="UA", admin1="UA.05", mentions=1,
                    surfaces=["Kramatorsk"]),
        PlaceRecord("geonames:713122", "Avdiivka", "populated_place", 48.14019, 37.75008,
                    geonameid=713122, country_code="UA", admin1="UA.05", mentions=1,
                    surfaces=["Avdiivka"]),
    ]
    s1, s2, s3 = (text[:57], text[57:118], text[118:])
    claims = [
        Claim("population-before", art.id, s1, 0, 57, "humanitarian", ["geonames:704422"],
              measure="population", value=60000, unit="people", qualifier="once" + inject),
        Claim("population-now", art.id, s2 + inject, 57, 118, "humanitarian", ["geonames:704422"],
              measure="population", value=7000, unit="people", date_start="2025-06-29",
              time_precision="day", source="local officials" + inject, contested=True,
              conflicts_with=["population-before"], period=inject),
        Claim("siege", art.id, s1, 0, 57, "military", ["geonames:704422"],
              date_start="2024-12", time_precision="month"),
        Claim("roads", art.id, s3, 118, len(text), "infrastructure",
              ["geonames:704422", "geonames:704508"], relation="supply_route",
              date_start="2024", time_precision="year"),
        Claim("avdiivka", art.id, "Russia captured Avdiivka in February 2024.", 0, 10,
              "territorial", ["geonames:713122"], date_start="2024-02", time_precision="month"),
    ]
    return ClaimsDoc(article=art, places=places, claims=claims)


def _layers(doc):
    from layers.builder import layers_from_doc

    return layers_from_doc(doc)


@pytest.fixture(scope="module")
def sample():
    return _layers(_doc())


@pytest.fixture(scope="module")
def injected():
    return _layers(_doc(article_id="inject-2025-06-29", inject=INJECT))


@pytest.fixture(scope="module")
def first_article(first_layers):
    """The first article's real build (conftest's `first_layers`)."""
    return first_layers


def _data_block(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="claimmap-data">(.*?)</script>', page, re.DOTALL)
    assert m, "no data block"
    return json.loads(m.group(1))


# --------------------------------------------------------------------------- structure

def test_page_is_self_contained(sample):
    page = render_page(sample)
    assert "<script src=" not in page and "<link " not in page
    assert not re.search(r"""url\((?!["']?(?:data:|#))""", page)   # every CSS image inlined
    assert "leafletjs.com" in page and "L.MarkerClusterGroup" in page
    assert page.count('<script type="application/json"') == 2  # the layers and the outlines
    assert "GeoNames</a> (CC BY 4.0)" in page and "Natural Earth" in page
    for tiles in ("tile.openstreetmap.org", "World_Light_Gray_Base", "World_Imagery"):
        assert tiles in page  # offered, fetched only when a reader picks them


def test_same_input_same_bytes(sample):
    assert render_page(sample) == render_page(sample)


def test_data_block_holds_every_feature(sample):
    data = _data_block(render_page(sample))
    assert data["claims"]["n"] == len(sample.claims) == 5
    assert sorted(data["claims"]["id"]) == sorted(sample.claims["claim_id"])
    assert len(data["places"]) == len(sample.places)
    assert len(data["links"]) == len(sample.links) == 1
    assert [c["key"] for c in data["categories"]] == [
        "military", "humanitarian", "infrastructure", "territorial"]  # the order of CATEGORIES
    assert all(c["colour"] == category_style(c["key"])[0] for c in data["categories"])
    i = data["claims"]["id"].index("population-now")
    assert data["strings"][data["claims"]["source"][i]] == "local officials"
    assert data["claims"]["value"][i] == 7000 and data["claims"]["contested"][i] == 1
    j = data["claims"]["id"].index("roads")
    assert data["claims"]["line"][j] == 1
    assert (data["claims"]["lat"][j], data["claims"]["lon"][j]) == (48.28014, 37.17706)
    assert data["dates"] == {"min": date_interval("2024")[0], "max": date_interval("2025-06-29")[1]}


def test_embed_page(sample):
    page = render_page(sample, embed=True)
    assert '"embed": true' in page and '"full_page": "sample-2025-06-29.html"' in page
    assert '"scrollWheelZoom": false' in page                 # the report page scrolls
    assert '"scrollWheelZoom": true' in render_page(sample)


@pytest.mark.parametrize("start,end,expected", [
    ("2025-06-29", "", ("2025-06-29", "2025-06-29")),
    ("2024-12", "", ("2024-12-01", "2024-12-31")),
    ("2024-02", "", ("2024-02-01", "2024-02-29")),
    ("2024", "", ("2024-01-01", "2024-12-31")),
    ("2024-12", "2025-01", ("2024-12-01", "2025-01-31")),
])
def test_date_interval(start, end, expected):
    lo, hi = date_interval(start, end)
    epoch = date(1970, 1, 1).toordinal()
    assert (date.fromordinal(lo + epoch).isoformat(), date.fromordinal(hi + epoch).isoformat()) == expected


@pytest.mark.parametrize("bad", ["", "someday", "2024-13", "2025-02-30"])
def test_date_interval_none(bad):
    assert date_interval(bad) is None


def test_outline_asset_is_up_to_date():
    """The page embeds assets/outlines.json as it is: it must be what outline_data() makes
    of geo/data's outlines now (else run scripts/encode_outlines.py)."""
    from layers.render._html_data import OUTLINE_ASSET, outline_data

    shipped = OUTLINE_ASSET.read_text(encoding="utf-8")
    assert shipped == script_json(outline_data()), "run scripts/encode_outlines.py"
    decoded = json.loads(shipped)
    names = {name for name, _polys in decoded["countries"]}
    assert {"Ukraine", "Sudan", "Brazil", "Australia", "Japan"} <= names


def test_script_json_cannot_end_the_script():
    value = {"t": "</script><!-- <script>alert(1)</script> & \u2028"}
    text = script_json(value)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == value


def test_injection_is_data_not_markup(injected):
    page = render_page(injected)
    assert "<img src=x" not in page
    assert "window.__pwned=1</script>" not in page
    assert "{{ 7*7 }}" not in page or "49" not in page.split("{{ 7*7 }}")[0][-5:]
    data = _data_block(page)
    assert INJECT in data["article"]["title"]                       # kept, as text
    i = data["claims"]["id"].index("population-now")
    assert data["strings"][data["claims"]["text"][i]].endswith(INJECT)
    assert "{{ 7*7 }}" in json.dumps(data)                           # not run as a template
    title = re.search(r"<title>(.*?)</title>", page, re.DOTALL).group(1)
    assert "&lt;img src=x" in title and "<img" not in title


def test_unknown_category_gets_the_fallback_style():
    import geopandas as gpd
    from shapely.geometry import Point

    from layers.schema import (
        CLAIM_COLUMNS,
        LINK_COLUMNS,
        PLACE_COLUMNS,
        REGION_COLUMNS,
    )

    class L:
        doc = _doc()
        places = gpd.GeoDataFrame({c: [] for c in PLACE_COLUMNS}, geometry=[], crs=4326)
        links = gpd.GeoDataFrame({c: [] for c in LINK_COLUMNS}, geometry=[], crs=4326)
        regions = gpd.GeoDataFrame({c: [] for c in REGION_COLUMNS}, geometry=[], crs=4326)
        claims = gpd.GeoDataFrame(
            {c: ["x"] for c in CLAIM_COLUMNS} | {"category": ['"><b>odd</b>'], "value": [None]},
            geometry=[Point(30.5, 50.45)], crs=4326)

    data = map_data(L, tiles=[])
    (cat,) = data["categories"]
    assert cat["colour"] == "#777777" and re.fullmatch(r"[a-z0-9_-]+", cat["slug"])
    assert cat["glyph"][1]                                            # the fallback icon


def test_write_is_atomic(sample, tmp_path):
    out = write_html(sample, tmp_path / "a" / "sample.html")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    write_embed(sample, tmp_path / "a" / "sample.embed.html")
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["sample.embed.html", "sample.html"]

    class Broken:
        doc = sample.doc
        places = sample.places
        links = sample.links
        regions = sample.regions

        @property
        def claims(self):
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        write_html(Broken(), tmp_path / "b" / "broken.html")
    assert not (tmp_path / "b").exists() or not any((tmp_path / "b").iterdir())


# --------------------------------------------------------------------------- browser

def _dom_claims(page) -> int:
    """Claims drawn: pins on the map plus the counts on cluster icons."""
    return page.evaluate("""() => {
        let n = document.querySelectorAll('.leaflet-marker-pane .cm-claim').length;
        document.querySelectorAll('.leaflet-marker-pane .cm-cluster span').forEach(
            s => { n += parseInt(s.textContent, 10); });
        return n; }""")


def _check_drawn(page, layers):
    counts = page.evaluate("claimmap.counts()")
    assert counts["claims"] == len(layers.claims)
    assert counts["places"] == len(layers.places)
    assert counts["links"] == len(layers.links)
    assert counts["regions"] == len(layers.regions)
    assert _dom_claims(page) == len(layers.claims)
    assert page.locator("path.cm-place").count() == len(layers.places)
    assert page.locator("path.cm-link").count() == len(layers.links)
    assert page.locator(".cm-arrow").count() == len(layers.links)
    return counts


def _click_claim(page, claim_id: str):
    """Bring a claim's pin onto the map (spiderfy or zoom) and click it with the mouse."""
    assert page.evaluate("id => new Promise(done => claimmap.reveal(id, () => done(true)))",
                         claim_id)
    page.wait_for_timeout(400)  # the spiderfy animation
    page.locator(f'.cm-claim[data-claim-id="{claim_id}"]').click()
    card = page.locator(".leaflet-popup-content .cm-card-claim")
    card.wait_for(state="visible")
    return card


def _save_screenshot(page, tmp_path, name):
    """Screenshot into tmp_path, and into $CLAIMMAP_SCREENSHOTS (a folder) for people to see."""
    shot = tmp_path / name
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    keep = os.environ.get("CLAIMMAP_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, Path(keep) / name)
    return shot


def _check_clean(log):
    assert log.errors == [], log.errors
    assert log.dialogs == [], log.dialogs
    assert log.blocked == [], log.blocked  # the default base map is offline: no tile requests


@browser
@pytest.mark.browser
def test_sample_map_in_chromium(sample, tmp_path):
    path = write_html(sample, tmp_path / "sample-2025-06-29.html")
    with open_page(path) as (page, log):
        assert page.evaluate("typeof L === 'object' && L.version") == "1.9.4"
        _check_drawn(page, sample)

        # a claim's popup reads like a source card
        card = _click_claim(page, "population-now")
        text = card.inner_text()
        row = sample.claims.set_index("claim_id").loc["population-now"]
        assert row["text"] in text and "local officials" in text
        assert "7,000 people" in text and "contested" in text.lower()
        assert "Sample: Pokrovsk and Kramatorsk" in text and "2025-06-29" in text
        assert "60,000 people" in text                     # what it conflicts with

        # the date filter: only claims dated in December 2024 (and no undated ones)
        lo, hi = date_interval("2024-12")
        page.evaluate(f"claimmap.setDates({lo}, {hi}, false)")
        assert page.evaluate("claimmap.counts().claims") == 2    # siege (2024-12), roads (2024)
        page.evaluate("claimmap.setDates(null, null, true)")
        assert page.evaluate("claimmap.counts().claims") == len(sample.claims)

        # search by place name opens the place's card
        page.fill(".cm-search input", "kramat")
        page.press(".cm-search input", "Enter")
        page.locator(".leaflet-popup-content .cm-card-place").wait_for(state="visible")
        assert "Kramatorsk" in page.locator(".leaflet-popup-content .cm-card-place").inner_text()
        page.keyboard.press("Escape")

        # the measure tool measures (and loads no image from a relative path)
        toggle = page.locator(".leaflet-control-measure-toggle").bounding_box()
        page.mouse.move(toggle["x"] + 5, toggle["y"] + 5)
        page.click(".leaflet-control-measure .js-start")
        box = page.locator(".folium-map").bounding_box()
        results = page.locator(".leaflet-control-measure .js-results")
        # leaflet-measure takes two clicks in quick succession for a double click (which
        # ends the measure), and a click that lands on a marker or label places no point:
        # place the first point on open map, wait for it, then the second
        first = None
        for dx, dy in ((420, 380), (300, 250), (500, 200), (250, 450), (600, 300)):
            page.mouse.click(box["x"] + dx, box["y"] + dy)
            try:
                page.wait_for_function("() => /Last point/.test(document.querySelector("
                                       "'.leaflet-control-measure .js-results').innerText)",
                                       timeout=3000)
            except Exception:
                continue
            first = (dx, dy)
            break
        assert first, "no click on the map placed a measure point"
        for ddx, ddy in ((140, 40), (-120, 60), (100, -90), (-80, -70)):
            page.wait_for_timeout(400)
            page.mouse.click(box["x"] + first[0] + ddx, box["y"] + first[1] + ddy)
            try:
                page.wait_for_function("() => /Path distance/.test(document.querySelector("
                                       "'.leaflet-control-measure .js-results').innerText)",
                                       timeout=3000)
                break
            except Exception:
                continue
        assert "Path distance" in results.inner_text()
        page.click(".leaflet-control-measure .js-finish")
        assert page.locator(".leaflet-control-fullscreen, .leaflet-control-zoom-fullscreen").count()
        _check_clean(log)


@browser
@pytest.mark.browser
def test_first_article_map_in_chromium(first_article, tmp_path):
    layers = first_article
    path = write_html(layers, tmp_path / f"{layers.doc.article.id}.html")
    with open_page(path) as (page, log):
        assert page.evaluate("typeof L === 'object' && L.version") == "1.9.4"
        counts = _check_drawn(page, layers)
        _save_screenshot(page, tmp_path, "pokrovsk-2025-06-29.html.png")

        # clicking a claim opens its card with the right sentence and source
        claims = layers.claims.sort_values("claim_id")
        attributed = claims[claims["source"] != "unattributed"]
        row = (attributed if len(attributed) else claims).iloc[0]
        text = _click_claim(page, row["claim_id"]).inner_text()
        assert " ".join(row["text"].split()) in " ".join(text.split())
        assert row["source"] in text
        page.keyboard.press("Escape")
        page.click(".cm-fit")                                 # back to the whole map
        page.wait_for_timeout(300)
        assert _dom_claims(page) == len(layers.claims)

        # unticking a category in the layer control hides its markers
        cat = claims["category"].value_counts().index[0]
        n_cat = int((claims["category"] == cat).sum())
        label = page.locator(".leaflet-control-layers-overlays label", has_text=re.compile(
            rf"^\s*{re.escape(category_style(cat)[2])} \([\d,]+\)"))
        label.locator("input").click()
        after = page.evaluate("claimmap.counts()")
        assert after["claimsByCategory"][cat] == 0
        assert after["claims"] == counts["claims"] - n_cat
        page.wait_for_timeout(300)                         # cluster animations
        assert page.locator(f'.cm-claim[data-category="{cat}"]').count() == 0
        assert _dom_claims(page) == len(layers.claims) - n_cat
        label.locator("input").click()
        assert page.evaluate("claimmap.counts().claims") == len(layers.claims)
        _check_clean(log)


@browser
@pytest.mark.browser
def test_injection_runs_nothing(injected, tmp_path):
    path = write_html(injected, tmp_path / "inject-2025-06-29.html")
    with open_page(path) as (page, log):
        _check_drawn(page, injected)
        card = _click_claim(page, "population-now")
        assert INJECT in card.inner_text()          # shown as text
        page.hover('.cm-claim[data-claim-id="population-now"]')
        page.evaluate("claimmap.openPlace('geonames:704422')")
        page.locator(".leaflet-popup-content .cm-card-place").wait_for(state="visible")
        assert page.title() == injected.doc.article.title
        found = page.evaluate("""() => ({
            pwned: window.__pwned,
            imgs: document.querySelectorAll('img[src="x"], img[onerror]').length,
            handlers: [...document.querySelectorAll('*')].filter(
                e => [...e.attributes].some(a => a.name === 'onerror')).length,
            scripts: document.scripts.length })""")
        assert found == {"pwned": None, "imgs": 0, "handlers": 0, "scripts": found["scripts"]}
        assert found["scripts"] == page.evaluate(
            "document.querySelectorAll('head script, body > script').length")
        page.wait_for_timeout(400)                         # the popups' fade
        _save_screenshot(page, tmp_path, "inject-2025-06-29.html.png")
        assert log.dialogs == []
        _check_clean(log)


@browser
@pytest.mark.browser
def test_embed_page_in_chromium(sample, tmp_path):
    path = write_embed(sample, tmp_path / "sample-2025-06-29.embed.html")
    with open_page(path, width=800, height=500) as (page, log):
        _check_drawn(page, sample)
        assert page.locator(".leaflet-control-layers-expanded").count() == 0   # collapsed
        assert page.get_attribute(".cm-full-link", "href") == "sample-2025-06-29.html"
        _save_screenshot(page, tmp_path, "sample-2025-06-29.embed.html.png")
        _check_clean(log)


# ------------------------------------------------------------------- layout (what an editor sees)

_LAYOUT_JS = """() => {
    const frame = document.querySelector('.folium-map').getBoundingClientRect();
    const controls = [...document.querySelectorAll('.leaflet-control')]
        .map(c => c.getBoundingClientRect()).filter(r => r.width && r.height);
    const meet = (a, b, slack = 0) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > slack &&
        Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > slack;
    const inside = (r) => r.left >= frame.left && r.right <= frame.right &&
        r.top >= frame.top && r.bottom <= frame.bottom;
    // a country's point (its capital or centre) is context: it may lie outside the view
    const dots = [...document.querySelectorAll('path.cm-place:not(.cm-kind-country)')].map(p => {
        const r = p.getBoundingClientRect();
        return {x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2, r: r};
    });
    const symbols = [...document.querySelectorAll(
        '.leaflet-marker-pane .cm-claim, .leaflet-marker-pane .cm-cluster')]
        .map(e => e.getBoundingClientRect());
    const labels = [...document.querySelectorAll('.cm-place-label')]
        .filter(l => getComputedStyle(l).visibility !== 'hidden')
        .map(l => ({text: l.textContent, r: l.getBoundingClientRect()}));
    return {
        dotsUnderControls: dots.filter(d => controls.some(c => meet(d.r, c))).length,
        dotsOffMap: dots.filter(d => !inside(d.r)).length,
        dotsUnderSymbols: dots.filter(d => symbols.some(s => d.x > s.left && d.x < s.right &&
                                                             d.y > s.top && d.y < s.bottom)).length,
        symbolsUnderControls: symbols.filter(s => controls.some(c => meet(s, c))).length,
        labels: labels.map(l => l.text),
        labelsCut: labels.filter(l => !inside(l.r)).map(l => l.text),
        labelsUnderControls: labels.filter(l => controls.some(c => meet(l.r, c))).map(l => l.text),
        labelsOverlapping: labels.filter((l, i) => labels.some((m, j) => j !== i && meet(l.r, m.r)))
            .map(l => l.text),
        // a label may graze the corner of a symbol's box (the round badge leaves it empty)
        labelsUnderSymbols: labels.filter(l => symbols.some(s => meet(l.r, s, 6))).map(l => l.text),
        legendOpen: document.querySelector('.cm-legend').open,
    };
}"""


def _check_layout(page, layers):
    """The whole map in view, clear of the controls, every place labelled and nothing hidden."""
    got = page.evaluate(_LAYOUT_JS)
    assert got["dotsOffMap"] == 0 and got["dotsUnderControls"] == 0, got
    assert got["symbolsUnderControls"] == 0, got
    assert got["dotsUnderSymbols"] == 0, got          # claim symbols stand beside the dot
    assert got["labelsCut"] == [] and got["labelsUnderControls"] == [], got
    assert got["labelsOverlapping"] == [] and got["labelsUnderSymbols"] == [], got
    # every place keeps its name on the map (places at one point share a label)
    shown = " ".join(got["labels"])
    points = layers.places.geometry.apply(lambda g: (round(g.y, 4), round(g.x, 4)))
    context = layers.places["kind"] == "country"
    from layers.symbology import label_for

    for (_, p), point in zip(layers.places[~context].iterrows(), points[~context]):
        name = label_for(p["name"], p["surfaces"], p["kind"])   # the article's form of the name
        assert name in shown, (name, got["labels"])
    assert len(got["labels"]) >= len(set(points[~context]))
    return got


@browser
@pytest.mark.browser
@pytest.mark.parametrize("embed,width,height", [(False, 1280, 800), (True, 800, 500)])
def test_first_article_layout(first_article, tmp_path, embed, width, height):
    layers = first_article
    name = f"{layers.doc.article.id}.{'embed.' if embed else ''}html"
    path = (write_embed if embed else write_html)(layers, tmp_path / name)
    with open_page(path, width=width, height=height) as (page, log):
        page.wait_for_timeout(300)
        got = _check_layout(page, layers)
        assert got["legendOpen"] is (not embed)
        _save_screenshot(page, tmp_path, f"layout-{name}.png")
        # after zooming in and out, and "Show everything", the labels are placed again
        page.evaluate("void claimmap.state.map.zoomIn(1, {animate: false})")
        page.evaluate("claimmap.fitAll()")
        page.wait_for_timeout(500)
        _check_layout(page, layers)
        _check_clean(log)


@browser
@pytest.mark.browser
def test_legend_collapses_on_a_short_window(sample, tmp_path):
    path = write_html(sample, tmp_path / "sample-2025-06-29.html")
    with open_page(path, width=1024, height=420) as (page, log):
        assert page.evaluate("document.querySelector('.cm-legend').open") is False
        assert page.evaluate("document.querySelector('.cm-dates').open") is False
        _check_clean(log)
    with open_page(path, width=1280, height=800) as (page, log):
        assert page.evaluate("document.querySelector('.cm-legend').open") is True
        _check_layout(page, sample)
