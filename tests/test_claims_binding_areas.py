"""Place binding: the area a figure is about, when the text names it by a part, a type
noun, an adjective or a national event (issue 17), with articles of our own run through
`claimmap extract` as a user runs it.

Classes (each measured on the tuning sets' misplaced figures):
- a town's name said with a type noun ("in Iloilo province") is the second-level area of
  that name, not the town (the toll of a province is not a town's);
- a country said as what a figure counts ("its Kenya workforce", "1,900 Kenya jobs") is the
  figure's place, not the town the sentence before named;
- a country's national event ("Mozambique's October 9 presidential election") makes the
  country the place of the vote shares told next, and a section's heading further down
  ("Nampula Province" over its results) names a part, not the article's subject;
- names sharing a plural type noun ("Bartow and Floyd counties each reported six dead")
  are each the place of the figure, one claim per area when it holds for each; figures
  told after it that add up to more are no parts of a total (so not the country's);
- "the county" is the county named last before it, not a town the sentence before named;
- a figure whose source speaks from an area's office ("Pike County Sheriff ... says"),
  in a sentence naming no other place, is that area's, not the next sentence's town;
- a sentence of another, earlier time ("a raid in the capital, Bamako, that killed 12
  people in January") gives its place neither to the lead before it nor to a figure
  after it; a lead's part of a country ("killed in northern Mali") is then the figure's
  place, unless the text goes on to name places in that country in two sentences or more
  (where the event was, said later: "in central Mali ... the market in Mopti");
- a text about many places alike, each named once ("Growth was led by Haifa (8.2 per
  cent), Valencia (7.5 per cent), ..."), has no subject: its world-wide figures go on no
  place (not on the first of the list), neither from the sentence after nor before;
  a name of such a list the gazetteer lacks ("Port Tarvoleq (6.1 per cent)") is its
  figure's place, unplaced for a reviewer, not the name before it;
- "the town" counts for the town it stands for when the article's subject is weighed: a
  town named once and referred to again outweighs its state named once;
- an island the gazetteer lacks, named with its type noun after it ("on Karvelo island"),
  is the place of its figures, unplaced for a reviewer, not the town the sentence before
  named; so is the land a sea position is told from ("30 kilometres off the coast of Tarvosa");
- an unnamed facility ("a collapse at a gold mine in Ghana") before the one facility of its
  kind the text names ("the company's Dunmore Ridge mine") is that facility (unplaced when
  the gazetteer lacks it), not the country that locates it;
- a street named after a town ("south of Columbia Avenue") is not that town: the figure
  goes where the text is (the town whose council meets).
"""

from __future__ import annotations

import pytest
from common import claim_where, extract_all

DAY = "2024-05-08"

ARTICLES = {
    "province": """Storm leaves trail of damage

MANILA, Philippines — A storm battered islands in the central Philippines on Monday, forcing thousands from their homes.

At least 14 people died and 9 were missing after floods swept through villages in Iloilo province, the provincial disaster office said. About 60 people were hurt.
""",
    "country_counted": """Textile maker to cut jobs

A textile factory in Nairobi stopped its night shift on Monday after power cuts, the company said.

The firm will cut its Kenya workforce from 4,200 to 2,600 by next year, it said.

Rival makers say about 1,900 Kenya jobs have gone since 2020.
""",
    "national_vote": """Electoral body declares the president winner

President Daniel Mapanda was declared winner of Mozambique’s October 9 presidential election on Thursday. The 61-year-old polled 70.7 per cent of votes against 20.3 per cent for his nearest rival.

Here are the results by province:

Nampula Province

Daniel Mapanda = 801, 211

Tete Province

Daniel Mapanda = 402, 118
""",
    "each": """Storms sweep across Georgia

ATLANTA — Storms tore through Georgia overnight, officials said on Thursday.

Officials confirmed 21 deaths statewide. Bartow and Floyd counties each reported six dead, with five more in Gordon County.
""",
    "the_county": """Hail storm damages homes

Tornadoes touched down in Bartow County on Wednesday, officials said.

Homes were damaged in Cartersville and Adairsville, where roofs were torn off.

The county reported only two injuries, both minor.
""",
    "office": """Deputies put on leave

Pike County Sheriff Dana Moore says three deputies were put on leave after a shooting last week.

The shooting happened in Troy on a Sunday night.
""",
    "background": """About 15 police officers were killed in northern Mali when gunmen attacked a checkpoint near the border with Niger, the army said on Friday.

Attacks in Mali were rare before a raid on a bus station in the capital, Bamako, that killed 12 people in January.

"We will not give up," the minister said.

The army had earlier said that nine officers had been killed.
""",
    "named_later": """About 30 people were killed in an attack in central Mali, officials said on Friday.

Many of the dead were farmers, a local official said.

The gunmen struck the market in Mopti at dawn.

Survivors fled to Mopti and nearby Sevare, officials said.
""",
    "many_places": """Port volumes rise

Container volumes at the world's top 50 ports rose 2.1 per cent last year, a shipping consultancy said.

Growth was led by Haifa (8.2 per cent), Valencia (7.5 per cent), Port Tarvoleq (6.1 per cent) and Antwerp (5.0 per cent).

Volumes fell 3.4 per cent across the ports of the sample in the first quarter.
""",
    "the_town": """Fire guts market

A market in Niger State was razed by fire on Thursday, officials said.

The ruler of the town said the blaze started around 4am.

"We called the fire service," he said. "The fire is still raging. Most of the goods are gone."

He added that five traders were injured.

They were later treated at a clinic in Suleja.
""",
    "island": """Landslide hits villages

At least 9 people died in a landslide near Makassar on Saturday, officials said.

Last month floods on Karvelo island killed at least 12 people.
""",
    "coast": """Migrant boats reach islands

More than 300 migrants arrived in Valletta on Sunday, officials said.

On Monday, the coastguard rescued 41 people from a boat some 30 kilometres off the coast of Tarvosa.
""",
    "mine": """Mine collapse kills workers

ACCRA, Ghana (AP) — A collapse at a gold mine in Ghana killed four workers on Monday, officials said.

Six other workers were hurt, the company said.

The accident happened at the company's Dunmore Ridge mine, which employs 2,000 people.
""",
    "street": """The Smyrna town council met on Tuesday to vote on new building projects in Smyrna.

Each motion passed.

Staff presented plans for a subdivision on land south of Columbia Avenue. The builder intends to construct 180 townhomes in six buildings.
""",
}


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    return extract_all(tmp_path_factory.mktemp("binding_areas"), ARTICLES, DAY)


