"""The claims file: round trips, reviewer edits, kept comments, and every refusal."""

from __future__ import annotations

import copy
import io
import math
import re
from dataclasses import fields, is_dataclass
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.exc import BadInput
from geo.gazetteer import Gazetteer
from layers.claimsfile import _fastdump as fast
from layers.claimsfile import _fastload as fastload
from layers.claimsfile import _dump as cf_dump
from layers.claimsfile import _format as cf_format
from layers.claimsfile import _load as cf_load
from layers.claimsfile import (
    FORMAT,
    dump_claims_file,
    load_claims_file,
    loads_claims,
    write_claims_file,
)
from layers.text.claims import claim_id_for, places_from_mentions
from layers.model import Article, Claim, ClaimsDoc, PlaceRecord

TEXT = ("Pokrovsk braces for assault\n\n"
        "Russia has massed 110,000 troops near Pokrovsk, per local officials. "
        "Kramatorsk lost power in December 2024.\n")


def _mention(place_id, surface, gp=1, alts=()):
    from geo.model import Mention

    place = Gazetteer.open().get(place_id)
    start = TEXT.index(surface)
    return Mention(surface, start, start + len(surface), place, gp, tuple(alts))


@pytest.fixture
def doc():
    """A small ClaimsDoc on real gazetteer places (Pokrovsk, Kramatorsk, Dnipro Oblast)."""
    art = Article(id="small-article", text=TEXT, title="Pokrovsk braces for assault",
                  published=date(2025, 6, 29), path="small-article.txt")
    mentions = [_mention("geonames:704422", "Pokrovsk"),
                _mention("geonames:704508", "Kramatorsk", alts=["geonames:709930"])]
    places = places_from_mentions(mentions)
    s1 = TEXT.index("Russia has")
    f1 = TEXT.index("110,000 troops")
    s2 = TEXT.index("Kramatorsk lost")
    claims = [
        Claim(claim_id=claim_id_for(art.id, "110,000 troops", f1, "troops", 110000.0, "",
                                    ["geonames:704422"], "military"),
              article_id=art.id, text=TEXT[s1:TEXT.index("officials.") + 10], span_start=f1,
              span_end=f1 + 14, category="military", place_ids=["geonames:704422"],
              measure="troops", value=110000.0, unit="people", source="local officials"),
        Claim(claim_id=claim_id_for(art.id, "Kramatorsk lost power", s2, "", None, "",
                                    ["geonames:704508"], "infrastructure"),
              article_id=art.id, text=TEXT[s2:TEXT.index("2024.") + 5], span_start=s2,
              span_end=s2 + 21, category="infrastructure", place_ids=["geonames:704508"],
              date_start="2024-12", time_precision="month"),
    ]
    return ClaimsDoc(article=art, places=places, claims=claims,
                     made_by={"claimmap": "test", "gazetteer": Gazetteer.open().version})


def _same(a: ClaimsDoc, b: ClaimsDoc):
    assert a.article == b.article
    assert a.places == b.places
    assert a.claims == b.claims
    assert a.made_by == b.made_by


def test_unchanged_round_trip_is_identical(doc, tmp_path):
    p = write_claims_file(doc, tmp_path / "c.yaml")
    back = load_claims_file(p)
    _same(doc, back)
    # and writing it again gives the same bytes
    assert dump_claims_file(back) == p.read_text(encoding="utf-8")


def test_file_reads_well(doc):
    text = dump_claims_file(doc)
    assert text.startswith("# claimmap claims file")
    assert f"format: {FORMAT}" in text
    assert "places: [pokrovsk]" in text
    assert "quote: 110,000 troops" in text
    # the alternative is listed with a comment naming it
    assert re.search(r"- geonames:709930\s+# Dnipro \(populated_place, UA\.04", text)
    assert "article_text: |-" in text or "article_text: |" in text


def test_exact_text_survives_crlf_and_trailing_spaces(doc):
    doc.article.text = TEXT + "Tail  \r\nBody\twith tab.\r\n\n\n"
    back = loads_claims(dump_claims_file(doc), "x.yaml")
    assert back.article.text == doc.article.text


def _edit(text: str, old: str, new: str, count: int = 1) -> str:
    assert old in text, old
    return text.replace(old, new, count)


def test_reviewer_edits_come_through_exactly(doc, tmp_path):
    p = write_claims_file(doc, tmp_path / "c.yaml")
    text = p.read_text(encoding="utf-8")
    # 1. pin Kramatorsk's place to its alternative (Dnipro) by id
    text = _edit(text, "place_id: geonames:704508", "place_id: geonames:709930")
    # 2. fix a figure, with a comment saying why
    text = _edit(text, "value: 110000", "value: 100000  # reviewer: the ministry says 100,000")
    # 3. a comment on its own line
    text = _edit(text, "claims:\n", "claims:\n  # reviewed by A. Analyst\n")
    # 4. add a claim without an id
    text = text.replace("\nmade_by:", "  - category: humanitarian  # added by hand\n    places: [pokrovsk]\n"
                        "    measure: displaced\n    value: 5000\n    unit: people\n"
                        "    date_start: 2025-06\n\nmade_by:")
    p.write_text(text, encoding="utf-8")
    back = load_claims_file(p)
    kr = next(pl for pl in back.places if pl.place_id == "geonames:709930")
    assert kr.name == "Dnipro" and abs(kr.lat - 48.45) < 0.2      # from the gazetteer
    assert back.claims[1].place_ids == ["geonames:709930"]
    assert back.claims[0].value == 100000.0
    added = back.claims[2]
    assert (added.measure, added.value, added.date_start, added.time_precision) == \
        ("displaced", 5000.0, "2025-06", "month")
    assert added.claim_id.startswith("small-article-") and added.source == "unattributed"
    # nothing else changed
    assert back.claims[0].source == doc.claims[0].source
    assert back.article == doc.article
    assert back.places[0] == doc.places[0]
    # rewriting keeps the comments
    out = write_claims_file(back, tmp_path / "again.yaml").read_text(encoding="utf-8")
    assert "# reviewer: the ministry says 100,000" in out
    assert "# reviewed by A. Analyst" in out
    assert "# added by hand" in out and f"claim_id: {added.claim_id}" in out
    assert load_claims_file(tmp_path / "again.yaml").claims == back.claims


