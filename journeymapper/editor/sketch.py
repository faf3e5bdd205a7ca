"""Far out, the cards and connector lines that have no item of their own, drawn together.

Below ``FAR_OUT`` a card is a block in its lane's colour and a connector a plain line, as the
items themselves draw them there; this one item draws them all from the layout, a few painter
calls per colour and kind, rather than thousands of items drawing one each. Closer in, the cards
and connectors in view all have items (``live_items``), and this draws nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from itertools import pairwise

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymapper.editor.items import FAR_OUT, VERY_FAR_OUT, Themed, level_of_detail, qrect
from journeymapper.editor.theme import CONNECTION_DASHES, Theme
from journeymapper.layout import MapLayout
from journeymapper.model import ConnectionKind

SKETCH_Z = 8.5  # above the connector items' lines (8), below the cards (10)

Box = tuple[float, float, float, float]  # left, top, right, bottom

Block = tuple[Box, str, str | None]  # a card's box, its id, its lane's colour
Segment = tuple[Box, QLineF, str, ConnectionKind]  # a segment's box and line, its connection's id and kind


class MapSketch(Themed, QGraphicsItem):
    """The blocks and lines of the cards and connectors without items, drawn only far out."""

    def __init__(self, theme: Theme, cards: Mapping[str, object], connectors: Mapping[str, object]):
        super().__init__()
        self._theme = theme
        self._cards, self._connectors = cards, connectors  # the live items, which draw themselves
        self._layout: MapLayout | None = None
        self._read: Callable[[], tuple[list[Block], list[Segment]]] | None = None
        self._drawn: tuple[list[Block], list[Segment]] | None = None
        self.setZValue(SKETCH_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)  # exposedRect in paint

    def set_layout(
        self, layout: MapLayout, colours: Mapping[str, str | None], kinds: Callable[[str], ConnectionKind]
    ) -> None:
        """Draw from ``layout``: each card in the ``colours`` of its lane (by lane id), each
        connector in the dashes of its kind (``kinds`` by connection id). What it draws is read
        from them at its first paint far out: close in, it is never needed."""
        self.prepareGeometryChange()
        self._layout = layout
        self._read = lambda: (_blocks(layout, colours), _segments(layout, kinds))
        self._drawn = None
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return qrect(self._layout.bounds) if self._layout else QRectF()

    def shape(self) -> QPainterPath:
        return QPainterPath()  # never under the pointer: a press far out brings the items there to life

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        detail = level_of_detail(painter)
        if detail >= FAR_OUT or self._read is None:
            return
        if self._drawn is None:
            self._drawn = self._read()
        blocks, segments = self._drawn
        exposed = option.exposedRect
        area = (exposed.left(), exposed.top(), exposed.right(), exposed.bottom())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        if detail >= VERY_FAR_OUT:
            self._paint_lines(painter, segments, area)
        self._paint_blocks(painter, blocks, area)

    def _paint_lines(self, painter: QPainter, segments: list[Segment], area: Box) -> None:
        live = self._connectors
        by_kind: dict[ConnectionKind, list[QLineF]] = {}
        for box, line, connection_id, kind in segments:
            if _meets(box, area) and connection_id not in live:
                by_kind.setdefault(kind, []).append(line)
        for kind, lines in by_kind.items():
            pen = QPen(self._theme.connector, 1.3)
            if dashes := CONNECTION_DASHES[kind]:
                pen.setDashPattern(list(dashes))
            painter.setPen(pen)
            painter.drawLines(lines)

    def _paint_blocks(self, painter: QPainter, blocks: list[Block], area: Box) -> None:
        live = self._cards
        by_colour: dict[str | None, list[QRectF]] = {}
        for (x0, y0, x1, y1), card_id, colour in blocks:
            if _meets((x0, y0, x1, y1), area) and card_id not in live:
                by_colour.setdefault(colour, []).append(QRectF(x0, y0, x1 - x0, y1 - y0))
        painter.setPen(Qt.PenStyle.NoPen)
        for colour, rects in by_colour.items():
            painter.setBrush(QColor(self._theme.tint(colour, 0.45)))
            painter.drawRects(rects)


def _meets(box: Box, area: Box) -> bool:
    """Whether two boxes overlap; a line's box, of no width, overlaps what it passes through."""
    return box[0] <= area[2] and area[0] <= box[2] and box[1] <= area[3] and area[1] <= box[3]


def _blocks(layout: MapLayout, colours: Mapping[str, str | None]) -> list[Block]:
    blocks = []
    for card_id, card in layout.cards.items():
        rect = card.rect
        blocks.append(((rect.x, rect.y, rect.right, rect.bottom), card_id, colours.get(card.cell[1])))
    return blocks


def _segments(layout: MapLayout, kinds: Callable[[str], ConnectionKind]) -> list[Segment]:
    segments = []
    for connection_id, route in layout.connectors.items():
        kind = kinds(connection_id)
        for a, b in pairwise(route.points):
            box = (min(a.x, b.x), min(a.y, b.y), max(a.x, b.x), max(a.y, b.y))
            segments.append((box, QLineF(a.x, a.y, b.x, b.y), connection_id, kind))
    return segments
