"""A town the text puts in a county ("Sevier County's Pleasant Hill area") is left
unplaced when the gazetteer's towns of that name are all far from the county: a village it
lacks, not Pleasant Hill, California. A list ("Sheikhupura, Khanewal") puts no town in a
county. Texts written for these tests, run through ``claimmap places``."""

from __future__ import annotations

from common import cli_places


def _surfaces(tmp_path, text: str) -> dict[str, str]:
    return {p["surface"]: p["admin1"] for p in cli_places(tmp_path, text)}


def test_a_town_put_in_a_county_far_from_it_is_not_placed(tmp_path):
    got = _surfaces(tmp_path, "Wind tore roofs off homes in Sevier County's Pleasant Hill "
                              "area, Tennessee officials said.\n")
    assert "Pleasant Hill" not in got, got
    assert got.get("Sevier County") == "US.TN", got
    got = _surfaces(tmp_path, "Flooding closed roads in Boone County's Springfield area, "
                              "Kentucky officials said.\n")
    assert "Springfield" not in got, got


def test_a_town_in_its_own_county_is_placed(tmp_path):
    got = _surfaces(tmp_path, "Wind tore roofs off homes in Sevier County's Gatlinburg, "
                              "Tennessee officials said.\n")
    assert got.get("Gatlinburg") == "US.TN", got


def test_districts_of_a_list_are_no_qualifiers(tmp_path):
    got = _surfaces(tmp_path, "Vaccination teams worked in Lahore, Multan, Sheikhupura, "
                              "Khanewal and Vehari, Punjab health officials said.\n")
    assert "Sheikhupura" in got, got
