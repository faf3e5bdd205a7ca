"""A table applied to an existing map: by card id, the table's columns only, new names made new."""

from __future__ import annotations

import pytest

from journeymapper.errors import JourneyMapError
from journeymapper.formats import json_format
from journeymapper.formats.csv_cards import dumps_csv, update_from_text, update_summary
from journeymapper.model import JourneyDocument, Metric, Stage

from support import build_small_map


def update(document: JourneyDocument, text: str) -> JourneyDocument:
    before = json_format.dumps(document)
    updated = update_from_text(document, text, "cards.csv")
    assert json_format.dumps(document) == before  # the map given is never changed
    return updated


def update_error(document: JourneyDocument, text: str) -> str:
    before = json_format.dumps(document)
    with pytest.raises(JourneyMapError) as caught:
        update_from_text(document, text, "cards.csv")
    assert json_format.dumps(document) == before
    message = str(caught.value)
    assert "\n" not in message and message.startswith("cards.csv: ")
    return message.removeprefix("cards.csv: ")


def cells(document: JourneyDocument) -> dict[tuple[str, str], list[str]]:
    return {(stage, lane): list(document.cell(stage, lane)) for stage in document.stages for lane in document.lanes}


def test_a_row_with_a_cards_id_replaces_only_the_fields_of_the_tables_columns():
    document = build_small_map()
    document.update_touchpoint("charge", description="Card is charged", tags=("payments",))
    updated = update(document, "ID,Metrics,Emotion\ncharge,Authorisation rate=94.1 %; Retries=2,1\n")
    charge = updated.touchpoint("charge")
    assert charge.metrics == {"Authorisation rate": Metric(value=94.1, unit="%"), "Retries": Metric(value=2)}
    assert charge.emotion == 1
    assert (charge.description, charge.tags, charge.title) == ("Card is charged", ("payments",), "Charge card")
    others = [card for card in updated.touchpoints() if card.id != "charge"]
    assert others == [card for card in document.touchpoints() if card.id != "charge"]
    assert list(updated.connections()) == list(document.connections())


def test_an_empty_cell_clears_its_field():
    document = build_small_map()
    document.update_touchpoint("search", description="Typed", pain_points=("Slow",), metrics={"N": Metric(value=1)})
    search = update(document, "id,description,emotion,personas,pain points,metrics\nsearch,,,,,\n").touchpoint("search")
    assert (search.description, search.emotion, search.personas, search.pain_points, search.metrics) == (
        "",
        None,
        (),
        (),
        {},
    )


def test_rows_without_a_known_id_add_cards_and_unknown_names_add_stages_lanes_and_personas():
    document = build_small_map()
    text = (
        "id,stage,lane,title,personas\n"
        "charge,Purchase,Payments,Charge card,\n"
        ",Delivery,Courier,Parcel arrives,Bea; Carl\n"
        "new-1,Browse,Web team,Filters,\n"
    )
    updated = update(document, text)
    assert list(updated.stages) == ["browse", "pay", "stage-delivery"]
    assert list(updated.lanes) == ["web", "payments", "mood", "lane-courier"]
    assert [persona.name for persona in updated.personas.values()] == ["Bea", "Carl"]
    parcel = updated.touchpoint("tp-parcel-arrives")
    assert (parcel.stage, parcel.lane, parcel.personas) == ("stage-delivery", "lane-courier", ("buyer", "persona-carl"))
    assert updated.cell("browse", "web") == ("compare", "search", "new-1")  # a new card without an index goes last
    assert update_summary(document, updated) == "0 touchpoints changed, 2 added; 1 new stage; 1 new lane; 1 new persona"


def test_a_stage_or_lane_cell_moves_a_card_and_the_index_places_it():
    document = build_small_map()
    updated = update(document, "id,stage,lane,index\ncharge,Browse,web team,1\ncheckout,Purchase,Payments,\n")
    assert cells(updated)[("browse", "web")] == ["compare", "charge", "search"]
    assert cells(updated)[("pay", "payments")] == ["checkout"]
    assert cells(updated)[("pay", "web")] == []


def test_indexes_in_a_whole_table_reorder_a_cell():
    document = build_small_map()
    updated = update(document, "id,index\nsearch,0\ncompare,1\n")
    assert updated.cell("browse", "web") == ("search", "compare")
    assert update_summary(document, updated) == "cards reordered in their cells"


def test_a_name_shared_by_two_stages_keeps_a_card_where_it_is_and_is_refused_elsewhere():
    document = build_small_map()
    document.add_stage(Stage(id="pay-again", name="purchase"))
    text = dumps_csv(document).decode("utf-8-sig")
    assert update(document, text) == document
    message = update_error(document, "id,stage\ncompare,Purchase\n")
    assert message == "row 2, column \"stage\": 2 stages of the map are named 'Purchase': rename one first"


def test_a_blank_stage_lane_title_or_index_leaves_the_cards_as_it_is():
    document = build_small_map()
    assert update(document, "id,stage,lane,title,index\nsearch,,,,\n") == document


def test_a_new_card_needs_a_stage_a_lane_and_a_title():
    message = update_error(build_small_map(), "id,stage,lane,title\nsearch,,,\n,Browse,Web team, \n")
    assert message == 'row 3, column "title": a new card needs a title'


def test_a_table_of_another_maps_cards_is_refused():
    message = update_error(build_small_map(), "id,stage,lane,title\ntp-a,S,L,a\ntp-b,S,L,b\n")
    assert message == (
        "none of its ids is a card of the map 'checkout-map': is it another map's table? A new card needs no id"
    )


def test_an_id_of_a_stage_or_connection_is_refused():
    assert update_error(build_small_map(), "id,stage,lane,title\nsearch,Browse,Web team,a\nc1,S,L,b\n") == (
        "row 3, column \"id\": 'c1' is the id of a connection of the map, not of a card"
    )
    assert update_error(build_small_map(), "id,title\nsearch,a\nbrowse,b\n").startswith(
        "row 3, column \"id\": 'browse' is the id of a stage of the map"
    )


def test_a_new_card_needs_the_stage_lane_and_title_columns():
    assert update_error(build_small_map(), "id,title\nsearch,a\nnew,b\n") == (
        "row 3: 'new' is no card of the map, and a new card needs the columns stage, lane and title; "
        'there is no "stage" column'
    )
    assert update_error(build_small_map(), "title,stage\nx,Browse\n") == (
        "without an id column every row is a new card, which needs the columns stage, lane and title; "
        'it has no "lane" column'
    )


def test_a_table_that_changes_nothing_says_so():
    document = build_small_map()
    assert update_summary(document, update(document, "id,title\nsearch,Search for shoes\n")) == "no changes"
