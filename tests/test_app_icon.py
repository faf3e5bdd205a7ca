"""The application icon: a self-contained SVG where app_icon.py says it is."""

from __future__ import annotations

from xml.etree import ElementTree

from journeymapper.app_icon import ICON_FILE

SVG = "{http://www.w3.org/2000/svg}"


def test_the_icon_is_a_square_svg_without_text_or_outside_references():
    root = ElementTree.parse(ICON_FILE).getroot()
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == "0 0 128 128"
    tags = {element.tag for element in root.iter()}
    assert not tags & {f"{SVG}{name}" for name in ("text", "tspan", "image", "use", "foreignObject", "style")}
    assert not [name for element in root.iter() for name in element.attrib if name.endswith("href")]
    references = {value for element in root.iter() for value in element.attrib.values() if "url(" in value}
    assert references == {"url(#tile)"}  # its own gradient, nothing outside the file
