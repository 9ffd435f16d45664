"""Make the pictures in docs/ anew from the first article, in the real clients.

    .venv/bin/python scripts/docs_pictures.py [--article FILE]

Builds the article twice (the default static map, and ``--width column``), then takes:

- ``docs/static-map.png`` and ``docs/static-column.png``: the static maps as written;
- ``docs/html-desktop.png`` (1400x900) and ``docs/html-phone.png`` (390x844): the HTML map
  in headless Chromium with the network blocked (tests/browser.py);
- ``docs/qgis-render.png``: every layer of the GeoPackage drawn by QGIS with its default
  style (tests/qgis_render.py, run by the system Python that has python3-qgis).

Look at each picture after making it: they are what a reader of the README sees.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

TOP = Path(__file__).resolve().parent.parent
DOCS = TOP / "docs"
FIRST = TOP.parent / "shared" / "articles" / "pokrovsk-2025-06-29.txt"


def _build(article: Path, out: Path, *args: str) -> Path:
    claimmap = Path(sys.executable).with_name("claimmap")
    subprocess.run([str(claimmap), "build", str(article), "--out", str(out), *args],
                   check=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--article", type=Path, default=FIRST)
    args = ap.parse_args()
    slug = args.article.stem
    sys.path.insert(0, str(TOP / "tests"))
    from browser import open_page

    with tempfile.TemporaryDirectory() as tmp:
        wide = _build(args.article, Path(tmp) / "wide")
        column = _build(args.article, Path(tmp) / "column", "--width", "column")
        shutil.copyfile((wide / f"{slug}.png").resolve(), DOCS / "static-map.png")
        shutil.copyfile((column / f"{slug}.png").resolve(), DOCS / "static-column.png")
        for name, (w, h) in {"html-desktop.png": (1400, 900), "html-phone.png": (390, 844)}.items():
            with open_page(wide / f"{slug}.html", width=w, height=h) as (page, log):
                page.wait_for_timeout(500)
                page.screenshot(path=str(DOCS / name))
                if log.errors:
                    raise SystemExit(f"{name}: the page reported errors: {log.errors}")
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        subprocess.run(["/usr/bin/python3", str(TOP / "tests" / "qgis_render.py"),
                        str((wide / f"{slug}.gpkg").resolve()), str(DOCS / "qgis-render.png")],
                       check=True, env=env, stdout=subprocess.DEVNULL)
    for name in ("static-map.png", "static-column.png", "html-desktop.png", "html-phone.png",
                 "qgis-render.png"):
        print(DOCS / name)


if __name__ == "__main__":
    main()
