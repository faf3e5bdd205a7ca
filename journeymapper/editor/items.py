"""The graphics items of the canvas. Each mirrors one model object and draws it from the layout.

Items keep no state of their own beyond what the scene gave them at the last layout; gestures on
them are turned into undo commands by the scene.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsSceneHoverEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from journeymapper.connector_labels import Placement
from journeymapper.editor.recent import STATES, Recent
from journeymapper.editor.theme import CONNECTION_DASHES, Theme, canvas_font, edge_for, text_on
from journeymapper.layout import (
    CardLayout,
    CurvePoint,
    HeaderLayout,
    MapLayout,
    Point,
    Rect,
    Route,
    Style,
    connector_label,
)
from journeymapper.model import Connection, ConnectionKind, Lane, Touchpoint
from journeymapper.palette import EMOTION_COLOURS, persona_colour, persona_dashes

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
FIND_HIGHLIGHT = QColor(255, 196, 0, 170)

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
        y = rect.y() + self._style.header_padding + line_height * 0.8
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


Box = tuple[float, float, float, float]
"""left, top, right, bottom: plain float tuples, which the garbage collector stops tracking, where
thousands of QRectF wrappers would each stay on its books."""


def _segment_boxes(points: tuple[Point, ...], margin: float) -> tuple[Box, ...]:
    return tuple(
        (min(a.x, b.x) - margin, min(a.y, b.y) - margin, max(a.x, b.x) + margin, max(a.y, b.y) + margin)
        for a, b in itertools.pairwise(points)
    )


def _points_bounds(points: tuple[Point, ...], margin: float) -> QRectF:
    xs, ys = [point.x for point in points], [point.y for point in points]
    left, top = min(xs) - margin, min(ys) - margin
    return QRectF(left, top, max(xs) + margin - left, max(ys) + margin - top)


class ConnectorItem(Themed, QGraphicsItem):
    """An arrow along a layout route; flow solid, hand-off dashed, dependency dotted."""

    def __init__(self, connection_id: str, theme: Theme, style: Style):
        super().__init__()
        self.connection_id = connection_id
        self._theme, self._style = theme, style
        self._line: QPolygonF | None = None  # built at the first paint or hit test, as are the boxes
        self._bounds = self._line_bounds = QRectF()
        self._shape: QPainterPath | None = None
        self._tooltip = ""
        self._label: Placement | None = None
        self._label_left_out = False
        self._label_box = QRectF()
        self._segment_boxes: tuple[Box, ...] | None = None
        self._connection: Connection | None = None
        self._route: Route | None = None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)  # exposedRect in paint
        self.setZValue(CONNECTOR_Z)

    def set_route(self, connection: Connection, route: Route) -> None:
        """The route to draw; its label comes with ``set_label``, once placed."""
        if (connection, route) != (self._connection, self._route):
            self.set_route_and_label(connection, route, None)

    @property
    def label(self) -> Placement | None:
        return self._label

    def set_label(self, label: Placement | None, left_out: bool = False) -> None:
        """Where the label goes (``journeymapper.connector_labels``), or None for no label; a label
        ``left_out`` for want of room says so in the tooltip, which always holds the whole text."""
        assert self._connection is not None and self._route is not None, "a label goes along a route"
        self.set_route_and_label(self._connection, self._route, label, left_out)

    def set_route_and_label(
        self, connection: Connection, route: Route, label: Placement | None, left_out: bool = False
    ) -> None:
        """The route and its label (as ``set_route`` then ``set_label``) in one geometry change: a
        relayout of a big map moves thousands of connectors, and Qt pays for each change."""
        if (connection, route, label, left_out) == (self._connection, self._route, self._label, self._label_left_out):
            return
        self.prepareGeometryChange()  # which also repaints the old place and the new
        if route != self._route:
            # A relayout after a big delete or undo moves thousands of routes, most of them far
            # from the view: only the bounds are needed now, the polygon once it is painted.
            self._line, self._segment_boxes = None, None
            self._line_bounds = _points_bounds(route.points, 10)
        self._connection, self._route, self._label, self._label_left_out = connection, route, label, left_out
        self._shape = None
        self._bounds = self._line_bounds
        if label is None:
            self._label_box = QRectF()
        else:
            box = label.box
            self._label_box = QRectF(box.x, box.y, box.width, box.height)
            self._bounds = self._bounds.united(self._label_box.adjusted(-1, -1, 1, 1))
        self._update_tooltip()

    def _update_tooltip(self) -> None:
        """The label's whole text, wherever the canvas shows the label, shortened or not, or says
        it left it out; none while labels are too small to show."""
        shown = self._label is not None or self._label_left_out
        text = connector_label(self._connection) if self._connection and shown else ""
        if text and self._label_left_out:
            text = f"{text}\n(the label is left out of the map: there is no room for it beside its line)"
        if text != self._tooltip:  # most connectors keep theirs through a relayout
            self._tooltip = text
            self.setToolTip(text)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._shape is None:  # only hit tests need it; most connectors are never hit-tested
            path = QPainterPath()
            path.addPolygon(self._polyline())
            stroker = QPainterPathStroker()
            stroker.setWidth(2 * CONNECTOR_REACH)
            self._shape = stroker.createStroke(path)
            if not self._label_box.isEmpty():  # the pointer on the label shows its tooltip too
                label = QPainterPath()
                label.addRect(self._label_box)
                self._shape = self._shape.united(label)
        return self._shape

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if not self._route or not self._connection:
            return
        theme = self._theme
        detail = level_of_detail(painter)
        if (detail < VERY_FAR_OUT and not self.isSelected()) or not self._touches(option.exposedRect):
            return
        far = detail < FAR_OUT
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, not far)
        pen = connector_pen(theme, self._connection.kind, self.isSelected())
        painter.setPen(pen)
        painter.drawPolyline(self._polyline())
        if far:
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(pen.color())
        painter.drawPolygon(arrowhead(self._route))

    def _touches(self, exposed: QRectF) -> bool:
        """Whether a segment lies in the area being repainted. A long route's bounding box covers
        much of the map, so without this check every small repaint (a card dragged across the
        canvas) would stroke hundreds of routes."""
        if self._segment_boxes is None:
            self._segment_boxes = _segment_boxes(self._route.points, 6) if self._route else ()
        left, top, right, bottom = exposed.left(), exposed.top(), exposed.right(), exposed.bottom()
        return any(x0 < right and left < x1 and y0 < bottom and top < y1 for x0, y0, x1, y1 in self._segment_boxes)

    def _polyline(self) -> QPolygonF:
        if self._line is None:
            self._line = QPolygonF([QPointF(x, y) for x, y in self._route.points] if self._route else [])
        return self._line


def connector_pen(theme: Theme, kind: ConnectionKind, selected: bool = False) -> QPen:
    """A connector's line: flow solid, hand-off dashed, dependency dotted; wider when selected."""
    pen = QPen(theme.selection if selected else theme.connector, 2.2 if selected else CONNECTOR_WIDTH)
    if dashes := CONNECTION_DASHES[kind]:
        pen.setDashPattern(list(dashes))
    return pen


