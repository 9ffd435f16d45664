"""Open a build's GeoJSON and GeoPackage layers with QGIS and report what QGIS sees, as JSON.

Run by tests/test_qgis.py with the system Python that has Debian's python3-qgis
(``/usr/bin/python3``), headless (``QT_QPA_PLATFORM=offscreen``), not the project's venv:

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 tests/qgis_check.py OUT_DIR SLUG [STYLES_DIR]

For every ``SLUG.<layer>.geojson`` and every layer of ``SLUG.gpkg`` it prints whether QGIS
finds the layer valid, its CRS, geometry type, feature count and field types (QVariant type
names), and the default style QGIS loads for it (for the GeoPackage from its
``layer_styles`` table, for a GeoJSON from the ``.qml`` beside it): the renderer type, the
attribute it classifies on with each category's value, label, colour and marker shape, the
labelling and its font (the family asked for, whether QGIS finds it, what Qt resolves it
to), and the temporal properties. A point displacement (or cluster) renderer is reported as
the renderer it draws each feature with (``type``, ``attribute``, ``categories``), with
``displacement`` saying what wraps it.
Given STYLES_DIR (layers/styles), it also loads each GeoPackage layer's shipped ``.sld``.
"""

import json
import os
import sys


def _marker_shape(symbol):
    """(shape name, angle) of a marker symbol's first layer; (None, None) otherwise."""
    from qgis.core import QgsSimpleMarkerSymbolLayer, QgsSimpleMarkerSymbolLayerBase

    if symbol is None or symbol.symbolLayerCount() == 0:
        return None, None
    sl = symbol.symbolLayer(0)
    if not isinstance(sl, QgsSimpleMarkerSymbolLayer):
        return None, None
    return QgsSimpleMarkerSymbolLayerBase.encodeShape(sl.shape()), sl.angle()


def _font_info(fmt):
    """What QGIS makes of a text format's font: asked, found, resolved by Qt."""
    from qgis.PyQt.QtGui import QFontDatabase, QFontInfo

    font = fmt.font()
    return {"family": font.family(), "found": bool(fmt.fontFound()),
            "resolved": QFontInfo(font).family(),
            "in_font_database": font.family() in QFontDatabase().families()}


def _temporal_info(layer):
    props = layer.temporalProperties()
    return {"active": bool(props.isActive()), "mode": int(props.mode()),
            "start_field": props.startField(), "end_field": props.endField(),
            "start_expression": props.startExpression(),
            "end_expression": props.endExpression()}


def _renderer_info(layer):
    from qgis.core import QgsCategorizedSymbolRenderer, QgsPointDistanceRenderer

    renderer = layer.renderer()
    info = {"type": renderer.type() if renderer else None}
    if isinstance(renderer, QgsPointDistanceRenderer):
        info["displacement"] = {"type": renderer.type(), "tolerance": renderer.tolerance(),
                                "tolerance_unit": int(renderer.toleranceUnit())}
        if hasattr(renderer, "placement"):
            info["displacement"]["placement"] = int(renderer.placement())
        renderer = renderer.embeddedRenderer()
        info["type"] = renderer.type() if renderer else None
    if isinstance(renderer, QgsCategorizedSymbolRenderer):
        info["attribute"] = renderer.classAttribute()
        info["categories"] = []
        for c in renderer.categories():
            shape, angle = _marker_shape(c.symbol())
            info["categories"].append({
                "value": c.value(), "label": c.label(),
                "colour": c.symbol().color().name() if c.symbol() else None,
                "symbol_type": c.symbol().type() if c.symbol() else None,
                "shape": shape, "angle": angle})
    elif renderer is not None and renderer.type() == "singleSymbol":
        info["colour"] = renderer.symbol().color().name()
    labeling = layer.labeling()
    info["labels_enabled"] = bool(layer.labelsEnabled())
    info["label_field"] = labeling.settings().fieldName if labeling is not None else None
    if labeling is not None:
        info["label_font"] = _font_info(labeling.settings().format())
    info["temporal"] = _temporal_info(layer)
    return info


def _layer_info(layer, style_from_db):
    from qgis.PyQt.QtCore import QVariant

    info = {
        "valid": layer.isValid(),
        "crs": layer.crs().authid(),
        "geometry": layer.geometryType(),  # 0 point, 1 line, 2 polygon
        "wkb_type": layer.wkbType(),
        "features": layer.featureCount(),
        "fields": {f.name(): QVariant.typeToName(f.type()) for f in layer.fields()},
    }
    if style_from_db:
        listed = layer.listStylesInDatabase()
        # (count of this layer's own styles, ids, names, descriptions, error)
        info["own_styles_in_db"] = list(listed[2])[:listed[0]]
    message, loaded = layer.loadDefaultStyle()
    info["default_style_loaded"] = bool(loaded)
    info["default_style_message"] = message
    info["style"] = _renderer_info(layer)
    return info


def _sld_info(layer, path):
    """Load a shipped SLD file into the layer: did QGIS parse it, and into what renderer."""
    message, ok = layer.loadSldStyle(path)
    renderer = layer.renderer()
    return {"loaded": bool(ok), "message": message,
            "renderer": renderer.type() if renderer else None,
            "rules": len(renderer.rootRule().children()) if renderer is not None
            and renderer.type() == "RuleRenderer" else None}


def main(out_dir, slug, styles_dir=None):
    from qgis.core import QgsApplication, QgsProviderRegistry, QgsVectorLayer

    app = QgsApplication([], False)
    app.initQgis()
    report = {"qgis_version": None, "geojson": {}, "gpkg": {}}
    keep = []  # layers live until the report is printed
    try:
        from qgis.core import Qgis
        report["qgis_version"] = Qgis.QGIS_VERSION
        for name in sorted(os.listdir(out_dir)):
            if name.startswith(slug + ".") and name.endswith(".geojson"):
                layer_name = name[len(slug) + 1:-len(".geojson")]
                layer = QgsVectorLayer(os.path.join(out_dir, name), layer_name, "ogr")
                report["geojson"][layer_name] = _layer_info(layer, style_from_db=False)
                keep.append(layer)
        gpkg = os.path.join(out_dir, slug + ".gpkg")
        meta = QgsProviderRegistry.instance().providerMetadata("ogr")
        sublayers = [s.name() for s in meta.querySublayers(gpkg)] if hasattr(
            meta, "querySublayers") else []
        report["gpkg_sublayers"] = sublayers
        for layer_name in sublayers:
            if layer_name == "layer_styles":
                continue
            layer = QgsVectorLayer(f"{gpkg}|layername={layer_name}", layer_name, "ogr")
            report["gpkg"][layer_name] = _layer_info(layer, style_from_db=True)
            sld = os.path.join(styles_dir, layer_name + ".sld") if styles_dir else None
            if sld and os.path.exists(sld):  # after the default style was recorded
                report["gpkg"][layer_name]["sld"] = _sld_info(layer, sld)
            keep.append(layer)
    except Exception as err:  # report it as JSON, the test shows it
        report["error"] = f"{type(err).__name__}: {err}"
    print(json.dumps(report, indent=1, sort_keys=True), flush=True)
    # QgsApplication's teardown can crash after a headless run; the report is out, so leave
    os._exit(1 if "error" in report else 0)


if __name__ == "__main__":
    main(*sys.argv[1:4])
