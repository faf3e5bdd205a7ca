"""A count in words: singular for exactly one thing, plural for every other number, zero included."""

from __future__ import annotations

from journeymapper.counting import counted


def test_one_thing_is_singular():
    assert counted(1, "card") == "1 card"


def test_zero_things_are_plural():
    assert counted(0, "conflict") == "0 conflicts"


def test_many_things_are_plural():
    assert counted(3, "card") == "3 cards"
    assert counted(12, "unresolved merge conflict") == "12 unresolved merge conflicts"


def test_the_noun_is_kept_as_given_with_an_s_added():
    assert counted(2, "duplicate id") == "2 duplicate ids"
    assert counted(2, "hand-off") == "2 hand-offs"


def test_thousands_are_set_apart_with_commas():
    assert counted(5000, "card") == "5,000 cards"
    assert counted(1_234_567, "connection") == "1,234,567 connections"
