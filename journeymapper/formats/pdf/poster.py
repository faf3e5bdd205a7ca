"""Tile mode: the map as a poster of sheets at a chosen scale, behind a cover that shows how the
sheets fit together. Each sheet repeats the stage and lane headers of its part of the map and
carries its grid label (A1, B1, ... A2) in the headers' corner."""

from __future__ import annotations

from dataclasses import replace
from functools import cached_property

from journeymapper.errors import JourneyMapError
from journeymapper.formats.pdf.connectors import arrows, pieces
from journeymapper.formats.pdf.fit import fit_pages, readable_scale
from journeymapper.formats.pdf.framing import draw_framed, framed
from journeymapper.formats.pdf.furniture import Page
from journeymapper.formats.pdf.options import ExportOptions
from journeymapper.formats.pdf.overview import draw_overview
from journeymapper.formats.pdf.pen import Pen
from journeymapper.formats.pdf.plan import MapPages, PageInfo, PlannedPage
from journeymapper.formats.pdf.scene import MapScene
from journeymapper.formats.pdf.sheet import Content, View, draw_view
from journeymapper.formats.pdf.theme import INK, MIN_TEXT, MUTED, RULE
from journeymapper.formats.pdf.tiling import Sheet, Tiling, bucket, tile
from journeymapper.formats.pdf.trim import draw_trim_marks
from journeymapper.layout import Rect


def poster_pages(scene: MapScene, options: ExportOptions) -> MapPages:
    if not (scene.document.stages and scene.document.lanes):
        return fit_pages(scene, options)  # nothing to tile: one page that says so, not a cover and a blank sheet
    page, scale = Page(*options.page_size, options.margin), options.scale
    tiling = poster_tiling(scene, options)
    arrangement = framed(scene, page, options.date)

    def draw_cover(pen: Pen, _: Page) -> None:
        draw_framed(pen, page, arrangement)
        draw_overview(pen, scene, arrangement.view, tiling)

    cover = PageInfo("cover", page.width, page.height, "How the sheets fit together")
    pages = [PlannedPage(cover, draw_cover), *_sheets(scene, tiling, scale, page, options.trim_marks)]
    advice = replace(options, scale=readable_scale(scene)) if scene.smallest_text * scale < MIN_TEXT else None
    return MapPages(pages, scale, _tile_warnings(scene, tiling, scale), advice)


def poster_tiling(scene: MapScene, options: ExportOptions) -> Tiling:
    """How the map falls across the sheets of ``options``' page at its scale."""
    scale, body = options.scale, Page(*options.page_size, options.margin).body
    window_width = body.width / scale - scene.lane_header_width
    window_height = body.height / scale - scene.header_height
    if min(window_width, window_height) < scene.style.card_width / 4:
        raise JourneyMapError(
            f"at scale {scale:g} the stage and lane headers alone fill a {options.describe_page()} page: "
            "choose a smaller scale or a larger page"
        )
    return tile(scene, window_width, window_height)


class _Contents:
    """What each sheet shows, worked out once, when the first sheet is drawn: a preview plans the
    sheets of a big map without paying for it."""

    def __init__(self, scene: MapScene, tiling: Tiling) -> None:
        self._scene, self._tiling = scene, tiling

    @cached_property
    def _shown(self) -> dict[Sheet, Content]:
        scene, tiling = self._scene, self._tiling
        connectors, placements = arrows(scene), scene.labels
        cards = bucket(((card_id, card.rect) for card_id, card in scene.layout.cards.items()), tiling)
        shown = bucket(pieces(connectors), tiling)
        labels = bucket(((c_id, placement.box) for c_id, placement in placements.items()), tiling)
        return {
            sheet: Content(connectors, placements, cards[sheet], shown[sheet], labels[sheet]) for sheet in tiling.sheets
        }

    def of(self, sheet: Sheet) -> Content:
        return self._shown[sheet]


def _sheets(scene: MapScene, tiling: Tiling, scale: float, page: Page, trim_marks: bool) -> list[PlannedPage]:
    contents, body = _Contents(scene, tiling), page.body
    pages = []
    for sheet in tiling.sheets:
        view = View(sheet.window, scale, body.x, body.y)

        def draw(pen: Pen, _: Page, view: View = view, sheet: Sheet = sheet) -> None:
            draw_view(pen, scene, view, contents.of(sheet))
            _corner(pen, scene, view, tiling, sheet)
            if trim_marks:
                draw_trim_marks(pen, page, _cut(scene, view, sheet))

        info = PageInfo("sheet", page.width, page.height, f"Sheet {sheet.label}", sheet.window)
        pages.append(PlannedPage(info, draw))
    return pages


def _cut(scene: MapScene, view: View, sheet: Sheet) -> Rect:
    """Where to trim a sheet: along its window, so that the sheets butt together into the poster,
    except that the first column and row keep the lane and stage headers."""
    window, whole = view.window_rect(scene), view.rect(scene)
    left = whole.x if sheet.column == 0 else window.x
    top = whole.y if sheet.row == 0 else window.y
    return Rect(left, top, window.right - left, window.bottom - top)


def _corner(pen: Pen, scene: MapScene, view: View, tiling: Tiling, sheet: Sheet) -> None:
    """The sheet's label, and a small grid of the poster with this sheet filled in, in the empty
    corner above the lane headers."""
    margin, scale = scene.style.margin, view.scale
    width, height = scene.lane_header_width, scene.header_height
    with pen.at(view.left - margin * scale, view.top - margin * scale, scale):
        left, top = margin + scene.style.header_padding, margin + scene.style.header_padding
        small = scene.style.small_font_size  # no smaller than the map's own smallest text
        pen.text(left, top + small, "SHEET", small, MUTED, bold=True)
        pen.text(left, top + small + 21, sheet.label, 20, INK, bold=True)
        cell = min(8.0, (height - 16) / tiling.rows, (width / 2 - 8) / tiling.columns)
        if cell < 2.5:
            return
        grid_left = margin + width - scene.style.header_padding - tiling.columns * cell
        for row in range(tiling.rows):
            for column in range(tiling.columns):
                box = Rect(grid_left + column * cell, top + row * cell, cell * 0.8, cell * 0.8)
                pen.rect(box, fill=INK if (column, row) == (sheet.column, sheet.row) else RULE)


def _tile_warnings(scene: MapScene, tiling: Tiling, scale: float) -> list[str]:
    warnings = []
    if scene.smallest_text * scale < MIN_TEXT:
        least = MIN_TEXT / scene.smallest_text
        warnings.append(f"at scale {scale:g} the map's smallest text is {scene.smallest_text * scale:.1f} pt, "
                        f"under {MIN_TEXT:g} pt: choose a scale of {least:.2f} or more")  # fmt: skip
    if tiling.oversized:
        warnings.append(f"at scale {scale:g} some cards are bigger than a sheet and are cut: choose a smaller scale")
    return warnings
