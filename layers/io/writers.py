"""Writing layers to files: GeoJSON, GeoPackage, CSV, the manifest, atomically.

Every writer here goes through GDAL (pyogrio) or the standard library, never hand-built
GeoJSON, and every one is deterministic: the same frames give the same bytes. GeoPackage
normally stamps the current time into ``gpkg_contents.last_change``; the writers pin it with
GDAL's ``OGR_CURRENT_DATE`` option to a date derived from the input.

Outputs of one build go first into a temporary folder beside the destination (so on the
same filesystem), are flushed to disk, then become the destination's files in one atomic
switch (:mod:`layers.io._commit`); a build that fails or is killed leaves the previous
outputs as they were, and a lock file in the destination keeps two builds into one folder
from interleaving (see :func:`atomic_output`). A single
file written on its own (an HTML map, a static map, a report fragment) goes through
:func:`atomic_write`. Every file either way gets the mode any new file gets: 0o666 less the
process's umask (never mkstemp's 0600, which would keep a map from its readers).
"""

from __future__ import annotations

import contextlib
import csv
import errno
import hashlib
import io
import json
import logging
import math
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

from layers.io import _commit

__all__ = [
    "GEOJSON_OPTIONS", "STYLE_UPDATE_TIME_DEFAULT", "iso_dates",
    "write_geojson", "write_gpkg", "write_csv", "write_text", "write_manifest",
    "file_entry", "atomic_output", "atomic_write",
]

log = logging.getLogger(__name__)

#: GDAL GeoJSON layer creation options for RFC 7946 output (lon/lat, no crs member,
#: right-hand-rule polygons, at most 6 decimals)
GEOJSON_OPTIONS = {"RFC7946": "YES", "COORDINATE_PRECISION": "6", "WRITE_NAME": "NO"}

#: used for gpkg_contents.last_change and layer_styles.update_time when the input has no date
STYLE_UPDATE_TIME_DEFAULT = "2000-01-01T00:00:00Z"

#: the column (added only while writing) that GDAL turns into each GeoJSON feature's `id`
_ID_COLUMN = "id"


def _frame_for_gdal(gdf, *, id_field: str | None = None):
    """A copy of gdf ready for pyogrio: an ``id`` column copied from id_field, if asked."""
    out = gdf.copy()
    if id_field is not None:
        if _ID_COLUMN in out.columns:
            raise ValueError(f"a layer may not have its own {_ID_COLUMN!r} column")
        # GDAL consumes the ID_FIELD column; keep the SPEC's own id property by copying it
        out.insert(0, _ID_COLUMN, out[id_field].astype(str))
    return out


def write_geojson(gdf, path: str | Path, *, id_field: str, geometry_type: str) -> Path:
    """Write one layer as RFC 7946 GeoJSON with an ``id`` per feature.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        The layer, in EPSG:4326.
    path : str or Path
        The file to write (replaced if it exists).
    id_field : str
        The column whose value becomes each feature's ``id`` (it stays a property too).
    geometry_type : str
        The OGR geometry type to declare ("Point", "LineString", "Unknown", ...), needed
        for an empty layer.

    Returns
    -------
    Path
        The path written.
    """
    import pyogrio

    path = Path(path)
    if path.exists():
        path.unlink()
    frame = _frame_for_gdal(gdf, id_field=id_field)
    pyogrio.write_dataframe(
        frame, path, driver="GeoJSON", geometry_type=geometry_type,
        layer_options={**GEOJSON_OPTIONS, "ID_FIELD": _ID_COLUMN, "ID_TYPE": "String"},
    )
    return path


def iso_dates(values) -> object:
    """ISO dates at any precision ("2025", "2025-06", "2025-06-29"; empty for none) as a
    numpy ``datetime64[D]`` array: the first day of the period each names, NaT for none.

    >>> iso_dates(["2025-06-29", "2024-12", "2024", "", None]).tolist()[:3]
    [datetime.date(2025, 6, 29), datetime.date(2024, 12, 1), datetime.date(2024, 1, 1)]
    """
    import numpy as np

    out = np.full(len(values), np.datetime64("NaT"), dtype="datetime64[D]")
    for i, value in enumerate(values):
        text = "" if value is None else str(value).strip()
        if text and text.lower() != "nan":
            try:
                out[i] = np.datetime64(text, "D")
            except ValueError as err:
                raise ValueError(f"{text!r} is not an ISO date (YYYY, YYYY-MM or "
                                 "YYYY-MM-DD)") from err
    return out


