"""A dock whose body is built the first time it is on screen, or when code asks for it.

Most docks start closed or behind another tab: building their bodies, and importing the modules
that provide them, would only delay the map's first frame. ``build`` imports what the body needs
and reads the state of the moment, so nothing has to be pushed to a body that does not exist yet.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

Body = TypeVar("Body", bound=QWidget, covariant=True)


class DeferredDock(QDockWidget, Generic[Body]):
    closed = Signal()
    """The user closed the dock (its close button, not a tab switch or ``hide``)."""

    def __init__(self, title: str, name: str, build: Callable[[], Body], parent: QWidget | None = None):
        super().__init__(title, parent)
        self.setObjectName(name)  # the window's saved state names its docks
        self._build = build
        self._body: Body | None = None
        self._covered: QDockWidget | None = None
        self.showing = False
        """On screen: not closed, and the current tab where docks are tabbed (a dock behind another
        tab is still ``isVisible()``, and has had a show event; ``visibilityChanged`` tells)."""
        self.visibilityChanged.connect(self._visibility_changed)

    @property
    def body(self) -> Body:
        """The body, built now if it was not yet."""
        return self._body if self._body is not None else self._build_body()

    @property
    def built(self) -> Body | None:
        """The body if it has been built; asking does not build it."""
        return self._body

    def _build_body(self) -> Body:
        self._body = body = self._build()
        self.setWidget(body)
        return body

    def _visibility_changed(self, visible: bool) -> None:
        self.showing = visible
        if visible and self._body is None:
            self._build_body()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        super().closeEvent(event)
        self.closed.emit()

    def reveal(self) -> None:
        """Show the dock in front of the docks it shares a place with, remembering which was in
        front, for ``put_away``. The body is built now, even while the window is not shown."""
        if self._body is None:
            self._build_body()
        window = self.parentWidget()
        if self.visibleRegion().isEmpty() and isinstance(window, QMainWindow):
            area = window.dockWidgetArea(self)
            shown = [dock for dock in window.findChildren(QDockWidget) if not dock.visibleRegion().isEmpty()]
            self._covered = next((dock for dock in shown if window.dockWidgetArea(dock) == area), None)
        self.show()
        self.raise_()

    def put_away(self) -> None:
        """Hide the dock; if it was in front, bring back the dock it covered when it showed itself
        (Qt would bring forward whichever tab is next to it)."""
        in_front = not self.visibleRegion().isEmpty()
        covered, self._covered = self._covered, None
        self.hide()
        if in_front and covered is not None and not covered.isHidden():
            covered.raise_()
