"""Glyphs drawn with QPainter: the channel icons of ``journeymapper.glyphs`` (which the PDF prints
too) and the toolbar's icons, drawn in the same hand so that the window's icons read as one set."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPainter, QPainterPath, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QApplication, QStyleOption

from journeymapper.glyphs import CHANNEL_GLYPHS, Box, Circle, Curve, Glyph, Line, channel_glyph_name


def paint_glyph(painter: QPainter, glyph: Glyph, centre: QPointF, size: float, colour: QColor) -> None:
    """Draw ``glyph`` centred on ``centre`` in a square ``size`` wide."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(centre)
    painter.scale(size, size)
    for shape in glyph:
        outline = _outline(shape)
        if shape.stroke:
            painter.setPen(QPen(colour, shape.stroke, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                                Qt.PenJoinStyle.RoundJoin))  # fmt: skip
            painter.setBrush(Qt.BrushStyle.NoBrush)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
        painter.drawPath(outline)
    painter.restore()


def _outline(shape: Circle | Line | Curve | Box) -> QPainterPath:
    path = QPainterPath()
    if isinstance(shape, Circle):
        path.addEllipse(QPointF(shape.x, shape.y), shape.radius, shape.radius)
    elif isinstance(shape, Line):
        polygon = QPolygonF([QPointF(x, y) for x, y in shape.points])
        if shape.closed or not shape.stroke:
            polygon.append(polygon.first())
        path.addPolygon(polygon)
    elif isinstance(shape, Curve):
        path.moveTo(*shape.start)
        for first, second, end in shape.segments:
            path.cubicTo(QPointF(*first), QPointF(*second), QPointF(*end))
    else:
        rect = QRectF(shape.x - shape.width / 2, shape.y - shape.height / 2, shape.width, shape.height)
        path.addRoundedRect(rect, shape.radius, shape.radius)
    return path


def glyph_icon(glyph: Glyph, colour: QColor, disabled: QColor | None = None, scale: float = 0.86) -> QIcon:
    """An icon of ``glyph`` in ``colour`` (and ``disabled`` for a disabled action), sharp at every
    size and on ordinary and high-density screens; the glyph fills ``scale`` of the icon."""
    return QIcon(GlyphIconEngine(glyph, colour, disabled, scale))


class GlyphIconEngine(QIconEngine):
    """Draws the glyph at the size asked for, the first time it is asked for: a window with a few
    dozen icons draws only those it shows, at the sizes it shows them, rather than sixteen pictures
    of each (four sizes, two pixel ratios, two modes) before its first frame."""

    def __init__(self, glyph: Glyph, colour: QColor, disabled: QColor | None, scale: float):
        super().__init__()
        self._glyph, self._colour, self._disabled, self._scale = glyph, QColor(colour), disabled, scale
        self._drawn: dict[tuple[int, int, bool], QPixmap] = {}

    def clone(self) -> QIconEngine:
        return GlyphIconEngine(self._glyph, self._colour, self._disabled, self._scale)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        faded = mode == QIcon.Mode.Disabled
        key = (size.width(), size.height(), faded)
        if key not in self._drawn:
            self._drawn[key] = self._draw(size, faded)
        return QPixmap(self._drawn[key])

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        ratio = painter.device().devicePixelRatioF()
        pixmap = self.pixmap(rect.size() * ratio, mode, state)
        pixmap.setDevicePixelRatio(ratio)
        painter.drawPixmap(rect, pixmap)

    def _draw(self, size: QSize, faded: bool) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        side = min(size.width(), size.height())
        painter = QPainter(pixmap)
        ink = self._disabled if faded and self._disabled is not None else self._colour
        paint_glyph(painter, self._glyph, QPointF(size.width() / 2, size.height() / 2), side * self._scale, ink)
        painter.end()
        if faded and self._disabled is None:  # greyed as Qt greys any icon without a disabled look
            return QApplication.style().generatedIconPixmap(QIcon.Mode.Disabled, pixmap, QStyleOption())
        return pixmap


def channel_glyph(channel: str) -> Glyph:
    """The icon a channel gets on the PDF's cards and in its legend."""
    return CHANNEL_GLYPHS[channel_glyph_name(channel)]


def mirrored(glyph: Glyph) -> Glyph:
    """``glyph`` flipped left to right (redo from undo)."""

    def flip(shape: Circle | Line | Curve | Box) -> Circle | Line | Curve | Box:
        if isinstance(shape, Line):
            return replace(shape, points=tuple((-x, y) for x, y in shape.points))
        if isinstance(shape, Curve):
            segments = tuple(((-a[0], a[1]), (-b[0], b[1]), (-c[0], c[1])) for a, b, c in shape.segments)
            return Curve((-shape.start[0], shape.start[1]), segments, shape.stroke)
        return replace(shape, x=-shape.x)

    return tuple(flip(shape) for shape in glyph)


