"""The window's middle: the canvas while a map is open, the start page while none is.

The start page is built the first time it is to be seen, not with the window: ``journeymapper
MAP.json`` shows its window before it opens the map, so a start page wanted then waits for the
event loop, by when the map has taken its place and it is never built.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QStackedWidget, QWidget

if TYPE_CHECKING:
    from journeymapper.editor.start_page import StartPage


class Pages(QStackedWidget):
    def __init__(self, canvas: QWidget, build_start_page: Callable[[], StartPage]):
        super().__init__()
        self.canvas = canvas
        self.addWidget(canvas)
        self._build_start_page = build_start_page
        self._start_page: StartPage | None = None
        self._start_page_wanted = False

    @property
    def start_page(self) -> StartPage:
        """The start page, built now if it was not yet."""
        if self._start_page is None:
            self._start_page = self._build_start_page()
            self.addWidget(self._start_page)
        return self._start_page

    @property
    def built_start_page(self) -> StartPage | None:
        """The start page if it has been built; asking does not build it."""
        return self._start_page

    def show_canvas(self) -> None:
        self._start_page_wanted = False
        self.setCurrentWidget(self.canvas)

    def show_start_page(self) -> None:
        self._start_page_wanted = True
        if self.isVisible() or self._start_page is not None:
            self.setCurrentWidget(self.start_page)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._start_page_wanted and self._start_page is None:
            QTimer.singleShot(0, self._show_wanted_page)

    def _show_wanted_page(self) -> None:
        if self._start_page_wanted:
            self.setCurrentWidget(self.start_page)
