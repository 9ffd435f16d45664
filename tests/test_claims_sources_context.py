"""Sources said in a neighbouring sentence (issue 17), with articles of our own through
`claimmap extract`: a body's figures that go on in the next sentence of the same
paragraph line are that body's (a person's statement ends with its sentence); a new line, or a sentence before that gave no figure,
does not carry its source. An initialism's dots ("U.N.", "U.S.") do not cut a source's name. "It said", "the
headquarters said", "the report showed" stand for the body named before (a body whose
name ends in the noun first, however far back). The speaker of "NAME, spokesperson for X,
said", "NAME, X's commissioner in PLACE, described" is NAME; "Initial estimates put" and
"citing the same storm" name nobody. A place that records, registers or declares is where
it happens, not who tells it ("Zambia said" still speaks for its government); "Its
president said" after a sentence on a country is that country's president. The body a lead
closes on with a reporting verb ("..., the X has confirmed") covers the figures after it.
"Ortega expressed concern that", "Ortega stressed that": the speaker, named in full before.
"..., said regional rescue head NAME": NAME; "Four of the dead were ..." goes on with the
source of the figures before; "That's according to X." names the source of the sentence
before it. "NAME condemned the raids, noting that ...": NAME. "La Prensa daily reported":
the paper, whose report is no body's report covering the figures after it. "a guard who the
UN said died" does not make the UN the source of the sentence's other figures. A body
with a short name is named whole ("UN refugee agency (UNHCR)"), and "according to X while
..." ends at the clause. "according to Kerry County Fire Chief NAME": NAME (the office in
the note).
"""

from __future__ import annotations

import pytest
from common import cli_extract

DAY = "2024-05-08"

ARTICLES = {
    "goes_on": """Storm damage in Vermont

The Vermont Emergency Office said 14 homes were destroyed in Rutland. The storm also damaged 32 bridges and 120 km of roads in Rutland.
In Barre, 9 people were hurt.

The mayor of Barre said the town hall would reopen on Monday. Some 40 families are staying with relatives in Barre.
""",
    "initials": """Fires in Oregon

Nearly 1,200 people were evacuated near Sisters, said the U.S. Forest Service.
In Gonaives, 40 families were displaced, according to the U.N. refugee agency.
""",
    "anaphors": """Floods in Assam

The Assam State Disaster Management Authority said rescue teams were out in Dhubri.
It said on its website that 14 people had died in Goalpara.

The Brahmaputra Flood Command Headquarters reported heavy rain across Assam.

Rescue boats reached Barpeta on Tuesday.

The headquarters also said 3,000 people had been moved to camps in Barpeta.

The Assam Health Office said its weekly report was out. The report showed 45 cholera cases in Dhubri.
""",
    "not_sources": """Storm in Fiji

Mere Tuilagi, spokesperson for the Fiji Red Cross, said that 60 homes were flattened in Nadi.
Josefa Rabuka, Fiji’s disaster commissioner in Lautoka, described 25 injuries as minor.
Initial estimates put the number of people left homeless in Nadi at 800.
Citing the same storm, the airline cancelled 12 flights from Nadi.
""",
    "places": """Drought in Zambia

The landlocked nation of Zambia has declared an emergency in 40 of its 116 districts.
Its president has also said Zambia needs more than $300 million in food aid.
Weeks earlier, Livingstone registered a record 45 bush fires.
Zambia said 9 people died of hunger in Mongu.
""",
    "closing_report": """Hail destroys 80 homes in Canterbury as CFA warns of more storms

About 80 homes were destroyed by hail this week in Canterbury, the Canterbury Fire Authority (CFA) has confirmed.

Another 35 homes were damaged in Ashburton.
""",
    "speakers": """Heat in Andalusia

Regional health chief Lucia Ortega said hospitals in Seville were full.
Ortega expressed concern that about 900 patients were waiting for beds in Seville.
Ortega stressed that 35 people had died of heat in Cordoba.
""",
    "neighbours": """Landslide in Sulawesi

Rescuers pulled 11 bodies from the mud near Palopo, said regional search and rescue head Andi Makmur.

Four of the dead were children.

ABOUT 600 people have left the area since Monday, most of them for Makassar.

That’s according to a tally from news agency Antara.
""",
    "participle": """Raids in Punjab

The army's press wing chief, Major General Imran Qureshi, condemned the raids, noting that 18 missiles hit Bahawalpur.
Shelling destroyed 40 homes in Multan, adding to the damage.
""",
    "media": """Funerals in Honduras

Three soldiers were buried in Tegucigalpa, the El Heraldo newspaper reported.

Thursday’s edition of La Prensa daily reported that 25 soldiers were buried in Tegucigalpa.

Earlier this year, 7 people were hurt in Tegucigalpa.
""",
    "relative": """Unrest in Cusco

Four more people died in Cusco on Monday while another victim was a guard who the United Nations said died in a fire.
""",
    "names": """Refugees in Chad

The UN refugee agency (UNHCR) estimates that around 8,000 people have reached Adre.
Some 4,000 people camped near Abeche, according to the WFP’s field office while Sudan’s army held the border.
""",
    "offices": """Storm in Kerry

Two people died in Tralee, according to Kerry County Fire Chief Sean Byrne.
Cork Regional Governor Aoife Walsh said 14 people were injured in Cork.
""",
    "person": """Fighting near Kursk

Governor Anna Petrova reported 40 injuries in Kursk. Despite deploying 5,000 troops near Kursk, the army advanced slowly.
""",
}


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sources_context")
    return {name: cli_extract(folder, text, DAY, f"{name}.txt")["claims"] for name, text in ARTICLES.items()}


