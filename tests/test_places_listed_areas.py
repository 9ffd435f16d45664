"""A name listed beside a second-level area of another country ("Cumbria and Norfolk") is
that country's area of its name, not a town abroad (Norfolk, Virginia); a town of the same
country listed beside an area stays a town. Texts written for these tests, run through
``claimmap places``."""

from __future__ import annotations

from common import cli_places


def _by_surface(tmp_path, text: str) -> dict[str, dict]:
    return {p["surface"]: p for p in cli_places(tmp_path, text)}


def test_a_name_listed_after_counties_is_that_countrys_county(tmp_path):
    # Norfolk, Virginia is the big Norfolk; beside two English counties it is the county
    text = ("Snow closes schools\n\n"
            "Gritters were out in Lancashire, Cumbria and Norfolk overnight.\n")
    got = _by_surface(tmp_path, text)
    assert (got["Norfolk"]["kind"], got["Norfolk"]["country_code"]) == ("admin2", "GB"), \
        got["Norfolk"]


def test_a_list_with_a_name_the_gazetteer_lacks_between_is_still_one_list(tmp_path):
    text = ("Rain warning\n\n"
            "Lancashire, Cumbria, Wexbridgeshire and Norfolk also had heavy rain, with roads "
            "blocked and trains delayed.\n")
    got = _by_surface(tmp_path, text)
    assert (got["Norfolk"]["kind"], got["Norfolk"]["country_code"]) == ("admin2", "GB"), \
        got["Norfolk"]


def test_a_town_of_the_same_country_beside_a_county_stays_a_town(tmp_path):
    text = "Ferries from Dover and Folkestone were cancelled as gales hit Kent and Dover.\n"
    got = _by_surface(tmp_path, text)
    assert got["Dover"]["kind"] == "populated_place", got["Dover"]
    assert got["Dover"]["country_code"] == "GB", got["Dover"]
