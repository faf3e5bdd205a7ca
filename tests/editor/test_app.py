"""Starting the editor as ``journeymapper MAP...`` does (``editor.app.run``)."""

from __future__ import annotations

import signal

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from journeymapper.editor import app, main_window
from journeymapper.editor.autosave import AutosaveStore
from journeymapper.editor.main_window import MainWindow

from support import SAMPLES


def test_a_logout_while_the_maps_given_are_opening_closes_the_window_keeping_their_work(qapp, monkeypatch, tmp_path):
    """The window shows before the maps open, and its title names a map before the event loop
    runs: from then on, SIGTERM (a logout) and Ctrl+C close it as they do later, rather than
    ending the process with the work in it."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(main_window, "QSettings", lambda: settings)
    monkeypatch.setattr(main_window, "AutosaveStore", lambda: AutosaveStore(tmp_path / "autosave"))
    installed: list[int] = []
    monkeypatch.setattr(signal, "signal", lambda number, handler: installed.append(number))
    ready_when_opening: list[list[int]] = []
    monkeypatch.setattr(MainWindow, "open_file", lambda window, path: ready_when_opening.append(list(installed)))
    monkeypatch.setattr(QApplication, "exec", lambda application: 0)
    try:
        assert app.run([str(SAMPLES[0]), str(SAMPLES[1])]) == 0
    finally:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow):
                widget.close()
                widget.deleteLater()
    assert ready_when_opening == [[signal.SIGINT, signal.SIGTERM]] * 2
