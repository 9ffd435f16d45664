"""The properties claimmap's fuzzing checks, and the hypothesis strategies that feed them.

Shared by tests/test_fuzz.py (a bounded number of examples, in CI) and bench/fuzz.py
(the long run). Each ``check_*`` function takes one generated input and raises
AssertionError (or whatever unexpected exception the code under test raises) when the
property does not hold; `PROPERTIES` pairs each with its strategy.

- reader: any bytes, under any file name and suffix -> an Article (non-empty text, a
  safe id) or BadInput naming the file; never another exception;
- geoparser: any text -> mentions whose ``text[start:end] == surface``, in order and
  non-overlapping;
- extractor: any text -> a ClaimsDoc whose claims' spans slice the article inside the
  claim's sentence, categories among the SPEC's, places among the doc's;
- claims-file loader: a real claims file, mutated (lines dropped, repeated, swapped,
  values replaced, junk inserted, cut short) -> a ClaimsDoc that builds into layers, or
  BadInput naming the file and the line;
- writers: small random ClaimsDocs (coordinates anywhere, lines across the antimeridian,
  unicode ids and names) -> every GeoJSON written is RFC 7946: a FeatureCollection with
  no ``crs``, every feature with an ``id``, coordinates within lon/lat range with at most
  6 decimals.
"""

from __future__ import annotations

import json
import re
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

from hypothesis import assume, strategies as st

from geo.exc import BadInput

__all__ = ["PROPERTIES", "check_reader", "check_geoparser", "check_extractor",
           "check_claims_loader", "check_writers"]

SAFE_ID_RE = re.compile(r"(?!.*\.\.)[^\W_][\w.-]*|_[\w.-]*")

# ---------------------------------------------------------------------------- text

#: words that make the geoparser and the extractor work: places (some ambiguous, some with
#: apostrophes or in Cyrillic), claim words, figures, dates, sources
WORDS = [
    "Pokrovsk", "Kramatorsk", "Sloviansk", "Avdiivka", "Dnipropetrovsk", "Kyiv", "Kiev",
    "Kharkiv", "Donetsk", "Oblast", "region", "Gaza", "Rafah", "Khan Younis", "El Fasher",
    "Darfur", "Goma", "Paris", "Springfield", "Georgia", "Jordan", "Chad", "Niger", "Mali",
    "Côte d'Ivoire", "N'Djamena", "Ma'alot", "Bila Tserkva", "Zaporizhzhia", "Київ",
    "Харків", "Покровськ", "Донецька область", "São Paulo", "Montréal", "Île-de-France",
    "Kursk", "Sudzha", "Russia", "Ukraine", "Ukraine's", "Russian", "Syria", "Aleppo",
    "troops", "killed", "wounded", "displaced", "homes", "damaged", "captured", "seized",
    "advanced", "toward", "towards", "supply route", "connecting", "shelling", "evacuated",
    "110,000", "1.5 million", "300", "seven", "dozens", "at least", "about", "%", "km",
    "per day", "square kilometres", "June 29, 2025", "29 June 2025", "last week",
    "on Sunday", "since May", "in 2024", "2024-05-20", "said", "according to",
    "the governor said", "officials said", "the city", "this town", "its capture",
    "\u2019", "'", "\"", "\u201c", "\u201d", "(", ")", "-", "—", ".", ",", ";", ":", "!",
    "?", "\n", "\n\n", "\t", " ", "   " * 50, "\u00a0", "\u200b", "\ufeff", "\r\n",
]

_ALPHABET = st.characters(codec="utf-8", exclude_categories=("Cs",))


@st.composite
def article_texts(draw, max_words: int = 60) -> str:
    """Text made of claimmap's words, arbitrary unicode and odd whitespace."""
    pieces = draw(st.lists(st.one_of(st.sampled_from(WORDS), st.text(_ALPHABET, max_size=12)),
                           max_size=max_words))
    seps = draw(st.lists(st.sampled_from([" ", " ", " ", "", "\n", ". ", ", ", "  "]),
                         min_size=len(pieces), max_size=len(pieces)))
    return "".join(p + s for p, s in zip(pieces, seps))


