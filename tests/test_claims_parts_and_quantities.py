"""A part of a whole and a quantity named before its number (issue 17), on sentences of our
own through `claimmap extract`: "six of the suspects had been arrested" counts suspects
(arrested); "seven out of the nine districts" is one figure, not a second one for the nine;
"its capacity of 250", "its workforce from 2,400 to 1,100", "the number of homes needed in X
from 12,000 to 9,500" name their measure before the number; "the deaths of at least 14".
"""

from __future__ import annotations

import pytest

from tests.common import cli_extract

DAY = "2024-06-18"

TEXT = """Fire, arrests and closures in Ghana

Police in Kumasi said six of the suspects had been arrested on Monday.
Officials said 30 of these migrants reached Takoradi on Monday.
Results were released for seven out of the nine districts that voted in Tamale.
The shelter in Accra is operating beyond its capacity of 250, officials said.
The firm has cut its workforce in Tema from around 2,400 to just 1,100.
The plan reduced the number of homes needed in Cape Coast from 12,000 to 9,500.
The fire in Ho caused the deaths of at least 14 people on Monday.
"""


@pytest.fixture(scope="module")
def claims(tmp_path_factory):
    got = cli_extract(tmp_path_factory.mktemp("parts"), TEXT, DAY)["claims"]
    return [c for c in got if c.get("value") is not None]


@pytest.mark.parametrize("value,measure,unit", [
    (6, "arrested", "people"), (30, "migrants", "people"), (7, "districts", "count"),
    (250, "capacity", "people"), (2400, "workforce", "people"), (1100, "workforce", "people"),
    (12000, "homes", "count"), (9500, "homes", "count"), (14, "killed", "people"),
])
def test_parts_and_quantities(claims, value, measure, unit):
    hits = [c for c in claims if c["value"] == value]
    assert len(hits) == 1 and hits[0]["measure"] == measure and hits[0]["unit"] == unit, \
        [(c["measure"], c["value"], c["unit"]) for c in claims]


def test_the_whole_of_a_part_is_no_second_figure(claims):
    assert not [c for c in claims if c["value"] == 9], [(c["measure"], c["value"]) for c in claims]
