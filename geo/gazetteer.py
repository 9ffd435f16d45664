"""The offline gazetteer: every populated place, first-level area and country, by any name.

`Gazetteer.open()` returns the process-wide gazetteer, building its index into the cache
on first use (see `geo._index` for what is indexed and how the cache is kept safe).
Look-ups go through name keys (`geo.normalize.normalize`):

- `Gazetteer.has_name` / `Gazetteer.candidates`: context-free, for the geoparser;
- `Gazetteer.geocode`: ranked answers for a name as a person writes it, with optional
  country, nearby place and date context (renamed places).

Ranking
-------
Every candidate starts from a prior: how the key names it (primary name or one of an
area's own names with its type word 2.0, an area's bare name with a type word added
("Donetsk region") 1.6, variant spelling of the primary name 1.6, other alternate name
1.0, an area's bare name 1.0, former name 0.6), its kind (countries +3, curated
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

import datetime as dt
import difflib
import logging
import math
import mmap
import os
import sqlite3
import tempfile
import threading
from pathlib import Path

from geo import _index as ix
from geo.exc import BadInput, GazetteerError, PlaceNotFound
from geo.model import Candidate, Place
from geo.normalize import normalize

__all__ = ["Gazetteer", "default_cache_dir"]

log = logging.getLogger(__name__)

_KINDS = {v: k for k, v in ix.KIND_CODES.items()}
_MATCH_PRIOR = {ix.MATCH_PRIMARY: 2.0, ix.MATCH_REGION: 2.0, ix.MATCH_REGION_FORM: 1.6,
                ix.MATCH_VARIANT: 1.6, ix.MATCH_ALTERNATE: 1.0, ix.MATCH_AREA_SHORT: 1.0,
                ix.MATCH_FORMER: 0.6}
_REGION_MATCHES = (ix.MATCH_REGION, ix.MATCH_REGION_FORM)
_KIND_PRIOR = {"populated_place": 0.0, "admin1": 0.0, "country": 3.0, "facility": 1.0}
_AREA_SHORT_PENALTY = -1.5
_MADE_UP_PENALTY = -1.0
_POP_WEIGHT = 0.6
_COUNTRY_BOOST = 5.0
_NEAR_BOOST, _NEAR_EFOLD_KM = 3.0, 150.0
_BEFORE_RENAMING_BOOST = 1.4
_AREA_AFTER_RENAMING_BOOST = 3.0
#: longest name, in tokens, the geoparser should try (longer keys exist but are rare
#: descriptive forms no article writes: "el tarter principau dandorra")
_MAX_TOKENS_CAP = 6

# map the index files with their pages already present: look-ups then take no page
# faults (a few ms at open for ~20 MB)
_MAP_FLAGS = mmap.MAP_SHARED | getattr(mmap, "MAP_POPULATE", 0)

_PLACE_COLS = ("idx, place_id, geonameid, name, kind, lat, lon, country, admin1, population, "
               "source, note")


def default_cache_dir() -> Path:
    """``$CLAIMMAP_CACHE`` if set, else the platform's user cache dir for claimmap."""
    env = os.environ.get("CLAIMMAP_CACHE")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("claimmap", appauthor=False))


def _place(row) -> Place:
    _, place_id, gid, name, kind, lat, lon, cc, a1, pop, source, note = row
    return Place(place_id=place_id, name=name, kind=_KINDS[kind], lat=lat, lon=lon,
                 country_code=cc or "", admin1=a1 or "", population=pop or 0, geonameid=gid,
                 source=source or "GeoNames", note=note or "")


def _as_date(value, what="date") -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise BadInput(f"{value!r} is not a date in the form YYYY-MM-DD", field=what) from None