_PLACES = ["Pokrovsk", "Kramatorsk", "Sloviansk", "Avdiivka", "Kharkiv", "Kyiv", "Gaza",
           "Rafah", "El Fasher", "Goma", "Aleppo", "Sudzha", "Kursk", "Donetsk Oblast",
           "Dnipropetrovsk", "the city", "Côte d'Ivoire", "Bila Tserkva", "Київ"]
_FIGURES = ["110,000 troops", "at least 300 homes", "1.5 million people", "seven civilians",
            "about 2 km per day", "40%", "12 square kilometres", "dozens of buildings",
            "3,000 displaced", "two power plants", "15 km", "more than 1,000 soldiers"]
_VERBS = ["killed", "damaged", "displaced", "massed", "captured", "advanced toward",
          "shelled", "evacuated", "cut supply routes connecting", "seized", "destroyed"]
_WHEN = ["on June 29, 2025", "last week", "since May", "in 2024", "on Sunday", "",
         "between March 3 and March 9", "as of 29 June 2025", "two weeks ago"]
_WHO = ["officials said", "the governor said", "according to the UN", "Russia claimed", "",
        "the army's spokesman told Reuters", "Ukrainian officials said on Monday"]


@st.composite
def claim_texts(draw, max_sentences: int = 8) -> str:
    """Sentences shaped like a news report's (a place, a figure, a verb, a date, a source)
    with arbitrary text mixed in: input the extractor makes claims of."""
    out = []
    for _ in range(draw(st.integers(1, max_sentences))):
        parts = [draw(st.sampled_from(_WHEN)), draw(st.sampled_from(_VERBS)),
                 draw(st.sampled_from(_FIGURES)), "in", draw(st.sampled_from(_PLACES)),
                 draw(st.sampled_from(_PLACES)), draw(st.sampled_from(_WHO))]
        order = draw(st.permutations(parts)) if draw(st.booleans()) else parts
        if draw(st.booleans()):
            order = list(order) + [draw(st.text(_ALPHABET, max_size=15))]
        sentence = " ".join(p for p in order if p).strip()
        out.append(sentence[:1].upper() + sentence[1:]
                   + draw(st.sampled_from([".", ".", "!", "", ".\n", "?", ";"])))
    return draw(st.sampled_from(["", "Title\n\n", "# Report\n"])) + " ".join(out)


def _utf8_name(name: str) -> bool:
    raw = name.encode("utf-8", "surrogatepass")
    return 0 < len(raw) <= 200 and "/" not in name and "\x00" not in name \
        and name not in (".", "..")


@st.composite
def article_files(draw) -> tuple[str, bytes]:
    """(file name, bytes): text in some encoding, HTML, or noise, under a hostile name."""
    stem = draw(st.one_of(
        st.sampled_from(["article", "a b", "..", "...", "-", "_", "C:\\x", "\x1b[2J",
                         "kyiv-2024-05-20", "Київ 2024", "\u202eevil", " "]),
        st.text(_ALPHABET, min_size=1, max_size=40)).filter(
            lambda s: _utf8_name(s + ".txt")))
    suffix = draw(st.sampled_from([".txt", ".md", ".html", ".htm", ".TXT", ".yaml.txt", "",
                                   ".dat"]))
    assume(_utf8_name(stem + suffix))
    kind = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1251",
                                 "cp1252", "html", "markdown", "bytes"]))
    if kind == "bytes":
        data = draw(st.binary(max_size=3000))
    else:
        text = draw(article_texts())
        if kind == "html":
            title = draw(st.text(_ALPHABET, max_size=30))
            text = (f"<!doctype html><html><head><title>{title}</title>"
                    f"<meta name='date' content='{draw(st.sampled_from(['2025-06-29', 'x', '']))}'>"
                    f"</head><body><article><h1>{title}</h1><p>{text}</p>"
                    f"<p>{draw(article_texts(20))}</p></article>"
                    f"{draw(st.sampled_from(['', '<script>x</script>', '<nav>a|b</nav>']))}"
                    "</body></html>")
            kind = "utf-8"
        elif kind == "markdown":
            text = (draw(st.sampled_from(["", "---\ntitle: T\ndate: 2025-06-29\n---\n",
                                          "---\ndate: nonsense\n---\n", "---\n---\n",
                                          "# ", "## Title\n\n"])) + text)
            kind = "utf-8"
        data = text.encode(kind, errors="replace")
    return stem + suffix, data


