"""Two forms of name the geoparser read wrongly (issue 17: claims went on the wrong place
through them), with texts written for these tests, through ``claimmap places``:

- a natural feature named after two places joined by a hyphen ("the Yunnan-Guizhou
  Plateau") is no mention of either place (a railway's tunnels and cost were put on the
  province the plateau is named after); the places said on their own stay;
- an archipelago said with "the" ("the Canary Islands", "the Canaries") is the area of
  that name, not a sea of it.
"""

from __future__ import annotations

from common import cli_places

TEXT = ("Railway\n\nWorkers dug 159 tunnels through mountains on the eastern edge of the "
        "Yunnan-Guizhou Plateau.\nFarmers in Yunnan province and Guizhou province grow tea.\n")

ISLANDS = ("Ferries\n\nBoats carrying 60 people landed in the Canary Islands on Monday. Ferries to "
           "the Balearic Islands were cancelled, and hotels in the Canaries were full.\n")


def test_a_feature_named_after_two_places_is_neither(tmp_path):
    got = cli_places(tmp_path, TEXT)
    second = TEXT.index("Farmers")
    assert all(p["start"] >= second for p in got), got
    assert [(p["surface"], p["kind"]) for p in got] == [("Yunnan", "admin1"), ("Guizhou", "admin1")], got


def test_an_archipelago_said_with_the_is_its_area(tmp_path):
    got = [(p["surface"], p["kind"], p["country_code"]) for p in cli_places(tmp_path, ISLANDS)]
    assert got == [("Canary Islands", "admin1", "ES"), ("Balearic Islands", "admin1", "ES"),
                   ("Canaries", "admin1", "ES")], got
