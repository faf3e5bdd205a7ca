"""How the cyclic garbage collector runs while the editor starts and while a big map is read or
laid out.

Loading or laying out a 10,000-card map makes a couple of hundred thousand objects at once, none
of them garbage. Left alone, the collector's full passes over the whole heap come back each time
the heap grows by a quarter, and cost more than the work itself. Paused outright, the new objects
pile up and are then scanned in one pass that runs out of the CPU's caches.

Starting the editor is another matter: its imports and its window make some 80,000 objects
(modules, classes, functions, Qt's enums, the widgets) that live as long as the process. The
collector's young passes would scan each of them twice on the way to the old generation, and every
full pass after that again, for nothing; ``pause_for_start_up`` and ``keep_start_up`` spare it
that, until ``release_start_up``.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_NEVER = 2**31 - 1  # a collector threshold no count reaches
_lock = threading.RLock()
_holders = 0
_thresholds = gc.get_threshold()


def pause_for_start_up() -> None:
    """No collections while the editor imports its modules and builds its window (until
    ``keep_start_up``)."""
    gc.disable()


def keep_start_up() -> None:
    """What start-up made is kept for the process's life: leave it out of every later pass (a
    full pass then scans only what came after) and let the collector run again. Called before a
    map opens, so that a map closed later is collected as ever."""
    gc.freeze()
    gc.enable()


def release_start_up() -> None:
    """The window has closed: what start-up made is collected at exit as everything else is (a Qt
    object's destructor may have work to do, such as removing an autosave copy's lock file)."""
    gc.unfreeze()


@contextmanager
def young_collections_only() -> Iterator[None]:
    """Hold back full collections for the duration; young ones go on as usual.

    Young collections scan each new object while it is still in the cache, then move the
    survivors into the old generation, where they would end up anyway: the next full pass, after
    this block, sees them once. Blocks may overlap, in one thread or several (a PDF export lays the
    map out in the background while the canvas lays it out too): the settings come back when the
    last one ends.
    """
    _hold()
    try:
        yield
    finally:
        _release()


def _hold() -> None:
    global _holders, _thresholds
    with _lock:
        # Counted first: a young pass inside may finalise a dropped hold, which releases it here,
        # in this thread (the lock is re-entrant), and must find this one counted already.
        _holders += 1
        if _holders == 1:
            _thresholds = gc.get_threshold()
            gc.set_threshold(_thresholds[0], _thresholds[1], _NEVER)


def _release() -> None:
    global _holders
    with _lock:
        _holders -= 1
        if _holders == 0:
            gc.set_threshold(*_thresholds)


class FullCollectionsHeld:
    """Full collections held back from its making until ``release``, which may come any number of
    times: the first lets them go on. For a hold that ends at an event rather than with a block."""

    def __init__(self) -> None:
        _hold()
        self._held = True

    @property
    def held(self) -> bool:
        return self._held

    def release(self) -> None:
        if self._held:
            self._held = False
            _release()

    def __del__(self) -> None:
        # Dropped without a release (a scene thrown away before its first paint, without being
        # detached): full collections must not stay held back for the rest of the process.
        self.release()
