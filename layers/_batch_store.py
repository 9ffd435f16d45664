"""The results cache of `claimmap batch`: one JSON record per article, by content key, in SQLite.

A record holds what parsing one article gave: its ClaimsDoc (without the article's text,
which no layer needs) or the reason it failed. Records live in one SQLite database,
``<out>/.claimmap-batch/<name>/results.sqlite``; the key is a sha256 of the
article's bytes, its path in the batch folder, and the fingerprint of the code and
gazetteer that parse it (:func:`code_fingerprint`), so a record is reused exactly when
parsing the article again would give the same result.

Records are written a chunk at a time, each chunk in one transaction, so a batch that is
killed leaves whole records or none, and the next run picks up where it stopped.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import shutil
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from layers.model import Article, Claim, ClaimsDoc, PlaceRecord

__all__ = [
    "RECORD_FORMAT",
    "ResultStore",
    "article_key",
    "code_fingerprint",
    "doc_from_dict",
    "doc_to_dict",
    "encode_record",
]

log = logging.getLogger(__name__)

#: bumped when the record layout changes: older records are then parsed again
RECORD_FORMAT = 1

_PLACE_FIELDS = tuple(PlaceRecord.__dataclass_fields__)
_CLAIM_FIELDS = tuple(Claim.__dataclass_fields__)


def code_fingerprint() -> str:
    """What parsing depends on besides the article: claimmap's code and the gazetteer.

    The sha256 of the claimmap version, the gazetteer's version and the source of the
    ``geo`` and ``layers`` packages (every ``.py`` file, subfolders included, and the
    data files in ``data`` folders), so that a changed rule anywhere (``layers/text/``,
    ``geo/``) or a rebuilt gazetteer parses every article again, even between releases.
    """
    from importlib.metadata import PackageNotFoundError, version


    digest = hashlib.sha256(f"record {RECORD_FORMAT}\0".encode())
    try:
        digest.update(version("claimmap").encode())
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        digest.update(b"unknown")
    from geo.gazetteer import Gazetteer

    digest.update(b"\0" + str(Gazetteer.open().version).encode())
    for name, f in fingerprinted_files():
        digest.update(b"\0" + name.encode() + b"\0")
        digest.update(f.read_bytes())
    return digest.hexdigest()


def fingerprinted_files() -> list[tuple[str, Path]]:
    """The files `code_fingerprint` hashes, as (name, path): every ``.py`` module of
    ``geo`` and ``layers``, subpackages included, and their ``data`` folders' files."""
    import geo
    import layers

    out = []
    for pkg in (geo, layers):
        root = Path(pkg.__file__).parent
        for f in sorted([*root.rglob("*.py"), *root.rglob("data/*")]):
            if f.is_file() and "__pycache__" not in f.parts:
                out.append((f.relative_to(root.parent).as_posix(), f))
    return out


def article_key(raw: bytes, relpath: str, fingerprint: str) -> str:
    """The cache key of one article: its bytes, where it is, and what parses it."""
    digest = hashlib.sha256(fingerprint.encode())
    digest.update(b"\0" + relpath.encode("utf-8", "surrogateescape") + b"\0")
    digest.update(raw)
    return digest.hexdigest()


# ---------------------------------------------------------------------------- records

def doc_to_dict(doc: ClaimsDoc) -> dict:
    """A ClaimsDoc as plain JSON values (the article's text left out)."""
    art = doc.article
    return {
        "article": {"id": art.id, "title": art.title,
                    "published": art.published.isoformat() if art.published else None,
                    "source": art.source, "url": art.url, "path": art.path,
                    "notes": list(art.notes)},
        "places": [[getattr(p, f) for f in _PLACE_FIELDS] for p in doc.places],
        "claims": [[getattr(c, f) for f in _CLAIM_FIELDS] for c in doc.claims],
        "made_by": dict(doc.made_by),
    }


def doc_from_dict(data: dict) -> ClaimsDoc:
    """The ClaimsDoc of :func:`doc_to_dict` (its article with empty text)."""
    a = data["article"]
    article = Article(id=a["id"], text="", title=a.get("title") or "",
                      published=date.fromisoformat(a["published"]) if a.get("published") else None,
                      source=a.get("source") or "", path=a.get("path"),
                      notes=tuple(a.get("notes") or ()), url=a.get("url") or "")
    places = [PlaceRecord(**dict(zip(_PLACE_FIELDS, row))) for row in data["places"]]
    claims = [Claim(**dict(zip(_CLAIM_FIELDS, row))) for row in data["claims"]]
    return ClaimsDoc(article=article, places=places, claims=claims,
                     made_by=dict(data.get("made_by") or {}))


