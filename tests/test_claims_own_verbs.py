"""Each figure of a sentence takes the verb of its own clause (issue 17), on sentences of
our own through `claimmap extract`: a verb before 'and' or a comma belongs to the other
clause ("one was killed and 21 people were missing"), unless it governs a coordinated
object ("killed 30 soldiers and 12 civilians"); a bare number's own verb says what it
counts ("11 people injured and nearly 90 arrested", "two more are missing").
"""

from __future__ import annotations

import pytest

from tests.common import cli_extract

DAY = "2024-07-02"

TEXT = """Landslide and protests in Peru

At least one person had been killed and 21 people were missing in Huaraz on Monday, officials said.
Police said 14 people were injured and nearly 90 arrested in Cusco on Sunday.
Officials in Arequipa said 48 people had died, and 130 had sustained injuries.
In Puno, 17 people have been found dead and two more are missing after the slide.
Gunmen killed 300 people and took 75 hostages in Tumbes last year.
The strike killed 30 soldiers and 12 civilians in Piura.
In Lima, 400,000 people have fled their homes, while 1.2 million suffer from severe food shortages.
"""


@pytest.fixture(scope="module")
def claims(tmp_path_factory):
    return cli_extract(tmp_path_factory.mktemp("verbs"), TEXT, DAY)["claims"]


@pytest.mark.parametrize("value,measure", [
    (21, "missing"), (90, "arrested"), (130, "injured"), (2, "missing"), (75, "hostages"),
    (12, "killed"), (1_200_000, "food_insecure"), (14, "injured"), (48, "killed"), (300, "killed"),
])
def test_each_figure_takes_its_own_clauses_verb(claims, value, measure):
    hits = [c for c in claims if c.get("value") == value]
    assert len(hits) == 1, [(c.get("measure"), c.get("value")) for c in claims]
    assert hits[0]["measure"] == measure and hits[0]["unit"] == "people", hits[0]
