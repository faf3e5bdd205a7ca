"""Mouse gestures on the canvas, each ending in at most one undo command.

- dragging cards to another cell or slot (``CardDrag``),
- dragging a stage or lane header along its axis to reorder (``HeaderDrag``),
- dragging from a card's handle to another card to connect them (``ConnectionDrag``),
- nudging the selected cards with the arrow keys (``nudge``).
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections.abc import Collection
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsSceneMouseEvent

from journeymapper.editor.commands import (
    END_OF_CELL,
    AddConnection,
    ModelCommand,
    MoveColumnOrRow,
    MoveTouchpoints,
    Placement,
    placement_of,
    quoted,
)
from journeymapper.editor.items import CardItem, HeaderItem
from journeymapper.layout import Point
from journeymapper.model import Connection

if TYPE_CHECKING:
    from journeymapper.editor.scene import MapScene

Cell = tuple[str, str]
_CLICK_DISTANCE = 4.0


class Drag:
    """A gesture between press and release. ``consumes_press``: the scene's default handling
    (selection, moving items) stays out of it."""

    consumes_press = False

    def __init__(self, scene: MapScene, start: QPointF):
        self.scene, self.start = scene, start
        self.moved = False

    def move(self, position: QPointF) -> None:
        if (position - self.start).manhattanLength() >= _CLICK_DISTANCE:
            self.moved = True

    def finish(self, position: QPointF) -> ModelCommand | None:
        raise NotImplementedError


def start(scene: MapScene, event: QGraphicsSceneMouseEvent) -> Drag | None:
    position = event.scenePos()
    for item in scene.items(position):
        if isinstance(item, CardItem):
            if item.on_handle(item.mapFromScene(position)):
                return ConnectionDrag(scene, position, item)
            return CardDrag(scene, position)
        if isinstance(item, HeaderItem):
            if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                scene.clearSelection()
            item.setSelected(True)
            return HeaderDrag(scene, position, item)
    return None


# -- cards ------------------------------------------------------------------------------------


def slot_at(scene: MapScene, position: QPointF, moving: Collection[str]) -> tuple[Cell, int] | None:
    """The cell under ``position`` and the slot among its cards that are not ``moving``."""
    cell = scene.layout.cell_at(Point(position.x(), position.y()))
    if cell is None:
        return None
    staying = [card for card in scene.document.cell(*cell) if card not in moving]
    centres = [scene.layout.cards[card].rect.center.y for card in staying]
    return cell, bisect_left(centres, position.y())


def show_slot(scene: MapScene, position: QPointF, moving: Collection[str]) -> None:
    """Highlight the cell under ``position`` and draw the line where cards would land."""
    target = slot_at(scene, position, moving)
    if target is None:
        scene.indicator.hide()
        return
    cell, index = target
    cell_rect = scene.layout.cells[cell]
    staying = [card for card in scene.document.cell(*cell) if card not in moving]
    style = scene.style
    if index == 0:
        slot_y = cell_rect.y + style.cell_padding / 2
    else:
        slot_y = scene.layout.cards[staying[index - 1]].rect.bottom + style.card_gap / 2
    scene.indicator.show_at(cell_rect, slot_y)


def card_moves(scene: MapScene, cards: list[str], cell: Cell, index: int) -> list[Placement]:
    """Moves that put ``cards`` in order at ``index`` among the other cards of ``cell``.

    They first go to the end of the target cell, so that each then lands at its slot without
    being displaced by another moving card still in the way.
    """
    to_end = [Placement(card, *cell, END_OF_CELL) for card in cards]
    return to_end + [Placement(card, *cell, index + offset) for offset, card in enumerate(cards)]


def describe_move(scene: MapScene, cards: list[str], cell: Cell) -> str:
    where = f"{scene.document.stages[cell[0]].name} / {scene.document.lanes[cell[1]].name}"
    what = quoted(scene.document.touchpoint(cards[0]).title) if len(cards) == 1 else f"{len(cards)} cards"
    return f"Move {what} to {where}"


class CardDrag(Drag):
    """The scene moves the selected cards with the mouse; this shows where they will land and
    makes the move one command on release."""

    def __init__(self, scene: MapScene, start: QPointF):
        super().__init__(scene, start)
        self.cards: list[str] = []

    def move(self, position: QPointF) -> None:
        super().move(position)
        if not self.moved:
            return
        if not self.cards:
            self.cards = self.scene.selected_card_ids()
        show_slot(self.scene, position, self.cards)

    def finish(self, position: QPointF) -> ModelCommand | None:
        if not self.moved or not self.cards:
            return None
        target = slot_at(self.scene, position, self.cards)
        if target is None:
            return None
        cell, index = target
        moves = card_moves(self.scene, self.cards, cell, index)
        return MoveTouchpoints(self.scene.document, moves, describe_move(self.scene, self.cards, cell))


# -- headers ----------------------------------------------------------------------------------


def insertion_position(edges: tuple[float, ...], value: float) -> int:
    """How many columns (or rows) have their middle before ``value``."""
    middles = [(left + right) / 2 for left, right in itertools.pairwise(edges)]
    return bisect_left(middles, value)


class HeaderDrag(Drag):
    """Slide a stage header sideways or a lane header up and down; release to reorder."""

    consumes_press = True

    def __init__(self, scene: MapScene, start: QPointF, header: HeaderItem):
        super().__init__(scene, start)
        self.header = header
        self.header.setZValue(30)

    def move(self, position: QPointF) -> None:
        super().move(position)
        delta = position - self.start
        self.header.setPos(delta.x(), 0) if self.header.kind == "stage" else self.header.setPos(0, delta.y())

    def finish(self, position: QPointF) -> ModelCommand | None:
        self.header.setZValue(5)
        self.header.setPos(0, 0)
        if not self.moved:
            return None
        kind, item_id = self.header.kind, self.header.item_id
        layout = self.scene.layout
        edges, value = (layout.stage_edges, position.x()) if kind == "stage" else (layout.lane_edges, position.y())
        ordered = getattr(self.scene.document, f"{kind}s")
        current = ordered.position(item_id)
        target = insertion_position(edges, value)
        target = target - 1 if target > current else target
        if target == current:
            return None
        name = quoted(ordered[item_id].name)
        return MoveColumnOrRow(
            self.scene.document, kind, item_id, target, f"Move {kind} {name} to position {target + 1}"
        )


# -- connections ------------------------------------------------------------------------------


class ConnectionDrag(Drag):
    """From the source card's handle, a rubber line follows the mouse to the target card."""

    consumes_press = True

    def __init__(self, scene: MapScene, start: QPointF, source: CardItem):
        super().__init__(scene, start)
        self.source = source
        self.line = QGraphicsLineItem(QLineF(start, start))
        pen = QPen(scene.theme.selection, 1.5, Qt.PenStyle.DashLine)
        self.line.setPen(pen)
        self.line.setZValue(40)
        scene.addItem(self.line)

    def move(self, position: QPointF) -> None:
        super().move(position)
        self.line.setLine(QLineF(self.start, position))
        target = self.scene.card_at(position, excluding=self.source.touchpoint_id)
        if target is not None:
            assert target.card is not None  # the scene lays a card out as it adds it (MapScene._sync)
            rect = target.card.rect
            self.scene.indicator.show_at(rect, None)
        else:
            self.scene.indicator.hide()

    def finish(self, position: QPointF) -> ModelCommand | None:
        self.scene.removeItem(self.line)
        target = self.scene.card_at(position, excluding=self.source.touchpoint_id)
        if target is None:
            return None
        document = self.scene.document
        source_id, target_id = self.source.touchpoint_id, target.touchpoint_id
        connection = Connection(id=document.new_id("c"), source=source_id, target=target_id)
        text = (
            f"Connect {quoted(document.touchpoint(source_id).title)} to {quoted(document.touchpoint(target_id).title)}"
        )
        return AddConnection(document, connection, text)


# -- keyboard ---------------------------------------------------------------------------------

_NUDGES: dict[int, tuple[int, int]] = {
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
}


def nudge(scene: MapScene, key: int) -> bool:
    """Move the selected cards one slot up or down, or one stage left or right: merged into one
    undo step while the same cards keep being nudged. Returns whether the key was a nudge."""
    if key not in _NUDGES or not (cards := scene.selected_card_ids()):
        return False
    stage_step, slot_step = _NUDGES[key]
    document = scene.document
    stages = list(document.stages)
    moves = []
    for card in cards:
        place = placement_of(document, card)
        column, index = stages.index(place.stage) + stage_step, place.slot + slot_step
        if not 0 <= column < len(stages) or not 0 <= index < len(document.cell(place.stage, place.lane)):
            return True  # the selection stands at an edge: it moves as one block or not at all
        moves.append(Placement(card, stages[column], place.lane, index))
    if slot_step > 0:
        moves.reverse()  # the lowest card first, so that the others keep their order behind it
    text = describe_move(scene, cards, (moves[-1].stage, moves[-1].lane))
    scene.push(MoveTouchpoints(scene.document, moves, text, nudge=True))
    return True
