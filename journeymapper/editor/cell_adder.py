"""The "add card" affordance: a small "+" in the cell under the pointer.

While the pointer rests on the empty part of a cell (not on a card), a "+" shows where a new card
would go: below the cell's last card, or in the gutter beside it when the cell is full. A click adds
a card at the end of the cell (one undo step) and opens its title for typing. One item serves the
whole canvas: it moves from cell to cell, and it watches the pointer through an event filter on the
scene, so the scene's own mouse handling is left as it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsObject,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from journeymapper.editor import drags, keyboard
from journeymapper.editor.items import CARD_Z, FAR_OUT, HoverHighlight, Themed
from journeymapper.layout import Point

if TYPE_CHECKING:
    from journeymapper.editor.scene import MapScene

RADIUS = 7.0
_HIDING = (QEvent.Type.Leave, QEvent.Type.GraphicsSceneLeave, QEvent.Type.GraphicsSceneDragEnter)


class CellAdder(Themed, HoverHighlight, QGraphicsObject):
    """A "+" button on the canvas that adds a card to the cell it stands in."""

    def __init__(self, scene: MapScene):
        super().__init__()
        self._theme = scene.theme  # no reference to the scene: it owns this item, and a cycle would
        # leave their destruction to the garbage collector, in an order Qt does not expect
        self.cell: tuple[str, str] | None = None
        self._pressed = False
        self.setZValue(CARD_Z + 1)  # over the cards, so that a press on it is its own; under the headers
        self.setAcceptHoverEvents(True)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("Add a touchpoint here")
        self.hide()
        scene.addItem(self)
        scene.installEventFilter(self)
        scene.laid_out.connect(self.hide)  # the cells moved: the next pointer move places it again

    @property
    def _map_scene(self) -> MapScene:
        return cast("MapScene", self.scene())

    # -- following the pointer ----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.GraphicsSceneMouseMove and not self._pressed:
            mouse = cast(QGraphicsSceneMouseEvent, event)
            if mouse.buttons() == Qt.MouseButton.NoButton:
                self.follow(mouse.scenePos())
            else:
                self.hide()  # a drag or a rubber band: out of the way
        elif kind in _HIDING and not self._pressed:
            self.hide()
        return False

    def follow(self, position: QPointF) -> None:
        """Stand in the cell under ``position`` if that is empty canvas, else hide."""
        scene = self._map_scene
        cell = scene.layout.cell_at(Point(position.x(), position.y()))
        zoom = min((view.transform().m11() for view in scene.views()), default=1.0)
        if (
            cell is None
            or zoom < FAR_OUT
            or scene.focusItem() is not None  # typing in an inline editor
            or drags.card_under(scene, position) is not None
        ):
            self.hide()
            return
        if cell != self.cell or not self.isVisible():
            self.cell = cell
            self.setPos(self.spot(cell))
            self.show()

    def spot(self, cell: tuple[str, str]) -> QPointF:
        """Where the "+" goes in ``cell``: where a new card would land, below the last card when
        there is room, else in the gutter beside the last card; the middle of an empty cell."""
        scene = self._map_scene
        layout, style = scene.layout, scene.style
        box = layout.cells[cell]
        cards = scene.document.cell(*cell)
        if not cards:
            return QPointF(box.x + box.width / 2, box.y + box.height / 2)
        last = layout.cards[cards[-1]].rect
        below = last.bottom + style.card_gap + RADIUS
        if below + RADIUS + 2 <= box.bottom:
            return QPointF(last.x + last.width / 2, below)
        return QPointF(last.right + (box.right - last.right) / 2, last.bottom - RADIUS)

    # -- the button ---------------------------------------------------------------------------

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(-RADIUS - 2, -RADIUS - 2, 2 * RADIUS + 4, 2 * RADIUS + 4)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        theme = self._theme
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(theme.selection, 1.5))
        painter.setBrush(theme.tint(theme.selection.name(), 0.22) if self.hovered else theme.card_fill)
        painter.drawEllipse(QPointF(0, 0), RADIUS, RADIUS)
        arm = RADIUS * 0.5
        painter.setPen(QPen(theme.selection, 1.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawLine(QPointF(-arm, 0), QPointF(arm, 0))
        painter.drawLine(QPointF(0, -arm), QPointF(0, arm))

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        self._pressed = True
        event.accept()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        self._pressed = False
        cell = self.cell
        if cell is None or not self.boundingRect().contains(event.pos()):
            return
        self.hide()
        scene = self._map_scene
        keyboard.add_card(scene, keyboard.new_card_at_end(scene.document, cell))
