"""The claims file's text written directly: the same bytes ruamel.yaml writes, much faster.

`layers.claimsfile.dump_claims_file` writes a fresh claims file through ruamel.yaml's
round-trip dumper (representer, serializer, emitter and its comment machinery): 1.5 to
6 ms a claim, up to a minute for a batch's merged 10,000 claims. The layout of a fresh file is
fixed (`layers.claimsfile._dump.doc_tree`), so this module writes it as templated lines and
only decides, per scalar, what ruamel's emitter decides:

- the style: plain, 'single' or "double" quoted, the same analysis as
  ``Emitter.analyze_scalar`` (re-implemented with regular expressions, tested against it)
  and the same ``choose_scalar_style`` rules, with ruamel's own resolver saying whether a
  plain scalar would read back as text (``yes``, ``1e5``, ``0x10``, ``null``, dates);
- the line folding at the emitter's width (100), as its ``write_plain`` and
  ``write_single_quoted`` do it, word by word instead of character by character;
- double-quoted scalars that need escapes or may fold, and the literal article text,
  are written by ruamel's own ``write_double_quoted`` / ``write_literal`` on an emitter
  put in the state the dumper would have it in.

A document holding anything it is not shown to write as ruamel does (a value of a type
other than str, int, float, bool and None, a str subclass, a made_by key that is not a plain one-line key, an alternative that is not a
plain id fitting its line) raises `Unsure`: the caller then dumps it with ruamel.
"""

from __future__ import annotations

import io
import math
import re

__all__ = ["DQ", "Alts", "Block", "Flow", "Lit", "Unsure", "analyze", "dump_tree"]

#: ruamel's emitter width as `layers.claimsfile._format.round_trip_yaml` sets it
WIDTH = 100
_STR_TAG = "tag:yaml.org,2002:str"
_BREAKS = "\n\x85\u2028\u2029"
_WS = "\0 \t\r\n\x85\u2028\u2029"
# characters the emitter (allow_unicode=True) can write in a plain or single-quoted scalar
_SPECIAL = re.compile("[^\n\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|\ufeff")
_FIRST_INDICATORS = frozenset("#,[]{}&*!|>'\"%@`")
_FLOW_INSIDE = re.compile(r"[,\[\]{}]")
_COLON_WS = re.compile(":(?:[\0 \t\r\n\x85\u2028\u2029]|\\Z)")
_HASH_AFTER_WS = re.compile("[\0 \t\r\n\x85\u2028\u2029]#")
_BREAK_SPACE = re.compile("[\n\x85\u2028\u2029] ")
_SPACE_BREAK = re.compile(" [\n\x85\u2028\u2029]")
_ANY_BREAK = re.compile("[\n\x85\u2028\u2029]")
_OTHER_BREAK = re.compile("[\x85\u2028\u2029]")
_TOKENS = re.compile(r" +|[^ ]+")
# double-quoted: what write_double_quoted escapes (allow_unicode=True)
_DQ_ESCAPE = re.compile(
    "[^\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\"\\\\\x85\u2028\u2029\ufeff]")
# a sufficient (not necessary) test for allow_block_plain: no indicator first, no
# control, special or break character, no ": " or ":" last, no " #", no space last
_BLOCK_PLAIN_SURE = re.compile(
    "[^\\s\\-?:,\\[\\]{}#&*!|>'\"%@`.\x00-\x1f\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff]"
    "(?:[^\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff:#]"
    "|:(?=[^\\s\x00])|(?<![\\s\x00])#)*(?<!\\s)")
# first characters of the scalars some implicit resolver looks at ('' is null)
_RESOLVED_FIRST = frozenset("tTfF-+0123456789.<~nN=!&*yYoO")


# ---------------------------------------------------------------------------- the layout's parts
# `layers.claimsfile._dump.doc_tree` gives a fresh file as [(key, value, blank line before)],
# values being scalars, dicts (block mappings) and these markers.

class DQ:
    """A double-quoted scalar (dates: YAML keeps "2024-12" a string)."""

    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text


class Lit:
    """A literal block scalar (the article text)."""

    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text


class Flow:
    """A flow sequence: ``[a, b]``."""

    __slots__ = ("items",)

    def __init__(self, items: list):
        self.items = items


class Alts:
    """A place's alternatives: (id, label) pairs, a block list with each label as an
    end-of-line comment (``[]`` when there are none)."""

    __slots__ = ("items",)

    def __init__(self, items: list):
        self.items = items


