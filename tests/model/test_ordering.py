"""Orders compared and merged: which items moved, and one order holding both sides' moves."""

from __future__ import annotations

from journeymapper.model.ordering import merge_order, moved, unmoved


def test_only_the_item_that_left_the_longest_run_in_order_moved():
    assert moved(list("ABCD"), list("BCAD")) == {"A"}
    assert unmoved(list("ABCD"), list("BCAD")) == set("BCD")


def test_new_items_count_as_moved_and_removed_ones_do_not_count():
    assert moved(list("ABC"), list("AXC")) == {"X"}


def test_of_two_readings_of_a_swap_the_one_keeping_the_preferred_item_wins():
    assert moved(list("ABC"), list("ACB"), keep={"B"}) == {"C"}
    assert moved(list("ABC"), list("ACB"), keep={"C"}) == {"B"}


def test_each_side_keeps_its_moves_and_insertions():
    order, contested = merge_order(list("ABCD"), list("BCAD"), list("ABDXC"), set("ABCDX"))
    assert order == list("BDXCA")  # A after C (ours), C after D, X after D (theirs)
    assert contested == set()


def test_items_added_at_the_same_place_come_ours_first():
    assert merge_order([], ["ours"], ["theirs"], {"ours", "theirs"}) == (["ours", "theirs"], set())


def test_an_item_both_sides_moved_to_different_places_is_contested_and_placed_as_ours():
    order, contested = merge_order(list("ABCD"), list("BCDA"), list("BCAD"), set("ABCD"))
    assert order == list("BCDA") and contested == {"A"}


def test_one_side_unchanged_gives_the_other_sides_order():
    assert merge_order(list("ABC"), list("ABC"), list("CXA"), set("ACX"))[0] == list("CXA")
