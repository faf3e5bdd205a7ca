"""Three-way merge of one JSON value: a field of a map, a card, a stage...

A change made on one side only is taken, the same change on both sides is taken once. Objects
(a card's metrics) merge key by key, and lists of distinct texts or ids (goals, pain points,
tags, a card's personas) item by item, so that two people adding to the same list both keep
their items. Anything else changed differently on both sides is a conflict: the merged value
holds OURS' choice, and ``theirs`` holds the same value with THEIRS' choices instead, which is
what a user who picks THEIRS' side gets.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, TypeGuard

from pydantic import JsonValue

from journeymapper.model.ordering import merge_order


class _Missing:
    """A key one version does not have: distinct from a key holding null."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Final = _Missing()
Value = JsonValue | _Missing


@dataclass(frozen=True)
class Merged:
    """A merged value; ``theirs`` differs from ``value`` only where the sides conflict."""

    value: Value
    theirs: Value
    conflicted: bool = False


def merge_whole(base: Value, ours: Value, theirs: Value) -> Merged:
    """The three-way merge of a value taken as a whole: a change on one side, or the same change
    on both, is taken; different changes on both sides conflict."""
    if ours == theirs or theirs == base:
        return Merged(ours, ours)
    if ours == base:
        return Merged(theirs, theirs)
    return Merged(ours, theirs, conflicted=True)


def merge_value(base: Value, ours: Value, theirs: Value) -> Merged:
    """The three-way merge of one value, into its keys and items; ``MISSING`` stands for an
    absent key or object."""
    settled = merge_whole(base, ours, theirs)
    if not settled.conflicted:
        return settled
    if isinstance(ours, dict) and isinstance(theirs, dict):
        return merge_objects(base if isinstance(base, dict) else {}, ours, theirs)
    if _distinct_texts(ours) and _distinct_texts(theirs):
        if _distinct_texts(base):
            return _merge_lists(base, ours, theirs)
        if base is MISSING:
            return _merge_lists([], ours, theirs)
    return settled


def known(value: Value) -> JsonValue:
    """A merged value of a key both sides have: never ``MISSING``."""
    if isinstance(value, _Missing):
        raise ValueError("a key both sides have cannot merge into a missing key")
    return value


def merge_objects(base: dict[str, JsonValue], ours: dict[str, JsonValue], theirs: dict[str, JsonValue]) -> Merged:
    """Merge key by key: a key removed on one side and untouched on the other is removed."""
    value: dict[str, JsonValue] = {}
    their_value: dict[str, JsonValue] = {}
    conflicted = False
    for key in dict.fromkeys([*ours, *theirs, *base]):
        merged = merge_value(base.get(key, MISSING), ours.get(key, MISSING), theirs.get(key, MISSING))
        if not isinstance(merged.value, _Missing):
            value[key] = merged.value
        if not isinstance(merged.theirs, _Missing):
            their_value[key] = merged.theirs
        conflicted = conflicted or merged.conflicted
    return Merged(value, their_value, conflicted)


def _distinct_texts(value: Value) -> TypeGuard[list[str]]:
    return isinstance(value, list) and all(isinstance(item, str) for item in value) and len(set(value)) == len(value)


def _merge_lists(base: list[str], ours: list[str], theirs: list[str]) -> Merged:
    """Items added on either side are kept, items removed on either side go; never a conflict."""
    kept = (set(ours) & set(theirs)) | (set(ours) - set(base)) | (set(theirs) - set(base))
    order, _ = merge_order(base, ours, theirs, kept)
    return Merged(list(order), list(order))
