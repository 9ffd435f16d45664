"""The interactive HTML map: one self-contained folium page that works with no network.

``write_html(layers, path)`` writes SLUG.html and ``write_embed(layers, path)`` writes
SLUG.embed.html, a compact variant to put in a report with an ``<iframe>`` (see
docs/html_map.md). Both pages inline everything they need:

- Leaflet 1.9.4 and its plugins (MarkerCluster, fullscreen, measure) from the npm
  packages vendored in layers/assets/ (README there), CSS images as data URIs;
- the layers as one JSON block (layers/_html_data.py) that ``assets/claimmap.js`` draws:
  places, claims (one toggle per category, clustered, spiderfied), links (directed lines
  with arrowheads), regions, a legend, search by place name; ``assets/claimmap-panels.js``
  adds the time control, the article and source filters, export of the claims shown,
  the view in the URL's hash and the phone layout (docs/html_map.md);
- the Natural Earth country outlines (geo/outlines.py) as the default base layer, so the
  page shows where things are without tiles; web base maps (OpenStreetMap, a grey one,
  satellite imagery) are offered in the layer control and fetched only when chosen.

Article text never becomes markup: the data block is JSON with ``<``, ``>`` and ``&``
escaped, and the script builds every popup, tooltip and label from text nodes.
"""

from __future__ import annotations

import base64
import html
import logging
import re
from functools import cache, lru_cache
from pathlib import Path

from layers.io.writers import atomic_write

__all__ = ["WEB_BASEMAPS", "render_page", "write_embed", "write_html"]

log = logging.getLogger(__name__)

#: the web base maps offered (xyzservices provider names), none shown by default.
#: CartoDB's grey map needs an API key in current xyzservices, so the grey one is Esri's.
WEB_BASEMAPS = (
    ("OpenStreetMap", "OpenStreetMap.Mapnik"),
    ("Grey (Esri Light Gray)", "Esri.WorldGrayCanvas"),
    ("Satellite (Esri World Imagery)", "Esri.WorldImagery"),
)

#: the vendored scripts and styles, in load order (layers/assets/README.md)
_JS = ("leaflet.js", "leaflet.markercluster.js", "Control.FullScreen.js", "leaflet-measure.js",
       "claimmap.js", "claimmap-panels.js")
_CSS = ("leaflet.css", "MarkerCluster.css", "Control.FullScreen.css", "leaflet-measure.css",
        "claimmap.css")

_MIME = {".png": "image/png", ".svg": "image/svg+xml", ".gif": "image/gif"}


def _assets() -> Path:
    return Path(__file__).resolve().parent.parent / "assets"


@cache
def _asset_text(name: str) -> str:
    return (_assets() / name).read_text(encoding="utf-8")


def _data_uri(match: re.Match) -> str:
    target = match.group(2)
    if target.startswith(("data:", "#")):
        return match.group(0)
    if not (_assets() / Path(target).name).exists():
        raise FileNotFoundError(f"{target!r} in a vendored stylesheet is not in {_assets()}")
    return f'url("{_data_uri_of(Path(target).name)}")'


@cache
def _data_uri_of(name: str) -> str:
    """A vendored image as a ``data:`` URI."""
    path = _assets() / name
    mime = _MIME.get(path.suffix, "application/octet-stream")
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode()}"


@cache
def _inline_css(name: str) -> str:
    css = re.sub(r"""url\((['"]?)([^)'"]+)\1\)""", _data_uri, _asset_text(name))
    return f"<style>/* {name} */\n{css}\n</style>"


@cache
def _inline_js(name: str) -> str:
    js = _asset_text(name)
    if re.search(r"</script|<!--", js, re.IGNORECASE):
        raise ValueError(f"{name} contains '</script' or '<!--' and cannot be inlined as is")
    return f"<script>/* {name} */\n{js}\n</script>"


@lru_cache(maxsize=1)
def _tiles() -> tuple[dict, ...]:
    import xyzservices.providers as xyz

    out = []
    for label, key in WEB_BASEMAPS:
        provider = xyz.query_name(key)
        out.append({"name": label, "url": provider.build_url(),
                    "attribution": provider.html_attribution,
                    "max_zoom": int(provider.get("max_zoom", 19))})
    return tuple(out)


