"""Working out the linked maps' headlines after the canvas has drawn, one map per turn of the
event loop, so that opening a map with many links never waits for their numbers. The insights
they come from (and the graph algorithms behind them) are first imported beside the event loop
(``background_import``): the window answers while they load.

The link checker has already read each linked file (to check the link); the reader only turns
what it read into a headline (``LinkChecker.read_next_headline``), and says so after each map:
the scene puts the numbers under the stage headers and in the badges' tooltips, the Insights dock
into its "Behind this journey" section.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QGraphicsScene

from journeymapper.editor.background_import import background_import
from journeymapper.editor.linking import HEADLINE_MODULE, LinkChecker


class HeadlineReader(QObject):
    read = Signal()
    """One more linked map's headline is known."""

    def __init__(self, checker: LinkChecker, scene: QGraphicsScene):
        super().__init__(scene)
        self.checker, self._scene = checker, scene
        self._painted = self._waiting_for_import = False
        self._next = QTimer(self, singleShot=True, interval=0)
        self._next.timeout.connect(self._read_one)

    def start(self) -> None:
        """Go on with the maps read and not yet worked out, if any (after each check of the links)."""
        if self.checker.pending and not self._next.isActive():
            self._next.start()

    def stop(self) -> None:
        self._next.stop()
        if self._waiting_for_import:
            self._waiting_for_import = False
            background_import(HEADLINE_MODULE).loaded.disconnect(self.start)

    def painted(self) -> None:
        """A view has drawn the scene (``MapScene.painted``): the numbers may come now."""
        if not self._painted:
            self._painted = True
            self.start()

    def _waiting_for_paint(self) -> bool:
        """Whether a canvas on the screen has yet to draw for the first time: the numbers wait for
        it, since a zero timer can come before the window's first paint, and the insights they need
        are no part of the first frame. (Asked when the timer fires: the view takes the scene only
        after the scene has checked its links.)"""
        return not self._painted and any(view.isVisible() for view in self._scene.views())

    def _imported(self) -> bool:
        """Whether what a headline is worked out with is imported; if not, the import's end
        starts the reading again."""
        importer = background_import(HEADLINE_MODULE)
        if importer.request():
            return True
        if not self._waiting_for_import:
            self._waiting_for_import = True
            importer.loaded.connect(self.start)
        return False

    def _read_one(self) -> None:
        if self._waiting_for_paint():
            return  # the first paint starts the reading again
        if not self.checker.pending or not self._imported():
            return  # a check that reads more maps starts the reading again, as does the import's end
        self.checker.read_next_headline()
        self.read.emit()
        self.start()
