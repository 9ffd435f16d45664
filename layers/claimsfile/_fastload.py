"""Fast reading of claims files: libyaml parses, ruamel.yaml's YAML 1.2 rules type.

`layers.claimsfile.loads_claims` reads a claims file through ruamel.yaml's round trip
(it keeps comments and line numbers for messages), which is slow: ~4 ms a claim, so
the merged file of a batch (tens of thousands of claims) would take minutes. This
module reads the same text into plain Python data (dict, list, str, int, float, bool,
None, date) with PyYAML's C parser (libyaml), typing each plain scalar exactly as the
round-trip loader does: the resolver table is ruamel's own YAML 1.2 one (``yes``/``no``/
``on``/``off`` stay text, ``0o17`` is octal, ``017`` is 17, no sexagesimals) and the
values are built as ruamel builds them (`create_timestamp` for dates, the same integer
and float arithmetic).

It reads only what it can vouch for and raises `Unsure` for the rest, so the caller
falls back to ruamel.yaml, whose answer (or error, with its line) then stands:

- characters the two parsers might read differently (TAB, CR, other controls, NEL,
  LS/PS, BOM, surrogates), directives and document markers at the start of a line;
- anchors, aliases and tags (a node that starts where a scan finds ``&`` or ``!`` after a
  space, a flow indicator or a colon; an explicit tag is seen on the node too);
- folded (``>``) scalars, merge keys, duplicated keys, a timestamp with a time zone or a
  ``T``, a scalar whose type has no exact counterpart here; anything libyaml refuses.
"""

from __future__ import annotations

import contextlib
import gc
import re

__all__ = ["Unsure", "load_plain", "no_gc"]


class Unsure(Exception):
    """The text is not one this reader vouches for: read it with ruamel.yaml."""


#: any character outside the ones both parsers read the same: no TAB (libyaml takes one
#: after "key:", ruamel does not; claimmap writes tabs as \t), CR, other C0/C1 controls,
#: NEL/LS/PS line breaks, BOM or surrogates
_DOUBT = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd"
                    "\U00010000-\U0010ffff]")
#: a directive or a document marker (---, ...) at a line start
_MARKERS = re.compile(r"^(?:%|---|\.\.\.)", re.MULTILINE)
#: where an anchor (&a) or a tag (!t, !!str, !) could start a node (after a space, a
#: flow indicator or a colon); text inside scalars matches too, so `_build` refuses only
#: a node that starts at one of these. An alias (*a) needs an anchor.
_PROPERTY = re.compile("[&!]")
_BEFORE_PROPERTY = " \t\n[{,:"

_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


@contextlib.contextmanager
def no_gc():
    """The cyclic garbage collector paused: a loaded file is a few objects per scalar,
    none of them in a cycle, and the collector's passes over them would take 3/4 of the
    time of a big file (measured). Nested uses keep it paused to the outermost's end."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


_by_first: dict[str, list] = {}
_loader_class = None


def _resolvers() -> dict[str, list]:
    """ruamel.yaml's implicit resolvers for YAML 1.2 (the version its round trip reads
    when a file names none), by first character, in ruamel's order."""
    if not _by_first:
        from ruamel.yaml.resolver import implicit_resolvers

        for versions, tag, regexp, first in implicit_resolvers:
            if (1, 2) not in versions:
                continue
            compiled = regexp.match.__self__        # ruamel's LazyEval around re.compile
            for ch in first:
                _by_first.setdefault(ch, []).append((tag, compiled))
    return _by_first


def _loader():
    """libyaml's composer; a node's tag is left as libyaml's `implicit` flags (tags are
    resolved by `_build`, which thus sees an explicit tag as a str)."""
    global _loader_class
    if _loader_class is None:
        import yaml

        if not getattr(yaml, "__with_libyaml__", False):
            raise Unsure("PyYAML has no libyaml")
        from yaml.cyaml import CParser

        class _Loader(CParser):
            def resolve(self, kind, value, implicit):
                return implicit

            def descend_resolver(self, current_node, current_index):
                pass

            def ascend_resolver(self):
                pass

        _loader_class = _Loader
    return _loader_class


# -------------------------------------------------------------------- scalar values
# As ruamel.yaml's RoundTripConstructor computes them for YAML 1.2 (construct_yaml_int,
# construct_yaml_float, construct_yaml_timestamp, construct_yaml_bool); ruamel wraps some
# in subclasses (ScalarInt, ScalarFloat) whose values these equal. Whatever would raise
# there raises here.

