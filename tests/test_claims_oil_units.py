"""Oil output written as "mbpd" and a country's own output told in the possessive (issue
17): "Angola's crude production fell to 1.105 mbpd in March from 1.132 mbpd in February"
gives two figures of oil output in barrels a day (1,105,000 and 1,132,000) on Angola, not
on a country the next sentence names; "0.201 million barrels (mbpd) per day" is a rate,
not a count of barrels. Sentences of our own, through `claimmap extract`.
"""

from __future__ import annotations

import pytest

from tests.common import claim_where, extract_all

DAY = "2024-04-12"

ARTICLES = {
    "oil": """Angola's oil output slips

Angola's crude production fell to 1.105 mbpd in March from 1.132 mbpd in February, the cartel said.

Gabon's output rose to 0.213 million barrels (mbpd) per day in March, from 0.201 mbpd a month earlier.
""",
}


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    return extract_all(tmp_path_factory.mktemp("oil"), ARTICLES, DAY)


@pytest.mark.parametrize("value,place", [(1105000, "Angola"), (1132000, "Angola"),
                                         (213000, "Gabon"), (201000, "Gabon")])
def test_mbpd_is_millions_of_barrels_a_day_on_the_producer(docs, value, place):
    c, where = claim_where(docs, "oil", value)
    assert c["unit"] == "bpd" and c["measure"] == "oil_output", c
    assert where == [(place, "country")], where