# -- the toolbar's icons, in the channel icons' hand ------------------------------------------

_W = 0.09
BACK: Glyph = (Line(((0.4, 0), (-0.36, 0)), _W), Line(((-0.08, -0.28), (-0.36, 0), (-0.08, 0.28)), _W))
OPEN: Glyph = (
    Line(((-0.45, -0.32), (-0.14, -0.32), (-0.04, -0.2), (0.4, -0.2), (0.4, 0.34), (-0.45, 0.34)), _W, True),
    Line(((-0.45, -0.06), (0.4, -0.06)), _W),
)
SAVE: Glyph = (
    Line(((-0.42, 0.08), (-0.42, 0.4), (0.42, 0.4), (0.42, 0.08)), _W),
    Line(((0, -0.45), (0, 0.18)), _W),
    Line(((-0.2, -0.02), (0, 0.18), (0.2, -0.02)), _W),
)
UNDO: Glyph = (
    Curve((0.34, 0.36), (((0.46, -0.08), (0.12, -0.2), (-0.36, -0.14)),), _W),
    Line(((-0.14, -0.36), (-0.36, -0.14), (-0.14, 0.08)), _W),
)
REDO: Glyph = mirrored(UNDO)
_LENS: Glyph = (Circle(-0.08, -0.08, 0.3, _W), Line(((0.14, 0.14), (0.42, 0.42)), 0.13))
ZOOM_OUT: Glyph = (*_LENS, Line(((-0.22, -0.08), (0.06, -0.08)), 0.08))
ZOOM_IN: Glyph = (*ZOOM_OUT, Line(((-0.08, -0.22), (-0.08, 0.06)), 0.08))
FIT: Glyph = (  # the map framed
    *(Line(((x * 0.42, y * 0.16), (x * 0.42, y * 0.42), (x * 0.16, y * 0.42)), _W) for x in (-1, 1) for y in (-1, 1)),
    Box(0, 0, 0.34, 0.24, radius=0.04, stroke=0.07),
)
ACTUAL_SIZE: Glyph = (  # "1:1"
    Line(((-0.36, -0.2), (-0.24, -0.3), (-0.24, 0.3)), _W),
    Circle(0, -0.1, 0.055),
    Circle(0, 0.16, 0.055),
    Line(((0.18, -0.2), (0.3, -0.3), (0.3, 0.3)), _W),
)

# -- the docks' icons, for the strips that collapse them ---------------------------------------

PALETTE: Glyph = tuple(Box(x * 0.24, y * 0.24, 0.34, 0.34, radius=0.06, stroke=0.08) for x in (-1, 1) for y in (-1, 1))
HISTORY: Glyph = (  # a clock
    Circle(0, 0, 0.4, _W),
    Line(((0, -0.24), (0, 0), (0.18, 0.1)), _W),
)
INSPECTOR: Glyph = tuple(  # three sliders
    shape
    for y, knob in ((-0.26, -0.14), (0, 0.16), (0.26, -0.04))
    for shape in (Line(((-0.4, y), (0.4, y)), 0.07), Circle(knob, y, 0.09))
)
INSIGHTS: Glyph = (  # a path through three nodes, the journey read as a graph
    Line(((-0.32, 0.26), (0, -0.2), (0.32, 0.18)), 0.07),
    Circle(-0.32, 0.26, 0.11),
    Circle(0, -0.2, 0.11),
    Circle(0.32, 0.18, 0.11),
)
PORTFOLIO: Glyph = (  # maps stacked in a folder
    Box(0.06, -0.08, 0.62, 0.46, radius=0.05, stroke=0.07),
    Box(-0.06, 0.06, 0.62, 0.46, radius=0.05, stroke=0.07),
)
CONFLICTS: Glyph = (  # a warning sign
    Line(((0, -0.4), (0.44, 0.36), (-0.44, 0.36)), 0.08, True),
    Line(((0, -0.1), (0, 0.1)), 0.09),
    Circle(0, 0.22, 0.05),
)
CHANGES: Glyph = (  # two versions side by side, one with a line more
    Box(-0.18, -0.04, 0.42, 0.62, radius=0.05, stroke=0.07),
    Box(0.2, 0.08, 0.42, 0.62, radius=0.05, stroke=0.07),
    Line(((0.1, 0.02), (0.3, 0.02)), 0.07),
    Line(((0.2, -0.08), (0.2, 0.12)), 0.07),
)
