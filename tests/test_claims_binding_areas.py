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
  ("Nampula Province" over its results) names a part, not the article's subject.
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
