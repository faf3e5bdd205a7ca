"""Resolving a merge conflict: OURS kept or THEIRS taken, as one edit that can be undone."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journeymapper.errors import JourneyMapError
from journeymapper.model import Conflict, Connection, JourneyDocument, Stage, Touchpoint
from journeymapper.model.conflicts import conflict_id, resolve
from journeymapper.model.merge import merge

from strategies import copy_of, edited, journey_maps
from support import build_small_map


def merged(ours, theirs, base: JourneyDocument | None = None) -> JourneyDocument:
    base = base or build_small_map()
    sides = copy_of(base), copy_of(base)
    ours(sides[0])
    theirs(sides[1])
    return merge(base, *sides).document


def only_conflict(document: JourneyDocument) -> str:
    (found,) = document.conflicts
    return found


def test_the_id_of_a_conflict_depends_only_on_what_it_is_about():
    assert conflict_id("touchpoint", "checkout", "emotion") == conflict_id("touchpoint", "checkout", "emotion")
    assert conflict_id("touchpoint", "checkout", "emotion") != conflict_id("touchpoint", "checkout", "title")


def test_taking_theirs_sets_their_value_and_drops_the_conflict_and_undo_puts_both_back():
    document = merged(
        lambda m: m.update_touchpoint("checkout", emotion=2), lambda m: m.update_touchpoint("checkout", emotion=-2)
    )
    before = copy_of(document)
    undo = resolve(document, only_conflict(document), "theirs")
    assert document.touchpoint("checkout").emotion == -2 and not document.conflicts
    undo()
    assert document == before


def test_keeping_ours_only_drops_the_conflict():
    document = merged(
        lambda m: m.update_stage("pay", name="Pay"), lambda m: m.update_stage("pay", name="Checkout and pay")
    )
    before = copy_of(document)
    undo = resolve(document, only_conflict(document), "ours")
    assert document.stages["pay"].name == "Pay" and not document.conflicts
    undo()
    assert document == before


def test_taking_theirs_brings_back_a_card_ours_deleted_and_theirs_edited():
    document = merged(lambda m: m.remove_touchpoint("checkout"), lambda m: m.update_touchpoint("checkout", emotion=2))
    undo = resolve(document, only_conflict(document), "theirs")
    assert document.touchpoint("checkout").emotion == 2
    undo()
    assert not document.has_touchpoint("checkout")


def test_taking_theirs_deletes_a_card_theirs_deleted_and_undo_restores_its_connections():
    document = merged(lambda m: m.update_touchpoint("checkout", emotion=2), lambda m: m.remove_touchpoint("checkout"))
    before = copy_of(document)
    undo = resolve(document, only_conflict(document), "theirs")
    assert not document.has_touchpoint("checkout")
    undo()
    assert document == before


def test_taking_theirs_moves_a_card_to_their_place():
    document = merged(
        lambda m: m.move_touchpoint("checkout", "browse", "payments", 0),
        lambda m: m.move_touchpoint("checkout", "pay", "payments", 1),
    )
    before = copy_of(document)
    undo = resolve(document, only_conflict(document), "theirs")
    card = document.touchpoint("checkout")
    assert (card.stage, card.lane, card.index) == ("pay", "payments", 1)
    undo()
    assert document == before


def test_taking_theirs_moves_a_stage_to_their_position():
    base = build_small_map()
    base.add_stage(Stage(id="ship", name="Ship"))
    base.add_stage(Stage(id="return", name="Return"))
    document = merged(lambda m: m.move_stage("browse", 3), lambda m: m.move_stage("browse", 2), base)
    undo = resolve(document, only_conflict(document), "theirs")
    assert list(document.stages) == ["pay", "ship", "browse", "return"]
    undo()
    assert list(document.stages) == ["pay", "ship", "return", "browse"]


def test_a_stage_ours_removed_comes_back_before_theirs_cards_in_it():
    base = build_small_map()
    base.add_stage(Stage(id="ship", name="Ship"))

    def add_card(document: JourneyDocument) -> None:
        document.add_touchpoint(Touchpoint(id="pack", stage="ship", lane="web", title="Pack"))
        document.add_connection(Connection(id="c9", source="charge", target="pack"))

    document = merged(lambda m: m.remove_stage("ship"), add_card, base)
    ids = {conflict.entity: conflict.id for conflict in document.conflicts.values()}
    with pytest.raises(JourneyMapError, match="no stage with id 'ship'"):
        resolve(document, ids["touchpoint"], "theirs")
    assert len(document.conflicts) == 3  # a refusal changes nothing
    for entity in ("stage", "touchpoint", "connection"):
        resolve(document, ids[entity], "theirs")
    assert document.touchpoint("pack").stage == "ship" and document.has_connection("c9")
    assert not document.conflicts


def test_a_stage_theirs_removed_cannot_go_while_ours_cards_are_in_it():
    base = build_small_map()
    base.add_stage(Stage(id="ship", name="Ship"))
    document = merged(
        lambda m: m.add_touchpoint(Touchpoint(id="pack", stage="ship", lane="web", title="Pack")),
        lambda m: m.remove_stage("ship"),
        base,
    )
    with pytest.raises(JourneyMapError, match="still holds 1 touchpoint"):
        resolve(document, only_conflict(document), "theirs")
    document.remove_touchpoint("pack")
    resolve(document, only_conflict(document), "theirs")
    assert "ship" not in document.stages


@settings(max_examples=100, deadline=None)
@given(st.data(), journey_maps(), st.sampled_from(["ours", "theirs"]))
def test_resolving_every_conflict_and_undoing_it_all_gives_the_merge_back(data, base, side):
    result = merge(base, data.draw(edited(base, "ours")), data.draw(edited(base, "theirs")))
    document, before = result.document, copy_of(result.document)
    undos = []
    for conflict in list(document.conflicts):
        with contextlib.suppress(JourneyMapError):  # THEIRS' side may need another conflict resolved first
            undos.append(resolve(document, conflict, side))
    for undo in reversed(undos):
        undo()
    assert document == before


@pytest.mark.parametrize(
    "conflict",
    [
        Conflict(id="k", entity="touchpoint", entity_id="checkout", field="place", theirs={"stage": "pay"}),
        Conflict(id="k", entity="stage", entity_id="pay", field="position", theirs="first"),
        Conflict(id="k", entity="touchpoint", entity_id="new", theirs={"title": "no id"}),
        Conflict(id="k", entity="touchpoint", entity_id="checkout", field="mood", theirs=1),
    ],
    ids=["place", "position", "object", "field"],
)
def test_a_hand_edited_conflict_that_makes_no_sense_is_refused_in_words(conflict):
    document = build_small_map()
    document.add_conflict(conflict)
    before = copy_of(document)
    with pytest.raises(JourneyMapError):
        resolve(document, "k", "theirs")
    assert document == before