def arrowhead(route: Route) -> QPolygonF:
    """The arrowhead at the end of ``route``: 8 long, 8 across, pointing along its last segment."""
    *_, before, tip = route.points
    return arrowhead_between(before.x, before.y, tip.x, tip.y)


def arrowhead_between(x: float, y: float, tip_x: float, tip_y: float) -> QPolygonF:
    """The arrowhead at ``tip_x``, ``tip_y`` of a line coming from ``x``, ``y``."""
    dx, dy = tip_x - x, tip_y - y
    length = max((dx * dx + dy * dy) ** 0.5, 1e-6)
    ux, uy = dx / length, dy / length
    back = QPointF(tip_x - ux * 8, tip_y - uy * 8)
    wing = QPointF(-uy * 4, ux * 4)
    return QPolygonF([QPointF(tip_x, tip_y), back + wing, back - wing])


LABEL_Z = 9.0  # above every connector line (8), below the cards (10), which labels never cover
_LABEL_CELL = 256.0


class ConnectorLabelsItem(MapLayer):
    """Every connector label, a pill with its text (reading upwards along a vertical line), all
    drawn above all the connector lines as the PDF draws them: a line drawn after another never
    strikes through that one's label. One item for the whole map. It takes no clicks and is never
    under the pointer: there the label's connector is, with the whole text in its tooltip.

    The areas of the last two sets of labels are kept (``recent.py``): an undo or redo brings back
    the labels shown just before, and bucketing a big map's thousands of labels anew costs a
    noticeable part of redrawing it."""

    def __init__(self, theme: Theme, style: Style):
        super().__init__(theme, LABEL_Z)
        self._style = style
        self._areas = _LabelAreas(())
        self._recent: Recent[Sequence[Placement], _LabelAreas] = Recent(STATES)

    def set_labels(self, labels: Sequence[Placement]) -> None:
        self.prepareGeometryChange()
        # Keyed by the placements, compared by value so never stale, and cheap to compare all the
        # same: an undo gets the very placements back (``label_memory``), equal by identity.
        self._areas = self._recent.get(labels, lambda: _LabelAreas(labels))
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._areas.bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if level_of_detail(painter) < FAR_OUT:
            return
        exposed = option.exposedRect
        left, top, right, bottom = exposed.left(), exposed.top(), exposed.right(), exposed.bottom()
        shown: dict[int, Placement] = {}
        buckets = self._areas.buckets()
        for key in _label_keys(left, top, right, bottom):
            for label in buckets.get(key, ()):
                box = label.box
                if box.x < right and left < box.right and box.y < bottom and top < box.bottom:
                    shown[id(label)] = label
        if not shown:
            return
        theme = self._theme
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(canvas_font(self._style.small_font_size, False))
        outline, text = QPen(theme.grid_line, 1), QPen(theme.muted_text)
        for label in shown.values():
            pill = qrect(label.box)
            radius = min(pill.width(), pill.height()) / 2
            painter.setPen(outline)
            painter.setBrush(theme.header_fill)
            painter.drawRoundedRect(pill, radius, radius)
            painter.setPen(text)
            if label.upright:
                painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, label.text)
                continue
            painter.save()
            painter.translate(pill.center())
            painter.rotate(-90)
            painter.drawText(
                QRectF(-pill.height() / 2, -pill.width() / 2, pill.height(), pill.width()),
                Qt.AlignmentFlag.AlignCenter,
                label.text,
            )
            painter.restore()


