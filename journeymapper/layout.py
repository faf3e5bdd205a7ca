"""Pure geometry of a journey map: what the canvas and the PDF both draw.

From a document and a style this computes rectangles for the stage and lane headers, the grid of
cells, every card (with its wrapped title), an orthogonal route for every connection and the points
of the emotion curves. Units are points and the y axis points down, as on screen; the PDF flips it
once. Text widths come from an injected ``Measure`` so that the canvas (Qt font metrics), the PDF
(reportlab's stringWidth) and the command line (``approximate_measure``) wrap titles the same way
their renderer draws them. Nothing here imports Qt.

Connector routes run only through free space: the vertical gutters beside the cards of a column and
the horizontal channels where two rows meet. Each connection is given one of a few parallel tracks
in those gutters so that routes sharing a gutter stay apart.
"""

from __future__ import annotations

import itertools
import unicodedata
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial
from operator import attrgetter
from typing import NamedTuple

from journeymapper.collector import young_collections_only
from journeymapper.model.document import JourneyDocument
from journeymapper.model.schema import Connection, Lane, LaneKind, Touchpoint

Measure = Callable[[str, float, bool], float]
Cell = tuple[str, str]
Box = tuple[float, float, float, float]
"""A rectangle as left, top, right, bottom: what the spatial indexes over a layout hold."""
XY = tuple[float, float]
"""A point as plain numbers: what a route's points are. A big map's layout makes tens of thousands,
and the garbage collector stops watching a plain tuple of numbers after its first pass over it,
where it would go on watching a ``Point`` (a named tuple) for as long as the layout lives."""
ELLIPSIS = "…"


class Point(NamedTuple):
    # A tuple, not a frozen dataclass: a big map's routes create tens of thousands of these.
    x: float
    y: float


class Rect(NamedTuple):
    # A tuple, as ``Point`` is, not a frozen dataclass: a big map's layout makes one per card,
    # and a tuple is quicker to make.
    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def center(self) -> Point:
        return Point(self.x + self.width / 2, self.y + self.height / 2)

    def contains(self, point: Point) -> bool:
        return self.x <= point.x <= self.x + self.width and self.y <= point.y <= self.y + self.height


@dataclass(frozen=True, slots=True)
class Style:
    """Sizes in points. Routes keep clear of cards only while the outermost connector track,
    ``connector_tracks // 2 * connector_spacing``, stays below both gutter and cell padding."""

    margin: float = 24.0
    stage_header_height: float = 60.0
    lane_header_width: float = 140.0
    header_padding: float = 8.0
    header_font_size: float = 11.0
    stage_header_max_lines: int = 3
    stage_summary_height: float = 14.0  # a linked stage's line about the map behind it, under its name
    lane_header_max_lines: int = 4
    max_column_width: float = 420.0
    column_growth_step: float = 24.0
    card_width: float = 190.0
    card_padding: float = 8.0
    card_gap: float = 8.0
    card_band_height: float = 18.0  # the channel and pain-point/metric markers under the title
    title_font_size: float = 10.5
    small_font_size: float = 8.0  # the band's channel and metric text
    line_height: float = 1.25
    max_title_lines: int = 3
    column_gutter: float = 16.0  # left and right of a column's cards: vertical connector segments
    cell_padding: float = 12.0  # above and below a cell's stack: horizontal connector segments
    min_row_height: float = 96.0
    emotions_lane_height: float = 120.0
    emotion_padding: float = 16.0
    connector_spacing: float = 4.0
    connector_tracks: int = 5
    label_padding: float = 3.0  # a connector label's pill: small_font_size plus this tall, this wider each side
    labelled_hop_room: float = 4.0  # a labelled hop's gap between stacked cards, beyond its label's height

    @property
    def title_line_height(self) -> float:
        return self.title_font_size * self.line_height

    @property
    def header_line_height(self) -> float:
        return self.header_font_size * self.line_height

    @property
    def card_text_width(self) -> float:
        return self.card_width - 2 * self.card_padding

    @property
    def min_column_width(self) -> float:
        return self.card_width + 2 * self.column_gutter

    def card_height(self, title_line_count: int) -> float:
        title_height = max(1, title_line_count) * self.title_line_height
        return 2 * self.card_padding + title_height + self.card_band_height

    @property
    def label_height(self) -> float:
        """How tall a connector label's pill is (how wide, along a vertical line)."""
        return self.small_font_size + self.label_padding

    @property
    def labelled_hop_gap(self) -> float:
        """The gap between two stacked cards when a labelled connection hops from one to the
        next: its label stands beside the short arrow, clear of both cards (or, given room for
        the arrowhead above and below it, on the arrow: see ``connector_labels.place_label``)."""
        return max(self.card_gap, self.label_height + self.labelled_hop_room)


