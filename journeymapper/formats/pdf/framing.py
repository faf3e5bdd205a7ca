"""The arrangement a fit page and a poster's cover share: the title block at the top, the legend
below the map or at its right (whichever lets the map be larger), the map or its miniature scaled
into the frame that is left."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from journeymapper.formats.pdf.furniture import Page, TitleBlock, draw_title_block, title_block
from journeymapper.formats.pdf.legend import Block, draw_legend, legend_blocks, legend_height, legend_width
from journeymapper.formats.pdf.pen import Pen
from journeymapper.formats.pdf.scene import MapScene
from journeymapper.formats.pdf.sheet import View
from journeymapper.formats.pdf.tiling import fit_scale
from journeymapper.layout import Rect

MAP_SHARE = 0.4  # a legend that leaves the map less of the page than this is left out


@dataclass(frozen=True, slots=True)
class Framed:
    block: TitleBlock
    legend: list[Block]
    legend_area: Rect | None  # None on a page too small for a legend and a map
    view: View  # the whole map, as large as the frame allows, centred across it


def framed(scene: MapScene, page: Page, date: datetime.date | None) -> Framed:
    fonts, body, unit = scene.fonts, page.body, page.legend_unit
    block = title_block(fonts, page, scene.document, date)
    blocks = legend_blocks(scene)
    top, gap = body.y + block.height, 12 * page.unit
    below = legend_height(fonts, blocks, body.width, unit)
    arrangements: list[tuple[Rect, Rect | None]] = [(Rect(body.x, top, body.width, body.bottom - below - gap - top),
                     Rect(body.x, body.bottom - below, body.width, below))]  # fmt: skip
    side = legend_width(fonts, blocks, unit)
    side_height = legend_height(fonts, blocks, side, unit)
    if side_height <= body.bottom - top:
        arrangements.append((Rect(body.x, top, body.width - side - 2 * gap, body.bottom - top),
                             Rect(body.right - side, top, side, side_height)))  # fmt: skip
    roomy = [(frame, area) for frame, area in arrangements if frame.height >= MAP_SHARE * (body.bottom - top)]
    frame, legend_area = max(roomy or [(Rect(body.x, top, body.width, body.bottom - top), None)],
                             key=lambda pair: _scale(scene, pair[0]))  # fmt: skip
    scale = _scale(scene, frame)
    width, height = View(scene.extent, scale, 0, 0).size(scene)
    if legend_area and legend_area.width == body.width:  # below the map: right under it, not at the page's foot
        legend_area = Rect(body.x, frame.y + height + gap, body.width, legend_area.height)
    return Framed(block, blocks, legend_area, View(scene.extent, scale, frame.x + (frame.width - width) / 2, frame.y))


def _scale(scene: MapScene, frame: Rect) -> float:
    return fit_scale(scene, frame.width, max(1.0, frame.height))


def draw_framed(pen: Pen, page: Page, framed: Framed) -> None:
    """The title block and the legend; the caller draws the map in ``framed.view``."""
    draw_title_block(pen, page, framed.block)
    if framed.legend_area:
        draw_legend(pen, framed.legend, framed.legend_area, page.legend_unit)
