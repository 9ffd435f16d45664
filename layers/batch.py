"""`claimmap batch`: every article under a folder into one merged set of layers, on Dask.

:func:`run_batch` works in four steps:

1. **Find** every article under the folder (recursively; ``.txt``, ``.md``, ``.html`` and
   their variants; hidden folders and the output folder are skipped). Each gets an id from
   its path in the folder (``sub/a.txt`` -> ``sub-a``) and a content key (see
   :mod:`layers._batch_store`).
2. **Parse** the articles whose key has no record yet, in parallel on Dask: a
   ``dask.distributed.LocalCluster`` of ``workers`` processes with one thread each, or the
   cluster of the scheduler at ``scheduler``. Articles go out in chunks (many per task, so
   the per-task overhead stays small) and only a few chunks per worker are in flight at a
   time; each chunk's records stream back and are written to the results cache as they
   come, so memory does not grow with the folder. One bad article (empty, undecodable,
   anything its parse raises) is recorded with its reason and never stops the batch; a
   chunk whose worker dies is retried one article per task, so only the culprit fails.
3. **Merge** the records, read back one at a time in order of article id
   (:mod:`layers.merge`): one place per gazetteer entry, every claim with its article,
   figures corroborated or contested across articles.
4. **Write** the SPEC's files named after the folder (or ``name``) with
   :meth:`layers.builder.Layers.write` (atomically), then drop the records of articles no
   longer in the folder. ``NAME.claims.yaml`` is the merged claims file as built (the
   format ``extract`` writes, dumped by the fast writer of
   :mod:`layers.claimsfile._fastdump`); ``claimmap build`` reads it back, but the format holds
   one article, so a rebuilt merged file names the batch as every claim's article (the
   claim ids keep their article's id as prefix). With ``maps=False`` only the data files
   are written (drawing the static map of thousands of places takes long).

A rerun over the same folder parses only new or changed articles. With nothing changed and
the files of the last run still in place (same sizes, same modification times), it writes
nothing and says so.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import math
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from geo.exc import BadInput

__all__ = ["ARTICLE_SUFFIXES", "BatchSummary", "find_articles", "parse_chunk", "run_batch"]

log = logging.getLogger(__name__)

#: the files batch reads as articles
ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml")
#: where, under the output folder, the per-article results are kept
CACHE_DIR = ".claimmap-batch"
#: at most this many articles in one task
MAX_CHUNK = 100
#: chunks in flight per worker thread
_IN_FLIGHT_PER_WORKER = 3


@dataclass(frozen=True)
class _Job:
    path: str          # absolute path of the article
    relpath: str       # its path in the batch folder (POSIX)
    article_id: str
    key: str


@dataclass
class BatchSummary:
    """What a batch did.

    Attributes
    ----------
    name : str
        The slug of the merged files.
    directory, out : str
        The folder of articles and the output folder.
    articles : int
        Articles found under the folder.
    parsed : int
        Articles parsed by this run (the rest came from the results cache).
    reused : int
        Articles whose earlier result was reused.
    merged : int
        Articles merged into the layers (found minus failed).
    failures : list of (str, str)
        (path in the folder, reason) of each article that failed, in order of path.
    counts : dict
        Feature count of each merged layer.
    corroborated, contested : int
        Claims corroborated by / contested across (or within) articles.
    files : list of Path
        Files written (empty when nothing changed since the last run).
    unchanged : bool
        Nothing needed parsing and the files of the last run were still in place, so
        nothing was written.
    seconds : dict
        Time spent finding, parsing, merging and writing.
    workers : int
        Worker threads that parsed (0 when nothing needed parsing).
    scheduler : str
        "local" or the scheduler's address.
    """

    name: str
    directory: str
    out: str
    articles: int = 0
    parsed: int = 0
    reused: int = 0
    merged: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    corroborated: int = 0
    contested: int = 0
    files: list[Path] = field(default_factory=list)
    unchanged: bool = False
    seconds: dict[str, float] = field(default_factory=dict)
    workers: int = 0
    scheduler: str = "local"

    @property
    def failed(self) -> int:
        return len(self.failures)

    def describe(self) -> str:
        """A few lines for a person: articles, features, failures and time."""
        c = self.counts
        total = sum(self.seconds.values())
        rate = (f", {self.parsed / self.seconds['parse']:.1f} articles/s on {self.workers} "
                f"workers ({self.scheduler})"
                if self.parsed and self.seconds.get("parse") else "")
        lines = [
            (f"batch {self.name!r}: {self.articles} articles under {self.directory}: "
             f"{self.parsed} parsed, {self.reused} reused, {self.failed} failed{rate}"),
            (f"  merged {self.merged} articles: {c.get('places', 0)} places, "
             f"{c.get('claims', 0)} claims ({self.corroborated} corroborated, "
             f"{self.contested} contested), {c.get('links', 0)} links, "
             f"{c.get('regions', 0)} regions"),
        ]
        if self.unchanged:
            lines.append(f"  nothing changed: the files of {self.name!r} in {self.out} are "
                         f"up to date ({total:.1f} s)")
        else:
            lines.append(f"  wrote {len(self.files)} files to {self.out} in {total:.1f} s ("
                         + ", ".join(f"{k} {v:.1f} s" for k, v in self.seconds.items()) + ")")
        if self.failures:
            lines.append("  failed:")
            lines += [f"    {path}: {reason}" for path, reason in self.failures]
        return "\n".join(lines)


# ---------------------------------------------------------------------------- finding

def find_articles(directory: str | os.PathLike, *, exclude: str | os.PathLike | None = None
                  ) -> list[Path]:
    """Every article file under directory, sorted by path.

    Hidden files and folders (a name starting with ".") are skipped, and so is everything
    under exclude (the output folder, when it is inside the batch folder).
    """
    root = Path(directory)
    skip = Path(exclude).resolve() if exclude is not None else None
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".")
                             and (skip is None or (here / d).resolve() != skip))
        for f in filenames:
            if not f.startswith(".") and os.path.splitext(f)[1].lower() in ARTICLE_SUFFIXES:
                found.append(here / f)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def _article_ids(relpaths: list[str]) -> list[str]:
    """An id per article: the slug of its path without suffix (with it where two clash)."""
    from layers.text.article import slugify

    ids = [slugify(os.path.splitext(r)[0]) for r in relpaths]
    seen: dict[str, int] = {}
    for i in ids:
        seen[i] = seen.get(i, 0) + 1
    out = []
    for r, i in zip(relpaths, ids):
        out.append(slugify(r) if seen[i] > 1 else i)
    if len(set(out)) != len(out):  # pragma: no cover - slugify maps two paths to one id
        out = [f"{i}-{hashlib.sha256(r.encode()).hexdigest()[:6]}" for r, i in zip(relpaths, out)]
    return out


def _jobs(root: Path, files: list[Path], fingerprint: str) -> list[_Job]:
    from layers._batch_store import article_key

    relpaths = [f.relative_to(root).as_posix() for f in files]
    jobs = []
    for f, rel, aid in zip(files, relpaths, _article_ids(relpaths)):
        try:
            raw = f.read_bytes()
        except OSError as err:
            raw = f"unreadable: {err}".encode()   # a key all the same; the parse reports it
        jobs.append(_Job(str(f.resolve()), rel, aid, article_key(raw, rel, fingerprint)))
    return jobs


# ---------------------------------------------------------------------------- parsing

def _parse_one(path: str, relpath: str, article_id: str, raw: bytes | None) -> dict:
    """Read and extract one article; its record (never raises for the article's faults)."""
    from layers._batch_store import RECORD_FORMAT, doc_to_dict
    from layers.text.article import read_article
    from layers.text.claims import extract

    record = {"format": RECORD_FORMAT, "relpath": relpath, "article_id": article_id}
    try:
        if raw is None:
            article = read_article(path)
        else:  # the worker may not see the driver's files: read the bytes sent along
            with tempfile.TemporaryDirectory(prefix="claimmap-batch-") as tmp:
                local = Path(tmp) / Path(relpath).name
                local.write_bytes(raw)
                article = read_article(local)
        # its path in the batch folder: the same however the folder was typed, no folder
        # of the user's machine in the outputs, and two "a.txt" in two subfolders told apart
        article.path = relpath
        article.id = article_id
        doc = extract(article)
    except BadInput as err:  # the article's own fault: cached, reported on every run
        where = f"line {err.line}: " if err.line is not None else ""
        field = f" (field {err.field!r})" if err.field else ""
        return {**record, "ok": False, "error": f"{where}{err.message}{field}", "cache": True}
    except Exception as err:  # noqa: BLE001 - one bad article never stops the batch
        log.debug("%s failed:\n%s", relpath, traceback.format_exc())
        return {**record, "ok": False, "cache": False,
                "error": f"{type(err).__name__}: {err}".rstrip(": ")}
    return {**record, "ok": True, "cache": True, "doc": doc_to_dict(doc)}


def parse_chunk(items: list[tuple]) -> list[tuple[str, bool, str, bytes]]:
    """Parse a chunk of articles on a worker.

    Parameters
    ----------
    items : list of tuple
        (path, relpath, article_id, key, raw bytes or None) per article.

    Returns
    -------
    list of (key, cacheable, error, record JSON bytes)
    """
    from layers._batch_store import encode_record

    out = []
    for path, relpath, article_id, key, raw in items:
        record = _parse_one(path, relpath, article_id, raw)
        cache = record.pop("cache")
        out.append((key, cache, record.get("error", ""), encode_record(record)))
    return out


@contextlib.contextmanager
def _client(scheduler: str | None, workers: int | None) -> Iterator:
    """A dask.distributed Client: to scheduler, or to a new LocalCluster of processes."""
    from dask.distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout="10s", set_as_default=False)
        except (OSError, TimeoutError) as err:
            raise BadInput(f"cannot reach this Dask scheduler ({err})", path=scheduler) from err
        with client:
            yield client
        return
    n = local_workers(workers)
    # ^C reaches every process of the terminal's group: the cluster's processes ignore it
    # (an ignored signal stays ignored in the processes they start), so only this one
    # stops, closes the cluster and says so in one line, instead of a traceback from
    # every worker
    with _sigint_ignored():
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                               dashboard_address=":0", silence_logs=logging.ERROR)
    # distributed applies `silence_logs` only while the cluster starts: its nanny's
    # "still alive, killing" warnings at shutdown (after ^C, or on a loaded machine) would
    # reach the user's terminal, so its loggers stay at ERROR until the cluster is closed
    # (and CRITICAL once interrupted: the one line cli prints says it all)
    quiet = logging.getLogger("distributed")
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        with cluster, Client(cluster, set_as_default=False) as client:
            try:
                yield client
            except KeyboardInterrupt:
                quiet.setLevel(logging.CRITICAL)
                raise
    finally:
        quiet.setLevel(level)


