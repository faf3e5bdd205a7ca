"""The grid: stage headers with their notes on linked maps, lane headers in their teams' colours,
and the tinted rows of cells.

Headers are drawn for a visible range only, with their text at the start of the part that shows:
a sheet of a tiled poster that begins in the middle of a long lane still names the lane.
"""

from __future__ import annotations

from journeymapper.formats.pdf.emotions import draw_scale
from journeymapper.formats.pdf.pen import Pen, baseline
from journeymapper.formats.pdf.scene import MapScene
from journeymapper.formats.pdf.stage_notes import StageNote
from journeymapper.formats.pdf.theme import BROKEN_NOTE, HEADER_TINT, INK, NOTE, PAPER, ROW_TINT, STAGE, WASH, tint
from journeymapper.layout import Rect
from journeymapper.model import LaneKind

GAP = 2.0  # white space between neighbouring headers and rows
LANE_EDGE = 4.0
SLIVER = 48.0  # a header showing less than this of its width on a sheet is left unnamed there


def draw_rows(pen: Pen, scene: MapScene, window: Rect) -> None:
    """Each lane's row in a pale tint of its colour, cells parted by white lines."""
    lanes = scene.document.lanes
    for lane_id, row in scene.layout.rows.items():
        if row.bottom <= window.y or row.y >= window.bottom:
            continue
        lane = lanes[lane_id]
        fill = WASH if lane.kind == LaneKind.EMOTIONS else tint(lane.colour, ROW_TINT)
        pen.rect(Rect(window.x, row.y + GAP / 2, window.width, row.height - GAP), fill=fill)
    for x in scene.layout.stage_edges[1:-1]:
        if window.x < x < window.right:
            pen.path([(x, window.y), (x, window.bottom)], PAPER, GAP)


def draw_stage_headers(pen: Pen, scene: MapScene, left: float, right: float) -> None:
    style = scene.style
    reserved = any(header.summary for header in scene.layout.stage_headers.values())
    for stage_id, header in scene.layout.stage_headers.items():
        rect = header.rect
        if rect.right <= left or rect.x >= right:
            continue
        pen.rect(Rect(rect.x + GAP / 2, rect.y, rect.width - GAP, rect.height), fill=STAGE)
        if min(rect.right, right) - max(rect.x, left) < SLIVER:
            continue  # a sheet cut beside a label shows a strip of the next stage: a letter or two would puzzle
        # The name is centred above the strip the layout keeps for notes, which every header has
        # when one stage links: centred in the whole header, a tall name would run into its note.
        room = rect.height - (style.stage_summary_height if reserved else 0.0)
        top = rect.y + (room - len(header.lines) * style.header_line_height) / 2
        text_left = max(rect.x, left) + style.header_padding
        pen.lines(text_left, top, header.lines, style.header_font_size, style.header_line_height, PAPER, bold=True)
        note = scene.notes.get(stage_id)
        if note is not None and header.summary is not None:
            width = min(rect.right, right) - style.header_padding - text_left
            draw_note(pen, scene, note, Rect(text_left, header.summary.y, width, header.summary.height))


def draw_note(pen: Pen, scene: MapScene, note: StageNote, rect: Rect, size: float | None = None) -> None:
    """One line, shortened where the header is too narrow; in the map's small text unless ``size``."""
    size = size or scene.style.small_font_size
    text = note.fitting(pen.fonts, rect.width, size)
    pen.text(rect.x, baseline(rect.y, rect.height, size), text, size, BROKEN_NOTE if note.broken else NOTE)


def draw_lane_headers(pen: Pen, scene: MapScene, top: float, bottom: float) -> None:
    style, lanes = scene.style, scene.document.lanes
    for lane_id, header in scene.layout.lane_headers.items():
        rect = header.rect
        if rect.bottom <= top or rect.y >= bottom:
            continue
        colour = lanes[lane_id].colour
        pen.rect(Rect(rect.x, rect.y + GAP / 2, rect.width, rect.height - GAP), fill=tint(colour, HEADER_TINT))
        pen.rect(Rect(rect.x, rect.y + GAP / 2, LANE_EDGE, rect.height - GAP), fill=tint(colour, 1.0))
        text_top = max(rect.y, top) + style.header_padding
        left = rect.x + style.header_padding + LANE_EDGE / 2
        pen.lines(left, text_top, header.lines, style.header_font_size, style.header_line_height, INK, bold=True)
        if lane_id == scene.emotion_lane:
            draw_scale(pen, scene, rect)
