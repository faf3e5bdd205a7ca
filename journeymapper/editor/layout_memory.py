"""The layouts of the map's last states, so that an undo or redo that brings the map back to one of
them gets its layout back without laying the map out again.

A layout is a function of what ``layout.compute_layout`` reads of the document (its stages, lanes,
cards, connections and personas), of the style and of the text measure, which never change for a
scene. The model's objects are immutable: a state is the tuple of them, compared by value (and
most of them by identity, as an undo puts back the very objects it took away), so that a
remembered layout is the one laying out would give.
"""

from __future__ import annotations

from journeymapper.editor.recent import STATES, Recent
from journeymapper.layout import MapLayout, Measure, Style, compute_layout
from journeymapper.model import JourneyDocument

State = tuple[tuple[object, ...], ...]


class LayoutMemory:
    """Lays out a scene's document, whose style and text measure never change."""

    def __init__(self, style: Style, measure: Measure) -> None:
        self._style, self._measure = style, measure
        self._laid_out: Recent[State, MapLayout] = Recent(STATES)

    def layout(self, document: JourneyDocument) -> MapLayout:
        return self._laid_out.get(_state(document), lambda: compute_layout(document, self._style, self._measure))


def _state(document: JourneyDocument) -> State:
    """All that the layout reads of ``document``, in order."""
    return (
        tuple(document.stages.values()),
        tuple(document.lanes.values()),
        tuple(document.touchpoints()),
        tuple(document.connections()),
        tuple(document.personas),
    )
