"""The `claimmap` command: a thin shell over functions a Python user can call.

Exit status: 0 done; 2 bad input (the message names the file, and the line where there
is one); 1 anything else. Heavy libraries (geopandas, folium, dask) are imported inside
the commands that need them, so `claimmap geocode` and `claimmap places` start fast.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from datetime import date as _date
from pathlib import Path

import click

from geo.exc import BadInput, ClaimmapError

log = logging.getLogger("claimmap")


def _parse_date(ctx, param, value):
    if value is None:
        return None
    try:
        return _date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def _emit_json(obj) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, indent=2))


def _printable(message: str) -> str:
    """A message safe for a terminal: control characters (a file name may hold escape
    sequences or newlines) shown as escapes, so the error stays one line."""
    return "".join(ch if ch.isprintable() or ch == " " else ascii(ch)[1:-1] for ch in message)


#: problems of one input listed (the rest counted)
_MAX_PROBLEMS = 200


class _Group(click.Group):
    """Turns claimmap's errors into the exit statuses of the SPEC.

    BadInput -> 2, claimmap's other errors -> 1, each with a one-line message; anything
    unexpected -> 1 with a one-line message, and its traceback only with ``-v``.
    """

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except BadInput as err:
            problems = getattr(err, "problems", None) or []
            if len(problems) > 1:
                # a claims file's every problem at once, one line each, in the file's order
                click.echo(f"claimmap: error: {_printable(str(problems[0].path))}: "
                           f"{len(problems)} problems; nothing was written:", err=True)
                for problem in problems[:_MAX_PROBLEMS]:
                    click.echo(f"  {_printable(str(problem))}", err=True)
                if len(problems) > _MAX_PROBLEMS:
                    click.echo(f"  ... and {len(problems) - _MAX_PROBLEMS} more", err=True)
            else:
                click.echo(f"claimmap: error: {_printable(str(err))}", err=True)
            ctx.exit(2)
        except ClaimmapError as err:
            click.echo(f"claimmap: error: {_printable(str(err))}", err=True)
            ctx.exit(1)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.Abort,
                KeyboardInterrupt):
            # click's own bad usage (exit 2 with its message), --help, ^C
            raise
        except Exception as err:  # noqa: BLE001 - the last line of defence: no traceback
            verbose = (ctx.params.get("verbose") or 0) > 0
            if verbose:
                log.error("internal error", exc_info=True)
            hint = "" if verbose else " (run with -v for the traceback)"
            message = _printable(f"{type(err).__name__}: {err}".rstrip(": "))
            click.echo(f"claimmap: internal error: {message}{hint}", err=True)
            ctx.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", count=True, help="More logging (-vv for debug).")
@click.version_option(package_name="claimmap")
def cli(verbose: int) -> None:
    """Turn news articles into map layers."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    if not verbose:
        # trafilatura logs errors of its own on a page it cannot parse; claimmap's message
        # says what matters ("no article text"), the details come with -v
        logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
        # dask.distributed logs every scheduler and worker event at INFO with its own
        # handler, set from dask's config when it is imported (and inherited by workers)
        os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "warning")


@cli.command()
@click.argument("name")
@click.option("--country", metavar="CC", help="Prefer places in this country (ISO alpha-2).")
@click.option("--near", metavar="NAME", help="Prefer places near this one.")
@click.option("--date", "on", callback=_parse_date, metavar="YYYY-MM-DD",
              help="Rank as of this date (renamed places).")
@click.option("--limit", default=10, show_default=True, help="How many candidates to print.")
def geocode(name, country, near, on, limit):
    """Print ranked gazetteer candidates for NAME as JSON."""
    from geo.gazetteer import Gazetteer

    gaz = Gazetteer.open()
    cands = gaz.geocode(name, country=country, near=near, date=on, limit=limit)
    _emit_json({"query": name, "candidates": [c.to_dict() for c in cands]})


@cli.command()
@click.argument("article", type=click.Path(dir_okay=False))
@click.option("--date", "on", callback=_parse_date, metavar="YYYY-MM-DD",
              help="The article's date (defaults to the date found in it).")
def places(article, on):
    """Print every place mention in ARTICLE as JSON.

    \b
    {"places": [...], "unresolved": [...]}: "places" holds one entry per mention
    resolved to a gazetteer entry; "unresolved" one per name the text writes as a
    place ("in X", "the village of X") that cannot be placed with confidence, as
    {"surface", "start", "end", "reason"}, with reason "not in the gazetteer" or "its
    gazetteer entries are all far from the places the article is about".
    """
    from geo.places import find_places
    from layers.text.article import read_article

    art = read_article(article)
    unresolved: list = []
    mentions = find_places(art.text, date=on or art.published, unresolved=unresolved)
    _emit_json({"places": [m.to_json() for m in mentions],
                "unresolved": [u.to_json() for u in unresolved]})


@cli.command()
@click.argument("article", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Where to write the claims file (default: standard output).")
@click.option("--date", "on", callback=_parse_date, metavar="YYYY-MM-DD",
              help="The article's date (defaults to the date found in it).")
def extract(article, output, on):
    """Write the draft claims file of ARTICLE for a person to review."""
    from layers.text.article import read_article
    from layers.claimsfile import dump_claims_file, write_claims_file
    from layers.text.claims import extract as extract_doc

    doc = extract_doc(read_article(article), date=on)
    _warn_if_thin(article, doc, on)
    if output:
        write_claims_file(doc, output)
    else:
        click.echo(dump_claims_file(doc), nl=False)


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--out", default="output", show_default=True, type=click.Path(file_okay=False),
              help="Folder to write the layers into.")
