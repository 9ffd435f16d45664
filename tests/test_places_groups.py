"""A group named before a noun for its members ("Hamas militants"), where its name is no
place's own but only another name GeoNames gives a town: texts written for these tests,
run through ``claimmap places`` as a user runs it."""

from __future__ import annotations

from common import cli_places


def test_a_group_whose_name_is_only_another_name_of_a_town(tmp_path):
    # GeoNames lists "Hamas" among the names of Hamm, Germany, which the article names
    got = [(p["surface"], p["name"]) for p in cli_places(
        tmp_path, "Hamas militants clashed with troops near Khan Younis on Tuesday, "
                  "and Germany's foreign minister called for a ceasefire in Berlin.")]
    assert not any(s == "Hamas" for s, _ in got), got
    assert any(s == "Khan Younis" for s, _ in got), got


def test_a_town_named_before_gunmen_is_still_the_town(tmp_path):
    got = [p["surface"] for p in cli_places(
        tmp_path, "Gunmen attacked a bus in Kaduna; police said the Kaduna gunmen fled.")]
    assert got.count("Kaduna") == 2, got
