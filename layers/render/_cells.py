"""What the static map reads of the layers: plain values, and the rows drawing is sent.

A cell of a layer (a pandas or numpy value, a ``"; "``-joined list) read as plain Python
(`number`, `truthy`, `split_ids`); the rows of a layer as dicts (`rows_of`); and
`drawing_input`, the columns drawing reads as plain rows with shapely geometries, which
pickles without pandas or geopandas (so the process that draws the map, see
`layers.render._worker`, never imports them).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

__all__ = ["DRAWN_COLUMNS", "DrawInput", "drawing_input", "importance", "number",
           "published_text", "rows_of", "split_ids", "truthy"]


def number(value, default=0.0) -> float:
    """A cell as a float; `default` for what is not a number (None, text, NaN)."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return default
    return default if math.isnan(v) else v


def rows_of(gdf):
    """Rows of a GeoDataFrame as dicts (geometry included); an empty list for None."""
    if gdf is None or len(gdf) == 0:
        return []
    cols = list(gdf.columns)
    return [dict(zip(cols, vals)) for vals in gdf.itertuples(index=False, name=None)]


def _plain(value):
    """A cell as plain Python: numpy scalars as Python numbers, pandas' missing values
    (NA, NaT) as None; geometries and everything else as they are."""
    kind = type(value)
    if kind.__module__.startswith("pandas"):   # NA, NaT, a Timestamp...
        return None if kind.__name__ in ("NAType", "NaTType") else str(value)
    if kind.__module__ == "numpy" and hasattr(value, "item"):
        return value.item()
    return value


#: the columns drawing reads, per layer (the others stay behind: a merged batch's claims
#: have twenty more, and every one would be copied, sent and read again)
DRAWN_COLUMNS = {
    "places": ("place_id", "name", "kind", "country_code", "mentions", "population",
               "surfaces", "geometry"),
    "claims": ("place_ids", "category", "contested", "geometry"),
    "links": ("link_id", "relation", "from_place", "to_place", "geometry"),
    "regions": ("place_id", "name", "kind", "mentions", "population", "surfaces",
                "geometry_source", "geometry"),
}


def _plain_rows(gdf, columns) -> list[dict]:
    """Rows of a (Geo)DataFrame as dicts of plain Python values (`_plain`), only
    `columns` (those it has); an empty list for None."""
    import numpy as np

    if gdf is None or len(gdf) == 0:
        return []
    names = [c for c in gdf.columns if c in columns]
    data = []
    for c in names:
        col = gdf[c]
        values = col.tolist()   # numpy dtypes: Python numbers already
        if ((not isinstance(col.dtype, np.dtype) or col.dtype == object)
                and c != getattr(gdf, "_geometry_column_name", None)):
            values = [_plain(v) for v in values]
        data.append(values)
    return [dict(zip(names, vals)) for vals in zip(*data)]


@dataclass
class DrawInput:
    """What drawing a map reads of the layers, as plain Python: the article (title,
    source, date; not the whole claims document) and each layer's rows as dicts (shapely
    geometries included; the columns of `DRAWN_COLUMNS`). It pickles without pandas or
    geopandas, so the process that draws the map need not import them."""

    article: object
    places: list
    claims: list
    links: list
    regions: list
    borders: str = "recognised"

    def __getstate__(self) -> dict:
        """Pickled by columns, the geometries of each as one WKB array (a shapely
        geometry pickled alone costs some 20 us each way: seconds for a merged batch)."""
        import shapely

        state = {"article": self.article, "borders": self.borders}
        for name in DRAWN_COLUMNS:
            rows = getattr(self, name)
            keys = list(rows[0]) if rows else []
            if any(list(r) != keys for r in rows):   # rows of their own shape: as they are
                state[name] = rows
                continue
            cols = {k: [r[k] for r in rows] for k in keys}
            if "geometry" in cols:
                cols["geometry"] = shapely.to_wkb(cols["geometry"])
            state[name] = (keys, cols)
        return state

    def __setstate__(self, state: dict) -> None:
        import shapely

        self.article = state["article"]
        self.borders = state.get("borders", "recognised")
        for name in DRAWN_COLUMNS:
            value = state[name]
            if isinstance(value, tuple):
                keys, cols = value
                if "geometry" in cols:
                    cols["geometry"] = shapely.from_wkb(cols["geometry"]).tolist()
                value = [dict(zip(keys, vals)) for vals in zip(*(cols[k] for k in keys))]
            setattr(self, name, value)


def drawing_input(layers) -> DrawInput:
    """The plain drawing input of `layers` (a Layers, a `layers.builder.DocRows`, or a
    `DrawInput` as it is)."""
    if isinstance(layers, DrawInput):
        return layers
    if hasattr(layers.places, "plain"):   # layers.builder.DocRows: no GeoDataFrames yet
        return DrawInput(layers.doc.article,
                         *(getattr(layers, name).plain(DRAWN_COLUMNS[name])
                           for name in ("places", "claims", "links", "regions")),
                         borders=getattr(layers, "borders", "recognised"))
    return DrawInput(layers.doc.article,
                     *(_plain_rows(getattr(layers, name), DRAWN_COLUMNS[name])
                       for name in ("places", "claims", "links", "regions")),
                     borders=getattr(layers, "borders", "recognised"))


def split_ids(value) -> list[str]:
    """A cell of place ids (a list, or ``"; "``-joined text) as a list; [] for none."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return [v.strip() for v in str(value).split(";") if v.strip()]


def truthy(value) -> bool:
    """A cell as a yes or no ("true", "1", "yes", a non-zero number); NaN is no."""
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    try:
        return bool(value) and not (isinstance(value, float) and math.isnan(value))
    except (TypeError, ValueError):
        return False


def importance(p):
    """Sort key of places: most mentioned first, then most populous, then by name."""
    return (-int(number(p.get("mentions"))), -int(number(p.get("population"))), str(p["name"]),
            str(p["place_id"]))


#: the note `layers.merge` gives a merged batch's article: how many articles, and the
#: dates of the first and the last
_MERGED_NOTE = re.compile(r"merged from (\d+) articles?, (\d{4}-\d\d-\d\d) to "
                          r"(\d{4}-\d\d-\d\d)")


def published_text(art) -> str:
    """When the article was published, for a caption: ``"published 2025-06-29"``; for a
    merged batch, the range of its articles' dates (``"published 2013-04-02 to
    2025-06-29"``), not the last one alone; "" when there is no date.

    >>> from datetime import date
    >>> from layers.model import Article
    >>> published_text(Article("a", "", published=date(2025, 6, 29)))
    'published 2025-06-29'
    >>> published_text(Article("b", "", published=date(2025, 6, 29),
    ...                        notes=("merged from 3 articles, 2013-04-02 to 2025-06-29",)))
    'published 2013-04-02 to 2025-06-29'
    """
    for note in getattr(art, "notes", ()) or ():
        m = _MERGED_NOTE.search(str(note))
        if m:
            first, last = m.group(2), m.group(3)
            return f"published {first}" if first == last else f"published {first} to {last}"
    published = getattr(art, "published", None)
    return f"published {published.isoformat()}" if published else ""
