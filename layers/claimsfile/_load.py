"""Reading a claims file back into a ClaimsDoc, checked, with the file, line and field of
what does not hold; the fast reader first, ruamel.yaml's round trip on any doubt."""

from __future__ import annotations

import logging
import os
import re
import math
from datetime import date, datetime

from geo.exc import BadInput
from layers.claimsfile._format import (ARTICLE_KEYS, CLAIM_KEYS, FORMAT, PLACE_KEYS, TOP_KEYS,
                                       round_trip_yaml, slug)
from layers.model import (CATEGORIES, RELATIONS, Article, Claim, ClaimsDoc, LoadedFile,
                          PlaceRecord)

log = logging.getLogger("layers.claimsfile")


# ---------------------------------------------------------------------------- loading

class _Where:
    """Line numbers of a loaded tree, for error messages; and every error found so far.

    `fail` records an error and goes on (the reading checks every field, so that a
    reviewer sees every problem of a file at once); ``fatal=True`` also stops reading the
    item (place, claim, article) it is in, where nothing more of it can be checked.
    `done` raises them all as one `BadInput` (the first, with ``problems``: all of them).
    """

    def __init__(self, path: str):
        self.path = path
        self.errors: list[BadInput] = []

    def fail(self, msg: str, node=None, key=None, index=None, field: str | None = None,
             *, fatal: bool = False) -> None:
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
        err = BadInput(msg, path=self.path, line=line, field=field or (str(key) if key else None))
        self.errors.append(err)
        if fatal:
            raise err

    def item(self):
        """A block reading one item: a `BadInput` in it is recorded, and reading goes on
        with the next item."""
        return _Item(self)

    def done(self) -> None:
        """Raise every error found, as one `BadInput` (in the file's order)."""
        if not self.errors:
            return
        problems = sorted(self.errors, key=lambda e: (e.line is None, e.line or 0))
        first = problems[0]
        if len(problems) == 1:
            raise first
        err = BadInput(f"{first.message} (and {len(problems) - 1} more problems)",
                       path=first.path, line=first.line, field=first.field)
        err.problems = problems
        raise err


class _Item:
    def __init__(self, w: _Where):
        self.w = w

    def __enter__(self):
        return self

    def __exit__(self, kind, value, tb):
        if kind is not None and issubclass(kind, BadInput):
            if not any(value is e for e in self.w.errors):
                self.w.errors.append(value)
            return True
        return False


def _str(w: _Where, node, key, default="", *, required=False) -> str:
    if key not in node or node[key] is None:
        if required:
            w.fail(f"missing field {key!r}", node, field=key)
        return default
    v = node[key]
    if isinstance(v, (dict, list)):
        w.fail(f"{key} must be text, not a {'mapping' if isinstance(v, dict) else 'list'}", node, key)
        return default
    if isinstance(v, bool):
        w.fail(f"{key} must be text, not {v!r}", node, key)
        return default
    return str(v)


def _number(w: _Where, node, key, *, integer=False, default=None):
    if key not in node or node[key] is None or node[key] == "":
        return default
    v = node[key]
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        w.fail(f"{key} is not a number: {v!r}", node, key)
        return default
    if isinstance(v, float) and not math.isfinite(v):
        w.fail(f"{key} is not a finite number: {v!r}", node, key)
        return default
    if integer:
        if isinstance(v, float) and not v.is_integer():
            w.fail(f"{key} must be a whole number: {v!r}", node, key)
            return default
        return int(v)
    return float(v)


def _list(w: _Where, node, key) -> list:
    if key not in node or node[key] is None:
        return []
    v = node[key]
    if not isinstance(v, list):
        w.fail(f"{key} must be a list", node, key)
        return []
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
        return ""


def _check_keys(w: _Where, node, allowed, what: str):
    for k in node:
        if k not in allowed:
            w.fail(f"unknown field {k!r} in {what} (known: {', '.join(allowed)})", node, k)


#: a claim's first line, as a reviewer types one: "- category: ...", "  - claim_id: ..."
_CLAIM_ITEM = re.compile(r"^[ \t]*-[ \t]+(?:" + "|".join(CLAIM_KEYS) + r"):(?:[ \t]|$)", re.M)


def _check_no_claim_in_text(w: _Where, root, text: str) -> None:
    """Refuse a claim typed after ``article_text`` (the file's last field, a block of
    text): YAML reads it as more of the article's text, and the claim would be lost."""
    m = _CLAIM_ITEM.search(text)
    if m is None:
        return
    line = None
    try:   # the block's text starts on the line after its key
        line = root.lc.key("article_text")[0] + 2 + text.count("\n", 0, m.start())
    except (AttributeError, KeyError, TypeError):
        pass   # read by the fast reader: the round trip reads it again, with lines
    raise BadInput("a claim inside article_text (it is the last field, a block of the "
                   "article's text: YAML reads what follows it as more text); move the claim "
                   "up under 'claims:'", path=w.path, line=line, field="article_text")


