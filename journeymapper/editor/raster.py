"""The map page as a bitmap: the SVG export (``formats/pdf/svg.py``) drawn by Qt's SVG renderer.

PNG and the clipboard's image are rasterised from the SVG rather than drawn a third way, so the
picture is the SVG's, which is the PDF page's. Qt does it because journeymapper already depends on
it: no other library (nor its system libraries) is needed, and with Qt's "offscreen" platform it
runs on a server without a display. The bundled DejaVu faces are registered with Qt first, so the
text has the metrics the layout was computed with, whatever fonts the system has.
"""

from __future__ import annotations

import os
import sys
from functools import cache

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
from PySide6.QtGui import QFontDatabase, QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

from journeymapper.errors import JourneyMapError
from journeymapper.formats.pdf.fonts import BOLD_FILE, BUNDLED, REGULAR_FILE

POINTS_PER_INCH = 72.0
SLIDE_DPI = 144  # twice the 72 dpi at which a page's points are pixels: sharp on a slide or a HiDPI screen
INCHES_PER_METRE = 39.3701


def rasterise(svg: bytes, width: float, height: float, dpi: float) -> QImage:
    """The SVG of a ``width`` × ``height`` point page at ``dpi`` pixels per inch, on white."""
    _ready()
    pixels = dpi / POINTS_PER_INCH
    image = QImage(max(1, round(width * pixels)), max(1, round(height * pixels)), QImage.Format.Format_RGB32)
    image.fill(0xFFFFFFFF)
    dots = round(dpi * INCHES_PER_METRE)  # the PNG says its resolution, so a page-layout program sizes it right
    image.setDotsPerMeterX(dots)
    image.setDotsPerMeterY(dots)
    renderer = QSvgRenderer(QByteArray(svg))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    renderer.render(painter, QRectF(0, 0, image.width(), image.height()))
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))
    if not writer.write(image):
        raise JourneyMapError(f"the image could not be encoded as PNG: {writer.errorString()}")
    return bytes(buffer.data().data())


@cache
def _ready() -> None:
    """A Qt GUI application (fonts need one) and the bundled faces; without a display, offscreen."""
    if QGuiApplication.instance() is None:
        if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _keep.append(QGuiApplication(sys.argv[:1]))
    for name in (REGULAR_FILE, BOLD_FILE):
        QFontDatabase.addApplicationFontFromData(QByteArray((BUNDLED / name).read_bytes()))


_keep: list[QGuiApplication] = []  # the application made here lives as long as the process
