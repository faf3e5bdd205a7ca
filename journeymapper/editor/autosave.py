"""Autosave copies of modified maps, and their recovery after a crash.

Every minute, each modified map is written (atomically) to the user's data directory as
``<name>.json`` beside ``<name>.origin``, which names the file it belongs to; the name is the
session's (``MapSession.autosave_name``). Saving or closing the map cleanly removes both. A lock
file beside them says the copy is in use: another journeymapper running at the same time neither
offers it for recovery nor deletes it. Whatever is left at start-up, unlocked, was left by a crash.
A copy offered for recovery is locked from the question on; recovered, it stays locked by the
recovering journeymapper, and only Discard (or saving or closing the recovered map) deletes it.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from datetime import datetime
from enum import Enum, auto
from pathlib import Path

from PySide6.QtCore import QLockFile, QStandardPaths

from journeymapper.errors import JourneyMapError
from journeymapper.formats import json_format
from journeymapper.formats.files import read_limited
from journeymapper.model import JourneyDocument

INTERVAL_MS = 60_000


class Answer(Enum):
    """What the user does with a copy a crash left."""

    RECOVER = auto()  # open it as unsaved work; it stays locked and kept until saved or closed
    LATER = auto()  # keep it, to be offered again at the next start
    DISCARD = auto()  # delete it


@dataclass(frozen=True)
class Recoverable:
    """A copy a crash left: the file it belongs to (None for a map never saved), the map's title
    as the copy has it ("" if it cannot be read), and when it was last autosaved."""

    copy: Path
    origin: Path | None
    title: str
    autosaved: datetime

    def describe(self) -> str:
        """Which map this is, in words a person recognises."""
        if self.origin is None:
            name = f"the new map “{self.title}”" if self.title else "a new map"
            return f"{name}, never saved to a file"
        return f"“{self.title}” in {self.origin}" if self.title else str(self.origin)


class AutosaveStore:
    def __init__(self, directory: Path | None = None):
        location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        self.directory = directory or Path(location) / "autosave"
        self._locks: dict[str, QLockFile] = {}

    def _copy(self, name: str) -> Path:
        return self.directory / f"{name}.json"

    def write(self, name: str, document: JourneyDocument, origin: Path | None) -> None:
        """Write the copy called ``name``; raises ``JourneyMapError`` if the data directory is not
        writable, or if another running journeymapper holds a copy of that name."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            if not self.claim(name):  # never write over a copy another journeymapper holds
                raise JourneyMapError(
                    f"{self._copy(name)}: cannot lock the autosave copy "
                    "(another journeymapper holds it, or the folder is read-only)"
                )
            self._copy(name).with_suffix(".origin").write_text(str(origin or ""), encoding="utf-8")
        except OSError as error:
            raise JourneyMapError(f"{self.directory}: cannot write the autosave copy: {error.strerror}") from None
        json_format.save(document, self._copy(name))

    def claim(self, name: str) -> bool:
        """Lock the copy called ``name`` for this journeymapper until it is discarded or released;
        False if another running journeymapper holds it (or the lock cannot be made)."""
        if name not in self._locks:
            lock = _lock_of(self._copy(name))
            if not lock.tryLock(0):
                return False
            self._locks[name] = lock
        return True

    def release(self, name: str) -> None:
        """Unlock the copy called ``name`` and keep it: the next start offers it again."""
        lock = self._locks.pop(name, None)
        if lock is not None:
            lock.unlock()

    def discard(self, name: str) -> None:
        """Delete the copy called ``name`` and release it."""
        self.discard_copy(self._copy(name))

    def discard_copy(self, copy: Path) -> None:
        """Delete ``copy``, unless another running journeymapper holds it: that is its work."""
        if not self.claim(copy.stem):
            return
        # A copy that cannot be removed (the data folder went away, or is read-only) is offered
        # again at the next start; nothing the user is doing now should fail over it.
        for path in (copy, copy.with_suffix(".origin")):
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
        self.release(copy.stem)

    def left_behind(self) -> list[Recoverable]:
        """Copies that no clean save or close removed and no running journeymapper holds (a
        crash's), the most recently autosaved first."""
        found = []
        for copy in self.directory.glob("*.json"):
            if copy.stem in self._locks or not _abandoned(copy):
                continue
            with contextlib.suppress(OSError):  # discarded meanwhile by another journeymapper
                found.append(_recoverable(copy))
        return sorted(found, key=lambda left: left.autosaved, reverse=True)


def _recoverable(copy: Path) -> Recoverable:
    origin_file = copy.with_suffix(".origin")
    origin = origin_file.read_text(encoding="utf-8").strip() if origin_file.exists() else ""
    autosaved = datetime.fromtimestamp(copy.stat().st_mtime)
    return Recoverable(copy, Path(origin) if origin else None, _title_of(copy), autosaved)


def _title_of(copy: Path) -> str:
    """The map's title as the copy has it; "" if the copy cannot be read (recovering it says why)."""
    try:
        data = json.loads(read_limited(copy))
    except (JourneyMapError, ValueError):
        return ""
    return str(data.get("title") or "") if isinstance(data, dict) else ""


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
