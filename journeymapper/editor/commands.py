"""Undo commands: each gesture in the editor becomes one of these, and they touch only the model.

A command records what it needs to put the document back and calls the document's mutation API
in ``redo`` and ``undo``; the scene hears the document's notifications and redraws. Command texts
are what the Edit menu shows ("Undo Move 'Checkout' to Purchase / Payments").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Literal, NamedTuple

from PySide6.QtGui import QUndoCommand

from journeymapper.collector import young_collections_only
from journeymapper.errors import JourneyMapError
from journeymapper.model import Connection, JourneyDocument, Lane, Persona, Stage, Touchpoint
from journeymapper.model.conflicts import Side, resolve

NUDGE_ID = 1001
NEW_CARD_ID = 1002
END_OF_CELL = 1 << 30
"""An index past any cell's end: the document clamps it, so the card goes last."""


class Placement(NamedTuple):
    """Where a card goes: the arguments of ``JourneyDocument.move_touchpoint``; ``slot`` is its index
    in the cell (a field named ``index`` would hide ``tuple.index``)."""

    touchpoint_id: str
    stage: str
    lane: str
    slot: int


def quoted(text: str, limit: int = 40) -> str:
    """A name for a command text, shortened so that the Edit menu stays readable."""
    text = " ".join(text.split()) or "untitled"
    return f"'{text if len(text) <= limit else text[: limit - 1] + '…'}'"


def placement_of(document: JourneyDocument, touchpoint_id: str) -> Placement:
    card = document.touchpoint(touchpoint_id)
    return Placement(card.id, card.stage, card.lane, card.index)


def _restore_places(document: JourneyDocument, places: Iterable[Placement]) -> None:
    """Put cards back where they were.

    First every card goes to the end of its old cell, so that the cells hold their untouched cards
    in order followed by the returning ones; then, in ascending index order, each takes its old
    index, in front of every card that has not been put back yet.
    """
    places = sorted(places, key=lambda place: place.slot)
    for place in places:
        document.move_touchpoint(place.touchpoint_id, place.stage, place.lane, END_OF_CELL)
    for place in places:
        document.move_touchpoint(*place)


class ModelCommand(QUndoCommand):
    """A command that changes the document in ``apply`` and changes it back in ``revert``.

    ``MapSession.push`` applies a command itself first, so that a refused change raises before
    anything reaches the undo stack; ``already_applied`` then lets the stack's first redo pass.
    """

    already_applied = False

    def redo(self) -> None:
        if self.already_applied:
            self.already_applied = False
            return
        with young_collections_only():  # a thousand cards back are thousands of objects, no garbage
            self.apply()

    def undo(self) -> None:
        with young_collections_only():
            self.revert()

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class MoveTouchpoints(ModelCommand):
    """Put cards into cells at indexes: a drag, or a nudge with the arrow keys.

    Consecutive nudges of the same cards merge into one undo step.
    """

    def __init__(self, document: JourneyDocument, moves: Sequence[Placement], text: str, nudge: bool = False):
        super().__init__(text)
        self._document = document
        self._moves = list(moves)
        self._before = [placement_of(document, move.touchpoint_id) for move in moves]
        self._nudge = nudge

    def apply(self) -> None:
        for move in self._moves:
            self._document.move_touchpoint(*move)

    def revert(self) -> None:
        _restore_places(self._document, self._before)

    def id(self) -> int:
        return NUDGE_ID if self._nudge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        if not isinstance(other, MoveTouchpoints):
            return False
        same_cards = {m.touchpoint_id for m in other._moves} == {m.touchpoint_id for m in self._moves}
        if same_cards:
            # Redo starts from before the first nudge, so it replays them all: each nudge's slots
            # were computed from where the one before left the cards, and the last nudge alone
            # lands elsewhere when the moved cards share a cell.
            self._moves += other._moves
        return same_cards


class AddTouchpoints(ModelCommand):
    """Add cards (and connections among them or to existing cards): a drop, a paste, a duplicate."""

    def __init__(
        self,
        document: JourneyDocument,
        touchpoints: Sequence[Touchpoint],
        text: str,
        connections: Sequence[Connection] = (),
    ):
        super().__init__(text)
        self._document = document
        self._touchpoints = sorted(touchpoints, key=lambda card: card.index)
        self._connections = list(connections)

    @property
    def touchpoint_ids(self) -> list[str]:
        return [card.id for card in self._touchpoints]

    def apply(self) -> None:
        self._document.add_touchpoints(self._touchpoints)
        for connection in self._connections:
            self._document.add_connection(connection)

    def revert(self) -> None:
        self._document.remove_touchpoints(card.id for card in reversed(self._touchpoints))


