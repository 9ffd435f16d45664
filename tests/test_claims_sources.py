"""Sources on unseen text (issue 17), with articles of our own through `claimmap extract`:
a speaker named before who they are ("Jane Doe, a spokesperson for ..., said"); a body
after a dash ("...—the monitor has documented"); "put the toll at"; a company that plans
a figure; "In addition, ..." goes on with the sentence before's source.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from common import cli_extract

CLAIMMAP = str(Path(sys.executable).with_name("claimmap"))
DAY = "2024-05-08"

ARTICLE = """Floods and fighting

"We are shocked by the scale of the damage in Kassala," Amira Osman, a spokesperson for the regional relief office, said of the 40 homes destroyed there.
After days of fighting—the worst in a decade—ACLED has documented at least 35 clashes in Darfur.
A confidential police document put the toll at around 60 in El Fasher.
Zambezi Copper plans to raise output at its mine near Chingola to 90,000 tonnes this year.
The United Nations said 1,200 people were displaced in Kassala.
In addition, 300 people are missing in Kassala.
"""


@pytest.fixture(scope="module")
def claims(tmp_path_factory):
    return cli_extract(tmp_path_factory.mktemp("sources"), ARTICLE, DAY,
                       "sources.txt")["claims"]


def _source(claims, value):
    hits = [c for c in claims if c.get("value") is not None and float(c["value"]) == value]
    assert hits, [(c.get("measure"), c.get("value")) for c in claims]
    return hits[0]["source"]


@pytest.mark.parametrize("value,source", [
    (40, "Amira Osman"),
    (35, "ACLED"),
    (90_000, "Zambezi Copper"),
    (1200, "United Nations"),
    (300, "United Nations"),
])
def test_the_source_is_the_speaker_or_body(claims, value, source):
    assert _source(claims, value) == source


def test_a_document_that_puts_the_toll_is_the_source(claims):
    assert "document" in _source(claims, 60)