DEFAULT_STYLE = Style()


@dataclass(frozen=True, slots=True)
class HeaderLayout:
    rect: Rect
    lines: tuple[str, ...]
    summary: Rect | None = None
    """Where a stage that links to other maps says what they hold: one line of small text across
    the bottom of its header. None for a stage without links, and for lanes."""


class CardLayout(NamedTuple):
    rect: Rect
    title_lines: tuple[str, ...]
    cell: Cell


class Route(NamedTuple):
    """An orthogonal polyline from the source card's edge to the target card's edge (a tuple: a
    big map's layout makes one per connection)."""

    points: tuple[XY, ...]
    label_anchor: Point


@dataclass(frozen=True, slots=True)
class CurvePoint:
    stage_id: str
    value: float
    point: Point


@dataclass(frozen=True, slots=True)
class MapLayout:
    """Everything a renderer draws, keyed by model id in map order, and hit testing for drops."""

    bounds: Rect
    stage_headers: dict[str, HeaderLayout]
    lane_headers: dict[str, HeaderLayout]
    columns: dict[str, Rect]
    rows: dict[str, Rect]
    cells: dict[Cell, Rect]
    cards: dict[str, CardLayout]
    connectors: dict[str, Route]
    emotion_curves: dict[str | None, tuple[CurvePoint, ...]]
    stage_edges: tuple[float, ...]  # x of each column's left edge, then the last column's right edge
    lane_edges: tuple[float, ...]  # y of each row's top edge, then the last row's bottom edge
    slot_centres: dict[Cell, tuple[float, ...]]  # centre y of each card of a non-empty cell

    def stage_at_x(self, x: float) -> str | None:
        return _interval_key(self.stage_edges, tuple(self.columns), x)

    def lane_at_y(self, y: float) -> str | None:
        return _interval_key(self.lane_edges, tuple(self.rows), y)

    def cell_at(self, point: Point) -> Cell | None:
        stage_id, lane_id = self.stage_at_x(point.x), self.lane_at_y(point.y)
        if stage_id is None or lane_id is None:
            return None
        return stage_id, lane_id

    def insertion_index(self, cell: Cell, y: float) -> int:
        """The slot (0..n) a card dropped at height ``y`` takes among the cell's n cards.

        The cards counted include the dragged one when it comes from this cell, so when a card moves
        down inside its own cell the editor passes one less to ``move_touchpoint``, which removes
        the card before inserting it.
        """
        return bisect_left(self.slot_centres.get(cell, ()), y)


def _interval_key(edges: tuple[float, ...], keys: tuple[str, ...], value: float) -> str | None:
    position = bisect_right(edges, value) - 1
    if 0 <= position < len(keys):
        return keys[position]
    return None


def connector_label(connection: Connection) -> str:
    """The text a connector carries: its label and its conversion rate, as canvas and PDF show it."""
    label = connection.label.strip()
    if connection.conversion_rate is None:
        return label
    rate = f"{connection.conversion_rate:.0%}"
    return f"{label} · {rate}" if label else rate


# -- text -------------------------------------------------------------------------------------

_EM_WIDTHS = {" ": 0.278, "ijl|": 0.222, "fIrt.,:;'!()[]-/": 0.3, "mwMW@%": 0.86, "ABCDEFGHKNOQRUV&": 0.7}
_EM_BY_CHAR = {char: width for chars, width in _EM_WIDTHS.items() for char in chars}


