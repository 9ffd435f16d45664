"""Fuzzing with limits: large and adversarial inputs through the command line, and the
long run of the hypothesis properties.

    .venv/bin/python bench/fuzz.py [--scale 40] [--only long-line,deep-yaml]
    .venv/bin/python bench/fuzz.py --properties [--examples 2000] [--only reader] [--seed N]

The first form builds each input of tests/fuzz_inputs.py (one very long line, thousands of
figures and places, HTML and YAML nested thousands deep, exponential YAML aliases, claims
files of tens of thousands of claims, UTF-16, Latin-1, junk and control bytes) with
``claimmap build``, each under a limit of 25 s and 2.5 GB (RLIMIT_DATA in the command's
process, its peak RSS measured), and prints a table. An input fails when it passes a limit,
exits with another status than 0 or 2, prints a traceback, or leaves files after exit 2.

The second form runs each property of tests/fuzz_properties.py (reader, geoparser,
extractor, claims loader, writers) with ``--examples`` random inputs and prints the
examples tried, the time and every failure, shrunk. Exit status 1 when anything failed.
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


def limits(scale: int, only: list[str] | None, claimmap: str) -> int:
    import tempfile

    import fuzz_inputs as fi

    names = only or list(fi.CASES)
    print(f"claimmap fuzz with limits: scale {scale}, {fi.LIMIT_SECONDS:.0f} s and "
          f"{fi.LIMIT_BYTES / 1024 ** 3:.1f} GB per input", flush=True)
    print(f"{'input':<15} {'bytes':>11} {'exit':>5} {'seconds':>8} {'peak MB':>8} "
          f"{'files':>5}  verdict  (last line of stderr)")
    failed = 0
    with tempfile.TemporaryDirectory(prefix="claimmap-fuzz-") as tmp:
        for name in names:
            r = fi.run_case(claimmap, name, scale, Path(tmp) / name)
            failed += not r["passed"]
            status = "time" if r["status"] is None else r["status"]
            print(f"{name:<15} {r['bytes']:>11,} {status:>5} {r['seconds']:>8.1f} "
                  f"{r['rss'] / 1e6:>8.0f} {r['files']:>5}  "
                  f"{'ok' if r['passed'] else 'FAILED':<7}  {r['message'][:90]}", flush=True)
    print(f"{len(names) - failed} of {len(names)} inputs within the limits")
    return 1 if failed else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--properties", action="store_true",
                    help="run the hypothesis properties instead of the inputs with limits")
    ap.add_argument("--scale", type=int, default=40, help="size of the inputs (1: CI's)")
    ap.add_argument("--examples", type=int, default=2000, help="examples per property")
    ap.add_argument("--only", help="comma-separated inputs or properties (default: all)")
    ap.add_argument("--seed", type=int, help="hypothesis seed (default: random)")
    ap.add_argument("--claimmap", default=str(Path(sys.executable).with_name("claimmap")),
                    help="the claimmap command to run")
    args = ap.parse_args()
    only = args.only.split(",") if args.only else None
    if not args.properties:
        return limits(args.scale, only, args.claimmap)
    return properties(args.examples, only, args.seed)


def properties(examples: int, only: list[str] | None, seed: int | None) -> int:
    import fuzz_properties as fp

    logging.basicConfig(level=logging.CRITICAL)  # trafilatura logs junk HTML at ERROR
    names = only or list(fp.PROPERTIES)
    print(f"claimmap fuzz: {examples} examples per property"
          + (f", seed {seed}" if seed is not None else ""), flush=True)
    print(f"{'property':<14} {'examples':>9} {'seconds':>8} {'per example':>12}  failures")
    total_ex, total_t, total_f = 0, 0.0, 0
    for name in names:
        check, strategy = fp.PROPERTIES[name]
        tried, secs, failures = _run(name, check, strategy, examples, seed)
        total_ex, total_t, total_f = total_ex + tried, total_t + secs, total_f + len(failures)
        print(f"{name:<14} {tried:>9} {secs:>8.1f} {secs / max(tried, 1) * 1000:>9.1f} ms  "
              f"{len(failures)}", flush=True)
        for f in failures:
            print(f"    {f}", flush=True)
    print(f"{'total':<14} {total_ex:>9} {total_t:>8.1f} {'':>12}  {total_f}")
    return 1 if total_f else 0


if __name__ == "__main__":
    sys.exit(main())
