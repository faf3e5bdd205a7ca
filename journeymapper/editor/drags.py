"""Mouse gestures on the canvas, each ending in at most one undo command.

- dragging cards to another cell or slot (``CardDrag``),
- dragging a stage or lane header along its axis to reorder (``HeaderDrag``),
- dragging from a card's handle, or from anywhere on a card with Shift held, to anywhere on
  another card to connect them (``ConnectionDrag``),
- nudging the selected cards with the arrow keys (``nudge``).

A gesture owns the mouse from press to release: Qt's own handling (selection, moving items)
never sees its events, and card items are not movable, so nothing but a drag moves them. What is
under the pointer comes from the layout and the document (``card_under``), not from the items.
When a drag ends, however it ends, the items it moved go back where the layout puts them
(``Drag.restore``) before its command, if any, reaches the model: the canvas then shows what the
document holds.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections.abc import Collection
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsLineItem, QGraphicsSceneMouseEvent

from journeymapper.editor.card_item import CardItem
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
from journeymapper.editor.items import (
    CARD_Z,
    CONNECT_MODIFIER,
    DRAGGED_Z,
    HANDLE_REACH,
    HEADER_Z,
    HeaderItem,
    on_handle,
    qrect,
)
from journeymapper.errors import JourneyMapError
from journeymapper.layout import Point
from journeymapper.model import Connection

if TYPE_CHECKING:
    from journeymapper.editor.scene import MapScene

Cell = tuple[str, str]
_CLICK_DISTANCE = 4.0


class Drag:
    """A gesture between press and release. ``scrolls``: along which axes (x, y) the view scrolls
    while the pointer is near its edge."""

    scrolls = (True, True)

    def __init__(self, scene: MapScene, start: QPointF):
        self.scene, self.start = scene, start
        self.moved = False

    def move(self, position: QPointF) -> None:
        if (position - self.start).manhattanLength() >= _CLICK_DISTANCE:
            self.moved = True

    def finish(self, position: QPointF) -> ModelCommand | None:
        """The command of a release at ``position``, or None. May raise ``JourneyMapError`` with a
        reason to show for a gesture the map cannot take."""
        raise NotImplementedError

    def restore(self) -> None:
        """Put back what the drag moved or added to the scene; the scene calls it once, at the end."""


def start(scene: MapScene, event: QGraphicsSceneMouseEvent) -> Drag | None:
    """The gesture a left press starts, or None to leave the press to Qt (a rubber band on empty
    canvas, selecting a connector, an inline editor over the map)."""
    position = event.scenePos()
    top = _pressed_item(scene, position)
    if _over_the_cards(top) and not isinstance(top, HeaderItem):
        return None  # an inline editor, or a pinned headers' band, takes the press
    if (focused := scene.focusItem()) is not None:  # as a press anywhere else would: an inline editor commits
        focused.clearFocus()
        scene.flush()
    if isinstance(top, HeaderItem):
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            scene.clearSelection()
        top.setSelected(True)
        return HeaderDrag(scene, position, top)
    card = card_under(scene, position)
    if card is None:
        return None
    if event.modifiers() & CONNECT_MODIFIER or on_handle(qrect(scene.layout.cards[card].rect), position):
        return ConnectionDrag(scene, position, card)
    return CardDrag(scene, position, card, event.modifiers())


def pressed_card(scene: MapScene, position: QPointF) -> str | None:
    """The card a press at ``position`` is on, unless a header or an editor over it takes the press."""
    return None if _over_the_cards(_pressed_item(scene, position)) else card_under(scene, position)


def _pressed_item(scene: MapScene, position: QPointF) -> QGraphicsItem | None:
    """The topmost item at ``position`` that takes presses."""
    left = Qt.MouseButton.LeftButton
    return next((item for item in scene.items(position) if item.acceptedMouseButtons() & left), None)


def _over_the_cards(item: QGraphicsItem | None) -> bool:
    return item is not None and item.topLevelItem().zValue() > CARD_Z


def card_under(scene: MapScene, position: QPointF, excluding: str | None = None) -> str | None:
    """The card under ``position``, on its rectangle or its connection handle, found in the layout
    and the document: it needs no card item."""
    layout, point = scene.layout, Point(position.x(), position.y())
    lane = layout.lane_at_y(point.y)
    if lane is None:
        return None
    # A handle reaches a little past its card's right edge, and may reach past its column.
    for stage in dict.fromkeys((layout.stage_at_x(point.x), layout.stage_at_x(point.x - HANDLE_REACH))):
        for card_id in scene.document.cell(stage, lane) if stage is not None else ():
            card = layout.cards.get(card_id)
            if card_id != excluding and card is not None:
                rect = qrect(card.rect)
                if rect.contains(position) or on_handle(rect, position):
                    return card_id
    return None


def select_only(scene: MapScene, card: str) -> None:
    """What a click on a card does: it becomes the whole selection (no signal if it is already)."""
    item = scene.cards.get(card)
    if item is not None and scene.selectedItems() != [item]:
        scene.select_cards([card])


# -- cards ------------------------------------------------------------------------------------


def slot_at(scene: MapScene, position: QPointF, moving: Collection[str]) -> tuple[Cell, int] | None:
    """The cell under ``position`` and the slot among its cards that are not ``moving``; none under
    a pinned header, which hides the cell there."""
    if scene.uncovered is not None and not scene.uncovered.contains(position):
        return None
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


def changes_anything(scene: MapScene, cards: list[str], cell: Cell, index: int) -> bool:
    """Whether the moves of ``card_moves`` would change the map: not when the cards are all in
    ``cell`` already, in that order, at that slot."""
    current = scene.document.cell(*cell)
    staying = [card for card in current if card not in cards]
    return (*staying[:index], *cards, *staying[index:]) != current


class CardDrag(Drag):
    """Drag the selected cards to another cell or slot: their items follow the mouse, drawn
    above everything else, and the cell and slot where they would land light up. The release
    makes one command, or none where they would land where they are.

    A press selects the card unless it is selected already (or Ctrl is held), so that a
    selection is dragged as a whole; a click without a drag selects the card alone, or with Ctrl
    toggles it, as Qt's own handling would."""

    def __init__(self, scene: MapScene, start: QPointF, card: str, modifiers: Qt.KeyboardModifier):
        super().__init__(scene, start)
        self.card = card
        self.toggles = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        self.cards: list[str] = []
        self.items: list[CardItem] = []
        item = scene.cards.get(card)
        if item is not None and not item.isSelected() and not self.toggles:
            scene.select_cards([card])

    def move(self, position: QPointF) -> None:
        super().move(position)
        if not self.moved:
            return
        if not self.cards:
            self._lift()
        offset = position - self.start
        for item in self.items:
            item.setPos(item.home + offset)
        show_slot(self.scene, position, self.cards)

    def _lift(self) -> None:
        """The selection (with the pressed card, even one Ctrl left out) leaves its place."""
        scene = self.scene
        if (pressed := scene.cards.get(self.card)) is not None:
            pressed.setSelected(True)
        self.cards = scene.selected_card_ids()
        self.items = [scene.cards[card] for card in self.cards if card in scene.cards]
        for item in self.items:
            item.setZValue(DRAGGED_Z)

    def restore(self) -> None:
        for item in self.items:
            item.setZValue(CARD_Z)
            item.setPos(item.home)

    def finish(self, position: QPointF) -> ModelCommand | None:
        scene = self.scene
        if not self.moved:
            if not self.toggles:
                select_only(scene, self.card)
            elif (item := scene.cards.get(self.card)) is not None:
                item.setSelected(not item.isSelected())
            return None
        cards = [card for card in self.cards if scene.document.has_touchpoint(card)]  # an undo may have taken one
        target = slot_at(scene, position, cards)
        if not cards or target is None or not changes_anything(scene, cards, *target):
            return None
        cell, index = target
        return MoveTouchpoints(scene.document, card_moves(scene, cards, cell, index), describe_move(scene, cards, cell))


