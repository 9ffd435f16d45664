"""Build heldout4/src/*.md into heldout4/<id>.txt + <id>.yaml with the main build_gold.py.

    .venv/bin/python tests/data/articles/heldout4/build.py

The markup and gold format are those of ../README.md; this only points ../build_gold.py
(unchanged) at this folder.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import build_gold  # noqa: E402


def main() -> None:
    cities, admin1 = build_gold._tables()
    for src in sorted((HERE / "src").glob("*.md")):
        build_gold.build(src, cities, admin1, HERE)
        print(src.relative_to(HERE.parent))


if __name__ == "__main__":
    main()
