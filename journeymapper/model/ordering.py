"""Orders of ids, compared and merged: which items moved, and one order holding both sides' moves.

An item *moved* when it is not among the largest set of items that kept their order: of stages
A B C D reordered to B C A D, only A moved. That is how a person reads a reorder, and it lets two
people each move a different item and both moves survive a merge.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence


def unmoved(old: Sequence[str], new: Sequence[str], keep: Collection[str] = frozenset()) -> set[str]:
    """The largest set of items of both ``old`` and ``new`` that keep their relative order; of
    several such sets, one with the most items of ``keep``.

    A heaviest increasing subsequence of the items' old positions, taken in the new order, over a
    Fenwick tree of prefix maxima: n log n, so that a cell of thousands of cards costs little.
    """
    position = {item: index for index, item in enumerate(old)}
    common = [item for item in new if item in position]
    heavy = len(common) + 1  # one more item always outweighs any number of preferred ones
    tree: list[tuple[int, int]] = [(0, -1)] * (len(old) + 1)  # (weight, end) of the best run up to a position
    previous = [-1] * len(common)
    best = (0, -1)
    for index, item in enumerate(common):
        weight, previous[index] = _best_before(tree, position[item])
        run = (weight + heavy + (item in keep), index)
        _raise(tree, position[item] + 1, run)
        best = max(best, run)
    kept: set[str] = set()
    index = best[1]
    while index >= 0:
        kept.add(common[index])
        index = previous[index]
    return kept


def moved(old: Sequence[str], new: Sequence[str], keep: Collection[str] = frozenset()) -> set[str]:
    """The items of ``new`` that are new or moved since ``old`` (see ``unmoved``)."""
    return set(new) - unmoved(old, new, keep)


def _best_before(tree: list[tuple[int, int]], position: int) -> tuple[int, int]:
    best = (0, -1)
    while position > 0:
        best = max(best, tree[position])
        position -= position & -position
    return best


def _raise(tree: list[tuple[int, int]], position: int, run: tuple[int, int]) -> None:
    while position < len(tree):
        tree[position] = max(tree[position], run)
        position += position & -position


def merge_order(
    base: Sequence[str], ours: Sequence[str], theirs: Sequence[str], members: Collection[str]
) -> tuple[list[str], set[str]]:
    """One order of ``members`` holding the moves and insertions of both sides, and the items
    both sides moved to different places (OURS' place wins for those).

    Items neither side moved keep their base order; each moved or added item follows the item
    before it on the side that moved it (OURS first), or leads when nothing comes before it.
    """
    base, ours, theirs = ([item for item in order if item in members] for order in (base, ours, theirs))
    # A swap of two neighbours reads as a move of either: take, on each side, the reading that
    # leaves alone what the other side moved, so that two people's moves do not seem to collide.
    moved_ours = moved(base, ours, keep=moved(base, theirs))
    moved_theirs = moved(base, theirs, keep=moved_ours)
    order = [item for item in base if item not in moved_ours and item not in moved_theirs]
    _place_after_predecessors(order, ours, moved_ours, set())
    _place_after_predecessors(order, theirs, moved_theirs - moved_ours, moved_ours)
    placed = set(order)
    order += sorted(item for item in members if item not in placed)  # on no list: last, never lost
    contested = {item for item in moved_ours & moved_theirs if _before(ours, item) != _before(theirs, item)}
    return order, contested


def _place_after_predecessors(order: list[str], side: list[str], placing: set[str], first: set[str]) -> None:
    """Put each item of ``placing`` right after the nearest item before it on ``side`` that is
    placed already, but after the items of ``first`` (OURS' moves) that follow that item too."""
    placed = set(order)
    for index, item in enumerate(side):
        if item not in placing:
            continue
        anchor = next((earlier for earlier in reversed(side[:index]) if earlier in placed), None)
        position = 0 if anchor is None else order.index(anchor) + 1
        while position < len(order) and order[position] in first:
            position += 1
        order.insert(position, item)
        placed.add(item)


def _before(order: list[str], item: str) -> str | None:
    index = order.index(item)
    return order[index - 1] if index else None
