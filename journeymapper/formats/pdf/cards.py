"""Touchpoint cards: a white card with the lane's colour as an edge, the wrapped title, and a band
with the channel on the left and the pain-point, opportunity and emotion markers on the right."""

from __future__ import annotations

from collections.abc import Iterable

from journeymapper.formats.pdf.icons import channel_icon, counted, emotion_face, opportunity_marker, pain_marker
from journeymapper.formats.pdf.pen import CENTRE_TO_BASELINE, Pen
from journeymapper.formats.pdf.scene import MapScene
from journeymapper.formats.pdf.theme import INK, MUTED, OPPORTUNITY, PAIN, PAPER, RULE, tint
from journeymapper.layout import CardLayout, Rect
from journeymapper.model import Touchpoint

EDGE = 3.0  # the coloured left edge
MARKER_SHARE, FACE_SHARE = 0.5, 0.61  # of the band's height: a marker's count reads as large as the band's text


def draw_cards(pen: Pen, scene: MapScene, card_ids: Iterable[str]) -> None:
    document, cards = scene.document, scene.layout.cards
    for card_id in card_ids:
        draw_card(pen, scene, document.touchpoint(card_id), cards[card_id])


def draw_card(pen: Pen, scene: MapScene, touchpoint: Touchpoint, card: CardLayout) -> None:
    style, rect = scene.style, card.rect
    pen.rect(rect, fill=PAPER, stroke=RULE, width=0.6)
    pen.rect(Rect(rect.x, rect.y, EDGE, rect.height), fill=tint(scene.lane_colour(touchpoint.lane), 1.0))
    left = rect.x + style.card_padding
    pen.lines(left, rect.y + style.card_padding, card.title_lines, style.title_font_size, style.title_line_height, INK)
    band_middle = rect.bottom - style.card_padding - style.card_band_height / 2
    marker = style.card_band_height * MARKER_SHARE
    markers_left = _markers(pen, touchpoint, rect.right - style.card_padding, band_middle, marker)
    if touchpoint.channel:
        _channel(pen, scene, touchpoint.channel, left, markers_left - 4, band_middle, marker)


def _markers(pen: Pen, touchpoint: Touchpoint, right: float, middle: float, marker: float) -> float:
    """Emotion, opportunities and pain points from the right edge leftwards; returns the left end."""
    if touchpoint.emotion is not None:
        face = marker * FACE_SHARE / MARKER_SHARE
        emotion_face(pen, right - face / 2, middle, face, touchpoint.emotion)
        right -= face + 3
    if touchpoint.opportunities:
        right = counted(pen, opportunity_marker, right, middle, marker, len(touchpoint.opportunities), OPPORTUNITY) - 3
    if touchpoint.pain_points:
        right = counted(pen, pain_marker, right, middle, marker, len(touchpoint.pain_points), PAIN) - 3
    return right


def _channel(pen: Pen, scene: MapScene, channel: str, left: float, right: float, middle: float, marker: float
             ) -> None:  # fmt: skip
    size = scene.style.small_font_size
    channel_icon(channel)(pen, left + marker / 2, middle, marker, MUTED)
    text_left = left + marker + 4
    text = scene.fonts.fits(channel, right - text_left, size)
    if text:
        pen.text(text_left, middle + size * CENTRE_TO_BASELINE, text, size, MUTED)
