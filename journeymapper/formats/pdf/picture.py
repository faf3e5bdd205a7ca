"""A map as one picture, for SVG, PNG and the clipboard: what to draw and how big, for any pen.

``page_picture`` is the PDF's fit page (title block, legend, the whole map) drawn by the same page
code. A picture is one image, so it is always the whole map on one page of the options' size (tile
mode, the insights and the appendix are for paper), without the footer that numbers a document's
pages. ``region_picture`` is the map without the page around it (the headers and a window of the
body, as a poster's sheet shows them): the stages and lanes that hold some cards, or all of it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection
from dataclasses import dataclass

from journeymapper.formats import json_format
from journeymapper.formats.pdf.connectors import arrows
from journeymapper.formats.pdf.export import DEFAULT_OPTIONS, Source, font_warnings
from journeymapper.formats.pdf.fit import fit_pages
from journeymapper.formats.pdf.furniture import Page
from journeymapper.formats.pdf.options import ExportOptions
from journeymapper.formats.pdf.pen import Pen
from journeymapper.formats.pdf.scene import MapScene
from journeymapper.formats.pdf.sheet import Content, View, draw_view
from journeymapper.formats.pdf.stage_notes import stage_notes
from journeymapper.layout import Rect
from journeymapper.model import JourneyDocument
from journeymapper.model.links import cached_loader

BORDER = 12.0  # points of white around a region, so that its edges do not touch a slide's


@dataclass(frozen=True, slots=True)
class Picture:
    scene: MapScene  # its fonts measure and name the text
    width: float  # points
    height: float
    draw: Callable[[Pen], None]  # draws it all in picture points (y down from the top left)
    warnings: tuple[str, ...]  # characters no font has


def page_picture(document: JourneyDocument, options: ExportOptions = DEFAULT_OPTIONS, source: Source = None) -> Picture:
    """The fit page; ``source``, the map's file, is where the notes under linked stages follow
    their links from."""
    scene = MapScene.of(document, stage_notes(document, source, cached_loader(json_format.load)))
    (planned,) = fit_pages(scene, dataclasses.replace(options, mode="fit")).pages
    page = Page(planned.info.width, planned.info.height, options.margin)

    def draw(pen: Pen) -> None:
        with page.view(pen):
            planned.draw(pen, page)

    return Picture(scene, page.width, page.height, draw, tuple(font_warnings(scene)))


def region_picture(document: JourneyDocument, cards: Collection[str] = (), source: Source = None) -> Picture:
    """The stages and lanes that hold ``cards`` with their headers, or the whole map when there are
    none, at one point per layout point; ``source`` as for ``page_picture``."""
    scene = MapScene.of(document, stage_notes(document, source, cached_loader(json_format.load)))
    window = _region(scene, cards) if cards else scene.extent
    view = View(window, 1.0, BORDER, BORDER)
    width, height = (side + 2 * BORDER for side in view.size(scene))
    page = Page(width, height, 0)

    def draw(pen: Pen) -> None:
        with page.view(pen):
            if document.stages and document.lanes:
                draw_view(pen, scene, view, Content(arrows(scene), scene.labels))

    return Picture(scene, width, height, draw, tuple(font_warnings(scene)))


def _region(scene: MapScene, cards: Collection[str]) -> Rect:
    """The whole cells, stage columns by lane rows, that the cards lie in."""
    layout, touchpoints = scene.layout, [scene.document.touchpoint(card) for card in cards]
    columns = [layout.columns[touchpoint.stage] for touchpoint in touchpoints]
    rows = [layout.rows[touchpoint.lane] for touchpoint in touchpoints]
    left, top = min(column.x for column in columns), min(row.y for row in rows)
    right, bottom = max(column.right for column in columns), max(row.bottom for row in rows)
    return Rect(left, top, right - left, bottom - top)
