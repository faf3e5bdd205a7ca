"""The page an export chooses when nobody chose one: readable before anything else.

The smallest standard page on which the whole map's smallest text prints at ``MIN_TEXT`` or more
(A4 to A0, or Letter and Tabloid where the locale's paper is Letter), in the orientation that
prints it larger; when no such page holds the map, a poster tiled over the smallest of those
pages at the least scale that keeps the text readable, turned whichever way takes fewer sheets:
as few sheets as can be read.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, replace

from journeymapper.errors import JourneyMapError
from journeymapper.formats.pdf.fit import fitted_text, readable_scale
from journeymapper.formats.pdf.options import ISO_SIZES, NAMED_SIZES, US_SIZES, ExportOptions, Orientation, PageSize
from journeymapper.formats.pdf.poster import poster_tiling
from journeymapper.formats.pdf.scene import MapScene
from journeymapper.formats.pdf.theme import MIN_TEXT
from journeymapper.model import JourneyDocument

# Where Letter is the everyday paper: the United States, Canada, Mexico, the Philippines, and the
# Americas that follow them (as glibc's LC_PAPER data has it).
LETTER_TERRITORIES = frozenset({"US", "CA", "MX", "PH", "PR", "CL", "CO", "VE", "CR", "GT", "PA", "SV", "NI", "DO"})
_TERRITORY = re.compile(r"^[A-Za-z]{2,3}_([A-Za-z]{2})")


@dataclass(frozen=True, slots=True)
class Choice:
    options: ExportOptions
    smallest_text: float  # in points, as printed
    empty: bool = False  # the map has no stages or lanes: the smallest page says so

    def describe(self) -> str:
        """One line for the user: what was chosen and why."""
        options = self.options
        if self.empty:
            return f"chose {options.describe_page()}: the map has no stages or lanes yet"
        # A scale given in tile mode may print the text too small: the warnings say so, not this.
        why = (
            f" so that the smallest text prints at {self.smallest_text:.1f} pt"
            if self.smallest_text >= MIN_TEXT
            else ""
        )
        if options.mode == "fit":
            return f"chose {options.describe_page()}{why}"
        return f"chose a poster on {options.describe_page()} sheets at scale {options.scale:g}{why}"


def paper_sizes(environment: Mapping[str, str]) -> tuple[str, ...]:
    """The standard pages of the user's locale, smallest first: the first of LC_ALL, LC_PAPER and
    LANG that is set decides, as the C library's locale does."""
    for key in ("LC_ALL", "LC_PAPER", "LANG"):
        value = environment.get(key, "")
        if value:
            match = _TERRITORY.match(value)
            return US_SIZES if match and match[1].upper() in LETTER_TERRITORIES else ISO_SIZES
    return ISO_SIZES


def choose(scene: MapScene, options: ExportOptions, sizes: tuple[str, ...], poster: bool = True) -> Choice:
    """``options`` with the page (and, unless given, the orientation) that prints ``scene``
    readably. In fit mode, the smallest page that does, else a poster at a readable scale, or with
    ``poster`` False the largest page; in tile mode the smallest page at ``options.scale``."""
    if not (scene.document.stages and scene.document.lanes):
        smallest = _best_fit(scene, replace(options, mode="fit"), NAMED_SIZES[sizes[0]])
        return Choice(smallest.options, scene.smallest_text, empty=True)
    if options.mode == "fit":
        fits = [_best_fit(scene, options, NAMED_SIZES[name]) for name in sizes]
        readable = next((choice for choice in fits if choice.smallest_text >= MIN_TEXT), None)
        if readable is not None or not poster:
            return readable or fits[-1]
    return _poster(scene, options, NAMED_SIZES[sizes[0]])


def _best_fit(scene: MapScene, options: ExportOptions, page: PageSize) -> Choice:
    orientations: tuple[Orientation, ...] = (options.orientation,) if options.orientation else ("landscape", "portrait")
    choices = [replace(options, page=page, orientation=orientation, mode="fit") for orientation in orientations]
    return max((Choice(choice, fitted_text(scene, choice)) for choice in choices), key=lambda c: c.smallest_text)


def _poster(scene: MapScene, options: ExportOptions, page: PageSize) -> Choice:
    """The poster on ``page`` in the orientation that takes fewer sheets (landscape if as few)."""
    scale = options.scale if options.mode == "tile" else readable_scale(scene)
    orientations: tuple[Orientation, ...] = (options.orientation,) if options.orientation else ("landscape", "portrait")
    posters = [replace(options, page=page, orientation=turn, mode="tile", scale=scale) for turn in orientations]
    return Choice(min(posters, key=lambda poster: _sheets(scene, poster)), scene.smallest_text * scale)


def _sheets(scene: MapScene, options: ExportOptions) -> int:
    """How many sheets a poster takes; one that cannot be made at all counts as endless."""
    try:
        return len(poster_tiling(scene, options).sheets)
    except JourneyMapError:
        return sys.maxsize


def choose_for(
    document: JourneyDocument, options: ExportOptions, environment: Mapping[str, str], poster: bool = True
) -> Choice:
    """``choose`` for a document, with the standard pages of the locale ``environment`` names."""
    return choose(MapScene.of(document), options, paper_sizes(environment), poster)
