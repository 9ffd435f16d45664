"""One set of colours, shapes, icons, labels and attributions for every map claimmap draws.

The HTML map, the static figure and the QGIS styles all read these, so a category
looks the same wherever a reader meets it: the same colour and the same marker shape.

The category colours were chosen (by a search over the sRGB cube, each category kept to
the hue a reader expects of it: military red, humanitarian orange, infrastructure blue,
...) to stay apart for readers with the two common colour-vision deficiencies:
simulated with Machado et al. (2009) at full severity, the closest two categories are
CIEDE2000 21.6 apart in normal vision, 17.4 under deuteranopia and 16.5 under protanopia
(tests/test_palette.py measures it; the old Tableau-like colours gave 4.6 and 1.3).
Tritanopia (rare) still leaves 7.4, and the shape tells every category apart anyway.
Text drawn on a marker (a count) takes :func:`ink_on` its colour: each category colour
gives a WCAG contrast of at least 4.5 with it.
"""

from __future__ import annotations

import math

__all__ = ["CATEGORY_STYLE", "CATEGORY_SHAPE", "SHAPES", "Shape", "RELATION_STYLE", "PLACE_STYLE",
           "LABEL_FONT", "LABEL_FONT_FALLBACKS", "category_style", "category_shape",
           "relation_style", "shape_svg", "ink_on", "label_for", "GEONAMES_ATTRIBUTION",
           "NATURAL_EARTH_ATTRIBUTION", "US_CENSUS_ATTRIBUTION", "data_credits"]

#: the credits of the data under every map claimmap draws (static caption, report
#: fragment, HTML map's attribution): `data_credits` is the one list they all use
GEONAMES_ATTRIBUTION = "Places: GeoNames (CC BY 4.0)"
NATURAL_EARTH_ATTRIBUTION = ("Outlines: Natural Earth 1:50m countries and 1:10m first-level "
                             "areas (public domain)")
US_CENSUS_ATTRIBUTION = "US counties: US Census Bureau 2017 (public domain)"


def data_credits(region_sources=(), *, places: bool = True) -> list[str]:
    """The credits of the data a map draws: GeoNames' places (unless ``places=False``),
    Natural Earth's outlines, and the US Census' counties when a region's
    ``geometry_source`` (`region_sources`) is one of them.

    >>> data_credits(["Natural Earth admin-1"], places=False)
    ['Outlines: Natural Earth 1:50m countries and 1:10m first-level areas (public domain)']
    >>> data_credits(["US Census counties"])[-1]
    'US counties: US Census Bureau 2017 (public domain)'
    """
    out = [GEONAMES_ATTRIBUTION] if places else []
    out.append(NATURAL_EARTH_ATTRIBUTION)
    if any("census" in str(s or "").lower() for s in region_sources):
        out.append(US_CENSUS_ATTRIBUTION)
    return out

#: category -> (colour, Font Awesome 4 icon name, legend label)
CATEGORY_STYLE: dict[str, tuple[str, str, str]] = {
    "military": ("#bb3311", "crosshairs", "Military"),
    "casualties": ("#772266", "medkit", "Casualties"),
    "humanitarian": ("#ee8811", "users", "Humanitarian"),
    "infrastructure": ("#2266cc", "road", "Infrastructure"),
    "economic": ("#114433", "industry", "Economic"),
    "political": ("#cc88ff", "university", "Political"),
    "strategic": ("#008563", "flag", "Strategic"),
    "territorial": ("#ff6699", "map", "Territorial"),
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
    # each kind its own name in a legend (these two were both "Region" or "Admin2")
    "admin2": ("#8c6bb1", "District or county"),
    "region": ("#555555", "Continent or world region"),
    "country": ("#444444", "Country"),
    "facility": ("#b15928", "Facility"),
}


#: the type family of every label claimmap draws (QGIS styles, static map). DejaVu Sans is
#: everywhere QGIS is: Debian's and Ubuntu's QGIS pull it in (fonts-dejavu-core), the
#: Windows and macOS installers bundle it, and matplotlib ships it. Where it is missing,
#: Qt matches the family to the system's sans-serif (fontconfig), never to the empty
#: family QGIS 3.22 draws as mathematical glyphs (cmex10).
LABEL_FONT = "DejaVu Sans"
#: what a reader's system shows when LABEL_FONT is missing, in order (CSS, documentation)
LABEL_FONT_FALLBACKS = ("DejaVu Sans", "Verdana", "Bitstream Vera Sans", "Arial", "sans-serif")


