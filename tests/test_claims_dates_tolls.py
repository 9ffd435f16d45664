"""The date of a toll that names neither its event nor a date (issue 17), with articles
of our own through `claimmap extract`: in an article that dates one event, the toll is
that event's, not the day the last statement was made ("..., a nurse told a radio station
on Thursday. Early counts put the number of the dead at 15": Tuesday's attack) nor the
report's; a number before a word that starts like a month's abbreviation ("24 Martyred")
is no date; a figure told in the present perfect after a contrast ("was first spotted
on June 2, but has since grown to 40 square kilometres") stands at the report, not at the
other clause's date; a sentence that names the event the text dated ("The rain was far
heavier this time.") dates the figures told after it in its paragraph; a month said beside a year ("Last year, in
November", "in March last year") is that month of that year; a change compared with last
year ("This is an increase of 10% compared to the figures for the same period last year")
is at the date of the figure it changes; a day said in a clause about what is to come
("will hold campaigns in 14 districts from March 8") is the coming one; a sentence that gives
no claim and dates a time long past (a biography's "from December 2018 to March 2020") is
background and dates nothing after it; "the fire" is an event ("came under fire" is not), and
a date inside what is said ("said the fire started around 4am on Thursday") is the event's.
"""

from __future__ import annotations

import pytest
from common import cli_extract

DAY = "2024-05-11"          # a Saturday: Tuesday is 7 May, Thursday 9 May

ONE_EVENT = """Market attack in Maiduguri

The attack on the main market in Maiduguri happened early on Tuesday and killed at least 40 people, according to the state police.
Bodies lay in the streets of the town after the attack, a nurse told a local radio station on Thursday.
Early counts put the number of the dead at 15, but rescuers found more bodies in the rubble.
"""

TOLL_HEADLINE = """24 Martyred, 61 Injured in Raids on Multan

Raids on Multan on Monday killed 24 people and injured 61.
"""

STANDING = """Wildfire near Kelowna

The wildfire near Kelowna was first spotted on June 2, but has since grown to 40 square kilometres.

The fire near Kelowna burned 12 square kilometres on June 3.
"""

TOLD_ON = """Floods in Murcia

A storm struck Murcia on Tuesday, flooding hundreds of homes.

Last year, a milder storm brought 90 litres of rain per square metre to Murcia in a day.

The rain was far heavier this time. In Lorca, some 300 litres fell over several hours.
"""

MONTH_OF_YEAR = """Protests in Cali

Last year, in November, three people were killed in protests in Cali.

In March last year, 40 people were arrested in Cali.
"""

COMPARED = """Arrivals in Spain

Some 1,200 migrants reached Spain in January, the Interior Ministry said. This is an increase of 10% compared to the figures for the same period last year.

Punjab will hold polio vaccination campaigns in 14 districts from March 8, the minister announced here on Monday.
"""

BACKGROUND = """Election results in Kerala

Jane Doe was first elected chief minister of Kerala in November 2005. Since then she has led Kerala, except for a brief period from December 2018 to March 2020.
In terms of vote share, the BJP got 48.5% of all votes in Kerala, while the Congress got 40.1%.
"""

FIRE = """Fire razes market in Bida

Bida Central Market has been razed by fire, which destroyed goods worth millions of naira.

The emir of Bida, Jane Doe, said the fire started around 4am on Thursday, adding that more than half of the market was affected.

He said firefighters came under fire from looters. Doe also stated that four traders who slept in their shops were injured.
"""


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("toll_dates")
    return {"one": cli_extract(folder, ONE_EVENT, DAY, "market.txt")["claims"],
            "head": cli_extract(folder, TOLL_HEADLINE, "2025-05-07", "raids.txt")["claims"],
            "fire": cli_extract(folder, STANDING, "2023-06-09", "fire.txt")["claims"],
            "rain": cli_extract(folder, TOLD_ON, "2024-11-01", "rain.txt")["claims"],
            "cali": cli_extract(folder, MONTH_OF_YEAR, "2020-05-22", "cali.txt")["claims"],
            "spain": cli_extract(folder, COMPARED, "2017-03-06", "spain.txt")["claims"],
            "kerala": cli_extract(folder, BACKGROUND, "2023-12-03", "kerala.txt")["claims"],
            "fire2": cli_extract(folder, FIRE, "2022-01-28", "bida.txt")["claims"]}


def _c(claims, value):
    hits = [c for c in claims if c.get("value") is not None and float(c["value"]) == value]
    assert hits, [(c.get("measure"), c.get("value")) for c in claims]
    return hits[0]


def test_a_toll_after_a_statement_date_is_the_events(docs):
    assert _c(docs["one"], 15)["date_start"] == "2024-05-07"


def test_an_early_count_of_the_same_toll_contests_the_later_one(docs):
    assert _c(docs["one"], 15)["contested"] and _c(docs["one"], 40)["contested"]


def test_a_headline_toll_with_martyred_is_read(docs):
    assert _c(docs["head"], 24)["measure"] == "killed" and _c(docs["head"], 61)["measure"] == "injured"


def test_a_word_starting_like_a_month_is_no_date(docs):
    assert all(not (c["date_start"] or "").startswith("2025-03") for c in docs["head"]), \
        [(c.get("value"), c["date_start"]) for c in docs["head"]]


def test_a_figure_standing_at_the_report_is_not_dated_by_a_contrasted_clause(docs):
    assert _c(docs["fire"], 40)["date_start"] == "2023-06-09"
    assert _c(docs["fire"], 12)["date_start"] == "2023-06-03"


def test_a_sentence_naming_the_dated_event_dates_what_follows(docs):
    assert _c(docs["rain"], 300)["date_start"] == "2024-10-29"
    assert _c(docs["rain"], 90)["date_start"] == "2023"


def test_a_month_beside_a_year_is_that_month_of_that_year(docs):
    assert _c(docs["cali"], 3)["date_start"] == "2019-11"
    assert _c(docs["cali"], 40)["date_start"] == "2019-03"


def test_a_change_compared_with_last_year_is_at_the_changed_figures_date(docs):
    assert _c(docs["spain"], 10)["date_start"] == "2017-01"


def test_a_day_in_a_clause_about_what_is_to_come_is_the_coming_one(docs):
    assert _c(docs["spain"], 14)["date_start"] == "2017-03-08"


def test_a_background_sentence_long_past_dates_nothing_after_it(docs):
    assert _c(docs["kerala"], 48.5)["date_start"] == "2023-12-03"


def test_a_fires_toll_is_at_the_day_the_fire_started(docs):
    assert _c(docs["fire2"], 4)["date_start"] == "2022-01-27"