# ---------------------------------------------------------------------------- reader

def check_reader(case: tuple[str, bytes]) -> None:
    from layers.text.article import read_article

    name, data = case
    with tempfile.TemporaryDirectory(prefix="claimmap-fuzz-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        try:
            art = read_article(path)
        except BadInput as err:
            assert err.path == str(path), (err.path, str(path))
            assert str(err).startswith(str(path)), str(err)
            return
    assert isinstance(art.text, str) and art.text.strip()
    assert SAFE_ID_RE.fullmatch(art.id), art.id
    assert all(ch.isprintable() for ch in art.id), art.id
    assert art.published is None or isinstance(art.published, date)


# ---------------------------------------------------------------------------- geoparser

def check_geoparser(text: str) -> None:
    from geo.places import find_places

    mentions = find_places(text)
    end = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text), (m.start, m.end, len(text))
        assert text[m.start:m.end] == m.surface, (text[m.start:m.end], m.surface)
        assert m.start >= end, f"mentions overlap or are out of order at {m.start}"
        end = m.end


# ---------------------------------------------------------------------------- extractor

def check_extractor(text: str) -> None:
    from layers.text.article import article_from_text
    from layers.text.claims import extract
    from layers.model import CATEGORIES

    if not text.strip():
        return
    article = article_from_text(text, "fuzz")
    doc = extract(article, date=date(2025, 6, 29))
    place_ids = {p.place_id for p in doc.places}
    ids = set()
    for c in doc.claims:
        assert c.category in CATEGORIES, c.category
        assert 0 <= c.span_start < c.span_end <= len(text), (c.span_start, c.span_end)
        span = text[c.span_start:c.span_end]
        sentence_at = text.find(c.text, max(0, c.span_end - len(c.text)))
        assert c.text and sentence_at >= 0, "the claim's sentence is not in the article"
        assert sentence_at <= c.span_start and c.span_end <= sentence_at + len(c.text), \
            (span, c.text)
        assert set(c.place_ids) <= place_ids, (c.place_ids, place_ids)
        assert set(c.conflicts_with) <= {x.claim_id for x in doc.claims}
        assert c.claim_id not in ids, c.claim_id
        ids.add(c.claim_id)
        assert (c.value is None) == (not c.measure), (c.measure, c.value)


# ---------------------------------------------------------------------------- claims files

_SEED_TEXT = (
    "Kramatorsk, June 29, 2025 — Russian forces have massed 110,000 troops near Pokrovsk, "
    "a city of 60,000 people in Ukraine's Donetsk region, the Ukrainian army said. "
    "Shelling damaged at least 300 homes in Kramatorsk and Sloviansk last week, "
    "according to the regional governor. Russian troops are advancing toward "
    "Dnipropetrovsk at about 2 km per day since capturing Avdiivka.\n")

_seed_claims: list[str] = []


def seed_claims_file() -> str:
    """A claims file extracted from a short article (made once per process)."""
    if not _seed_claims:
        from layers.text.article import article_from_text
        from layers.claimsfile import dump_claims_file
        from layers.text.claims import extract

        doc = extract(article_from_text(_SEED_TEXT, "seed-2025-06-29"))
        _seed_claims.append(dump_claims_file(doc))
    return _seed_claims[0]


_JUNK = ["", "-", ":", "[", "]", "{", "}", "?", "&a", "*a", "!!str", "!!python/object:os.system",
         "null", "~", "true", "1e309", "-1", "nan", ".inf", "2025-13-45", "'", '"', "#", "|",
         ">", "\t", "é", "geonames:0", "country:XX", "claimmap:x", "../x", "  - ", "key: v",
         "\x00", "\x85", "%YAML 1.1", "---", "..."]