class RemoveItems(ModelCommand):
    """Delete cards with every connection that touches them, and connections on their own."""

    def __init__(
        self, document: JourneyDocument, touchpoint_ids: Iterable[str], connection_ids: Iterable[str], text: str
    ):
        super().__init__(text)
        self._document = document
        self._touchpoint_ids = list(dict.fromkeys(touchpoint_ids))
        self._connection_ids = list(dict.fromkeys(connection_ids))
        self._touchpoints: list[Touchpoint] = []
        self._connections: list[tuple[int, Connection]] = []

    def apply(self) -> None:
        document = self._document
        self._touchpoints = [document.touchpoint(card_id) for card_id in self._touchpoint_ids]
        for connection_id in self._connection_ids:  # an unknown id is refused before anything goes
            document.connection(connection_id)
        positions = {connection_id: number for number, connection_id in enumerate(document.connection_ids())}
        removed = [document.remove_connection(connection_id) for connection_id in self._connection_ids]
        removed += document.remove_touchpoints(self._touchpoint_ids)
        self._connections = sorted(((positions[c.id], c) for c in removed), key=lambda placed: placed[0])

    def revert(self) -> None:
        # Ascending index order rebuilds each cell as it was (see _restore_places), and ascending
        # positions the order of connections, which the file keeps.
        self._document.add_touchpoints(sorted(self._touchpoints, key=lambda card: card.index))
        for position, connection in self._connections:
            self._document.add_connection(connection, position)


Entity = Literal["map", "persona", "stage", "lane", "touchpoint", "connection"]


class EditFields(ModelCommand):
    """Change fields of one object: a rename, an inspector edit. The document validates."""

    def __init__(self, document: JourneyDocument, entity: Entity, item_id: str, changes: dict[str, Any], text: str):
        super().__init__(text)
        self._document = document
        self._entity = entity
        self._id = item_id
        current = _current(document, entity, item_id)
        self._after = dict(changes)
        self._before = {field: getattr(current, field) for field in changes}

    def apply(self) -> None:
        self._apply(self._after)

    def revert(self) -> None:
        self._apply(self._before)

    def _apply(self, values: dict[str, Any]) -> None:
        if self._entity == "map":
            self._document.update_map(**values)
        else:
            getattr(self._document, f"update_{self._entity}")(self._id, **values)


class EditMany(ModelCommand):
    """Several edits as one undo step (a bulk edit, a table applied): all are applied, or none."""

    def __init__(self, edits: Sequence[ModelCommand], text: str):
        super().__init__(text)
        self._edits = list(edits)

    def apply(self) -> None:
        done: list[ModelCommand] = []
        try:
            for edit in self._edits:
                edit.apply()
                done.append(edit)
        except JourneyMapError:
            for edit in reversed(done):
                edit.revert()
            raise

    def revert(self) -> None:
        for edit in reversed(self._edits):
            edit.revert()


def _current(document: JourneyDocument, entity: Entity, item_id: str) -> Any:
    if entity == "map":
        return document.info
    if entity == "touchpoint":
        return document.touchpoint(item_id)
    if entity == "connection":
        return document.connection(item_id)
    ordered: dict[str, Mapping[str, Persona | Stage | Lane]] = {
        "persona": document.personas,
        "stage": document.stages,
        "lane": document.lanes,
    }
    return ordered[entity][item_id]


class AddConnection(ModelCommand):
    def __init__(self, document: JourneyDocument, connection: Connection, text: str):
        super().__init__(text)
        self._document = document
        self._connection = connection

    def apply(self) -> None:
        self._document.add_connection(self._connection)

    def revert(self) -> None:
        self._document.remove_connection(self._connection.id)


class AddColumnOrRow(ModelCommand):
    """Insert a stage or a lane at a position."""

    def __init__(self, document: JourneyDocument, item: Stage | Lane, position: int, text: str):
        super().__init__(text)
        self._document = document
        self._item = item
        self._position = position
        self._kind = "stage" if isinstance(item, Stage) else "lane"

    def apply(self) -> None:
        getattr(self._document, f"add_{self._kind}")(self._item, self._position)

    def revert(self) -> None:
        getattr(self._document, f"remove_{self._kind}")(self._item.id)


class MoveColumnOrRow(ModelCommand):
    """Reorder a stage or a lane; its cards travel with it."""

    def __init__(
        self, document: JourneyDocument, kind: Literal["stage", "lane"], item_id: str, position: int, text: str
    ):
        super().__init__(text)
        self._document = document
        self._kind = kind
        self._id = item_id
        self._position = position
        self._before = getattr(document, f"{kind}s").position(item_id)

    def apply(self) -> None:
        getattr(self._document, f"move_{self._kind}")(self._id, self._position)

    def revert(self) -> None:
        getattr(self._document, f"move_{self._kind}")(self._id, self._before)


