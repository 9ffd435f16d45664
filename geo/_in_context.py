"""What is not a place of this article, judged after resolution: unsupported common words, stray or far small places.

`reject_in_context`: common words the article does not support as places, small places
matched by another name or far from its other places; `fall_back` then tries the next
reading that fits.

Each returns the reason as a phrase ("" when the name stands), which the debug log and
`geo.places` read.
"""

from __future__ import annotations

import logging
import math

from geo._item import Item
from geo._resolve import Context, coheres
from geo._tuning import HELD_AREA_KM, OUTLIER_POP, SMALL_ALTERNATE_POP, STRAY_POP, TINY_POP, WEAK_START_POP

__all__ = ["reject_in_context", "fall_back"]

log = logging.getLogger(__name__)


def reject_in_context(toks, it: Item, ctx: Context) -> str:
    """Why the reading `it.best` is no place of this article (empty when it is one): a
    common word, a small or alternate-named place the article's other places do not
    support, a town far off their ground."""
    best = it.best
    p = best.place
    if p.kind in ("country", "region") or (p.kind == "admin1" and it.region):
        return ""
    if p.kind == "populated_place" and it.qualifier is not None and not it.region:
        area = ctx.items[it.qualifier].best
        # (a county written with its type word: "Sheikhupura, Khanewal" is a list)
        if area is not None and area.place.kind == "admin2" and area.why and \
                not area.why[0].startswith("bare") and _km(p, area.place) > HELD_AREA_KM:
            # "Monroe County's Mount Vernon community": a village the gazetteer lacks, not
            # a town of that name far from the county
            return "a town the text puts in a county it is far from"
    coherent = coheres(p, ctx, it.key)
    if it.common and p.kind != "country":
        if it.sent_start or it.headline or not (
                coherent or (it.placed and p.population >= STRAY_POP)):
            return "a common word, not supported as a place here"
        if p.kind == "populated_place" and not best.primary and \
                p.population < SMALL_ALTERNATE_POP and not it.located and it.qualifier is None:
            # "a Democrat from Georgia": the word, not another name of a hamlet (Sumiton,
            # Alabama), in whatever country the article is about
            return "a common word that is only another name of a small place"
    if not coherent and not it.region:
        why = best.why[0] if best.why else ""
        if not why.startswith("primary") and p.population < SMALL_ALTERNATE_POP:
            return "a small place matched by another name, far from the article's places"
        if p.population < TINY_POP and not it.locative:
            return "a tiny place far from the article's places"
        if ctx.has_others(it.key) and it.qualifier is None and p.kind == "populated_place" and (
                p.population < SMALL_ALTERNATE_POP
                or (not it.locative and (p.population < STRAY_POP or not best.primary))):
            return "a small place in no country the article speaks of, with nothing to place it"
    if p.kind == "populated_place" and it.qualifier is None and p.population < OUTLIER_POP \
            and ctx.stray(it.key, p) and not ctx.beside(it.key, p):
        # a town far from the places the article is about: most likely a village of that
        # name the gazetteer lacks; better no point than a wrong one
        return "a small place far from all the article's other places"
    if it.sent_start and not it.region and not best.primary and p.population < WEAK_START_POP \
            and not it.locative:
        return "a small place matched by another name at a sentence start"
    if it.span.how == "inflected" and not coherent:
        return "an inflected form far from the article's places"
    return ""


def fall_back(toks, it: Item, ctx: Context) -> None:
    """When the best reading is rejected as out of place, the next one that fits the
    article (a coherent candidate of some size: "reached Texas" in an article on Mexico and
    the United States is the state, not a hamlet in Mexico) takes its place."""
    if it.common or it.headline or (it.sent_start and not it.located):
        return
    best, why = it.best, it.reject
    for s, c in it.scores[1:]:
        p = c.place
        if p.kind == "populated_place" and (p.population < SMALL_ALTERNATE_POP
                                            or not c.primary):
            continue
        if not coheres(p, ctx, it.key):
            continue
        it.best = c
        if not reject_in_context(toks, it, ctx):
            it.scores = [(s, c)] + [t for t in it.scores if t[1] is not c]
            it.reject = ""
            log.debug("%s: %s rejected (%s), %s fits", it.key, best.place.place_id, why,
                      p.place_id)
            return
    it.best = best


def _km(a, b) -> float:
    """Distance between two places (equirectangular: enough to tell near from far)."""
    x = (b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return 111.195 * math.hypot(b.lat - a.lat, x)