def _write_gpkg_layer(gdf, path: Path, *, layer: str, geometry_type: str,
                      layer_options: dict, dataset_options: dict,
                      date_columns: tuple[str, ...]) -> None:
    """One layer into the GeoPackage; the columns named in date_columns become DATE fields.

    pyogrio (without pyarrow) writes a pandas column as TEXT or DATETIME, never DATE, so a
    layer with date columns goes through :func:`pyogrio.raw.write` with those columns as
    ``datetime64[D]`` (GDAL's OFTDate) and the others as ``write_dataframe`` sends them.
    """
    import pyogrio

    dates = [c for c in date_columns if c in gdf.columns]
    if not dates:
        pyogrio.write_dataframe(gdf, path, layer=layer, driver="GPKG",
                                geometry_type=geometry_type, layer_options=layer_options,
                                dataset_options=dataset_options)
        return
    import numpy as np
    import pandas as pd
    import shapely
    from pandas.arrays import BooleanArray, FloatingArray, IntegerArray
    from pyogrio.raw import write

    geom_name = gdf.geometry.name
    fields = [c for c in gdf.columns if c != geom_name]
    field_data, field_mask = [], []
    for name in fields:
        if name in dates:
            field_data.append(iso_dates(list(gdf[name])))
            field_mask.append(None)
            continue
        values = gdf[name].values
        if isinstance(values, (IntegerArray, FloatingArray, BooleanArray)):
            field_data.append(values._data)
            field_mask.append(values._mask)
        elif isinstance(values, pd.api.extensions.ExtensionArray):
            field_data.append(np.asarray(values))
            field_mask.append(np.asarray(values.isna()))
        else:
            field_data.append(values)
            field_mask.append(None)
    crs = gdf.crs
    epsg = crs.to_epsg() if crs is not None else None
    write(path, shapely.to_wkb(np.asarray(gdf.geometry.values)), field_data, fields,
          field_mask=field_mask, layer=layer, driver="GPKG", geometry_type=geometry_type,
          crs=f"EPSG:{epsg}" if epsg else (crs.to_wkt("WKT1_GDAL") if crs else None),
          layer_options=layer_options, dataset_options=dataset_options)


def write_gpkg(layers: list[tuple[str, object, str, str]], path: str | Path, *,
               styles: Mapping[str, tuple[str, str]] | None = None,
               timestamp: str = STYLE_UPDATE_TIME_DEFAULT,
               style_owner: str = "claimmap",
               date_columns: tuple[str, ...] | None = None) -> Path:
    """Write layers into one GeoPackage, with a default QGIS style each in ``layer_styles``.

    Parameters
    ----------
    layers : list of (name, GeoDataFrame, geometry_type, description)
        The layers, written in this order.
    path : str or Path
        The GeoPackage to write (replaced if it exists).
    styles : mapping, optional
        layer name -> (QML, SLD) strings; each becomes that layer's default style.
    timestamp : str
        ISO 8601 UTC time written as ``gpkg_contents.last_change`` and
        ``layer_styles.update_time``, so the file does not depend on when it was written.
    style_owner : str
        The ``owner`` column of the style rows.
    date_columns : tuple of str, optional
        Columns of ISO date strings ("2025-06-29", "2025-06", "2025", or empty) written as
        GeoPackage DATE fields: the first day of the period each names, NULL when empty
        (``time_precision`` keeps the period). Default: the SPEC's
        (:data:`layers.schema.DATE_COLUMNS`, ``date_start`` and ``date_end``).

    Returns
    -------
    Path
        The path written.
    """
    import pandas as pd
    import pyogrio

    if date_columns is None:
        from layers.schema import DATE_COLUMNS as date_columns
    path = Path(path)
    if path.exists():
        path.unlink()
    # no journal, no fsync: the file is in a temporary folder until the build succeeds
    with _gdal_config({"OGR_CURRENT_DATE": timestamp, "OGR_SQLITE_JOURNAL": "OFF",
                       "OGR_SQLITE_SYNCHRONOUS": "OFF"}):
        for name, gdf, geometry_type, description in layers:
            _write_gpkg_layer(
                gdf, path, layer=name, geometry_type=geometry_type,
                layer_options={"DESCRIPTION": description, "SPATIAL_INDEX": "YES"},
                # GeoPackage 1.2: what QGIS LTR releases and older GDALs read without warnings
                dataset_options={"VERSION": "1.2"}, date_columns=tuple(date_columns),
            )
        if styles:
            rows = []
            for name, gdf, _geometry_type, _description in layers:
                if name not in styles:
                    continue
                qml, sld = styles[name]
                rows.append({
                    "f_table_catalog": "", "f_table_schema": "", "f_table_name": name,
                    "f_geometry_column": "geom", "styleName": name, "styleQML": qml,
                    "styleSLD": sld, "useAsDefault": True,
                    "description": f"claimmap default style of the {name} layer",
                    "owner": style_owner, "ui": "",
                    "update_time": pd.Timestamp(timestamp).tz_convert("UTC"),
                })
            table = pd.DataFrame(rows)
            table["update_time"] = table["update_time"].astype("datetime64[ms, UTC]")
            pyogrio.write_dataframe(table, path, layer="layer_styles", driver="GPKG",
                                    layer_options={"FID": "id"})
    return path


