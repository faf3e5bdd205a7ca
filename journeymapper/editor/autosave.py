"""Autosave copies of modified maps, and their recovery after a crash.

Every minute, each modified map is written (atomically) to the user's data directory as
``<map id>.json`` beside ``<map id>.origin``, which names the file it belongs to. Saving or
closing the map cleanly removes both; whatever is left at start-up was left by a crash.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStandardPaths

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

    def _copy(self, name: str) -> Path:
        return self.directory / f"{name}.json"

    def write(self, name: str, document: JourneyDocument, origin: Path | None) -> None:
        """Write the copy called ``name``; raises ``JourneyMapError`` if the data directory is not writable."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            self._copy(name).with_suffix(".origin").write_text(str(origin or ""), encoding="utf-8")
        except OSError as error:
            raise JourneyMapError(f"{self.directory}: cannot write the autosave copy: {error.strerror}") from None
        json_format.save(document, self._copy(name))

    def discard(self, name: str) -> None:
        self.discard_copy(self._copy(name))

    def discard_copy(self, copy: Path) -> None:
        copy.unlink(missing_ok=True)
        copy.with_suffix(".origin").unlink(missing_ok=True)

    def left_behind(self) -> list[Recoverable]:
        """Copies that no clean save or close removed."""
        found = []
        for copy in sorted(self.directory.glob("*.json")):
            origin_file = copy.with_suffix(".origin")
            origin = origin_file.read_text(encoding="utf-8").strip() if origin_file.exists() else ""
            found.append(Recoverable(copy, Path(origin) if origin else None))
        return found
