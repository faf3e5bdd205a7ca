"""Colours and fonts of the canvas, for the light and the dark palette.

Lane colours in a map are mid-tone base colours; the canvas tints them towards the background
for lane bands and card accents, so one file reads well in either palette.

The theme follows the application palette, which Qt keeps in step with the system's light or dark
scheme. ``ThemeSwitch`` is the one place that decides which theme is in use and announces a switch
(the system going dark at sunset); the canvas, the palette dock and the inspector restyle on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QGuiApplication, QPalette

from journeymapper import contrast as wcag
from journeymapper.model import ConnectionKind

NEUTRAL_LANE = "#8a94a6"
CONNECTION_DASHES = {ConnectionKind.FLOW: (), ConnectionKind.HANDOFF: (6.0, 4.0), ConnectionKind.DEPENDENCY: (1.5, 3.0)}


@dataclass(frozen=True)
class Theme:
    dark: bool
    background: QColor
    grid_line: QColor
    header_fill: QColor
    header_text: QColor
    card_fill: QColor
    card_border: QColor
    card_text: QColor
    muted_text: QColor
    selection: QColor
    connector: QColor
    drop_highlight: QColor
    pain_text: QColor  # the "!2" badge of a card's pain points, on its fill
    pain_fill: QColor
    opportunity_text: QColor  # the "+1" badge of its opportunities
    opportunity_fill: QColor
    # Marks over the map (``editor.marks``): rings and chips 3:1 from the card and the canvas, their
    # words 4.5:1 on the chip. A merge conflict is amber, a warning sign; a comparison's changes
    # have colours of their own, none of them amber, so that both can show at once.
    conflict: QColor  # the ring around what a conflict is about, and the sign's edge
    conflict_fill: QColor  # the warning sign
    added: QColor
    changed: QColor
    moved: QColor
    removed: QColor  # where a removed card was, and removed rows in the list of changes

    def tint(self, colour: str | None, strength: float) -> QColor:
        """A lane colour mixed into the background: ``strength`` 0 is background, 1 the colour."""
        base, target = QColor(colour or NEUTRAL_LANE), self.background
        return QColor.fromRgbF(
            *(
                target_channel + (base_channel - target_channel) * strength
                for base_channel, target_channel in zip(_rgb(base), _rgb(target))
            )
        )


def _rgb(colour: QColor) -> tuple[float, float, float]:
    """The first three of ``getRgbF()``, which PySide6 types as a bare object."""
    return colour.redF(), colour.greenF(), colour.blueF()


LIGHT = Theme(
    dark=False,
    background=QColor("#f7f8fa"),
    grid_line=QColor("#dfe3ea"),
    header_fill=QColor("#ffffff"),
    header_text=QColor("#1f2633"),
    card_fill=QColor("#ffffff"),
    card_border=QColor("#cfd5df"),
    card_text=QColor("#1f2633"),
    muted_text=QColor("#4e5868"),
    selection=QColor("#255bc8"),
    connector=QColor("#5b6577"),
    drop_highlight=QColor(37, 91, 200, 40),
    pain_text=QColor("#a52a1f"),
    pain_fill=QColor("#edd6d5"),
    opportunity_text=QColor("#25652a"),
    opportunity_fill=QColor("#d3e2d6"),
    conflict=QColor("#a86200"),
    conflict_fill=QColor("#f5b400"),
    added=QColor("#1b7a36"),
    changed=QColor("#7b3fb0"),
    moved=QColor("#00796b"),
    removed=QColor("#b3261e"),
)

DARK = Theme(
    dark=True,
    background=QColor("#1d2027"),
    grid_line=QColor("#343a46"),
    header_fill=QColor("#262a33"),
    header_text=QColor("#e6e9ef"),
    card_fill=QColor("#2b303a"),
    card_border=QColor("#434a58"),
    card_text=QColor("#e6e9ef"),
    muted_text=QColor("#adb5c2"),
    selection=QColor("#6d9cff"),
    connector=QColor("#9aa3b2"),
    drop_highlight=QColor(109, 156, 255, 50),
    pain_text=QColor("#ff8a7a"),
    pain_fill=QColor("#3a2428"),
    opportunity_text=QColor("#7fcf86"),
    opportunity_fill=QColor("#203129"),
    conflict=QColor("#ffb300"),
    conflict_fill=QColor("#ffb300"),
    added=QColor("#6fcf7f"),
    changed=QColor("#c49cf0"),
    moved=QColor("#4fd1c0"),
    removed=QColor("#ff8a80"),
)


# -- contrast (WCAG 2: text needs 4.5:1 against what is behind it, other marks 3:1) --------------

TEXT_CONTRAST, MARK_CONTRAST = 4.5, 3.0
_WHITE, _INK = QColor("#ffffff"), QColor("#1f2633")


def relative_luminance(colour: QColor) -> float:
    """WCAG 2's relative luminance: 0 for black, 1 for white."""
    return wcag.relative_luminance(_rgb(colour))


