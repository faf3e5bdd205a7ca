"""Small items drawn over the map: link badges on cards and stage headers, the line under a linked
stage's name about the maps behind it, and the key to the emotion curves in the emotions lane.

A link badge is a child of its card or header, so that it travels with a drag; the scene places it
after each layout (``show_card_links``, ``show_stage_links``) and turns a click on it into
``MapScene.link_activated``. Geometry, pens and elided texts are worked out when the layout
changes; painting only draws them.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymapper.editor.card_item import CardItem
from journeymapper.editor.items import FAR_OUT, HEADER_Z, HeaderItem, HoverHighlight, Themed, level_of_detail
from journeymapper.editor.linking import LinkBadge
from journeymapper.editor.theme import Theme, canvas_font, qt_measure
from journeymapper.layout import Style

BROKEN_LINK = QColor("#c62828")


_GLYPHS: dict[bool, QPainterPath] = {}


def link_glyph(broken: bool) -> QPainterPath:
    """A chain link of two rounded loops about 9 points across, centred on the origin; a broken
    one has its loops pulled apart. Built once."""
    if broken not in _GLYPHS:
        gap = 1.4 if broken else 0.0
        path = QPainterPath()
        path.addRoundedRect(QRectF(-5.0 - gap, -1.9, 6.0, 3.8), 1.9, 1.9)
        path.addRoundedRect(QRectF(-1.0 + gap, -1.9, 6.0, 3.8), 1.9, 1.9)
        _GLYPHS[broken] = QTransform().rotate(-45).map(path)
    return _GLYPHS[broken]


class LinkBadgeItem(Themed, HoverHighlight, QGraphicsItem):
    """The link glyph on a card or a stage header, a child of it, so that it travels with a drag.

    Blue on white for links that arrive; red, with the chain pulled apart and crossed out, when
    any of them is broken. The tooltip says where each link goes or why it does not. A click is
    the scene's business: it emits ``link_activated`` with ``badge``."""

    GLYPH_WIDTH = 20.0
    HEIGHT = 14.0

    def __init__(self, parent: QGraphicsItem, theme: Theme, style: Style):
        super().__init__(parent)
        self._theme, self._style = theme, style
        self.badge: LinkBadge | None = None
        self._rect = QRectF()
        self._text = ""
        self._text_rect = QRectF()
        self._glyph_centre = QPointF()
        self._theme_colours()
        self.hovered = False
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAcceptHoverEvents(True)

    @property
    def broken(self) -> bool:
        return self.badge is not None and self.badge.broken

    @property
    def rect(self) -> QRectF:
        return self._rect

    def set_badge(self, badge: LinkBadge, rect: QRectF, text: str) -> None:
        if (badge, rect, text) == (self.badge, self._rect, self._text):
            return
        self.prepareGeometryChange()
        self.badge, self._rect, self._text = badge, rect, text
        self._theme_colours()
        self._glyph_centre = QPointF(rect.left() + self.GLYPH_WIDTH / 2 + 0.5, rect.center().y())
        self._text_rect = QRectF(
            rect.left() + self.GLYPH_WIDTH - 1, rect.top(), rect.width() - self.GLYPH_WIDTH, rect.height()
        )
        self.setToolTip(badge.tooltip)
        self.update()

    def set_theme(self, theme: Theme) -> None:
        super().set_theme(theme)
        self._theme_colours()

    def _theme_colours(self) -> None:
        """The theme's selection colour, or red for a broken link, and a pale fill of it."""
        self._colour = QColor(BROKEN_LINK) if self.broken else self._theme.selection
        self._outline = QPen(self._colour, 1)
        self._glyph_pen = QPen(self._colour, 1.3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        self._fill = self._theme.tint(self._colour.name(), 0.14 if self.broken else 0.10)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect.adjusted(-1, -1, 1, 1)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self._rect.adjusted(-2, -2, 2, 2))  # a little easier to hit than it looks
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self.badge is None:
            return
        if level_of_detail(painter) < FAR_OUT:
            painter.fillRect(self._rect, self._colour)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self._outline)
        painter.setBrush(self._theme.tint(self._colour.name(), 0.28) if self.hovered else self._fill)
        radius = self._rect.height() / 2
        painter.drawRoundedRect(self._rect, radius, radius)
        broken = self.badge.broken
        painter.translate(self._glyph_centre)
        painter.setPen(self._glyph_pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(link_glyph(broken))
        if broken:
            painter.drawLine(QPointF(-3.6, -3.6), QPointF(3.6, 3.6))
        painter.translate(-self._glyph_centre)
        if self._text:
            painter.setPen(self._colour)
            painter.setFont(canvas_font(self._style.small_font_size, True))
            painter.drawText(self._text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self._text)


def show_link_badge(
    parent: CardItem | HeaderItem, item: LinkBadgeItem | None, badge: LinkBadge | None, rect: QRectF, text: str
) -> LinkBadgeItem | None:
    """Show ``badge`` on ``parent`` (making its badge item the first time), or hide it for None."""
    if badge is None:
        if item is not None:
            item.hide()
            item.badge = None
        return item
    if item is None:
        item = LinkBadgeItem(parent, parent._theme, parent._style)
    item.set_badge(badge, rect, text)
    item.show()
    return item


def show_card_links(card: CardItem, badge: LinkBadge | None) -> None:
    """A touchpoint's links: a chip at the start of the card's bottom band, before the channel
    (which moves over for it); with a count if there are several."""
    had = card.link_badge is not None and card.link_badge.badge is not None
    if badge is None or not card.card:
        card.link_badge = show_link_badge(card, card.link_badge, None, QRectF(), "")
    else:
        style = card._style
        text = str(len(badge.links)) if len(badge.links) > 1 else ""
        width = LinkBadgeItem.GLYPH_WIDTH + (qt_measure(text, style.small_font_size, True) + 5 if text else 0)
        height = LinkBadgeItem.HEIGHT
        middle = card.card.rect.height - style.card_padding - 3 - style.small_font_size * 0.35
        place = QRectF(style.card_padding - 2, middle - height / 2, width, height)
        card.link_badge = show_link_badge(card, card.link_badge, badge, place, text)
    if had != (badge is not None):
        card.update()  # the channel moves over for the chip, or back


def show_stage_links(header: HeaderItem, badge: LinkBadge | None) -> None:
    """A stage's links: a pill at the header's right, the glyph and a word or two (the linked map's
    kind, "Broken link", or how many links), and under it, in the room the layout keeps for it, a
    line about the maps behind them."""
    summary = header.summary_rect.adjusted(2, 0, -2, 0)  # inside the frame, under the name
    if badge is None or header.rect.isNull() or summary.isNull():
        header.link_badge = show_link_badge(header, header.link_badge, None, QRectF(), "")
        if header.link_summary is not None:
            header.link_summary.hide()
        return
    style, rect = header._style, header.rect.adjusted(2, 2, -2, -2)
    room = rect.width() - 2 * style.header_padding - LinkBadgeItem.GLYPH_WIDTH
    metrics = QFontMetricsF(canvas_font(style.small_font_size, True))
    text = metrics.elidedText(badge.label, Qt.TextElideMode.ElideRight, room - 10)
    width = LinkBadgeItem.GLYPH_WIDTH + metrics.horizontalAdvance(text) + 9
    height = LinkBadgeItem.HEIGHT + 2
    place = QRectF(rect.right() - style.header_padding + 2 - width, summary.top() - 3 - height, width, height)
    header.link_badge = show_link_badge(header, header.link_badge, badge, place, text)
    if header.link_summary is None:
        header.link_summary = LinkSummaryItem(header, header._theme, style)
    header.link_summary.set_summary(badge, summary)
    header.link_summary.show()


class LinkSummaryItem(Themed, QGraphicsItem):
    """The line under a linked stage's name: the headline of the map behind it (its cards,
    conversion, dead ends and pain points), or what is wrong with the link, in the pain points'
    red. A child of the header, it travels and pins with it; the pointer goes through it to the
    header, and its tooltip is the badge's."""

    def __init__(self, parent: QGraphicsItem, theme: Theme, style: Style):
        super().__init__(parent)
        self._theme, self._style = theme, style
        self._rect = QRectF()
        self.text = ""
        self.broken = False
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_summary(self, badge: LinkBadge, rect: QRectF) -> None:
        font = canvas_font(self._style.small_font_size, False)
        text = QFontMetricsF(font).elidedText(badge.summary, Qt.TextElideMode.ElideRight, rect.width())
        if (text, rect, badge.broken) == (self.text, self._rect, self.broken):
            return
        self.prepareGeometryChange()
        self.text, self._rect, self.broken = text, rect, badge.broken
        self.setToolTip(badge.tooltip)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect.adjusted(-1, -2, 1, 2)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if not self.text or level_of_detail(painter) < FAR_OUT:
            return
        painter.setFont(canvas_font(self._style.small_font_size, False))
        painter.setPen(self._theme.pain_text if self.broken else self._theme.muted_text)
        painter.drawText(self._rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self.text)


# -- the key to the emotion curves -------------------------------------------------------------


class EmotionLegendItem(Themed, QGraphicsItem):
    """The key to the emotion curves, in the emotions lane's header below its name: a line sample
    and a name per curve. Texts are elided and laid out when the layout changes."""

    LINE_HEIGHT = 13.0
    SAMPLE_WIDTH = 18.0

    def __init__(self, theme: Theme, style: Style):
        super().__init__()
        self._theme, self._style = theme, style
        self._rect = QRectF()
        self._rows: list[tuple[QPen, QPointF, QPointF, QPointF, str]] = []
        self._caption: tuple[QPointF, str] | None = None
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(HEADER_Z + 0.25)  # on its lane header, under the pinned headers' corner

    @property
    def names(self) -> list[str]:
        return [text for *_, text in self._rows]

    def set_legend(self, entries: list[tuple[str, QPen]], area: QRectF | None) -> None:
        """``entries`` from the top; ``area`` is the free part of the header, or None to hide."""
        self.prepareGeometryChange()
        self._rows, self._caption = [], None
        self._rect = QRectF()
        if area is None or len(entries) < 2:
            self.update()
            return
        line, font = self.LINE_HEIGHT, canvas_font(self._style.small_font_size, False)
        metrics = QFontMetricsF(font)
        fitting = max(0, int(area.height() // line) - 1)  # one line for the caption
        shown = entries if len(entries) <= fitting else entries[: max(0, fitting - 1)]
        hidden = len(entries) - len(shown)
        rows = len(shown) + (1 if hidden else 0) + 1
        top = area.bottom() - rows * line
        self._rect = QRectF(area.left(), top, area.width(), rows * line)
        self._caption = (QPointF(area.left(), top + line * 0.75), "Emotion curves")
        text_left = area.left() + self.SAMPLE_WIDTH + 5
        for number, (name, pen) in enumerate(shown, start=1):
            middle = top + line * number + line / 2
            text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, area.right() - text_left)
            self._rows.append(
                (
                    pen,
                    QPointF(area.left(), middle),
                    QPointF(area.left() + self.SAMPLE_WIDTH, middle),
                    QPointF(text_left, middle + self._style.small_font_size * 0.35),
                    text,
                )
            )
        if hidden:
            middle = top + line * (len(shown) + 1) + line / 2
            self._rows.append(
                (
                    QPen(Qt.PenStyle.NoPen),
                    QPointF(),
                    QPointF(),
                    QPointF(text_left, middle + self._style.small_font_size * 0.35),
                    f"+{hidden} more",
                )
            )
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect.adjusted(-2, -2, 2, 2)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if not self._rows or level_of_detail(painter) < FAR_OUT:
            return
        assert self._caption is not None  # set_legend sets the caption whenever it sets rows
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(canvas_font(self._style.small_font_size, True))
        painter.setPen(self._theme.muted_text)
        painter.drawText(*self._caption)
        painter.setFont(canvas_font(self._style.small_font_size, False))
        for pen, start, end, baseline, text in self._rows:
            if pen.style() != Qt.PenStyle.NoPen:
                painter.setPen(pen)
                painter.drawLine(start, end)
            painter.setPen(self._theme.header_text)
            painter.drawText(baseline, text)
