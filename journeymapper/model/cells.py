"""The touchpoints of each cell (a stage x lane) in order, each one's ``index`` kept equal to its place.

A card's ``index`` is its position in its cell, so filing a card into a cell or taking one out
renumbers the cards after it. Cards come and go a thousand at a time (a delete, its undo, a paste):
``insert`` and ``remove`` take them all at once and renumber each cell they touch once. Renumbering
after each card instead rewrote the cards behind it once per card, which cost a delete of every
fifth card of a big map more than the rest of the delete.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from journeymapper.model.card_graph import NodeData
from journeymapper.model.schema import Touchpoint

Cell = tuple[str, str]


def _cell_of(card: Touchpoint) -> Cell:
    return (card.stage, card.lane)


class Cells:
    """The ids of each cell's cards, in order, over the graph's node dicts (whose cards it renumbers)."""

    def __init__(self, nodes: Mapping[str, NodeData]) -> None:
        self._nodes = nodes
        self._members: dict[Cell, list[str]] = {}

    @classmethod
    def sorted_from(cls, nodes: Mapping[str, NodeData]) -> Cells:
        """The cells of the cards in ``nodes``, each ordered by the cards' ``index``: gaps and ties
        (left by hand edits or merges) close up, ties keeping the order of ``nodes``."""
        cells = cls(nodes)
        for touchpoint_id, data in nodes.items():
            cells._members.setdefault(_cell_of(data["touchpoint"]), []).append(touchpoint_id)
        for members in cells._members.values():
            members.sort(key=lambda touchpoint_id: nodes[touchpoint_id]["touchpoint"].index)
            cells._renumber(members, 0)
        return cells

    def members(self, cell: Cell) -> Sequence[str]:
        """The ids of the cell's cards in order (empty for a cell without cards)."""
        return self._members.get(cell, ())

    def count(self, cells: Iterable[Cell]) -> int:
        return sum(len(self.members(cell)) for cell in cells)

    def insert(self, cards: Iterable[Touchpoint]) -> None:
        """File cards into their cells, in turn, each at its ``index`` clamped to its cell's length
        at that turn: the cards from there on shift down. The cards must be in the node dicts."""
        starts: dict[Cell, int] = {}
        for card in cards:
            cell = _cell_of(card)
            members = self._members.setdefault(cell, [])
            position = max(0, min(card.index, len(members)))
            members.insert(position, card.id)
            starts[cell] = min(position, starts.get(cell, position))
        for cell, start in starts.items():
            self._renumber(self._members[cell], start)

    def remove(self, cards: Iterable[Touchpoint]) -> None:
        """Take cards out of their cells: the cards after them shift up. Each card's ``index`` is
        its place, as every card filed here has it, so the cards before the first one leaving keep theirs."""
        leaving: dict[Cell, list[Touchpoint]] = {}
        for card in cards:
            leaving.setdefault(_cell_of(card), []).append(card)
        for cell, gone in leaving.items():
            gone_ids = {card.id for card in gone}
            members = [touchpoint_id for touchpoint_id in self._members[cell] if touchpoint_id not in gone_ids]
            if members:
                self._members[cell] = members
                self._renumber(members, min(card.index for card in gone))
            else:
                del self._members[cell]

    def _renumber(self, members: list[str], start: int) -> None:
        """Write each card's position in its cell into its ``index`` so the two never disagree; the
        cards before ``start`` kept their places."""
        nodes = self._nodes
        for index in range(start, len(members)):
            data = nodes[members[index]]
            if data["touchpoint"].index != index:
                data["touchpoint"] = data["touchpoint"].model_copy(update={"index": index})
