"""A process that starts the editor, or a bare main window, and reports its first painted frame.

    python bench/first_frame.py MAP.json     journeymapper as ``python -m journeymapper MAP.json`` runs it
    python bench/first_frame.py --bare       a bare PySide6 QMainWindow, shown and painted

With a map it runs the editor's own ``cli.console``, so the product needs no hook: an import finder
(which finds nothing itself) waits for the first import after the editor has created its
application, and installs an event filter on it then. The filter waits for the first paint of the
canvas (the viewport of a graphics view showing a scene) or, with ``--bare``, of the window, lets
it finish, then prints one line of JSON, ``{"modules": [...]}`` (every module imported by then),
and ends the process at once. Whoever started it times the whole process up to that line
(``bench_startup.py``), or reads the modules (``tests/editor/test_startup_imports.py``).

Nothing is imported here before ``cli.console`` beyond what Python imports anyway: the editor loads
Qt and its own modules in its own order, and the report says what the editor loaded, not what this
script did.
"""

from __future__ import annotations

import json
import os
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from importlib.machinery import ModuleSpec


def report() -> None:
    print(json.dumps({"modules": sorted(sys.modules)}), flush=True)
    os._exit(0)  # the frame is what was measured; closing down is not


def watch_first_paint(application: Any, bare: bool) -> None:
    """Report once the canvas (or with ``bare``, the main window) has been painted."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QGraphicsView, QMainWindow

    def wanted(watched: QObject) -> bool:
        if bare:
            return isinstance(watched, QMainWindow)
        view = watched.parent()
        return isinstance(view, QGraphicsView) and view.viewport() is watched and view.scene() is not None

    class FirstPaint(QObject):
        seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if not self.seen and event.type() == QEvent.Type.Paint and wanted(watched):
                self.seen = True
                QTimer.singleShot(0, report)  # after this paint event has been handled
            return False

    application.installEventFilter(FirstPaint(application))


class OnceTheApplicationExists:
    """Finds no module; at the first import after a QApplication exists, starts watching it. (A
    finder needs only ``find_spec``: deriving from ``importlib.abc.MetaPathFinder`` would import
    ``importlib.resources`` too, 12 ms that both sides of the benchmark would pay.)"""

    def find_spec(self, name: str, path: Any, target: Any = None) -> ModuleSpec | None:
        widgets = sys.modules.get("PySide6.QtWidgets")
        application = widgets.QApplication.instance() if widgets else None
        if application is not None:
            sys.meta_path.remove(self)
            watch_first_paint(application, bare=False)
        return None


def bare() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    application = QApplication(sys.argv[:1])
    watch_first_paint(application, bare=True)
    window = QMainWindow()
    window.resize(1400, 900)
    window.show()
    return application.exec()


def editor() -> int:
    from journeymapper.cli import console

    sys.meta_path.insert(0, OnceTheApplicationExists())
    return console()  # reads the map's path from sys.argv, as the journeymapper script does


if __name__ == "__main__":
    sys.exit(bare() if sys.argv[1:] == ["--bare"] else editor())
