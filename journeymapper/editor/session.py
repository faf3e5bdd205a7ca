"""One open map in the editor: the document, its file, and the undo stack that edits it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from journeymapper.editor.commands import ModelCommand
from journeymapper.formats import json_format
from journeymapper.model import JourneyDocument


class MapSession(QObject):
    """Every edit goes through ``push``; the stack's clean state is the file's saved state."""

    state_changed = Signal()
    """The file name or the modified mark changed."""

    def __init__(self, document: JourneyDocument, path: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.document = document
        self.path = path
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)

    def _clean_changed(self, _clean: bool) -> None:
        self.state_changed.emit()

    @classmethod
    def open(cls, path: Path, parent: QObject | None = None) -> MapSession:
        """Load a map file; raises ``JourneyMapError`` (and creates nothing) if it is bad."""
        return cls(json_format.load(path), path.resolve(), parent)

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def display_name(self) -> str:
        return self.path.name if self.path else f"{self.document.title} (unsaved)"

    def push(self, command: ModelCommand) -> None:
        """Apply a command and put it on the undo stack; raises ``JourneyMapError`` if refused."""
        command.apply()
        command.already_applied = True
        self.undo_stack.push(command)

    def save(self, path: Path | None = None) -> None:
        """Write the map (atomically) to ``path`` or its own file; raises ``JourneyMapError``."""
        target = (path or self.path).resolve()  # type: ignore[union-attr]
        json_format.save(self.document, target)
        self.path = target
        self.undo_stack.setClean()
        self.state_changed.emit()
