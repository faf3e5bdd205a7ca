"""What was worked out for the last few states of the map, so that going back to one of them (an
undo, a redo) finds it again rather than working it out anew."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")

STATES = 2
"""Enough for an edit and its undo, and a redo after it: the two states the map goes back and forth between."""


class Recent(Generic[K, V]):
    """The values of the last ``size`` keys asked for, the most recently used first. Keys are
    compared with ``==``: they must stand for everything the value depends on."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._entries: list[tuple[K, V]] = []

    def get(self, key: K, work_out: Callable[[], V]) -> V:
        value = self.recall(key)
        if value is not None:
            return value
        value = work_out()
        self._entries = [(key, value), *self._entries[: self._size - 1]]
        return value

    def recall(self, key: K) -> V | None:
        """The value of ``key`` if it is one of the last few, else None; nothing is worked out."""
        for number, (known, value) in enumerate(self._entries):
            if known == key:
                self._entries.insert(0, self._entries.pop(number))
                return value
        return None
