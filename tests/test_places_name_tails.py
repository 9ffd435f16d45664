"""The end of an area's name whose first word the gazetteer does not know ("Kwaneno North
Region", a name it lacks or a misspelling) is no place: not another country's "North
Region". Texts written for these tests, run through ``claimmap places``."""

from __future__ import annotations

from common import cli_places


def test_a_compass_word_after_an_unknown_name_is_not_another_countrys_area(tmp_path):
    text = ("Results by area\n\n"
            "Kwaneno North Region\n"
            "Turnout reached 61 percent, the electoral body said.\n\n"
            "In Zimbabwe, counting went on.\n")
    got = cli_places(tmp_path, text)
    assert [p["surface"] for p in got] == ["Zimbabwe"], got


def test_the_area_named_on_its_own_is_still_found(tmp_path):
    text = "Aid reached Garoua in the North Region of Cameroon on Monday.\n"
    got = {p["surface"]: p for p in cli_places(tmp_path, text)}
    assert got["North"]["country_code"] == "CM", got
