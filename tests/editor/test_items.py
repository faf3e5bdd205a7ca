"""Canvas items paint what the layout gives them, and only where a repaint asks for it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from journeymapper.editor.items import ConnectorItem
from journeymapper.editor.theme import current_theme
from journeymapper.layout import DEFAULT_STYLE, Point, Route
from journeymapper.model import Connection


def paints_anything(item: ConnectorItem, exposed: QRectF) -> bool:
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
    item.set_route(Connection(id="c1", source="a", target="b", label="Pays"), route)
    return item


@pytest.mark.parametrize("exposed", [QRectF(90, 40, 20, 20), QRectF(-5, -5, 10, 10), QRectF(40, -3, 20, 6)])
def test_a_connector_repaints_when_the_area_crosses_its_route_or_label(elbow, exposed):
    assert paints_anything(elbow, exposed)


def test_a_connector_skips_a_repaint_inside_its_bounds_but_away_from_its_route(elbow):
    away = QRectF(10, 50, 30, 30)
    assert elbow.boundingRect().intersects(away)
    assert not paints_anything(elbow, away)
