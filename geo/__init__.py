"""geo: where things are.

The offline gazetteer (GeoNames, admin areas, a curated file of facilities), name
normalisation, and finding and resolving places in text. Nothing here knows about
claims or maps, and importing it is cheap: submodules load on first use.
"""

from __future__ import annotations

from geo.exc import BadInput, ClaimmapError, GazetteerError, PlaceNotFound
from geo.model import Candidate, Mention, Place

__all__ = [
    "BadInput", "ClaimmapError", "GazetteerError", "PlaceNotFound",
    "Candidate", "Mention", "Place",
    "Gazetteer", "find_places", "normalize",
]


# The lazy names below are never spelt like a submodule: importing ``geo.<module>`` sets
# the package attribute of that name, which would then shadow the function (hence the
# name key's module is `geo.namekey`, and `geo.normalize` the function).
def __getattr__(name):  # lazy: keep `import geo` cheap
    if name == "Gazetteer":
        from geo.gazetteer import Gazetteer
        return Gazetteer
    if name == "find_places":
        from geo.places import find_places
        return find_places
    if name == "normalize":
        from geo.namekey import normalize
        return normalize
    raise AttributeError(f"module 'geo' has no attribute {name!r}")
