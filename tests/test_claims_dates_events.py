"""A figure whose sentence gives no date takes the date the text gives for the same event
(issue 17), with an article of our own through `claimmap extract` (published Wednesday
2024-05-08): "an attack that killed 9" dated by a later "The attack happened on
Thursday"; "the typhoon destroyed 120 homes" by an earlier "The typhoon made landfall on
Monday"; "the attack also damaged 30 houses" by the strike said just before; not a date said of another event (another storm's name; "an earlier strike"),
nor for a toll that
stands as of the report ("14 people have died") or a figure told in the present ("the 17
districts with cases are ...").
"""

from __future__ import annotations

import pytest
from common import cli_extract

DAY = "2024-05-08"

ARTICLE = """Storms and strikes

A missile attack on Kramatorsk killed 9 people, officials said.

Rescuers worked through the night. The attack happened in the early hours of Thursday.

The typhoon made landfall near Wenzhou on Monday.

In Taizhou, the typhoon destroyed 120 homes.

Storm Anna flooded Galati on April 2.

Storm Boris destroyed 50 homes in Braila.

An air strike on Konstantinovka killed 25 people last December. The attack also damaged 30 houses in Druzhkivka.

The storm made landfall near Constanta on Monday.

So far 14 people have died in the storm in Mangalia, officials said.

Cholera broke out in Zomba on March 3. The 17 districts with cases are Zomba, Balaka and Machinga, the ministry said.
"""

CASES = [
    (9, "2024-05-02"),           # the attack's date, said after it
    (120, "2024-05-06"),         # the typhoon's date, said before it
    (50, "2024-05-08"),          # another storm's date is not Boris's: the report's
    (30, "2023-12"),             # "the attack" is the air strike said just before
    (14, "2024-05-08"),          # a standing toll: the report's date
    (17, "2024-05-08"),          # told in the present: as of the report, not the outbreak's day
]


@pytest.fixture(scope="module")
def doc(tmp_path_factory):
    return cli_extract(tmp_path_factory.mktemp("evdates"), ARTICLE, DAY, "evdates.txt")


@pytest.mark.parametrize("value,day", CASES)
def test_a_figure_takes_its_events_date(doc, value, day):
    hits = [c for c in doc["claims"] if c.get("value") == value]
    assert hits, [(c.get("value"), c.get("date_start")) for c in doc["claims"]]
    assert hits[0]["date_start"] == day, hits[0].get("note")
