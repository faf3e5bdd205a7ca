"""A map ready to draw: the document, its layout in the PDF's own font metrics, and lookups.

The layout is computed with reportlab's string widths for the embedded fonts, so every title wraps
exactly where the PDF draws it; the canvas computes the same layout with Qt's metrics of the same
font, so the two agree line for line.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from typing import NamedTuple

from reportlab.lib.colors import Color

from journeymapper.connector_labels import Labels, Placement, label_area, place_labels
from journeymapper.formats.pdf.fonts import Fonts, load_fonts
from journeymapper.formats.pdf.print_style import PRINT_STYLE
from journeymapper.formats.pdf.stage_notes import StageNotes
from journeymapper.formats.pdf.theme import persona_colour
from journeymapper.layout import MapLayout, Rect, Style, compute_layout
from journeymapper.model import ConnectionKind, JourneyDocument, LaneKind
from journeymapper.palette import persona_dashes


class CurveInk(NamedTuple):
    """How a persona's emotion curve is stroked: its colour, and its dash in line widths."""

    colour: Color
    dashes: tuple[float, ...]

    def dash(self, width: float) -> tuple[float, ...]:
        """The dash in points for a line ``width`` points wide."""
        return tuple(length * width for length in self.dashes)


class MapScene:
    """One export's map: drawn by every page, computed once."""

    def __init__(
        self, document: JourneyDocument, fonts: Fonts, style: Style = PRINT_STYLE, notes: StageNotes | None = None
    ) -> None:
        self.document = document
        self.fonts = fonts
        self.style = style
        self.layout: MapLayout = compute_layout(document, style, fonts.width)
        self.notes: StageNotes = notes or {}
        """What the maps behind each linked stage say, under its header; none when not followed."""

    @classmethod
    def of(cls, document: JourneyDocument, notes: StageNotes | None = None) -> MapScene:
        notes = notes or {}
        texts = [*map_texts(document), *(note.text for note in notes.values())]
        return cls(document, load_fonts(texts), notes=notes)

    @cached_property
    def connector_labels(self) -> Labels:
        """Every connector label, placed once for all pages and sheets, and those left out."""
        return place_labels(self.document, self.layout, self.style, self.fonts.width)

    @property
    def labels(self) -> dict[str, Placement]:
        """The labels the map shows, whole or shortened, by connection id."""
        return self.connector_labels.placed

    @cached_property
    def body(self) -> Rect:
        """The grid of cells, without the headers."""
        stages, lanes = self.layout.stage_edges, self.layout.lane_edges
        return Rect(stages[0], lanes[0], stages[-1] - stages[0], lanes[-1] - lanes[0])

    @cached_property
    def extent(self) -> Rect:
        """The body, and the connector tracks that run just outside its right and bottom edges with
        the labels along them."""
        return label_area(self.layout, self.style)

    @property
    def header_height(self) -> float:
        """The stage headers' strip above the body."""
        return self.layout.lane_edges[0] - self.style.margin

    @property
    def lane_header_width(self) -> float:
        return self.style.lane_header_width

    @property
    def smallest_text(self) -> float:
        """The smallest text the map part of a page draws, at scale 1."""
        return self.style.small_font_size

    def lane_colour(self, lane_id: str) -> str | None:
        return self.document.lanes[lane_id].colour

    @cached_property
    def emotion_lane(self) -> str | None:
        """The lane the emotion curves are drawn in: the first emotions lane, as in the layout."""
        return next((lane.id for lane in self.document.lanes.values() if lane.kind == LaneKind.EMOTIONS), None)

    @cached_property
    def connection_kinds(self) -> dict[str, ConnectionKind]:
        return {connection.id: connection.kind for connection in self.document.connections()}

    @cached_property
    def curve_inks(self) -> dict[str, CurveInk]:
        """A colour and dash for each persona that has a curve, by the persona's place in the map,
        as the canvas draws them."""
        positions = {persona_id: number for number, persona_id in enumerate(self.document.personas)}
        return {
            key: CurveInk(persona_colour(positions[key]), persona_dashes(positions[key]))
            for key in self.layout.emotion_curves
            if key is not None
        }


def map_texts(document: JourneyDocument) -> Iterator[str]:
    """Every piece of text of a map that a page may show, to choose fonts for."""
    info = document.info
    yield from (info.title, info.author, info.description)
    for persona in document.personas.values():
        yield from (persona.name, persona.role, *persona.goals, *persona.frustrations)
    yield from (stage.name for stage in document.stages.values())
    yield from (lane.name for lane in document.lanes.values())
    for touchpoint in document.touchpoints():
        yield from (touchpoint.title, touchpoint.channel, *touchpoint.pain_points, *touchpoint.opportunities)
        for name, metric in touchpoint.metrics.items():
            yield from (name, metric.unit)
    yield from (connection.label for connection in document.connections())