class Block:
    """A block list of mappings (places, claims), each a list of (key, value)."""

    __slots__ = ("items",)

    def __init__(self, items: list):
        self.items = items


class Unsure(Exception):
    """The fast writer cannot show it writes this value as ruamel would."""


def analyze(s: str) -> tuple[bool, bool, bool, bool, bool, bool, bool]:
    """ruamel ``Emitter.analyze_scalar`` (allow_unicode, YAML 1.2) as a tuple: empty,
    multiline, allow_flow_plain, allow_block_plain, allow_single_quoted,
    allow_double_quoted, allow_block."""
    if not s:
        return True, False, False, True, True, True, False
    block_ind = flow_ind = False
    if s.startswith(("---", "...")):
        block_ind = flow_ind = True
    first = s[0]
    followed_ws = len(s) == 1 or s[1] in _WS
    if first in _FIRST_INDICATORS:
        block_ind = flow_ind = True
    elif first in "?:":
        if len(s) == 1:
            flow_ind = True
        if followed_ws:
            block_ind = True
    elif first == "-" and followed_ws:
        block_ind = flow_ind = True
    if len(s) > 1:
        if _FLOW_INSIDE.search(s, 1):
            flow_ind = True
        if _COLON_WS.search(s, 1) or _HASH_AFTER_WS.search(s):
            block_ind = flow_ind = True
    line_breaks = _ANY_BREAK.search(s) is not None
    special = _SPECIAL.search(s) is not None
    last = s[-1]
    leading = first == " " or first in _BREAKS
    trailing_space = last == " "
    trailing = trailing_space or last in _BREAKS
    break_space = line_breaks and _BREAK_SPACE.search(s) is not None
    space_break = line_breaks and _SPACE_BREAK.search(s) is not None
    flow_plain = block_plain = single = block = True
    if leading or trailing:
        flow_plain = block_plain = False
    if trailing_space:
        block = False
    if break_space:
        flow_plain = block_plain = single = False
    if special or space_break:               # (allow_space_break is off)
        flow_plain = block_plain = single = block = False
    if line_breaks:
        flow_plain = block_plain = False
    if flow_ind:
        flow_plain = False
    if block_ind:
        block_plain = False
    return False, line_breaks, flow_plain, block_plain, single, True, block


class _Resolver:
    """Whether a plain scalar reads back with a given tag (ruamel's own resolver)."""

    def __init__(self):
        from ruamel.yaml.nodes import ScalarNode
        from ruamel.yaml.resolver import VersionedResolver

        self._node = ScalarNode
        self._r = VersionedResolver()
        self._cache: dict[str, str] = {}

    def tag(self, s: str) -> str:
        if s and s[0] not in _RESOLVED_FIRST:
            return _STR_TAG
        t = self._cache.get(s)
        if t is None:
            t = self._r.resolve(self._node, s, (True, False)).suffix
            if len(self._cache) < 100_000:
                self._cache[s] = t
        return t


def _float_text(v: float) -> str:
    # RoundTripRepresenter.represent_float (YAML 1.2)
    if math.isnan(v):
        return ".nan"
    if v == float("inf"):
        return ".inf"
    if v == float("-inf"):
        return "-.inf"
    return repr(v).lower()


