"""The claims file: a ClaimsDoc as YAML a person reviews, edits and gives back to `build`.

Layout (``format: claimmap-claims/1``)::

    format: claimmap-claims/1
    article: {id, title, published, source, path, notes}
    places:                  # one entry per place; claims name places by `key`
      - key: pokrovsk
        place_id: geonames:704422     # or `geonameid: 704422`
        name: Pokrovsk
        ...
        alternatives:                 # other candidates: put one in place_id to switch
          - geonames:709930           # Dnipro (UA.04, pop. 968502)
    claims:
      - claim_id: ...
        category: military
        places: [pokrovsk]
        measure: troops
        value: 110000
        ...
        quote: 110,000 troops         # the span's words (information only)
        sentence: As of June 29, ...  # Claim.text
    made_by: {claimmap, gazetteer}
    article_text: |-                  # the text the spans index into
      ...

What a reviewer may do, and what `load_claims_file` does with it:

- pin a place to a gazetteer entry: set ``place_id`` (or ``geonameid``) to the entry's
  id; name, kind, coordinates, country, admin1 and population then come from the
  gazetteer (a place id the gazetteer does not know is an error);
- pin a place to coordinates: give ``lat``, ``lon`` and the ``source`` they come from (a
  source is required); a new place needs ``key``, ``name`` and these, its place_id
  defaults to ``claimmap:<key>``;
- drop a claim (delete its entry), add one (``claim_id`` optional: it is derived from the
  claim's content), fix a figure, a date, a category, a source;
- add comments anywhere: `write_claims_file`/`dump_claims_file` keep them when they
  rewrite a file that was loaded (ruamel.yaml round trip).

A claims file that does not hold is refused with `geo.exc.BadInput` naming the file,
the line and the field: not YAML, a wrong shape, an unknown field, a place id the
gazetteer does not know, a date that is not a date, an unknown category or relation, a
value that is not a number, a duplicated claim id or place key, a claim naming a place
that is not in ``places``.
"""

from __future__ import annotations

import io
import logging
import math
import os
import re
import tempfile
from datetime import date, datetime
from pathlib import Path

from geo.exc import BadInput
from layers.claimsfile._fastdump import DQ as _DQ
from layers.claimsfile._fastdump import Alts as _Alts
from layers.claimsfile._fastdump import Block as _Block
from layers.claimsfile._fastdump import Flow as _Flow
from layers.claimsfile._fastdump import Lit as _Lit
from layers.model import CATEGORIES, RELATIONS, Article, Claim, ClaimsDoc, PlaceRecord

__all__ = ["FORMAT", "load_claims_file", "loads_claims", "dump_claims_file", "write_claims_file",
           "place_keys"]

log = logging.getLogger(__name__)

#: the value of the file's `format` field
FORMAT = "claimmap-claims/1"

_HEADER = """\
claimmap claims file: review it, then run `claimmap build` on it.
- A place: switch it to another gazetteer entry by putting its id in place_id (one of
  its alternatives, or any `claimmap geocode` result; `geonameid: N` works too), or pin
  it to coordinates with lat, lon and the source they come from.
- A claim: delete it to drop it, edit a figure/date/category/source to fix it, or add
  one (claim_id may be left out). Claims name their places by key.
- Comments you add are kept when claimmap rewrites this file."""

_ARTICLE_KEYS = ("id", "title", "published", "source", "path", "notes")
_PLACE_KEYS = ("key", "place_id", "geonameid", "name", "kind", "lat", "lon", "country_code",
               "admin1", "population", "mentions", "surfaces", "geo_precision", "alternatives",
               "source", "note")
_CLAIM_KEYS = ("claim_id", "category", "places", "relation", "measure", "value", "unit",
               "date_start", "date_end", "time_precision", "source", "contested",
               "conflicts_with", "period", "qualifier", "geo_precision", "span_start", "span_end",
               "quote", "sentence", "note")
_TOP_KEYS = ("format", "article", "places", "claims", "made_by", "article_text", "review")


# ---------------------------------------------------------------------------- keys

def _slug(s: str) -> str:
    import unicodedata

    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = re.sub(r"[^\w]+", "-", s).strip("-")
    return s or "place"


def place_keys(places: list[PlaceRecord]) -> dict[str, str]:
    """The key each place has in a claims file (place_id -> key): its name as a slug,
    made unique with the gazetteer id.

    >>> place_keys([PlaceRecord("geonames:1", "Pokrovsk", "populated_place", 0, 0)])
    {'geonames:1': 'pokrovsk'}
    """
    out: dict[str, str] = {}
    used: set[str] = set()
    for p in places:
        k = _slug(p.name)
        if k in used:
            k = f"{k}-{_slug(p.place_id.split(':', 1)[-1])}"
        n = 2
        base = k
        while k in used:
            k = f"{base}-{n}"
            n += 1
        used.add(k)
        out[p.place_id] = k
    return out