def _source(claims, value):
    hits = [c for c in claims if c.get("value") is not None and float(c["value"]) == value]
    assert hits, [(c.get("measure"), c.get("value")) for c in claims]
    return hits[0]["source"]


@pytest.mark.parametrize("value", [32, 120])
def test_a_sources_figures_go_on_in_the_next_sentence(docs, value):
    assert _source(docs["goes_on"], value) == "Vermont Emergency Office"


@pytest.mark.parametrize("value,source", [
    (1200, "U.S. Forest Service"),
    (40, "U.N. refugee agency"),
])
def test_an_initialisms_dots_do_not_end_the_name(docs, value, source):
    assert _source(docs["initials"], value) == source


@pytest.mark.parametrize("value,source", [
    (14, "Assam State Disaster Management Authority"),
    (3000, "Brahmaputra Flood Command Headquarters"),
    (45, "Assam Health Office"),
])
def test_it_the_headquarters_the_report_stand_for_the_body_named_before(docs, value, source):
    assert _source(docs["anaphors"], value) == source


@pytest.mark.parametrize("value,source", [
    (60, "Mere Tuilagi"),           # not "Fiji Red Cross": the speaker, named before who she is
    (25, "Josefa Rabuka"),          # not "Lautoka"
    (800, "unattributed"),          # not "Initial"
    (12, "unattributed"),           # "citing" a reason names nobody
])
def test_the_speaker_not_a_place_or_a_stray_word(docs, value, source):
    assert _source(docs["not_sources"], value) == source


@pytest.mark.parametrize("value,source", [
    (40, "unattributed"),           # a country that declares is where it happens
    (45, "unattributed"),           # a town that registers
    (300_000_000, "Zambia’s president"),
    (9, "Zambia"),                  # a country that says speaks for its government
])
def test_a_place_that_records_is_no_source(docs, value, source):
    assert _source(docs["places"], value) == source


def test_a_report_confirmed_at_the_end_of_the_lead_covers_what_follows(docs):
    """The lead's body is its closing subject ("..., the X has confirmed"), and the
    headline's source ("CFA warns") does not make the lead the second attributed sentence."""
    assert _source(docs["closing_report"], 35) == "Canterbury Fire Authority (CFA)"


@pytest.mark.parametrize("value", [900, 35])
def test_a_surname_is_the_person_named_before_and_concern_is_speech(docs, value):
    assert _source(docs["speakers"], value) == "Lucia Ortega"


@pytest.mark.parametrize("value,source", [
    (11, "Andi Makmur"),            # "said regional search and rescue head Andi Makmur"
    (4, "Andi Makmur"),             # "Four of the dead": a part of his figure
    (600, "news agency Antara"),    # "That's according to ..." in the sentence after
])
def test_a_speaker_after_an_office_a_part_and_a_source_said_after(docs, value, source):
    assert _source(docs["neighbours"], value) == source


def test_a_participles_speaker_is_the_subject(docs):
    """", noting that ...": the speaker is the main clause's subject; ", adding to" is no speech."""
    assert _source(docs["participle"], 18) == "Imran Qureshi"
    assert _source(docs["participle"], 40) == "unattributed"


def test_a_paper_said_with_its_kind_is_the_source_but_no_report(docs):
    """"La Prensa daily reported that": the paper; a paper that closes the lead reports an
    event, not a body's figures, so the later figures stay unattributed."""
    assert _source(docs["media"], 25) == "La Prensa daily"
    assert _source(docs["media"], 3) == "El Heraldo newspaper"
    assert _source(docs["media"], 7) == "unattributed"


def test_a_speaker_inside_a_relative_clause_speaks_for_that_clause_only(docs):
    assert _source(docs["relative"], 4) == "unattributed"


@pytest.mark.parametrize("value,source", [
    (8000, "UN refugee agency (UNHCR)"),     # not "agency (UNHCR)"
    (4000, "WFP’s field office"),            # not "... while Sudan’s army held the border"
])
def test_a_bodys_whole_name_and_no_more(docs, value, source):
    assert _source(docs["names"], value) == source


@pytest.mark.parametrize("value,source", [(2, "Sean Byrne"), (14, "Aoife Walsh")])
def test_the_person_not_the_office_named_before_them(docs, value, source):
    assert _source(docs["offices"], value) == source


def test_a_persons_statement_does_not_go_on_in_the_next_sentence(docs):
    """A body's report goes on; a person's statement ends with its sentence, and what
    follows is the writer's ("Despite deploying 5,000 troops, ...")."""
    assert _source(docs["person"], 40) == "Anna Petrova"
    assert _source(docs["person"], 5000) == "unattributed"


def test_a_new_line_does_not_carry_the_source(docs):
    assert _source(docs["goes_on"], 9) == "unattributed"


def test_a_statement_without_figures_does_not_carry_its_source(docs):
    assert _source(docs["goes_on"], 40) == "unattributed"