class Gazetteer:
    """The index, opened read-only. Use `Gazetteer.open`, not the constructor.

    Safe to share between threads; after a fork the child reopens its database
    connection on first use.
    """

    _instances: dict[tuple, Gazetteer] = {}
    _instances_lock = threading.Lock()

    def __init__(self, folder: Path, manifest: dict) -> None:
        import marisa_trie

        self.folder = Path(folder)
        self.manifest = manifest
        #: source data versions and index format (goes into manifests)
        self.version: str = manifest["version"]
        #: longest name in tokens worth trying
        self.max_name_tokens: int = min(int(manifest["max_name_tokens"]), _MAX_TOKENS_CAP)
        self._trie = marisa_trie.Trie()
        self._trie.mmap(str(self.folder / "names.marisa"))
        with open(self.folder / "postings.bin", "rb") as fh:
            self._mm = mmap.mmap(fh.fileno(), 0, flags=_MAP_FLAGS, prot=mmap.PROT_READ)
        n_keys = manifest["counts"]["keys"]
        words = memoryview(self._mm)[ix._HEADER.size:].cast("I")
        self._offsets = words[: n_keys + 1]
        self._postings = words[n_keys + 1:]
        with open(self.folder / "records.bin", "rb") as fh:
            self._rm = mmap.mmap(fh.fileno(), 0, flags=_MAP_FLAGS, prot=mmap.PROT_READ)
        n = manifest["counts"]["entries"]
        start = ix._REC_HEADER.size
        self._records = memoryview(self._rm)[start: start + n * ix.RECORD.size]
        start += n * ix.RECORD.size
        self._str_offsets = memoryview(self._rm)[start: start + 4 * (n + 1)].cast("I")
        self._blob = memoryview(self._rm)[start + 4 * (n + 1):]
        self._db_pid = -1
        self._db_conn: sqlite3.Connection | None = None
        self._places: dict[int, Place] = {}
        self._cands: dict[str, tuple[Candidate, ...]] = {}
        self._renames: dict[str, list[tuple]] | None = None
        self._db  # noqa: B018 - open it now

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
            if gaz is None:
                gaz = cls._instances[key] = cls._load_or_build(cache / "gazetteer", fp, sources)
            return gaz

    @classmethod
    def _load(cls, folder: Path) -> Gazetteer:
        """Open a checked index folder; any flaw is a `GazetteerError`."""
        manifest = ix.check_index(folder)
        try:
            return cls(folder, manifest)
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise GazetteerError(f"{folder}: cannot be opened ({err})") from err

    @classmethod
    def _load_or_build(cls, root: Path, fp: str, sources: ix.Sources) -> Gazetteer:
        folder = root / fp
        try:
            return cls._load(folder)
        except GazetteerError as err:
            if folder.exists():
                log.warning("gazetteer cache is damaged, rebuilding it: %s", err)
        from filelock import FileLock

        try:
            root.mkdir(parents=True, exist_ok=True)
            with FileLock(str(root / f"{fp}.lock"), timeout=900):
                try:  # another process may have built it while we waited
                    return cls._load(folder)
                except GazetteerError:
                    pass
                ix.remove_tree(folder)
                tmp = Path(tempfile.mkdtemp(prefix=f".build-{fp}-", dir=root))
                try:
                    log.info("building the gazetteer index in %s (once)", folder)
                    ix.build_index(sources, tmp)
                    tmp.chmod(0o755)
                    os.replace(tmp, folder)
                except BaseException:
                    ix.remove_tree(tmp)
                    raise
                ix.remove_stale(root)
                return cls._load(folder)
        except OSError as err:
            raise GazetteerError(f"cannot write the gazetteer index under {root}: {err}") from err

    @property
    def _db(self) -> sqlite3.Connection:
        # one read-only connection shared by all threads (sqlite3.threadsafety is 3:
        # serialized), opened at once so the file stays readable while the process
        # lives; a forked child opens its own
        if self._db_pid != os.getpid():
            uri = (self.folder / "places.sqlite").as_uri() + "?mode=ro&immutable=1"
            self._db_conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._db_pid = os.getpid()
        return self._db_conn

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
        kid = self._trie.get(key)
        if kid is None:
            return ()
        posts = self._postings[self._offsets[kid]: self._offsets[kid + 1]].tolist()
        places = self._fetch([p >> 3 for p in posts])
        log10, names, prior, kprior = math.log10, ix.MATCH_NAMES, _MATCH_PRIOR, _KIND_PRIOR
        quoted = repr(key)
        # an area's bare name that also names a place inside it means the place
        # ("Donetsk", "Kyiv", "Aleppo"), wherever the area itself is called that
        inner = ()
        own_name = False
        if len(posts) > 1 and any(pl.kind == "admin1" for pl in places):
            inner = {pl.admin1 for pl, p in zip(places, posts)
                     if pl.kind == "populated_place" and p & 7 != ix.MATCH_ALTERNATE}
            # a phrasing we made up yields to an area that is really called so
            own_name = any(pl.kind == "admin1" and p & 7 in (ix.MATCH_PRIMARY, ix.MATCH_REGION)
                           for pl, p in zip(places, posts))
        out = []
        for place, p in zip(places, posts):
            match = p & 7
            kind, pop = place.kind, place.population
            score = prior[match] + kprior[kind] + _POP_WEIGHT * log10(pop + 1)
            if (inner and kind == "admin1" and match not in _REGION_MATCHES
                    and place.admin1 in inner):
                score += _AREA_SHORT_PENALTY
                why = (f"{names[match]} {quoted}",
                       f"a place inside the area has this name ({_AREA_SHORT_PENALTY:g})",
                       f"{kind}, population {pop}")
            elif own_name and match == ix.MATCH_REGION_FORM:
                score += _MADE_UP_PENALTY
                why = (f"{names[match]} {quoted}",
                       f"another area is called so ({_MADE_UP_PENALTY:g})",
                       f"{kind}, population {pop}")
            else:
                why = (f"{names[match]} {quoted}", f"{kind}, population {pop}")
            out.append(Candidate(place, score, why, match == ix.MATCH_PRIMARY))
        if len(out) > 1:
            out.sort(key=lambda c: (-c.score, -c.place.population, c.place.place_id))
        return tuple(out)

    def _fetch(self, idxs: list[int]) -> list[Place]:
        """The entries at these record numbers, in order."""
        cache = self._places
        if len(cache) > 200_000:
            cache.clear()
        unpack, size, records = ix.RECORD.unpack_from, ix.RECORD.size, self._records
        offs, blob, sep, kinds = self._str_offsets, self._blob, ix.SEP, _KINDS
        out = []
        for i in idxs:
            place = cache.get(i)
            if place is None:
                lat, lon, pop, gid, kind = unpack(records, i * size)
                pid, name, cc, a1, source, note = str(blob[offs[i]:offs[i + 1]], "utf-8").split(sep)
                place = cache[i] = Place(pid, name, kinds[kind], lat, lon, cc, a1, pop,
                                         None if gid < 0 else gid, source, note)
            out.append(place)
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
        has_area = any(s[2].place.kind == "admin1" for s in scored)
        moved_to_area = False
        for s in scored:
            for old, new, first, last, _text, _source in renames.get(s[2].place.place_id, ()):
                if normalize(old) != key:
                    continue
                if on < first:
                    s[0] += _BEFORE_RENAMING_BOOST
                    s[1].append(f"{old} was its name until {first} (+{_BEFORE_RENAMING_BOOST:g})")
                elif on > last:
                    s[1].append(f"renamed {new} on {_text}")
                    moved_to_area = moved_to_area or has_area
        if moved_to_area:
            for s in scored:
                if s[2].place.kind == "admin1":
                    s[0] += _AREA_AFTER_RENAMING_BOOST
                    s[1].append(f"after the city's renaming the name means the area "
                                f"(+{_AREA_AFTER_RENAMING_BOOST:g})")

    def _rename_table(self) -> dict[str, list[tuple]]:
        if self._renames is None:
            table: dict[str, list[tuple]] = {}
            for pid, old, new, first, last, text, source in self._db.execute(
                    "SELECT place_id, old_name, new_name, first, last, date, source FROM renames"):
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
        if pid.isdigit():
            pid = f"geonames:{pid}"
        row = self._db.execute(f"SELECT {_PLACE_COLS} FROM places WHERE place_id = ?",
                               (pid,)).fetchone()
        return _place(row) if row else None

    def admin1(self, code: str) -> Place | None:
        """The first-level area with this GeoNames code (``UA.05``), or None."""
        row = self._db.execute(f"SELECT {_PLACE_COLS} FROM places WHERE admin1 = ? AND kind = 1",
                               (str(code).strip(),)).fetchone()
        return _place(row) if row else None

    def country(self, cc: str) -> Place | None:
        """The country with this ISO 3166 alpha-2 code, or None."""
        return self.get(f"country:{str(cc).strip().upper()}")

    def nearby(self, lat: float, lon: float, radius_km: float, *, min_population: int = 0,
               limit: int = 20) -> list[Place]:
        """Populated places within `radius_km` of a point, most populous first."""
        if not (-90 <= lat <= 90 and -180 <= lon <= 180) or radius_km < 0:
            raise BadInput(f"({lat}, {lon}) within {radius_km} km is not a search area",
                           field="nearby")
        dlat = radius_km / 111.0
        sql = (f"SELECT {_PLACE_COLS} FROM places WHERE kind = 0 AND lat BETWEEN ? AND ? "
               "AND population >= ?")
        args: list = [lat - dlat, lat + dlat, int(min_population)]
        coslat = math.cos(math.radians(min(abs(lat) + dlat, 89.9)))
        dlon = radius_km / (111.0 * max(coslat, 1e-6))
        if -180 <= lon - dlon and lon + dlon <= 180:
            sql += " AND lon BETWEEN ? AND ?"
            args += [lon - dlon, lon + dlon]
        found = []
        for row in self._db.execute(sql, args):
            d = ix.haversine_km(lat, lon, row[5], row[6])
            if d <= radius_km:
                found.append((-(row[9] or 0), d, row))
        found.sort(key=lambda t: (t[0], t[1]))
        return [_place(r) for _, _, r in found[:limit]]

    def renamed(self, place_id) -> list[tuple[str, dt.date]]:
        """Former names of an entry with the day each stopped being its name (the first
        day of the month or year where the renames file gives no more)."""
        pid = str(place_id).strip()
        if pid.isdigit():
            pid = f"geonames:{pid}"
        return [(old, first)
                for old, _new, first, _last, _t, _s in self._rename_table().get(pid, ())]