def approximate_measure(text: str, font_size: float, bold: bool = False) -> float:
    """Width of ``text`` in a Helvetica-like font, near enough where no real font is at hand."""
    return sum(map(_em_width, text)) * font_size * (1.06 if bold else 1.0)


@lru_cache(maxsize=8192)
def _em_width(char: str) -> float:
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1.0
    if unicodedata.combining(char):
        return 0.0
    if char in _EM_BY_CHAR:
        return _EM_BY_CHAR[char]
    return 0.62 if char.isupper() else 0.54 if char.isdigit() else 0.5


def cached_measure(measure: Measure) -> Measure:
    """Remember each width: a map repeats its words many times and font calls are not free."""
    widths: dict[tuple[str, float, bool], float] = {}

    def cached(text: str, font_size: float, bold: bool) -> float:
        key = (text, font_size, bold)
        width = widths.get(key)
        if width is None:
            width = widths[key] = measure(text, font_size, bold)
        return width

    return cached


def wrap_text(
    text: str, width: float, font_size: float, bold: bool, measure: Measure, max_lines: int | None = None
) -> tuple[str, ...]:
    """Greedy word wrap into lines no wider than ``width``; the last kept line ends in "…" if cut.

    Words wider than a line (long URLs, CJK text without spaces) break between characters. Pass a
    ``cached_measure`` when wrapping many texts.
    """
    space = measure(" ", font_size, bold)
    lines: list[str] = []
    line, line_width = "", 0.0
    for word in text.split():
        word_width = measure(word, font_size, bold)
        if line and line_width + space + word_width <= width:
            line, line_width = f"{line} {word}", line_width + space + word_width
            continue
        if line:
            lines.append(line)
        if word_width <= width:
            line, line_width = word, word_width
        else:
            *pieces, line = _break_word(word, width, font_size, bold, measure)
            lines.extend(pieces)
            line_width = measure(line, font_size, bold)
        if max_lines is not None and len(lines) >= max_lines:
            kept = lines[: max_lines - 1]
            return (*kept, _ellipsised(lines[max_lines - 1], width, font_size, bold, measure))
    if line:
        lines.append(line)
    return tuple(lines)


def _break_word(word: str, width: float, font_size: float, bold: bool, measure: Measure) -> list[str]:
    # Summing character widths ignores kerning, which only ever makes a piece a hair narrower.
    pieces: list[str] = []
    start, used = 0, 0.0
    for end, char in enumerate(word):
        char_width = measure(char, font_size, bold)
        if end > start and used + char_width > width:
            pieces.append(word[start:end])
            start, used = end, 0.0
        used += char_width
    pieces.append(word[start:])
    return pieces


def _ellipsised(line: str, width: float, font_size: float, bold: bool, measure: Measure) -> str:
    def fitted_width(length: int) -> float:
        return measure(line[:length].rstrip() + ELLIPSIS, font_size, bold)

    fitting = bisect_right(range(len(line) + 1), width, key=fitted_width) - 1
    return line[: max(0, fitting)].rstrip() + ELLIPSIS


# -- the grid ---------------------------------------------------------------------------------


class _Card(NamedTuple):
    # A tuple, as Point is: one per card, and a frozen dataclass is slower to make.
    id: str
    lines: tuple[str, ...]
    height: float
    gap: float  # above the card: none for a cell's first card


@dataclass(frozen=True, slots=True)
class _Grid:
    """Column and row edges in stage and lane order, with the header lines beside them."""

    stage_ids: tuple[str, ...]
    lane_ids: tuple[str, ...]
    stage_edges: list[float]
    lane_edges: list[float]
    stage_lines: list[tuple[str, ...]]
    lane_lines: list[tuple[str, ...]]
    header_height: float

    def columns(self) -> dict[str, Rect]:
        top, height = self.lane_edges[0], self.lane_edges[-1] - self.lane_edges[0]
        spans = zip(self.stage_ids, self.stage_edges, self.stage_edges[1:])
        return {stage_id: Rect(x, top, right - x, height) for stage_id, x, right in spans}

    def rows(self) -> dict[str, Rect]:
        left, width = self.stage_edges[0], self.stage_edges[-1] - self.stage_edges[0]
        spans = zip(self.lane_ids, self.lane_edges, self.lane_edges[1:])
        return {lane_id: Rect(left, y, width, bottom - y) for lane_id, y, bottom in spans}

    def channel_y(self, source_row: int, target_row: int) -> float:
        """The row boundary beside the target row, on the source's side (below it if level)."""
        return self.lane_edges[target_row if source_row < target_row else target_row + 1]


