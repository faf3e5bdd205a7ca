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
        self._done: threading.Event | None = None
        """Set once the import has ended (None until it starts)."""

    def request(self) -> bool:
        """Whether the module is imported; if not, import it in a thread of its own (the first
        time) and say ``loaded`` when it is."""
        if self._done is None:
            if self.name in sys.modules:  # imported in the event loop's thread: whole by now
                return True
            self._done = done = threading.Event()
            threading.Thread(target=self._import, args=(done,), name=f"import {self.name}", daemon=True).start()
            return False
        # Not whether the thread is alive: it still runs for a moment after saying ``loaded``.
        return self._done.is_set()

    def _import(self, done: threading.Event) -> None:
        # A module that fails here fails again where it is used, in the event loop's thread, and
        # is reported there as ever.
        with contextlib.suppress(Exception):
            importlib.import_module(self.name)
        done.set()
        # The application may have ended meanwhile (Ctrl+C, a logout just after a map with links
        # showed), and PySide deleted its Qt objects with it, this one too: nobody waits any more.
        with contextlib.suppress(RuntimeError):
            self.loaded.emit()


@cache
def background_import(name: str) -> BackgroundImport:
    """The process's one importer of ``name``: windows that need it wait for the same import."""
    return BackgroundImport(name)
