"""One appendix page per persona: who they are, their goals and frustrations, how they feel across
the journey (chart.py), and their touchpoints listed under the chart's stages.

Nothing is cut. Lists longer than their place on the page go on, from the item that did not fit,
on a page of the same persona marked "continued": goals and frustrations in their two columns,
then the touchpoints under their stages' names, in the chart's columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from journeymapper.counting import counted
from journeymapper.formats.pdf.chart import draw_chart, stage_columns
from journeymapper.formats.pdf.fonts import Fonts
from journeymapper.formats.pdf.furniture import Page, PlacedText, draw_lines
from journeymapper.formats.pdf.pen import Pen, baseline
from journeymapper.formats.pdf.plan import PageInfo, PlannedPage
from journeymapper.formats.pdf.scene import MapScene
from journeymapper.formats.pdf.textblock import LEADING, TextLine, bulleted, draw_text_lines, paragraph, split
from journeymapper.formats.pdf.theme import ACCENT, INK, MUTED, RULE, persona_colour
from journeymapper.layout import Rect, wrap_text
from journeymapper.model import Persona, Touchpoint
from journeymapper.model.kinds import PART_LABELS

TEXT, SMALL, CHART_HEIGHT, GUTTER = 9.0, 7.5, 170.0, 24.0
LISTS_SHARE = 0.4  # of the first page under the heading, at most, for goals and frustrations
TITLE_TO_TEXT, SECTION_GAP, UNDER_CHART = 18.0, 18.0, 10.0
CONTINUED = " (CONTINUED)"


@dataclass(frozen=True, slots=True)
class _Column:
    """A titled column of lines: a list, or a stage's touchpoints."""

    area: Rect  # its left, top and width; the lines start ``TITLE_TO_TEXT`` under the top when titled
    title: str  # over the column, or over a row of columns, alone
    lines: tuple[TextLine, ...]
    size: float
    head: tuple[TextLine, ...] = ()  # a stage's name over its touchpoints on a continued page


@dataclass(frozen=True, slots=True)
class _Page:
    heading: tuple[PlacedText, ...]
    rule: float
    columns: tuple[_Column, ...]
    chart: Rect | None = None  # on the persona's first page only


@dataclass
class _Rest:
    """What is still to print of a persona's lists."""

    goals: tuple[TextLine, ...]
    frustrations: tuple[TextLine, ...]
    by_stage: dict[str, tuple[TextLine, ...]]

    def __bool__(self) -> bool:
        return bool(self.goals or self.frustrations or any(self.by_stage.values()))


def persona_pages(scene: MapScene, page: Page) -> list[PlannedPage]:
    pages = []
    for position, persona in enumerate(scene.document.personas.values()):
        for number, planned in enumerate(_plan(scene, page, persona)):
            title = persona.name if number == 0 else f"{persona.name} (continued)"

            def draw(pen: Pen, page: Page, planned: _Page = planned, persona: Persona = persona,
                     position: int = position) -> None:  # fmt: skip
                _draw(pen, scene, page, planned, persona, position)

            pages.append(PlannedPage(PageInfo("persona", page.width, page.height, title), draw))
    return pages


# -- planning: what each page shows --------------------------------------------------------------


def _plan(scene: MapScene, page: Page, persona: Persona) -> list[_Page]:
    fonts, unit, body = scene.fonts, page.unit, page.body
    cards = [touchpoint for touchpoint in scene.document.touchpoints() if persona.id in touchpoint.personas]
    half = (body.width - GUTTER * unit) / 2
    rest = _Rest(
        tuple(bulleted(fonts, persona.goals, half, TEXT * unit)),
        tuple(bulleted(fonts, persona.frustrations, half, TEXT * unit)),
        _by_stage(fonts, cards, stage_columns(scene, body, unit), unit),
    )
    heading, rule, top = _heading(fonts, page, persona, cards, continued=False)
    lists_bottom = top + (body.bottom - top) * LISTS_SHARE
    lists = _lists(page, rest, top, lists_bottom, first=True)
    chart = Rect(body.x, max(column.area.bottom for column in lists) + SECTION_GAP * unit, body.width,
                 CHART_HEIGHT * unit)  # fmt: skip
    under = _under_chart(scene, page, rest, chart)
    pages = [_Page(heading, rule, (*lists, *under), chart)]
    while rest:
        heading, rule, top = _heading(fonts, page, persona, cards, continued=True)
        lists = _lists(page, rest, top, body.bottom, first=False) if rest.goals or rest.frustrations else []
        top = max((column.area.bottom + SECTION_GAP * unit for column in lists), default=top)
        pages.append(_Page(heading, rule, (*lists, *_stages_continued(scene, page, rest, top, fresh=not lists))))
    return pages


def _by_stage(fonts: Fonts, cards: list[Touchpoint], columns: dict[str, Rect], unit: float
              ) -> dict[str, tuple[TextLine, ...]]:  # fmt: skip
    """The titles of the persona's touchpoints in each stage, wrapped to the stage's column."""
    titles: dict[str, list[str]] = {}
    for card in cards:
        titles.setdefault(card.stage, []).append(card.title)
    return {stage_id: tuple(bulleted(fonts, stage_titles, _inner(columns[stage_id], unit).width, SMALL * unit))
            for stage_id, stage_titles in titles.items()}  # fmt: skip


def _inner(column: Rect, unit: float) -> Rect:
    return Rect(column.x + 5 * unit, column.y, column.width - 10 * unit, column.height)


