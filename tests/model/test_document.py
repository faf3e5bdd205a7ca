"""The live document keeps its invariants through every mutation and tells its listeners."""

from __future__ import annotations

import networkx as nx
import pytest

from journeymapper.errors import JourneyMapError
from journeymapper.model import Change, Connection, JourneyDocument, Lane, Persona, Stage, Touchpoint


def cell_titles(document: JourneyDocument, stage: str, lane: str) -> list[str]:
    return [document.touchpoint(card).title for card in document.cell(stage, lane)]


def test_cards_in_a_cell_are_ordered_by_index_and_numbered_without_gaps(small_map):
    assert cell_titles(small_map, "browse", "web") == ["Compare sizes", "Search for shoes"]
    assert [small_map.touchpoint(card).index for card in small_map.cell("browse", "web")] == [0, 1]


def test_adding_a_card_at_an_index_shifts_the_later_cards_down(small_map):
    small_map.add_touchpoint(Touchpoint(id="filter", stage="browse", lane="web", index=1, title="Filter"))
    assert cell_titles(small_map, "browse", "web") == ["Compare sizes", "Filter", "Search for shoes"]
    assert small_map.touchpoint("search").index == 2


def test_an_index_past_the_end_appends(small_map):
    small_map.add_touchpoint(Touchpoint(id="late", stage="pay", lane="web", index=99, title="Late"))
    assert small_map.touchpoint("late").index == 1


def test_moving_a_card_renumbers_both_cells(small_map):
    small_map.move_touchpoint("compare", "pay", "web", 0)
    assert cell_titles(small_map, "browse", "web") == ["Search for shoes"]
    assert cell_titles(small_map, "pay", "web") == ["Compare sizes", "Checkout"]
    moved = small_map.touchpoint("compare")
    assert (moved.stage, moved.lane, moved.index) == ("pay", "web", 0)
    assert small_map.touchpoint("search").index == 0


def test_moving_inside_a_cell_reorders_it(small_map):
    small_map.move_touchpoint("compare", "browse", "web", 1)
    assert cell_titles(small_map, "browse", "web") == ["Search for shoes", "Compare sizes"]


def test_moving_to_an_unknown_cell_is_refused_and_changes_nothing(small_map):
    before = small_map.to_file()
    with pytest.raises(JourneyMapError, match="no lane with id 'nowhere'"):
        small_map.move_touchpoint("compare", "pay", "nowhere", 0)
    assert small_map.to_file() == before


def test_update_changes_content_but_not_placement(small_map):
    small_map.update_touchpoint("checkout", title="Pay now", emotion=-2, channel="web")
    assert small_map.touchpoint("checkout").title == "Pay now"
    with pytest.raises(JourneyMapError, match="move_touchpoint"):
        small_map.update_touchpoint("checkout", stage="browse")


def test_an_invalid_update_is_refused_with_the_field_named(small_map):
    with pytest.raises(JourneyMapError, match="emotion"):
        small_map.update_touchpoint("checkout", emotion=7)
    assert small_map.touchpoint("checkout").emotion == -1


def test_removing_a_card_removes_and_returns_its_connections(small_map):
    card, connections = small_map.remove_touchpoint("checkout")
    assert card.title == "Checkout"
    assert sorted(c.id for c in connections) == ["c2", "c3"]
    assert [c.id for c in small_map.connections()] == ["c1"]
    assert not small_map.has_touchpoint("checkout")


def test_a_removed_card_and_its_connections_can_be_put_back(small_map):
    before = small_map.to_file()
    card, connections = small_map.remove_touchpoint("checkout")
    small_map.add_touchpoint(card)
    for connection in connections:
        small_map.add_connection(connection)
    assert small_map.to_file().touchpoints == before.touchpoints
    assert {c.id for c in small_map.connections()} == {"c1", "c2", "c3"}


