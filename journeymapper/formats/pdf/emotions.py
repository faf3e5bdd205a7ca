"""The emotions lane's band under its cards: a guide at neutral, the curve of all cards with a face
at each stage, and a thinner curve per persona in that persona's colour and dash, as on the canvas.

Curves are Bézier segments with level tangents at every stage, so a curve never swings above +2 or
below -2 between two stages, as a spline through the points would.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.colors import Color

from journeymapper.formats.pdf.icons import emotion_face
from journeymapper.formats.pdf.pen import CENTRE_TO_BASELINE, Pen
from journeymapper.formats.pdf.scene import MapScene
from journeymapper.formats.pdf.theme import FAINT, INK, MUTED, signed
from journeymapper.layout import XY, CurvePoint, Rect, emotion_band

FACE = 13.0
OVERALL_WIDTH, PERSONA_WIDTH = 1.6, 0.8


def emotion_y(scene: MapScene, value: float) -> float:
    """Where ``value`` sits in the emotion band under the lane's cards: +2 at the top, -2 at the
    bottom, inside the padding (the layout's rule for curve points)."""
    lane = scene.emotion_lane
    assert lane is not None, "only a map with an emotions lane has a band to place values in"
    band, padding = emotion_band(scene.layout.rows[lane], scene.style), scene.style.emotion_padding
    return band.y + padding + (2 - value) / 4 * (band.height - 2 * padding)


def draw_guides(pen: Pen, scene: MapScene, window: Rect) -> None:
    """A dashed line at neutral across the visible part of the lane."""
    if scene.emotion_lane is not None:
        y = emotion_y(scene, 0)
        pen.path([(window.x, y), (window.right, y)], FAINT, 0.6, dash=(3, 3))


def draw_curves(pen: Pen, scene: MapScene) -> None:
    curves = scene.layout.emotion_curves
    for key, ink in scene.curve_inks.items():
        _curve(pen, curves[key], ink.colour, PERSONA_WIDTH, ink.dash(PERSONA_WIDTH))
        pen.dots([(point.point.x, point.point.y) for point in curves[key]], 3.0, ink.colour)
    overall = curves.get(None, ())
    _curve(pen, overall, INK, OVERALL_WIDTH)
    for point in overall:
        emotion_face(pen, point.point.x, point.point.y, FACE, point.value)


def _curve(pen: Pen, points: Sequence[CurvePoint], colour: Color, width: float, dash: Sequence[float] = ()) -> None:
    smooth_line(pen, [(point.point.x, point.point.y) for point in points], colour, width, dash)


def smooth_line(pen: Pen, points: Sequence[XY], colour: Color, width: float, dash: Sequence[float] = ()) -> None:
    """A smooth line through ``points`` (left to right) that never overshoots them; solid unless ``dash``."""
    if len(points) >= 2:
        pen.curve(points[0], list(map(_segment, points, points[1:])), colour, width, dash)


def _segment(start: XY, end: XY) -> tuple[XY, XY, XY]:
    half = (end[0] - start[0]) / 2
    return (start[0] + half, start[1]), (end[0] - half, end[1]), end


def draw_scale(pen: Pen, scene: MapScene, header: Rect) -> None:
    """+2, 0 and -2 at the right edge of the emotions lane's header."""
    size, right = scene.style.small_font_size, header.right - scene.style.header_padding
    for value in (2, 0, -2):
        y = emotion_y(scene, value)
        pen.text(right, y + size * CENTRE_TO_BASELINE, signed(value), size, MUTED, align="right")
