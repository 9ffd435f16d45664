"""Places the geoparser missed on news it was not tuned on (issue 16, recall): demonyms that
name ground, seas and oceans, datelines; texts written for these tests, run through
``claimmap places`` as a user runs it."""

from __future__ import annotations

import sys
from pathlib import Path
from common import cli_places

ROOT = Path(__file__).resolve().parents[1]
CLAIMMAP = Path(sys.executable).with_name("claimmap")


def places(tmp_path, text: str) -> list[dict]:
    """`claimmap places` on `text` as an article file: its places, in text order."""
    return cli_places(tmp_path, text)


# ------------------------------------------------------------- demonyms that name ground

DEMONYMS = (
    "Shelling was reported along the Syrian-Turkish border overnight, and two towns "
    "near the Iraqi frontier were evacuated. Thousands of migrants remain stuck on the "
    "Greek islands, and the Tunisian coast guard rescued forty people at sea.\n\n"
    "The Syrian government denied the reports. Turkish officials said Greek and Iraqi "
    "diplomats would meet next week; Tunisian ministers did not comment."
)


def test_a_demonym_before_a_noun_for_ground_is_that_country(tmp_path):
    got = [(p["surface"], p["country_code"], p["kind"]) for p in places(tmp_path, DEMONYMS)]
    assert got[:4] == [("Syrian", "SY", "country"), ("Turkish", "TR", "country"),
                       ("Iraqi", "IQ", "country"), ("Greek", "GR", "country")], got


def test_a_demonym_for_a_people_or_a_state_is_no_place(tmp_path):
    got = places(tmp_path, DEMONYMS)
    second = DEMONYMS.index("The Syrian government")
    assert [p["surface"] for p in got if p["start"] >= second] == [], got
    # "the Tunisian coast guard": the guard is an institution, not ground
    assert "Tunisian" not in [p["surface"] for p in got], got


def test_a_continents_adjective_before_countries_is_the_continent(tmp_path):
    text = "Several European countries expelled diplomats, while African leaders met in Accra."
    got = [(p["surface"], p["kind"]) for p in places(tmp_path, text)]
    assert ("European", "region") in got and ("Accra", "populated_place") in got, got
    assert "African" not in [s for s, _ in got], got


def test_a_demonym_inside_a_longer_name_is_not_its_country(tmp_path):
    text = "In a Northern Irish town, residents of the Saint Lucian coast were honoured."
    got = places(tmp_path, text)
    assert not [p for p in got if p["country_code"] == "IE"], got


# --------------------------------------------------------------- oceans, seas, regions

def test_oceans_are_places_of_their_own(tmp_path):
    text = (
        "Forecasters expect an active season: warm water in the eastern tropical Atlantic "
        "favours storms, while El Niño has faded in the Pacific. Tankers were diverted "
        "from the Red Sea, and debris washed up on Indian Ocean shores.")
    got = {p["surface"]: p for p in places(tmp_path, text)}
    # a sea stays a feature named after a place (tests/test_places.py), not a place
    assert set(got) == {"Atlantic", "Pacific", "Indian Ocean"}, got
    for p in got.values():
        assert p["kind"] == "region" and p["geonameid"] and p["country_code"] == "", p
    assert got["Atlantic"]["lon"] < -10 and got["Indian Ocean"]["lat"] < 0, got


def test_an_oceans_bare_name_without_the_is_still_a_town(tmp_path):
    text = "Voters in Atlantic, Iowa, and Pacific, Missouri, went to the polls on Tuesday."
    got = [(p["surface"], p["kind"], p["admin1"]) for p in places(tmp_path, text)]
    assert ("Atlantic", "populated_place", "US.IA") in got, got
    assert ("Pacific", "populated_place", "US.MO") in got, got


def test_an_oceans_name_before_a_capitalised_word_or_a_word_for_land_is_no_ocean(tmp_path):
    text = ("Heavy rain soaked the Pacific Northwest, and the Atlantic Council met in "
            "Washington. Tourists left the Pacific resort and the Pacific coast.")
    got = [p for p in places(tmp_path, text) if p["kind"] == "region"]
    assert got == [], got


