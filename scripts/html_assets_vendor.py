#!/usr/bin/env python3
"""Vendor the HTML map's JavaScript/CSS into layers/assets/ from the npm registry.

The HTML map inlines these files so it works with no network. Run this only to upgrade
a package (then re-run the HTML map tests); the files it writes are committed.

    python scripts/html_assets_vendor.py

It runs ``npm pack NAME@VERSION`` in a temporary folder, copies the dist files and the
licence of each package flat into layers/assets/, and turns Font Awesome 4.7's SVG font
into ``fa4-glyphs.json`` ({icon name: [advance width, SVG path]}) so the map draws the
category icons of layers/symbology.py as inline SVG, with no web font to load.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "layers" / "assets"

#: package@version -> [(path in the tarball, name in assets/)]
PACKAGES = {
    "leaflet@1.9.4": [
        ("dist/leaflet.js", "leaflet.js"),
        ("dist/leaflet.css", "leaflet.css"),
        ("dist/images/layers.png", "layers.png"),
        ("dist/images/layers-2x.png", "layers-2x.png"),
        ("dist/images/marker-icon.png", "marker-icon.png"),
        ("dist/images/marker-icon-2x.png", "marker-icon-2x.png"),
        ("dist/images/marker-shadow.png", "marker-shadow.png"),
        ("LICENSE", "LICENSE.leaflet.txt"),
    ],
    "leaflet.markercluster@1.5.3": [
        ("dist/leaflet.markercluster.js", "leaflet.markercluster.js"),
        ("dist/MarkerCluster.css", "MarkerCluster.css"),
        ("dist/MarkerCluster.Default.css", "MarkerCluster.Default.css"),
        ("MIT-LICENCE.txt", "LICENSE.leaflet.markercluster.txt"),
    ],
    "leaflet.fullscreen@5.3.3": [
        ("dist/Control.FullScreen.umd.js", "Control.FullScreen.js"),
        ("dist/Control.FullScreen.css", "Control.FullScreen.css"),
        ("LICENSE.md", "LICENSE.leaflet.fullscreen.txt"),
    ],
    "leaflet-measure@3.1.0": [
        ("dist/leaflet-measure.js", "leaflet-measure.js"),
        ("dist/leaflet-measure.css", "leaflet-measure.css"),
        *[(f"dist/assets/{n}.png", f"{n}.png") for n in
          ("rulers", "rulers_@2X", "start", "start_@2X", "cancel", "cancel_@2X", "check",
           "check_@2X", "focus", "focus_@2X", "trash", "trash_@2X")],
        ("LICENSE", "LICENSE.leaflet-measure.txt"),
    ],
}
FONT_AWESOME = "font-awesome@4.7.0"


def _pack(spec: str, tmp: Path) -> Path:
    out = subprocess.run(["npm", "pack", spec, "--silent"], cwd=tmp, check=True,
                         capture_output=True, text=True).stdout.strip().splitlines()[-1]
    dest = tmp / spec.replace("@", "_").replace("/", "_")
    with tarfile.open(tmp / out) as tar:
        tar.extractall(dest, filter="data")
    return dest / "package"


def _fa4_glyphs(root: Path) -> dict[str, list]:
    """{css icon name: [advance width, path d]} from Font Awesome 4.7's SVG font."""
    css = (root / "css" / "font-awesome.css").read_text()
    svg = (root / "fonts" / "fontawesome-webfont.svg").read_text()
    default_adv = int(re.search(r'<font id="FontAwesome" horiz-adv-x="(\d+)"', svg).group(1))
    by_code: dict[int, list] = {}
    for m in re.finditer(r"<glyph\b([^>]*)/>", svg, re.DOTALL):
        attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', m.group(1)))
        uni, d = attrs.get("unicode", ""), attrs.get("d", "")
        code = re.fullmatch(r"&#x([0-9a-f]+);", uni)
        if code and d:
            adv = int(attrs.get("horiz-adv-x", default_adv))
            by_code[int(code.group(1), 16)] = [adv, " ".join(d.split())]
    glyphs = {}
    # selectors may be grouped: ".fa-a:before,\n.fa-b:before {\n  content: "\f000";\n}"
    for m in re.finditer(r"((?:\.fa-[\w-]+:before,?\s*)+)\{\s*content:\s*\"\\(f[0-9a-f]+)\"", css):
        code = int(m.group(2), 16)
        for name in re.findall(r"\.fa-([\w-]+):before", m.group(1)):
            if code in by_code:
                glyphs[name] = by_code[code]
    return dict(sorted(glyphs.items()))


def main() -> None:
    ASSETS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for spec, files in PACKAGES.items():
            root = _pack(spec, tmp)
            for src, dst in files:
                shutil.copyfile(root / src, ASSETS / dst)
        fa = _pack(FONT_AWESOME, tmp)
        glyphs = _fa4_glyphs(fa)
        (ASSETS / "fa4-glyphs.json").write_text(
            json.dumps(glyphs, separators=(",", ":"), sort_keys=True) + "\n")
        readme = (fa / "README.md").read_text()
        lic = re.search(r"## License.*?(?=\n## |\Z)", readme, re.DOTALL)
        (ASSETS / "LICENSE.font-awesome.txt").write_text(
            "Font Awesome 4.7.0 by Dave Gandy - http://fontawesome.io\n"
            "(from the npm package font-awesome@4.7.0; only the glyph outlines of its SVG\n"
            "font are used, as fa4-glyphs.json)\n\n" + (lic.group(0) if lic else "") + "\n")


if __name__ == "__main__":
    main()
