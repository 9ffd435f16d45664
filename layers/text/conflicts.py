"""When two figures of the same measure, place and period agree, repeat or contradict.

Used by extraction (`mark_conflicts`: the figures of one article) and by the merge of a
batch (`compatible`: the qualifier rules, across articles). Two different values
contradict unless a qualifier makes them compatible ("at least 40" and 52), one is a
past figure ("once 50,000") or their times do not overlap.
"""

from __future__ import annotations

from layers.model import Claim
from layers.text.attribution import UNATTRIBUTED

__all__ = ["overlap", "compatible", "mark_conflicts"]


def overlap(a: Claim, b: Claim) -> bool:
    """Whether two claims' times overlap (an undated claim overlaps any)."""
    def rng(c: Claim):
        s = c.date_start or ""
        e = c.date_end or ""
        if not s and not e:
            return None
        lo = s or "0000"
        hi = e or ("9999" if c.period.startswith(("since", "from")) else s)
        return lo, hi + "\uffff"
    ra, rb = rng(a), rng(b)
    if ra is None or rb is None:
        return True
    return ra[0] <= rb[1] and rb[0] <= ra[1]


_PAST = {"once"}
_LOWER = {"at least", "more than", "over", "upwards of", "in excess of"}
_UPPER = {"up to", "fewer than", "less than", "under", "as many as"}


def compatible(a: Claim, b: Claim) -> bool:
    """True when two different values need not contradict each other."""
    if (a.qualifier in _PAST) != (b.qualifier in _PAST):
        return True
    for x, y in ((a, b), (b, a)):
        if x.qualifier in _LOWER and y.value >= x.value:
            return True
        if x.qualifier in _UPPER and y.value <= x.value:
            return True
    return False


def mark_conflicts(claims: list[Claim]) -> list[Claim]:
    """Merge repeats and mark contested figures (see the module's notes). In place; returns it."""
    kept: list[Claim] = []
    by_key: dict[tuple, Claim] = {}
    for c in claims:
        if c.measure:
            key = ("fig", c.measure, tuple(c.place_ids), c.value, c.unit)
        else:
            key = ("event", c.category, tuple(c.place_ids), c.relation, c.date_start,
                   c.span_start if c.relation == "" and c.category not in ("territorial",) else 0)
            if c.category == "territorial":
                key = key[:5]
        first = by_key.get(key)
        if first is not None and c.measure and c.period and first.period and c.period != first.period:
            key = key + (c.period,)              # the same figure over another span of time
            first = by_key.get(key)
        if first is None:
            by_key[key] = c
            kept.append(c)
            continue
        if not first.date_start and c.date_start:
            first.date_start, first.date_end, first.time_precision = (c.date_start, c.date_end,
                                                                      c.time_precision)
        if first.source == UNATTRIBUTED and c.source != UNATTRIBUTED:
            first.source = c.source
        if c.measure and c.period and not first.period:
            first.period = c.period
    claims[:] = kept
    for c in claims:
        c.conflicts_with = []
        c.contested = False
    groups: dict[tuple, list[Claim]] = {}
    for c in claims:
        if c.measure and c.place_ids:
            groups.setdefault((c.measure, c.place_ids[0], c.unit, c.period), []).append(c)
    for group in groups.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if a.value == b.value or not overlap(a, b) or compatible(a, b):
                    continue
                a.contested = b.contested = True
                a.conflicts_with.append(b.claim_id)
                b.conflicts_with.append(a.claim_id)
    return claims