def test_a_world_region_geonames_knows_is_placed_at_its_entry(tmp_path):
    text = "Oil prices rose on fears of a wider war in the Middle East and unrest in West Africa."
    got = {p["surface"]: p for p in places(tmp_path, text)}
    assert got["Middle East"]["place_id"].startswith("geonames:"), got
    assert got["West Africa"]["place_id"].startswith("geonames:"), got
    assert got["Middle East"]["kind"] == got["West Africa"]["kind"] == "region"


# ------------------------------------------------------- given names the article gives people

def test_a_given_name_the_article_gives_a_person_is_that_person_throughout(tmp_path):
    text = (
        "Matthew Williams and his brother Tyler Williams were charged with arson in Ohio. "
        "In 2001 Tyler was sentenced to 21 years, and Tyler's attorney appealed.\n\n"
        "Separately, a four-year-old boy, her son James, was hurt in Beverly Hills when a "
        "man attacked the car. The attacker hit James with a can.")
    got = [p["surface"] for p in places(tmp_path, text)]
    assert got == ["Ohio", "Beverly Hills"], got


def test_a_given_name_that_is_also_a_town_stays_a_town_where_placed(tmp_path):
    text = ("Tyler Perry opened a studio in Atlanta. Residents of Tyler, Texas, cheered the "
            "news, and in Tyler the mayor spoke.")
    got = [(p["surface"], p["admin1"]) for p in places(tmp_path, text)]
    assert got.count(("Tyler", "US.TX")) == 2, got


def test_a_town_before_a_common_word_that_is_also_a_surname_is_no_person(tmp_path):
    text = ("She began her career at the Augusta Herald. Later she taught in Augusta, and "
            "an Augusta educator remembered her.")
    got = [p["surface"] for p in places(tmp_path, text)]
    assert got.count("Augusta") >= 2, got


# ------------------------------------------------------------- teams named after a place

def test_a_team_named_after_a_place_is_the_team_throughout(tmp_path):
    text = (
        "COLUMBUS, Ohio (AP) — Notre Dame won 91-89 in overtime on Friday. Notre Dame "
        "coach Muffet McGraw called it unbelievable, and Notre Dame’s Arike Ogunbowale hit "
        "the winning shot. The Leeds striker scored twice in England on Saturday.")
    got = [p["surface"] for p in places(tmp_path, text)]
    assert "Notre Dame" not in got and "Leeds" not in got, got
    assert "COLUMBUS" in got and "Ohio" in got and "England" in got, got


def test_a_county_manager_is_the_countys(tmp_path):
    text = "Charlton County manager Steve Nance said the landfill in Folkston would reopen."
    got = [p["surface"] for p in places(tmp_path, text)]
    assert "Charlton County" in got, got


# ------------------------------------------------------------------------------ datelines

def test_datelines_with_a_colon_or_without_punctuation(tmp_path):
    text = ("Graves desecrated near a church. BEIRUT: Unknown assailants removed crosses from "
            "a cemetery, police said.\n\nLONDON Pope Francis appealed again on Sunday.")
    got = [(p["surface"], p["country_code"]) for p in places(tmp_path, text)]
    assert ("BEIRUT", "LB") in got and ("LONDON", "GB") in got, got


def test_a_dateline_dash_of_cp1252_text_read_as_latin1(tmp_path):
    text = "March 30, 2009 AKRON \x97 A man who lost his home in a fire spoke to reporters."
    got = [(p["surface"], p["admin1"]) for p in places(tmp_path, text)]
    assert got and got[0][0] == "AKRON", got


def test_a_name_before_a_weekday_is_no_first_word_of_a_longer_name(tmp_path):
    text = "Foreign Minister Wang Yi spoke in Moscow, Russia Thursday about trade."
    got = [p["surface"] for p in places(tmp_path, text)]
    assert got == ["Moscow", "Russia"], got


# ------------------------------------------- firms, parties and parliaments named like places

def test_firms_parties_and_parliaments_named_like_places(tmp_path):
    text = (
        "The foundation gave a grant to Hope’s Wings, a shelter in Richmond, Virginia. "
        "Economists at Moody's Analytics expect growth. In Murmansk, the mayor refused to "
        "join United Russia, and the State Duma approved the bill.")
    got = [p["surface"] for p in places(tmp_path, text)]
    assert got == ["Richmond", "Virginia", "Murmansk"], got