def test_drop_claim_and_pin_coordinates(doc, tmp_path):
    p = write_claims_file(doc, tmp_path / "c.yaml")
    back = load_claims_file(p)
    back.claims[0].conflicts_with = [back.claims[1].claim_id]
    back.claims[0].contested = True
    text = dump_claims_file(back)
    # drop the second claim: everything from its "- claim_id" to made_by
    start = text.index(f"  - claim_id: {doc.claims[1].claim_id}")
    text = text[:start] + text[text.index("\nmade_by:") + 1:]
    text = _edit(text, "source: ''\n    note: ''\n  - key: kramatorsk",
                 "source: 'Reviewer: Sentinel-2 image 2025-06-20'\n    note: ''\n  - key: kramatorsk")
    text = _edit(text, "lat: 48.28014", "lat: 48.3")
    p.write_text(text, encoding="utf-8")
    got = load_claims_file(p)
    assert [c.claim_id for c in got.claims] == [doc.claims[0].claim_id]
    assert got.claims[0].conflicts_with == [] and got.claims[0].contested is False
    pok = got.places[0]
    assert (pok.lat, pok.source) == (48.3, "Reviewer: Sentinel-2 image 2025-06-20")


def test_new_place_pinned_to_coordinates(doc, tmp_path):
    text = dump_claims_file(doc)
    text = _edit(text, "\nclaims:", "  - key: mine-3\n    name: Mine No. 3\n    kind: facility\n"
                 "    lat: 48.30\n    lon: 37.20\n    source: company site, 2024\n\nclaims:")
    text = _edit(text, "places: [kramatorsk]", "places: [kramatorsk, mine-3]")
    back = loads_claims(text, "c.yaml")
    mine = back.places[-1]
    assert (mine.place_id, mine.kind, mine.lat, mine.source) == \
        ("claimmap:mine-3", "facility", 48.30, "company site, 2024")
    assert back.claims[1].place_ids == ["geonames:704508", "claimmap:mine-3"]


def test_geonameid_pins_a_place(doc):
    text = dump_claims_file(doc)
    text = _edit(text, "place_id: geonames:704508\n", "geonameid: 709930\n")
    back = loads_claims(text, "c.yaml")
    assert back.places[1].place_id == "geonames:709930"
    assert back.claims[1].place_ids == ["geonames:709930"]


def test_extract_output_updated_in_place_keeps_comments(doc, tmp_path):
    p = write_claims_file(doc, tmp_path / "c.yaml")
    p.write_text(p.read_text(encoding="utf-8").replace(
        "  - key: pokrovsk\n", "  - key: pokrovsk  # checked on the map\n"), encoding="utf-8")
    write_claims_file(doc, p)                      # a fresh extraction over the reviewed file
    assert "# checked on the map" in p.read_text(encoding="utf-8")
    _same(doc, load_claims_file(p))


# ---------------------------------------------------------------------------- refusals

def _line_of(text: str, needle: str) -> int:
    return text[:text.index(needle)].count("\n") + 1


@pytest.mark.parametrize("old,new,field,msg", [
    ("place_id: geonames:704508", "place_id: geonames:999999999", "place_id", "no place"),
    ("place_id: geonames:704508", "place_id: geonames:704508\n    geonameid: 704509", "geonameid",
     "disagree"),
    ("date_start: \"2024-12\"", "date_start: last winter", "date_start", "not a date"),
    ("date_start: \"2024-12\"", "date_start: 2024-13", "date_start", "not a date"),
    ("category: infrastructure", "category: weather", "category", "unknown category"),
    ("value: 110000", "value: 110,000 troops", "value", "not a number"),
    ("value: 110000", "value: true", "value", "not a number"),
    ("places: [kramatorsk]", "places: [kharkiv]", "places", "not in places"),
    ("relation: ''\n    measure: ''", "relation: flight\n    measure: ''", "relation",
     "unknown relation"),
    ("unit: people", "unit: people\n    colour: red", "colour", "unknown field"),
    ("contested: false", "contested: maybe", "contested", "true or false"),
])
def test_invalid_field_names_file_line_field(doc, tmp_path, old, new, field, msg):
    text = dump_claims_file(doc)
    text = _edit(text, old, new)
    p = tmp_path / "bad.yaml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(BadInput) as err:
        load_claims_file(p)
    e = err.value
    assert e.path == str(p) and e.field == field and msg in e.message
    needle = next(ln for ln in new.split("\n") if ln.strip().startswith(field))
    assert e.line == _line_of(text, needle), (e.line, new)
    assert str(e).startswith(f"{p}:{e.line}: ")


def test_duplicated_claim_id(doc):
    text = dump_claims_file(doc)
    text = _edit(text, f"claim_id: {doc.claims[1].claim_id}", f"claim_id: {doc.claims[0].claim_id}")
    with pytest.raises(BadInput, match="duplicated claim id") as err:
        loads_claims(text, "c.yaml")
    second = text.rindex(f"claim_id: {doc.claims[0].claim_id}")
    assert err.value.line == text[:second].count("\n") + 1
    assert err.value.field == "claim_id"


def test_pinned_coordinates_need_a_source(doc):
    text = dump_claims_file(doc)
    text = _edit(text, "\nclaims:", "  - key: dam\n    name: Dam\n    lat: 48.0\n    lon: 37.0\n\nclaims:")
    with pytest.raises(BadInput, match="source") as err:
        loads_claims(text, "c.yaml")
    assert err.value.field == "source"


@pytest.mark.parametrize("text,msg,line", [
    ("format: claimmap-claims/1\narticle: {id: a\n", "not YAML", 3),
    ("- just\n- a list\n", "not a claims file", 1),
    ("places: []\n", "format must be", None),
    ("format: claimmap-claims/1\narticle: [1]\n", "'article' must be a mapping", 2),
    ("format: claimmap-claims/1\narticle: {id: ../x}\n", "not a safe id", 2),
    ("format: claimmap-claims/1\narticle: {id: a}\nclaims: {a: 1}\n", "'claims' must be a list", 3),
    ("format: claimmap-claims/1\narticle: {id: a}\nclaims:\n  - category: military\n", "needs its places", 4),
    ("format: claimmap-claims/1\narticle: {id: a}\nclaims:\n  - places: [x]\n", "missing field 'category'", 4),
])
def test_wrong_shapes(text, msg, line):
    with pytest.raises(BadInput, match=re.escape(msg)) as err:
        loads_claims(text, "shape.yaml")
    assert err.value.path == "shape.yaml"
    if line is not None:
        assert err.value.line == line