def _article(w: _Where, root) -> Article:
    from layers.text.article import slugify

    a = root.get("article")
    if not isinstance(a, dict):
        w.fail("'article' must be a mapping with at least an id", root, "article" if "article" in root else None,
               field="article", fatal=True)
    _check_keys(w, a, ARTICLE_KEYS, "article")
    aid = _str(w, a, "id", required=True)
    if slugify(aid) != aid:
        w.fail(f"article id {aid!r} is not a safe id (try {slugify(aid)!r})", a, "id")
    published = _date_str(w, a, "published")
    if published and len(published) != 10:
        w.fail(f"published must be a full date (YYYY-MM-DD): {published!r}", a, "published")
        published = ""
    text = root.get("article_text", "") or ""
    if not isinstance(text, str):
        w.fail("article_text must be text", root, "article_text")
    with w.item():
        _check_no_claim_in_text(w, root, str(text))
    notes = _list(w, a, "notes")
    return Article(id=aid, text=str(text), title=_str(w, a, "title"),
                   published=date.fromisoformat(published) if published else None,
                   source=_str(w, a, "source"), path=str(a["path"]) if a.get("path") else None,
                   notes=tuple(str(n) for n in notes), url=_str(w, a, "url"))


def _places(w: _Where, root, validate: bool) -> tuple[list[PlaceRecord], dict[str, str]]:
    from geo.model import KINDS

    seq = root.get("places")
    if seq is None:
        return [], {}
    if not isinstance(seq, list):
        w.fail("'places' must be a list", root, "places", fatal=True)
    gaz = None
    out: list[PlaceRecord] = []
    keys: dict[str, str] = {}           # key (and place_id) -> place_id
    seen_keys: set[str] = set()
    for i, node in enumerate(seq):
        with w.item():
            if not isinstance(node, dict):
                w.fail("each place must be a mapping", seq, index=i, field="places",
                       fatal=True)
            try:
                rec, key = _place(w, node, validate, seen_keys, out)
            except BadInput:
                # a claim that names it is not also wrong
                failed = node.get("key") or slug(str(node.get("name") or ""))
                keys.setdefault(str(failed), "")
                raise
            if rec is not None:
                out.append(rec)
                keys[key] = rec.place_id
            else:
                keys.setdefault(key, "")
    for rec in out:
        keys.setdefault(rec.place_id, rec.place_id)
    return out, keys


def _place(w: _Where, node, validate: bool, seen_keys: set, out: list):
    """One place of the file (None when it does not hold), and its key."""
    from geo.model import KINDS

    gaz = None
    errors = len(w.errors)
    _check_keys(w, node, PLACE_KEYS, "a place")
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
            w.fail(f"the gazetteer has no place {pid!r}", node, field, fatal=True)
    elif pid and validate and pinned and pid.startswith(("geonames:", "country:")):
        from geo.gazetteer import Gazetteer

        gaz = gaz or Gazetteer.open()
        entry = gaz.get(pid)
        if entry is None:
            w.fail(f"the gazetteer has no place {pid!r}", node, "place_id", fatal=True)
    if entry is None and not pid and not pinned:
        if lat is not None or lon is not None:
            w.fail("coordinates need the source they come from (field 'source')", node,
                   "lat" if "lat" in node else "lon", field="source", fatal=True)
        w.fail("a place needs a gazetteer id (place_id or geonameid) or lat, lon and source",
               node, field="place_id")
    if entry is None and (lat is None or lon is None):
        w.fail("a place not taken from the gazetteer needs lat and lon", node, field="lat",
           fatal=True)
    name = _str(w, node, "name") or (entry.name if entry else "")
    if not name:
        w.fail("a place pinned to coordinates needs a name", node, field="name")
    if not key:
        key = slug(name)
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
    return (rec if len(w.errors) == errors else None), key


