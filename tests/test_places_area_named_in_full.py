"""A bare name that is a country's and an area's is the area where the article also names
the area in full ("Niger State" ... "Floods sweep Niger farms"): one sense per article.
Without the full name a neighbour country keeps its name. Texts written for these tests,
run through ``claimmap places``."""

from __future__ import annotations

from common import cli_places


def test_a_bare_name_is_the_area_the_article_names_in_full(tmp_path):
    text = ("Floods sweep Niger farms\n\n"
            "Water destroyed rice farms near Bida in Niger State on Sunday, emergency "
            "officials said.\n")
    got = cli_places(tmp_path, text)
    niger = [p for p in got if p["surface"] == "Niger"]
    assert niger and all((p["kind"], p["admin1"]) == ("admin1", "NG.31") for p in niger), got


def test_a_neighbour_country_named_bare_stays_the_country(tmp_path):
    text = ("Traders cross from Niger\n\n"
            "Traders from Niger crossed into Sokoto State on Sunday to buy grain, officials "
            "said.\n")
    got = cli_places(tmp_path, text)
    niger = [p for p in got if p["surface"] == "Niger"]
    assert niger and all(p["kind"] == "country" for p in niger), got
