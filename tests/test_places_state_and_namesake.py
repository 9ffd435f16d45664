"""A state named bare, and a town the article's state holds a namesake of: texts written
for these tests, run through ``claimmap places`` as a user runs it."""

from __future__ import annotations

from common import cli_places


def _got(tmp_path, text):
    return cli_places(tmp_path, text)


def test_a_state_named_bare_is_the_state_not_a_small_town_of_its_name(tmp_path):
    # towns called Virginia (South Africa, Minnesota) are 47 and 670 times smaller
    got = _got(tmp_path, "Teachers across Virginia will get a raise under the budget "
                         "the governor signed on Friday.")
    assert [(p["surface"], p["kind"], p["admin1"]) for p in got] == [
        ("Virginia", "admin1", "US.VA")], got


def test_a_city_beside_its_state_still_comes_first(tmp_path):
    got = _got(tmp_path, "Subway service in New York was cut overnight after the storm.")
    assert got[0]["name"] == "New York City", got


def test_a_town_the_articles_state_holds_a_namesake_of_is_that_states(tmp_path):
    # Alexandria, Egypt is 33 times larger than Alexandria, Virginia: the article's state
    # names the one it means, however often the town is named before it
    text = ("Man charged in stabbing\n\n"
            "Alexandria police arrested a man on Friday after a woman was stabbed in her "
            "apartment, a police spokeswoman said. An Alexandria grand jury will hear the "
            "case next month, and the suspect is held at the Alexandria jail.\n\n"
            "He was arrested in Ohio and is awaiting a transfer to Virginia, where he will "
            "stand trial. Virginia law allows a bond hearing within three days.\n")
    got = [p for p in _got(tmp_path, text) if p["surface"] == "Alexandria"]
    assert len(got) == 3, got
    assert all((p["country_code"], p["admin1"]) == ("US", "US.VA") for p in got), got


def test_a_towns_own_police_beside_the_articles_towns_is_the_local_namesake(tmp_path):
    # Berlin, Germany is 150 times larger; the article's towns are around Hartford, and
    # "Berlin police" says the story is the town's own news
    text = ("A driver crashed into a tree in Berlin on Sunday. Berlin police said he was "
            "flown to a hospital in Hartford, and firefighters from New Britain and "
            "Newington cut him free.")
    got = [p for p in _got(tmp_path, text) if p["surface"] == "Berlin"]
    assert got and all(p["country_code"] == "US" for p in got), got


def test_a_famous_citys_police_far_from_the_articles_towns_stay_the_famous_citys(tmp_path):
    text = ("Paris police said the American tourist from Denver and her friend from "
            "Boston were robbed on Tuesday night.")
    got = {p["surface"]: p for p in _got(tmp_path, text)}
    assert got["Paris"]["country_code"] == "FR", got
