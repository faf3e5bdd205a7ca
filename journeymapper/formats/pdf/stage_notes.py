"""The line under a linked stage's header: what the maps behind its links say, as the canvas words it.

Each link of a stage is rolled up one level (``model.rollups``) from the map's file, so that a
customer journey's Onboarding stage shows the user journey's cards, conversion and dead ends. A
broken link says so in a red, a link back to a map on the way a cycle. A map not saved yet has no
folder for its links' paths to start from, so it has no notes.

The header is the page's one dark block: the notes take pale inks that read on it at 4.5:1.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from journeymapper.formats.pdf.fonts import Fonts
from journeymapper.model import JourneyDocument
from journeymapper.model.links import Loader
from journeymapper.model.rollups import RolledLink, roll_up
from journeymapper.rollup_text import summary


@dataclass(frozen=True, slots=True)
class StageNote:
    wordings: tuple[str, ...]
    """The note from longest to shortest: with the linked maps' kinds, without them, and without
    their card counts, for narrower headers (conversion and dead ends matter most)."""
    broken: bool

    @property
    def text(self) -> str:
        return self.wordings[0]

    def fitting(self, fonts: Fonts, width: float, size: float) -> str:
        """The longest wording that fits ``width``, else the shortest cut with "…" as the canvas
        cuts: within a word where need be, so that a long file name keeps its start."""
        fitting = (wording for wording in self.wordings if fonts.width(wording, size) <= width)
        found = next(fitting, None)
        if found is not None:
            return found
        text = self.wordings[-1]
        while text and fonts.width(text + "…", size) > width:
            text = text[:-1]
        return text.rstrip() + "…"


StageNotes = dict[str, StageNote]
"""The notes by the id of the stage whose links they describe."""


def stage_notes(document: JourneyDocument, source: str | os.PathLike[str] | None, load: Loader) -> StageNotes:
    """Each linked stage's note; none for a map without a file (``source`` None)."""
    if source is None or not any(stage.links for stage in document.stages.values()):
        return {}
    by_stage: dict[str, list[RolledLink]] = {}
    for link in roll_up(document, source, load):
        if link.origin.kind == "stage":
            by_stage.setdefault(link.origin.id, []).append(link)
    return {stage: _note(links) for stage, links in by_stage.items()}


def _note(links: list[RolledLink]) -> StageNote:
    broken = any(link.headline is None and not link.cycle for link in links)
    wordings = ((True, True), (False, True), (False, False))  # (kind, cards)
    return StageNote(tuple(" | ".join(_words(link, *wording) for link in links) for wording in wordings), broken)


def _words(link: RolledLink, kind: bool, cards: bool) -> str:
    if link.cycle:
        return "Cycle: links back to this map"
    if link.headline is None:  # shorter, the red says it is broken: the canvas words it so beside its badge
        return f"Broken link ({link.status}): {link.path}" if kind else f"{link.status.capitalize()}: {link.path}"
    return summary(link.headline, kind, cards)
