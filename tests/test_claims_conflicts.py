"""Contested figures on unseen text (issue 17), with articles of our own through
`claimmap extract`: a count still running ("at midday, already") does not contest the
day's final counts; ages ("the retirement age, from 62 to 64") are no figures; two figures
that do not say what they count ("tonnage") do not contest each other; rival counts of
one march still do; a count of people with a fraction (a magnitude misread as a toll)
contests nothing; rival figures named with "an earlier count by X was", "X put the
magnitude at", "organisers put the crowd at" are X's and contest each other, while a part
("Of the injured, 12") and another period ("Last year") do not.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from common import cli_extract

CLAIMMAP = str(Path(sys.executable).with_name("claimmap"))
DAY = "2024-05-08"

ARTICLE = """Pension march in Lisbon

At midday, already, the police counted 90,000 marchers in Lisbon.
By the evening, the unions claimed 400,000 marchers in Lisbon, against 150,000 according to the police.
The crowd opposed raising the retirement age, from 66 to 67.
The company near Braga plans to raise copper production to 30,000 tonnes and zinc to 12,000 tonnes, while daily ore capacity can grow to 8,000 tonnes.
"""


@pytest.fixture(scope="module")
def claims(tmp_path_factory):
    return cli_extract(tmp_path_factory.mktemp("conflicts"), ARTICLE, DAY,
                       "march.txt")["claims"]


def _c(claims, value):
    hits = [c for c in claims if c.get("value") is not None and float(c["value"]) == value]
    assert hits, [(c.get("measure"), c.get("value")) for c in claims]
    return hits[0]


def test_a_running_count_is_not_contested_by_the_days_final_ones(claims):
    assert not _c(claims, 90_000)["contested"]


def test_rival_final_counts_are_contested(claims):
    assert _c(claims, 400_000)["contested"] and _c(claims, 150_000)["contested"]


def test_ages_are_no_figures(claims):
    assert not [c for c in claims if c.get("value") in (66, 67)]


def test_figures_that_do_not_say_what_they_count_do_not_contest(claims):
    for c in claims:
        if c.get("measure") == "tonnage":
            assert not c["contested"], c


MISREAD = """Quake in Mexico leaves 30 dead

Guerrero and Colima bear brunt of force that reached 7.4 on Richter scale, officials believe death toll will rise.

There were 22 people killed in Guerrero alone, Governor Ana Ruiz said.
"""


def test_a_fraction_of_a_person_contests_nothing(tmp_path):
    """A magnitude read as a toll ("reached 7.4", after a headline's "30 dead") is no count of
    people: the governor's 22 killed stays uncontested."""
    claims = cli_extract(tmp_path, MISREAD, DAY, "quake.txt")["claims"]
    assert not _c(claims, 22)["contested"]


RIVALS = """Missile strike on Dnipro

The death toll from the strike on Dnipro has risen to 13, the regional governor said on Tuesday. An earlier count by the city council was four.

A strong earthquake shook the coast near Izmir on Monday. The quake had a magnitude of 6.1, the Turkish disaster agency AFAD said. The US Geological Survey put the magnitude at 5.9.

Police said 12,000 people marched in Lyon on Saturday, while organisers put the crowd at 40,000.

In Lyon, 30 people were injured. Of the injured, 12 were police officers.
Last year, 300 people marched in Lyon.
"""


@pytest.fixture(scope="module")
def rivals(tmp_path_factory):
    return cli_extract(tmp_path_factory.mktemp("rivals"), RIVALS, DAY, "rivals.txt")["claims"]


@pytest.mark.parametrize("value,source", [
    (13, "regional governor"), (4, "city council"),       # a revised toll: "an earlier count by X was"
    (6.1, "AFAD"), (5.9, "US Geological Survey"),          # two agencies' magnitudes: "X put the magnitude at"
    (12_000, "Police"), (40_000, "organisers"),            # police and organisers: "organisers put the crowd at"
])
def test_rival_figures_have_their_own_sources_and_are_contested(rivals, value, source):
    c = _c(rivals, value)
    assert c["source"] == source and c["contested"], c


@pytest.mark.parametrize("value", [30, 12, 300])
def test_a_part_or_another_period_is_not_contested(rivals, value):
    assert not _c(rivals, value)["contested"]
