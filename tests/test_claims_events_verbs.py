"""Events told in verbs the war vocabulary lacked (issue 17), with an article of our own
through `claimmap extract`: an armed group that attacked or raided a place, houses set on
fire, a call to leave ("urged residents to move to higher ground", "ordered fishing boats
back to harbour"), a storm that passed over or made landfall, gales that uprooted trees,
production moved abroad; a country the incident's own clause names is its place, not a
place of the clause before ("Before reaching X, the storm passed over Madagascar").
"""

from __future__ import annotations

import pytest
from common import cli_extract, events_on_line

DAY = "2024-05-08"

ARTICLE = """Storms, raids and a factory

Gunmen attacked the village of Kidal on Sunday and were driven off by soldiers.

In Gao, several houses were set on fire overnight.

The disaster agency urged residents of low-lying parts of Beira to move to higher ground.

Authorities in Xiamen ordered all fishing boats to return to harbour by noon on Tuesday.

Before reaching Mozambique, the storm passed over northern Madagascar on Monday.

The cyclone made landfall near Quelimane on Tuesday night.

Strong winds uprooted trees and tore roofs off homes in Nacala.

The company said its production would be shifted to its plant in Thailand next year.
"""

EVENTS = [
    ("Gunmen attacked the village", "military", "Kidal"),
    ("houses were set on fire", "military", "Gao"),
    ("urged residents of low-lying", "humanitarian", "Beira"),
    ("ordered all fishing boats", "humanitarian", "Xiamen"),
    ("storm passed over northern Madagascar", "humanitarian", "Madagascar"),
    ("made landfall near Quelimane", "humanitarian", "Quelimane"),
    ("Strong winds uprooted trees", "humanitarian", "Nacala"),
    ("production would be shifted", "economic", "Thailand"),
]


@pytest.fixture(scope="module")
def doc(tmp_path_factory):
    return cli_extract(tmp_path_factory.mktemp("verbs"), ARTICLE, DAY, "verbs.txt")


@pytest.mark.parametrize("words,category,place", EVENTS)
def test_the_event_is_found_with_its_category_and_place(doc, words, category, place):
    at = ARTICLE.index(words)
    start, end = ARTICLE.rindex("\n", 0, at), ARTICLE.index("\n", at)
    names = {p["key"]: p["name"] for p in doc["places"]}
    events = [c for c in doc["claims"] if c.get("value") is None and start <= c["span_start"] < end]
    assert any(c["category"] == category and any(place in names.get(k, k) for k in c["places"])
               for c in events), [(c["category"], [names.get(k, k) for k in c["places"]]) for c in events]


CROWDS_AND_VICTIMS = """Unrest in the south

Police on Monday prevented opposition supporters from entering the centre of Mombasa.

Two people died in Kisumu on Tuesday, while a police officer in Eldoret died after his car was set on fire.

In Nakuru, 48 people -- 20 men and 28 women -- are missing.
"""


@pytest.fixture(scope="module")
def unrest(tmp_path_factory):
    return cli_extract(tmp_path_factory.mktemp("unrest"), CROWDS_AND_VICTIMS, DAY, "unrest.txt")


def _line_events(doc, text, words):
    names = {p["key"]: p["name"] for p in doc["places"]}
    return [(c["category"], [names.get(k, k) for k in c["places"]])
            for c in events_on_line(doc, text, words)]


def test_crowd_control_is_a_protest_event(unrest):
    events = _line_events(unrest, CROWDS_AND_VICTIMS, "prevented opposition supporters")
    assert ("political", ["Mombasa"]) in events, events


def test_a_single_victim_beside_a_count_is_an_event(unrest):
    events = _line_events(unrest, CROWDS_AND_VICTIMS, "a police officer in Eldoret")
    assert any(cat == "casualties" and "Eldoret" in places for cat, places in events), events


def test_the_missing_a_figure_counts_are_no_event(unrest):
    assert not _line_events(unrest, CROWDS_AND_VICTIMS, "are missing")


NATIONAL = """Floods in the north

Floods hit Bologna on Sunday, cutting roads.

The government later declared a national state of emergency, which lets Rome speed up repairs.
"""


def test_a_national_event_goes_on_the_country_not_its_capital(tmp_path):
    doc = cli_extract(tmp_path, NATIONAL, DAY, "national.txt")
    events = _line_events(doc, NATIONAL, "national state of emergency")
    assert any(places == ["Italy"] for _, places in events), events
