"""The offline gazetteer: every populated place, admin area (two levels) and country, by any name.

`Gazetteer.open()` returns the process-wide gazetteer, building its index into the cache
on first use (see `geo._index` for what is indexed and how the cache is kept safe).
Look-ups go through name keys (`geo.namekey.normalize`):

- `Gazetteer.has_name` / `Gazetteer.candidates`: context-free, for the geoparser;
- `Gazetteer.geocode`: ranked answers for a name as a person writes it, with optional
  country, nearby place and date context (renamed places).

Ranking
-------
Every candidate starts from a prior: how the key names it (primary name or one of an
area's own names with its type word 2.0, an area's bare name with a type word added
("Donetsk region") 1.6, variant spelling of the primary name 1.6, other alternate name
1.0, an area's bare name 1.0, former name 0.6, a second-level area's name without its type
word -2.0 ("Somerset", "Henry" for Henry County: after any town of the name until the
article supports it)), its kind (countries +3, curated
facilities +1) and 0.6 times the log10 of its population. An area whose bare name also
names a place inside it gets -1.5, so "Donetsk" is the city and "Donetsk region" the
oblast; a made-up phrasing gets -1 where another area is really called so ("Kyiv Oblast"
is the oblast, not the city of Kyiv).

Context adds to it: ``country=`` +5 for entries in that country; ``near=`` up to +3,
falling off with distance (e-fold 150 km); ``date=`` turns a former name into the current
one before the renaming (+1.4), and after it hands a former city name that is now the name
of an area (Dnipropetrovsk since 2016-05-19) to the area (+3), keeping the city listed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import json
import logging
import math
import mmap
import os
import shutil
import sys
import tempfile
import threading
import time
from bisect import bisect_left, bisect_right
from pathlib import Path

from geo import _index as ix
from geo.exc import BadInput, GazetteerError, PlaceNotFound
from geo.model import Candidate, Place
from geo.namekey import normalize

__all__ = ["Gazetteer", "default_cache_dir"]

log = logging.getLogger(__name__)

_KINDS = {v: k for k, v in ix.KIND_CODES.items()}
# The prior (see geo._index.base_prior): the index stores each key's postings ranked,
# with the penalty each gets; a look-up adds the terms up and explains them: "<how the
# key names it> '<key>'", the penalty if any, the entry.
_MATCH_PRIOR = [ix.MATCH_PRIOR[m] for m in range(len(ix.MATCH_NAMES))]
_MATCH_WHY = [f"{ix.MATCH_NAMES[m]} " for m in range(len(ix.MATCH_NAMES))]
_KIND_WHY = [f"{_KINDS[k]}, population " for k in range(len(_KINDS))]
_NOTE_PENALTY = [0.0, ix.AREA_SHORT_PENALTY, ix.MADE_UP_PENALTY]
_NOTE_WHY = {
    ix.NOTE_INNER_PLACE: f"a place inside the area has this name ({ix.AREA_SHORT_PENALTY:g})",
    ix.NOTE_MADE_UP: f"another area is called so ({ix.MADE_UP_PENALTY:g})",
}
_COUNTRY_BOOST = 5.0
_NEAR_BOOST, _NEAR_EFOLD_KM = 3.0, 150.0
_BEFORE_RENAMING_BOOST = 1.4
_AREA_AFTER_RENAMING_BOOST = 3.0
#: longest name, in tokens, the geoparser should try (longer keys exist but are rare
#: descriptive forms no article writes: "el tarter principau dandorra")
_MAX_TOKENS_CAP = 6

#: decoded entries kept per process (an entry is ~0.5 kB with its strings)
_PLACE_CACHE_MAX = 200_000
_unpack_record, _RECORD_SIZE = ix.RECORD.unpack_from, ix.RECORD.size
_SHIFT = ix.POSTING_SHIFT


def _fast_constructor(cls):
    """A function building instances of the frozen, slotted dataclass `cls` from the
    same arguments as ``cls(...)``, equal to what ``cls(...)`` builds, in about 2/3 of
    the time: it sets each slot through its descriptor, where the generated ``__init__``
    of a frozen class calls ``object.__setattr__`` by name per field. `cls` itself is
    returned for a class it cannot serve (``default_factory``, ``__post_init__``,
    init=False fields, no slots)."""
    fields = dataclasses.fields(cls)
    if (not getattr(cls, "__slots__", None) or hasattr(cls, "__post_init__")
            or any(not f.init or f.default_factory is not dataclasses.MISSING
                   for f in fields)):
        return cls
    params, body, outer = [], [], ["_new", "_cls"]
    env: dict = {"_new": object.__new__, "_cls": cls}
    for k, f in enumerate(fields):
        env[f"_set{k}"] = getattr(cls, f.name).__set__
        outer.append(f"_set{k}")
        if f.default is dataclasses.MISSING:
            params.append(f.name)
        else:
            env[f"_default{k}"] = f.default
            outer.append(f"_default{k}")
            params.append(f"{f.name}=_default{k}")
        body.append(f"        _set{k}(self, {f.name})")
    src = (f"def make({', '.join(outer)}):\n"
           f"    def new_{cls.__name__}({', '.join(params)}):\n"
           f"        self = _new(_cls)\n" + "\n".join(body) + "\n        return self\n"
           f"    return new_{cls.__name__}\n")
    scope: dict = {}
    exec(src, {}, scope)  # noqa: S102 - source built above from the class's own fields
    return scope["make"](**env)


_new_place = _fast_constructor(Place)
_new_candidate = _fast_constructor(Candidate)

# map the index files with their pages already present: look-ups then take no page
# faults (a few ms at open for ~20 MB)
_MAP_FLAGS = mmap.MAP_SHARED | getattr(mmap, "MAP_POPULATE", 0)

#: the file inside a folder an index build writes into: the build's own
_BUILD_MARKER = ".claimmap-index-build"


def _say(line: str) -> None:
    """One line on stderr (the index build's progress: the first run's 30 s or so)."""
    try:
        print(line, file=sys.stderr, flush=True)
    except (OSError, ValueError):  # pragma: no cover - stderr closed
        pass


class _Progress:
    """The index build's stages on stderr, a line each, when it is a terminal (the
    final line, which says what was built, is printed in any case)."""

    def __init__(self) -> None:
        try:
            self.tty = sys.stderr.isatty()
        except (AttributeError, ValueError):  # pragma: no cover
            self.tty = False
        if self.tty:
            _say("claimmap: indexing the gazetteer (first run only, about 30 s)")

    def __call__(self, stage: str, done: int, total: int, entries: int) -> None:
        if self.tty:
            _say(f"claimmap:   {100 * done // total:3d}%  {stage} ({entries:,} entries so far)")


def _remove_killed_builds(root: Path, fp: str) -> None:
    """Remove the folders index builds were killed in: this index's (its lock is held,
    so no build of it runs), and another's whose lock is free. Only folders holding an
    index build's marker."""
    from filelock import FileLock, Timeout

    for stale in root.glob(".build-*"):
        if not stale.is_dir() or stale.is_symlink() or not (stale / _BUILD_MARKER).is_file():
            continue
        other = stale.name[len(".build-"):].rsplit("-", 1)[0]
        if other == fp:
            log.info("removing %s, left by an interrupted index build", stale)
            shutil.rmtree(stale, ignore_errors=True)
            continue
        try:
            with FileLock(str(root / f"{other}.lock"), timeout=0):
                log.info("removing %s, left by an interrupted index build", stale)
                shutil.rmtree(stale, ignore_errors=True)
        except Timeout:
            pass   # being built now by another process