@click.option("--date", "on", callback=_parse_date, metavar="YYYY-MM-DD",
              help="The article's date (defaults to the date found in it).")
@click.option("--boundaries", type=click.Path(dir_okay=False),
              help="A vector file of admin boundaries: regions become polygons.")
@click.option("--borders", type=click.Choice(["recognised", "de-facto"]), default="recognised",
              show_default=True,
              help="Country borders: internationally recognised (occupied areas marked), "
                   "or as held on the ground (Natural Earth's de facto).")
@click.option("--basemap", type=click.Choice(["none", "web"]), default="none",
              show_default=True, help="Web tiles under the static map (needs network).")
@click.option("--figure-size", metavar="WxH", help="Static map size in inches, e.g. 8x6.")
@click.option("--width", metavar="PX|column|page|slide",
              help="Static map laid out for this width in pixels (column = 600, page = 960, "
                   "slide = 1280), its text at least 7 pt there; instead of --figure-size.")
@click.option("--dpi", type=int, help="Static map resolution (at least 200).")
@click.option("--title", help="Title of the static map (default: the article's).")
def build(inputs, out, on, boundaries, borders, basemap, figure_size, width, dpi, title):
    """Build the layers and maps of each INPUT (article or reviewed claims file)."""
    from layers.render._worker import static_worker
    from layers.builder import build as build_layers
    from layers.builder import load_doc
    from layers.schema import layer_rows

    from layers.render.static import check_figure

    figure = {"basemap": basemap, "figure_size": figure_size, "dpi": dpi, "title": title,
              "width": width}
    # options are checked before any work: a bad --figure-size fails now, not after the build
    check_figure({k: v for k, v in figure.items() if v})
    # started now, the static maps' process loads matplotlib while the article is read
    with static_worker(figure={k: v for k, v in figure.items() if v}) as worker:
        # every input is read and checked before anything is written: a bad one among
        # several fails the command with no file of the good ones half-delivered
        docs = []
        for path in inputs:
            # a Path, never a str: load_doc() takes a str that does not look like a file
            # name (say one with a newline in it) for an article's text
            doc = load_doc(Path(path), date=on)
            layer_rows(doc, source=str(path))          # what the layers rely on, checked
            _warn_if_thin(path, doc, on)
            docs.append((path, doc))
        for path, doc in docs:
            layers = build_layers(doc, boundaries=boundaries, worker=worker, borders=borders)
            written = layers.write(out, figure={k: v for k, v in figure.items() if v},
                                   worker=worker)
            click.echo(_printable(f"{path}: wrote {len(written)} files to {out}"), err=True)


@cli.command()
@click.argument("directory", type=click.Path(file_okay=False, exists=True))
@click.option("--out", default="output", show_default=True, type=click.Path(file_okay=False))
@click.option("--scheduler", metavar="ADDRESS", help="A dask.distributed scheduler (tcp://host:8786).")
@click.option("--workers", type=int, help="Workers of the local cluster (default: cores).")
@click.option("--name", help="Name of the merged files (default: the folder's name).")
@click.option("--maps/--no-maps", default=True, show_default=True,
              help="Also draw the maps (HTML, PNG/SVG); --no-maps writes the data files only.")
@click.option("--borders", type=click.Choice(["recognised", "de-facto"]), default="recognised",
              show_default=True,
              help="Country borders: internationally recognised (occupied areas marked), "
                   "or as held on the ground (Natural Earth's de facto).")
def batch(directory, out, scheduler, workers, name, maps, borders):
    """Every article under DIRECTORY into one merged set of layers, on Dask."""
    from layers.batch import run_batch

    try:
        summary = run_batch(directory, out=out, scheduler=scheduler, workers=workers,
                            name=name, maps=maps, borders=borders)
    except KeyboardInterrupt:
        click.echo("claimmap: batch interrupted; the articles parsed so far are cached: run "
                   "the same command again to go on", err=True)
        sys.exit(130)
    click.echo(summary.describe(), err=True)


def _warn_if_thin(path, doc, on) -> None:
    """Say so when an article gives a map little to stand on: no place found, claims
    with no place (a name the gazetteer lacks), or no date (relative dates such as "on
    Sunday" are then left unresolved). The command goes on."""
    where = _printable(str(path))
    if not doc.places:
        log.warning("%s: no place found; its map layers are empty", where)
    unplaced = sum(1 for c in doc.claims if not c.place_ids)
    if unplaced:
        log.warning("%s: %d claims unplaced; pin them in the claims file (they stay in it and "
                    "in the CSV, off the map layers)", where, unplaced)
    if doc.article.published is None and on is None:
        log.warning("%s: no date found (give --date YYYY-MM-DD); dates such as 'on Sunday' "
                    "are left unresolved", where)


def main() -> None:
    """The ``claimmap`` command.

    It ends the usual way (``sys.exit``: atexit handlers, logging flushed, child processes
    reaped), with the objects the command made frozen first (:func:`gc.freeze`): the
    interpreter's last collections then skip them, which had cost about a fifth of a
    second after every command that loaded pandas and geopandas (measured: CPU time of a
    build the same as ending with ``os._exit``). ^C ends with status 130.
    """
    import gc

    try:
        cli.main(standalone_mode=True)
    except KeyboardInterrupt:  # pragma: no cover - click turns most into "Aborted!"
        sys.exit(130)
    finally:
        gc.freeze()


if __name__ == "__main__":
    main()
