"""The article's web address on every claim: read from a page's canonical link or og:url,
a Markdown front matter's or a claims file's ``url``; carried to the claims layers, the
CSV, the claims file (read back), the HTML map's claim card and its CSV export."""

from __future__ import annotations

import csv
import io
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from browser import browser_available, open_page
from common import FIRST_ARTICLE
from layers.claimsfile import load_claims_file
from layers.text.article import read_article

CLAIMMAP = str(Path(sys.executable).with_name("claimmap"))
URL = "https://news.example.org/world/kharkiv-shelling?id=7&lang=en"

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<title>Shelling damages homes in Kharkiv</title>
<link rel="canonical" href="https://news.example.org/world/kharkiv-shelling?id=7&amp;lang=en">
<meta property="og:site_name" content="Example Daily">
<meta property="article:published_time" content="2024-05-20T09:00:00Z">
</head><body><nav><a href="/">Home</a></nav><article>
<h1>Shelling damages homes in Kharkiv</h1>
<p>Russian shelling damaged 40 homes in Kharkiv on Sunday, the regional governor said, and
three people were wounded in the city's northern districts.</p>
<p>In Izium, about 120 kilometres to the south-east, officials said 12 buildings lost power
after a strike on a substation, and repair crews were working through the night.</p>
<p>The governor said 1,200 people had been evacuated from villages near Vovchansk since the
start of the month.</p>
</article></body></html>
"""


def _run(*args):
    res = subprocess.run([CLAIMMAP, *map(str, args)], capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr[-2000:]
    return res


def _csv_rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def page_build(tmp_path_factory):
    d = tmp_path_factory.mktemp("url")
    src = d / "kharkiv-page.html"
    src.write_text(PAGE, encoding="utf-8")
    out = d / "out"
    _run("build", src, "--out", out)
    return src, out


def test_an_html_page_gives_its_canonical_address():
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "a.html"
        p.write_text(PAGE, encoding="utf-8")
        art = read_article(p)
        # og:url, when the page has it, is the address too
        p.write_text(PAGE.replace('<link rel="canonical" href="https://news.example.org/world/'
                                  'kharkiv-shelling?id=7&amp;lang=en">',
                                  '<meta property="og:url" content="https://example.net/x">'),
                     encoding="utf-8")
        og = read_article(p)
        p.write_text(PAGE.replace('<link rel="canonical" href="https://news.example.org/world/'
                                  'kharkiv-shelling?id=7&amp;lang=en">', ""), encoding="utf-8")
        none = read_article(p)
    assert art.url == URL and art.source == "Example Daily"
    assert og.url == "https://example.net/x"
    assert none.url == ""


def test_a_markdown_front_matter_url(tmp_path):
    p = tmp_path / "m.md"
    p.write_text("---\ntitle: Floods\nsource: Example Daily\nurl: https://example.org/f\n---\n"
                 "# Floods\n\nFloods damaged 30 homes in Kharkiv.\n", encoding="utf-8")
    assert read_article(p).url == "https://example.org/f"


def test_every_claim_carries_the_address_in_csv_geopackage_and_claims_file(page_build):
    src, out = page_build
    rows = _csv_rows(out / "kharkiv-page.claims.csv")
    assert len(rows) >= 3
    assert {r["article_url"] for r in rows} == {URL}
    con = sqlite3.connect(out / "kharkiv-page.gpkg")
    try:
        urls = {u for (u,) in con.execute("SELECT article_url FROM claims")}
    finally:
        con.close()
    assert urls == {URL}
    yaml_text = (out / "kharkiv-page.claims.yaml").read_text(encoding="utf-8")
    assert f"  url: {URL}\n" in yaml_text
    assert load_claims_file(out / "kharkiv-page.claims.yaml").article.url == URL


def test_a_url_added_to_a_claims_file_reaches_the_layers(tmp_path):
    """A reviewer adds the address of a plain-text article to its claims file."""
    _run("extract", FIRST_ARTICLE, "--output", tmp_path / "claims.yaml")
    text = (tmp_path / "claims.yaml").read_text(encoding="utf-8")
    assert "\n  url:" not in text          # a .txt article has none: the field is not written
    edited = text.replace("\narticle:\n", "\narticle:\n  url: https://example.org/story/1\n", 1)
    assert edited != text
    (tmp_path / "claims.yaml").write_text(edited, encoding="utf-8")
    _run("build", tmp_path / "claims.yaml", "--out", tmp_path / "out")
    rows = _csv_rows(next((tmp_path / "out").glob("*.claims.csv")))
    assert rows and {r["article_url"] for r in rows} == {"https://example.org/story/1"}


def test_a_claims_file_url_that_is_not_an_address_is_an_error(tmp_path):
    _run("extract", FIRST_ARTICLE, "--output", tmp_path / "claims.yaml")
    text = (tmp_path / "claims.yaml").read_text(encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(
        text.replace("\narticle:\n", "\narticle:\n  url: [1, 2]\n", 1), encoding="utf-8")
    res = subprocess.run([CLAIMMAP, "build", str(tmp_path / "claims.yaml"), "--out",
                          str(tmp_path / "out")], capture_output=True, text=True, timeout=600)
    assert res.returncode == 2
    assert "claims.yaml" in res.stderr and "url" in res.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


@pytest.mark.browser
@pytest.mark.skipif(browser_available() is not None, reason=str(browser_available()))
def test_the_claim_card_links_the_article_and_the_export_has_the_address(page_build):
    src, out = page_build
    claim = _csv_rows(out / "kharkiv-page.claims.csv")[0]["claim_id"]
    with open_page(out / "kharkiv-page.html", width=1400, height=900) as (page, log):
        page.evaluate("id => new Promise(done => claimmap.reveal(id, m => { "
                      "claimmap.core.openClaimPopup(m); done(true); }))", claim)
        link = page.locator(".leaflet-popup a.cm-article-title")
        link.wait_for(state="visible")
        href, target = link.get_attribute("href"), link.get_attribute("target")
        exported = list(csv.DictReader(io.StringIO(page.evaluate("claimmap.exportCSV()"))))
        assert log.errors == []
    assert href == URL and target == "_blank"
    assert exported and {r["article_url"] for r in exported} == {URL}
