"""Place binding on unseen text (issue 17): the place the text ties a figure to, measured
on the development set's misses, with articles of our own run through `claimmap extract`
as a user runs it.

Classes: a total told place by place goes on the area its parts make up (not on the first
part); a figure after a sentence of several places' figures goes on their area; a figure
before "including A, B and C" on the area of the list; a lead that names no place yet
takes the place the next sentence names (not the article's most-mentioned town); "parts of
eastern X" and a country that declares or records are the claim's place; a section's
heading gives its figures their place; a quoted figure goes on the region of its speaker's
office; an event goes on the country another clause of its sentence is about ("Namibia,
has also seen its crops decimated"), not on a world region it names; "the number of injured stood at 200" is a figure.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from common import claim_where, extract_all

CLAIMMAP = str(Path(sys.executable).with_name("claimmap"))
DAY = "2024-05-08"

ARTICLES = {
    "total": """Quake rattles Chilean coast

The number of injured stood at more than 90, including 51 in Valparaiso and 30 in Concepcion, officials said on Monday.
""",
    "prevparts": """Meningitis cases rise in Nigeria

Kano had 12 new cases, Kaduna 9 and Sokoto 4, the disease centre said.
Cumulatively, 210 deaths have been reported this year.
""",
    "lead": """Pension strike

The unions had hoped for a bigger turnout than last week. At midday, the police counted 400,000 marchers.
By the evening, the unions claimed a million marchers throughout Italy.
""",
    "country": """Drought emergency

Zambia has declared a national disaster in 84 of its 116 districts.
An earthquake shook parts of eastern Turkey on Monday, killing 12 people.
""",
    "sections": """State results

Kerala and Punjab voted in April. Kerala counted its votes first, and Kerala's turnout was high.
Kerala: Left holds on
The Left Democratic Front won 99 seats in the assembly.
The front first won power there in May 2016.
Punjab: a new government
The assembly has 117 members.
The Aam Aadmi Party won 92 seats.
Its vote share rose to 42 per cent.
The Congress won 18 seats.
""",
    "listed": """Drone attacks

Shelling hit the outskirts overnight.
Drones struck 19 villages on Tuesday, including Kupiansk, Balakliia and Izium.
""",
    "apposition": """Drought

A second country, Namibia, has also seen much of its crops decimated, raising fears that nations in southern Africa face hunger.
""",
    "dateline": """Quake leaves 300 injured

QUITO - Rescuers searched the rubble in Esmeraldas province on Monday after the quake.
""",
    "that_country": """Hunger

Most of the maize crop failed in the east, officials in Nairobi said.
Before the announcements by Kenya, aid agencies began feeding 900,000 people in rural Uganda facing hunger — nearly 2% of that country’s population.
""",
    "regions_named": """Measles spreads in Afghanistan

New cases were reported in three provinces this week. The provinces are: Kandahar (120), Helmand (90) and Herat (40).
Of the 250 cases, Kandahar had 48 per cent.
""",
    "demonym_country": """Refugees cross the border

Fighting spread near Bukavu and Uvira on Monday.
According to the Rwandan government, around 6,000 people have crossed to the country’s western border.
""",
    "possessive": """Border villages

The army said it had captured three more villages in Russia's Kursk region on Sunday.
""",
    "fallen": """Shelling in Kharkiv

Shells had fallen inside Kharkiv on Monday, residents said.
""",
    "office": """Evacuations continue

Russian drones hit Okhtyrka overnight.
"In total, 1,250 people have been evacuated," Sumy regional governor Ivan Petrenko said.
""",
}


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    return extract_all(tmp_path_factory.mktemp("binding"), ARTICLES, DAY)


_where = claim_where


def test_a_total_told_place_by_place_goes_on_the_area_of_its_parts(docs):
    c, where = _where(docs, "total", 90)
    assert c["measure"] == "injured" and c["qualifier"] == "more than"
    assert where == [("Chile", "country")]
    assert _where(docs, "total", 51)[1][0][0].startswith("Valpara")
    assert _where(docs, "total", 30)[1][0][0].startswith("Concepci")


def test_a_figure_after_a_sentence_of_parts_goes_on_their_area(docs):
    assert _where(docs, "prevparts", 210)[1] == [("Nigeria", "country")]
    assert _where(docs, "prevparts", 12)[1][0][0] == "Kano"


def test_a_lead_with_no_place_yet_takes_the_next_sentences(docs):
    c, where = _where(docs, "lead", 400_000)
    assert where == [("Italy", "country")] and "sentence after" in c["note"]


def test_a_reporting_country_and_parts_of_a_country_are_the_place(docs):
    assert _where(docs, "country", 84)[1] == [("Zambia", "country")]
    assert _where(docs, "country", 12)[1] == [("Turkey", "country")]


def test_a_sections_heading_places_its_figures(docs):
    for value in (117, 92, 42, 18):
        c, where = _where(docs, "sections", value)
        assert where[0][0] == "Punjab", (value, where)
    assert _where(docs, "sections", 99)[1][0][0] == "Kerala"


def test_a_figure_before_a_list_of_places_goes_on_their_area(docs):
    c, where = _where(docs, "listed", 19)
    assert where == [("Kharkiv Oblast", "admin1")] and "listed" in c["note"]


def test_a_quoted_figure_goes_on_the_region_of_its_speakers_office(docs):
    c, where = _where(docs, "office", 1250)
    assert where == [("Sumy Oblast", "admin1")]


def test_an_event_goes_on_the_country_its_sentence_is_about_not_a_world_region(docs):
    claims, places = docs["apposition"]
    events = [c for c in claims if c.get("value") is None]
    assert events and [places[k]["name"] for k in events[0]["places"]] == ["Namibia"]


def test_a_sections_dates_do_not_run_on_into_the_next_section(docs):
    for value in (92, 18):
        c, _ = _where(docs, "sections", value)
        assert not c["date_start"].startswith("2016"), c


def test_shells_that_fall_inside_a_town_are_no_capture_of_it(docs):
    claims, _ = docs["fallen"]
    assert not [c for c in claims if c["category"] == "territorial"], claims


def test_a_headline_figure_takes_the_leads_place_not_its_dateline(docs):
    c, where = _where(docs, "dateline", 300)
    assert where and where[0][0] == "Esmeraldas", where


def test_that_countrys_share_goes_on_the_country_referred_to(docs):
    c, where = _where(docs, "that_country", 2)
    assert where == [("Uganda", "country")], where


def test_a_name_listed_as_a_region_stands_for_the_region_later(docs):
    c, where = _where(docs, "regions_named", 48)
    assert len(where) == 1 and where[0][1] == "admin1" and where[0][0].startswith("Kandah"), where


def test_the_country_is_the_one_its_sentences_adjective_names(docs):
    c, where = _where(docs, "demonym_country", 6000)
    assert where == [("Rwanda", "country")], where


def test_a_country_as_the_locator_of_a_region_gives_way_to_the_region(docs):
    c, where = _where(docs, "possessive", 3)
    assert len(where) == 1 and where[0][1] == "admin1" and where[0][0].startswith("Kursk"), where
