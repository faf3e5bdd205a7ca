"""Where connector labels go: the label text and conversion rate on a pill over the route.

The canvas and the PDF both draw the labels placed here, from the same layout. Labels are placed
once for the whole map, so a label that straddles two sheets of a poster sits at the same place on
both. Each first goes where its route gives it room away from the cards (``place_label``); then,
those with least room to move first, each takes the clearest place along its line (a little past
its ends, or beside it in a gutter) off the cards and the labels placed before it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from journeymapper.layout import MapLayout, Measure, Point, Rect, Route, Style, connector_label
from journeymapper.model import JourneyDocument

HEAD_ROOM = 8.0  # kept free at a segment's ends for the arrowhead (the canvas's is 8 long, the PDF's 6)
PADDING = 3.0
CARD_WEIGHT = 10.0
SLIDE_STEP = 6.0  # how far apart the places a label tries along its line are
MAX_SLIDE_STEPS = 24  # how many steps a label may slide either way along its line
_CELL = 96.0  # the spatial index's bucket size, in layout points


@dataclass(frozen=True, slots=True)
class Placement:
    text: str
    box: Rect
    upright: bool  # False: the text reads upwards along a vertical line
    slack: float = 0.0  # how far the box may slide either way along its segment


def place_labels(document: JourneyDocument, layout: MapLayout, style: Style, measure: Measure) -> dict[str, Placement]:
    """Every connector label of the map, by connection id; ``measure`` is the one the layout used."""
    wanted = _first_choices(document, layout, style, measure)
    taken = _Index()
    for card in layout.cards.values():
        rect = card.rect  # touching a card is fine; covering it is far worse than covering a label
        taken.add((rect.x + 1, rect.y + 1, rect.right - 1, rect.bottom - 1), CARD_WEIGHT)
    # The labels with least room to move go first, while there is still room around them.
    by_room = sorted(wanted.items(), key=lambda item: item[1].slack)
    placements = {key: _settle(first, taken) for key, first in by_room}
    return {key: placements[key] for key in wanted}


def _first_choices(
    document: JourneyDocument, layout: MapLayout, style: Style, measure: Measure
) -> dict[str, Placement]:
    """Where each label would go if it had the map to itself."""
    choices = {}
    for connection in document.connections():
        text = connector_label(connection)
        if text:
            width = measure(text, style.small_font_size, False) + 2 * PADDING
            route = layout.connectors[connection.id]
            choices[connection.id] = _within_row(layout, place_label(layout, style, route, text, width))
    return choices


def _settle(first: Placement, taken: _Index) -> Placement:
    """The clearest of the places the label may take, now taken."""
    left, top, right, bottom = box = taken.clearest(_candidates(first))
    taken.add(box)
    if (left, top) == (first.box.x, first.box.y):
        return first
    return replace(first, box=Rect(left, top, right - left, bottom - top))


def place_label(layout: MapLayout, style: Style, route: Route, text: str, width: float) -> Placement:
    """Where a label ``width`` long goes, clear of the cards where the route allows it.

    Upright on the longest horizontal segment if it holds the label; otherwise reading upwards
    along the longest vertical segment in a column gutter, where no card ever is, however long the
    label. A route with neither (the hop between neighbouring cards) gets its label upright in the
    gap between two stacked cards, or as a flag standing in the gutter above (or below) a short
    horizontal hop.
    """
    height = style.small_font_size + PADDING
    segments = list(zip(route.points, route.points[1:]))
    level = max((ab for ab in segments if ab[0].y == ab[1].y), key=_length, default=None)
    if level and _length(level) >= width + 2 * HEAD_ROOM:
        return _along(text, level, width, height)
    if len(segments) > 1:  # only a one-segment route runs through a gap between cards
        upright = max((ab for ab in segments if ab[0].x == ab[1].x), key=_length, default=None)
        if upright:
            return _along(text, upright, width, height)
    anchor = route.label_anchor
    if level is None:
        return Placement(text, Rect(anchor.x - width / 2, anchor.y - height / 2, width, height), True)
    row = layout.rows.get(layout.lane_at_y(anchor.y) or "")
    upwards = row is None or anchor.y - row.y >= row.bottom - anchor.y
    top = anchor.y - 2 - width if upwards else anchor.y + 2
    return Placement(text, Rect(anchor.x - height / 2, top, height, width), False)


def _within_row(layout: MapLayout, placement: Placement) -> Placement:
    """The placement moved up or down to lie within the lane it starts in, if it fits there: a
    label along a short vertical hop near a lane's edge would otherwise run into the next lane
    or under the stage headers."""
    box = placement.box
    row = layout.rows.get(layout.lane_at_y(box.center.y) or "")
    if row is None or box.height > row.height - 4:
        return placement
    top = min(max(box.y, row.y + 2), row.bottom - 2 - box.height)
    return placement if top == box.y else replace(placement, box=Rect(box.x, top, box.width, box.height))


def _along(text: str, segment: tuple[Point, Point], width: float, height: float) -> Placement:
    """Centred on the segment, reading along it."""
    a, b = segment
    x, y = (a.x + b.x) / 2, (a.y + b.y) / 2
    slack = max(0.0, (_length(segment) - width) / 2 - HEAD_ROOM)
    if a.y == b.y:
        return Placement(text, Rect(x - width / 2, y - height / 2, width, height), True, slack)
    return Placement(text, Rect(x - height / 2, y - width / 2, height, width), False, slack)


def _length(segment: tuple[Point, Point]) -> float:
    a, b = segment
    return abs(b.x - a.x) + abs(b.y - a.y)  # segments are horizontal or vertical


def _candidates(placement: Placement) -> Iterator[Box]:
    """The placement's box, then shifted along its line either way, as far as the segment goes and
    up to half a label's length past its ends; a label along a vertical line may also stand just
    beside it, still in the gutter, when labels of neighbouring lines would otherwise lie on top of
    each other."""
    box = placement.box
    along = box.width if placement.upright else box.height
    for side in (0.0,) if placement.upright else (0.0, box.width + 1, -box.width - 1):
        for offset in _offsets(SLIDE_STEP, placement.slack + along / 2):
            left, top = (box.x + offset, box.y) if placement.upright else (box.x + side, box.y + offset)
            yield left, top, left + box.width, top + box.height


def _offsets(step: float, reach: float) -> Iterator[float]:
    # Far along a long gutter line a label no longer reads as this line's; and on a big map,
    # trying every place along such lines would take seconds.
    yield 0.0
    for steps in range(1, MAX_SLIDE_STEPS + 1):
        shift = steps * step
        if shift > reach:
            return
        yield shift
        yield -shift


Box = tuple[float, float, float, float]  # left, top, right, bottom


class _Index:
    """Boxes bucketed on a grid, to find overlaps among thousands of cards and labels quickly."""

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], list[tuple[float, float, float, float, float]]] = {}

    @staticmethod
    def _keys(left: float, top: float, right: float, bottom: float) -> Iterator[tuple[int, int]]:
        rows = range(int(top // _CELL), int(bottom // _CELL) + 1)
        for column in range(int(left // _CELL), int(right // _CELL) + 1):
            for row in rows:
                yield column, row

    def add(self, box: Box, weight: float = 1.0) -> None:
        entry = (*box, weight)
        cells = self._cells
        for key in self._keys(*box):
            bucket = cells.get(key)
            if bucket is None:
                cells[key] = [entry]
            else:
                bucket.append(entry)

    def clearest(self, boxes: Iterable[Box]) -> Box:
        """The first box that covers nothing, else the one that covers least."""
        best, best_cost = None, float("inf")
        for box in boxes:
            cost = self._covered(*box)
            if cost == 0:
                return box
            if cost < best_cost:
                best, best_cost = box, cost
        assert best is not None, "there is always at least one candidate"
        return best

    def _covered(self, left: float, top: float, right: float, bottom: float) -> float:
        # The area of every box this one covers, weighted; a box in two buckets counts twice,
        # which does not matter to ranking candidates of one size.
        covered = 0.0
        cells = self._cells
        for key in self._keys(left, top, right, bottom):
            for x, y, x2, y2, weight in cells.get(key, ()):
                if x < right and left < x2 and y < bottom and top < y2:
                    covered += (min(right, x2) - max(left, x)) * (min(bottom, y2) - max(top, y)) * weight
        return covered
