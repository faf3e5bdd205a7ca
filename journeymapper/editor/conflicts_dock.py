"""The Conflicts dock: the merge conflicts recorded in the open map, each to settle by keeping our
side or taking theirs, one undo step each.

A map that ``journeymapper merge`` (or git, through its merge driver) left with conflicts holds
OURS' values and records THEIRS' (``schema.Conflict``). The dock lists them in the map's words,
shows both values of the chosen one with a button for each side, and marks what each is about on
the canvas with an amber warning sign (``editor.marks``). Clicking a conflict selects and centres
its card, header or connection. The window shows the dock when a map with conflicts opens (only
then is its body built), and the status bar counts the conflicts left until none are.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsView,
    QGridLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QTreeWidgetItem,
)

from journeymapper.editor.canvas_focus import Target, focus, target_of
from journeymapper.editor.commands import ResolveConflict
from journeymapper.editor.conflict_text import conflict_text, count_text
from journeymapper.editor.dock_lists import DETAIL, ListBody
from journeymapper.editor.inspector.style import palette
from journeymapper.editor.marks import Mark, marks_for, paint_conflict_sign
from journeymapper.editor.scene import MapScene
from journeymapper.editor.theme import current_theme
from journeymapper.model import Change
from journeymapper.model.conflicts import Side
from journeymapper.model.schema import Conflict

CONFLICT_ID = Qt.ItemDataRole.UserRole
SOURCE = "conflicts"
"""The conflicts' name among the sources of marks (``CanvasMarks``)."""


