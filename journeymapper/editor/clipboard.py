"""Copy, cut, paste and duplicate of cards, with the connections among them.

The clipboard holds the cards as validated JSON in a vendor MIME type, plus their titles as plain
text for other applications. Pasted cards get new ids; cards whose stage or lane this map lacks
land in the first cell.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication

from journeymapper.counting import counted
from journeymapper.editor.commands import END_OF_CELL, AddTouchpoints, RemoveItems
from journeymapper.editor.mime import ClipboardCards, cards_mime, clipboard_cards
from journeymapper.errors import JourneyMapError
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
        scene.push(RemoveItems(scene.document, ids, (), f"Cut {counted(len(ids), 'card')}"))


def paste(scene: MapScene) -> None:
    cards = clipboard_cards(QGuiApplication.clipboard().mimeData())
    if cards is not None:
        _add_copies(scene, cards, "Paste")


def duplicate(scene: MapScene) -> None:
    cards = selected_cards(scene)
    if cards is not None:
        _add_copies(scene, cards, "Duplicate")


def _add_copies(scene: MapScene, cards: ClipboardCards, verb: str) -> None:
    try:
        command, new_ids = copies_command(scene.document, cards, verb)
    except JourneyMapError as error:
        scene.refused.emit(str(error))
        return
    if scene.push(command):
        scene.flush()
        scene.select_cards(new_ids)


def copies_command(document: JourneyDocument, cards: ClipboardCards, verb: str) -> tuple[AddTouchpoints, list[str]]:
    """New cards (fresh ids, at the end of their cells, or of the first cell for cards from a cell
    this map lacks) and the connections among them; raises ``JourneyMapError`` if a card has no
    cell to go to."""
    renamed = {card.id: document.new_id("tp") for card in cards.touchpoints}
    copies = []
    for card in cards.touchpoints:
        known_cell = card.stage in document.stages and card.lane in document.lanes
        stage, lane = (card.stage, card.lane) if known_cell else _first_cell(document, verb)
        personas = tuple(p for p in card.personas if p in document.personas)
        copies.append(
            card.model_copy(
                update={
                    "id": renamed[card.id],
                    "stage": stage,
                    "lane": lane,
                    "index": END_OF_CELL,
                    "personas": personas,
                }
            )
        )
    connections = [
        c.model_copy(update={"id": document.new_id("c"), "source": renamed[c.source], "target": renamed[c.target]})
        for c in cards.connections
        if c.source in renamed and c.target in renamed
    ]
    count = len(copies)
    text = f"{verb} {counted(count, 'card')}"
    return AddTouchpoints(document, copies, text, connections), list(renamed.values())


def _first_cell(document: JourneyDocument, verb: str) -> tuple[str, str]:
    if not document.stages or not document.lanes:
        raise JourneyMapError(f"{verb}: the map needs a stage and a lane for the cards to go in; add them first")
    return next(iter(document.stages)), next(iter(document.lanes))