def contrast(first: QColor, second: QColor) -> float:
    """WCAG 2's contrast ratio of two opaque colours, from 1 (none) to 21 (black on white)."""
    return wcag.contrast_ratio(_rgb(first), _rgb(second))


def text_on(background: QColor) -> QColor:
    """White or ink, whichever reads better on ``background`` (a persona's badge colour)."""
    return max((_WHITE, _INK), key=lambda ink: contrast(ink, background))


def edge_for(colour: QColor, background: QColor) -> QColor:
    """An outline for a mark of ``colour`` that stands out 3:1 from ``background``: the colour
    itself when it does, else the colour taken towards black or white until it does."""
    towards = _INK if relative_luminance(background) > 0.18 else _WHITE
    for step in range(11):
        mixed = QColor.fromRgbF(*(a + (b - a) * step / 10 for a, b in zip(_rgb(colour), _rgb(towards))))
        if contrast(mixed, background) >= MARK_CONTRAST:
            return mixed
    return towards


def palette_theme() -> Theme:
    """The dark theme when the application palette is dark: the canvas matches the widgets around it."""
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return DARK if window.lightnessF() < 0.5 else LIGHT


class ThemeSwitch(QObject):
    """The theme in use, and ``changed`` with the new one when the system switches light or dark."""

    changed = Signal(object)

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.theme = palette_theme()
        # Qt announces a new colour scheme before it updates the application palette, which the
        # theme follows: look on the next turn of the event loop, once the palette is the new one.
        self._look = QTimer(self, singleShot=True, interval=0)
        self._look.timeout.connect(self.follow_palette)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._look.start)

    def follow_palette(self) -> None:
        """Take the theme the application palette asks for, announcing it if it is another one."""
        theme = palette_theme()
        if theme is not self.theme:
            self.theme = theme
            self.changed.emit(theme)


def theme_switch() -> ThemeSwitch:
    """The application's one ``ThemeSwitch``, made on first use; it lives as long as the application."""
    application = QGuiApplication.instance()
    assert application is not None, "the theme follows the application palette: make the application first"
    return application.findChild(ThemeSwitch) or ThemeSwitch(application)


def current_theme() -> Theme:
    """The theme in use: the light one until there is an application."""
    return theme_switch().theme if QGuiApplication.instance() is not None else LIGHT


@lru_cache(maxsize=64)
def canvas_font(size: float, bold: bool = False) -> QFont:
    """The font the canvas draws and measures with: layout units are pixels at 100% zoom."""
    font = QFont(QGuiApplication.font().family())
    font.setPixelSize(max(1, round(size)))
    font.setBold(bold)
    return font


@lru_cache(maxsize=64)
def _metrics(size: float, bold: bool) -> QFontMetricsF:
    return QFontMetricsF(canvas_font(size, bold))


@lru_cache(maxsize=1 << 16)
def qt_measure(text: str, size: float, bold: bool = False) -> float:
    """The layout engine's text measure, from the same font the canvas paints with. Remembered
    across relayouts (the font is, by ``canvas_font``): a big map's every edit measures its thousands
    of connector labels again."""
    return _metrics(size, bold).horizontalAdvance(text)
