"""A persona's emotion across the journey: their mean emotion per stage as a curve with faces, over
the grey curve of all touchpoints, on a -2..+2 grid with the stage names below."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import Color

from journeymapper.formats.pdf.emotions import smooth_line
from journeymapper.formats.pdf.icons import emotion_face
from journeymapper.formats.pdf.pen import CENTRE_TO_BASELINE, Pen
from journeymapper.formats.pdf.scene import MapScene
from journeymapper.formats.pdf.theme import FAINT, INK, MUTED, RULE, signed
from journeymapper.layout import XY, CurvePoint, Rect, wrap_text

TEXT, FACE = 7.5, 13.0
HEADING, SCALE_WIDTH, NAME_LINES = 22.0, 24.0, 3


@dataclass(frozen=True, slots=True)
class _Plot:
    area: Rect  # the grid from +2 (top) to -2 (bottom)
    columns: dict[str, Rect]  # each stage's share of the width, from the grid's top to the chart's bottom

    def at(self, point: CurvePoint) -> XY:
        return self.columns[point.stage_id].center.x, self.y(point.value)

    def y(self, value: float) -> float:
        return self.area.y + (2 - value) / 4 * self.area.height


def draw_chart(pen: Pen, scene: MapScene, name: str, curve: Sequence[CurvePoint], colour: Color, area: Rect,
               unit: float) -> None:  # fmt: skip
    """The chart in ``area``; ``stage_columns`` says where each stage's column is."""
    plot = _plot(scene, area, unit)
    _heading(pen, name, colour, area, unit)
    _grid(pen, plot, unit)
    _stage_names(pen, scene, plot, unit)
    smooth_line(pen, [plot.at(point) for point in scene.layout.emotion_curves.get(None, ())], FAINT, 1.2 * unit)
    smooth_line(pen, [plot.at(point) for point in curve], colour, 2 * unit)
    for point in curve:
        emotion_face(pen, *plot.at(point), FACE * unit, point.value)


def stage_columns(scene: MapScene, area: Rect, unit: float) -> dict[str, Rect]:
    """Each stage's column of the chart in ``area``, from the chart's bottom down: where the pages
    list what belongs to a stage, whether or not the chart is drawn above."""
    columns = _plot(scene, area, unit).columns
    return {stage_id: Rect(column.x, area.bottom, column.width, 0) for stage_id, column in columns.items()}


def _plot(scene: MapScene, area: Rect, unit: float) -> _Plot:
    names = NAME_LINES * TEXT * 1.3 * unit
    grid = Rect(area.x + SCALE_WIDTH * unit, area.y + HEADING * unit, area.width - SCALE_WIDTH * unit,
                area.height - HEADING * unit - names)  # fmt: skip
    step = grid.width / max(1, len(scene.document.stages))
    columns = {
        stage_id: Rect(grid.x + number * step, grid.y, step, area.bottom - grid.y)
        for number, stage_id in enumerate(scene.document.stages)
    }
    return _Plot(grid, columns)


def _heading(pen: Pen, name: str, colour: Color, area: Rect, unit: float) -> None:
    """The chart's title, and a key to its two lines at the right."""
    size, y = 8 * unit, area.y + 10 * unit
    pen.text(area.x, y, "EMOTION ACROSS THE JOURNEY", size, MUTED, bold=True)
    right = area.right
    for label, line_colour, width in (("All touchpoints", FAINT, 1.2), (name, colour, 2.0)):
        pen.text(right, y, label, size, MUTED, align="right")
        right -= pen.fonts.width(label, size) + 6 * unit
        pen.path([(right - 18 * unit, y - size * 0.35), (right, y - size * 0.35)], line_colour, width * unit)
        right -= 32 * unit


def _grid(pen: Pen, plot: _Plot, unit: float) -> None:
    size, area = TEXT * unit, plot.area
    for value in (2, 1, 0, -1, -2):
        y = plot.y(value)
        pen.path([(area.x, y), (area.right, y)], FAINT if value == 0 else RULE, 0.5 * unit)
        pen.text(area.x - 6 * unit, y + size * CENTRE_TO_BASELINE, signed(value), size, MUTED, align="right")


def _stage_names(pen: Pen, scene: MapScene, plot: _Plot, unit: float) -> None:
    size = TEXT * unit
    for stage_id, column in plot.columns.items():
        name = scene.document.stages[stage_id].name
        lines = wrap_text(name, column.width - 6 * unit, size, True, pen.fonts.width, max_lines=NAME_LINES)
        for number, line in enumerate(lines):
            y = plot.area.bottom + size * 1.3 * (number + 1.2)
            pen.text(column.center.x, y, line, size, INK, bold=True, align="centre")
