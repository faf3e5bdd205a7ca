"""The graphics items of the canvas: what they all share, and the grid and the headers. Each
item mirrors one model object and draws it from the layout.

Items keep no state of their own beyond what the scene gave them at the last layout; gestures on
them are turned into undo commands by the scene. Here are the zoom levels of detail, the order the
items stack in, the connection handle's size, the theme every item paints in, the repaint on
hover and the item that draws one kind of thing for the whole map. The other items have a module
each: cards (``card_item.py``), connectors (``connector_item.py``) and their labels
(``connector_labels_item.py``), the emotion curves (``emotion_curves.py``), the drop target
(``drop_indicator.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsSceneHoverEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from journeymapper.editor.theme import Theme, canvas_font
from journeymapper.layout import HeaderLayout, MapLayout, Rect, Style, header_text_height
from journeymapper.model import Lane

if TYPE_CHECKING:
    from journeymapper.editor.overlays import LinkBadgeItem, LinkSummaryItem  # overlays draws over these items

FAR_OUT = 0.35  # below this zoom, cards are plain blocks and connectors plain lines (level of detail)
VERY_FAR_OUT = 0.15  # below this, connectors are left out: at that size they are only noise
HEADER_Z = 12.0  # above cards (10) and connectors (8): pinned headers cover what scrolls under them
CARD_Z = 10.0
CONNECTOR_Z = 8.0
CONNECTOR_WIDTH = 1.3  # a connector's line, in map units; a selected one's is 2.2
DRAGGED_Z = 30.0  # a card or header being dragged: above the cards it crosses and the pinned headers
HANDLE_RADIUS = 6.0  # the connection handle as drawn on a card's right edge: 12 px across at 100%
HANDLE_REACH = 9.0  # a press this close to the handle's centre starts a connection: 18 px across at 100%
CONNECTOR_REACH = 4.0  # a press this close to a connector's line is on it: the line's hit shape is 8 wide
CONNECT_MODIFIER = Qt.KeyboardModifier.ShiftModifier
"""Held while pressing anywhere on a card, it starts a connection rather than a move (Ctrl is the
multiple selection's)."""

HeaderKind = Literal["stage", "lane"]


def qrect(rect: Rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.width, rect.height)


def on_handle(card: QRectF, point: QPointF) -> bool:
    """Whether ``point`` is on the connection handle of a card drawn in ``card``: a disc of radius
    ``HANDLE_REACH`` around the middle of its right edge, inner half included. The item's shape
    and the scene's hit test both ask this, so that they never disagree."""
    dx, dy = point.x() - card.right(), point.y() - card.center().y()
    return dx * dx + dy * dy <= HANDLE_REACH * HANDLE_REACH


def level_of_detail(painter: QPainter) -> float:
    return QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())


class Themed:
    """An item drawn in the scene's theme, which it reads while painting; ``set_theme`` repaints it
    in another (the system switched light or dark). Items that work out pens ahead of painting
    extend it to work them out again."""

    _theme: Theme

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.update()  # type: ignore[attr-defined]


class MapLayer(Themed, QGraphicsItem):
    """One item that draws a kind of thing for the whole map (the connector labels, the connector
    lines without items, the far-out blocks): it paints only what a repaint exposes, and it takes
    no clicks and is never under the pointer, where the item of the thing it draws answers."""

    def __init__(self, theme: Theme, z: float):
        super().__init__()
        self._theme = theme
        self.setZValue(z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)  # exposedRect in paint

    def shape(self) -> QPainterPath:
        return QPainterPath()


