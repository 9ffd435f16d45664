"""Hostile and careless input, as issue 18's probe found it (each test failed on the main
of 2026-12-07): text is only text in every output, every bad input exits 2 naming its file
(and line), several inputs are all checked before anything is written, and no output
depends on how the input's path was typed."""

import csv
import io
import shutil

from common import FIRST_ARTICLE, FIRST_SLUG
from test_hardening import assert_clean_error, run, snapshot


def _claims_file(tmp_path):
    rc, _, err = run("extract", FIRST_ARTICLE, "-o", tmp_path / "good.yaml", cwd=tmp_path)
    assert rc == 0, err
    return (tmp_path / "good.yaml").read_text(encoding="utf-8")


def test_formula_in_an_article_is_text_in_the_csv(tmp_path):
    art = tmp_path / "formula-2025-06-29.txt"
    art.write_text('Shelling hit Kharkiv\n\n=HYPERLINK("http://evil.example/x","click") '
                   "Shelling killed 5 people in Kharkiv on Sunday, officials said.\n",
                   encoding="utf-8")
    rc, _, err = run("build", art, "--out", tmp_path / "out", cwd=tmp_path)
    assert rc == 0, err
    rows = list(csv.DictReader(io.StringIO(
        (tmp_path / "out" / "formula-2025-06-29.claims.csv").read_text(encoding="utf-8"))))
    cells = [v for row in rows for v in row.values() if v]
    assert cells and not any(v[:1] in "=+-@" for v in cells), cells
    assert any(v.startswith("'=HYPERLINK") for v in cells)


def test_dollar_signs_in_a_title_are_not_math(tmp_path):
    title = "Kharkiv gets $5m as #1 donor pledges $3m more"
    rc, _, err = run("build", FIRST_ARTICLE, "--title", title, "--out", tmp_path / "out",
                     cwd=tmp_path)
    assert rc == 0, err
    svg = (tmp_path / "out" / f"{FIRST_SLUG}.svg").read_text(encoding="utf-8")
    assert "$5m as #1 donor" in svg and "$3m" in svg


