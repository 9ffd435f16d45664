"""The geoparser on tests/data/articles/heldout2: eight articles written without reading it.

The articles (Yemen, Haiti, Ethiopia, Libya, Pakistan, Mexico, the Philippines, Florida) and
their gold files are described in tests/data/articles/heldout2/README.md; the errors of the
first evaluation are analysed in ERRORS.md there. Scoring is bench/geoparse_eval.py's.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
import yaml

HERE = Path(__file__).resolve().parent
FOLDER = HERE / "data" / "articles" / "heldout2"
MARK = re.compile(r"\[\[([^|\]]+)\|([^\]]+)\]\]|\{\{([^}]+)\}\}")

# the task's targets for text the geoparser was not tuned on
MIN_F1 = 0.85
MIN_ACC10 = 0.90


def _eval():
    spec = importlib.util.spec_from_file_location(
        "geoparse_eval", HERE.parent / "bench" / "geoparse_eval.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


SOURCES = sorted((FOLDER / "src").glob("*.md"))


def test_the_folder_holds_eight_articles_of_news_length():
    assert len(SOURCES) == 8
    for src in SOURCES:
        words = len((FOLDER / f"{src.stem}.txt").read_text(encoding="utf-8").split())
        assert 150 <= words <= 350, (src.stem, words)


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.stem)
def test_generated_files_match_their_source(src):
    """Each .txt is its source without markup and each gold span is the marked surface."""
    marked = src.read_text(encoding="utf-8")
    text = (FOLDER / f"{src.stem}.txt").read_text(encoding="utf-8")
    assert MARK.sub(lambda m: m.group(1) or m.group(3), marked) == text
    gold = yaml.safe_load((FOLDER / f"{src.stem}.yaml").read_text(encoding="utf-8"))
    marks = [(m.group(1) or m.group(3), bool(m.group(1))) for m in MARK.finditer(marked)]
    spans = sorted([(g["start"], g["surface"], True) for g in gold["mentions"]]
                   + [(g["start"], g["surface"], False) for g in gold["not_places"]])
    assert [(s, place) for _, s, place in spans] == marks
    for start, surface, _ in spans:
        assert text[start:start + len(surface)] == surface
    assert gold["article"] == {"id": src.stem, "published": src.stem[-10:]}


def test_geoparser_meets_the_held_out_targets():
    ev = _eval()
    docs = ev.load_gold(FOLDER)
    r = ev.score(docs, ev.claimmap_predict)
    summary = (f"P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f} "
               f"acc@10km={r['acc10']:.3f} over {r['resolved']} resolved; errors: {r['errors']}")
    assert r["tp"] + r["fn"] == sum(len(d["mentions"]) for d in docs)
    assert r["f1"] >= MIN_F1, summary
    assert r["acc10"] >= MIN_ACC10, summary
