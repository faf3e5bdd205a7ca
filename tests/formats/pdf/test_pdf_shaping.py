"""Shaping: which text needs it, the visual order of a line, Arabic joining, and the text each
glyph stands for."""

from __future__ import annotations

import pytest

from journeymapper.formats.pdf import fonts as pdf_fonts
from journeymapper.formats.pdf.shaping import is_complex, visual_pieces
from journeymapper.formats.pdf.tounicode import MEANINGS, to_unicode_cmap


@pytest.fixture(scope="module")
def fonts():
    return pdf_fonts.load_fonts(["plain"])


@pytest.mark.parametrize("text", ["Checkout", "Réservation", "Оплата", "検索", "😀", ""])
def test_plain_text_is_left_alone(text):
    assert not is_complex(text)


@pytest.mark.parametrize("text", ["שלום", "مرحبا", "a\u200fb"])
def test_right_to_left_text_and_bidi_marks_are_complex(text):
    assert is_complex(text)


def test_a_hebrew_word_is_drawn_last_letter_first(fonts):
    (piece,) = fonts.shaped("שלום")
    assert str(piece.text) == "םולש"


def test_latin_inside_hebrew_keeps_its_own_order(fonts):
    drawn = "".join(str(piece.text) for piece in fonts.shaped("שלום Visa עולם"))
    assert drawn == "םלוע Visa םולש"


def test_arabic_letters_join(fonts):
    (joined,) = fonts.shaped("بيت")
    isolated = [fonts.shaped(letter)[0] for letter in "بيت"]
    assert len(joined.text) == 3
    assert all(ord(char) not in (0x628, 0x64A, 0x62A) for char in joined.text[1:])  # contextual forms
    assert joined.advance != sum(piece.advance for piece in isolated)


def test_no_shaped_glyph_is_an_empty_box(fonts):
    for piece in fonts.shaped("مرحبا بالعالم السلام עם Visa"):
        assert 0 not in [piece.face.font.face.charToGlyph.get(ord(char)) for char in piece.text]


def test_a_shaped_line_measures_what_it_draws(fonts):
    text = "السلام عليكم"
    assert fonts.width(text, 10) == pytest.approx(sum(piece.width(10) for piece in fonts.shaped(text)))


def test_a_ligature_reads_as_its_letters_in_the_text_layer(fonts):
    (piece,) = fonts.shaped("لا")
    assert len(piece.text) == 1
    cmap = to_unicode_cmap("AAAAAA+DejaVuSans", [0, ord(piece.text)])
    assert "<01> <06270644>" in cmap  # alef-lam: readers turn a right-to-left glyph's letters round


def test_characters_beyond_u_ffff_map_to_surrogate_pairs():
    cmap = to_unicode_cmap("AAAAAA+X", [0, 0x1F600, 0x41])
    assert "<00> <0000>\n<01> <D83DDE00>\n<02> <0041>" in cmap


def test_visual_pieces_use_each_face_for_its_own_letters(fonts):
    pieces = visual_pieces("שלום", lambda text: fonts.runs(text))
    assert [piece.face for piece in pieces] == [fonts.regular]


@pytest.mark.parametrize("text", ["שָׁלוֹם", "السَّلَامُ", "لا"], ids=["niqqud", "harakat", "ligature"])
def test_every_letter_and_mark_stands_in_the_text_layer_once(fonts, text):
    standing_for = []
    for piece in fonts.shaped(text):
        font = piece.face.font.face
        meanings = MEANINGS.get((font.name + font.subfontNameX).decode("latin-1"), {})
        standing_for += [meanings.get(ord(char), char) for char in piece.text]
    assert sorted("".join(standing_for)) == sorted(text)


def test_a_zero_width_non_joiner_keeps_persian_letters_apart(fonts):
    apart, joined = "می\u200cخواهم", "میخواهم"
    assert pdf_fonts.clean(apart) == apart
    drawn = [str(piece.text) for piece in fonts.shaped(apart)]
    assert drawn != [str(piece.text) for piece in fonts.shaped(joined)]
    assert fonts.width(apart, 10) == pytest.approx(sum(piece.width(10) for piece in fonts.shaped(apart)))


def test_control_characters_are_still_dropped():
    assert pdf_fonts.clean("a\x07b\tc") == "ab c"
