"""Fit mode: the whole map on one page, scaled to the frame between the title block and the
legend, with a warning (and the page size that would do) when its text gets too small to read."""

from __future__ import annotations

import math
from dataclasses import replace

from journeymapper.formats.pdf.connectors import arrows
from journeymapper.formats.pdf.framing import Framed, draw_framed, framed
from journeymapper.formats.pdf.furniture import Page
from journeymapper.formats.pdf.options import NAMED_SIZES, ExportOptions, Orientation, series
from journeymapper.formats.pdf.pen import Pen
from journeymapper.formats.pdf.plan import MapPages, PageInfo, PlannedPage
from journeymapper.formats.pdf.scene import MapScene
from journeymapper.formats.pdf.sheet import Content, draw_view
from journeymapper.formats.pdf.theme import MIN_TEXT, MUTED
from journeymapper.formats.pdf.trim import draw_trim_marks

SCALE_STEP = 0.05


def fit_pages(scene: MapScene, options: ExportOptions) -> MapPages:
    page = Page(*options.page_size, options.margin)
    arrangement = framed(scene, page, options.date)

    def draw(pen: Pen, _: Page) -> None:
        draw_framed(pen, page, arrangement)
        if scene.document.stages and scene.document.lanes:
            draw_view(pen, scene, arrangement.view, Content(arrows(scene), scene.labels))
            if options.trim_marks:
                draw_trim_marks(pen, page, arrangement.view.rect(scene))
        else:
            _empty(pen, page, arrangement)

    info = PageInfo("map", page.width, page.height, "Map", scene.extent)
    scale = arrangement.view.scale
    warnings, advice = _small_text(scene, options, page, scale)
    return MapPages([PlannedPage(info, draw)], scale, warnings, advice)


def _empty(pen: Pen, page: Page, arrangement: Framed) -> None:
    """A map without stages or lanes has no grid to draw: say so where it would be."""
    size = 12 * page.unit
    pen.text(page.body.center.x, arrangement.view.top + 4 * size, "This map has no stages or lanes yet.", size,
             MUTED, align="centre")  # fmt: skip


def fitted_text(scene: MapScene, options: ExportOptions) -> float:
    """The map's smallest text in points on a fit page with ``options``."""
    page = Page(*options.page_size, options.margin)
    return scene.smallest_text * framed(scene, page, options.date).view.scale


def readable_scale(scene: MapScene) -> float:
    """The least round scale (0.65, not 0.6316) that prints the map's smallest text at
    ``MIN_TEXT`` or more."""
    return math.ceil(MIN_TEXT / scene.smallest_text / SCALE_STEP - 1e-9) * SCALE_STEP


def _small_text(scene: MapScene, options: ExportOptions, page: Page, scale: float
                ) -> tuple[list[str], ExportOptions | None]:  # fmt: skip
    """The warning when the text prints too small, and the options that would print it readably:
    the smallest larger page of the same series in the same orientation, else a poster on this one."""
    smallest = scene.smallest_text * scale
    if smallest >= MIN_TEXT:
        return [], None
    landscape = page.width > page.height
    bigger = next((name for name in series(options.page) if _readable_on(scene, options, name, landscape, page.width)),
                  None)  # fmt: skip
    where = f"on {options.describe_page()} the map's smallest text is {smallest:.1f} pt, under {MIN_TEXT:g} pt"
    orientation: Orientation = "landscape" if landscape else "portrait"
    if bigger is not None:
        advice = replace(options, page=NAMED_SIZES[bigger], orientation=orientation)
        return [f"{where}: choose page {bigger} or larger, or tile mode"], advice
    advice = replace(options, orientation=orientation, mode="tile", scale=readable_scale(scene))
    return [f"{where}: choose tile mode"], advice


def _readable_on(scene: MapScene, options: ExportOptions, name: str, landscape: bool, current_width: float) -> bool:
    """Whether a larger named page would print the map's text at MIN_TEXT or more."""
    width, height = NAMED_SIZES[name].oriented("landscape" if landscape else "portrait")
    if width <= current_width:
        return False
    view = framed(scene, Page(width, height, options.margin), options.date).view
    return scene.smallest_text * view.scale >= MIN_TEXT
