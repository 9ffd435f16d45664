"""A word of the humanitarian or territorial vocabulary that names a state, a body, a place
or a person's lot is no event (issue 17), with an article of our own through `claimmap
extract`: "an evacuation point", "her evacuation", "the UN refugee agency", "refugee
status", "on the brink of famine", "a humanitarian crisis", "the occupied city of X".
The acts stay events: people evacuated, rescuers prevented from entering a town, troops
that occupied a town.
"""

from __future__ import annotations

import pytest
from common import cli_extract, events_on_line

DAY = "2024-05-08"

ARTICLE = """A week in the east

At an evacuation point near Lviv, volunteers handed out tea and blankets.

Olena, a teacher, said she had slept badly the night before her evacuation to Rivne.

The UN refugee agency opened an office in Chisinau on Monday.

Those who reached Uzhhorod would be granted refugee status, the mayor said.

Millions in Somalia are now on the brink of famine.

The war in Sudan has led to a severe humanitarian crisis in Darfur.

Bread prices doubled in the occupied city of Melitopol this spring.

Residents of Sumy were evacuated on Monday as the front moved closer.

Rescue workers were prevented from entering Kharkiv on Tuesday.

Russian troops occupied Kreminna in March, the governor said.
"""

NO_EVENT = ["evacuation point near Lviv", "before her evacuation", "UN refugee agency",
            "granted refugee status", "brink of famine", "humanitarian crisis in Darfur",
            "occupied city of Melitopol"]
EVENTS = [("Residents of Sumy were evacuated", "humanitarian", "Sumy"),
          ("prevented from entering Kharkiv", "humanitarian", "Kharkiv"),
          ("Russian troops occupied Kreminna", "territorial", "Kreminna")]


@pytest.fixture(scope="module")
def doc(tmp_path_factory):
    return cli_extract(tmp_path_factory.mktemp("states"), ARTICLE, DAY, "states.txt")


def _events(doc, words):
    return events_on_line(doc, ARTICLE, words)


@pytest.mark.parametrize("words", NO_EVENT)
def test_a_state_a_body_or_a_place_named_by_the_vocabulary_is_no_event(doc, words):
    events = _events(doc, words)
    assert not events, [(c["category"], c["places"]) for c in events]


@pytest.mark.parametrize("words,category,place", EVENTS)
def test_the_acts_stay_events(doc, words, category, place):
    names = {p["key"]: p["name"] for p in doc["places"]}
    events = _events(doc, words)
    assert any(c["category"] == category and any(place in names.get(k, k) for k in c["places"])
               for c in events), [(c["category"], c["places"]) for c in events]
