"""Tolls told at length and the parts of a toll (issue 17), on sentences of our own through
`claimmap extract`: "the death toll from Typhoon X (local name Y) rose to 31"; "Among them
were four children" and "including seven women and three children" count the dead; names
with a number ("Ward 4") are no figures; litres in a flood are rainfall.
"""

from __future__ import annotations

import pytest

from tests.common import cli_extract

DAY = "2024-10-07"

TEXT = """Typhoon in Luzon

The death toll from the storm Typhoon Karding (international name Noru) rose to 31 on Monday.
Among them were four children who were swept away in Baler.
A landslide in Tacloban killed 20 people, including seven women and three children.
The River Agno burst its banks in Dagupan, there having been 240 litres in San Carlos.
Officials said Ward 4 in Dagupan was the worst hit.
"""


@pytest.fixture(scope="module")
def claims(tmp_path_factory):
    got = cli_extract(tmp_path_factory.mktemp("tolls"), TEXT, DAY)["claims"]
    return [c for c in got if c.get("value") is not None]


@pytest.mark.parametrize("value,measure,unit", [
    (31, "killed", "people"), (4, "killed", "people"), (20, "killed", "people"), (7, "killed", "people"),
    (3, "killed", "people"), (240, "rainfall", "l/m2"),
])
def test_tolls_and_their_parts(claims, value, measure, unit):
    hits = [c for c in claims if c["value"] == value]
    assert len(hits) == 1 and hits[0]["measure"] == measure and hits[0]["unit"] == unit, \
        [(c["measure"], c["value"], c["unit"]) for c in claims]
