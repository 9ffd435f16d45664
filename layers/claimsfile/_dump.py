"""Writing a ClaimsDoc as a claims file: the fresh file's tree, ruamel.yaml's round trip over
a loaded file (a reviewer's comments kept), and the direct writer for fresh files."""

from __future__ import annotations

import io
import logging
import re

from layers.claimsfile._fastdump import DQ as _DQ
from layers.claimsfile._fastdump import Alts as _Alts
from layers.claimsfile._fastdump import Block as _Block
from layers.claimsfile._fastdump import Flow as _Flow
from layers.claimsfile._fastdump import Lit as _Lit
from layers.claimsfile._format import FORMAT, HEADER, place_keys, round_trip_yaml, slug
from layers.model import ClaimsDoc

log = logging.getLogger("layers.claimsfile")


# ---------------------------------------------------------------------------- dumping



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


# The fresh file's layout is said once, by `doc_tree` (in the markers of
# layers.claimsfile._fastdump); both writers follow it: ruamel's round trip (`doc_to_yaml`)
# and the direct one (`layers.claimsfile._fastdump.dump_tree`).

def doc_keys(doc: ClaimsDoc) -> dict[str, str]:
    keys = place_keys(doc.places)
    # a loaded file keeps its keys (a place switched to another entry keeps its key)
    kept = doc.loaded.place_keys if doc.loaded is not None else {}
    if kept:
        taken = {k for pid, k in kept.items() if pid in keys}
        for pid in keys:
            if pid in kept:
                keys[pid] = kept[pid]
            elif keys[pid] in taken:
                keys[pid] = f"{keys[pid]}-{slug(pid.split(':', 1)[-1])}"
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


def doc_tree(doc: ClaimsDoc) -> list[tuple[str, object, bool]]:
    """The fresh claims file of a ClaimsDoc: (key, value, blank line before) in order."""
    a = doc.article
    keys = doc_keys(doc)
    labels: dict[str, str] = {}

    def label(pid: str) -> str:
        if pid not in labels:
            labels[pid] = _alt_label(pid)
        return labels[pid]

    art = {"id": a.id, "title": a.title,
           "published": _DQ(a.published.isoformat()) if a.published else None,
           "source": a.source}
    if a.url:
        # written only when known, so the files of articles with no address stay as they were
        art["url"] = a.url
    art.update({"path": a.path, "notes": _Flow(list(a.notes))})
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
             ("places", _Flow([keys.get(pid, pid) for pid in c.place_ids]))]
        if c.unresolved_place:
            m.append(("unresolved_place", c.unresolved_place))
        m += [("relation", c.relation), ("measure", c.measure), ("value", _num(c.value))]
        if c.value_max is not None:
            m.append(("value_max", _num(c.value_max)))
        m += [("unit", c.unit),
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


def doc_to_yaml(doc: ClaimsDoc, tree: list | None = None):
    """A fresh round-trip YAML tree of a ClaimsDoc."""
    from ruamel.yaml.comments import CommentedMap

    if tree is None:
        tree = doc_tree(doc)
    root = CommentedMap()
    for k, v, _ in tree:
        root[k] = _to_yaml(v)
    root.yaml_set_start_comment(HEADER)
    for k, _, blank in tree:
        if blank:
            root.yaml_set_comment_before_after_key(k, before="\n")
    return root


def _same(a, b) -> bool:
    """Equal and of one type (a quoted "2024" is not the number 2024)."""
    return type(a) is type(b) and a == b


def merge_tree(base, new, list_key: str | None = None, top: bool = False):
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
                    merge_tree(bv, v)
                    continue
                if isinstance(bv, CommentedSeq) and isinstance(v, CommentedSeq):
                    ident = {"places": "key", "claims": "claim_id"}.get(k) if top else None
                    if ident or not _seq_equal(bv, v):
                        merge_tree(bv, v, ident)
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
            out.append(merge_tree(prev, item) if prev is not None else item)
        # comments ride on the items' own maps; position-bound ones would go astray
        base.ca.items.clear()
        base[:] = out
        return base
    return new


def _seq_equal(a, b) -> bool:
    return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))




def fresh_text(doc: ClaimsDoc) -> str:
    """The claims file of `doc` written anew (no file's tree to keep)."""
    # written directly (the same bytes, ~100x faster), or by ruamel for whatever the
    # direct writer cannot show it writes the same
    from layers.claimsfile._fastdump import Unsure, dump_tree

    tree = doc_tree(doc)
    try:
        return dump_tree(HEADER, tree)
    except Unsure as why:
        log.debug("claims file of %s through ruamel.yaml: %s", doc.article.id, why)
    return dump_ruamel(doc_to_yaml(doc, tree))


def dump_ruamel(tree) -> str:
    buf = io.StringIO()
    round_trip_yaml().dump(tree, buf)
    return buf.getvalue()
