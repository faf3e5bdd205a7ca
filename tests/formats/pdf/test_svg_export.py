"""The map page as SVG: valid XML with the cards' titles as real text, fonts named, user text
escaped, nothing outside the file, the same page as the PDF's, the same bytes every time."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ElementTree

import pypdf
import pytest
from test_pdf_scripts import ARABIC, HEBREW, MIXED, one_card_map

from journeymapper.formats import json_format
from journeymapper.formats.pdf import ExportOptions, page_size, plan_pages, render_pdf, render_svg

from pdfcheck import INJECTION, busy_map, page_texts, squeezed, unicode_map
from support import SAMPLES

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}href"


def _texts(data: bytes) -> str:
    root = ElementTree.fromstring(data)
    return "".join(element.text or "" for element in root.iter(f"{SVG}text"))


def _drawn_titles(document):
    layout = plan_pages(document).layout
    return {squeezed("".join(card.title_lines)) for card in layout.cards.values()}


@pytest.mark.parametrize("sample", SAMPLES, ids=[path.stem for path in SAMPLES])
def test_every_card_title_is_text_in_valid_xml(sample):
    document = json_format.load(sample)
    text = squeezed(_texts(render_svg(document).data))
    for title in _drawn_titles(document):
        assert title in text
    assert squeezed(document.title) in text


@pytest.mark.parametrize("sample", SAMPLES, ids=[path.stem for path in SAMPLES])
def test_the_svg_shows_the_same_map_as_the_pdf_page(sample):
    document = json_format.load(sample)
    svg = render_svg(document)
    pdf = render_pdf(document)
    box = pypdf.PdfReader(io.BytesIO(pdf.data)).pages[0].mediabox
    assert (svg.width, svg.height) == pytest.approx((float(box.width), float(box.height)), abs=0.01)
    _, _, width, height = map(float, ElementTree.fromstring(svg.data).get("viewBox", "").split())
    assert width / height == pytest.approx(svg.width / svg.height, rel=1e-3)
    map_page = page_texts(pdf.data)[0]
    for title in _drawn_titles(document):
        assert title in map_page


def test_fonts_are_named_and_nothing_is_fetched():
    data = render_svg(unicode_map()).data
    root = ElementTree.fromstring(data)
    families = {element.get("font-family") for element in root.iter(f"{SVG}text")}
    assert families == {"'DejaVu Sans', sans-serif"}
    assert {element.get("font-weight") for element in root.iter(f"{SVG}text")} == {None, "bold"}
    for element in root.iter():
        reference = element.get(XLINK) or element.get("href")
        assert reference is None or reference.startswith("#")
        assert "url(" not in (element.get("style") or "")
        assert (element.get("clip-path") or "url(#").startswith("url(#")
    assert b"<image" not in data and b"<script" not in data and b"<foreignObject" not in data


def test_user_text_is_escaped_never_markup():
    data = render_svg(unicode_map()).data
    text = _texts(data)
    assert squeezed(INJECTION) in squeezed(text)
    assert squeezed("Ledger & <script>alert(1)</script>") in squeezed(text)
    assert b"<script>" not in data and b"<b>Pay" not in data


def test_the_same_map_gives_the_same_bytes():
    options = ExportOptions(page=page_size("A4"))
    assert render_svg(busy_map(40), options).data == render_svg(busy_map(40), options).data


def test_tile_options_still_give_the_whole_map_on_one_page():
    document = json_format.load(SAMPLES[0])
    tiled = render_svg(document, ExportOptions(mode="tile", appendix=True, insights=True))
    assert tiled.data == render_svg(document).data


@pytest.mark.parametrize("title", [HEBREW, ARABIC, MIXED], ids=["hebrew", "arabic", "mixed"])
def test_a_right_to_left_title_is_one_text_as_typed_for_the_viewer_to_lay_out(title):
    root = ElementTree.fromstring(render_svg(one_card_map(title)).data)
    texts = {element.text: element.get("font-family") for element in root.iter(f"{SVG}text")}
    assert title in texts
    assert texts[title].startswith("'DejaVu Sans', ") and texts[title].endswith(", sans-serif")
