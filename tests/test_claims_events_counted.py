"""An incident a figure already tells is no second, figure-less event (issue 17), with an
article of our own through `claimmap extract`: the figure counts the incident ("4,000
people have been evacuated", "carried out 300 strikes", "259 homes were razed"), or the
incident is what caused the count ("the quake, which killed 58", "a strike on the town
killed two", "three were killed when a landslide hit"). An incident beside a figure that
it did not cause or count stays an event ("six people were wounded by a missile barrage";
"a missile strike targeted the port, killing three").
"""

from __future__ import annotations

import pytest
from common import cli_extract

DAY = "2024-05-08"

ARTICLE = """Storms and strikes

In total, 4,200 people have been evacuated from Tromso since Monday, the mayor said.

The army carried out 310 strikes on Narvik over the weekend.

In Bodo, 147 homes were razed and 52 homes were damaged.

Officials said that more than 900 residents had been evacuated in Alta.

A powerful earthquake, which killed 58 people, struck Hammerfest on Monday.

A drone strike on the port city of Kirkenes killed two people on Tuesday.

Three people were killed when a landslide hit their homes in Molde.

Six people were wounded by a missile barrage on Harstad on Tuesday.

A missile strike targeted the port of Bergen on Monday, killing three workers.
"""

TOLD = ["4,200 people have been evacuated", "carried out 310 strikes", "147 homes were razed",
        "900 residents had been evacuated", "earthquake, which killed 58", "drone strike on the port city",
        "killed when a landslide"]
EVENTS = [("missile barrage on Harstad", "military", "Harstad"),
          ("missile strike targeted the port of Bergen", "military", "Bergen")]


@pytest.fixture(scope="module")
def doc(tmp_path_factory):
    return cli_extract(tmp_path_factory.mktemp("counted"), ARTICLE, DAY, "counted.txt")


def _line(words):
    at = ARTICLE.index(words)
    return ARTICLE.rindex("\n", 0, at), ARTICLE.index("\n", at)


@pytest.mark.parametrize("words", TOLD)
def test_an_incident_its_figure_tells_is_no_second_event(doc, words):
    start, end = _line(words)
    figures = [c for c in doc["claims"] if c.get("value") is not None and start <= c["span_start"] < end]
    events = [c for c in doc["claims"] if c.get("value") is None and start <= c["span_start"] < end]
    assert figures, words
    assert not events, [(c["category"], c["quote"] if "quote" in c else c["span_start"]) for c in events]


@pytest.mark.parametrize("words,category,place", EVENTS)
def test_an_incident_beside_a_figure_it_did_not_count_stays_an_event(doc, words, category, place):
    start, end = _line(words)
    names = {p["key"]: p["name"] for p in doc["places"]}
    events = [c for c in doc["claims"] if c.get("value") is None and start <= c["span_start"] < end]
    assert any(c["category"] == category and any(place in names.get(k, k) for k in c["places"])
               for c in events), [(c["category"], c["places"]) for c in events]
