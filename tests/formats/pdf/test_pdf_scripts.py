"""Every script right in print: right-to-left lines in reading order with Arabic letters joined, a
text layer that reads as typed, characters beyond U+FFFF, decomposed accents."""

from __future__ import annotations

import unicodedata

import pytest
from PIL import Image, ImageChops

from journeymapper.formats.pdf import export_pdf
from journeymapper.model import JourneyDocument, Lane, Stage, Touchpoint

from pdfcheck import pdftotext, qpdf_check, render, squeezed

HEBREW = "מסע הלקוח בשנה הראשונה"
ARABIC = "مرحبا بالعالم السلام عليكم"
MIXED = "Pay with כרטיס אשראי now"
EMOJI = "Happy 😀 customer 😎"
NFD = unicodedata.normalize("NFD", "Réservation confirmée à Zürich")
TOFU = "\U0010fffd" * 8  # private use: no font has it, so it prints as empty boxes


def one_card_map(title: str, card: str | None = None) -> JourneyDocument:
    document = JourneyDocument("scripts", title, "customer")
    document.add_stage(Stage(id="s", name="Stage"))
    document.add_lane(Lane(id="l", name="Lane", colour="#228833"))
    document.add_touchpoint(Touchpoint(id="t", stage="s", lane="l", title=card or title))
    return document


@pytest.mark.parametrize("title", [HEBREW, ARABIC, MIXED, EMOJI], ids=["hebrew", "arabic", "mixed", "emoji"])
def test_the_text_layer_reads_as_typed(tmp_path, title):
    path = export_pdf(one_card_map(title), tmp_path / "map.pdf").path
    qpdf_check(path)
    # poppler puts a space between a right-to-left and a left-to-right word on one side or the other
    lines = [squeezed(line) for line in pdftotext(path)]
    assert lines.count(squeezed(title)) == 2, lines  # the title block and the card


def test_a_wrapped_arabic_title_reads_line_after_line(tmp_path):
    title = " ".join([ARABIC] * 2)
    path = export_pdf(one_card_map("Wrapped", title), tmp_path / "map.pdf").path
    lines = pdftotext(path)
    start = next(number for number, line in enumerate(lines) if line.startswith("مرحبا"))
    wrapped = [line for line in lines[start:] if "ا" in line]
    assert len(wrapped) > 1 and " ".join(wrapped) == title


def test_decomposed_accents_are_drawn_and_read_composed(tmp_path):
    path = export_pdf(one_card_map(NFD), tmp_path / "map.pdf").path
    assert pdftotext(path).count(unicodedata.normalize("NFC", NFD)) == 2


@pytest.mark.parametrize("title", [HEBREW, ARABIC], ids=["hebrew", "arabic"])
def test_right_to_left_titles_print_as_glyphs_not_boxes(tmp_path, title):
    printed = render(export_pdf(one_card_map(title), tmp_path / "text.pdf").path, tmp_path)
    boxes = render(export_pdf(one_card_map(TOFU), tmp_path / "boxes.pdf").path, tmp_path)
    blank = render(export_pdf(one_card_map(""), tmp_path / "blank.pdf").path, tmp_path)
    with Image.open(printed) as text, Image.open(boxes) as tofu, Image.open(blank) as nothing:
        assert ImageChops.difference(text.convert("L"), nothing.convert("L")).getbbox() is not None
        assert ImageChops.difference(text.convert("L"), tofu.convert("L")).getbbox() is not None


def test_exports_stay_byte_identical(tmp_path):
    document = one_card_map(f"{HEBREW} · {ARABIC} · {EMOJI}")
    first = export_pdf(document, tmp_path / "first.pdf").path.read_bytes()
    assert export_pdf(document, tmp_path / "second.pdf").path.read_bytes() == first
