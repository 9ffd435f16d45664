"""The data credits of every map, from one list (layers.symbology.data_credits): GeoNames,
Natural Earth's 1:50m countries and 1:10m first-level areas, and the US Census counties
when a county outline is drawn; and the static legend's entry for occupied areas."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from common import EXAMPLE_ARTICLE
from layers.symbology import NATURAL_EARTH_ATTRIBUTION, US_CENSUS_ATTRIBUTION

CLAIMMAP = str(Path(sys.executable).with_name("claimmap"))

COUNTY = """Storm damage in west Tennessee

April 2, 2026

A tornado damaged 35 homes in Henry County, Tennessee, on Tuesday, county officials said.
In Paris, the county seat, 2,000 people were without power on Wednesday.
"""

CRIMEA = """Drone attack hits fuel depot in Crimea

May 4, 2026

A drone attack on Sunday set fire to a fuel depot near Feodosia in Crimea, the regional
administration said. About 40 firefighters worked through the night, it said.
"""


def _build(tmp: Path, article: Path, *args) -> Path:
    out = tmp / "out"
    res = subprocess.run([CLAIMMAP, "build", str(article), "--out", str(out), *args],
                         env={**os.environ, "PYTHONWARNINGS": "ignore"}, capture_output=True,
                         text=True, timeout=600)
    assert res.returncode == 0, res.stderr[-2000:]
    return out


def _svg_text(path: Path) -> str:
    """The SVG's words: its text elements' contents joined by spaces (claimmap's SVG
    keeps text as text), so a wrapped caption reads as one line."""
    import html

    parts = re.findall(r"<text\b[^>]*>(.*?)</text>", path.read_text(encoding="utf-8"), re.S)
    words = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", p)) for p in parts)
    return " ".join(words.split())


def _credits(out: Path, slug: str) -> dict[str, str]:
    html = (out / f"{slug}.html").read_text(encoding="utf-8")
    m = re.search(r'"outline_attribution": "([^"]*)"', html)
    return {"static": _svg_text(out / f"{slug}.svg"),
            "report": (out / f"{slug}.report.html").read_text(encoding="utf-8"),
            "html": m.group(1) if m else ""}


@pytest.fixture(scope="module")
def county(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("county")
    art = tmp / "storm-2026-04-02.txt"
    art.write_text(COUNTY, encoding="utf-8")
    return _credits(_build(tmp, art), "storm-2026-04-02")


def test_a_county_map_credits_the_census_everywhere(county):
    for where, text in county.items():
        assert "1:10m first-level areas" in text, where
        assert "US Census Bureau 2017" in text, where
    assert "GeoNames" in county["static"] and "GeoNames" in county["report"]


def test_a_map_with_no_county_credits_natural_earth_only(tmp_path):
    got = _credits(_build(tmp_path, EXAMPLE_ARTICLE), EXAMPLE_ARTICLE.stem)
    for where, text in got.items():
        assert "1:50m countries and 1:10m first-level areas" in text, where
        assert "Census" not in text, where
    assert NATURAL_EARTH_ATTRIBUTION in got["html"] and US_CENSUS_ATTRIBUTION not in got["html"]


def test_the_static_legend_names_the_occupied_area(tmp_path):
    art = tmp_path / "depot-2026-05-04.txt"
    art.write_text(CRIMEA, encoding="utf-8")
    recognised = _svg_text(_build(tmp_path / "r", art) / "depot-2026-05-04.svg")
    held = _svg_text(_build(tmp_path / "d", art, "--borders", "de-facto")
                     / "depot-2026-05-04.svg")
    assert "Area under occupation" in recognised
    assert "Area held, recognised as another" in held
    far = _svg_text(_build(tmp_path / "us", EXAMPLE_ARTICLE.parent / EXAMPLE_ARTICLE.name)
                    / f"{EXAMPLE_ARTICLE.stem}.svg")
    assert "Area under occupation" not in far   # Avdiivka: no occupied area in its view
