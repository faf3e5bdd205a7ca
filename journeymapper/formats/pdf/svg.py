"""A picture of a map (``picture.py``: the map page, or a region of it) as SVG, for slides and wikis,
drawn by the page code through ``SvgPen``. The same map and options give the same bytes."""

from __future__ import annotations

from dataclasses import dataclass

from journeymapper.formats.pdf.export import DEFAULT_OPTIONS, Source
from journeymapper.formats.pdf.options import ExportOptions
from journeymapper.formats.pdf.picture import Picture, page_picture
from journeymapper.formats.pdf.svg_pen import SvgPen
from journeymapper.model import JourneyDocument


@dataclass(frozen=True, slots=True)
class RenderedSvg:
    data: bytes
    width: float  # points, as the page
    height: float
    warnings: tuple[str, ...]  # characters no font has


def render_svg(document: JourneyDocument, options: ExportOptions = DEFAULT_OPTIONS, source: Source = None
               ) -> RenderedSvg:  # fmt: skip
    """The map page as SVG; ``source`` is the map's file, for the notes under linked stages."""
    return svg_of(page_picture(document, options, source))


def svg_of(picture: Picture) -> RenderedSvg:
    pen = SvgPen(picture.scene.fonts, picture.width, picture.height)
    picture.draw(pen)
    return RenderedSvg(pen.document(), picture.width, picture.height, picture.warnings)
