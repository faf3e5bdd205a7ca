"""Find: highlight the cards whose text matches, and step through them with Enter."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit

from journeymapper.counting import counted
from journeymapper.model import Touchpoint

if TYPE_CHECKING:
    from journeymapper.editor.main_window import MainWindow
    from journeymapper.editor.scene import MapScene


def matches(card: Touchpoint, query: str) -> bool:
    needle = query.casefold()
    haystack = (card.title, card.description, card.channel, *card.tags, *card.pain_points, *card.opportunities)
    return any(needle in text.casefold() for text in haystack)


class Finder:
    """The search field in the toolbar. Matching cards are highlighted (not selected); Enter
    selects the next match and scrolls to it, Shift+Enter the previous, Escape clears."""

    def __init__(self, window: MainWindow):
        self.window = window
        self.scene: MapScene | None = None
        self.found: list[str] = []
        self.current = -1
        self.field = QLineEdit()
        self.field.setObjectName("findField")
        self.field.setPlaceholderText("Find cards (Ctrl+F)")
        self.field.setClearButtonEnabled(True)
        self.field.setMaximumWidth(260)
        self.field.textChanged.connect(self.search)
        self.field.returnPressed.connect(self.next)
        # The field's own keys, not the window's: Escape elsewhere cancels a drag or an inline edit.
        for keys, slot in (("Shift+Return", self.previous), ("Escape", self.field.clear)):
            QShortcut(QKeySequence(keys), self.field, slot, context=Qt.ShortcutContext.WidgetShortcut)

    def set_scene(self, scene: MapScene | None) -> None:
        self.scene = scene
        self.field.setEnabled(scene is not None)
        self.field.clear()

    def start(self) -> None:
        self.field.setFocus()
        self.field.selectAll()

    def search(self, query: str) -> None:
        if self.scene is None:
            return
        query = query.strip()
        self.found = [card.id for card in self.scene.document.touchpoints() if query and matches(card, query)]
        self.current = -1
        self.scene.set_highlighted(self.found)  # the scene marks the cards' items, now and when made
        if query:
            self.window.statusBar().showMessage(f"{counted(len(self.found), 'card')} match “{query}”")

    def next(self) -> None:
        self._step(1)

    def previous(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        if not self.found or self.scene is None:
            return
        self.current = (self.current + direction) % len(self.found)
        card_id = self.found[self.current]
        self.scene.select_cards([card_id])
        self.window.view.centerOn(self.scene.cards[card_id])
