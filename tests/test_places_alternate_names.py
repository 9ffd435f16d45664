"""A name that is a town's own and only another name (ancient, foreign, former) of a bigger
place: the town, unless the article says otherwise; texts written for these tests, run
through ``claimmap places`` as a user runs it."""

from __future__ import annotations

from common import cli_places


def _got(tmp_path, text):
    return {p["surface"]: p for p in cli_places(tmp_path, text)}


def test_a_towns_own_name_is_not_a_city_by_its_ancient_name(tmp_path):
    # GeoNames gives Aleppo "Berea" among its names; towns of Ohio and Kentucky bear it
    got = _got(tmp_path, "Police in Berea arrested a man after a robbery at a shopping "
                         "centre, the city's police chief said on Monday.")
    assert got["Berea"]["country_code"] == "US", got["Berea"]


def test_the_article_still_reads_the_other_name_as_the_big_city(tmp_path):
    got = _got(tmp_path, "Buyers flocked to the trade fair in Canton, the capital of "
                         "China's Guangdong province, as exporters in Shenzhen and Foshan "
                         "reported new orders.")
    assert got["Canton"]["name"] == "Guangzhou", got["Canton"]
