"""The map page as SVG, for slides and wikis: the PDF's fit page (title block, legend, the whole map),
drawn by the same page code through ``SvgPen``.

An image is one picture, so it is always the whole map on one page of the options' size (tile mode,
the insights and the appendix are for paper), without the footer that numbers a document's pages.
The same map and options give the same bytes.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from journeymapper.formats.pdf.export import DEFAULT_OPTIONS, font_warnings
from journeymapper.formats.pdf.fit import fit_pages
from journeymapper.formats.pdf.furniture import Page
from journeymapper.formats.pdf.options import ExportOptions
from journeymapper.formats.pdf.scene import MapScene
from journeymapper.formats.pdf.svg_pen import SvgPen
from journeymapper.model import JourneyDocument


@dataclass(frozen=True, slots=True)
class RenderedSvg:
    data: bytes
    width: float  # points, as the page
    height: float
    warnings: tuple[str, ...]  # characters no font has


def render_svg(document: JourneyDocument, options: ExportOptions = DEFAULT_OPTIONS) -> RenderedSvg:
    scene = MapScene.of(document)
    fitted = fit_pages(scene, dataclasses.replace(options, mode="fit"))
    (planned,) = fitted.pages
    width, height = planned.info.width, planned.info.height
    page = Page(width, height, options.margin)
    pen = SvgPen(scene.fonts, width, height)
    with page.view(pen):
        planned.draw(pen, page)
    return RenderedSvg(pen.document(), width, height, tuple(font_warnings(scene)))