class RemoveColumnOrRow(ModelCommand):
    """Delete a stage or a lane together with its cards and their connections."""

    def __init__(self, document: JourneyDocument, kind: Literal["stage", "lane"], item_id: str, text: str):
        super().__init__(text)
        self._document = document
        self._kind = kind
        self._id = item_id
        ordered = getattr(document, f"{kind}s")
        self._item = ordered[item_id]
        self._position = ordered.position(item_id)
        cards = [card.id for card in document.touchpoints() if getattr(card, kind) == item_id]
        self._cards = RemoveItems(document, cards, (), text)

    def apply(self) -> None:
        self._cards.apply()
        getattr(self._document, f"remove_{self._kind}")(self._id)

    def revert(self) -> None:
        getattr(self._document, f"add_{self._kind}")(self._item, self._position)
        self._cards.revert()


class ChangeMapId(ModelCommand):
    """Give the map an id of its own: a copy of a map file still carries the original's id."""

    def __init__(self, document: JourneyDocument, new_id: str):
        super().__init__(f"Give the map the id {quoted(new_id)}")
        self._document = document
        self._ids = (document.id, new_id)

    def apply(self) -> None:
        self._document.change_id(self._ids[1])

    def revert(self) -> None:
        self._document.change_id(self._ids[0])


class AddPersona(ModelCommand):
    def __init__(self, document: JourneyDocument, persona: Persona, text: str):
        super().__init__(text)
        self._document = document
        self._persona = persona

    def apply(self) -> None:
        self._document.add_persona(self._persona)

    def revert(self) -> None:
        self._document.remove_persona(self._persona.id)


class RemovePersona(ModelCommand):
    """Delete a persona, untagging it from every card first."""

    def __init__(self, document: JourneyDocument, persona_id: str, text: str):
        super().__init__(text)
        self._document = document
        self._persona = document.personas[persona_id]
        self._position = document.personas.position(persona_id)
        self._tagged = {card.id: card.personas for card in document.touchpoints() if persona_id in card.personas}

    def apply(self) -> None:
        for card_id, personas in self._tagged.items():
            self._document.update_touchpoint(card_id, personas=tuple(p for p in personas if p != self._persona.id))
        self._document.remove_persona(self._persona.id)

    def revert(self) -> None:
        self._document.add_persona(self._persona, self._position)
        for card_id, personas in self._tagged.items():
            self._document.update_touchpoint(card_id, personas=personas)


class AddNewCard(AddTouchpoints):
    """A card added from the keyboard (Enter) or the canvas's "+", its title still to be typed:
    the title typed next (``NameNewCard``) merges into this step, so that adding a card and naming
    it is one undo step ("Add 'Welcome call' to Kickoff / Customer Success")."""

    def __init__(self, document: JourneyDocument, card: Touchpoint, where: str):
        super().__init__(document, [card], f"Add {quoted(card.title)} to {where}")
        self._where = where

    def id(self) -> int:
        return NEW_CARD_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        card_id = self.touchpoint_ids[0]
        if not isinstance(other, NameNewCard) or other.touchpoint_id != card_id:
            return False
        # The name is in the document already: redo adds the card as it is now.
        self._touchpoints = [self._document.touchpoint(card_id)]
        self.setText(f"Add {quoted(self._touchpoints[0].title)} to {self._where}")
        return True


class NameNewCard(EditFields):
    """The title typed into a card just added by ``AddNewCard``: merges into that step."""

    def __init__(self, document: JourneyDocument, entity: Entity, item_id: str, changes: dict[str, Any], text: str):
        super().__init__(document, entity, item_id, changes, text)
        self.touchpoint_id = item_id

    def id(self) -> int:
        return NEW_CARD_ID


class ResolveConflict(ModelCommand):
    """Settle one merge conflict with one side (``model.conflicts.resolve``): keeping ours drops
    its record, taking theirs first sets their value. Undo puts the value and the record back."""

    def __init__(self, document: JourneyDocument, conflict_id: str, side: Side, text: str):
        super().__init__(text)
        self._document = document
        self._conflict_id = conflict_id
        self._side: Side = side
        self._undo: Callable[[], None] | None = None

    def apply(self) -> None:
        self._undo = resolve(self._document, self._conflict_id, self._side)

    def revert(self) -> None:
        undo, self._undo = self._undo, None
        assert undo is not None, "only an applied resolution is undone"
        undo()