def test_missing_and_undecodable_files(tmp_path):
    with pytest.raises(BadInput, match="no such claims file"):
        load_claims_file(tmp_path / "none.yaml")
    p = tmp_path / "latin.yaml"
    p.write_bytes("format: claimmap-claims/1\n# caf\xe9\n".encode("latin-1"))
    with pytest.raises(BadInput, match="not UTF-8"):
        load_claims_file(p)


# ---------------------------------------------------------------------------- with the builder

from common import FIRST_ARTICLE as POKROVSK  # noqa: E402


@pytest.fixture(scope="module")
def built_from_article():
    from layers.builder import build

    return build(str(POKROVSK))


def test_build_from_unchanged_file_equals_build_from_article(built_from_article, tmp_path):
    from layers.builder import build

    p = write_claims_file(built_from_article.doc, tmp_path / "pokrovsk-2025-06-29.yaml")
    again = build(str(p))
    for layer in ("places", "claims", "links", "regions"):
        a, b = getattr(built_from_article, layer), getattr(again, layer)
        assert a.equals(b), layer


def test_build_from_reviewed_file_has_exactly_the_edits(built_from_article, tmp_path):
    from layers.builder import build

    doc = built_from_article.doc
    p = write_claims_file(doc, tmp_path / "pokrovsk-2025-06-29.yaml")
    text = p.read_text(encoding="utf-8")
    dropped = next(c for c in doc.claims if c.measure == "population" and c.qualifier == "once")
    start = text.index(f"  - claim_id: {dropped.claim_id}\n")
    end = text.index("  - claim_id:", start + 5)
    text = text[:start] + text[end:]
    # pin Slovyansk to its alternative and comment on it
    text = _edit(text, "place_id: geonames:693468", "place_id: geonames:700051  # reviewer: check")
    p.write_text(text, encoding="utf-8")
    got = build(str(p))
    before = built_from_article.claims.set_index("claim_id")
    after = got.claims.set_index("claim_id")
    assert set(before.index) - set(after.index) == {dropped.claim_id}
    assert set(after.index) <= set(before.index)
    changed = [cid for cid in after.index
               if not before.loc[cid].drop("place_ids").equals(after.loc[cid].drop("place_ids"))
               or before.loc[cid, "place_ids"] != after.loc[cid, "place_ids"]]
    route = next(c.claim_id for c in doc.claims if c.relation == "supply_route")
    assert changed == [route]                                    # its line now runs elsewhere
    assert "geonames:700051" in after.loc[route, "place_ids"]
    places = got.places.set_index("place_id")
    assert "geonames:693468" not in places.index and places.loc["geonames:700051", "name"] == "Nikopol"
    assert "# reviewer: check" in dump_claims_file(got.doc)


def test_cli_extract_then_refuse_a_broken_file(tmp_path):
    from click.testing import CliRunner

    from layers.cli import cli

    out = tmp_path / "p.yaml"
    res = CliRunner().invoke(cli, ["extract", str(POKROVSK), "-o", str(out)])
    assert res.exit_code == 0, res.output
    text = out.read_text(encoding="utf-8")
    assert load_claims_file(out).article.id == "pokrovsk-2025-06-29"
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("category: casualties", "category: gossip", 1), encoding="utf-8")
    res = CliRunner().invoke(cli, ["build", str(bad), "--out", str(tmp_path / "o")])
    assert res.exit_code == 2
    line = text[:text.index("category: casualties")].count("\n") + 1
    assert f"{bad}:{line}: unknown category 'gossip'" in res.output
    assert not (tmp_path / "o").exists() or not any((tmp_path / "o").iterdir())


@pytest.mark.parametrize("name", sorted(p.name for p in (
    __import__("pathlib").Path(__file__).parent / "data" / "articles").glob("*.txt")))
def test_every_team_article_round_trips(name):
    from pathlib import Path

    from layers.text.article import read_article
    from layers.text.claims import extract

    doc = extract(read_article(Path(__file__).parent / "data" / "articles" / name))
    text = dump_claims_file(doc)
    back = loads_claims(text, name)
    _same(doc, back)
    assert dump_claims_file(back) == text


# ---------------------------------------------------------------------------- the direct writer
#
# A fresh claims file is written by layers.claimsfile._fastdump, not by ruamel.yaml: these
# check it writes the very bytes ruamel writes (`_ruamel_text`), on real articles, on
# generated strings of every awkward kind, at the folding width, and on a merged batch.

ARTICLES = Path(__file__).parent / "data" / "articles"


def _ruamel_text(doc: ClaimsDoc) -> str:
    return cf_dump.dump_ruamel(cf_dump.doc_to_yaml(doc))


def _fast_text(doc: ClaimsDoc) -> str:
    """The direct writer's text (fails the test when it would hand over to ruamel)."""
    return fast.dump_tree(cf_format.HEADER, cf_dump.doc_tree(doc))


_AWKWARD = ["", " ", "  ", "word ", "it's", "a:b", ": ", ":", " #", "#", "-", "- ", "?", "*", "&",
            "!", "%", "@", "`", "|", ">", "'", '"', "\\", ",", "[", "]", "{", "}", "~", "=", "<<",
            "\n", "\n\n", "\t", "\r", "\r\n", "\x85", "\u2028", "\u2029", "\ufeff", "\xa0", "\x00",
            "\x07", "\x1b", "\x7f", "é", "’", "—", "🙂", "\ue000", "\ufffd", "yes", "No", "null",
            "~", "true", "1e5", "0x10", "0o17", "12", "-3", "+.5", ".inf", ".nan", "2024-01-01",
            "2024-12", "2024-1-1 10:00:00", "---", "...", "x" * 40, "Pokrovsk"]
#: strings of every kind a claims file meets: YAML indicators, quotes, breaks, controls,
#: unicode, look-alikes of numbers, booleans, nulls and dates, and long ones that fold
TEXTS = st.one_of(
    st.text(max_size=40),
    st.lists(st.sampled_from(_AWKWARD), max_size=40).map("".join),
    st.lists(st.sampled_from(["word", "words", " ", "x" * 35, "it's", "a: b", "#c", "(d)", ","]),
             max_size=70).map("".join),
    st.sampled_from(_AWKWARD),
)
NUMBERS = st.one_of(st.floats(), st.integers(-10 ** 20, 10 ** 20),
                    st.floats(-1e6, 1e6).map(lambda f: round(f, 3)))


