"""Claims extraction and the claims file: time per article and what comes out.

    .venv/bin/python bench/extract.py [--runs 20]

For the first article and each of the team's test articles (tests/data/articles/*.txt):
the geoparser's time (find_places), the extractor's own time with the mentions given,
the claims file's dump and load times (load checks every place id against the
gazetteer), and the counts of claims, figures, relations and contested claims. Then the
whole-process time of `claimmap extract` on the first article. Medians, milliseconds.
``--scale``: the time per kB of text from 10 kB to 1 MB instead (flat = linear cost).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
FIRST = ROOT.parent / "shared" / "articles" / "pokrovsk-2025-06-29.txt"


def _median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def scale(sizes_kb=(10, 100, 1000)) -> None:
    """Time per kB of text from 10 kB to 1 MB: reading, geoparsing and extracting articles
    made of the team's test articles repeated (varied text: places, figures, dates and
    sources of every kind), one process. Flat means linear cost (issue 18)."""
    from layers.text.article import article_from_text
    from layers.text.claims import extract

    pool = [FIRST.read_text(encoding="utf-8")] + [
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "data" / "articles").glob("*.txt"))]
    extract(article_from_text(pool[0], "warm-up-2025-06-29"))   # the gazetteer and word lists
    print(f"{'size':>8} {'seconds':>8} {'ms/kB':>7} {'claims':>7}")
    for kb in sizes_kb:
        parts, n = [], 0
        while n < kb * 1000:
            t = pool[len(parts) % len(pool)]
            parts.append(t)
            n += len(t.encode("utf-8")) + 2
        text = "Scale test\n\n" + "\n\n".join(parts)
        art = article_from_text(text, "scale-2025-06-29")
        t0 = time.perf_counter()
        doc = extract(art)
        secs = time.perf_counter() - t0
        size = len(text.encode("utf-8")) / 1000
        print(f"{size:7.0f}k {secs:8.2f} {secs * 1000 / size:7.2f} {len(doc.claims):7d}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--scale", action="store_true",
                    help="only the time per kB from 10 kB to 1 MB (linear cost)")
    args = ap.parse_args()
    if args.scale:
        scale()
        return

    from geo.places import find_places
    from layers.text.article import read_article
    from layers.claimsfile import dump_claims_file, loads_claims
    from layers.text.claims import extract

    paths = [FIRST] + sorted((ROOT / "tests" / "data" / "articles").glob("*.txt"))
    print(f"{'article':32} {'chars':>6} {'geoparse':>9} {'extract':>8} {'dump':>7} {'load':>7}"
          f" {'claims':>6} {'figures':>7} {'links':>5} {'contested':>9}")
    for path in paths:
        art = read_article(path)
        mentions = find_places(art.text, date=art.published)
        geo_ms = _median_ms(lambda: find_places(art.text, date=art.published), args.runs)
        ex_ms = _median_ms(lambda: extract(art, mentions=mentions), args.runs)
        doc = extract(art, mentions=mentions)
        text = dump_claims_file(doc)
        dump_ms = _median_ms(lambda: dump_claims_file(doc), max(3, args.runs // 4))
        load_ms = _median_ms(lambda: loads_claims(text, str(path)), max(3, args.runs // 4))
        figures = sum(1 for c in doc.claims if c.measure)
        links = sum(1 for c in doc.claims if c.relation)
        contested = sum(1 for c in doc.claims if c.contested)
        print(f"{art.id[:32]:32} {len(art.text):6d} {geo_ms:9.1f} {ex_ms:8.1f} {dump_ms:7.1f}"
              f" {load_ms:7.1f} {len(doc.claims):6d} {figures:7d} {links:5d} {contested:9d}")

    exe = Path(sys.executable).with_name("claimmap")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "layers.cli"]
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "c.yaml")
        run = [*cmd, "extract", str(FIRST), "-o", out]
        subprocess.run(run, check=True)                       # warm-up (gazetteer index)
        wall = []
        for _ in range(max(3, args.runs // 4)):
            t = time.perf_counter()
            subprocess.run(run, check=True)
            wall.append(time.perf_counter() - t)
    print(f"claimmap extract (whole process, first article): {statistics.median(wall) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
