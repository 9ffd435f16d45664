"""Claims on the development set: `claimmap extract` on ../shared/eval/claims, scored.

    .venv/bin/python bench/claims_eval.py [--out DIR] [--eval DIR] [--errors]

Extracts each article of the set (its ``--date`` is the ``published`` of its .meta.json)
with this checkout's code, exactly as `claimmap extract ARTICLE -o DIR/SLUG.yaml --date D`
does (in one process, to be quick), then runs the set's own scorer (score.py) on DIR and
prints its per-article table and a summary: figures P/R; on found figures the share with
the right measure, place, date, source and category; events recall; contested P/R.
``--errors`` keeps DIR/errors.jsonl (one record per failed check) for the error analysis.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
EVAL = ROOT.parent / "shared" / "eval" / "claims"


def extract_all(eval_dir: Path, out: Path) -> float:
    """Every article of the set into OUT/SLUG.yaml; returns the seconds it took."""
    from layers.claimsfile import write_claims_file
    from layers.text.article import read_article
    from layers.text.claims import extract

    t = time.perf_counter()
    for art in sorted((eval_dir / "articles").glob("*.txt")):
        meta = json.loads(art.with_suffix(".meta.json").read_text(encoding="utf-8"))
        on = date.fromisoformat(str(meta["published"])[:10])
        doc = extract(read_article(str(art)), date=on)
        write_claims_file(doc, str(out / (art.stem + ".yaml")))
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=EVAL, help="the claims set (default: %(default)s)")
    ap.add_argument("--out", type=Path, help="where predictions go (default: a new temporary folder)")
    ap.add_argument("--errors", action="store_true", help="write OUT/errors.jsonl")
    a = ap.parse_args()
    out = a.out or Path(tempfile.mkdtemp(prefix="claims_eval."))
    out.mkdir(parents=True, exist_ok=True)
    secs = extract_all(a.eval, out)
    cmd = [sys.executable, str(a.eval / "score.py"), "--gold", str(a.eval / "gold"),
           "--articles", str(a.eval / "articles"), "--pred", str(out), "--json", str(out / "score.json")]
    if a.errors:
        cmd += ["--errors", str(out / "errors.jsonl")]
    table = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    print(table, end="")
    c = json.loads((out / "score.json").read_text())["overall"]["counts"]

    def r(x, y):
        return f"{x / y:.2f}" if y else "n/a"

    print()
    print("| figure | measured |")
    print("| --- | --- |")
    print(f"| figures precision / recall | {r(c['tp'], c['tp'] + c['fp'])} / {r(c['tp'], c['gold_figures'])}"
          f" ({c['tp']} of {c['gold_figures']}, {c['fp']} false) |")
    print(f"| on found figures: measure / place / date / source / category | {r(c['measure_ok'], c['tp'])} / "
          f"{r(c['place_ok'], c['tp'])} / {r(c['date_ok'], c['date_n'])} / {r(c['source_ok'], c['tp'])} / "
          f"{r(c['category_ok'], c['tp'])} |")
    print(f"| events recall | {r(c['event_ok'], c['gold_events'])} ({c['event_ok']} of {c['gold_events']}) |")
    print(f"| contested precision / recall | {r(c['pred_contested_ok'], c['pred_contested'])} "
          f"({c['pred_contested_ok']}/{c['pred_contested']}) / {r(c['contested_ok'], c['contested_n'])} "
          f"({c['contested_ok']}/{c['contested_n']}) |")
    print(f"(extraction {secs:.1f} s for {len(list(a.eval.glob('articles/*.txt')))} articles; "
          f"predictions in {out})")


if __name__ == "__main__":
    main()
