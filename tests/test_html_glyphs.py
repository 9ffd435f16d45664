"""Category is carried by the glyph, not colour alone, on the HTML map: each pin holds its
category's glyph, the legend shows those pins, and a cluster ring holds a badge with the
glyph of each of its (up to four) largest categories, on that category's arc."""

from __future__ import annotations

import pytest

from browser import browser_available, open_page
from builder_data import first_article_layers
from layers.render.html import write_html

_why = browser_available()
pytestmark = [pytest.mark.browser, pytest.mark.skipif(_why is not None, reason=str(_why))]


@pytest.fixture(scope="module")
def first_map(tmp_path_factory):
    layers = first_article_layers()
    path = tmp_path_factory.mktemp("glyphs") / f"{layers.slug}.html"
    write_html(layers, path)
    return path


_CLUSTERS_JS = """() => {
  const c = claimmap.core, out = [];
  c.map.eachLayer(l => {
    if (!l.getAllChildMarkers || !l._icon) { return; }
    const counts = {};
    l.getAllChildMarkers().forEach(m => {
      const k = c.D.categories[c.D.claims.cat[m.cmIndex]].key; counts[k] = (counts[k] || 0) + 1; });
    const badges = [...l._icon.querySelectorAll('.cm-cluster-glyph')].map(g => ({
      cat: g.getAttribute('data-category'), paths: g.querySelectorAll('path').length,
      fill: g.querySelector('circle').getAttribute('fill')}));
    out.push({counts, badges});
  });
  return out;
}"""


def test_cluster_rings_carry_their_categories_glyphs(first_map):
    with open_page(first_map, width=1400, height=900) as (page, log):
        page.wait_for_timeout(300)
        clusters = page.evaluate(_CLUSTERS_JS)
        colours = page.evaluate("Object.fromEntries(claimmap.core.D.categories"
                                ".map(c => [c.key, c.colour]))")
        assert log.errors == []
    assert clusters, "the first article's map opens with claims clustered"
    for cl in clusters:
        largest = sorted(cl["counts"], key=lambda k: -cl["counts"][k])[:4]
        assert sorted(b["cat"] for b in cl["badges"]) == sorted(largest), cl
        for b in cl["badges"]:
            assert b["paths"] == 1 and b["fill"] == colours[b["cat"]], b


def test_pins_and_the_legend_show_each_categorys_glyph(first_map):
    with open_page(first_map, width=1400, height=900) as (page, log):
        page.evaluate("id => new Promise(done => claimmap.reveal(id, m => done(true)))",
                      page.evaluate("claimmap.core.D.claims.id[0]"))
        page.wait_for_timeout(300)
        got = page.evaluate("""() => ({
            pins: [...document.querySelectorAll('.leaflet-marker-pane div[data-claim-id]')]
                  .map(p => [p.getAttribute('data-category'), p.querySelectorAll('svg path').length]),
            legend: [...document.querySelectorAll('.cm-legend .cm-legend-pin svg')]
                  .map(s => s.querySelectorAll('path').length)})""")
        assert log.errors == []
    assert got["pins"] and all(n >= 2 for _cat, n in got["pins"])   # the pin and its glyph
    assert len(got["legend"]) >= 8 and all(n >= 2 for n in got["legend"][:8])
