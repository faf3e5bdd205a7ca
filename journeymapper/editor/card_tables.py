"""Card tables (CSV) in the editor: a table applied to the open map as one undo step.

``formats.csv_cards`` works out the map with the table applied; this module turns the difference
into the editor's own commands (new stages, lanes and personas, field edits, moves, new cards) in
one ``EditMany``, so that Edit → Undo takes the whole table back at once.
"""

from __future__ import annotations

from pathlib import Path

from journeymapper.editor.commands import (
    AddColumnOrRow,
    AddPersona,
    AddTouchpoints,
    EditFields,
    EditMany,
    ModelCommand,
    MoveTouchpoints,
    Placement,
)
from journeymapper.editor.session import MapSession
from journeymapper.formats.csv_cards import update_from_csv, update_summary
from journeymapper.model import JourneyDocument, Touchpoint

_PLACE = frozenset({"id", "stage", "lane", "index"})
CONTENT_FIELDS = tuple(field for field in Touchpoint.model_fields if field not in _PLACE)


def update_session(session: MapSession, path: Path) -> str:
    """Apply the table at ``path`` to the session's map as one undo step; returns what it did, in
    words. Raises ``JourneyMapError`` for a bad table, and then nothing changes."""
    target = update_from_csv(session.document, path)
    summary = update_summary(session.document, target)
    edit = table_edit(session.document, target, f"Update cards from {path.name}")
    if edit is None:
        return f"{path.name} changes nothing in the map"
    session.push(edit)
    return f"Updated from {path.name}: {summary}"


def table_edit(document: JourneyDocument, target: JourneyDocument, text: str) -> EditMany | None:
    """One step that turns ``document`` into ``target``, the same map with a table applied (which
    only adds stages, lanes, personas and cards, and changes cards); None if they are equal."""
    commands: list[ModelCommand] = [
        *(
            AddColumnOrRow(document, stage, position, text)
            for position, stage in enumerate(target.stages.values())
            if stage.id not in document.stages
        ),
        *(
            AddColumnOrRow(document, lane, position, text)
            for position, lane in enumerate(target.lanes.values())
            if lane.id not in document.lanes
        ),
        *(
            AddPersona(document, persona, text)
            for persona in target.personas.values()
            if persona.id not in document.personas
        ),
        *_field_edits(document, target, text),
    ]
    if moves := _moves(document, target):
        commands.append(MoveTouchpoints(document, moves, text))
    if new_cards := [card for card in target.touchpoints() if not document.has_touchpoint(card.id)]:
        commands.append(AddTouchpoints(document, new_cards, text))
    return EditMany(commands, text) if commands else None


def _field_edits(document: JourneyDocument, target: JourneyDocument, text: str) -> list[EditFields]:
    edits = []
    for card in target.touchpoints():
        if document.has_touchpoint(card.id):
            current = document.touchpoint(card.id)
            changes = {
                field: getattr(card, field)
                for field in CONTENT_FIELDS
                if getattr(card, field) != getattr(current, field)
            }
            if changes:
                edits.append(EditFields(document, "touchpoint", card.id, changes, text))
    return edits


def _moves(document: JourneyDocument, target: JourneyDocument) -> list[Placement]:
    """The moves that give every cell the cards of ``document`` that ``target`` puts there, in its order.

    Every card of a cell that changes moves, in ascending order of its place: each then lands in
    front of the cards still to come, whichever cell they come from, and an undo (which puts whole
    cells back) restores the cells exactly. The cards ``target`` adds are not there yet; they go in
    afterwards, each at its own index.
    """
    wanted: dict[tuple[str, str], list[str]] = {}
    for card in target.touchpoints():
        if document.has_touchpoint(card.id):
            wanted.setdefault((card.stage, card.lane), []).append(card.id)
    moves = [
        Placement(card_id, stage, lane, slot)
        for (stage, lane), members in wanted.items()
        if tuple(members) != document.cell(stage, lane)
        for slot, card_id in enumerate(members)
    ]
    return sorted(moves, key=lambda move: move.slot)
