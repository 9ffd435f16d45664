"""Render every layer of a build's GeoPackage with its default style in QGIS, to a PNG.

Run by tests/test_qgis_render.py with the system Python that has Debian's python3-qgis
(``/usr/bin/python3``), headless (``QT_QPA_PLATFORM=offscreen``), not the project's venv:

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 tests/qgis_render.py GPKG OUT.png [DAY ...]

Each layer of the GeoPackage (but ``layer_styles``) is opened and given its default style
from ``layer_styles``, exactly as QGIS does when a user adds it; all are drawn together,
regions at the bottom and places on top, with QgsMapRendererParallelJob (the renderer of
QGIS's map canvas) at 1200x900 px, 96 dpi, with labels. It prints JSON: the QGIS version,
each layer's field types (QVariant names), default-style result and temporal properties,
the labels the labelling engine placed (in a view around the claims) with each one's box in
the PNG's pixels and its font (the family asked for, what
Qt resolved it to, whether QFontDatabase knows it), the PNG's size, and for each DAY
(``YYYY-MM-DD``) the claims the claims layer's temporal filter keeps for that day (what the
Temporal Controller shows with a one-day step), in the GeoPackage and in the
``.claims.geojson`` beside it (styled by its ``.qml``).
"""

import json
import os
import sys


def _load(gpkg):
    from qgis.core import QgsProviderRegistry, QgsVectorLayer

    meta = QgsProviderRegistry.instance().providerMetadata("ogr")
    names = [s.name() for s in meta.querySublayers(gpkg) if s.name() != "layer_styles"]
    layers, info = {}, {}
    for name in names:
        layer = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
        message, ok = layer.loadDefaultStyle()
        props = layer.temporalProperties()
        from qgis.PyQt.QtCore import QVariant

        info[name] = {
            "valid": layer.isValid(), "features": layer.featureCount(),
            "default_style_loaded": bool(ok), "default_style_message": message,
            "fields": {f.name(): QVariant.typeToName(f.type()) for f in layer.fields()},
            "renderer": layer.renderer().type() if layer.renderer() else None,
            "temporal": {"active": bool(props.isActive()), "mode": int(props.mode())},
        }
        layers[name] = layer
    return layers, info


def _day_counts(layer, days):
    """day -> claim ids the layer's temporal filter keeps for that whole day."""
    from qgis.core import (QgsDateTimeRange, QgsExpression, QgsFeatureRequest,
                           QgsVectorLayerTemporalContext)
    from qgis.PyQt.QtCore import QDate, QDateTime, QTime

    ctx = QgsVectorLayerTemporalContext()
    ctx.setLayer(layer)
    out = {}
    for day in days:
        d = QDate.fromString(day, "yyyy-MM-dd")
        rng = QgsDateTimeRange(QDateTime(d, QTime(0, 0)), QDateTime(d.addDays(1), QTime(0, 0)),
                               True, False)
        flt = layer.temporalProperties().createFilterString(ctx, rng)
        req = QgsFeatureRequest()
        if flt:
            req.setFilterExpression(flt)
        ids = sorted(f["claim_id"] for f in layer.getFeatures(req))
        out[day] = {"filter": flt, "claim_ids": ids,
                    "error": QgsExpression(flt).parserErrorString() if flt else ""}
    return out


def main(gpkg, out_png, *days):
    from qgis.core import (Qgis, QgsApplication, QgsMapRendererParallelJob, QgsMapSettings,
                           QgsRectangle)
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor, QFontDatabase, QFontInfo

    app = QgsApplication([], False)
    app.initQgis()
    report = {"qgis_version": Qgis.QGIS_VERSION}
    try:
        layers, report["layers"] = _load(gpkg)
        order = [n for n in ("places", "claims", "claim_lines", "links", "regions")
                 if n in layers]  # top first
        settings = QgsMapSettings()
        settings.setLayers([layers[n] for n in order])
        settings.setDestinationCrs(layers[order[0]].crs())
        # the view: around the claims (the article's subject), else around every layer
        extent = QgsRectangle()
        extent.setMinimal()
        for group in (("claims", "claim_lines"), order):
            for n in group:
                if n in layers and layers[n].featureCount():
                    extent.combineExtentWith(layers[n].extent())
            if not extent.isEmpty():
                break
        extent.scale(1.6)
        if extent.width() < 2.0 or extent.height() < 1.5:   # degrees: a town's surroundings
            # (widened, never narrowed: claims spread east-west keep their whole width)
            centre = extent.center()
            half_w, half_h = max(extent.width(), 2.0) / 2, max(extent.height(), 1.5) / 2
            extent = QgsRectangle(centre.x() - half_w, centre.y() - half_h,
                                  centre.x() + half_w, centre.y() + half_h)
        settings.setExtent(extent)
        settings.setOutputSize(QSize(1200, 900))
        settings.setOutputDpi(96)
        settings.setBackgroundColor(QColor(255, 255, 255))
        settings.setFlag(QgsMapSettings.DrawLabeling, True)
        settings.setFlag(QgsMapSettings.Antialiasing, True)
        job = QgsMapRendererParallelJob(settings)
        job.start()
        job.waitForFinished()
        image = job.renderedImage()
        report["png"] = {"saved": bool(image.save(out_png, "PNG")),
                         "width": image.width(), "height": image.height()}
        families = set(QFontDatabase().families())
        labels = []
        results = job.takeLabelingResults()
        m2p = settings.mapToPixel()
        for pos in (results.allLabels() if results else []):
            font = pos.labelFont
            r = pos.labelRect
            a = m2p.transform(r.xMinimum(), r.yMaximum())
            b = m2p.transform(r.xMaximum(), r.yMinimum())
            labels.append({"layer": pos.layerID, "text": pos.labelText,
                           # the label's box in the PNG's pixels: left, top, right, bottom
                           "box": [a.x(), a.y(), b.x(), b.y()],
                           "family": font.family(), "resolved": QFontInfo(font).family(),
                           "in_font_database": font.family() in families})
        names = {layers[n].id(): n for n in order}
        for lab in labels:
            lab["layer"] = names.get(lab["layer"], lab["layer"])
        report["labels"] = labels
        report["render_errors"] = [f"{e.layerID}: {e.message}" for e in job.errors()]
        if "claims" in layers and days:
            report["days"] = _day_counts(layers["claims"], days)
        geojson = gpkg[:-len(".gpkg")] + ".claims.geojson"
        if os.path.exists(geojson) and days:  # styled by the .qml beside it
            from qgis.core import QgsVectorLayer

            layer = QgsVectorLayer(geojson, "claims", "ogr")
            _message, ok = layer.loadDefaultStyle()
            report["geojson_days"] = _day_counts(layer, days) if ok else None
    except Exception as err:  # report it as JSON, the test shows it
        report["error"] = f"{type(err).__name__}: {err}"
    print(json.dumps(report, indent=1, sort_keys=True), flush=True)
    # QgsApplication's teardown can crash after a headless run; the report is out, so leave
    os._exit(1 if "error" in report else 0)


if __name__ == "__main__":
    main(*sys.argv[1:])
