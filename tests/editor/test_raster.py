"""The map as a bitmap: the map page drawn by QtPen at any resolution, the same page as the PDF's."""

from __future__ import annotations

import io

import pypdf
import pytest

from journeymapper.editor.raster import SLIDE_DPI, png_bytes, rasterise
from journeymapper.formats import json_format
from journeymapper.formats.pdf import ExportOptions, page_size, render_pdf
from journeymapper.formats.pdf.picture import page_picture, region_picture

from support import SAMPLES, build_small_map


@pytest.mark.parametrize(("dpi", "size"), [(SLIDE_DPI, (2381, 1684)), (72, (1191, 842)), (36, (595, 421))])
def test_the_page_has_its_size_at_the_resolution(qapp, dpi, size):
    image = rasterise(page_picture(build_small_map()), dpi)
    assert (image.width(), image.height()) == size
    assert image.dotsPerMeterX() == round(dpi * 39.3701)  # the file says its resolution


@pytest.mark.parametrize("sample", SAMPLES, ids=[path.stem for path in SAMPLES])
def test_the_png_is_the_pdf_page(qapp, sample):
    document = json_format.load(sample)
    options = ExportOptions(page=page_size("A4"))
    box = pypdf.PdfReader(io.BytesIO(render_pdf(document, options).data)).pages[0].mediabox
    image = rasterise(page_picture(document, options), 72)
    assert image.width() / image.height() == pytest.approx(float(box.width) / float(box.height), rel=2e-3)
    inked = sum(image.pixelColor(x, y).name() != "#ffffff" for x in range(0, image.width(), 7)
                for y in range(0, image.height(), 7))  # fmt: skip
    assert inked > 500  # drawn, not a blank page


def test_a_region_is_clipped_to_its_cells(qapp):
    """Connectors leaving the chosen cells stop at their edge: the border around them stays white."""
    document = json_format.load(SAMPLES[-1])
    cards = [card.id for card in document.touchpoints()][5:7]
    image = rasterise(region_picture(document, cards), 72)
    border = [image.pixelColor(x, 2).name() for x in range(image.width())]
    border += [image.pixelColor(2, y).name() for y in range(image.height())]
    assert set(border) == {"#ffffff"}


def test_the_same_picture_gives_the_same_png(qapp):
    first = png_bytes(rasterise(page_picture(build_small_map()), 50))
    assert first == png_bytes(rasterise(page_picture(build_small_map()), 50))
