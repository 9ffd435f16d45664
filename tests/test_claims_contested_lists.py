"""What makes a figure contested, and where list items and events told again go (issue 17),
with articles of our own through `claimmap extract`: two sums of money are not one measure;
a count ten times another is not its rival ("1,900 hurt" across a country, "14 firefighters
hurt"); a national total put on the next sentence's place does not contest that place's own
figure; a toll told at length before "had risen to 61" is found, and "in that attack"
later takes the attack's date, so the earlier count contests it; a list item is a sentence
of its own, with the source of the line that introduces the list, and a list of places keeps
an item whose label the gazetteer cannot place on that label, not on the item before.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from common import cli_extract

CLAIMMAP = str(Path(sys.executable).with_name("claimmap"))
DAY = "2024-05-08"            # a Wednesday

ARTICLES = {
    "money": """Chip maker to expand in Boise

Micron Parts will invest $4 billion in its plant in Boise, with salaries averaging $95,000.
""",
    "ratio": """Strikes across Syria

Health officials said 1,900 people were hurt across Syria on Monday.

In Homs on Monday, 14 firefighters were hurt, the civil defence said.
""",
    "after": """Attacks over the past day

Shelling hit six of the country's regions over the past day, injuring at least 30 people, local officials reported.

In Sumy Oblast, nine people were injured, the Sumy Oblast Military Administration reported.
""",
    "revised": """Toll rises in Tyre

The health minister said the toll from the strike in Tyre on Saturday that hit the port, its fuel depot and a market, had risen to 61.

Officials had earlier reported 40 dead in that attack.
""",
    "list": """Storm damage by county

The state emergency agency listed the damage by county on Tuesday.

- Kent: 40 homes damaged.
- Sussex: 12 homes damaged.
- Zorblatt: 9 homes damaged.
- Essex: 7 homes damaged.
""",
    "intro": """Storm in Fife

As the Fife Region Fire Service reported, after the storm in Kirkcaldy:
- 2 people were killed;
- 6 residents were injured.
""",
}


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("contested_lists")
    out = {}
    for name, text in ARTICLES.items():
        out[name] = cli_extract(folder, text, DAY, f"{name}.txt")
    return out


def _fig(doc, value):
    hits = [c for c in doc["claims"] if c.get("value") is not None and float(c["value"]) == value]
    assert hits, [(c.get("measure"), c.get("value")) for c in doc["claims"]]
    return hits[0]


def test_two_sums_of_money_do_not_contest(docs):
    assert not _fig(docs["money"], 4e9)["contested"]
    assert not _fig(docs["money"], 95_000)["contested"]


def test_a_count_ten_times_another_is_not_its_rival(docs):
    assert not _fig(docs["ratio"], 1900)["contested"]
    assert not _fig(docs["ratio"], 14)["contested"]


def test_a_total_put_on_the_next_sentences_place_does_not_contest_it(docs):
    assert not _fig(docs["after"], 30)["contested"]
    assert not _fig(docs["after"], 9)["contested"]


def test_a_toll_told_at_length_is_found_and_its_earlier_count_contests_it(docs):
    new, old = _fig(docs["revised"], 61), _fig(docs["revised"], 40)
    assert new["measure"] == "killed"
    assert old["date_start"] == new["date_start"] == "2024-05-04"
    assert new["contested"] and old["contested"]


def test_a_list_item_stays_on_its_own_label(docs):
    doc = docs["list"]
    item = _fig(doc, 9)
    keys = {p["key"]: p for p in doc["places"]}
    named = [keys[k]["name"] for k in item["places"] if k in keys]
    assert "Sussex" not in named and "Kent" not in named
    assert item.get("unresolved_place") == "Zorblatt" or "Zorblatt" in str(item["places"])
    assert not _fig(doc, 12)["contested"]


def test_list_items_are_sentences_that_take_the_source_of_their_introduction(docs):
    doc = docs["intro"]
    for value in (2, 6):
        assert _fig(doc, value)["source"] == "Fife Region Fire Service"
    assert _fig(doc, 2)["measure"] == "killed" and _fig(doc, 6)["measure"] == "injured"
