"""Canvas items paint what the layout gives them, and only where a repaint asks for it; the label
layer finds the labels it showed just before without sorting them by area again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from journeymapper.connector_labels import Placement
from journeymapper.editor import connector_labels_item
from journeymapper.editor.card_item import CardItem
from journeymapper.editor.connector_item import ConnectorItem
from journeymapper.editor.connector_labels_item import ConnectorLabelsItem
from journeymapper.editor.items import FAR_OUT, qrect
from journeymapper.editor.theme import current_theme
from journeymapper.layout import DEFAULT_STYLE, CardLayout, Point, Rect, Route
from journeymapper.model import Connection, Touchpoint


def paints_anything(item: ConnectorItem | ConnectorLabelsItem, exposed: QRectF) -> bool:
    image = QImage(300, 300, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.translate(100, 100)
    option = QStyleOptionGraphicsItem()
    option.exposedRect = exposed
    item.paint(painter, option)
    painter.end()
    return bytes(image.constBits()).strip(b"\x00") != b""


@pytest.fixture
def elbow(qapp) -> ConnectorItem:
    """A connector right along y=0 to x=100, then down to y=100, labelled at its first leg."""
    item = ConnectorItem("c1", current_theme(), DEFAULT_STYLE)
    route = Route(points=(Point(0, 0), Point(100, 0), Point(100, 100)), label_anchor=Point(50, 0))
    label = Placement("Pays", Rect(38, -5.5, 24, 11), upright=True)
    item.set_route(Connection(id="c1", source="a", target="b", label="Pays"), route)
    item.set_label(label)
    return item


@pytest.mark.parametrize("exposed", [QRectF(90, 40, 20, 20), QRectF(-5, -5, 10, 10), QRectF(40, -3, 20, 6)])
def test_a_connector_repaints_when_the_area_crosses_its_route_or_label(elbow, exposed):
    assert paints_anything(elbow, exposed)


def test_a_connector_skips_a_repaint_inside_its_bounds_but_away_from_its_route(elbow):
    away = QRectF(10, 50, 30, 30)
    assert elbow.boundingRect().intersects(away)
    assert not paints_anything(elbow, away)


def test_a_label_placed_beside_its_route_is_part_of_its_connector_and_painted_above_every_line(qapp):
    item = ConnectorItem("c1", current_theme(), DEFAULT_STYLE)
    route = Route(points=(Point(0, 0), Point(0, 150)), label_anchor=Point(0, 75))
    beside = Placement("Signed off by day 60", Rect(14, 30, 11, 90), upright=False)
    item.set_route(Connection(id="c1", source="a", target="b", label="Signed off by day 60"), route)
    item.set_label(beside)
    assert item.boundingRect().contains(QRectF(14, 30, 11, 90))
    assert item.shape().contains(QPointF(19, 75))  # the pointer on the label is on its connector: its tooltip
    layer = ConnectorLabelsItem(current_theme(), DEFAULT_STYLE)
    layer.set_labels([beside])
    assert layer.zValue() > item.zValue() and layer.boundingRect().contains(QRectF(14, 30, 11, 90))
    assert paints_anything(layer, QRectF(15, 60, 8, 20))
    assert not paints_anything(layer, QRectF(40, 60, 8, 20))
    assert layer.shape().isEmpty() and not layer.acceptedMouseButtons()  # clicks and hovers reach the connector


BEFORE = [Placement("Signed off by day 60", Rect(14, 30, 11, 90), upright=False)]
AFTER = [Placement("Pays", Rect(100, 30, 40, 11), upright=True)]


@pytest.fixture
def counted_layer(qapp, monkeypatch):
    """A label layer, and every set of labels it has sorted into areas, in order."""
    sorted_sets: list[object] = []

    class Counted(connector_labels_item._LabelAreas):
        def __init__(self, labels):
            sorted_sets.append(labels)
            super().__init__(labels)

    monkeypatch.setattr(connector_labels_item, "_LabelAreas", Counted)
    return ConnectorLabelsItem(current_theme(), DEFAULT_STYLE), sorted_sets


def test_the_label_layer_draws_the_labels_last_given_and_sorts_those_it_had_just_before_no_more(counted_layer):
    layer, sorted_sets = counted_layer
    layer.set_labels(BEFORE)
    layer.set_labels(AFTER)
    sorted_before = len(sorted_sets)
    # An undo and a redo hand the layer equal placements in new lists.
    for shown, hidden in ((list(BEFORE), AFTER), (list(AFTER), BEFORE)):
        layer.set_labels(shown)
        box = qrect(shown[0].box)
        assert layer.boundingRect() == box.adjusted(-1, -1, 1, 1)
        assert paints_anything(layer, box) and not paints_anything(layer, qrect(hidden[0].box))
    assert len(sorted_sets) == sorted_before


def test_hiding_the_labels_between_two_sets_costs_the_layer_neither_of_them(counted_layer):
    """A big map's labels are hidden while they follow the frame: an undo after that finds the
    labels it had before still sorted."""
    layer, sorted_sets = counted_layer
    layer.set_labels(BEFORE)
    layer.set_labels([])  # the edit's frame, before its labels follow
    layer.set_labels(AFTER)
    sorted_before = [labels for labels in sorted_sets if labels]
    layer.set_labels(list(BEFORE))  # the undo
    assert [labels for labels in sorted_sets if labels] == sorted_before
    assert layer.boundingRect() == qrect(BEFORE[0].box).adjusted(-1, -1, 1, 1)


def card_interior_colours(scale: float) -> set[int]:
    """The distinct colours inside a 190 x 60 card painted at ``scale``."""
    item = CardItem("tp", current_theme(), DEFAULT_STYLE)
    card = Touchpoint(id="tp", stage="s", lane="l", title="Pays by card", channel="web", emotion=1)
    item.set_card(card, CardLayout(Rect(0, 0, 190, 60), ("Pays by card",), ("s", "l")), "#4c78a8", [])
    image = QImage(int(200 * scale) + 4, int(70 * scale) + 4, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.scale(scale, scale)
    item.paint(painter, QStyleOptionGraphicsItem())
    painter.end()
    inside = range(2, int(180 * scale)), range(2, int(55 * scale))
    return {image.pixel(x, y) for x in inside[0] for y in inside[1]}


def test_far_out_a_card_is_one_plain_block_and_near_it_shows_its_content(qapp):
    assert len(card_interior_colours(FAR_OUT / 2)) == 1
    assert len(card_interior_colours(1.0)) > 3
