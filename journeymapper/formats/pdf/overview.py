"""The cover of a tiled poster: the whole map in miniature with the sheets drawn over it, so that
whoever assembles the poster sees which sheet goes where.

The miniature leaves out the cards' text and markers (at this size they would be specks) and draws
each card as a plain block in its lane's colour, which also keeps a 10,000-card cover quick. It
names the stages and lanes, at a size that can be read, so that whoever assembles the poster can
tell the sheets apart by their content, and prints the notes under linked stages where the
miniature is large enough for them to be read.
"""

from __future__ import annotations

from reportlab.lib.colors import Color

from journeymapper.formats.pdf import grid
from journeymapper.formats.pdf.pen import CENTRE_TO_BASELINE, Pen
from journeymapper.formats.pdf.scene import MapScene
from journeymapper.formats.pdf.sheet import View
from journeymapper.formats.pdf.theme import ACCENT, INK, MIN_TEXT, PAPER, STAGE, tint
from journeymapper.formats.pdf.tiling import Tiling
from journeymapper.layout import Rect, wrap_text

CARD_TINT = 0.55
LABEL_SIZE = 28.0  # page points, at most
NAME_SIZE = 8.0  # page points, at most; never under MIN_TEXT
LEADING = 1.2


def draw_overview(pen: Pen, scene: MapScene, view: View, tiling: Tiling) -> None:
    """The miniature of ``view`` (a view of the whole map) with the sheets of ``tiling`` over it."""
    scale, extent = view.scale, scene.extent
    origin_x = view.left + (scene.lane_header_width - extent.x) * scale
    origin_y = view.top + (scene.header_height - extent.y) * scale
    with pen.at(origin_x, origin_y, scale):
        grid.draw_rows(pen, scene, extent)
        _blocks(pen, scene)
        _names(pen, scene, scale)
        _sheets(pen, tiling, scale)


def _blocks(pen: Pen, scene: MapScene) -> None:
    """Headers and cards as plain blocks."""
    for header in scene.layout.stage_headers.values():
        rect = header.rect
        pen.rect(Rect(rect.x + 1, rect.y, rect.width - 2, rect.height), fill=STAGE)
    lanes = scene.document.lanes
    for lane_id, header in scene.layout.lane_headers.items():
        pen.rect(
            Rect(header.rect.x, header.rect.y + 1, header.rect.width, header.rect.height - 2),
            fill=tint(lanes[lane_id].colour, 0.45),
        )
    for card in scene.layout.cards.values():
        pen.rect(card.rect, fill=tint(lanes[card.cell[1]].colour, CARD_TINT))


def _names(pen: Pen, scene: MapScene, scale: float) -> None:
    """Each stage's and lane's name in its header block, in as many lines as the block holds; none
    where the block cannot hold one line at a readable size."""
    size = max(MIN_TEXT, min(NAME_SIZE, scene.style.header_font_size * scale)) / scale  # in map points
    stages, lanes = scene.document.stages, scene.document.lanes
    # The notes as much smaller than the names as on the sheets, and only where they can be read.
    note_size = size * scene.style.small_font_size / scene.style.header_font_size
    notes = scene.notes if note_size * scale >= MIN_TEXT else {}
    strip = scene.style.stage_summary_height if notes else 0.0  # every name above the notes' strip
    for stage_id, header in scene.layout.stage_headers.items():
        rect, note = header.rect, notes.get(stage_id)
        if note is not None and header.summary is not None:
            grid.draw_note(pen, scene, note, header.summary, note_size)
        _name(pen, scene, Rect(rect.x, rect.y, rect.width, rect.height - strip), stages[stage_id].name, size, PAPER)
    for lane_id, header in scene.layout.lane_headers.items():
        _name(pen, scene, header.rect, lanes[lane_id].name, size, INK)


def _name(pen: Pen, scene: MapScene, rect: Rect, name: str, size: float, colour: Color) -> None:
    padding = scene.style.header_padding
    most = int((rect.height - padding) // (size * LEADING))
    if most < 1:
        return
    width = rect.width - 2 * padding
    if any(pen.fonts.width(word, size, True) > width for word in name.split()):
        lines: tuple[str, ...] = (pen.fonts.fits(name, width, size, True),)  # a word cut in two reads worse
    else:
        lines = wrap_text(name, width, size, True, pen.fonts.width, max_lines=most)
    top = rect.y + (rect.height - len(lines) * size * LEADING) / 2
    pen.lines(rect.x + padding, top, lines, size, size * LEADING, colour, bold=True)


def _sheets(pen: Pen, tiling: Tiling, scale: float) -> None:
    line = 1.2 / scale  # page points, whatever the miniature's scale
    for sheet in tiling.sheets:
        window = sheet.window
        pen.rect(window, stroke=ACCENT, width=line)
        size = min(LABEL_SIZE / scale, window.height * 0.4, window.width * 0.3)
        middle = window.center
        box_width = pen.fonts.width(sheet.label, size, True) + size * 0.6
        pen.rect(
            Rect(middle.x - box_width / 2, middle.y - size * 0.65, box_width, size * 1.3), fill=PAPER, radius=size * 0.2
        )
        pen.text(middle.x, middle.y + size * CENTRE_TO_BASELINE, sheet.label, size, ACCENT, bold=True, align="centre")