@st.composite
def mutated_claims(draw) -> str:
    """A real claims file with a few random edits."""
    lines = seed_claims_file().splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["drop", "repeat", "swap", "value", "insert", "cut",
                                   "indent", "text"]))
        if op == "drop":
            del lines[i]
        elif op == "repeat":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "value":
            key, sep, _ = lines[i].partition(": ")
            if sep:
                lines[i] = key + sep + draw(st.sampled_from(_JUNK)) + "\n"
        elif op == "insert":
            lines.insert(i, draw(st.sampled_from(_JUNK)) + draw(st.sampled_from(["\n", ""])))
        elif op == "cut":
            lines = lines[:i]
        elif op == "indent":
            lines[i] = draw(st.sampled_from(["", " ", "   ", "\t"])) + lines[i].lstrip(" ")
        else:
            lines[i] = draw(st.text(_ALPHABET, max_size=30)) + "\n"
    return "".join(lines)


def check_claims_loader(text: str) -> None:
    from layers.builder import layers_from_doc
    from layers.claimsfile import loads_claims

    path = "fuzz.claims.yaml"
    try:
        doc = loads_claims(text, path)
    except BadInput as err:
        assert err.path == path, err.path
        assert err.line is not None and 1 <= err.line <= max(1, text.count("\n") + 1), \
            f"no line, or a line past the end: {err}"
        return
    try:
        layers_from_doc(doc, source=path)
    except BadInput as err:
        assert err.path == path, err.path


# ---------------------------------------------------------------------------- writers

_coord = st.floats(allow_nan=False, allow_infinity=False)
_lon = st.one_of(st.floats(-180, 180), st.sampled_from([-180.0, 180.0, 179.9999999,
                                                         -179.9999996, 0.0, -0.0]))
_lat = st.one_of(st.floats(-90, 90), st.sampled_from([-90.0, 90.0, 89.9999999, 0.0]))
_id_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
                   min_size=1, max_size=12)


@st.composite
def claims_docs(draw):
    """A small ClaimsDoc: 1-5 places anywhere, 0-6 claims at them, some relating them."""
    from layers.model import CATEGORIES, RELATIONS, Article, Claim, ClaimsDoc, PlaceRecord

    n = draw(st.integers(1, 5))
    pids = draw(st.lists(st.one_of(st.integers(1, 10**8).map(lambda i: f"geonames:{i}"),
                                   _id_text.map(lambda s: f"claimmap:{s}")),
                         min_size=n, max_size=n, unique=True))
    places = [PlaceRecord(place_id=pid, name=draw(_id_text),
                          kind=draw(st.sampled_from(["populated_place", "admin1", "country",
                                                     "facility"])),
                          lat=draw(_lat), lon=draw(_lon),
                          # a gazetteer place's geonameid is the one in its place_id
                          geonameid=(int(pid.split(":")[1]) if pid.startswith("geonames:")
                                     else draw(st.one_of(st.none(), st.integers(1, 2**31 - 1)))),
                          population=draw(st.integers(0, 10**9)),
                          mentions=draw(st.integers(0, 50)),
                          surfaces=draw(st.lists(_id_text, max_size=3)),
                          geo_precision=draw(st.sampled_from([1, 2, 3])))
              for pid in pids]
    claims = []
    for k in range(draw(st.integers(0, 6))):
        cps = draw(st.lists(st.sampled_from(pids), max_size=4))
        value = draw(st.one_of(st.none(), st.floats(-1e12, 1e12, allow_nan=False)))
        claims.append(Claim(
            claim_id=f"fuzz-{k}", article_id="fuzz", text=draw(_id_text), span_start=0,
            span_end=1, category=draw(st.sampled_from(CATEGORIES)), place_ids=cps,
            measure="" if value is None else "troops", value=value,
            unit="" if value is None else "people",
            relation=draw(st.sampled_from(("",) + RELATIONS)),
            contested=draw(st.booleans())))
    return ClaimsDoc(article=Article(id="fuzz", text="x", title=draw(_id_text)),
                     places=places, claims=claims)


