"""The legend: connection kinds, the emotion scale, the card markers, the channels the map uses and,
when there are persona curves, whose curve is which colour and dash.

Blocks sit side by side and wrap onto a new line when the page is narrow; each block fills columns
of at most five items. Symbols are the map's own drawings, scaled with the page's type.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from reportlab.lib.colors import Color

from journeymapper.formats.pdf.connectors import LINES, draw_route
from journeymapper.formats.pdf.emotions import OVERALL_WIDTH, PERSONA_WIDTH
from journeymapper.formats.pdf.fonts import Fonts
from journeymapper.formats.pdf.icons import channel_icon, emotion_face, opportunity_marker, pain_marker
from journeymapper.formats.pdf.pen import CENTRE_TO_BASELINE, Pen
from journeymapper.formats.pdf.scene import MapScene
from journeymapper.formats.pdf.theme import CONNECTION_NAMES, EMOTION_NAMES, INK, MUTED, signed
from journeymapper.layout import Point, Rect
from journeymapper.model import ConnectionKind

Symbol = Callable[[Pen], None]  # draws in a box SYMBOL wide (WIDE_SYMBOL for lines), centred on y = 0
SYMBOL, WIDE_SYMBOL = 10.0, 26.0
TEXT, ROW, GAP = 7.5, 13.0, 6.0
ROWS_PER_COLUMN, MAX_CHANNELS, MAX_PERSONAS = 5, 10, 9


@dataclass(frozen=True, slots=True)
class Item:
    label: str
    symbol: Symbol | None
    wide: bool = False


@dataclass(frozen=True, slots=True)
class Block:
    heading: str
    items: tuple[Item, ...]


def legend_blocks(scene: MapScene) -> list[Block]:
    emotions = sorted(EMOTION_NAMES.items(), reverse=True)
    blocks = [
        Block("Connections", tuple(Item(CONNECTION_NAMES[kind], _line(kind), True) for kind in LINES)),
        Block("Emotion", tuple(Item(f"{name} ({signed(value)})", _face(value)) for value, name in emotions)),
        Block(
            "Markers", (Item("Pain points", _marker(pain_marker)), Item("Opportunities", _marker(opportunity_marker)))
        ),
    ]
    channels = tuple(_channels(scene))
    if channels:
        blocks.append(Block("Channels", channels))
    if scene.curve_inks:
        blocks.append(Block("Emotion curves", tuple(_curves(scene))))
    return blocks


def _line(kind: ConnectionKind) -> Symbol:
    return lambda pen: draw_route(pen, (Point(0, 0), Point(WIDE_SYMBOL, 0)), kind)


def _face(value: int) -> Symbol:
    return lambda pen: emotion_face(pen, SYMBOL / 2, 0, SYMBOL, value)


def _marker(marker: Callable[[Pen, float, float, float], None]) -> Symbol:
    return lambda pen: marker(pen, SYMBOL / 2, 0, SYMBOL * 0.85)


def _channels(scene: MapScene) -> Iterator[Item]:
    counts = Counter(tp.channel.strip() for tp in scene.document.touchpoints() if tp.channel.strip())
    ranked = sorted(counts, key=lambda name: (-counts[name], name.lower()))
    shown = ranked if len(ranked) <= MAX_CHANNELS else ranked[: MAX_CHANNELS - 1]
    for name in shown:
        yield Item(name, _icon(name))
    if len(shown) < len(ranked):
        yield Item(f"and {len(ranked) - len(shown)} more", None)


def _icon(channel: str) -> Symbol:
    icon = channel_icon(channel)
    return lambda pen: icon(pen, SYMBOL / 2, 0, SYMBOL * 0.9, MUTED)


def _curves(scene: MapScene) -> Iterator[Item]:
    yield Item("All touchpoints", _stroke(INK, OVERALL_WIDTH), True)
    personas = scene.document.personas
    for persona_id, ink in list(scene.curve_inks.items())[:MAX_PERSONAS]:
        yield Item(personas[persona_id].name, _stroke(ink.colour, PERSONA_WIDTH, ink.dash(PERSONA_WIDTH)), True)


def _stroke(colour: Color, width: float, dash: tuple[float, ...] = ()) -> Symbol:
    return lambda pen: pen.path([(0, 0), (WIDE_SYMBOL, 0)], colour, width, dash=dash)


# -- arranging and drawing ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Placed:
    block: Block
    x: float
    y: float
    columns: tuple[tuple[float, tuple[Item, ...]], ...]  # each column's width and items


def _block_width(fonts: Fonts, block: Block) -> float:
    columns = _columns(fonts, block)
    return max(sum(width for width, _ in columns) - GAP * 2, fonts.width(block.heading.upper(), TEXT, True))


def legend_width(fonts: Fonts, blocks: list[Block], unit: float) -> float:
    """The width of the widest block: a legend that wide stacks its blocks in one column."""
    return max((_block_width(fonts, block) for block in blocks), default=0.0) * unit


def _arrange(fonts: Fonts, blocks: list[Block], width: float, unit: float) -> list[_Placed]:
    """Blocks left to right, wrapping to a new line when ``width`` is used up; unit 1 sizes."""
    placed: list[_Placed] = []
    x, y, line_height = 0.0, 0.0, 0.0
    for block in blocks:
        block_width = _block_width(fonts, block)
        if placed and (x + block_width) * unit > width + 1e-6:
            x, y, line_height = 0.0, y + line_height + GAP, 0.0
        placed.append(_Placed(block, x, y, _columns(fonts, block)))
        x += block_width + 5 * GAP
        line_height = max(line_height, _block_height(block))
    return placed


def _block_height(block: Block) -> float:
    return ROW * (1 + min(ROWS_PER_COLUMN, len(block.items)))  # the heading, then the longest column


def _columns(fonts: Fonts, block: Block) -> tuple[tuple[float, tuple[Item, ...]], ...]:
    chunks = (block.items[start : start + ROWS_PER_COLUMN] for start in range(0, len(block.items), ROWS_PER_COLUMN))
    return tuple((max(_item_width(fonts, item) for item in items) + GAP * 2, items) for items in chunks)


def _item_width(fonts: Fonts, item: Item) -> float:
    symbol = 0.0 if item.symbol is None else (WIDE_SYMBOL if item.wide else SYMBOL) + GAP
    return symbol + fonts.width(item.label, TEXT)


def legend_height(fonts: Fonts, blocks: list[Block], width: float, unit: float) -> float:
    """The height of the legend drawn ``width`` wide at ``unit`` times its natural size."""
    arranged = _arrange(fonts, blocks, width, unit)
    return max((placed.y + _block_height(placed.block) for placed in arranged), default=0.0) * unit


def draw_legend(pen: Pen, blocks: list[Block], area: Rect, unit: float) -> None:
    """The legend in ``area`` (top left origin, y down), drawn at ``unit`` times its natural size."""
    with pen.at(area.x, area.y, unit):
        for placed in _arrange(pen.fonts, blocks, area.width, unit):
            pen.text(placed.x, placed.y + TEXT, placed.block.heading.upper(), TEXT * 0.9, MUTED, bold=True)
            x = placed.x
            for column_width, items in placed.columns:
                for row, item in enumerate(items):
                    _draw_item(pen, item, x, placed.y + ROW * (row + 1.5))
                x += column_width


def _draw_item(pen: Pen, item: Item, x: float, middle: float) -> None:
    if item.symbol is not None:
        with pen.at(x, middle):
            item.symbol(pen)
        x += (WIDE_SYMBOL if item.wide else SYMBOL) + GAP
    pen.text(x, middle + TEXT * CENTRE_TO_BASELINE, item.label, TEXT, INK if item.symbol else MUTED)
