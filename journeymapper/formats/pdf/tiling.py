"""How a map falls across sheets: the fit scale, the cuts of a tiled poster, and what each sheet shows.

The sheets' windows cut the map into a grid without gaps or overlaps, so the assembled poster shows
every card exactly once. Cuts fall between stages and between lanes where a sheet can hold whole
ones, else between cards, so that most cards are also whole on one sheet, and beside connector
labels rather than through them, so that a label is read whole on one sheet (see ``_cuts``). The
last sheets reach to the connector tracks outside the grid where one is used, so that the labels
along them print whole.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from journeymapper.formats.pdf.scene import MapScene
from journeymapper.layout import Rect

Key = TypeVar("Key", bound=Hashable)
MIN_FILL = 0.5  # a cut is looked for in the second half of a sheet first


@dataclass(frozen=True, slots=True)
class Sheet:
    """One sheet of a poster: its place in the grid and the part of the map's body it shows."""

    column: int
    row: int
    window: Rect

    @property
    def label(self) -> str:
        """``A1`` for the top left sheet, ``B1`` right of it, ``A2`` below it."""
        return f"{column_letters(self.column)}{self.row + 1}"


def column_letters(column: int) -> str:
    """A..Z, then AA, AB, ... as in a spreadsheet."""
    letters = ""
    column += 1
    while column:
        column, remainder = divmod(column - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def fit_scale(scene: MapScene, width: float, height: float) -> float:
    """The scale at which the headers and the whole body fill ``width`` x ``height`` at most."""
    extent = scene.extent
    return min(width / (scene.lane_header_width + extent.width), height / (scene.header_height + extent.height))


@dataclass(frozen=True, slots=True)
class Tiling:
    sheets: tuple[Sheet, ...]  # row by row, left to right
    columns: int
    rows: int
    oversized: bool  # some card is bigger than a sheet at this scale, so no cut can miss it


def tile(scene: MapScene, window_width: float, window_height: float) -> Tiling:
    """Sheets whose windows (layout points) are at most ``window_width`` x ``window_height``."""
    body, layout = scene.body, scene.layout
    rects = [card.rect for card in layout.cards.values()]
    labels = [placement.box for placement in scene.labels.values()]
    right, bottom = _reach(scene)
    xs = _cuts(body.x, right, window_width, layout.stage_edges,
               [(r.x, r.right) for r in rects], [(b.x, b.right) for b in labels])  # fmt: skip
    ys = _cuts(body.y, bottom, window_height, layout.lane_edges,
               [(r.y, r.bottom) for r in rects], [(b.y, b.bottom) for b in labels])  # fmt: skip
    sheets = tuple(
        Sheet(column, row, Rect(x, y, right - x, bottom - y))
        for row, (y, bottom) in enumerate(itertools.pairwise(ys))
        for column, (x, right) in enumerate(itertools.pairwise(xs))
    )
    oversized = any(r.width > window_width or r.height > window_height for r in rects)
    return Tiling(sheets, len(xs) - 1, len(ys) - 1, oversized)


def _reach(scene: MapScene) -> tuple[float, float]:
    """How far right and down the poster goes: to the edge of the extent where a connector track
    outside the grid is used (its labels then print whole), else to the grid's own edge, so that
    unused tracks never take a sheet of their own."""
    body, extent = scene.body, scene.extent
    points = [point for route in scene.layout.connectors.values() for point in route.points]
    boxes = [placement.box for placement in scene.labels.values()]
    right = max([x for x, _ in points] + [box.right for box in boxes], default=body.right)
    bottom = max([y for _, y in points] + [box.bottom for box in boxes], default=body.bottom)
    return (extent.right if right > body.right else body.right), (
        extent.bottom if bottom > body.bottom else body.bottom
    )


def _cuts(start: float, end: float, size: float, edges: Sequence[float], spans: list[tuple[float, float]],
          labels: list[tuple[float, float]]) -> list[float]:  # fmt: skip
    """Cuts from ``start`` to ``end``, at most ``size`` apart, through as few cards and then as few
    connector labels as possible.

    Each cut is the furthest place that fills the sheet at least half and crosses the fewest
    cards, then the fewest labels, a stage or lane edge before a gap between cards; it goes into
    the sheet's first half only where that crosses fewer cards, or where the second half has no
    place at all. Stacks in neighbouring stages rarely
    line up, so in a lane taller than a sheet a cut may have to cross a card: the assembled poster
    still shows it once. Labels along the connector tracks beside a stage or lane edge straddle it,
    so a cut there would halve them lengthwise: it moves to their side instead.
    """
    card_starts, card_ends = sorted(a for a, _ in spans), sorted(b for _, b in spans)
    label_starts, label_ends = sorted(a for a, _ in labels), sorted(b for _, b in labels)
    grid = set(edges)
    places = sorted(grid | set(card_starts) | set(card_ends) | set(label_starts) | set(label_ends))

    def rank(place: float) -> tuple[int, int, bool, float]:
        cards = bisect_left(card_starts, place) - bisect_right(card_ends, place)
        crossed = bisect_left(label_starts, place) - bisect_right(label_ends, place)
        return cards, crossed, place not in grid, -place

    cuts = [start]
    while end - cuts[-1] > size + 1e-6:
        low, high = cuts[-1], cuts[-1] + size
        filling = _best(places, low + MIN_FILL * size, high, rank)
        anywhere = _best(places, low, high, rank)
        if filling is None or (anywhere is not None and rank(anywhere)[0] < rank(filling)[0]):
            filling = anywhere  # a fuller sheet is not worth a card cut in two
        cuts.append(filling or high)
    cuts.append(end)
    return cuts


def _best(
    places: Sequence[float], low: float, high: float, rank: Callable[[float], tuple[int, int, bool, float]]
) -> float | None:
    """The best-ranked place in (low, high], or None."""
    return min(places[bisect_right(places, low) : bisect_right(places, high)], key=rank, default=None)


def bucket(boxes: Iterable[tuple[Key, Rect]], tiling: Tiling) -> dict[Sheet, list[Key]]:
    """The keys of the boxes each sheet's window touches, in the boxes' order."""
    xs = [sheet.window.x for sheet in tiling.sheets[: tiling.columns]]  # each column's left edge
    ys = [sheet.window.y for sheet in tiling.sheets[:: tiling.columns]]
    found: dict[Sheet, list[Key]] = {sheet: [] for sheet in tiling.sheets}
    for item_id, box in boxes:
        columns = range(_first(xs, box.x), _last(xs, box.right, tiling.columns) + 1)
        for row in range(_first(ys, box.y), _last(ys, box.bottom, tiling.rows) + 1):
            for column in columns:
                found[tiling.sheets[row * tiling.columns + column]].append(item_id)
    return found


def _first(edges: list[float], low: float) -> int:
    return max(0, bisect_right(edges, low) - 1)


def _last(edges: list[float], high: float, count: int) -> int:
    return min(count - 1, max(0, bisect_left(edges, high) - 1))