def sign_icon(size: int = 16) -> QIcon:
    """The canvas's warning sign, for the status bar."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint_conflict_sign(painter, QRectF(0.5, 1.5, size - 1.0, size - 2.0), current_theme())
    painter.end()
    return QIcon(pixmap)


class ConflictsList(ListBody):
    """The Conflicts dock's body, and the count of conflicts left in the status bar (``indicator``,
    which the window places there)."""

    def __init__(self, view: QGraphicsView):
        super().__init__("conflicts", view)
        self.refreshes = 0
        self._refresh = QTimer(self, singleShot=True, interval=0)
        self._refresh.timeout.connect(self.refresh)

        self.tree.setRootIsDecorated(False)
        self.tree.currentItemChanged.connect(self._show_choice)
        self.tree.itemClicked.connect(self._chosen)
        self.tree.itemActivated.connect(self._chosen)
        self.column.addWidget(self._choice_panel())

        self.indicator = QToolButton()
        self.indicator.setObjectName("conflictCount")
        self.indicator.setAutoRaise(True)
        self.indicator.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.indicator.setToolTip("Show the conflicts a merge left in the map")
        self.indicator.hide()
        self.restyle()
        self.refresh()

    def _choice_panel(self) -> QFrame:
        """The chosen conflict: what it is, and each side's value with the button that takes it."""
        self.choice = QFrame()
        self.choice.setObjectName("conflictChoice")
        grid = QGridLayout(self.choice)
        grid.setContentsMargins(0, 4, 0, 0)
        grid.setHorizontalSpacing(8)
        self.explanation = _plain_label("conflictText")
        grid.addWidget(self.explanation, 0, 0, 1, 2)
        self.ours_value, self.theirs_value = _plain_label("oursValue"), _plain_label("theirsValue")
        self.keep_ours, self.take_theirs = QPushButton("Keep ours"), QPushButton("Take theirs")
        self.keep_ours.clicked.connect(lambda: self.resolve("ours"))
        self.take_theirs.clicked.connect(lambda: self.resolve("theirs"))
        captions = [QLabel("Ours · in the map now"), QLabel("Theirs · from the other side")]
        for row, (caption, value, button) in enumerate(
            zip(captions, (self.ours_value, self.theirs_value), (self.keep_ours, self.take_theirs))
        ):
            caption.setObjectName("caption")
            grid.addWidget(caption, 1 + 2 * row, 0, 1, 2)
            grid.addWidget(value, 2 + 2 * row, 0)
            grid.addWidget(button, 2 + 2 * row, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 1)
        return self.choice

    def restyle(self) -> None:
        """Colours for the theme in use, again after the system switched light or dark."""
        super().restyle()
        colours = palette()
        self.choice.setStyleSheet(
            f"QFrame#conflictChoice {{ border-top: 1px solid {colours.separator}; }}"
            f" QLabel {{ color: {colours.text}; }} QLabel#caption {{ color: {colours.muted}; font-weight: 600; }}"
        )
        self.indicator.setIcon(sign_icon())
        self.tree.viewport().update()

    # -- following the map --------------------------------------------------------------------

    def set_scene(self, scene: MapScene | None) -> None:
        """Follow another map's conflicts."""
        self.follow(scene, self._on_change)
        self.refresh()

    def _on_change(self, change: Change) -> None:
        # Any change, not only a conflict's: a conflict names its card by the card's title.
        self._refresh.start()

    def conflicts(self) -> list[Conflict]:
        return list(self.scene.document.conflicts.values()) if self.scene is not None else []

    def refresh(self) -> None:
        """List the conflicts anew, keeping the chosen one (or the one now in its row) chosen."""
        self._refresh.stop()
        self.refreshes += 1
        current = self.tree.currentItem()
        chosen = self.current_id()
        row = self.tree.indexOfTopLevelItem(current) if current is not None else 0
        self.tree.clear()
        conflicts = self.conflicts()
        marks: dict[Target, list[Mark]] = {}
        for conflict in conflicts:
            assert self.scene is not None  # there are conflicts only in an open map
            text = conflict_text(self.scene.document, conflict)
            item = QTreeWidgetItem([text.title])
            item.setData(0, CONFLICT_ID, conflict.id)
            item.setData(0, DETAIL, f"ours {text.ours} · theirs {text.theirs}")
            item.setToolTip(0, conflict.text)
            self.tree.addTopLevelItem(item)
            if (target := target_of(conflict.entity, conflict.entity_id)) is not None:
                marks.setdefault(target, []).append(Mark("conflict", conflict.text))
        ids = [conflict.id for conflict in conflicts]
        if ids:  # the chosen conflict again, or the next one where it was
            self.tree.setCurrentIndex(
                self.tree.model().index(ids.index(chosen) if chosen in ids else min(row, len(ids) - 1), 0)
            )
        self._summarise(len(ids))
        self._show_choice()
        if self.scene is not None:
            marks_for(self.scene).set_marks(SOURCE, marks)

    def _summarise(self, count: int) -> None:
        if self.scene is None:
            self.summary.setText("Open a map to see the conflicts a merge left in it.")
        elif count:
            self.summary.setText(
                f"<b>{count_text(count)}</b> from a merge. The map holds our side of each: keep it, "
                "or take theirs. Each choice is one undo step."
            )
        else:
            self.summary.setText(
                "<b>No unresolved conflicts.</b> After a merge, save the map, then <code>git add</code> it."
            )
        self.indicator.setText(count_text(count))
        self.indicator.setVisible(self.scene is not None and count > 0)

    # -- choosing a conflict and a side -------------------------------------------------------

    def current_id(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, CONFLICT_ID) if item is not None else None

    def _current(self) -> Conflict | None:
        chosen = self.current_id()
        if self.scene is None or chosen is None or chosen not in self.scene.document.conflicts:
            return None
        return self.scene.document.conflicts[chosen]

    def _show_choice(self) -> None:
        conflict = self._current()
        self.choice.setVisible(conflict is not None)
        if conflict is None or self.scene is None:
            return
        text = conflict_text(self.scene.document, conflict)
        self.explanation.setText(conflict.text)
        self.ours_value.setText(text.ours)
        self.theirs_value.setText(text.theirs)
        self.keep_ours.setToolTip(f"{text.step('ours')}: one undo step")
        self.take_theirs.setToolTip(f"{text.step('theirs')}: one undo step")

    def _chosen(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        """Select and centre what the conflict is about (nothing, for the map or a persona: the
        Inspector then shows the map and its personas)."""
        conflict = self._current()
        if conflict is None or self.scene is None:
            return
        target = target_of(conflict.entity, conflict.entity_id)
        if target is None or not focus(self.view, self.scene, target):
            self.scene.clearSelection()

    def resolve(self, side: Side) -> bool:
        """Settle the chosen conflict with ``side``, as one undo step; False if the map refused
        (the scene reports why) or none is chosen."""
        conflict = self._current()
        if conflict is None or self.scene is None:
            return False
        text = conflict_text(self.scene.document, conflict).step(side)
        done = self.scene.push(ResolveConflict(self.scene.document, conflict.id, side, text))
        self.refresh()
        return done


def _plain_label(name: str) -> QLabel:
    """A label for text from the map: never read as markup, wrapped, and selectable to copy."""
    label = QLabel()
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