def test_direct_writer_analyses_scalars_as_ruamel():
    from ruamel.yaml.emitter import Emitter

    em = Emitter(io.StringIO(), allow_unicode=True)
    em.use_version = None             # what the dumper's serializer says: YAML 1.2

    @settings(max_examples=600, deadline=None)
    @given(TEXTS)
    def check(s):
        a = em.analyze_scalar(s)
        assert fast.analyze(s) == (a.empty, a.multiline, a.allow_flow_plain, a.allow_block_plain,
                                   a.allow_single_quoted, a.allow_double_quoted, a.allow_block)
        if fast._BLOCK_PLAIN_SURE.fullmatch(s):
            assert a.allow_block_plain

    check()


def _doc_of(texts, numbers, *, odd_alternative=None) -> ClaimsDoc:
    it = iter(texts)

    def t():
        return next(it, "")

    text, title = t(), t()
    art = Article(id="a", text=text, title=title, published=date(2024, 1, 2) if title else None,
                  source=t(), path=t() or None, notes=(t(), t()))
    alts = ["geonames:704422", "geonames:1"] + ([odd_alternative] if odd_alternative else [])
    places = [PlaceRecord("geonames:1", t() or "n", t(), numbers[0], numbers[1], geonameid=7,
                          country_code=t(), admin1=t(), population=3, mentions=2,
                          surfaces=[t() for _ in range(6)], alternatives=alts, source=t(),
                          note=t()),
              PlaceRecord("claimmap:" + t(), t() or "m", "facility", 1.5, -2.25, note=t())]
    claims = [Claim(claim_id=t(), article_id="a", text=t(), span_start=0,
                    span_end=min(len(text), 9), category=t(), place_ids=["geonames:1", t()],
                    measure=t(), value=numbers[2], unit=t(), date_start=t(), date_end="2024",
                    source=t(), conflicts_with=[t() for _ in range(5)], relation=t(),
                    period=t(), qualifier=t(), note=t()),
              Claim(claim_id=t(), article_id="a", text=t(), span_start=-1, span_end=-1,
                    category="military", value=None, source=t())]
    return ClaimsDoc(art, places, claims, made_by={"claimmap": t(), "gazetteer": t()})


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(TEXTS, min_size=50, max_size=50), st.lists(NUMBERS, min_size=3, max_size=3))
def test_direct_writer_equals_ruamel_on_any_strings(texts, numbers):
    doc = _doc_of(texts, numbers)
    assert _fast_text(doc) == _ruamel_text(doc)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(TEXTS, st.lists(TEXTS, min_size=50, max_size=50))
def test_direct_writer_hands_what_it_cannot_show_to_ruamel(alt, texts):
    # an alternative is written only when it is a plain one-line id; otherwise the
    # whole file goes through ruamel, and dump_claims_file still gives ruamel's text
    doc = _doc_of(texts, [1.0, 2.0, 3.0], odd_alternative=alt)
    ref = _ruamel_text(doc)
    assert dump_claims_file(doc) == ref
    try:
        assert _fast_text(doc) == ref
    except fast.Unsure:
        pass


@pytest.mark.parametrize("pad", ["word ", "x", "it's ", "a, ", "‘q’ "])
def test_direct_writer_folds_where_ruamel_does(pad):
    # every length around the width (100): plain, single and double quoted values at the
    # two depths, flow lists that wrap after a comma, words longer than a line
    for n in range(40, 140, 3):
        s = (pad * n)[:n]
        texts = [s, s + " ", s.upper(), "'" + s, s + ":", "\t" + s, s.replace(" ", "  ")] * 8
        doc = _doc_of(texts, [48.123456, 37.5, 110000.0])
        doc.places[0].surfaces = [s[:k] for k in range(5, 60, 7)]
        doc.claims[0].conflicts_with = [f"{s[:n // 3]}-{i}" for i in range(6)]
        assert _fast_text(doc) == _ruamel_text(doc), n


@pytest.fixture(scope="module")
def team_docs():
    """(path, ClaimsDoc) of the first article and every team article (.txt, .md, .html)."""
    from layers.text.article import read_article
    from layers.text.claims import extract

    paths = [POKROVSK] + sorted(p for p in ARTICLES.rglob("*") if p.suffix in (".txt", ".md", ".html"))
    return [(p, extract(read_article(p))) for p in paths]


def test_direct_writer_equals_ruamel_on_every_article(team_docs, monkeypatch):
    assert len(team_docs) > 20
    refs = [_ruamel_text(doc) for _, doc in team_docs]
    for (path, doc), ref in zip(team_docs, refs):
        if doc.places and doc.claims:
            assert _fast_text(doc) == ref, path
        assert dump_claims_file(doc) == ref, path

    # and dump_claims_file does not hand them to ruamel
    def no_ruamel(tree):
        raise AssertionError("dumped by ruamel")

    monkeypatch.setattr(cf_dump, "dump_ruamel", no_ruamel)
    assert dump_claims_file(team_docs[0][1]) == refs[0]
    # and reads back (every .txt one is read back by test_every_team_article_round_trips)
    doc = team_docs[0][1]
    _same(doc, loads_claims(dump_claims_file(doc), "first.yaml"))


@pytest.fixture(scope="module")
def merged_doc(team_docs):
    from layers.merge import merge_docs

    docs = {}
    for p, doc in team_docs:
        if p.suffix == ".txt":
            docs.setdefault(doc.article.id, doc)
    return merge_docs([copy.deepcopy(d) for d in docs.values()], "team-batch").doc


def test_merged_batch_file_is_ruamels_and_builds(merged_doc, tmp_path):
    from layers.builder import build

    doc = merged_doc
    assert len(doc.claims) > 100 and len(doc.places) > 100
    assert _fast_text(doc) == _ruamel_text(doc)
    p = write_claims_file(doc, tmp_path / "team-batch.claims.yaml")
    back = load_claims_file(p)                    # as build reads it: places checked
    assert back.places == doc.places and back.article == doc.article
    # the file has one article: its claims come back as that article's
    assert [c.claim_id for c in back.claims] == [c.claim_id for c in doc.claims]
    assert all(b == Claim(**{**a.__dict__, "article_id": "team-batch"})
               for a, b in zip(doc.claims, back.claims))
    layers = build(str(p))
    assert len(layers.doc.claims) == len(doc.claims)
    assert set(layers.places["place_id"]) <= {pl.place_id for pl in doc.places}


@pytest.fixture(scope="module")
def twenty_thousand(merged_doc):
    """The merged doc with its claims repeated under new ids up to 20,000."""
    doc = copy.copy(merged_doc)
    claims = []
    while len(claims) < 20_000:
        r = len(claims) // len(merged_doc.claims)
        for c in merged_doc.claims[:20_000 - len(claims)]:
            claims.append(Claim(**{**c.__dict__, "claim_id": f"{c.claim_id}-r{r}",
                                   "conflicts_with": [f"{x}-r{r}" for x in c.conflicts_with]}))
    doc.claims = claims
    return doc


