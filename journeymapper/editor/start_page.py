"""The start page: a new map from each template, open a file, or pick a recent one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journeymapper.app_icon import ICON_FILE
from journeymapper.model.templates import TEMPLATES, Template

PATH_ROLE = Qt.ItemDataRole.UserRole + 1
ICON_SIZE = QSize(40, 40)


class StartPage(QScrollArea):
    """Scrolls rather than holding the window wide: the window must fit half a laptop screen."""

    new_requested = Signal(str)
    """A template name."""
    open_requested = Signal()
    recent_requested = Signal(Path)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        heading = QLabel("Start a journey map")
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        templates = QGridLayout()
        templates.setSpacing(12)
        for number, template in enumerate(TEMPLATES.values()):
            templates.addWidget(self._template_button(template), number // 3, number % 3)
        open_button = QPushButton("Open a map or a Mermaid journey…")
        open_button.clicked.connect(self.open_requested)
        self.recent = QListWidget()
        self.recent.setObjectName("recentFiles")
        self.recent.itemActivated.connect(lambda item: self.recent_requested.emit(item.data(PATH_ROLE)))
        title = QHBoxLayout()
        title.setSpacing(12)
        title.addWidget(self._app_icon())
        title.addWidget(heading)
        title.addStretch()
        column = QVBoxLayout()
        column.addLayout(title)
        column.addWidget(QLabel("Each template sets up the stages and lanes of its kind of journey."))
        column.addSpacing(8)
        column.addLayout(templates)
        column.addSpacing(16)
        row = QHBoxLayout()
        row.addWidget(QLabel("<b>Recent maps</b>"))
        row.addStretch()
        row.addWidget(open_button)
        column.addLayout(row)
        column.addWidget(self.recent, 1)
        content = QWidget()
        outer = QHBoxLayout(content)
        outer.addStretch(1)
        outer.addLayout(column, 4)
        outer.addStretch(1)
        outer.setContentsMargins(32, 32, 32, 32)
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)

    def _app_icon(self) -> QLabel:
        label = QLabel()
        label.setObjectName("appIcon")
        # Drawn for the screen's pixel ratio, so that the SVG stays sharp on a high-density screen.
        label.setPixmap(QIcon(str(ICON_FILE)).pixmap(ICON_SIZE, self.devicePixelRatioF()))
        label.setFixedSize(ICON_SIZE)
        return label

    def _template_button(self, template: Template) -> QToolButton:
        button = QToolButton()
        button.setObjectName(f"template-{template.name}")
        button.setText(f"{template.label}\n{len(template.stages)} stages · {len(template.lanes)} lanes")
        button.setToolTip(template.description)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setMinimumSize(210, 64)
        button.clicked.connect(lambda: self.new_requested.emit(template.name))
        return button

    def set_recent(self, paths: list[Path]) -> None:
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(f"{path.name}    {path.parent}")
            item.setData(PATH_ROLE, path)
            item.setToolTip(str(path))
            self.recent.addItem(item)
