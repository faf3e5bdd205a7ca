"""One open map in the editor: the document, its file, and the undo stack that edits it."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from journeymapper.collector import young_collections_only
from journeymapper.editor.commands import ModelCommand
from journeymapper.errors import JourneyMapError
from journeymapper.formats import json_format
from journeymapper.model import JourneyDocument

_LIVE_STACKS: dict[int, QUndoStack] = {}


def _kept_alive(stack: QUndoStack) -> QUndoStack:
    """Keep the Python half of ``stack`` (which holds its commands' Python halves) until Qt has
    deleted the stack and its commands. The garbage collector takes a session apart attribute by
    attribute: without this, the stack's Python half, and with it the commands', could go while the
    session's C++ half still held them, and deleting them afterwards crashed."""
    key = id(stack)
    _LIVE_STACKS[key] = stack
    stack.destroyed.connect(lambda: _LIVE_STACKS.pop(key, None))
    return stack


class MapSession(QObject):
    """Every edit goes through ``push``; the stack's clean state is the file's saved state."""

    state_changed = Signal()
    """The file name or the modified mark changed."""

    def __init__(self, document: JourneyDocument, path: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.document = document
        self.path = path
        # Fixed for the session: another window with a copy of this map, or a new map id, never
        # mixes up the autosave copies.
        self.autosave_name = f"{document.id}-{uuid.uuid4().hex[:8]}"
        self.undo_stack = _kept_alive(QUndoStack(self))
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
        with young_collections_only():  # as the stack's own redo and undo (``ModelCommand``)
            command.apply()
        self._record(command)

    def _record(self, command: ModelCommand) -> None:
        """Put an applied command on the undo stack (the stack's first redo then passes)."""
        command.already_applied = True
        self.undo_stack.push(command)

    def save(self, path: Path | None = None, edit: ModelCommand | None = None) -> None:
        """Write the map (atomically) to ``path`` or its own file; raises ``JourneyMapError``.

        ``edit`` is a change the new file needs (its links re-expressed from its folder). It is
        applied before writing and becomes the last undo step of the saved state; if the file cannot
        be written it is taken back, and the map stays as it was.
        """
        target = (path or self.path).resolve()  # type: ignore[union-attr]
        if edit is None:
            json_format.save(self.document, target)
        else:
            self._save_with(edit, target)
        self.path = target
        self.undo_stack.setClean()
        self.state_changed.emit()

    def _save_with(self, edit: ModelCommand, target: Path) -> None:
        edit.apply()
        try:
            json_format.save(self.document, target)
        except JourneyMapError:
            # Pushed only now: a command on the stack could be redone onto a map that never moved.
            edit.revert()
            raise
        self._record(edit)
