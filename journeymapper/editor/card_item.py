"""A touchpoint card on the canvas, and the persona badges on it.

``CardItem`` mirrors its touchpoint and draws it where the layout puts the card: a block far out,
closer the title and the bottom band with its channel, emotion, pain points, opportunities and the
personas' initials, each in a disc of the persona's colour. It keeps nothing but what the scene gave
it at the last layout; the scene's card drag alone moves it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSceneHoverEvent, QStyleOptionGraphicsItem, QWidget

from journeymapper.editor.items import (
    CARD_Z,
    CONNECT_MODIFIER,
    FAR_OUT,
    HANDLE_RADIUS,
    HANDLE_REACH,
    HoverHighlight,
    Themed,
    level_of_detail,
    on_handle,
)
from journeymapper.editor.theme import Theme, canvas_font, edge_for, text_on
from journeymapper.layout import CardLayout, Style
from journeymapper.model import Touchpoint
from journeymapper.palette import EMOTION_COLOURS

if TYPE_CHECKING:
    from journeymapper.editor.overlays import LinkBadgeItem  # overlays draws over these items

FIND_HIGHLIGHT = QColor(255, 196, 0, 170)  # behind a card that Find matched


class CardItem(Themed, HoverHighlight, QGraphicsItem):
    """A touchpoint card: title, channel, emotion, pain points, opportunities and personas."""

    def __init__(self, touchpoint_id: str, theme: Theme, style: Style):
        super().__init__()
        self.touchpoint_id = touchpoint_id
        self._theme, self._style = theme, style
        self.touchpoint: Touchpoint | None = None
        self.card: CardLayout | None = None
        self._accent: str | None = None
        self._persona_colours: list[tuple[str, str]] = []
        self.hovered = False
        self.highlighted = False
        self.link_badge: LinkBadgeItem | None = None  # when the card has links
        # Selectable, never ItemIsMovable: the scene's card drag alone moves a card's item, and
        # puts it back where the layout says when the gesture ends (drags.CardDrag).
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setZValue(CARD_Z)

    def set_card(
        self, touchpoint: Touchpoint, card: CardLayout, accent: str | None, personas: list[tuple[str, str]]
    ) -> None:
        """New content and geometry; the item sits at the card's top-left corner."""
        if (touchpoint, card, accent, personas) == (self.touchpoint, self.card, self._accent, self._persona_colours):
            if self.pos() != self.home:
                self.setPos(self.home)  # back from a drag that was refused or dropped outside
            return
        if self.card is None or (self.card.rect.width, self.card.rect.height) != (card.rect.width, card.rect.height):
            self.prepareGeometryChange()
        self.touchpoint, self.card, self._accent, self._persona_colours = touchpoint, card, accent, personas
        self.setPos(card.rect.x, card.rect.y)
        self.update()

    def set_highlighted(self, highlighted: bool) -> None:
        """Marked as a match of Find; independent of the selection."""
        if highlighted != self.highlighted:
            self.highlighted = highlighted
            self.update()

    @property
    def home(self) -> QPointF:
        """Where the layout puts the card; a drag moves the item away from it until the drop."""
        return QPointF(self.card.rect.x, self.card.rect.y) if self.card else QPointF()

    def local_rect(self) -> QRectF:
        return QRectF(0, 0, self.card.rect.width, self.card.rect.height) if self.card else QRectF()

    def handle_centre(self) -> QPointF:
        rect = self.local_rect()
        return QPointF(rect.right(), rect.center().y())

    def on_handle(self, local: QPointF) -> bool:
        return on_handle(self.local_rect(), local)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.local_rect().adjusted(-3, -3, HANDLE_REACH + 1, 3)

    def shape(self) -> QPainterPath:
        """The card and the whole handle disc. Winding fill: with the default odd-even fill the
        handle's inner half, where the disc overlaps the card, would be a hole."""
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.WindingFill)
        path.addRect(self.local_rect())
        path.addEllipse(self.handle_centre(), HANDLE_REACH, HANDLE_REACH)
        return path

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        connects = self.on_handle(event.pos()) or event.modifiers() & CONNECT_MODIFIER
        self.setCursor(Qt.CursorShape.CrossCursor if connects else Qt.CursorShape.ArrowCursor)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        card, touchpoint = self.card, self.touchpoint
        if not card or not touchpoint:
            return
        theme, rect = self._theme, self.local_rect()
        if level_of_detail(painter) < FAR_OUT:  # a block, in the selection's colour when selected
            painter.fillRect(rect, theme.selection if self.isSelected() else theme.tint(self._accent, 0.45))
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = self.isSelected()
        if self.highlighted:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(FIND_HIGHLIGHT)
            painter.drawRoundedRect(rect.adjusted(-3, -3, 3, 3), 8, 8)
        painter.setPen(QPen(theme.selection, 2) if selected else QPen(theme.card_border, 1))
        painter.setBrush(theme.card_fill)
        painter.drawRoundedRect(rect, 6, 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self._accent or "#8a94a6"))
        painter.drawRoundedRect(QRectF(rect.x() + 1, rect.y() + 6, 3, rect.height() - 12), 1.5, 1.5)
        self._paint_title(painter, rect, card)
        self._paint_band(painter, rect, touchpoint)
        if selected or self.hovered:
            painter.setPen(QPen(theme.selection, 1.5))
            painter.setBrush(theme.card_fill)
            painter.drawEllipse(self.handle_centre(), HANDLE_RADIUS, HANDLE_RADIUS)

    def _paint_title(self, painter: QPainter, rect: QRectF, layout: CardLayout) -> None:
        style = self._style
        painter.setPen(self._theme.card_text)
        painter.setFont(canvas_font(style.title_font_size, False))
        y = rect.y() + style.card_padding + style.title_line_height * 0.8
        for line in layout.title_lines:
            painter.drawText(QPointF(rect.x() + style.card_padding, y), line)
            y += style.title_line_height

    def _paint_band(self, painter: QPainter, rect: QRectF, card: Touchpoint) -> None:
        """The bottom band: link badge and channel on the left; markers and persona badges on the right."""
        style, theme = self._style, self._theme
        baseline = rect.bottom() - style.card_padding - 3
        painter.setFont(canvas_font(style.small_font_size, False))
        painter.setPen(theme.muted_text)
        badge = self.link_badge  # the chip of an overlays.LinkBadgeItem, shown at the start of the band
        linked = badge.rect.width() + 4 if badge is not None and badge.badge is not None else 0
        painter.drawText(QPointF(rect.x() + style.card_padding + linked, baseline), card.channel)
        x = rect.right() - style.card_padding
        centre_y = baseline - style.small_font_size * 0.35
        if card.emotion is not None:
            x -= 10
            mark = QColor(EMOTION_COLOURS[card.emotion])
            painter.setPen(QPen(edge_for(mark, theme.card_fill), 1))  # a mark 3:1 from the card, in any theme
            painter.setBrush(mark)
            painter.drawEllipse(QPointF(x + 5, centre_y), 4.5, 4.5)
        painter.setFont(canvas_font(8, True))
        for count, text, fill, symbol in (
            (len(card.pain_points), theme.pain_text, theme.pain_fill, "!"),
            (len(card.opportunities), theme.opportunity_text, theme.opportunity_fill, "+"),
        ):
            if count:
                label = f"{symbol}{count}"
                width = max(21.0, painter.fontMetrics().horizontalAdvance(label) + 8.0)
                x -= width + 3
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(fill)
                painter.drawRoundedRect(QRectF(x, centre_y - 6, width, 12), 6, 6)
                painter.setPen(text)
                painter.drawText(QRectF(x, centre_y - 6, width, 12), Qt.AlignmentFlag.AlignCenter, label)
        for initials, colour in reversed(self._persona_colours):
            x -= 2 * PERSONA_RADIUS + 3
            centre = QPointF(x + PERSONA_RADIUS, centre_y)
            fill = QColor(colour)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawEllipse(centre, PERSONA_RADIUS, PERSONA_RADIUS)
            font, origin, _ = initials_placement(initials, centre, PERSONA_RADIUS)
            painter.setPen(text_on(fill))
            painter.setFont(font)
            painter.drawText(origin, initials)


PERSONA_RADIUS = 7.5
"""A persona's badge on a card: a disc in the persona's colour with its initials."""


@lru_cache(maxsize=256)
def initials_font(initials: str, radius: float) -> QFont:
    """The font for ``initials`` in a persona badge of ``radius``: bold, as large as fits (up to
    8 px) inside the circle with a little to spare, measured on the glyphs' ink rather than the
    font's line box, which is taller than the letters and would shrink them for nothing."""
    inner = radius - 0.75
    for pixels in range(8, 3, -1):
        font = canvas_font(pixels, True)
        ink = QFontMetricsF(font).tightBoundingRect(initials)
        if (ink.width() / 2) ** 2 + (ink.height() / 2) ** 2 <= inner * inner:
            return font
    return canvas_font(3, True)


def initials_placement(initials: str, centre: QPointF, radius: float) -> tuple[QFont, QPointF, QRectF]:
    """The font, the baseline origin and the ink's rectangle of ``initials`` centred in a persona
    badge of ``radius`` around ``centre``: the whole rectangle lies inside the circle."""
    font = initials_font(initials, radius)
    ink = QFontMetricsF(font).tightBoundingRect(initials)
    origin = centre - ink.center()
    return font, origin, ink.translated(origin)
