"""The builder: an article (or a reviewed claims file) into the four layers of the SPEC.

`build` reads its input into a :class:`~layers.model.ClaimsDoc` (extracting the claims
of an article, or loading a claims file as reviewed) and turns it into a :class:`Layers`:
four GeoDataFrames in EPSG:4326 with the SPEC's flat properties.

- places: one Point per place the article names;
- claims: one feature per claim, a Point at its (first) place, or a LineString through
  its places, in order, when the claim relates them (``relation`` set, two places or more);
  several claims at one place stay separate features at the same point;
- links: one LineString per consecutive pair of places of a relating claim, drawn along
  the geodesic (densified with :meth:`pyproj.Geod.npts`) with its length on the WGS 84
  ellipsoid;
- regions: the countries and admin areas (kinds ``country``, ``admin1``, ``admin2``) the
  article names, as their outlines (Natural Earth's countries and admin-1, US counties,
  shipped; or the Polygons of a boundaries file the user gives, which wins), a Point at
  the centre only where no outline matches. A country's outline frames a map only when
  the article names nothing finer (the maps' views are the renderers'). The claims about
  an area or a country are drawn at a point inside its outline, not at the gazetteer's
  point (a country's capital region).

Ids come from the input (place_id, claim_id; link ids from the claim id and the pair) and
features are sorted by them, so the same input gives the same layers, and
:meth:`Layers.write` the same bytes.
"""

from __future__ import annotations

import logging
import math
import os
import re
from dataclasses import dataclass, field
from datetime import date as _date
from pathlib import Path
from typing import TYPE_CHECKING

from geo.exc import BadInput
from geo.outlines import DEFAULT_BORDERS, check_borders
from layers.boundaries import match_boundaries
from layers.model import Article, ClaimsDoc
from layers.schema import DocRows, layer_rows

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

__all__ = ["Layers", "build", "layers_from_doc", "load_doc"]

log = logging.getLogger(__name__)

_ARTICLE_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"}
_CLAIMS_SUFFIXES = {".yaml", ".yml"}


# --------------------------------------------------------------------------- input

def _looks_like_path(value: str) -> bool:
    """A file name rather than an article's text: one line, and a known suffix, an
    existing file, or no whitespace at all (no article is a single word)."""
    if "\n" in value or len(value) >= 4096:
        return False
    return (Path(value).suffix.lower() in _ARTICLE_SUFFIXES | _CLAIMS_SUFFIXES
            or os.path.isfile(value) or not re.search(r"\s", value.strip()))


def load_doc(path_or_text, date=None) -> ClaimsDoc:
    """Read build's input into a ClaimsDoc.

    Parameters
    ----------
    path_or_text : str, path-like or ClaimsDoc
        An article file (.txt, .md, .html: read and its claims extracted), a claims file
        (.yaml/.yml: loaded as reviewed), a ClaimsDoc (used as is), or the text of an
        article (a str that is not a file name; its id is a slug of its first line).
    date : datetime.date or str, optional
        The article's date, for relative dates and renamed places (default: the date found
        in the article). Ignored for a claims file, which carries its own.

    Raises
    ------
    geo.exc.BadInput
        A missing file, an unknown suffix, empty text, or whatever the readers reject.
    """
    if isinstance(date, str):
        try:
            date = _date.fromisoformat(date)
        except ValueError:
            raise BadInput(f"{date!r} is not a date in the form YYYY-MM-DD",
                           field="date") from None
    if isinstance(path_or_text, ClaimsDoc):
        return path_or_text
    if isinstance(path_or_text, os.PathLike) or (
            isinstance(path_or_text, str) and _looks_like_path(path_or_text)):
        path = Path(path_or_text)
        if not path.is_file():
            # a device (/dev/null), a FIFO or a folder is there but is no article: say so
            # (and never open a FIFO, whose read would wait for a writer)
            what = ("is not a regular file (a folder, device or pipe)" if os.path.lexists(path)
                    else "no such file")
            raise BadInput(what, path=str(path_or_text))
        suffix = path.suffix.lower()
        if suffix in _CLAIMS_SUFFIXES:
            from layers.claimsfile import load_claims_file
            return load_claims_file(path)
        from layers.text.article import read_article
        from layers.text.claims import extract
        return extract(read_article(path), date=date)
    if not isinstance(path_or_text, str):
        raise TypeError(f"build() takes a path, an article's text or a ClaimsDoc, "
                        f"not {type(path_or_text).__name__}")
    if not path_or_text.strip():
        raise BadInput("the article text is empty")
    from layers.text.article import article_from_text, slugify
    from layers.text.claims import extract

    first = next(line for line in path_or_text.splitlines() if line.strip())
    article = article_from_text(path_or_text, id=slugify(first.strip()[:80]))
    return extract(article, date=date)


