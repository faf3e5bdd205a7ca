"""What lies in an area of the map, read from the layout: the cards and connectors that need items
there (``live_items``). No graphics items are asked: most of a big map has none."""

from __future__ import annotations

from collections.abc import Mapping
from itertools import pairwise

from journeymapper.connector_labels import Placement
from journeymapper.layout import Box, MapLayout, Route


def cards_within(layout: MapLayout, area: Box) -> list[str]:
    """The cards whose rectangle meets ``area``, in map order."""
    left, top, right, bottom = area
    return [
        card_id
        for card_id, card in layout.cards.items()
        if card.rect.x <= right and left <= card.rect.right and card.rect.y <= bottom and top <= card.rect.bottom
    ]


def connectors_within(layout: MapLayout, area: Box) -> list[str]:
    """The connectors with a segment of their route in ``area``, in map order. A long route's
    bounding box covers much of the map; its segments are what is drawn."""
    left, top, right, bottom = area
    found = []
    for connection_id, route in layout.connectors.items():
        for (ax, ay), (bx, by) in pairwise(route.points):
            if min(ax, bx) <= right and left <= max(ax, bx) and min(ay, by) <= bottom and top <= max(ay, by):
                found.append(connection_id)
                break
    return found


def connectors_inside(layout: MapLayout, area: Box) -> list[str]:
    """The connectors whose whole route lies in ``area``, in map order."""
    return [connection_id for connection_id, route in layout.connectors.items() if route_inside(route, area)]


def route_inside(route: Route, area: Box) -> bool:
    left, top, right, bottom = area
    return all(left <= x <= right and top <= y <= bottom for x, y in route.points)


def labels_at(labels: Mapping[str, Placement], x: float, y: float) -> list[str]:
    """The connectors whose label's pill holds the point ``x``, ``y``."""
    return [
        key
        for key, label in labels.items()
        if label.box.x <= x <= label.box.right and label.box.y <= y <= label.box.bottom
    ]
