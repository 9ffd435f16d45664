"""Bare numbers in a list count what the sentence before counted (issue 17), on sentences of
our own through `claimmap extract`: "40 cases and five deaths were recorded in four
counties. The counties are: A (20), B (15)": the cases, not the deaths and not the counties;
a noun's own predicate names its measure ("30 cases are hospitalized at A (12)").
"""

from __future__ import annotations

import pytest

from tests.common import cli_extract

DAY = "2024-02-12"

TEXT = """Measles in Kenya

Health officials said 52 cases and four deaths were recorded in four counties and 11 wards on Monday.
The counties are: Kitui (20), Machakos (15), Makueni (ten), and Embu (seven).
As of Monday, 30 cases are hospitalized at Kitui (12) and Machakos (18).
"""


@pytest.fixture(scope="module")
def claims(tmp_path_factory):
    got = cli_extract(tmp_path_factory.mktemp("lists"), TEXT, DAY)["claims"]
    return [c for c in got if c.get("value") is not None]


@pytest.mark.parametrize("value,measure", [(20, "cases"), (15, "cases"), (10, "cases"), (7, "cases"),
                                           (30, "hospitalized"), (12, "hospitalized"), (18, "hospitalized")])
def test_list_items_count_what_the_sentence_counted(claims, value, measure):
    hits = [c for c in claims if c["value"] == value]
    assert len(hits) == 1 and hits[0]["measure"] == measure and hits[0]["unit"] == "people", \
        [(c["measure"], c["value"]) for c in claims]
