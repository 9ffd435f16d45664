"""A claims file with an empty `made_by`, `claims` or `places` is written by the direct
writer with the very bytes ruamel.yaml writes (it fell back to ruamel for these, which took
88 s for a reviewed file of 20,000 claims, whose `made_by` is empty: issue 18's fuzzing)."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest

from layers.claimsfile import load_claims_file
from layers.claimsfile._dump import doc_to_yaml, doc_tree, dump_ruamel
from layers.claimsfile._fastdump import dump_tree
from layers.claimsfile._dump import HEADER

CLAIMMAP = str(Path(sys.executable).with_name("claimmap"))

HEAD = """format: claimmap-claims/1
article:
  id: empty-2025-06-29
  title: Empty
  published: "2025-06-29"
places:
  - key: kharkiv
    place_id: geonames:706483
claims:
"""
CLAIM = """  - category: casualties
    places: [kharkiv]
    measure: killed
    value: {v}
    unit: people
    date_start: "2025-06-28"
    source: officials
    span_start: 0
    span_end: 40
    sentence: 'Shelling killed {v} people in Kharkiv'
"""
TAIL = "article_text: |\n  Shelling killed 5 people in Kharkiv on Sunday, officials said.\n"


def _file(tmp_path, n: int) -> Path:
    path = tmp_path / "reviewed.claims.yaml"
    path.write_text(HEAD + "".join(CLAIM.format(v=i + 1) for i in range(n)) + TAIL,
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("empty", ["made_by", "claims", "places"])
def test_empty_parts_are_written_as_ruamel_writes_them(tmp_path, empty):
    doc = load_claims_file(_file(tmp_path, 3))
    assert not doc.made_by
    if empty == "claims":
        doc = dataclasses.replace(doc, claims=[])
    elif empty == "places":
        doc = dataclasses.replace(doc, claims=[], places=[])
    tree = doc_tree(doc)
    assert dump_tree(HEADER, tree) == dump_ruamel(doc_to_yaml(doc, doc_tree(doc)))


def test_a_reviewed_file_with_no_made_by_builds_back(tmp_path):
    src = _file(tmp_path, 300)
    res = subprocess.run([CLAIMMAP, "build", str(src), "--out", str(tmp_path / "out")],
                         env={**os.environ, "PYTHONWARNINGS": "ignore"},
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    (written,) = (tmp_path / "out").glob("*.claims.yaml")
    text = written.read_text(encoding="utf-8")
    assert "made_by: {}" in text and text.count("  - claim_id:") == 300, text[:2000]
