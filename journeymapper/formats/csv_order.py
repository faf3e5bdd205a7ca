"""The two orders a card table implies without saying: of stages and lanes, and of cards in a cell."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from typing import TypeVar

KeyT = TypeVar("KeyT", bound=Hashable)
GroupT = TypeVar("GroupT", bound=Hashable)


def appearance_order(rows: Iterable[tuple[KeyT, GroupT]]) -> list[KeyT]:
    """The distinct keys of the rows, in the order the rows give them.

    A key comes before another that follows it among the rows of one group: the rows of a stage
    list its lanes in order, so a table written stage by stage gives the lanes' order although a
    lane may first appear late. Where the groups say nothing, or contradict each other (a table
    sorted by hand), keys go in order of first appearance.
    """
    before: dict[KeyT, set[KeyT]] = {}
    last_of_group: dict[GroupT, KeyT] = {}
    for key, group in rows:
        earlier = before.setdefault(key, set())
        previous = last_of_group.get(group, key)
        if previous != key:
            earlier.add(previous)
        last_of_group[group] = key
    order: list[KeyT] = []
    placed: set[KeyT] = set()
    waiting = list(before)  # in order of first appearance
    while waiting:
        key = next((key for key in waiting if before[key] <= placed), waiting[0])
        order.append(key)
        placed.add(key)
        waiting.remove(key)
    return order


def arranged(explicit: Sequence[tuple[int, int, KeyT]], implicit: Sequence[KeyT]) -> list[KeyT]:
    """A cell's cards in order: each ``(index, row, card)`` of ``explicit`` at its index (equal
    indexes in row order), the ``implicit`` cards filling the other places in their order, and
    gaps closed up."""
    placed = sorted(explicit, key=lambda entry: entry[:2])
    result: list[KeyT] = []
    next_explicit = next_implicit = 0
    while next_explicit < len(placed) or next_implicit < len(implicit):
        due = next_explicit < len(placed) and placed[next_explicit][0] <= len(result)
        if due or next_implicit == len(implicit):
            result.append(placed[next_explicit][2])
            next_explicit += 1
        else:
            result.append(implicit[next_implicit])
            next_implicit += 1
    return result