def test_twenty_thousand_claims_are_written_fast_and_read_back(twenty_thousand):
    import time

    doc = twenty_thousand
    t0 = time.perf_counter()
    text = dump_claims_file(doc)
    took = time.perf_counter() - t0
    assert text.count("\n  - claim_id: ") == 20_000
    # ruamel takes ~30 s for this; generous for a busy 2-core machine
    assert took < 15, took
    # the end of the file, after 20,000 claims, reads back as YAML says it should
    tail = text[text.index("\nmade_by:") + 1:]
    head = text[:text.index("\nclaims:") + 1]
    last = text[text.rindex("\n  - claim_id: ") + 1:text.index("\nmade_by:") + 1]
    back = loads_claims(head + "\nclaims:\n" + last + "\n" + tail, "tail.yaml",
                        validate_places=False)
    assert back.claims[0].claim_id == doc.claims[-1].claim_id
    assert back.claims[0].text == doc.claims[-1].text


#: ruamel writes NEL, LS and PS raw inside single quotes, and reads each back as a space:
#: a claims file does not keep them (written the same by either writer; known, left out here)
#: and ruamel's emitter may fold a long double-quoted line right after an escape (\x7f,
#: \ufeff, ...) without the closing backslash, so the break reads back as a space: long
#: texts with characters YAML escapes are left out here too (both writers write the same
#: bytes; a known upstream bug, left: such characters are rare in news text)
_ESCAPED = re.compile("[^\t\n\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd]")
_KEPT_TEXTS = TEXTS.filter(lambda s: not any(ch in s for ch in "\x85\u2028\u2029")
                           and not (len(s) > 40 and _ESCAPED.search(s)))


def _one_claim_doc(texts, lat, lon, value) -> ClaimsDoc:
    """A valid doc of one place and one claim whose every text field is one of `texts`
    (20 of them), at lat/lon, with `value` as the claim's figure (None: no figure)."""
    t = iter(texts)
    text = next(t)
    art = Article(id="a-1", text=text, title=next(t), published=date(2025, 6, 29),
                  source=next(t), path=next(t) or None, notes=(next(t),))
    place = PlaceRecord("claimmap:x", "N" + next(t), "facility", lat, lon, source="S" + next(t),
                        surfaces=[next(t), next(t)], note=next(t), population=5, mentions=1)
    claim = Claim(claim_id="a-1-0", article_id="a-1", text=next(t), span_start=0,
                  span_end=len(text) // 2, category="military", place_ids=["claimmap:x"],
                  measure="troops" if value is not None else "",
                  value=None if value is None else float(value),
                  unit=next(t) if value is not None else "", date_start="2025-06",
                  time_precision="month", source="S" + next(t), period=next(t),
                  qualifier=next(t), note=next(t))
    return ClaimsDoc(art, [place], [claim], made_by={"claimmap": "test", "gazetteer": next(t)})


@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(_KEPT_TEXTS, min_size=20, max_size=20), st.floats(-90, 90), st.floats(-180, 180),
       st.one_of(st.none(), st.floats(-1e12, 1e12)))
def test_direct_writer_text_reads_back_the_same_doc(texts, lat, lon, value):
    doc = _one_claim_doc(texts, lat, lon, value)
    text_out = _fast_text(doc)
    assert text_out == _ruamel_text(doc)
    back = loads_claims(text_out, "gen.yaml", validate_places=False)
    _same(doc, back)


def test_unusual_docs_go_through_ruamel_unchanged(doc):
    from ruamel.yaml.scalarstring import SingleQuotedScalarString

    empty = copy.deepcopy(doc)
    empty.claims = []
    noplaces = ClaimsDoc(Article(id="b", text=""), made_by={})
    odd = copy.deepcopy(doc)
    odd.made_by = {"claimmap": "x", "key: with colon": "y"}
    sub = copy.deepcopy(doc)
    sub.claims[0].source = SingleQuotedScalarString("officials")   # a str subclass
    for d in (odd, sub):
        with pytest.raises(fast.Unsure):
            _fast_text(d)
        assert dump_claims_file(d) == _ruamel_text(d)
    # empty claims, places and made_by: the direct writer writes them itself ("claims: []",
    # "made_by: {}"), the very bytes ruamel writes (ruamel took 88 s for 20,000 claims)
    for d in (empty, noplaces):
        assert _fast_text(d) == _ruamel_text(d) == dump_claims_file(d)


# ---------------------------------------------------------------------------- the fast reader
#
# loads_claims reads a file with layers.claimsfile._fastload (libyaml, typed by ruamel's YAML
# 1.2 rules) and reads it again through ruamel.yaml's round trip (cf_load.loads_ruamel)
# whenever that reader is unsure or the file does not hold. These check that both give
# the very same ClaimsDoc (values, types, order), or the very same error (message, file,
# line, field), and that the fast reader is the one taken on the files claimmap writes.



def _typed(x):
    """`x` as nested (type, value) pairs: equal only when values and types are."""
    if is_dataclass(x):
        return type(x), tuple((f.name, _typed(getattr(x, f.name))) for f in fields(x)
                              if f.compare)   # the content, not the file it came from
    if isinstance(x, (list, tuple)):
        return type(x), tuple(_typed(v) for v in x)
    if isinstance(x, dict):
        return type(x), tuple((_typed(k), _typed(v)) for k, v in x.items())
    if isinstance(x, float) and math.isnan(x):
        return float, "nan"
    return type(x), x


def _outcome(load, text, path, validate):
    try:
        doc = load(text, path, validate_places=validate)
    except BadInput as err:
        return ("error", err.message, err.path, err.line, err.field, str(err)), None
    return ("doc", _typed(doc), doc.loaded.place_keys), doc


def _as_ruamel(text, path="c.yaml", validate=True, *, fast=None, dump=False):
    """Assert loads_claims gives what ruamel's reading gives; `fast`: whether the fast
    reader must (True) or must not (False) be the one that read it, when it reads. The
    outcome: ("doc", ...) or ("error", message, path, line, field, str)."""
    got, doc = _outcome(loads_claims, text, path, validate)
    ref, ref_doc = _outcome(cf_load.loads_ruamel, text, path, validate)
    assert got == ref
    if doc is not None:
        took_fast = doc.loaded.tree is None
        assert fast is None or took_fast is fast, (took_fast, fast)
        if dump:
            # written again: the same text, with or without ruamel's tree of the file
            assert dump_claims_file(doc) == dump_claims_file(ref_doc)
    return got


