"""The layouts of the map's last states, so that an edit that changes nothing the layout reads (a
card's description, channel, pain points or metrics; a lane's colour), and an undo or redo that
brings the map back to a state before, get their layout without laying the map out again.

A layout is a function of what ``layout.compute_layout`` reads of the document, of the style and
of the text measure, which never change for a scene: ``layout.what_layout_reads`` is what it
reads, in order, and a remembered layout is the one laying out would give.
"""

from __future__ import annotations

from journeymapper.editor.recent import STATES, Recent
from journeymapper.layout import MapLayout, Measure, Style, compute_layout, what_layout_reads
from journeymapper.model import JourneyDocument

State = tuple[tuple[object, ...], ...]


class LayoutMemory:
    """Lays out a scene's document, whose style and text measure never change."""

    def __init__(self, style: Style, measure: Measure) -> None:
        self._style, self._measure = style, measure
        # By the document's objects, compared mostly by identity (an undo puts back the very
        # objects it took away): quick to tell; and by what the layout reads of them, which an
        # edit of a description or a colour leaves as it was.
        self._by_objects: Recent[State, MapLayout] = Recent(STATES)
        self._by_reads: Recent[State, MapLayout] = Recent(STATES)

    def layout(self, document: JourneyDocument) -> MapLayout:
        return self._by_objects.get(_objects(document), lambda: self._by_what_it_reads(document))

    def _by_what_it_reads(self, document: JourneyDocument) -> MapLayout:
        return self._by_reads.get(
            what_layout_reads(document), lambda: compute_layout(document, self._style, self._measure)
        )


def _objects(document: JourneyDocument) -> State:
    return (
        tuple(document.stages.values()),
        tuple(document.lanes.values()),
        tuple(document.touchpoints()),
        tuple(document.connections()),
        tuple(document.personas),
    )
