"""The layouts of the map's last states, so that an edit that changes nothing the layout reads (a
card's description, channel, pain points or metrics; a lane's colour), and an undo or redo that
brings the map back to a state before, get their layout without laying the map out again.

A layout is a function of what ``layout.compute_layout`` reads of the document, of the style and
of the text measure, which never change for a scene: ``_reads`` is what it reads, in order, and
a remembered layout is the one laying out would give (``tests/editor/test_layout_memory.py`` edits
every field of every kind of object and fails if the layout moves while this state stays).
"""

from __future__ import annotations

from operator import attrgetter

from journeymapper.editor.recent import STATES, Recent
from journeymapper.layout import MapLayout, Measure, Style, compute_layout
from journeymapper.model import JourneyDocument

State = tuple[tuple[object, ...], ...]

# What the layout reads of each kind of object (the fields compared are a superset: a connection's
# label and rate, of which the layout reads only whether there are any).
_STAGE = attrgetter("id", "name", "links")
_LANE = attrgetter("id", "name", "kind")
_CARD = attrgetter("id", "stage", "lane", "title", "emotion", "personas")
_CONNECTION = attrgetter("id", "source", "target", "label", "conversion_rate")


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
        return self._by_objects.get(
            _objects(document),
            lambda: self._by_reads.get(_reads(document), lambda: compute_layout(document, self._style, self._measure)),
        )


def _objects(document: JourneyDocument) -> State:
    return (
        tuple(document.stages.values()),
        tuple(document.lanes.values()),
        tuple(document.touchpoints()),
        tuple(document.connections()),
        tuple(document.personas),
    )


def _reads(document: JourneyDocument) -> State:
    """All that the layout reads of ``document``, in order: the stages' names (and whether they
    link to other maps, which makes room for a line under every header), the lanes' names and
    kinds, each card's place, title, emotion and personas, each connection's ends (and whether it
    has a label or rate, which widens the gap of a hop), and the personas' order."""
    return (
        tuple(map(_STAGE, document.stages.values())),
        tuple(map(_LANE, document.lanes.values())),
        tuple(map(_CARD, document.touchpoints())),
        tuple(map(_CONNECTION, document.connections())),
        tuple(document.personas),
    )
