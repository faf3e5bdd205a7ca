"""Importing a module in a thread of its own, so that the window goes on answering meanwhile.

The linked maps' headlines need the graph algorithms, and importing networkx takes a few hundred
milliseconds: in the event loop's thread, the window would freeze for as long just after a map with
links has shown. Imported beside it, the import runs while the event loop waits for events (Qt
lets go of Python's lock while it waits), and each event is handled as it comes.
"""

from __future__ import annotations

import contextlib
import importlib
import sys
import threading
from functools import cache

from PySide6.QtCore import QObject, Signal


class BackgroundImport(QObject):
    loaded = Signal()
    """The module is imported (said in the thread the object lives in)."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self._thread: threading.Thread | None = None

    def request(self) -> bool:
        """Whether the module is imported; if not, import it in a thread of its own (the first
        time) and say ``loaded`` when it is."""
        if self._thread is None:
            if self.name in sys.modules:  # imported in the event loop's thread: whole by now
                return True
            self._thread = threading.Thread(target=self._import, name=f"import {self.name}", daemon=True)
            self._thread.start()
            return False
        return not self._thread.is_alive()

    def _import(self) -> None:
        # A module that fails here fails again where it is used, in the event loop's thread, and
        # is reported there as ever.
        with contextlib.suppress(Exception):
            importlib.import_module(self.name)
        # The application may have ended meanwhile (Ctrl+C, a logout just after a map with links
        # showed), and PySide deleted its Qt objects with it, this one too: nobody waits any more.
        with contextlib.suppress(RuntimeError):
            self.loaded.emit()


@cache
def background_import(name: str) -> BackgroundImport:
    """The process's one importer of ``name``: windows that need it wait for the same import."""
    return BackgroundImport(name)
