"""Countries the article names are drawn as highlighted outlines on the HTML map (a layer
of their own), while the view stays on the claims (it does not zoom out to the country)."""

from __future__ import annotations

import pytest

from browser import browser_available, open_page
from builder_data import first_article_layers
from layers.render._html_data import countries_named
from layers.render.html import write_html

_why = browser_available()


def test_the_countries_named_are_matched_by_code():
    places = [{"kind": "country", "country": "UA"}, {"kind": "populated_place", "country": "RU"},
              {"kind": "country", "country": ""}]
    assert countries_named(places) == ["Ukraine"]
    assert countries_named([{"kind": "populated_place", "country": "UA"}]) == []


@pytest.mark.browser
@pytest.mark.skipif(_why is not None, reason=str(_why))
def test_the_first_articles_countries_are_outlined_and_the_view_stays_local(tmp_path):
    layers = first_article_layers()
    path = tmp_path / f"{layers.slug}.html"
    write_html(layers, path)
    named_places = set(layers.places.loc[layers.places["kind"] == "country", "country_code"])
    assert {"UA", "RU"} <= named_places
    with open_page(path, width=1400, height=900) as (page, log):
        page.wait_for_timeout(300)
        got = page.evaluate("""() => {
            const m = claimmap.core.map, out = {names: [], zoom: m.getZoom()};
            m.eachLayer(l => { if (l.feature && (l.options.className || '').split(' ')
                                 .includes('cm-country-named')) {
                out.names.push(l.feature.properties.name); } });
            out.paths = document.querySelectorAll('path.cm-country-named').length;
            const b = m.getBounds();
            out.span = [b.getEast() - b.getWest(), b.getNorth() - b.getSouth()];
            out.control = [...document.querySelectorAll('.leaflet-control-layers-overlays label')]
                .map(l => l.textContent.trim());
            return out; }""")
        assert log.errors == []
    assert sorted(got["names"]) == ["Russia", "Ukraine"] and got["paths"] == 2, got
    assert "Countries named (2)" in got["control"], got
    # Ukraine spans about 18 degrees of longitude: the view is the claims', not the country's
    assert got["span"][0] < 8, got


def test_the_static_map_draws_and_keys_the_named_countries_border(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    from common import FIRST_ARTICLE
    from test_credits import COUNTY, _svg_text

    claimmap = str(Path(sys.executable).with_name("claimmap"))
    county = tmp_path / "storm-2026-04-02.txt"
    county.write_text(COUNTY, encoding="utf-8")
    texts = {}
    for art in (FIRST_ARTICLE, county):
        out = tmp_path / art.stem
        res = subprocess.run([claimmap, "build", str(art), "--out", str(out)],
                             capture_output=True, text=True, timeout=600)
        assert res.returncode == 0, res.stderr[-2000:]
        texts[art.stem] = _svg_text(out / f"{art.stem}.svg")
    assert "Border of a country named" in texts[FIRST_ARTICLE.stem]
    assert "Border of a country named" not in texts[county.stem]   # names no country