# ---------------------------------------------------------------------------- dumping

def _yaml():
    from ruamel.yaml import YAML

    y = YAML()                              # round trip: comments and order are kept
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 100
    y.allow_unicode = True
    y.preserve_quotes = True
    return y


def _num(v: float | None):
    if v is None:
        return None
    f = float(v)
    return int(f) if f.is_integer() and abs(f) < 1e15 else f


def _literal_ok(text: str) -> bool:
    """Whether YAML keeps `text` exactly as a literal block (else it is double quoted)."""
    return bool(text) and ("\r" not in text and "\t" not in text
                           and not re.search(r"[ ]\n|[ ]$|^\s|\n\n\n*$", text)
                           and all(ch == "\n" or ch.isprintable() for ch in text))


def _flow(items):
    from ruamel.yaml.comments import CommentedSeq

    s = CommentedSeq(items)
    s.fa.set_flow_style()
    return s


def _alt_label(place_id: str) -> str:
    try:
        from geo.gazetteer import Gazetteer

        p = Gazetteer.open().get(place_id)
    except Exception as err:  # noqa: BLE001 - a label is a courtesy
        log.debug("no label for %s: %s", place_id, err)
        return ""
    if p is None:
        return "not in the gazetteer"
    bits = [p.kind]
    if p.admin1:
        bits.append(p.admin1)
    elif p.country_code:
        bits.append(p.country_code)
    if p.population:
        bits.append(f"pop. {p.population}")
    return f"{p.name} ({', '.join(bits)}, {p.lat:.4f}, {p.lon:.4f})"


# The fresh file's layout is said once, by `_doc_tree` (in the markers of
# layers.claimsfile._fastdump); both writers follow it: ruamel's round trip (`_doc_to_yaml`)
# and the direct one (`layers.claimsfile._fastdump.dump_tree`).

def _doc_keys(doc: ClaimsDoc) -> dict[str, str]:
    keys = place_keys(doc.places)
    # a loaded file keeps its keys (a place switched to another entry keeps its key)
    kept = getattr(doc, "_place_keys", None) or {}
    if kept:
        taken = {k for pid, k in kept.items() if pid in keys}
        for pid in keys:
            if pid in kept:
                keys[pid] = kept[pid]
            elif keys[pid] in taken:
                keys[pid] = f"{keys[pid]}-{_slug(pid.split(':', 1)[-1])}"
    return keys


def _kept(value, flow: bool = False):
    """`value`, double-quoted where ruamel would write it plain or single-quoted and read
    back something else: a double space where a long line may fold (read back as one
    space), or a flow item starting with ``: `` or with ``?`` and more (written bare,
    ruamel reads it as a mapping or cannot read it)."""
    if type(value) is not str:
        return value
    if "  " in value or (flow and (value[:2] in (": ", ":\t")
                                   or (value[:1] == "?" and len(value) > 1))):
        return _DQ(value)
    return value


def _guarded(entries):
    """(key, value) pairs with every text value `_kept`."""
    out = []
    for k, v in entries:
        if type(v) is _Flow:
            v = _Flow([_kept(x, flow=True) for x in v.items])
        out.append((k, _kept(v)))
    return out


def _doc_tree(doc: ClaimsDoc) -> list[tuple[str, object, bool]]:
    """The fresh claims file of a ClaimsDoc: (key, value, blank line before) in order."""
    a = doc.article
    keys = _doc_keys(doc)
    labels: dict[str, str] = {}

    def label(pid: str) -> str:
        if pid not in labels:
            labels[pid] = _alt_label(pid)
        return labels[pid]

    art = {"id": a.id, "title": a.title,
           "published": _DQ(a.published.isoformat()) if a.published else None,
           "source": a.source, "path": a.path, "notes": _Flow(list(a.notes))}
    art = dict(_guarded(art.items()))
    places = []
    for p in doc.places:
        m = [("key", keys[p.place_id]), ("place_id", p.place_id), ("name", p.name),
             ("kind", p.kind), ("lat", p.lat), ("lon", p.lon)]
        if p.geonameid is not None and p.place_id != f"geonames:{p.geonameid}":
            # for geonames: ids it is the id itself; written once, so one edit pins it
            m.append(("geonameid", p.geonameid))
        m += [("country_code", p.country_code), ("admin1", p.admin1),
              ("population", p.population), ("mentions", p.mentions),
              ("surfaces", _Flow(list(p.surfaces))), ("geo_precision", p.geo_precision),
              ("alternatives", _Alts([(alt, label(alt)) for alt in p.alternatives])),
              ("source", p.source), ("note", p.note)]
        places.append(_guarded(m))
    claims = []
    text = a.text
    for c in doc.claims:
        m = [("claim_id", c.claim_id), ("category", c.category),
             ("places", _Flow([keys.get(pid, pid) for pid in c.place_ids])),
             ("relation", c.relation), ("measure", c.measure), ("value", _num(c.value)),
             ("unit", c.unit),
             ("date_start", _DQ(c.date_start) if c.date_start else ""),
             ("date_end", _DQ(c.date_end) if c.date_end else ""),
             ("time_precision", c.time_precision), ("source", c.source),
             ("contested", bool(c.contested)), ("conflicts_with", _Flow(list(c.conflicts_with))),
             ("period", c.period), ("qualifier", c.qualifier), ("geo_precision", c.geo_precision),
             ("span_start", c.span_start), ("span_end", c.span_end)]
        if 0 <= c.span_start <= c.span_end <= len(text):
            m.append(("quote", text[c.span_start:c.span_end]))
        m += [("sentence", c.text), ("note", c.note)]
        claims.append(_guarded(m))
    made = {k: _kept(v) for k, v in sorted(doc.made_by.items())}
    return [("format", FORMAT, False), ("article", art, False), ("places", _Block(places), True),
            ("claims", _Block(claims), True), ("made_by", made, True),
            ("article_text", _Lit(text) if _literal_ok(text) else _DQ(text), False)]


