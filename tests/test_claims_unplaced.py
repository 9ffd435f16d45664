"""Unplaced claims (issue 17): a claim the text ties to a place the gazetteer cannot
resolve keeps the name (`unresolved_place`, no places), never a namesake abroad nor the
article's main place; `build` keeps it in the claims file and the CSV, off the map layers,
and warns; a reviewer pins the place in the claims file and the claim goes on the map.

The article is written for these tests (the village's name is made up, so no gazetteer
has it); everything runs through the `claimmap` command as a user runs it.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

CLAIMMAP = str(Path(sys.executable).with_name("claimmap"))
DAY = "2024-05-14"
ENV = {**os.environ, "PYTHONWARNINGS": "ignore"}

ARTICLE = """Floods cut off mountain villages in northern Afghanistan

KABUL, Afghanistan — Flash floods swept through the village of Qarlughbagh on Monday night, local officials said.

At least 14 people were killed in Qarlughbagh and 30 homes were destroyed, the district chief told reporters on Tuesday.

Aid agencies said 2,000 people across Afghanistan needed shelter after a week of heavy rain.
"""


MINE = """Copper miner expands in Zambia

Zambezi Copper announced an investment of $1.2bn to expand its Chisomo Hill mine in Zambia.
The mine produced 90,000 tonnes of copper last year, the company said.
"""


VILLAGE = """Floods in Badakhshan

Floods hit Badakhshan province on Monday, officials in Faizabad said.
In Dorveh Kalan, a village that had about 900 residents, 40 homes were destroyed.
"""


def _run(*args, cwd=None):
    res = subprocess.run([CLAIMMAP, *args], env=ENV, capture_output=True, text=True,
                         timeout=240, cwd=cwd)
    assert res.returncode == 0, res.stderr
    return res


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    folder = tmp_path_factory.mktemp("unplaced")
    src = folder / "floods.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    res = _run("extract", str(src), "--date", DAY, "-o", str(folder / "floods.yaml"))
    return folder, yaml.safe_load((folder / "floods.yaml").read_text(encoding="utf-8")), res.stderr


def _claim(doc, value):
    hits = [c for c in doc["claims"] if c.get("value") is not None and float(c["value"]) == value]
    assert hits, [(c.get("measure"), c.get("value")) for c in doc["claims"]]
    return hits[0]


def test_a_figure_on_a_place_the_gazetteer_lacks_keeps_the_name_and_no_place(extracted):
    _, doc, _ = extracted
    for value in (14, 30):
        c = _claim(doc, value)
        assert c["places"] == [] and c["unresolved_place"] == "Qarlughbagh"
        assert "pin it" in c["note"]
    # not put on the capital of the dateline, nor on the country
    assert not any(p["name"] in ("Kabul",) for p in doc["places"]
                   if p["key"] in _claim(doc, 14)["places"])


def test_a_figure_on_a_named_place_still_goes_on_it(extracted):
    _, doc, _ = extracted
    c = _claim(doc, 2000)
    assert c["places"] and "unresolved_place" not in c
    places = {p["key"]: p for p in doc["places"]}
    assert places[c["places"][0]]["kind"] == "country"


def test_extract_warns_of_unplaced_claims(extracted):
    _, _, stderr = extracted
    assert "claims unplaced; pin them in the claims file" in stderr


def test_build_keeps_unplaced_claims_off_the_map_and_in_the_csv(extracted, tmp_path):
    folder, doc, _ = extracted
    res = _run("build", str(folder / "floods.yaml"), "--out", str(tmp_path / "out"))
    n = sum(1 for c in doc["claims"] if not c["places"])
    assert n >= 2
    assert f"{n} claims unplaced; pin them in the claims file" in res.stderr
    out = tmp_path / "out"
    feats = json.loads((out / "floods.claims.geojson").read_text())["features"]
    on_map = {f["properties"]["claim_id"] for f in feats}
    with open(out / "floods.claims.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    in_csv = {r["claim_id"] for r in rows}
    for c in doc["claims"]:
        assert c["claim_id"] in in_csv
        assert (c["claim_id"] in on_map) == bool(c["places"])
    # the CSV row says which name to pin
    row = next(r for r in rows if r["claim_id"] == _claim(doc, 14)["claim_id"])
    assert "Qarlughbagh" in row["note"] and row["place_ids"] == ""
    # the claims file written by build keeps the name
    again = yaml.safe_load((out / "floods.claims.yaml").read_text(encoding="utf-8"))
    assert _claim(again, 14)["unresolved_place"] == "Qarlughbagh"


def test_a_reviewer_pins_the_place_and_the_claim_goes_on_the_map(extracted, tmp_path):
    folder, doc, _ = extracted
    doc = yaml.safe_load((folder / "floods.yaml").read_text(encoding="utf-8"))
    doc["places"].append({"key": "qarlughbagh", "place_id": "claimmap:qarlughbagh",
                          "name": "Qarlughbagh", "kind": "populated_place", "lat": 36.1,
                          "lon": 68.7, "source": "reviewer's survey map"})
    killed = _claim(doc, 14)
    killed["places"] = ["qarlughbagh"]
    del killed["unresolved_place"]
    pinned = tmp_path / "pinned.yaml"
    pinned.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    res = _run("build", str(pinned), "--out", str(tmp_path / "out"))
    left = sum(1 for c in doc["claims"] if not c["places"])
    assert f"{left} claims unplaced" in res.stderr
    feats = json.loads((tmp_path / "out" / "floods.claims.geojson").read_text())["features"]
    hit = [f for f in feats if f["properties"]["claim_id"] == killed["claim_id"]]
    assert hit and hit[0]["geometry"]["coordinates"] == [68.7, 36.1]


def test_a_named_facility_the_gazetteer_lacks_and_the_mine_after_it_stay_unplaced(tmp_path):
    src = tmp_path / "mine.txt"
    src.write_text(MINE, encoding="utf-8")
    doc = yaml.safe_load(_run("extract", str(src), "--date", DAY).stdout)
    for value in (1.2e9, 90_000):
        c = _claim(doc, value)
        # not on Zambia's centre: on the mine, which a reviewer pins
        assert c["places"] == [] and c["unresolved_place"] == "Chisomo Hill mine"


def test_a_village_the_text_names_as_one_stays_unplaced_not_on_the_province(tmp_path):
    src = tmp_path / "village.txt"
    src.write_text(VILLAGE, encoding="utf-8")
    doc = yaml.safe_load(_run("extract", str(src), "--date", DAY).stdout)
    c = _claim(doc, 40)
    assert c["measure"] == "homes_destroyed"
    assert c["places"] == [] and c["unresolved_place"] == "Dorveh Kalan"
