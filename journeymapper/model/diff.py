"""What changed between two versions of a map, by id, in the map's own words.

``diff(old, new)`` compares two documents object by object (never their text) and lists each
change once, in map order: the map's fields, personas, stages, lanes, cards, connections, then
merge conflicts recorded or resolved. Each change says what it touched (``what`` and ``id``), how
(``kind``), the field, the old and the new value as JSON values, and a line for a person:
"Stage 'Onboarding' renamed to 'Onboarding & setup'", "'Kickoff call': emotion -1 → +1".

The changes hold all it takes to turn ``old`` into ``new``: an added object carries the whole
object, a move its new place (``{"stage", "lane", "index"}`` for a card, the index for a stage),
a changed field its new value. A reordered item is one that left the longest run of items that
kept their order (``ordering.unmoved``). The order of connections carries no meaning and is not
compared.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from pydantic import JsonValue

from journeymapper.model.document import JourneyDocument
from journeymapper.model.ordering import moved
from journeymapper.model.schema import Conflict, Item, Lane, Persona, Stage, Touchpoint
from journeymapper.model.wording import card_label, cell_name, connection_name, field_name, label, quoted, value_text

What = Literal["map", "persona", "stage", "lane", "touchpoint", "connection", "conflict"]
ChangeKind = Literal["added", "removed", "renamed", "changed", "moved", "reordered"]
PLACE_FIELDS = ("stage", "lane", "index")
_NAME_FIELDS = frozenset({"name", "title"})
Maps = tuple[JourneyDocument, JourneyDocument]
TITLES = {
    "map": "Map",
    "persona": "Persona",
    "stage": "Stage",
    "lane": "Lane",
    "touchpoint": "Card",
    "connection": "Connection",
    "conflict": "Conflict",
}
"""How a line names each kind of object: "Card 'Kickoff call' added to ..."."""


@dataclass(frozen=True)
class MapChange:
    """One change: ``old`` and ``new`` are JSON values (null where there is none)."""

    what: What
    id: str
    kind: ChangeKind
    field: str
    old: JsonValue
    new: JsonValue
    text: str
    position: int | None = None
    """Where an added persona, stage or lane stands among its kind (0 first)."""


def diff(old: JourneyDocument, new: JourneyDocument) -> list[MapChange]:
    """Every change that turns ``old`` into ``new``, in map order; empty when they hold the same map."""
    return [
        *_map_changes(old, new),
        *_ordered_changes("persona", old.personas, new.personas, old, new),
        *_ordered_changes("stage", old.stages, new.stages, old, new),
        *_ordered_changes("lane", old.lanes, new.lanes, old, new),
        *_card_changes(old, new),
        *_connection_changes(old, new),
        *_conflict_changes(old.conflicts, new.conflicts),
    ]


def dumped(item: Item) -> dict[str, JsonValue]:
    """An object as the file holds it: its fields that differ from their defaults."""
    return item.model_dump(mode="json", exclude_defaults=True)


def _fields(item: Item, leave_out: Sequence[str] = ("id",)) -> dict[str, JsonValue]:
    content: dict[str, JsonValue] = item.model_dump(mode="json")
    return {field: value for field, value in content.items() if field not in leave_out}


def _field_changes(
    what: What, item_id: str, items: tuple[Item, Item], name: str, maps: Maps, leave_out: Sequence[str]
) -> Iterator[MapChange]:
    """A change per field in which the old and the new version of an object differ; ``name``
    starts each line, and each value is named in the words of its own version of the map."""
    before, after = (_fields(item, leave_out) for item in items)
    for field, value in after.items():
        old = before[field]
        if old == value:
            continue
        if field in _NAME_FIELDS:
            text = f"{TITLES[what]} {quoted(str(old))} renamed to {quoted(str(value))}"
            yield MapChange(what, item_id, "renamed", field, old, value, text)
            continue
        if isinstance(old, list) and isinstance(value, list) and field != "links":
            shown = _list_change(field, old, value, maps)
        else:
            shown = f"{value_text(field, old, maps[0])} → {value_text(field, value, maps[1])}"
        yield MapChange(what, item_id, "changed", field, old, value, f"{name}: {field_name(field)} {shown}")


def _list_change(field: str, old: list[JsonValue], new: list[JsonValue], maps: Maps) -> str:
    """A list's change as the items that came and went: ``+'Slow' -'Costly'``."""
    added = [item for item in new if item not in old]
    removed = [item for item in old if item not in new]
    if not added and not removed:
        return "reordered"
    return " ".join(
        [f"+{value_text(field, [item], maps[1])}" for item in added]
        + [f"-{value_text(field, [item], maps[0])}" for item in removed]
    )


def _map_changes(old: JourneyDocument, new: JourneyDocument) -> Iterator[MapChange]:
    leave_out = ("format", "version", "personas", "stages", "lanes", "touchpoints", "connections", "conflicts")
    return _field_changes("map", new.id, (old.info, new.info), "Map", (old, new), leave_out)


# -- personas, stages and lanes ---------------------------------------------------------------