# What the layout reads of each kind of object (a superset: of a connection's label and rate it
# reads only whether there are any).
_STAGE_READ = attrgetter("id", "name", "links")
_LANE_READ = attrgetter("id", "name", "kind")
_CARD_READ = attrgetter("id", "stage", "lane", "title", "emotion", "personas")
_CONNECTION_READ = attrgetter("id", "source", "target", "label", "conversion_rate")


def what_layout_reads(document: JourneyDocument) -> tuple[tuple[object, ...], ...]:
    """All that ``compute_layout`` reads of ``document``, in order: the stages' names (and whether
    they link to other maps, which makes room for a line under every header), the lanes' names and
    kinds, each card's place, title, emotion and personas, each connection's ends (and whether it
    has a label or rate, which widens the gap of a hop), and the personas' order. Two documents
    that read the same are laid out the same."""
    return (
        tuple(map(_STAGE_READ, document.stages.values())),
        tuple(map(_LANE_READ, document.lanes.values())),
        tuple(map(_CARD_READ, document.touchpoints())),
        tuple(map(_CONNECTION_READ, document.connections())),
        tuple(document.personas),
    )


def compute_layout(
    document: JourneyDocument, style: Style = DEFAULT_STYLE, measure: Measure = approximate_measure
) -> MapLayout:
    """Lay out the whole map: stages left to right, lanes top to bottom, cards stacked in cells."""
    with young_collections_only():
        return _layout(document, style, measure)


def _layout(document: JourneyDocument, style: Style, raw_measure: Measure) -> MapLayout:
    measure = cached_measure(raw_measure)
    # Read once: both are walked twice, and each item is a few dictionary lookups in the card graph.
    touchpoints, connections = list(document.touchpoints()), list(document.connections())
    stacks = _card_stacks(touchpoints, connections, style, raw_measure, measure)
    grid = _grid(document, stacks, style, measure)
    columns, rows = grid.columns(), grid.rows()
    cards, slot_centres, places = _place_cards(stacks, columns, rows, style)
    return MapLayout(
        bounds=Rect(0.0, 0.0, grid.stage_edges[-1] + style.margin, grid.lane_edges[-1] + style.margin),
        stage_headers={
            s: HeaderLayout(
                Rect(column.x, style.margin, column.width, grid.header_height),
                lines,
                _summary(column, grid.header_height, style) if document.stages[s].links else None,
            )
            for (s, column), lines in zip(columns.items(), grid.stage_lines)
        },
        lane_headers={
            lane: HeaderLayout(Rect(style.margin, row.y, style.lane_header_width, row.height), lines)
            for (lane, row), lines in zip(rows.items(), grid.lane_lines)
        },
        columns=columns,
        rows=rows,
        cells={
            (s, lane): Rect(column.x, row.y, column.width, row.height)
            for s, column in columns.items()
            for lane, row in rows.items()
        },
        cards=cards,
        connectors=_route_connections(connections, places, grid, style),
        emotion_curves=_emotion_curves(document, touchpoints, columns, rows, style),
        stage_edges=tuple(grid.stage_edges),
        lane_edges=tuple(grid.lane_edges),
        slot_centres=slot_centres,
    )


