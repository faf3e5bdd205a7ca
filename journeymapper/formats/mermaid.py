"""Mermaid ``journey`` diagrams in and out: draft a journey in Markdown, publish a map as one.

Reading (``loads_mermaid``, ``load_mermaid``) makes a map of the given kind (``user`` unless told:
a Mermaid journey is usually one person's steps):

- the ``title`` is the map's title (else front matter's ``title:``, else ``accTitle``), and
  ``accDescr`` its description;
- each ``section`` is a stage, in order; tasks before the first section go into a first stage
  named "Steps";
- each task is a touchpoint in one lane, "Actions" (kind ``actions``), in the order written; its
  score 1..5 is its emotion, score - 3; each distinct actor name is a persona, tagged on the task;
- consecutive tasks, in the order written, are joined by ``flow`` connections: a Mermaid journey
  is one path, and the map shows it as one;
- an empty "Emotions" lane is added so that the emotion curve shows.

Writing (``dumps_mermaid``) gives one ``section`` per stage, in order, with that stage's touchpoints
lane by lane in cell order. Mermaid needs a score on every task: it is emotion + 3, and 3 (neutral)
for a card with no emotion. The actors are the card's persona names, or its lane's name when it has
none. A stage with no cards is written as a section with no task: valid, and kept so that the stage
comes back on reading, though Mermaid draws no empty section. Names go on one line (whitespace
collapsed), with Mermaid's separators written as its entity codes (``#58;`` for ``:``), which it
shows as the characters; an empty name (a stage's, a card's, a persona's or a lane's as an actor)
is written "Untitled", so that no actor is lost. Lanes, connections, channels, card
and stage descriptions, pain points, opportunities, metrics, tags, links, persona details and
personas on no card have no place in a Mermaid journey and are left out.

So reading what was written keeps the stage names, the touchpoint titles in order, the emotions
(none becomes 0) and the actors (the persona names, or the lane's name where a card had none).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from journeymapper.errors import JourneyMapError
from journeymapper.formats.files import decode_utf8, read_limited
from journeymapper.formats.mermaid_syntax import Journey, encode, parse_journey, task_name
from journeymapper.model.document import JourneyDocument
from journeymapper.model.schema import Connection, Lane, LaneKind, MapKind, Persona, Stage, Touchpoint
from journeymapper.model.templates import BLUE, GREY, new_map_id, readable_id

NEUTRAL_SCORE = 3
UNTITLED = "Untitled"
UNTITLED_JOURNEY = "Untitled journey"
ACTIONS = Lane(id="lane-actions", name="Actions", kind=LaneKind.ACTIONS, colour=BLUE)
EMOTIONS = Lane(id="lane-emotions", name="Emotions", kind=LaneKind.EMOTIONS, colour=GREY)

ModelT = TypeVar("ModelT", bound=BaseModel)


def load_mermaid(path: str | os.PathLike[str], kind: MapKind | str = MapKind.USER) -> JourneyDocument:
    """Read a Mermaid journey file (``.mmd``, or Markdown with a ```mermaid journey block) as a map."""
    source = str(path)
    return loads_mermaid(decode_utf8(read_limited(Path(path)), source), source, kind)


def loads_mermaid(text: str, source: str = "<mermaid>", kind: MapKind | str = MapKind.USER) -> JourneyDocument:
    """A map of ``kind`` from a Mermaid journey; ``source`` names it in errors ("source: line N: what")."""
    journey = parse_journey(text, source)
    title = journey.title or UNTITLED_JOURNEY
    try:
        document = JourneyDocument(new_map_id(title, "journey"), title, kind, journey.description)
    except JourneyMapError as error:
        raise JourneyMapError(f"{source}: {error}") from None
    document.add_lane(ACTIONS)
    document.add_lane(EMOTIONS)
    taken: set[str] = set()
    _add_steps(document, journey, _add_personas(document, journey, source, taken), source, taken)
    return document


def dumps_mermaid(document: JourneyDocument) -> str:
    """The map as a Mermaid journey diagram (see the module's docstring for what it keeps)."""
    lines = ["journey"]
    if title := encode(document.title):
        lines.append(f"    title {title}")
    if description := encode(document.info.description):
        lines.append(f"    accDescr: {description}")
    cards: dict[str, list[Touchpoint]] = {}
    for card in document.touchpoints():
        cards.setdefault(card.stage, []).append(card)
    for stage in document.stages.values():
        lines.append(f"    section {encode(stage.name, ':') or UNTITLED}")
        lines += [f"      {_task(document, card)}" for card in cards.get(stage.id, ())]
    return "\n".join(lines) + "\n"


def _task(document: JourneyDocument, card: Touchpoint) -> str:
    score = NEUTRAL_SCORE if card.emotion is None else card.emotion + NEUTRAL_SCORE
    names = [document.personas[persona].name for persona in card.personas] or [document.lanes[card.lane].name]
    actors = ", ".join(encode(name, ":,") or UNTITLED for name in names)
    return f"{task_name(card.title) or UNTITLED}: {score}: {actors}"


def _add_steps(
    document: JourneyDocument, journey: Journey, personas: dict[str, str], source: str, taken: set[str]
) -> None:
    """A stage per section and a touchpoint per task, each joined to the one before by a flow."""
    previous, flows = "", 0  # counted here: the graph counts its edges by walking every node
    for section in journey.sections:
        stage = _checked(source, section.line, Stage, id=readable_id("stage", section.name, taken), name=section.name)
        document.add_stage(stage)
        for task in section.tasks:
            card = _checked(
                source,
                task.line,
                Touchpoint,
                id=readable_id("tp", task.name, taken),
                stage=stage.id,
                lane=ACTIONS.id,
                index=len(document.cell(stage.id, ACTIONS.id)),
                title=task.name,
                emotion=task.score - NEUTRAL_SCORE,
                personas=[personas[actor] for actor in task.actors],
            )
            document.add_touchpoint(card)
            if previous:
                flows += 1
                document.add_connection(
                    Connection(id=readable_id("flow", str(flows), taken), source=previous, target=card.id)
                )
            previous = card.id


def _add_personas(document: JourneyDocument, journey: Journey, source: str, taken: set[str]) -> dict[str, str]:
    """A persona per distinct actor name, in order of first appearance; returns their ids by name."""
    first_lines: dict[str, int] = {}
    for section in journey.sections:
        for task in section.tasks:
            for actor in task.actors:
                first_lines.setdefault(actor, task.line)
    ids: dict[str, str] = {}
    for actor, line in first_lines.items():
        persona = _checked(source, line, Persona, id=readable_id("persona", actor, taken), name=actor)
        document.add_persona(persona)
        ids[actor] = persona.id
    return ids


def _checked(source: str, line: int, model: type[ModelT], **fields: object) -> ModelT:
    """The model, or an error naming the diagram line its text came from (a name too long, say)."""
    try:
        return model(**fields)
    except ValidationError as error:
        problem = error.errors(include_url=False)[0]
        raise JourneyMapError(f"{source}: line {line}: {problem['loc'][0]}: {problem['msg']}") from None
