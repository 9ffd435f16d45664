"""Numbers that are no new figure, and units read right (issue 17), on sentences of our own
through `claimmap extract`: a magnitude said before its number ("put the magnitude ... at
7.3", "6.4 on Richter scale"), a figure restated in another unit in brackets, "200m from the
river" (metres, not people: 'lives' there is a verb), the pronoun "one" ("no one came"),
square miles, "job losses" (not war casualties), "1.5m people" (millions); "the two
provinces", "its three largest cities" refer to places (no count), while "the 14 districts
... are A, B and C" names them (a count).
"""

from __future__ import annotations

import pytest

from tests.common import cli_extract

DAY = "2024-09-03"

TEXT = """Quake and storm in Chile

The 7.1-magnitude earthquake struck 40 kilometres (about 25 miles) from Talca on Monday, the agency said.
The US Geological Survey put the magnitude slightly higher, at 7.3.
A second shock reached 6.4 on Richter scale near Chillan on Monday.
A farmer in Linares who lives about 200m from the river said no one came.
The storm flooded 1,200 square miles of farmland in Maule on Monday.
The closures will bring another 240 job losses in Curico.
The storm displaced 1.5m people in Valdivia on Monday.
Heavy rain fell on the two provinces on Monday, the agency said.
The government banned protests in Chile’s three largest cities on Monday.
The 14 hotspot districts in the country are Arica, Tacna and Ilo.
"""


@pytest.fixture(scope="module")
def claims(tmp_path_factory):
    got = cli_extract(tmp_path_factory.mktemp("notfig"), TEXT, DAY)["claims"]
    return [c for c in got if c.get("value") is not None]


def _one(claims, value):
    hits = [c for c in claims if abs(float(c["value"]) - value) < 0.01 * value]
    assert len(hits) == 1, [(c.get("measure"), c.get("value")) for c in claims]
    return hits[0]


@pytest.mark.parametrize("value", [7.1, 7.3, 6.4])
def test_a_magnitude_said_before_or_on_a_scale(claims, value):
    c = _one(claims, value)
    assert c["measure"] == "magnitude" and c["unit"] == "magnitude", c


def test_a_figure_restated_in_brackets_is_one_figure(claims):
    assert not [c for c in claims if abs(float(c["value"]) - 25 * 1.609344) < 0.1]
    assert _one(claims, 40)["unit"] == "km"


def test_metres_and_pronouns_are_no_figures(claims):
    assert not [c for c in claims if float(c["value"]) in (200.0, 1.0)], claims


def test_square_miles_are_an_area(claims):
    c = _one(claims, 1200 * 2.589988)
    assert c["unit"] == "km2", c


def test_job_losses_are_no_casualties(claims):
    c = _one(claims, 240)
    assert c["measure"] == "job_losses" and c["category"] != "casualties", c


def test_m_before_a_noun_is_millions(claims):
    c = _one(claims, 1_500_000)
    assert c["measure"] == "displaced" and c["unit"] == "people", c


def test_places_referred_to_are_no_count_but_places_named_are(claims):
    assert not [c for c in claims if float(c["value"]) in (2.0, 3.0)], [(c["measure"], c["value"]) for c in claims]
    assert _one(claims, 14)["measure"] == "districts"
