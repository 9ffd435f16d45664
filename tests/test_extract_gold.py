"""Precision and recall of claim extraction against the team's hand-coded gold.

The gold (tests/data/claims_gold/*.yaml, see its README) lists the claims a careful
analyst codes from four short articles. An extracted claim matches a gold claim when the
gold's places are all among its places, its category is one the gold accepts, its
measure and value agree where the gold gives them, its date_start starts with the gold's
date and its source contains the gold's source. Matching is one to one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from layers.text.article import read_article
from layers.text.claims import extract

ROOT = Path(__file__).resolve().parents[1]
GOLD = sorted((ROOT / "tests" / "data" / "claims_gold").glob("*.yaml"))


def _as_list(v) -> list[str]:
    if v is None or v == "":
        return []
    return [str(x) for x in v] if isinstance(v, list) else [str(v)]


def _matches(gold: dict, claim) -> bool:
    if not set(gold["places"]) <= set(claim.place_ids):
        return False
    if claim.category not in _as_list(gold["category"]):
        return False
    if gold.get("measure") and claim.measure != gold["measure"]:
        return False
    if gold.get("value") is not None and (claim.value is None
                                          or float(claim.value) != float(gold["value"])):
        return False
    if not (claim.date_start or "").startswith(str(gold.get("date") or "")):
        return False
    sources = _as_list(gold.get("source"))
    return not sources or any(s.lower() in claim.source.lower() for s in sources)


def score(gold_file: Path) -> tuple[int, int, int, list[str]]:
    """(matched, extracted, gold, missed descriptions) for one gold file."""
    gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
    claims = list(extract(read_article(ROOT / gold["article"])).claims)
    matched, missed = 0, []
    for g in gold["claims"]:
        hit = next((c for c in claims if _matches(g, c)), None)
        if hit is None:
            missed.append(g["what"])
            continue
        claims.remove(hit)
        matched += 1
    return matched, matched + len(claims), len(gold["claims"]), missed


@pytest.fixture(scope="module")
def scores():
    return {p.stem: score(p) for p in GOLD}


def test_gold_files_are_well_formed():
    assert len(GOLD) >= 4
    for p in GOLD:
        gold = yaml.safe_load(p.read_text(encoding="utf-8"))
        assert (ROOT / gold["article"]).is_file(), p
        for g in gold["claims"]:
            assert g["places"] and g["category"] and "what" in g, (p, g)


# Measured 2026-11-25, micro-averaged over the four articles (31 gold claims):
#   before issue 4's second pass: 6 matched of 15 extracted, precision 0.40, recall 0.19
#   after it:                    27 matched of 33 extracted, precision 0.82, recall 0.87
# The thresholds sit a little under the figures after, so a regression fails.
MIN_PRECISION = 0.75
MIN_RECALL = 0.80


def test_precision_and_recall(scores):
    matched = sum(s[0] for s in scores.values())
    extracted = sum(s[1] for s in scores.values())
    gold = sum(s[2] for s in scores.values())
    precision = matched / extracted if extracted else 0.0
    recall = matched / gold
    detail = {k: (s[0], s[1], s[2], s[3]) for k, s in scores.items()}
    assert precision >= MIN_PRECISION, detail
    assert recall >= MIN_RECALL, detail


def test_avdiivka_example_claims(scores):
    # the built-in example: every claim an analyst codes is found, and nothing else
    matched, extracted, gold, missed = scores["avdiivka-2024-02-17"]
    assert (matched, extracted) == (gold, gold), missed