@pytest.mark.parametrize("value", [14, 9, 60])
def test_a_towns_name_with_province_is_the_province(docs, value):
    _, places = claim_where(docs, "province", value)
    assert places == [("Iloilo", "admin2")]


@pytest.mark.parametrize("value", [4200, 2600, 1900])
def test_a_country_said_as_what_is_counted_is_the_place(docs, value):
    _, places = claim_where(docs, "country_counted", value)
    assert places == [("Kenya", "country")]


@pytest.mark.parametrize("value", [70.7, 20.3])
def test_a_national_votes_share_is_the_countrys_not_a_section_headings(docs, value):
    _, places = claim_where(docs, "national_vote", value)
    assert places == [("Mozambique", "country")]


def test_names_sharing_a_type_noun_each_get_the_figure(docs):
    claims, places = docs["each"]
    six = sorted(places[c["places"][0]]["name"] for c in claims if c.get("value") == 6 and len(c["places"]) == 1)
    assert six == ["Bartow County", "Floyd County"]
    assert not [c for c in claims if c.get("value") == 6 and len(c["places"]) != 1]
    _, five = claim_where(docs, "each", 5)
    assert five == [("Gordon County", "admin2")]


def test_the_county_is_the_county_named_before(docs):
    _, places = claim_where(docs, "the_county", 2)
    assert places == [("Bartow County", "admin2")]


def test_a_figure_told_from_an_areas_office_is_that_areas(docs):
    _, places = claim_where(docs, "office", 3)
    assert places == [("Pike County", "admin2")]


@pytest.mark.parametrize("value", [15, 9])
def test_another_times_place_is_not_carried_and_the_part_of_the_country_is_the_place(docs, value):
    _, places = claim_where(docs, "background", value)
    assert places == [("Mali", "country")]
    _, earlier = claim_where(docs, "background", 12)
    assert earlier == [("Bamako", "populated_place")]


def test_a_part_of_a_country_yields_to_the_place_the_text_names_later(docs):
    _, places = claim_where(docs, "named_later", 30)
    assert places == [("Mopti", "populated_place")]


def test_a_text_about_many_places_alike_puts_no_world_figure_on_the_first(docs):
    claims, places = docs["many_places"]
    placed = {float(c["value"]): [places[k]["name"] for k in c["places"]] for c in claims if c.get("value") is not None}
    assert placed[8.2] == ["Haifa"] and placed[7.5] == ["Valencia"]
    for world in (2.1, 3.4, 50):
        assert "Haifa" not in placed.get(world, [])


def test_a_name_the_gazetteer_lacks_in_a_list_of_shares_stays_unplaced(docs):
    c, places = claim_where(docs, "many_places", 6.1)
    assert places == [] and c["unresolved_place"] == "Port Tarvoleq"


def test_the_town_weighs_for_the_subject(docs):
    _, places = claim_where(docs, "the_town", 5)
    assert places == [("Suleja", "populated_place")]


def test_an_island_named_with_its_noun_after_stays_unplaced(docs):
    c, places = claim_where(docs, "island", 12)
    assert places == [] and c["unresolved_place"] == "Karvelo"


def test_the_land_off_whose_coast_is_the_place(docs):
    c, places = claim_where(docs, "coast", 41)
    assert places == [] and c["unresolved_place"] == "Tarvosa"


@pytest.mark.parametrize("value", [4, 6])
def test_an_unnamed_facility_is_the_one_named_later(docs, value):
    c, places = claim_where(docs, "mine", value)
    assert places == [] and c["unresolved_place"] == "Dunmore Ridge mine"


def test_a_street_named_after_a_town_is_not_the_town(docs):
    _, places = claim_where(docs, "street", 180)
    assert [name for name, _ in places] == ["Smyrna"]
