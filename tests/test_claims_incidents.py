"""Events without a figure beyond war (issue 17), with articles of our own through
`claimmap extract`: weather that hits a place ("Heavy rain and strong winds battered X"),
damage "due to severe storms", an outbreak that started, a police shooting, a person missing, feared dead, deaths told without a
number ("died after ..."), an air strike against a town, an attack carried out by a group,
looting, an investigation opened and arrests.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from common import cli_extract

CLAIMMAP = str(Path(sys.executable).with_name("claimmap"))
DAY = "2024-05-08"

ARTICLE = """Weather and unrest

Heavy rain and strong winds battered Cornwall on Monday, closing the coast road.

The county council in Devon has logged damage reports due to severe storms on Sunday.

The first measles outbreak in Malawi this year started on March 3 in Zomba.

Police in Tulsa shot and killed a man on Friday while answering a call.

A fisherman from Whitby is missing, feared dead.

A guard in Arequipa died after his car was set on fire.

An elderly man suffered light injuries in a drone strike against Sumy on Monday.

The ambush near Gao was carried out by armed men on motorbikes.

Overnight, rioters looted shops in Cusco.

Prosecutors in Lima opened a corruption investigation on Monday.
"""

WANT = [
    ("Heavy rain and strong winds battered Cornwall", "humanitarian", "Cornwall"),
    ("due to severe storms", "humanitarian", "Devon"),
    ("first measles outbreak", "humanitarian", "Zomba"),
    ("shot and killed a man", "casualties", "Tulsa"),
    ("is missing, feared dead", "casualties", "Whitby"),
    ("died after his car", "casualties", "Arequipa"),
    ("drone strike against Sumy", "military", "Sumy"),
    ("carried out by armed men", "military", "Gao"),
    ("rioters looted shops", "political", "Cusco"),
    ("opened a corruption investigation", "political", "Lima"),
]


@pytest.fixture(scope="module")
def doc(tmp_path_factory):
    return cli_extract(tmp_path_factory.mktemp("incidents"), ARTICLE, DAY,
                       "incidents.txt")


@pytest.mark.parametrize("words,category,place", WANT)
def test_the_incident_is_an_event_with_its_category_and_place(doc, words, category, place):
    at = ARTICLE.index(words)
    end = ARTICLE.index("\n", at)
    start = ARTICLE.rindex("\n", 0, at)
    names = {p["key"]: p["name"] for p in doc["places"]}
    events = [c for c in doc["claims"] if c.get("value") is None and start <= c["span_start"] < end]
    assert events, words
    assert any(c["category"] == category and place in [names.get(k, k) for k in c["places"]]
               for c in events), [(c["category"], c["places"]) for c in events]


def test_rain_said_without_harm_is_no_event(doc):
    text = """Rain in Leeds

The volume of rain was to be far greater than forecast in Leeds.
"""
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        src = Path(d) / "a.txt"
        src.write_text(text, encoding="utf-8")
        res = subprocess.run([CLAIMMAP, "extract", str(src), "--date", DAY],
                             env={**os.environ, "PYTHONWARNINGS": "ignore"},
                             capture_output=True, text=True, timeout=180)
    assert res.returncode == 0, res.stderr
    claims = yaml.safe_load(res.stdout)["claims"]
    assert not [c for c in claims if c.get("value") is None and c["span_start"] > 15]