def test_fast_reader_reads_the_files_claimmap_writes_as_ruamel(team_docs):
    assert len(team_docs) > 20
    for path, doc in team_docs:
        text = dump_claims_file(doc)
        assert _as_ruamel(text, path.name, fast=True)[0] == "doc"
        back = loads_claims(text, path.name)
        _same(doc, back)
        # unchanged, it is written back as it was, without ruamel's tree of it
        assert dump_claims_file(back) == text
        assert back.loaded.tree is None, path


def test_fast_reader_reads_a_merged_batch_as_ruamel(merged_doc):
    text = dump_claims_file(merged_doc)
    assert _as_ruamel(text, "team-batch.claims.yaml", fast=True, dump=True)[0] == "doc"


def test_fast_loaded_doc_rewrites_with_comments(doc, tmp_path):
    text = dump_claims_file(doc)
    text = _edit(text, "value: 110000", "value: 120000  # reviewer: the ministry")
    text = _edit(text, "claims:\n", "claims:\n  # reviewed\n")
    back = loads_claims(text, "c.yaml")
    assert back.loaded.tree is None           # read by the fast reader
    assert back.claims[0].value == 120000.0
    out = write_claims_file(back, tmp_path / "c.yaml").read_text(encoding="utf-8")
    assert "# reviewer: the ministry" in out and "# reviewed" in out
    assert out == dump_claims_file(cf_load.loads_ruamel(text, "c.yaml", validate_places=True))
    # a fresh extraction over a file read fast keeps its comments too
    write_claims_file(doc, tmp_path / "c.yaml")
    assert "# reviewed" in (tmp_path / "c.yaml").read_text(encoding="utf-8")


#: hand edits: (old, new, whether the fast reader must read the result: True / False / None)
_HAND_EDITS = [
    ("claims:\n", "claims:\n  # a comment line\n\n  # and another\n", True),
    ("value: 110000", "value: 110000   # with a comment", True),
    ("    measure: troops\n    value: 110000\n", "    value: 110000\n    measure: troops\n", True),
    ("places: [pokrovsk]", "places:\n      - pokrovsk", True),
    ("places: [pokrovsk]", "places: pokrovsk", True),
    ("surfaces: [Pokrovsk]", "surfaces:\n      - Pokrovsk\n      - 'Pokrovs''k'", True),
    ("value: 110000", "value: '110000'", True),
    ("value: 110000", 'value: "110000"', True),
    ("value: 110000", "value: 110_000", True),
    ("value: 110000", "value: 1.1e5", True),
    ("value: 110000", "value: 1.1E+5", True),
    ("value: 110000", "value: 0x1ADB0", True),
    ("value: 110000", "value: 0o326660", True),
    ("value: 110000", "value: 0b11010110110110000", True),
    ("value: 110000", "value: 0110000", True),
    ("value: 110000", "value: +110000.", True),
    ("value: 110000", "value: .inf", True),
    ("value: 110000", "value: .nan", True),
    ("value: 110000", "value: 30:33:20", True),        # sexagesimal in YAML 1.1 only: text
    ("value: 110000", "value: ~", True),
    ("value: 110000", "value: null", True),
    ("value: 110000", "value:", True),
    ("value: 110000", "value: yes", True),
    ("value: 110000", "value: True", True),
    ("value: 110000", "value: 2025-06-29", True),
    ("span_start: ", "span_start: 0x", None),
    ("contested: false", "contested: no", True),
    ("contested: false", "contested: FALSE", True),
    ("contested: false", "contested: off", True),
    ("date_start: \"2024-12\"", "date_start: 2024-12-01", True),
    ("date_start: \"2024-12\"", "date_start: 2024", True),
    ("date_start: \"2024-12\"", "date_start: 2024-12-01 10:20:30", True),
    ("date_start: \"2024-12\"", "date_start: 2024-12-01T10:20:30Z", False),
    ("date_start: \"2024-12\"", "date_start: 2024-12-01 10:20:30 +02:00", False),
    ("date_start: \"2024-12\"", "date_start: 2024-12-32", None),
    ("date_start: \"2024-12\"", "date_start: 2024-02-30", None),
    ("published: \"2025-06-29\"", "published: 2025-06-29", True),
    ("published: \"2025-06-29\"", "published: 2025-6-29", True),
    ("published: \"2025-06-29\"", "published: 2025-06-29 00:00:00", True),
    ("path: small-article.txt", "path: 12", True),
    ("path: small-article.txt", "path: 'small-article.txt'", True),
    ("path: small-article.txt", "path: |-\n    small-article.txt", True),
    ("path: small-article.txt", "path: 1.50", True),
    ("path: small-article.txt", "path: 0o17", True),
    ("unit: people", "unit: yes", True),
    ("unit: people", "unit: on", True),
    ("unit: people", "unit: 'yes'", True),
    ("unit: people", "unit: 2025-06-29", True),
    ("unit: people", "unit: 2025-06-29 10:00:00", True),
    ("unit: people", "unit: 12:30", True),
    ("unit: people", "unit: 1_000", True),
    ("unit: people", "unit: 1e3", True),
    ("unit: people", "unit: 0.10", True),
    ("unit: people", "unit: -.INF", True),
    ("unit: people", "unit: .NaN", True),
    ("unit: people", "unit: 017", True),
    ("unit: people", "unit: 0o17", True),
    ("unit: people", "unit: 0x1f", True),
    ("unit: people", "unit: =", False),
    ("unit: people", "unit: ~", True),
    ("unit: people", "unit: true", True),
    ("unit: people", "unit: [people]", True),
    ("unit: people", "unit: {a: b}", True),
    ("unit: people", "unit: >\n      folded\n      people\n", False),
    ("unit: people", "unit: |\n      literal\n      people\n", True),
    ("unit: people", "unit: \"peo\\u0070le \\x41 \\N \\_ \\/\"", None),
    ("unit: people", "unit: people\n    unit: people", False),          # duplicated key
    ("unit: people", "unit: &u people", False),
    ("unit: people", "unit: !!str people", False),
    ("unit: people", "unit: ! people", False),
    ("unit: people", "unit: !local people", False),
    ("contested: false", "contested: &c false", False),
    ("title: Pokrovsk braces for assault", "title: Tom & Jerry !yes, a *b* &c", True),
    ("title: Pokrovsk braces for assault", "title: \"&x !y\"", True),
    ("title: Pokrovsk braces for assault", "title: 'x: &y'", True),
    ("title: Pokrovsk braces for assault", "title: Pokrovsk\n    braces for\n\n    assault", True),
    ("title: Pokrovsk braces for assault", "title:\tPokrovsk", None),
    ("title: Pokrovsk braces for assault", "title: Pokrovsk\u2028braces", False),
    ("title: Pokrovsk braces for assault", "title: Pokrovsk\x85braces", False),
    ("title: Pokrovsk braces for assault", "title: é🙂 ‘q’ — \ue000", True),
    ("format: claimmap-claims/1", "format: claimmap-claims/1\nformat: claimmap-claims/1", False),
    ("format: claimmap-claims/1", "%YAML 1.1\n---\nformat: claimmap-claims/1", False),
    ("format: claimmap-claims/1", "---\nformat: claimmap-claims/1", False),
    ("format: claimmap-claims/1", "\ufeffformat: claimmap-claims/1", False),
    ("format: claimmap-claims/1", "<<: {review: x}\nformat: claimmap-claims/1", False),
    ("made_by:\n", "made_by:\n  other: 0.10\n  when: 2025-06-29\n  n: 0x10\n", True),
    ("made_by:\n", "made_by:\n  other: 2025-06-29T10:00:00Z\n", False),
    ("article_text: |\n", "article_text: |2\n", True),
    ("article_text: |\n", "article_text: |+\n", True),
    ("article_text: |\n", "article_text: |-  # the text\n", True),
    ("article_text: |\n  Pokrovsk", "article_text: |\n\n   \n  Pokrovsk", True),
    ("article_text: |\n  Pokrovsk", "article_text: |\n    Pokrovsk", None),
    ("article_text: |\n  Pokrovsk", "article_text: |4\n    Pokrovsk", None),
    ("unit: people", "? unit\n    : people", None),
    ("unit: people", "\"unit\": people", True),
    ("unit: people", "unit:   people   ", True),
    ("unit: people", "unit:\n      people", True),
    ("unit: people", "unit: 'it''s\n\n      people'", True),
    ("unit: people", "unit: \"a\\\n      b\"", True),
    ("unit: people", "unit: people # c\n    # own line\n", True),
    ("made_by:\n  claimmap: test", "made_by: {claimmap: test,\n  other: x}\nx:\n  claimmap: test",
     None),
]


