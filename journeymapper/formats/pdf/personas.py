"""One appendix page per persona: who they are, their goals and frustrations, how they feel across
the journey (chart.py), and their touchpoints listed under the chart's stages."""

from __future__ import annotations

from journeymapper.formats.pdf.chart import draw_chart
from journeymapper.formats.pdf.furniture import Page
from journeymapper.formats.pdf.pen import Pen, baseline
from journeymapper.formats.pdf.plan import PageInfo, PlannedPage
from journeymapper.formats.pdf.scene import MapScene
from journeymapper.formats.pdf.textblock import LEADING, bulleted, cut, draw_text_lines
from journeymapper.formats.pdf.theme import ACCENT, INK, MUTED, RULE, persona_colour
from journeymapper.layout import Rect
from journeymapper.model import Persona, Touchpoint
from journeymapper.model.kinds import PART_LABELS

TEXT, SMALL, CHART_HEIGHT, GUTTER = 9.0, 7.5, 170.0, 24.0
LISTS_SHARE = 0.4  # of the page under the heading, at most, for goals and frustrations


def persona_pages(scene: MapScene, page: Page) -> list[PlannedPage]:
    pages = []
    for position, persona in enumerate(scene.document.personas.values()):

        def draw(pen: Pen, page: Page, persona: Persona = persona, position: int = position) -> None:
            _draw_persona(pen, scene, page, persona, position)

        pages.append(PlannedPage(PageInfo("persona", page.width, page.height, persona.name), draw))
    return pages


def _draw_persona(pen: Pen, scene: MapScene, page: Page, persona: Persona, position: int) -> None:
    unit, body = page.unit, page.body
    cards = [touchpoint for touchpoint in scene.document.touchpoints() if persona.id in touchpoint.personas]
    top = _heading(pen, page, persona, cards)
    half = (body.width - GUTTER * unit) / 2
    lists_bottom = top + (body.bottom - top) * LISTS_SHARE
    bottoms = [
        _list(pen, page, title, items, Rect(body.x + number * (half + GUTTER * unit), top, half, lists_bottom - top))
        for number, (title, items) in enumerate((("Goals", persona.goals), ("Frustrations", persona.frustrations)))
    ]
    chart = Rect(body.x, max(bottoms) + 18 * unit, body.width, CHART_HEIGHT * unit)
    curve = scene.layout.emotion_curves.get(persona.id, ())
    columns = draw_chart(pen, scene, persona.name, curve, persona_colour(position), chart, unit)
    _by_stage(pen, cards, columns, Rect(body.x, chart.bottom, body.width, body.bottom - chart.bottom), unit)


def _heading(pen: Pen, page: Page, persona: Persona, cards: list[Touchpoint]) -> float:
    """Label (with the persona's B2B part), name, role and how often the persona appears; returns
    where the page goes on."""
    unit, body = page.unit, page.body
    small, size = 8.5 * unit, 18 * unit
    label = f"PERSONA · {PART_LABELS[persona.part].upper()}" if persona.part else "PERSONA"
    pen.text(body.x, body.y + small, label, small, ACCENT, bold=True)
    y = body.y + small * 1.6
    pen.text(body.x, baseline(y, size * 1.2, size), persona.name, size, INK, bold=True)
    y += size * 1.2
    if persona.role:
        pen.text(body.x, baseline(y, small * 1.5, small * 1.15), persona.role, small * 1.15, MUTED)
        y += small * 1.5
    stages = len({card.stage for card in cards})
    facts = f"In {_count(len(cards), 'touchpoint')} across {_count(stages, 'stage')}"
    pen.text(body.x, baseline(y, small * 1.5, small), facts, small, MUTED)
    y += small * 1.5 + 6 * unit
    pen.path([(body.x, y), (body.right, y)], RULE, 0.8 * unit)
    return y + 14 * unit


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _list(pen: Pen, page: Page, title: str, items: tuple[str, ...], area: Rect) -> float:
    """A heading and a bulleted list, cut to ``area``; returns where it ends."""
    unit, fonts = page.unit, pen.fonts
    size = TEXT * unit
    pen.text(area.x, area.y + 10 * unit, title.upper(), 8 * unit, MUTED, bold=True)
    top = area.y + 18 * unit
    if not items:
        pen.text(area.x, top + size, "None recorded", size, MUTED)
        return top + size * LEADING
    room = int((area.bottom - top) // (size * LEADING))
    lines = cut(fonts, bulleted(fonts, items, area.width, size), room, area.width, size)
    draw_text_lines(pen, lines, area.x, top, size)
    return top + len(lines) * size * LEADING


def _by_stage(pen: Pen, cards: list[Touchpoint], columns: dict[str, Rect], area: Rect, unit: float) -> None:
    """Under each stage of the chart, the titles of the persona's touchpoints there."""
    size, fonts = SMALL * unit, pen.fonts
    top = area.y + 10 * unit
    room = int((area.bottom - top) // (size * LEADING))
    titles: dict[str, list[str]] = {}
    for card in cards:
        titles.setdefault(card.stage, []).append(card.title)
    for stage_id, stage_titles in titles.items():
        column = columns[stage_id]
        width = column.width - 10 * unit
        lines = cut(fonts, bulleted(fonts, stage_titles, width, size), room, width, size)
        draw_text_lines(pen, lines, column.x + 5 * unit, top, size)
