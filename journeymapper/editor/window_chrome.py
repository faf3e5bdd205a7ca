"""The window's calm parts: a toolbar of icons that keeps its width, the zoom in the status bar,
the History list that shows whole command texts, and the keys for redo.

The toolbar's buttons show icons only; their text and shortcuts go in tooltips, which follow the
actions' texts ("Undo Move 'Kickoff call' to Onboarding (Ctrl+Z)"), so that an edit never changes
the toolbar's width. The icons are drawn (``editor.glyphs``) in the palette's text colour, again
when the system switches light or dark.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QAction, QGuiApplication, QHelpEvent, QKeySequence, QPalette
from PySide6.QtWidgets import QGraphicsView, QMenu, QToolBar, QToolButton, QToolTip, QUndoView, QWidget

from journeymapper.editor.glyphs import glyph_icon
from journeymapper.editor.theme import theme_switch
from journeymapper.glyphs import Glyph

TOOLBAR_ICON_SIZE = QSize(20, 20)


def redo_keys() -> list[QKeySequence]:
    """The platform's redo keys, and Ctrl+Shift+Z and Ctrl+Y on every platform: Qt's X11 binding
    is Ctrl+Shift+Z alone, and people coming from Windows or Office press Ctrl+Y."""
    keys = list(QKeySequence.keyBindings(QKeySequence.StandardKey.Redo))
    for extra in ("Ctrl+Shift+Z", "Ctrl+Y"):
        if QKeySequence(extra) not in keys:
            keys.append(QKeySequence(extra))
    return keys


def _plain(text: str) -> str:
    """An action's text as Qt makes a tooltip of it: without its mnemonic and ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").removesuffix("…").removesuffix("...")


def tooltip(action: QAction) -> str:
    """An action's text without its mnemonic and ellipsis, and its shortcuts: "Save (Ctrl+S)"."""
    text = _plain(action.text())
    shortcuts = [key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts()]
    # The keys a person types with Ctrl (Cmd on a Mac), not the platform's extra ones (Alt+Backspace,
    # a keyboard's own Undo key); at most two: "Redo (Ctrl+Shift+Z or Ctrl+Y)".
    typed = [key for key in shortcuts if key.startswith(("Ctrl+", "Meta+", "⌘", "Ctrl+Shift"))][:2] or shortcuts[:1]
    keys = " or ".join(typed)
    return f"{text} ({keys})" if keys else text


def _keep_tooltip(action: QAction) -> None:
    wanted = tooltip(action)
    if action.toolTip() != wanted:  # setToolTip emits changed again, which then finds it in step
        action.setToolTip(wanted)


class IconToolBar(QToolBar):
    """Icon-only buttons with their text and shortcuts in tooltips: the bar keeps its width."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(title, parent)
        self._glyphs: list[tuple[QAction, Glyph]] = []
        self.setMovable(False)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.setIconSize(TOOLBAR_ICON_SIZE)
        theme_switch().changed.connect(self._draw_icons)

    def add_actions(self, actions: Sequence[tuple[QAction, Glyph] | None]) -> None:
        """Add each (action, glyph), and a separator for each None."""
        for entry in actions:
            if entry is None:
                self.addSeparator()
                continue
            action, glyph = entry
            self._glyphs.append((action, glyph))
            self.addAction(action)
            if action.toolTip() == _plain(action.text()):  # an action with a tooltip of its own keeps it
                _keep_tooltip(action)
                action.changed.connect(lambda action=action: _keep_tooltip(action))
        self._draw_icons()

    def _draw_icons(self, *_: object) -> None:
        palette = QGuiApplication.palette()
        ink = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText)
        faded = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
        for action, glyph in self._glyphs:
            action.setIcon(glyph_icon(glyph, ink, faded))


class ZoomIndicator(QToolButton):
    """The canvas's zoom, "100%", at the right of the status bar; a click offers the zoom actions.

    It reads the zoom whenever the view repaints, which every zoom causes, so the view needs no
    signal for it."""

    def __init__(self, view: QGraphicsView, actions: Sequence[QAction], parent: QWidget | None = None):
        super().__init__(parent)
        self._view = view
        self.setObjectName("zoom")
        self.setAutoRaise(True)
        self.setToolTip("Zoom: Ctrl+wheel, Ctrl++ and Ctrl+-; Ctrl+0 fits the map, Ctrl+1 is 100%")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self)
        menu.addActions(list(actions))
        self.setMenu(menu)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000%") + 24)  # the width of 400% and its arrow
        self._shown: int | None = None
        self.refresh()
        view.viewport().installEventFilter(self)

    def refresh(self) -> None:
        percent = round(self._view.transform().m11() * 100)
        if percent != self._shown:
            self._shown = percent
            self.setText(f"{percent}%")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.refresh()
        return False


class HistoryView(QUndoView):
    """The History list: each step in full, wrapped over lines, and in a tooltip too."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("history")
        self.setEmptyLabel("Map as opened")
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QUndoView.ResizeMode.Adjust)
        self.setMinimumWidth(160)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip:
            help_event = cast(QHelpEvent, event)
            index = self.indexAt(help_event.pos())
            if index.isValid():
                QToolTip.showText(help_event.globalPos(), str(index.data()), self.viewport())
                return True
        return super().viewportEvent(event)