def _claim(w: _Where, node, article: Article, keys: dict[str, str] | None, prec_of: dict,
           ids: set) -> Claim | None:
    """One claim of the file (None when it does not hold)."""
    from layers.text.dates import iso_precision
    from layers.text.claims import claim_id_for

    errors = len(w.errors)
    _check_keys(w, node, CLAIM_KEYS, "a claim")
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
               "places" if "places" in node else None, field="places", fatal=True)
    place_ids = []
    for r in refs:
        pid = keys.get(str(r)) if keys is not None else ""
        if pid is None:
            w.fail(f"place {r!r} is not in places", node, "places")
        place_ids.append(pid or "")
    relation = _str(w, node, "relation")
    if relation and relation not in RELATIONS:
        w.fail(f"unknown relation {relation!r} (one of {', '.join(RELATIONS)})", node, "relation")
    measure = _str(w, node, "measure")
    before = len(w.errors)
    value = _number(w, node, "value")
    value_max = _number(w, node, "value_max")
    bad_value = len(w.errors) > before        # said once; not again as a missing value
    if value_max is not None and not bad_value and (value is None or value_max < value):
        w.fail(f"value_max {value_max:g} needs a value at most as high", node, "value_max")
    unit = _str(w, node, "unit")
    if value is not None and not measure:
        w.fail("a value needs its measure", node, "measure" if "measure" in node else "value",
               field="measure")
    if measure and value is None and not bad_value:
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
    if span_start < -1:
        w.fail(f"span_start {span_start} is not an offset (0 or more; -1 for a claim with "
               "no span in the text)", node, "span_start")
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
    if len(w.errors) > errors:
        return None          # the file is refused; nothing more of this claim to check
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
    return Claim(
        claim_id=cid, article_id=article.id, text=text, span_start=span_start,
        span_end=span_end, category=category, place_ids=place_ids, measure=measure,
        value=value, value_max=value_max, unit=unit, date_start=ds, date_end=de, time_precision=tp,
        source=_str(w, node, "source") or "unattributed", geo_precision=gp,
        contested=contested, conflicts_with=[str(x) for x in _list(w, node, "conflicts_with")],
        relation=relation, period=_str(w, node, "period"), qualifier=_str(w, node, "qualifier"),
        note=_str(w, node, "note"), unresolved_place=_str(w, node, "unresolved_place"))


def _claims(w: _Where, root, article: Article, keys: dict[str, str] | None,
            places: list[PlaceRecord]) -> list[Claim]:
    seq = root.get("claims")
    if seq is None:
        return []
    if not isinstance(seq, list):
        w.fail("'claims' must be a list", root, "claims", fatal=True)
    prec_of = {p.place_id: p.geo_precision for p in places}
    out: list[Claim] = []
    ids: set[str] = set()
    for i, node in enumerate(seq):
        with w.item():
            if not isinstance(node, dict):
                w.fail("each claim must be a mapping", seq, index=i, field="claims",
                       fatal=True)
            claim = _claim(w, node, article, keys, prec_of, ids)
            if claim is not None:
                out.append(claim)
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


#: most claims one claims file may hold (CLAIMMAP_MAX_CLAIMS overrides): a news article has
#: tens; a batch's merged file thousands (8,700 claims build in about 10 s and 370 MB here)
DEFAULT_MAX_CLAIMS = 50_000


def max_claims() -> int:
    """The limit on claims per file: CLAIMMAP_MAX_CLAIMS, else `DEFAULT_MAX_CLAIMS`."""
    raw = os.environ.get("CLAIMMAP_MAX_CLAIMS", "")
    try:
        return int(raw) if raw.strip() else DEFAULT_MAX_CLAIMS
    except ValueError:
        log.warning("CLAIMMAP_MAX_CLAIMS=%r is not a number; using %d", raw,
                    DEFAULT_MAX_CLAIMS)
        return DEFAULT_MAX_CLAIMS


_TOP_KEY = re.compile(r"(?m)^[A-Za-z_][\w-]*:")


def check_size(text: str, path: str) -> None:
    """Refuse a file with more claims than `max_claims` before any YAML is read (counting
    the items under ``claims:``: linear, and cheap next to reading them)."""
    start = re.search(r"(?m)^claims:", text)
    if start is None:
        return
    nxt = _TOP_KEY.search(text, start.end())
    block = text[start.end():nxt.start() if nxt else len(text)]
    # items at the claims list's own indentation (a claim's lists are deeper)
    items = re.findall(r"(?m)^([ \t]*)- ", block)
    if not items:
        return
    indent = min(len(i) for i in items)
    n = sum(1 for i in items if len(i) == indent)
    limit = max_claims()
    if n > limit:
        raise BadInput(f"holds {n} claims, over the limit of {limit} claims per file "
                       "(CLAIMMAP_MAX_CLAIMS; split the file, or raise the limit)",
                       path=path, line=text.count("\n", 0, start.start()) + 1,
                       field="claims")


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

    check_size(text, path)
    try:
        with no_gc():
            doc, keys = _doc_of(_Where(path), load_plain(text), validate_places)
    except Unsure as why:
        log.debug("%s through ruamel.yaml: %s", path, why)
    except Exception as err:  # noqa: BLE001 - ruamel's reading says what is wrong, with the line
        log.debug("%s through ruamel.yaml: %s: %s", path, type(err).__name__, err)
    else:
        doc.loaded = LoadedFile(text=text, path=path, validate_places=validate_places,
                                place_keys={pid: k for k, pid in keys.items() if k != pid})
        return doc
    return loads_ruamel(text, path, validate_places=validate_places)


