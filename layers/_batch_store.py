"""The results cache of `claimmap batch`: one small JSON file per article, by content key.

A record holds what parsing one article gave: its ClaimsDoc (without the article's text,
which no layer needs) or the reason it failed. Records live under
``<out>/.claimmap-batch/<name>/results/<key[:2]>/<key>.json``; the key is a sha256 of the
article's bytes, its path in the batch folder, and the fingerprint of the code and
gazetteer that parse it (:func:`code_fingerprint`), so a record is reused exactly when
parsing the article again would give the same result.

Records are written atomically (a temporary file renamed into place), so a batch that is
killed leaves whole records or none, and the next run picks up where it stopped.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
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
    ``geo`` and ``layers`` packages (their ``.py`` files and ``geo/data``), so that a
    changed rule or a rebuilt gazetteer parses every article again, even between releases.
    """
    from importlib.metadata import PackageNotFoundError, version

    import geo
    import layers

    digest = hashlib.sha256(f"record {RECORD_FORMAT}\0".encode())
    try:
        digest.update(version("claimmap").encode())
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        digest.update(b"unknown")
    from geo.gazetteer import Gazetteer

    digest.update(b"\0" + str(Gazetteer.open().version).encode())
    for pkg in (geo, layers):
        root = Path(pkg.__file__).parent
        files = sorted([*root.glob("*.py"), *(root / "data").glob("*")])
        for f in files:
            if f.is_file():
                digest.update(b"\0" + f.relative_to(root.parent).as_posix().encode() + b"\0")
                digest.update(f.read_bytes())
    return digest.hexdigest()


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
                    "source": art.source, "path": art.path, "notes": list(art.notes)},
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
                      notes=tuple(a.get("notes") or ()))
    places = [PlaceRecord(**dict(zip(_PLACE_FIELDS, row))) for row in data["places"]]
    claims = [Claim(**dict(zip(_CLAIM_FIELDS, row))) for row in data["claims"]]
    return ClaimsDoc(article=article, places=places, claims=claims,
                     made_by=dict(data.get("made_by") or {}))


class ResultStore:
    """The per-article results of one batch name, on disk.

    Parameters
    ----------
    root : path
        ``<out>/.claimmap-batch/<name>``; made when the first record is written.
    """

    def __init__(self, root: str | os.PathLike):
        self.root = Path(root)
        self.results = self.root / "results"

    def path_for(self, key: str) -> Path:
        return self.results / key[:2] / f"{key}.json"

    def has(self, key: str) -> bool:
        return self.path_for(key).is_file()

    def put(self, key: str, record: dict | bytes) -> Path:
        """Write one record atomically; record is a dict or its JSON bytes."""
        path = self.path_for(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = record if isinstance(record, bytes) else encode_record(record)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        return path

    def get(self, key: str) -> dict | None:
        """The record of key, or None when there is none or it cannot be read."""
        path = self.path_for(key)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        try:
            record = json.loads(data)
        except ValueError:
            log.warning("damaged batch record %s; the article is parsed again", path)
            return None
        if record.get("format") != RECORD_FORMAT:
            return None
        return record

    def keys(self) -> Iterator[str]:
        """Every key with a record (in no particular order)."""
        if not self.results.is_dir():
            return
        for sub in self.results.iterdir():
            if sub.is_dir():
                for f in sub.glob("*.json"):
                    yield f.stem

    def prune(self, keep: Iterable[str]) -> int:
        """Delete the records not in keep (articles since changed or removed); how many."""
        keep = set(keep)
        gone = 0
        for key in list(self.keys()):
            if key not in keep:
                with contextlib.suppress(OSError):
                    self.path_for(key).unlink()
                    gone += 1
        if self.results.is_dir():
            for sub in self.results.iterdir():
                if sub.is_dir():
                    for tmp in sub.glob(".tmp-*"):   # left by a run that was killed
                        with contextlib.suppress(OSError):
                            tmp.unlink()
        return gone


def encode_record(record: dict) -> bytes:
    """A record as compact JSON."""
    # ASCII escapes: a file name that is not UTF-8 (surrogates) survives the round trip
    return json.dumps(record, separators=(",", ":")).encode("ascii")

