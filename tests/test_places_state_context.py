"""A county is of the state the article names: "Greene County" in a report on Ohio is
Ohio's, not the biggest Greene County of the country; names before a plural type word at a
line's end ("... Clark and Wayne counties." then a new line) are counties too. Texts
written for these tests, run through ``claimmap places`` as a user runs it."""

from __future__ import annotations

from common import cli_places


def _by_surface(tmp_path, text: str) -> dict[str, dict]:
    return {p["surface"]: p for p in cli_places(tmp_path, text)}


def test_a_county_with_its_type_word_is_of_the_state_the_article_names(tmp_path):
    text = ("Ohio farmers brace for a dry summer\n\n"
            "Wells ran low across Ohio this week. Growers in Greene County said the corn "
            "was already stunted, and roads in Monroe County were closed by dust.\n")
    got = _by_surface(tmp_path, text)
    for name in ("Greene County", "Monroe County"):
        assert name in got, (name, sorted(got))
        assert (got[name]["kind"], got[name]["admin1"]) == ("admin2", "US.OH"), got[name]


def test_a_county_with_no_state_in_the_text_keeps_its_own_reading(tmp_path):
    # no state named: the gazetteer's first Monroe County stays (the context adds nothing)
    text = "Officials in Monroe County said the roads were closed after the storm.\n"
    got = _by_surface(tmp_path, text)
    assert got["Monroe County"]["kind"] == "admin2", got


def test_names_before_counties_at_the_end_of_a_line_are_counties(tmp_path):
    text = ("Tornado warnings in Kentucky\n\n"
            "The weather service warned residents of Kentucky on Monday. Sirens sounded "
            "in Pulaski and Laurel counties.\n"
            "Schools closed early.\n")
    got = _by_surface(tmp_path, text)
    for name in ("Pulaski", "Laurel"):
        assert name in got, (name, sorted(got))
        assert (got[name]["kind"], got[name]["admin1"]) == ("admin2", "US.KY"), got[name]


def test_towns_of_the_named_state_are_not_pulled_abroad_by_each_other(tmp_path):
    # two towns with big namesakes abroad (Portland, Oregon; Hamilton, Ontario) in a
    # report on Victoria: each one's foreign reading used to keep the other's state from
    # holding "every other town" of the article
    text = ("Fire danger across Victoria\n\n"
            "Residents of Portland were told to leave on Sunday as a grass fire spread.\n\n"
            "Hamilton was under a watch-and-act warning, the emergency service said.\n\n"
            "In Mildura, temperatures passed 44C.\n")
    got = _by_surface(tmp_path, text)
    for name in ("Portland", "Hamilton", "Mildura"):
        assert name in got, (name, sorted(got))
        assert (got[name]["country_code"], got[name]["admin1"]) == ("AU", "AU.07"), got[name]


def test_a_world_city_in_another_tongues_spelling_does_not_take_a_towns_own_name(tmp_path):
    # "Roma" is a Queensland town's own name, and Rome's only in Italian: in a report on
    # Queensland the town, however famous Rome is
    text = ("Cattle prices climb in Queensland\n\n"
            "Buyers in Roma paid record prices on Tuesday, agents said.\n\n"
            "Prices in Toowoomba and Longreach were also strong after the wet season.\n")
    got = _by_surface(tmp_path, text)
    assert (got["Roma"]["country_code"], got["Roma"]["admin1"]) == ("AU", "AU.04"), got["Roma"]


def test_a_world_city_by_its_own_name_keeps_it_beside_a_state(tmp_path):
    # "Rome" is Rome's own name: a report from Georgia that names Rome, Italy keeps it (the
    # context alone, with no town near Rome, Georgia, does not move it)
    text = ("ATLANTA (AP) - Georgia's governor returned on Friday from a trade mission to "
            "Europe. He met wine exporters in Rome and toured a port in Naples.\n")
    got = _by_surface(tmp_path, text)
    assert got["Rome"]["country_code"] == "IT", got["Rome"]
