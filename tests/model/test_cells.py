"""Cells: each cell's cards in order, their indexes kept equal to their places, many cards at once
exactly as one by one."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from journeymapper.model import Touchpoint
from journeymapper.model.card_graph import NodeData
from journeymapper.model.cells import Cells

CELLS = [("s", "a"), ("s", "b"), ("t", "a")]


def card(number: int, cell: tuple[str, str], index: int) -> Touchpoint:
    return Touchpoint(id=f"tp-{number}", stage=cell[0], lane=cell[1], index=index, title=f"Card {number}")


def filed(cards: list[Touchpoint]) -> tuple[dict[str, NodeData], Cells]:
    nodes: dict[str, NodeData] = {one.id: {"touchpoint": one} for one in cards}
    return nodes, Cells.sorted_from(nodes)


def state(nodes: dict[str, NodeData], cells: Cells) -> dict[tuple[str, str], list[tuple[str, int]]]:
    """Each cell's cards with the index each carries."""
    return {cell: [(i, nodes[i]["touchpoint"].index) for i in cells.members(cell)] for cell in CELLS}


placed_cards = st.lists(st.tuples(st.sampled_from(CELLS), st.integers(0, 8)), max_size=12).map(
    lambda places: [card(number, cell, index) for number, (cell, index) in enumerate(places)]
)


def test_loaded_cells_close_gaps_and_keep_ties_in_order():
    nodes, cells = filed([card(0, ("s", "a"), 7), card(1, ("s", "a"), 2), card(2, ("s", "a"), 2)])
    assert state(nodes, cells)[("s", "a")] == [("tp-1", 0), ("tp-2", 1), ("tp-0", 2)]
    assert cells.members(("t", "a")) == () and cells.count(CELLS) == 3


def test_inserted_cards_shift_the_later_ones_and_an_index_past_the_end_appends():
    nodes, cells = filed([card(0, ("s", "a"), 0), card(1, ("s", "a"), 1)])
    first = nodes["tp-0"]["touchpoint"]
    new = [card(2, ("s", "a"), 1), card(3, ("s", "a"), 99)]
    nodes.update({one.id: {"touchpoint": one} for one in new})
    cells.insert(new)
    assert state(nodes, cells)[("s", "a")] == [("tp-0", 0), ("tp-2", 1), ("tp-1", 2), ("tp-3", 3)]
    assert nodes["tp-0"]["touchpoint"] is first  # before every insertion: left alone


def test_removing_the_last_cards_of_a_cell_empties_it():
    nodes, cells = filed([card(0, ("s", "a"), 0), card(1, ("s", "b"), 0)])
    cells.remove([nodes["tp-0"]["touchpoint"]])
    assert list(cells.members(("s", "a"))) == [] and list(cells.members(("s", "b"))) == ["tp-1"]


@given(placed_cards, placed_cards)
def test_inserting_many_cards_at_once_is_inserting_them_one_by_one(old, new):
    new = [one.model_copy(update={"id": f"new-{one.id}"}) for one in new]
    together, apart = filed(old), filed(old)
    for nodes, _ in (together, apart):
        nodes.update({one.id: {"touchpoint": one} for one in new})
    together[1].insert(new)
    for one in new:
        apart[1].insert([one])
    assert state(*together) == state(*apart)


@given(placed_cards, st.data())
def test_removing_many_cards_at_once_is_removing_them_one_by_one(cards, data):
    together, apart = filed(cards), filed(cards)
    leaving = data.draw(st.lists(st.sampled_from([one.id for one in cards]), unique=True) if cards else st.just([]))
    together[1].remove([together[0][i]["touchpoint"] for i in leaving])
    for i in leaving:
        apart[1].remove([apart[0][i]["touchpoint"]])
    assert state(*together) == state(*apart)
