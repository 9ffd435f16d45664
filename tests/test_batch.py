"""claimmap batch: many articles on Dask into one merged set of layers (layers/batch.py).

The fixture folder tests/data/batch/desk holds seven articles in two subfolders (four of the
geoparser's test articles, one as Markdown, an HTML page, and two short ones about Goma and Bukavu
written so that one figure is corroborated and one contested across them), a file with
NUL bytes that must fail without stopping the batch, and a README.rst that is no article.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from geo.exc import BadInput
from layers import batch as batch_mod
from layers._batch_store import code_fingerprint as _REAL_FINGERPRINT
from layers.batch import BatchSummary, find_articles, run_batch
from layers.merge import cross_check, merge_docs
from layers.model import Article, Claim, ClaimsDoc, PlaceRecord

DESK = Path(__file__).parent / "data" / "batch" / "desk"
GOMA, BUKAVU = "geonames:216281", "geonames:217831"
N_ARTICLES, N_GOOD = 8, 7
SPEC_SUFFIXES = (".places.geojson", ".claims.geojson", ".links.geojson", ".regions.geojson",
                 ".gpkg", ".html", ".png", ".svg", ".claims.csv", ".claims.yaml",
                 ".manifest.json")


def _geojson(path: Path) -> list[dict]:
    return [f["properties"] for f in json.loads(path.read_text(encoding="utf-8"))["features"]]


@pytest.fixture(scope="module", autouse=True)
def pinned_fingerprint():
    """The results cache's code fingerprint, computed once for the module.

    It hashes claimmap's source; pinned, a rerun test does not depend on the working tree
    staying unchanged while the tests run (test_fingerprint checks the real one).
    """
    from layers import _batch_store

    fp = _batch_store.code_fingerprint()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_batch_store, "code_fingerprint", lambda: fp)
        yield fp


@pytest.fixture(scope="module")
def cluster():
    """A small in-process dask.distributed cluster, as an existing scheduler to connect to."""
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                      dashboard_address=":0") as c:
        yield c


@pytest.fixture(scope="module")
def local_run(tmp_path_factory):
    """The fixture folder through the default local cluster (2 worker processes), with maps."""
    out = tmp_path_factory.mktemp("batch-local")
    summary = run_batch(DESK, out=out, workers=2, progress=False)
    return summary, out


def test_local_cluster_merges_every_article(local_run):
    summary, out = local_run
    assert isinstance(summary, BatchSummary)
    assert (summary.articles, summary.parsed, summary.reused) == (N_ARTICLES, N_ARTICLES, 0)
    assert summary.merged == N_GOOD and summary.workers == 2 and summary.scheduler == "local"
    for suffix in SPEC_SUFFIXES:
        assert (out / f"desk{suffix}").is_file(), suffix
    places = _geojson(out / "desk.places.geojson")
    claims = _geojson(out / "desk.claims.geojson")
    # the merged claims file as built: every claim and place, and it loads back
    from layers.claimsfile import load_claims_file

    doc = load_claims_file(out / "desk.claims.yaml")
    assert doc.article.id == "desk"
    assert {c.claim_id for c in doc.claims} >= {c["claim_id"] for c in claims}
    assert {p.place_id for p in doc.places} == {p["place_id"] for p in places}
    assert summary.counts["places"] == len(places) and summary.counts["claims"] == len(claims)
    # one feature per gazetteer entry, whatever the number of articles naming it
    ids = [p["place_id"] for p in places]
    assert len(ids) == len(set(ids))
    # every merged article contributes, and claims keep their article
    articles = {c["article_id"] for c in claims}
    assert articles == {"africa-goma-2025-02-03", "africa-goma-2025-02-05",
                        "africa-sahel-2024-07-30", "gaza-2024-03-05",
                        "ukraine-kharkiv-2024-05-20", "ukraine-zaporizhzhia-2023-08-30",
                        "ukraine-kharkiv-drones"}
    assert all(c["claim_id"].startswith(c["article_id"] + "-") for c in claims)
    manifest = json.loads((out / "desk.manifest.json").read_text())
    assert manifest["article_id"] == "desk"
    assert manifest["feature_counts"]["places"] == len(places)


def test_places_sum_mentions_and_list_articles(local_run):
    _summary, out = local_run
    places = {p["place_id"]: p for p in _geojson(out / "desk.places.geojson")}
    goma = places[GOMA]
    assert goma["article_count"] == 2
    assert goma["articles"] == "africa-goma-2025-02-03; africa-goma-2025-02-05"
    assert goma["mentions"] >= 4          # named at least twice in each article
    ukraine = places["country:UA"]
    assert ukraine["article_count"] == 2  # the Kharkiv and Zaporizhzhia articles
    assert set(ukraine["articles"].split("; ")) == {"ukraine-kharkiv-2024-05-20",
                                                    "ukraine-zaporizhzhia-2023-08-30"}
    assert all(p["article_count"] == len(p["articles"].split("; ")) for p in places.values())


def test_corroborated_and_contested_across_articles(local_run):
    summary, out = local_run
    claims = _geojson(out / "desk.claims.geojson")
    displaced = [c for c in claims if c["measure"] == "displaced" and c["place_ids"] == GOMA]
    assert len(displaced) == 2 and {c["value"] for c in displaced} == {700000.0}
    a, b = sorted(displaced, key=lambda c: c["article_id"])
    assert a["corroborated_by"] == b["claim_id"] and b["corroborated_by"] == a["claim_id"]
    assert a["corroboration_count"] == b["corroboration_count"] == 1
    assert not a["contested"] and not b["contested"]

    homes = [c for c in claims if c["measure"] == "homes_damaged" and c["place_ids"] == BUKAVU]
    assert sorted(c["value"] for c in homes) == [450.0, 900.0]
    a, b = sorted(homes, key=lambda c: c["article_id"])
    assert a["contested"] and b["contested"]
    assert a["conflicts_with"] == b["claim_id"] and b["conflicts_with"] == a["claim_id"]
    assert a["corroborated_by"] == "" and a["corroboration_count"] == 0
    assert summary.corroborated >= 2 and summary.contested >= 2


def test_a_bad_article_is_reported_and_skipped(local_run):
    summary, _out = local_run
    assert summary.failures == [("africa/scan.txt", summary.failures[0][1])]
    assert "binary" in summary.failures[0][1]
    text = summary.describe()
    assert "1 failed" in text and "africa/scan.txt: is a binary file" in text
    assert f"merged {N_GOOD} articles" in text


def test_explicit_scheduler_gives_the_same_layers(local_run, cluster, tmp_path):
    summary_local, out_local = local_run
    summary = run_batch(DESK, out=tmp_path, scheduler=cluster.scheduler_address, maps=False,
                        progress=False)
    assert summary.scheduler == cluster.scheduler_address and summary.workers == 2
    assert summary.parsed == N_ARTICLES and summary.counts == summary_local.counts
    assert summary.failures == summary_local.failures
    assert not (tmp_path / "desk.html").exists()   # maps=False: the data files only
    for layer in ("places", "claims", "links", "regions"):
        name = f"desk.{layer}.geojson"
        assert (tmp_path / name).read_bytes() == (out_local / name).read_bytes(), name


def test_rerun_reuses_results_and_parses_only_changes(cluster, tmp_path):
    src = tmp_path / "desk"
    shutil.copytree(DESK, src)
    out = tmp_path / "out"
    addr = cluster.scheduler_address
    first = run_batch(src, out=out, scheduler=addr, maps=False, progress=False)
    assert first.parsed == N_ARTICLES
    before = (out / "desk.claims.geojson").read_bytes()

    again = run_batch(src, out=out, scheduler=addr, maps=False, progress=False)
    assert (again.parsed, again.reused, again.unchanged) == (0, N_ARTICLES, True)
    assert again.counts == first.counts and again.failures == first.failures
    assert again.files == [] and "nothing changed" in again.describe()
    assert (out / "desk.claims.geojson").read_bytes() == before

    # an edited article is parsed again (alone); the rest, failure included, is reused
    goma = src / "africa" / "goma-2025-02-05.txt"
    goma.write_text(goma.read_text(encoding="utf-8").replace("900 homes", "950 homes"),
                    encoding="utf-8")
    edited = run_batch(src, out=out, scheduler=addr, maps=False, progress=False)
    assert (edited.parsed, edited.reused, edited.unchanged) == (1, N_ARTICLES - 1, False)
    values = {c["value"] for c in _geojson(out / "desk.claims.geojson")
              if c["measure"] == "homes_damaged" and c["place_ids"] == BUKAVU}
    assert values == {450.0, 950.0}

    # a deleted output file is written again, though nothing needs parsing
    (out / "desk.places.geojson").unlink()
    rewritten = run_batch(src, out=out, scheduler=addr, maps=False, progress=False)
    assert rewritten.parsed == 0 and not rewritten.unchanged
    assert (out / "desk.places.geojson").is_file()

    # a removed article leaves the layers, and its cached result is dropped
    (src / "africa" / "goma-2025-02-03.txt").unlink()
    fewer = run_batch(src, out=out, scheduler=addr, maps=False, progress=False)
    assert (fewer.articles, fewer.parsed) == (N_ARTICLES - 1, 0)
    assert "africa-goma-2025-02-03" not in {c["article_id"] for c in
                                            _geojson(out / "desk.claims.geojson")}
    from layers._batch_store import ResultStore

    with ResultStore(out / ".claimmap-batch" / "desk") as store:
        assert len(store.keys()) == N_ARTICLES - 1


def test_finding_articles_skips_hidden_folders_and_the_output(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("x")
    (tmp_path / "a" / "one.md").write_text("x")
    (tmp_path / "b.HTML").write_text("x")
    (tmp_path / "notes.rst").write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("x")
    (tmp_path / "output").mkdir()
    (tmp_path / "output" / "b.html").write_text("x")
    found = find_articles(tmp_path, exclude=tmp_path / "output")
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a/one.md", "a/one.txt",
                                                                   "b.HTML"]
    # one.md and one.txt would both be "a-one": their ids keep the suffix
    assert batch_mod._article_ids(["a/one.md", "a/one.txt", "b.HTML"]) == \
        ["a-one.md", "a-one.txt", "b"]


def test_output_inside_the_folder_is_not_read_back(cluster, tmp_path):
    src = tmp_path / "desk"
    shutil.copytree(DESK / "africa", src)
    out = src / "maps"
    first = run_batch(src, out=out, scheduler=cluster.scheduler_address, maps=False,
                      progress=False)
    second = run_batch(src, out=out, scheduler=cluster.scheduler_address, maps=False,
                       progress=False)
    assert first.articles == second.articles == 4


def test_no_article_or_only_bad_ones_is_bad_input(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(BadInput, match="holds no articles"):
        run_batch(tmp_path / "empty", out=tmp_path / "out")
    with pytest.raises(BadInput, match="is not a folder"):
        run_batch(tmp_path / "missing", out=tmp_path / "out")


def test_cli_exit_codes(cluster, tmp_path):
    from click.testing import CliRunner

    from layers.cli import cli

    runner = CliRunner()
    out = tmp_path / "out"
    res = runner.invoke(cli, ["batch", str(DESK), "--out", str(out), "--name", "front",
                              "--scheduler", cluster.scheduler_address, "--no-maps"])
    assert res.exit_code == 0, res.output
    assert f"batch 'front': {N_ARTICLES} articles" in res.stderr and "africa/scan.txt" in res.stderr
    assert (out / "front.claims.geojson").is_file() and not (out / "front.html").exists()

    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "scan.txt").write_bytes(b"\x00\x01binary")
    (bad / "blank.md").write_text("   \n")
    res = runner.invoke(cli, ["batch", str(bad), "--out", str(tmp_path / "out2"),
                              "--scheduler", cluster.scheduler_address])
    assert res.exit_code == 2
    assert "no article could be parsed (2 failed" in res.stderr
    assert not (tmp_path / "out2" / "bad.places.geojson").exists()

    res = runner.invoke(cli, ["batch", str(tmp_path / "missing")])
    assert res.exit_code == 2
    res = runner.invoke(cli, ["batch", str(bad), "--workers", "0"])
    assert res.exit_code == 2 and "--workers must be at least 1" in res.stderr


# ---------------------------------------------------------------------------- merge rules

def _claim(cid, aid, value, *, measure="displaced", place="geonames:1", date="",
           precision="", qualifier=""):
    return Claim(claim_id=cid, article_id=aid, text="", span_start=0, span_end=1,
                 category="humanitarian", place_ids=[place], measure=measure, value=value,
                 unit="people", date_start=date, time_precision=precision, qualifier=qualifier)


def test_cross_check_rules():
    published = {"a": "2025-02", "b": "2025-02", "c": "2024-06", "d": ""}
    same = [_claim("a1", "a", 100.0), _claim("b1", "b", 100.0)]
    agree = cross_check(same, published)
    assert agree == {"a1": ["b1"], "b1": ["a1"]}

    # different months: not the same period, no verdict
    apart = [_claim("a1", "a", 100.0), _claim("c1", "c", 300.0)]
    assert cross_check(apart, published) == {} and not any(c.contested for c in apart)

    # an explicit date beats the publication month
    dated = [_claim("a1", "a", 100.0, date="2024-06-10", precision="day"),
             _claim("c1", "c", 300.0)]
    cross_check(dated, published)
    assert dated[0].conflicts_with == ["c1"] and dated[1].conflicts_with == ["a1"]

    # "at least 100" does not contradict 300; an undated article overlaps any time
    bound = [_claim("a1", "a", 100.0, qualifier="at least"), _claim("d1", "d", 300.0)]
    cross_check(bound, published)
    assert not any(c.contested for c in bound)

    # claims of one article are the extractor's business, not the merge's
    own = [_claim("a1", "a", 100.0), _claim("a2", "a", 300.0)]
    assert cross_check(own, published) == {} and not any(c.contested for c in own)

    # other measures or places are never compared
    other = [_claim("a1", "a", 100.0), _claim("b1", "b", 300.0, measure="killed"),
             _claim("b2", "b", 300.0, place="geonames:2")]
    assert cross_check(other, published) == {} and not any(c.contested for c in other)


def test_merge_keeps_in_article_conflicts_and_sums_places():
    def doc(aid, claims, mentions, surface):
        p = PlaceRecord("geonames:1", "Town", "populated_place", 10.0, 20.0, mentions=mentions,
                        surfaces=[surface], alternatives=["geonames:9", "geonames:1"])
        return ClaimsDoc(Article(aid, "", published=None), places=[p], claims=claims)

    a1, a2 = _claim("a1", "a", 100.0), _claim("a2", "a", 200.0)
    a1.contested, a1.conflicts_with = True, ["a2"]
    a2.contested, a2.conflicts_with = True, ["a1"]
    b1 = _claim("b1", "b", 300.0)
    merged = merge_docs([doc("a", [a1, a2], 2, "Town"), doc("b", [b1], 3, "the Town")], "m")
    place = merged.doc.places[0]
    assert place.mentions == 5 and place.surfaces == ["Town", "the Town"]
    assert place.alternatives == ["geonames:9"]
    assert merged.place_articles == {"geonames:1": ["a", "b"]}
    assert a1.conflicts_with == ["a2", "b1"] and b1.conflicts_with == ["a1", "a2"]
    assert merged.contested == 3 and merged.corroborated == 0
    assert merged.doc.article.id == "m" and merged.doc.article.title == "m: 2 articles"
    with pytest.raises(ValueError, match="merged twice"):
        merge_docs([doc("a", [], 1, "T"), doc("a", [], 1, "T")], "m")


def test_progress_bar_when_asked(cluster, tmp_path, capsys):
    summary = run_batch(DESK / "africa", out=tmp_path, scheduler=cluster.scheduler_address,
                        maps=False, progress=True)
    err = capsys.readouterr().err
    assert summary.parsed == 4
    assert "parsing" in err and "4/4" in err and "articles/s" in err


def test_fingerprint_and_keys(monkeypatch):
    from geo.gazetteer import Gazetteer
    from layers._batch_store import article_key

    fp = _REAL_FINGERPRINT()
    assert len(fp) == 64 and fp == _REAL_FINGERPRINT()
    # another gazetteer (a rebuilt index) parses differently: every key changes
    real_open = Gazetteer.open

    class _Other:
        version = real_open().version + "+other"
    monkeypatch.setattr(Gazetteer, "open", classmethod(lambda cls, *a, **k: _Other()))
    assert _REAL_FINGERPRINT() != fp

    k = article_key(b"text", "a/b.txt", fp)
    assert k == article_key(b"text", "a/b.txt", fp)
    assert k != article_key(b"text!", "a/b.txt", fp)       # the article changed
    assert k != article_key(b"text", "a/c.txt", fp)        # it moved: another id
    assert k != article_key(b"text", "a/b.txt", "0" * 64)  # the code changed


def test_a_failed_task_is_retried_article_by_article(cluster, tmp_path, monkeypatch,
                                                       caplog):
    """A task that fails as a whole (as when its worker dies) costs only its culprit, which
    is parsed again on the next run rather than cached as bad input."""
    src = tmp_path / "desk"
    shutil.copytree(DESK / "africa", src)
    real = batch_mod.parse_chunk
    poison = "goma-2025-02-05.txt"

    def dying(items):
        if any(item[1].endswith(poison) for item in items):
            raise RuntimeError("worker lost")
        return real(items)

    monkeypatch.setattr(batch_mod, "_chunks", lambda jobs, n: [jobs])  # one chunk of four
    monkeypatch.setattr(batch_mod, "parse_chunk", dying)
    out = tmp_path / "out"
    first = run_batch(src, out=out, scheduler=cluster.scheduler_address, maps=False,
                      progress=False)
    assert first.parsed == 4 and first.merged == 2
    assert "a chunk of 4 articles failed (worker lost); retrying them one by one" in caplog.text
    assert dict(first.failures) == {"goma-2025-02-05.txt": "RuntimeError: worker lost",
                                    "scan.txt": dict(first.failures)["scan.txt"]}

    monkeypatch.setattr(batch_mod, "parse_chunk", real)
    second = run_batch(src, out=out, scheduler=cluster.scheduler_address, maps=False,
                       progress=False)
    assert (second.parsed, second.merged) == (1, 3)
    assert [p for p, _r in second.failures] == ["scan.txt"]


def test_result_store_round_trip_and_damage(tmp_path, caplog):
    from layers._batch_store import RECORD_FORMAT, ResultStore

    root = tmp_path / "cache" / "desk"
    rec = {"format": RECORD_FORMAT, "relpath": "a.txt", "article_id": "a", "ok": True}
    with ResultStore(root) as store:
        assert store.keys() == set() and store.get("k1") is None
        assert not root.exists()                      # nothing made until a record is put
        assert store.put_many([("k1", rec), ("k2", {**rec, "format": -1})]) == 2
        store.put("k3", b"{not json")
        assert store.keys() == {"k1", "k2", "k3"} and store.has("k1")
        assert store.get("k1") == rec
        assert store.get("k2") is None                # an older record layout: parse again
        assert store.get("k3") is None                # unreadable: parse again
        assert store.prune(["k1", "k3"]) == 1 and store.keys() == {"k1", "k3"}
        assert store.delete(["k3", "nope"]) == 1 and store.keys() == {"k1"}
    with ResultStore(root) as again:                 # on disk, for the next run
        assert again.get("k1") == rec

    (root / ResultStore.FILE).write_bytes(b"this is not a database" * 100)
    for suffix in ("-wal", "-shm"):
        (root / (ResultStore.FILE + suffix)).unlink(missing_ok=True)
    with caplog.at_level("WARNING"), ResultStore(root) as damaged:
        assert damaged.keys() == set()                # set aside: everything parsed again
        damaged.put("k9", rec)
        assert damaged.get("k9") == rec
    assert "damaged batch results cache" in caplog.text


def test_code_fingerprint_covers_every_module_in_subfolders():
    """A rule changed anywhere (layers/text/, layers/render/, geo/) parses articles again:
    the batch cache's fingerprint hashes every module of both packages."""
    from common import REPO
    from layers._batch_store import fingerprinted_files

    names = {name for name, _ in fingerprinted_files()}
    for pkg in ("geo", "layers"):
        for path in (REPO / pkg).rglob("*.py"):
            assert path.relative_to(REPO).as_posix() in names
    assert "layers/text/claims.py" in names and "geo/data/renames.csv" in names


