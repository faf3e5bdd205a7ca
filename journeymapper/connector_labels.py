"""Where connector labels go: the label text and conversion rate on a pill by the route.

The canvas and the PDF both draw the labels placed here, each from the same layout in its own
text measure. Labels are placed once for the whole map, so a label that straddles two sheets of a
poster sits at the same place on both. The rule:

1. Each label has a home on its route (``place_label``): upright on the longest horizontal segment
   if it holds the label, else reading upwards along the longest vertical one; at a hop between
   neighbouring cards, beside the hop's short arrow.
2. The labels with least room to move go first. Each takes the free place nearest its home among
   the places along its own line: on any segment of its route or just beside it, a little way
   along it either side. Free means that it covers no card, no label placed before it (with a
   point of air between two pills) and nothing outside the grid of cells, so never a header.
3. A label with no free place near its line for its whole text is shortened with an ellipsis to
   the longest text that fits one ("Hands the sign… · 25%": the rate stays whole).
4. A label that cannot keep even a few characters is left out; ``Labels.left_out`` says which,
   for the canvas's tooltip and the PDF's warnings and appendix.

So two pills never lie on top of each other, and a label never wanders far from its line: a
shortened label reads better than one that has to be searched for.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from heapq import heappop, heappush
from itertools import accumulate, pairwise
from operator import attrgetter
from typing import NamedTuple

from journeymapper.collector import young_collections_only
from journeymapper.layout import ELLIPSIS, XY, Box, MapLayout, Measure, Point, Rect, Route, Style, connector_label
from journeymapper.model import Connection, JourneyDocument

HEAD_ROOM = 8.0  # kept free at a segment's ends for the arrowhead (the canvas's is 8 long, the PDF's 6)
AIR = 1.0  # between two pills, and between a line and a pill beside it
FLAG_GAP = 4.0  # between a hop and a label standing at it: clear of an arrowhead's wings
HOP_GAP = 5.0  # between a short vertical hop and the label beside it: clear of the arrowhead's wings
ACROSS_STEPS = 3  # the places either side of its line a label may shift to, the last just beside it
REACH = 144.0  # how far a label may slide along a segment from where it is nearest its home, in points
MIN_KEPT = 3  # the characters a shortened label keeps at least; with fewer it is left out
_CELL = 128.0  # the spatial index's bucket size, in layout points
_EPSILON = 1e-6  # kept between neighbours against rounding: touching is not covering


@dataclass(frozen=True, slots=True)
class Placement:
    text: str  # as drawn: the whole label, or the label shortened with an ellipsis
    box: Rect
    upright: bool  # False: the text reads upwards along a vertical line
    full_text: str | None = None  # the whole label when ``text`` is shortened, else None

    @property
    def shortened(self) -> bool:
        return self.full_text is not None


@dataclass(frozen=True, slots=True)
class Labels:
    """Every connector label of a map: where each goes, and which found no room near its line."""

    placed: dict[str, Placement]  # by connection id, in map order: whole or shortened
    left_out: dict[str, str]  # the whole text of each label left out, by connection id, in map order

    @property
    def shortened(self) -> dict[str, Placement]:
        return {key: placement for key, placement in self.placed.items() if placement.shortened}


def label_area(layout: MapLayout, style: Style) -> Rect:
    """Where labels may lie: the grid of cells, and past its right and bottom edges as far as a
    label reaches along the outermost connector track there (the PDF's map reaches as far). Never
    above or left of the grid, where the headers are."""
    stages, lanes = layout.stage_edges, layout.lane_edges
    reach = style.connector_tracks // 2 * style.connector_spacing + style.label_height / 2 + AIR
    return Rect(stages[0], lanes[0], stages[-1] - stages[0] + reach, lanes[-1] - lanes[0] + reach)


def what_placing_reads(layout: MapLayout) -> tuple[object, ...]:
    """All that ``place_labels`` reads of ``layout``: the routes, the cards' rectangles, the stage
    and lane edges and the rows. With the same labels and rates, two layouts that read the same
    get the same placements."""
    return (
        layout.connectors,
        tuple(card.rect for card in layout.cards.values()),
        layout.stage_edges,
        layout.lane_edges,
        tuple(layout.rows.values()),
    )


def place_labels(document: JourneyDocument, layout: MapLayout, style: Style, measure: Measure) -> Labels:
    """Every connector label of the map; ``measure`` is the one the layout used."""
    with young_collections_only():  # thousands of boxes and placements, none of them garbage
        return _place_labels(document, layout, style, measure)


def _place_labels(document: JourneyDocument, layout: MapLayout, style: Style, measure: Measure) -> Labels:
    room = _Room(layout, style, measure)
    for card in layout.cards.values():
        rect = card.rect  # touching a card is fine; covering it is not
        room.taken.add((rect.x, rect.y, rect.right, rect.bottom))
    wanted: list[tuple[float, int, Connection, Home]] = []
    in_order: list[str] = []
    for number, connection in enumerate(document.connections()):
        text = connector_label(connection)
        if text:
            in_order.append(connection.id)
            width = measure(text, style.small_font_size, False) + 2 * style.label_padding
            home = place_label(room.lines, layout.connectors[connection.id], text, width)
            wanted.append((home.slack, number, connection, home))
    # The labels with least room to move go first, while there is still room around them (no two
    # numbers are equal: the connections are never compared).
    wanted.sort()
    placed: dict[str, Placement] = {}
    left_out: dict[str, str] = {}
    lines: dict[str, float] = {}
    for _, _, connection, home in wanted:
        settled = room.settle(home, connection)
        if settled is None:
            left_out[connection.id] = home.text
        else:
            placed[connection.id], line = settled
            if line is not None:
                lines[connection.id] = line
    # Labels that went beside their line to leave room for others sit on it where there is room.
    for key, line in lines.items():
        placed[key] = room.centred(placed[key], line)
    return Labels(
        {key: placed[key] for key in in_order if key in placed},
        {key: left_out[key] for key in in_order if key in left_out},
    )


class Home(NamedTuple):
    """Where a label goes if it has the map to itself."""

    text: str
    box: Rect
    upright: bool  # False: the text reads upwards along a vertical line
    slack: float  # how far it may slide either way along its line without covering an arrowhead
    line: float | None  # where across its line is, to put it back on it (``_Room.centred``)
    segment: int  # the route's segment it lies along, or stands at
    points: tuple[XY, ...]  # the route's, for the places along it (``_tracks``)


def place_label(lines: _Lines, route: Route, text: str, width: float) -> Home:
    """Where a label ``width`` long goes if it has the map to itself.

    Upright on the longest horizontal segment if it holds the label; otherwise reading upwards
    along the longest vertical segment in a column gutter, where no card ever is, however long the
    label. A route with neither (the hop between neighbouring cards) gets its label upright across
    a long hop, beside a short one (the layout leaves room for it between two stacked cards), or as
    a flag standing in the gutter above (or below) a short horizontal hop.
    """
    height = lines.height
    points = route.points
    level = upright = first = None  # the longest horizontal and vertical segments, the first of any length
    level_length = upright_length = 0.0
    count = 0
    for number, ((ax, ay), (bx, by)) in enumerate(pairwise(points)):
        if ax == bx and ay == by:
            continue
        count += 1
        first = number if first is None else first
        if ay == by:
            if level is None or abs(bx - ax) > level_length:
                level, level_length = number, abs(bx - ax)
        elif upright is None or abs(by - ay) > upright_length:
            upright, upright_length = number, abs(by - ay)
    if level is not None and level_length >= width + 2 * HEAD_ROOM:
        middle = lines.across(points[level][1], vertical=False)[0]
        return _along(text, points, level, width, middle, height)
    if count > 1 and upright is not None:  # only a one-segment route runs through a gap between cards
        middle = lines.across(points[upright][0], vertical=True)[0]
        return _within_row(lines, _along(text, points, upright, width, middle, height))
    anchor = route.label_anchor
    if level is None:
        if upright_length < height + 2 * HEAD_ROOM:  # beside the short arrow
            box = Rect(anchor.x + HOP_GAP, anchor.y - height / 2, width, height)
        else:
            box = Rect(anchor.x - width / 2, anchor.y - height / 2, width, height)
        return Home(text, box, True, 0.0, None, first or 0, points)
    row = lines.row(anchor.y)
    upwards = row is None or anchor.y - row.y >= row.bottom - anchor.y
    top = anchor.y - FLAG_GAP - width if upwards else anchor.y + FLAG_GAP
    middle = lines.across(anchor.x, vertical=True)[0]
    box = Rect(middle - height / 2, top, height, width)
    return Home(text, box, False, 0.0, anchor.x, level, points)


def _within_row(lines: _Lines, home: Home) -> Home:
    """The home moved up or down to lie within the lane it starts in, if it fits there: a label
    along a vertical line near a lane's edge would otherwise run into the next lane."""
    box = home.box
    row = lines.row(box.y + box.height / 2)
    if row is None or box.height > row.height - 4:
        return home
    top = min(max(box.y, row.y + 2), row.bottom - 2 - box.height)
    if top == box.y:
        return home
    return home._replace(box=Rect(box.x, top, box.width, box.height))


def _along(text: str, points: tuple[XY, ...], number: int, width: float, middle: float, height: float) -> Home:
    """Halfway along a segment, reading along it, its middle ``middle`` across."""
    a, b = points[number], points[number + 1]
    (ax, ay), (bx, by) = a, b
    slack = max(0.0, (_length((a, b)) - width) / 2 - HEAD_ROOM)
    if ay == by:
        x = (ax + bx) / 2
        box = Rect(x - width / 2, middle - height / 2, width, height)
        return Home(text, box, True, slack, ay, number, points)
    y = (ay + by) / 2
    box = Rect(middle - height / 2, y - width / 2, height, width)
    return Home(text, box, False, slack, ax, number, points)


def _length(segment: tuple[XY, XY]) -> float:
    (ax, ay), (bx, by) = segment
    return abs(bx - ax) + abs(by - ay)  # segments are horizontal or vertical


# -- the places near a line --------------------------------------------------------------------


class _Track(NamedTuple):
    """A strip where a label may lie: along it the label slides (or, as a flag, grows from a fixed
    end); across it the label's extent is fixed."""

    upright: bool
    axis: int  # 0: the label moves along x; 1: along y
    cross: tuple[float, float]  # the box's extent across the strip
    length: float  # the box's extent along the strip, for the whole text
    low: float  # the box's centre stays within low..high along the strip; a flag's fixed end is low
    high: float
    anchor: float  # where along the strip the label is nearest its home (and slides from, at most REACH)
    cost: float  # what lying there costs: how far the anchor is from home, along the route and across
    least: float  # what lying there costs at least: ``cost``, plus how far low..high is from a slider's anchor
    flag: int  # 0: the label slides; -1 or +1: it grows from ``low`` towards lower or higher values
    shortens: bool  # the text runs along the strip, so a shorter text needs a shorter stretch of it
    line: float | None  # where across the segment's line is, for a strip along one


_least = attrgetter("least")


def _tracks(home: Home, lines: _Lines) -> Iterator[_Track | float]:
    """The strips along every segment of the route, on the line and beside it (and, for a hop
    between two cards, standing at it), cheapest first (of two that cost the same, the one on the
    earlier segment): the nearer to the label's home along the route, the cheaper. On other
    segments than its home's, a label slides from the end nearer its home, and on a long one from
    its middle too. Lazily: most labels find room on their home's segment, nearer than any other
    segment is, and most of the rest on the next segment or two."""
    box = home.box
    width, centre = (box.width if home.upright else box.height), box.center
    segments = list(pairwise(home.points))
    arcs = list(accumulate(map(_length, segments), initial=0.0))
    number = home.segment
    a, b = segments[number]
    (ax, ay), (_, by) = a, b
    home_arc = arcs[number] + (abs(centre.x - ax) if ay == by else abs(centre.y - ay))
    nearest_other = min(home_arc - arcs[number], arcs[number + 1] - home_arc) if len(segments) > 1 else 0.0
    near = sorted(_segment_tracks(segments, arcs, number, number, home_arc, centre, width, lines), key=_least)
    while near and near[0].least <= nearest_other:
        yield near.pop(0)
    yield nearest_other  # what the rest costs at least: no need to work them out if that is too much
    if len(segments) == 1:
        near.extend(_hop_tracks(a, b, centre, width, lines))
        near.sort(key=_least)
        yield from near
        return
    # Each other segment's tracks cost at least how far its end nearer home is along the route:
    # a segment's tracks are worked out once the cheapest track still to come costs that much.
    others = sorted(
        (arcs[other] - home_arc if other > number else home_arc - arcs[other + 1], other)
        for other in range(len(segments))
        if other != number
    )
    waiting = [(track.least, -1, order, track) for order, track in enumerate(near)]
    coming = 0
    while True:
        while coming < len(others) and (not waiting or others[coming][0] <= waiting[0][0]):
            other = others[coming][1]
            coming += 1
            tracks = _segment_tracks(segments, arcs, other, number, home_arc, centre, width, lines)
            for order, track in enumerate(tracks):
                heappush(waiting, (track.least, other, order, track))
        if not waiting:
            return
        yield heappop(waiting)[3]


def _segment_tracks(
    segments: list[tuple[XY, XY]],
    arcs: list[float],
    number: int,
    home_number: int,
    home_arc: float,
    centre: Point,
    width: float,
    lines: _Lines,
) -> Iterator[_Track]:
    """The strips along one segment, from where a label there is nearest its home."""
    (ax, ay), (bx, by) = segments[number]
    if ax == bx and ay == by:
        return
    height = lines.height
    horizontal = ay == by
    axis, line = (0, ay) if horizontal else (1, ax)
    start_at, end_at = (ax, bx) if horizontal else (ay, by)
    low, high = _centre_range(min(start_at, end_at), max(start_at, end_at))
    if number == home_number:
        anchors = [(centre.x if horizontal else centre.y, 0.0)]
    elif number > home_number:
        anchors = [(start_at, arcs[number] - home_arc)]
    else:
        anchors = [(end_at, home_arc - arcs[number + 1])]
    if abs(end_at - start_at) > 2 * REACH:  # a long segment: its middle too
        anchors.append(((start_at + end_at) / 2, abs(arcs[number] + abs(end_at - start_at) / 2 - home_arc)))
    middles = lines.across(line, vertical=not horizontal)
    first, half = middles[0], height / 2
    for middle in middles:
        cross = (middle - half, middle + half)
        for anchor, along in anchors:
            cost = along + abs(middle - first)
            least = cost + max(0.0, low - anchor, anchor - high)
            yield _Track(horizontal, axis, cross, width, low, high, anchor, cost, least, 0, True, line)


def _hop_tracks(a: XY, b: XY, centre: Point, width: float, lines: _Lines) -> Iterator[_Track]:
    """The places at a hop between two cards: a flag standing in the gutter above or below a
    horizontal hop; upright across a long vertical hop, or beside a short one."""
    height = lines.height
    (ax, ay), (bx, by) = a, b
    if ay == by:
        halfway = (ax + bx) / 2
        for middle in lines.across(halfway, vertical=True):
            cross = (middle - height / 2, middle + height / 2)
            for end_at, grows in ((ay - FLAG_GAP, -1), (ay + FLAG_GAP, 1)):
                cost = abs(middle - centre.x) + abs(end_at + grows * width / 2 - centre.y)
                yield _Track(False, 1, cross, width, end_at, end_at, end_at, cost, cost, grows, True, halfway)
        return
    low, high, x = min(ay, by), max(ay, by), ax
    if high - low >= height + 2 * HEAD_ROOM:
        cross = (x - width / 2, x + width / 2)
        start, end = low + HEAD_ROOM + height / 2, high - HEAD_ROOM - height / 2
        cost = abs(x - centre.x)
        least = cost + max(0.0, start - centre.y, centre.y - end)
        yield _Track(True, 1, cross, height, start, end, centre.y, cost, least, 0, False, None)
    middle = (low + high) / 2
    for end_at, grows in ((x + HOP_GAP, 1), (x - HOP_GAP, -1)):
        cost = abs(middle - centre.y) + abs(end_at + grows * width / 2 - centre.x)
        cross = (middle - height / 2, middle + height / 2)
        yield _Track(True, 0, cross, width, end_at, end_at, end_at, cost, cost, grows, True, None)


class _Lines:
    """What placing labels asks of a layout's lines again and again, worked out once: where
    across a line a label may lie, and which lane a height is in."""

    def __init__(self, layout: MapLayout, style: Style) -> None:
        self.height = style.label_height
        # By ``vertical``: a horizontal line runs beside lane edges, a vertical one beside stage edges.
        self._edges = layout.lane_edges, layout.stage_edges
        self._rows = list(layout.rows.values())
        self._reach = style.connector_tracks // 2 * style.connector_spacing
        self._middles: dict[tuple[float, bool], tuple[float, ...]] = {}  # many labels share a gutter's tracks

    def across(self, line: float, vertical: bool) -> tuple[float, ...]:
        """Where across a line a label along it may have its middle, best first.

        A line in a gutter or channel (beside a column's or a row's edge, on one of the connector
        tracks) has two lanes of labels, one either side of the edge, side by side with a point
        of air between them: the one the line runs through (or the nearer), then the other, then
        on the line itself. Packed in these lanes, the labels of neighbouring lines leave each
        other room; where there is room to spare, ``_Room.centred`` puts them back on their
        lines. Any other line: on it, then just beside it either way.
        """
        middles = self._middles.get((line, vertical))
        if middles is None:
            middles = _middles(line, self._edges[vertical], self._reach, self.height)
            self._middles[line, vertical] = middles
        return middles

    def row(self, y: float) -> Rect | None:
        """The row of the lane at height ``y`` (``MapLayout.lane_at_y``), if any."""
        position = bisect_right(self._edges[0], y) - 1
        return self._rows[position] if 0 <= position < len(self._rows) else None


def _middles(line: float, edges: tuple[float, ...], reach: float, height: float) -> tuple[float, ...]:
    at = bisect_left(edges, line)
    edge = min(edges[max(0, at - 1) : at + 1], key=lambda edge: abs(edge - line), default=None)
    if edge is None or abs(edge - line) > reach:
        beside = height / 2 + AIR
        return line, line - beside, line + beside
    lanes = (edge - (height + AIR) / 2, edge + (height + AIR) / 2)
    return *sorted(lanes, key=lambda middle: abs(middle - line)), line


def _centre_range(low: float, high: float) -> tuple[float, float]:
    """Where on a segment from ``low`` to ``high`` a label's centre may be: clear of its ends by
    the head room, or at its middle if it is too short for that."""
    if high - low >= 2 * HEAD_ROOM:
        return low + HEAD_ROOM, high - HEAD_ROOM
    middle = (low + high) / 2
    return middle, middle


# -- settling labels one by one ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Fit:
    """A free stretch ``low``..``high`` of a track within reach of its anchor: the box's centre
    stays within ``start``..``end`` (a flag's box starts at the track's fixed end)."""

    track: _Track
    low: float
    high: float
    start: float
    end: float

    def longest(self) -> float:
        """The longest box this stretch holds."""
        if self.track.flag:
            return self.high - self.low
        return min(self.high - self.low, 2 * (self.end - self.low), 2 * (self.high - self.start))

    def place(self, length: float) -> tuple[float, float]:
        """What a box ``length`` long costs here, where it is nearest home, and where it starts."""
        track = self.track
        if track.flag:
            return track.cost, (self.low if track.flag > 0 else self.high - length)
        anchor = track.anchor
        nearest = min(max(anchor, self.low + length / 2, self.start), self.high - length / 2, self.end)
        return track.cost + abs(nearest - anchor), nearest - length / 2


class _Room:
    """The cards and the labels placed so far, and the grid of cells every label stays inside."""

    def __init__(self, layout: MapLayout, style: Style, measure: Measure) -> None:
        self.style, self.measure = style, measure
        self.lines = _Lines(layout, style)
        self.taken = _Index()
        area = label_area(layout, style)
        self.body = left, top, right, bottom = area.x, area.y, area.right, area.bottom
        # By axis: where along a strip the body ends, then where across it does.
        self._extents = ((left, right, top, bottom), (top, bottom, left, right))

    def settle(self, home: Home, connection: Connection) -> tuple[Placement, float | None] | None:
        """The label of ``connection`` at the free place nearest ``home`` for its whole text, or
        shortened to fit the longest free place near its line, or None; with where its line is
        across it, if it lies along one. A placed label is taken."""
        box, text = home.box, home.text
        wanted = (box.x, box.y, box.right, box.bottom)
        if self._inside(wanted) and self.taken.free(wanted):
            self.taken.add(_grown(wanted, AIR))
            return Placement(text, box, home.upright), home.line
        best: tuple[float, float, _Track] | None = None  # cost, start, track
        seen: list[_Track] = []
        for track in _tracks(home, self.lines):
            if isinstance(track, float):  # the least any track still to come costs
                if best is not None and best[0] <= track:
                    break
                continue
            if best is not None and best[0] <= track.least:
                break
            seen.append(track)
            # Only a place nearer than the best so far matters: look no further along than that.
            found = self._nearest(track, REACH if best is None else best[0] - track.cost)
            if found is not None and (best is None or found[0] < best[0]):
                best = (*found, track)
        if best is not None:
            _, start, track = best
            return self._take(track, start, track.length, text, None)
        partial = [fit for track in seen if track.shortens for fit in self._fits(track)]
        if not partial:
            return None
        cut, longest = _Cutter(connection, self.style, self.measure), max(fit.longest() for fit in partial)
        shortened = cut.text(longest)
        if shortened is None:
            return None
        length = min(cut.length(shortened), longest)
        fits = [fit for fit in partial if fit.longest() >= length - _EPSILON]
        nearest = min(fits, key=lambda fit: fit.place(length)[0])
        return self._take(nearest.track, nearest.place(length)[1], length, shortened, text)

    def _take(
        self, track: _Track, start: float, length: float, text: str, full_text: str | None
    ) -> tuple[Placement, float | None]:
        near, far = track.cross
        box = (start, near, start + length, far) if track.axis == 0 else (near, start, far, start + length)
        self.taken.add(_grown(box, AIR))
        left, top, right, bottom = box
        return Placement(text, Rect(left, top, right - left, bottom - top), track.upright, full_text), track.line

    def centred(self, placement: Placement, line: float) -> Placement:
        """The placement moved across onto its line, if it is beside it and there is room there."""
        box = placement.box
        middle = box.y + box.height / 2 if placement.upright else box.x + box.width / 2
        if middle == line:
            return placement
        shift = line - middle
        left, top = (box.x, box.y + shift) if placement.upright else (box.x + shift, box.y)
        now = _grown((box.x, box.y, box.right, box.bottom), AIR)
        moved = (left, top, left + box.width, top + box.height)
        if not (self._inside(moved) and self.taken.free(moved, now)):
            return placement
        self.taken.remove(now)
        self.taken.add(_grown(moved, AIR))
        return Placement(placement.text, Rect(left, top, box.width, box.height), placement.upright, placement.full_text)

    def _nearest(self, track: _Track, reach: float) -> tuple[float, float] | None:
        """The cost and start of the place nearest the anchor of ``track``, no further than
        ``reach`` from it, that holds the whole label; None if there is none."""
        axis, (near, far), length, flag = track.axis, track.cross, track.length, track.flag
        low_end, high_end, cross_low, cross_high = self._extents[axis]
        if near < cross_low or far > cross_high:
            return None  # the strip leaves the grid: under a header, or off the map
        if flag:
            start = track.low if flag > 0 else track.low - length
            if start < low_end or start + length > high_end:
                return None
            box = (start, near, start + length, far) if axis == 0 else (near, start, far, start + length)
            return (track.cost, start) if self.taken.free(box) else None
        anchor, half = track.anchor, length / 2
        start, end = max(track.low, anchor - reach, low_end + half), min(track.high, anchor + reach, high_end - half)
        if start > end:
            return None
        low, high = start - half, end + half
        box = (low, near, high, far) if axis == 0 else (near, low, far, high)
        spans = self.taken.spans(box, axis)
        spans.sort()
        spans.append((high, high))  # the end of the last stretch
        # The free stretches long enough for the label, and in each the centre nearest the anchor.
        best: float | None = None
        at, needed = low, length - _EPSILON
        for span_low, span_high in spans:
            if span_low - at >= needed:
                centre = min(max(anchor, at + half, start), span_low - half, end)
                if best is None or abs(centre - anchor) < abs(best - anchor):
                    best = centre
            if span_high > at:
                at = span_high
        if best is None:
            return None
        return track.cost + abs(best - anchor), best - half

    def _fits(self, track: _Track) -> Iterator[_Fit]:
        """The free stretches of ``track`` within reach of its anchor."""
        low_end, high_end, cross_low, cross_high = self._extents[track.axis]
        near, far = track.cross
        if near < cross_low or far > cross_high:
            return  # the strip leaves the grid: under a header, or off the map
        length = track.length
        if track.flag:
            start = end = track.low
            low, high = (
                (start, min(start + length, high_end)) if track.flag > 0 else (max(low_end, start - length), start)
            )
        else:
            start, end = max(track.low, track.anchor - REACH), min(track.high, track.anchor + REACH)
            low, high = max(low_end, start - length / 2), min(high_end, end + length / 2)
        if start > end or low >= high:
            return
        box = (low, near, high, far) if track.axis == 0 else (near, low, far, high)
        stretches = _gaps(self.taken.spans(box, track.axis), low, high)
        if not track.flag:
            for gap_low, gap_high in stretches:
                yield _Fit(track, gap_low, gap_high, start, end)
        elif stretches:  # a flag has only the stretch that starts at its fixed end
            gap_low, gap_high = stretches[0] if track.flag > 0 else stretches[-1]
            if (gap_low if track.flag > 0 else gap_high) == start:
                yield _Fit(track, gap_low, gap_high, start, end)

    def _inside(self, box: Box) -> bool:
        left, top, right, bottom = self.body
        return left <= box[0] and top <= box[1] and box[2] <= right and box[3] <= bottom


def _gaps(spans: list[tuple[float, float]], low: float, high: float) -> list[tuple[float, float]]:
    """The stretches of low..high that no span covers."""
    spans.sort()
    gaps = []
    at = low
    for span_low, span_high in spans:
        if span_low > at:
            gaps.append((at, min(span_low, high)))
        at = max(at, span_high)
        if at >= high:
            return gaps
    gaps.append((at, high))
    return gaps


def _grown(box: Box, by: float) -> Box:
    left, top, right, bottom = box
    return left - by, top - by, right + by, bottom + by


class _Cutter:
    """A connection's label shortened with an ellipsis to fit a pill of a given length; its rate
    (the part after " · ") is kept whole."""

    def __init__(self, connection: Connection, style: Style, measure: Measure) -> None:
        self.label = connection.label.strip()
        rate = connector_label(connection).removeprefix(self.label).removeprefix(" · ")
        self.suffix = f"{ELLIPSIS} · {rate}" if rate else ELLIPSIS
        self.size, self.padding, self.measure = style.small_font_size, style.label_padding, measure

    def length(self, text: str) -> float:
        return self.measure(text, self.size, False) + 2 * self.padding

    def text(self, length: float) -> str | None:
        """The longest shortening whose pill is at most ``length`` long, or None if it would keep
        fewer than MIN_KEPT characters of the label."""
        label, suffix = self.label, self.suffix

        def too_long(kept: int) -> bool:
            return self.length(label[:kept].rstrip() + suffix) > length

        longest = bisect_left(range(len(label)), True, key=too_long) - 1  # the last number of characters that fits
        kept = label[: max(0, longest)].rstrip()
        return kept + suffix if len(kept) >= MIN_KEPT else None


class _Index:
    """Boxes bucketed on a grid, to find overlaps among thousands of cards and labels quickly."""

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], list[Box]] = {}

    def add(self, box: Box) -> None:
        cells = self._cells
        rows = range(int(box[1] // _CELL), int(box[3] // _CELL) + 1)
        for column in range(int(box[0] // _CELL), int(box[2] // _CELL) + 1):
            for row in rows:
                bucket = cells.get((column, row))
                if bucket is None:
                    cells[column, row] = [box]
                else:
                    bucket.append(box)

    def remove(self, box: Box) -> None:
        cells = self._cells
        rows = range(int(box[1] // _CELL), int(box[3] // _CELL) + 1)
        for column in range(int(box[0] // _CELL), int(box[2] // _CELL) + 1):
            for row in rows:
                cells[column, row].remove(box)

    def free(self, box: Box, mine: Box | None = None) -> bool:
        """Whether ``box`` covers none of the boxes but ``mine`` (touching one is not covering it)."""
        left, top, right, bottom = box[0] + _EPSILON, box[1] + _EPSILON, box[2] - _EPSILON, box[3] - _EPSILON
        cells = self._cells
        rows = range(int(box[1] // _CELL), int(box[3] // _CELL) + 1)
        for column in range(int(box[0] // _CELL), int(box[2] // _CELL) + 1):
            for row in rows:
                for other in cells.get((column, row), ()):
                    x, y, x2, y2 = other
                    if x < right and left < x2 and y < bottom and top < y2 and other != mine:
                        return False
        return True

    def spans(self, box: Box, axis: int) -> list[tuple[float, float]]:
        """The extents along ``axis`` (0: x, 1: y) of the boxes that ``box`` would cover."""
        left, top, right, bottom = box[0] + _EPSILON, box[1] + _EPSILON, box[2] - _EPSILON, box[3] - _EPSILON
        cells = self._cells
        found = []
        rows = range(int(box[1] // _CELL), int(box[3] // _CELL) + 1)
        for column in range(int(box[0] // _CELL), int(box[2] // _CELL) + 1):
            for row in rows:
                for x, y, x2, y2 in cells.get((column, row), ()):
                    if x < right and left < x2 and y < bottom and top < y2:
                        found.append((x, x2) if axis == 0 else (y, y2))
        return found
