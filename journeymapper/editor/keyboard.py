"""Building a map without the mouse.

With the canvas focused: Enter adds a card right after the selected one, in the same cell, and
opens its title for typing (Enter keeps the title, Escape takes the new card back); Tab and
Shift+Tab select the next and the previous card in reading order (stage by stage, lane by lane,
top to bottom), and bring it into view; F2 renames the selected card or header. Ctrl+Tab and
Ctrl+Shift+Tab leave the canvas for the next or previous widget, since Tab stays on the cards.

A new card and the title typed into it are one undo step (``AddNewCard`` and ``NameNewCard``).
Escape on a card that has just been added takes the step back off the undo stack altogether, as
Figma and Miro drop a new, empty object: nothing is left to redo.

The functions that make commands read only a document, as ``drags`` does, so that the undo tests
can drive them without a canvas.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QKeyEvent, QUndoStack

from journeymapper.editor.card_item import CardItem
from journeymapper.editor.commands import END_OF_CELL, AddNewCard, NameNewCard
from journeymapper.editor.inline_editor import InlineEditor
from journeymapper.editor.items import HeaderItem
from journeymapper.model import JourneyDocument, Touchpoint

if TYPE_CHECKING:
    from journeymapper.editor.scene import MapScene

NEW_TITLE = "New touchpoint"
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_TABS = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)


def handle_key(scene: MapScene, event: QKeyEvent) -> bool:
    """Act on a building key pressed on the canvas (no inline editor open); False for other keys,
    and for Enter with no card selected."""
    key, modifiers = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if key in _TABS and not modifiers & Qt.KeyboardModifier.AltModifier:
        forward = key == Qt.Key.Key_Tab and not modifiers & Qt.KeyboardModifier.ShiftModifier
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            return leave_canvas(scene, forward)
        return step(scene, forward)
    if key in _ENTER and modifiers == Qt.KeyboardModifier.NoModifier:
        if not (selected := scene.selected_card_ids()):
            return False
        add_card(scene, new_card_after(scene.document, selected[-1]), selected[-1])
        return True
    if key == Qt.Key.Key_F2 and modifiers == Qt.KeyboardModifier.NoModifier:
        named = [item for item in scene.selectedItems() if isinstance(item, (CardItem, HeaderItem))]
        if len(named) == 1:
            scene.rename(named[0])
            return True
    return False


# -- adding cards -----------------------------------------------------------------------------


def new_card_after(document: JourneyDocument, card_id: str) -> AddNewCard:
    """A new card right after ``card_id`` in its cell, on the same channel: the next step of a
    sequence is most often of the same kind."""
    before = document.touchpoint(card_id)
    return _new_card(document, (before.stage, before.lane), before.index + 1, before.channel)


def new_card_at_end(document: JourneyDocument, cell: tuple[str, str], channel: str = "") -> AddNewCard:
    """A new card at the end of ``cell`` (the canvas's "+")."""
    return _new_card(document, cell, END_OF_CELL, channel)


def _new_card(document: JourneyDocument, cell: tuple[str, str], index: int, channel: str) -> AddNewCard:
    stage, lane = cell
    index = min(index, len(document.cell(stage, lane)))
    card = Touchpoint(id=document.new_id("tp"), stage=stage, lane=lane, index=index, title=NEW_TITLE, channel=channel)
    return AddNewCard(document, card, f"{document.stages[stage].name} / {document.lanes[lane].name}")


def add_card(scene: MapScene, command: AddNewCard, anchor: str | None = None) -> InlineEditor | None:
    """Push ``command``, select its card, bring it into view and open its title for typing; Escape
    withdraws the card and selects ``anchor`` again. None if the model refused the card."""
    if not scene.push(command):
        return None
    scene.flush()
    card_id = command.touchpoint_ids[0]
    scene.select_cards([card_id])
    show(scene, card_id)
    return scene.rename(scene.cards[card_id], NameNewCard, lambda: withdraw(scene, command, anchor))


def withdraw(scene: MapScene, command: AddNewCard, anchor: str | None) -> None:
    """Escape in the title of a card just added: the card goes, and ``anchor`` is selected again."""
    if take_back(scene.session.undo_stack, command):
        scene.flush()
        if anchor is not None and anchor in scene.cards:
            scene.select_cards([anchor])


def take_back(stack: QUndoStack, command: AddNewCard) -> bool:
    """Take a card just added off the map and off the undo stack, leaving nothing to redo; only
    while its step is the last one and unsaved. Whether it did."""
    if stack.index() == 0 or stack.command(stack.index() - 1) is not command or stack.isClean():
        return False  # edited since, or saved with it: the card is work now, and stays
    command.revert()
    command.setObsolete(True)  # QUndoStack.undo() then drops the step without undoing it again
    stack.undo()
    return True


# -- moving between cards ---------------------------------------------------------------------


def step(scene: MapScene, forward: bool) -> bool:
    """Select the next (or previous) card in reading order, going round at the ends; with none
    selected, the first (or last). False on a map without cards: Tab then moves the focus on."""
    order = [card.id for card in scene.document.touchpoints()]
    if not order:
        return False
    selected = scene.selected_card_ids()
    if not selected:
        target = order[0 if forward else -1]
    else:
        here = order.index(selected[-1] if forward else selected[0])
        target = order[(here + (1 if forward else -1)) % len(order)]
    scene.select_cards([target])
    show(scene, target)
    return True


def show(scene: MapScene, card_id: str) -> None:
    """Centre the card in each view that does not show it whole, clear of the stage and lane
    headers; a card already in view stays where it is, so that stepping along a row does not
    shake the canvas."""
    scene.flush()
    card = scene.cards[card_id].sceneBoundingRect()
    style = scene.style
    for view in scene.views():
        seen = view.mapToScene(view.viewport().rect()).boundingRect()
        clear = QRectF(seen).adjusted(style.lane_header_width, style.stage_header_height, -8, -8)
        if not clear.contains(card):
            view.centerOn(card.center())


def leave_canvas(scene: MapScene, forward: bool) -> bool:
    """Move the keyboard focus from the canvas to the next (or previous) widget."""
    view = next((view for view in scene.views() if view.hasFocus()), None)
    return view is not None and view.focusNextPrevChild(forward)
