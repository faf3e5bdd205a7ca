"""The look of an exported map: a few inks, pale tints of the lanes' colours, and the marker colours.

Lane colours in a map are mid-tone base colours (``#4477aa``); backgrounds use them mixed with a
lot of white, and only thin accents use them as they are, so a page with eight lanes stays calm.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib.colors import Color, HexColor

from journeymapper import contrast as wcag
from journeymapper import palette
from journeymapper.model import ConnectionKind

INK = HexColor("#1f2933")  # titles and body text
MUTED = HexColor("#52606d")  # secondary text, flow connectors
FAINT = HexColor("#7c8a99")  # lines that say something quietly (the neutral line, all touchpoints' curve); never text
RULE = HexColor("#d3dae3")  # card borders, table rules
WASH = HexColor("#f4f6f8")  # zebra rows, empty lanes
PAPER = HexColor("#ffffff")
STAGE = HexColor("#243b53")  # stage headers: the one dark block on the page
ACCENT = HexColor("#2f6fb0")  # kind label, hand-offs
PAIN = HexColor("#c0392b")  # as on the canvas
OPPORTUNITY = HexColor("#2e7d32")
DEFAULT_LANE = "#9aa5b1"

EMOTION_COLOURS = {value: HexColor(code) for value, code in palette.EMOTION_COLOURS.items()}  # as on the canvas
EMOTION_NAMES = {-2: "Very negative", -1: "Negative", 0: "Neutral", 1: "Positive", 2: "Very positive"}
CONNECTION_NAMES = {
    ConnectionKind.FLOW: "Flow",
    ConnectionKind.HANDOFF: "Hand-off",
    ConnectionKind.DEPENDENCY: "Dependency",
}

HEADER_TINT, ROW_TINT = 0.24, 0.07
MIN_TEXT = 6.0  # points: a printed map's text below this is hard to read
TEXT_CONTRAST, LINE_CONTRAST = 4.5, 3.0  # WCAG 2's least contrast for text and for other marks
TEXT_COLOURS = (INK, MUTED, ACCENT, PAIN, OPPORTUNITY)  # text on paper, on the zebra rows' wash and on cards
NOTE = HexColor("#bcccdc")  # the roll-up under a linked stage: 7.0:1 on the stage headers' ink
BROKEN_NOTE = HexColor("#ffb3a7")  # the pain points' red, pale enough to read on the header (6.7:1)
ON_DARK = (WASH, PAPER, NOTE, BROKEN_NOTE)  # text on the stage headers' dark blue and on the tables' header rows


@lru_cache(maxsize=256)
def tint(colour: str | None, amount: float) -> Color:
    """``colour`` (``#rrggbb``, None for a lane without one) mixed with white: 1.0 is the colour itself."""
    base = HexColor(colour or DEFAULT_LANE)
    return Color(*(1 - amount * (1 - channel) for channel in (base.red, base.green, base.blue)))


def emotion_colour(value: float) -> Color:
    """The colour of the nearest whole emotion, for means such as +0.6."""
    return EMOTION_COLOURS[max(-2, min(2, round(value)))]


@lru_cache(maxsize=64)
def persona_colour(position: int) -> Color:
    """The persona's colour as the canvas has it, darkened where it would be too faint on paper:
    the palette's yellow and cyan read on a dark screen but hardly on white."""
    colour = HexColor(palette.persona_colour(position))
    darkened = colour
    step = 0
    while contrast(darkened, PAPER) < LINE_CONTRAST:
        step += 1
        darkened = Color(*(channel * (1 - step / 20) for channel in (colour.red, colour.green, colour.blue)))
    return darkened


def relative_luminance(colour: Color) -> float:
    """WCAG 2's relative luminance: 0 for black, 1 for white."""
    return wcag.relative_luminance((colour.red, colour.green, colour.blue))


def contrast(first: Color, second: Color) -> float:
    """WCAG 2's contrast ratio of two opaque colours, from 1 (none) to 21 (black on white)."""
    return wcag.contrast_ratio((first.red, first.green, first.blue), (second.red, second.green, second.blue))


def signed(value: float) -> str:
    """An emotion as printed: ``+2``, ``0``, ``−1.5`` (a true minus sign)."""
    text = f"{value:+.1f}".rstrip("0").rstrip(".") if value % 1 else f"{value:+.0f}"
    return "0" if text in ("+0", "-0") else text.replace("-", "−")
