"""Merge conflicts in a map: how they are named, and resolving one as an edit that can be undone.

A conflict (``schema.Conflict``) says which object and field two sides changed differently; the
map holds OURS' value and the conflict keeps THEIRS'. ``resolve`` settles one: keeping OURS only
drops the record, taking THEIRS first applies THEIRS' value through the document's mutation API,
so that the map stays valid (or the document refuses and nothing changes). Either returns a
function that undoes it, for the editor's undo stack.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any, Literal

from pydantic import JsonValue, ValidationError

from journeymapper.errors import JourneyMapError
from journeymapper.model.document import JourneyDocument, OrderedItems
from journeymapper.model.schema import Conflict, ConflictEntity, Connection, Item, Lane, Persona, Stage, Touchpoint

Undo = Callable[[], None]
Side = Literal["ours", "theirs"]


def conflict_id(entity: ConflictEntity, entity_id: str, field: str) -> str:
    """The same id whenever the same field of the same object conflicts: a later merge that finds
    the conflict again replaces the record instead of adding a second one."""
    digest = hashlib.sha256(f"{entity}\0{entity_id}\0{field}".encode()).hexdigest()
    return f"conflict-{digest[:12]}"


def find_item(document: JourneyDocument, entity: ConflictEntity, item_id: str) -> Item | None:
    """The object a conflict names, or None when the document has no such object."""
    if entity == "map":
        return document.info
    if entity == "touchpoint":
        return document.touchpoint(item_id) if document.has_touchpoint(item_id) else None
    if entity == "connection":
        return document.connection(item_id) if document.has_connection(item_id) else None
    items = _ordered(document, entity)
    return items[item_id] if item_id in items else None  # noqa: SIM401 (a missing id raises JourneyMapError, not KeyError)


def resolve(document: JourneyDocument, conflict_id: str, side: Side) -> Undo:
    """Settle one conflict with ``side``'s value and drop its record; returns the undo."""
    conflict = document.conflicts[conflict_id]
    position = document.conflicts.position(conflict_id)
    undo_value = _take_theirs(document, conflict) if side == "theirs" else None
    document.remove_conflict(conflict_id)

    def undo() -> None:
        document.add_conflict(conflict, position)
        if undo_value is not None:
            undo_value()

    return undo


def _take_theirs(document: JourneyDocument, conflict: Conflict) -> Undo:
    if not conflict.field:
        return _add(document, conflict) if conflict.ours is None else _remove(document, conflict)
    if conflict.field == "place":
        return _move_card(document, conflict.entity_id, conflict.theirs)
    if conflict.field == "position":
        return _move_header(document, conflict)
    return _set_field(document, conflict.entity, conflict.entity_id, conflict.field, conflict.theirs)


def _set_field(document: JourneyDocument, entity: ConflictEntity, item_id: str, field: str, value: JsonValue) -> Undo:
    current = find_item(document, entity, item_id)
    if current is None:
        raise JourneyMapError(f"no {entity} with id {item_id!r}: take THEIRS' side of its own conflict first")
    content = current.model_dump(mode="json")
    if field not in content:
        raise JourneyMapError(f"a conflict names {field!r}, which is not a field of a {entity}")
    before = content[field]
    update = _updater(document, entity, item_id, field)
    update(value)
    return lambda: update(before)


def _updater(document: JourneyDocument, entity: ConflictEntity, item_id: str, field: str) -> Callable[[Any], None]:
    if entity == "map":
        return document.change_id if field == "id" else lambda value: document.update_map(**{field: value})
    updates: dict[str, Callable[..., None]] = {
        "persona": document.update_persona,
        "stage": document.update_stage,
        "lane": document.update_lane,
        "touchpoint": document.update_touchpoint,
        "connection": document.update_connection,
    }
    update = updates[entity]
    return lambda value: update(item_id, **{field: value})


