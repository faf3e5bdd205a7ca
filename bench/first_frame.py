"""A process that starts the editor, or a bare main window, and reports its first painted frame.

    python bench/first_frame.py MAP.json     journeymapper as ``python -m journeymapper MAP.json`` runs it
    python bench/first_frame.py --bare       a bare PySide6 QMainWindow, shown and painted

It installs an event filter on the application before the editor's own ``cli.main`` runs, so the
product needs no hook: the filter waits for the first paint of the canvas (the viewport of a
graphics view showing a scene) or, with ``--bare``, of the window, lets it finish, then prints one
line of JSON, ``{"modules": [...]}`` (every module imported by then), and ends the process at once.
Whoever started it times the whole process up to that line (``bench_startup.py``), or reads the
modules (``tests/editor/test_startup_imports.py``).

Nothing from journeymapper is imported here beyond what ``cli.main`` imports itself: the report
says what the editor loaded, not what this script did.
"""

from __future__ import annotations

import json
import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QGraphicsView, QMainWindow


def report() -> None:
    print(json.dumps({"modules": sorted(sys.modules)}), flush=True)
    os._exit(0)  # the frame is what was measured; closing down is not


class FirstPaint(QObject):
    """Reports once the canvas (or with ``bare``, the main window) has been painted."""

    def __init__(self, bare: bool = False):
        super().__init__()
        self._bare = bare
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if not self._seen and event.type() == QEvent.Type.Paint and self._wanted(watched):
            self._seen = True
            QTimer.singleShot(0, report)  # after this paint event has been handled
        return False

    def _wanted(self, watched: QObject) -> bool:
        if self._bare:
            return isinstance(watched, QMainWindow)
        view = watched.parent()
        return isinstance(view, QGraphicsView) and view.viewport() is watched and view.scene() is not None


def bare() -> int:
    app = QApplication(sys.argv[:1])
    watcher = FirstPaint(bare=True)
    app.installEventFilter(watcher)
    window = QMainWindow()
    window.resize(1400, 900)
    window.show()
    return app.exec()


def editor(path: str) -> int:
    from journeymapper.cli import main
    from journeymapper.editor.app import application

    watcher = FirstPaint()
    application().installEventFilter(watcher)  # the editor's run() takes this same application
    return main([path])


if __name__ == "__main__":
    sys.exit(bare() if sys.argv[1:] == ["--bare"] else editor(sys.argv[1]))
