"""The files of one build (SPEC "Files written by build"), written into a folder.

Called by :meth:`layers.builder.Layers.write` inside :func:`layers.io.writers.atomic_output`,
so the folder is a temporary one and a failure here leaves the previous outputs alone.
"""

from __future__ import annotations

import importlib
import logging
from pathlib import Path

from layers.io import writers
from layers.io.styles import qml_for_geometry, sld
from layers.model import ClaimsDoc

__all__ = ["write_all", "claims_table", "gpkg_layers", "input_file_name"]

log = logging.getLogger(__name__)

#: layer -> the column that becomes each GeoJSON feature's id
_LAYER_IDS = {"places": "place_id", "claims": "claim_id", "links": "link_id",
              "regions": "place_id"}

_DESCRIPTIONS = {
    "places": "Places the article names (one point each; mentions counted)",
    "claims": "The article's claims, one point each at the claim's first place "
              "(relating claims are also in claim_lines and links)",
    "claim_lines": "Claims that relate places, as lines through them in order",
    "links": "One geodesic line per related pair of places (length_km on WGS 84)",
    "regions": "Admin areas the article names (their outlines; centre points where none "
               "is had)",
    "region_points": "Admin areas the article names that have no outline (centre points)",
}
#: GeoPackage layers styled like another layer
_STYLED_AS = {"region_points": "regions"}


def input_file_name(doc: ClaimsDoc) -> str | None:
    """The name of the file the article was read from (None for text or a merge).

    It is recorded in the manifest (``input_file``): two inputs whose ids are the same
    ("a b.txt" and "a-b.txt") are two articles, and must not overwrite each other.
    """
    return Path(doc.article.path).name if doc.article.path else None


def _geometry_type(gdf, default: str) -> str:
    types = sorted(set(gdf.geometry.geom_type.dropna()))
    if not types:
        return default
    return types[0] if len(types) == 1 else "Unknown"


def _family(geometry_type: str) -> str:
    if "Polygon" in geometry_type:
        return "polygon"
    if "Line" in geometry_type:
        return "line"
    return "point"


def gpkg_layers(layers) -> list[tuple[str, object, str, str]]:
    """The GeoPackage's layers: (name, frame, geometry type, description).

    A GeoPackage layer (and QGIS's renderer of it) has one geometry type, so the claims
    layer there holds every claim as a point at its first place, and the claims that
    relate places are also in ``claim_lines`` as the lines of the GeoJSON.
    """
    claims = layers.claims
    first = {pid: geom for pid, geom in zip(layers.places["place_id"], layers.places.geometry)}
    points = claims.copy()
    points["geometry"] = [first[ids.split("; ")[0]] if ids else None
                          for ids in claims["place_ids"]]
    points = points.set_geometry("geometry", crs="EPSG:4326")
    lines = claims[claims.geometry.geom_type.isin(["LineString", "MultiLineString"])]
    lines = lines.reset_index(drop=True)
    out = [
        ("places", layers.places, "Point", _DESCRIPTIONS["places"]),
        ("claims", points, "Point", _DESCRIPTIONS["claims"]),
        ("claim_lines", lines, _geometry_type(lines, "LineString"), _DESCRIPTIONS["claim_lines"]),
        ("links", layers.links, _geometry_type(layers.links, "LineString"),
         _DESCRIPTIONS["links"]),
    ]
    # one geometry type a layer: the regions' outlines, and apart from them the centre
    # points of the areas no outline matched (only when some have an outline)
    regions = layers.regions
    is_area = regions.geometry.geom_type.isin(["Polygon", "MultiPolygon"])
    if is_area.any() and not is_area.all():
        out.append(("regions", regions[is_area].reset_index(drop=True), "MultiPolygon",
                    _DESCRIPTIONS["regions"]))
        out.append(("region_points", regions[~is_area].reset_index(drop=True), "Point",
                    _DESCRIPTIONS["region_points"]))
    else:
        out.append(("regions", regions, _geometry_type(regions, "Point"),
                    _DESCRIPTIONS["regions"]))
    return out


def claims_table(layers) -> tuple[list[str], list[dict]]:
    """Every claim (placed or not) as a row for the CSV: the claims columns, lon, lat."""
    from layers.schema import CLAIM_COLUMNS, article_index, claim_row

    places = {p.place_id: p for p in layers.doc.places}
    articles = article_index(layers.doc)
    rows = []
    for c in sorted(layers.doc.claims, key=lambda c: c.claim_id):
        row = claim_row(c, places, articles)
        first = places.get(c.place_ids[0]) if c.place_ids else None
        row["lon"] = None if first is None else round(first.lon, 6)
        row["lat"] = None if first is None else round(first.lat, 6)
        rows.append(row)
    return CLAIM_COLUMNS + ["lon", "lat"], rows