def _to_yaml(v):
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

    t = type(v)
    if t is _DQ:
        return DoubleQuotedScalarString(v.text)
    if t is _Lit:
        return LiteralScalarString(v.text)
    if t is _Flow:
        return _flow([_to_yaml(x) for x in v.items])
    if t is _Alts:
        if not v.items:
            return _flow([])
        alts = CommentedSeq([alt for alt, _ in v.items])
        for i, (_, lab) in enumerate(v.items):
            if lab:
                alts.yaml_add_eol_comment(lab, i)
        return alts
    if t is _Block:
        seq = CommentedSeq()
        for entry in v.items:
            m = CommentedMap()
            for k, x in entry:
                m[k] = _to_yaml(x)
            seq.append(m)
        return seq
    if t is dict:
        m = CommentedMap()
        for k, x in v.items():
            m[k] = _to_yaml(x)
        return m
    return v


def _doc_to_yaml(doc: ClaimsDoc, tree: list | None = None):
    """A fresh round-trip YAML tree of a ClaimsDoc."""
    from ruamel.yaml.comments import CommentedMap

    if tree is None:
        tree = _doc_tree(doc)
    root = CommentedMap()
    for k, v, _ in tree:
        root[k] = _to_yaml(v)
    root.yaml_set_start_comment(_HEADER)
    for k, _, blank in tree:
        if blank:
            root.yaml_set_comment_before_after_key(k, before="\n")
    return root


def _same(a, b) -> bool:
    """Equal and of one type (a quoted "2024" is not the number 2024)."""
    return type(a) is type(b) and a == b


