"""Write layers/assets/outlines.json: the country outlines the HTML map embeds.

The HTML map draws Natural Earth's countries (geo/data/ne_50m_outlines.gpkg) under the
layers when no web tiles load. Simplifying and encoding them
(:func:`layers.render._html_data.outline_data`) is the same work for every page, so it is done
once, here, and the page embeds the file as it is. Run it again after
scripts/vendor_outlines.py, from the repository root::

    .venv/bin/python scripts/encode_outlines.py

tests/test_html_map.py fails while the file differs from what this writes.
"""

from __future__ import annotations

from layers.render._html_data import OUTLINE_ASSET, outline_data, script_json


def main() -> None:
    text = script_json(outline_data())
    OUTLINE_ASSET.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {OUTLINE_ASSET} ({len(text.encode()):,} bytes, "
          f"{len(outline_data()['countries'])} countries)")


if __name__ == "__main__":
    main()
