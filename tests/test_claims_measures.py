"""Measures on unseen text (issue 17), with articles of our own through `claimmap extract`:
the parts of a total after "including" count what the total counted (not the verb after
them); "N more than during ..." is a change; what a mine or a farm produces is its
output; "72 per cent of cases" is a share of cases (the plural read right); "14 gunmen
were killed", "three attackers died": the verb after any counted group says the toll.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

CLAIMMAP = str(Path(sys.executable).with_name("claimmap"))
DAY = "2024-05-08"

ARTICLES = {
    "parts": """Missile strike in Multan

A missile strike on a market in Multan killed 11 civilians, including five women, four men, and two children, while injuring 29 others.
""",
    "change": """Marches across France

Police counted 30,000 marchers in Lyon on Tuesday.
They were also nearly 18,000 at Grenoble, 6,000 more than during the first march.
A perceptible revival in smaller towns, such as Vienne (2500) or Annecy (3000).
""",
    "output": """Zambian copper mine expands

The mine near Chingola produced 120,000 tonnes of copper and 9,000 tonnes of cobalt last year, the company said.
""",
    "tolls": """Attack on a checkpoint in Maiduguri

Soldiers said 14 gunmen were killed in Maiduguri on Sunday.
Three attackers died and five policemen were wounded in the fighting in Maiduguri.
""",
    "share": """Cholera in Kenya

The report showed 64 per cent of cholera cases were reported from Nairobi.
""",
}


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("measures")
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    out = {}
    for name, text in ARTICLES.items():
        src = folder / f"{name}.txt"
        src.write_text(text, encoding="utf-8")
        res = subprocess.run([CLAIMMAP, "extract", str(src), "--date", DAY], env=env,
                             capture_output=True, text=True, timeout=180)
        assert res.returncode == 0, res.stderr
        out[name] = yaml.safe_load(res.stdout)["claims"]
    return out


def _m(docs, name, value):
    hits = [c for c in docs[name] if c.get("value") is not None and float(c["value"]) == value]
    assert hits, [(c.get("measure"), c.get("value")) for c in docs[name]]
    return hits[0]["measure"]


def test_the_parts_of_a_toll_count_what_the_toll_counted(docs):
    assert [_m(docs, "parts", v) for v in (11, 5, 4, 2)] == ["killed"] * 4
    assert _m(docs, "parts", 29) == "injured"


def test_a_figure_more_than_before_is_a_change_and_does_not_carry(docs):
    assert _m(docs, "change", 6000) == "change"
    # the bare numbers of the next sentence count marchers, not the change
    assert _m(docs, "change", 2500) == "protesters"
    assert _m(docs, "change", 3000) == "protesters"


def test_what_is_produced_is_an_output(docs):
    assert _m(docs, "output", 120_000) == "copper_output"
    assert _m(docs, "output", 9000) == "cobalt_output"


def test_a_share_of_cases(docs):
    assert _m(docs, "share", 64) == "case_share"


@pytest.mark.parametrize("value,measure", [(14, "killed"), (3, "killed"), (5, "injured")])
def test_a_toll_of_any_group_is_a_figure(docs, value, measure):
    assert _m(docs, "tolls", value) == measure