def _merge(base, new, list_key: str | None = None, top: bool = False):
    """Update the loaded tree `base` to hold `new`, keeping base's comments and order."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(base, CommentedMap) and isinstance(new, CommentedMap):
        for k in list(base.keys()):
            if k not in new and k != "review":
                del base[k]
        for k, v in new.items():
            if k in base:
                bv = base[k]
                if isinstance(bv, CommentedMap) and isinstance(v, CommentedMap):
                    _merge(bv, v)
                    continue
                if isinstance(bv, CommentedSeq) and isinstance(v, CommentedSeq):
                    ident = {"places": "key", "claims": "claim_id"}.get(k) if top else None
                    if ident or not _seq_equal(bv, v):
                        _merge(bv, v, ident)
                    continue
                if _same(bv, v):
                    continue
            base[k] = v
        return base
    if isinstance(base, CommentedSeq) and isinstance(new, CommentedSeq):
        if list_key is None:
            flow = base.fa.flow_style()
            base[:] = list(new)
            if flow or new.fa.flow_style():
                base.fa.set_flow_style()
            # end-of-line comments belong to the items as rewritten
            for i, cmt in new.ca.items.items():
                base.ca.items[i] = cmt
            return base
        old = {item.get(list_key): item for item in base if isinstance(item, CommentedMap)}
        out = []
        for item in new:
            prev = old.get(item.get(list_key))
            out.append(_merge(prev, item) if prev is not None else item)
        # comments ride on the items' own maps; position-bound ones would go astray
        base.ca.items.clear()
        base[:] = out
        return base
    return new


def _seq_equal(a, b) -> bool:
    return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))


def dump_claims_file(doc: ClaimsDoc) -> str:
    """The claims file of a ClaimsDoc, as text.

    A doc loaded from a claims file is written over that file's YAML tree, so the
    comments a reviewer added (and the order of the entries) are kept (ruamel.yaml's
    round trip). A fresh doc is written by `layers.claimsfile._fastdump`: the same bytes
    ruamel.yaml writes, ~30x faster (10,000 claims in about half a second), so a
    batch's merged file is cheap; what that writer cannot vouch for goes through ruamel.
    """
    base = getattr(doc, "_yaml_tree", None)
    if base is None and getattr(doc, "_yaml_source", None) is not None:
        # read by the fast reader, which keeps no tree: a file that is the doc's fresh
        # text (unchanged, no comments added) is written back as it is, as ruamel's
        # round trip writes it; else ruamel's tree of the file is made now
        fresh = _fresh_text(doc)
        if fresh == doc._yaml_source[0]:
            return fresh
        base = _loaded_tree(doc)
    if base is not None:
        return _dump_ruamel(_merge(base, _doc_to_yaml(doc), top=True))
    return _fresh_text(doc)


def _fresh_text(doc: ClaimsDoc) -> str:
    """The claims file of `doc` written anew (no file's tree to keep)."""
    # written directly (the same bytes, ~100x faster), or by ruamel for whatever the
    # direct writer cannot show it writes the same
    from layers.claimsfile._fastdump import Unsure, dump_tree

    tree = _doc_tree(doc)
    try:
        return dump_tree(_HEADER, tree)
    except Unsure as why:
        log.debug("claims file of %s through ruamel.yaml: %s", doc.article.id, why)
    return _dump_ruamel(_doc_to_yaml(doc, tree))


def _dump_ruamel(tree) -> str:
    buf = io.StringIO()
    _yaml().dump(tree, buf)
    return buf.getvalue()


def write_claims_file(doc: ClaimsDoc, path: str | os.PathLike) -> Path:
    """Write the claims file of `doc` to `path` atomically; return the path.

    When `path` already holds a claims file for the same article, the file is updated in
    place: the reviewer's comments on places and claims that remain are kept.
    """
    p = Path(path)
    if getattr(doc, "_yaml_tree", None) is None and getattr(doc, "_yaml_source", None) is None \
            and p.is_file():
        try:
            old = load_claims_file(p, validate_places=False)
        except BadInput as err:
            log.info("%s is not a claims file to update (%s); writing it anew", p, err)
        else:
            if old.article.id == doc.article.id:
                for attr in ("_yaml_tree", "_yaml_source", "_place_keys"):
                    if hasattr(old, attr):
                        object.__setattr__(doc, attr, getattr(old, attr))
    text = dump_claims_file(doc)
    p.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", dir=p.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        # mkstemp makes the file 0600: give it the mode of any new file (a shared review)
        mask = os.umask(0o022)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)
        os.replace(tmp, p)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return p


# ---------------------------------------------------------------------------- loading

class _Where:
    """Line numbers of a loaded tree, for error messages."""

    def __init__(self, path: str):
        self.path = path

    def fail(self, msg: str, node=None, key=None, index=None, field: str | None = None):
        line = None
        try:
            if node is not None and key is not None and key in node:
                line = node.lc.key(key)[0] + 1
            elif node is not None and index is not None:
                line = node.lc.item(index)[0] + 1
            elif node is not None:
                line = node.lc.line + 1
        except (AttributeError, KeyError, IndexError, TypeError):
            line = None
        raise BadInput(msg, path=self.path, line=line, field=field or (str(key) if key else None))


def _str(w: _Where, node, key, default="", *, required=False) -> str:
    if key not in node or node[key] is None:
        if required:
            w.fail(f"missing field {key!r}", node, field=key)
        return default
    v = node[key]
    if isinstance(v, (dict, list)):
        w.fail(f"{key} must be text, not a {'mapping' if isinstance(v, dict) else 'list'}", node, key)
    if isinstance(v, bool):
        w.fail(f"{key} must be text, not {v!r}", node, key)
    return str(v)


def _number(w: _Where, node, key, *, integer=False, default=None):
    if key not in node or node[key] is None or node[key] == "":
        return default
    v = node[key]
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        w.fail(f"{key} is not a number: {v!r}", node, key)
    if isinstance(v, float) and not math.isfinite(v):
        w.fail(f"{key} is not a finite number: {v!r}", node, key)
    if integer:
        if isinstance(v, float) and not v.is_integer():
            w.fail(f"{key} must be a whole number: {v!r}", node, key)
        return int(v)
    return float(v)


def _list(w: _Where, node, key) -> list:
    if key not in node or node[key] is None:
        return []
    v = node[key]
    if not isinstance(v, list):
        w.fail(f"{key} must be a list", node, key)
    return list(v)


