"""The canvas reads in both themes: text at least 4.5:1 against what is behind it and other marks
at least 3:1 (WCAG 2's relative-luminance contrast), and persona initials inside their circles."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor

from journeymapper.editor.card_item import PERSONA_RADIUS, initials_placement
from journeymapper.editor.theme import (
    DARK,
    LIGHT,
    MARK_CONTRAST,
    NEUTRAL_LANE,
    TEXT_CONTRAST,
    Theme,
    contrast,
    edge_for,
    relative_luminance,
    text_on,
)
from journeymapper.model.templates import BLUE, CYAN, GREEN, GREY, PURPLE, RED, YELLOW
from journeymapper.palette import EMOTION_COLOURS, PERSONA_COLOURS

THEMES = pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
LANE_COLOURS = (BLUE, CYAN, GREEN, YELLOW, RED, PURPLE, GREY, NEUTRAL_LANE)


def test_the_contrast_formula_is_wcags():
    black, white = QColor("#000000"), QColor("#ffffff")
    assert relative_luminance(black) == 0 and relative_luminance(white) == pytest.approx(1)
    assert contrast(black, white) == pytest.approx(21) == contrast(white, black)
    assert contrast(QColor("#777777"), white) == pytest.approx(4.48, abs=0.01)  # the classic near miss
    assert contrast(QColor("#767676"), white) == pytest.approx(4.54, abs=0.01)


def too_faint(pairs: dict[str, tuple[QColor, QColor]], least: float) -> dict[str, float]:
    """The pairs (what is drawn, what is behind it) that fall short of ``least``, with their ratio."""
    ratios = {what: contrast(front, behind) for what, (front, behind) in pairs.items()}
    return {what: round(ratio, 2) for what, ratio in ratios.items() if ratio < least}


def lane_header_fills(theme: Theme) -> list[QColor]:
    """The lane headers' fills, as HeaderItem paints them, for every colour a template gives a lane."""
    return [theme.tint(colour, 0.22) for colour in LANE_COLOURS]


@THEMES
def test_text_reads_on_every_surface_it_is_drawn_on(theme):
    pairs = {
        "card title on card": (theme.card_text, theme.card_fill),
        "stage header on header": (theme.header_text, theme.header_fill),
        "channel on card": (theme.muted_text, theme.card_fill),
        "connector label on its pill": (theme.muted_text, theme.header_fill),
        "muted text on the canvas": (theme.muted_text, theme.background),
        "pain points badge": (theme.pain_text, theme.pain_fill),
        "opportunities badge": (theme.opportunity_text, theme.opportunity_fill),
        "link badge": (theme.selection, theme.tint(theme.selection.name(), 0.10)),
        "linked map's summary under a stage header": (theme.muted_text, theme.header_fill),
        "broken link's summary under a stage header": (theme.pain_text, theme.header_fill),
        **{f"'{word}' chip": (text_on(colour), colour) for word, colour in change_colours(theme).items()},
        "removed card's label": (theme.removed, theme.header_fill),
        "conflict sign's mark": (text_on(theme.conflict_fill), theme.conflict_fill),
    }
    for number, fill in enumerate(lane_header_fills(theme)):
        pairs[f"lane header {LANE_COLOURS[number]}"] = (theme.header_text, fill)
        pairs[f"emotion legend caption on lane {LANE_COLOURS[number]}"] = (theme.muted_text, fill)
    assert too_faint(pairs, TEXT_CONTRAST) == {}


@THEMES
def test_marks_stand_out_three_to_one(theme):
    pairs = {
        "selection outline on card": (theme.selection, theme.card_fill),
        "selection outline on canvas": (theme.selection, theme.background),
        "connector on canvas": (theme.connector, theme.background),
        **{
            f"emotion {value:+d} outline on card": (edge_for(QColor(colour), theme.card_fill), theme.card_fill)
            for value, colour in EMOTION_COLOURS.items()
        },
        "conflict sign's edge on card": (edge_for(theme.conflict_fill, theme.card_fill), theme.card_fill),
    }
    for word, colour in {**change_colours(theme), "conflict": theme.conflict}.items():
        pairs[f"{word} ring on card"] = (colour, theme.card_fill)
        pairs[f"{word} ring on canvas"] = (colour, theme.background)
        for number, fill in enumerate(lane_header_fills(theme)):
            pairs[f"{word} ring on lane header {LANE_COLOURS[number]}"] = (colour, fill)
    assert too_faint(pairs, MARK_CONTRAST) == {}


def change_colours(theme: Theme) -> dict[str, QColor]:
    """The colours of a comparison's marks, by the word on their chips."""
    return {"New": theme.added, "Changed": theme.changed, "Moved": theme.moved, "Removed": theme.removed}


@THEMES
def test_a_conflict_and_each_kind_of_change_have_colours_of_their_own(theme):
    colours = [theme.conflict_fill, *change_colours(theme).values()]
    assert len({colour.name() for colour in colours}) == len(colours)


def test_an_outline_keeps_the_marks_own_colour_where_it_stands_out_already():
    assert edge_for(QColor("#c0392b"), LIGHT.card_fill) == QColor("#c0392b")
    assert edge_for(QColor("#a0a4ab"), LIGHT.card_fill) != QColor("#a0a4ab")


@pytest.mark.parametrize("colour", PERSONA_COLOURS)
def test_persona_initials_read_on_every_persona_colour(colour):
    assert contrast(text_on(QColor(colour)), QColor(colour)) >= TEXT_CONTRAST


@pytest.mark.parametrize("initials", ["AB", "MW", "WW", "DW", "LH", "QJ", "ÅÉ", "Ø", "?", "M", "gy"])
def test_persona_initials_lie_inside_their_circle(qapp, initials):
    centre = QPointF(50.3, 20.7)
    font, _, ink = initials_placement(initials, centre, PERSONA_RADIUS)
    corners = (ink.topLeft(), ink.topRight(), ink.bottomLeft(), ink.bottomRight())
    assert all(
        (corner.x() - centre.x()) ** 2 + (corner.y() - centre.y()) ** 2 <= PERSONA_RADIUS**2 for corner in corners
    )
    assert abs(ink.center().x() - centre.x()) < 0.01 and abs(ink.center().y() - centre.y()) < 0.01
    assert font.pixelSize() >= 5  # still letters, not specks


def test_two_ordinary_initials_keep_the_full_size(qapp):
    font, _, _ = initials_placement("AL", QPointF(0, 0), PERSONA_RADIUS)
    assert font.pixelSize() >= 7