def test_yaml_nested_too_deep_is_bad_input(tmp_path):
    deep = tmp_path / "deep.yaml"
    deep.write_text("[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    rc, _, err = run("build", deep, "--out", tmp_path / "out", cwd=tmp_path)
    assert_clean_error(rc, err, names="deep.yaml", says="nested too deeply")
    assert not (tmp_path / "out").exists()


def test_a_lone_surrogate_in_a_claims_file_is_bad_input(tmp_path):
    lines = _claims_file(tmp_path).split("\n")
    i = next(i for i, ln in enumerate(lines) if ln.startswith("  title: "))
    lines[i] = '  title: "\\ud800"'
    bad = tmp_path / "surrogate.yaml"
    bad.write_text("\n".join(lines), encoding="utf-8")
    rc, _, err = run("build", bad, "--out", tmp_path / "out", cwd=tmp_path)
    assert_clean_error(rc, err, names="surrogate.yaml", line=i + 1, says="surrogate")
    assert not (tmp_path / "out").exists()


def test_one_bad_input_among_several_writes_nothing(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("a file of the user's", encoding="utf-8")
    before = snapshot(out)
    rc, _, err = run("build", FIRST_ARTICLE, "empty.txt", "--out", out, cwd=tmp_path)
    assert_clean_error(rc, err, names="empty.txt")
    assert snapshot(out) == before


def test_a_bad_figure_size_fails_before_any_work(tmp_path):
    rc, _, err = run("build", tmp_path / "missing.txt", "--figure-size", "0x3",
                     "--out", tmp_path / "out", cwd=tmp_path)
    assert_clean_error(rc, err, says="figure size")   # not "no such file": checked first


def test_outputs_do_not_depend_on_how_the_path_is_typed(tmp_path):
    (tmp_path / "x").mkdir()
    shutil.copy(FIRST_ARTICLE, tmp_path / "x" / FIRST_ARTICLE.name)
    rc, _, err = run("build", f"x/{FIRST_ARTICLE.name}", "--out", tmp_path / "a", cwd=tmp_path)
    assert rc == 0, err
    rc, _, err = run("build", tmp_path / "x" / FIRST_ARTICLE.name, "--out", tmp_path / "b",
                     cwd=tmp_path / "x")
    assert rc == 0, err
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")
    for f in (tmp_path / "a").iterdir():
        if f.suffix in (".yaml", ".json", ".csv", ".html", ".geojson"):
            assert str(tmp_path) not in f.read_text(encoding="utf-8"), f.name


def test_a_users_folder_named_like_a_temporary_one_is_kept(tmp_path):
    out = tmp_path / "out"
    mine = tmp_path / ".out.claimmap-tmp-mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("the user's own", encoding="utf-8")
    rc, _, err = run("build", FIRST_ARTICLE, "--out", out, cwd=tmp_path)
    assert rc == 0, err
    assert (mine / "notes.txt").read_text(encoding="utf-8") == "the user's own"


def test_a_read_only_filesystem_above_a_writable_out(tmp_path, monkeypatch):
    """EROFS (not only EACCES) from the parent: the build's temporary folder goes inside
    --out instead, and the build succeeds."""
    import errno
    import tempfile

    from layers.io import writers

    out = tmp_path / "out"
    out.mkdir()
    real = tempfile.mkdtemp

    def mkdtemp(prefix=None, dir=None):
        if dir is not None and str(dir) == str(tmp_path):
            raise OSError(errno.EROFS, "Read-only file system", str(dir))
        return real(prefix=prefix, dir=dir)

    monkeypatch.setattr(writers.tempfile, "mkdtemp", mkdtemp)
    with writers.atomic_output(out) as tmp:
        assert tmp.parent == out
        (tmp / "a.txt").write_text("x", encoding="utf-8")
    assert (out / "a.txt").read_text(encoding="utf-8") == "x"
    assert not [p for p in out.iterdir() if "claimmap-tmp" in p.name]


def test_devices_and_pipes_are_not_missing_files(tmp_path):
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    for path in (fifo, "/dev/null"):
        rc, _, err = run("build", path, "--out", tmp_path / "out", cwd=tmp_path, timeout=60)
        assert_clean_error(rc, err, names=str(path), says="not a regular file")


def test_claims_file_offsets_and_tags_are_checked(tmp_path):
    lines = _claims_file(tmp_path).split("\n")
    i = next(i for i, ln in enumerate(lines) if ln.strip().startswith("span_start: "))
    neg = list(lines)
    neg[i] = neg[i].split(":")[0] + ": -5"
    (tmp_path / "neg.yaml").write_text("\n".join(neg), encoding="utf-8")
    rc, _, err = run("build", "neg.yaml", "--out", tmp_path / "out", cwd=tmp_path)
    assert_clean_error(rc, err, names="neg.yaml", line=i + 1, says="span_start -5")
    j = next(j for j, ln in enumerate(lines) if ln.startswith("  title: "))
    tagged = list(lines)
    tagged[j] = "  title: !custom A title"
    (tmp_path / "tag.yaml").write_text("\n".join(tagged), encoding="utf-8")
    rc, _, err = run("build", "tag.yaml", "--out", tmp_path / "out", cwd=tmp_path)
    assert_clean_error(rc, err, names="tag.yaml", line=j + 1, says="YAML tag !custom")
    assert not (tmp_path / "out").exists()


def test_an_article_with_no_place_and_no_date_warns(tmp_path):
    (tmp_path / "thin.txt").write_text("The weather was fine and nothing happened today.\n",
                                       encoding="utf-8")
    rc, _, err = run("extract", "thin.txt", "-o", "thin.yaml", cwd=tmp_path)
    assert rc == 0, err
    assert "thin.txt: no place found" in err and "thin.txt: no date found" in err


def test_a_claim_appended_after_the_article_text_is_refused_not_lost(tmp_path):
    text = _claims_file(tmp_path)
    n = text.count("\n") + (0 if text.endswith("\n") else 1)
    added = ("" if text.endswith("\n") else "\n") + (
        "  - category: casualties\n    places: [pokrovsk]\n    measure: killed\n"
        "    value: 3\n    sentence: Three people were killed.\n")
    (tmp_path / "appended.yaml").write_text(text + added, encoding="utf-8")
    rc, _, err = run("build", "appended.yaml", "--out", tmp_path / "out", cwd=tmp_path)
    assert_clean_error(rc, err, names="appended.yaml", line=n + 1, says="claim inside article_text")
    assert not (tmp_path / "out").exists()


def test_a_claims_file_over_the_claims_limit_is_refused_naming_it(tmp_path):
    text = _claims_file(tmp_path)
    (tmp_path / "c.yaml").write_text(text, encoding="utf-8")
    rc, _, err = run("build", "c.yaml", "--out", tmp_path / "out", cwd=tmp_path,
                     env={"CLAIMMAP_MAX_CLAIMS": "5"})
    assert_clean_error(rc, err, names="c.yaml", says=r"over the limit of 5 claims per file "
                                                     r"\(CLAIMMAP_MAX_CLAIMS")
    assert not (tmp_path / "out").exists()
    rc, _, err = run("build", "c.yaml", "--out", tmp_path / "out", cwd=tmp_path)
    assert rc == 0, err                      # under the default limit


def test_many_like_figures_stay_linear_in_the_output(tmp_path):
    """Issue 18 finding 1: every contested figure listed every other one (a 111 kB article
    gave 523 MB). Each names at most MAX_LISTED now, and each is compared with at most
    MAX_COMPARED of its group."""
    import yaml

    from layers.text.conflicts import MAX_LISTED

    lines = ["Kharkiv under fire", ""]
    for i in range(300):
        who = ("police", "medics", "the governor")[i % 3]
        lines.append(f"Shelling killed {i + 3} people in Kharkiv on Sunday, {who} said.")
    art = tmp_path / "kharkiv-many-2025-06-29.txt"
    art.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rc, _, err = run("extract", art, "-o", tmp_path / "c.yaml", cwd=tmp_path)
    assert rc == 0, err
    doc = yaml.safe_load((tmp_path / "c.yaml").read_text(encoding="utf-8"))
    contested = [c for c in doc["claims"] if c.get("contested")]
    assert len(contested) > 250
    assert max(len(c.get("conflicts_with") or []) for c in doc["claims"]) <= MAX_LISTED
    assert (tmp_path / "c.yaml").stat().st_size < 2_000_000