def _grid(document: JourneyDocument, stacks: dict[Cell, list[_Card]], style: Style, measure: Measure) -> _Grid:
    stage_ids, lane_ids = tuple(document.stages), tuple(document.lanes)
    stage_texts = [_stage_header_text(document.stages[s].name, style, measure) for s in stage_ids]
    lane_lines = [_lane_header_text(document.lanes[lane].name, style, measure) for lane in lane_ids]
    tallest_header = max((header_text_height(lines, style) for _, lines in stage_texts), default=0.0)
    header_height = max(style.stage_header_height, tallest_header)
    if any(stage.links for stage in document.stages.values()):
        header_height += style.stage_summary_height  # every header of the row grows alike
    heights = [
        _row_height(document.lanes[lane], lines, [stacks.get((s, lane), []) for s in stage_ids], style)
        for lane, lines in zip(lane_ids, lane_lines)
    ]
    return _Grid(
        stage_ids=stage_ids,
        lane_ids=lane_ids,
        stage_edges=_edges(style.margin + style.lane_header_width, [width for width, _ in stage_texts]),
        lane_edges=_edges(style.margin + header_height, heights),
        stage_lines=[lines for _, lines in stage_texts],
        lane_lines=lane_lines,
        header_height=header_height,
    )


def _card_stacks(
    touchpoints: list[Touchpoint], connections: list[Connection], style: Style, raw_measure: Measure, measure: Measure
) -> dict[Cell, list[_Card]]:
    """Each non-empty cell's cards in order, with wrapped titles, heights and the gaps between
    them: wider where a labelled connection hops from a card to the next, to hold its label."""
    stacks: dict[Cell, list[_Card]] = {}
    labelled = {(c.source, c.target) for c in connections if c.conversion_rate is not None or c.label.strip()}
    sized: dict[str, tuple[tuple[str, ...], float]] = {}  # lines and height by title: maps repeat titles
    for touchpoint in touchpoints:
        title = touchpoint.title
        if title not in sized:
            lines = _title_lines(title, style, raw_measure, measure)
            sized[title] = lines, style.card_height(len(lines))
        lines, height = sized[title]
        stack = stacks.setdefault((touchpoint.stage, touchpoint.lane), [])
        gap = 0.0
        if stack:
            gap = style.labelled_hop_gap if (stack[-1].id, touchpoint.id) in labelled else style.card_gap
        stack.append(_Card(touchpoint.id, lines, height, gap))
    return stacks


_WRAPPED_TITLES: dict[tuple[str, float, float, int, Measure], tuple[str, ...]] = {}
_WRAPPED_TITLES_KEPT = 1 << 15  # titles; past this the memory starts again


def _title_lines(title: str, style: Style, raw_measure: Measure, measure: Measure) -> tuple[str, ...]:
    """A card title wrapped (with ``measure``, ``raw_measure`` cached), remembered across layouts
    by the measure it was wrapped with: an edit lays the whole map out again, and all but a few
    of its titles are as they were."""
    width, size, max_lines = style.card_text_width, style.title_font_size, style.max_title_lines
    key = (title, width, size, max_lines, raw_measure)
    lines = _WRAPPED_TITLES.get(key)
    if lines is None:
        if len(_WRAPPED_TITLES) >= _WRAPPED_TITLES_KEPT:
            _WRAPPED_TITLES.clear()
        lines = _WRAPPED_TITLES[key] = wrap_text(title, width, size, False, measure, max_lines)
    return lines


def _summary(column: Rect, header_height: float, style: Style) -> Rect:
    line = style.small_font_size * style.line_height
    bottom = style.margin + header_height - style.header_padding
    return Rect(column.x + style.header_padding, bottom - line, column.width - 2 * style.header_padding, line)


def _stage_header_text(name: str, style: Style, measure: Measure) -> tuple[float, tuple[str, ...]]:
    """A column's width and its header lines: the column widens until a long name fits its lines."""
    width = style.min_column_width
    while True:
        lines = wrap_text(name, width - 2 * style.header_padding, style.header_font_size, True, measure)
        if len(lines) <= style.stage_header_max_lines:
            return width, lines
        if width >= style.max_column_width:
            return width, _header_lines(name, width, style.stage_header_max_lines, style, measure)
        width = min(style.max_column_width, width + style.column_growth_step)


def _lane_header_text(name: str, style: Style, measure: Measure) -> tuple[str, ...]:
    return _header_lines(name, style.lane_header_width, style.lane_header_max_lines, style, measure)


