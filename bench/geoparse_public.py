"""The geoparser on the public corpora in ../shared/eval/geoparse (LGL, GeoWebNews), scored
by the field's scorer (Gritta et al.'s Acc@161 km), beside the published systems.

    python bench/geoparse_public.py [--corpora gwn,lgl] [--out DIR] [--errors]

Runs ``run_claimmap.py`` (geo.find_places on every document, this checkout's code) and
``score.py`` from that folder with this interpreter and prints their tables (P, R, F1,
Acc@161 on found toponyms, end-to-end Acc@161 with and without the entity credit), then
the speed of find_places. ``--errors`` also writes DIR/errors.tsv: every prediction
that matches no gold toponym (a false place) and every literal gold toponym missed or put
more than 161 km away, one per line, for reading. These corpora are development data:
read the errors, fix classes of error, and check on text not tuned on.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval" / "geoparse"


def _km(a, b, c, d):
    p = math.pi / 180
    x = (math.sin((c - a) * p / 2) ** 2
         + math.cos(a * p) * math.cos(c * p) * math.sin((d - b) * p / 2) ** 2)
    return 2 * 6371.009 * math.asin(min(1.0, math.sqrt(x)))


def errors(corpus: str, pred_dir: Path, out) -> None:
    gold = [json.loads(x) for x in (EVAL / "data" / f"{corpus}.jsonl").open(encoding="utf-8")]
    preds = {}
    for line in (pred_dir / "claimmap" / f"{corpus}.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        preds[r["id"]] = r["places"]
    literal = {"Literal", "Mixed", "Coercion", "Embedded_Literal", "Literal_Modifier", None}
    for doc in gold:
        tops = doc["toponyms"]
        used = set()
        for p in preds.get(doc["id"], []):
            hit = next((i for i, t in enumerate(tops) if i not in used
                        and p["start"] < t["end"] and t["start"] < p["end"]), None)
            ctx = doc["text"][max(0, p["start"] - 40):p["end"] + 40].replace("\n", " ")
            if hit is None:
                out.write(f"{corpus}\t{doc['id']}\tFALSE\t{p['surface']}\t{p['name']} "
                          f"{p['country_code']} {p['admin1']}\t\t{ctx}\n")
                continue
            used.add(hit)
            t = tops[hit]
            if t.get("lat") is not None and p.get("lat") is not None and \
                    p.get("geonameid") != t.get("geonameid") and \
                    _km(t["lat"], t["lon"], p["lat"], p["lon"]) > 161:
                out.write(f"{corpus}\t{doc['id']}\tWRONG\t{p['surface']}\t{p['name']} "
                          f"{p['country_code']} {p['admin1']}\t{t.get('geonameid')}\t{ctx}\n")
        for i, t in enumerate(tops):
            if i not in used and t.get("type") in literal:
                ctx = doc["text"][max(0, t["start"] - 40):t["end"] + 40].replace("\n", " ")
                out.write(f"{corpus}\t{doc['id']}\tMISSED\t{t['surface']}\t\t"
                          f"{t.get('geonameid')}\t{ctx}\n")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", default="gwn,lgl")
    ap.add_argument("--out", default=None)
    ap.add_argument("--errors", action="store_true")
    a = ap.parse_args(argv)
    if not EVAL.is_dir():
        print(f"no corpora at {EVAL}", file=sys.stderr)
        return 2
    out = Path(a.out or tempfile.mkdtemp(prefix="geoparse-"))
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    subprocess.run([sys.executable, str(EVAL / "run_claimmap.py"), "--corpora", a.corpora,
                    "--out", str(out)], check=True, env=env, stdout=subprocess.DEVNULL)
    r = subprocess.run([sys.executable, str(EVAL / "score.py"), "--corpora", a.corpora,
                        "--pred", str(out), "--json", str(out / "results.json")],
                       check=True, capture_output=True, text=True)
    print(r.stdout.strip())
    timing = json.loads((out / "claimmap" / "timing.json").read_text())
    print(f"\nfind_places: {timing}")
    if a.errors:
        with (out / "errors.tsv").open("w", encoding="utf-8") as fh:
            fh.write("corpus\tdoc\twhat\tsurface\tpredicted\tgold_id\tcontext\n")
            for corpus in a.corpora.split(","):
                errors(corpus, out, fh)
        print(f"errors: {out / 'errors.tsv'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