def test_removing_many_cards_removes_each_connection_once_and_tells_once_all_are_gone(small_map):
    heard: list[tuple[Change, bool]] = []
    small_map.subscribe(lambda change: heard.append((change, small_map.has_touchpoint("compare"))))
    connections = small_map.remove_touchpoints(["compare", "checkout", "compare"])
    assert [c.id for c in connections] == ["c2", "c1", "c3"]  # out of each card, then into it
    assert small_map.cell("browse", "web") == ("search",) and small_map.touchpoint("search").index == 0
    assert heard == [
        (Change("connection", "removed", "c2"), False),
        (Change("connection", "removed", "c1"), False),
        (Change("touchpoint", "removed", "compare"), False),
        (Change("connection", "removed", "c3"), False),
        (Change("touchpoint", "removed", "checkout"), False),
    ]


def test_removing_many_cards_with_an_unknown_one_removes_none(small_map):
    before = small_map.to_file()
    with pytest.raises(JourneyMapError, match="ghost"):
        small_map.remove_touchpoints(["compare", "ghost"])
    assert small_map.to_file() == before


def test_many_cards_are_added_in_turn_and_heard_of_once_all_are_in(small_map):
    heard: list[tuple[Change, bool]] = []
    small_map.subscribe(lambda change: heard.append((change, small_map.has_touchpoint("second"))))
    small_map.add_touchpoints(
        [Touchpoint(id=card, stage="browse", lane="web", index=0, title=card) for card in ("first", "second")]
    )
    assert small_map.cell("browse", "web") == ("second", "first", "compare", "search")
    assert [small_map.touchpoint(card).index for card in small_map.cell("browse", "web")] == [0, 1, 2, 3]
    assert heard == [(Change("touchpoint", "added", "first"), True), (Change("touchpoint", "added", "second"), True)]


@pytest.mark.parametrize(
    ("last", "problem"),
    [
        (Touchpoint(id="new", stage="pay", lane="web", title="Twice"), "'new' already exists"),
        (Touchpoint(id="other", stage="pay", lane="nowhere", title="Lost"), "no lane with id 'nowhere'"),
        (Touchpoint(id="other", stage="pay", lane="web", title="Who", personas=["ghost"]), "no persona"),
    ],
)
def test_many_cards_with_a_bad_one_are_all_refused(small_map, last, problem):
    before = small_map.to_file()
    with pytest.raises(JourneyMapError, match=problem):
        small_map.add_touchpoints([Touchpoint(id="new", stage="pay", lane="web", title="New"), last])
    assert small_map.to_file() == before


def test_connection_ids_are_in_the_order_of_connections(small_map):
    connection = small_map.remove_connection("c3")
    small_map.add_connection(connection, position=0)
    assert small_map.connection_ids() == [c.id for c in small_map.connections()] == ["c3", "c1", "c2"]


@pytest.mark.parametrize(
    ("connection", "problem"),
    [
        (Connection(id="c9", source="search", target="ghost"), "no touchpoint with id 'ghost'"),
        (Connection(id="c9", source="search", target="search"), "to itself"),
        (Connection(id="c9", source="search", target="compare"), "repeats connection 'c1'"),
        (Connection(id="c1", source="charge", target="search"), "already exists"),
        (Connection(id="search", source="charge", target="search"), "already exists"),
    ],
)
def test_bad_connections_are_refused(small_map, connection, problem):
    with pytest.raises(JourneyMapError, match=problem):
        small_map.add_connection(connection)
    assert small_map.graph.number_of_edges() == 3


def test_connections_live_in_the_graph(small_map):
    assert small_map.graph.has_edge("compare", "checkout")
    assert small_map.graph.edges["compare", "checkout"]["connection"].conversion_rate == 0.4


def test_a_connection_can_be_retargeted(small_map):
    small_map.update_connection("c3", target="search", label="retry")
    assert not small_map.graph.has_edge("checkout", "charge")
    assert small_map.connection("c3").label == "retry"
    assert small_map.graph.has_edge("checkout", "search")


