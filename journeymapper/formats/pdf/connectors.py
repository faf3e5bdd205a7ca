"""Connectors: the layout's orthogonal routes with an arrowhead at the target (labels: labels.py).

The three kinds differ in more than colour, so that they stay apart on a black-and-white print:
a flow is a solid grey line with a solid head, a hand-off a dashed blue line with a solid head, a
dependency a dotted grey line with an open head.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from reportlab.lib.colors import Color

from journeymapper.formats.pdf.pen import Pen
from journeymapper.formats.pdf.scene import MapScene
from journeymapper.formats.pdf.theme import ACCENT, MUTED
from journeymapper.layout import XY, Point, Rect
from journeymapper.model import ConnectionKind

HEAD_LENGTH, HEAD_HALF_WIDTH = 6.0, 2.8


@dataclass(frozen=True, slots=True)
class Line:
    colour: Color
    width: float
    dash: tuple[float, ...] | None
    solid_head: bool


LINES = {  # the dashes are the canvas's
    ConnectionKind.FLOW: Line(MUTED, 0.9, None, True),
    ConnectionKind.HANDOFF: Line(ACCENT, 1.1, (6.0, 4.0), True),
    ConnectionKind.DEPENDENCY: Line(MUTED, 0.9, (1.5, 3.0), False),
}


@dataclass(frozen=True, slots=True)
class Arrow:
    """A connector as drawn: the shaft stops short of the tip, so no dash pokes through the head."""

    kind: ConnectionKind
    shaft: list[XY]
    head: list[XY]  # the outline of the head, its tip in the middle


Piece = tuple[str, int]  # a connection id and a segment of its shaft (0, 1, ...), or HEAD for its head
HEAD = -1


def arrows(scene: MapScene) -> dict[str, Arrow]:
    """Every connector of the map, ready to draw."""
    routes = scene.layout.connectors
    return {c_id: _arrow(list(routes[c_id].points), kind) for c_id, kind in scene.connection_kinds.items()}


def _arrow(path: list[XY], kind: ConnectionKind) -> Arrow:
    line, tip = LINES[kind], path[-1]
    ux, uy = _direction(path)
    base = (tip[0] - ux * HEAD_LENGTH, tip[1] - uy * HEAD_LENGTH)
    stop = base if line.solid_head else (tip[0] - ux * 0.6, tip[1] - uy * 0.6)
    wings = [(base[0] + side * uy * HEAD_HALF_WIDTH, base[1] - side * ux * HEAD_HALF_WIDTH) for side in (1, -1)]
    return Arrow(kind, [*path[:-1], stop], [wings[0], tip, wings[1]])


def pieces(arrows: dict[str, Arrow]) -> Iterator[tuple[Piece, Rect]]:
    """Every segment and head of every connector with the box it covers: a poster's sheet draws
    only the pieces that cross it, as many routes run across dozens of sheets."""
    for c_id, arrow in arrows.items():
        for number, segment in enumerate(zip(arrow.shaft, arrow.shaft[1:])):
            yield (c_id, number), _box(segment)
        yield (c_id, HEAD), _box(arrow.head)


def _box(points: Sequence[XY]) -> Rect:
    reach = HEAD_HALF_WIDTH
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return Rect(min(xs) - reach, min(ys) - reach, max(xs) - min(xs) + 2 * reach, max(ys) - min(ys) + 2 * reach)


def draw_connectors(pen: Pen, arrows: dict[str, Arrow], shown: Iterable[Piece] | None = None) -> None:
    """The connectors (only the ``shown`` pieces, if given), one PDF path per kind of line."""
    shafts: dict[ConnectionKind, list[list[XY]]] = {kind: [] for kind in LINES}
    heads: dict[ConnectionKind, list[list[XY]]] = {kind: [] for kind in LINES}
    if shown is None:
        for arrow in arrows.values():
            shafts[arrow.kind].append(arrow.shaft)
            heads[arrow.kind].append(arrow.head)
    else:
        last: Piece | None = None
        for c_id, number in shown:
            arrow = arrows[c_id]
            if number == HEAD:
                heads[arrow.kind].append(arrow.head)
            elif number and last == (c_id, number - 1):
                shafts[arrow.kind][-1].append(arrow.shaft[number + 1])  # the run goes on
            else:
                shafts[arrow.kind].append(arrow.shaft[number : number + 2])
            last = (c_id, number)
    for kind, line in LINES.items():
        _stroke(pen, line, shafts[kind], heads[kind])


def draw_route(pen: Pen, points: Iterable[Point], kind: ConnectionKind) -> None:
    """One route, whole (the legend's samples)."""
    arrow = _arrow([(p.x, p.y) for p in points], kind)
    _stroke(pen, LINES[kind], [arrow.shaft], [arrow.head])


def _stroke(pen: Pen, line: Line, shafts: list[list[XY]], heads: list[list[XY]]) -> None:
    if shafts:
        pen.paths(shafts, line.colour, line.width, dash=line.dash)
    if heads and line.solid_head:
        pen.paths(heads, fill=line.colour, closed=True)
    elif heads:
        pen.paths(heads, line.colour, line.width)


def _direction(path: list[XY]) -> XY:
    """The unit direction in which the route arrives at its last point."""
    tip = path[-1]
    for x, y in reversed(path[:-1]):
        length = math.hypot(tip[0] - x, tip[1] - y)
        if length > 0:
            return (tip[0] - x) / length, (tip[1] - y) / length
    return 1.0, 0.0
