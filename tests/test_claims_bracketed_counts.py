"""A count in brackets after each place of a list, the measure said once before the list
(issue 17): "the highest number of measles cases, notably Ayacucho (1,204), Cusco Region
(1,187) and Puno (960)"; "Measles deaths were also highest in the south, in particular in
Arequipa (14) and Tacna (9)". Each number is a figure of the counted noun before the list,
on the place before its bracket; a year or an abbreviation in brackets is none. Sentences of
our own, through `claimmap extract`.
"""

from __future__ import annotations

import pytest

from tests.common import claim_where, extract_all

DAY = "2024-05-02"

ARTICLES = {
    "cases": """Measles spreads in the south

Southern provinces had the highest number of measles cases this year, notably Ayacucho (1,204), Cusco Region (1,187) and Puno (960).

Measles deaths were also highest in the south, in particular in Arequipa (14) and Tacna (9).
""",
    "not_counts": """Floods return to the valley

The river rose again near Arequipa (Peru) this week, as it did in the floods of Cusco (2017), officials said.
""",
}


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    return extract_all(tmp_path_factory.mktemp("bracketed"), ARTICLES, DAY)


@pytest.mark.parametrize("value,place", [(1204, "Ayacucho"), (1187, "Cuzco"), (960, "Puno")])
def test_counts_in_brackets_count_the_noun_before_the_list(docs, value, place):
    c, where = claim_where(docs, "cases", value)
    assert c["measure"] == "cases" and c["unit"] == "people", c
    assert len(where) == 1 and place in where[0][0], where


@pytest.mark.parametrize("value,place", [(14, "Arequipa"), (9, "Tacna")])
def test_deaths_in_brackets_are_the_killed_of_their_place(docs, value, place):
    c, where = claim_where(docs, "cases", value)
    assert c["measure"] == "killed" and c["unit"] == "people", c
    assert len(where) == 1 and place in where[0][0], where


def test_a_year_in_brackets_is_no_count(docs):
    claims, _ = docs["not_counts"]
    assert not [c for c in claims if c.get("value") is not None], claims