class _Writer:
    """Appends scalars to `out` the way ruamel's emitter writes them, tracking the column."""

    def __init__(self):
        from ruamel.yaml.emitter import Emitter

        self.out: list[str] = []
        self.res = _Resolver()
        self._block_styles: dict[str, str] = {}
        self._flow_styles: dict[str, str] = {}
        self.keys: dict[str, str] = {}         # checked keys -> "key:"
        self._buf = io.StringIO()
        em = Emitter(self._buf, indent=2, width=WIDTH, allow_unicode=True)
        em.best_map_indent = 2
        em.best_sequence_indent = 4
        em.sequence_dash_offset = 2
        self.em = em

    # -- emitter delegation: exact by construction, used where the fast rules stop
    def _delegate(self, method: str, s: str, col: int, indent: int, whitespace: bool) -> int:
        em = self.em
        buf = self._buf
        buf.seek(0)
        buf.truncate()
        em.column = col
        em.indent = indent
        em.whitespace = whitespace
        em.indention = False
        em.no_newline = False
        em.root_context = False
        em.open_ended = False
        if method == "literal":
            em.write_literal(s, "")
        elif method == "double":
            em.write_double_quoted(s, True)
        else:
            em.write_single_quoted(s, True)
        self.out.append(buf.getvalue())
        return em.column

    # -- the styles
    def plain(self, s: str, col: int, indent: int, whitespace: bool) -> int:
        out = self.out
        if not s:
            return col
        if not whitespace:
            out.append(" ")
            col += 1
        if col + len(s) <= WIDTH:              # nothing can fold
            out.append(s)
            return col + len(s)
        for tok in _TOKENS.findall(s):
            n = len(tok)
            if tok[0] == " ":
                if n == 1 and col >= WIDTH:
                    out.append("\n" + " " * indent)
                    col = indent
                else:
                    out.append(tok)
                    col += n
            else:
                if n + col > WIDTH and col > indent:
                    out.append("\n" + " " * indent)
                    col = indent
                out.append(tok)
                col += n
        return col

    def single(self, s: str, col: int, indent: int, whitespace: bool) -> int:
        if _OTHER_BREAK.search(s):
            return self._delegate("single", s, col, indent, whitespace)
        out = self.out
        out.append("'" if whitespace else " '")
        col += 1 if whitespace else 2
        if col + len(s) <= WIDTH:
            out.append(s)
            out.append("'")
            return col + len(s) + 1
        pos = 0
        end_all = len(s)
        for tok in _TOKENS.findall(s):
            n = len(tok)
            if (tok[0] == " " and n == 1 and col > WIDTH and pos != 0
                    and pos + 1 != end_all):
                out.append("\n" + " " * indent)
                col = indent
            else:
                out.append(tok)
                col += n
            pos += n
        out.append("'")
        return col + 1

    def double(self, s: str, col: int, indent: int, whitespace: bool) -> int:
        opened = col + (1 if whitespace else 2)
        if opened + len(s) <= WIDTH and _DQ_ESCAPE.search(s) is None:
            self.out.append(('"' if whitespace else ' "') + s + '"')
            return opened + len(s) + 1
        return self._delegate("double", s, col, indent, whitespace)

    def literal(self, s: str, col: int, indent: int) -> int:
        return self._delegate("literal", s, col, indent, False)

    # -- a value as the representer and choose_scalar_style would have it
    def style(self, v: str, flow: bool) -> str:
        """choose_scalar_style of a str in a block mapping value or a flow sequence:
        "" (plain), "'" or '"'."""
        cache = self._flow_styles if flow else self._block_styles
        st = cache.get(v)
        if st is not None:
            return st
        if (_BLOCK_PLAIN_SURE.fullmatch(v) is not None
                and not (flow and _FLOW_INSIDE.search(v))):
            plain_ok = True
        else:
            a = analyze(v)
            plain_ok = a[2] if flow else a[3]
        if plain_ok and self.res.tag(v) == _STR_TAG:
            st = ""
        elif "'" in v or "\n" in v or not analyze(v)[4]:
            st = '"'
        else:
            st = "'"
        if len(v) <= 64 and len(cache) < 100_000:
            cache[v] = st
        return st

    def text(self, v: str, col: int, indent: int, flow: bool = False,
             whitespace: bool = False) -> int:
        st = self.style(v, flow)
        if st == "":
            return self.plain(v, col, indent, whitespace)
        if st == '"':
            return self.double(v, col, indent, whitespace)
        return self.single(v, col, indent, whitespace)

    def value(self, v, col: int, indent: int, *, flow: bool = False,
              whitespace: bool = False) -> int:
        t = type(v)
        if t is str:
            return self.text(v, col, indent, flow, whitespace)
        if t is DQ:
            return self.double(v.text, col, indent, whitespace)
        if t is int:                           # str(int) is always a plain int
            return self.plain(str(v), col, indent, whitespace)
        if v is None:
            if flow:
                raise Unsure("null in a flow sequence")
            return col                         # `key:` and nothing after it
        if t is bool:
            text, tag = ("true" if v else "false"), "tag:yaml.org,2002:bool"
        elif t is int:
            text, tag = str(v), "tag:yaml.org,2002:int"
        elif t is float:
            text, tag = _float_text(v), "tag:yaml.org,2002:float"
        else:
            raise Unsure(f"a {t.__name__} value")
        if self.res.tag(text) != tag:
            raise Unsure(f"{text!r} would carry a tag")
        a = analyze(text)
        if not (a[2] if flow else a[3]):
            raise Unsure(f"{text!r} is not plain")
        return self.plain(text, col, indent, whitespace)

    def flow(self, items, col: int, key_indent: int) -> int:
        """A flow sequence after ``key:``; returns the column after ``]``."""
        out = self.out
        out.append(" [")
        col += 2
        flow_indent = key_indent + 2
        item_indent = key_indent + 6
        whitespace = True
        for i, item in enumerate(items):
            if i:
                out.append(",")
                col += 1
                whitespace = False
            if col > WIDTH:
                out.append("\n" + " " * flow_indent)
                col = flow_indent
                whitespace = True
            col = self.value(item, col, item_indent, flow=True, whitespace=whitespace)
        out.append("]")
        return col + 1


