"""Comparing the open map with another version of it (File → Compare With…): ``model.diff`` from
that file (the old side) to the open map (the new side), marked on the canvas.

Cards, stages, lanes and connections that were added, changed or moved get a chip and a ring
(``editor.marks``); removed ones are not on the canvas, and ``show_removed`` outlines the cell a
removed card was in. A comparison is no edit: nothing goes on the undo stack. It follows the map:
every edit schedules one new diff on the next turn of the event loop, so that the marks and the
list always say what differs from the other file now (an edit that undoes a change removes it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QObject, QRectF, QTimer, Signal

from journeymapper.editor.canvas_focus import Target, target_of
from journeymapper.editor.items import qrect
from journeymapper.editor.marks import GhostItem, Mark, MarkKind, marks_for
from journeymapper.editor.scene import MapScene
from journeymapper.model import Change, JourneyDocument
from journeymapper.model.conflicts import find_item
from journeymapper.model.diff import TITLES, ChangeKind, MapChange, diff
from journeymapper.model.schema import Connection, Lane, Persona, Stage, Touchpoint
from journeymapper.model.wording import connection_name, label, quoted

Category = Literal["added", "changed", "moved", "removed"]
CATEGORIES: dict[ChangeKind, Category] = {
    "added": "added",
    "removed": "removed",
    "renamed": "changed",
    "changed": "changed",
    "moved": "moved",
    "reordered": "moved",
}
SOURCE = "compare"
"""The comparison's name among the sources of marks (``CanvasMarks``)."""


def compare_marks(changes: Iterable[MapChange]) -> dict[Target, list[Mark]]:
    """A mark per kind of change on each card, header and connection still on the canvas; its
    tooltip lists the changes, a line each."""
    found: dict[Target, dict[MarkKind, list[str]]] = {}
    for change in changes:
        category = CATEGORIES[change.kind]
        target = target_of(change.what, change.id)
        if target is not None and category != "removed":
            found.setdefault(target, {}).setdefault(category, []).append(change.text)
    return {target: [Mark(kind, "\n".join(lines)) for kind, lines in kinds.items()] for target, kinds in found.items()}


def headline(change: MapChange, old: JourneyDocument, new: JourneyDocument) -> tuple[str, str]:
    """A change's line in two, for a narrow list: what it is about ("Card 'Kickoff call'") and
    what happened to it ("emotion +2 → +1"); the whole line, and nothing, where it does not start
    with the object's name."""
    for prefix, title in _subjects(change, old, new):
        for separator in (": ", " "):
            if change.text.startswith(prefix + separator):
                return title, change.text[len(prefix) + len(separator) :]
    return change.text, ""


def _subjects(change: MapChange, old: JourneyDocument, new: JourneyDocument) -> list[tuple[str, str]]:
    """How ``model.diff`` may have started the change's line, each with the title to show."""
    if change.what == "conflict":
        return [("Conflict resolved", "Conflict resolved"), ("Conflict", "Conflict")]
    word = TITLES[change.what]
    if change.kind == "renamed" or change.what == "map":  # a rename names the object as it was
        subject = f"{word} {quoted(str(change.old))}" if change.kind == "renamed" else word
        return [(subject, subject)]
    document = old if change.kind == "removed" else new
    item = find_item(document, change.what, change.id)
    if isinstance(item, Connection):
        subject = f"{word} {connection_name(document, item)}"
        return [(subject, subject)]
    if isinstance(item, Persona | Stage | Lane | Touchpoint):
        subject = f"{word} {label(item)}"
        return [(subject, subject), (label(item), subject)]
    return []


class Comparison(QObject):
    """The open map (``scene``'s) against ``old``, read from ``path``; ``changes`` in map order."""

    changed = Signal()
    """The changes were worked out anew (the map was edited)."""

    def __init__(self, scene: MapScene, old: JourneyDocument, path: Path):
        super().__init__(scene)
        self.scene, self.old, self.path = scene, old, path
        self.changes: list[MapChange] = []
        self.refreshes = 0
        self._ghost = GhostItem(scene.theme, scene.style)
        scene.addItem(self._ghost)
        self._ghost_of: MapChange | None = None
        self._refresh = QTimer(self, singleShot=True, interval=0)
        self._refresh.timeout.connect(self.refresh)
        self._unsubscribe: Callable[[], None] = scene.document.subscribe(self._on_change)
        scene.laid_out.connect(self._place_ghost)
        self.refresh()

    @property
    def same_map(self) -> bool:
        """Whether the other file holds this map (the same id): else nearly everything differs."""
        return self.old.id == self.scene.document.id

    def counts(self) -> dict[Category, int]:
        """How many changes of each category, the conflicts recorded or resolved left out: they
        are no change anyone made to the map."""
        counted: dict[Category, int] = {"added": 0, "changed": 0, "moved": 0, "removed": 0}
        for change in self.changes:
            if change.what != "conflict":
                counted[CATEGORIES[change.kind]] += 1
        return counted

    def _on_change(self, change: Change) -> None:
        self._refresh.start()  # a pending zero timer restarts: one diff for a whole command

    def refresh(self) -> None:
        self._refresh.stop()
        self.refreshes += 1
        self.changes = diff(self.old, self.scene.document)
        marks_for(self.scene).set_marks(SOURCE, compare_marks(self.changes))
        self.changed.emit()

    def stop(self) -> None:
        """Clear the marks and stop following the map."""
        self._refresh.stop()
        self._unsubscribe()
        self.scene.laid_out.disconnect(self._place_ghost)
        marks_for(self.scene).set_marks(SOURCE, {})
        self.scene.removeItem(self._ghost)

    # -- what a change points at ----------------------------------------------------------------

    def target(self, change: MapChange) -> Target | None:
        """The card, header or connection a change is about, if the open map still has it; for a
        conflict recorded or resolved, the object the conflict is about."""
        if change.what == "conflict":
            record = change.new if isinstance(change.new, dict) else change.old
            if not isinstance(record, dict):
                return None
            return target_of(str(record.get("entity")), str(record.get("entity_id")))
        return None if change.kind == "removed" else target_of(change.what, change.id)

    def note(self, change: MapChange) -> str:
        """Where to look for a change that the canvas does not show, or nothing."""
        if change.kind == "removed" and change.what == "touchpoint":
            return "Not on the canvas: click to see the cell it was in."
        if change.kind == "removed" and change.what != "conflict":
            return "Not in the open map."
        if change.what in ("map", "persona"):
            return "On the Inspector's Map page (click to show it)."
        return ""

    def show_removed(self, change: MapChange | None) -> QRectF | None:
        """Outline the cell a removed card was in (None hides the outline); the cell's area, or
        None when the open map has that cell no more."""
        self._ghost_of = change
        return self._place_ghost()

    def _place_ghost(self) -> QRectF | None:
        old = self._ghost_of.old if self._ghost_of is not None else None
        if not isinstance(old, dict):
            self._ghost.show_at(None)
            return None
        cell = self.scene.layout.cells.get((str(old.get("stage")), str(old.get("lane"))))
        area = qrect(cell) if cell is not None else None
        self._ghost.show_at(area, f"Removed: {quoted(str(old.get('title', '')))}")
        return area
