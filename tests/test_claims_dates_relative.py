"""Dates said relative to another or to the article's date (issue 17), with an article of
our own through `claimmap extract` (published Wednesday 2024-05-08): a weekday of what is
to come ("will open Friday"), an offset ("a day after 12 people were killed"), "by
<date>" as of then, "last week" as the seven days before the article, a year dating its
noun ("a 1998 flood"), an epidemiological week ("the reporting Week Twelve"), the start of
a part of a year ("the first three months of 2024"), a financial year ("2022/23"), "that
year" (the year said before), and a decade that is no year ("since the early 2000s" gives no date
to carry on to the next sentence).
"""

from __future__ import annotations

import pytest
from common import cli_extract

DAY = "2024-05-08"

ARTICLE = """Floods along the Tisza

The new bridge at Szeged will open Friday with 40 buses an hour crossing it.

The mayor of Szolnok on Tuesday ordered schools shut, a day after 12 people were killed in the flood.

Around 3,000 people had left Csongrad by April 30, the county said.

The agency said in a report last week that 250 homes were damaged in Tokaj.

The river rose higher than in a 1998 flood that killed 9 people in Vasarosnameny.

It is the worst flooding in the region since the early 2000s, officials in Kisvarda said. Around 600 soldiers have been sent to Kisvarda.

In the reporting Week Twelve, 31 new cases of cholera were confirmed in Debrecen.

A total of 7,400 visitors came to Eger in the first three months of 2024, the town said.

The county council in Pecs spent 880 million forints on roads in the 2022/23 financial year.

Floods struck Gyor in 2013.

That year 340 homes were damaged in Gyor, the mayor said.
"""

CASES = [
    (40, "2024-05-10"),          # "will open Friday": the coming Friday
    (12, "2024-05-06"),          # "on Tuesday ..., a day after 12 people were killed": Monday
    (3000, "2024-04-30"),        # "by April 30": as of then
    (250, "2024-05"),            # "last week" from Wednesday 8 May: 1-7 May
    (9, "1998"),                 # "a 1998 flood"
    (31, "2024-03-18"),          # "the reporting Week Twelve": the Monday of ISO week 12
    (7400, "2024-01"),           # "the first three months of 2024": from January
    (880000000, "2022"),         # "the 2022/23 financial year": 2022 to 2023
    (340, "2013"),               # "That year": the year said before
]


@pytest.fixture(scope="module")
def doc(tmp_path_factory):
    return cli_extract(tmp_path_factory.mktemp("dates"), ARTICLE, DAY, "dates.txt")


def _figure(doc, value):
    hits = [c for c in doc["claims"] if c.get("value") == value]
    assert hits, [(c.get("value"), c.get("date_start")) for c in doc["claims"]]
    return hits[0]


@pytest.mark.parametrize("value,day", CASES)
def test_a_relative_date_is_resolved(doc, value, day):
    assert _figure(doc, value)["date_start"] == day


def test_a_decade_is_no_date_to_carry(doc):
    soldiers = _figure(doc, 600)
    assert not soldiers["date_start"].startswith("2000"), soldiers["date_start"]
