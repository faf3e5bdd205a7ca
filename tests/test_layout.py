"""The layout: one Qt-free geometry of the map that both the canvas and the PDF draw."""

from __future__ import annotations

import subprocess
import sys
from enum import Enum
from itertools import combinations
from typing import Any

import pytest

from journeymapper.formats import json_format
from journeymapper.layout import (
    DEFAULT_STYLE,
    ELLIPSIS,
    XY,
    MapLayout,
    Point,
    Rect,
    Route,
    approximate_measure,
    compute_layout,
    connector_label,
    emotion_band,
    what_layout_reads,
    wrap_text,
)
from journeymapper.model import (
    Connection,
    JourneyDocument,
    Lane,
    LaneKind,
    MapLink,
    Metric,
    Persona,
    PersonaPart,
    Stage,
    Touchpoint,
)

from support import SAMPLES

CHAR = 6.0
STYLE = DEFAULT_STYLE


def fixed_measure(text: str, font_size: float, bold: bool) -> float:
    """Every character is CHAR points wide, whatever the font: widths are easy to reason about."""
    return len(text) * CHAR


def new_map(stages=("plan", "buy", "use"), lanes=(("sales", LaneKind.TEAM), ("product", LaneKind.TEAM))):
    document = JourneyDocument("test-map", "Test", "customer")
    for stage_id in stages:
        document.add_stage(Stage(id=stage_id, name=stage_id.title()))
    for lane_id, kind in lanes:
        document.add_lane(Lane(id=lane_id, name=lane_id.title(), kind=kind))
    return document


def add_card(document, card_id, stage, lane, title="Card", index=99, **fields):
    """A card at the end of its cell unless an index says otherwise (the document clamps it)."""
    document.add_touchpoint(Touchpoint(id=card_id, stage=stage, lane=lane, index=index, title=title, **fields))


def connect(document, source, target):
    document.add_connection(Connection(id=f"{source}-to-{target}", source=source, target=target))


def layout_of(document) -> MapLayout:
    return compute_layout(document, STYLE, fixed_measure)


