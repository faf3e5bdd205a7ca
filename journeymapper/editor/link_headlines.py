"""Working out the linked maps' headlines after the canvas has drawn, one map per turn of the
event loop, so that opening a map with many links never waits for their numbers.

The link checker has already read each linked file (to check the link); the reader only turns
what it read into a headline (``LinkChecker.read_next_headline``), and says so after each map:
the scene puts the numbers under the stage headers and in the badges' tooltips, the Insights dock
into its "Behind this journey" section.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from journeymapper.editor.linking import LinkChecker


class HeadlineReader(QObject):
    read = Signal()
    """One more linked map's headline is known."""

    def __init__(self, checker: LinkChecker, parent: QObject):
        super().__init__(parent)
        self.checker = checker
        self._next = QTimer(self, singleShot=True, interval=0)
        self._next.timeout.connect(self._read_one)

    def start(self) -> None:
        """Go on with the maps read and not yet worked out, if any (after each check of the links)."""
        if self.checker.pending and not self._next.isActive():
            self._next.start()

    def stop(self) -> None:
        self._next.stop()

    def _read_one(self) -> None:
        if self.checker.pending:
            self.checker.read_next_headline()
            self.read.emit()
        self.start()
