"""The gazetteer's index under stress (issue 18, findings 12 and 13): an index written in
place while a command reads it never gives a different map (the command fails, nothing
written); a killed index build leaves no `.build-*` folder for good; the first run's
index build says what it does on stderr.

On the main of 2026-12-07 an index overwritten in place during a build gave a different
map (exit 0), a killed build's `.build-*` folder stayed forever, and the 40 s first run
printed nothing."""

from __future__ import annotations

import os
import pty
import shutil
import signal
import struct
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from geo import _index as ix
from geo.exc import GazetteerError
from geo.gazetteer import Gazetteer
from test_gazetteer import CURATED, index_folder, small_sources

TESTS = Path(__file__).resolve().parent
CLAIMMAP = str(Path(sys.executable).with_name("claimmap"))
ARTICLE = TESTS.parent.parent / "shared" / "articles" / "pokrovsk-2025-06-29.txt"
if not ARTICLE.exists():
    ARTICLE = Path("/work/shared/articles/pokrovsk-2025-06-29.txt")


@pytest.fixture
def fresh(monkeypatch):
    def open_(cache, sources):
        monkeypatch.setattr(Gazetteer, "_instances", {})
        return Gazetteer.open(cache, sources=sources)
    return open_


def _overwrite_in_place(folder: Path, source: Path) -> None:
    """Write another index's bytes into folder's files, in place (same inodes)."""
    for name in (*ix.FILES, "manifest.json"):
        with open(folder / name, "r+b") as fh:
            fh.truncate(0)
            fh.write((source / name).read_bytes())


def test_an_index_written_in_place_while_in_use_is_never_mixed(tmp_path, fresh):
    cache, src = tmp_path / "cache", small_sources(tmp_path / "src")
    gaz = fresh(cache, src)
    assert gaz.geocode("Test Mine", limit=1)[0].place.name == "Test Coal Mine"
    # another index (other curated rows) of the same format, written over this one
    other = small_sources(tmp_path / "src2", curated=CURATED.replace("Test Coal Mine",
                                                                     "Other Coal Mine"))
    Gazetteer._instances.clear()
    other_gaz = Gazetteer.open(tmp_path / "cache2", sources=other)
    _overwrite_in_place(index_folder(cache), index_folder(tmp_path / "cache2"))
    del other_gaz
    Gazetteer._instances.clear()
    Gazetteer._instances[(str(cache.resolve()), src.fingerprint())] = gaz
    assert not gaz.unchanged()
    with pytest.raises(GazetteerError, match="overwritten while this command read it"):
        Gazetteer.open(cache, sources=src)
    # the next command opens what is there now, whole
    again = Gazetteer.open(cache, sources=src)
    assert again is not gaz and again.unchanged()
    assert again.geocode("Test Mine", limit=1)[0].place.name == "Other Coal Mine"


def test_an_index_written_while_it_is_being_opened_is_seen(tmp_path, fresh, monkeypatch):
    """The write lands after the files are opened but before they are read (while the
    index is checked): what is read then is the written index, so `unchanged` must say
    so, not take the written files for the ones it opened."""
    cache, src = tmp_path / "cache", small_sources(tmp_path / "src")
    fresh(cache, src)
    other = small_sources(tmp_path / "src2", curated=CURATED.replace("Test Coal Mine",
                                                                     "Other Coal Mine"))
    Gazetteer._instances.clear()
    Gazetteer.open(tmp_path / "cache2", sources=other)
    real = ix.check_index

    def check_then_written(folder, **kw):
        manifest = real(folder, **kw)
        _overwrite_in_place(index_folder(cache), index_folder(tmp_path / "cache2"))
        return manifest

    monkeypatch.setattr(ix, "check_index", check_then_written)
    gaz = fresh(cache, src)
    assert not gaz.unchanged()
    with pytest.raises(GazetteerError, match="overwritten while this command read it"):
        Gazetteer.open(cache, sources=src)


def test_an_index_replaced_by_a_rebuild_is_read_whole_from_the_old_files(tmp_path, fresh):
    """A rebuild renames a new folder in place of the old: a process that opened the old
    one goes on reading it, unchanged."""
    cache, src = tmp_path / "cache", small_sources(tmp_path / "src")
    gaz = fresh(cache, src)
    folder = index_folder(cache)
    ix.remove_tree(folder)          # as a rebuild does, under the lock
    assert gaz.unchanged()
    assert gaz.geocode("Pokrovsk", limit=1)[0].place.geonameid == 704422


_SLOW_INDEX_BUILD = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {tests!r})
    from test_gazetteer import small_sources
    from geo import _build
    from geo.gazetteer import Gazetteer

    real = _build.build_index
    def slow(sources, folder, progress=None):
        manifest = real(sources, folder, progress)
        print("built", flush=True)
        time.sleep(120)            # killed here, its folder full
        return manifest
    _build.build_index = slow
    Gazetteer.open({cache!r}, sources=small_sources(__import__("pathlib").Path({src!r})))
