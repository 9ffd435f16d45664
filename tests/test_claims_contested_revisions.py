"""Contested figures said as revisions (issue 17), with articles of our own through
`claimmap extract`: an earlier count by another source of the same toll ("The army had
earlier said that 11 soldiers had been killed") contests the later one even when the
lead's place was only guessed from the next sentence; a lower bound said for two
figures at once ("more than 50 people dead and 150 wounded") is one for both, so a later
"170 wounded" does not contest it; those who "crossed into" a country and those who
"arrived in recent weeks" are one flow counted twice (the report's month overlaps the
day of the first count); a sentence that says it revises a figure ("The latest revision of
the plan cut the number of homes needed from 42,000 to 35,500") contests the figure it
revises, while a change over time ("grew from 1.5 million to 1.6 million") does not.
"""

from __future__ import annotations

import pytest
from common import cli_extract

DAY = "2024-05-11"

EARLIER_COUNT = """Army post attacked

About fifteen soldiers were killed on Friday when gunmen attacked an army post, the defence minister said.

The post lies outside Dori, close to the border.

The army had earlier said that 11 soldiers had been killed in Friday's attack.
"""

SHARED_BOUND = """Blast at a depot in Kano

A blast at a fuel depot in Kano on Friday left more than 50 people dead and 150 wounded.

A hospital director said that 56 people had been killed and 170 wounded in the blast in Kano.
"""

ONE_FLOW = """Refugees reach Chad

According to the Chadian government, around 8,000 people have crossed into Chad to escape the fighting by March 3.
The UN refugee agency (UNHCR) estimates that around 20,000 have arrived in recent weeks, with hundreds more arriving every day.
"""

REVISED = """Housing plan for Kent

The latest revision of the plan cut the number of homes needed in Kent from 42,000 to 35,500.

The population of Kent grew from 1.5 million to 1.6 million.
"""


@pytest.fixture(scope="module")
def claims(tmp_path_factory):
    return cli_extract(tmp_path_factory.mktemp("revisions"), EARLIER_COUNT, DAY, "post.txt")["claims"]


@pytest.fixture(scope="module")
def bound(tmp_path_factory):
    return cli_extract(tmp_path_factory.mktemp("revisions"), SHARED_BOUND, DAY, "depot.txt")["claims"]


def _c(claims, value):
    hits = [c for c in claims if c.get("value") is not None and float(c["value"]) == value]
    assert hits, [(c.get("measure"), c.get("value")) for c in claims]
    return hits[0]


def test_an_earlier_count_by_another_source_contests_the_later_one(claims):
    assert _c(claims, 15)["contested"] and _c(claims, 11)["contested"]


def test_a_lower_bound_said_for_two_figures_bounds_both(bound):
    assert not _c(bound, 150)["contested"] and not _c(bound, 170)["contested"]


def test_crossings_and_arrivals_in_recent_weeks_are_rival_counts(tmp_path):
    flow = cli_extract(tmp_path, ONE_FLOW, "2024-03-04", "chad.txt")["claims"]
    assert _c(flow, 20_000)["date_start"] == "2024-03"
    assert _c(flow, 8_000)["contested"] and _c(flow, 20_000)["contested"]


def test_a_figure_said_as_revised_contests_the_one_it_revises(tmp_path):
    plan = cli_extract(tmp_path, REVISED, DAY, "kent.txt")["claims"]
    assert _c(plan, 42_000)["contested"] and _c(plan, 35_500)["contested"]
    assert not _c(plan, 1_500_000)["contested"] and not _c(plan, 1_600_000)["contested"]
