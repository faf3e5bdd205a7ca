"""One view of the map on a page: a window of the body with its stage and lane headers.

A page shows, from its frame's top left corner, the headers' corner, the stage headers of the
window's columns along the top, the lane headers of its rows down the left, and the window itself;
each part is clipped so a tiled sheet shows exactly its share. The whole map in fit mode is the
view whose window is the whole body.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from journeymapper.connector_labels import Placement
from journeymapper.formats.pdf import blueprint, emotions, grid
from journeymapper.formats.pdf.cards import draw_cards
from journeymapper.formats.pdf.connectors import Arrow, Piece, draw_connectors
from journeymapper.formats.pdf.labels import draw_labels
from journeymapper.formats.pdf.pen import Pen
from journeymapper.formats.pdf.scene import MapScene
from journeymapper.layout import Rect


@dataclass(frozen=True, slots=True)
class View:
    window: Rect  # the part of the body shown, in layout points
    scale: float
    left: float  # where the headers' corner starts on the page (page points from the top left)
    top: float

    def size(self, scene: MapScene) -> tuple[float, float]:
        """Width and height on the page, headers included."""
        width = (scene.lane_header_width + self.window.width) * self.scale
        height = (scene.header_height + self.window.height) * self.scale
        return width, height

    def rect(self, scene: MapScene) -> Rect:
        """Where the view lies on the page, headers included."""
        return Rect(self.left, self.top, *self.size(scene))

    def window_rect(self, scene: MapScene) -> Rect:
        """Where the window of the body lies on the page, without the headers."""
        left, top = self.left + scene.lane_header_width * self.scale, self.top + scene.header_height * self.scale
        return Rect(left, top, self.window.width * self.scale, self.window.height * self.scale)


@dataclass(frozen=True, slots=True)
class Content:
    """What to draw of the body: the map's connectors and labels, laid out once, and what of them
    and of the cards the view shows (None for all)."""

    arrows: dict[str, Arrow]
    placements: dict[str, Placement]
    cards: Sequence[str] | None = None
    pieces: Sequence[Piece] | None = None
    labels: Sequence[str] | None = None


def draw_view(pen: Pen, scene: MapScene, view: View, content: Content) -> None:
    """Draw ``view`` in the current page view (page points, y down)."""
    window, scale = view.window, view.scale
    body_left, body_top = view.left + scene.lane_header_width * scale, view.top + scene.header_height * scale
    lines = blueprint.scene_lines(scene)
    with pen.at(body_left - window.x * scale, body_top - window.y * scale, scale, clip=window):
        _draw_body(pen, scene, window, content, lines)
    strip = Rect(window.x, scene.style.margin, window.width, scene.header_height)
    with pen.at(body_left - window.x * scale, view.top - strip.y * scale, scale, clip=strip):
        grid.draw_stage_headers(pen, scene, window.x, window.right)
    column = Rect(scene.style.margin, window.y, scene.lane_header_width, window.height)
    with pen.at(view.left - column.x * scale, body_top - window.y * scale, scale, clip=column):
        grid.draw_lane_headers(pen, scene, window.y, window.bottom)
        blueprint.draw_lines(pen, lines, column.x, column.right)
        blueprint.draw_names(pen, scene, lines, column)


def _draw_body(pen: Pen, scene: MapScene, window: Rect, content: Content, lines: dict[float, str]) -> None:
    layout = scene.layout
    cards = layout.cards if content.cards is None else content.cards
    labels = content.placements if content.labels is None else content.labels
    grid.draw_rows(pen, scene, window)
    blueprint.draw_lines(pen, lines, window.x, window.right)
    emotion_row = layout.rows.get(scene.emotion_lane) if scene.emotion_lane else None
    shows_emotions = emotion_row is not None and emotion_row.y < window.bottom and emotion_row.bottom > window.y
    if shows_emotions:
        emotions.draw_guides(pen, scene, window)
        emotions.draw_curves(pen, scene)
    draw_connectors(pen, content.arrows, content.pieces)
    draw_cards(pen, scene, cards)
    draw_labels(pen, scene, content.placements, labels)
