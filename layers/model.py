"""What is said about places: Article, PlaceRecord, Claim and ClaimsDoc.

A ClaimsDoc is the meeting point of the pipeline: the extractor makes one from an
article, the claims file (YAML) is one written out for review, and the builder turns
one into the four layers. Everything a layer needs is in it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

__all__ = ["CATEGORIES", "RELATIONS", "Article", "PlaceRecord", "Claim", "ClaimsDoc"]

#: SPEC: claims.category
CATEGORIES = ("military", "casualties", "humanitarian", "infrastructure", "economic",
              "political", "strategic", "territorial")

#: relations a claim can draw between places (links.relation)
RELATIONS = ("supply_route", "advance", "toward", "related")


@dataclass
class Article:
    """An article as read: its text (offsets index into it), id and metadata."""

    id: str                      # the slug; file names derive from it
    text: str
    title: str = ""
    published: date | None = None
    source: str = ""             # publisher or URL, where known
    path: str | None = None      # the file it was read from
    #: what the reader assumed (e.g. "decoded as cp1251"); empty when nothing was
    notes: tuple[str, ...] = ()
    #: the article's web address (a page's canonical link or og:url, a front matter's or a
    #: claims file's ``url``); empty when the source gives none
    url: str = ""


@dataclass
class PlaceRecord:
    """A place the article names, with what the article says of it (one places feature)."""

    place_id: str
    name: str
    kind: str
    lat: float
    lon: float
    geonameid: int | None = None
    country_code: str = ""
    admin1: str = ""
    population: int = 0
    mentions: int = 0
    surfaces: list[str] = field(default_factory=list)
    geo_precision: int = 1
    alternatives: list[str] = field(default_factory=list)   # other candidates' place_ids
    #: where the point comes from when it is not the gazetteer's (a reviewer's pin, a curated row)
    source: str = ""
    note: str = ""


@dataclass
class Claim:
    """One assertion of the article (SPEC: claims properties).

    place_ids are in order: for a claim that relates places (relation set) the line runs
    through them in this order, from the first. value is None for a claim with no figure
    (then measure and unit are empty). Dates are ISO strings at the precision the text
    gives ("2025-06-29", "2025-01", "2024"), empty when the claim has none.
    """

    claim_id: str
    article_id: str
    text: str
    span_start: int
    span_end: int
    category: str
    place_ids: list[str] = field(default_factory=list)
    measure: str = ""
    value: float | None = None
    value_max: float | None = None    # the high end of a range ("1,500 to 3,000")
    unit: str = ""
    date_start: str = ""
    date_end: str = ""
    time_precision: str = ""     # day | month | year | "" (none)
    source: str = "unattributed"
    geo_precision: int = 1
    contested: bool = False
    conflicts_with: list[str] = field(default_factory=list)
    relation: str = ""           # one of RELATIONS when the claim relates places
    period: str = ""             # the span a figure covers, as written ("two weeks")
    qualifier: str = ""          # "at least", "about", "once" (a past figure) ...
    note: str = ""
    #: the name the text ties the claim to when the gazetteer cannot place it (place_ids
    #: is then empty, and the claim stays off the map until a reviewer pins the place)
    unresolved_place: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class LoadedFile:
    """What a ClaimsDoc read from a claims file keeps of that file, so that writing it
    again keeps what a reviewer wrote there.

    ``text``, ``path`` and ``validate_places`` are the file as read (by the fast reader);
    ``tree`` is ruamel.yaml's round-trip tree of it, comments included (read by ruamel,
    or made from ``text`` when first needed); ``place_keys`` maps place_id to the key the
    file gives a place, where that is not the place_id itself.
    """

    text: str | None = None
    path: str = ""
    validate_places: bool = True
    tree: object = None
    place_keys: dict[str, str] = field(default_factory=dict)


@dataclass
class ClaimsDoc:
    """An article's metadata, the places it names and the claims it makes."""

    article: Article
    places: list[PlaceRecord] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    #: the claimmap and gazetteer versions that made it
    made_by: dict = field(default_factory=dict)
    #: the claims file it was read from (None for a doc made by extraction)
    loaded: LoadedFile | None = field(default=None, repr=False, compare=False)
    #: the articles a merged document's claims come from (each claim's article_id is one
    #: of theirs); empty for one article's document
    articles: list[Article] = field(default_factory=list, repr=False, compare=False)

    def place(self, place_id: str) -> PlaceRecord:
        for p in self.places:
            if p.place_id == place_id:
                return p
        raise KeyError(place_id)
