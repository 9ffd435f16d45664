"""The static map drawn in a second process (layers/_static_worker.py): the same bytes as
drawing in-process, errors and deaths of the child fail the build and leave the previous
outputs, and no child outlives its build."""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

import pytest
from builder_data import pokrovsk_doc

from geo.exc import BadInput
from layers.render import _worker as _static_worker
from layers.render import static as render_static
from common import FIRST_ARTICLE
from layers.builder import layers_from_doc

SLUG = "pokrovsk-2025-06-29"



@pytest.fixture(autouse=True)
def _no_stray_threads():
    """The worker forks only from a process with no other thread; an earlier test's Dask
    client leaves distributed's idle offload thread behind. Retire it (distributed makes a
    new one when it next needs it) so each test starts as a fresh `claimmap build` does."""
    import sys
    from concurrent.futures import ThreadPoolExecutor

    utils = sys.modules.get("distributed.utils")
    if utils is not None and getattr(utils, "_offload_executor", None) is not None:
        utils._offload_executor.shutdown(wait=True)
        utils._offload_executor = ThreadPoolExecutor(max_workers=1,
                                                     thread_name_prefix="Dask-Offload")
    stray = [t.name for t in threading.enumerate() if t is not threading.main_thread()]
    assert not stray, f"threads left by earlier tests: {stray}"


needs_fork = pytest.mark.skipif(not _static_worker.can_fork(),
                                reason="needs fork, two cores and no other thread")


@pytest.fixture(scope="module")
def layers():
    return layers_from_doc(pokrovsk_doc())


@pytest.fixture
def workers(monkeypatch):
    """Every StaticWorker started during the test."""
    started = []
    real_init = _static_worker.StaticWorker.__init__

    def init(self):
        real_init(self)
        started.append(self)

    monkeypatch.setattr(_static_worker.StaticWorker, "__init__", init)
    return started


def _hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file() and not p.name.startswith(".")}


def _no_temp_left(tmp_path: Path) -> None:
    assert not [p for p in tmp_path.rglob("*") if "claimmap-tmp" in p.name]


@needs_fork
def test_a_second_process_draws_the_same_bytes_as_in_process(layers, tmp_path, workers,
                                                             monkeypatch):
    layers.write(tmp_path / "forked")
    assert len(workers) == 1, "the build drew its map in a worker of its own"
    assert not workers[0]._proc.is_alive()
    monkeypatch.setattr(_static_worker, "can_fork", lambda: False)
    layers.write(tmp_path / "here")
    assert len(workers) == 1
    forked, here = _hashes(tmp_path / "forked"), _hashes(tmp_path / "here")
    assert {f"{SLUG}.png", f"{SLUG}.svg", f"{SLUG}.report.html"} <= set(forked)
    assert forked == here


@needs_fork
def test_an_error_in_the_child_fails_the_build_and_keeps_the_outputs(layers, tmp_path,
                                                                    workers, monkeypatch):
    out = tmp_path / "out"
    layers.write(out, maps=False)
    before = _hashes(out)

    def broken(*args, **kwargs):
        raise BadInput("figure size is out of range (simulated)", path="--figure-size")

    # forked after this, the child draws with the broken renderer
    monkeypatch.setattr(render_static, "render_images", broken)
    with pytest.raises(BadInput, match="simulated") as err:
        layers.write(out)
    assert err.value.path == "--figure-size"   # the error itself, attributes and all
    assert len(workers) == 1 and not workers[0]._proc.is_alive()
    assert _hashes(out) == before
    _no_temp_left(tmp_path)


@needs_fork
def test_a_child_that_dies_fails_the_build(layers, tmp_path, workers, monkeypatch):
    out = tmp_path / "out"
    layers.write(out, maps=False)
    before = _hashes(out)
    parent = os.getpid()

    def die(*args, **kwargs):
        if os.getpid() == parent:   # never take the test process down
            raise AssertionError("drawn in the test process, not in a child")
        os._exit(3)

    monkeypatch.setattr(render_static, "render_images", die)
    with pytest.raises(RuntimeError, match=r"ended without drawing the map \(exit status 3\)"):
        layers.write(out)
    assert _hashes(out) == before
    _no_temp_left(tmp_path)


@needs_fork
def test_a_failing_writer_stops_the_child(layers, tmp_path, workers, monkeypatch):
    from layers.io import writers

    def broken(*args, **kwargs):
        raise OSError("disk full (simulated)")

    monkeypatch.setattr(writers, "write_csv", broken)
    with pytest.raises(OSError, match="simulated"):
        layers.write(tmp_path / "out")
    assert len(workers) == 1
    assert not workers[0]._proc.is_alive()   # killed while drawing, not left behind
    _no_temp_left(tmp_path)


@needs_fork
def test_one_worker_serves_the_builds_of_its_block(layers, tmp_path, workers):
    with _static_worker.static_worker() as worker:
        assert worker is not None
        layers.write(tmp_path / "one", worker=worker)
        layers.write(tmp_path / "two", worker=worker)
    assert workers == [worker]
    assert not worker._proc.is_alive()
    assert _hashes(tmp_path / "one") == _hashes(tmp_path / "two")


def test_no_fork_while_another_thread_runs():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not _static_worker.can_fork()
        with _static_worker.static_worker() as worker:
            assert worker is None
    finally:
        stop.set()
        thread.join()


