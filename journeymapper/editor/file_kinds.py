"""The files the editor opens: map files, and Mermaid journeys and card tables, which it imports
as new maps."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData

MAP_SUFFIXES = (".json",)
MERMAID_SUFFIXES = (".mmd", ".md")
OPEN_FILTER = "Journey maps (*.json);;Mermaid journeys (*.mmd *.md);;All files (*)"
MAP_FILTER = "Journey maps (*.json);;All files (*)"
MERMAID_FILTER = "Mermaid journeys (*.mmd);;All files (*)"
CSV_FILTER = "Card tables (*.csv *.tsv *.txt);;All files (*)"
CSV_DELIMITERS = {
    "CSV (*.csv)": ",",
    "CSV with semicolons, for Excel where the decimal mark is a comma (*.csv)": ";",
    "Tab-separated (*.tsv)": "\t",
}
"""The choices of the dialog that exports cards, each with the delimiter it writes."""


def is_mermaid(path: Path) -> bool:
    return path.suffix.lower() in MERMAID_SUFFIXES


def dropped_files(mime: QMimeData) -> list[Path]:
    """The local files in a drop that the editor can open, in order."""
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [path for path in paths if path.suffix.lower() in MAP_SUFFIXES + MERMAID_SUFFIXES]
