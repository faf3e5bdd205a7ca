"""Card titles in every script on the canvas: Qt reorders right-to-left lines and joins Arabic
letters itself, as long as a line reaches it whole; decomposed accents print as composed ones."""

from __future__ import annotations

import unicodedata

from bidi import get_display
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from journeymapper.editor.card_item import CardItem
from journeymapper.editor.theme import current_theme
from journeymapper.layout import DEFAULT_STYLE, CardLayout, Rect
from journeymapper.model import Touchpoint

HEBREW = "מסע הלקוח"
ARABIC = "مرحبا بالعالم"
LEFT_TO_RIGHT_OVERRIDE, POP = "\u202d", "\u202c"
NO_JOINING = "\u200c"  # zero-width non-joiner: keeps the letters on each side apart


def card_image(title: str) -> bytes:
    item = CardItem("tp", current_theme(), DEFAULT_STYLE)
    card = Touchpoint(id="tp", stage="s", lane="l", title=title, channel="web")
    item.set_card(card, CardLayout(Rect(0, 0, 190, 60), (title,), ("s", "l")), "#4c78a8", [])
    image = QImage(200, 70, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    item.paint(painter, QStyleOptionGraphicsItem())
    painter.end()
    return bytes(image.constBits())


def test_a_hebrew_title_is_drawn_in_reading_order(qapp):
    # The line as typed must look exactly like its visual order (python-bidi's) forced left to right.
    visual = LEFT_TO_RIGHT_OVERRIDE + get_display(HEBREW) + POP
    assert card_image(HEBREW) == card_image(visual)
    assert card_image(HEBREW) != card_image(LEFT_TO_RIGHT_OVERRIDE + HEBREW + POP)


def test_arabic_letters_are_joined(qapp):
    apart = NO_JOINING.join(ARABIC)
    assert card_image(ARABIC) != card_image(apart)


def test_decomposed_accents_draw_like_composed_ones(qapp):
    composed = "Réservation à Zürich"
    assert card_image(unicodedata.normalize("NFD", composed)) == card_image(composed)
    assert card_image(composed) != card_image("Reservation a Zurich")