def _header_lines(name: str, width: float, max_lines: int, style: Style, measure: Measure) -> tuple[str, ...]:
    return wrap_text(name, width - 2 * style.header_padding, style.header_font_size, True, measure, max_lines)


def header_text_height(lines: tuple[str, ...], style: Style) -> float:
    """How tall a header's lines are, padding included."""
    return len(lines) * style.header_line_height + 2 * style.header_padding


def _row_height(lane: Lane, header_lines: tuple[str, ...], stacks: list[list[_Card]], style: Style) -> float:
    """Tall enough for the lane's header and its tallest stack, and never too small to drop into.

    An emotions lane adds a band below its cards for the emotion curve, so cards and curve never
    cover each other."""
    tallest = max((_stack_height(stack, style) for stack in stacks), default=0.0)
    if lane.kind == LaneKind.EMOTIONS:
        return max(header_text_height(header_lines, style), tallest + style.emotions_lane_height)
    return max(style.min_row_height, header_text_height(header_lines, style), tallest)


def _stack_height(stack: list[_Card], style: Style) -> float:
    if not stack:
        return 0.0
    return 2 * style.cell_padding + sum(card.height + card.gap for card in stack)


def _edges(start: float, sizes: list[float]) -> list[float]:
    edges = [start]
    for size in sizes:
        edges.append(edges[-1] + size)
    return edges


class _Place(NamedTuple):
    """Where a card sits: its column and row numbers, its slot down the column, lane by lane, and
    its rectangle: all a route needs of either end, in one lookup."""

    column: int
    row: int
    slot: int
    rect: Rect


# Each card's named tuples, made without their Python-level ``__new__`` (as ``_as_point`` is): a
# big map's layout makes tens of thousands.
_new_rect: Callable[[tuple[float, float, float, float]], Rect] = partial(tuple.__new__, Rect)
_new_card_layout: Callable[[tuple[Rect, tuple[str, ...], Cell]], CardLayout] = partial(tuple.__new__, CardLayout)
_new_place: Callable[[tuple[int, int, int, Rect]], _Place] = partial(tuple.__new__, _Place)


def _place_cards(
    stacks: dict[Cell, list[_Card]], columns: dict[str, Rect], rows: dict[str, Rect], style: Style
) -> tuple[dict[str, CardLayout], dict[Cell, tuple[float, ...]], dict[str, _Place]]:
    """Cards top to bottom in each cell, with each cell's card centres and each card's place."""
    cards: dict[str, CardLayout] = {}
    slot_centres: dict[Cell, tuple[float, ...]] = {}
    places: dict[str, _Place] = {}
    width = style.card_width
    for column_number, (stage_id, column) in enumerate(columns.items()):
        x = column.x + (column.width - width) / 2
        slot = 0
        for row_number, (lane_id, row) in enumerate(rows.items()):
            stack = stacks.get((stage_id, lane_id))
            if not stack:
                continue
            cell, y, centres = (stage_id, lane_id), row.y + style.cell_padding, []
            for card in stack:
                y += card.gap
                rect = _new_rect((x, y, width, card.height))
                cards[card.id] = _new_card_layout((rect, card.lines, cell))
                centres.append(y + card.height / 2)
                places[card.id] = _new_place((column_number, row_number, slot, rect))
                slot += 1
                y += card.height
            slot_centres[cell] = tuple(centres)
    return cards, slot_centres, places


# -- connectors -------------------------------------------------------------------------------


