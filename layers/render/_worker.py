"""The static map drawn in a second process while the build writes its other files.

Drawing the PNG/SVG map (matplotlib, CPU-bound) is the longest step of a build. Where the
machine has two cores or more and the process may fork safely (POSIX, no other thread
running), the build draws it in a forked child process while the parent writes the
GeoJSON, GeoPackage, CSV, claims file and HTML maps; elsewhere it draws it in-process.

The child is sent the columns drawing reads as plain rows with shapely geometries
(:func:`layers.render.static.drawing_input`) and draws with matplotlib, shapely and pyproj
alone: it never imports pandas or geopandas, whose imports would lengthen the build's
critical path (and its CPU time). The modules both processes need (numpy, shapely,
pyproj) are imported once, before the fork. The child only computes: it sends the PNG
and SVG bytes back through a pipe and the parent writes every file, so the build's
atomic writes are unchanged. An error in the
child is raised again in the parent (the build fails and leaves the previous outputs as
they were); a child that dies fails the build too; a parent that dies closes the pipe and
the waiting child exits; a child still drawing when the build fails is killed. The bytes
are the ones drawing in-process gives: the same code draws them.

:func:`static_worker` starts a worker early (the command line does, before it reads the
article), so that the child imports matplotlib and reads the outlines while the parent
extracts the claims. The worker is passed explicitly: to :func:`layers.builder.build`
(which hands it the map as soon as it has the claims) and to
:meth:`layers.builder.Layers.write` (which collects that map, or submits its own); a
write given no worker starts one of its own for its map where :func:`can_fork`.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import sys
import threading
import traceback
from collections.abc import Iterator

__all__ = ["StaticWorker", "can_fork", "draw_early", "draw_static", "static_worker"]

log = logging.getLogger(__name__)


def can_fork() -> bool:
    """True where drawing in a forked process pays and is safe.

    Needs ``fork`` (POSIX), at least two usable cores, and no other running thread (a
    fork copies the locks other threads hold: a Jupyter kernel or a Dask worker draws
    in-process instead).
    """
    if sys.platform == "win32" or not hasattr(os, "fork"):
        return False
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return cores >= 2 and threading.active_count() == 1


def _serve(conn, parent_end) -> None:
    """The child: warm up, then draw each job sent until the parent closes the pipe."""
    parent_end.close()   # else the pipe would stay open when the parent dies
    try:
        try:
            from layers.render.static import warm_up

            warm_up()
        except Exception:  # noqa: BLE001 - the job itself will raise it properly
            log.debug("static map warm-up failed", exc_info=True)
        while True:
            try:
                job = conn.recv()
            except (EOFError, OSError):
                return   # the parent is done (or gone)
            layers, figure = job
            try:
                from layers.render.static import render_images

                reply = ("ok", render_images(layers, **figure))
            except Exception as err:  # noqa: BLE001 - sent to the parent, raised there
                reply = ("error", err, traceback.format_exc())
            try:
                conn.send(reply)
            except OSError:
                return   # the parent is gone
            except Exception:  # noqa: BLE001 - an error that does not pickle
                conn.send(("error", None, reply[2] if reply[0] == "error" else
                           traceback.format_exc()))
    except KeyboardInterrupt:   # ^C reaches the whole process group: the parent reports it
        return
    finally:
        conn.close()


class StaticWorker:
    """A forked child process that draws static maps (see the module's notes).

    Use :meth:`submit`, then :meth:`result`; :meth:`close` when done.
    """

    def __init__(self) -> None:
        import multiprocessing

        ctx = multiprocessing.get_context("fork")
        self._conn, child_end = ctx.Pipe(duplex=True)
        self._proc = ctx.Process(target=_serve, args=(child_end, self._conn),
                                 name="claimmap-static-map", daemon=True)
        self._proc.start()
        child_end.close()
        self._busy = False
        self._pending: tuple | None = None   # (doc, figure) of the map being drawn
        #: the figure options of the builds of a `static_worker` block (see `draw_early`)
        self.figure: dict | None = None
        log.debug("static map worker started (pid %s)", self._proc.pid)

    def submit(self, layers, figure: dict) -> None:
        """Send a map to draw: `layers` and the options of
        :func:`layers.render.static.render_images`."""
        from layers.render.static import drawing_input

        if self._busy:
            raise RuntimeError("the static map worker is still drawing the previous map")
        # plain rows and shapely geometries: the child never imports pandas or geopandas
        self._conn.send((drawing_input(layers), dict(figure)))
        self._busy = True
        self._pending = (layers.doc, dict(figure))

    def drawing(self, doc, figure: dict) -> bool:
        """The map being drawn is `doc`'s (the same object) with these options."""
        return (self._busy and self._pending is not None and self._pending[0] is doc
                and self._pending[1] == dict(figure))

    def result(self) -> tuple[bytes, bytes]:
        """The PNG and SVG bytes of the map submitted; the child's error raised here."""
        try:
            reply = self._conn.recv()
        except (EOFError, OSError):
            self._proc.join(5)
            raise RuntimeError(f"the static map process ended without drawing the map "
                               f"(exit status {self._proc.exitcode})") from None
        finally:
            self._busy = False
            self._pending = None
        if reply[0] == "ok":
            return reply[1]
        _, err, trace = reply
        if err is None:
            raise RuntimeError(f"drawing the static map failed in its process:\n{trace}")
        err.add_note(f"(raised while drawing the static map in process {self._proc.pid})")
        log.debug("static map process traceback:\n%s", trace)
        raise err

    @property
    def busy(self) -> bool:
        """A map was submitted and its result not collected yet."""
        return self._busy

    def close(self) -> None:
        """Stop the child now. It writes nothing, so nothing is lost: a map it was still
        drawing was one nobody will collect."""
        self._conn.close()
        if self._proc.is_alive():
            self._proc.kill()
        self._proc.join()
        self._busy = False


@contextlib.contextmanager
def static_worker(enabled: bool = True, figure: dict | None = None
                  ) -> Iterator[StaticWorker | None]:
    """Start a static map worker for the builds of this block (where :func:`can_fork`).

    Start it before reading the article: the child loads what drawing needs meanwhile.
    Yields the worker, or None where maps are drawn in-process; pass it to the block's
    builds and writes (``build(..., worker=w)``, ``layers.write(..., worker=w)``). With
    `figure` (the options the block's builds will write their maps with),
    :func:`layers.builder.build` hands each map to the worker as soon as it has the
    article's claims (see :func:`draw_early`), before it makes the GeoDataFrames.
    """
    if not enabled or not can_fork():
        yield None
        return
    _preload()
    # forked before the build imports geopandas: on two cores the child loads matplotlib
    # and the outlines (never pandas or geopandas: it is sent plain rows, see
    # `layers.render.static.drawing_input`) while the parent imports geopandas and reads
    # the article
    worker = StaticWorker()
    worker.figure = None if figure is None else dict(figure)
    try:
        yield worker
    finally:
        worker.close()


def _preload() -> None:
    """Load, before forking, what both processes need: numpy, shapely and pyproj (some
    0.18 s of CPU to import) and the gazetteer (0.03 s to open and check; its files are
    mapped read-only, so both processes may share them). Loaded once and shared, where
    the child would load them again: the build loads them anyway, and the child skips
    the time it took."""
    import numpy  # noqa: F401
    import pyproj  # noqa: F401
    import shapely  # noqa: F401

    try:
        from geo.gazetteer import Gazetteer

        Gazetteer.open()
    except Exception:   # the build reports it when it needs the gazetteer
        log.debug("gazetteer not opened before forking", exc_info=True)


def draw_early(worker: StaticWorker | None, rows) -> bool:
    """Start drawing the map of `rows` (a :class:`layers.schema.DocRows`) in `worker`, a
    worker of a :func:`static_worker` block that was given its figure options, if idle.

    The build calls this before it makes the GeoDataFrames (whose import the child need
    not wait for); :func:`draw_static` then collects this map rather than drawing it again
    when it is asked for the same document with the same options. True if started.
    """
    if worker is None or worker.figure is None or worker.busy:
        return False
    try:
        worker.submit(rows, worker.figure)
    except (pickle.PicklingError, TypeError, AttributeError, OSError) as err:
        log.debug("static map not started early: %s", err)
        return False
    return True


class _InProcess:
    """A static map drawn here, when :meth:`result` is called (no second process)."""

    def __init__(self, layers, figure: dict) -> None:
        self._layers, self._figure = layers, figure

    def result(self) -> tuple[bytes, bytes]:
        from layers.render.static import render_images

        return render_images(self._layers, **self._figure)


@contextlib.contextmanager
def draw_static(layers, figure: dict, worker: StaticWorker | None = None) -> Iterator:
    """Start drawing the static map of `layers`; yields a job whose ``result()`` gives
    its (PNG, SVG) bytes.

    The map is drawn by `worker` (a :func:`static_worker` block's) if given, else by a
    worker started now where :func:`can_fork`, else in-process by ``result()``. On leaving
    the block a map nobody collected is dropped: a worker of its own is killed, the
    shared worker is waited for (so it is free for the next build).
    """
    own = False
    if worker is not None and worker.drawing(layers.doc, figure):
        try:
            yield worker   # started by draw_early
        finally:
            if worker.busy:   # not collected: waited for, so the worker is free again
                with contextlib.suppress(Exception):
                    worker.result()
        return
    if worker is not None and worker.busy:   # an early map of other options: dropped
        with contextlib.suppress(Exception):
            worker.result()
    if worker is None and can_fork():
        worker, own = StaticWorker(), True
    if worker is not None:
        try:
            worker.submit(layers, figure)
        except (pickle.PicklingError, TypeError, AttributeError, OSError) as err:
            # layers that do not pickle (a caller's own subclass, say), or a worker that
            # is gone: drawn here
            log.debug("static map drawn in-process: %s", err)
            if own:
                worker.close()
            worker = None
    if worker is None:
        yield _InProcess(layers, figure)
        return
    try:
        yield worker
    finally:
        if own:
            worker.close()
        elif worker.busy:
            with contextlib.suppress(Exception):
                worker.result()
