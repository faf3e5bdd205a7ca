"""The emotion curves in the emotions lane: the mean emotion of all cards per stage, and one
curve per persona in its badge colour and a dash of its own (``CurveStyle``). The legend that names
them is ``overlays.EmotionLegendItem``.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymapper.editor.items import Themed, qrect
from journeymapper.editor.theme import Theme
from journeymapper.layout import CurvePoint, Rect
from journeymapper.palette import EMOTION_COLOURS, persona_colour, persona_dashes


@dataclass(frozen=True)
class CurveStyle:
    """How one persona's emotion curve is drawn: the persona's colour and a dash of its own."""

    name: str
    colour: str
    dashes: tuple[float, ...]


def persona_curve_style(number: int, name: str) -> CurveStyle:
    """The ``number``-th persona's curve: its badge colour and its own dash (``journeymapper.palette``)."""
    return CurveStyle(name, persona_colour(number), persona_dashes(number))


def _curve_pen(colour: QColor, width: float, dashes: tuple[float, ...] = ()) -> QPen:
    pen = QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap, Qt.PenJoinStyle.RoundJoin)
    if dashes:
        pen.setDashPattern(list(dashes))
    return pen


class EmotionCurveItem(Themed, QGraphicsItem):
    """The emotion curve of all cards (mean emotion per stage) in the emotion band of the emotions
    lane, with a zero line, and beneath it one dashed curve per persona.

    Paths, pens and markers are built when the layout changes, never while painting."""

    def __init__(self, theme: Theme):
        super().__init__()
        self._theme = theme
        self._points: tuple[CurvePoint, ...] = ()
        self._band = QRectF()
        self._main: QPainterPath | None = None
        self._markers: list[tuple[QPointF, QColor]] = []
        self._persona_curves: list[tuple[QPen, QPainterPath | None, list[QPointF], QColor]] = []
        self._theme_pens()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(6)

    def set_theme(self, theme: Theme) -> None:
        """The curve of all cards gets a new pen: the scene passes it on to the legend."""
        super().set_theme(theme)
        self._theme_pens()

    def _theme_pens(self) -> None:
        theme = self._theme
        self._zero_pen = QPen(theme.grid_line, 1, Qt.PenStyle.DashLine)
        self._main_pen = _curve_pen(theme.header_text, 2.4)
        self._marker_pen = QPen(theme.card_fill, 1.5)

    @property
    def main_pen(self) -> QPen:
        return self._main_pen

    @property
    def persona_pens(self) -> list[QPen]:
        return [pen for pen, *_ in self._persona_curves]

    def set_curve(
        self,
        points: tuple[CurvePoint, ...],
        band: Rect | None,
        personas: Sequence[tuple[CurveStyle, tuple[CurvePoint, ...]]] = (),
    ) -> None:
        self.prepareGeometryChange()
        self._points = points
        self._band = qrect(band) if band else QRectF()
        self._main = smooth_path([QPointF(*p.point) for p in points]) if points else None
        self._markers = [(QPointF(*p.point), QColor(EMOTION_COLOURS[max(-2, min(2, round(p.value)))])) for p in points]
        self._persona_curves = []
        for style, curve in personas:
            colour = QColor(style.colour)
            corners = [QPointF(*p.point) for p in curve]
            path = smooth_path(corners) if len(corners) > 1 else None
            self._persona_curves.append((_curve_pen(colour, 1.8, style.dashes), path, corners, colour))
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._band.adjusted(-8, -8, 8, 8)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self._band.isNull():
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self._zero_pen)
        middle = self._band.center().y()
        painter.drawLine(QPointF(self._band.left(), middle), QPointF(self._band.right(), middle))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for pen, path, corners, colour in self._persona_curves:
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            if path is not None:
                painter.drawPath(path)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            for corner in corners:
                painter.drawEllipse(corner, 2.6, 2.6)
        if self._main is None:
            return
        painter.setPen(self._main_pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._main)
        painter.setPen(self._marker_pen)
        for centre, colour in self._markers:
            painter.setBrush(colour)
            painter.drawEllipse(centre, 5, 5)


def smooth_path(points: list[QPointF]) -> QPainterPath:
    """A curve through every point, bending halfway between neighbours (no overshoot)."""
    path = QPainterPath(points[0])
    for previous, point in itertools.pairwise(points):
        middle_x = (previous.x() + point.x()) / 2
        path.cubicTo(QPointF(middle_x, previous.y()), QPointF(middle_x, point.y()), point)
    return path
