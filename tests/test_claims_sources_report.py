"""Sources that live outside a figure's own sentence, or in a passive (issue 17), with
articles of our own through `claimmap extract`: the body whose report the lead gives covers
the figures after it that name nobody ("The Water Board has confirmed ... So far, 40
homes ..."), with the short name the article also uses ("... Authority (RDA)",
"Ministry of Public Health (MoPH)" where "MoPH" comes back later); "issued by X";
"the officials clarified" stands for the body named before; "Authorities had earlier
reported"; a weekday is nobody ("on Friday announced").
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
    "report": """Flood damage reported in Ontario

TORONTO (CKXX) - The Regional Disaster Authority has received damage reports from 12 districts after the floods.

The reports are early estimates and will be revised as RDA teams visit the area.

So far, 140 homes and 35 roads are damaged across Ontario.

- Hamilton: 22 homes damaged.
""",
    "ministry": """Measles cases rise in Kenya

The Ministry of Public Health (MoPH) has confirmed 9 measles deaths in Kenya this week.

A total of 212 samples were tested in Nairobi, of which 80 were positive.

MoPH teams are visiting schools in the county.
""",
    "defined_only": """Measles cases rise in Uganda

The Ministry of Child Health (MoCH) has confirmed 5 measles deaths in Uganda this week.
""",
    "passive": """Storm warnings in Scotland

Four flood warnings and 11 alerts have been issued by the Scottish Flood Service.
In Fife Region, 6 people were hurt, the Fife Region Fire Service reported.
Two residents were hurt in Kirkcaldy and one in Glenrothes, the officials clarified.
Authorities had earlier reported 3 dead in that storm in Dundee.
""",
    "weekday": """Curfew in Cusco

CUSCO Peru - on Friday announced a curfew after 7 people were killed in Cusco.
""",
}


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sources_report")
    out = {}
    for name, text in ARTICLES.items():
        src = folder / f"{name}.txt"
        src.write_text(text, encoding="utf-8")
        res = subprocess.run([CLAIMMAP, "extract", str(src), "--date", DAY],
                             env={**os.environ, "PYTHONWARNINGS": "ignore"},
                             capture_output=True, text=True, timeout=180)
        assert res.returncode == 0, res.stderr
        out[name] = yaml.safe_load(res.stdout)["claims"]
    return out


def _source(claims, value):
    hits = [c for c in claims if c.get("value") is not None and float(c["value"]) == value]
    assert hits, [(c.get("measure"), c.get("value")) for c in claims]
    return hits[0]["source"]


@pytest.mark.parametrize("value", [12, 140, 35, 22])
def test_the_leads_report_covers_the_figures_after_it(docs, value):
    assert _source(docs["report"], value) == "Regional Disaster Authority (RDA)"


@pytest.mark.parametrize("value", [9, 212, 80])
def test_a_body_keeps_its_short_name(docs, value):
    assert _source(docs["ministry"], value) == "Ministry of Public Health (MoPH)"


def test_a_short_name_defined_and_never_used_is_left_out(docs):
    assert _source(docs["defined_only"], 5) == "Ministry of Child Health"


def test_issued_by_names_the_source(docs):
    assert _source(docs["passive"], 11) == "Scottish Flood Service"
    assert _source(docs["passive"], 4) == "Scottish Flood Service"


def test_the_officials_stand_for_the_body_named_before(docs):
    assert _source(docs["passive"], 2) == "Fife Region Fire Service"


def test_authorities_had_earlier_reported(docs):
    assert _source(docs["passive"], 3) == "Authorities"


def test_a_weekday_is_nobody(docs):
    assert _source(docs["weekday"], 7) == "unattributed"


def test_a_source_said_after_the_lead_is_not_a_report():
    """A figure said by someone in the lead ("..., the mayor said") does not make every
    later figure the mayor's."""
    text = """Fire in Leeds

Nine people were hurt in Leeds, the mayor said.

Later, 14 homes were found damaged in Bradford.
"""
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        src = Path(d) / "a.txt"
        src.write_text(text, encoding="utf-8")
        res = subprocess.run([CLAIMMAP, "extract", str(src), "--date", DAY],
                             env={**os.environ, "PYTHONWARNINGS": "ignore"},
                             capture_output=True, text=True, timeout=180)
    assert res.returncode == 0, res.stderr
    claims = yaml.safe_load(res.stdout)["claims"]
    assert _source(claims, 14) == "unattributed"