@contextlib.contextmanager
def _gdal_config(options: dict[str, str]) -> Iterator[None]:
    """Set GDAL config options for the duration of a block, then restore them."""
    import pyogrio

    old = {key: pyogrio.get_gdal_config_option(key) for key in options}
    pyogrio.set_gdal_config_options(options)
    try:
        yield
    finally:
        pyogrio.set_gdal_config_options(old)


def _csv_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return repr(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    text = str(value)
    if text[:1] in _FORMULA_START:
        # a spreadsheet would run it as a formula (=HYPERLINK(...), +cmd|...): text is text
        return "'" + text
    return text


#: what a spreadsheet reads as the start of a formula in a text cell (OWASP's list)
_FORMULA_START = frozenset("=+-@\t\r")


def write_csv(rows: list[dict], columns: list[str], path: str | Path) -> Path:
    """Write rows (dicts) as a UTF-8 CSV for spreadsheets: a header, then one row each.

    Missing values and NaN are empty cells, booleans ``true``/``false``, whole floats
    without a trailing ``.0``; line ends are ``\\n`` on every platform. A text cell that a
    spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or
    a carriage return) is written with a leading ``'``, so it shows as the text it is.
    """
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_value(row.get(col)) for col in columns])
    return write_text(buf.getvalue(), path)


def write_text(text: str, path: str | Path) -> Path:
    """Write text as UTF-8 with ``\\n`` line ends."""
    path = Path(path)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    return path