@pytest.mark.parametrize("old,new,fast", _HAND_EDITS)
def test_fast_reader_reads_hand_edits_as_ruamel(doc, old, new, fast):
    text = dump_claims_file(doc)
    if old.startswith("format:"):
        text = text.replace(old, new, 1)
    else:
        text = _edit(text, old, new)
    _as_ruamel(text, fast=fast, dump=fast is True)


def test_fast_reader_reads_crlf_and_edited_first_article_as_ruamel(team_docs):
    text = dump_claims_file(team_docs[0][1])
    _as_ruamel(text.replace("\n", "\r\n"), fast=False)
    # block lists for flow ones, a comment on every claim, keys reordered
    edited = re.sub(r"^( +)places: \[(.*?)\]$",
                    lambda m: f"{m[1]}places:" + "".join(f"\n{m[1]}  - {k}" for k in m[2].split(", ")),
                    text, flags=re.MULTILINE)
    edited = edited.replace("\n  - claim_id:", "\n  # checked\n  - claim_id:")
    edited = re.sub(r"^(    span_start: .*)\n(    span_end: .*)$", r"\2\n\1", edited, flags=re.MULTILINE)
    assert edited != text
    assert _as_ruamel(edited, fast=True, dump=True)[0] == "doc"


def _cases(test) -> list:
    return next(m for m in test.pytestmark if m.name == "parametrize").args[1]


@pytest.mark.parametrize("old,new,field,msg", _cases(test_invalid_field_names_file_line_field))
def test_fast_reader_refuses_as_ruamel(doc, old, new, field, msg):
    got = _as_ruamel(_edit(dump_claims_file(doc), old, new))
    assert got[0] == "error" and msg in got[1]


@pytest.mark.parametrize("text,msg,line", _cases(test_wrong_shapes))
def test_fast_reader_refuses_wrong_shapes_as_ruamel(text, msg, line):
    got = _as_ruamel(text, "shape.yaml")
    assert got[0] == "error" and msg in got[1]


def test_fast_reader_refuses_the_hardening_files_as_ruamel(team_docs, tmp_path):
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    try:
        from test_hardening import CLAIMS_CASES, SLUG, _bad_claims
    finally:
        sys.path.pop(0)
    write_claims_file(team_docs[0][1], tmp_path / f"{SLUG}.claims.yaml")
    bad = _bad_claims(tmp_path)
    assert set(CLAIMS_CASES) <= set(bad)
    for case in CLAIMS_CASES:
        text, line, says = bad[case]
        got = _as_ruamel(text, "reviewed.claims.yaml")
        assert got[0] == "error" and re.search(says, got[1]) and got[3] == line, (case, got)


#: plain scalars of every kind YAML 1.1 and 1.2 type differently, and random ones made
#: of the characters numbers, dates and times are written with
_LOOKALIKES = ["yes", "No", "ON", "off", "y", "n", "true", "False", "TRUE", "null", "Null", "~",
               "", "0", "-0", "+0", "017", "0o17", "0O17", "0x1F", "0xg", "0b101", "0b", "0b_",
               "0x_", "0o_", "+_", "-_", "1_000", "1__0_", "_1", "1.", ".5", "+.5", "-.5e3",
               "._", ".", "1e5", "1E5", "1e+5", "1.0e-5", "1.5E5", "12e", ".inf", "-.Inf",
               "+.INF", ".nan", ".NaN", "NaN", "inf", "12:30", "12:30:00", "1:20.5", "190:20:30",
               "2025-06-29", "2025-6-9", "2025-06-29 10:00:00", "2025-06-29T10:00:00Z",
               "2025-06-29 10:00:00.1234567", "2025-06-29t10:00:00-05:00", "2025-13-45",
               "2025-02-30", "2025-06-29 25:00:00", "<<", "=", "-", "1-2", "0.10", "00.5",
               "1,000", "$5", "5%", "9" * 30, "1" + "0" * 400 + ".5", "1e400", "-1e400"]
_SCALARS = st.one_of(
    st.sampled_from(_LOOKALIKES),
    st.text(alphabet="0123456789._-+:eExobTtZ ", min_size=1, max_size=14),
    st.builds(lambda a, b: a + b, st.sampled_from(_LOOKALIKES), st.sampled_from(_LOOKALIKES)),
)