def _route_connections(
    connections: list[Connection], places: dict[str, _Place], grid: _Grid, style: Style
) -> dict[str, Route]:
    tracks, spacing = max(1, style.connector_tracks), style.connector_spacing
    routes: dict[str, Route] = {}
    for number, connection in enumerate(connections):
        track = (number % tracks - tracks // 2) * spacing
        points = _route_points(places[connection.source], places[connection.target], grid, track)
        routes[connection.id] = _route(points)
    return routes


def _route_points(source: _Place, target: _Place, grid: _Grid, track: float) -> tuple[XY, ...]:
    """Leave the source towards the target's column, run along gutters and row channels, and
    arrive on the side of the target that faces the route."""
    s, t = source.rect, target.rect
    sy, ty = s.y + s.height / 2, t.y + t.height / 2
    if source.column == target.column:
        if target.slot == source.slot + 1:
            return ((s.x + s.width / 2, s.y + s.height), (t.x + t.width / 2, t.y))
        gutter = grid.stage_edges[source.column + 1] + track
        return ((s.x + s.width, sy), (gutter, sy), (gutter, ty), (t.x + t.width, ty))
    forward = target.column > source.column
    start_x, end_x = (s.x + s.width, t.x) if forward else (s.x, t.x + t.width)
    leave = grid.stage_edges[source.column + 1 if forward else source.column] + track
    if abs(target.column - source.column) == 1:
        if sy == ty:
            return ((start_x, sy), (end_x, ty))
        return ((start_x, sy), (leave, sy), (leave, ty), (end_x, ty))
    # Further columns: cross them along a row channel so that the route never runs over a card.
    arrive = grid.stage_edges[target.column if forward else target.column + 1] + track
    channel = grid.channel_y(source.row, target.row) + track
    return ((start_x, sy), (leave, sy), (leave, channel), (arrive, channel), (arrive, ty), (end_x, ty))


_as_point: Callable[[XY], Point] = partial(tuple.__new__, Point)
"""``Point._make`` without its Python-level frame: a big map's routes make tens of thousands."""
_new_route: Callable[[tuple[tuple[XY, ...], Point]], Route] = partial(tuple.__new__, Route)


def _route(points: tuple[XY, ...]) -> Route:
    """Points of an orthogonal polyline as a route labelled at the middle of its longest segment."""
    longest, anchor = -1.0, points[0]
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        length = abs(x2 - x1 + y2 - y1)  # one of the two differences is zero
        if length > longest:
            longest, anchor = length, ((x1 + x2) / 2, (y1 + y2) / 2)
    return _new_route((points, _as_point(anchor)))


# -- emotion curves ---------------------------------------------------------------------------


def _emotion_curves(
    document: JourneyDocument,
    touchpoints: list[Touchpoint],
    columns: dict[str, Rect],
    rows: dict[str, Rect],
    style: Style,
) -> dict[str | None, tuple[CurvePoint, ...]]:
    """The mean emotion per stage of all cards (key None) and of each persona's cards, drawn in
    the first emotions lane; None is there even when no card has an emotion yet."""
    lane_id = next((lane.id for lane in document.lanes.values() if lane.kind == LaneKind.EMOTIONS), None)
    if lane_id is None:
        return {}
    # Each persona's (and None's) emotion total and count per stage, made as they are first needed.
    totals: defaultdict[str | None, defaultdict[str, list[float]]] = defaultdict(
        lambda: defaultdict(lambda: [0.0, 0.0])
    )
    totals[None]  # the curve of all cards is there even when no card has an emotion yet
    for touchpoint in touchpoints:
        if touchpoint.emotion is not None:
            for key in (None, *touchpoint.personas):
                total = totals[key][touchpoint.stage]
                total[0] += touchpoint.emotion
                total[1] += 1
    keys = [None, *(persona_id for persona_id in document.personas if persona_id in totals)]
    band = emotion_band(rows[lane_id], style)
    return {key: _curve(totals[key], columns, band, style) for key in keys}


def emotion_band(row: Rect, style: Style) -> Rect:
    """The strip at the bottom of the emotions lane, below its cards, where the curves run."""
    return Rect(row.x, row.bottom - style.emotions_lane_height, row.width, style.emotions_lane_height)


def _curve(
    totals: dict[str, list[float]], columns: dict[str, Rect], band: Rect, style: Style
) -> tuple[CurvePoint, ...]:
    """+2 sits at the top of the band and -2 at its bottom, inside the padding."""
    top, span = band.y + style.emotion_padding, band.height - 2 * style.emotion_padding
    points = []
    for stage_id, column in columns.items():
        if stage_id in totals:
            total, count = totals[stage_id]
            mean = total / count
            point = Point(column.x + column.width / 2, top + (2 - mean) / 4 * span)
            points.append(CurvePoint(stage_id, mean, point))
    return tuple(points)