class ResultStore:
    """The per-article results of one batch name, on disk: a SQLite database.

    One table, ``records(key, data)``, in ``<root>/results.sqlite`` (WAL journal). A
    chunk's records go in one transaction, so a batch that is killed leaves whole chunks
    or none, and the next run picks up where it stopped. (Records were one JSON file each;
    creating a file costs about half a millisecond of the batch's own CPU on these
    machines, a transaction of a hundred rows a fraction of that.) A database that cannot
    be read is set aside and started afresh: the articles are parsed again.

    Parameters
    ----------
    root : path
        ``<out>/.claimmap-batch/<name>``; made when the first record is written.
    """

    FILE = "results.sqlite"

    def __init__(self, root: str | os.PathLike):
        self.root = Path(root)
        self.path = self.root / self.FILE
        self._db: sqlite3.Connection | None = None

    def _connect(self, create: bool) -> sqlite3.Connection | None:
        if self._db is not None:
            return self._db
        if not create and not self.path.exists():
            return None
        self.root.mkdir(parents=True, exist_ok=True)
        try:
            db = self._open()
        except sqlite3.DatabaseError as err:
            log.warning("damaged batch results cache %s (%s); starting a new one: its "
                        "articles are parsed again", self.path, err)
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(f"{self.path}{suffix}")
            db = self._open()
        old = self.root / "results"   # the one-file-per-record layout of earlier versions
        if old.is_dir():
            shutil.rmtree(old, ignore_errors=True)
        self._db = db
        return db

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=60, isolation_level=None,
                             check_same_thread=False)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("CREATE TABLE IF NOT EXISTS records "
                       "(key TEXT PRIMARY KEY, data BLOB NOT NULL) WITHOUT ROWID")
            db.execute("SELECT count(*) FROM records").fetchone()
        except BaseException:
            db.close()
            raise
        return db

    def close(self) -> None:
        """Close the database (a later call opens it again)."""
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> ResultStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def keys(self) -> set[str]:
        """Every key with a record."""
        db = self._connect(create=False)
        if db is None:
            return set()
        return {k for (k,) in db.execute("SELECT key FROM records")}

    def has(self, key: str) -> bool:
        db = self._connect(create=False)
        return db is not None and db.execute(
            "SELECT 1 FROM records WHERE key = ?", (key,)).fetchone() is not None

    def put(self, key: str, record: dict | bytes) -> None:
        """Write one record; record is a dict or its JSON bytes."""
        self.put_many([(key, record)])

    def put_many(self, items: Iterable[tuple[str, dict | bytes]]) -> int:
        """Write records in one transaction (all or none); how many."""
        rows = [(key, rec if isinstance(rec, bytes) else encode_record(rec))
                for key, rec in items]
        if not rows:
            return 0
        db = self._connect(create=True)
        with _transaction(db):
            db.executemany("INSERT OR REPLACE INTO records (key, data) VALUES (?, ?)", rows)
        return len(rows)

    def get(self, key: str) -> dict | None:
        """The record of key, or None when there is none or it cannot be read."""
        db = self._connect(create=False)
        if db is None:
            return None
        try:
            row = db.execute("SELECT data FROM records WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError as err:
            log.warning("damaged batch record %s in %s (%s); the article is parsed again",
                        key, self.path, err)
            return None
        if row is None:
            return None
        try:
            record = json.loads(row[0])
        except ValueError:
            log.warning("damaged batch record %s in %s; the article is parsed again", key,
                        self.path)
            return None
        if not isinstance(record, dict) or record.get("format") != RECORD_FORMAT:
            return None
        return record

    def delete(self, keys: Iterable[str]) -> int:
        """Delete the records of keys; how many there were."""
        keys = list(keys)
        db = self._connect(create=False)
        if db is None or not keys:
            return 0
        with _transaction(db):
            before = db.total_changes
            db.executemany("DELETE FROM records WHERE key = ?", [(k,) for k in keys])
            return db.total_changes - before

    def prune(self, keep: Iterable[str]) -> int:
        """Delete the records not in keep (articles since changed or removed); how many."""
        keep = set(keep)
        return self.delete(k for k in self.keys() if k not in keep)


@contextlib.contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[None]:
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def encode_record(record: dict) -> bytes:
    """A record as compact JSON."""
    # ASCII escapes: a file name that is not UTF-8 (surrogates) survives the round trip
    return json.dumps(record, separators=(",", ":")).encode("ascii")