def layers_from_doc(doc: ClaimsDoc, boundaries: str | os.PathLike | None = None,
                    *, source: str | None = None, borders: str | None = None) -> Layers:
    """Turn a ClaimsDoc into the four layers.

    Parameters
    ----------
    doc : ClaimsDoc
        The article, its places and its claims.
    boundaries : str or path-like, optional
        A vector file of admin areas (any format GDAL reads); regions it matches become
        its polygons (see :func:`layers.builder._match_boundaries`).
    source : str, optional
        The input's file name, for error messages.
    borders : {"recognised", "de-facto"}, optional
        The country borders the claims about a country are placed in (and the maps draw):
        internationally recognised by default (geo.outlines).

    Returns
    -------
    Layers
    """
    rows = layer_rows(doc, source=source, bundled=boundaries is None,
                      borders=check_borders(borders))
    return _layers(rows, boundaries, check_borders(borders))


def _layers(rows: DocRows, boundaries, borders: str) -> Layers:
    doc = rows.doc
    if boundaries is not None:
        match_boundaries(rows.regions.rows, rows.regions.geoms, boundaries)
    return Layers(doc=doc, places=rows.places.frame(), claims=rows.claims.frame(),
                  links=rows.links.frame(), regions=rows.regions.frame(),
                  unplaced_claims=rows.unplaced,
                  boundaries=None if boundaries is None else str(boundaries),
                  borders=borders)


# --------------------------------------------------------------------------- Layers

@dataclass
class Layers:
    """The four layers of one article, and the claims document they come from.

    Attributes
    ----------
    doc : ClaimsDoc
        The article, places and claims the layers were built from.
    places, claims, links, regions : geopandas.GeoDataFrame
        EPSG:4326, with the SPEC's columns (see ``PLACE_COLUMNS`` etc.), sorted by id
        (claims: the points, then the lines, each by claim_id).
    unplaced_claims : list of str
        Ids of claims that name no place (in the claims file and CSV, not on the map).
    boundaries : str or None
        The boundaries file regions were matched against, if any.
    borders : str
        The country borders chosen ("recognised" or "de-facto"; see geo.outlines).
    """

    doc: ClaimsDoc
    places: gpd.GeoDataFrame
    claims: gpd.GeoDataFrame
    links: gpd.GeoDataFrame
    regions: gpd.GeoDataFrame
    unplaced_claims: list[str] = field(default_factory=list)
    boundaries: str | None = None
    borders: str = DEFAULT_BORDERS

    LAYER_NAMES = ("places", "claims", "links", "regions")

    @property
    def slug(self) -> str:
        """The article id: every file name starts with it."""
        return self.doc.article.id

    @property
    def article(self) -> Article:
        """The article the layers are about."""
        return self.doc.article

    def counts(self) -> dict[str, int]:
        """Feature count of each layer."""
        return {name: int(len(getattr(self, name))) for name in self.LAYER_NAMES}

    def write(self, out_dir: str | os.PathLike = "output", figure: dict | None = None,
              *, maps: bool = True, claims_file: bool = True, worker=None) -> list[Path]:
        """Write every file of the SPEC for this article into out_dir, atomically.

        Parameters
        ----------
        out_dir : str or path-like
            The folder (made if missing). Files of the same article are replaced.
        figure : dict, optional
            Options of the static map (basemap, figure_size, dpi, title), passed to
            :func:`layers.render.static.write_static`.
        maps : bool
            Also draw the maps (HTML, PNG/SVG, report). False writes only the data files:
            GeoJSON, GeoPackage, CSV, claims YAML and the manifest.
        claims_file : bool
            Also write the claims YAML (False for a merge of many articles, which is
            no one article's claims file: see :mod:`layers.batch`).
        worker : layers.render._worker.StaticWorker, optional
            The static map process of a ``static_worker`` block (the one given to
            :func:`build`, which may have started this map already); default: one of
            the write's own, where the machine allows.

        Returns
        -------
        list of Path
            The files written, in out_dir.

        Notes
        -----
        The static map is drawn in a second (forked) process while the other files are
        written, where the machine has two cores and the process runs no other thread
        (see :mod:`layers.render._worker`); the files are the same bytes either way.
        """
        from layers.files import write_all
        from layers.io.writers import atomic_output

        with atomic_output(out_dir, key=self.slug) as tmp:
            # under the folder's lock: no other build can take the id meanwhile
            _check_own_files(self, Path(out_dir))
            names = [p.name for p in write_all(self, Path(tmp), figure or {}, maps=maps,
                                                  claims_file=claims_file, worker=worker)]
        return [Path(out_dir) / n for n in names]

    def __repr__(self) -> str:
        c = self.counts()
        art = self.doc.article
        when = art.published.isoformat() if art.published else "undated"
        return (f"<Layers {self.slug!r} ({when}): {c['places']} places, {c['claims']} claims, "
                f"{c['links']} links, {c['regions']} regions>")

    def _repr_html_(self) -> str:
        from html import escape

        def table(gdf, columns, limit=12):
            if not len(gdf):
                return "<p><i>none</i></p>"
            cols = [c for c in columns if c in gdf.columns]
            head = "".join(f"<th>{escape(c)}</th>" for c in cols)
            body = []
            for _, row in gdf.head(limit).iterrows():
                cells = "".join(f"<td>{escape(_cell(row[c]))}</td>" for c in cols)
                body.append(f"<tr>{cells}</tr>")
            more = (f"<p><i>... and {len(gdf) - limit} more</i></p>" if len(gdf) > limit else "")
            return f"<table><tr>{head}</tr>{''.join(body)}</table>{more}"

        c = self.counts()
        art = self.doc.article
        parts = [
            f"<div><b>Layers</b> of <code>{escape(self.slug)}</code>"
            f"{' — ' + escape(art.title) if art.title else ''}"
            f" ({escape(art.published.isoformat()) if art.published else 'undated'})<br>",
            ", ".join(f"{n} {k}" for k, n in c.items()),
            "<h4>places</h4>",
            table(self.places, ["place_id", "name", "kind", "mentions", "geo_precision"]),
            "<h4>claims</h4>",
            table(self.claims, ["claim_id", "category", "measure", "value", "unit",
                                "date_start", "source", "place_ids"]),
            "<h4>links</h4>",
            table(self.links, ["link_id", "relation", "from_place", "to_place", "length_km"]),
            "<h4>regions</h4>",
            table(self.regions, ["place_id", "name", "admin1", "geometry_source"]),
            "</div>",
        ]
        return "".join(parts)


