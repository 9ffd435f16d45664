"""A name that is a state's and its namesake city's ("New York", "Washington") read as the
state where the words around say so: "the New York border", "New York state", "New York’s
attorney general", "Oregon and Washington laws" (beside another state)."""

from __future__ import annotations

__all__ = ["STATE_NOUNS", "prefer_states"]

#: nouns after the name that speak of the state: "the New York border", "New York state"
STATE_NOUNS = frozenset({
    "border", "borders", "state", "statehouse", "legislature", "legislators", "lawmakers",
    "governor", "line", "senate", "senator", "senators", "assembly", "troopers",
    "attorney", "statewide",
})


def _state_of(it):
    """The first-level area among the name's first candidates, in the country of its best
    reading ("New York State" for "New York"), or None."""
    best = it.best.place
    for c in it.cands[:3]:
        p = c.place
        if p.kind == "admin1" and p.country_code == best.country_code:
            return c
    return None


def prefer_states(text, toks, items) -> None:
    """Switch a city to its namesake state (see the module) where a state noun follows it,
    or where it is listed beside a state of the same country ("Oregon and Washington")."""
    live = [it for it in items if not it.reject and it.best is not None]
    for n, it in enumerate(live):
        if it.best.place.kind != "populated_place" or it.qualifier is not None or \
                it.world_region:
            continue
        state = _state_of(it)
        if state is None:
            continue
        nxt = it.next_word
        if nxt is None and toks[it.span.j - 1].possessive and it.span.j < len(toks):
            nxt = toks[it.span.j]  # "New York’s attorney general"
        cue = nxt is not None and not nxt.cap and nxt.low in STATE_NOUNS
        for other in (live[n - 1] if n else None, live[n + 1] if n + 1 < len(live) else None):
            if other is None or other.best.place.kind != "admin1" or \
                    other.best.place.country_code != state.place.country_code:
                continue
            gap = text[min(it.end, other.end):max(it.start, other.start)]
            if gap in (" and ", ", ", " or ", ", and "):
                cue = True
        if cue:
            it.best = state