def _center(data: dict) -> tuple[list[float], int]:
    """Initial (lat, lon) and zoom, before the script fits the view to the features."""
    lats = [p["lat"] for p in data["places"]] + list(data["claims"]["lat"])
    lons = [p["lon"] for p in data["places"]] + list(data["claims"]["lon"])
    if not lats:
        return [20.0, 0.0], 2
    return [(min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2], 6


def render_page(layers, *, embed: bool = False) -> str:
    """The HTML of the map page (``embed=True``: the compact page for an iframe).

    Parameters
    ----------
    layers : Layers
        Anything with ``doc`` (a ClaimsDoc) and the GeoDataFrames ``places``, ``claims``,
        ``links``, ``regions`` in EPSG:4326 with the SPEC's columns.
    embed : bool
        Collapsed controls, no scroll-wheel zoom (the host page scrolls) and a link to
        the full page.

    Returns
    -------
    str
        A complete HTML document with no external reference but the web tiles, which
        are fetched only when a reader picks a web base map.
    """
    import folium
    from branca.element import Element, MacroElement
    from folium.template import Template

    from layers.render._html_data import map_data, script_json

    class _Raw(Element):
        """Markup put into the page as is (branca's Element would read it as a Jinja
        template, and ``{{`` in an article must stay text)."""

        _template = Template("{{ this.text }}")

        def __init__(self, text: str):
            super().__init__()
            self.text = text

    data = map_data(layers, tiles=list(_tiles()))
    art = layers.doc.article
    center, zoom = _center(data)

    class _ClaimmapLayers(MacroElement):
        _template = Template(
            "{% macro script(this, kwargs) %}\n"
            "claimmap.init({{ this._parent.get_name() }}, {{ this.options|tojson }});\n"
            "{% endmacro %}")

        def __init__(self, options):
            super().__init__()
            self._name = "ClaimmapLayers"
            self._id = "layers"
            self.options = options

    m = folium.Map(location=center, zoom_start=zoom, tiles=None, control_scale=True,
                   scroll_wheel_zoom=not embed, world_copy_jump=True)
    m._id = "claimmap"                   # stable element names: same input, same bytes
    m.default_js, m.default_css = [], []  # folium's CDN links: the page inlines its own
    fig = m.get_root()
    fig.header.add_child(_Raw('<meta charset="utf-8">'), name="charset")
    title = art.title or art.id
    fig.header.add_child(_Raw(f"<title>{html.escape(title)}</title>"), name="title")
    for i, name in enumerate(_CSS):
        fig.header.add_child(_Raw(_inline_css(name)), name=f"css_{i}")
    for i, name in enumerate(_JS):
        fig.header.add_child(_Raw(_inline_js(name)), name=f"js_{i}")
    fig.html.add_child(_Raw(
        f'<script type="application/json" id="claimmap-data">{script_json(data)}</script>\n'
        f'<script type="application/json" id="claimmap-outline">'
        f'{_outline_text(getattr(layers, "borders", None))}</script>'), name="claimmap_data")
    from layers.render._cells import rows_of
    from layers.symbology import data_credits

    outline_attribution = "; ".join(data_credits(
        sorted({str(r.get("geometry_source") or "") for r in rows_of(getattr(layers, "regions", None))}),
        places=False))

    options = {"data": "claimmap-data", "outline": "claimmap-outline", "embed": embed,
               # Leaflet's default marker (leaflet-measure uses it) as data URIs: its own
               # lookup would turn the inlined CSS into a relative file path
               "default_icon": {k: _data_uri_of(v) for k, v in (
                   ("iconUrl", "marker-icon.png"), ("iconRetinaUrl", "marker-icon-2x.png"),
                   ("shadowUrl", "marker-shadow.png"))},
               "outline_attribution": outline_attribution,
               "full_page": f"{art.id}.html" if embed else ""}
    m.add_child(_ClaimmapLayers(options))
    page = fig.render()
    if "<script src=" in page or re.search(r"<link[^>]+href=\"?https?:", page):
        raise RuntimeError("the HTML map would load a script or stylesheet from the network")
    return page


@lru_cache(maxsize=2)
def _outline_text(borders: str | None = None) -> str:
    """The Natural Earth outlines as script-safe JSON (the same for every page).

    Read from ``assets/outlines.json``, which ``scripts/encode_outlines.py`` makes from
    geo/data's outlines with :func:`layers.render._html_data.outline_data` (encoding them on every
    build took a fifth of a build's time); tests/test_html_map.py checks it is up to date.
    The other `borders` (``de-facto``; geo.outlines) are encoded when a page asks for them.
    """
    from geo.outlines import DEFAULT_BORDERS, check_borders
    from layers.render._html_data import OUTLINE_ASSET, outline_data, script_json

    if check_borders(borders) != DEFAULT_BORDERS:
        return script_json(outline_data(check_borders(borders)))
    return OUTLINE_ASSET.read_text(encoding="utf-8")


def _write(text: str, path) -> Path:
    path = atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8",
                                                         newline="\n"))
    log.debug("wrote %s (%d bytes)", path, path.stat().st_size)
    return path


def write_html(layers, path) -> Path:
    """Write the self-contained interactive map (SLUG.html); returns its path.

    The file is written whole or not at all (a temporary file renamed into place), with
    the mode any new file gets (`layers.io.writers.atomic_write`).
    """
    return _write(render_page(layers), path)


def write_embed(layers, path) -> Path:
    """Write the report variant (SLUG.embed.html) to show in an ``<iframe>``."""
    return _write(render_page(layers, embed=True), path)