def _date_str(w: _Where, node, key) -> str:
    from layers.text.dates import parse_iso_date

    if key not in node or node[key] in (None, ""):
        return ""
    v = node[key]
    if isinstance(v, datetime):
        return v.date().isoformat()
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, int) and not isinstance(v, bool) and 1000 <= v <= 9999:
        return str(v)
    try:
        return parse_iso_date(str(v))
    except ValueError:
        w.fail(f"{key} is not a date (YYYY, YYYY-MM or YYYY-MM-DD): {v!r}", node, key)


def _check_keys(w: _Where, node, allowed, what: str):
    for k in node:
        if k not in allowed:
            w.fail(f"unknown field {k!r} in {what} (known: {', '.join(allowed)})", node, k)


def _article(w: _Where, root) -> Article:
    from layers.text.article import slugify

    a = root.get("article")
    if not isinstance(a, dict):
        w.fail("'article' must be a mapping with at least an id", root, "article" if "article" in root else None,
               field="article")
    _check_keys(w, a, _ARTICLE_KEYS, "article")
    aid = _str(w, a, "id", required=True)
    if slugify(aid) != aid:
        w.fail(f"article id {aid!r} is not a safe id (try {slugify(aid)!r})", a, "id")
    published = _date_str(w, a, "published")
    if published and len(published) != 10:
        w.fail(f"published must be a full date (YYYY-MM-DD): {published!r}", a, "published")
    text = root.get("article_text", "") or ""
    if not isinstance(text, str):
        w.fail("article_text must be text", root, "article_text")
    notes = _list(w, a, "notes")
    return Article(id=aid, text=str(text), title=_str(w, a, "title"),
                   published=date.fromisoformat(published) if published else None,
                   source=_str(w, a, "source"), path=str(a["path"]) if a.get("path") else None,
                   notes=tuple(str(n) for n in notes))


def _places(w: _Where, root, validate: bool) -> tuple[list[PlaceRecord], dict[str, str]]:
    from geo.model import KINDS

    seq = root.get("places")
    if seq is None:
        return [], {}
    if not isinstance(seq, list):
        w.fail("'places' must be a list", root, "places")
    gaz = None
    out: list[PlaceRecord] = []
    keys: dict[str, str] = {}           # key (and place_id) -> place_id
    seen_keys: set[str] = set()
    for i, node in enumerate(seq):
        if not isinstance(node, dict):
            w.fail("each place must be a mapping", seq, index=i, field="places")
        _check_keys(w, node, _PLACE_KEYS, "a place")
        key = _str(w, node, "key")
        pid = _str(w, node, "place_id")
        gid = _number(w, node, "geonameid", integer=True)
        if gid is not None and pid and pid.startswith("geonames:") and pid != f"geonames:{gid}":
            w.fail(f"place_id {pid!r} and geonameid {gid} disagree: keep the one you mean",
                   node, "geonameid")
        if not pid and gid is not None:
            pid = f"geonames:{gid}"
        source = _str(w, node, "source")
        lat = _number(w, node, "lat")
        lon = _number(w, node, "lon")
        pinned = bool(source) and source != "GeoNames" and lat is not None and lon is not None
        if lat is not None and not -90 <= lat <= 90:
            w.fail(f"lat {lat} is not a latitude", node, "lat")
        if lon is not None and not -180 <= lon <= 180:
            w.fail(f"lon {lon} is not a longitude", node, "lon")
        entry = None
        if pid and validate and not pinned:
            if gaz is None:
                from geo.gazetteer import Gazetteer

                gaz = Gazetteer.open()
            entry = gaz.get(pid)
            if entry is None and (not pid.startswith("claimmap:") or lat is None or lon is None):
                # the project's own ids (derived facilities) may stand on their coordinates
                field = "geonameid" if "geonameid" in node and "place_id" not in node else "place_id"
                w.fail(f"the gazetteer has no place {pid!r}", node, field)
        elif pid and validate and pinned and pid.startswith(("geonames:", "country:")):
            from geo.gazetteer import Gazetteer

            gaz = gaz or Gazetteer.open()
            entry = gaz.get(pid)
            if entry is None:
                w.fail(f"the gazetteer has no place {pid!r}", node, "place_id")
        if entry is None and not pid and not pinned:
            if lat is not None or lon is not None:
                w.fail("coordinates need the source they come from (field 'source')", node,
                       "lat" if "lat" in node else "lon", field="source")
            w.fail("a place needs a gazetteer id (place_id or geonameid) or lat, lon and source",
                   node, field="place_id")
        if entry is None and (lat is None or lon is None):
            w.fail("a place not taken from the gazetteer needs lat and lon", node, field="lat")
        name = _str(w, node, "name") or (entry.name if entry else "")
        if not name:
            w.fail("a place pinned to coordinates needs a name", node, field="name")
        if not key:
            key = _slug(name)
            if hasattr(node, "insert"):
                node.insert(0, "key", key)
        if key in seen_keys:
            w.fail(f"duplicated place key {key!r}", node, "key")
        seen_keys.add(key)
        if not pid:
            pid = f"claimmap:{key}"
        kind = entry.kind if entry else (_str(w, node, "kind") or "populated_place")
        if kind not in KINDS:
            w.fail(f"unknown kind {kind!r} (one of {', '.join(KINDS)})", node, "kind")
        gp = _number(w, node, "geo_precision", integer=True, default=1)
        if gp not in (1, 2, 3):
            w.fail(f"geo_precision must be 1, 2 or 3, not {gp}", node, "geo_precision")
        rec = PlaceRecord(
            place_id=pid, name=entry.name if entry else name, kind=kind,
            lat=lat if pinned else (entry.lat if entry else lat),
            lon=lon if pinned else (entry.lon if entry else lon),
            geonameid=entry.geonameid if entry else gid,
            country_code=entry.country_code if entry else _str(w, node, "country_code"),
            admin1=entry.admin1 if entry else _str(w, node, "admin1"),
            population=entry.population if entry else _number(w, node, "population", integer=True, default=0),
            mentions=_number(w, node, "mentions", integer=True, default=0),
            surfaces=[str(s) for s in _list(w, node, "surfaces")],
            geo_precision=gp,
            alternatives=[str(s) for s in _list(w, node, "alternatives")],
            source=source, note=_str(w, node, "note"))
        if any(o.place_id == pid for o in out):
            w.fail(f"place {pid!r} is listed twice", node, "place_id")
        out.append(rec)
        keys[key] = pid
    for rec in out:
        keys.setdefault(rec.place_id, rec.place_id)
    return out, keys


