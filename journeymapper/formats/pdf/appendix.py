"""Appendix pages: the touchpoint table, then one page per persona.

The table lists every touchpoint in map order (stage by stage, lane by lane) with its lane, title
and description, channel, emotion, pain points, opportunities and metrics. It breaks across as
many pages as it needs and repeats its header row on each; the stage and lane are printed where
they change, and again at the top of each page, so every page reads on its own. Nothing is cut: a
row too long for the rest of its page fills it and goes on at the top of the next, under its
title marked "continued".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TypeVar

from journeymapper.formats.pdf.context import Links, link_lines
from journeymapper.formats.pdf.fonts import Fonts
from journeymapper.formats.pdf.furniture import Page
from journeymapper.formats.pdf.icons import emotion_face
from journeymapper.formats.pdf.options import ExportOptions
from journeymapper.formats.pdf.pen import Pen, baseline
from journeymapper.formats.pdf.personas import persona_pages
from journeymapper.formats.pdf.plan import PageInfo, PlannedPage
from journeymapper.formats.pdf.scene import MapScene
from journeymapper.formats.pdf.textblock import LEADING, TextLine, bulleted, draw_text_lines, paragraph, split
from journeymapper.formats.pdf.theme import INK, MUTED, RULE, STAGE, WASH, signed
from journeymapper.layout import Rect
from journeymapper.model import Touchpoint

COLUMNS = (
    ("Stage", 0.11), ("Lane", 0.10), ("Touchpoint", 0.24), ("Channel", 0.08), ("Emotion", 0.07),
    ("Pain points", 0.14), ("Opportunities", 0.13), ("Metrics", 0.13),
)  # fmt: skip
STAGE_COLUMN, LANE_COLUMN, TITLE_COLUMN, EMOTION_COLUMN = 0, 1, 2, 4
TEXT, PADDING = 7.5, 4.0
LEAST_LINES = 3  # a row starts on a new page rather than leave fewer of its lines at a page's foot
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class _Row:
    """A touchpoint's row, or the part of it that one page shows (``first`` False for the rest)."""

    touchpoint: Touchpoint
    cells: tuple[tuple[TextLine, ...], ...]
    lines: int
    first: bool = True


def appendix_pages(scene: MapScene, options: ExportOptions, links: Links) -> list[PlannedPage]:
    page = Page(*options.page_size, options.margin)
    return [*touchpoint_pages(scene, page, links), *persona_pages(scene, page)]


def touchpoint_pages(scene: MapScene, page: Page, links: Links) -> list[PlannedPage]:
    unit = page.unit
    widths = _widths(scene.fonts, page.body.width, unit)
    rows = [_row(scene, touchpoint, widths, unit, links) for touchpoint in scene.document.touchpoints()]
    heading = _heading_height(unit)
    room = page.body.height - heading - _header_height(unit)
    continued = partial(_continued, scene.fonts, widths[TITLE_COLUMN] - 2 * PADDING * unit, TEXT * unit)
    chunks = list(_pages(rows, room, unit, continued))
    pages = []
    for number, chunk in enumerate(chunks or [[]]):
        title = "Touchpoints" if number == 0 else "Touchpoints (continued)"

        def draw(pen: Pen, page: Page, chunk: list[_Row] = chunk, title: str = title) -> None:
            draw_heading(pen, page, title)
            _draw_table(pen, page, widths, chunk, page.body.y + heading)

        pages.append(PlannedPage(PageInfo("touchpoints", page.width, page.height, title), draw))
    return pages


def _widths(fonts: Fonts, total: float, unit: float) -> list[float]:
    """The columns' shares of ``total``, each at least as wide as its heading; the touchpoint
    column, the most elastic, gives up what the narrow ones need."""
    least = [fonts.width(name, TEXT * unit, bold=True) + 2 * PADDING * unit for name, _ in COLUMNS]
    widths = [max(fraction * total, floor) for (_, fraction), floor in zip(COLUMNS, least)]
    widths[TITLE_COLUMN] -= sum(widths) - total
    return widths


def _heading_height(unit: float) -> float:
    return 30 * unit


def _header_height(unit: float) -> float:
    return (TEXT * LEADING + 2 * PADDING) * unit


def _row_height(lines: int, unit: float) -> float:
    return (max(1, lines) * TEXT * LEADING + 2 * PADDING) * unit


def paginate(items: Sequence[T], height: Callable[[T], float], room: float) -> Iterator[list[T]]:
    """``items`` in order, in runs no taller than ``room`` (an item taller than that on its own)."""
    chunk: list[T] = []
    used = 0.0
    for item in items:
        tall = height(item)
        if chunk and used + tall > room:
            yield chunk
            chunk, used = [], 0.0
        chunk.append(item)
        used += tall
    if chunk:
        yield chunk


def _pages(rows: Sequence[_Row], room: float, unit: float, continued: Callable[[Touchpoint], TextLine]
           ) -> Iterator[list[_Row]]:  # fmt: skip
    """``rows`` in pages no taller than ``room``, a row too long for what is left of a page split
    there and continued on the next."""
    chunk: list[_Row] = []
    used = 0.0
    for row in rows:
        while True:
            fits = _lines_in(room - used, unit) if chunk else max(1, _lines_in(room, unit))
            if row.lines <= fits:
                chunk.append(row)
                used += _row_height(row.lines, unit)
                break
            if fits >= min(LEAST_LINES, row.lines) or not chunk:
                head, row = _split(row, fits, continued(row.touchpoint))
                chunk.append(head)
            yield chunk
            chunk, used = [], 0.0
    if chunk:
        yield chunk


