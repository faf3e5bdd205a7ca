"""The connector labels of the last layouts the canvas showed, so that an undo or redo that brings
the map back to one of them gets its labels back without placing them again.

Placing the labels of a big map takes a few hundred milliseconds, about half of what undoing a
big delete costs. The placement is a function of each connection's label and rate and of the
parts of the layout it reads (``connector_labels.what_placing_reads``): the routes, the cards'
rectangles and the grid's edges and rows. The same of those give the same placements, so those
remembered for them are the ones placing would give, and the canvas still shows exactly what the
PDF prints. An edit that changes none of them, such as a card's emotion (which moves only the
emotion curve) or a title rewrapped into as many lines, keeps its labels too.
"""

from __future__ import annotations

from journeymapper.connector_labels import Labels, place_labels, what_placing_reads
from journeymapper.editor.recent import STATES, Recent
from journeymapper.layout import MapLayout, Measure, Style
from journeymapper.model import JourneyDocument

Texts = list[tuple[str, str, float | None]]  # each connection's id, label and rate, in map order


class LabelMemory:
    """Places labels for a scene, whose style and text measure never change."""

    def __init__(self, style: Style, measure: Measure) -> None:
        self._style, self._measure = style, measure
        self._placed: Recent[tuple[Texts, tuple[object, ...]], Labels] = Recent(STATES)

    def labels(self, document: JourneyDocument, layout: MapLayout) -> Labels:
        return self._placed.get(
            _key(document, layout), lambda: place_labels(document, layout, self._style, self._measure)
        )

    def recall(self, document: JourneyDocument, layout: MapLayout) -> Labels | None:
        """The labels of this state if they are remembered, else None: nothing is placed."""
        return self._placed.recall(_key(document, layout))


def _key(document: JourneyDocument, layout: MapLayout) -> tuple[Texts, tuple[object, ...]]:
    texts = [(c.id, c.label, c.conversion_rate) for c in document.connections()]
    # The texts first (a tuple compares in order): they are cheap to compare, and an edit of a
    # label changes nothing else.
    return texts, what_placing_reads(layout)
