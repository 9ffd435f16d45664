"""Which bearer a name keeps against the article's context. A national capital keeps its
name against a smaller namesake the article's countries pull toward, unless a town of the
article stands near the namesake: "Colombo" beside two Brazilian ports is Sri Lanka's
capital, not the town of Parana. A city abroad known by the name only as another name does
not keep it from a town of the article's country that bears it. Texts written for these
tests, run through ``claimmap places`` as a user runs it."""

from __future__ import annotations

from common import cli_places


def _by_surface(tmp_path, text: str) -> dict[str, dict]:
    return {p["surface"]: p for p in cli_places(tmp_path, text)}


def test_a_capital_in_a_list_of_the_worlds_ports_stays_the_capital(tmp_path):
    text = ("Tea and coffee markets\n\n"
            "Tea prices rose at the auctions in Colombo and Mombasa last week, while coffee "
            "shipments from Santos and Vitoria were steady.\n")
    got = _by_surface(tmp_path, text)
    assert got["Colombo"]["country_code"] == "LK", got["Colombo"]
    assert got["Santos"]["country_code"] == "BR", got["Santos"]


def test_a_namesake_beside_the_articles_towns_still_takes_the_name(tmp_path):
    # the namesake of a capital with a town of the article beside it: local news
    text = ("Storm damage in Parana\n\n"
            "Roofs were torn off in Curitiba and Colombo on Monday night, the state's civil "
            "defence said, and the road to Paranagua was closed.\n")
    got = _by_surface(tmp_path, text)
    assert got["Colombo"]["country_code"] == "BR", got["Colombo"]


def test_another_name_of_a_city_abroad_does_not_take_a_towns_own_name(tmp_path):
    # "Makale" is a town of Sulawesi by its own name and Mek'ele (Ethiopia) by another: in
    # a report on Indonesia that names no Ethiopian place, the town
    text = ("Landslides in Sulawesi\n\n"
            "Landslides struck villages of Tana Toraja in Indonesia on Monday. In Makale, "
            "rescuers dug through mud, the disaster agency said.\n")
    got = _by_surface(tmp_path, text)
    assert got["Makale"]["country_code"] == "ID", got["Makale"]