def _claims(w: _Where, root, article: Article, keys: dict[str, str],
            places: list[PlaceRecord]) -> list[Claim]:
    from layers.text.dates import iso_precision
    from layers.text.claims import claim_id_for

    seq = root.get("claims")
    if seq is None:
        return []
    if not isinstance(seq, list):
        w.fail("'claims' must be a list", root, "claims")
    prec_of = {p.place_id: p.geo_precision for p in places}
    out: list[Claim] = []
    ids: set[str] = set()
    id_nodes = []
    for i, node in enumerate(seq):
        if not isinstance(node, dict):
            w.fail("each claim must be a mapping", seq, index=i, field="claims")
        _check_keys(w, node, _CLAIM_KEYS, "a claim")
        category = _str(w, node, "category", required=True)
        if category not in CATEGORIES:
            w.fail(f"unknown category {category!r} (one of {', '.join(CATEGORIES)})", node, "category")
        refs = node.get("places")
        if isinstance(refs, str):
            refs = [refs]
        # an empty list is what the file says of a claim placed nowhere (the builder keeps
        # it out of the map layers, in the CSV and this file): it must load back
        if not isinstance(refs, list):
            w.fail("a claim needs its places: a list of place keys", node,
                   "places" if "places" in node else None, field="places")
        place_ids = []
        for r in refs:
            pid = keys.get(str(r))
            if pid is None:
                w.fail(f"place {r!r} is not in places", node, "places")
            place_ids.append(pid)
        relation = _str(w, node, "relation")
        if relation and relation not in RELATIONS:
            w.fail(f"unknown relation {relation!r} (one of {', '.join(RELATIONS)})", node, "relation")
        measure = _str(w, node, "measure")
        value = _number(w, node, "value")
        unit = _str(w, node, "unit")
        if value is not None and not measure:
            w.fail("a value needs its measure", node, "measure" if "measure" in node else "value",
                   field="measure")
        if measure and value is None:
            w.fail(f"measure {measure!r} has no value", node, "value" if "value" in node else "measure",
                   field="value")
        ds = _date_str(w, node, "date_start")
        de = _date_str(w, node, "date_end")
        if ds and de and de[:len(ds)] < ds[:len(de)]:
            w.fail(f"date_end {de} is before date_start {ds}", node, "date_end")
        tp = _str(w, node, "time_precision")
        if tp not in ("", "day", "month", "year"):
            w.fail(f"time_precision must be day, month or year, not {tp!r}", node, "time_precision")
        if not tp and (ds or de):
            tp = iso_precision(ds or de)
        span_start = _number(w, node, "span_start", integer=True, default=-1)
        span_end = _number(w, node, "span_end", integer=True, default=span_start)
        if span_end < span_start:
            w.fail("span_end is before span_start", node, "span_end")
        if article.text and span_start > len(article.text):
            w.fail(f"span_start {span_start} is past the end of the article text", node, "span_start")
        text = _str(w, node, "sentence")
        contested = node.get("contested", False)
        if not isinstance(contested, bool):
            w.fail(f"contested must be true or false, not {contested!r}", node, "contested")
        gp = _number(w, node, "geo_precision", integer=True,
                     default=max((prec_of.get(p, 1) for p in place_ids), default=1))
        if gp not in (1, 2, 3):
            w.fail(f"geo_precision must be 1, 2 or 3, not {gp}", node, "geo_precision")
        cid = _str(w, node, "claim_id")
        if not cid:
            span_text = article.text[span_start:span_end] if span_start >= 0 else text
            cid = claim_id_for(article.id, span_text, span_start, measure, value, relation,
                               place_ids, category)
            # written back with the id, so the claim keeps it (and its comments) from now on
            if hasattr(node, "insert"):
                node.insert(0, "claim_id", cid)
        if cid in ids:
            w.fail(f"duplicated claim id {cid!r}", node, "claim_id")
        ids.add(cid)
        id_nodes.append(node)
        out.append(Claim(
            claim_id=cid, article_id=article.id, text=text, span_start=span_start,
            span_end=span_end, category=category, place_ids=place_ids, measure=measure,
            value=value, unit=unit, date_start=ds, date_end=de, time_precision=tp,
            source=_str(w, node, "source") or "unattributed", geo_precision=gp,
            contested=contested, conflicts_with=[str(x) for x in _list(w, node, "conflicts_with")],
            relation=relation, period=_str(w, node, "period"), qualifier=_str(w, node, "qualifier"),
            note=_str(w, node, "note")))
    # a dropped claim takes its side of a conflict with it
    for c in out:
        gone = [x for x in c.conflicts_with if x not in ids]
        if gone:
            log.info("claim %s: conflicts with dropped claim(s) %s", c.claim_id, ", ".join(gone))
            c.conflicts_with = [x for x in c.conflicts_with if x in ids]
            if not c.conflicts_with:
                c.contested = False
    return out


