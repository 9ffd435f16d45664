"""What has not happened, or is only named, is no event (issue 17), with an article of our
own through `claimmap extract`: a hazard ("prone to landslides", "the risk of floods"), a
body's name ("the national disaster agency"), a figure of speech ("the epicentre of the
protest movement"), an event referred to by what followed it ("the consequences of the
shelling", "the scale of the attack"), a warning or a modal ("could be without power for days"). A plan
announced is a decision taken, and stays an event ("announced plans to relocate ...").
"""

from __future__ import annotations

import pytest
from common import cli_extract, events_on_line

DAY = "2024-05-08"

ARTICLE = """A season of risks

The hills around Baguio are prone to landslides during the rainy season, and the problem has grown.

Residents of Cebu live with the risk of floods that have become more frequent.

Two men drowned in Iloilo on Monday, according to the national disaster agency.

Davao has become the epicentre of the opposition movement against the mine.

Some customers in Tacloban could be without power for several days.

The governor announced plans to relocate the families of Ormoc to safer ground.

Rescuers in Orikhiv spent the day documenting the consequences of the shelling.

UN agencies voiced alarm at the scale of the ongoing attack in Tulkarm.

A farmer was struck by lightning in Nandail on Friday.
"""

NO_EVENT = ["prone to landslides", "risk of floods", "national disaster agency",
            "epicentre of the opposition movement", "could be without power",
            "consequences of the shelling", "scale of the ongoing attack"]


@pytest.fixture(scope="module")
def doc(tmp_path_factory):
    return cli_extract(tmp_path_factory.mktemp("unreal"), ARTICLE, DAY, "unreal.txt")


def _events(doc, words):
    return events_on_line(doc, ARTICLE, words)


@pytest.mark.parametrize("words", NO_EVENT)
def test_a_hazard_a_name_a_metaphor_or_a_modal_is_no_event(doc, words):
    events = _events(doc, words)
    assert not events, [(c["category"], c["places"]) for c in events]


def test_a_plan_announced_is_an_event(doc):
    names = {p["key"]: p["name"] for p in doc["places"]}
    events = _events(doc, "announced plans to relocate")
    assert any(c["category"] == "humanitarian" and any("Ormoc" in names.get(k, k) for k in c["places"])
               for c in events), [(c["category"], c["places"]) for c in events]


def test_lightning_is_no_attack(doc):
    events = _events(doc, "struck by lightning")
    assert not [c for c in events if c["category"] == "military"], [(c["category"], c["places"]) for c in events]
