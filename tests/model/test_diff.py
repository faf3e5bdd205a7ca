"""The semantic diff: every change by id, in the map's words, and enough to turn one map into the other."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from journeymapper.formats import json_format
from journeymapper.model import Conflict, Connection, JourneyDocument, Lane, Persona, Stage, Touchpoint
from journeymapper.model.diff import MapChange, diff

from strategies import copy_of, edited, journey_maps
from support import SAMPLES, build_small_map

END = 1 << 30


def changes_after(edit) -> list[MapChange]:
    old = build_small_map()
    new = copy_of(old)
    edit(new)
    return diff(old, new)


def texts_after(edit) -> list[str]:
    return [change.text for change in changes_after(edit)]


def summary(change: MapChange) -> tuple[Any, ...]:
    return change.what, change.id, change.kind, change.field, change.old, change.new


# -- no change -------------------------------------------------------------------------------


def test_a_map_compared_with_itself_has_no_changes():
    assert diff(build_small_map(), build_small_map()) == []


def test_each_sample_compared_with_a_reloaded_copy_has_no_changes():
    for sample in SAMPLES:
        assert diff(json_format.load(sample), json_format.load(sample)) == []


# -- the map and its personas ----------------------------------------------------------------


def test_map_fields_are_compared_one_by_one():
    changes = changes_after(lambda m: m.update_map(title="Checkout v2", kind="user", description="Why"))
    assert [summary(change) for change in changes] == [
        ("map", "checkout-map", "renamed", "title", "Checkout", "Checkout v2"),
        ("map", "checkout-map", "changed", "kind", "customer", "user"),
        ("map", "checkout-map", "changed", "description", "", "Why"),
    ]
    assert [change.text for change in changes] == [
        "Map 'Checkout' renamed to 'Checkout v2'",
        "Map: kind customer → user",
        "Map: description none → 'Why'",
    ]


def test_personas_added_removed_renamed_changed_and_reordered():
    def edit(document: JourneyDocument) -> None:
        document.add_persona(Persona(id="ops", name="Olu", role="Ops"), 0)
        document.update_persona("buyer", name="Beatriz", role="Head buyer")

    assert texts_after(edit) == [
        "Persona 'Olu' added at the front",
        "Persona 'Bea' renamed to 'Beatriz'",
        "Persona 'Beatriz': role 'Buyer' → 'Head buyer'",
    ]
    old = build_small_map()
    old.add_persona(Persona(id="ops", name="Olu"))
    new = copy_of(old)
    new.update_touchpoint("search", personas=[])
    new.update_touchpoint("compare", personas=[])
    new.update_touchpoint("checkout", personas=[])
    new.remove_persona("buyer")
    assert "Persona 'Bea' removed" in [change.text for change in diff(old, new)]


def test_personas_in_another_order_count_as_reordered():
    old = build_small_map()
    for persona_id in ("ops", "cfo"):
        old.add_persona(Persona(id=persona_id, name=persona_id.upper()))
    content = old.to_file()
    personas = content.personas
    new = JourneyDocument.from_file(content.model_copy(update={"personas": (personas[2], *personas[:2])}))
    assert [summary(change) for change in diff(old, new)] == [("persona", "cfo", "reordered", "position", 2, 0)]


# -- stages and lanes ------------------------------------------------------------------------


def test_stages_added_removed_renamed_and_reordered():
    texts = texts_after(
        lambda m: (
            m.add_stage(Stage(id="ship", name="Ship")),
            m.update_stage("browse", name="Browse & compare"),
            m.move_stage("pay", 0),
        )
    )
    assert texts == [
        "Stage 'Purchase' moved to the front",
        "Stage 'Browse' renamed to 'Browse & compare'",
        "Stage 'Ship' added after 'Browse & compare'",
    ]
    assert texts_after(lambda m: (m.add_stage(Stage(id="ship", name="Ship")), m.remove_stage("ship"))) == []
    old = build_small_map()
    old.add_stage(Stage(id="ship", name="Ship"))
    assert [change.text for change in diff(old, build_small_map())] == ["Stage 'Ship' removed"]


def test_only_the_stage_that_left_the_order_counts_as_moved():
    old = build_small_map()
    old.add_stage(Stage(id="ship", name="Ship"))
    new = copy_of(old)
    new.move_stage("browse", 2)
    new.add_stage(Stage(id="return", name="Return"), 1)
    changes = diff(old, new)
    assert [summary(change) for change in changes] == [
        ("stage", "return", "added", "", None, {"id": "return", "name": "Return"}),
        ("stage", "browse", "reordered", "position", 0, 3),
    ]
    assert changes[0].position == 1
    assert [change.text for change in changes] == [
        "Stage 'Return' added after 'Purchase'",
        "Stage 'Browse' moved after 'Ship'",
    ]


def test_lanes_are_compared_like_stages():
    def edit(document: JourneyDocument) -> None:
        document.update_lane("web", name="Web", colour="#000000")
        document.move_lane("mood", 0)
        document.remove_touchpoint("charge")
        document.remove_lane("payments")

    texts = texts_after(edit)
    assert texts[:3] == [
        "Lane 'Emotions' moved to the front",
        "Lane 'Web team' renamed to 'Web'",
        "Lane 'Web': colour '#4c78a8' → '#000000'",
    ]
    assert "Lane 'Payments' removed" in texts


# -- cards -----------------------------------------------------------------------------------


def test_a_changed_field_reads_old_to_new_in_the_maps_words():
    changes = changes_after(lambda m: m.update_touchpoint("checkout", emotion=1, personas=[]))
    assert [summary(change) for change in changes] == [
        ("touchpoint", "checkout", "changed", "emotion", -1, 1),
        ("touchpoint", "checkout", "changed", "personas", ["buyer"], []),
    ]
    assert [change.text for change in changes] == ["'Checkout': emotion -1 → +1", "'Checkout': personas -'Bea'"]


def test_a_changed_list_shows_the_items_that_came_and_went():
    old = build_small_map()
    old.update_touchpoint("checkout", pain_points=["Slow", "Costly"])
    new = copy_of(old)
    new.update_touchpoint("checkout", pain_points=["Costly", "No guest checkout"])
    assert [change.text for change in diff(old, new)] == ["'Checkout': pain points +'No guest checkout' -'Slow'"]


def test_cards_added_and_removed_name_their_cell():
    card = Touchpoint(id="refund", stage="pay", lane="payments", title="Refund", index=1)
    changes = changes_after(lambda m: m.add_touchpoint(card))
    assert [summary(change) for change in changes] == [
        (
            "touchpoint",
            "refund",
            "added",
            "",
            None,
            {"id": "refund", "stage": "pay", "lane": "payments", "index": 1, "title": "Refund"},
        )
    ]
    assert changes[0].text == "Card 'Refund' added to Purchase / Payments"
    texts = texts_after(lambda m: m.remove_touchpoint("charge"))
    assert texts == [
        "Card 'Charge card' removed from Purchase / Payments",
        "Connection 'Checkout' → 'Charge card' removed",
    ]


def test_a_card_moved_to_another_cell_says_from_where_to_where():
    changes = changes_after(lambda m: m.move_touchpoint("checkout", "browse", "payments", 0))
    assert [summary(change) for change in changes] == [
        (
            "touchpoint",
            "checkout",
            "moved",
            "place",
            {"stage": "pay", "lane": "web", "index": 0},
            {"stage": "browse", "lane": "payments", "index": 0},
        )
    ]
    assert changes[0].text == "Card 'Checkout' moved from Purchase / Web team to Browse / Payments"


def test_a_card_moved_within_its_cell_says_after_which_card():
    old = build_small_map()
    old.add_touchpoint(Touchpoint(id="filter", stage="browse", lane="web", index=2, title="Filter by size"))
    first, last = copy_of(old), copy_of(old)
    first.move_touchpoint("filter", "browse", "web", 0)
    last.move_touchpoint("compare", "browse", "web", 2)
    assert [change.text for change in diff(old, first)] == [
        "Card 'Filter by size' moved to the top of Browse / Web team"
    ]
    assert [change.text for change in diff(old, last)] == [
        "Card 'Compare sizes' moved after 'Filter by size' in Browse / Web team"
    ]


def test_cards_pushed_down_by_a_new_card_have_not_moved():
    card = Touchpoint(id="first", stage="browse", lane="web", title="First", index=0)
    assert texts_after(lambda m: m.add_touchpoint(card)) == ["Card 'First' added to Browse / Web team"]


def test_a_card_moved_and_edited_shows_both():
    def edit(document: JourneyDocument) -> None:
        document.move_touchpoint("charge", "browse", "payments", 0)
        document.update_touchpoint("charge", title="Charge the card")

    assert texts_after(edit) == [
        "Card 'Charge card' renamed to 'Charge the card'",
        "Card 'Charge the card' moved from Purchase / Payments to Browse / Payments",
    ]


# -- connections and conflicts ---------------------------------------------------------------


def test_connections_added_removed_and_changed():
    def edit(document: JourneyDocument) -> None:
        document.add_connection(Connection(id="c4", source="search", target="charge", kind="dependency"))
        document.update_connection("c2", conversion_rate=0.55, label="Fits")
        document.remove_connection("c3")

    assert texts_after(edit) == [
        "Connection 'Compare sizes' → 'Checkout': label none → 'Fits'",
        "Connection 'Compare sizes' → 'Checkout': conversion rate 40% → 55%",
        "Connection 'Search for shoes' → 'Charge card' added",
        "Connection 'Checkout' → 'Charge card' removed",
    ]


def test_a_connection_given_another_end_names_the_cards():
    assert texts_after(lambda m: m.update_connection("c1", target="checkout")) == [
        "Connection 'Search for shoes' → 'Checkout': target 'Compare sizes' → 'Checkout'"
    ]


def test_conflicts_recorded_and_resolved():
    conflict = Conflict(id="k1", entity="touchpoint", entity_id="search", field="emotion", ours=1, theirs=2, text="x")
    assert texts_after(lambda m: m.add_conflict(conflict)) == ["Conflict: x"]
    old = build_small_map()
    old.add_conflict(conflict)
    assert [change.text for change in diff(old, build_small_map())] == ["Conflict resolved: x"]


def test_two_unrelated_maps_differ_in_everything():
    first, second = (json_format.load(sample) for sample in SAMPLES[:2])
    changes = diff(first, second)
    assert {change.kind for change in changes if change.what != "map"} == {"added", "removed"}
    assert len([change for change in changes if change.what == "touchpoint"]) == (
        first.touchpoint_count() + second.touchpoint_count()
    )


# -- the changes are complete ----------------------------------------------------------------


def apply_changes(document: JourneyDocument, changes: list[MapChange]) -> None:
    """Make each change to ``document``, in an order the document accepts: what goes first, what
    arrives next, places and orders last."""
    by_kind = {kind: [change for change in changes if change.kind == kind] for kind in ("added", "removed")}
    for change in reversed(by_kind["removed"]):  # connections before cards, cards before stages
        if change.what in ("connection", "touchpoint", "conflict"):
            remove(document, change)
    for change in by_kind["added"]:
        if change.what in ("persona", "stage", "lane"):
            add(document, change)
    for change in changes:
        if change.kind in ("renamed", "changed"):
            set_field(document, change)
    place_cards(document, [change for change in changes if change.what == "touchpoint"])
    for change in by_kind["added"]:
        if change.what in ("connection", "conflict"):
            add(document, change)
    for change in by_kind["removed"]:
        if change.what in ("persona", "stage", "lane"):
            remove(document, change)
    for what in ("persona", "stage", "lane"):
        reorder(document, what, [change for change in changes if change.what == what])


def add(document: JourneyDocument, change: MapChange) -> None:
    model = {"persona": Persona, "stage": Stage, "lane": Lane, "connection": Connection, "conflict": Conflict}
    getattr(document, f"add_{change.what}")(model[change.what].model_validate(change.new))


def remove(document: JourneyDocument, change: MapChange) -> None:
    getattr(document, f"remove_{change.what}")(change.id)


def set_field(document: JourneyDocument, change: MapChange) -> None:
    if change.what == "map":
        document.change_id(change.new) if change.field == "id" else document.update_map(**{change.field: change.new})
    else:
        getattr(document, f"update_{change.what}")(change.id, **{change.field: change.new})


def place_cards(document: JourneyDocument, changes: list[MapChange]) -> None:
    """Each moved or added card goes last in its new cell, then to its index, lowest first."""
    places = {}
    for change in changes:
        if change.kind == "added":
            card = Touchpoint.model_validate(change.new)
            document.add_touchpoint(card.model_copy(update={"index": END}))
            places[card.id] = (card.stage, card.lane, card.index)
        elif change.kind == "moved":
            places[change.id] = (change.new["stage"], change.new["lane"], change.new["index"])
    for card_id, (stage, lane, _) in places.items():
        document.move_touchpoint(card_id, stage, lane, END)
    for card_id, place in sorted(places.items(), key=lambda item: item[1][2]):
        document.move_touchpoint(card_id, *place)


def reorder(document: JourneyDocument, what: str, changes: list[MapChange]) -> None:
    positions = {change.id: change.position for change in changes if change.kind == "added"}
    positions |= {change.id: change.new for change in changes if change.kind == "reordered"}
    move = getattr(document, f"move_{what}", None)
    if move is None:
        items = getattr(document, f"{what}s")
        move = items.move
    for item_id in sorted(positions, key=positions.get):
        move(item_id, END)
    for item_id in sorted(positions, key=positions.get):
        move(item_id, positions[item_id])


def without_connection_order(document: JourneyDocument) -> Any:
    content = document.to_file()
    return content.model_copy(update={"connections": tuple(sorted(content.connections, key=lambda c: c.id))})


@settings(max_examples=150, deadline=None)
@given(st.data(), journey_maps())
def test_making_the_changes_of_a_diff_turns_the_old_map_into_the_new(data, old):
    new = data.draw(edited(old))
    patched = copy_of(old)
    apply_changes(patched, diff(old, new))
    assert without_connection_order(patched) == without_connection_order(new)


@settings(max_examples=50, deadline=None)
@given(st.data(), journey_maps())
def test_the_diff_of_a_map_with_an_edited_copy_is_empty_only_if_nothing_changed(data, old):
    new = data.draw(edited(old))
    assert (diff(old, new) == []) == (without_connection_order(old) == without_connection_order(new))