def _lines_in(height: float, unit: float) -> int:
    """How many lines a row ``height`` tall holds."""
    return int((height / unit - 2 * PADDING) // (TEXT * LEADING))


def _split(row: _Row, lines: int, marker: TextLine) -> tuple[_Row, _Row]:
    """At most ``lines`` lines of every cell, and the rest under ``marker`` in the title column."""
    breaks = [len(split(cell, lines)[0]) for cell in row.cells]
    head = tuple(cell[:at] for cell, at in zip(row.cells, breaks))
    rest = [cell[at:] for cell, at in zip(row.cells, breaks)]
    for column in (STAGE_COLUMN, LANE_COLUMN):  # named again on the next page, if that cannot go on for ever
        if len(row.cells[column]) < lines:
            rest[column] = row.cells[column]
    rest[TITLE_COLUMN] = (marker, *rest[TITLE_COLUMN])
    rest[EMOTION_COLUMN] = ()  # the face is drawn beside the row's first line only
    tail = tuple(rest)
    return (
        _Row(row.touchpoint, head, max(len(cell) for cell in head), row.first),
        _Row(row.touchpoint, tail, max(len(cell) for cell in tail), first=False),
    )


def _continued(fonts: Fonts, width: float, size: float, touchpoint: Touchpoint) -> TextLine:
    return TextLine(fonts.fits(f"{touchpoint.title} (continued)", width, size, bold=True), bold=True, colour=MUTED)


# -- cells ---------------------------------------------------------------------------------------


def _row(scene: MapScene, touchpoint: Touchpoint, widths: list[float], unit: float, links: Links) -> _Row:
    document, fonts, size = scene.document, scene.fonts, TEXT * unit
    rooms = [width - 2 * PADDING * unit for width in widths]
    metrics = [f"{name}: {_measured(metric.value, metric.unit)}" for name, metric in touchpoint.metrics.items()]
    emotion = "" if touchpoint.emotion is None else signed(touchpoint.emotion)
    cells = [
        paragraph(fonts, document.stages[touchpoint.stage].name, rooms[0], size, bold=True),
        paragraph(fonts, document.lanes[touchpoint.lane].name, rooms[1], size),
        paragraph(fonts, touchpoint.title, rooms[2], size, bold=True)
        + paragraph(fonts, touchpoint.description, rooms[2], size, colour=MUTED)
        + [line for link in links.get(touchpoint.id, ()) for line in link_lines(fonts, link, rooms[2], size)],
        paragraph(fonts, touchpoint.channel, rooms[3], size),
        [TextLine(emotion, indent=size * 1.4)],
        bulleted(fonts, touchpoint.pain_points, rooms[5], size),
        bulleted(fonts, touchpoint.opportunities, rooms[6], size),
        bulleted(fonts, metrics, rooms[7], size),
    ]
    return _Row(touchpoint, tuple(map(tuple, cells)), max(len(cell) for cell in cells))


def _measured(value: float, unit: str) -> str:
    """``21 days``, ``38%``, ``48,000 USD``, ``4.2``."""
    number = f"{value:,}" if isinstance(value, int) else f"{value:,.12g}"
    return f"{number}{unit}" if unit == "%" else f"{number} {unit}".rstrip()


# -- drawing -------------------------------------------------------------------------------------


def draw_heading(pen: Pen, page: Page, title: str) -> None:
    size, body = 14 * page.unit, page.body
    pen.text(body.x, body.y + size, title, size, INK, bold=True)


def _draw_table(pen: Pen, page: Page, widths: list[float], rows: list[_Row], top: float) -> None:
    unit, body = page.unit, page.body
    lefts = [body.x + sum(widths[:column]) for column in range(len(widths))]
    header = _header_height(unit)
    pen.rect(Rect(body.x, top, body.width, header), fill=STAGE)
    for (name, _), left in zip(COLUMNS, lefts):
        pen.text(left + PADDING * unit, baseline(top, header, TEXT * unit), name, TEXT * unit, WASH, bold=True)
    y, previous = top + header, None
    for number, row in enumerate(rows):
        if number % 2:
            pen.rect(Rect(body.x, y, body.width, _row_height(row.lines, unit)), fill=WASH)
        y = _draw_row(pen, page, lefts, row, previous, y)
        previous = row
    pen.path([(body.x, y), (body.right, y)], RULE, 0.4 * unit)


def _draw_row(pen: Pen, page: Page, lefts: list[float], row: _Row, previous: _Row | None, top: float) -> float:
    """One row under a rule (a dark one where a new stage starts); returns the row's bottom."""
    unit, body, size = page.unit, page.body, TEXT * page.unit
    new_stage = previous is None or previous.touchpoint.stage != row.touchpoint.stage
    new_lane = new_stage or previous is None or previous.touchpoint.lane != row.touchpoint.lane
    colour, width = (INK, 0.8) if new_stage and previous else (RULE, 0.4)
    pen.path([(body.x, top), (body.right, top)], colour, width * unit)
    for column, (cell, left) in enumerate(zip(row.cells, lefts)):
        if (column == STAGE_COLUMN and not new_stage) or (column == LANE_COLUMN and not new_lane):
            continue  # said in an earlier row of this page
        draw_text_lines(pen, cell, left + PADDING * unit, top + PADDING * unit, size)
    if row.first and row.touchpoint.emotion is not None:
        middle = top + (PADDING + TEXT * LEADING / 2) * unit
        emotion_face(pen, lefts[EMOTION_COLUMN] + PADDING * unit + size / 2, middle, size, row.touchpoint.emotion)
    return top + _row_height(row.lines, unit)
