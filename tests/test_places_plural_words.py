"""The plural of a common word opening a sentence or a headline ("Rains destroyed ...",
"Sales were strong ...") is the word, not a county or town of that name, unless the
article names the place mid-sentence. Texts written for these tests, run through
``claimmap places``."""

from __future__ import annotations

from common import cli_places


def test_a_plural_common_word_opening_a_sentence_is_no_place(tmp_path):
    text = ("Storms in Nigeria\n\n"
            "Rains destroyed rice farms near Bida in Niger State on Sunday, officials said.\n")
    got = [p["surface"] for p in cli_places(tmp_path, text)]
    assert "Rains" not in got and "Bida" in got, got
    text = ("Cattle prices climb in Queensland\n\n"
            "Buyers at the Roma saleyards paid record prices on Tuesday, agents said.\n\n"
            "Sales in Toowoomba and Longreach were also strong after the wet season.\n")
    got = [p["surface"] for p in cli_places(tmp_path, text)]
    assert "Sales" not in got and "Toowoomba" in got, got


def test_a_country_or_state_spelt_like_a_plural_stays(tmp_path):
    text = "Wales beat Ireland in Cardiff on Saturday.\n"
    got = [p["surface"] for p in cli_places(tmp_path, text)]
    assert "Cardiff" in got and "Wales" in got, got
