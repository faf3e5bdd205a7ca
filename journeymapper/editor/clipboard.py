"""Copy, cut, paste and duplicate of cards, with the connections among them.

The clipboard holds the cards as validated JSON in a vendor MIME type, plus their titles as plain
text for other applications. Pasted cards get new ids; cards whose stage or lane this map lacks
land in the first cell.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication

from journeymapper.editor.commands import END_OF_CELL, AddTouchpoints, RemoveItems
from journeymapper.editor.mime import ClipboardCards, cards_mime, clipboard_cards
from journeymapper.model import JourneyDocument

if TYPE_CHECKING:
    from journeymapper.editor.scene import MapScene



def selected_cards(scene: MapScene) -> ClipboardCards | None:
    ids = scene.selected_card_ids()
    if not ids:
        return None
    chosen = set(ids)
    document = scene.document
    connections = [c for c in document.connections() if c.source in chosen and c.target in chosen]
    return ClipboardCards(touchpoints=tuple(document.touchpoint(i) for i in ids), connections=tuple(connections))


def copy(scene: MapScene) -> bool:
    cards = selected_cards(scene)
    if cards is None:
        return False
    text = "\n".join(card.title for card in cards.touchpoints)
    QGuiApplication.clipboard().setMimeData(cards_mime(cards, text))
    return True


def cut(scene: MapScene) -> None:
    if copy(scene):
        ids = scene.selected_card_ids()
        scene.push(RemoveItems(scene.document, ids, (), f"Cut {len(ids)} card{'s' if len(ids) > 1 else ''}"))


def paste(scene: MapScene) -> None:
    cards = clipboard_cards(QGuiApplication.clipboard().mimeData())
    if cards is not None:
        _add_copies(scene, cards, "Paste")


def duplicate(scene: MapScene) -> None:
    cards = selected_cards(scene)
    if cards is not None:
        _add_copies(scene, cards, "Duplicate")


def _add_copies(scene: MapScene, cards: ClipboardCards, verb: str) -> None:
    command, new_ids = copies_command(scene.document, cards, verb)
    if scene.push(command):
        scene.flush()
        scene.select_cards(new_ids)


def copies_command(document: JourneyDocument, cards: ClipboardCards, verb: str) -> tuple[AddTouchpoints, list[str]]:
    """New cards (fresh ids, at the end of their cells) and the connections among them."""
    first_cell = (next(iter(document.stages)), next(iter(document.lanes)))
    renamed = {card.id: document.new_id("tp") for card in cards.touchpoints}
    copies = []
    for card in cards.touchpoints:
        known_cell = card.stage in document.stages and card.lane in document.lanes
        stage, lane = (card.stage, card.lane) if known_cell else first_cell
        personas = tuple(p for p in card.personas if p in document.personas)
        copies.append(card.model_copy(update={"id": renamed[card.id], "stage": stage, "lane": lane,
                                              "index": END_OF_CELL, "personas": personas}))
    connections = [
        c.model_copy(update={"id": document.new_id("c"), "source": renamed[c.source], "target": renamed[c.target]})
        for c in cards.connections
        if c.source in renamed and c.target in renamed
    ]
    count = len(copies)
    text = f"{verb} {count} card{'s' if count > 1 else ''}"
    return AddTouchpoints(document, copies, text, connections), list(renamed.values())
