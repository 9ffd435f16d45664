"""Every problem of a claims file at once (issue 18, finding 11: "errors come one at a
time"): a reviewer who made five mistakes sees five lines, each with the file, its line and
its field, exit 2, and nothing written. On the main of 2026-12-07 the build stopped at the
first, and the reviewer found the next one only after fixing it."""

from __future__ import annotations

import re

import pytest

from common import FIRST_ARTICLE
from geo.exc import BadInput
from test_hardening import run


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("claims")
    rc, _, err = run("extract", FIRST_ARTICLE, "-o", folder / "good.yaml", cwd=folder)
    assert rc == 0, err
    return (folder / "good.yaml").read_text(encoding="utf-8")


def _break(text: str) -> tuple[str, dict[int, str]]:
    """Five mistakes in five places of the file: line -> the field each is about."""
    text = re.sub(r"(?m)^(  title: .*)$", r"\1\n  byline: someone", text, count=1)
    lines = text.split("\n")
    wanted: dict[int, str] = {}

    def edit(pattern: str, nth: int, new: str | None, field: str) -> None:
        i = [i for i, ln in enumerate(lines) if re.match(pattern, ln)][nth]
        if new is not None:
            lines[i] = new
        wanted[i + 1] = field

    edit(r"  byline: ", 0, None, "byline")                  # an unknown field
    edit(r"    lat: ", 2, "    lat: 148.3", "lat")          # not a latitude
    edit(r"    category: ", 0, "    category: gossip", "category")
    edit(r"    value: ", 1, "    value: many", "value")     # not a number
    edit(r"    places: \[", 2, "    places: [atlantis]", "places")   # no such place
    return "\n".join(lines), wanted


def test_every_problem_of_a_claims_file_at_once(good, tmp_path):
    text, wanted = _break(good)
    assert len(wanted) == 5
    bad = tmp_path / "reviewed.yaml"
    bad.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    rc, _, err = run("build", bad, "--out", out, cwd=tmp_path)
    assert rc == 2, err
    assert "Traceback" not in err
    assert "5 problems" in err.splitlines()[0] and "nothing was written" in err
    listed = [ln.strip() for ln in err.splitlines()[1:] if ln.startswith("  ")]
    assert len(listed) == 5, err
    for (line, field), shown in zip(sorted(wanted.items()), listed):
        assert f"reviewed.yaml:{line}: " in shown, (line, field, shown)
        assert f"(field {field!r})" in shown, (line, field, shown)
    assert not out.exists() or not any(out.iterdir())


def test_the_python_api_has_every_problem_too(good, tmp_path):
    from layers.claimsfile import loads_claims

    text, wanted = _break(good)
    with pytest.raises(BadInput) as caught:
        loads_claims(text, "reviewed.yaml")
    problems = caught.value.problems
    assert [(p.line, p.field) for p in problems] == sorted(wanted.items())
    assert "and 4 more problems" in str(caught.value)


def test_one_problem_is_one_line_as_before(good, tmp_path):
    bad = tmp_path / "one.yaml"
    bad.write_text(good.replace("    category: military", "    category: gossip", 1),
                   encoding="utf-8")
    rc, _, err = run("build", bad, "--out", tmp_path / "out", cwd=tmp_path)
    assert rc == 2
    lines = [ln for ln in err.splitlines() if ln.startswith("claimmap:")]
    assert len(lines) == 1 and "one.yaml:" in lines[0] and "gossip" in lines[0], err
