"""Place binding from context (issue 17), with articles of our own run through
`claimmap extract` as a user runs it.

Classes (each measured on the development sets' misplaced figures):
- a dateline's city is where the report was filed, not a place of its claims ("LAGOS,
  Nigeria (AFP) - At least 30 people were killed ..." goes on the place the text gives);
- a figure in a sentence naming no place goes on the place the sentence before put its
  figures on (a "nationwide" total told on), not on the first town that sentence names;
- a place after a noun in -est or a quantifier "most" is no superlative's frame ("the
  protest in X", "Most patients are in X" are about X; "the largest in Europe" is not);
- a country described, not named ("across the Himalayan nation"), and a country's land
  or sea said by its adjective ("on Greek shores", "on Tanzanian shores") are the place of the figure;
- a country whose areas the sentence counts ("seven of Ukraine's regions", "all eight
  provinces of Zambia"), a country struck ("Chile was badly shaken by ...") and a country
  telling its own toll ("Peru said on Sunday the death toll ...") are the place of the
  sentence's figures, not the town the sentence before named;
- the place of a toll is carried on past quotes and sentences that name no place (up to
  four sentences back), not replaced by the town the article names most;
- a figure that counts a country's states or provinces, or a state's counties ("31 per
  cent were from four other states", "reports from 28 counties") goes on the country or
  state that holds them, not on a town of it;
- a named facility the gazetteer lacks whose name carries a town of a country the article
  names ("its Mwinilunga Kansanshi mine in Zambia") is placed at that town, with "the
  mine" after it (a facility whose name carries no such town stays unplaced:
  tests/test_claims_unplaced.py);
- in a run of counts by name ("Kabwe (14), Ndola (9), Kasonde Ridge (4)"), a name the
  gazetteer lacks is the place of its count, unplaced for a reviewer (not the name before
  it), or the area said after it ("Mulilo Flats (6) in Southern Province");
- a count of settlements named by a town ("183 Sumy settlements") is a count in the town's
  region, not in the town;
- a clause naming no place takes the place of the nearest clause before it that names one
  ("... closed its plant in Bend, Oregon, resulting in the loss of all 140 jobs"), past a
  clause that only locates an earlier place ("in Tapachula, in the state of Chiapas, where
  12 people died"); "the worst damage was in X" is about X, no superlative's frame;
- counts by name with "from" ("12 from Kano, 9 from Gwari North, 6 from Sokoto and 3 from
  Katsina") each go on their name, a name the gazetteer lacks unplaced;
- an island the gazetteer lacks ("the island of Velora") is the place of its figures,
  unplaced, with its other uses ("the area of Velora"), and a landmark that only locates
  it ("north of Patras") is not; "around the country" is the whole country;
- "the country" is not the country of an attacker's adjective ("the Lebanese health
  ministry said two people were killed in an Israeli strike in the country's south").
"""

from __future__ import annotations

import pytest
from common import claim_where, extract_all

DAY = "2024-05-08"

ARTICLES = {
    "dateline": """Tanker blast

LAGOS, Nigeria (AFP) - At least 30 people were killed when a fuel tanker exploded on Monday, officials said.
The blast happened on a highway in Ogun state, north of the city.
""",
    "told_on": """Cholera outbreak

The health ministry confirmed 320 cholera cases nationwide, most of them in Mombasa and Kisumu.
It also recorded 14 deaths in the past week.
""",
    "not_superlative": """Rally

Police said 4,000 people joined the protest in Kisumu on Tuesday.
Most of the injured are in Eldoret, where 9 were admitted.
""",
    "described_country": """Floods

Heavy rain hit Pokhara on Monday.
Landslides have killed at least 18 people across the Himalayan nation since Friday, police said.
""",
    "shores": """Migrants

Rescuers brought 40 people ashore in Piraeus on Monday.
Since January, 12,000 migrants have arrived on Greek shores, the coast guard said.
Storms hit Zanzibar. Since March, 3,000 refugees have landed on Tanzanian shores.
""",
    "country_areas": """Attacks

Russian drones hit Kharkiv on Monday.
Russian forces attacked seven of Ukraine's regions overnight, killing four people and injuring 19, officials said.
The outbreak began in Kabwe. Cases have now been reported in all eight provinces of Zambia.
""",
    "country_struck": """Quake

Rescuers dug through rubble in Arica on Tuesday.
Chile was badly shaken by a strong earthquake on Monday, which killed at least 11 people, officials said.
Rains flooded Piura on Saturday.
Peru said on Sunday the death toll from the floods had risen to 35.
""",
    "told_past_quotes": """Floods

Bolivia said on Sunday the death toll from the floods had risen to 35.
"We are doing everything we can," the minister said. "The rains have not stopped."
Rescue teams were sent in.
At least 120 people were injured, he said.
In Trinidad, rescuers saved 12 people. Trinidad's mayor asked for boats.
""",
    "counties": """Storms

Crews cleared roads in Tupelo and Jackson on Monday. The state emergency agency has received damage reports from 28 counties.
""",
    "states": """Fever

Most malaria cases were reported from Kano, Kaduna and Sokoto, while 31 per cent were from four other states.
""",
    "mine_town": """Copper

Zambezi Metals will invest $400m in its Mwinilunga Kansanshi mine in Zambia.
The mine produced 120,000 tonnes of copper last year.
""",
    "counts_by_name": """Measles

The health ministry confirmed 34 new measles cases this week.
The suspected cases were reported from Kabwe (14), Ndola (9), Kasonde Ridge (4) and Kitwe (7).
As of Friday, 17 cases are hospitalized at Ndola (5), Kitwe (3), in Copperbelt Province, and Mulilo Flats (6) in Southern Province.
""",
    "settlements": """Evacuations

Russian drones hit Sumy overnight, officials said.
People in 183 Sumy settlements near the border were urged to leave.
""",
    "nearest_clause": """Layoffs

The firm will cut 60 jobs at its plant in Boise, and it closed its plant in Bend, Oregon, resulting in the loss of all 140 jobs.
The worst damage was in Tapachula, in the state of Chiapas, where 12 people died.
""",
    "from_counts": """Polio

Nigeria reported 30 cases in 2023, with 12 from Kano, 9 from Gwari North, 6 from Sokoto and 3 from Katsina.
""",
    "island": """Wildfire

Fires burned in Greece on Monday.
A fire on the island of Velora north of Patras forced 300 people to leave.
In the area of Velora, 40 firefighters were deployed.
A total of 20 fires broke out around the country on Monday.
""",
    "attacker": """Strike

Shelling hit Sidon and Nabatieh on Thursday.
The Lebanese health ministry said two people were killed in an Israeli strike in the country's south on Friday.
""",
}


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    return extract_all(tmp_path_factory.mktemp("binding_context"), ARTICLES, DAY)


_where = claim_where


def test_a_datelines_city_is_not_the_place_of_the_claims(docs):
    c, where = _where(docs, "dateline", 30)
    assert where and where[0][0].startswith("Ogun"), where


def test_a_figure_with_no_place_goes_where_the_sentence_before_put_its_figures(docs):
    assert _where(docs, "told_on", 320)[1] == [("Kenya", "country")]
    c, where = _where(docs, "told_on", 14)
    assert where == [("Kenya", "country")], where


def test_a_noun_in_est_or_most_is_no_superlatives_frame(docs):
    assert _where(docs, "not_superlative", 4000)[1] == [("Kisumu", "populated_place")]
    assert _where(docs, "not_superlative", 9)[1] == [("Eldoret", "populated_place")]


def test_a_described_country_is_the_place_of_its_figure(docs):
    assert _where(docs, "described_country", 18)[1] == [("Nepal", "country")]


def test_a_countrys_shores_are_the_country(docs):
    assert _where(docs, "shores", 12000)[1] == [("Greece", "country")]
    assert _where(docs, "shores", 40)[1] == [("Piraeus", "populated_place")]
    assert _where(docs, "shores", 3000)[1] == [("Tanzania", "country")]


def test_a_country_whose_areas_are_counted_is_the_place(docs):
    for value in (4, 19):
        assert _where(docs, "country_areas", value)[1] == [("Ukraine", "country")], value
    assert _where(docs, "country_areas", 8)[1] == [("Zambia", "country")]


def test_a_country_struck_or_telling_its_toll_is_the_place(docs):
    assert _where(docs, "country_struck", 11)[1] == [("Chile", "country")]
    assert _where(docs, "country_struck", 35)[1] == [("Peru", "country")]


def test_a_tolls_place_is_carried_past_quotes_that_name_none(docs):
    assert _where(docs, "told_past_quotes", 35)[1] == [("Bolivia", "country")]
    assert _where(docs, "told_past_quotes", 120)[1] == [("Bolivia", "country")]


def test_a_count_of_areas_goes_on_the_area_that_holds_them(docs):
    assert _where(docs, "counties", 28)[1] == [("Mississippi", "admin1")]
    assert _where(docs, "states", 31)[1] == [("Nigeria", "country")]


def test_a_facility_is_placed_at_the_town_its_name_carries(docs):
    claims, places = docs["mine_town"]
    for value in (400e6, 120000):
        c, where = _where(docs, "mine_town", value)
        assert where == [("Mwinilunga Kansanshi mine", "facility")], (value, where)
        mine = places[c["places"][0]]
        assert "Kansanshi" in mine["note"] and mine["lat"] < -11, mine


def test_a_name_the_gazetteer_lacks_in_a_run_of_counts_is_its_counts_place(docs):
    assert _where(docs, "counts_by_name", 14)[1] == [("Kabwe", "populated_place")]
    c, where = _where(docs, "counts_by_name", 4)
    assert where == [] and c["unresolved_place"] == "Kasonde Ridge", c
    c, where = _where(docs, "counts_by_name", 6)
    assert where == [("Southern Province", "admin1")] and "Mulilo Flats" in c["note"], (where, c["note"])


def test_a_count_of_a_towns_settlements_is_in_its_region(docs):
    assert _where(docs, "settlements", 183)[1] == [("Sumy Oblast", "admin1")]


def test_a_clause_naming_no_place_takes_the_nearest_clause_before(docs):
    assert _where(docs, "nearest_clause", 60)[1] == [("Boise", "populated_place")]
    assert _where(docs, "nearest_clause", 140)[1] == [("Bend", "populated_place")]
    assert _where(docs, "nearest_clause", 12)[1] == [("Tapachula", "populated_place")]


def test_counts_by_name_with_from_go_on_their_names(docs):
    for value, name in ((12, "Kano"), (6, "Sokoto"), (3, "Katsina")):
        assert _where(docs, "from_counts", value)[1] == [(name, "populated_place")], value
    c, where = _where(docs, "from_counts", 9)
    assert where == [] and c["unresolved_place"] == "Gwari North", c


def test_an_island_the_gazetteer_lacks_is_its_figures_place_not_its_landmark(docs):
    for value in (300, 40):
        c, where = _where(docs, "island", value)
        assert where == [] and c["unresolved_place"] == "Velora", (value, where)
    assert _where(docs, "island", 20)[1] == [("Greece", "country")]


def test_the_country_is_not_the_attackers(docs):
    assert _where(docs, "attacker", 2)[1] == [("Lebanon", "country")]