def _stamp(st: os.stat_result) -> tuple:
    """What changes when a file's bytes are written (not when it is renamed or deleted:
    a process that has it open reads the same bytes then)."""
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def default_cache_dir() -> Path:
    """``$CLAIMMAP_CACHE`` if set, else the platform's user cache dir for claimmap."""
    env = os.environ.get("CLAIMMAP_CACHE")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("claimmap", appauthor=False))


def _as_date(value, what="date") -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise BadInput(f"{value!r} is not a date in the form YYYY-MM-DD", field=what) from None


class Gazetteer:
    """The index, opened read-only. Use `Gazetteer.open`, not the constructor.

    Safe to share between threads and across fork: everything it reads is a read-only
    memory map of the index files.
    """

    _instances: dict[tuple, Gazetteer] = {}
    _instances_lock = threading.Lock()

    def __init__(self, folder: Path, manifest: dict,
                 paths: dict[str, Path] | None = None) -> None:
        import marisa_trie

        self.folder = Path(folder)
        self.manifest = manifest
        #: file name -> where it is read from (see `_load`)
        paths = {name: (paths or {}).get(name) or self.folder / name
                 for name in (*ix.FILES, "manifest.json")}
        self._opened: dict[str, int] = {}
        self._stamps: dict[str, tuple] = {}
        #: source data versions and index format (goes into manifests)
        self.version: str = manifest["version"]
        #: longest name in tokens worth trying
        self.max_name_tokens: int = min(int(manifest["max_name_tokens"]), _MAX_TOKENS_CAP)
        self._trie = marisa_trie.Trie()
        self._trie.mmap(str(paths["names.marisa"]))
        with open(paths["postings.bin"], "rb") as fh:
            self._mm = mmap.mmap(fh.fileno(), 0, flags=_MAP_FLAGS, prot=mmap.PROT_READ)
        n_keys = manifest["counts"]["keys"]
        words = memoryview(self._mm)[ix.POSTINGS_HEADER.size:].cast("I")
        self._offsets = words[: n_keys + 1]
        self._postings = words[n_keys + 1:]
        with open(paths["records.bin"], "rb") as fh:
            self._rm = mmap.mmap(fh.fileno(), 0, flags=_MAP_FLAGS, prot=mmap.PROT_READ)
        n = manifest["counts"]["entries"]
        start = ix.RECORDS_HEADER.size
        self._records = memoryview(self._rm)[start: start + n * ix.RECORD.size]
        start += n * ix.RECORD.size
        self._str_offsets = memoryview(self._rm)[start: start + 4 * (n + 1)].cast("I")
        self._blob = memoryview(self._rm)[start + 4 * (n + 1):]
        with open(paths["lookup.bin"], "rb") as fh:
            self._lm = mmap.mmap(fh.fileno(), 0, flags=_MAP_FLAGS, prot=mmap.PROT_READ)
        _, _, n_ids, n_lat = ix.LOOKUP_HEADER.unpack_from(self._lm)
        view = memoryview(self._lm)
        start = ix.LOOKUP_HEADER.size
        self._lats = view[start: start + 8 * n_lat].cast("d")
        start += 8 * n_lat
        self._gids = view[start: start + 4 * n_ids].cast("i")
        self._gid_idx = view[start + 4 * n_ids: start + 8 * n_ids].cast("I")
        self._lat_idx = view[start + 8 * n_ids:].cast("I")
        self._lookup = json.loads(paths["lookup.json"].read_text(encoding="utf-8"))
        self._strings: list[str] = self._lookup["strings"]
        #: record number -> (the entry, its `geo._index.base_prior`, the ``why`` line
        #: describing it)
        self._places: dict[int, tuple[Place, float, str]] = {}
        self._cands: dict[str, tuple[Candidate, ...]] = {}
        self._renames: dict[str, list[tuple]] | None = None

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, cache_dir: str | os.PathLike | None = None, *,
             sources: ix.Sources | None = None) -> Gazetteer:
        """The process-wide gazetteer for `cache_dir`, building its index if needed.

        Parameters
        ----------
        cache_dir : path, optional
            Where the index lives; default `default_cache_dir` (``$CLAIMMAP_CACHE`` or the
            user cache dir).
        sources : geo._index.Sources, optional
            Other data files than the installed ones (tests build small indexes this
            way); see `geo._index.find_sources`. They are part of the cache key.

        Raises
        ------
        BadInput
            A curated CSV is malformed (names the file and line).
        GazetteerError
            The source data cannot be found or the index cannot be written.
        """
        cache = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        sources = sources or ix.find_sources()
        fp = sources.fingerprint()
        key = (str(cache.resolve()), fp)
        with cls._instances_lock:
            gaz = cls._instances.get(key)
            if gaz is not None and not gaz.unchanged():
                # another process wrote into the files in place: what this process read
                # before and what it would read now are two indexes. Fail rather than
                # make a map of both; the next command opens the index anew.
                del cls._instances[key]
                raise GazetteerError(
                    f"the gazetteer index {gaz.folder} was overwritten while this command "
                    "read it; nothing was written: run the command again")
            if gaz is None:
                gaz = cls._instances[key] = cls._load_or_build(cache / "gazetteer", fp, sources)
            return gaz

    @classmethod
    def _load(cls, folder: Path) -> Gazetteer:
        """Open a checked index folder; any flaw is a `GazetteerError`.

        Every file is opened once, first; the check and the reading both go through those
        open files (``/proc/self/fd/N`` where the system has it), so an index replaced
        meanwhile (a rebuild by another process) cannot mix into this one, and
        `unchanged` tells when one was overwritten in place while in use.
        """
        opened: dict[str, int] = {}
        try:
            for name in (*ix.FILES, "manifest.json"):
                try:
                    opened[name] = os.open(folder / name, os.O_RDONLY)
                except OSError as err:
                    raise GazetteerError(f"{folder / name}: missing ({err})") from err
            # stamped before anything is read: a write that lands while the check or the
            # maps below read the files changes the stamp, so `unchanged` sees it (stamped
            # after, it would take the written file for the one that was checked)
            stamps = {name: _stamp(os.fstat(fd)) for name, fd in opened.items()}
            paths = ({name: Path(f"/proc/self/fd/{fd}") for name, fd in opened.items()}
                     if os.path.isdir("/proc/self/fd") else None)
            manifest = ix.check_index(folder, paths=paths)
            try:
                gaz = cls(folder, manifest, paths)
            except (OSError, ValueError, KeyError, TypeError) as err:
                raise GazetteerError(f"{folder}: cannot be opened ({err})") from err
        except BaseException:
            for fd in opened.values():
                os.close(fd)
            raise
        gaz._opened = opened
        gaz._stamps = stamps
        return gaz

    def __del__(self) -> None:
        for fd in getattr(self, "_opened", {}).values():
            try:
                os.close(fd)
            except OSError:  # pragma: no cover
                pass

    def unchanged(self) -> bool:
        """True while the index files this gazetteer reads are as they were when it
        opened them (False: one was written in place meanwhile, so what it reads now is
        no longer the index it checked)."""
        try:
            return all(_stamp(os.fstat(fd)) == self._stamps[name]
                       for name, fd in self._opened.items())
        except OSError:
            return False

    @classmethod
    def _load_or_build(cls, root: Path, fp: str, sources: ix.Sources) -> Gazetteer:
        folder = root / fp
        try:
            return cls._load(folder)
        except GazetteerError as err:
            if folder.exists():
                log.warning("gazetteer cache is damaged, rebuilding it: %s", err)
        from filelock import FileLock

        from geo._build import build_index

        try:
            root.mkdir(parents=True, exist_ok=True)
            with FileLock(str(root / f"{fp}.lock"), timeout=900):
                try:  # another process may have built it while we waited
                    return cls._load(folder)
                except GazetteerError:
                    pass
                ix.remove_tree(folder)
                _remove_killed_builds(root, fp)
                tmp = Path(tempfile.mkdtemp(prefix=f".build-{fp}-", dir=root))
                try:
                    (tmp / _BUILD_MARKER).write_text(f"{os.getpid()}\n", encoding="ascii")
                    log.info("building the gazetteer index in %s (once)", folder)
                    t0 = time.monotonic()
                    manifest = build_index(sources, tmp, progress=_Progress())
                    tmp.chmod(0o755)
                    os.replace(tmp, folder)
                except BaseException:
                    ix.remove_tree(tmp)
                    raise
                (folder / _BUILD_MARKER).unlink(missing_ok=True)
                counts = manifest["counts"]
                _say(f"claimmap: indexed the gazetteer (once, {time.monotonic() - t0:.0f} s):"
                     f" {counts['entries']:,} places and areas, {counts['keys']:,} names,"
                     f" in {folder}")
                ix.remove_stale(root)
                return cls._load(folder)
        except OSError as err:
            raise GazetteerError(f"cannot write the gazetteer index under {root}: {err}") from err

    # ------------------------------------------------------------------ names

    def has_name(self, key: str) -> bool:
        """Whether `key` (already normalized) is the name of any entry."""
        return key in self._trie

    def has_prefix(self, prefix: str) -> bool:
        """Whether some name key starts with `prefix` (the geoparser asks ``"nova "``
        before trying longer word runs)."""
        for _ in self._trie.iterkeys(prefix):
            return True
        return False

    def candidates(self, key: str) -> list[Candidate]:
        """Every entry that `key` (already normalized) names, best prior first.

        ``Candidate.score`` is the context-free prior (how the key names the entry, kind,
        population); ``Candidate.primary`` says whether the key is its primary name;
        ``Candidate.why`` says which name matched and how.
        """
        cached = self._cands.get(key)
        if cached is None:
            cached = self._candidates(key)
            if len(self._cands) > 50_000:
                self._cands.clear()
            self._cands[key] = cached
        return list(cached)

    def _candidates(self, key: str) -> tuple[Candidate, ...]:
        # The hot path of the geoparser and of `candidates` on new keys: the postings are
        # stored ranked, with their penalties, so this only decodes and adds up. Most
        # keys name one entry: that path allocates no list.
        kid = self._trie.get(key)
        if kid is None:
            return ()
        if len(self._places) > _PLACE_CACHE_MAX:
            self._places.clear()
        lo, hi = self._offsets[kid], self._offsets[kid + 1]
        if hi - lo == 1:
            return (self._candidate(self._postings[lo], repr(key)),)
        quoted, postings = repr(key), self._postings
        return tuple([self._candidate(postings[j], quoted) for j in range(lo, hi)])

    def _candidate(self, posting: int, quoted: str) -> Candidate:
        """The candidate of one posting of the key `quoted` (its repr)."""
        places = self._places
        entry = places.get(posting >> _SHIFT)
        if entry is None:
            entry = places[posting >> _SHIFT] = self._read(posting >> _SHIFT)
        match, note = posting & 7, posting & 24
        if note:
            note >>= 3
            return _new_candidate(entry[0], _MATCH_PRIOR[match] + entry[1] + _NOTE_PENALTY[note],
                                  (_MATCH_WHY[match] + quoted, _NOTE_WHY[note], entry[2]),
                                  match == 0)
        return _new_candidate(entry[0], _MATCH_PRIOR[match] + entry[1],
                              (_MATCH_WHY[match] + quoted, entry[2]), match == 0)

    def _read(self, i: int) -> tuple[Place, float, str]:
        """Decode record `i`: the entry, its base prior and the ``why`` line about it."""
        lat, lon, pop, gid, kind, base, cc, a1, source, note, prom = _unpack_record(
            self._records, i * _RECORD_SIZE)
        offs, strings = self._str_offsets, self._strings
        name = str(self._blob[offs[i]:offs[i + 1]], "utf-8")
        if ix.SEP in name:
            name, pid = name.split(ix.SEP)
        else:
            pid = "geonames:" + str(gid)
        return (_new_place(pid, name, _KINDS[kind], lat, lon, strings[cc], strings[a1], pop,
                           None if gid < 0 else gid, strings[source], strings[note], prom),
                base, _KIND_WHY[kind] + str(pop))

    def _fetch(self, idxs: list[int]) -> list[Place]:
        """The entries at these record numbers, in order."""
        places = self._places
        if len(places) > _PLACE_CACHE_MAX:
            places.clear()
        out = []
        for i in idxs:
            entry = places.get(i)
            if entry is None:
                entry = places[i] = self._read(i)
            out.append(entry[0])
        return out

    # ------------------------------------------------------------------ geocode

    def geocode(self, name: str, *, country: str | None = None, near=None, date=None,
                limit: int = 10) -> list[Candidate]:
        """Ranked candidates for a name as written.

        Parameters
        ----------
        name : str
            Any spelling: case, diacritics, apostrophes, hyphens, Cyrillic, former names and
            region phrasings ("Donetsk region") are all understood.
        country : str, optional
            ISO 3166 alpha-2 code: entries in that country come first.
        near : str or Place or (lat, lon), optional
            Entries near this place come first (a name is geocoded itself first).
        date : datetime.date or str, optional
            The date of the text: former names are read as of that day.
        limit : int
            How many candidates to return at most.

        Returns
        -------
        list of Candidate
            Best first; ``why`` explains each score.

        Raises
        ------
        PlaceNotFound
            No entry has that name; ``suggestions`` holds the nearest spellings.
        BadInput
            An empty name, an unknown country code or a malformed date.
        """
        if not isinstance(name, str) or not normalize(name):
            raise BadInput(f"{name!r} is not a place name", field="name")
        key = normalize(name)
        cc = self._check_country(country)
        on = _as_date(date)
        origin = self._origin(near, cc, on)
        cands = self.candidates(key)
        if not cands:
            raise PlaceNotFound(name, self.suggest(key))
        scored = [[c.score, list(c.why), c] for c in cands]
        if on is not None:
            self._apply_date(key, on, scored)
        for s in scored:
            place = s[2].place
            if cc and place.country_code == cc:
                s[0] += _COUNTRY_BOOST
                s[1].append(f"in {cc} (+{_COUNTRY_BOOST:g})")
            if origin is not None:
                lat, lon, label = origin
                d = ix.haversine_km(lat, lon, place.lat, place.lon)
                bonus = _NEAR_BOOST * math.exp(-d / _NEAR_EFOLD_KM)
                s[0] += bonus
                s[1].append(f"{d:.0f} km from {label} (+{bonus:.2f})")
        scored.sort(key=lambda s: (-s[0], -s[2].place.population, s[2].place.place_id))
        return [Candidate(place=c.place, score=score, why=tuple(why), primary=c.primary)
                for score, why, c in scored[: max(int(limit), 1)]]

    def _check_country(self, country) -> str | None:
        if country is None or country == "":
            return None
        cc = str(country).strip().upper()
        if len(cc) != 2 or not cc.isalpha() or self.country(cc) is None:
            raise BadInput(f"{country!r} is not a known ISO 3166 alpha-2 country code",
                           field="country")
        return cc

    def _origin(self, near, cc, on) -> tuple[float, float, str] | None:
        if near is None or near == "":
            return None
        if isinstance(near, Place):
            return near.lat, near.lon, near.name
        if isinstance(near, (tuple, list)) and len(near) == 2:
            lat, lon = float(near[0]), float(near[1])
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise BadInput(f"near={near!r} is not a (lat, lon) point", field="near")
            return lat, lon, f"({lat:.3f}, {lon:.3f})"
        best = self.geocode(str(near), country=cc, date=on, limit=1)[0].place
        return best.lat, best.lon, best.name

    def _apply_date(self, key: str, on: dt.date, scored: list) -> None:
        renames = self._rename_table()
        moved_in: set[str] = set()  # countries whose renamed city left its name to an area
        for s in scored:
            for old, new, first, last, _text, _source in renames.get(s[2].place.place_id, ()):
                if normalize(old) != key:
                    continue
                if on < first:
                    s[0] += _BEFORE_RENAMING_BOOST
                    s[1].append(f"{old} was its name until {first} (+{_BEFORE_RENAMING_BOOST:g})")
                elif on > last:
                    s[1].append(f"renamed {new} on {_text}")
                    moved_in.add(s[2].place.country_code)
        if moved_in:
            for s in scored:
                if s[2].place.kind == "admin1" and s[2].place.country_code in moved_in:
                    s[0] += _AREA_AFTER_RENAMING_BOOST
                    s[1].append(f"after the city's renaming the name means the area "
                                f"(+{_AREA_AFTER_RENAMING_BOOST:g})")

    def _rename_table(self) -> dict[str, list[tuple]]:
        if self._renames is None:
            table: dict[str, list[tuple]] = {}
            for pid, old, new, first, last, text, source in self._lookup["renames"]:
                table.setdefault(pid, []).append(
                    (old, new, dt.date.fromisoformat(first), dt.date.fromisoformat(last), text,
                     source))
            self._renames = table
        return self._renames

    def suggest(self, key: str, n: int = 5) -> list[str]:
        """The nearest spellings the gazetteer knows for an unknown key, as
        ``"Name (CC)"``, most similar (then most populous) first."""
        key = normalize(key)
        pool: list[str] = []
        for plen in (3, 2, 1):
            if len(key) < plen:
                continue
            for k in self._trie.iterkeys(key[:plen]):
                pool.append(k)
                if len(pool) >= 40_000:
                    break
            if len(pool) >= 200:
                break
        close = difflib.get_close_matches(key, pool, n=3 * n, cutoff=0.7)
        out: list[str] = []
        for k in close:
            best = self.candidates(k)[0].place
            label = f"{best.name} ({best.country_code})" if best.country_code else best.name
            if label not in out:
                out.append(label)
        return out[:n]

    # ------------------------------------------------------------------ entries

    def get(self, place_id: str | int) -> Place | None:
        """The entry with this place_id (``geonames:704422``, ``704422``, ``country:UA``,
        ``claimmap:<slug>``), or None."""
        pid = str(place_id).strip()
        if pid.startswith("geonames:"):
            pid = pid[len("geonames:"):]
        if pid.isdigit():
            gid = int(pid)
            i = bisect_left(self._gids, gid)
            if i < len(self._gids) and self._gids[i] == gid:
                return self._fetch([self._gid_idx[i]])[0]
            pid = f"geonames:{gid}"
        else:
            idx = self._lookup["place_ids"].get(pid)
            if idx is not None:
                return self._fetch([idx])[0]
        # continents and world regions are not in the index (geo._regions makes them)
        from geo._regions import region_by_place_id

        return region_by_place_id(self, pid)

    def admin1(self, code: str) -> Place | None:
        """The first-level area with this GeoNames code (``UA.05``), or None."""
        idx = self._lookup["admin1"].get(str(code).strip())
        return None if idx is None else self._fetch([idx])[0]

    def country(self, cc: str) -> Place | None:
        """The country with this ISO 3166 alpha-2 code, or None."""
        return self.get(f"country:{str(cc).strip().upper()}")

    def nearby(self, lat: float, lon: float, radius_km: float, *, min_population: int = 0,
               limit: int = 20) -> list[Place]:
        """Populated places within `radius_km` of a point, most populous first (nearest
        first among equals)."""
        if not (-90 <= lat <= 90 and -180 <= lon <= 180) or not radius_km >= 0:
            raise BadInput(f"({lat}, {lon}) within {radius_km} km is not a search area",
                           field="nearby")
        dlat = radius_km / 110.5  # a degree of latitude is at least 110.5 km
        lo = bisect_left(self._lats, lat - dlat)
        hi = bisect_right(self._lats, lat + dlat)
        unpack, size = ix.RECORD.unpack_from, ix.RECORD.size
        records, lat_idx = self._records, self._lat_idx
        found = []
        for j in range(lo, hi):
            i = lat_idx[j]
            plat, plon, pop = unpack(records, i * size)[:3]
            if pop >= min_population:
                d = ix.haversine_km(lat, lon, plat, plon)
                if d <= radius_km:
                    found.append((-pop, d, i))
        found.sort()
        return self._fetch([i for _, _, i in found[: max(int(limit), 0)]])

    def renamed(self, place_id) -> list[tuple[str, dt.date]]:
        """Former names of an entry with the day each stopped being its name (the first
        day of the month or year where the renames file gives no more)."""
        pid = str(place_id).strip()
        if pid.isdigit():
            pid = f"geonames:{pid}"
        return [(old, first)
                for old, _new, first, _last, _t, _s in self._rename_table().get(pid, ())]
