"""Page sizes, lengths and export options."""

from __future__ import annotations

import pytest

from journeymapper.errors import JourneyMapError
from journeymapper.formats.pdf import NAMED_SIZES, ExportOptions, length, page_size
from journeymapper.formats.pdf.options import MM


@pytest.mark.parametrize(("text", "width_mm", "height_mm"), [
    ("A4", 210, 297), ("a3", 297, 420), ("A0", 841, 1189), ("letter", 215.9, 279.4), ("Tabloid", 279.4, 431.8),
    ("500x700mm", 500, 700), ("50 x 70 cm", 500, 700), ("11x17in", 279.4, 431.8), ("720x360pt", 254, 127),
    ("420x297", 420, 297),
])  # fmt: skip
def test_page_sizes(text, width_mm, height_mm):
    size = page_size(text)
    assert (size.width / MM, size.height / MM) == pytest.approx((width_mm, height_mm), abs=0.1)


@pytest.mark.parametrize("text", ["B5", "", "0x100mm", "100x100km", "5000x100cm", "-1x3"])
def test_bad_page_sizes_say_what_to_use(text):
    with pytest.raises(JourneyMapError, match="page size"):
        page_size(text)


def test_named_sizes_are_landscape_unless_asked_and_custom_sizes_keep_their_shape():
    a4 = NAMED_SIZES["A4"]
    assert a4.oriented(None) == a4.oriented("landscape") == (a4.height, a4.width)
    assert a4.oriented("portrait") == (a4.width, a4.height)
    tall = page_size("300x900mm")
    assert tall.oriented(None) == (tall.width, tall.height)
    assert tall.oriented("landscape") == (tall.height, tall.width)


def test_lengths():
    assert length("10mm") == pytest.approx(10 * MM)
    assert length("0.5in") == 36
    assert length("12") == pytest.approx(12 * MM)
    with pytest.raises(JourneyMapError, match="bad length"):
        length("ten")


def test_options_refuse_impossible_requests():
    with pytest.raises(JourneyMapError, match="scale"):
        ExportOptions(mode="tile", scale=0)
    with pytest.raises(JourneyMapError, match="margin"):
        ExportOptions(page=page_size("A4"), margin=300 * MM)
    with pytest.raises(JourneyMapError, match="mode"):
        ExportOptions(mode="poster")  # type: ignore[arg-type]
    assert ExportOptions().describe_page() == "A3 landscape"


def test_the_package_exports_what_it_lists():
    import journeymapper.formats.pdf as pdf

    assert sorted(pdf.__all__) == sorted(pdf._HOMES)
    assert all(getattr(pdf, name) is not None for name in pdf.__all__)
