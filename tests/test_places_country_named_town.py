"""A country's name that is also a town of the article's country, beside the article's
towns ("mourners from Palmyra, Hershey and Lebanon"), is the town; with no town of the
article near such a namesake it stays the country. Texts written for these tests, run
through ``claimmap places``."""

from __future__ import annotations

from common import cli_places


def _places(tmp_path, text: str) -> dict[str, tuple]:
    return {p["surface"]: (p["kind"], p["country_code"]) for p in cli_places(tmp_path, text)}


def test_a_country_name_among_local_towns_is_the_town(tmp_path):
    got = _places(tmp_path, "Mourners came from Palmyra, Hershey and Lebanon for the "
                            "service on Saturday, the family said.\n")
    assert got["Lebanon"] == ("populated_place", "US"), got
    got = _places(tmp_path, "Volunteers from Crockett and Palestine cleared the trails "
                            "before the festival, organisers in Houston said.\n")
    assert got["Palestine"] == ("populated_place", "US"), got


def test_a_country_name_in_world_news_stays_the_country(tmp_path):
    got = _places(tmp_path, "The king of Jordan met officials in Washington on Monday "
                            "to discuss aid.\n")
    assert got["Jordan"] == ("country", "JO"), got
    got = _places(tmp_path, "Shelling on the border between Israel and Lebanon went on "
                            "overnight, officials in Beirut said.\n")
    assert got["Lebanon"] == ("country", "LB"), got
