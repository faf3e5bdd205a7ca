"""A picture of a map (``formats/pdf/picture.py``) as a bitmap, for PNG files and the clipboard.

The page code draws it through ``QtPen``, a pen with the same calls as the PDF's and the SVG's,
onto a ``QImage``: the same drawing, so the PNG is the PDF page and the SVG. Qt does it because
journeymapper already depends on it (no other library, nor its system libraries, is needed), and
with Qt's "offscreen" platform it runs on a server without a display. (Qt's SVG renderer could
rasterise the SVG instead, but it ignores clip paths, which a window of the map needs.)

Text is drawn in the bundled DejaVu faces, registered with Qt, unhinted and without kerning as
reportlab measures it, so every line is as wide as the layout computed it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QImageWriter,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import QApplication
from reportlab.lib.colors import Color

from journeymapper.errors import JourneyMapError
from journeymapper.formats.pdf.face import Face
from journeymapper.formats.pdf.fonts import Fonts, clean, composed
from journeymapper.formats.pdf.pen import CENTRE_TO_BASELINE, SYMBOL_SIZE, Pen
from journeymapper.formats.pdf.picture import Picture
from journeymapper.formats.pdf.shaping import is_complex
from journeymapper.formats.pdf.theme import INK
from journeymapper.layout import XY, Rect

POINTS_PER_INCH = 72.0
SLIDE_DPI = 144  # twice the 72 dpi at which a page's points are pixels: sharp on a slide or a HiDPI screen
INCHES_PER_METRE = 39.3701


def rasterise(picture: Picture, dpi: float = SLIDE_DPI) -> QImage:
    """``picture`` at ``dpi`` pixels per inch, on white."""
    _ready()
    pixels = dpi / POINTS_PER_INCH
    image = QImage(max(1, round(picture.width * pixels)), max(1, round(picture.height * pixels)),
                   QImage.Format.Format_RGB32)  # fmt: skip
    image.fill(QColor("#ffffff"))
    _resolution(image, POINTS_PER_INCH)  # while drawing, a point of text is a pixel before scaling
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    painter.scale(pixels, pixels)
    picture.draw(QtPen(painter, picture.scene.fonts, picture.height))
    painter.end()
    _resolution(image, dpi)  # the PNG says its resolution, so a page-layout program sizes it right
    return image


def png_bytes(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))
    if not writer.write(image):
        raise JourneyMapError(f"the image could not be encoded as PNG: {writer.errorString()}")
    return bytes(buffer.data().data())


def _resolution(image: QImage, dpi: float) -> None:
    dots = round(dpi * INCHES_PER_METRE)
    image.setDotsPerMeterX(dots)
    image.setDotsPerMeterY(dots)


@cache
def _ready() -> None:
    """A Qt application, which fonts need; without a display, on the offscreen platform.

    A widgets application, not a bare GUI one: Qt allows one application object per process, and
    whatever runs next in the process (the editor, its tests) may need widgets."""
    if QGuiApplication.instance() is None:
        if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _keep.append(QApplication(sys.argv[:1]))


_keep: list[QApplication] = []  # the application made here lives as long as the process


@cache
def _family(path: str) -> str:
    """The family Qt knows a font file by, registering the file with Qt once."""
    found = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(path))
    return found[0] if found else "DejaVu Sans"


def _colour(colour: Color) -> QColor:
    return QColor.fromRgbF(colour.red, colour.green, colour.blue)


class QtPen(Pen):
    """Draws in layout coordinates (points, y down) with a ``QPainter``; it overrides every drawing
    method of ``Pen``, so no reportlab canvas is involved."""

    def __init__(self, painter: QPainter, fonts: Fonts, height: float) -> None:
        # Pen.__init__ is not called: it sets up a reportlab canvas, which this pen has none of.
        self.painter = painter
        self.fonts = fonts
        # A PDF page's origin is its bottom left corner, and Page.view shifts to the top left by the
        # page's height; starting a page's height lower makes the two agree.
        painter.translate(0, height)

    @contextmanager
    def view(self, origin: XY, scale: float = 1.0, clip: Rect | None = None) -> Iterator[None]:
        painter = self.painter
        painter.save()
        painter.translate(origin[0], -origin[1])
        painter.scale(scale, scale)
        if clip is not None:
            painter.setClipRect(QRectF(clip.x, clip.y, clip.width, clip.height), Qt.ClipOperation.IntersectClip)
        try:
            yield
        finally:
            painter.restore()

    # -- shapes ---------------------------------------------------------------------------------

    def rect(self, rect: Rect, fill: Color | None = None, stroke: Color | None = None, width: float = 0.5,
             radius: float = 0) -> None:  # fmt: skip
        path = QPainterPath()
        box = QRectF(rect.x, rect.y, rect.width, rect.height)
        if radius:
            corner = min(radius, rect.width / 2, rect.height / 2)
            path.addRoundedRect(box, corner, corner)
        else:
            path.addRect(box)
        self._draw_path(path, fill, stroke, width)

    def circle(self, x: float, y: float, radius: float, fill: Color | None = None, stroke: Color | None = None,
               width: float = 0.5) -> None:  # fmt: skip
        path = QPainterPath()
        path.addEllipse(QPointF(x, y), radius, radius)
        self._draw_path(path, fill, stroke, width)

    def paths(
        self,
        subpaths: Sequence[Sequence[XY]],
        stroke: Color | None = None,
        width: float = 0.5,
        fill: Color | None = None,
        closed: bool = False,
        dash: Sequence[float] | None = None,
    ) -> None:
        path = QPainterPath()
        for (x, y), *rest in subpaths:
            path.moveTo(x, y)
            for point in rest:
                path.lineTo(*point)
            if closed:
                path.closeSubpath()
        self._draw_path(path, fill, stroke, width, dash)

    def curve(self, start: XY, segments: Sequence[tuple[XY, XY, XY]], stroke: Color, width: float,
              dash: Sequence[float] | None = None) -> None:  # fmt: skip
        path = QPainterPath(QPointF(*start))
        for first, second, end in segments:
            path.cubicTo(QPointF(*first), QPointF(*second), QPointF(*end))
        self._draw_path(path, None, stroke, width, dash)

    def dots(self, points: Sequence[XY], diameter: float, colour: Color) -> None:
        for x, y in points:
            self.circle(x, y, diameter / 2, fill=colour)

    def _draw_path(self, path: QPainterPath, fill: Color | None, stroke: Color | None, width: float,
               dash: Sequence[float] | None = None) -> None:  # fmt: skip
        painter = self.painter
        painter.setBrush(QBrush(_colour(fill)) if fill is not None else Qt.BrushStyle.NoBrush)
        if stroke is None:
            painter.setPen(Qt.PenStyle.NoPen)
        else:
            pen = QPen(_colour(stroke), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                       Qt.PenJoinStyle.RoundJoin)  # fmt: skip
            if dash and width > 0:
                pen.setDashPattern([length / width for length in dash])  # Qt counts dashes in line widths
            painter.setPen(pen)
        painter.drawPath(path)

    def symbol(self, key: str, draw: Callable[[Pen], None], x: float, y: float, size: float) -> None:
        with self.view((x, -y), size / SYMBOL_SIZE):
            draw(self)

    # -- text -----------------------------------------------------------------------------------

    def text(self, x: float, baseline: float, text: str, size: float, colour: Color = INK, bold: bool = False,
             align: str = "left") -> None:  # fmt: skip
        text = clean(text)
        if align != "left":
            x -= self.fonts.width(text, size, bold) / (2 if align == "centre" else 1)
        self.painter.setPen(_colour(colour))
        if is_complex(text):  # Qt reorders and shapes a whole line itself, given it as typed
            self.painter.setFont(self._font(self.fonts.chain(bold), size))
            self.painter.drawText(QPointF(x, baseline), composed(text))
            return
        for face, run in self.fonts.runs(text, bold):
            self.painter.setFont(self._font((face,), size))
            self.painter.drawText(QPointF(x, baseline), run)
            x += face.width(run, size)

    def _font(self, faces: tuple[Face, ...], size: float) -> QFont:
        font = QFont()
        font.setFamilies([_family(face.font.face.filename) for face in faces])
        font.setBold(faces[0] is self.fonts.bold)
        font.setPointSizeF(size)
        font.setKerning(False)  # reportlab's widths, which the layout used, have none
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        return font

    def rotated_text(self, x: float, y: float, text: str, size: float, colour: Color) -> None:
        """Text reading upwards, centred on (x, y)."""
        width = self.fonts.width(text, size)
        with self.view((x, -y)):
            self.painter.rotate(-90)
            self.text(-width / 2, size * CENTRE_TO_BASELINE, text, size, colour)