# ---------------------------------------------------------------------------- the file

def _key(w: _Writer, k, indent: int) -> int:
    """A mapping key at `indent` (the caller wrote the indentation); returns the column
    after its colon."""
    text = w.keys.get(k) if type(k) is str else None
    if text is None:
        if type(k) is not str or not k or len(k) >= 128:
            raise Unsure(f"key {k!r}")
        a = analyze(k)
        if not a[3] or a[1] or w.res.tag(k) != _STR_TAG:
            raise Unsure(f"key {k!r} is not a plain one-line key")
        text = w.keys[k] = k + ":"
    if len(text) + indent > WIDTH:
        raise Unsure(f"key {k!r} does not fit the line")
    w.out.append(text)
    return indent + len(text)


def _mapping_items(w: _Writer, items, indent: int) -> None:
    """`key: value` lines of a block mapping whose first key is already indented."""
    out = w.out
    pad = " " * indent
    value_indent = indent + 2
    first = True
    for k, v in items:
        if first:
            first = False
        else:
            out.append(pad)
        col = _key(w, k, indent)
        if type(v) is str:
            w.text(v, col, value_indent)
        else:
            _entry_value(w, v, col, indent)
        out.append("\n")


def _entry_value(w: _Writer, v, col: int, indent: int) -> None:
    t = type(v)
    if t is Flow:
        w.flow(v.items, col, indent)
    elif t is DQ:
        w.double(v.text, col, indent + 2, False)
    elif t is Alts:
        _alternatives(w, v, indent)
    elif t is Lit:
        w.literal(v.text, col, indent + 2)
        # write_literal ends its own last line
        if w.out and w.out[-1].endswith("\n"):
            w.out[-1] = w.out[-1][:-1]
    else:
        w.value(v, col, indent + 2)


def _alternatives(w: _Writer, alts, indent: int) -> None:
    if not alts.items:
        w.flow([], indent + len("alternatives") + 1, indent)
        return
    out = w.out
    dash = " " * (indent + 2) + "- "
    item_col = indent + 4
    commented = False
    for i, (alt, label) in enumerate(alts.items):
        if type(alt) is not str:
            raise Unsure("an alternative that is not text")
        a = analyze(alt)
        if not a[3] or w.res.tag(alt) != _STR_TAG or item_col + len(alt) > WIDTH:
            raise Unsure(f"alternative {alt!r}")
        out.append("\n" + dash + alt)
        if label:
            if type(label) is not str or _SPECIAL.search(label) or "\n" in label:
                raise Unsure("an alternative's label")
            out.append(("  # " if not commented else " # ") + label)
            commented = True


def dump_tree(header: str, tree: list) -> str:
    """The claims file text of `tree` (`layers.claimsfile._dump.doc_tree`'s form).

    Raises
    ------
    Unsure
        When a value is outside what this writer is shown to write as ruamel does.
    """
    w = _Writer()
    out = w.out
    for line in header.split("\n"):
        out.append("# " + line + "\n" if line else "#\n")
    for k, v, blank_before in tree:
        if blank_before:
            out.append("\n")
        col = _key(w, k, 0)
        if type(v) is dict:
            if not v:
                out.append(" {}\n")    # as ruamel writes an empty mapping ("made_by: {}")
                continue
            out.append("\n  ")
            _mapping_items(w, v.items(), 2)
        elif type(v) is Block:
            if not v.items:
                out.append(" []\n")    # and an empty list ("claims: []")
                continue
            out.append("\n")
            for entry in v.items:
                out.append("  - ")
                _mapping_items(w, entry, 4)
        else:
            _entry_value(w, v, col, 0)
            out.append("\n")
    return "".join(out)
