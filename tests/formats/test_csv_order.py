"""The orders a card table implies: of stages and lanes, and of the cards in a cell."""

from __future__ import annotations

from journeymapper.formats.csv_order import appearance_order, arranged


def test_keys_go_in_order_of_first_appearance_where_the_groups_say_nothing():
    assert appearance_order([("b", 1), ("a", 2), ("c", 3)]) == ["b", "a", "c"]


def test_a_key_goes_before_one_that_follows_it_within_a_group():
    # Lanes of a table written stage by stage: Support first appears late, but the Onboarding
    # rows show it comes before Product.
    rows = [("Sales", "Kickoff"), ("Product", "Kickoff"), ("Support", "Onboarding"), ("Product", "Onboarding")]
    assert appearance_order(rows) == ["Sales", "Support", "Product"]


def test_groups_that_contradict_each_other_are_settled_by_first_appearance():
    rows = [("a", 1), ("b", 1), ("b", 2), ("a", 2)]
    assert appearance_order(rows) == ["a", "b"]


def test_cards_without_an_index_keep_their_order_and_indexed_ones_take_their_places():
    assert arranged([(0, 9, "new")], ["a", "b"]) == ["new", "a", "b"]
    assert arranged([(1, 2, "x"), (2, 3, "y")], ["a", "b", "c"]) == ["a", "x", "y", "b", "c"]


def test_equal_indexes_go_in_row_order_and_gaps_close_up():
    assert arranged([(5, 3, "late"), (0, 4, "second"), (0, 2, "first")], ["a"]) == ["first", "second", "a", "late"]
    assert arranged([], []) == []