def _ordered_changes(
    what: Literal["persona", "stage", "lane"],
    old_items: Mapping[str, Persona | Stage | Lane],
    new_items: Mapping[str, Persona | Stage | Lane],
    old: JourneyDocument,
    new: JourneyDocument,
) -> Iterator[MapChange]:
    title = TITLES[what]
    reordered = moved(list(old_items), [item for item in new_items if item in old_items])
    order = list(new_items)
    for position, (item_id, item) in enumerate(new_items.items()):
        name = f"{title} {label(item)}"
        after = f"after {label(new_items[order[position - 1]])}" if position else ""
        if item_id not in old_items:
            text = f"{name} added {after or 'at the front'}"
            yield MapChange(what, item_id, "added", "", None, dumped(item), text, position)
            continue
        yield from _field_changes(what, item_id, (old_items[item_id], item), name, (old, new), ("id",))
        if item_id in reordered:
            before = list(old_items).index(item_id)
            yield MapChange(
                what, item_id, "reordered", "position", before, position, f"{name} moved {after or 'to the front'}"
            )
    for item_id, item in old_items.items():
        if item_id not in new_items:
            yield MapChange(what, item_id, "removed", "", dumped(item), None, f"{title} {label(item)} removed")


# -- cards ----------------------------------------------------------------------------------


def place_of(card: Touchpoint) -> dict[str, JsonValue]:
    """A card's place: its cell and its index in the cell."""
    return {"stage": card.stage, "lane": card.lane, "index": card.index}


def _card_changes(old: JourneyDocument, new: JourneyDocument) -> Iterator[MapChange]:
    moved_in_cell = _moved_within_cells(old, new)
    for card in new.touchpoints():
        cell = cell_name(new, card.stage, card.lane)
        if not old.has_touchpoint(card.id):
            yield MapChange(
                "touchpoint", card.id, "added", "", None, dumped(card), f"Card {label(card)} added to {cell}"
            )
            continue
        before = old.touchpoint(card.id)
        yield from _field_changes("touchpoint", card.id, (before, card), label(card), (old, new), ("id", *PLACE_FIELDS))
        if (before.stage, before.lane) != (card.stage, card.lane):
            text = f"Card {label(card)} moved from {cell_name(old, before.stage, before.lane)} to {cell}"
            yield MapChange("touchpoint", card.id, "moved", "place", place_of(before), place_of(card), text)
        elif card.id in moved_in_cell:
            yield MapChange(
                "touchpoint", card.id, "moved", "place", place_of(before), place_of(card), _in_cell(new, card)
            )
    for card in old.touchpoints():
        if not new.has_touchpoint(card.id):
            text = f"Card {label(card)} removed from {cell_name(old, card.stage, card.lane)}"
            yield MapChange("touchpoint", card.id, "removed", "", dumped(card), None, text)


def _moved_within_cells(old: JourneyDocument, new: JourneyDocument) -> set[str]:
    """The cards that stayed in their cell but left the longest run that kept its order there."""
    found: set[str] = set()
    for stage in new.stages:
        for lane in new.lanes:
            after = new.cell(stage, lane)
            if after and stage in old.stages and lane in old.lanes:
                found |= moved(old.cell(stage, lane), [card for card in after if card in old.cell(stage, lane)])
    return found


def _in_cell(document: JourneyDocument, card: Touchpoint) -> str:
    cell = cell_name(document, card.stage, card.lane)
    if not card.index:
        return f"Card {label(card)} moved to the top of {cell}"
    previous = document.cell(card.stage, card.lane)[card.index - 1]
    return f"Card {label(card)} moved after {card_label(document, previous)} in {cell}"


# -- connections and conflicts --------------------------------------------------------------


def _connection_changes(old: JourneyDocument, new: JourneyDocument) -> Iterator[MapChange]:
    for connection in new.connections():
        name = f"Connection {connection_name(new, connection)}"
        if not old.has_connection(connection.id):
            yield MapChange("connection", connection.id, "added", "", None, dumped(connection), f"{name} added")
        else:
            before = old.connection(connection.id)
            yield from _field_changes("connection", connection.id, (before, connection), name, (old, new), ("id",))
    for connection in old.connections():
        if not new.has_connection(connection.id):
            text = f"Connection {connection_name(old, connection)} removed"
            yield MapChange("connection", connection.id, "removed", "", dumped(connection), None, text)


def _conflict_changes(old: Mapping[str, Conflict], new: Mapping[str, Conflict]) -> Iterator[MapChange]:
    """Conflicts recorded and resolved; one rewritten by a later merge counts as both."""
    for conflict_id, conflict in new.items():
        if conflict_id not in old or old[conflict_id] != conflict:
            yield MapChange("conflict", conflict_id, "added", "", None, dumped(conflict), f"Conflict: {conflict.text}")
    for conflict_id, conflict in old.items():
        if conflict_id not in new or new[conflict_id] != conflict:
            text = f"Conflict resolved: {conflict.text}"
            yield MapChange("conflict", conflict_id, "removed", "", dumped(conflict), None, text)