@contextlib.contextmanager
def _sigint_ignored() -> Iterator[None]:
    """SIGINT ignored while the block runs (in the main thread; elsewhere a no-op)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, old)


#: most local worker processes per core: parsing is CPU-bound, and each process costs some
#: 300 MB and seconds of start-up (64 on two cores did not all start in Dask's 30 s)
WORKERS_PER_CORE = 2


def local_workers(asked: int | None) -> int:
    """How many worker processes a local cluster gets: `asked` (default: one per core), at
    most ``WORKERS_PER_CORE`` per core (said in a warning when fewer than asked)."""
    cores = _cores()
    n = asked or cores
    most = WORKERS_PER_CORE * cores
    if n > most:
        log.warning("--workers %d is more than this machine runs well (%d cores): using %d",
                    n, cores, most)
        n = most
    return n


def _cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _chunks(jobs: list[_Job], n_threads: int) -> list[list[_Job]]:
    size = max(1, min(MAX_CHUNK, math.ceil(len(jobs) / (n_threads * 4))))
    return [jobs[i:i + size] for i in range(0, len(jobs), size)]


def _progress(total: int, enabled: bool):
    """A rich progress bar on stderr (articles done, rate, time left), or a no-op."""
    if not enabled:
        return contextlib.nullcontext(None)
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    class _Rate(TextColumn):
        def render(self, task):
            from rich.text import Text
            speed = task.finished_speed or task.speed
            return Text(f"{speed:.1f} articles/s" if speed else "", style="progress.data.speed")

    return Progress(TextColumn("parsing"), BarColumn(), MofNCompleteColumn(),
                    TaskProgressColumn(), _Rate(""), TimeElapsedColumn(), TextColumn("elapsed"),
                    TimeRemainingColumn(), TextColumn("left"),
                    console=Console(stderr=True), transient=False)


def _parse_all(jobs: list[_Job], store, *, scheduler: str | None, workers: int | None,
               progress: bool) -> tuple[int, dict[str, str]]:
    """Parse jobs on Dask, writing each record to store as it comes back.

    Returns the number of worker threads and {key: reason} of the failures not cached.
    """
    from dask.distributed import as_completed

    send_bytes = bool(scheduler)
    uncached: dict[str, str] = {}
    with _client(scheduler, workers) as client:
        n_threads = sum(client.nthreads().values())
        if n_threads == 0:
            client.wait_for_workers(1, timeout=60)
            n_threads = sum(client.nthreads().values())
        log.info("parsing %d articles on %d Dask workers", len(jobs), n_threads)

        def submit(chunk: list[_Job]):
            items = [(j.path, j.relpath, j.article_id, j.key,
                      Path(j.path).read_bytes() if send_bytes else None) for j in chunk]
            fut = client.submit(parse_chunk, items, pure=False)
            pending[fut.key] = chunk
            return fut

        queue = _chunks(jobs, n_threads)
        queue.reverse()   # pop() from the end: the first chunks go first
        pending: dict[str, list[_Job]] = {}
        limit = max(2, n_threads * _IN_FLIGHT_PER_WORKER)
        stream = as_completed([submit(queue.pop()) for _ in range(min(limit, len(queue)))],
                              loop=client.loop)
        with _progress(len(jobs), progress) as bar:
            task = bar.add_task("parse", total=len(jobs)) if bar is not None else None
            for fut in stream:
                chunk = pending.pop(fut.key)
                try:
                    results = fut.result()
                except Exception as err:  # noqa: BLE001 - a worker died or the task failed
                    if len(chunk) > 1:
                        log.warning("a chunk of %d articles failed (%s); retrying them one "
                                    "by one", len(chunk), err)
                        queue.extend([[j] for j in reversed(chunk)])
                    else:
                        reason = f"{type(err).__name__}: {err}".rstrip(": ")
                        store.put(chunk[0].key, _failure(chunk[0], reason))
                        uncached[chunk[0].key] = reason
                        if bar is not None:
                            bar.advance(task)
                    results = []
                finally:
                    fut.release()
                store.put_many((key, data) for key, _cacheable, _error, data in results)
                uncached.update((key, error) for key, cacheable, error, _data in results
                                if not cacheable)
                if bar is not None and results:
                    bar.advance(task, len(results))
                while queue and len(pending) < limit:
                    stream.add(submit(queue.pop()))
    return n_threads, uncached


def _failure(job: _Job, reason: str) -> dict:
    from layers._batch_store import RECORD_FORMAT

    return {"format": RECORD_FORMAT, "relpath": job.relpath, "article_id": job.article_id,
            "ok": False, "error": reason}


# ---------------------------------------------------------------------------- the batch

def _state_digest(jobs: list[_Job], name: str, maps: bool, borders: str) -> str:
    digest = hashlib.sha256(f"{name}\0{int(maps)}\0{borders}".encode())
    for j in jobs:
        digest.update(f"\0{j.key}".encode())
    return digest.hexdigest()


def _files_state(paths: list[Path]) -> list[list]:
    out = []
    for p in paths:
        st = p.stat()
        out.append([p.name, st.st_size, st.st_mtime_ns])
    return out


def _up_to_date(state_file: Path, out: Path, digest: str) -> dict | None:
    """The last run's state when it merged the same records and its files are untouched."""
    try:
        state = json.loads(state_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if state.get("digest") != digest:
        return None
    try:
        now = _files_state([out / name for name, _size, _mtime in state.get("files", [])])
    except OSError:
        return None
    return state if now == state.get("files") else None


def run_batch(directory: str | os.PathLike, *, out: str | os.PathLike = "output",
              scheduler: str | None = None, workers: int | None = None,
              name: str | None = None, maps: bool = True,
              progress: bool | None = None, borders: str | None = None) -> BatchSummary:
    """Parse every article under directory on Dask and write one merged set of layers.

    Parameters
    ----------
    directory : str or path-like
        The folder of articles (searched recursively for .txt, .md and .html files).
    out : str or path-like
        Where the merged files go; the results cache is ``out/.claimmap-batch/<name>/``.
    scheduler : str, optional
        Address of a dask.distributed scheduler (``tcp://host:8786``); its workers must
        have claimmap installed. Default: a local cluster.
    workers : int, optional
        Processes of the local cluster (one thread each); default the usable cores.
    name : str, optional
        Slug of the merged files; default the folder's name.
    maps : bool
        Also draw the maps (HTML, PNG/SVG, report), as ``build`` does.
    progress : bool, optional
        Show a progress bar on stderr; default when stderr is a terminal.
    borders : {"recognised", "de-facto"}, optional
        Country borders of the merged layers and maps, as ``build --borders``:
        internationally recognised by default (occupied areas marked), or as held.

    Returns
    -------
    BatchSummary

    Raises
    ------
    geo.exc.BadInput
        The folder is missing or holds no article, or no article could be parsed.
    """
    from layers._batch_store import ResultStore
    from geo.outlines import check_borders
    from layers.text.article import slugify

    t0 = time.perf_counter()
    borders = check_borders(borders)
    root = Path(directory)
    if not root.is_dir():
        raise BadInput("is not a folder", path=str(directory))
    out = Path(out)
    name = slugify(name or root.resolve().name)
    if workers is not None and workers < 1:
        raise BadInput(f"--workers must be at least 1, not {workers}", field="workers")
    files = find_articles(root, exclude=out)
    if not files:
        raise BadInput("holds no articles (" + ", ".join(ARTICLE_SUFFIXES) + ")",
                       path=str(directory))
    summary = BatchSummary(name=name, directory=str(directory), out=str(out),
                           articles=len(files), scheduler=scheduler or "local")
    with ResultStore(out / CACHE_DIR / name) as store:
        return _run(root, out, name, files, store, summary, scheduler=scheduler,
                    workers=workers, maps=maps, progress=progress, t0=t0, borders=borders)


def _run(root: Path, out: Path, name: str, files: list[Path], store, summary: BatchSummary,
         *, scheduler, workers, maps, progress, t0: float, borders: str) -> BatchSummary:
    from layers._batch_store import code_fingerprint, doc_from_dict

    jobs = _jobs(root, files, code_fingerprint())
    have = store.keys()
    todo = [j for j in jobs if j.key not in have]
    summary.seconds["find"] = time.perf_counter() - t0

    uncached: dict[str, str] = {}
    if todo:
        t = time.perf_counter()
        show = sys.stderr.isatty() if progress is None else progress
        summary.workers, uncached = _parse_all(todo, store, scheduler=scheduler,
                                               workers=workers, progress=show)
        summary.seconds["parse"] = time.perf_counter() - t
    summary.parsed = len(todo)
    summary.reused = len(jobs) - len(todo)

    state_file = store.root / "last-run.json"
    digest = _state_digest(jobs, name, maps, borders)
    last = None if todo else _up_to_date(state_file, out, digest)
    if last is not None:
        summary.unchanged = True
        summary.merged, summary.counts = last["merged"], last["counts"]
        summary.corroborated, summary.contested = last["corroborated"], last["contested"]
        summary.failures = [tuple(f) for f in last["failures"]]
    else:
        t = time.perf_counter()
        layers, merged = _merge(jobs, store, name, summary, doc_from_dict, borders)
        summary.counts = layers.counts()
        summary.corroborated, summary.contested = merged.corroborated, merged.contested
        summary.seconds["merge"] = time.perf_counter() - t
        t = time.perf_counter()
        summary.files = layers.write(out, maps=maps)
        summary.seconds["write"] = time.perf_counter() - t
        if not uncached:
            _save_state(state_file, digest, summary)
    # failures that are not the article's fault (a worker died) are tried again next time
    store.delete(uncached)
    store.prune(j.key for j in jobs if j.key not in uncached)
    log.debug("%s", summary.describe())
    return summary


def _save_state(state_file: Path, digest: str, summary: BatchSummary) -> None:
    """Remember what this run merged and wrote, for the next run's up-to-date check."""
    state = {"digest": digest, "files": _files_state(summary.files), "merged": summary.merged,
             "counts": summary.counts, "corroborated": summary.corroborated,
             "contested": summary.contested, "failures": [list(f) for f in summary.failures]}
    from layers.io.writers import atomic_write

    def write(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(state, fh)

    atomic_write(state_file, write)


def _merge(jobs: list[_Job], store, name: str, summary: BatchSummary, doc_from_dict,
           borders: str):
    """Read the records back one at a time, in order of article id, and merge them."""
    from layers.merge import Merger, merged_layers

    merger = Merger()
    for job in sorted(jobs, key=lambda j: j.article_id):
        record = store.get(job.key)
        if record is None:
            summary.failures.append((job.relpath, "its result was lost (cache damaged)"))
            continue
        if not record.get("ok"):
            summary.failures.append((job.relpath, record.get("error") or "failed"))
            continue
        merger.add(doc_from_dict(record["doc"]))
        summary.merged += 1
    summary.failures.sort()
    if not summary.merged:
        first = "; ".join(f"{p}: {r}" for p, r in summary.failures[:3])
        raise BadInput(f"no article could be parsed ({len(summary.failures)} failed: {first})",
                       path=summary.directory)
    merged = merger.finish(name, title=f"{name}: {summary.merged} articles")
    return merged_layers(merged, borders=borders), merged
