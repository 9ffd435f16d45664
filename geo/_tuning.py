"""The geoparser's weights and thresholds, each with the measurement or reason behind it.

Scores are points added to the gazetteer's prior (`geo._index.base_prior` and its match
term) by `geo._resolve`; populations and distances are the limits `geo._reject` and
`geo.places` judge a reading by. Change one and run the geoparsing tests and
``bench/geoparse_eval.py``: the measurements cited here are those sets'.
"""

from __future__ import annotations

# scoring weights (points added to the gazetteer's prior)
REGION_ADMIN1 = 6.0          # a region cue and the candidate is a first-level area
REGION_NOT_ADMIN1 = -3.0     # a region cue and the candidate is not
BARE_ADMIN1 = -2.0           # no region cue: a city of that name comes before its area
CITY_OF_AREA = 30            # ... a city this many times smaller at most (`_has_city`)
# a second-level area of the article holds the candidate, or the candidate holds a place of
# the article (`geo._resolve.Context.held`): "Paris" beside "Henry County" is Paris,
# Tennessee, and Henry County the one that holds it
HELD, HELD_KM, HELD_AREA_KM, HELD_TOP = 2.0, 40.0, 120.0, 8
DATELINE_AREA = -3.0         # a second-level area read from a dateline ("WASHINGTON (AP) -"
                             # is the city, not Washington County, Oregon)
HOLDS_THE_NAMED = 1.0        # the area after "Hugo, " that holds a town of that name
IN_ARTICLE_COUNTRY = 1.5     # in a country the article names or places anchor
IN_MAIN_COUNTRY = 1.0        # ... and it is the country most anchors are in
IN_ARTICLE_CONTINENT = 0.5   # in no such country, but on the continent most of them are on
                             # ("citrus farmers from Valencia" in a report on EU courts)
NEAR, NEAR_EFOLD_KM = 3.0, 150.0
POP_EXTRA = 0.5              # on top of the gazetteer's own population term: in the news a
                             # name means its big bearer unless the article says otherwise
QUALIFIER_COUNTRY, QUALIFIER_ADMIN1 = 4.0, 3.0
# a qualifier that names the candidate's own first-level area ("Lianjiang county, Fujian
# province"): the text's word, above any population gap between namesakes of one country
# (fresh3: a county town of 0 recorded people against a city of 100,000)
QUALIFIER_AREA = 8.0
# a county of the state that holds its list's other counties ("Clay, Grant and Wilkin
# counties": `geo._counties.list_areas`) as if written "Clay County, Minnesota"
LIST_AREA = QUALIFIER_COUNTRY + QUALIFIER_ADMIN1
# a county written with its type word ("Greene County") in a state the article names, as if
# written "Greene County, Tennessee" (fresh4's Tennessee storm report: 3 counties of 3 read
# in other states with the +3 a bare list's county gets; GeoNames' county populations are
# uneven enough that a small one trails a big namesake by more than 3)
NAMED_STATE = QUALIFIER_COUNTRY + QUALIFIER_ADMIN1
ALIAS = 10.0
MAX_CONTEXT = IN_ARTICLE_COUNTRY + IN_MAIN_COUNTRY + NEAR + HELD  # most the article adds
ALTERNATIVE_MARGIN = 3.0     # runners-up within this many points are listed as alternatives
MAX_CANDIDATES = 40          # candidates per name scored in context (best priors first)
NAMESAKE_GAP = 0.5           # a country also called by a bare country name ("Congo"), below
                             # the country named so outright: population and the article decide
COHERENT_KM = 600.0          # a candidate this close to an anchor fits the article
SMALL_ALTERNATE_POP = 5000   # matched by an alternate name only and smaller: needs support
TINY_POP = 1000              # matched by its primary name and smaller: needs support
WEAK_START_POP = 10000       # opening a sentence, by another name and smaller: not a name
RESPELT_POP = 10000          # found only by a respelling ("Hodeidah") and smaller: not it
OUTLIER_KM, OUTLIER_POP = 400.0, 50_000  # see `geo._resolve.Context.stray`
MEDOID_POINTS = 60
BESIDE_KM = 25.0             # this close to another of the article's places: never astray
STRAY_POP = 100_000          # far from the article's places, smaller and no "in"/"near": out
ANCHOR_POP, ANCHOR_MARGIN = 20000, 0.8
# a namesake the article's context prefers keeps the name only within these population gaps
# (measured on all the test sets, tests/data/articles/heldout3/ERRORS.md: the 11 right
# context choices of a smaller town were at most 42 times smaller than the name's own best
# reading and all had another place of the article within 114 km; the 4 wrong ones were
# 15 to 268 times smaller, three of them 341-689 km from any place of the article)
PROMINENT_GAP = 3.0          # ... with no place of the article near the namesake
WORLD_CITY_POP, WORLD_CITY_GAP = 1_000_000, 100.0  # ... near or not
CAPITAL_GAP = 10.0           # ... a national capital of WORLD_CITY_POP: near or not
# a place known world-wide (`Place.prominence`: GeoNames gives it at least FAMOUS_NAMES
# alternate names, FAMOUS_RATIO times as many as the namesake's) keeps its name against a
# namesake FAMOUS_GAP times smaller that the dateline's area or a town NEAR_EFOLD_KM
# away pulls toward; only a town of the article within FAMOUS_NEAR_KM, or an area that is
# the whole article's setting with no dateline ("St. Petersburg, where rain fell on
# Florida"), ties it ("COLUMBUS, Ohio —" ... "officials met in Geneva": Geneva,
# Switzerland, not a village of Ohio 50 km from Columbus). Florence, Alabama (9 times
# smaller than Florence, Italy) and Athens, Georgia (77 names against 30) stay in reach of
# their state's datelines.
FAMOUS_NAMES, FAMOUS_RATIO, FAMOUS_GAP, FAMOUS_NEAR_KM = 50, 3.0, 10.0, 25.0
# a town in no country the article is about and far from its places needs a qualifier below
# this population (`geo._unresolved.abroad`)
ABROAD_POP = 100_000
