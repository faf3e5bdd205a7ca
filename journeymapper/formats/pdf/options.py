"""What a PDF export is asked to do: the page (size, orientation, margins), fit or tile, the insights
and the appendix.

Sizes are in PDF points (1/72 inch). Named sizes are the ISO A series and the three common US
sizes; anything else is a custom size such as ``500x700mm``.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Literal

from journeymapper.errors import JourneyMapError

MM = 72 / 25.4
UNITS = {"mm": MM, "cm": 10 * MM, "in": 72.0, "pt": 1.0}
Orientation = Literal["landscape", "portrait"]
Mode = Literal["fit", "tile"]


@dataclass(frozen=True, slots=True)
class PageSize:
    """A sheet as named, before orientation: ``width`` <= ``height`` for the named sizes."""

    name: str
    width: float
    height: float

    def oriented(self, orientation: Orientation | None) -> tuple[float, float]:
        """Width and height on the page; a custom size keeps its own shape unless asked otherwise."""
        short, long = sorted((self.width, self.height))
        if orientation == "landscape":
            return long, short
        if orientation == "portrait":
            return short, long
        if self.name in NAMED_SIZES:
            return long, short  # a journey map reads left to right: wide by default
        return self.width, self.height


def _mm(width: float, height: float) -> tuple[float, float]:
    return width * MM, height * MM


NAMED_SIZES: dict[str, PageSize] = {
    name: PageSize(name, *size)
    for name, size in {
        "A4": _mm(210, 297),
        "A3": _mm(297, 420),
        "A2": _mm(420, 594),
        "A1": _mm(594, 841),
        "A0": _mm(841, 1189),
        "Letter": (612.0, 792.0),
        "Legal": (612.0, 1008.0),
        "Tabloid": (792.0, 1224.0),
    }.items()
}
# The standard pages, smallest first: the order in which a page is chosen or suggested for a map.
ISO_SIZES = ("A4", "A3", "A2", "A1", "A0")
US_SIZES = ("Letter", "Tabloid")  # where Letter is the everyday paper


def series(page: PageSize) -> tuple[str, ...]:
    """The standard pages a larger one is suggested from: US sizes for a US page, else the A series."""
    return US_SIZES if page.name in ("Letter", "Legal", "Tabloid") else ISO_SIZES


_CUSTOM = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*[x×]\s*(\d+(?:\.\d+)?)\s*(mm|cm|in|pt)?\s*$", re.IGNORECASE)
_LENGTH = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(mm|cm|in|pt)?\s*$", re.IGNORECASE)
MIN_SIDE, MAX_SIDE = 72.0, 14_400.0  # one inch; 200 inches, PDF's own limit
DEFAULT_MARGIN = 12 * MM
MIN_SCALE, MAX_SCALE = 0.1, 10.0


def page_size(text: str) -> PageSize:
    """A named size (``A3``, ``letter``: any case) or ``WIDTHxHEIGHT[mm|cm|in|pt]`` (mm if no unit)."""
    for name, size in NAMED_SIZES.items():
        if text.strip().lower() == name.lower():
            return size
    match = _CUSTOM.match(text)
    if match is None:
        names = ", ".join(NAMED_SIZES)
        raise JourneyMapError(f"unknown page size {text!r}: use {names} or a size such as 500x700mm")
    unit = UNITS[(match[3] or "mm").lower()]
    width, height = float(match[1]) * unit, float(match[2]) * unit
    if not all(MIN_SIDE <= side <= MAX_SIDE for side in (width, height)):
        raise JourneyMapError(f"page size {text!r}: each side must be between 1 and 200 inches")
    return PageSize(text.strip(), width, height)


def length(text: str) -> float:
    """A length such as ``12mm``, ``0.5in`` or ``10`` (mm), in points."""
    match = _LENGTH.match(text)
    if match is None:
        raise JourneyMapError(f"bad length {text!r}: use a number with mm, cm, in or pt, such as 10mm")
    return float(match[1]) * UNITS[(match[2] or "mm").lower()]


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """Everything the command line and the editor's dialog can choose.

    ``scale`` is used in tile mode: 1.0 prints the map at the size the editor shows at 100 %.
    ``date`` is printed in the title block; None prints none. The exporter never reads the clock,
    so the same map with the same options always gives the same bytes.
    """

    page: PageSize = NAMED_SIZES["A3"]
    orientation: Orientation | None = None
    margin: float = DEFAULT_MARGIN
    mode: Mode = "fit"
    scale: float = 1.0
    appendix: bool = False
    insights: bool = False  # a page (or more) of what the map's graph shows, after the map pages
    date: datetime.date | None = None
    trim_marks: bool = False  # in the margins, in line with the edges of the map or of each sheet's part

    def __post_init__(self) -> None:
        if self.mode not in ("fit", "tile"):
            raise JourneyMapError(f"unknown mode {self.mode!r}: use fit or tile")
        check_scale(self.scale)
        width, height = self.page_size
        if not 0 <= self.margin <= min(width, height) / 4:
            raise JourneyMapError(f"margin {self.margin / MM:.0f} mm leaves no room on the page ({self.page.name})")

    @property
    def page_size(self) -> tuple[float, float]:
        return self.page.oriented(self.orientation)

    def describe_page(self) -> str:
        width, height = self.page_size
        return f"{self.page.name} {'landscape' if width > height else 'portrait' if width < height else 'square'}"


def check_scale(scale: float) -> float:
    if not MIN_SCALE <= scale <= MAX_SCALE:
        raise JourneyMapError(f"scale {scale:g} is out of range: use {MIN_SCALE:g} to {MAX_SCALE:g}")
    return scale
