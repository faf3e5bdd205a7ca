"""Strips of icons along the window's left and right edges, one per dock, so that a dock can be
collapsed to its icon and brought back with one click: the canvas gets the width whenever the
Palette or the Inspector is not wanted, as in design tools' side bars.

A click on a dock's icon shows the dock when it is closed, brings it to the front when another
dock shares its place in tabs, and collapses it, with the docks in its tabs, when it is already in
front. The icon looks pressed while its dock is open.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow

from journeymapper.editor.window_chrome import IconToolBar
from journeymapper.glyphs import Glyph

Docks = Sequence[tuple[QDockWidget, Glyph]]


def add_dock_strips(window: QMainWindow, left: Docks, right: Docks) -> tuple[IconToolBar, IconToolBar]:
    """An icon strip for the ``left`` docks and one for the ``right`` docks, at those edges."""
    strips = []
    for name, area, docks in (
        ("leftDocks", Qt.ToolBarArea.LeftToolBarArea, left),
        ("rightDocks", Qt.ToolBarArea.RightToolBarArea, right),
    ):
        strip = IconToolBar("Docks", window)
        strip.setObjectName(name)  # the window's saved state names its toolbars
        strip.setOrientation(Qt.Orientation.Vertical)
        strip.add_actions([(_dock_action(window, dock), glyph) for dock, glyph in docks])
        window.addToolBar(area, strip)
        strips.append(strip)
    return strips[0], strips[1]


def _dock_action(window: QMainWindow, dock: QDockWidget) -> QAction:
    action = QAction(dock.windowTitle(), window)
    action.setCheckable(True)
    action.setChecked(dock.isVisible())
    action.setToolTip(f"{dock.windowTitle()}: show or collapse")
    action.triggered.connect(lambda: toggle(window, dock))
    # Checked while the dock is open, tabbed behind another or not.
    dock.visibilityChanged.connect(lambda _visible: action.setChecked(not dock.isHidden()))
    return action


def toggle(window: QMainWindow, dock: QDockWidget) -> None:
    """Show a closed dock, raise one tabbed behind another, and collapse one in front with the
    docks tabbed with it: hiding it alone would only bring the next tab forward."""
    if dock.isHidden():
        dock.show()
        dock.raise_()
    elif dock.visibleRegion().isEmpty():
        dock.raise_()
    else:
        for each in (dock, *window.tabifiedDockWidgets(dock)):
            each.hide()


class DocksAway:
    """Puts the docks away while no map is open (the start page then has the window's width, even
    in half a laptop's screen) and brings back the ones that were open when a map opens."""

    def __init__(self, window: QMainWindow, docks: Sequence[QDockWidget]):
        self._window = window
        self._docks = docks
        self._away: list[QDockWidget] | None = None

    def put_away(self) -> None:
        """Hide the open docks; they, or the ones put away before if none is open, come back."""
        shown = [dock for dock in self._docks if not dock.isHidden()]
        if shown or self._away is None:
            self._away = shown
        for dock in shown:
            dock.hide()

    def bring_back(self) -> None:
        """Show the docks put away, the first of each tab group in front: only it comes on screen,
        so a dock that builds its body when first shown (``DeferredDock``) waits behind it."""
        away, self._away = self._away or [], None
        for dock in away:
            dock.show()
        in_front: list[QDockWidget] = []
        for dock in away:
            if not any(other in in_front for other in self._window.tabifiedDockWidgets(dock)):
                dock.raise_()
                in_front.append(dock)
