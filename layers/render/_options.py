"""The static map's options: figure size or width, dpi, basemap, title, checked before any
work is done (`check_figure`); helpers of `layers.render.static`, which makes them public.
"""

from __future__ import annotations

import math

from geo.exc import BadInput

__all__ = ["DEFAULT_DPI", "DEFAULT_FIGURE_SIZE", "MAX_DPI", "MAX_PIXELS", "MIN_DPI",
           "MIN_TYPE_PT", "WIDTH_PRESETS", "check_basemap", "check_dpi", "check_figure",
           "parse_figure_size", "parse_width", "width_size"]

DEFAULT_FIGURE_SIZE = (8.0, 6.0)   # inches
DEFAULT_DPI = 200
MIN_DPI = 200                      # print-ready
MAX_DPI = 1200
MAX_PIXELS = 100_000_000           # a guard against "--figure-size 400x300 --dpi 1200"
#: a map made for a width in pixels (CSS pixels, 96 to the inch) and shown at it has no
#: text smaller than this (points)
MIN_TYPE_PT = 7.0
#: ``--width`` presets (CSS pixels): a report's text column, a full page, a 16:9 slide
WIDTH_PRESETS = {"column": 600, "page": 960, "slide": 1280}
_WIDTH_RANGE = (360, 2400)


def parse_figure_size(value) -> tuple[float, float]:
    """``"8x6"``, ``"8,6"``, ``(8, 6)`` or None -> (width, height) in inches.

    >>> parse_figure_size("8x6")
    (8.0, 6.0)
    >>> parse_figure_size(None)
    (8.0, 6.0)
    """
    if value is None or value == "":
        return DEFAULT_FIGURE_SIZE
    try:
        if isinstance(value, str):
            parts = value.lower().replace("×", "x").replace(",", "x").split("x")
        else:
            parts = list(value)
        if len(parts) != 2:
            raise ValueError
        w, h = (float(p) for p in parts)
    except (TypeError, ValueError):
        raise BadInput(f"figure size {value!r} is not WIDTHxHEIGHT in inches, e.g. 8x6",
                       path="--figure-size") from None
    if not (3.0 <= w <= 60.0 and 2.0 <= h <= 60.0) or not (math.isfinite(w) and math.isfinite(h)):
        raise BadInput(f"figure size {value!r} is out of range: width 3-60 in, height 2-60 in",
                       path="--figure-size")
    return (w, h)


def parse_width(value) -> int | None:
    """``--width``: pixels (``600``, ``"600px"``) or a preset (`WIDTH_PRESETS`) -> CSS
    pixels, or None.

    The map is then laid out for that width (at 96 pixels to the inch) and no text on it
    is smaller than `MIN_TYPE_PT` when it is shown at that width: the layout gives way
    (the figure grows taller, the legend goes under the map in a narrow column), not the
    type.

    >>> parse_width("column"), parse_width("720px"), parse_width(None)
    (600, 720, None)
    """
    if value is None or value == "":
        return None
    text = str(value).strip().lower()
    if text in WIDTH_PRESETS:
        return WIDTH_PRESETS[text]
    try:
        px = float(text[:-2] if text.endswith("px") else text)
    except ValueError:
        px = math.nan
    if not (math.isfinite(px) and px == int(px)):
        raise BadInput(f"width {value!r} is not a number of pixels or one of: "
                       f"{', '.join(WIDTH_PRESETS)}", path="--width")
    if not _WIDTH_RANGE[0] <= px <= _WIDTH_RANGE[1]:
        raise BadInput(f"width {value!r} is out of range: {_WIDTH_RANGE[0]}-{_WIDTH_RANGE[1]} "
                       "pixels", path="--width")
    return int(px)


def width_size(width: int) -> tuple[float, float]:
    """The figure's first size (inches) for a width in CSS pixels; its height is then set
    by what the map and its legend need (`layers.render._furniture.figure_layout`)."""
    w = width / 96.0
    return (w, w * 0.75)


def check_dpi(dpi, size) -> int:
    if dpi is None:
        dpi = DEFAULT_DPI
    try:
        dpi_i = int(dpi)
    except (TypeError, ValueError):
        raise BadInput(f"dpi {dpi!r} is not a whole number", path="--dpi") from None
    if dpi_i != dpi or dpi_i < MIN_DPI or dpi_i > MAX_DPI:
        raise BadInput(f"dpi must be a whole number from {MIN_DPI} to {MAX_DPI} "
                       f"(print-ready); got {dpi!r}", path="--dpi")
    if size[0] * size[1] * dpi_i * dpi_i > MAX_PIXELS:
        raise BadInput(f"a {size[0]:g}x{size[1]:g} in figure at {dpi_i} dpi is more than "
                       f"{MAX_PIXELS // 1_000_000} megapixels", path="--dpi")
    return dpi_i


def check_basemap(basemap) -> str:
    if basemap not in ("none", "web"):
        raise BadInput(f"basemap {basemap!r} is not one of: none, web", path="--basemap")
    return basemap


def check_figure(figure: dict) -> dict:
    """The static map's options checked, before any work is done; returns them in full.

    Parameters
    ----------
    figure : dict
        The keyword arguments of `render_images` and `write_static` (``basemap``,
        ``figure_size``, ``dpi``, ``title``, ``width``), any of them missing; a width in
        pixels and a figure size in inches are one or the other.

    Returns
    -------
    dict
        All four, normalised: ``figure_size`` as (width, height) in inches, ``dpi`` a
        whole number, ``basemap`` and ``title`` as given (defaults ``"none"`` and None);
        and ``width`` in pixels (`parse_width`) when one was given (``figure_size`` is
        then the size it starts from, `width_size`).
        Checking it again gives it back unchanged, and `render_images` draws the same
        map with it as with `figure`.

    Raises
    ------
    geo.exc.BadInput
        A figure size, dpi or basemap out of range: the error `render_images` would raise
        (the size checked first, then the dpi, then the basemap).
    TypeError
        An option `render_images` does not take.

    >>> check_figure({"figure_size": "6x4", "dpi": 300})
    {'basemap': 'none', 'figure_size': (6.0, 4.0), 'dpi': 300, 'title': None}
    >>> column = check_figure({"width": "column"})
    >>> column["width"], column["figure_size"], check_figure(column) == column
    (600, (6.25, 4.6875), True)
    """
    unknown = sorted(set(figure) - {"basemap", "figure_size", "dpi", "title", "width"})
    if unknown:
        raise TypeError(f"unknown static map option(s): {', '.join(map(repr, unknown))}")
    size = parse_figure_size(figure.get("figure_size"))
    width = parse_width(figure.get("width"))
    if width is not None and figure.get("figure_size") not in (None, "") \
            and size != width_size(width):
        raise BadInput("give a figure size in inches or a width in pixels, not both",
                       path="--width")
    dpi = check_dpi(figure.get("dpi"), size if width is None else width_size(width))
    basemap = check_basemap(figure.get("basemap", "none"))
    out = {"basemap": basemap, "figure_size": size if width is None else width_size(width),
           "dpi": dpi, "title": figure.get("title")}
    if width is not None:
        out["width"] = width
    return out
