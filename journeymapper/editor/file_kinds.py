"""The files the editor opens: map files, and Mermaid journeys, which it imports as new maps."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData

MAP_SUFFIXES = (".json",)
MERMAID_SUFFIXES = (".mmd", ".md")
OPEN_FILTER = "Journey maps (*.json);;Mermaid journeys (*.mmd *.md);;All files (*)"
MAP_FILTER = "Journey maps (*.json);;All files (*)"
MERMAID_FILTER = "Mermaid journeys (*.mmd);;All files (*)"


def is_mermaid(path: Path) -> bool:
    return path.suffix.lower() in MERMAID_SUFFIXES


def dropped_files(mime: QMimeData) -> list[Path]:
    """The local files in a drop that the editor can open, in order."""
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [path for path in paths if path.suffix.lower() in MAP_SUFFIXES + MERMAID_SUFFIXES]
