"""Claims-file dump and load times: ruamel.yaml round trip vs the direct writer / the
fast reader, checked equal.

    .venv/bin/python bench/claims_file.py [--claims 10000 50000] [--ruamel-max 10000]

Prints, for the first article and for merged documents of N claims (the team's test
articles merged, their claims repeated under new ids up to N), two lines:

- dump: the seconds each writer takes, whether their texts are identical, the file's size;
- load: the seconds `loads_claims` takes (the fast reader, layers.claimsfile._fastload, and
  the checks) and ruamel.yaml's round-trip reading of the same text takes, whether the
  fast reader was the one taken, and whether both give the same ClaimsDoc.

ruamel is timed only up to --ruamel-max claims (about 15 s to write and 40 s to read
10,000 on the team machine).
"""

from __future__ import annotations

import argparse
import copy
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _docs():
    from layers.text.article import read_article
    from layers.text.claims import extract

    paths = sorted(p for p in (ROOT / "tests" / "data" / "articles").rglob("*")
                   if p.suffix in (".txt", ".md", ".html"))
    seen = set()
    for p in paths:
        try:
            doc = extract(read_article(p))
        except Exception as err:  # noqa: BLE001 - a bench skips what does not read
            print(f"  (skipped {p.name}: {err})", file=sys.stderr)
            continue
        if doc.article.id not in seen:
            seen.add(doc.article.id)
            yield doc


def merged_doc(n_claims: int, docs):
    """The docs merged (layers.merge), claims repeated under new ids up to n_claims."""
    from layers.merge import merge_docs

    merged = merge_docs([copy.deepcopy(d) for d in docs], "bench-batch").doc
    base = list(merged.claims)
    claims = []
    i = 0
    while len(claims) < n_claims:
        for c in base:
            if len(claims) >= n_claims:
                break
            c2 = copy.copy(c)
            c2.claim_id = f"{c.claim_id}-r{i}"
            c2.conflicts_with = [f"{x}-r{i}" for x in c.conflicts_with]
            c2.place_ids = list(c.place_ids)
            claims.append(c2)
        i += 1
    merged.claims = claims
    return merged


def _time(fn, *args):
    t = time.perf_counter()
    out = fn(*args)
    return time.perf_counter() - t, out


def row(label, doc, ruamel: bool):
    from layers import claimsfile as cf
    from layers.claimsfile import _dump as cf_dump
    from layers.claimsfile import _format as cf_format
    from layers.claimsfile._fastdump import dump_tree

    t_tree, tree = _time(cf_dump.doc_tree, doc)
    t_fast, fast = _time(dump_tree, cf_format.HEADER, tree)
    t_api, api = _time(cf.dump_claims_file, doc)
    line = (f"{label:<28} claims={len(doc.claims):>6} places={len(doc.places):>5} "
            f"size={len(fast) / 1e6:6.2f} MB  fast={t_fast + t_tree:7.3f}s "
            f"(dump_claims_file {t_api:7.3f}s)")
    if ruamel:
        t_rt, ref = _time(lambda: cf_dump.dump_ruamel(cf_dump.doc_to_yaml(doc, tree)))
        line += f"  ruamel={t_rt + t_tree:7.2f}s  x{(t_rt + t_tree) / (t_fast + t_tree):.0f}"
        line += "  identical" if ref == fast == api else "  DIFFERENT"
    print(line, flush=True)
    load_row(label, api, ruamel)


def _same_doc(a, b) -> bool:
    """Equal ClaimsDocs, and every field of one type."""
    from dataclasses import fields, is_dataclass

    def typed(x):
        if is_dataclass(x):
            return type(x), tuple((f.name, typed(getattr(x, f.name))) for f in fields(x)
                                  if f.compare)
        if isinstance(x, (list, tuple)):
            return type(x), tuple(typed(v) for v in x)
        if isinstance(x, dict):
            return type(x), tuple((typed(k), typed(v)) for k, v in x.items())
        return type(x), x

    return typed(a) == typed(b) and a.loaded.place_keys == b.loaded.place_keys


def load_row(label, text, ruamel: bool):
    from layers import claimsfile as cf
    from layers.claimsfile import _load as cf_load

    t_fast, doc = _time(cf.loads_claims, text, "bench.claims.yaml")
    fast = doc.loaded.tree is None
    line = (f"{label:<28} claims={len(doc.claims):>6} load: loads_claims={t_fast:7.3f}s "
            f"({'fast reader' if fast else 'FELL BACK to ruamel'})")
    if ruamel:
        t_rt, ref = _time(lambda: cf_load.loads_ruamel(text, "bench.claims.yaml",
                                                   validate_places=True))
        line += f"  ruamel={t_rt:7.2f}s  x{t_rt / t_fast:.0f}"
        line += "  same doc" if _same_doc(doc, ref) else "  DIFFERENT DOC"
    print(line, flush=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, nargs="*", default=[10_000, 50_000])
    ap.add_argument("--ruamel-max", type=int, default=10_000)
    args = ap.parse_args(argv)
    from layers.text.article import read_article
    from layers.text.claims import extract

    first = extract(read_article(SHARED / "articles" / "pokrovsk-2025-06-29.txt"))
    row("first article", first, True)
    docs = list(_docs())
    for n in args.claims:
        row(f"merged, {len(docs)} articles", merged_doc(n, docs), n <= args.ruamel_max)
    return 0


if __name__ == "__main__":
    sys.exit(main())
