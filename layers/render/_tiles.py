"""Web tiles under the static map, only when the user asks (``basemap="web"``).

A small XYZ tile fetcher on the standard library and xyzservices (already installed with
folium), so the web basemap needs no GDAL/rasterio stack: the map is drawn in Web
Mercator (EPSG:3857), the tiles covering the view are fetched, stitched with Pillow and
shown under the drawing, and the provider's attribution goes in the caption. Nothing is
cached on disk. When a tile cannot be fetched the whole figure fails with a
`ClaimmapError` that says so: a half-filled basemap is worse than none.
"""

from __future__ import annotations

import io
import logging
import math
import urllib.error
import urllib.request

from geo.exc import ClaimmapError

__all__ = ["TILE_PROVIDER", "TileFetchError", "fetch_basemap"]

log = logging.getLogger(__name__)

#: the default provider; tests swap it for a local server
TILE_PROVIDER = None  # resolved lazily to xyzservices.providers.OpenStreetMap.Mapnik

_HALF = 20037508.342789244  # half the Web Mercator world width, metres
_MAX_TILES = 64
_TIMEOUT_S = 10
_USER_AGENT = "claimmap/0.1 (static map basemap)"


class TileFetchError(ClaimmapError):
    """A web basemap was asked for and its tiles could not be fetched."""


def _provider():
    if TILE_PROVIDER is not None:
        return TILE_PROVIDER
    import xyzservices.providers as xyz

    return xyz.OpenStreetMap.Mapnik


def _tile_range(x0, x1, z):
    n = 2 ** z
    size = 2 * _HALF / n
    lo = max(0, int(math.floor((x0 + _HALF) / size)))
    hi = min(n - 1, int(math.floor((x1 + _HALF) / size)))
    return lo, hi, size


def _zoom_for(extent, width_px, max_zoom):
    x0, x1 = extent[0], extent[1]
    # tiles are 256 px: pick the zoom whose resolution is just finer than the map's
    metres_per_px = max((x1 - x0) / max(width_px, 1), 1e-6)
    z = math.ceil(math.log2(2 * _HALF / (256 * metres_per_px)))
    return int(min(max(z, 0), max_zoom))


def fetch_basemap(extent, width_px):
    """Fetch and stitch the tiles covering `extent` (x0, x1, y0, y1 in EPSG:3857).

    Returns
    -------
    (image, image_extent, attribution)
        A PIL image, its extent (x0, x1, y0, y1, EPSG:3857) and the provider's
        attribution text.

    Raises
    ------
    TileFetchError
        When any tile cannot be fetched (no network, server error, not an image).
    """
    from PIL import Image

    provider = _provider()
    max_zoom = int(provider.get("max_zoom", 19))
    z = _zoom_for(extent, width_px, max_zoom)
    while True:
        tx0, tx1, size = _tile_range(extent[0], extent[1], z)
        # tile rows count down from the north
        n = 2 ** z
        ty0 = max(0, int(math.floor((_HALF - extent[3]) / size)))
        ty1 = min(n - 1, int(math.floor((_HALF - extent[2]) / size)))
        count = (tx1 - tx0 + 1) * (ty1 - ty0 + 1)
        if count <= _MAX_TILES or z == 0:
            break
        z -= 1
    mosaic = Image.new("RGB", ((tx1 - tx0 + 1) * 256, (ty1 - ty0 + 1) * 256))
    for ty in range(ty0, ty1 + 1):
        for tx in range(tx0, tx1 + 1):
            url = provider.build_url(x=tx, y=ty, z=z)
            tile = _get_tile(url)
            mosaic.paste(tile.convert("RGB").resize((256, 256)),
                         ((tx - tx0) * 256, (ty - ty0) * 256))
    img_extent = (-_HALF + tx0 * size, -_HALF + (tx1 + 1) * size,
                  _HALF - (ty1 + 1) * size, _HALF - ty0 * size)
    attribution = provider.get("attribution", "") or provider.get("html_attribution", "")
    log.debug("basemap: %d tiles at zoom %d from %s", count, z, provider.get("name", "?"))
    return mosaic, img_extent, attribution


def _get_tile(url):
    from PIL import Image, UnidentifiedImageError

    req = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
    try:
        with urllib.request.urlopen(req, timeout=_TIMEOUT_S) as resp:  # noqa: S310
            data = resp.read()
    except (urllib.error.URLError, OSError, ValueError) as err:
        raise TileFetchError(
            f"could not fetch web basemap tile {url}: {getattr(err, 'reason', err)}; "
            "the web basemap needs network access (use basemap 'none' to draw offline)"
        ) from err
    try:
        return Image.open(io.BytesIO(data))
    except UnidentifiedImageError as err:
        raise TileFetchError(f"web basemap tile {url} is not an image") from err