def _int(s: str) -> int:
    v = s.replace("_", "")
    sign = 1
    if v[0] in "+-":
        if v[0] == "-":
            sign = -1
        v = v[1:]
    for prefix, base in (("0b", 2), ("0x", 16), ("0o", 8)):
        if v.startswith(prefix):
            v[2]                                    # ruamel reads the first digit
            return sign * int(v[2:], base)
    v[0]
    return sign * int(v, 10)


def _float(s: str) -> float:
    v = s.replace("_", "").lower()
    sign = 1
    if v[0] == "-":
        sign = -1
    if v[0] in "+-":
        v = v[1:]
    if v == ".inf":
        return sign * float("inf")
    if v == ".nan":
        return float("nan")
    if "e" in v:
        try:
            _, exponent = s.split("e")
        except ValueError:
            _, exponent = s.split("E")
        exponent[0]
    return sign * float(v)


def _timestamp(s: str):
    from ruamel.yaml.util import create_timestamp, timestamp_regexp

    m = timestamp_regexp.match(s)
    if m is None:
        raise Unsure(f"timestamp {s!r}")
    values = m.groupdict()
    if values["hour"] and any(values[k] for k in ("t", "tz_sign", "tz_hour", "tz_minute")):
        raise Unsure(f"timestamp with a zone or a T: {s!r}")   # ruamel's TimeStamp
    return create_timestamp(**values)


_BOOLS = {"true": True, "false": False}


_PLAIN = (True, False)       # libyaml's implicit flags of an untagged plain scalar
_QUOTED = (False, True)      # ... of an untagged quoted or block scalar


def _build(root, properties: set[int]):
    """Plain data of libyaml's node tree; `properties` are the indices in the text where
    an anchor or a tag may start (a node that starts there has one)."""
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode

    by_first = _resolvers()

    def typed(v):
        for tag, rx in by_first[v[:1]]:
            if rx.match(v):
                break
        else:
            return v
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return _BOOLS[v.lower()]
        if tag == _INT:
            return _int(v)
        if tag == _FLOAT:
            return _float(v)
        if tag == _TIMESTAMP:
            return _timestamp(v)
        raise Unsure(f"a plain scalar resolved to {tag}: {v!r}")    # merge key, value

    def scalar(node):
        v = node.value
        if node.tag == _PLAIN and node.style == "":
            return typed(v) if v[:1] in by_first else v
        if node.tag == _QUOTED and node.style in ('"', "'", "|"):
            return v
        raise Unsure(f"a scalar tagged {node.tag!r}, style {node.style!r}")

    # scalars (most nodes) are built without a call of `build` when no node can have
    # an anchor or a tag
    direct = ScalarNode if not properties else None

    def build(node):
        if properties and node.start_mark.index in properties:
            raise Unsure("an anchor or a tag")
        t = type(node)
        if t is ScalarNode:
            return scalar(node)
        if node.tag is not True:
            raise Unsure(f"a collection tagged {node.tag!r}")
        if t is MappingNode:
            out = {}
            for kn, vn in node.value:
                k = scalar(kn) if type(kn) is direct else build(kn)
                if k in out:
                    raise Unsure(f"duplicated key {k!r}")      # ruamel refuses it
                out[k] = scalar(vn) if type(vn) is direct else build(vn)
            return out
        if t is SequenceNode:
            return [scalar(n) if type(n) is direct else build(n) for n in node.value]
        raise Unsure(f"a node {t.__name__}")

    return None if root is None else build(root)


def load_plain(text: str):
    """The YAML text as plain data, typed as ruamel.yaml's round trip types it.

    Raises
    ------
    Unsure
        For any text this reader does not vouch for (see the module docstring), and
        for any text libyaml refuses: the caller reads it with ruamel.yaml instead.
    """
    m = _DOUBT.search(text)
    if m:
        raise Unsure(f"character {m.group()!r}")
    if _MARKERS.search(text):
        raise Unsure("a directive or a document marker")
    properties = {i for i in (m.start() for m in _PROPERTY.finditer(text))
                  if i == 0 or text[i - 1] in _BEFORE_PROPERTY}
    loader = _loader()(text)
    with no_gc():
        try:
            root = loader.get_single_node()
        except Exception as err:  # noqa: BLE001 - libyaml refuses it: ruamel says why
            raise Unsure(f"libyaml: {err}") from None
        finally:
            loader.dispose()
        try:
            return _build(root, properties)
        except Unsure:
            raise
        except Exception as err:  # noqa: BLE001 - a value ruamel would not build either
            raise Unsure(f"{type(err).__name__}: {err}") from None