@needs_fork
def test_layers_of_a_subclass_are_sent_as_plain_rows(layers, tmp_path, workers):
    import dataclasses

    from layers.builder import Layers

    class MyLayers(Layers):   # a local class: its objects do not pickle, its rows do
        pass

    mine = MyLayers(**{f.name: getattr(layers, f.name) for f in dataclasses.fields(Layers)})
    written = mine.write(tmp_path / "out")
    assert f"{SLUG}.png" in {p.name for p in written}
    assert len(workers) == 1 and not workers[0]._proc.is_alive()
    layers.write(tmp_path / "plain")
    assert _hashes(tmp_path / "out") == _hashes(tmp_path / "plain")


@needs_fork
def test_layers_that_do_not_pickle_are_drawn_in_process(layers, workers):
    import dataclasses

    class Source(str):   # a local class: its objects do not pickle
        pass

    doc = dataclasses.replace(layers.doc, article=dataclasses.replace(
        layers.doc.article, source=Source("a source of the test's own")))
    odd = dataclasses.replace(layers, doc=doc)
    with _static_worker.draw_static(odd, {}) as job:
        assert isinstance(job, _static_worker._InProcess)
        png, svg = job.result()
    assert png.startswith(b"\x89PNG") and b"a source of the test" in svg
    assert len(workers) == 1 and not workers[0]._proc.is_alive()


_CHILD = r"""
import pickle, sys
from layers.render.static import render_images, warm_up

warm_up()
with open(sys.argv[1], "rb") as fh:
    job = pickle.load(fh)
png, svg = render_images(job)
with open(sys.argv[2], "wb") as fh:
    pickle.dump((png, svg), fh)
print(" ".join(m for m in ("pandas", "geopandas", "pyogrio", "folium") if m in sys.modules))
"""


def test_the_drawing_process_never_imports_pandas(layers, tmp_path):
    """What the worker is sent pickles without pandas, and warming up and drawing it in a
    fresh process imports neither pandas nor geopandas: the same bytes as drawn here."""
    import pickle
    import subprocess
    import sys

    job = render_static.drawing_input(layers)
    data = pickle.dumps(job)
    assert b"pandas" not in data and b"geopandas" not in data
    (tmp_path / "job.pickle").write_bytes(data)
    res = subprocess.run([sys.executable, "-c", _CHILD, str(tmp_path / "job.pickle"),
                          str(tmp_path / "out.pickle")], check=False, capture_output=True,
                         text=True, cwd=Path(__file__).resolve().parents[1], timeout=120)
    assert res.returncode == 0, res.stderr[-2000:]
    assert res.stdout.split() == [], f"the drawing process imported {res.stdout.strip()}"
    png, svg = pickle.loads((tmp_path / "out.pickle").read_bytes())
    assert (png, svg) == render_static.render_images(layers)


def _comparable(data) -> dict:
    """A drawing input's rows with geometries as WKB (shapely compares by identity)."""
    import math

    import shapely

    def cell(v):
        if isinstance(v, float) and math.isnan(v):
            return "nan"
        return shapely.to_wkb(v, hex=True) if hasattr(v, "geom_type") else (type(v), v)

    return {name: [{k: cell(v) for k, v in row.items()} for row in getattr(data, name)]
            for name in ("places", "claims", "links", "regions")}


@pytest.mark.parametrize("article", [
    FIRST_ARTICLE,
    *sorted((Path(__file__).resolve().parent / "data" / "articles").glob("*.txt")),
    Path(__file__).resolve().parents[1] / "layers" / "examples" / "avdiivka-2024-02-17.txt",
], ids=lambda p: p.stem)
def test_the_early_drawing_input_is_the_layers_one(article):
    """What the build hands the map's process before it has GeoDataFrames (the claims
    document's rows) is what the GeoDataFrames would have given: same rows, order, values
    and types."""
    from layers.builder import load_doc
    from layers.schema import layer_rows

    doc = load_doc(article)
    early = render_static.drawing_input(layer_rows(doc))
    late = render_static.drawing_input(layers_from_doc(doc))
    assert early.article is late.article
    assert _comparable(early) == _comparable(late)


@needs_fork
def test_the_build_hands_its_map_over_before_the_geodataframes(tmp_path, workers,
                                                                monkeypatch):
    """Inside a static_worker block given the figure options, build() starts the map from
    the claims document; the write collects that map (not a second one), and the files
    are the bytes of a build that draws in-process."""
    from layers import builder

    article = FIRST_ARTICLE
    submitted = []
    real_submit = _static_worker.StaticWorker.submit

    def submit(self, layers, figure):
        submitted.append(type(layers).__name__)
        real_submit(self, layers, figure)

    monkeypatch.setattr(_static_worker.StaticWorker, "submit", submit)
    figure = {"dpi": 220}
    with _static_worker.static_worker(figure=figure) as worker:
        built = builder.build(article, worker=worker)
        assert worker.drawing(built.doc, figure)
        built.write(tmp_path / "early", figure=figure, worker=worker)
        again = builder.build(article, worker=worker)
        again.write(tmp_path / "other", figure={"dpi": 240}, worker=worker)   # drawn anew
    assert submitted == ["DocRows", "DocRows", "Layers"] and workers == [worker]
    monkeypatch.setattr(_static_worker, "can_fork", lambda: False)
    builder.build(article).write(tmp_path / "here", figure=figure)
    assert _hashes(tmp_path / "early") == _hashes(tmp_path / "here")