def _move_card(document: JourneyDocument, card_id: str, place: JsonValue) -> Undo:
    found = place if isinstance(place, dict) else {}
    stage, lane, index = found.get("stage"), found.get("lane"), found.get("index")
    if not (isinstance(stage, str) and isinstance(lane, str) and isinstance(index, int)):
        raise JourneyMapError(f"the conflict on card {card_id!r} holds no stage, lane and index to move it to")
    before = document.touchpoint(card_id)
    document.move_touchpoint(card_id, stage, lane, index)
    return lambda: document.move_touchpoint(card_id, before.stage, before.lane, before.index)


def _move_header(document: JourneyDocument, conflict: Conflict) -> Undo:
    if conflict.entity not in ("stage", "lane") or not isinstance(conflict.theirs, int):
        raise JourneyMapError(f"the conflict on {conflict.entity} {conflict.entity_id!r} holds no position")
    move = document.move_stage if conflict.entity == "stage" else document.move_lane
    before = _ordered(document, conflict.entity).position(conflict.entity_id)
    move(conflict.entity_id, conflict.theirs)
    return lambda: move(conflict.entity_id, before)


def _add(document: JourneyDocument, conflict: Conflict) -> Undo:
    """THEIRS has an object the map lacks: add it (a stage, lane, persona or connection last)."""
    add, remove, model = _operations(document, conflict.entity)
    try:
        item = model.model_validate(conflict.theirs)
    except ValidationError as error:
        problem = error.errors(include_url=False)[0]["msg"]
        raise JourneyMapError(f"the conflict on {conflict.entity} {conflict.entity_id!r}: {problem}") from None
    add(item)
    return lambda: _discard(remove(conflict.entity_id))


def _remove(document: JourneyDocument, conflict: Conflict) -> Undo:
    """THEIRS removed an object the map still has: remove it, as far as the document allows."""
    item_id = conflict.entity_id
    if find_item(document, conflict.entity, item_id) is None:  # gone already, with a card taken away
        return lambda: None
    connection_order = document.connection_ids()
    if conflict.entity == "touchpoint":
        card, connections = document.remove_touchpoint(item_id)
        return lambda: _put_card_back(document, card, connections, connection_order)
    add, remove, _ = _operations(document, conflict.entity)
    if conflict.entity == "connection":
        position = connection_order.index(item_id)
    else:
        position = _ordered(document, conflict.entity).position(item_id)
    item = remove(item_id)
    return lambda: add(item, position)


def _ordered(document: JourneyDocument, entity: ConflictEntity) -> OrderedItems[Any]:
    ordered: dict[str, OrderedItems[Any]] = {
        "persona": document.personas,
        "stage": document.stages,
        "lane": document.lanes,
    }
    return ordered[entity]


def _operations(
    document: JourneyDocument, entity: ConflictEntity
) -> tuple[Callable[..., None], Callable[[str], Any], type[Item]]:
    """How to add and remove an object of a kind, and its model."""
    operations: dict[str, tuple[Callable[..., None], Callable[[str], Any], type[Item]]] = {
        "persona": (document.add_persona, document.remove_persona, Persona),
        "stage": (document.add_stage, document.remove_stage, Stage),
        "lane": (document.add_lane, document.remove_lane, Lane),
        "touchpoint": (document.add_touchpoint, document.remove_touchpoint, Touchpoint),
        "connection": (document.add_connection, document.remove_connection, Connection),
    }
    if entity not in operations:
        raise JourneyMapError("the map itself is never added or removed by a merge")
    return operations[entity]


def _put_card_back(
    document: JourneyDocument, card: Touchpoint, connections: list[Connection], order: list[str]
) -> None:
    document.add_touchpoint(card)
    for connection in sorted(connections, key=lambda connection: order.index(connection.id)):
        document.add_connection(connection, order.index(connection.id))


def _discard(_: object) -> None:
    """Undo steps return nothing: the removed object is not needed again."""
