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
