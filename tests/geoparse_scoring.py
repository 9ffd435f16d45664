"""bench/geoparse_eval.py, loaded as a module for the tests that score the geoparser the
way the bench does (gold loading, matching, accuracy@10km)."""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

__all__ = ["geoparse_eval"]

BENCH = Path(__file__).resolve().parents[1] / "bench" / "geoparse_eval.py"


@cache
def geoparse_eval():
    """The bench/geoparse_eval.py module (loaded once)."""
    spec = importlib.util.spec_from_file_location("geoparse_eval", BENCH)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod
