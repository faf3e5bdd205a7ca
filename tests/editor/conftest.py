"""Fixtures for the editor tests: real widgets on the offscreen platform, isolated settings."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QMessageBox

from journeymapper.editor.autosave import AutosaveStore
from journeymapper.editor.scene import MapScene
from journeymapper.editor.session import MapSession
from journeymapper.editor.view import MapView

from support import build_small_map, copy_samples
from wide_map import wide_map

if TYPE_CHECKING:
    from journeymapper.editor.main_window import MainWindow

QStandardPaths.setTestModeEnabled(True)


@pytest.fixture
def session(qapp) -> MapSession:
    return MapSession(build_small_map())


@pytest.fixture
def wide_view(qtbot) -> MapView:
    """A view of 1000 x 700 on a scene of the wide map (``wide_map``), shown: at 100% it shows
    the first few of its twelve stages."""
    view = MapView()
    view.setScene(MapScene(MapSession(wide_map())))
    view.resize(1000, 700)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.fixture
def canvas(qtbot, session) -> MapView:
    """A view at 100% on a scene of the small map, shown so that events reach it."""
    view = MapView()
    view.setScene(MapScene(session))
    view.resize(1200, 800)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.actual_size()
    view.centerOn(view.scene().layout.bounds.width / 2, view.scene().layout.bounds.height / 2)
    return view


@pytest.fixture
def samples(tmp_path):
    """The three samples in a folder of their own, to link, scan and change."""
    return copy_samples(tmp_path / "maps")


def new_window(qtbot, folder: Path) -> MainWindow:
    """A window with settings and autosave copies of its own in ``folder``, not shown yet."""
    from journeymapper.editor.main_window import MainWindow

    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings, autosave=AutosaveStore(folder / "autosave"))
    qtbot.addWidget(window)
    return window


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    window = new_window(qtbot, tmp_path)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def opened_at_start(qtbot, tmp_path):
    """A window that opens a copy of the year-one sample (``opened_at_start.session.path``) as
    ``journeymapper MAP.json`` does: shown, the map opened before the event loop runs, then the
    events handled."""
    path = copy_samples(tmp_path / "maps") / "year-one-customer-journey.json"
    window = new_window(qtbot, tmp_path)
    window.show()
    window.open_file(path)
    qtbot.waitExposed(window)
    qtbot.wait(10)
    return window


@pytest.fixture(autouse=True)
def empty_clipboard_afterwards(qapp):
    """Qt's offscreen platform crashes at exit while its clipboard holds data from Python
    (PySide6 6.11; the xcb platform does not), so every test leaves the clipboard empty."""
    yield
    qapp.clipboard().clear()


@pytest.fixture(autouse=True)
def no_unanswered_dialog(monkeypatch):
    """A message box no test answers would wait for a person forever: fail at once instead. A test
    that expects one answers it by patching the same names (its patch comes later and wins)."""

    def unanswered(*args, **kwargs):
        raise AssertionError(f"a message box the test does not answer: {args[1:3]}")

    for name in ("question", "warning", "information", "critical", "exec"):
        monkeypatch.setattr(QMessageBox, name, unanswered)
