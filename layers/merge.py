"""Many articles' ClaimsDocs into one: the merged layers of `claimmap batch`.

Places
    one per gazetteer entry (place_id): mentions summed, the surfaces and alternatives of
    every article (in order of first sight), the best (lowest) geo_precision, and the
    articles that name it (``articles``, ``; ``-joined ids, and ``article_count``).
Claims
    every claim keeps its article (``article_id``) and its id (ids start with the article's
    id, so they never collide). Across articles, claims with the same measure, first
    place, unit and period whose times overlap are compared:

    - the same value: each is *corroborated* by the others (``corroborated_by``, the
      other claims' ids, and ``corroboration_count``, how many other articles agree);
    - different values that contradict (see :func:`layers.text.conflicts.mark_conflicts`: a
      lower bound does not contradict a larger figure, a past figure not a current one):
      each is ``contested`` and names the others in ``conflicts_with``, after the
      conflicts found inside its own article.

    A claim's time is its dates; a claim with none is taken to be about the month its
    article was published (a figure an article gives without a date is current news),
    and one from an undated article overlaps any time.

The merge is fed one document at a time (:class:`Merger.add`), so a caller can stream
documents from disk; what it keeps is what the merged layers hold.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from layers.model import Article, Claim, ClaimsDoc, PlaceRecord

__all__ = [
    "MERGED_CLAIM_COLUMNS",
    "MERGED_PLACE_COLUMNS",
    "Merged",
    "Merger",
    "cross_check",
    "merge_docs",
    "merged_layers",
]

log = logging.getLogger(__name__)

_SEP = "; "

#: columns the merged places (and regions) have besides the builder's
MERGED_PLACE_COLUMNS = ["articles", "article_count"]
#: columns the merged claims have besides the builder's
MERGED_CLAIM_COLUMNS = ["corroborated_by", "corroboration_count"]


@dataclass
class Merged:
    """The merged document and what the merge found across articles.

    Attributes
    ----------
    doc : ClaimsDoc
        One article standing for the batch (id = the batch's name), every place once,
        every claim (contested/conflicts_with updated across articles).
    place_articles : dict
        place_id -> ids of the articles naming it, in order.
    corroborated_by : dict
        claim_id -> ids of the claims of other articles reporting the same figure.
    articles : list of Article
        The merged articles (without their text), in order.
    """

    doc: ClaimsDoc
    place_articles: dict[str, list[str]] = field(default_factory=dict)
    corroborated_by: dict[str, list[str]] = field(default_factory=dict)
    articles: list[Article] = field(default_factory=list)

    @property
    def corroborated(self) -> int:
        """How many claims another article corroborates."""
        return sum(1 for ids in self.corroborated_by.values() if ids)

    @property
    def contested(self) -> int:
        """How many claims are contested (within or across articles)."""
        return sum(1 for c in self.doc.claims if c.contested)


class Merger:
    """Accumulates ClaimsDocs one at a time; :meth:`finish` gives the :class:`Merged`.

    Examples
    --------
    >>> from layers.model import Article, ClaimsDoc, PlaceRecord
    >>> def doc(aid, mentions):
    ...     p = PlaceRecord("geonames:1", "Town", "populated_place", 1.0, 2.0,
    ...                     mentions=mentions, surfaces=["Town"])
    ...     return ClaimsDoc(Article(aid, ""), places=[p])
    >>> m = Merger()
    >>> m.add(doc("a", 2)); m.add(doc("b", 3))
    >>> merged = m.finish("two")
    >>> merged.doc.places[0].mentions, merged.place_articles["geonames:1"]
    (5, ['a', 'b'])
    """

    def __init__(self) -> None:
        self._places: dict[str, PlaceRecord] = {}
        self._place_articles: dict[str, list[str]] = {}
        self._claims: list[Claim] = []
        self._published: dict[str, str] = {}     # article id -> "YYYY-MM" (or "")
        self._articles: list[Article] = []
        self._made_by: dict = {}
        self._seen_ids: set[str] = set()

    def add(self, doc: ClaimsDoc) -> None:
        """Merge one article's document (its article id must be new)."""
        art = doc.article
        if art.id in self._seen_ids:
            raise ValueError(f"article {art.id!r} is merged twice")
        self._seen_ids.add(art.id)
        self._articles.append(art)
        self._published[art.id] = art.published.isoformat()[:7] if art.published else ""
        if not self._made_by and doc.made_by:
            self._made_by = dict(doc.made_by)
        for p in doc.places:
            mine = self._places.get(p.place_id)
            if mine is None:
                alts = [a for a in dict.fromkeys(p.alternatives) if a != p.place_id]
                self._places[p.place_id] = PlaceRecord(**{**p.__dict__,
                                                          "surfaces": list(p.surfaces),
                                                          "alternatives": alts})
                self._place_articles[p.place_id] = [art.id]
                continue
            mine.mentions += p.mentions
            mine.geo_precision = min(mine.geo_precision, p.geo_precision)
            for s in p.surfaces:
                if s not in mine.surfaces:
                    mine.surfaces.append(s)
            for alt in p.alternatives:
                if alt not in mine.alternatives and alt != mine.place_id:
                    mine.alternatives.append(alt)
            self._place_articles[p.place_id].append(art.id)
        for c in doc.claims:
            if not c.article_id:
                c.article_id = art.id
            self._claims.append(c)

    def finish(self, name: str, *, title: str = "") -> Merged:
        """The merged document, its articles named ``name`` (the batch's slug)."""
        corroborated = cross_check(self._claims, self._published)
        dates = sorted(a.published for a in self._articles if a.published)
        article = Article(id=name, text="",
                          title=title or f"{name}: {len(self._articles)} articles",
                          published=dates[-1] if dates else None,
                          source="; ".join(sorted({a.source for a in self._articles
                                                   if a.source})[:5]),
                          notes=(f"merged from {len(self._articles)} articles"
                                 + (f", {dates[0].isoformat()} to {dates[-1].isoformat()}"
                                    if dates else ""),))
        doc = ClaimsDoc(article=article, places=list(self._places.values()),
                        claims=self._claims, made_by=dict(self._made_by),
                        articles=list(self._articles))
        return Merged(doc=doc, place_articles=self._place_articles,
                      corroborated_by=corroborated, articles=self._articles)


def merge_docs(docs: Iterable[ClaimsDoc], name: str, *, title: str = "") -> Merged:
    """Merge documents (see the module's notes); a shortcut for :class:`Merger`."""
    merger = Merger()
    for d in docs:
        merger.add(d)
    return merger.finish(name, title=title)


# ---------------------------------------------------------------------------- across articles

def _time_range(c: Claim, published_month: str) -> tuple[str, str] | None:
    """The claim's time as a (low, high) pair of ISO prefixes; None when unknown."""
    from layers.text.dates import REPORT_DATE_NOTE

    s, e = c.date_start or "", c.date_end or ""
    if REPORT_DATE_NOTE in (c.note or ""):
        # dated only by its report: the figure as it stood then, like an undated one
        s, e = "", ""
    if not s and not e:
        if not published_month:
            return None
        return published_month, published_month + "\uffff"
    lo = s or "0000"
    open_ended = "since" in (c.note or "")
    hi = e or (s if c.time_precision in ("day", "month", "year") and not open_ended else "9999")
    return lo, hi + "\uffff"


def cross_check(claims: list[Claim], published: dict[str, str]) -> dict[str, list[str]]:
    """Mark figures of different articles about the same thing, in place.

    Parameters
    ----------
    claims : list of Claim
        Claims of several articles; each article's own repeats already merged and its own
        conflicts already marked (as :func:`layers.text.claims.extract` leaves them).
    published : dict
        article id -> the article's publication month ("YYYY-MM", or "" when undated).

    Returns
    -------
    dict
        claim_id -> ids of the other articles' claims reporting the same figure (only
        claims with any). Contradicting figures get ``contested`` and ``conflicts_with``.
    """
    from layers.text.conflicts import compatible  # the qualifier rules of in-article conflicts

    groups: dict[tuple, list[Claim]] = {}
    for c in claims:
        if c.measure and c.place_ids and c.value is not None:
            groups.setdefault((c.measure, c.place_ids[0], c.unit, c.period), []).append(c)
    agree: dict[str, list[str]] = {}

    def compare(a: Claim, b: Claim) -> None:
        if a.article_id == b.article_id:
            return
        if a.value == b.value:
            agree.setdefault(a.claim_id, []).append(b.claim_id)
            agree.setdefault(b.claim_id, []).append(a.claim_id)
        elif not compatible(a, b):
            for x, y in ((a, b), (b, a)):
                x.contested = True
                if y.claim_id not in x.conflicts_with:
                    x.conflicts_with.append(y.claim_id)

    for group in groups.values():
        if len({c.article_id for c in group}) < 2:
            continue
        timed, untimed = [], []
        for c in group:
            rng = _time_range(c, published.get(c.article_id, ""))
            (untimed if rng is None else timed).append((rng, c))
        # a sweep over the claims in order of start: compare each only with those that
        # start before it ends (all pairs that overlap, without the quadratic scan)
        timed.sort(key=lambda t: (t[0][0], t[1].claim_id))
        for i, ((lo_i, hi_i), a) in enumerate(timed):
            for (lo_j, _hi_j), b in timed[i + 1:]:
                if lo_j > hi_i:
                    break
                compare(a, b)
        for i, (_r, a) in enumerate(untimed):
            for _r2, b in untimed[i + 1:]:
                compare(a, b)
            for _r2, b in timed:
                compare(a, b)
    return agree


# ---------------------------------------------------------------------------- layers

def merged_layers(merged: Merged, boundaries=None, *, borders: str | None = None):
    """The four layers of a merged document, with the merge's own columns.

    ``borders`` ("recognised", the default, or "de-facto") is as in
    :func:`layers.builder.layers_from_doc`.

    places and regions get ``articles`` and ``article_count``; claims get
    ``corroborated_by`` and ``corroboration_count`` (see the module's notes). Everything
    else is :func:`layers.builder.layers_from_doc`.

    Returns
    -------
    layers.builder.Layers
    """
    from layers.builder import layers_from_doc

    layers = layers_from_doc(merged.doc, boundaries=boundaries, source=None, borders=borders)
    layers.articles = list(merged.articles)     # the HTML map's article filter reads them
    article_of = {c.claim_id: c.article_id for c in merged.doc.claims}
    for frame_name in ("places", "regions"):
        gdf = getattr(layers, frame_name)
        ids = [merged.place_articles.get(pid, []) for pid in gdf["place_id"]]
        _insert_before_geometry(gdf, "articles", [_SEP.join(a) for a in ids], "str")
        _insert_before_geometry(gdf, "article_count", [len(a) for a in ids], "int32")
    claims = layers.claims
    others = [merged.corroborated_by.get(cid, []) for cid in claims["claim_id"]]
    _insert_before_geometry(claims, "corroborated_by", [_SEP.join(o) for o in others], "str")
    _insert_before_geometry(claims, "corroboration_count",
                            [len({article_of[x] for x in o}) for o in others], "int32")
    return layers


def _insert_before_geometry(gdf, column: str, values: list, dtype: str) -> None:
    import pandas as pd

    series = pd.Series(values, index=gdf.index, dtype=object if dtype == "str" else dtype)
    if dtype == "str":
        series = series.astype(str)
    gdf.insert(list(gdf.columns).index(gdf.geometry.name), column, series)
