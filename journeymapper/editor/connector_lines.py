"""Every connector line without an item of its own, drawn by one item from the layout.

A big map's connectors run for thousands of points through the gutters, so that thousands of them
cross any view. As items, each would be made, moved by every relayout and asked to paint by every
repaint of the area it spans; here they are segments in an index by column, and a repaint draws
the few that cross what it repaints, cut to it. A connector has an item
(``connector_item.ConnectorItem``) only while something needs one: the selection, a press, a
tooltip, a mark. Below ``VERY_FAR_OUT`` the lines are left out, as the items leave theirs.

The index of the map's last two layouts is kept (``recent.py``): an undo or redo brings back a
layout the canvas drew just before, and indexing a big map's segments anew would cost it up
to about 20 ms.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Iterator, Mapping

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QPainter, QPolygonF
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from journeymapper.collector import young_collections_only
from journeymapper.editor.connector_item import arrowhead_between, connector_pen
from journeymapper.editor.items import (
    CONNECTOR_WIDTH,
    CONNECTOR_Z,
    FAR_OUT,
    VERY_FAR_OUT,
    MapLayer,
    level_of_detail,
    qrect,
)
from journeymapper.editor.recent import STATES, Recent
from journeymapper.editor.theme import CONNECTION_DASHES, Theme
from journeymapper.layout import XY, Box, MapLayout, Route
from journeymapper.model import ConnectionKind

ARROW_REACH = 8.0  # an arrowhead reaches this far from its tip
_DASH_PERIODS = {kind.value: sum(dashes) * CONNECTOR_WIDTH for kind, dashes in CONNECTION_DASHES.items()}
"""How long one dash and its gap are, in map units (Qt counts dashes in pen widths); 0: solid."""


Segment = tuple[float, float, float, float, float, float, float, float, str, str, bool, int]
"""A segment of a route, as plain numbers and strings, which the garbage collector stops
watching (a big map has tens of thousands): its box (left, top, right, bottom); its line from x, y
to x, y (the direction counts for the dashes and the arrowhead); its connection's id and kind;
whether it is the route's last, with the arrowhead; the first bucket of the index it is in."""

Indexed = tuple[tuple[float, ...], Mapping[str, Route], Mapping[str, ConnectionKind]]
"""All that an index is built from: the columns' edges, the routes and the kinds."""


class ConnectorLinesItem(MapLayer):
    """The lines and arrowheads of the connectors that have no item (``live`` holds those that do)."""

    def __init__(self, theme: Theme, live: Mapping[str, object]):
        super().__init__(theme, CONNECTOR_Z)
        self._live = live
        self._layout: MapLayout | None = None
        self._kinds: Mapping[str, ConnectionKind] = {}
        self._index: _ColumnIndex | None = None
        self._indexes: Recent[Indexed, _ColumnIndex] = Recent(STATES)

    def set_layout(self, layout: MapLayout, kinds: Mapping[str, ConnectionKind]) -> None:
        """Draw the routes of ``layout``, each in the dashes of its kind (``kinds`` by connection
        id, as the document had them for that layout); indexed as paints reach its columns."""
        self.prepareGeometryChange()
        self._layout, self._kinds, self._index = layout, kinds, None
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return qrect(self._layout.bounds).adjusted(-10, -10, 10, 10) if self._layout else QRectF()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        detail = level_of_detail(painter)
        if detail < VERY_FAR_OUT or self._layout is None:
            return
        if self._index is None:
            self._index = self._indexed(self._layout, self._kinds)
        far = detail < FAR_OUT
        exposed = option.exposedRect
        area = (exposed.left() - 2, exposed.top() - 2, exposed.right() + 2, exposed.bottom() + 2)
        lines: dict[str, list[QLineF]] = {}
        arrows: list[QPolygonF] = []
        for segment in self._index.within(area):
            *_, x0, y0, x1, y1, connection_id, kind, last, _ = segment
            if connection_id in self._live:
                continue
            if (line := _cut(segment, area)) is not None:
                lines.setdefault(kind, []).append(line)
            if last and not far and _reaches(segment, area):
                arrows.append(arrowhead_between(x0, y0, x1, y1))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, not far)
        for kind, drawn in lines.items():
            painter.setPen(connector_pen(self._theme, ConnectionKind(kind)))
            painter.drawLines(drawn)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._theme.connector)
        for arrow in arrows:
            painter.drawPolygon(arrow)

    def _indexed(self, layout: MapLayout, kinds: Mapping[str, ConnectionKind]) -> _ColumnIndex:
        # Keyed by value, so never stale, and cheap to compare all the same: an undo gets the very
        # layout back (``layout_memory``), whose routes are then the same dictionary, and other
        # routes differ soon, in number or at the first that moved.
        key = (layout.stage_edges, layout.connectors, kinds)
        return self._indexes.get(key, lambda: _ColumnIndex(layout, kinds))


