"""layers: what is said about places, and the files made from it.

Article reading, claim extraction, the claims file, the builder, writers, renderers
and the command line. Builds on geo/. Submodules load on first use.
"""

from __future__ import annotations

from layers.model import Article, Claim, ClaimsDoc, PlaceRecord

__all__ = ["Article", "Claim", "ClaimsDoc", "PlaceRecord", "Layers", "build",
           "read_article", "extract", "load_claims_file", "static_worker"]


def __getattr__(name):  # lazy: geopandas and folium load only when a build needs them
    if name in ("Layers", "build"):
        from layers import builder as _builder
        return getattr(_builder, name)
    if name == "read_article":
        from layers.text.article import read_article
        return read_article
    if name == "extract":
        from layers.text.claims import extract
        return extract
    if name == "static_worker":
        from layers.render._worker import static_worker
        return static_worker
    if name == "load_claims_file":
        from layers.claimsfile import load_claims_file
        return load_claims_file
    raise AttributeError(f"module 'layers' has no attribute {name!r}")