def file_entry(path: Path) -> dict:
    """The manifest entry of a written file: name, size and sha256."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return {"name": path.name, "bytes": path.stat().st_size, "sha256": digest.hexdigest()}


def write_manifest(path: str | Path, files: list[Path], *, article_id: str,
                   counts: Mapping[str, int], versions: Mapping[str, str],
                   extra: Mapping[str, object] | None = None) -> Path:
    """Write ``SLUG.manifest.json``: what was written, with sizes, sha256s and counts.

    No timestamps: the manifest of the same input is the same bytes.
    """
    doc = {
        "article_id": article_id,
        "versions": dict(versions),
        "feature_counts": dict(counts),
        "files": [file_entry(Path(p)) for p in sorted(files, key=lambda p: Path(p).name)],
    }
    if extra:
        doc.update(extra)
    return write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", path)


def _lock(out_dir: Path):
    from filelock import FileLock

    return FileLock(str(out_dir / ".claimmap.lock"))


#: the file that marks a temporary folder as a build's own (see `atomic_output`)
_MARKER = _commit.GENERATION_MARKER


def _temp_prefix(out_dir: Path) -> str:
    return f".{out_dir.name or 'out'}.claimmap-tmp-"


def _new_file_mode() -> int:
    """The mode open() gives a new file: 0o666 less the process's umask."""
    try:  # Linux says it; setting the umask to read it would race other threads' files
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def atomic_write(path: str | Path, write) -> Path:
    """Write one file whole or not at all; returns its path.

    ``write(tmp)`` fills a new temporary file ``tmp`` (a Path) beside `path`, in the same
    folder (so on the same filesystem); it is then flushed to disk (fsync) and renamed
    over `path` with :func:`os.replace`. When `write` raises, the temporary file is
    removed and `path` is left as it was. The file gets the mode any new file gets (0o666
    less the umask), as the files of :func:`atomic_output` do. The folder is made if
    missing.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _new_temp_file(path)
    try:
        write(tmp)
        os.chmod(tmp, _new_file_mode())   # as made, unless `write` made the file anew
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def _new_temp_file(path: Path) -> Path:
    """An empty temporary file beside `path`, with the mode the umask gives any new file."""
    for _ in range(100):
        tmp = path.parent / f".{path.name}.{os.urandom(6).hex()}.tmp"
        try:
            os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:  # pragma: no cover - 48 random bits
            continue
        return tmp
    raise FileExistsError(f"no free temporary name beside {path}")  # pragma: no cover


@contextlib.contextmanager
def atomic_output(out_dir: str | Path, key: str | None = None) -> Iterator[Path]:
    """A temporary folder whose files become the set `key` of out_dir, in one step, when
    the block succeeds.

    The folder is made beside out_dir (or inside it, where the parent is not writable);
    when the block raises, it is removed and out_dir is left as it was. When the block
    succeeds, every file is flushed to disk and the set is switched in one atomic step
    (see :mod:`layers.io._commit`): at any instant, a reader, a kill -9 or a power cut
    sees all the files of the previous build of `key` or all of this one. A lock file in
    out_dir (``.claimmap.lock``) serialises builds into the same folder; what a build
    that was killed left is removed by the next one.

    Parameters
    ----------
    out_dir : str or Path
        The folder the files appear in (made if missing).
    key : str, optional
        The name of the set (an article's id); default: the first dotted part of the
        first file's name.

    Yields
    ------
    Path
        The temporary folder to write into. Only regular files directly in it are moved.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    out_dir = out_dir.resolve()
    prefix = _temp_prefix(out_dir)
    with _lock(out_dir):
        # under the lock no other build into out_dir is running: these were killed
        for stale in [*out_dir.parent.glob(prefix + "*"), *out_dir.glob(prefix + "*")]:
            # only a folder a build made (it holds the marker): a user's own folder that
            # happens to have such a name is none of ours
            if stale.is_dir() and not stale.is_symlink() and (stale / _MARKER).is_file():
                log.info("removing %s, left by an interrupted build", stale)
                shutil.rmtree(stale, ignore_errors=True)
            elif stale.is_dir() and not stale.is_symlink():
                # a build killed between making its folder and marking it left it empty
                # (an empty folder holds nothing of anyone's: rmdir refuses any other)
                with contextlib.suppress(OSError):
                    stale.rmdir()
                    log.info("removed %s, left empty by an interrupted build", stale)
        try:
            tmp = Path(tempfile.mkdtemp(prefix=prefix, dir=out_dir.parent))
        except OSError as err:
            if err.errno not in (errno.EACCES, errno.EPERM, errno.EROFS):
                raise
            # the parent is not writable (read-only, or a read-only filesystem mounted
            # above a writable out_dir): a hidden folder inside out_dir is on the same
            # filesystem as out_dir's files
            tmp = Path(tempfile.mkdtemp(prefix=prefix, dir=out_dir))
        try:
            (tmp / _MARKER).write_text(_commit.GENERATION_MARKER_TEXT, encoding="ascii")
            yield tmp
            names = sorted(p.name for p in tmp.iterdir()
                           if p.is_file() and not p.is_symlink() and p.name != _MARKER)
            mode = _new_file_mode()
            for name in names:
                # writers that go through mkstemp leave 0600: give every file the mode
                # any new file gets (an HTML map is for others to read too), as
                # `atomic_write` does
                os.chmod(tmp / name, mode)
            if names:
                _commit.commit(tmp, out_dir, key or names[0].split(".")[0] or "files", names)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
