"""Starting the editor: the application object, its look, and the first window."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from journeymapper import __version__
from journeymapper.app_icon import APP_ID, ICON_FILE
from journeymapper.collector import keep_start_up, release_start_up

if TYPE_CHECKING:
    from journeymapper.editor.main_window import MainWindow

LARGE_SCREEN_WIDTH = 1600  # px: narrower is a laptop, where the window opens maximised
NO_DISPLAY = (
    "journeymapper: no display available (DISPLAY and WAYLAND_DISPLAY are not set), so the editor "
    "cannot start; on the command line use 'journeymapper validate', 'journeymapper stats' or "
    "'journeymapper new' (see 'journeymapper --help')"
)


def display_available() -> bool:
    if os.environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def application() -> QApplication:
    """The one QApplication, created with journeymapper's names and look."""
    existing = QApplication.instance()
    if existing is not None:
        return existing  # type: ignore[return-value]
    QApplication.setApplicationName("journeymapper")
    QApplication.setOrganizationName("journeymapper")
    QApplication.setApplicationVersion(__version__)
    # Docks and task switchers match the windows to `journeymapper install-desktop`'s entry by this
    # name (the Wayland app id); on X11 by the window class, which is the application name.
    QApplication.setDesktopFileName(APP_ID)
    app = QApplication(sys.argv[:1])
    app.setWindowIcon(QIcon(str(ICON_FILE)))  # every window's, dialogs included
    app.setStyle("Fusion")  # the same look everywhere; it follows the system's light or dark scheme
    # No app.setPalette(): Qt keeps the palette in step with a switch of the system's scheme only
    # while none is set, and the canvas theme follows that palette (editor.theme.ThemeSwitch).
    return app


def run(paths: list[str]) -> int:
    """Open the editor (with the given map files) and run until the window closes."""
    if not display_available():
        print(NO_DISPLAY, file=sys.stderr)
        return 1
    app = application()
    from journeymapper.editor.main_window import MainWindow

    window = MainWindow()
    if window.restore_layout():
        window.show()
    else:
        show_first_time(window)
    keep_start_up()  # the window lives as long as the process; the maps to come may not
    window.offer_recovery()
    _close_on_termination(window)  # before the maps open: a logout meanwhile keeps their work too
    for path in paths:
        window.open_file(Path(path))
    status = app.exec()
    release_start_up()
    return status


def show_first_time(window: MainWindow) -> None:
    """Maximised on a laptop's screen, where every pixel is for the map; most of a larger one."""
    available = window.screen().availableGeometry()
    if available.width() < LARGE_SCREEN_WIDTH:
        window.setGeometry(available)  # where no window manager maximises it, it still fits the screen
        window.showMaximized()
    else:
        window.resize(available.size() * 0.9)
        window.show()
    window.use_default_dock_widths()


def _close_on_termination(window: MainWindow) -> None:
    """SIGTERM (a logout, a shutdown) or Ctrl+C in the terminal closes the window at once; unsaved
    changes stay in the autosave copy for the next start to offer."""
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: QTimer.singleShot(0, window.close_keeping_work))
    # Python handles signals only between bytecodes: wake it up now and then from Qt's loop.
    heartbeat = QTimer(window, interval=250)
    heartbeat.timeout.connect(lambda: None)
    heartbeat.start()