def loaded_tree(doc: ClaimsDoc):
    """The round-trip YAML tree of the file `doc` was loaded from (None for a fresh doc);
    a doc read by the fast reader gets it now, from ruamel.yaml's reading of its text."""
    state = doc.loaded
    if state is None:
        return None
    if state.tree is None and state.text is not None:
        state.tree = loads_ruamel(state.text, state.path,
                                  validate_places=state.validate_places).loaded.tree
    return state.tree


def _check_text(w: _Where, root) -> None:
    """Refuse what a claims file cannot hold, named with its field and line: text that is
    not Unicode a file can hold (a lone surrogate, "\\ud800" in a double-quoted string),
    and values with a YAML tag of their own (``!custom``: plain values only)."""
    stack = [root]
    while stack:
        node = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in items:
            tag = getattr(getattr(value, "tag", None), "value", None)
            if tag is not None and not str(tag).startswith("tag:yaml.org,2002:"):
                w.fail(f"{key if isinstance(key, str) else 'an item'} has the YAML tag {tag}: "
                       "a claims file holds plain values only", node, key,
                       field=key if isinstance(key, str) else None)
            if isinstance(value, (dict, list)):
                stack.append(value)
            elif isinstance(value, str) and _SURROGATE.search(value):
                bad = _SURROGATE.search(value).group()
                w.fail(f"{key if isinstance(key, str) else 'an item'} is not valid text: it holds "
                       f"a lone surrogate (\\u{ord(bad):04x})", node, key,
                       field=key if isinstance(key, str) else None)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _deep_line(text: str) -> int | None:
    """The line where YAML's nesting first goes past 100 levels (for the error message)."""
    depth = 0
    line = 1
    for ch in text:
        if ch == "\n":
            line += 1
        elif ch in "[{":
            depth += 1
            if depth > 100:
                return line
        elif ch in "]}":
            depth -= 1
    return None


def _doc_of(w: _Where, root, validate_places: bool) -> tuple[ClaimsDoc, dict[str, str]]:
    """The ClaimsDoc of a loaded YAML tree (round trip or plain data), checked."""
    if not isinstance(root, dict):
        raise BadInput("not a claims file: expected a mapping with format, article, places and "
                       "claims", path=w.path, line=1)
    _check_text(w, root)
    if root.get("format") != FORMAT:
        # not a claims file at all: its other fields are not worth listing
        w.fail(f"not a claims file: format must be {FORMAT!r}, not {root.get('format')!r}", root,
               "format" if "format" in root else None, field="format", fatal=True)
    _check_keys(w, root, TOP_KEYS, "the claims file")
    article = None
    with w.item():
        article = _article(w, root)
    if article is None:      # its errors are recorded: the claims are checked all the same
        text = root.get("article_text")
        article = Article(id="article", text=text if isinstance(text, str) else "")
    places, keys = [], None     # None: the places could not be read, nor claims' keys
    with w.item():
        places, keys = _places(w, root, validate_places)
    claims = []
    with w.item():
        claims = _claims(w, root, article, keys, places)
    made_by = root.get("made_by") or {}
    if not isinstance(made_by, dict):
        w.fail("made_by must be a mapping", root, "made_by")
        made_by = {}
    w.done()
    doc = ClaimsDoc(article=article, places=places, claims=claims,
                    made_by={str(k): str(v) for k, v in made_by.items()})
    return doc, keys


def loads_ruamel(text: str, path: str, *, validate_places: bool) -> ClaimsDoc:
    """`loads_claims` through ruamel.yaml's round trip: comments and lines kept."""
    from ruamel.yaml.error import YAMLError

    w = _Where(path)
    try:
        _check_aliases(text, path)
    except YAMLError:
        pass                           # the load below says what is wrong, with the line
    try:
        root = round_trip_yaml().load(text)
    except RecursionError:
        raise BadInput("not a claims file: YAML nested too deeply to read",
                       path=path, line=_deep_line(text)) from None
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
    doc.loaded = LoadedFile(path=path, validate_places=validate_places, tree=root,
                            place_keys={pid: k for k, pid in keys.items() if k != pid})
    return doc