# -- headers ----------------------------------------------------------------------------------


def insertion_position(edges: tuple[float, ...], value: float) -> int:
    """How many columns (or rows) have their middle before ``value``."""
    middles = [(left + right) / 2 for left, right in itertools.pairwise(edges)]
    return bisect_left(middles, value)


class HeaderDrag(Drag):
    """Slide a stage header sideways or a lane header up and down; release to reorder."""

    def __init__(self, scene: MapScene, start: QPointF, header: HeaderItem):
        super().__init__(scene, start)
        self.header = header
        self.header.setZValue(DRAGGED_Z)
        self.scrolls = (True, False) if header.kind == "stage" else (False, True)

    def move(self, position: QPointF) -> None:
        super().move(position)
        delta = position - self.start
        self.header.setPos(delta.x(), 0) if self.header.kind == "stage" else self.header.setPos(0, delta.y())

    def restore(self) -> None:
        self.header.setZValue(HEADER_Z)
        self.header.setPos(0, 0)

    def finish(self, position: QPointF) -> ModelCommand | None:
        kind, item_id = self.header.kind, self.header.item_id
        ordered = getattr(self.scene.document, f"{kind}s")
        if not self.moved or item_id not in ordered:  # an undo may have taken it meanwhile
            return None
        layout = self.scene.layout
        edges, value = (layout.stage_edges, position.x()) if kind == "stage" else (layout.lane_edges, position.y())
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
    """From a card's handle, or from anywhere on it with Shift held, a rubber line follows the
    mouse; released anywhere on another card, it connects the two. A click selects the card."""

    def __init__(self, scene: MapScene, start: QPointF, source: str):
        super().__init__(scene, start)
        self.source = source
        self.line = QGraphicsLineItem(QLineF(start, start))
        pen = QPen(scene.theme.selection, 1.5, Qt.PenStyle.DashLine)
        self.line.setPen(pen)
        self.line.setZValue(DRAGGED_Z + 10)
        scene.addItem(self.line)

    def move(self, position: QPointF) -> None:
        super().move(position)
        self.line.setLine(QLineF(self.start, position))
        target = card_under(self.scene, position, excluding=self.source)
        if target is not None:
            self.scene.indicator.show_at(self.scene.layout.cards[target].rect, None)
        else:
            self.scene.indicator.hide()

    def restore(self) -> None:
        if self.line.scene() is not None:
            self.scene.removeItem(self.line)

    def finish(self, position: QPointF) -> ModelCommand | None:
        document = self.scene.document
        if not self.moved:
            select_only(self.scene, self.source)
            return None
        target = card_under(self.scene, position, excluding=self.source)
        if target is None or not document.has_touchpoint(self.source):
            return None
        source_title, target_title = (quoted(document.touchpoint(card).title) for card in (self.source, target))
        if document.graph.has_edge(self.source, target):  # the model would refuse it, naming ids
            raise JourneyMapError(f"{source_title} is already connected to {target_title}")
        connection = Connection(id=document.new_id("c"), source=self.source, target=target)
        return AddConnection(document, connection, f"Connect {source_title} to {target_title}")


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
