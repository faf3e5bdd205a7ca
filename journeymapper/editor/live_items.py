"""The card and connector items of a big map exist only where they are needed.

A map of thousands of cards would otherwise hold thousands of graphics items that no one looks
at: making them is most of the cost of opening the map, and moving them most of the cost of a
big delete or undo. ``LiveItems`` holds one kind of them by model id. Every id of the current
layout is a key; its item is made the first time it is asked for (near the view, under the
pointer, for the selection, by a dock that shows it) and updated from then on with each layout,
until the scene retires it (far from the view, and not selected). Far out, the cards and lines
without an item are drawn together from the layout by ``sketch.MapSketch``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from typing import Generic, TypeVar

from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

ItemT = TypeVar("ItemT", bound=QGraphicsItem)


class LiveItems(Mapping[str, ItemT], Generic[ItemT]):
    """Items by model id, for every id of the layout, each made when first asked for.

    Reading ``items[key]`` or ``items.get(key)`` brings the item to life; ``live`` holds only those
    that exist, for work that must not make any (a relayout, a repaint of marks). Iterating the
    mapping goes through every id, in map order, without making items."""

    def __init__(
        self,
        scene: QGraphicsScene,
        make: Callable[[str], ItemT],
        update: Callable[[ItemT], None],
        made: Callable[[ItemT], None],
    ) -> None:
        self._scene, self._make, self._update, self._made = scene, make, update, made
        self._ids: Collection[str] = ()
        self.live: dict[str, ItemT] = {}

    def __getitem__(self, key: str) -> ItemT:
        return self._bring(key)

    def make(self, keys: Iterable[str]) -> None:
        """Make sure the items of ``keys`` exist."""
        for key in keys:
            self._bring(key)

    def _bring(self, key: str) -> ItemT:
        item = self.live.get(key)
        if item is None:
            if key not in self._ids:
                raise KeyError(key)
            item = self.live[key] = self._make(key)
            self._scene.addItem(item)
            self._update(item)
            self._made(item)
        return item

    def __contains__(self, key: object) -> bool:
        return key in self._ids

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def relayout(self, ids: Collection[str]) -> None:
        """The layout now holds ``ids`` (a dict or set: ``in`` must be cheap): the items of ids it
        no longer holds leave the scene; the others are brought up to date."""
        self._ids = ids
        for key in [key for key in self.live if key not in ids]:
            self._scene.removeItem(self.live.pop(key))
        for item in self.live.values():
            self._update(item)

    def retire(self, keep: Callable[[str, ItemT], bool]) -> None:
        """Let go of the items ``keep`` does not want kept."""
        for key in [key for key, item in self.live.items() if not keep(key, item)]:
            self._scene.removeItem(self.live.pop(key))
