"""Large and adversarial inputs for the command line, at any size: shared by the limits
run in bench/fuzz.py (large) and tests/test_fuzz.py (small, in CI).

Each generator takes a scale (1 = small enough for CI) and returns (file name, bytes).
What they stress: one very long line, very many figures, deep nesting (YAML, HTML),
claims files with very many claims or aliases, odd encodings and bytes that are no
encoding at all. None names a particular article: the texts are made of templates.
"""

from __future__ import annotations

import random

__all__ = ["CASES", "run_case", "LIMIT_SECONDS", "LIMIT_BYTES"]

#: what one input may take, as GDAL's fuzzing does: more is a failure
LIMIT_SECONDS = 25.0
LIMIT_BYTES = int(2.5 * 1024 ** 3)

_TOWNS = ["Kharkiv", "Kyiv", "Odesa", "Dnipro", "Lviv", "Gaza", "Aleppo", "Khartoum",
          "Mosul", "Goma", "Tripoli", "Kabul", "Mariupol", "Rafah", "Idlib", "Juba"]
_SENTENCES = [
    "Shelling killed {n} people in {t} on Sunday, officials said.",
    "About {n} families fled {t} toward {u} last week, the UN said.",
    "Troops advanced {n} km from {t} to {u} on Monday, the army said.",
    "Aid groups delivered {n} tonnes of food to {t} in March, according to WFP.",
]


def _sentence(rng: random.Random, i: int) -> str:
    t, u = rng.sample(_TOWNS, 2)
    return rng.choice(_SENTENCES).format(n=rng.randint(2, 90_000) + i % 7, t=t, u=u)


def _article(title: str, body: str) -> bytes:
    return f"{title}\n\nPublished 2025-06-29\n\n{body}\n".encode("utf-8")


def long_line(scale: int) -> tuple[str, bytes]:
    """One line of 20 kB per scale, no line break: figures and places all along it."""
    rng = random.Random(1)
    body = []
    while sum(map(len, body)) < 20_000 * scale:
        body.append(_sentence(rng, len(body)))
    return "long-line-2025-06-29.txt", _article("A long line", " ".join(body))


def many_figures(scale: int) -> tuple[str, bytes]:
    """200 lines per scale, each a figure of the same measure and place: the contested
    claims of finding 1 (N² conflicts)."""
    lines = [f"Shelling killed {i + 2} people in Kharkiv, officials said."
             for i in range(200 * scale)]
    return "many-figures-2025-06-29.txt", _article("Many figures", "\n".join(lines))


def many_places(scale: int) -> tuple[str, bytes]:
    """Every town named again and again, in lists."""
    rng = random.Random(2)
    paras = [", ".join(rng.sample(_TOWNS, 8)) + " were shelled, officials said."
             for _ in range(100 * scale)]
    return "many-places-2025-06-29.txt", _article("Many places", "\n\n".join(paras))


def deep_html(scale: int) -> tuple[str, bytes]:
    """HTML nested 500 deep per scale, the article at the bottom."""
    depth = 500 * scale
    body = ("<div>" * depth + "<p>Shelling killed 5 people in Kharkiv on Sunday.</p>"
            + "</div>" * depth)
    page = (f"<html><head><title>Deep</title></head><body><article><h1>Deep</h1>"
            f"{body}</article></body></html>")
    return "deep.html", page.encode("utf-8")


def deep_yaml(scale: int) -> tuple[str, bytes]:
    """A claims file whose YAML nests 1,000 deep per scale."""
    depth = 1000 * scale
    return "deep.yaml", ("claims: " + "[" * depth + "]" * depth + "\n").encode("ascii")


def yaml_aliases(scale: int) -> tuple[str, bytes]:
    """Aliases that expand exponentially ("billion laughs"), 10 + scale levels."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    levels = 10 + scale
    for i in range(1, levels):
        refs = ",".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    lines.append(f"claims: *a{levels - 1}")
    return "aliases.yaml", ("\n".join(lines) + "\n").encode("ascii")


def huge_claims(scale: int) -> tuple[str, bytes]:
    """A well-formed claims file of 500 claims per scale (one place)."""
    n = 500 * scale
    text = "Shelling killed 5 people in Kharkiv on Sunday, officials said."
    head = f"""format: claimmap-claims/1
article:
  id: huge-2025-06-29
  title: Huge
  published: "2025-06-29"
