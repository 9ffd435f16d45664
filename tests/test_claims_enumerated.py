"""One measure enumerated over many places (issue 17), on sentences of our own through
`claimmap extract`: results tables typed as "Candidate = 296, 429" lines under a province
heading; a percentage in brackets after each place of a list whose head says what changed
("growth was led by A (12.4 per cent)", "offset by declines at B (-4.6 per cent)");
candidates' totals ("X won 1,874,221 and Y led with 2,305,118") and shares ("polled 52.6
per cent of votes as against 41.9 per cent"); South Asian numbers ("43 lakh"); rankings
("the top 50 ports", "the 20 largest operators") that count nothing; a figure said of each
of several places ("Pike and Floyd counties each reported six dead", "one each in Knott
and Letcher counties") is a figure on each; counts by region ("Piura reported 1,200 cases,
Tumbes 800", "Cholera cases by province: Nampula 2,340; Sofala 1,105") and output by
country ("fell to 1.2m barrels a day in Nigeria, while Angola pumped 900,000"); shares by place
("won 60.1 per cent in Harare and 52.3 per cent in Bulawayo") and changes by place ("at
Rotterdam rose 4.2 per cent, Antwerp 3.1 per cent", "while Genoa fell 3.7 per cent" on Genoa
alone); rows written "Jane Moyo: 296,429" under a province heading.
"""

from __future__ import annotations

import pytest

from tests.common import claim_where, extract_all

DAY = "2020-08-03"

ARTICLES = {
    "table": """Electoral commission declares Jane Moyo winner of Zambia's presidential election

Jane Moyo polled 52.6 per cent of votes as against 41.9 per cent polled by her rival Peter Dube.

In the final result announced by the electoral commission, Dube won 1,874,221 and Moyo led with 2,305,118 .

Here are the complete results:

Lusaka Province

Jane Moyo Alliance = 296, 429

Peter Dube Front = 292, 938

Copperbelt Province

Jane Moyo = 255, 059 votes

Peter Dube = 350, 754 votes
""",
    "ports": """Port throughput climbs in 2019

Container volume growth last year was driven by several harbours, including Lisbon (12.4 per cent), Xqzville (9.8 per cent) and Genoa (17.1 per cent).

These volume gains were partly offset by declines at Hamburg (-4.6 per cent), Antwerp (\u22122.1 per cent) and Le Havre (-7.9 per cent), according to the ports association.

Throughput at the world's top 50 ports rose in 2019, according to a sample of the 20 largest operators.
""",
    "lists": """Floods in Assam

More than 43 lakh people have been affected in Assam, officials said.

Twenty six lakh people are facing hardship in Bihar, and around 1.14 lakh people have moved to camps.

On May 5, 300 people marched in Guwahati.

Counts in Silchar were 296, 429 and 500 on three days.
""",
    "each": """Storms kill 21 in Kentucky

Officials confirmed 21 deaths statewide on Thursday. Pike and Floyd counties each reported six dead, with five more in Perry County, and one each in Knott and Letcher counties.
""",
    "regions": """Dengue cases rise across Peru

Health officials said Piura reported 1,200 cases, Tumbes 800 and Lambayeque 450 in the week to Sunday.

Oil output fell to 1.2m barrels a day in Nigeria, while Angola pumped 900,000 and Algeria 950,000 barrels a day.

Cholera cases by province: Nampula 2,340; Sofala 1,105; Zambezia 870.
""",
    "shares": """Results and trade in southern Africa and Europe

Moyo won 60.1 per cent in Harare and 52.3 per cent in Bulawayo, while Dube took 70 per cent in Masvingo.

Container throughput at Rotterdam rose 4.2 per cent, Antwerp 3.1 per cent and Hamburg 2.5 per cent.

Throughput at Valencia rose 6.4 per cent, while Genoa fell 3.7 per cent.
""",
    "colon": """Zambia election results by province

The electoral commission released the results of the presidential election on Tuesday.

Lusaka Province

Jane Moyo: 296,429

Peter Dube: 292,938

Copperbelt Province

Jane Moyo: 255,059
""",
}


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    return extract_all(tmp_path_factory.mktemp("enumerated"), ARTICLES, DAY)


def _figures(docs, name):
    return [c for c in docs[name][0] if c.get("value") is not None]


@pytest.mark.parametrize("value,place", [(296429, "Lusaka"), (292938, "Lusaka"),
                                         (255059, "Copperbelt"), (350754, "Copperbelt")])
def test_table_rows_are_votes_on_their_heading_province(docs, value, place):
    c, where = claim_where(docs, "table", value)
    assert c["measure"] == "votes" and c["unit"] == "count" and c["category"] == "political", c
    assert any(place in name for name, _ in where), where
    assert not c.get("contested"), c      # two candidates' votes are no rival counts


