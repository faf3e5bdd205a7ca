"""The start page: a new map from each template, open a file, or pick a recent one.

Each template shows a small picture of the map it makes, drawn from its layout (``compute_layout``,
as the canvas draws): its columns, its lanes in their colours. The tiles flow into as many columns
as the width allows, so the page never needs a horizontal scroll bar, down to half a laptop screen.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFont, QIcon, QPainter, QPaintEvent, QPalette, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyleOptionToolButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journeymapper.app_icon import ICON_FILE
from journeymapper.editor.items import qrect
from journeymapper.editor.theme import Theme, current_theme, qt_measure, theme_switch
from journeymapper.layout import DEFAULT_STYLE, MapLayout, compute_layout
from journeymapper.model import JourneyDocument, LaneKind
from journeymapper.model.templates import TEMPLATES, Template, new_from_template

PATH_ROLE = Qt.ItemDataRole.UserRole + 1
ICON_SIZE = QSize(40, 40)
TILE_WIDTH, TILE_MIN_WIDTH = 232, 120
THUMBNAIL_SHARE = 0.42  # the picture's height, as a share of the tile's width
SPACING = 12


@cache
def template_layout(name: str) -> tuple[JourneyDocument, MapLayout]:
    """The map a template makes, and its layout: what the template's picture shows."""
    document = new_from_template(name)
    return document, compute_layout(document, DEFAULT_STYLE, qt_measure)


