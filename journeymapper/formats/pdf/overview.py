"""The cover of a tiled poster: the whole map in miniature with the sheets drawn over it, so that
whoever assembles the poster sees which sheet goes where.

The miniature leaves out text and markers (at this size they would be specks) and draws each card
as a plain block in its lane's colour, which also keeps a 10,000-card cover quick.
"""

from __future__ import annotations

from journeymapper.formats.pdf import grid
from journeymapper.formats.pdf.pen import CENTRE_TO_BASELINE, Pen
from journeymapper.formats.pdf.scene import MapScene
from journeymapper.formats.pdf.sheet import View
from journeymapper.formats.pdf.theme import ACCENT, PAPER, STAGE, tint
from journeymapper.formats.pdf.tiling import Tiling
from journeymapper.layout import Rect

CARD_TINT = 0.55
LABEL_SIZE = 28.0  # page points, at most


def draw_overview(pen: Pen, scene: MapScene, view: View, tiling: Tiling) -> None:
    """The miniature of ``view`` (a view of the whole map) with the sheets of ``tiling`` over it."""
    scale, extent = view.scale, scene.extent
    origin_x = view.left + (scene.lane_header_width - extent.x) * scale
    origin_y = view.top + (scene.header_height - extent.y) * scale
    with pen.at(origin_x, origin_y, scale):
        grid.draw_rows(pen, scene, extent)
        _blocks(pen, scene)
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