places:
  - key: kharkiv
    place_id: geonames:706483
claims:
"""
    claim = """  - category: casualties
    places: [kharkiv]
    measure: killed
    value: {v}
    unit: people
    date_start: "2025-06-28"
    source: officials
    span_start: 0
    span_end: 40
    sentence: 'Shelling killed {v} people in Kharkiv'
"""
    body = "".join(claim.format(v=i + 1) for i in range(n))
    tail = "article_text: |\n  " + text + "\n"
    return "huge.claims.yaml", (head + body + tail).encode("utf-8")


def odd_encodings(scale: int) -> tuple[str, bytes]:
    """UTF-16 with a byte-order mark, bidi and zero-width characters, CR line ends."""
    rng = random.Random(3)
    body = "\r".join("\u202e" + _sentence(rng, i) + "\u200b\u2028" for i in range(50 * scale))
    return "utf16-2025-06-29.txt", ("\ufeffOdd encodings\r\r" + body).encode("utf-16")


def latin1(scale: int) -> tuple[str, bytes]:
    """Latin-1 bytes (not UTF-8) with accented names."""
    rng = random.Random(4)
    body = "\n".join(_sentence(rng, i).replace("Kyiv", "Kiev café") for i in range(50 * scale))
    return "latin1-2025-06-29.txt", ("Caf\u00e9 r\u00e9sum\u00e9\n\n" + body).encode("latin-1")


def junk_bytes(scale: int) -> tuple[str, bytes]:
    """Random bytes, NULs among them: no text at all."""
    rng = random.Random(5)
    return "junk-2025-06-29.txt", bytes(rng.randrange(256) for _ in range(4096 * scale))


def nul_in_text(scale: int) -> tuple[str, bytes]:
    """Text with NUL bytes and control characters inside its sentences."""
    rng = random.Random(6)
    body = "\n".join(_sentence(rng, i).replace(" ", "\x00 ", 1) + "\x07\x1b[2J"
                     for i in range(50 * scale))
    return "nul-2025-06-29.txt", _article("NULs", body)


#: name -> generator
CASES = {f.__name__.replace("_", "-"): f for f in (
    long_line, many_figures, many_places, deep_html, deep_yaml, yaml_aliases, huge_claims,
    odd_encodings, latin1, junk_bytes, nul_in_text)}


#: runs the command under the memory limit and reports its peak memory: a process of its
#: own per input, so that the peak is that input's
_WRAPPER = """
import resource, subprocess, sys
limit = int(sys.argv[1])
def cap():
    resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
status = subprocess.call(sys.argv[2:], preexec_fn=cap, stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, flush=True)
sys.exit(status)
"""


def run_case(claimmap: str, name: str, scale: int, folder, *,
             seconds: float = LIMIT_SECONDS, memory: int = LIMIT_BYTES,
             env: dict | None = None) -> dict:
    """Build the input `name` at `scale` with the `claimmap` command in folder, under the
    limits (a time-out; RLIMIT_DATA in the command's process: more memory is a
    MemoryError); what happened: exit status, seconds, peak memory (max RSS of the
    command and of the processes it waited for), whether it passed: exit 0 or 2 within
    the limits, no traceback, and nothing written on exit 2."""
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    file_name, data = CASES[name](scale)
    path = folder / file_name
    path.write_bytes(data)
    out = folder / "out"
    t = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-c", _WRAPPER, str(memory), claimmap, "build", str(path),
         "--out", str(out)],
        cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore", **(env or {})})
    timed_out = False
    try:
        stdout, err = proc.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        timed_out = True
        os.killpg(proc.pid, signal.SIGKILL)
        stdout, err = proc.communicate()
    took = time.monotonic() - t
    try:
        rss = int(stdout.split()[-1]) * 1024      # Linux: kB
    except (IndexError, ValueError):
        rss = 0
    visible = [p.name for p in out.iterdir() if not p.name.startswith(".")] \
        if out.exists() else []
    text = err.decode("utf-8", "replace")
    status = None if timed_out else proc.returncode
    return {
        "case": name, "bytes": len(data), "status": status, "seconds": took, "rss": rss,
        "files": len(visible),
        "passed": (status in (0, 2) and rss <= memory and "Traceback" not in text
                   and (status != 2 or not visible)),
        "message": (text.strip().splitlines() or [""])[-1][:160],
    }