def _renderer(module: str):
    """Import a renderer module; None (with a warning) while it is not written yet."""
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as err:
        if err.name != module:
            raise
        log.warning("%s is not available; its files are skipped", module)
        return None


def _timestamp(layers) -> str:
    published = layers.doc.article.published
    if published is None:
        return writers.STYLE_UPDATE_TIME_DEFAULT
    return f"{published.isoformat()}T00:00:00Z"


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    try:
        claimmap_version = version("claimmap")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        claimmap_version = "unknown"
    try:
        from geo.gazetteer import Gazetteer
        gazetteer_version = str(Gazetteer.open().version)
    except ImportError as err:
        log.warning("no gazetteer version for the manifest: %s", err)
        gazetteer_version = "unknown"
    return {"claimmap": claimmap_version, "gazetteer": gazetteer_version}


def write_all(layers, folder: Path, figure: dict, *, maps: bool = True,
              claims_file: bool = True, worker=None) -> list[Path]:
    """Write every file of one article into folder; the paths written (manifest last).

    The static map is drawn meanwhile, in a second process where the machine allows
    (`worker`, a :class:`layers.render._worker.StaticWorker`, or one of its own: see
    :mod:`layers.render._worker`); every file is written here.
    """
    static = _renderer("layers.render.static") if maps else None
    if static is None:
        return _write_all(layers, folder, maps=maps, claims_file=claims_file, static=None)
    from layers.render._worker import draw_static

    with draw_static(layers, figure, worker) as job:
        return _write_all(layers, folder, maps=maps, claims_file=claims_file, static=job)


def _write_all(layers, folder: Path, *, maps: bool, claims_file: bool,
               static) -> list[Path]:

    slug = layers.slug
    written: list[Path] = []
    for name in layers.LAYER_NAMES:
        gdf = getattr(layers, name)
        gtype = _geometry_type(gdf, "LineString" if name == "links" else "Point")
        written.append(writers.write_geojson(gdf, folder / f"{slug}.{name}.geojson",
                                             id_field=_LAYER_IDS[name], geometry_type=gtype))
        # QGIS loads a .qml named like a data file as that file's default style
        # claims mix points and lines: the style is the points' (QGIS refuses it for lines)
        family = "point" if name == "claims" else _family(gtype)
        written.append(writers.write_text(qml_for_geometry(name, family),
                                          folder / f"{slug}.{name}.qml"))

    gpkg = gpkg_layers(layers)
    styles = {name: (qml_for_geometry(_STYLED_AS.get(name, name), _family(gtype)),
                     sld(_STYLED_AS.get(name, name)))
              for name, _gdf, gtype, _d in gpkg}
    written.append(writers.write_gpkg(gpkg, folder / f"{slug}.gpkg", styles=styles,
                                      timestamp=_timestamp(layers)))

    columns, rows = claims_table(layers)
    written.append(writers.write_csv(rows, columns, folder / f"{slug}.claims.csv"))

    claimsfile = _renderer("layers.claimsfile") if claims_file else None
    if claimsfile is not None:
        written.append(writers.write_text(claimsfile.dump_claims_file(layers.doc),
                                          folder / f"{slug}.claims.yaml"))

    html = _renderer("layers.render.html") if maps else None
    if html is not None:
        html.write_html(layers, folder / f"{slug}.html")
        html.write_embed(layers, folder / f"{slug}.embed.html")
        written += [folder / f"{slug}.html", folder / f"{slug}.embed.html"]
    if static is not None:
        from layers.render import static as render_static

        png, svg = folder / f"{slug}.png", folder / f"{slug}.svg"
        render_static.save_static(*static.result(), png, svg)
        render_static.write_report(layers, folder / f"{slug}.report.html", png)
        written += [png, svg, folder / f"{slug}.report.html"]

    counts = layers.counts()
    counts["claim_lines"] = int(len(gpkg[2][1]))
    manifest = folder / f"{slug}.manifest.json"
    writers.write_manifest(
        manifest, [p for p in written if p.exists()], article_id=slug, counts=counts,
        versions=_versions(),
        extra={"input_file": input_file_name(layers.doc),
               "unplaced_claims": list(layers.unplaced_claims),
               "boundaries": Path(layers.boundaries).name if layers.boundaries else None,
               "made_by": dict(layers.doc.made_by)},
    )
    written.append(manifest)
    return written
