"""How the Conflicts dock and its undo steps name a merge conflict and its two sides, in the map's
own words (``model.wording``): "Card 'Kickoff call'", "emotion", ours "+1", theirs "-1", and the
step "Take theirs for 'Kickoff call': emotion".

The map holds OURS' value and the conflict THEIRS' (``schema.Conflict``); the object may be
missing from the map, which is then the conflict, so a name comes from the map, else from the
side that has the object, else from its id. No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import JsonValue

from journeymapper.counting import counted
from journeymapper.model.conflicts import Side, find_item
from journeymapper.model.diff import TITLES
from journeymapper.model.document import JourneyDocument
from journeymapper.model.schema import Conflict, Connection, Lane, Persona, Stage, Touchpoint
from journeymapper.model.wording import card_label, cell_name, connection_name, field_name, label, quoted, value_text


def count_text(count: int) -> str:
    return counted(count, "unresolved conflict")


@dataclass(frozen=True)
class ConflictText:
    subject: str
    """The object, as a line starts with it: "Card 'Kickoff call'", "Map"."""
    name: str
    """The object alone: "'Kickoff call'", "the map"."""
    field: str
    """The field both sides changed, as a person says it; empty when one side removed the object."""
    ours: str
    theirs: str

    @property
    def title(self) -> str:
        return f"{self.subject}: {self.field}" if self.field else self.subject

    def step(self, side: Side) -> str:
        """The undo step that settles the conflict with ``side``."""
        choice = "Keep ours" if side == "ours" else "Take theirs"
        return f"{choice} for {self.name}" + (f": {self.field}" if self.field else "")


def conflict_text(document: JourneyDocument, conflict: Conflict) -> ConflictText:
    name = _name(document, conflict)
    subject = "Map" if conflict.entity == "map" else f"{TITLES[conflict.entity]} {name}"
    ours, theirs = (_value(document, conflict, value) for value in (conflict.ours, conflict.theirs))
    return ConflictText(subject, name, field_name(conflict.field), ours, theirs)


def _name(document: JourneyDocument, conflict: Conflict) -> str:
    if conflict.entity == "map":
        return "the map"
    item = find_item(document, conflict.entity, conflict.entity_id)
    if isinstance(item, Connection):
        return connection_name(document, item)
    if isinstance(item, Persona | Stage | Lane | Touchpoint):
        return label(item)
    whole = conflict.ours if isinstance(conflict.ours, dict) else conflict.theirs
    if isinstance(whole, dict):
        source, target = whole.get("source"), whole.get("target")
        if isinstance(source, str) and isinstance(target, str):
            return f"{card_label(document, source)} → {card_label(document, target)}"
        text = whole.get("title") or whole.get("name")
        if isinstance(text, str) and text.strip():
            return quoted(text)
    return quoted(conflict.entity_id)


def _value(document: JourneyDocument, conflict: Conflict, value: JsonValue) -> str:
    """One side's value as a person reads it."""
    noun = TITLES[conflict.entity].lower()
    if not conflict.field:  # one side removed the object: the other has all of it
        if value is None:
            return f"without the {noun}"
        stage, lane = (value.get("stage"), value.get("lane")) if isinstance(value, dict) else (None, None)
        where = f", in {cell_name(document, stage, lane)}" if isinstance(stage, str) and isinstance(lane, str) else ""
        return f"with the {noun}{where}"
    if conflict.field == "place" and isinstance(value, dict):
        stage, lane, index = value.get("stage"), value.get("lane"), value.get("index")
        if isinstance(stage, str) and isinstance(lane, str) and isinstance(index, int):
            slot = "at the top" if index == 0 else f"{_ordinal(index + 1)} card"
            return f"{cell_name(document, stage, lane)}, {slot}"
    if conflict.field == "position" and isinstance(value, int):
        return f"{_ordinal(value + 1)} {noun}"
    return value_text(conflict.field, value, document)


def _ordinal(number: int) -> str:
    suffix = "th" if number % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
