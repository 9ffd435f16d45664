"""What a figure measures, named from the words around it (issue 17), on sentences of our
own through `claimmap extract`: people "facing severe hardships" are affected; "14 animals
have died" is animals_killed; "incurred 20 per cent loss" is a loss; "increase council tax
by three per cent" is the increase of what is increased; "£12million needs to be saved" is
savings; "23 people drowned" are killed; "carried out by 40 heavily armed individuals" are
attackers; "killed three Malian soldiers and two civilians" kills both; "split in two" is
no count; "said that one person had died" counts one; "Rs 500 crore", "₹45 lakh",
"US$3.4 million", "A$200,000" are money in their currency, "an economic loss of 320 million
yuan" an economic_loss; "100 millimetres" where a storm battered is rainfall; "the number of districts
... rose from 14 to 19" counts districts.
"""

from __future__ import annotations

import pytest

from tests.common import claim_where, extract_all

DAY = "2020-06-01"

ARTICLES = {
    "floods": """Floods in Assam

Twelve lakh people are facing severe hardships in Bihar's districts due to floods.

Even the orchards near Jorhat have incurred 20 per cent loss due to floods.

Since the river entered the park near Tezpur, 14 animals have died.

Police said that one person had died in Nagaon.

At least 23 people drowned in Assam after a ferry carrying 70 passengers split in two and sank.

The Dibrugarh district was battered by more than 150 millimetres on Tuesday.

The number of districts in Assam with outbreaks of cholera rose from 14 to 19 in a week, the ministry said.
""",
    "budget": """Council budget

Leeds City Council said £12million needs to be saved between 2021/22 and 2024/25.

Nearly £5.2million must be saved in next year's budget, while the council plans to spend £3m on roads in Leeds.

Next year the council will increase council tax by three per cent in Leeds.
""",
    "rupees": """Flood relief in Kerala

The Kerala government sought Rs 500 crore in flood relief, and farmers in Kerala lost crops worth ₹45 lakh.

The bridge near Kochi cost US$3.4 million and A$200,000 came from donors in Kochi.

The port at Kochi cost 12 billion yuan (US$1.7 billion).

The storm caused a direct economic loss of at least 320 million yuan near Kochi, and officials put the damage at $2 million.
""",
    "attack": """Attack in Mali

The raid on an army post near Gao was carried out "by about 40 heavily armed individuals who have not yet been identified," the army said.

In a separate attack near Gao, unidentified gunmen killed three Malian soldiers and two civilians in June.
""",
}


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    return extract_all(tmp_path_factory.mktemp("measure_names"), ARTICLES, DAY)


@pytest.mark.parametrize("name,value,measure,unit", [
    ("floods", 1_200_000, "affected", "people"),
    ("floods", 20, "loss", "percent"),
    ("floods", 14, "animals_killed", "count"),
    ("floods", 23, "killed", "people"),
    ("floods", 1, "killed", "people"),
    ("floods", 150, "rainfall", "mm"),
    ("floods", 19, "districts", "count"),
    ("budget", 12_000_000, "savings", "GBP"),
    ("budget", 5_200_000, "savings", "GBP"),
    ("budget", 3_000_000, "spending", "GBP"),
    ("budget", 3, "council_tax_increase", "percent"),
    ("rupees", 5_000_000_000, "money", "INR"),
    ("rupees", 4_500_000, "money", "INR"),
    ("rupees", 3_400_000, "money", "USD"),
    ("rupees", 200_000, "money", "AUD"),
    ("rupees", 320_000_000, "economic_loss", "CNY"),
    ("rupees", 2_000_000, "damage", "USD"),
    ("attack", 40, "attackers", "people"),
    ("attack", 3, "killed", "people"),
    ("attack", 2, "killed", "people"),
])
def test_measure_is_named_from_its_words(docs, name, value, measure, unit):
    c, _ = claim_where(docs, name, value)
    assert (c["measure"], c["unit"]) == (measure, unit), c


def test_loss_and_tax_increase_are_economic(docs):
    assert claim_where(docs, "floods", 20)[0]["category"] == "economic"
    assert claim_where(docs, "budget", 3)[0]["category"] == "economic"


def test_split_in_two_is_no_count(docs):
    values = [float(c["value"]) for c in docs["floods"][0] if c.get("value") is not None]
    assert 2.0 not in values and 70.0 in values, values


def test_an_amount_restated_in_another_currency_is_one_figure(docs):
    values = [float(c["value"]) for c in docs["rupees"][0] if c.get("value") is not None]
    assert 12e9 in values and 1.7e9 not in values, values