class _LabelAreas:
    """A set of labels, their bounds, and the labels by area of the map, bucketed at the first paint."""

    def __init__(self, labels: Sequence[Placement]) -> None:
        self._labels = labels
        self._buckets: dict[tuple[int, int], list[Placement]] | None = None
        self.bounds = QRectF()
        if labels:
            boxes = [label.box for label in labels]
            left, top = min(box.x for box in boxes) - 1, min(box.y for box in boxes) - 1
            right, bottom = max(box.right for box in boxes) + 1, max(box.bottom for box in boxes) + 1
            self.bounds = QRectF(left, top, right - left, bottom - top)

    def buckets(self) -> dict[tuple[int, int], list[Placement]]:
        if self._buckets is None:
            self._buckets = {}
            for label in self._labels:
                box = label.box
                for key in _label_keys(box.x, box.y, box.right, box.bottom):
                    self._buckets.setdefault(key, []).append(label)
        return self._buckets


def _label_keys(left: float, top: float, right: float, bottom: float) -> Iterator[tuple[int, int]]:
    rows = range(int(top // _LABEL_CELL), int(bottom // _LABEL_CELL) + 1)
    for column in range(int(left // _LABEL_CELL), int(right // _LABEL_CELL) + 1):
        for row in rows:
            yield column, row


@dataclass(frozen=True)
class CurveStyle:
    """How one persona's emotion curve is drawn: the persona's colour and a dash of its own."""

    name: str
    colour: str
    dashes: tuple[float, ...]


def persona_curve_style(number: int, name: str) -> CurveStyle:
    """The ``number``-th persona's curve: its badge colour and its own dash (``journeymapper.palette``)."""
    return CurveStyle(name, persona_colour(number), persona_dashes(number))


def _curve_pen(colour: QColor, width: float, dashes: tuple[float, ...] = ()) -> QPen:
    pen = QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap, Qt.PenJoinStyle.RoundJoin)
    if dashes:
        pen.setDashPattern(list(dashes))
    return pen


class EmotionCurveItem(Themed, QGraphicsItem):
    """The emotion curve of all cards (mean emotion per stage) in the emotion band of the emotions
    lane, with a zero line, and beneath it one dashed curve per persona.

    Paths, pens and markers are built when the layout changes, never while painting."""

    def __init__(self, theme: Theme):
        super().__init__()
        self._theme = theme
        self._points: tuple[CurvePoint, ...] = ()
        self._band = QRectF()
        self._main: QPainterPath | None = None
        self._markers: list[tuple[QPointF, QColor]] = []
        self._persona_curves: list[tuple[QPen, QPainterPath | None, list[QPointF], QColor]] = []
        self._theme_pens()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(6)

    def set_theme(self, theme: Theme) -> None:
        """The curve of all cards gets a new pen: the scene passes it on to the legend."""
        super().set_theme(theme)
        self._theme_pens()

    def _theme_pens(self) -> None:
        theme = self._theme
        self._zero_pen = QPen(theme.grid_line, 1, Qt.PenStyle.DashLine)
        self._main_pen = _curve_pen(theme.header_text, 2.4)
        self._marker_pen = QPen(theme.card_fill, 1.5)

    @property
    def main_pen(self) -> QPen:
        return self._main_pen

    @property
    def persona_pens(self) -> list[QPen]:
        return [pen for pen, *_ in self._persona_curves]

    def set_curve(
        self,
        points: tuple[CurvePoint, ...],
        band: Rect | None,
        personas: Sequence[tuple[CurveStyle, tuple[CurvePoint, ...]]] = (),
    ) -> None:
        self.prepareGeometryChange()
        self._points = points
        self._band = qrect(band) if band else QRectF()
        self._main = smooth_path([QPointF(*p.point) for p in points]) if points else None
        self._markers = [(QPointF(*p.point), QColor(EMOTION_COLOURS[max(-2, min(2, round(p.value)))])) for p in points]
        self._persona_curves = []
        for style, curve in personas:
            colour = QColor(style.colour)
            corners = [QPointF(*p.point) for p in curve]
            path = smooth_path(corners) if len(corners) > 1 else None
            self._persona_curves.append((_curve_pen(colour, 1.8, style.dashes), path, corners, colour))
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._band.adjusted(-8, -8, 8, 8)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self._band.isNull():
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self._zero_pen)
        middle = self._band.center().y()
        painter.drawLine(QPointF(self._band.left(), middle), QPointF(self._band.right(), middle))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for pen, path, corners, colour in self._persona_curves:
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            if path is not None:
                painter.drawPath(path)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            for corner in corners:
                painter.drawEllipse(corner, 2.6, 2.6)
        if self._main is None:
            return
        painter.setPen(self._main_pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._main)
        painter.setPen(self._marker_pen)
        for centre, colour in self._markers:
            painter.setBrush(colour)
            painter.drawEllipse(centre, 5, 5)


def smooth_path(points: list[QPointF]) -> QPainterPath:
    """A curve through every point, bending halfway between neighbours (no overshoot)."""
    path = QPainterPath(points[0])
    for previous, point in itertools.pairwise(points):
        middle_x = (previous.x() + point.x()) / 2
        path.cubicTo(QPointF(middle_x, previous.y()), QPointF(middle_x, point.y()), point)
    return path


class DropIndicator(Themed, QGraphicsItem):
    """While dragging: the target cell, tinted, and a line where the card will land."""

    def __init__(self, theme: Theme):
        super().__init__()
        self._theme = theme
        self._cell = QRectF()
        self._slot_y: float | None = None
        self.setZValue(20)
        self.hide()

    def show_at(self, cell: Rect, slot_y: float | None) -> None:
        """Cheap when nothing changed: it is called on every mouse move of a drag."""
        if self.isVisible() and (qrect(cell), slot_y) == (self._cell, self._slot_y):
            return
        self.prepareGeometryChange()
        self._cell, self._slot_y = qrect(cell), slot_y
        self.show()
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._cell.adjusted(-2, -4, 2, 4)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.fillRect(self._cell, self._theme.drop_highlight)
        if self._slot_y is not None:
            painter.setPen(QPen(self._theme.selection, 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawLine(
                QPointF(self._cell.left() + 12, self._slot_y), QPointF(self._cell.right() - 12, self._slot_y)
            )
