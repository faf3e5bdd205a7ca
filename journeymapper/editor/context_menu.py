"""Right-click menus on the canvas: add, insert, rename and delete cards, stages and lanes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QMenu

from journeymapper.counting import counted
from journeymapper.editor import clipboard, drags
from journeymapper.editor.card_item import CardItem
from journeymapper.editor.commands import RemoveColumnOrRow, quoted
from journeymapper.editor.connector_item import ConnectorItem
from journeymapper.editor.items import HeaderItem
from journeymapper.editor.mime import NewTouchpoint

if TYPE_CHECKING:
    from journeymapper.editor.scene import MapScene


def build_menu(scene: MapScene, position: QPointF) -> QMenu | None:
    """The menu for what lies under ``position``, or None where there is nothing to offer."""
    for item in scene.items(position):
        if isinstance(item, CardItem):
            if not item.isSelected():
                scene.select_cards([item.touchpoint_id])
            return _card_menu(scene, item)
        if isinstance(item, ConnectorItem):
            scene.clearSelection()
            item.setSelected(True)
            menu = QMenu()
            menu.addAction("Delete connection", scene.delete_selection)
            return menu
        if isinstance(item, HeaderItem):
            return _header_menu(scene, item)
    target = drags.slot_at(scene, position, ())
    if target is None:
        return None
    menu = QMenu()
    cell, index = target
    menu.addAction("Add touchpoint here", lambda: scene.add_card(cell, index, NewTouchpoint()))
    return menu


def _card_menu(scene: MapScene, card: CardItem) -> QMenu:
    menu = QMenu()
    menu.addAction("Rename", lambda: scene.rename(card))
    menu.addAction("Duplicate", lambda: clipboard.duplicate(scene))
    menu.addAction("Copy", lambda: clipboard.copy(scene))
    menu.addSeparator()
    count = len(scene.selected_card_ids())
    menu.addAction("Delete card" if count == 1 else f"Delete {count} cards", scene.delete_selection)
    return menu


def _header_menu(scene: MapScene, header: HeaderItem) -> QMenu:
    kind, item_id = header.kind, header.item_id
    ordered = getattr(scene.document, f"{kind}s")
    position = ordered.position(item_id)
    add = scene.add_stage if kind == "stage" else scene.add_lane
    before, after = ("left", "right") if kind == "stage" else ("above", "below")
    menu = QMenu()
    menu.addAction("Rename", lambda: scene.rename(header))
    menu.addAction(f"Insert {kind} {before}", lambda: add(position))
    menu.addAction(f"Insert {kind} {after}", lambda: add(position + 1))
    menu.addSeparator()
    cards = sum(1 for card in scene.document.touchpoints() if getattr(card, kind) == item_id)
    label = f"Delete {kind}" + (f" and its {counted(cards, 'card')}" if cards else "")
    text = f"Delete {kind} {quoted(ordered[item_id].name)}"
    menu.addAction(label, lambda: scene.push(RemoveColumnOrRow(scene.document, kind, item_id, text)))
    return menu
