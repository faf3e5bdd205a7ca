"""Autosave copies of modified maps, and their recovery after a crash.

Every minute, each modified map is written (atomically) to the user's data directory as
``<name>.json`` beside ``<name>.origin``, which names the file it belongs to; the name is the
session's (``MapSession.autosave_name``). Saving or closing the map cleanly removes both. A lock
file beside them says the copy is in use: another journeymapper running at the same time does not
offer it for recovery. Whatever is left at start-up, unlocked, was left by a crash.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QStandardPaths

from journeymapper.errors import JourneyMapError
from journeymapper.formats import json_format
from journeymapper.model import JourneyDocument

INTERVAL_MS = 60_000


@dataclass(frozen=True)
class Recoverable:
    copy: Path
    origin: Path | None


class AutosaveStore:
    def __init__(self, directory: Path | None = None):
        location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        self.directory = directory or Path(location) / "autosave"
        self._locks: dict[str, QLockFile] = {}

    def _copy(self, name: str) -> Path:
        return self.directory / f"{name}.json"

    def write(self, name: str, document: JourneyDocument, origin: Path | None) -> None:
        """Write the copy called ``name``; raises ``JourneyMapError`` if the data directory is not writable."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            self._hold(name)
            self._copy(name).with_suffix(".origin").write_text(str(origin or ""), encoding="utf-8")
        except OSError as error:
            raise JourneyMapError(f"{self.directory}: cannot write the autosave copy: {error.strerror}") from None
        json_format.save(document, self._copy(name))

    def discard(self, name: str) -> None:
        self.discard_copy(self._copy(name))
        lock = self._locks.pop(name, None)
        if lock is not None:
            lock.unlock()

    def _hold(self, name: str) -> None:
        if name not in self._locks:
            lock = _lock_of(self._copy(name))
            if lock.tryLock(0):
                self._locks[name] = lock

    def discard_copy(self, copy: Path) -> None:
        # A copy that cannot be removed (the data folder went away, or is read-only) is offered
        # again at the next start; nothing the user is doing now should fail over it.
        for path in (copy, copy.with_suffix(".origin")):
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)

    def left_behind(self) -> list[Recoverable]:
        """Copies that no clean save or close removed and no running journeymapper holds: a crash's."""
        found = []
        for copy in sorted(self.directory.glob("*.json")):
            if copy.stem in self._locks or not _abandoned(copy):
                continue
            origin_file = copy.with_suffix(".origin")
            origin = origin_file.read_text(encoding="utf-8").strip() if origin_file.exists() else ""
            found.append(Recoverable(copy, Path(origin) if origin else None))
        return found


def _lock_of(copy: Path) -> QLockFile:
    lock = QLockFile(str(copy.with_suffix(".lock")))
    lock.setStaleLockTime(0)  # held for as long as the map is open: only a dead owner makes it stale
    return lock


def _abandoned(copy: Path) -> bool:
    """Whether no running journeymapper holds the copy: its lock is free, or its owner is gone."""
    lock = _lock_of(copy)
    if not lock.tryLock(0):
        return False
    lock.unlock()
    return True
