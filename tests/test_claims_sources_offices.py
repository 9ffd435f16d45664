"""Sources named by one holder of an office, and names that are no speaker (issue 17),
with articles of our own through `claimmap extract`: "a local police official said" at the
end of a long sentence covers the figures of its subordinate clauses; "the defence
minister said", "the district head said", "A hospital director said", "The county
reported" name their source; a person named as the object of a preposition ("a group led
by a commander loyal to Jane Doe claimed") is not the one who claims; a quote that goes on
in a sentence of its own is its speaker's, named in the sentence before or where the quote
closes; an adverb or a stock ticker between a speaker and the verb ("abruptly announced",
"Acme Inc <ACME.N> said") and an acronym inside a name ("Fisher and Rowe (F&R) Appliances")
keep the speaker; "It quoted local officials as saying" is the officials'; a speaker in a
"what ... said" clause speaks for that clause only, and "the Ohio Courier daily reported" is no
adverb; a figure of long ago told after a body's report ("That is the same as a 1985
earthquake that killed more than 170 people") is the writer's, not the report told on.
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

QUOTES = """Storm hits Dyer County

'We were lucky,' said Jane Doe, the Dyer County emergency director. 'It looks like three tornadoes touched down in Dyer County.'

'Two barns burned in Dyer County. The rest held up,' John Roe, the fire chief, said.
"""

SPEAKERS = """Plant closures in Ohio

The maker Fisher and Rowe (F&R) Appliances abruptly announced on April 17 that it would cut 600 jobs in Ohio.

Acme Inc <ACME.N> said on Friday it will cut 800 jobs in Ohio.

It quoted local officials as saying more than 9,000 people in Ohio were affected.

The toll of 45 suspects killed in Ohio is double what authorities originally said were 20 suspects dead.

Friday's edition of the Ohio Courier daily reported that around 70 students would attend.
"""


@pytest.fixture(scope="module")
def claims(tmp_path_factory):
    return cli_extract(tmp_path_factory.mktemp("offices"), OFFICES, DAY, "offices.txt")["claims"]


@pytest.fixture(scope="module")
def speakers(tmp_path_factory):
    return cli_extract(tmp_path_factory.mktemp("speakers"), SPEAKERS, "2017-04-21", "ohio.txt")["claims"]


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


def test_a_quote_going_on_is_its_speakers(tmp_path):
    quoted = cli_extract(tmp_path, QUOTES, "2011-04-28", "storm.txt")["claims"]
    assert _c(quoted, 3)["source"] == "Jane Doe" and _c(quoted, 2)["source"] == "John Roe"


@pytest.mark.parametrize("value,source", [
    (600, "Fisher and Rowe (F&R) Appliances"), (800, "Acme Inc"), (9000, "local officials"),
    (45, "unattributed"), (70, "Ohio Courier daily")])
def test_speakers_with_words_between_them_and_the_verb(speakers, value, source):
    assert _c(speakers, value)["source"] == source


BACKGROUND = """Quake in Chile

A strong earthquake struck near Talca on Thursday, killing 12 people, the US Geological Survey said. That is the same as a 1985 earthquake that killed more than 170 people in Talca.
"""


def test_a_figure_of_long_ago_does_not_go_on_with_the_report(tmp_path):
    quake = cli_extract(tmp_path, BACKGROUND, "2017-09-09", "talca.txt")["claims"]
    assert _c(quake, 12)["source"] == "US Geological Survey"
    assert _c(quake, 170)["source"] == "unattributed"
