"""A connector's item: the arrow along its route, with its label's whole text in the tooltip.

A connector has an item only while it is selected, pressed, under a tooltip or marked
(``live_items.py``); the rest are drawn by ``connector_lines.py`` with the same pen and arrowhead,
which are here.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymapper.connector_labels import Placement
from journeymapper.editor.items import (
    CONNECTOR_REACH,
    CONNECTOR_WIDTH,
    CONNECTOR_Z,
    FAR_OUT,
    VERY_FAR_OUT,
    Themed,
    level_of_detail,
)
from journeymapper.editor.theme import CONNECTION_DASHES, Theme
from journeymapper.layout import XY, Box, Route, Style, connector_label
from journeymapper.model import Connection, ConnectionKind


def _segment_boxes(points: tuple[XY, ...], margin: float) -> tuple[Box, ...]:
    # Plain float tuples, which the garbage collector stops tracking, where thousands of QRectF
    # wrappers would each stay on its books.
    return tuple(
        (min(ax, bx) - margin, min(ay, by) - margin, max(ax, bx) + margin, max(ay, by) + margin)
        for (ax, ay), (bx, by) in itertools.pairwise(points)
    )


def _points_bounds(points: tuple[XY, ...], margin: float) -> QRectF:
    xs, ys = [x for x, _ in points], [y for _, y in points]
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
    *_, (x, y), (tip_x, tip_y) = route.points
    return arrowhead_between(x, y, tip_x, tip_y)


def arrowhead_between(x: float, y: float, tip_x: float, tip_y: float) -> QPolygonF:
    """The arrowhead at ``tip_x``, ``tip_y`` of a line coming from ``x``, ``y``."""
    dx, dy = tip_x - x, tip_y - y
    length = max((dx * dx + dy * dy) ** 0.5, 1e-6)
    ux, uy = dx / length, dy / length
    back = QPointF(tip_x - ux * 8, tip_y - uy * 8)
    wing = QPointF(-uy * 4, ux * 4)
    return QPolygonF([QPointF(tip_x, tip_y), back + wing, back - wing])
