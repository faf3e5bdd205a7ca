"""Following links between maps in one window, and coming back.

Activating a link badge opens the linked map in the window, the way File → Open would (unsaved
changes are offered for saving first); the map that was open goes on a back list, and Back
(Alt+Left, or the toolbar button) reopens it. Only a link that checks out right now is followed:
it is checked again at the moment of the click, and a broken one is reported in the status bar
and goes nowhere. Following a link reads a map file and nothing else; it never runs anything.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QCursor, QKeySequence
from PySide6.QtWidgets import QMenu

from journeymapper.editor.linking import FoundLink, LinkBadge

if TYPE_CHECKING:
    from journeymapper.editor.main_window import MainWindow
    from journeymapper.editor.scene import MapScene

BACK_LIMIT = 50


class LinkNavigator(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.history: list[Path] = []
        self.back_action = QAction("Back", window)
        self.back_action.setObjectName("backAction")
        self.back_action.setShortcuts(
            [
                QKeySequence("Alt+Left"),
                *(
                    key
                    for key in QKeySequence.keyBindings(QKeySequence.StandardKey.Back)
                    if key != QKeySequence("Alt+Left")
                ),
            ]
        )
        self.back_action.triggered.connect(self.back)
        self._update()

    # -- following ----------------------------------------------------------------------------

    def activate(self, badge: LinkBadge) -> None:
        """A badge was clicked: one link is followed; several are offered in a menu first."""
        if len(badge.links) == 1:
            self.follow(badge.links[0])
            return
        chosen = self.links_menu(badge).exec(QCursor.pos())
        if chosen is not None and chosen.data() is not None:
            self.follow(badge.links[chosen.data()])

    def links_menu(self, badge: LinkBadge) -> QMenu:
        menu = QMenu(self.window)
        for number, found in enumerate(badge.links):
            first, _, second = found.describe().partition("\n")
            action = menu.addAction(first)
            action.setData(number)
            action.setToolTip(second)
            action.setEnabled(found.ok)
        menu.setToolTipsVisible(True)
        return menu

    def follow(self, found: FoundLink) -> bool:
        """Open the map a link points to, if the link is good now; returns whether it was opened."""
        window, scene = self.window, self.window.scene
        if scene is None or window.session is None:
            return False
        current = window.session.path
        fresh = scene.link_checker.recheck(current, found.link)
        if not fresh.ok:
            window.statusBar().showMessage(
                f"Not followed: broken link ({fresh.check.status}): {fresh.check.detail}", 10000
            )
            return False
        target = fresh.check.target
        if current is not None and target == Path(os.path.realpath(current)):
            window.statusBar().showMessage(f"{target.name} is the map already open", 5000)
            return False
        if not window.open_file(target):
            return False
        if current is not None:
            self.history = [*self.history, current][-BACK_LIMIT:]
        self._update()
        return True

    # -- coming back --------------------------------------------------------------------------

    def back(self) -> bool:
        """Reopen the map that was open before the last link was followed."""
        if not self.history:
            return False
        previous = self.history[-1]
        if not self.window.open_file(previous):
            if not previous.exists():  # gone for good: do not offer it again
                self.history.pop()
                self._update()
            return False
        self.history.pop()
        self._update()
        return True

    def _update(self) -> None:
        self.back_action.setEnabled(bool(self.history))
        where = f" to {self.history[-1].name}" if self.history else ""
        self.back_action.setToolTip(f"Back{where} (Alt+Left)")
        self.back_action.setStatusTip(f"Reopen the map you followed a link from{where}")


def connect_scene(navigator: LinkNavigator, scene: MapScene | None) -> None:
    """Follow the badges of a newly shown scene: on the next turn of the event loop, as the click
    came from inside the scene that opening another map replaces."""
    if scene is not None:
        scene.link_activated.connect(navigator.activate, Qt.ConnectionType.QueuedConnection)