def _lists(page: Page, rest: _Rest, top: float, bottom: float, first: bool) -> list[_Column]:
    """Goals and frustrations side by side between ``top`` and ``bottom``, as much of them as fits;
    the rest stays in ``rest``. On a continued page only a list with more to say is shown."""
    unit, body, size = page.unit, page.body, TEXT * page.unit
    half = (body.width - GUTTER * unit) / 2
    room = max(1, int((bottom - top - TITLE_TO_TEXT * unit) // (size * LEADING)))  # a page always takes a line
    columns = []
    for number, (title, lines) in enumerate((("GOALS", rest.goals), ("FRUSTRATIONS", rest.frustrations))):
        if not first and not lines:
            continue
        shown, left = split(lines, room) if lines else ((TextLine("None recorded", colour=MUTED),), ())
        height = TITLE_TO_TEXT * unit + len(shown) * size * LEADING
        area = Rect(body.x + number * (half + GUTTER * unit), top, half, height)
        columns.append(_Column(area, title if first else title + CONTINUED, shown, size))
        if number == 0:
            rest.goals = left
        else:
            rest.frustrations = left
    return columns


def _under_chart(scene: MapScene, page: Page, rest: _Rest, chart: Rect) -> list[_Column]:
    """Each stage's touchpoints under the chart's stage names, as many as the page holds."""
    unit, size = page.unit, SMALL * page.unit
    top = chart.bottom + UNDER_CHART * unit
    room = int((page.body.bottom - top) // (size * LEADING))
    columns = []
    for stage_id, column in stage_columns(scene, chart, unit).items():
        shown, rest.by_stage[stage_id] = split(rest.by_stage.get(stage_id, ()), room)
        if shown:
            inner = _inner(column, unit)
            columns.append(_Column(Rect(inner.x, top, inner.width, len(shown) * size * LEADING), "", shown, size))
    return columns


def _stages_continued(scene: MapScene, page: Page, rest: _Rest, top: float, fresh: bool) -> list[_Column]:
    """The touchpoints left over, under their stages' names in the chart's columns and a title; none
    when a page that began with lists has no room left for them (they go on the next)."""
    unit, size, body = page.unit, SMALL * page.unit, page.body
    columns = {stage_id: _inner(column, unit) for stage_id, column in stage_columns(scene, body, unit).items()
               if rest.by_stage.get(stage_id)}  # fmt: skip
    if not columns:
        return []
    heads = {stage_id: tuple(paragraph(scene.fonts, scene.document.stages[stage_id].name, column.width, size, True))
             for stage_id, column in columns.items()}  # fmt: skip
    text_top = top + TITLE_TO_TEXT * unit + max(map(len, heads.values())) * size * LEADING
    room = int((body.bottom - text_top) // (size * LEADING))
    if room < 1 and not fresh:
        return []
    shown = [_Column(Rect(body.x, top, body.width, 0), "TOUCHPOINTS BY STAGE" + CONTINUED, (), size)]
    for stage_id, column in columns.items():
        lines, rest.by_stage[stage_id] = split(rest.by_stage[stage_id], max(1, room))
        shown.append(_Column(Rect(column.x, top, column.width, text_top - top), "", lines, size, heads[stage_id]))
    return shown


# -- the heading ---------------------------------------------------------------------------------


def _heading(fonts: Fonts, page: Page, persona: Persona, cards: list[Touchpoint], continued: bool
             ) -> tuple[tuple[PlacedText, ...], float, float]:  # fmt: skip
    """Label (with the persona's B2B part), name, role and how often the persona appears (a
    continued page: label and name only); returns the lines, the y of the rule under them and where
    the page goes on."""
    unit, body = page.unit, page.body
    small, size = 8.5 * unit, 18 * unit
    label = f"PERSONA · {PART_LABELS[persona.part].upper()}" if persona.part else "PERSONA"
    lines = [PlacedText(body.x, body.y + small, label, small, ACCENT, bold=True)]
    y = body.y + small * 1.6
    name = f"{persona.name} (continued)" if continued else persona.name
    for text in wrap_text(name, body.width, size, True, fonts.width):
        lines.append(PlacedText(body.x, baseline(y, size * 1.2, size), text, size, INK, bold=True))
        y += size * 1.2
    if not continued:
        for text in (persona.role, _facts(cards)):
            if text:
                lines.append(PlacedText(body.x, baseline(y, small * 1.5, small), text, small, MUTED))
                y += small * 1.5
    rule = y + 6 * unit
    return tuple(lines), rule, rule + 14 * unit


def _facts(cards: Sequence[Touchpoint]) -> str:
    stages = len({card.stage for card in cards})
    return f"In {counted(len(cards), 'touchpoint')} across {counted(stages, 'stage')}"


# -- drawing -------------------------------------------------------------------------------------


def _draw(pen: Pen, scene: MapScene, page: Page, planned: _Page, persona: Persona, position: int) -> None:
    unit, body = page.unit, page.body
    draw_lines(pen, planned.heading)
    pen.path([(body.x, planned.rule), (body.right, planned.rule)], RULE, 0.8 * unit)
    if planned.chart is not None:
        curve = scene.layout.emotion_curves.get(persona.id, ())
        draw_chart(pen, scene, persona.name, curve, persona_colour(position), planned.chart, unit)
    for column in planned.columns:
        _draw_column(pen, column, unit)


def _draw_column(pen: Pen, column: _Column, unit: float) -> None:
    area, size = column.area, column.size
    top = area.y
    if column.title:
        pen.text(area.x, top + 10 * unit, column.title, 8 * unit, MUTED, bold=True)
    if column.title or column.head:  # a stage's name lines up with the lists under their titles
        top += TITLE_TO_TEXT * unit
    draw_text_lines(pen, (*column.head, *column.lines), area.x, top, size)
