"""Open measures (issue 17) on sentences of our own, through `claimmap extract`: what
happened to the things counted names the measure (the noun's head and its state: a verb
before the number, a participle after the noun, or the verb of the list the number is an
item of), families and households are counted, not people, and a length of roads is the
roads'.
"""

from __future__ import annotations

import pytest

from tests.common import cli_extract

DAY = "2024-03-11"

ARTICLES = {
    "lists": """Cyclone damage in Tonga

The cyclone destroyed 2,140 houses and damaged 37 health centres, 112 classrooms (affecting 9,300 pupils), 85 power poles and 64km of roads in Tongatapu.
Rebels said they had captured three more villages near Goma on Friday.
Officials said 23 schools were closed in Cork after the storm.
In Kharkiv, 19 strikes hit four districts overnight.
""",
    "county_list": """Storm damage by county

- Adams: One home and 14 roads damaged.
- Baker: 52 homes and 9 roads
Firefighters managed to save more than 1,500 buildings near Armidale.
""",
    "heads": """Storm damage by parish

- Avoyelles: One home damaged.
- Catahoula: One business damaged.
The Green Party secured one seat – Baton Rouge.
Russian forces launched 120 attacks against Zaporizhzhia Oblast on Monday.
People in 140 Chernihiv settlements were told to leave on Monday.
About 1,900 U.S. workers at the plant in Toledo will lose their jobs.
Five water-dropping planes were deployed over Evia on Monday.
Of these, there were 9 women and one child.
""",
    "jobs": """Plant closures and a typhoon

Acme will lay off 140 employees at its plant in Dayton on Monday.
A further 260 jobs will go when the Akron plant closes.
More than 900 jobs will be destroyed in Toledo, the union said.
The typhoon brought gales of up to 160 kilometers per hour to Manila on Monday.
More than 80,000 people in Cebu were affected and 31,000 of them had been relocated.
About 300 positions would be added in Dayton, the company said.
Ukrainian drones struck 12 Russian positions near Bakhmut on Monday.
""",
    "groups": """Floods in Kisumu

The floods displaced at least 450 families in Kisumu on Sunday.
In Busia, about 70 households were evacuated.
""",
}


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    out = {}
    for name, text in ARTICLES.items():
        folder = tmp_path_factory.mktemp(name)
        out[name] = cli_extract(folder, text, DAY)["claims"]
    return out


def _fig(docs, name, value):
    hits = [c for c in docs[name] if c.get("value") == value]
    assert len(hits) == 1, [(c.get("measure"), c.get("value")) for c in docs[name]]
    return hits[0]


@pytest.mark.parametrize("value,measure,unit", [
    (2140, "homes_destroyed", ("buildings", "count")),   # the verb before the number, not the next one
    (37, "health_centres_damaged", ("count",)),   # a noun-noun compound keeps its first noun
    (112, "classrooms_damaged", ("count",)),              # an item of the list "damaged" heads
    (9300, "pupils_affected", ("people",)),
    (85, "power_poles_damaged", ("count",)),
    (64, "roads_damaged", ("km",)),                       # a length of roads
    (3, "villages_captured", ("count",)),
    (23, "schools_closed", ("count",)),
    (4, "districts_hit", ("count",)),
])
def test_the_state_of_what_is_counted_names_the_measure(docs, value, measure, unit):
    c = _fig(docs, "lists", value)
    assert c["measure"] == measure and c["unit"] in unit, c


def test_what_did_the_hitting_is_not_hit(docs):
    c = _fig(docs, "lists", 19)
    assert c["measure"] == "strikes" and c["category"] == "military", c


def test_a_captured_village_is_territory(docs):
    assert _fig(docs, "lists", 3)["category"] == "territorial"


@pytest.mark.parametrize("value,measure", [(450, "displaced"), (70, "evacuated")])
def test_families_and_households_are_counted_not_people(docs, value, measure):
    c = _fig(docs, "groups", value)
    assert c["unit"] == "count" and c["measure"] in (measure, "displaced"), c


@pytest.mark.parametrize("value,measure", [(52, "homes_damaged"), (9, "roads_damaged"), (1500, "buildings_saved")])
def test_a_list_item_keeps_the_state_of_the_item_before(docs, value, measure):
    c = _fig(docs, "county_list", value)
    assert c["measure"] == measure and c["unit"] in ("count", "buildings"), c


@pytest.mark.parametrize("value,measure,unit", [
    (1, "homes_damaged", "count"),        # a singular noun after "one", its participle after it
    (1, "businesses_damaged", "count"),
    (1, "seats", "count"),                # "one seat – X"
    (1, "children", "people"),            # an irregular plural
    (120, "attacks", "count"),            # the counted noun, not the area named after it
    (140, "settlements", "count"),        # a name before the noun
    (1900, "job_losses", "people"),       # an abbreviation before the noun; "will lose their jobs"
    (5, "planes", "count"),               # a modifier in -ing before a plural
])
def test_the_head_of_the_counted_phrase(docs, value, measure, unit):
    hits = [c for c in docs["heads"] if c.get("value") == value and c["measure"] == measure]
    assert len(hits) == 1 and hits[0]["unit"] == unit, [(c.get("measure"), c.get("value")) for c in docs["heads"]]


@pytest.mark.parametrize("value,measure,unit", [
    (140, "layoffs", "people"), (260, "jobs_lost", "count"), (900, "jobs_lost", "count"),
    (160, "wind_speed", "km/h"),          # a gale is wind
    (80_000, "affected", "people"), (31_000, "relocated", "people"),   # "N of them had been relocated"
    (300, "jobs_added", "people"),        # positions where the sentence speaks of work
    (12, "positions_hit", "count"),       # and where it speaks of war
])
def test_jobs_wind_and_the_part_of_a_whole(docs, value, measure, unit):
    c = _fig(docs, "jobs", value)
    assert c["measure"] == measure and c["unit"] == unit, c
