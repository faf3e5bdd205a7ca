"""The lines of a service blueprint: interaction, visibility and internal interaction.

They fall between the customer's actions, the frontstage, the backstage and the support
processes (Bitner and Shostack). Any map with lanes of those kinds in that order gets them, so a
business journey with an actions lane above a backstage lane shows its line of visibility too.
"""

from __future__ import annotations

from dataclasses import dataclass

from journeymapper.formats.pdf.pen import Pen
from journeymapper.formats.pdf.scene import MapScene
from journeymapper.formats.pdf.theme import MUTED
from journeymapper.layout import Rect
from journeymapper.model import LaneKind

DASH = (6.0, 3.0)
WIDTH = 0.9


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    above: frozenset[LaneKind]
    below: frozenset[LaneKind]
    under_above: bool  # drawn right under the last lane above, rather than right over the first below


_RULES = (
    _Rule("Line of interaction", frozenset({LaneKind.ACTIONS}),
          frozenset({LaneKind.FRONTSTAGE, LaneKind.BACKSTAGE, LaneKind.SUPPORT}), True),
    _Rule("Line of visibility", frozenset({LaneKind.ACTIONS, LaneKind.FRONTSTAGE}),
          frozenset({LaneKind.BACKSTAGE, LaneKind.SUPPORT}), False),
    _Rule("Line of internal interaction", frozenset({LaneKind.BACKSTAGE}), frozenset({LaneKind.SUPPORT}), False),
)  # fmt: skip


def blueprint_lines(kinds: list[LaneKind]) -> dict[int, str]:
    """The lane boundaries (1 is between the first and second lane) that carry a line, with its
    name; two lines that fall on one boundary share it."""
    lines: dict[int, str] = {}
    for rule in _RULES:
        boundary = _boundary(kinds, rule)
        if boundary is not None:
            lines[boundary] = f"{lines[boundary]} · {rule.name}" if boundary in lines else rule.name
    return dict(sorted(lines.items()))


def _boundary(kinds: list[LaneKind], rule: _Rule) -> int | None:
    last_above = None
    for position, kind in enumerate(kinds):
        if kind in rule.below and last_above is not None:
            return last_above + 1 if rule.under_above else position
        if kind in rule.above:
            last_above = position
    return None


def scene_lines(scene: MapScene) -> dict[float, str]:
    """The blueprint lines of a map, by their y in the layout."""
    kinds = [lane.kind for lane in scene.document.lanes.values()]
    return {scene.layout.lane_edges[boundary]: name for boundary, name in blueprint_lines(kinds).items()}


def draw_lines(pen: Pen, lines: dict[float, str], left: float, right: float) -> None:
    for y in lines:
        pen.path([(left, y), (right, y)], MUTED, WIDTH, dash=DASH)


def draw_names(pen: Pen, scene: MapScene, lines: dict[float, str], column: Rect) -> None:
    """Each line's name just above it, at the right of the lane headers' column."""
    size, right = scene.style.small_font_size, column.right - scene.style.header_padding
    for y, name in lines.items():
        text = scene.fonts.fits(name, column.width - 2 * scene.style.header_padding, size)
        pen.text(right, y - 3, text, size, MUTED, align="right")