def paint_thumbnail(
    painter: QPainter, document: JourneyDocument, layout: MapLayout, area: QRectF, theme: Theme
) -> None:
    """A map drawn small into ``area`` from its layout: stage headers, lanes tinted in their colours
    with their headers, the grid, and the cards as blocks; no text, which would not read."""
    bounds = qrect(layout.bounds)
    scale = min(area.width() / bounds.width(), area.height() / bounds.height())
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(
        area.center().x() - bounds.width() * scale / 2,
        area.center().y() - bounds.height() * scale / 2,
    )
    painter.scale(scale, scale)
    painter.fillRect(bounds, theme.background)
    left, right = layout.stage_edges[0], layout.stage_edges[-1]
    for lane in document.lanes.values():
        row = qrect(layout.rows[lane.id])
        painter.fillRect(QRectF(left, row.top(), right - left, row.height()), theme.tint(lane.colour, 0.14))
        band = qrect(layout.lane_headers[lane.id].rect).adjusted(4, 4, -4, -4)
        painter.fillRect(band, theme.tint(lane.colour, 0.45))
        painter.fillRect(QRectF(band.left(), band.top(), 14, band.height()), theme.tint(lane.colour, 1))
        if lane.kind == LaneKind.EMOTIONS:  # the emotion curve's zero line
            painter.setPen(QPen(theme.grid_line, 2 / scale, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(left, row.center().y()), QPointF(right, row.center().y()))
    for header in layout.stage_headers.values():
        painter.fillRect(qrect(header.rect).adjusted(2, 2, -2, -2), theme.tint(None, 0.35))
    painter.setPen(QPen(theme.grid_line, 1 / scale))
    for x in layout.stage_edges:
        painter.drawLine(QPointF(x, layout.lane_edges[0]), QPointF(x, layout.lane_edges[-1]))
    for y in layout.lane_edges:
        painter.drawLine(QPointF(left, y), QPointF(right, y))
    for card in layout.cards.values():
        painter.fillRect(qrect(card.rect), theme.card_fill)
    painter.restore()


class TemplateTile(QToolButton):
    """A template: its picture, its name, and how many stages and lanes it sets up. It narrows with
    the page, down to ``TILE_MIN_WIDTH``, the picture with it."""

    def __init__(self, template: Template, parent: QWidget | None = None):
        super().__init__(parent)
        self.template = template
        self.setObjectName(f"template-{template.name}")
        self.setText(template.label)
        self.details = f"{len(template.stages)} stages · {len(template.lanes)} lanes"
        self.setToolTip(template.description)
        self.setAccessibleDescription(f"{self.details}. {template.description}")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAutoRaise(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def _text_height(self) -> int:
        return 2 * self.fontMetrics().height() + 6

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(TILE_WIDTH, self.heightForWidth(TILE_WIDTH))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(TILE_MIN_WIDTH, self.heightForWidth(TILE_MIN_WIDTH))

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return round(width * THUMBNAIL_SHARE) + self._text_height() + 20

    def thumbnail_area(self) -> QRectF:
        # The tile's height is fixed by its preferred width while its width grows with the page:
        # the picture takes the height left above the text (drawn to fit), not a share of the
        # width, which would push the name and details out of the tile.
        return QRectF(8, 8, self.width() - 16, self.height() - self._text_height() - 20)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        option = QStyleOptionToolButton()
        self.initStyleOption(option)
        option.text, option.icon = "", QIcon()
        self.style().drawComplexControl(QStyle.ComplexControl.CC_ToolButton, option, painter, self)
        palette = self.palette()
        frame = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        focused = self.hasFocus() or self.underMouse()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight if focused else QPalette.ColorRole.Mid), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(frame, 6, 6)
        area = self.thumbnail_area()
        document, layout = template_layout(self.template.name)
        paint_thumbnail(painter, document, layout, area, current_theme())
        metrics = self.fontMetrics()
        top = area.bottom() + 6
        width = int(area.width())
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setPen(palette.color(QPalette.ColorRole.ButtonText))
        painter.setFont(bold)
        name = painter.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, width)
        painter.drawText(QRectF(area.left(), top, width, metrics.height()), Qt.AlignmentFlag.AlignLeft, name)
        painter.setFont(self.font())
        painter.setPen(palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText))
        details = metrics.elidedText(self.details, Qt.TextElideMode.ElideRight, width)
        painter.drawText(
            QRectF(area.left(), top + metrics.height() + 2, width, metrics.height()),
            Qt.AlignmentFlag.AlignLeft,
            details,
        )
        painter.end()


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
        heading.setWordWrap(True)
        self.tiles = [TemplateTile(template) for template in TEMPLATES.values()]
        for tile in self.tiles:
            tile.clicked.connect(lambda _=False, name=tile.template.name: self.new_requested.emit(name))
        self.templates = QGridLayout()
        self.templates.setSpacing(SPACING)
        self._columns = 0
        open_button = QPushButton("Open a map…")
        open_button.setObjectName("openMap")
        open_button.setToolTip("Open a journey map, or a Mermaid journey (.mmd, or the first one in a Markdown file)")
        open_button.clicked.connect(self.open_requested)
        self.recent = QListWidget()
        self.recent.setObjectName("recentFiles")
        self.recent.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.recent.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.recent.itemActivated.connect(lambda item: self.recent_requested.emit(item.data(PATH_ROLE)))
        title = QHBoxLayout()
        title.setSpacing(12)
        self.app_icon = self._app_icon()
        title.addWidget(self.app_icon)
        title.addWidget(heading, 1)
        intro = QLabel("Each template sets up the stages and lanes of its kind of journey.")
        intro.setWordWrap(True)
        column = QVBoxLayout()
        column.addLayout(title)
        column.addWidget(intro)
        column.addSpacing(8)
        column.addLayout(self.templates)
        column.addSpacing(16)
        self.recent_row = row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        row.addWidget(QLabel("<b>Recent maps</b>"))
        row.addStretch()
        row.addWidget(open_button)
        column.addLayout(row)
        column.addWidget(self.recent, 1)
        content = QWidget()
        self.outer = QHBoxLayout(content)
        self.outer.addStretch(1)
        self.outer.addLayout(column, 6)
        self.outer.addStretch(1)
        self.outer.setContentsMargins(32, 32, 32, 32)
        self.outer.setSpacing(0)
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._arrange(3)
        theme_switch().changed.connect(self._restyle)

    def _restyle(self, theme: Theme) -> None:
        """Draw the pictures again in the new theme (the system switched light or dark)."""
        for tile in self.tiles:
            tile.update()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """Flow the templates into as many columns as fit (at most three), and narrow the margins
        on a narrow window, so that the page never scrolls sideways."""
        width = event.size().width()
        narrow = width < 2 * TILE_MIN_WIDTH + 96
        margin = 8 if narrow else 32
        self.outer.setContentsMargins(margin, margin, margin, margin)
        self.app_icon.setVisible(not narrow)  # a narrow page keeps its room for the title
        self.recent_row.setDirection(QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight)
        room = width - 2 * margin - self.verticalScrollBar().sizeHint().width()
        self._arrange(max(1, min(3, (room + SPACING) // (TILE_WIDTH + SPACING))))
        super().resizeEvent(event)

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for tile in self.tiles:
            self.templates.removeWidget(tile)
        for number, tile in enumerate(self.tiles):
            self.templates.addWidget(tile, number // columns, number % columns)
        for column in range(3):
            self.templates.setColumnStretch(column, 1 if column < columns else 0)

    def _app_icon(self) -> QLabel:
        label = QLabel()
        label.setObjectName("appIcon")
        # Drawn for the screen's pixel ratio, so that the SVG stays sharp on a high-density screen.
        label.setPixmap(QIcon(str(ICON_FILE)).pixmap(ICON_SIZE, self.devicePixelRatioF()))
        label.setFixedSize(ICON_SIZE)
        return label

    def set_recent(self, paths: list[Path]) -> None:
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(f"{path.name}    {path.parent}")
            item.setData(PATH_ROLE, path)
            item.setToolTip(str(path))
            self.recent.addItem(item)
