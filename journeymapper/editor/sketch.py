"""Far out, the cards that have no item of their own, drawn together as blocks.

Below ``FAR_OUT`` a card is a block in its lane's colour, as the card items themselves draw it
there; this one item draws them all from the layout, one painter call per colour, rather than
thousands of items drawing one each. Closer in, the cards in view all have items
(``live_items``), and this draws nothing. (Connector lines are ``connector_lines``' at every zoom.)
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from journeymapper.editor.items import CARD_Z, FAR_OUT, MapLayer, level_of_detail, qrect
from journeymapper.editor.theme import Theme
from journeymapper.layout import MapLayout

Block = tuple[float, float, float, float, str, str | None]  # a card's left, top, right, bottom, id, lane colour


class MapSketch(MapLayer):
    """The blocks of the cards without items (``live`` holds those with one), drawn only far out."""

    def __init__(self, theme: Theme, live: Mapping[str, object]):
        super().__init__(theme, CARD_Z)
        self._live = live
        self._layout: MapLayout | None = None
        self._colours: Mapping[str, str | None] = {}
        self._blocks: list[Block] | None = None

    def set_layout(self, layout: MapLayout, colours: Mapping[str, str | None]) -> None:
        """Draw the cards of ``layout``, each in the ``colours`` of its lane (by lane id); read
        at the first paint far out, which close in never comes."""
        self.prepareGeometryChange()
        self._layout, self._colours, self._blocks = layout, colours, None
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return qrect(self._layout.bounds) if self._layout else QRectF()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if level_of_detail(painter) >= FAR_OUT or self._layout is None:
            return
        if self._blocks is None:
            self._blocks = _blocks(self._layout, self._colours)
        exposed = option.exposedRect
        left, top, right, bottom = exposed.left(), exposed.top(), exposed.right(), exposed.bottom()
        live = self._live
        by_colour: dict[str | None, list[QRectF]] = {}
        for x0, y0, x1, y1, card_id, colour in self._blocks:
            if x0 <= right and left <= x1 and y0 <= bottom and top <= y1 and card_id not in live:
                by_colour.setdefault(colour, []).append(QRectF(x0, y0, x1 - x0, y1 - y0))
        painter.setPen(Qt.PenStyle.NoPen)
        for colour, rects in by_colour.items():
            painter.setBrush(self._theme.tint(colour, 0.45))
            painter.drawRects(rects)


def _blocks(layout: MapLayout, colours: Mapping[str, str | None]) -> list[Block]:
    blocks = []
    for card_id, card in layout.cards.items():
        rect = card.rect
        blocks.append((rect.x, rect.y, rect.right, rect.bottom, card_id, colours.get(card.cell[1])))
    return blocks
