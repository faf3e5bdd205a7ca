"""The application icon on every window and on the start page; Qt draws the SVG (QtSvg) offscreen."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel

from journeymapper.app_icon import ICON_FILE


@pytest.mark.parametrize("size", [16, 32, 48, 256])
def test_qt_draws_the_icon_at_every_size(qapp, size):
    image = QIcon(str(ICON_FILE)).pixmap(QSize(size, size)).toImage()
    assert (image.width(), image.height()) == (size, size)
    assert image.pixelColor(size // 2, size // 2).alpha() == 255  # drawn, not an empty pixmap
    assert image.pixelColor(0, 0).alpha() == 0  # the tile's rounded corner


def test_the_application_gives_every_window_the_icon_and_names_its_desktop_entry():
    # A process of its own: the tests' QApplication is pytest-qt's, not the one application() makes.
    probe = (
        "from journeymapper.editor.app import application; app = application(); "
        "print(app.windowIcon().isNull(), app.windowIcon().availableSizes() or 'scalable', app.desktopFileName())"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.stdout.split() == ["False", "scalable", "journeymapper"], result.stderr


def test_the_start_page_shows_the_icon_beside_its_title(window):
    label = window.start_page.findChild(QLabel, "appIcon")
    assert label.isVisible()
    assert not label.pixmap().isNull()
    assert label.pixmap().deviceIndependentSize().toSize() == QSize(40, 40)