class Shape:
    """A marker shape, named as each renderer names it.

    Attributes: ``name`` (claimmap's), ``matplotlib`` (marker code), ``qgis`` (QGIS
    SimpleMarker shape name) with ``qgis_angle`` (degrees clockwise), ``sld`` (the
    WellKnownName QGIS writes and reads back) with ``sld_rotation``, and ``points``: the
    outline as (x, y) vertices on the unit circle, y up (empty for a circle), for SVG.
    """

    __slots__ = ("name", "matplotlib", "qgis", "qgis_angle", "sld", "sld_rotation", "points")

    def __init__(self, name, matplotlib, qgis, qgis_angle=0.0, sides=0, start=90.0,
                 points=None):
        self.name, self.matplotlib, self.qgis, self.qgis_angle = name, matplotlib, qgis, qgis_angle
        self.sld, self.sld_rotation = qgis, qgis_angle
        if points is None:
            points = tuple((round(math.cos(math.radians(start + 360.0 * i / sides)), 4),
                            round(math.sin(math.radians(start + 360.0 * i / sides)), 4))
                           for i in range(sides))
        self.points = tuple(points)

    def __repr__(self) -> str:
        return f"Shape({self.name!r})"


#: every shape a category can have
SHAPES: dict[str, Shape] = {s.name: s for s in (
    Shape("square", "s", "square", sides=4, start=45.0),
    Shape("diamond", "D", "diamond", sides=4, start=90.0),
    Shape("circle", "o", "circle"),
    Shape("hexagon", "h", "hexagon", sides=6, start=90.0),
    Shape("pentagon", "p", "pentagon", sides=5, start=90.0),
    Shape("triangle", "^", "triangle", sides=3, start=90.0),
    Shape("triangle_down", "v", "triangle", 180.0, sides=3, start=-90.0),
    Shape("octagon", "8", "octagon", sides=8, start=22.5),
    Shape("star", "*", "star", points=[
        (round(r * math.cos(math.radians(90 + 36 * i)), 4),
         round(r * math.sin(math.radians(90 + 36 * i)), 4))
        for i, r in zip(range(10), [1.0, 0.45] * 5)]),
)}

#: category -> its marker shape: shape and colour together carry the category, so a
#: reader who cannot tell two colours apart still tells the categories apart (static
#: map, QGIS, and the HTML map's pins and cluster rings)
CATEGORY_SHAPE: dict[str, str] = {
    "military": "square", "casualties": "diamond", "humanitarian": "circle",
    "infrastructure": "hexagon", "economic": "pentagon", "political": "triangle",
    "strategic": "triangle_down", "territorial": "octagon",
}
#: the shape of a category outside the SPEC's list
OTHER_SHAPE = "star"


def category_shape(category: str) -> Shape:
    """The marker shape of a claim category (a star for an unknown one)."""
    return SHAPES[CATEGORY_SHAPE.get(category, OTHER_SHAPE)]


def shape_svg(shape: Shape | str, size: float = 12.0, *, fill: str = "#777777",
              stroke: str = "#ffffff", stroke_width: float = 1.0) -> str:
    """A shape as one SVG element centred in a ``size`` x ``size`` box (for HTML legends,
    pins and cluster rings).

    >>> shape_svg("square", 10, fill="#000000")[:58]
    '<polygon points="8.18,1.82 1.82,1.82 1.82,8.18 8.18,8.18" '
    """
    if isinstance(shape, str):
        shape = SHAPES[shape]
    r = (size - stroke_width) / 2.0
    c = size / 2.0
    paint = f'fill="{fill}" stroke="{stroke}" stroke-width="{stroke_width:g}"'
    if not shape.points:
        return f'<circle cx="{c:g}" cy="{c:g}" r="{r:.2f}" {paint}/>'
    pts = " ".join(f"{c + r * x:.2f},{c - r * y:.2f}" for x, y in shape.points)
    return f'<polygon points="{pts}" {paint}/>'


def _luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a hex colour."""
    h = colour.lstrip("#")
    lin = [(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
           for c in (int(h[i:i + 2], 16) / 255.0 for i in (0, 2, 4))]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def ink_on(colour: str) -> str:
    """The colour of text drawn on a marker of `colour` (a count, a glyph): near-black or
    white, whichever contrasts more (WCAG 2 contrast ratio).

    >>> ink_on("#cc88ff"), ink_on("#bb3311")
    ('#111111', '#ffffff')
    """
    lum = _luminance(colour)
    dark = (lum + 0.05) / (_luminance("#111111") + 0.05)
    light = 1.05 / (lum + 0.05)
    return "#111111" if dark > light else "#ffffff"


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
