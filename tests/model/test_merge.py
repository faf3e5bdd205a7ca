"""Three-way merge by id: each side's changes taken, the same change once, conflicts recorded, never lost."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journeymapper.formats import json_format
from journeymapper.model import Connection, JourneyDocument, Stage, Touchpoint
from journeymapper.model.conflicts import find_item
from journeymapper.model.diff import diff, dumped, place_of
from journeymapper.model.merge import merge

from strategies import copy_of, edited, journey_maps
from support import build_small_map

Edit = Callable[[JourneyDocument], object]


def nothing(_: JourneyDocument) -> None:
    pass


def merged(ours: Edit, theirs: Edit, base: JourneyDocument | None = None):
    base = base or build_small_map()
    sides = copy_of(base), copy_of(base)
    ours(sides[0])
    theirs(sides[1])
    return merge(base, *sides)


def with_more_stages() -> JourneyDocument:
    """Four stages: Browse, Purchase, Ship, Return."""
    document = build_small_map()
    document.add_stage(Stage(id="ship", name="Ship"))
    document.add_stage(Stage(id="return", name="Return"))
    return document


def add_card_to_ship(document: JourneyDocument) -> None:
    document.add_touchpoint(Touchpoint(id="pack", stage="ship", lane="web", title="Pack the box"))


def emotion(card: str, value: int) -> Edit:
    return lambda document: document.update_touchpoint(card, emotion=value)


# Each case: what OURS does, what THEIRS does, the conflicts (entity, id, field) expected, and a
# check of the merged map.
CASES = {
    "ours alone": (emotion("checkout", 2), nothing, [], lambda m: m.touchpoint("checkout").emotion == 2),
    "theirs alone": (nothing, emotion("checkout", 2), [], lambda m: m.touchpoint("checkout").emotion == 2),
    "the same change on both sides": (
        emotion("checkout", 2),
        emotion("checkout", 2),
        [],
        lambda m: m.touchpoint("checkout").emotion == 2,
    ),
    "different fields of one card": (
        lambda m: m.update_touchpoint("checkout", title="Pay"),
        emotion("checkout", 2),
        [],
        lambda m: (m.touchpoint("checkout").title, m.touchpoint("checkout").emotion) == ("Pay", 2),
    ),
    "moved on one side, edited on the other": (
        lambda m: m.move_touchpoint("checkout", "browse", "payments", 0),
        emotion("checkout", 2),
        [],
        lambda m: (m.touchpoint("checkout").stage, m.touchpoint("checkout").emotion) == ("browse", 2),
    ),
    "items added to one list on both sides": (
        lambda m: m.update_touchpoint("checkout", pain_points=["Slow"]),
        lambda m: m.update_touchpoint("checkout", pain_points=["Costly"]),
        [],
        lambda m: m.touchpoint("checkout").pain_points == ("Slow", "Costly"),
    ),
    "stages added on both sides": (
        lambda m: m.add_stage(Stage(id="ship", name="Ship")),
        lambda m: m.add_stage(Stage(id="return", name="Return"), 0),
        [],
        lambda m: list(m.stages) == ["return", "browse", "pay", "ship"],
    ),
    "stages moved on both sides": (
        lambda m: m.move_stage("pay", 0),
        lambda m: m.update_stage("pay", name="Pay"),
        [],
        lambda m: list(m.stages) == ["pay", "browse"] and m.stages["pay"].name == "Pay",
    ),
    "the same field changed differently": (
        emotion("checkout", 2),
        emotion("checkout", -2),
        [("touchpoint", "checkout", "emotion")],
        lambda m: m.touchpoint("checkout").emotion == 2,
    ),
    "a card deleted by ours, edited by theirs": (
        lambda m: m.remove_touchpoint("checkout"),
        emotion("checkout", 2),
        [("touchpoint", "checkout", "")],
        lambda m: not m.has_touchpoint("checkout"),
    ),
    "a card edited by ours, deleted by theirs": (
        emotion("checkout", 2),
        lambda m: m.remove_touchpoint("checkout"),
        [("touchpoint", "checkout", "")],
        lambda m: m.touchpoint("checkout").emotion == 2 and m.has_connection("c3"),
    ),
    "a card moved to different cells": (
        lambda m: m.move_touchpoint("checkout", "browse", "payments", 0),
        lambda m: m.move_touchpoint("checkout", "pay", "payments", 1),
        [("touchpoint", "checkout", "place")],
        lambda m: (m.touchpoint("checkout").stage, m.touchpoint("checkout").lane) == ("browse", "payments"),
    ),
}
STAGE_CASES = {
    "a stage moved differently on both sides": (
        lambda m: m.move_stage("browse", 3),
        lambda m: m.move_stage("browse", 2),
        [("stage", "browse", "position")],
        lambda m: list(m.stages) == ["pay", "ship", "return", "browse"],
    ),
    "a stage removed by ours, given a card by theirs": (
        lambda m: m.remove_stage("ship"),
        add_card_to_ship,
        [("stage", "ship", ""), ("touchpoint", "pack", "")],
        lambda m: "ship" not in m.stages and not m.has_touchpoint("pack"),
    ),
    "a stage given a card by ours, removed by theirs": (
        add_card_to_ship,
        lambda m: m.remove_stage("ship"),
        [("stage", "ship", "")],
        lambda m: "ship" in m.stages and m.has_touchpoint("pack"),
    ),
}


@pytest.mark.parametrize("ours, theirs, conflicts, check", CASES.values(), ids=CASES)
def test_merge_cases(ours, theirs, conflicts, check):
    result = merged(ours, theirs)
    assert [(c.entity, c.entity_id, c.field) for c in result.conflicts] == conflicts
    assert check(result.document)
    assert list(result.document.conflicts.values()) == list(result.conflicts)


@pytest.mark.parametrize("ours, theirs, conflicts, check", STAGE_CASES.values(), ids=STAGE_CASES)
def test_stage_cases(ours, theirs, conflicts, check):
    result = merged(ours, theirs, with_more_stages())
    assert [(c.entity, c.entity_id, c.field) for c in result.conflicts] == conflicts
    assert check(result.document)


def test_a_lane_removed_by_ours_keeps_theirs_new_card_and_its_connection_in_conflicts():
    def add_card(document: JourneyDocument) -> None:
        document.add_touchpoint(Touchpoint(id="refund", stage="pay", lane="mood", title="Refund"))
        document.add_connection(Connection(id="c9", source="charge", target="refund"))

    result = merged(lambda m: m.remove_lane("mood"), add_card)
    assert [(c.entity, c.entity_id, c.ours, c.theirs) for c in result.conflicts] == [
        ("lane", "mood", None, {"id": "mood", "name": "Emotions", "kind": "emotions"}),
        ("touchpoint", "refund", None, {"id": "refund", "stage": "pay", "lane": "mood", "title": "Refund"}),
        ("connection", "c9", None, {"id": "c9", "source": "charge", "target": "refund"}),
    ]


def test_a_conflict_holds_both_values_and_a_line_that_says_so():
    (conflict,) = merged(emotion("checkout", 2), emotion("checkout", -2)).conflicts
    assert (conflict.ours, conflict.theirs) == (2, -2)
    assert conflict.text == "Card 'Checkout': emotion: ours +2, theirs -2"


def test_a_deleted_and_edited_card_keeps_the_edited_version_in_the_conflict():
    (conflict,) = merged(lambda m: m.remove_touchpoint("checkout"), emotion("checkout", 2)).conflicts
    assert conflict.ours is None
    assert conflict.theirs == {
        "id": "checkout",
        "stage": "pay",
        "lane": "web",
        "title": "Checkout",
        "emotion": 2,
        "personas": ["buyer"],
    }
    assert conflict.text == "Card 'Checkout': ours removed it; theirs changed emotion to +2"


def test_a_persona_removed_by_theirs_stays_when_ours_tagged_a_card_with_it():
    def untag_and_remove(document: JourneyDocument) -> None:
        for card in ("search", "compare", "checkout"):
            document.update_touchpoint(card, personas=[])
        document.remove_persona("buyer")

    result = merged(lambda m: m.update_touchpoint("charge", personas=["buyer"]), untag_and_remove)
    assert [(c.entity, c.entity_id, c.field) for c in result.conflicts] == [("persona", "buyer", "")]
    assert result.document.touchpoint("charge").personas == ("buyer",)


def test_a_merge_with_conflicts_saves_and_loads_with_them():
    result = merged(emotion("checkout", 2), emotion("checkout", -2))
    text = json_format.dumps(result.document)
    assert json_format.loads(text) == result.document
    assert '"conflicts": [' in text


def test_conflicts_of_an_earlier_merge_are_kept_until_a_side_resolves_them():
    earlier = merged(emotion("checkout", 2), emotion("checkout", -2)).document
    ours, theirs = copy_of(earlier), copy_of(earlier)
    theirs.update_touchpoint("search", title="Find shoes")
    assert list(merge(earlier, ours, theirs).document.conflicts) == list(earlier.conflicts)
    ours.remove_conflict(next(iter(earlier.conflicts)))
    assert list(merge(earlier, ours, theirs).document.conflicts) == []


# -- properties ------------------------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(st.data(), journey_maps())
def test_merging_with_ours_unchanged_gives_theirs_and_the_reverse(data, base):
    changed = data.draw(edited(base))
    assert merge(base, copy_of(base), changed).document == changed
    assert merge(base, changed, copy_of(base)).document == changed
    assert merge(base, changed, copy_of(base)).conflicts == ()


def ids_of(document: JourneyDocument) -> list[str]:
    connections = [connection.id for connection in document.connections()]
    return ["map", *document.personas, *document.stages, *document.lanes, *document.graph, *connections]


def touched(base: JourneyDocument, side: JourneyDocument) -> set[tuple[str, str]]:
    """The objects a side changed, besides their order."""
    return {(change.what, change.id) for change in diff(base, side) if not order_only(change)}


def order_only(change) -> bool:
    """A change of order alone: a side's reorder merges with the other side's and may come out
    placed differently; what the test checks is that nothing else differs."""
    same_cell = change.kind == "moved" and change.old["stage"] == change.new["stage"]
    return change.kind == "reordered" or (same_cell and change.old["lane"] == change.new["lane"])


@settings(max_examples=150, deadline=None)
@given(st.data(), journey_maps())
def test_two_sides_editing_different_objects_merge_into_a_map_holding_both(data, base):
    ours_only = data.draw(st.sets(st.sampled_from(ids_of(base))))
    ours = data.draw(edited(base, "ours", lambda item_id: item_id in ours_only))
    theirs = data.draw(edited(base, "theirs", lambda item_id: item_id not in ours_only))
    result = merge(base, ours, theirs)
    assert result.conflicts == ()
    for side in (ours, theirs):
        mine = touched(base, side)
        left = [c for c in diff(side, result.document) if (c.what, c.id) in mine and not order_only(c)]
        assert left == []


@settings(max_examples=150, deadline=None)
@given(st.data(), journey_maps())
def test_any_two_sets_of_edits_merge_into_a_valid_map_that_keeps_ours_where_they_conflict(data, base):
    ours, theirs = data.draw(edited(base, "ours")), data.draw(edited(base, "theirs"))
    result = merge(base, ours, theirs)
    assert json_format.loads(json_format.dumps(result.document)) == result.document
    for conflict in result.conflicts:
        assert conflict.id in result.document.conflicts and conflict.text
        assert held_by(result.document, conflict) == (
            without_index(conflict.ours) if not conflict.field else conflict.ours
        )


def without_index(value: object) -> object:
    """A whole card as a conflict holds it, but for its index: cards the other side added before
    it in its cell shift it down."""
    return {key: item for key, item in value.items() if key != "index"} if isinstance(value, dict) else value


def held_by(document: JourneyDocument, conflict) -> object:
    """What the map holds where a conflict is: the field's value, the card's place, the stage's
    position, or the whole object (None when it is not there)."""
    item = find_item(document, conflict.entity, conflict.entity_id)
    if item is None or conflict.field == "":
        return None if item is None else without_index(dumped(item))
    if conflict.field == "place":
        return place_of(item)
    if conflict.field == "position":
        return list(getattr(document, f"{conflict.entity}s")).index(item.id)
    return item.model_dump(mode="json")[conflict.field]
