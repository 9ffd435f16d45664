"""Sources named by one holder of an office, and names that are no speaker (issue 17),
with articles of our own through `claimmap extract`: "a local police official said" at the
end of a long sentence covers the figures of its subordinate clauses; "the defence
minister said", "the district head said", "A hospital director said", "The county
reported" name their source; a person named as the object of a preposition ("a group led
by a commander loyal to Jane Doe claimed") is not the one who claims.
"""

from __future__ import annotations

import pytest
from common import cli_extract

DAY = "2024-05-11"

OFFICES = """Ferry sinks near Kano

At least 18 people died in Kano after a ferry carrying more than 300 passengers sank, a local police official said.

About fifteen soldiers were killed in Kano when gunmen attacked an army post, the defence minister said.

Three children were killed in Kano, the district head said.

A hospital director said that 56 people had been treated in Kano.

The county reported only one injury in Kano.

A militant group led by a commander loyal to Amadou Diallo claimed to have attacked an army post near Kano in March, and gunmen killed four soldiers there in April.

A statement by Interior Minister Jane Doe said 12 people were arrested in Kano.
"""


@pytest.fixture(scope="module")
def claims(tmp_path_factory):
    return cli_extract(tmp_path_factory.mktemp("offices"), OFFICES, DAY, "offices.txt")["claims"]


def _c(claims, value):
    hits = [c for c in claims if c.get("value") is not None and float(c["value"]) == value]
    assert hits, [(c.get("measure"), c.get("value")) for c in claims]
    return hits[0]


@pytest.mark.parametrize("value,source", [
    (18, "local police official"), (300, "local police official"), (15, "defence minister"),
    (3, "district head"), (56, "hospital director"), (1, "county"), (12, "Jane Doe")])
def test_one_holder_of_an_office_is_the_source(claims, value, source):
    assert _c(claims, value)["source"] == source


def test_a_name_after_a_preposition_is_not_the_claimant(claims):
    assert _c(claims, 4)["source"] == "unattributed"
