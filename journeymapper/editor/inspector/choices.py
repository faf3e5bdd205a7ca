"""Choice editors: a segmented row of toggle buttons (emotion, connection kind) and colour swatches."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QButtonGroup,
    QColorDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journeymapper.editor.inspector.fields import MIXED, Editor
from journeymapper.editor.inspector.style import palette
from journeymapper.palette import EMOTION_COLOURS

EMOTION_LABELS = {-2: "Very negative", -1: "Negative", 0: "Neutral", 1: "Positive", 2: "Very positive"}


def signed(score: int) -> str:
    """A score as a designer would write it: +1, 0, −2 (with a real minus sign)."""
    return f"{score:+d}".replace("-", "\u2212") if score else "0"


class SegmentedField(QWidget, Editor):
    """A row of joined toggle buttons, one per value; clicking one commits it.

    The loaded value may be ``MIXED`` (a bulk selection that disagrees): then no button is down.
    """

    def __init__(self, options: Sequence[tuple[Any, str, str, str | None]], parent: QWidget | None = None):
        """``options``: (value, button text, tooltip, accent colour or None for the default)."""
        super().__init__(parent)
        self._loaded = MIXED
        self.group = QButtonGroup(self)
        self.buttons: dict[Any, QToolButton] = {}
        self._accents = [accent for *_, accent in options]
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        font = QFont(self.font())
        font.setPixelSize(12)  # the segments' style sheet size
        metrics = QFontMetrics(font)
        for value, text, tooltip, _accent in options:
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tooltip)
            button.setCheckable(True)
            button.setAutoRaise(False)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setMinimumHeight(26)
            # Equal widths that may shrink below the text's natural width: the dock can be narrow.
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.setMinimumWidth(max(24, metrics.horizontalAdvance(text) + 10))
            button.clicked.connect(lambda _checked=False, chosen=value: self._choose(chosen))
            self.group.addButton(button)
            self.buttons[value] = button
            row.addWidget(button, 1)
        self.restyle()

    def restyle(self) -> None:
        """Style the joined segments in the inspector palette in use."""
        colours, last = palette(), len(self._accents) - 1
        for number, (button, accent) in enumerate(zip(self.buttons.values(), self._accents)):
            button.setStyleSheet(colours.segment_style(accent, first=number == 0, last=number == last))

    def value(self) -> Any:
        for value, button in self.buttons.items():
            if button.isChecked():
                return value
        return MIXED

    def editing(self) -> bool:
        return False

    def _choose(self, value: Any) -> None:
        self.write(value)
        self.finish()
        self.write(self._loaded)  # the model's value: the new one, or the old one if refused

    def write(self, value: Any) -> None:
        self.group.setExclusive(False)
        for option, button in self.buttons.items():
            button.setChecked(value is not MIXED and option == value)
        self.group.setExclusive(True)
        self.changed(value)

    def changed(self, value: Any) -> None:
        """Called whenever the shown value changes (subclasses update a caption)."""


class ColourField(QWidget, Editor):
    """Preset swatches, "no colour" and a custom colour from the colour dialog; a click commits.

    The swatches sit in a compact grid (the dock is narrow); the chosen colour is named underneath.
    """

    COLUMNS = 5

    def __init__(self, presets: Sequence[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self._loaded = None
        self._current: str | None = None
        self._names = {colour: name for colour, name in presets}
        self.swatches: dict[str | None, QToolButton] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 2, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(6)
        for number, (colour, name) in enumerate([(None, "No colour"), *presets]):
            swatch = self._swatch(name)
            swatch.clicked.connect(lambda _checked=False, chosen=colour: self._choose(chosen))
            self.swatches[colour] = swatch
            grid.addWidget(swatch, *divmod(number, self.COLUMNS))
        self.custom = self._swatch("Custom colour…")
        self.custom.clicked.connect(self._pick)
        grid.addWidget(self.custom, *divmod(len(self.swatches), self.COLUMNS))
        grid.setColumnStretch(self.COLUMNS, 1)
        self.name = QLabel(self)
        self.name.setObjectName("hint")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addLayout(grid)
        column.addWidget(self.name)
        self.restyle()

    def _swatch(self, tooltip: str) -> QToolButton:
        swatch = QToolButton(self)
        swatch.setToolTip(tooltip)
        swatch.setFixedSize(QSize(20, 20))
        swatch.setCheckable(True)
        swatch.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        swatch.setCursor(Qt.CursorShape.PointingHandCursor)
        return swatch

    def value(self) -> Any:
        return self._current

    def write(self, value: Any) -> None:
        self._current = value
        self.restyle()  # the chosen swatch is marked by its style

    def editing(self) -> bool:
        return False

    def _choose(self, colour: str | None) -> None:
        self.write(colour)
        self.finish()
        self.write(self._loaded)

    def _pick(self) -> None:
        self.write(self._loaded)  # the click toggled the button; the dialog decides
        start = QColor(self._current or "#4477aa")
        colour = QColorDialog.getColor(start, self, "Lane colour")
        if colour.isValid():
            self._choose(colour.name())

    def restyle(self) -> None:
        """Style the swatches, the chosen one ringed, in the inspector palette in use."""
        colours = palette()
        current = self._current.lower() if self._current else None
        for colour, swatch in self.swatches.items():
            chosen = colour == current
            swatch.setChecked(chosen)
            swatch.setStyleSheet(colours.swatch_style(colour, chosen))
        custom = current is not None and current not in self.swatches
        self.custom.setChecked(custom)
        self.custom.setStyleSheet(colours.swatch_style(current if custom else "custom", custom))
        if current is None:
            self.name.setText("No colour: a neutral grey")
        else:
            self.name.setText(f"{self._names.get(current, 'Custom')}  ·  {current.upper()}")


class EmotionField(QWidget):
    """Not rated, or -2 … +2 as a segmented row, with the chosen value in words underneath."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        options: list[tuple[int | None, str, str, str | None]] = [(None, "None", "Not rated", None)]
        options += [
            (score, signed(score), f"{EMOTION_LABELS[score]} ({signed(score)})", EMOTION_COLOURS[score])
            for score in range(-2, 3)
        ]
        self.segments = _CaptionedSegments(options, self)
        self.note = QLabel(self)
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.segments.note = self.note
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        column.addWidget(self.segments)
        column.addWidget(self.note)
        self.segments.changed(MIXED)


class _CaptionedSegments(SegmentedField):
    note: QLabel | None = None

    def changed(self, value: Any) -> None:
        if self.note is None:
            return
        if value is MIXED:
            self.note.setText("Mixed: the selected cards differ")
            self.note.setStyleSheet("")
        elif value is None:
            self.note.setText("Not rated")
            self.note.setStyleSheet("")
        else:
            self.note.setText(f"{EMOTION_LABELS[value]}  ({signed(value)})")
            self.note.setStyleSheet(f"color: {EMOTION_COLOURS[value]}; font-weight: 600;")
