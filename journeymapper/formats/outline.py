"""A map as an outline of plain lines, for git's ``textconv``: a line diff of two outlines reads
as what changed in the map.

Each object starts a line that names it in the map's words ("Card 'Kickoff call' in Kickoff /
Sales"), followed by one indented line per field that holds something, one per item for lists.
Objects come in map order, cards cell by cell. Text is written whole, a line break as ``\\n``,
so that no change disappears from the view.
"""

from __future__ import annotations

from collections.abc import Iterator

from journeymapper.model.document import JourneyDocument
from journeymapper.model.kinds import KIND_LABELS
from journeymapper.model.schema import Conflict, Connection, Item, Touchpoint
from journeymapper.model.wording import field_name

HEADINGS = ("Map", "Persona", "Stage", "Lane", "Card", "Connection", "Conflict")
"""The words that start an object's line: git's ``xfuncname`` shows the object above each hunk."""
_SKIPPED = frozenset({"id", "name", "title", "stage", "lane", "index", "source", "target", "kind"})
_ITEM_NAMES = {
    "goals": "goal",
    "frustrations": "frustration",
    "pain_points": "pain point",
    "opportunities": "opportunity",
    "tags": "tag",
    "links": "link",
}


def outline(document: JourneyDocument) -> str:
    """The outline of a map, one line per fact, ending with a line break."""
    return "".join(f"{line}\n" for line in _lines(document))


def _lines(document: JourneyDocument) -> Iterator[str]:
    yield f"Map {_text(document.title)} ({KIND_LABELS[document.kind].lower()})"
    yield from _fields(document.info, skip={"format", "version", "personas", "stages", "lanes", "touchpoints"})
    for persona in document.personas.values():
        yield f"Persona {_text(persona.name)}"
        yield from _fields(persona)
    for stage in document.stages.values():
        yield f"Stage {_text(stage.name)}"
        yield from _fields(stage)
    for lane in document.lanes.values():
        yield f"Lane {_text(lane.name)} ({lane.kind.value.replace('_', ' ')})"
        yield from _fields(lane)
    for card in document.touchpoints():
        yield f"Card {_text(card.title)} in {_cell(document, card)}"
        yield from _card_fields(document, card)
    for connection in document.connections():
        yield f"Connection {_ends(document, connection)} ({connection.kind.value})"
        yield from _fields(connection)
    for conflict in document.conflicts.values():
        yield from _conflict(conflict)


def _fields(item: Item, skip: frozenset[str] | set[str] = frozenset()) -> Iterator[str]:
    """A line per field that differs from its default; a line per item of a list."""
    content = item.model_dump(mode="json", exclude_defaults=True)
    for field, value in content.items():
        if field in _SKIPPED or field in skip:
            continue
        if isinstance(value, list):
            yield from (f"  {_ITEM_NAMES.get(field, field_name(field))}: {_value(entry)}" for entry in value)
        else:
            yield f"  {field_name(field)}: {_value(value, quoted=field != 'part')}"


def _card_fields(document: JourneyDocument, card: Touchpoint) -> Iterator[str]:
    if card.emotion is not None:
        yield f"  emotion: {card.emotion:+d}" if card.emotion else "  emotion: 0"
    for persona in card.personas:
        yield f"  persona: {_text(document.personas[persona].name)}"
    for name, metric in card.metrics.items():
        yield f"  metric {_text(name)}: {metric.value}{f' {metric.unit}' if metric.unit else ''}"
    yield from _fields(card, skip={"emotion", "personas", "metrics"})


def _conflict(conflict: Conflict) -> Iterator[str]:
    yield f"Conflict {conflict.id}: {conflict.text}"


def _cell(document: JourneyDocument, card: Touchpoint) -> str:
    return f"{document.stages[card.stage].name} / {document.lanes[card.lane].name}"


def _ends(document: JourneyDocument, connection: Connection) -> str:
    return (
        f"{_text(document.touchpoint(connection.source).title)} → {_text(document.touchpoint(connection.target).title)}"
    )


def _text(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r") + "'"


def _value(value: object, quoted: bool = True) -> str:
    if isinstance(value, str):
        return _text(value) if quoted else value.replace("_", " ")
    if isinstance(value, dict):  # a link
        label = f" {_text(value['label'])}" if value.get("label") else ""
        return f"{value['path']} (map {value['map_id']}){label}"
    return str(value)
