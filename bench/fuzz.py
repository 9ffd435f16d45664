"""The long fuzz run: the properties of tests/test_fuzz.py with many examples each.

    .venv/bin/python bench/fuzz.py [--examples 2000] [--only reader,writers] [--seed N]

For each property of tests/fuzz_properties.py (reader, geoparser, extractor, claims
loader, writers) hypothesis generates ``--examples`` inputs (random, not the derandomized
ones of CI; ``--seed`` makes a run repeatable) and the script prints the examples tried,
the time, and every failure found, shrunk to its smallest input. Exit status 1 when
anything failed.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def _run(name: str, check, strategy, examples: int, seed: int | None) -> tuple[int, float, list]:
    from hypothesis import HealthCheck, given, seed as hseed, settings

    tried = [0]
    failures: list[str] = []

    def counted(value):
        tried[0] += 1
        check(value)

    test = settings(max_examples=examples, deadline=None, database=None,
                    report_multiple_bugs=True,
                    suppress_health_check=list(HealthCheck))(given(strategy)(counted))
    if seed is not None:
        test = hseed(seed)(test)
    t = time.perf_counter()
    try:
        test()
    except BaseException as err:  # noqa: BLE001 - every failure is reported, then the next
        if isinstance(err, KeyboardInterrupt):
            raise
        errs = list(err.exceptions) if isinstance(err, BaseExceptionGroup) else [err]
        for e in errs:
            last = traceback.extract_tb(e.__traceback__)[-1]
            failures.append(f"{type(e).__name__}: {str(e).splitlines()[0][:300] if str(e) else ''}"
                            f" (at {Path(last.filename).name}:{last.lineno})")
    return tried[0], time.perf_counter() - t, failures


def main() -> int:
    import fuzz_properties as fp

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=2000, help="examples per property")
    ap.add_argument("--only", help="comma-separated properties (default: all)")
    ap.add_argument("--seed", type=int, help="hypothesis seed (default: random)")
    args = ap.parse_args()
    logging.basicConfig(level=logging.CRITICAL)  # trafilatura logs junk HTML at ERROR

    names = args.only.split(",") if args.only else list(fp.PROPERTIES)
    print(f"claimmap fuzz: {args.examples} examples per property"
          + (f", seed {args.seed}" if args.seed is not None else ""), flush=True)
    print(f"{'property':<14} {'examples':>9} {'seconds':>8} {'per example':>12}  failures")
    total_ex, total_t, total_f = 0, 0.0, 0
    for name in names:
        check, strategy = fp.PROPERTIES[name]
        tried, secs, failures = _run(name, check, strategy, args.examples, args.seed)
        total_ex, total_t, total_f = total_ex + tried, total_t + secs, total_f + len(failures)
        print(f"{name:<14} {tried:>9} {secs:>8.1f} {secs / max(tried, 1) * 1000:>9.1f} ms  "
              f"{len(failures)}", flush=True)
        for f in failures:
            print(f"    {f}", flush=True)
    print(f"{'total':<14} {total_ex:>9} {total_t:>8.1f} {'':>12}  {total_f}")
    return 1 if total_f else 0


if __name__ == "__main__":
    sys.exit(main())
