"""The claims' place names, article title and URL (GeoPackage, GeoJSON, CSV), and their
dates as DATE fields in the GeoPackage while GeoJSON and CSV keep ISO strings (SPEC)."""

from __future__ import annotations

import csv
import json
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from common import FIRST_ARTICLE
from layers.io import writers
from layers.model import Article, Claim, ClaimsDoc, PlaceRecord
from layers.schema import CLAIM_COLUMNS, DATE_COLUMNS, article_url

SLUG = FIRST_ARTICLE.stem
CLAIMMAP = str(Path(sys.executable).with_name("claimmap"))
#: the claims columns before issue 19: every one stays, in this order, at the front
SPEC_CLAIM_COLUMNS = ["claim_id", "article_id", "text", "span_start", "span_end", "category",
                      "measure", "value", "value_max", "unit", "date_start", "date_end",
                      "time_precision", "source", "place_ids", "geo_precision", "contested",
                      "conflicts_with", "relation", "period", "qualifier", "note"]
NEW = ["place_names", "article_title", "article_url"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The first article built by the command line, as a user runs it."""
    out = tmp_path_factory.mktemp("columns")
    res = subprocess.run([CLAIMMAP, "build", str(FIRST_ARTICLE), "--out", str(out)],
                         capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr[-2000:]
    return out


def test_new_columns_are_appended_after_the_specs():
    assert CLAIM_COLUMNS[:len(SPEC_CLAIM_COLUMNS)] == SPEC_CLAIM_COLUMNS
    assert CLAIM_COLUMNS[len(SPEC_CLAIM_COLUMNS):] == NEW


def test_csv_rows_carry_place_names_title_and_url(built):
    with open(built / f"{SLUG}.claims.csv", encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        header = reader.fieldnames
        rows = list(reader)
    assert header == SPEC_CLAIM_COLUMNS + NEW + ["lon", "lat"]
    places = {f["properties"]["place_id"]: f["properties"] for f in json.loads(
        (built / f"{SLUG}.places.geojson").read_text(encoding="utf-8"))["features"]}
    title = FIRST_ARTICLE.read_text(encoding="utf-8").splitlines()[0].strip()
    for r in rows:
        ids = r["place_ids"].split("; ") if r["place_ids"] else []
        names = r["place_names"].split("; ") if r["place_names"] else []
        assert len(names) == len(ids), r["claim_id"]
        for pid, name in zip(ids, names):
            # the name the maps label the place with: the gazetteer's, or the article's form
            assert name == places[pid]["name"] or name in places[pid]["surfaces"].split("; ")
        assert r["article_title"] == title
        assert r["article_url"] == ""   # a .txt article has no address
    assert sum(1 for r in rows if r["place_names"]) >= 15


def test_geojson_keeps_iso_strings_and_has_the_new_properties(built):
    feats = json.loads((built / f"{SLUG}.claims.geojson").read_text(encoding="utf-8"))["features"]
    props = [f["properties"] for f in feats]
    assert all(set(NEW) <= set(p) for p in props)
    starts = {p["date_start"] for p in props}
    assert "2024-12" in starts or any(len(s) == 7 for s in starts)   # month precision kept
    assert all(isinstance(p["date_start"], str) for p in props)


def test_geopackage_dates_are_date_columns(built):
    con = sqlite3.connect(built / f"{SLUG}.gpkg")
    try:
        for table in ("claims", "claim_lines"):
            cols = {row[1]: row[2] for row in con.execute(f'PRAGMA table_info("{table}")')}
            assert cols["date_start"] == "DATE" and cols["date_end"] == "DATE", table
            for col in NEW:
                assert cols[col] == "TEXT", (table, col)
        rows = con.execute("SELECT c.date_start, c.date_end, c.time_precision FROM claims c")
        rows = list(rows)
    finally:
        con.close()
    with open(built / f"{SLUG}.claims.csv", encoding="utf-8", newline="") as fh:
        iso = sorted((r["date_start"], r["date_end"]) for r in csv.DictReader(fh)
                     if r["place_ids"])
    # each DATE is the first day of the period the ISO string names; empty is NULL
    as_dates = sorted(tuple("" if v is None else v for v in r[:2]) for r in rows)
    expect = sorted(tuple(writers.iso_dates([v])[0].item().isoformat() if v else ""
                          for v in pair) for pair in iso)
    assert as_dates == expect
    assert any(v == "2024-12-01" for v, _ in as_dates)   # "December 2024"
    assert all(v is None or date.fromisoformat(v) for r in rows for v in r[:2])


def test_iso_dates_reads_every_precision_and_refuses_the_rest():
    got = writers.iso_dates(["2025-06-29", "2024-12", "2024", "", None]).tolist()
    assert got == [date(2025, 6, 29), date(2024, 12, 1), date(2024, 1, 1), None, None]
    for bad in ("29/06/2025", "2025-13", "June 2025"):
        with pytest.raises(ValueError, match="not an ISO date"):
            writers.iso_dates([bad])
    assert DATE_COLUMNS == ("date_start", "date_end")


def test_article_url_is_the_source_only_when_it_is_a_web_address():
    assert article_url(Article("a", "", source="https://example.org/news/1")) == \
        "https://example.org/news/1"
    assert article_url(Article("a", "", source="Kyiv Independent")) == ""
    assert article_url(None) == ""


def _doc(aid: str, title: str, source: str, place: PlaceRecord) -> ClaimsDoc:
    text = f"Fighting near {place.name} on 3 May 2024."
    return ClaimsDoc(Article(aid, text, title=title, published=date(2024, 5, 4), source=source),
                     places=[place],
                     claims=[Claim(f"{aid}-1", aid, text, 0, len(text), "military",
                                   [place.place_id], date_start="2024-05-03",
                                   time_precision="day")])


def test_merged_claims_keep_their_own_articles_title_and_url(tmp_path):
    """In a batch, each claim names the article it came from, not the batch."""
    from layers.merge import merge_docs, merged_layers

    a = PlaceRecord("geonames:1", "Alpha", "populated_place", 10.0, 20.0, surfaces=["Alpha"])
    b = PlaceRecord("geonames:2", "Beta", "populated_place", 11.0, 21.0, surfaces=["Beta"])
    merged = merge_docs([_doc("one", "First story", "https://news.example/one", a),
                         _doc("two", "Second story", "Daily Paper", b)], "batch")
    layers = merged_layers(merged)
    got = {r.claim_id: (r.place_names, r.article_title, r.article_url)
           for r in layers.claims.itertuples()}
    assert got == {"one-1": ("Alpha", "First story", "https://news.example/one"),
                   "two-1": ("Beta", "Second story", "")}
    layers.write(tmp_path, maps=False)
    with open(tmp_path / "batch.claims.csv", encoding="utf-8", newline="") as fh:
        rows = {r["claim_id"]: r for r in csv.DictReader(fh)}
    assert rows["two-1"]["article_title"] == "Second story"
    assert rows["one-1"]["article_url"] == "https://news.example/one"
    con = sqlite3.connect(tmp_path / "batch.gpkg")
    try:
        assert con.execute("SELECT date_start FROM claims ORDER BY claim_id").fetchall() == [
            ("2024-05-03",), ("2024-05-03",)]
    finally:
        con.close()
