"""States written as the press abbreviates them beyond a dateline: after a party's letter,
in brackets, before a word in lower case; texts written for these tests, run through
``claimmap places`` as a user runs it."""

from __future__ import annotations

from common import cli_places


def _pairs(tmp_path, text):
    return [(p["surface"], p["name"]) for p in cli_places(tmp_path, text)]


def test_a_legislators_state_after_the_party_letter(tmp_path):
    got = _pairs(tmp_path, "The bill was backed by Rep. Ann Hollis, D-N.M., and opposed "
                           "by Sen. Carl Brandt, R-Ky., who called it wasteful.")
    assert ("N.M.", "New Mexico") in got and ("Ky.", "Kentucky") in got, got
    # the letter and the state are no hyphenated name of a town ("D-N" read as a village)
    assert all(s in ("N.M.", "Ky.") for s, _ in got), got


def test_a_state_in_brackets_after_a_county(tmp_path):
    got = _pairs(tmp_path, "The Floyd County (Ga.) Sheriff's Office asked for help.")
    assert ("Ga.", "Georgia") in got, got


def test_a_state_before_a_word_in_lower_case(tmp_path):
    got = _pairs(tmp_path, "Tenn. lawmakers back new school funding plan\n\n"
                           "The vote came after two Ark. utilities raised their rates.")
    assert ("Tenn.", "Tennessee") in got and ("Ark.", "Arkansas") in got, got


def test_an_abbreviation_that_is_a_word_ending_a_sentence_stays_a_word(tmp_path):
    got = _pairs(tmp_path, "The family went to Mass. Afterwards they drove home.")
    assert not any(s == "Mass." for s, _ in got), got


def test_undotted_abbreviations_of_australian_states(tmp_path):
    got = _pairs(tmp_path, "Fire crews from Qld were sent south after 60 homes burned in "
                           "NSW over the weekend.")
    assert ("Qld", "Queensland") in got and ("NSW", "New South Wales") in got, got


def test_canadian_provinces_as_the_press_writes_them(tmp_path):
    got = _pairs(tmp_path, "The barn burned down near Sussex, N.B. on Tuesday, and a ferry "
                           "left Charlottetown, P.E.I. an hour late.")
    assert ("N.B.", "New Brunswick") in got and ("P.E.I.", "Prince Edward Island") in got, got
