"""Connector labels on paper: white pills where ``journeymapper.connector_labels`` put them."""

from __future__ import annotations

from collections.abc import Iterable

from journeymapper.connector_labels import Placement
from journeymapper.formats.pdf.pen import CENTRE_TO_BASELINE, Pen
from journeymapper.formats.pdf.scene import MapScene
from journeymapper.formats.pdf.theme import MUTED, PAPER, RULE


def draw_labels(pen: Pen, scene: MapScene, placements: dict[str, Placement], connection_ids: Iterable[str]) -> None:
    size = scene.style.small_font_size
    for connection_id in connection_ids:
        placement = placements.get(connection_id)
        if placement is not None:
            _pill(pen, placement, size)


def _pill(pen: Pen, placement: Placement, size: float) -> None:
    box, middle = placement.box, placement.box.center
    pen.rect(box, fill=PAPER, stroke=RULE, width=0.4, radius=min(box.width, box.height) / 2)
    if placement.upright:
        pen.text(middle.x, middle.y + size * CENTRE_TO_BASELINE, placement.text, size, MUTED, align="centre")
    else:
        pen.rotated_text(middle.x, middle.y, placement.text, size, MUTED)
