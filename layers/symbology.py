"""One set of colours, icons, labels and attributions for every map claimmap draws.

The HTML map, the static figure and the QGIS styles all read these, so a category
looks the same wherever a reader meets it. Colours are from ColorBrewer's Set1/Dark2
families, chosen to stay distinct for common colour-vision deficiencies when paired
with the icons.
"""

from __future__ import annotations

__all__ = ["CATEGORY_STYLE", "RELATION_STYLE", "PLACE_STYLE", "category_style", "relation_style",
           "label_for", "GEONAMES_ATTRIBUTION", "NATURAL_EARTH_ATTRIBUTION"]

#: the credits of the data under every static map and report fragment
GEONAMES_ATTRIBUTION = "Places: GeoNames (CC BY 4.0)"
NATURAL_EARTH_ATTRIBUTION = "Outlines: Natural Earth 1:50m (public domain)"

#: category -> (colour, Font Awesome 4 icon name, legend label)
CATEGORY_STYLE: dict[str, tuple[str, str, str]] = {
    "military": ("#d62728", "crosshairs", "Military"),
    "casualties": ("#7f0000", "medkit", "Casualties"),
    "humanitarian": ("#ff7f0e", "users", "Humanitarian"),
    "infrastructure": ("#1f77b4", "road", "Infrastructure"),
    "economic": ("#2ca02c", "industry", "Economic"),
    "political": ("#9467bd", "university", "Political"),
    "strategic": ("#8c564b", "flag", "Strategic"),
    "territorial": ("#e377c2", "map", "Territorial"),
}

#: relation -> (colour, dash pattern or "", legend label)
RELATION_STYLE: dict[str, tuple[str, str, str]] = {
    "supply_route": ("#1f77b4", "", "Supply route"),
    "advance": ("#d62728", "8 6", "Advance"),
    "toward": ("#8c564b", "4 6", "Toward"),
    "related": ("#555555", "2 4", "Related"),
}

#: place kind -> (colour, legend label)
PLACE_STYLE: dict[str, tuple[str, str]] = {
    "populated_place": ("#222222", "Town or city"),
    "admin1": ("#6a51a3", "Region"),
    "country": ("#444444", "Country"),
    "facility": ("#b15928", "Facility"),
}


def category_style(category: str) -> tuple[str, str, str]:
    """Colour, icon and label of a claim category (grey for an unknown one)."""
    return CATEGORY_STYLE.get(category, ("#777777", "info", category.title() or "Other"))


def relation_style(relation: str) -> tuple[str, str, str]:
    """Colour, dash pattern and label of a link relation."""
    return RELATION_STYLE.get(relation, RELATION_STYLE["related"])


def _norm(s: str) -> str:
    import unicodedata

    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return "".join(c for c in s.casefold() if c.isalnum())


def label_for(name: str, surfaces, kind: str = "populated_place") -> str:
    """The label of a place: the name the article uses, else the gazetteer's.

    The gazetteer's name wins when the article writes it (up to accents and
    apostrophes) or writes a shortened form of it ("Donetsk" for "Donetsk Oblast");
    otherwise the first surface form the article uses does ("Sloviansk" for GeoNames'
    "Slovyansk"). Regions and countries keep the gazetteer's name.

    >>> label_for("Slovyansk", "Sloviansk")
    'Sloviansk'
    >>> label_for("Pokrovske coal mine", ["Pokrovs’ke coal mine"], "facility")
    'Pokrovske coal mine'
    >>> label_for("Dnipropetrovsk Oblast", "Dnipropetrovsk", "admin1")
    'Dnipropetrovsk Oblast'
    """
    if isinstance(surfaces, str):
        surfaces = [s.strip() for s in surfaces.split(";")]
    surfaces = [s for s in (surfaces or []) if s and s.strip()]
    if kind in ("admin1", "country") or not surfaces or not name:
        return name or (surfaces[0] if surfaces else "")
    key = _norm(name)
    for s in surfaces:
        ns = _norm(s)
        if ns == key or (ns and ns in key):
            return name
    surface = surfaces[0].strip()
    for tail in ("’s", "'s"):
        if surface.endswith(tail):
            surface = surface[: -len(tail)]
    return surface