def test_a_towns_street_or_building_after_its_possessive_keeps_the_town(tmp_path):
    text = ("A fire damaged shops on Rock Hill's Main Street, and a clinic on Augusta's "
            "Highland Avenue closed, officials in Georgia said.")
    got = [p["surface"] for p in places(tmp_path, text)]
    assert "Rock Hill" in got and "Augusta" in got, got


def test_a_towns_possessive_in_a_heading_keeps_the_town(tmp_path):
    text = ("Fighting went on near the town.\n\nKramatorsk’s Strategic Significance\n\n"
            "Kramatorsk, in Ukraine’s Donetsk region, is a rail hub.")
    got = [p["surface"] for p in places(tmp_path, text)]
    assert got.count("Kramatorsk") == 2, got


def test_a_fragment_hyphened_to_a_name_makes_a_firms_name(tmp_path):
    text = ("Officials in Ohio will review whether Wal-Mart reneged on a tax deal in "
            "Columbus. Traffic was slow on the Kharkiv-Kyiv highway.")
    got = [p["surface"] for p in places(tmp_path, text)]
    assert got == ["Ohio", "Columbus", "Kharkiv", "Kyiv"], got


def test_a_country_before_a_persons_name_is_the_country(tmp_path):
    text = "Former US ambassador to Egypt Dan Kurtzer said talks would resume in Cairo."
    got = [p["surface"] for p in places(tmp_path, text)]
    assert "Egypt" in got and "Cairo" in got, got


def test_a_small_towns_name_before_an_officers_title_is_a_firms(tmp_path):
    text = ("In an interview Cadillac President Johan de Nysschen said sales rose in Detroit. "
            "Kramatorsk Mayor Oleksandr Honcharenko said a missile hit Kramatorsk.")
    got = [p["surface"] for p in places(tmp_path, text)]
    assert got == ["Detroit", "Kramatorsk", "Kramatorsk"], got


def test_given_names_listed_before_a_full_name_are_people(tmp_path):
    text = ("She spent years seeking justice for the deaths of Helen, Clarence, Irene, Marie "
            "and Randy Kunz in Aurora, Illinois.")
    got = [p["surface"] for p in places(tmp_path, text)]
    assert got == ["Aurora", "Illinois"], got


def test_towns_listed_before_a_persons_name_stay_towns(tmp_path):
    text = "Floods hit Lincoln, Omaha and Fremont, and John Smith of the county said so."
    got = [p["surface"] for p in places(tmp_path, text)]
    assert got == ["Lincoln", "Omaha", "Fremont"], got


def test_a_full_name_after_a_kinship_noun_and_a_name_whose_possessive_has_one(tmp_path):
    text = ("Matthew Williams and his brother Tyler Williams were charged in Ohio. Williams's "
            "attorney said his son, Francisco, was born in Cleveland.")
    got = [p["surface"] for p in places(tmp_path, text)]
    assert got == ["Ohio", "Cleveland"], got


# -------------------------------------------------- a state and its namesake city

def test_a_state_noun_or_a_neighbouring_state_makes_the_name_the_state(tmp_path):
    text = ("Tolls rise near the New York border. He backs Oregon and Washington laws on "
            "end-of-life care, and New York’s attorney general agreed. Flights between New "
            "York and Moscow resume, and it rained in Washington, D.C.")
    got = [(p["surface"], p["kind"]) for p in places(tmp_path, text)]
    assert got[:4] == [("New York", "admin1"), ("Oregon", "admin1"),
                       ("Washington", "admin1"), ("New York", "admin1")], got
    assert ("New York", "populated_place") in got[4:], got
    assert got[-2:] == [("Washington", "populated_place"), ("D.C.", "admin1")], got


def test_a_county_list_keeps_its_counties(tmp_path):
    text = "Dakota, Otoe and Washington counties in Nebraska grew fastest."
    got = [(p["surface"], p["kind"]) for p in places(tmp_path, text)]
    assert ("Washington", "admin1") not in got, got
