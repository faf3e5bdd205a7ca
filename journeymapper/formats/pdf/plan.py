"""The plan of an export: every page, what it shows and how to draw it, before anything is drawn.

Planning first lets every footer say "Page 3 of 12", lets the editor preview how the map falls
across pages without rendering them, and lets warnings (text too small, missing characters) be
given before the work starts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from journeymapper.formats.pdf.furniture import Page
from journeymapper.formats.pdf.options import ExportOptions
from journeymapper.formats.pdf.pen import Pen
from journeymapper.layout import MapLayout, Rect

PageKind = Literal["map", "cover", "sheet", "insights", "stages", "touchpoints", "labels", "persona"]


@dataclass(frozen=True, slots=True)
class PageInfo:
    """One page as the editor's preview shows it.

    ``region`` is the part of the map's body that the page shows, in the coordinates of
    ``PagePlan.layout`` (points, y down): the whole map for a fit page, one window for each sheet
    of a poster, None for the other pages.
    """

    kind: PageKind
    width: float
    height: float
    title: str  # as the footer and the PDF's outline call it: "Map", "Sheet B2", "Touchpoints", a persona
    region: Rect | None = None
    note: str = ""  # in the footer, before the page number: where this page's shortened text is whole


@dataclass(frozen=True, slots=True)
class PlannedPage:
    info: PageInfo
    draw: Callable[[Pen, Page], None]  # draws everything but the footer, in page points (y down)


@dataclass(frozen=True, slots=True)
class PagePlan:
    """How a map falls across pages: what ``plan_pages`` returns for the editor's preview."""

    pages: tuple[PageInfo, ...]
    scale: float  # page points per layout point on the map pages
    layout: MapLayout  # the layout, in the PDF's font metrics, that ``PageInfo.region`` refers to
    warnings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MapPages:
    """The map's own pages (fit: one; tile: a cover and the sheets), before any appendix."""

    pages: list[PlannedPage]
    scale: float
    warnings: list[str]
    advice: ExportOptions | None = None  # options that would print the map's text readably, when these do not