def test_duplicate_ids_are_refused(small_map):
    with pytest.raises(JourneyMapError, match="already exists"):
        small_map.add_touchpoint(Touchpoint(id="search", stage="pay", lane="web", title="Again"))
    with pytest.raises(JourneyMapError, match="already exists"):
        small_map.add_stage(Stage(id="pay", name="Pay again"))


def test_a_stage_holding_cards_cannot_be_removed(small_map):
    with pytest.raises(JourneyMapError, match="still holds 2 touchpoint"):
        small_map.remove_stage("pay")
    small_map.add_stage(Stage(id="empty", name="Empty"))
    assert small_map.remove_stage("empty").name == "Empty"


def test_a_lane_holding_cards_cannot_be_removed(small_map):
    with pytest.raises(JourneyMapError, match="still holds 1 touchpoint"):
        small_map.remove_lane("payments")
    assert small_map.remove_lane("mood").name == "Emotions"


def test_a_persona_tagged_on_cards_cannot_be_removed(small_map):
    with pytest.raises(JourneyMapError, match="still tagged"):
        small_map.remove_persona("buyer")


def test_tagging_an_unknown_persona_is_refused(small_map):
    with pytest.raises(JourneyMapError, match="no persona with id 'ghost'"):
        small_map.update_touchpoint("search", personas=["ghost"])


def test_stages_and_lanes_reorder_and_cards_travel_with_them(small_map):
    small_map.move_stage("pay", 0)
    small_map.move_lane("mood", 0)
    assert list(small_map.stages) == ["pay", "browse"]
    assert list(small_map.lanes) == ["mood", "web", "payments"]
    assert [card.id for card in small_map.touchpoints()] == ["checkout", "charge", "compare", "search"]


def test_ids_cannot_be_edited(small_map):
    with pytest.raises(JourneyMapError, match="id cannot be edited"):
        small_map.update_stage("pay", id="other")


def test_map_fields_can_be_edited_but_not_its_id(small_map):
    small_map.update_map(title="Checkout v2", kind="user")
    assert (small_map.title, small_map.kind) == ("Checkout v2", "user")
    with pytest.raises(JourneyMapError):
        small_map.update_map(id="other")
    with pytest.raises(JourneyMapError, match="kind"):
        small_map.update_map(kind="galaxy")


def test_listeners_hear_every_mutation_in_order(small_map):
    heard: list[Change] = []
    unsubscribe = small_map.subscribe(heard.append)
    small_map.add_persona(Persona(id="admin", name="Ade"))
    small_map.update_lane("web", name="Storefront")
    small_map.move_touchpoint("search", "pay", "payments", 0)
    small_map.remove_touchpoint("charge")
    unsubscribe()
    small_map.update_map(title="unheard")
    assert heard == [
        Change("persona", "added", "admin"),
        Change("lane", "updated", "web"),
        Change("touchpoint", "moved", "search"),
        Change("connection", "removed", "c3"),
        Change("touchpoint", "removed", "charge"),
    ]


def test_new_ids_are_unused(small_map):
    fresh = {small_map.new_id("tp") for _ in range(50)}
    assert len(fresh) == 50
    assert all(identifier.startswith("tp-") and not small_map.has_touchpoint(identifier) for identifier in fresh)


def test_documents_with_the_same_content_are_equal(small_map):
    other = JourneyDocument.from_file(small_map.to_file())
    assert other == small_map
    other.update_touchpoint("search", title="Changed")
    assert other != small_map


def test_stage_positions(small_map):
    small_map.add_stage(Stage(id="first", name="First"), position=0)
    assert small_map.stages.position("first") == 0
    assert small_map.stages.position("pay") == 2
    assert isinstance(small_map.lanes["web"], Lane)


def test_a_loaded_graph_is_the_one_networkx_builds_through_its_own_calls(small_map):
    data = small_map.to_file()
    reference = nx.DiGraph()
    reference.add_nodes_from((card.id, {"touchpoint": card}) for card in data.touchpoints)
    reference.add_edges_from((c.source, c.target, {"connection": c}) for c in data.connections)
    loaded = JourneyDocument.from_file(data).graph
    assert nx.utils.graphs_equal(loaded, reference)
    assert list(loaded.edges) == list(reference.edges)
    assert list(loaded.in_edges("checkout", data=True)) == list(reference.in_edges("checkout", data=True))
    assert loaded.edges["compare", "checkout"] is loaded.pred["checkout"]["compare"]