def _claimmap():
    import sys

    return str(Path(sys.executable).with_name("claimmap"))


def test_ctrl_c_stops_a_batch_in_one_line_and_keeps_what_was_parsed(tmp_path):
    """^C reaches the whole process group (as from a terminal): one line, status 130, no
    worker's traceback; what was parsed is cached for the next run."""
    import os
    import signal
    import subprocess
    import time

    src = sorted((Path(__file__).parent / "data" / "articles").glob("*.txt"))
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(150):
        for f in src:
            shutil.copy(f, folder / f"a{i}-{f.name}")
    out = tmp_path / "out"
    proc = subprocess.Popen([_claimmap(), "batch", str(folder), "--out", str(out), "--no-maps"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    db = out / ".claimmap-batch" / "many" / "results.sqlite"
    deadline = time.monotonic() + 120
    while not db.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(1.0)   # some chunks parsed
    assert proc.poll() is None, "the batch ended before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    err = err.decode()
    assert proc.returncode == 130, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert "batch interrupted" in err
    import sqlite3

    with sqlite3.connect(db) as con:   # the next run reuses these
        assert con.execute("SELECT count(*) FROM records").fetchone()[0] > 0


def test_too_many_local_workers_are_capped_with_a_warning(tmp_path):
    import subprocess

    r = subprocess.run([_claimmap(), "batch", str(Path(__file__).parent / "data" / "batch" /
                                                   "desk"),
                        "--out", str(tmp_path / "out"), "--workers", "64", "--no-maps"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert "--workers 64 is more than this machine runs well" in r.stderr
    assert "Traceback" not in r.stderr
