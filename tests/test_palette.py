"""The category palette stays readable for colour-blind readers, and the glyph carries the
category too: one shape per category, the same in every renderer.

Dichromacy is simulated with Machado et al. (2009) at full severity and the difference of
two colours measured with CIEDE2000 (tests/colour_vision.py). The threshold, 12: the
just-noticeable difference of CIEDE2000 is about 1 for large patches side by side, and
grows several-fold for marks the size of map symbols (a 3 mm marker is about 0.35 degrees
of visual angle at arm's length; Szafir 2018, "Modeling color difference for
visualization design", IEEE TVCG 24(1), finds the difference needed to tell such marks
apart reliably around 10 in CIELAB units); 12 keeps a margin above that for each of
normal vision, deuteranopia and protanopia.
"""

from __future__ import annotations

import itertools

import pytest
from colour_vision import MACHADO, ciede2000, delta_e, hex_to_rgb, lab, min_pair, simulate

from layers.model import CATEGORIES
from layers.symbology import (CATEGORY_SHAPE, CATEGORY_STYLE, SHAPES, category_shape,
                              category_style, shape_svg)

MIN_DELTA_E00 = 12.0


# ---------------------------------------------------------------- the colour science itself

@pytest.mark.parametrize("lab1,lab2,expected", [
    # Sharma, Wu and Dalal (2005), Table 1: pairs 1, 7, 13, 19, 25, 31
    ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
    ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
    ((50.0, 2.4900, -0.0010), (50.0, -2.4900, 0.0011), 7.2195),
    ((50.0, 2.5, 0.0), (50.0, 0.0, -2.5), 4.3065),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ((22.7233, 20.0904, -46.6940), (23.0331, 14.9730, -42.5619), 2.0373),
])
def test_ciede2000_matches_sharmas_test_data(lab1, lab2, expected):
    assert ciede2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)
    assert ciede2000(lab2, lab1) == pytest.approx(expected, abs=1e-4)


def test_the_simulation_keeps_greys_and_merges_red_and_green():
    for grey in ("#000000", "#777777", "#ffffff"):
        for kind in MACHADO:
            assert ciede2000(lab(simulate(hex_to_rgb(grey), kind)), lab(hex_to_rgb(grey))) < 1.0
    # the classic confusion: pure red and green, far apart in normal vision, close for
    # both red-green dichromats
    assert delta_e("#ff0000", "#00aa00") > 60
    for kind in ("deuteranopia", "protanopia"):
        assert delta_e("#ff0000", "#00aa00", kind) < 0.5 * delta_e("#ff0000", "#00aa00")


# ---------------------------------------------------------------- the palette

CATEGORY_COLOURS = {cat: colour for cat, (colour, _icon, _label) in CATEGORY_STYLE.items()}


@pytest.mark.parametrize("deficiency", [None, "deuteranopia", "protanopia"])
def test_categories_stay_apart_for_colour_blind_readers(deficiency):
    assert set(CATEGORY_COLOURS) == set(CATEGORIES)
    closest, a, b = min_pair(CATEGORY_COLOURS, deficiency)
    assert closest >= MIN_DELTA_E00, (deficiency, a, b, round(closest, 1))


def test_the_old_military_and_economic_olive_is_gone():
    """The issue's case: under deuteranopia the two read as the same olive."""
    assert delta_e(CATEGORY_COLOURS["military"], CATEGORY_COLOURS["economic"],
                   "deuteranopia") >= MIN_DELTA_E00


def test_every_category_stands_out_from_the_land_and_white():
    """Markers sit on the static map's land (#f1eee8) and QGIS's white canvas."""
    for cat, colour in CATEGORY_COLOURS.items():
        for kind in (None, "deuteranopia", "protanopia"):
            for ground in ("#f1eee8", "#ffffff"):
                assert delta_e(colour, ground, kind) >= 15, (cat, kind, ground)


# ---------------------------------------------------------------- glyphs

def test_every_category_has_its_own_shape():
    assert set(CATEGORY_SHAPE) == set(CATEGORIES)
    assert len(set(CATEGORY_SHAPE.values())) == len(CATEGORY_SHAPE)
    assert all(shape in SHAPES for shape in CATEGORY_SHAPE.values())
    # an unknown category gets a shape no known one has
    assert category_shape("rumour").name not in CATEGORY_SHAPE.values()
    assert category_style("rumour")[0] not in CATEGORY_COLOURS.values()


def test_shapes_differ_in_every_renderer_vocabulary():
    """Two categories never collapse into one marker in matplotlib, QGIS or SVG."""
    shapes = [category_shape(cat) for cat in CATEGORIES]
    assert len({s.matplotlib for s in shapes}) == len(shapes)
    assert len({(s.qgis, s.qgis_angle) for s in shapes}) == len(shapes)
    assert len({s.points for s in shapes}) == len(shapes)


def test_the_static_map_draws_the_shared_shapes():
    from layers.render._look import CATEGORY_MARKER

    assert CATEGORY_MARKER == {cat: category_shape(cat).matplotlib for cat in CATEGORIES}


def test_shape_svg_is_one_element_inside_its_box():
    import xml.etree.ElementTree as ET

    for name, shape in SHAPES.items():
        el = ET.fromstring(shape_svg(shape, 14.0, fill="#123456"))
        assert el.get("fill") == "#123456", name
        if el.tag == "circle":
            assert not shape.points
            continue
        pts = [tuple(map(float, p.split(","))) for p in el.get("points").split()]
        assert len(pts) == len(shape.points) >= 3, name
        assert all(0.0 <= x <= 14.0 and 0.0 <= y <= 14.0 for x, y in pts), name
    # a triangle pointing down has its tip below its base (SVG y grows downwards)
    up = [tuple(map(float, p.split(","))) for p in ET.fromstring(
        shape_svg("triangle")).get("points").split()]
    down = [tuple(map(float, p.split(","))) for p in ET.fromstring(
        shape_svg("triangle_down")).get("points").split()]
    assert min(y for _x, y in up) < 3 and max(y for _x, y in down) > 9


def test_the_palette_pairs_are_all_measured():
    """Every pair under every simulation is a finite, positive distance (no NaN hides a
    failure of the threshold above)."""
    for kind in (None, "deuteranopia", "protanopia", "tritanopia"):
        for a, b in itertools.combinations(CATEGORY_COLOURS.values(), 2):
            d = delta_e(a, b, kind)
            assert d == d and d > 0


def test_text_on_every_category_marker_is_legible():
    """A count drawn on a marker (static map, HTML clusters) in `ink_on` its colour meets
    WCAG 2's contrast for normal text, 4.5:1."""
    from layers.symbology import ink_on

    def lum(colour):
        r, g, b = hex_to_rgb(colour)
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    for cat, colour in CATEGORY_COLOURS.items():
        lo, hi = sorted([lum(colour), lum(ink_on(colour))])
        assert (hi + 0.05) / (lo + 0.05) >= 4.5, cat
    assert ink_on("#ffffff") == "#111111" and ink_on("#000000") == "#ffffff"