def test_a_loaded_graph_takes_further_edits(small_map):
    loaded = JourneyDocument.from_file(small_map.to_file())
    loaded.remove_touchpoint("compare")
    loaded.add_connection(Connection(id="c4", source="search", target="checkout"))
    assert sorted(loaded.graph.edges) == [("checkout", "charge"), ("search", "checkout")]
    assert list(loaded.graph.predecessors("checkout")) == ["search"]
    assert loaded.graph.in_degree("checkout") == 1


def the_graph_networkx_builds(document: JourneyDocument) -> nx.DiGraph:
    data = document.to_file()
    reference = nx.DiGraph()
    reference.add_nodes_from((card.id, {"touchpoint": card}) for card in data.touchpoints)
    reference.add_edges_from((c.source, c.target, {"connection": c}) for c in data.connections)
    return reference


def test_the_graph_handed_out_follows_every_later_edit(small_map):
    graph = small_map.graph
    small_map.add_touchpoint(Touchpoint(id="refund", stage="pay", lane="payments", index=0, title="Refund"))
    small_map.add_connection(Connection(id="c4", source="charge", target="refund"))
    small_map.update_connection("c2", target="charge", label="skips checkout")
    small_map.update_touchpoint("search", title="Find shoes")
    small_map.move_touchpoint("compare", "pay", "payments", 0)
    small_map.remove_touchpoint("checkout")
    assert small_map.graph is graph
    assert nx.utils.graphs_equal(graph, the_graph_networkx_builds(small_map))
    assert graph.edges["compare", "charge"] is graph.pred["charge"]["compare"]


def test_a_copy_of_a_map_can_take_a_new_id_and_listeners_hear_of_it(small_map):
    heard = []
    small_map.subscribe(heard.append)
    small_map.change_id("checkout-map-variant")
    assert small_map.id == "checkout-map-variant"
    assert heard == [Change("map", "updated", "")]


def test_a_new_id_must_be_a_valid_id(small_map):
    with pytest.raises(JourneyMapError, match="id"):
        small_map.change_id("has spaces")
    assert small_map.id == "checkout-map"


def test_removing_a_card_renumbers_the_cards_after_it_and_leaves_those_before_alone(small_map):
    small_map.add_touchpoint(Touchpoint(id="third", stage="browse", lane="web", index=2, title="Third"))
    first = small_map.touchpoint("compare")
    small_map.remove_touchpoint("search")
    assert small_map.cell("browse", "web") == ("compare", "third")
    assert [small_map.touchpoint(card).index for card in ("compare", "third")] == [0, 1]
    assert small_map.touchpoint("compare") is first


def connection_ids(document: JourneyDocument) -> list[str]:
    return [connection.id for connection in document.connections()]


def test_a_connection_added_at_a_position_takes_that_place_in_the_order(small_map):
    removed = small_map.remove_connection("c1")
    small_map.add_connection(Connection(id="c4", source="search", target="checkout"))
    small_map.add_connection(removed, 0)
    assert connection_ids(small_map) == ["c1", "c2", "c3", "c4"]


def test_positions_count_every_connection_added_or_removed_before_the_order_is_read(small_map):
    small_map.add_connection(small_map.remove_connection("c1"), 1)  # c2 c1 c3
    small_map.add_connection(Connection(id="c4", source="search", target="checkout"))  # c2 c1 c3 c4
    small_map.add_connection(Connection(id="c5", source="charge", target="search"), 2)  # c2 c1 c5 c3 c4
    small_map.remove_connection("c2")  # c1 c5 c3 c4
    small_map.add_connection(Connection(id="c6", source="charge", target="compare"), -3)  # clamped to the front
    assert connection_ids(small_map) == ["c6", "c1", "c5", "c3", "c4"]
