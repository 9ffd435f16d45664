"""A natural feature named after two places joined by a hyphen ("the Yunnan-Guizhou
Plateau", "the Tigris-Euphrates river") is no mention of either place (issue 17: a
railway's tunnels and cost were put on the province the plateau is named after); the
places said on their own stay. Texts written for this test, through ``claimmap places``."""

from __future__ import annotations

from common import cli_places

TEXT = ("Railway\n\nWorkers dug 159 tunnels through mountains on the eastern edge of the "
        "Yunnan-Guizhou Plateau.\nFarmers in Yunnan province and Guizhou province grow tea.\n")


def test_a_feature_named_after_two_places_is_neither(tmp_path):
    got = [(p["surface"], p["kind"]) for p in cli_places(tmp_path, TEXT)]
    second = TEXT.index("Farmers")
    assert all(p["start"] >= second for p in cli_places(tmp_path, TEXT)), got
    assert got == [("Yunnan", "admin1"), ("Guizhou", "admin1")], got