#: an id that is one file-name part: word characters, '.', '-'; no '..', not hidden
_SAFE_ID_RE = re.compile(r"(?!.*\.\.)[^\W_][\w.-]*|_[\w.-]*")


def _check_own_files(layers: Layers, out_dir: Path) -> None:
    """Refuse an id that is not a plain file name, or whose files in out_dir are those
    of another input (its manifest names another ``input_file``)."""
    import json

    from layers.files import input_file_name

    slug, path = layers.slug, layers.doc.article.path
    if not isinstance(slug, str) or not _SAFE_ID_RE.fullmatch(slug) or \
            any(not ch.isprintable() for ch in slug):
        raise BadInput(f"article id {slug!r} is not a safe file name (letters, digits, "
                       "'.', '-' and '_'; no '..')", path=path, field="id")
    manifest = out_dir / f"{slug}.manifest.json"
    try:
        old = json.loads(manifest.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return
    except (OSError, ValueError) as err:
        log.warning("%s cannot be read (%s); its files are replaced", manifest, err)
        return
    if not isinstance(old, dict) or "input_file" not in old:
        return
    mine = input_file_name(layers.doc)
    if old["input_file"] != mine:
        theirs = repr(old["input_file"]) if old["input_file"] else "another input"
        raise BadInput(f"its id {slug!r} is also the id of {theirs}, whose files are in "
                       f"{out_dir}; refusing to overwrite them (rename one of the two, or "
                       "build into another --out)", path=path, field="id")


def _cell(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = str(value)
    return text if len(text) <= 80 else text[:77] + "..."


def build(path_or_text, date=None, boundaries=None, *, worker=None, borders=None) -> Layers:
    """Build the four layers of an article or a reviewed claims file.

    Parameters
    ----------
    path_or_text : str, path-like or ClaimsDoc
        An article (.txt, .md, .html), a claims file (.yaml), a ClaimsDoc, or an
        article's text.
    date : datetime.date or str, optional
        The article's date (YYYY-MM-DD); default: the date found in it.
    boundaries : str or path-like, optional
        A vector file of admin boundaries; matched regions become polygons.
    worker : layers.render._worker.StaticWorker, optional
        A static map process started by ``static_worker(figure=...)``: it is handed the
        map now, before the GeoDataFrames are made; pass it to :meth:`Layers.write` too.
    borders : {"recognised", "de-facto"}, optional
        Country borders: internationally recognised (the default) or as held on the ground.

    Returns
    -------
    Layers

    Raises
    ------
    geo.exc.BadInput
        Input a person can fix (missing file, unknown place id in a claims file, ...).
    """
    doc = load_doc(path_or_text, date=date)
    source = str(path_or_text) if isinstance(path_or_text, (str, os.PathLike)) and \
        _looks_like_path(str(path_or_text)) else None
    borders = check_borders(borders)
    rows = layer_rows(doc, source=source, bundled=boundaries is None, borders=borders)
    if boundaries is None and worker is not None:
        # the map's process starts drawing now, while this one imports geopandas and
        # makes the GeoDataFrames
        from layers.render._worker import draw_early

        draw_early(worker, rows)
    return _layers(rows, boundaries, borders)
