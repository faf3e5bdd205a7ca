"""The Changes dock: while the open map is compared with another file (File → Compare With…), the
changes from that file to the map, in map order, with a key to the colours of their marks.

Clicking a change selects and centres its card, header or connection; a removed card is not on the
canvas, so clicking it outlines the cell it was in. "Stop comparing" (here, in the File menu, or
closing the dock) clears the marks. Collapsing the dock to its icon keeps the comparison.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QGraphicsView,
    QLabel,
    QPushButton,
    QTreeWidgetItem,
)

from journeymapper.editor.canvas_focus import centre_area, focus
from journeymapper.editor.compare import CATEGORIES, Category, Comparison, headline
from journeymapper.editor.dock_lists import DETAIL, ListBody
from journeymapper.editor.marks import mark_colour
from journeymapper.editor.scene import MapScene
from journeymapper.editor.theme import current_theme
from journeymapper.model import JourneyDocument
from journeymapper.model.diff import MapChange

CHANGE = Qt.ItemDataRole.UserRole
"""Where a row keeps its ``MapChange``."""
LEGEND: tuple[tuple[Category, str], ...] = (
    ("added", "added"),
    ("changed", "changed"),
    ("moved", "moved"),
    ("removed", "removed (listed only)"),
)


def swatch(colour: QColor, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(colour)
    return QIcon(pixmap)


class ChangesList(ListBody):
    """The Changes dock's body: ``started`` when a comparison starts, ``stopped`` when it ends."""

    started = Signal()
    stopped = Signal()

    def __init__(self, view: QGraphicsView):
        super().__init__("changes", view)
        self.comparison: Comparison | None = None

        self.legend = QLabel()
        self.legend.setObjectName("changesLegend")
        self.legend.setWordWrap(True)
        self.column.insertWidget(1, self.legend)  # under the summary, over the list
        self.tree.setRootIsDecorated(False)
        self.tree.itemClicked.connect(self._chosen)
        self.tree.itemActivated.connect(self._chosen)
        stop = QPushButton("Stop comparing")
        stop.setObjectName("stopComparing")
        stop.clicked.connect(self.stop)
        self.column.addWidget(stop, 0, Qt.AlignmentFlag.AlignRight)
        self.restyle()

    def restyle(self) -> None:
        """Colours for the theme in use, again after the system switched light or dark."""
        super().restyle()
        self.legend.setStyleSheet(self.summary.styleSheet())
        self._rebuild()  # the rows' swatches and the key carry the theme's colours

    # -- comparing ----------------------------------------------------------------------------

    def compare(self, scene: MapScene, old: JourneyDocument, path: Path) -> Comparison:
        """Compare ``scene``'s map with ``old`` (read from ``path``), and show the changes."""
        self.stop()
        self.comparison = Comparison(scene, old, path)
        self.comparison.changed.connect(self._rebuild)
        self._rebuild()
        self.started.emit()
        return self.comparison

    def stop(self) -> None:
        """Clear the marks and the list."""
        comparison, self.comparison = self.comparison, None
        if comparison is not None:
            comparison.stop()
            comparison.deleteLater()
        self.tree.clear()
        self.stopped.emit()

    def set_scene(self, scene: MapScene | None) -> None:
        """Another map is shown: a comparison belongs to the map it was started on."""
        if self.comparison is not None and self.comparison.scene is not scene:
            self.stop()

    # -- the list -----------------------------------------------------------------------------

    def _rebuild(self) -> None:
        """List the changes anew, keeping the chosen one chosen where it is still a change."""
        comparison = self.comparison
        current = self.tree.currentItem()
        chosen = _key(current.data(0, CHANGE)) if current is not None else None
        self.tree.clear()
        if comparison is None:
            self.summary.setText("")
            self.legend.setText("")
            return
        theme = current_theme()
        for change in comparison.changes:
            title, detail = headline(change, comparison.old, comparison.scene.document)
            item = QTreeWidgetItem([title])
            item.setData(0, CHANGE, change)
            item.setData(0, DETAIL, detail)
            item.setToolTip(0, "\n".join(filter(None, (change.text, comparison.note(change)))))
            kind = "conflict" if change.what == "conflict" else CATEGORIES[change.kind]
            item.setIcon(0, swatch(mark_colour(theme, kind)))
            self.tree.addTopLevelItem(item)
            if _key(change) == chosen:
                self.tree.setCurrentItem(item)
        self._summarise(comparison)

    def _summarise(self, comparison: Comparison) -> None:
        name = escape(comparison.path.name)
        if not comparison.changes:
            self.summary.setText(f"<b>No changes:</b> the open map is the same as {name}.")
        else:
            text = f"Changes from <b>{name}</b> to the open map."
            if not comparison.same_map:
                text += f" {name} holds another map ({escape(comparison.old.id)}), so most of it shows as changed."
            self.summary.setText(text)
        theme, counts = current_theme(), comparison.counts()
        self.legend.setText(
            " &nbsp; ".join(
                f'<span style="color: {mark_colour(theme, category).name()}">■</span>&nbsp;'
                + f"{counts[category]} {words}".replace(" ", "&nbsp;")
                for category, words in LEGEND
            )
        )

    def _chosen(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        change = item.data(0, CHANGE)
        comparison = self.comparison
        if comparison is None or not isinstance(change, MapChange):
            return
        scene = comparison.scene
        if change.what == "touchpoint" and change.kind == "removed":
            area = comparison.show_removed(change)
            if area is not None:
                centre_area(self.view, scene, area)
            else:
                scene.clearSelection()
            return
        comparison.show_removed(None)
        target = comparison.target(change)
        if target is None or not focus(self.view, scene, target):
            scene.clearSelection()  # the map or a persona: the Inspector shows the map's page


def _key(change: object) -> tuple[str, str, str, str] | None:
    """What a change is about, to find it again among the changes worked out after an edit."""
    if not isinstance(change, MapChange):
        return None
    return change.what, change.id, change.kind, change.field
