"""Paths the tests share: the repository, ``../shared`` beside it (CI lays it there too)
and the first article with its acceptance sheet. Fixtures built on them are in
``conftest.py``."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
#: the steering folder beside the repository (``../shared``), read-only
SHARED = REPO.parent / "shared"
FIRST_SLUG = "pokrovsk-2025-06-29"
FIRST_ARTICLE = SHARED / "articles" / f"{FIRST_SLUG}.txt"
FIRST_SHEET = SHARED / "expected" / f"{FIRST_SLUG}.yaml"
EXAMPLE_ARTICLE = REPO / "layers" / "examples" / "avdiivka-2024-02-17.txt"


def _cli(args: list, timeout: int = 180) -> str:
    """Run ``claimmap ARGS`` as a user would (the venv's command, warnings off); its output."""
    import os
    import subprocess
    import sys

    claimmap = Path(sys.executable).with_name("claimmap")
    env = dict(os.environ, PYTHONWARNINGS="ignore",
               PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    res = subprocess.run([str(claimmap), *map(str, args)], capture_output=True, text=True,
                         env=env, timeout=timeout)
    assert res.returncode == 0, res.stderr
    return res.stdout


def cli_places(folder: Path, text: str) -> list[dict]:
    """``claimmap places`` on `text` written as an article file in `folder`: its places,
    in text order."""
    import json

    article = Path(folder) / "article.txt"
    article.write_text(text, encoding="utf-8")
    return json.loads(_cli(["places", article], timeout=120))["places"]


def cli_extract(folder: Path, text: str, day: str, name: str = "article.txt") -> dict:
    """``claimmap extract --date DAY`` on `text` written as the article file `name` in
    `folder`: the claims file, read."""
    import yaml

    article = Path(folder) / name
    article.write_text(text, encoding="utf-8")
    return yaml.safe_load(_cli(["extract", article, "--date", day]))


def extract_all(folder: Path, articles: dict, day: str) -> dict:
    """`claimmap extract` on each text of `articles` (name -> text): name -> (claims, places by key)."""
    out = {}
    for name, text in articles.items():
        doc = cli_extract(folder, text, day, f"{name}.txt")
        out[name] = (doc["claims"], {p["key"]: p for p in doc["places"]})
    return out


def claim_where(docs: dict, name: str, value: float):
    """The first claim of article `name` whose value is `value`, and its places as (name, kind)."""
    claims, places = docs[name]
    hits = [c for c in claims if c.get("value") is not None and float(c["value"]) == value]
    assert hits, [(c.get("measure"), c.get("value")) for c in claims]
    c = hits[0]
    return c, [(places[k]["name"], places[k]["kind"]) for k in c["places"]]


def events_on_line(doc: dict, text: str, words: str) -> list[dict]:
    """The figure-less claims of `doc` (extracted from `text`) on the line holding `words`."""
    at = text.index(words)
    start, end = text.rindex("\n", 0, at), text.index("\n", at)
    return [c for c in doc["claims"] if c.get("value") is None and start <= c["span_start"] < end]
