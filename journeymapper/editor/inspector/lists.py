"""Editors for collections: a checkable persona list and a metrics table."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QRectF, QSignalBlocker, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journeymapper.editor.inspector.fields import Editor
from journeymapper.model import Metric, Persona
from journeymapper.model.kinds import MetricPreset
from journeymapper.palette import persona_colour

CheckStates = dict[str, Qt.CheckState]


def persona_badges(personas: Sequence[Persona]) -> dict[str, QIcon]:
    """The persona badges of the canvas (initials on the persona's colour), as list icons."""
    icons = {}
    for number, persona in enumerate(personas):
        initials = "".join(word[0] for word in persona.name.split()[:2]).upper() or "?"
        icons[persona.id] = badge_icon(initials, persona_colour(number))
    return icons


def badge_icon(initials: str, colour: str, size: int = 18) -> QIcon:
    ratio = 2
    pixmap = QPixmap(size * ratio, size * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1))
    font = QFont()
    font.setPixelSize(int(size * 0.42))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, initials)
    painter.end()
    return QIcon(pixmap)


class PersonaChecklist(QListWidget, Editor):
    """The map's personas with a check box each; its value maps persona ids to check states.

    A click commits at once. In a bulk selection a persona some of the cards carry shows a
    partial check; clicking it tags all of them.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._loaded: CheckStates = {}
        self._shown: list[tuple[str, str, str]] = []
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSpacing(1)
        self.itemChanged.connect(lambda _item: self.finish())

    def set_personas(self, personas: Sequence[Persona]) -> None:
        shown = [(persona.id, persona.name, persona.role) for persona in personas]
        if shown == self._shown:
            return
        self._shown = shown
        icons = persona_badges(personas)
        with QSignalBlocker(self):
            self.clear()
            for persona in personas:
                item = QListWidgetItem(icons[persona.id], persona.name or "Unnamed persona")
                item.setData(Qt.ItemDataRole.UserRole, persona.id)
                item.setToolTip(persona.role)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.addItem(item)
        rows = self.count()
        row_height = self.sizeHintForRow(0) + 2 * self.spacing() if rows else 0
        self.setFixedHeight(rows * row_height + 2 * self.frameWidth() + 2)
        self._loaded = {}

    def value(self) -> Any:
        items = (self.item(row) for row in range(self.count()))
        return {item.data(Qt.ItemDataRole.UserRole): item.checkState() for item in items}

    def write(self, value: Any) -> None:
        for row in range(self.count()):
            item = self.item(row)
            item.setCheckState(value.get(item.data(Qt.ItemDataRole.UserRole), Qt.CheckState.Unchecked))

    def editing(self) -> bool:
        return False

    def finish(self) -> None:
        super().finish()
        if self.dirty():  # refused: show the model's state again, keeping the message
            with QSignalBlocker(self):
                self.write(self._loaded)

    def item_for(self, persona_id: str) -> QListWidgetItem:
        for row in range(self.count()):
            if self.item(row).data(Qt.ItemDataRole.UserRole) == persona_id:
                return self.item(row)
        raise KeyError(persona_id)


Row = tuple[str, str, str]


def metric_rows(metrics: Mapping[str, Metric]) -> tuple[Row, ...]:
    return tuple((name, str(metric.value), metric.unit) for name, metric in metrics.items())


def parse_number(text: str) -> int | float | None:
    """A number as typed: whole numbers stay whole; None if it is not a number."""
    text = text.strip().replace("\u202f", "").replace("\u00a0", "")
    for convert in (int, float):
        try:
            return convert(text)
        except ValueError:
            continue
    return None


class MetricsEditor(QWidget, Editor):
    """Name / value / unit rows in a table, with add and remove; its value is the table's text.

    The add button adds a blank row; its menu offers the map kind's metric presets (``set_presets``),
    greyed out once the card has a metric of that name.
    """

    def __init__(
        self,
        on_add: Callable[[MetricPreset | None], None],
        on_remove: Callable[[list[str]], None],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._loaded: tuple[Row, ...] = ()
        self._presets: Sequence[MetricPreset] = ()
        self._on_add = on_add
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(["Name", "Value", "Unit"])
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, 72)
        header.resizeSection(2, 56)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setWordWrap(False)
        self.table.itemChanged.connect(lambda _item: self.finish())
        self.table.itemSelectionChanged.connect(self._enable)

        self.add_button = QToolButton(self)
        self.add_button.setText("+  Add metric")
        self.add_button.setToolTip("Add a metric to this card; the arrow offers the usual ones for this kind of map")
        self.add_button.clicked.connect(lambda: on_add(None))
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.preset_menu = QMenu(self.add_button)
        self.preset_menu.aboutToShow.connect(self._fill_presets)
        self.add_button.setMenu(self.preset_menu)
        self.remove_button = QToolButton(self)
        self.remove_button.setText("Remove")
        self.remove_button.setToolTip("Remove the selected metrics")
        self.remove_button.clicked.connect(lambda: on_remove(self.selected_names()))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(6)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        column.addWidget(self.table)
        column.addLayout(buttons)
        self._fit()

    def value(self) -> Any:
        table = self.table
        return tuple(
            tuple((item.text() if (item := table.item(row, column)) else "") for column in range(3))
            for row in range(table.rowCount())
        )

    def write(self, value: Any) -> None:
        with QSignalBlocker(self.table):
            self.table.setRowCount(len(value))
            for row, cells in enumerate(value):
                for column, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    if column == 1:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    self.table.setItem(row, column, item)
        self._fit()
        self._enable()

    def editing(self) -> bool:
        return self.table.state() == QAbstractItemView.State.EditingState

    def set_presets(self, presets: Sequence[MetricPreset]) -> None:
        self._presets = presets

    def _fill_presets(self) -> None:
        """Built when the menu opens, so that it follows the map's kind and the card's metrics."""
        self.preset_menu.clear()
        taken = {row[0] for row in self._loaded}
        for preset in self._presets:
            text = f"{preset.name} ({preset.unit})" if preset.unit else preset.name

            def add(chosen: MetricPreset = preset) -> None:
                self._on_add(chosen)

            action = self.preset_menu.addAction(text, add)
            action.setEnabled(preset.name not in taken)

    def selected_names(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        return [self._loaded[row][0] for row in rows if row < len(self._loaded)]

    def edit_cell(self, row: int, column: int) -> None:
        self.table.setCurrentCell(row, column)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        item = self.table.item(row, column)
        if item is not None:  # as Qt's editItem does with no item: nothing to edit
            self.table.editItem(item)

    def _fit(self) -> None:
        rows = self.table.rowCount()
        self.table.setVisible(rows > 0)
        header = self.table.horizontalHeader().sizeHint().height()
        height = header + rows * self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(height + 2 * self.table.frameWidth())

    def _enable(self) -> None:
        self.remove_button.setEnabled(bool(self.table.selectedIndexes()))
