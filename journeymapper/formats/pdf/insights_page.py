"""The insights page: what ``map_insights`` finds (model/insights.py), grouped as ``journeymapper
insights`` prints it, in the look of the appendix.

The sections flow down two columns on a wide page (one on a narrow one) and on to more pages when
they need them; a section's heading always stays with its first row. Nothing is cut: a row too
long for a column (a loop or a path through many cards) goes on at the top of the next, marked
"(continued)". Unlike the command, which stops each list after ten rows, the page lists every
finding: paper has no ``--json``. Sections that ask for a look (dead ends, unreachable cards,
loops, empty stages) are marked in the pain colour, but only when they have something in them: an
empty one is good news.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib.colors import Color

from journeymapper.counting import counted
from journeymapper.formats.pdf.appendix import draw_heading, paginate
from journeymapper.formats.pdf.fonts import Fonts
from journeymapper.formats.pdf.furniture import Page
from journeymapper.formats.pdf.icons import emotion_face
from journeymapper.formats.pdf.pen import Pen, baseline
from journeymapper.formats.pdf.plan import PageInfo, PlannedPage
from journeymapper.formats.pdf.scene import MapScene
from journeymapper.formats.pdf.textblock import LEADING, TextLine, draw_text_lines, split
from journeymapper.formats.pdf.theme import INK, MUTED, PAIN, RULE, WASH, signed
from journeymapper.layout import Rect, wrap_text
from journeymapper.model import JourneyDocument
from journeymapper.model.insights import Card, Conversion, Insights, JourneyPath, map_insights
from journeymapper.model.kinds import KIND_LABELS
from journeymapper.report_text import percent

TEXT, SMALL, TITLE, FIGURE = 8.0, 7.0, 10.0, 20.0
PADDING, GUTTER, SECTION_GAP, TOP = 2.5, 28.0, 16.0, 50.0  # TOP: the page heading, above the columns
WIDE = 640.0  # the body's width (at unit 1) from which two columns of findings fit side by side
CONTINUED = "(continued)"
ARROW = " → "


@dataclass(frozen=True, slots=True)
class _Cell:
    text: str
    colour: Color = INK
    bold: bool = False
    face: int | None = None  # an emotion, drawn as a face before the text


@dataclass(frozen=True, slots=True)
class _Column:
    name: str
    share: float  # of the column's width
    right: bool = False  # numbers line up on the right


@dataclass(frozen=True, slots=True)
class _Block:
    """A piece of a section, never split: its height, and how to draw it at (left, top)."""

    height: float
    draw: Callable[[Pen, float, float], None]
    header: _Block | None = None  # a table row's header, repeated when the row starts a column


CARD_COLUMNS = (_Column("Touchpoint", 0.5), _Column("Stage", 0.25), _Column("Lane", 0.25))


def insights_pages(scene: MapScene, page: Page) -> list[PlannedPage]:
    unit, body = page.unit, page.body
    columns = 2 if body.width / unit >= WIDE else 1
    width = (body.width - (columns - 1) * GUTTER * unit) / columns
    room = body.height - TOP * unit - _header_height(unit)  # room for a repeated table header
    writer = _Writer(scene.fonts, unit, width, room)
    blocks = [block for section in _sections(writer, scene.document) for block in section]
    runs = list(paginate(blocks, lambda block: block.height, room))
    subtitle = _subtitle(scene.document)
    pages = []
    for number, start in enumerate(range(0, max(len(runs), 1), columns)):
        title = "Insights" if number == 0 else "Insights (continued)"

        def draw(pen: Pen, page: Page, title: str = title, shown: list[list[_Block]] = runs[start : start + columns]
                 ) -> None:  # fmt: skip
            _draw_page(pen, page, title, subtitle, shown, width)

        pages.append(PlannedPage(PageInfo("insights", page.width, page.height, title), draw))
    return pages


def _subtitle(document: JourneyDocument) -> str:
    cards, connections = (
        counted(document.touchpoint_count(), "touchpoint"),
        counted(document.graph.number_of_edges(), "connection"),
    )
    steps = "the journey's steps are its flow and hand-off connections"
    return f"{KIND_LABELS[document.kind]} · {cards}, {connections} · {steps}"


def _draw_page(pen: Pen, page: Page, title: str, subtitle: str, runs: list[list[_Block]], width: float) -> None:
    unit, body = page.unit, page.body
    draw_heading(pen, page, title)
    pen.text(body.x, body.y + 28 * unit, subtitle, 8.5 * unit, MUTED)
    rule = body.y + 37 * unit
    pen.path([(body.x, rule), (body.right, rule)], RULE, 0.8 * unit)
    top = body.y + TOP * unit
    for number, run in enumerate(runs):
        left = body.x + number * (width + GUTTER * unit)
        if number:  # a hairline between the columns, as tall as the one beside it
            middle = left - GUTTER * unit / 2
            tallest = max(sum(block.height for block in run) for run in runs)
            pen.path([(middle, top), (middle, top + tallest)], RULE, 0.4 * unit)
        y = top
        if run[0].header is not None:
            run[0].header.draw(pen, left, y)
            y += run[0].header.height
        for block in run:
            block.draw(pen, left, y)
            y += block.height


# -- the sections, in the command's order ------------------------------------------------------


def _sections(writer: _Writer, document: JourneyDocument) -> list[list[_Block]]:
    insights = map_insights(document)
    last = insights.last_stage.name if insights.last_stage else ""
    return [
        writer.section("Entry points", CARD_COLUMNS, _card_rows(insights.entries),
                       "nothing flows or hands off into them"),
        writer.section("Exits", CARD_COLUMNS, _card_rows(insights.exits), "they lead nowhere on"),
        writer.section("Dead ends", CARD_COLUMNS, _card_rows(insights.dead_ends),
                       f"exits before the last stage ({last})", flagged=True),
        writer.section("Unreachable from any entry", CARD_COLUMNS, _card_rows(insights.unreachable),
                       "only a loop with no way in leads to them", flagged=True),
        writer.section("Off the journey", CARD_COLUMNS, _card_rows(insights.off_journey),
                       "no flow or hand-off in or out"),
        _loops(writer, insights),
        writer.section("Hand-offs between teams", (_Column("From", 0.42), _Column("To", 0.42),
                       _Column("Count", 0.16, right=True)),
                       [(_Cell(h.from_team), _Cell(h.to_team), _Cell(str(h.count))) for h in insights.handoffs]),
        writer.section("Stages with no touchpoint", (_Column("Stage", 1.0),),
                       [(_Cell(stage.name),) for stage in insights.empty_stages], flagged=True),
        writer.section("Lowest emotional moments", (_Column("Emotion", 0.14), *_scaled(CARD_COLUMNS, 0.86)),
                       [(_Cell(signed(moment.emotion), face=moment.emotion), *_card_row(moment.card))
                        for moment in insights.lowest_moments], "below neutral")
        if insights.lowest_moments else writer.absent("Lowest emotional moments", "no card is below neutral"),
        writer.section("Pain-point hot spots", (_Column("Pain points", 0.16, right=True), _Column("Stage", 0.42),
                       _Column("Lane", 0.42)),
                       [(_Cell(str(spot.pain_points)), _Cell(spot.stage.name), _Cell(spot.lane.name))
                        for spot in insights.hot_spots]),
        _paths(writer, insights),
        _conversion(writer, insights.conversion),
    ]  # fmt: skip


def _card_row(card: Card) -> tuple[_Cell, ...]:
    return _Cell(card.title, bold=True), _Cell(card.stage), _Cell(card.lane)


def _card_rows(cards: tuple[Card, ...]) -> list[tuple[_Cell, ...]]:
    return [_card_row(card) for card in cards]


def _scaled(columns: Sequence[_Column], share: float) -> tuple[_Column, ...]:
    return tuple(_Column(column.name, column.share * share, column.right) for column in columns)


def _walk(cards: tuple[Card, ...]) -> str:
    return ARROW.join(card.title for card in cards)


def _loops(writer: _Writer, insights: Insights) -> list[_Block]:
    note = f"the first {len(insights.loops)}; there are more" if insights.loops_truncated else ""
    rows = [(_Cell(f"{number}.", MUTED), _Cell(_walk(loop + loop[:1])))
            for number, loop in enumerate(insights.loops, 1)]  # fmt: skip
    return writer.section("Loops", (_Column("", 0.07, right=True), _Column("Loop", 0.93)), rows, note, flagged=True)


def _paths(writer: _Writer, insights: Insights) -> list[_Block]:
    first, last = insights.first_stage, insights.last_stage
    if first is None or last is None or first == last:
        return writer.absent("Paths from first to last stage", "the journey does not span two stages")
    note = "the search stopped; there may be more" if insights.paths_truncated else ""
    rows = [(_Cell(f"{number}.", MUTED), _Cell(_walk(path.cards)), _Cell(_converts(path), MUTED))
            for number, path in enumerate(insights.paths, 1)]  # fmt: skip
    columns = (_Column("", 0.07, right=True), _Column("Path", 0.75), _Column("Converts", 0.18, right=True))
    return writer.section(f"Paths from {first.name} to {last.name}", columns, rows, note)


def _converts(path: JourneyPath) -> str:
    if path.conversion is None:
        return "not measured"
    return percent(path.conversion) + ("" if path.fully_measured else f" ({path.rated_steps} of {path.steps} steps)")


def _conversion(writer: _Writer, conversion: Conversion | None) -> list[_Block]:
    title = "Expected end-to-end conversion"
    if conversion is None:
        return writer.absent(title, "no connection on a path from the first to the last stage carries a rate")
    note = ("along the best fully measured path" if conversion.rated_steps == conversion.steps else
            f"over the {conversion.rated_steps} measured of the {conversion.steps} steps of the best path; "
            "no path has a rate on every step")  # fmt: skip
    step = conversion.weakest
    weakest = f"{step.source.title}{ARROW}{step.target.title}: {percent(step.rate)}"
    rows = [(_Cell("Best path", MUTED, bold=True), _Cell(_walk(conversion.path.cards))),
            (_Cell("Weakest step", PAIN, bold=True), _Cell(weakest, PAIN))]  # fmt: skip
    return writer.figure(title, percent(conversion.rate), note, (_Column("", 0.22), _Column("", 0.78)), rows)


# -- blocks --------------------------------------------------------------------------------------


class _Writer:
    """Turns findings into blocks for a column ``width`` wide and ``room`` tall, at the page's ``unit``."""

    def __init__(self, fonts: Fonts, unit: float, width: float, room: float) -> None:
        self.fonts, self.unit, self.width, self.room = fonts, unit, width, room

    def section(self, title: str, columns: Sequence[_Column], rows: Sequence[Sequence[_Cell]], note: str = "",
                flagged: bool = False) -> list[_Block]:  # fmt: skip
        """A heading with the count and ``note``, then a table of ``rows``; "none" if there are none."""
        if not rows:
            return self.absent(title)
        header, heading = self.header(columns), self.heading(title, str(len(rows)), note, flagged)
        most = self._most(heading.height + header.height)
        table = [part for number, cells in enumerate(rows) for part in self.row(columns, cells, number % 2 == 1,
                                                                                most, header)]  # fmt: skip
        return self._kept(heading, [header, *table], keep=2)

    def absent(self, title: str, why: str = "") -> list[_Block]:
        """A heading that says "none", and ``why`` when that needs saying."""
        return [_spaced(self.heading(title, "none", why, False), SECTION_GAP * self.unit)]

    def figure(self, title: str, figure: str, note: str, columns: Sequence[_Column],
               rows: Sequence[Sequence[_Cell]]) -> list[_Block]:  # fmt: skip
        """A heading, a big number with ``note`` beside it, then ``rows`` as a table without header."""
        unit, size = self.unit, FIGURE * self.unit
        room = self.width - self.fonts.width(figure, size, bold=True) - 10 * unit
        lines = wrap_text(note, room, SMALL * unit, False, self.fonts.width, 3)
        height = max(size * 1.3, len(lines) * SMALL * unit * LEADING) + 4 * unit

        def draw(pen: Pen, left: float, top: float) -> None:
            pen.text(left, top + size, figure, size, INK, bold=True)
            beside = left + self.width - room
            pen.lines(beside, top + (size * 1.3 - len(lines) * SMALL * unit * LEADING) / 2, lines, SMALL * unit,
                      SMALL * unit * LEADING, MUTED)  # fmt: skip

        heading = self.heading(title, "", "", False)
        most = self._most(heading.height + height)
        table = [part for cells in rows for part in self.row(columns, cells, False, most)]
        return self._kept(heading, [_Block(height, draw), *table], keep=1)

    def _most(self, above: float) -> int:
        """The most lines of a row that fits a column under ``above``: its section's heading, which
        the first row keeps with it. Two at least: a part that goes on shows its mark and a line."""
        return max(2, int((self.room - above - 2 * PADDING * self.unit) // (TEXT * self.unit * LEADING)))

    def _kept(self, heading: _Block, blocks: list[_Block], keep: int) -> list[_Block]:
        """The heading joined to the first ``keep`` blocks (a table's header and first row), so a
        column never ends in a heading alone; and a gap after the last block."""
        joined = [_together(heading, *blocks[:keep]), *blocks[keep:]]
        joined[-1] = _spaced(joined[-1], SECTION_GAP * self.unit)
        return joined

    def heading(self, title: str, count: str, note: str, flagged: bool) -> _Block:
        """The section's title (wrapped: it may hold stage names), its count after the title's last
        line, and ``note`` under it."""
        unit, fonts, size = self.unit, self.fonts, TITLE * self.unit
        mark, title_leading = 9 * unit if flagged else 0.0, size * 1.25
        room = self.width - mark - (fonts.width(count, size) + size * 0.6 if count else 0.0)
        titles = wrap_text(title, room, size, True, fonts.width)
        lines = wrap_text(note, self.width - mark, SMALL * unit, False, fonts.width) if note else ()
        below = (len(titles) - 1) * title_leading  # from the first title line's baseline to the last's
        height = size * 1.5 + below + len(lines) * SMALL * unit * LEADING + 4 * unit

        def draw(pen: Pen, left: float, top: float) -> None:
            if flagged:  # a dot in the pain colour: worth a look
                pen.circle(left + 3 * unit, top + size * 0.62, 3 * unit, fill=PAIN)
            for number, line in enumerate(titles):
                pen.text(left + mark, top + size + number * title_leading, line, size, PAIN if flagged else INK, True)
            after = left + mark + fonts.width(titles[-1], size, bold=True) + size * 0.6
            pen.text(after, top + size + below, count, size, MUTED)
            pen.lines(left + mark, top + size * 1.5 + below, lines, SMALL * unit, SMALL * unit * LEADING, MUTED)

        return _Block(height, draw)

    def header(self, columns: Sequence[_Column]) -> _Block:
        unit, size, height = self.unit, SMALL * self.unit, _header_height(self.unit)
        lefts = self._lefts(columns)

        def draw(pen: Pen, left: float, top: float) -> None:
            for column, x, width in zip(columns, lefts, self._widths(columns)):
                x = left + x + (width - PADDING * unit if column.right else PADDING * unit)
                pen.text(x, baseline(top, height, size), column.name.upper(), size, MUTED, bold=True,
                         align="right" if column.right else "left")  # fmt: skip
            pen.path([(left, top + height), (left + self.width, top + height)], RULE, 0.6 * unit)

        return _Block(height, draw)

    def row(self, columns: Sequence[_Column], cells: Sequence[_Cell], shaded: bool, most: int,
            header: _Block | None = None) -> list[_Block]:  # fmt: skip
        """A table row, in parts of at most ``most`` lines when it has more: each later part goes on
        under "(continued)" in the first column of text."""
        widths = self._widths(columns)
        texts = [tuple(self._lines(cell, width - 2 * PADDING * self.unit)) for cell, width in zip(cells, widths)]
        marked = next(number for number, column in enumerate(columns) if not column.right)
        parts: list[_Block] = []
        while True:
            halves = [split(lines, most) for lines in texts]
            parts.append(self._part(columns, cells, [shown for shown, _ in halves], shaded, header, not parts))
            texts = [rest for _, rest in halves]
            if not any(texts):
                return parts
            texts[marked] = (TextLine(CONTINUED, colour=MUTED), *texts[marked])

    def _part(self, columns: Sequence[_Column], cells: Sequence[_Cell], texts: Sequence[tuple[TextLine, ...]],
              shaded: bool, header: _Block | None, first: bool) -> _Block:  # fmt: skip
        """A row, or a part of one: the faces and the numbers on the right are drawn in its first part."""
        unit, size = self.unit, TEXT * self.unit
        widths, lefts = self._widths(columns), self._lefts(columns)
        height = max(1, *map(len, texts)) * size * LEADING + 2 * PADDING * unit

        def draw(pen: Pen, left: float, top: float) -> None:
            if shaded:
                pen.rect(Rect(left, top, self.width, height), fill=WASH)
            for column, cell, lines, x, width in zip(columns, cells, texts, lefts, widths):
                x, y = left + x + PADDING * unit, top + PADDING * unit
                if column.right:
                    if lines:
                        pen.text(x + width - 2 * PADDING * unit, baseline(y, size * LEADING, size), lines[0].text,
                                 size, lines[0].colour, lines[0].bold, align="right")  # fmt: skip
                    continue
                if cell.face is not None and first:
                    emotion_face(pen, x + size / 2, y + size * LEADING / 2, size, cell.face)
                draw_text_lines(pen, lines, x, y, size)

        return _Block(height, draw, header)

    def _lines(self, cell: _Cell, room: float) -> list[TextLine]:
        size = TEXT * self.unit
        indent = size * 1.4 if cell.face is not None else 0.0
        wrapped = wrap_text(cell.text, room - indent, size, cell.bold, self.fonts.width) or ("",)
        return [TextLine(line, cell.bold, cell.colour, indent) for line in wrapped]

    def _widths(self, columns: Sequence[_Column]) -> list[float]:
        return [column.share * self.width for column in columns]

    def _lefts(self, columns: Sequence[_Column]) -> list[float]:
        widths = self._widths(columns)
        return [sum(widths[:number]) for number in range(len(widths))]


def _header_height(unit: float) -> float:
    return (SMALL * LEADING + 2 * PADDING) * unit


def _together(*blocks: _Block) -> _Block:
    """Blocks drawn one under another as one, which a column break never splits."""

    def draw(pen: Pen, left: float, top: float) -> None:
        for block in blocks:
            block.draw(pen, left, top)
            top += block.height

    return _Block(sum(block.height for block in blocks), draw)


def _spaced(block: _Block, gap: float) -> _Block:
    return _Block(block.height + gap, block.draw, block.header)