class GridItem(Themed, QGraphicsItem):
    """The cell grid with lane bands tinted in the team colours: one item for the whole map."""

    def __init__(self, theme: Theme):
        super().__init__()
        self.setZValue(-10)
        self._theme = theme
        self._layout: MapLayout | None = None
        self._lanes: list[Lane] = []

    def set_layout(self, layout: MapLayout, lanes: list[Lane]) -> None:
        self.prepareGeometryChange()
        self._layout, self._lanes = layout, lanes
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return qrect(self._layout.bounds) if self._layout else QRectF()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if not self._layout:
            return
        theme = self._theme
        for lane in self._lanes:
            row = self._layout.rows[lane.id]
            painter.fillRect(qrect(row), theme.tint(lane.colour, 0.10))
        painter.setPen(QPen(theme.grid_line, 1))
        for x in self._layout.stage_edges:
            painter.drawLine(QPointF(x, self._layout.lane_edges[0]), QPointF(x, self._layout.lane_edges[-1]))
        for y in self._layout.lane_edges:
            painter.drawLine(QPointF(self._layout.stage_edges[0], y), QPointF(self._layout.stage_edges[-1], y))


class HeaderItem(Themed, QGraphicsObject):
    """A stage (column) or lane (row) header; dragging it along its axis reorders the map."""

    def __init__(self, kind: HeaderKind, item_id: str, theme: Theme, style: Style):
        super().__init__()
        self.kind, self.item_id = kind, item_id
        self._theme, self._style = theme, style
        self._header: HeaderLayout | None = None
        self._colour: str | None = None
        self._text_shift = 0.0  # how far down its header the name is drawn: ``keep_name_in``
        self.link_badge: LinkBadgeItem | None = None  # when the stage has links
        self.link_summary: LinkSummaryItem | None = None  # the line about the maps behind them
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setZValue(HEADER_Z)

    def set_header(self, header: HeaderLayout, colour: str | None = None) -> None:
        self.prepareGeometryChange()
        self._header, self._colour = header, colour
        self.setPos(0, 0)
        self.update()

    @property
    def rect(self) -> QRectF:
        return qrect(self._header.rect) if self._header else QRectF()

    @property
    def name_top(self) -> float:
        """Where the name's first line starts, in the item's coordinates."""
        return self.rect.top() + 2 + self._text_shift

    def keep_name_in(self, top: float) -> None:
        """Draw the name (of a lane taller than the view) as near ``top`` as the header allows:
        scrolled into the middle of a long lane, its name stays in sight at the view's top."""
        if not self._header:
            return
        rect, name = self.rect, header_text_height(self._header.lines, self._style)
        shift = max(0.0, min(top - rect.top(), rect.height() - 4 - name))
        if shift != self._text_shift:
            self._text_shift = shift
            self.update()

    @property
    def summary_rect(self) -> QRectF:
        """Where a linked stage's line about the map behind it goes, as the layout has it; null
        for a stage without links and for a lane."""
        summary = self._header.summary if self._header else None
        return qrect(summary) if summary else QRectF()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.rect.adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if not self._header:
            return
        theme, rect = self._theme, self.rect.adjusted(2, 2, -2, -2)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = theme.tint(self._colour, 0.22) if self.kind == "lane" else theme.header_fill
        painter.setPen(QPen(theme.selection, 2) if self.isSelected() else QPen(theme.grid_line, 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 6, 6)
        if self.kind == "lane":
            painter.fillRect(QRectF(rect.x(), rect.y() + 6, 4, rect.height() - 12), QColor(self._colour or "#8a94a6"))
        painter.setPen(theme.header_text)
        painter.setFont(canvas_font(self._style.header_font_size, True))
        line_height = self._style.header_line_height
        y = self.name_top + self._style.header_padding + line_height * 0.8
        x = rect.x() + self._style.header_padding + (4 if self.kind == "lane" else 0)
        for line in self._header.lines:
            painter.drawText(QPointF(x, y), line)
            y += line_height


class HoverHighlight:
    """Repaints an item as the pointer enters and leaves it; ``hovered`` says which."""

    hovered = False

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        self.hovered = True
        self.update()  # type: ignore[attr-defined]

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        self.hovered = False
        self.update()  # type: ignore[attr-defined]
