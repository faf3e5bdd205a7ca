"""The palette dock: touchpoint kinds by channel, and new stages and lanes, to drag onto the map."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QDrag, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QDockWidget, QListWidget, QListWidgetItem, QWidget

from journeymapper.editor.glyphs import channel_glyph, glyph_icon
from journeymapper.editor.mime import NewLane, NewStage, NewTouchpoint, palette_mime
from journeymapper.editor.theme import Theme, theme_switch
from journeymapper.model import LaneKind

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1

CHANNELS = (
    ("Email", "email"),
    ("Web page", "web"),
    ("In-app", "in-app"),
    ("Phone call", "phone"),
    ("Video call", "video call"),
    ("In person", "in-person"),
    ("Chat", "chat"),
    ("Document", "document"),
    ("System event", "system"),
    ("Social", "social"),
    ("Advert", "ads"),
    ("Event", "event"),
)
ENTRIES: tuple[tuple[str, NewTouchpoint | NewStage | NewLane], ...] = (
    ("Touchpoint", NewTouchpoint(label="Touchpoint")),
    *((label, NewTouchpoint(channel=channel, label=label)) for label, channel in CHANNELS),
    ("Stage (column)", NewStage()),
    ("Team lane (row)", NewLane(kind=LaneKind.TEAM)),
    ("Emotions lane", NewLane(kind=LaneKind.EMOTIONS)),
    ("Backstage lane", NewLane(kind=LaneKind.BACKSTAGE)),
)


def _swatch(entry: NewTouchpoint | NewStage | NewLane, theme: Theme) -> QIcon:
    """A channel's icon, as the PDF's cards and legend print it; a small card, column or row glyph
    for the rest, so the list reads at a glance. Drawn for ordinary and high-density screens."""
    if isinstance(entry, NewTouchpoint) and entry.channel:
        return glyph_icon(channel_glyph(entry.channel), theme.header_text, scale=0.8)
    icon = QIcon()
    for ratio in (1, 2):
        pixmap = QPixmap(QSize(20 * ratio, 20 * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(theme.card_border)
        painter.setBrush(theme.card_fill)
        if isinstance(entry, NewStage):
            painter.drawRoundedRect(6, 1, 8, 18, 2, 2)
        elif isinstance(entry, NewLane):
            painter.drawRoundedRect(1, 6, 18, 8, 2, 2)
        else:
            painter.drawRoundedRect(1, 3, 18, 14, 3, 3)
            painter.fillRect(2, 6, 2, 8, QColor(theme.selection))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


class PaletteList(QListWidget):
    """Dragging an entry carries it as validated JSON in the journeymapper palette MIME type.

    The glyphs are drawn in the canvas theme, again when the system switches light or dark."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setDragDropMode(QListWidget.DragDropMode.DragOnly)
        self.setIconSize(QSize(20, 20))
        self.setSpacing(1)
        for label, entry in ENTRIES:
            item = QListWidgetItem(label)
            item.setData(ENTRY_ROLE, entry)
            item.setToolTip("Drag onto the map")
            self.addItem(item)
        switch = theme_switch()
        self.set_theme(switch.theme)
        switch.changed.connect(self.set_theme)

    def set_theme(self, theme: Theme) -> None:
        for row in range(self.count()):
            self.item(row).setIcon(_swatch(self.entry(row), theme))

    def entry(self, row: int) -> NewTouchpoint | NewStage | NewLane:
        # Every row holds one of ENTRIES under ENTRY_ROLE (see __init__).
        return cast(NewTouchpoint | NewStage | NewLane, self.item(row).data(ENTRY_ROLE))

    def startDrag(self, supported_actions: Qt.DropAction) -> None:  # noqa: N802
        item = self.currentItem()
        if item is None:
            return
        drag = QDrag(self)
        drag.setMimeData(palette_mime(item.data(ENTRY_ROLE)))
        drag.setPixmap(item.icon().pixmap(20, 20))
        drag.exec(Qt.DropAction.CopyAction)


class PaletteDock(QDockWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__("Palette", parent)
        self.setObjectName("palette")
        self.list = PaletteList(self)
        self.setWidget(self.list)
