"""What the docks that list things beside the canvas share (Insights, Conflicts, Changes): a body
(``ListBody``, which a ``DeferredDock`` builds when it is first shown) with a summary over a list
whose rows have a line and, below it, a quieter second line; colours that follow the system's
light or dark scheme."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGraphicsView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from journeymapper.editor.inspector.style import palette
from journeymapper.editor.scene import MapScene
from journeymapper.editor.theme import theme_switch
from journeymapper.model import Change

DETAIL = Qt.ItemDataRole.UserRole + 2
"""Where a row keeps its second line."""


class TwoLineDelegate(QStyledItemDelegate):
    """Draws a row in two lines: its text, and below it, quieter (in ``muted``), its ``DETAIL``."""

    muted = QColor()

    def _detail(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return index.data(DETAIL) or "" if index.column() == 0 else ""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        if self._detail(index):
            size.setHeight(size.height() + option.fontMetrics.height())
        return size

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        detail = self._detail(index)
        if not detail:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget else QApplication.style()
        text = option.text
        option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, widget).adjusted(3, 1, -3, -1)
        metrics, line = option.fontMetrics, option.fontMetrics.height()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Normal
        painter.setFont(option.font)
        painter.setPen(
            option.palette.color(group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        )
        top = QRectF(area.x(), area.y(), area.width(), line)
        painter.drawText(
            top,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(text, Qt.TextElideMode.ElideRight, area.width()),
        )
        painter.setPen(option.palette.color(group, QPalette.ColorRole.HighlightedText) if selected else self.muted)
        bottom = QRectF(area.x(), area.y() + line, area.width(), line)
        painter.drawText(
            bottom,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(detail, Qt.TextElideMode.ElideRight, area.width()),
        )


class ListBody(QWidget):
    """A ``summary`` over a ``tree`` of two-line rows, in ``column``, whose rows point at things in
    ``view``: the body of a listing dock. It restyles itself when the system switches light or dark
    (subclasses extend ``restyle``)."""

    def __init__(self, name: str, view: QGraphicsView):
        super().__init__()
        self.setObjectName(f"{name}Body")
        self.view = view
        self.scene: MapScene | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(6, 6, 6, 6)
        self.column.setSpacing(6)
        self.summary = QLabel()
        self.summary.setObjectName(f"{name}Summary")
        self.summary.setWordWrap(True)
        self.column.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setObjectName(f"{name}Tree")
        self.tree.setHeaderHidden(True)
        self._delegate = TwoLineDelegate(self.tree)
        self.tree.setItemDelegate(self._delegate)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.column.addWidget(self.tree, 1)
        theme_switch().changed.connect(self.restyle)

    def follow(self, scene: MapScene | None, listener: Callable[[Change], None]) -> None:
        """Hear every change to ``scene``'s map through ``listener``, and none to the map before."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self.scene = scene
        if scene is not None:
            self._unsubscribe = scene.document.subscribe(listener)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(340, 600)

    def restyle(self) -> None:
        """Colours for the theme in use."""
        colours = palette()
        self._delegate.muted = QColor(colours.muted)
        self.summary.setStyleSheet(f"color: {colours.text}; padding: 2px 2px;")