class _ColumnIndex:
    """The segments of every route, in buckets by the columns they cross: a repaint reads only
    the buckets of the columns it covers. Columns, not cells: the long segments run up and down
    the gutters between them.

    A column's bucket is filled when a repaint first covers it, with every route that reaches
    it: the frame after a big map's edit shows a few of its columns, and indexing every route
    first (about 20 ms for 7,500) would hold that frame back."""

    def __init__(self, layout: MapLayout, kinds: Mapping[str, ConnectionKind]) -> None:
        self._edges = layout.stage_edges
        self._buckets: list[list[Segment]] = [[] for _ in range(len(self._edges) + 1)]
        self._filled = [False] * len(self._buckets)
        self._kinds = kinds
        self._waiting = list(layout.connectors.items())
        """The routes not yet in the buckets."""

    def within(self, area: Box) -> Iterator[Segment]:
        """The segments that meet ``area``, each once."""
        left, top, right, bottom = area
        first, end = bisect_right(self._edges, left), bisect_right(self._edges, right)
        self._fill(first, end)
        for column in range(first, end + 1):
            for segment in self._buckets[column]:
                x0, y0, x1, y1 = segment[:4]
                meets = x0 <= right and left <= x1 and y0 <= bottom and top <= y1
                # A segment in several buckets is drawn from the first of them the area covers.
                if meets and (column == first or segment[-1] == column):
                    yield segment

    def _fill(self, first: int, end: int) -> None:
        """Put every route that reaches the columns ``first`` to ``end`` into the buckets."""
        if all(self._filled[first : end + 1]):
            return
        # A route's columns run without a gap from its leftmost point's to its rightmost's.
        low = self._edges[first - 1] if first > 0 else -math.inf
        high = self._edges[end] if end < len(self._edges) else math.inf
        everything = low == -math.inf and high == math.inf  # spare finding each route's extent
        waiting = []
        with young_collections_only():  # tens of thousands of segments, none of them garbage
            for connection_id, route in self._waiting:
                points = route.points
                # Points compare by x first: the least and the greatest are the leftmost and rightmost.
                if everything or (max(points)[0] >= low and min(points)[0] < high):
                    self._add_route(points, connection_id, self._kinds[connection_id].value)
                else:
                    waiting.append((connection_id, route))
        self._waiting = waiting
        self._filled[first : end + 1] = [True] * (end + 1 - first)

    def _add_route(self, points: tuple[XY, ...], connection_id: str, kind: str) -> None:
        # One loop over plain numbers: the routes in view are indexed after every edit that moves
        # them, before the frame that shows the edit.
        edges, buckets, last = self._edges, self._buckets, len(points) - 1
        (ax, ay) = points[0]
        for number in range(1, last + 1):
            bx, by = points[number]
            if ax == bx:
                if ay != by:  # vertical: in one column's bucket
                    top, bottom = (ay, by) if ay < by else (by, ay)
                    first = bisect_right(edges, ax)
                    buckets[first].append(
                        (ax, top, ax, bottom, ax, ay, bx, by, connection_id, kind, number == last, first)
                    )
            else:
                left, right = (ax, bx) if ax < bx else (bx, ax)
                top, bottom = (ay, by) if ay <= by else (by, ay)
                first = bisect_right(edges, left)
                segment = (left, top, right, bottom, ax, ay, bx, by, connection_id, kind, number == last, first)
                for column in range(first, bisect_right(edges, right) + 1):
                    buckets[column].append(segment)
            ax, ay = bx, by


def _cut(segment: Segment, area: Box) -> QLineF | None:
    """The part of a segment within ``area``, from a whole dash: a dashed line cut anywhere
    else would shift its dashes as the view scrolls."""
    ax, ay, bx, by = segment[4:8]
    horizontal = ay == by
    start, end = (ax, bx) if horizontal else (ay, by)
    low, high = (area[0], area[2]) if horizontal else (area[1], area[3])
    step = 1.0 if end >= start else -1.0
    begin = max(0.0, (low - start) if step > 0 else (start - high))
    finish = min(abs(end - start), (high - start) if step > 0 else (start - low))
    if finish < begin:
        return None
    if period := _DASH_PERIODS[segment[9]]:
        begin = math.floor(begin / period) * period
    if horizontal:
        return QLineF(start + step * begin, ay, start + step * finish, ay)
    return QLineF(ax, start + step * begin, ax, start + step * finish)


def _reaches(segment: Segment, area: Box) -> bool:
    """Whether the arrowhead at the end of ``segment`` reaches into ``area``."""
    x, y = segment[6], segment[7]
    return area[0] - ARROW_REACH <= x <= area[2] + ARROW_REACH and area[1] - ARROW_REACH <= y <= area[3] + ARROW_REACH
