"""A qualifier that names a town's own first-level area decides between namesakes of one
country, whatever their populations ("Lianjiang county, Fujian province" is Fujian's
county town of no recorded population, not the city of 100,000 in Guangdong); a lowercase
type word may stand between the name and its qualifier. Texts written for these tests,
run through ``claimmap places``."""

from __future__ import annotations

from common import cli_places


def _by_surface(tmp_path, text: str) -> dict[str, dict]:
    return {p["surface"]: p for p in cli_places(tmp_path, text)}


def test_a_qualifier_after_a_type_word_names_the_towns_area(tmp_path):
    got = _by_surface(tmp_path, "Fog closed the harbour at Lianjiang county, Fujian "
                                "province, on Monday.\n")
    assert got["Lianjiang"]["admin1"] == "CN.07", got["Lianjiang"]


def test_a_qualifier_beats_a_bigger_namesake_of_the_same_country(tmp_path):
    got = _by_surface(tmp_path, "Boats stayed in port at Lianjiang, Fujian, as the "
                                "typhoon neared.\n")
    assert got["Lianjiang"]["admin1"] == "CN.07", got["Lianjiang"]


def test_a_qualified_town_of_the_bigger_namesakes_area_stays(tmp_path):
    got = _by_surface(tmp_path, "A fire destroyed a mill in Taizhou, Jiangsu province, "
                                "on Monday.\n")
    assert got["Taizhou"]["admin1"] == "CN.04", got["Taizhou"]