def _base(v):
    """A scalar as (builtin type, value): ruamel's subclasses (ScalarInt, ScalarFloat,
    DoubleQuotedScalarString ...) as the builtin they are."""
    from datetime import datetime

    for t in (bool, int, float, str, datetime, date):
        if isinstance(v, t):
            if t is float and math.isnan(v):
                return float, "nan"
            return t, repr(float(v)) if t is float else v
    if isinstance(v, list):
        return list, [_base(x) for x in v]
    if isinstance(v, dict):
        return dict, [(_base(k), _base(x)) for k, x in v.items()]
    assert v is None, type(v)
    return None, None


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(_SCALARS, st.sampled_from(["k: {}\n", "k: [{}]\n", "k:\n  - {}\n", "{}: k\n",
                                  "k: {{a: {}}}\n", "k: '{}'\n"]))
def test_fast_reader_types_scalars_as_ruamel(s, form):
    from ruamel.yaml import YAML

    text = form.format(s)
    y = YAML()
    y.preserve_quotes = True
    try:
        ref = y.load(text)
    except Exception:  # noqa: BLE001 - then the fast reader must not read it either
        with pytest.raises(fastload.Unsure):
            fastload.load_plain(text)
        return
    try:
        got = fastload.load_plain(text)
    except fastload.Unsure:
        return                        # ruamel reads it (libyaml may refuse "[0:]")
    assert _base(got) == _base(ref), (text, got, ref)


def test_fast_reader_reads_every_lookalike_ruamel_reads():
    from ruamel.yaml import YAML

    unsure = []
    for s in _LOOKALIKES:
        text = f"k: {s}\n"
        try:
            ref = YAML().load(text)
        except Exception:  # noqa: BLE001 - then the fast reader must not read it either
            with pytest.raises(fastload.Unsure):
                fastload.load_plain(text)
            continue
        try:
            assert _base(fastload.load_plain(text)) == _base(ref), s
        except fastload.Unsure:
            unsure.append(s)
    # what it leaves to ruamel: a time with a zone or a T, a merge key, a value key
    assert unsure == ["2025-06-29T10:00:00Z", "2025-06-29t10:00:00-05:00", "<<", "="]


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(TEXTS, min_size=50, max_size=50), st.lists(NUMBERS, min_size=3, max_size=3))
def test_fast_reader_equals_ruamel_on_any_doc(texts, numbers):
    # most of these docs do not hold (a category made of any text): the same refusal
    _as_ruamel(dump_claims_file(_doc_of(texts, numbers)), "gen.yaml", validate=False)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(TEXTS, min_size=20, max_size=20), st.floats(-90, 90), st.floats(-180, 180),
       st.one_of(st.none(), st.floats(-1e12, 1e12), st.integers(-10 ** 14, 10 ** 14)))
def test_fast_reader_equals_ruamel_on_any_valid_doc(texts, lat, lon, value):
    doc = _one_claim_doc(texts, lat, lon, value)
    # (both readers take what the writers write; see
    # test_texts_ruamel_would_not_read_back_are_double_quoted)
    _as_ruamel(dump_claims_file(doc), "gen.yaml", validate=False, dump=True)


def test_twenty_thousand_claims_are_read_fast(twenty_thousand):
    import time

    doc = twenty_thousand
    text = dump_claims_file(doc)
    t0 = time.perf_counter()
    back = loads_claims(text, "big.claims.yaml")
    took = time.perf_counter() - t0
    assert back.loaded.tree is None            # the fast reader read it
    # ruamel takes ~86 s for this; the fast reader ~2 s: generous for a busy machine
    assert took < 20, took
    aid = doc.article.id
    assert [_typed(c) for c in back.claims] == \
        [_typed(Claim(**{**c.__dict__, "article_id": aid})) for c in doc.claims]
    assert back.places == doc.places and back.article == doc.article


@pytest.mark.parametrize("tricky", ["word" * 14 + "  " + "x" * 35, "a  b", ": 0", "? x", "?*",
                                    "?0", '?""', "?&a", "?"])
def test_texts_ruamel_would_not_read_back_are_double_quoted(tricky):
    """A double space where a long line folds, and a flow item starting ': ' or '?' and
    more, are written double-quoted by both writers, so they read back as they were."""
    art = Article(id="a-1", text="T", title=tricky, published=date(2025, 6, 29),
                  source=tricky, notes=(tricky,))
    place = PlaceRecord("claimmap:x", "N" + tricky, "facility", 1.0, 2.0, source="S",
                        surfaces=[tricky, tricky], note=tricky, population=5, mentions=1)
    claim = Claim(claim_id="a-1-0", article_id="a-1", text=tricky, span_start=0, span_end=1,
                  category="military", place_ids=["claimmap:x"], note=tricky)
    doc = ClaimsDoc(art, [place], [claim], made_by={"claimmap": "test"})
    text = _fast_text(doc)
    assert text == _ruamel_text(doc)
    back = loads_claims(text, "tricky.yaml", validate_places=False)
    assert back.article.title == tricky and back.article.notes == (tricky,)
    assert back.places[0].surfaces == [tricky, tricky] and back.places[0].note == tricky
    assert back.claims[0].text == tricky and back.claims[0].note == tricky


def test_a_large_edited_file_is_written_anew_in_bounded_time(twenty_thousand, caplog):
    """Over ROUND_TRIP_MAX_CLAIMS claims, an edited file is not sent through ruamel's round
    trip (minutes): it is written anew, every claim kept, and a comment of the reviewer's
    that is dropped is said in a warning."""
    import logging
    import time

    from layers import claimsfile

    doc = copy.copy(twenty_thousand)
    doc.claims = doc.claims[:claimsfile.ROUND_TRIP_MAX_CLAIMS + 1]
    doc.loaded = None
    text = dump_claims_file(doc)
    edited = text.replace("\nclaims:\n", "\nclaims:   # reviewer: checked twice\n", 1)
    edited = edited.replace("value: 110000", "value: 120000", 1)
    back = loads_claims(edited, "big.yaml")
    t0 = time.perf_counter()
    with caplog.at_level(logging.WARNING):
        out = dump_claims_file(back)
    assert time.perf_counter() - t0 < 20
    again = loads_claims(out, "again.yaml")
    assert len(again.claims) == len(doc.claims)
    assert any(c.value == 120000 for c in again.claims)
    assert "written anew, without them" in caplog.text