def overlaps(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def inside(inner: Rect, outer: Rect) -> bool:
    return outer.contains(Point(inner.x, inner.y)) and outer.contains(Point(inner.right, inner.bottom))


def on_edge(point: XY, rect: Rect) -> bool:
    x, y = point
    on_vertical = x in (rect.x, rect.right) and rect.y <= y <= rect.bottom
    on_horizontal = y in (rect.y, rect.bottom) and rect.x <= x <= rect.right
    return on_vertical or on_horizontal


def segments(route: Route) -> list[tuple[Point, Point]]:
    return [(Point(*a), Point(*b)) for a, b in zip(route.points, route.points[1:])]


def crosses_interior(a: Point, b: Point, rect: Rect) -> bool:
    """An axis-aligned segment runs through the inside of the rectangle (touching an edge is fine)."""
    left, right = sorted((a.x, b.x))
    top, bottom = sorted((a.y, b.y))
    return left < rect.right and right > rect.x and top < rect.bottom and bottom > rect.y


# -- the grid --------------------------------------------------------------------------------


def test_stages_are_columns_left_to_right_in_document_order():
    document = new_map()
    document.move_stage("use", 0)
    layout = layout_of(document)
    assert list(layout.columns) == ["use", "plan", "buy"]
    lefts = [column.x for column in layout.columns.values()]
    assert lefts == sorted(lefts)
    for left, right in zip(list(layout.columns.values()), list(layout.columns.values())[1:]):
        assert left.right == right.x


def test_lanes_are_rows_top_to_bottom_in_document_order():
    layout = layout_of(new_map())
    assert list(layout.rows) == ["sales", "product"]
    sales, product = layout.rows.values()
    assert sales.bottom == product.y


def test_headers_line_up_with_their_columns_and_rows():
    layout = layout_of(new_map())
    for stage_id, column in layout.columns.items():
        header = layout.stage_headers[stage_id].rect
        assert (header.x, header.width, header.bottom) == (column.x, column.width, column.y)
    for lane_id, row in layout.rows.items():
        header = layout.lane_headers[lane_id].rect
        assert (header.y, header.height, header.right) == (row.y, row.height, row.x)
    assert layout.stage_headers["plan"].lines == ("Plan",)


def test_a_linked_stage_has_a_summary_line_under_its_name_and_the_header_row_grows_for_it():
    plain = layout_of(new_map())
    assert all(header.summary is None for header in plain.stage_headers.values())
    document = new_map()
    document.update_stage("buy", links=({"path": "behind.json", "map_id": "behind"},))
    linked = layout_of(document)
    grown = STYLE.stage_summary_height
    for stage_id, header in linked.stage_headers.items():
        assert header.rect.height == plain.stage_headers[stage_id].rect.height + grown
        assert header.rect.bottom == linked.columns[stage_id].y
    assert linked.stage_headers["plan"].summary is None
    header = linked.stage_headers["buy"]
    summary = header.summary
    name_bottom = header.rect.y + STYLE.header_padding + len(header.lines) * STYLE.header_line_height
    assert name_bottom < summary.y and summary.bottom == header.rect.bottom - STYLE.header_padding
    padding = STYLE.header_padding
    assert (summary.x, summary.right) == (header.rect.x + padding, header.rect.right - padding)
    assert summary.height == STYLE.small_font_size * STYLE.line_height


def test_every_cell_exists_and_is_big_enough_to_drop_into_even_when_empty():
    document = new_map(lanes=(("sales", LaneKind.TEAM), ("mood", LaneKind.EMOTIONS)))
    layout = layout_of(document)
    assert set(layout.cells) == {(s, lane) for s in ("plan", "buy", "use") for lane in ("sales", "mood")}
    for cell in layout.cells.values():
        assert cell.width >= STYLE.card_width and cell.height >= STYLE.min_row_height
    assert layout.rows["mood"].height >= STYLE.emotions_lane_height


def test_a_long_stage_name_widens_its_column_and_wraps_without_being_cut():
    document = new_map()
    name = (
        "Compare the offers, negotiate the contract with legal and procurement,"
        " and get the purchase approved by finance"
    )
    document.update_stage("buy", name=name)
    layout = layout_of(document)
    assert layout.columns["plan"].width == STYLE.card_width + 2 * STYLE.column_gutter
    assert layout.columns["buy"].width > layout.columns["plan"].width
    lines = layout.stage_headers["buy"].lines
    assert 2 <= len(lines) <= STYLE.stage_header_max_lines
    assert " ".join(lines) == name


def test_the_bounds_hold_every_header_and_cell():
    document = new_map()
    add_card(document, "a", "use", "product")
    layout = layout_of(document)
    rects = [h.rect for h in (*layout.stage_headers.values(), *layout.lane_headers.values())]
    assert all(inside(rect, layout.bounds) for rect in [*rects, *layout.cells.values()])


# -- cards -----------------------------------------------------------------------------------


def busy_map() -> JourneyDocument:
    document = new_map(lanes=(("sales", LaneKind.TEAM), ("product", LaneKind.TEAM), ("support", LaneKind.TEAM)))
    titles = ["Short", "A title long enough to wrap over two or three lines of the card", "Mid-length title here"]
    for number in range(7):
        add_card(document, f"s{number}", "plan", "sales", titles[number % 3])
    for number in range(3):
        add_card(document, f"p{number}", "buy", "product", titles[(number + 1) % 3])
    add_card(document, "u0", "use", "sales")
    return document


def test_cards_sit_inside_their_cell_and_never_overlap():
    document = busy_map()
    layout = layout_of(document)
    assert set(layout.cards) == {touchpoint.id for touchpoint in document.touchpoints()}
    for card_id, card in layout.cards.items():
        touchpoint = document.touchpoint(card_id)
        assert card.cell == (touchpoint.stage, touchpoint.lane)
        assert inside(card.rect, layout.cells[card.cell])
    for a, b in combinations(layout.cards.values(), 2):
        assert not overlaps(a.rect, b.rect)


def test_cards_stack_down_their_cell_in_index_order():
    document = busy_map()
    document.move_touchpoint("s6", "plan", "sales", 0)
    layout = layout_of(document)
    tops = [layout.cards[card_id].rect.y for card_id in document.cell("plan", "sales")]
    assert document.cell("plan", "sales")[0] == "s6"
    assert tops == sorted(tops) and len(set(tops)) == len(tops)


def test_a_row_grows_to_fit_its_tallest_stack_and_its_cells_share_that_height():
    document = busy_map()
    layout = layout_of(document)
    sales = layout.rows["sales"]
    assert sales.height > STYLE.min_row_height
    lowest = max(layout.cards[card_id].rect.bottom for card_id in document.cell("plan", "sales"))
    assert lowest <= sales.bottom
    assert {layout.cells[(s, "sales")].height for s in ("plan", "buy", "use")} == {sales.height}
    assert layout.rows["support"].height == STYLE.min_row_height


def test_a_card_is_taller_when_its_title_takes_more_lines():
    document = new_map()
    add_card(document, "short", "plan", "sales", "Pay")
    add_card(document, "long", "buy", "sales", "Pay with a card, a bank transfer or an invoice due in thirty days")
    layout = layout_of(document)
    short, long = layout.cards["short"], layout.cards["long"]
    assert len(long.title_lines) > len(short.title_lines) == 1
    assert long.rect.height > short.rect.height


def test_a_card_without_a_title_is_as_tall_as_a_one_line_card():
    document = new_map()
    add_card(document, "blank", "plan", "sales", "")
    add_card(document, "short", "buy", "sales", "Pay")
    layout = layout_of(document)
    assert layout.cards["blank"].title_lines == ()
    assert layout.cards["blank"].rect.height == layout.cards["short"].rect.height


def test_wrapped_title_lines_fit_the_card_text_width_under_the_injected_measure():
    document = busy_map()
    layout = layout_of(document)
    for card_id, card in layout.cards.items():
        for line in card.title_lines:
            assert fixed_measure(line, STYLE.title_font_size, False) <= STYLE.card_text_width
        if not card.title_lines[-1].endswith(ELLIPSIS):
            assert " ".join(card.title_lines) == document.touchpoint(card_id).title


def test_a_title_too_long_for_the_card_is_cut_with_an_ellipsis_on_its_last_line():
    document = new_map()
    add_card(document, "essay", "plan", "sales", " ".join(["word"] * 80))
    lines = layout_of(document).cards["essay"].title_lines
    assert len(lines) == STYLE.max_title_lines
    assert lines[-1].endswith(ELLIPSIS)
    assert fixed_measure(lines[-1], STYLE.title_font_size, False) <= STYLE.card_text_width


def test_the_layout_wraps_with_the_measure_it_is_given():
    document = new_map()
    add_card(document, "a", "plan", "sales", "Twelve chars Twelve chars")
    narrow = compute_layout(document, STYLE, lambda text, size, bold: len(text) * 1.0)
    wide = compute_layout(document, STYLE, lambda text, size, bold: len(text) * 12.0)
    assert len(narrow.cards["a"].title_lines) == 1
    assert len(wide.cards["a"].title_lines) == 2


# -- wrapping text ---------------------------------------------------------------------------


def test_wrap_is_greedy_word_by_word():
    # Lines of at most 10 characters at 6 points each.
    lines = wrap_text("the quick brown fox jumps", 60, 10, False, fixed_measure)
    assert lines == ("the quick", "brown fox", "jumps")


def test_a_word_wider_than_the_line_breaks_between_characters():
    lines = wrap_text("see abcdefghijklmnop now", 60, 10, False, fixed_measure)
    assert lines == ("see", "abcdefghij", "klmnop now")


def test_wrap_keeps_at_most_max_lines_and_ellipsises_the_last():
    lines = wrap_text("one two three four five six", 60, 10, False, fixed_measure, max_lines=2)
    assert lines == ("one two", "three fou" + ELLIPSIS)


def test_text_that_fits_is_not_ellipsised():
    assert wrap_text("one two", 60, 10, False, fixed_measure, max_lines=1) == ("one two",)


def test_blank_text_has_no_lines():
    assert wrap_text("  \n ", 60, 10, False, fixed_measure) == ()


def test_approximate_measure_grows_with_size_and_weight_and_counts_cjk_characters_wide():
    assert approximate_measure("購入手続き", 10, False) > approximate_measure("abcde", 10, False)
    assert approximate_measure("Checkout", 10, True) > approximate_measure("Checkout", 10, False)
    ten_point = approximate_measure("Checkout", 10, False)
    assert approximate_measure("Checkout", 20, False) == pytest.approx(2 * ten_point)


def test_cjk_text_without_spaces_wraps_between_characters():
    lines = wrap_text("顧客がカートに商品を追加して支払いを完了する", 50, 10, False, approximate_measure)
    assert len(lines) > 1
    assert "".join(lines) == "顧客がカートに商品を追加して支払いを完了する"
    assert all(approximate_measure(line, 10, False) <= 50 for line in lines)


# -- connectors ------------------------------------------------------------------------------


def routed_map() -> JourneyDocument:
    """Cards in three columns and two lanes, with connections in every direction."""
    document = new_map()
    for card_id, stage, lane in (
        ("a", "plan", "sales"), ("b", "plan", "sales"), ("c", "plan", "product"),
        ("d", "buy", "sales"), ("e", "buy", "product"), ("f", "use", "sales"), ("g", "use", "product"),
    ):  # fmt: skip
        add_card(document, card_id, stage, lane, f"Card {card_id}")
    for source, target in (
        ("a", "d"), ("a", "g"), ("e", "b"), ("g", "a"), ("a", "b"), ("b", "c"), ("a", "c"), ("c", "a"),
        ("d", "e"), ("f", "e"), ("e", "f"), ("c", "g"), ("a", "e"),
    ):  # fmt: skip
        connect(document, source, target)
    return document


def test_every_connection_has_a_route_from_the_source_edge_to_the_target_edge():
    document = routed_map()
    layout = layout_of(document)
    assert set(layout.connectors) == {connection.id for connection in document.connections()}
    for connection in document.connections():
        route = layout.connectors[connection.id]
        assert on_edge(route.points[0], layout.cards[connection.source].rect)
        assert on_edge(route.points[-1], layout.cards[connection.target].rect)


def test_routes_are_orthogonal_without_zero_length_segments():
    for route in layout_of(routed_map()).connectors.values():
        assert len(route.points) >= 2
        for a, b in segments(route):
            assert (a.x == b.x) != (a.y == b.y)


def test_routes_never_run_through_a_card():
    layout = layout_of(routed_map())
    for route in layout.connectors.values():
        for a, b in segments(route):
            assert not any(crosses_interior(a, b, card.rect) for card in layout.cards.values())


def test_a_forward_route_leaves_the_source_right_side_and_enters_the_target_left_side():
    layout = layout_of(routed_map())
    for connection_id, source, target in (("a-to-d", "a", "d"), ("a-to-g", "a", "g"), ("c-to-g", "c", "g")):
        route = layout.connectors[connection_id]
        assert route.points[0] == Point(layout.cards[source].rect.right, layout.cards[source].rect.center.y)
        assert route.points[-1] == Point(layout.cards[target].rect.x, layout.cards[target].rect.center.y)


def test_a_forward_route_to_the_next_column_steps_down_in_the_gutter_between():
    layout = layout_of(routed_map())
    route = layout.connectors["a-to-e"]
    assert len(route.points) == 4
    gutter_x, _ = route.points[1]
    assert layout.cards["a"].rect.right < gutter_x < layout.cards["e"].rect.x


def test_a_route_between_level_cards_in_neighbouring_columns_is_one_straight_segment():
    layout = layout_of(routed_map())
    a, d = layout.cards["a"].rect, layout.cards["d"].rect
    assert layout.connectors["a-to-d"].points == (Point(a.right, a.center.y), Point(d.x, d.center.y))


def test_a_backward_route_leaves_the_source_left_side_and_enters_the_target_right_side():
    layout = layout_of(routed_map())
    for connection_id, source, target in (("e-to-b", "e", "b"), ("g-to-a", "g", "a"), ("f-to-e", "f", "e")):
        route = layout.connectors[connection_id]
        assert route.points[0] == Point(layout.cards[source].rect.x, layout.cards[source].rect.center.y)
        assert route.points[-1] == Point(layout.cards[target].rect.right, layout.cards[target].rect.center.y)


def test_a_route_down_to_the_next_card_of_the_column_goes_straight_from_bottom_to_top():
    layout = layout_of(routed_map())
    for connection_id, source, target in (("a-to-b", "a", "b"), ("b-to-c", "b", "c")):
        route = layout.connectors[connection_id]
        source_rect, target_rect = layout.cards[source].rect, layout.cards[target].rect
        assert route.points == (
            Point(source_rect.center.x, source_rect.bottom),
            Point(target_rect.center.x, target_rect.y),
        )


def test_routes_up_or_past_a_card_in_the_same_column_go_round_through_the_side_gutter():
    layout = layout_of(routed_map())
    for connection_id, source, target in (("c-to-a", "c", "a"), ("a-to-c", "a", "c")):
        route = layout.connectors[connection_id]
        source_rect, target_rect = layout.cards[source].rect, layout.cards[target].rect
        assert route.points[0] == Point(source_rect.right, source_rect.center.y)
        assert route.points[-1] == Point(target_rect.right, target_rect.center.y)
        assert route.points[1][0] > source_rect.right


def test_the_label_sits_at_the_middle_of_the_longest_segment():
    for route in layout_of(routed_map()).connectors.values():
        a, b = max(segments(route), key=lambda seg: abs(seg[1].x - seg[0].x) + abs(seg[1].y - seg[0].y))
        assert route.label_anchor == Point((a.x + b.x) / 2, (a.y + b.y) / 2)


def test_routes_of_a_crowded_map_stay_clear_of_every_card():
    document = new_map(stages=("s1", "s2", "s3", "s4"), lanes=tuple((f"l{n}", LaneKind.TEAM) for n in range(3)))
    ids = [f"t{number}" for number in range(24)]
    for number, card_id in enumerate(ids):
        add_card(document, card_id, f"s{number % 4 + 1}", f"l{number % 3}", "Word " * (number % 7))
    for number, pair in enumerate(combinations(ids, 2)):
        if number % 5 == 0:
            source, target = pair if number % 2 else reversed(pair)
            connect(document, source, target)
    layout = layout_of(document)
    for connection in document.connections():
        route = layout.connectors[connection.id]
        assert on_edge(route.points[0], layout.cards[connection.source].rect)
        assert on_edge(route.points[-1], layout.cards[connection.target].rect)
        for a, b in segments(route):
            assert (a.x == b.x) != (a.y == b.y)
            assert not any(crosses_interior(a, b, card.rect) for card in layout.cards.values())


# -- emotion curves --------------------------------------------------------------------------


def emotional_map() -> JourneyDocument:
    lanes = (("sales", LaneKind.TEAM), ("mood", LaneKind.EMOTIONS), ("later", LaneKind.EMOTIONS))
    document = new_map(lanes=lanes)
    document.add_persona(Persona(id="bea", name="Bea"))
    document.add_persona(Persona(id="cal", name="Cal"))
    add_card(document, "p1", "plan", "sales", emotion=2, personas=["bea"])
    add_card(document, "p2", "plan", "sales", emotion=-1, personas=["bea", "cal"])
    add_card(document, "p3", "plan", "mood", emotion=0)
    add_card(document, "u1", "use", "sales", emotion=-2, personas=["cal"])
    add_card(document, "u2", "use", "sales", emotion=None, personas=["bea"])
    add_card(document, "b1", "buy", "sales")
    return document


def test_the_curve_of_all_cards_is_the_mean_emotion_per_stage_in_stage_order():
    curve = layout_of(emotional_map()).emotion_curves[None]
    assert [(point.stage_id, point.value) for point in curve] == [("plan", pytest.approx(1 / 3)), ("use", -2.0)]


def test_each_persona_tagged_on_cards_with_emotions_has_its_own_curve():
    curves = layout_of(emotional_map()).emotion_curves
    assert list(curves) == [None, "bea", "cal"]
    assert [(point.stage_id, point.value) for point in curves["bea"]] == [("plan", 0.5)]
    assert [(point.stage_id, point.value) for point in curves["cal"]] == [("plan", -1.0), ("use", -2.0)]


def test_curve_points_sit_in_the_first_emotions_lane_at_the_stage_centres():
    layout = layout_of(emotional_map())
    row = layout.rows["mood"]
    for curve in layout.emotion_curves.values():
        for point in curve:
            assert point.point.x == layout.columns[point.stage_id].center.x
            assert row.y < point.point.y < row.bottom


def test_a_better_emotion_is_drawn_higher_and_the_extremes_keep_clear_of_the_row_edges():
    document = new_map(lanes=(("mood", LaneKind.EMOTIONS),))
    add_card(document, "happy", "plan", "mood", emotion=2)
    add_card(document, "sad", "buy", "mood", emotion=-2)
    add_card(document, "flat", "use", "mood", emotion=0)
    layout = layout_of(document)
    happy, sad, flat = (point.point.y for point in layout.emotion_curves[None])
    row = layout.rows["mood"]
    band = emotion_band(row, STYLE)
    assert row.y < band.y < happy < flat < sad < row.bottom
    assert flat == pytest.approx(band.center.y)


def test_the_curve_runs_below_the_cards_of_the_emotions_lane():
    layout = layout_of(emotional_map())
    lowest_card = max(card.rect.bottom for card in layout.cards.values() if card.cell[1] == "mood")
    assert all(point.point.y > lowest_card for point in layout.emotion_curves[None])


def test_a_map_without_an_emotions_lane_has_no_curves():
    document = new_map()
    add_card(document, "a", "plan", "sales", emotion=1)
    assert layout_of(document).emotion_curves == {}


def test_an_emotions_lane_without_any_emotion_yet_has_an_empty_curve():
    document = new_map(lanes=(("mood", LaneKind.EMOTIONS),))
    add_card(document, "a", "plan", "mood")
    assert layout_of(document).emotion_curves == {None: ()}


# -- hit testing -----------------------------------------------------------------------------


def test_cell_at_finds_the_cell_under_a_point_and_nothing_outside_the_grid():
    layout = layout_of(busy_map())
    for cell, rect in layout.cells.items():
        assert layout.cell_at(rect.center) == cell
        assert layout.cell_at(Point(rect.x + 1, rect.bottom - 1)) == cell
    header = layout.lane_headers["sales"].rect
    assert layout.cell_at(header.center) is None
    assert layout.cell_at(layout.stage_headers["buy"].rect.center) is None
    assert layout.cell_at(Point(layout.bounds.right + 5, layout.rows["sales"].center.y)) is None


def test_stage_at_x_and_lane_at_y():
    layout = layout_of(busy_map())
    assert layout.stage_at_x(layout.columns["buy"].center.x) == "buy"
    assert layout.stage_at_x(layout.columns["plan"].x - 1) is None
    assert layout.lane_at_y(layout.rows["product"].center.y) == "product"
    assert layout.lane_at_y(layout.rows["support"].bottom + 1) is None


def test_insertion_index_is_the_slot_a_card_dropped_at_that_height_would_take():
    document = busy_map()
    layout = layout_of(document)
    cell = ("buy", "product")
    first, second, third = (layout.cards[card_id].rect for card_id in document.cell(*cell))
    assert layout.insertion_index(cell, layout.cells[cell].y + 1) == 0
    assert layout.insertion_index(cell, first.y + 2) == 0
    assert layout.insertion_index(cell, first.bottom - 2) == 1
    assert layout.insertion_index(cell, (second.bottom + third.y) / 2) == 2
    assert layout.insertion_index(cell, layout.cells[cell].bottom - 1) == 3
    assert layout.insertion_index(("use", "product"), layout.cells[("use", "product")].center.y) == 0


# -- edge cases ------------------------------------------------------------------------------


def test_an_empty_map_has_a_layout_with_nothing_in_it():
    layout = layout_of(JourneyDocument("empty", "Empty", "user"))
    assert layout.bounds.width > 0 and layout.bounds.height > 0
    assert (layout.columns, layout.rows, layout.cells, layout.cards, layout.connectors) == ({}, {}, {}, {}, {})
    assert layout.cell_at(layout.bounds.center) is None


def test_stages_without_lanes_have_headers_but_no_cells():
    layout = layout_of(new_map(lanes=()))
    assert list(layout.stage_headers) == ["plan", "buy", "use"]
    assert layout.cells == {}
    assert layout.cell_at(layout.columns["buy"].center) is None


def test_the_layout_module_never_imports_qt():
    code = "import sys, journeymapper.layout; sys.exit(any(name.startswith('PySide6') for name in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_a_connector_label_joins_the_label_and_the_conversion_rate():
    assert (
        connector_label(Connection(id="c", source="a", target="b", label=" booked ", conversion_rate=0.42))
        == "booked · 42%"
    )
    assert connector_label(Connection(id="c", source="a", target="b", conversion_rate=0.5)) == "50%"
    assert connector_label(Connection(id="c", source="a", target="b")) == ""


def other_value(field: str, value: Any) -> Any:
    """A valid value for ``field`` that differs from ``value``: the one that most likely moves
    the layout where the field can move it."""
    if isinstance(value, LaneKind):
        return LaneKind.TEAM if value == LaneKind.EMOTIONS else LaneKind.EMOTIONS
    if isinstance(value, Enum):
        return next(member for member in type(value) if member != value)
    special: dict[str, Any] = {
        "emotion": -2 if value == 2 else 2,
        "conversion_rate": None if value is not None else 0.5,
        "part": None if value else PersonaPart.CHAMPION,
        "colour": "#123456" if value != "#123456" else "#654321",
        "links": () if value else (MapLink(path="elsewhere.json", map_id="elsewhere"),),
        "metrics": {} if value else {"NPS": Metric(value=42)},
    }
    if field in special:
        return special[field]
    if isinstance(value, tuple):
        return () if value else ("Something",)
    return f"{value} and then a good deal more, enough to wrap onto further lines"


def test_what_the_layout_reads_holds_every_field_that_moves_it():
    """Each field of each object of the sample map, changed in turn: wherever the layout moves, what
    it reads changes too (else the canvas, which remembers layouts by it, would show a stale one)."""
    document = json_format.load(next(path for path in SAMPLES if path.name.startswith("year-one")))
    kinds = {
        "stage": document.stages,
        "lane": document.lanes,
        "persona": document.personas,
        "touchpoint": {t.id: t for t in document.touchpoints()},
        "connection": {c.id: c for c in document.connections()},
    }
    moved = 0
    for entity, items in kinds.items():
        for item_id, item in list(items.items()):
            for field in type(item).model_fields:
                if field in ("id", "stage", "lane", "index", "source", "target"):
                    continue  # moves and ids: the state holds every object's id and place in order
                if field == "personas" and entity == "touchpoint" and not item.personas:
                    value = (next(iter(document.personas)),)
                else:
                    value = other_value(field, getattr(item, field))
                state, layout = what_layout_reads(document), compute_layout(document)
                edit = getattr(document, f"update_{entity}")
                edit(item_id, **{field: value})
                if compute_layout(document) != layout:
                    moved += 1
                    assert what_layout_reads(document) != state, f"{entity} {item_id}: {field}"
                edit(item_id, **{field: getattr(item, field)})
    assert moved > 50  # titles, names, emotions, personas, labels and rates, links, lane kinds
