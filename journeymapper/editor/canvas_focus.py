"""What a list beside the canvas points at (a card, a stage or lane header, a connection), and
showing it: the item that draws it, selected and brought to the middle of the view.

The Conflicts and Changes docks list things by model id; clicking one selects it as a click on the
canvas would (which the Inspector follows) and centres it. A stage header is pinned to the top of
the view, so for a stage the view centres its column and keeps its height; for a lane, its row.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtWidgets import QGraphicsView

from journeymapper.editor.card_item import CardItem
from journeymapper.editor.connector_item import ConnectorItem
from journeymapper.editor.items import HeaderItem, qrect
from journeymapper.editor.scene import MapScene

Part = Literal["touchpoint", "stage", "lane", "connection"]
"""The kinds of model object that have an item of their own on the canvas."""
PARTS: tuple[Part, ...] = ("touchpoint", "stage", "lane", "connection")
Target = tuple[Part, str]


def target_of(kind: str, item_id: str) -> Target | None:
    """``(kind, item_id)`` as a target, or None when that kind of object has no item of its own
    (the map, a persona, a conflict)."""
    return next(((part, item_id) for part in PARTS if part == kind), None)


def canvas_item(scene: MapScene, target: Target, make: bool = True) -> CardItem | HeaderItem | ConnectorItem | None:
    """The item that draws ``target``, or None when the map has no such object. A card or
    connector far from the view has none until asked for: ``make`` False leaves it so."""
    part, item_id = target
    if part == "touchpoint":
        return scene.cards.get(item_id) if make else scene.cards.live.get(item_id)
    if part == "connection":
        return scene.connectors.get(item_id) if make else scene.connectors.live.get(item_id)
    return (scene.stage_headers if part == "stage" else scene.lane_headers).get(item_id)


def focus(view: QGraphicsView, scene: MapScene, target: Target) -> bool:
    """Select ``target`` alone and centre it in ``view``; False (and nothing selected) when it is
    not on the canvas."""
    scene.flush()
    scene.clearSelection()
    item = canvas_item(scene, target)
    if item is None:
        return False
    item.setSelected(True)
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    part, item_id = target
    if part == "stage":
        view.centerOn(QPointF(qrect(scene.layout.columns[item_id]).center().x(), visible.center().y()))
    elif part == "lane":
        view.centerOn(QPointF(visible.center().x(), qrect(scene.layout.rows[item_id]).center().y()))
    else:
        view.centerOn(item.sceneBoundingRect().center())
    return True


def centre_area(view: QGraphicsView, scene: MapScene, area: QRectF) -> None:
    """Nothing selected, and ``area`` of the map in the middle of the view."""
    scene.clearSelection()
    view.centerOn(area.center())
