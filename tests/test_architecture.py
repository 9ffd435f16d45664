"""The layout keeps its rules: no import circle, no private name taken from another module,
geo never importing layers, no module over 800 lines, and docs/architecture.md true."""

import subprocess
import sys

from common import REPO

#: generated word data, exempt from the size rule
GENERATED = {"geo/_recognize_words.py"}


def _script(name, *args):
    return subprocess.run([sys.executable, str(REPO / "scripts" / name), *args],
                          capture_output=True, text=True, timeout=120)


def test_import_graph_has_no_cycle_and_no_private_import():
    r = _script("import_graph.py")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "cycles 0  private imports 0  uphill 0" in r.stdout


def test_no_module_over_800_lines():
    long = {}
    for pkg in ("geo", "layers"):
        for path in (REPO / pkg).rglob("*.py"):
            rel = path.relative_to(REPO).as_posix()
            n = path.read_text(encoding="utf-8").count("\n")
            if rel not in GENERATED and n > 800:
                long[rel] = n
    assert not long


def test_architecture_page_is_up_to_date():
    r = _script("architecture.py", "--check")
    assert r.returncode == 0, r.stdout


def test_public_names_are_never_submodules():
    """`geo.normalize`, `layers.extract`, ... mean the same object whatever was imported
    before (a public name that is also a submodule's name changes on import)."""
    code = ("import importlib, pkgutil, geo, layers\n"
            "for pkg in (geo, layers):\n"
            "    subs = {m.name for m in pkgutil.iter_modules(pkg.__path__)}\n"
            "    clash = sorted(set(pkg.__all__) & subs)\n"
            "    assert not clash, (pkg.__name__, clash)\n"
            "import layers.text.claims, geo.namekey\n"
            "assert callable(layers.extract) and callable(geo.normalize)\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                       cwd=REPO)
    assert r.returncode == 0, r.stderr