def _decimals(number: str) -> int:
    d = Decimal(number).as_tuple()
    return max(0, -d.exponent) if isinstance(d.exponent, int) else 0


def _positions(coords):
    if coords and isinstance(coords[0], (int, float, str, Decimal)):
        yield coords
    else:
        for c in coords:
            yield from _positions(c)


def check_geojson_file(path: Path) -> int:
    """Check one GeoJSON file against RFC 7946 as the SPEC reads it; its feature count."""
    raw = path.read_text(encoding="utf-8")
    doc = json.loads(raw, parse_float=str, parse_int=str)
    assert doc.get("type") == "FeatureCollection", path.name
    assert "crs" not in doc, f"{path.name} has a crs member"
    for f in doc["features"]:
        assert f.get("type") == "Feature"
        assert "id" in f and f["id"] not in ("", None), f"{path.name}: a feature without id"
        geom = f.get("geometry")
        if geom is None:
            continue
        parts = geom["geometries"] if geom["type"] == "GeometryCollection" else [geom]
        for g in parts:
            for pos in _positions(g["coordinates"]):
                assert len(pos) in (2, 3), pos
                lon, lat = (float(x) for x in pos[:2])
                assert -180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0, pos
                assert all(_decimals(str(x)) <= 6 for x in pos), pos
        props = f.get("properties") or {}
        assert all(not isinstance(v, (dict, list)) for v in props.values()), \
            "properties must be flat"
    return len(doc["features"])


def check_writers(doc) -> None:
    from layers.io import writers
    from layers.files import _LAYER_IDS, _geometry_type
    from layers.builder import layers_from_doc

    try:
        layers = layers_from_doc(doc)
    except BadInput:
        return
    with tempfile.TemporaryDirectory(prefix="claimmap-fuzz-") as tmp:
        for name in layers.LAYER_NAMES:
            gdf = getattr(layers, name)
            gtype = _geometry_type(gdf, "LineString" if name == "links" else "Point")
            path = writers.write_geojson(gdf, Path(tmp) / f"fuzz.{name}.geojson",
                                         id_field=_LAYER_IDS[name], geometry_type=gtype)
            assert check_geojson_file(path) == len(gdf), name


#: name -> (property, strategy)
PROPERTIES = {
    "reader": (check_reader, article_files()),
    "geoparser": (check_geoparser, st.one_of(article_texts(), claim_texts())),
    "extractor": (check_extractor, st.one_of(claim_texts(), article_texts())),
    "claims_loader": (check_claims_loader, mutated_claims()),
    "writers": (check_writers, claims_docs()),
}


def check_build_files(doc) -> None:
    """Every data file of a build (maps aside): valid GeoJSON, a manifest whose sha256s
    match, and a claims file that loads back to the same claims."""
    import hashlib

    from layers.builder import layers_from_doc
    from layers.claimsfile import load_claims_file

    try:
        layers = layers_from_doc(doc)
    except BadInput:
        return
    with tempfile.TemporaryDirectory(prefix="claimmap-fuzz-") as tmp:
        written = layers.write(Path(tmp) / "out", maps=False)
        for path in written:
            if path.suffix == ".geojson":
                check_geojson_file(path)
        manifest = json.loads(written[-1].read_text(encoding="utf-8"))
        for entry in manifest["files"]:
            data = (Path(tmp) / "out" / entry["name"]).read_bytes()
            assert hashlib.sha256(data).hexdigest() == entry["sha256"], entry["name"]
        back = load_claims_file(Path(tmp) / "out" / f"{layers.slug}.claims.yaml",
                                validate_places=False)
    assert [p.place_id for p in back.places] == [p.place_id for p in doc.places]
    for a, b in zip(back.places, doc.places):
        assert (a.lat, a.lon) == (b.lat, b.lon), (a.place_id, a.lat, a.lon, b.lat, b.lon)
    key = lambda c: (c.claim_id, c.category, c.place_ids, c.value, c.relation, c.contested)  # noqa: E731
    assert sorted(map(key, back.claims)) == sorted(map(key, doc.claims))


PROPERTIES["build_files"] = (check_build_files, claims_docs())