#: values a claims file may hold once its YAML aliases (*name) are expanded
_MAX_VALUES = 1_000_000


def _check_aliases(text: str, path: str) -> None:
    """Refuse aliases that expand beyond reason (a "billion laughs" file would take
    claimmap's memory and time): the expanded count of values is bounded."""
    from ruamel.yaml import YAML
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    if "*" not in text:
        return
    root = YAML().compose(text)        # aliases are shared nodes here, not yet copies
    sizes: dict[int, int] = {}

    def size(node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        sizes[key] = 1                 # a node that contains itself counts once
        if isinstance(node, MappingNode):
            total = 1 + sum(size(k) + size(v) for k, v in node.value)
        elif isinstance(node, SequenceNode):
            total = 1 + sum(size(v) for v in node.value)
        else:
            total = 1
        sizes[key] = total
        return total

    if root is not None and size(root) > _MAX_VALUES:
        from ruamel.yaml.events import AliasEvent

        first = next((e for e in YAML().parse(text) if isinstance(e, AliasEvent)), None)
        raise BadInput(f"its YAML aliases expand to more than {_MAX_VALUES} values",
                       path=path, line=first.start_mark.line + 1 if first else None)


def _unbuildable_scalar(text: str) -> tuple[str | None, int | None]:
    """The first typed scalar (a date, a number) that YAML cannot build, and its line."""
    from ruamel.yaml import YAML
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    seen: set[int] = set()

    def scalars(node):
        if id(node) in seen:           # an alias: its values were looked at already
            return
        seen.add(id(node))
        if isinstance(node, MappingNode):
            for k, v in node.value:
                yield from scalars(k)
                yield from scalars(v)
        elif isinstance(node, SequenceNode):
            for v in node.value:
                yield from scalars(v)
        elif node is not None:
            yield node

    try:
        root = YAML().compose(text)
    except Exception:  # noqa: BLE001 - no line then, the message still says why
        return None, None
    for node in scalars(root):
        tag = str(getattr(node.tag, "value", node.tag))
        if tag.endswith((":str", ":null", ":bool")) or node.style:
            continue
        try:
            YAML(typ="safe", pure=True).load(node.value)
        except Exception:  # noqa: BLE001 - this is the scalar
            return node.value, node.start_mark.line + 1
    return None, None


def loads_claims(text: str, path: str = "<claims>", *, validate_places: bool = True) -> ClaimsDoc:
    """Parse the text of a claims file (see `load_claims_file`).

    A file is read by `layers.claimsfile._fastload` (libyaml, typed by ruamel.yaml's YAML 1.2
    rules: the same values, ~40x faster; 50,000 claims in about 5 s) and checked as
    below; a file that reader is unsure of, or that does not hold, is read again through
    ruamel.yaml's round trip, whose doc (or error, with file, line and field) stands. The
    round-trip tree a doc keeps for rewriting the file with its comments is then made
    when it is first needed.
    """
    from layers.claimsfile._fastload import Unsure, load_plain, no_gc

    try:
        with no_gc():
            doc, keys = _doc_of(_Where(path), load_plain(text), validate_places)
    except Unsure as why:
        log.debug("%s through ruamel.yaml: %s", path, why)
    except Exception as err:  # noqa: BLE001 - ruamel's reading says what is wrong, with the line
        log.debug("%s through ruamel.yaml: %s: %s", path, type(err).__name__, err)
    else:
        object.__setattr__(doc, "_yaml_source", (text, path, validate_places))
        object.__setattr__(doc, "_place_keys", {pid: k for k, pid in keys.items() if k != pid})
        return doc
    return _loads_ruamel(text, path, validate_places=validate_places)


def _loaded_tree(doc: ClaimsDoc):
    """The round-trip YAML tree of the file `doc` was loaded from (None for a fresh doc);
    a doc read by the fast reader gets it now, from ruamel.yaml's reading of its text."""
    tree = getattr(doc, "_yaml_tree", None)
    source = getattr(doc, "_yaml_source", None)
    if tree is None and source is not None:
        tree = _loads_ruamel(*source[:2], validate_places=source[2])._yaml_tree
        object.__setattr__(doc, "_yaml_tree", tree)
    return tree


def _doc_of(w: _Where, root, validate_places: bool) -> tuple[ClaimsDoc, dict[str, str]]:
    """The ClaimsDoc of a loaded YAML tree (round trip or plain data), checked."""
    if not isinstance(root, dict):
        raise BadInput("not a claims file: expected a mapping with format, article, places and "
                       "claims", path=w.path, line=1)
    if root.get("format") != FORMAT:
        w.fail(f"not a claims file: format must be {FORMAT!r}, not {root.get('format')!r}", root,
               "format" if "format" in root else None, field="format")
    _check_keys(w, root, _TOP_KEYS, "the claims file")
    article = _article(w, root)
    places, keys = _places(w, root, validate_places)
    claims = _claims(w, root, article, keys, places)
    made_by = root.get("made_by") or {}
    if not isinstance(made_by, dict):
        w.fail("made_by must be a mapping", root, "made_by")
    doc = ClaimsDoc(article=article, places=places, claims=claims,
                    made_by={str(k): str(v) for k, v in made_by.items()})
    return doc, keys


def _loads_ruamel(text: str, path: str, *, validate_places: bool) -> ClaimsDoc:
    """`loads_claims` through ruamel.yaml's round trip: comments and lines kept."""
    from ruamel.yaml.error import YAMLError

    w = _Where(path)
    try:
        _check_aliases(text, path)
    except YAMLError:
        pass                           # the load below says what is wrong, with the line
    try:
        root = _yaml().load(text)
    except YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        line = mark.line + 1 if mark is not None else None
        if line is None and isinstance(getattr(err, "position", None), int):
            # a ReaderError (a character YAML does not allow) has only the position
            line = text.count("\n", 0, err.position) + 1
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise BadInput(f"not YAML: {problem}", path=path, line=line) from None
    except (ValueError, TypeError, OverflowError) as err:
        # a plain scalar YAML types but cannot build: a date such as 2025-13-45
        value, line = _unbuildable_scalar(text)
        what = f"{value!r} " if value is not None else ""
        raise BadInput(f"not YAML: {what}cannot be read ({err})", path=path, line=line) from None
    doc, keys = _doc_of(w, root, validate_places)
    object.__setattr__(doc, "_yaml_tree", root)
    object.__setattr__(doc, "_place_keys", {pid: k for k, pid in keys.items() if k != pid})
    return doc


def load_claims_file(path: str | os.PathLike, *, validate_places: bool = True) -> ClaimsDoc:
    """Read a (reviewed) claims file back into a ClaimsDoc.

    Parameters
    ----------
    path : str or path-like
        The YAML file `claimmap extract` wrote, possibly edited by a person.
    validate_places : bool
        Check place ids against the gazetteer and take gazetteer places' fields from it
        (default). False reads the file as written (used to update a file in place).

    Returns
    -------
    ClaimsDoc
        Unchanged file -> the same ClaimsDoc as the extraction that wrote it. The doc
        remembers the file (its text; ruamel.yaml's round-trip tree of it is made when it
        is first needed), so writing it again keeps the file's comments.

    Raises
    ------
    geo.exc.BadInput
        With the file, the line and the field of the first problem found.
    """
    p = Path(path)
    if not p.is_file():
        raise BadInput("no such claims file", path=str(path))
    try:
        text = p.read_bytes().decode("utf-8")
    except UnicodeDecodeError as err:
        raise BadInput(f"claims file is not UTF-8 (byte {err.start})", path=str(path)) from None
    doc = loads_claims(text, str(path), validate_places=validate_places)
    if doc.article.path is None:
        doc.article.path = None
    return doc
