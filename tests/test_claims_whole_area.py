"""A figure said of a whole country or state goes on the country or state (issue 17), with
articles of our own through `claimmap extract`: "countrywide", "the national recovery
rate", "statewide" put the figure on the country or first-level area the article names, not
on the town the article is most about.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from common import cli_extract

CLAIMMAP = str(Path(sys.executable).with_name("claimmap"))
DAY = "2024-05-08"

ARTICLES = {
    "country": """Measles in Malawi

The health ministry has confirmed 31 measles deaths from 640 confirmed cases countrywide.

Most patients are in Zomba, where 12 were admitted on Monday. Zomba hospitals are full, and Zomba schools closed.

There have been 88 new recoveries since Friday, bringing the national recovery rate to 91%.
""",
    "state": """Storm damage in Oklahoma

Crews in Tulsa cleared roads on Monday. Tulsa schools stayed shut.

So far, 420 homes and 75 roads are damaged statewide.
""",
}


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("whole_area")
    out = {}
    for name, text in ARTICLES.items():
        out[name] = cli_extract(folder, text, DAY, f"{name}.txt")
    return out


def _places(doc, value):
    names = {p["key"]: p["name"] for p in doc["places"]}
    hits = [c for c in doc["claims"] if c.get("value") is not None and float(c["value"]) == value]
    assert hits, [(c.get("measure"), c.get("value")) for c in doc["claims"]]
    return [names.get(k, k) for k in hits[0]["places"]]


@pytest.mark.parametrize("value", [640, 88, 91])
def test_a_countrywide_figure_is_the_countrys(docs, value):
    assert _places(docs["country"], value) == ["Malawi"]


def test_a_town_figure_stays_on_the_town(docs):
    assert _places(docs["country"], 12) == ["Zomba"]


@pytest.mark.parametrize("value", [420, 75])
def test_a_statewide_figure_is_the_states(docs, value):
    assert _places(docs["state"], value) == ["Oklahoma"]
