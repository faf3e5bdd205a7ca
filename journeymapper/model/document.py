"""The live journey map: the document every view edits and listens to.

Touchpoints and connections live in a graph (a node per touchpoint, an edge per connection), kept
as networkx keeps a ``DiGraph`` and handed out as one by ``graph`` (``card_graph``); stages, lanes
and personas are kept in order beside it. Every mutation keeps these
invariants, or raises ``JourneyMapError`` and changes nothing:

- ids are unique within their kind, and touchpoint and connection ids are distinct from each other;
- every reference (a touchpoint's stage, lane and personas, a connection's ends) names an existing
  object, and a connection never joins a touchpoint to itself or repeats an existing pair;
- the touchpoints of a cell (stage x lane) have the indexes 0..n-1, in order.

Removing a stage or lane that still holds touchpoints, or a persona that a touchpoint names, is
refused: the caller decides what happens to those first (the editor moves or deletes the cards in
the same undo step). Removing a touchpoint removes its connections and returns them. Touchpoints
are added and removed a thousand at a time too (a delete and its undo): the cells they touch are
renumbered once for all (see ``cells``).

The merge conflicts a three-way merge left are kept in order beside the rest. They name objects by
id but are not references: the object a conflict is about may be gone, which is the conflict.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, NoReturn, TypeVar

from pydantic import ValidationError

from journeymapper.counting import counted
from journeymapper.errors import JourneyMapError
from journeymapper.model.card_graph import Adjacency, CardGraph, EdgeData, NodeData
from journeymapper.model.cells import Cell, Cells
from journeymapper.model.schema import (
    Conflict,
    Connection,
    JourneyMapFile,
    Lane,
    MapKind,
    Persona,
    Stage,
    Touchpoint,
)

if TYPE_CHECKING:
    import networkx as nx

Entity = Literal["map", "persona", "stage", "lane", "touchpoint", "connection", "conflict"]
Action = Literal["added", "updated", "moved", "removed"]
ItemT = TypeVar("ItemT", Persona, Stage, Lane, Touchpoint, Connection, JourneyMapFile)
OrderedT = TypeVar("OrderedT", bound=Persona | Stage | Lane | Conflict)


@dataclass(frozen=True)
class Change:
    """One notification: which kind of object changed, how, and its id ("" for the map)."""

    entity: Entity
    action: Action
    id: str


Listener = Callable[[Change], None]
_PLACEMENT = frozenset({"id", "stage", "lane", "index"})


def _first_problem(error: ValidationError) -> str:
    first = error.errors(include_url=False)[0]
    return f"{'.'.join(str(part) for part in first['loc'])}: {first['msg']}"


def _self_loop(connection: Connection) -> str:
    return f"connection {connection.id!r} joins touchpoint {connection.source!r} to itself"


def _repeat(connection: Connection, existing_id: str) -> str:
    ends = f"from {connection.source!r} to {connection.target!r}"
    return f"connection {connection.id!r} repeats connection {existing_id!r} {ends}"


def _validated(model: type[ItemT], current: ItemT, changes: Mapping[str, Any]) -> ItemT:
    try:
        return model.model_validate({**current.model_dump(), **changes})
    except ValidationError as error:
        raise JourneyMapError(f"{model.__name__.lower()} {current.id}: {_first_problem(error)}") from None


class OrderedItems(Mapping[str, OrderedT]):
    """Stages, lanes, personas or merge conflicts: objects by id, in the order the user arranged them."""

    def __init__(self, label: str) -> None:
        self._label = label
        self._items: dict[str, OrderedT] = {}

    def __getitem__(self, item_id: str) -> OrderedT:
        try:
            return self._items[item_id]
        except KeyError:
            raise JourneyMapError(f"no {self._label} with id {item_id!r}") from None

    def __contains__(self, item_id: object) -> bool:
        return item_id in self._items

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def position(self, item_id: str) -> int:
        self[item_id]
        return list(self._items).index(item_id)

    def insert(self, item: OrderedT, position: int | None) -> None:
        if item.id in self._items:
            raise JourneyMapError(f"a {self._label} with id {item.id!r} already exists")
        self._items[item.id] = item
        if position is not None:
            self.move(item.id, position)

    def replace(self, item: OrderedT) -> None:
        self._items[item.id] = item

    def move(self, item_id: str, position: int) -> None:
        order = [key for key in self._items if key != item_id]
        order.insert(max(0, min(position, len(order))), item_id)
        self._items = {key: self._items[key] for key in order}

    def pop(self, item_id: str) -> OrderedT:
        item = self[item_id]
        del self._items[item_id]
        return item


class JourneyDocument:
    """A journey map being edited: map fields, ordered stages, lanes and personas, and the graph."""

    def __init__(
        self,
        id: str,
        title: str,
        kind: MapKind | str,
        description: str = "",
        author: str = "",
    ) -> None:
        try:
            self.info = JourneyMapFile(id=id, title=title, kind=kind, description=description, author=author)
        except ValidationError as error:
            raise JourneyMapError(f"map: {_first_problem(error)}") from None
        self.personas: OrderedItems[Persona] = OrderedItems("persona")
        self.stages: OrderedItems[Stage] = OrderedItems("stage")
        self.lanes: OrderedItems[Lane] = OrderedItems("lane")
        self.conflicts: OrderedItems[Conflict] = OrderedItems("conflict")
        self._cards = CardGraph()
        self._connections: dict[str, EdgeData] = {}
        """Each connection's edge data, the dict its graph edge holds: reading a connection by id
        (the canvas reads every connector's at each relayout) is one lookup."""
        self._placed: list[tuple[int, str]] = []
        """(position, id) of the connections added at a position, in turn; ``_connections`` still has
        them where they were appended."""
        self._cells = Cells(self._cards.nodes)
        self._listeners: list[Listener] = []

    @classmethod
    def from_file(cls, data: JourneyMapFile) -> JourneyDocument:
        """Build a document from a file model, checking every id and reference.

        Errors name the JSON path of the offending value, such as ``touchpoints[12].stage``. Cell
        indexes are taken as an order, not as exact numbers: gaps and ties (left by hand edits or
        merges) close up, ties keeping file order.
        """
        document = cls(data.id, data.title, data.kind, data.description, data.author)
        groups: tuple[tuple[str, tuple[Persona | Stage | Lane | Conflict, ...]], ...] = (
            ("personas", data.personas),
            ("stages", data.stages),
            ("lanes", data.lanes),
            ("conflicts", data.conflicts),
        )
        for field, items in groups:
            ordered: OrderedItems[Any] = getattr(document, field)
            for number, item in enumerate(items):
                if item.id in ordered:
                    raise JourneyMapError(f"{field}[{number}].id: duplicate id {item.id!r}")
                ordered.insert(item, None)
        nodes = document._load_touchpoints(data.touchpoints)
        succ, pred = document._load_connections(data.connections, nodes)
        document._cards = CardGraph(nodes, succ, pred)
        document._cells = Cells.sorted_from(nodes)
        return document

    def _load_touchpoints(self, touchpoints: tuple[Touchpoint, ...]) -> dict[str, NodeData]:
        """Check the touchpoints; returns the graph's node dicts."""
        nodes: dict[str, NodeData] = {}
        stage_ids, lane_ids, persona_ids = set(self.stages), set(self.lanes), set(self.personas)
        for number, touchpoint in enumerate(touchpoints):
            if touchpoint.id in nodes:
                raise JourneyMapError(f"touchpoints[{number}].id: duplicate id {touchpoint.id!r}")
            if touchpoint.stage not in stage_ids or touchpoint.lane not in lane_ids:
                self._check_placement(touchpoint.id, touchpoint.stage, touchpoint.lane, f"touchpoints[{number}]")
            if not persona_ids.issuperset(touchpoint.personas):
                self._check_personas(touchpoint, f"touchpoints[{number}]")
            nodes[touchpoint.id] = {"touchpoint": touchpoint}
        return nodes

    def _load_connections(
        self, connections: tuple[Connection, ...], nodes: dict[str, NodeData]
    ) -> tuple[Adjacency, Adjacency]:
        """Check the connections; returns the graph's successor and predecessor dicts."""
        succ: Adjacency = {touchpoint_id: {} for touchpoint_id in nodes}
        pred: Adjacency = {touchpoint_id: {} for touchpoint_id in nodes}
        for number, connection in enumerate(connections):
            if connection.id in self._connections or connection.id in nodes:
                raise JourneyMapError(f"connections[{number}].id: duplicate id {connection.id!r}")
            source, target = connection.source, connection.target
            onward = succ.get(source)
            if onward is None or target not in pred or source == target or target in onward:
                self._refuse_connection(connection, f"connections[{number}]", succ)
            onward[target] = pred[target][source] = self._connections[connection.id] = {"connection": connection}
        return succ, pred

    @staticmethod
    def _refuse_connection(connection: Connection, where: str, succ: Adjacency) -> NoReturn:
        for field in ("source", "target"):
            if getattr(connection, field) not in succ:
                raise JourneyMapError(f"{where}.{field}: no touchpoint with id {getattr(connection, field)!r}")
        if connection.source == connection.target:
            raise JourneyMapError(f"{where}: {_self_loop(connection)}")
        existing = succ[connection.source][connection.target]["connection"].id
        raise JourneyMapError(f"{where}: {_repeat(connection, existing)}")

    # -- notifications ------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` with a ``Change`` after every mutation; returns the unsubscriber."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _notify(self, entity: Entity, action: Action, item_id: str) -> None:
        self._tell([Change(entity, action, item_id)])

    def _tell(self, changes: list[Change]) -> None:
        """Call the listeners with each change in turn: a mutation of many objects tells of each
        once all are done."""
        for change in changes:
            for listener in list(self._listeners):
                listener(change)

    # -- reading ------------------------------------------------------------------------------

    @property
    def id(self) -> str:
        return self.info.id

    @property
    def title(self) -> str:
        return self.info.title

    @property
    def kind(self) -> MapKind:
        return self.info.kind

    @property
    def graph(self) -> nx.DiGraph[str]:
        """The touchpoints and connections as a ``networkx.DiGraph``, for reading: networkx loads
        on the first call (see ``card_graph``). Edit through the document's methods."""
        return self._cards.networkx()

    def touchpoint(self, touchpoint_id: str) -> Touchpoint:
        try:
            return self._cards.nodes[touchpoint_id]["touchpoint"]
        except KeyError:
            raise JourneyMapError(f"no touchpoint with id {touchpoint_id!r}") from None

    def has_touchpoint(self, touchpoint_id: str) -> bool:
        return touchpoint_id in self._cards

    def touchpoints(self) -> Iterator[Touchpoint]:
        """Every touchpoint, stage by stage, lane by lane, in cell order."""
        nodes = self._cards.nodes
        for stage_id in self.stages:
            for lane_id in self.lanes:
                for touchpoint_id in self._cells.members((stage_id, lane_id)):
                    yield nodes[touchpoint_id]["touchpoint"]

    def touchpoint_count(self) -> int:
        return len(self._cards)

    def cell(self, stage_id: str, lane_id: str) -> tuple[str, ...]:
        """The ids of the touchpoints in one cell, in their order."""
        return tuple(self._cells.members((stage_id, lane_id)))

    def connection(self, connection_id: str) -> Connection:
        try:
            return self._connections[connection_id]["connection"]
        except KeyError:
            raise JourneyMapError(f"no connection with id {connection_id!r}") from None

    def has_connection(self, connection_id: str) -> bool:
        return connection_id in self._connections

    def connections(self) -> Iterator[Connection]:
        """Every connection, in the order they were added (each at its position, if added at one)."""
        return (data["connection"] for data in self._ordered_connections().values())

    def connection_ids(self) -> list[str]:
        """The ids of ``connections()``, in their order."""
        return list(self._ordered_connections())

    def _ordered_connections(self) -> dict[str, EdgeData]:
        """``_connections`` in order. Connections added at a position are moved there all at once,
        on the first read after them: an undo puts back thousands of connections one by one.

        Replaying the insertions in turn into the order of the other connections gives each the
        place it was added at: the connections appended meanwhile stand last in both orders.
        """
        if self._placed:
            placed, self._placed = self._placed, []
            moving = {connection_id for _, connection_id in placed}
            order = [connection_id for connection_id in self._connections if connection_id not in moving]
            for position, connection_id in placed:
                order.insert(position, connection_id)
            self._connections = {connection_id: self._connections[connection_id] for connection_id in order}
        return self._connections

    def connections_of(self, touchpoint_id: str) -> list[Connection]:
        """The connections that start or end at a touchpoint."""
        self.touchpoint(touchpoint_id)
        return self._cards.connections_of(touchpoint_id)

    def new_id(self, prefix: str) -> str:
        """A fresh id, unused by any object of this map."""
        taken = (self._cards, self._connections, self.stages, self.lanes, self.personas)
        while True:
            candidate = f"{prefix}-{uuid.uuid4().hex[:8]}"
            if not any(candidate in ids for ids in taken):
                return candidate

    def to_file(self) -> JourneyMapFile:
        """The document as its file model, in the file's stable order."""
        return self.info.model_copy(
            update={
                "personas": tuple(self.personas.values()),
                "stages": tuple(self.stages.values()),
                "lanes": tuple(self.lanes.values()),
                "touchpoints": tuple(self.touchpoints()),
                "connections": tuple(self.connections()),
                "conflicts": tuple(self.conflicts.values()),
            }
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, JourneyDocument):
            return NotImplemented
        return self.to_file() == other.to_file()

    __hash__ = None  # type: ignore[assignment]

    # -- the map itself -----------------------------------------------------------------------

    def update_map(self, **changes: Any) -> None:
        """Change the map's title, kind, description or author (its id stays)."""
        if {"id", "format", "version"} & changes.keys():
            raise JourneyMapError("a map's id, format and version cannot be edited")
        self.info = _validated(JourneyMapFile, self.info, changes)
        self._notify("map", "updated", "")

    def change_id(self, new_id: str) -> None:
        """Give the map another id: for a copy of a map, which still has the original's id.

        Links from other maps name this id, so they stop arriving until their ``map_id`` follows;
        that is why the id is not one of the fields ``update_map`` edits.
        """
        try:
            self.info = self.info.model_validate({**self.info.model_dump(), "id": new_id})
        except ValidationError as error:
            raise JourneyMapError(f"map: {_first_problem(error)}") from None
        self._notify("map", "updated", "")

    # -- personas -----------------------------------------------------------------------------

    def add_persona(self, persona: Persona, position: int | None = None) -> None:
        self.personas.insert(persona, position)
        self._notify("persona", "added", persona.id)

    def update_persona(self, persona_id: str, **changes: Any) -> None:
        self._reject_id_change(changes)
        self.personas.replace(_validated(Persona, self.personas[persona_id], changes))
        self._notify("persona", "updated", persona_id)

    def remove_persona(self, persona_id: str) -> Persona:
        self.personas[persona_id]
        users = [tp.id for tp in self.touchpoints() if persona_id in tp.personas]
        if users:
            raise JourneyMapError(
                f"persona {persona_id!r} is still tagged on {counted(len(users), 'touchpoint')}, e.g. {users[0]!r}"
            )
        persona = self.personas.pop(persona_id)
        self._notify("persona", "removed", persona_id)
        return persona

    # -- merge conflicts ----------------------------------------------------------------------

    def add_conflict(self, conflict: Conflict, position: int | None = None) -> None:
        """Record a conflict a merge left (see ``model.merge``); ``position`` puts one back on undo."""
        self.conflicts.insert(conflict, position)
        self._notify("conflict", "added", conflict.id)

    def remove_conflict(self, conflict_id: str) -> Conflict:
        conflict = self.conflicts.pop(conflict_id)
        self._notify("conflict", "removed", conflict_id)
        return conflict

    # -- stages and lanes ---------------------------------------------------------------------

    def add_stage(self, stage: Stage, position: int | None = None) -> None:
        self.stages.insert(stage, position)
        self._notify("stage", "added", stage.id)

    def update_stage(self, stage_id: str, **changes: Any) -> None:
        self._reject_id_change(changes)
        self.stages.replace(_validated(Stage, self.stages[stage_id], changes))
        self._notify("stage", "updated", stage_id)

    def move_stage(self, stage_id: str, position: int) -> None:
        self.stages[stage_id]
        self.stages.move(stage_id, position)
        self._notify("stage", "moved", stage_id)

    def remove_stage(self, stage_id: str) -> Stage:
        self.stages[stage_id]
        self._refuse_if_occupied("stage", stage_id, [(stage_id, lane) for lane in self.lanes])
        stage = self.stages.pop(stage_id)
        self._notify("stage", "removed", stage_id)
        return stage

    def add_lane(self, lane: Lane, position: int | None = None) -> None:
        self.lanes.insert(lane, position)
        self._notify("lane", "added", lane.id)

    def update_lane(self, lane_id: str, **changes: Any) -> None:
        self._reject_id_change(changes)
        self.lanes.replace(_validated(Lane, self.lanes[lane_id], changes))
        self._notify("lane", "updated", lane_id)

    def move_lane(self, lane_id: str, position: int) -> None:
        self.lanes[lane_id]
        self.lanes.move(lane_id, position)
        self._notify("lane", "moved", lane_id)

    def remove_lane(self, lane_id: str) -> Lane:
        self.lanes[lane_id]
        self._refuse_if_occupied("lane", lane_id, [(stage, lane_id) for stage in self.stages])
        lane = self.lanes.pop(lane_id)
        self._notify("lane", "removed", lane_id)
        return lane

    def _refuse_if_occupied(self, label: str, item_id: str, cells: list[Cell]) -> None:
        count = self._cells.count(cells)
        if count:
            raise JourneyMapError(
                f"{label} {item_id!r} still holds {counted(count, 'touchpoint')}: move or delete them first"
            )

    # -- touchpoints --------------------------------------------------------------------------

    def add_touchpoint(self, touchpoint: Touchpoint) -> None:
        """Insert a touchpoint into its cell at its index (clamped); later cards shift down."""
        self.add_touchpoints([touchpoint])

    def add_touchpoints(self, touchpoints: Iterable[Touchpoint]) -> None:
        """Insert touchpoints in turn, each as ``add_touchpoint`` would: every one is checked before
        any goes in, and listeners hear of each once all are in."""
        cards = list(touchpoints)
        self._check_new_touchpoints(cards)
        for card in cards:
            self._cards.add_node(card.id, card)
        self._cells.insert(cards)
        self._tell([Change("touchpoint", "added", card.id) for card in cards])

    def _check_new_touchpoints(self, cards: list[Touchpoint]) -> None:
        taken: set[str] = set()
        for card in cards:
            if card.id in self._cards or card.id in self._connections or card.id in taken:
                raise JourneyMapError(f"an object with id {card.id!r} already exists")
            taken.add(card.id)
            self._check_placement(card.id, card.stage, card.lane)
            self._check_personas(card)

    def update_touchpoint(self, touchpoint_id: str, **changes: Any) -> None:
        """Edit a touchpoint's content; its place changes only through ``move_touchpoint``."""
        if _PLACEMENT & changes.keys():
            raise JourneyMapError("use move_touchpoint to change a touchpoint's stage, lane or index")
        updated = _validated(Touchpoint, self.touchpoint(touchpoint_id), changes)
        self._check_personas(updated)
        self._cards.nodes[touchpoint_id]["touchpoint"] = updated
        self._notify("touchpoint", "updated", touchpoint_id)

    def move_touchpoint(self, touchpoint_id: str, stage_id: str, lane_id: str, index: int) -> None:
        """Put a touchpoint into a cell at an index (clamped to the cell's length)."""
        current = self.touchpoint(touchpoint_id)
        self._check_placement(touchpoint_id, stage_id, lane_id)
        self._cells.remove([current])
        moved = current.model_copy(update={"stage": stage_id, "lane": lane_id, "index": index})
        self._cards.nodes[touchpoint_id]["touchpoint"] = moved
        self._cells.insert([moved])
        self._notify("touchpoint", "moved", touchpoint_id)

    def remove_touchpoint(self, touchpoint_id: str) -> tuple[Touchpoint, list[Connection]]:
        """Remove a touchpoint and its connections; returns both so that an undo can restore them."""
        touchpoint = self.touchpoint(touchpoint_id)
        return touchpoint, self.remove_touchpoints([touchpoint_id])

    def remove_touchpoints(self, touchpoint_ids: Iterable[str]) -> list[Connection]:
        """Remove touchpoints and their connections; returns the connections, card by card, each
        card's as ``connections_of`` lists them. Every id is checked before anything goes, and
        listeners hear of each connection, then of its card, once all are gone."""
        cards = [self.touchpoint(touchpoint_id) for touchpoint_id in dict.fromkeys(touchpoint_ids)]
        removed: list[Connection] = []
        changes: list[Change] = []
        for card in cards:
            for connection in self._cards.connections_of(card.id):
                self._drop_connection(connection)
                removed.append(connection)
                changes.append(Change("connection", "removed", connection.id))
            self._cards.remove_node(card.id)
            changes.append(Change("touchpoint", "removed", card.id))
        self._cells.remove(cards)
        self._tell(changes)
        return removed

    def _check_placement(self, touchpoint_id: str, stage_id: str, lane_id: str, where: str = "") -> None:
        """Raise unless the cell exists; ``where`` is a JSON path for errors while loading a file."""
        for field, value, known in (("stage", stage_id, self.stages), ("lane", lane_id, self.lanes)):
            if value not in known:
                place = f"{where}.{field}" if where else f"touchpoint {touchpoint_id!r}"
                raise JourneyMapError(f"{place}: no {field} with id {value!r}")

    def _check_personas(self, touchpoint: Touchpoint, where: str = "") -> None:
        for position, persona_id in enumerate(touchpoint.personas):
            if persona_id not in self.personas:
                place = f"{where}.personas[{position}]" if where else f"touchpoint {touchpoint.id!r}"
                raise JourneyMapError(f"{place}: no persona with id {persona_id!r}")

    # -- connections --------------------------------------------------------------------------

    def add_connection(self, connection: Connection, position: int | None = None) -> None:
        """Add a connection, last or at ``position`` (clamped) in the order of connections: an undo
        puts a removed connection back in its place."""
        if connection.id in self._connections or connection.id in self._cards:
            raise JourneyMapError(f"an object with id {connection.id!r} already exists")
        self._check_ends(connection)
        self._connections[connection.id] = self._cards.set_edge(connection.source, connection.target, connection)
        if position is not None and position < len(self._connections) - 1:
            self._placed.append((max(0, position), connection.id))
        self._notify("connection", "added", connection.id)

    def update_connection(self, connection_id: str, **changes: Any) -> None:
        """Edit a connection's kind, label, conversion rate or ends."""
        self._reject_id_change(changes)
        current = self.connection(connection_id)
        updated = _validated(Connection, current, changes)
        ends = (updated.source, updated.target)
        if ends != (current.source, current.target):
            self._check_ends(updated)
            self._cards.remove_edge(current.source, current.target)
        self._connections[connection_id] = self._cards.set_edge(*ends, updated)
        self._notify("connection", "updated", connection_id)

    def remove_connection(self, connection_id: str) -> Connection:
        connection = self.connection(connection_id)
        self._drop_connection(connection)
        self._notify("connection", "removed", connection_id)
        return connection

    def _drop_connection(self, connection: Connection) -> None:
        """Take a connection out of the graph and the order, telling no one."""
        self._cards.remove_edge(connection.source, connection.target)
        del self._ordered_connections()[connection.id]  # the positions not yet applied count it

    def _check_ends(self, connection: Connection) -> None:
        for end in (connection.source, connection.target):
            if end not in self._cards:
                raise JourneyMapError(f"connection {connection.id!r}: no touchpoint with id {end!r}")
        if connection.source == connection.target:
            raise JourneyMapError(_self_loop(connection))
        if self._cards.has_edge(connection.source, connection.target):
            raise JourneyMapError(_repeat(connection, self._cards.connection(connection.source, connection.target).id))

    @staticmethod
    def _reject_id_change(changes: Mapping[str, Any]) -> None:
        if "id" in changes:
            raise JourneyMapError("an object's id cannot be edited")
