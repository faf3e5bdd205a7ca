"""Fit mode: the whole map on one page, scaled to the frame between the title block and the
legend, with a warning (and the page size that would do) when its text gets too small to read."""

from __future__ import annotations

from journeymapper.formats.pdf.connectors import arrows
from journeymapper.formats.pdf.framing import Framed, draw_framed, framed
from journeymapper.formats.pdf.furniture import Page
from journeymapper.formats.pdf.options import NAMED_SIZES, SUGGESTED_SIZES, ExportOptions
from journeymapper.formats.pdf.pen import Pen
from journeymapper.formats.pdf.plan import MapPages, PageInfo, PlannedPage
from journeymapper.formats.pdf.scene import MapScene
from journeymapper.formats.pdf.sheet import Content, draw_view
from journeymapper.formats.pdf.theme import MIN_TEXT, MUTED


def fit_pages(scene: MapScene, options: ExportOptions) -> MapPages:
    page = Page(*options.page_size, options.margin)
    arrangement = framed(scene, page, options.date)

    def draw(pen: Pen, _: Page) -> None:
        draw_framed(pen, page, arrangement)
        if scene.document.stages and scene.document.lanes:
            draw_view(pen, scene, arrangement.view, Content(arrows(scene), scene.labels))
        else:
            _empty(pen, page, arrangement)

    info = PageInfo("map", page.width, page.height, "Map", scene.extent)
    scale = arrangement.view.scale
    return MapPages([PlannedPage(info, draw)], scale, _small_text(scene, options, page, scale))


def _empty(pen: Pen, page: Page, arrangement: Framed) -> None:
    """A map without stages or lanes has no grid to draw: say so where it would be."""
    size = 12 * page.unit
    pen.text(page.body.center.x, arrangement.view.top + 4 * size, "This map has no stages or lanes yet.", size,
             MUTED, align="centre")  # fmt: skip


def _small_text(scene: MapScene, options: ExportOptions, page: Page, scale: float) -> list[str]:
    smallest = scene.smallest_text * scale
    if smallest >= MIN_TEXT:
        return []
    landscape = page.width > page.height
    bigger = next((name for name in SUGGESTED_SIZES if _readable_on(scene, options, name, landscape, page.width)), None)
    advice = f"choose page {bigger} or larger, or tile mode" if bigger else "choose tile mode"
    where = f"on {options.describe_page()} the map's smallest text is {smallest:.1f} pt"
    return [f"{where}, under {MIN_TEXT:g} pt: {advice}"]


def _readable_on(scene: MapScene, options: ExportOptions, name: str, landscape: bool, current_width: float) -> bool:
    """Whether a larger named page would print the map's text at MIN_TEXT or more."""
    width, height = NAMED_SIZES[name].oriented("landscape" if landscape else "portrait")
    if width <= current_width:
        return False
    view = framed(scene, Page(width, height, options.margin), options.date).view
    return scene.smallest_text * view.scale >= MIN_TEXT
