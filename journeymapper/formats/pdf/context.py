"""The links of a map as print says them: "→ User journey: <that map's title>, <its file>".

A printed link names what a reader needs to find the other map: its kind and title, read from the
linked file itself, and the file's path as the map stores it. Links are checked with
``model.links`` from the folder of the map's file with the export's loader, which reads each
linked file once for these lines and the notes under the stage headers alike; a link that does
not arrive (no such file, another map there, not a map) prints as broken, saying why. A map that
has no file yet (an unsaved map in the editor) prints its links' paths unchecked.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from journeymapper.formats.pdf.fonts import Fonts
from journeymapper.formats.pdf.textblock import TextLine, paragraph
from journeymapper.formats.pdf.theme import ACCENT, PAIN
from journeymapper.model import JourneyDocument
from journeymapper.model.kinds import KIND_LABELS
from journeymapper.model.links import LinkStatus, Loader, check_link, map_links
from journeymapper.model.schema import MapLink

ARROW = "→"
WHY = {
    LinkStatus.MISSING_FILE: "no such file",
    LinkStatus.ID_MISMATCH: "the file holds another map",
    LinkStatus.UNREADABLE: "the file is not a readable map",
}


@dataclass(frozen=True, slots=True)
class PrintedLink:
    text: str
    broken: bool = False


Links = dict[str, list[PrintedLink]]
"""The printed links by the id of the stage or touchpoint that holds them."""


def printed_links(document: JourneyDocument, source: str | os.PathLike[str] | None, load: Loader) -> Links:
    """Every link of ``document`` as printed; ``source`` is the map's file (None for a map not saved
    yet); ``load`` reads a linked map, and should keep what it read (``model.links.cached_loader``)."""
    printed: Links = {}
    for origin, link in map_links(document):
        line = _unchecked(link) if source is None else _checked(link, source, load)
        printed.setdefault(origin.id, []).append(line)  # ids are unique across a map's stages and cards
    return printed


def _checked(link: MapLink, source: str | os.PathLike[str], load: Loader) -> PrintedLink:
    check = check_link(source, link, load)
    if check.status != LinkStatus.OK:
        return PrintedLink(f"{ARROW} Broken link: {link.path} ({WHY[check.status]})", broken=True)
    target = load(check.target)  # the check has just read it
    return PrintedLink(f"{ARROW} {KIND_LABELS[target.kind]}: {target.title}, {link.path}")


def _unchecked(link: MapLink) -> PrintedLink:
    return PrintedLink(f"{ARROW} {link.label}, {link.path}" if link.label else f"{ARROW} {link.path}")


def link_lines(fonts: Fonts, link: PrintedLink, width: float, size: float) -> list[TextLine]:
    """A link wrapped to ``width``, in the accent colour; a broken one in the pain points' red."""
    return paragraph(fonts, link.text, width, size, colour=PAIN if link.broken else ACCENT)
