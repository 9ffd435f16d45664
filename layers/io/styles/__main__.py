"""Regenerate the shipped .qml/.sld files: ``python -m layers.io.styles``."""

from layers.io.styles import write_style_files

for _path in write_style_files():
    print(_path)
