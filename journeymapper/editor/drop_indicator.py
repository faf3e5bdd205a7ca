"""Where a dragged card would land: the target cell, tinted, and a line at its slot. The
scene owns one; ``drags.py`` moves it on every mouse move of a drag.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymapper.editor.items import Themed, qrect
from journeymapper.editor.theme import Theme
from journeymapper.layout import Rect


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