def test_spaced_thousands_are_not_two_figures(docs):
    values = {float(c["value"]) for c in _figures(docs, "table")}
    assert not values & {296.0, 429.0, 292.0, 938.0, 255.0, 59.0, 350.0, 754.0}, values


@pytest.mark.parametrize("value", [1874221, 2305118])
def test_candidate_totals_are_votes(docs, value):
    c, _ = claim_where(docs, "table", value)
    assert c["measure"] == "votes", c


@pytest.mark.parametrize("value", [52.6, 41.9])
def test_both_shares_set_against_each_other_are_vote_shares(docs, value):
    c, _ = claim_where(docs, "table", value)
    assert c["measure"] == "vote_share" and not c.get("contested"), c


@pytest.mark.parametrize("value,place", [(12.4, "Lisbon"), (17.1, "Genoa"), (-4.6, "Hamburg"),
                                         (-2.1, "Antwerp"), (-7.9, "Le Havre")])
def test_bracketed_percentages_after_listed_places_are_changes(docs, value, place):
    c, where = claim_where(docs, "ports", value)
    assert c["measure"] == "change" and c["unit"] == "percent" and c["category"] == "economic", c
    assert [n for n, _ in where] == [place] or place in where[0][0], where


def test_listed_name_the_gazetteer_lacks_stays_unplaced(docs):
    c, where = claim_where(docs, "ports", 9.8)
    assert where == [] and c.get("unresolved_place") == "Xqzville", (c, where)


def test_rankings_are_no_figures(docs):
    values = {float(c["value"]) for c in _figures(docs, "ports")}
    assert not values & {50.0, 20.0}, values


@pytest.mark.parametrize("value", [4_300_000, 2_600_000, 114_000])
def test_lakh_numbers_are_their_full_value(docs, value):
    c, _ = claim_where(docs, "lists", value)
    assert c["unit"] == "people", c


def test_a_day_and_a_list_are_not_thousands(docs):
    values = {float(c["value"]) for c in _figures(docs, "lists")}
    assert 300.0 in values and {296.0, 429.0, 500.0} <= values, values
    assert not values & {5300.0, 296429.0, 43.0, 26.0, 1.14}, values


@pytest.mark.parametrize("value,counties", [(6, {"Pike County", "Floyd County"}),
                                            (1, {"Knott County", "Letcher County"})])
def test_a_figure_said_of_each_place_is_on_each(docs, value, counties):
    claims, places = docs["each"]
    hits = [c for c in claims if c.get("value") is not None and float(c["value"]) == value]
    assert sorted(len(c["places"]) for c in hits) == [1, 1], hits
    assert {places[c["places"][0]]["name"] for c in hits} == counties, hits
    assert all(c["measure"] == "killed" for c in hits), hits


@pytest.mark.parametrize("value,measure,unit,place", [
    (1200, "cases", "people", "Piura"), (800, "cases", "people", "Tumbes"), (450, "cases", "people", "Lambayeque"),
    (1_200_000, "oil_output", "bpd", "Nigeria"), (900_000, "oil_output", "bpd", "Angola"),
    (950_000, "oil_output", "bpd", "Algeria"),
    (2340, "cases", "people", "Nampula"), (1105, "cases", "people", "Sofala"), (870, "cases", "people", "Zambezia")])
def test_counts_by_region_are_on_their_region(docs, value, measure, unit, place):
    c, where = claim_where(docs, "regions", value)
    assert (c["measure"], c["unit"]) == (measure, unit), c
    assert len(where) == 1 and place in where[0][0], where


@pytest.mark.parametrize("value,measure,place", [
    (60.1, "vote_share", "Harare"), (52.3, "vote_share", "Bulawayo"), (70, "vote_share", "Masvingo"),
    (4.2, "change", "Rotterdam"), (3.1, "change", "Antwerp"), (2.5, "change", "Hamburg")])
def test_shares_and_changes_listed_by_place(docs, value, measure, place):
    c, where = claim_where(docs, "shares", value)
    assert c["measure"] == measure and c["unit"] == "percent", c
    assert any(place in name for name, _ in where), where


def test_a_place_before_its_change_verb_is_the_figures_alone(docs):
    c, where = claim_where(docs, "shares", 3.7)
    assert c["measure"] == "change" and [n for n, _ in where] == ["Genoa"], (c, where)


@pytest.mark.parametrize("value,place", [(296429, "Lusaka"), (292938, "Lusaka"), (255059, "Copperbelt")])
def test_colon_rows_are_votes_on_their_heading_province(docs, value, place):
    c, where = claim_where(docs, "colon", value)
    assert c["measure"] == "votes" and any(place in n for n, _ in where), (c, where)