""")


def test_a_killed_index_build_leaves_no_folder_for_good(tmp_path, fresh):
    cache, src_dir = tmp_path / "cache", tmp_path / "src"
    script = _SLOW_INDEX_BUILD.format(tests=str(TESTS), cache=str(cache), src=str(src_dir))
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    try:
        assert proc.stdout.readline().strip() == "built"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    root = cache / "gazetteer"
    left = [p for p in root.iterdir() if p.name.startswith(".build-")]
    assert left, "the killed build's folder is there"
    # a user's own folder that only looks like one is none of claimmap's
    mine = root / ".build-mine-x"
    mine.mkdir()
    gaz = fresh(cache, small_sources(src_dir))      # the next run builds, and cleans up
    assert gaz.geocode("Pokrovsk", limit=1)[0].place.geonameid == 704422
    assert [p.name for p in root.iterdir() if p.name.startswith(".")] == [mine.name]
    assert not list(index_folder(cache).glob(".claimmap-*"))


_FIRST_RUN = textwrap.dedent("""
    import sys
    sys.path.insert(0, {tests!r})
    from pathlib import Path
    from test_gazetteer import small_sources
    from geo.gazetteer import Gazetteer
    Gazetteer.open({cache!r}, sources=small_sources(Path({src!r})))
""")


def test_the_first_runs_index_build_says_what_it_does(tmp_path):
    script = _FIRST_RUN.format(tests=str(TESTS), cache=str(tmp_path / "c1"),
                               src=str(tmp_path / "src"))
    # not a terminal: one line, saying what was built and where
    res = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=300)
    assert res.returncode == 0, res.stderr
    lines = [ln for ln in res.stderr.splitlines() if ln.startswith("claimmap:")]
    assert len(lines) == 1, res.stderr
    assert "indexed the gazetteer" in lines[0] and "names" in lines[0]
    assert str(tmp_path / "c1") in lines[0]
    # a terminal: a line per stage, with its percentage, then the same last line
    script = _FIRST_RUN.format(tests=str(TESTS), cache=str(tmp_path / "c2"),
                               src=str(tmp_path / "src"))
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-c", script], stderr=slave,
                            stdout=subprocess.DEVNULL)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=300)
    os.close(master)
    text = b"".join(chunks).decode("utf-8", "replace")
    stages = [ln for ln in text.splitlines() if "%" in ln]
    assert len(stages) >= 10, text
    assert "  0%  cities" in stages[0] and "manifest" in stages[-1], stages
    assert "indexed the gazetteer" in text.splitlines()[-1], text


def _maps(pid: int, path: Path) -> bool:
    try:
        return str(path) in Path(f"/proc/{pid}/maps").read_text()
    except OSError:
        return False


@pytest.mark.slow
def test_an_index_overwritten_during_a_build_gives_the_same_map_or_fails(tmp_path):
    """The real index, copied into a cache of its own: a build that has opened it, then
    sees it written in place (every latitude moved a degree), never writes a map of the
    moved places; it fails with one line, exit 1, and nothing in --out."""
    Gazetteer._instances.clear()
    folder = Gazetteer.open().folder
    cache = tmp_path / "cache"
    copy = cache / "gazetteer" / folder.name
    shutil.copytree(folder, copy)
    env = {**os.environ, "CLAIMMAP_CACHE": str(cache), "PYTHONWARNINGS": "ignore"}
    records = copy / "records.bin"
    data = bytearray(records.read_bytes())
    _magic, _fmt, n, _blob = ix.RECORDS_HEADER.unpack_from(data)
    for i in range(n):   # lat, the first field of each record: a degree further north
        at = ix.RECORDS_HEADER.size + i * ix.RECORD.size
        struct.pack_into("<d", data, at, struct.unpack_from("<d", data, at)[0] + 1.0)

    proc = subprocess.Popen([CLAIMMAP, "build", str(ARTICLE), "--out", str(tmp_path / "out")],
                            env=env, cwd=tmp_path, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not _maps(proc.pid, records) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert proc.poll() is None, "the build ended before it opened the index"
    with open(records, "r+b") as fh:        # in place: the same file, other bytes
        fh.write(data)
    _, err = proc.communicate(timeout=180)
    out = tmp_path / "out"
    if proc.returncode == 0:
        # the build had read all it needed and checked the index before the write landed
        # (a loaded machine can hold this test back that long): then its map is the one the
        # index gave before, not a mix with the moved places
        ref = tmp_path / "ref"
        subprocess.run([CLAIMMAP, "build", str(ARTICLE), "--out", str(ref)], check=True,
                       cwd=tmp_path, capture_output=True,
                       env={**os.environ, "PYTHONWARNINGS": "ignore"})
        name = f"{ARTICLE.stem}.places.geojson"
        assert (out / name).read_bytes() == (ref / name).read_bytes(), err
        return
    assert proc.returncode == 1, err
    assert "gazetteer index" in err and "overwritten" in err and "Traceback" not in err, err
    assert not out.exists() or not [p for p in out.iterdir() if not p.name.startswith(".")]
