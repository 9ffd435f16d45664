"""How fast the geoparser is, beside flashgeotext on the same text.

    .venv/bin/python bench/geoparse_speed.py [ARTICLE] [--repeat N]

Prints
- in-process time of ``geo.places.find_places`` per 1,000 words, after a warm-up run
  (the gazetteer open and its caches filled): the median of N runs on ARTICLE (default:
  ../shared/articles/pokrovsk-2025-06-29.txt) and on all the test articles together;
- the whole-process wall time of ``claimmap places ARTICLE`` (interpreter start, imports,
  gazetteer open, parsing, JSON out), the median of 5 runs, with the index already built;
- flashgeotext's ``extract`` time on the same text (after its own warm-up) and its load time.
Targets (issue 3): <= 5 ms per 1,000 words in process; <= 1 s for the whole process.
On a machine shared with other work, wall-clock medians wander with the load: the best run
and the process CPU time are printed beside them.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
FIRST = ROOT.parent / "shared" / "articles" / "pokrovsk-2025-06-29.txt"


def per_1000_words(fn, text: str, repeat: int, clock=time.perf_counter) -> tuple[float, float]:
    """(median, best) milliseconds per 1,000 words of `repeat` runs after one warm-up."""
    fn(text)  # warm-up
    times = []
    for _ in range(repeat):
        t0 = clock()
        fn(text)
        times.append(clock() - t0)
    words = len(text.split())
    return 1e6 * statistics.median(times) / words, 1e6 * min(times) / words


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("article", nargs="?", type=Path, default=FIRST)
    ap.add_argument("--repeat", type=int, default=50)
    args = ap.parse_args(argv)
    text = args.article.read_text(encoding="utf-8")
    words = len(text.split())

    from geo.places import find_places

    t0 = time.perf_counter()
    find_places("Kramatorsk.")
    first_call = time.perf_counter() - t0
    ms, best = per_1000_words(find_places, text, args.repeat)
    cpu = sum(per_1000_words(find_places, text, 1, time.process_time)[0]
              for _ in range(args.repeat)) / args.repeat
    print(f"article: {args.article.name}, {words} words")
    print(f"claimmap find_places: {ms:.2f} ms per 1,000 words (wall, median of {args.repeat} "
          f"after warm-up; best {best:.2f}; CPU time {cpu:.2f}; first call in the process "
          f"{1000 * first_call:.0f} ms)")
    corpus = ROOT / "tests" / "data" / "articles"
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    if texts:
        joined_words = sum(len(t.split()) for t in texts)
        for t in texts:  # warm-up
            find_places(t)
        rounds, cpu = [], []
        for _ in range(max(3, args.repeat // 5)):
            t0, c0 = time.perf_counter(), time.process_time()
            for t in texts:
                find_places(t)
            rounds.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        print(f"claimmap find_places on the {len(texts)} test articles ({joined_words} words): "
              f"{1e6 * statistics.median(rounds) / joined_words:.2f} ms per 1,000 words "
              f"(wall, median of {len(rounds)} rounds; best {1e6 * min(rounds) / joined_words:.2f}"
              f"; CPU time {1e6 * statistics.median(cpu) / joined_words:.2f})")

    exe = ROOT / ".venv" / "bin" / "claimmap"
    cmd = [str(exe) if exe.exists() else "claimmap", "places", str(args.article)]
    subprocess.run(cmd, capture_output=True, check=True)  # the index exists, files cached
    walls = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        walls.append(time.perf_counter() - t0)
    print(f"whole process `claimmap places {args.article.name}`: "
          f"{statistics.median(walls):.3f} s (median of 5; min {min(walls):.3f} s)")

    try:
        from flashgeotext.geotext import GeoText
    except ImportError:
        print("flashgeotext is not installed: baseline skipped")
        return 0
    t0 = time.perf_counter()
    geotext = GeoText()
    load = time.perf_counter() - t0
    fg, fbest = per_1000_words(lambda t: geotext.extract(input_text=t, span_info=True), text,
                               args.repeat)
    print(f"flashgeotext extract: {fg:.2f} ms per 1,000 words (best {fbest:.2f}; "
          f"load {load:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
