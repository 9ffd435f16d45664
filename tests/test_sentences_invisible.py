"""Sentences end where a reader sees them end, also when text pasted from the web or a word
processor puts invisible characters (a zero-width space, a bidi mark, a line separator)
between them (issue 18: such a text was one sentence, and every claim carried all of it).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from layers.text.sentences import split_sentences

CLAIMMAP = str(Path(sys.executable).with_name("claimmap"))


def _text(n: int) -> str:
    towns = ["Kharkiv", "Odesa", "Dnipro", "Lviv"]
    return "Shelling report\n\n" + "\r".join(
        f"\u202eShelling killed {i + 3} people in {towns[i % 4]} on Sunday, officials said."
        "\u200b\u2028" for i in range(n))


def test_invisible_characters_between_sentences_end_them():
    sentences = split_sentences(_text(6))
    assert [s.text.split(" in ")[0] for s in sentences[1:]] == [
        f"Shelling killed {i + 3} people" for i in range(6)]
    for s in sentences:
        assert s.text == s.text.strip("\u200b\u2028\u202e\r ")


def test_each_claim_keeps_its_own_sentence(tmp_path):
    src = tmp_path / "pasted.txt"
    src.write_text(_text(40), encoding="utf-16")
    res = subprocess.run([CLAIMMAP, "extract", str(src), "--date", "2025-06-29"],
                         env={**os.environ, "PYTHONWARNINGS": "ignore"},
                         capture_output=True, text=True, timeout=180)
    assert res.returncode == 0, res.stderr
    claims = [c for c in yaml.safe_load(res.stdout)["claims"] if c.get("value") is not None]
    assert len(claims) == 40
    for c in claims:
        assert c["sentence"].count("Shelling killed") == 1, c["sentence"][:200]
