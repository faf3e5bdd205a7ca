"""The connector labels of the last layouts the canvas showed, so that an undo or redo that brings
the map back to one of them gets its labels back without placing them again.

Placing the labels of a big map takes a few hundred milliseconds, about half of what undoing a
big delete costs. The placement is a function of the layout and of each connection's label and
rate (``connector_labels.place_labels``): the same layout, labels and rates give the same
placements, so those remembered for them are the ones placing would give, and the canvas still
shows exactly what the PDF prints.
"""

from __future__ import annotations

from dataclasses import dataclass

from journeymapper.connector_labels import Labels, place_labels
from journeymapper.layout import MapLayout, Measure, Style
from journeymapper.model import JourneyDocument

REMEMBERED = 2
"""Enough for an edit and its undo, and a redo after it: the two states the map goes back and forth between."""


@dataclass(frozen=True, slots=True)
class _Placed:
    layout: MapLayout
    texts: list[tuple[str, str, float | None]]  # each connection's id, label and rate, in map order
    labels: Labels


class LabelMemory:
    """Places labels for a scene, whose style and text measure never change."""

    def __init__(self, style: Style, measure: Measure) -> None:
        self._style, self._measure = style, measure
        self._placed: list[_Placed] = []  # the most recently used first

    def labels(self, document: JourneyDocument, layout: MapLayout) -> Labels:
        texts = [(c.id, c.label, c.conversion_rate) for c in document.connections()]
        for number, placed in enumerate(self._placed):
            # The texts first: they are cheap to compare, and an edit of a label changes nothing else.
            if placed.texts == texts and placed.layout == layout:
                self._placed.insert(0, self._placed.pop(number))
                return placed.labels
        labels = place_labels(document, layout, self._style, self._measure)
        self._placed = [_Placed(layout, texts, labels), *self._placed[: REMEMBERED - 1]]
        return labels
