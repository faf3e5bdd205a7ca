"""Random editing sessions with undo and redo in between: the undo stack gives back the saved bytes.

A hypothesis state machine opens a map (the small test map or a sample) in a ``MapSession`` and
pushes the undo commands that the editor's gestures push, built the same way: palette drops of
cards, stages and lanes, cards added with Enter and named (or taken back with Escape), card drags
and arrow-key nudges, inline renames, inspector and bulk edits, deletes, cut, copy, paste and
duplicate, new connections, header drags, deleted stages and lanes, personas added and removed, a
new map id, and merge conflicts settled with either side (on a map a merge left with a conflict of
each kind); and it undoes and redoes at any point. It checks that

- after every step the map saves, reloads and saves again to the same bytes;
- each undo step keeps the bytes saved when it was pushed (a nudge that merges into the step
  before it replaces that step's bytes), and every undo and redo gives back exactly the bytes of
  the step it lands on: undoing everything gives the original file, redoing everything the file
  after the last edit;
- a change the model refuses (connecting a connected pair again, renaming to an overlong name)
  raises ``JourneyMapError`` and leaves the map and the undo stack as they were.
"""

from __future__ import annotations

from functools import partial

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from PySide6.QtCore import Qt

from journeymapper.editor import clipboard, drags, keyboard
from journeymapper.editor.commands import (
    AddColumnOrRow,
    AddConnection,
    AddPersona,
    AddTouchpoints,
    ChangeMapId,
    EditFields,
    EditMany,
    MoveColumnOrRow,
    MoveTouchpoints,
    NameNewCard,
    RemoveColumnOrRow,
    RemoveItems,
    RemovePersona,
    ResolveConflict,
    quoted,
)
from journeymapper.editor.mime import NewStage, NewTouchpoint, cards_mime, clipboard_cards
from journeymapper.editor.palette import ENTRIES
from journeymapper.editor.session import MapSession
from journeymapper.errors import JourneyMapError
from journeymapper.formats import json_format
from journeymapper.formats.json_format import dumps, loads
from journeymapper.model import (
    Connection,
    ConnectionKind,
    Lane,
    LaneKind,
    MapKind,
    Persona,
    PersonaPart,
    Stage,
    Touchpoint,
)
from journeymapper.model.templates import new_map_id

from support import SAMPLES, build_merged_map, build_small_map

pytestmark = pytest.mark.usefixtures("qapp")

STARTING_MAPS = {
    "small map": build_small_map,
    "merged map": build_merged_map,
    **{path.name: partial(json_format.load, path) for path in SAMPLES},
}
CARD_ENTRIES = [entry for _, entry in ENTRIES if isinstance(entry, NewTouchpoint)]
HEADER_ENTRIES = [entry for _, entry in ENTRIES if not isinstance(entry, NewTouchpoint)]
OVERLONG_NAME = "x" * 501

texts = st.text(max_size=20)
names = texts.map(str.strip).filter(bool)  # what a required name field commits
lines = st.lists(texts, max_size=3).map(tuple)
emotions = st.none() | st.integers(-2, 2)
numbers = st.integers(-(10**6), 10**6) | st.floats(allow_nan=False, allow_infinity=False)
arrow_keys = st.lists(
    st.sampled_from([Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right]), min_size=1, max_size=4
)  # pressed in turn: the nudges merge into one undo step
metrics = st.dictionaries(
    st.text(min_size=1, max_size=10), st.fixed_dictionaries({"value": numbers, "unit": st.text(max_size=5)}), max_size=2
)
INSPECTOR_FIELDS = {
    "map": {"title": names, "kind": st.sampled_from(MapKind), "author": texts, "description": texts},
    "persona": {
        "name": names,
        "role": texts,
        "part": st.none() | st.sampled_from(PersonaPart),
        "goals": lines,
        "frustrations": lines,
    },
    "stage": {"name": names, "description": texts},
    "lane": {
        "name": names,
        "kind": st.sampled_from(LaneKind),
        "colour": st.none() | st.integers(0, 0xFFFFFF).map(lambda rgb: f"#{rgb:06x}"),
    },
    "touchpoint": {
        "title": names,
        "description": texts,
        "channel": texts,
        "emotion": emotions,
        "pain_points": lines,
        "opportunities": lines,
        "tags": lines,
        "metrics": metrics,
    },
    "connection": {
        "kind": st.sampled_from(ConnectionKind),
        "label": texts,
        "conversion_rate": st.none() | st.floats(0, 1),
    },
}


class Canvas:
    """What the gesture code in ``drags`` and ``clipboard`` reads of a ``MapScene``: the document,
    the selected cards in map order, and ``push``."""

    def __init__(self, machine: EditingSession, selected: list[str]):
        self.document, self.push, self._selected = machine.document, machine.push, set(selected)

    def selected_card_ids(self) -> list[str]:
        return [card.id for card in self.document.touchpoints() if card.id in self._selected]


def has_cells(machine: EditingSession) -> bool:
    return bool(machine.document.stages) and bool(machine.document.lanes)


def has_cards(machine: EditingSession, least: int = 1) -> bool:
    return machine.document.touchpoint_count() >= least


class EditingSession(RuleBasedStateMachine):
    """One open map, edited through its undo stack."""

    @initialize(start=st.sampled_from(list(STARTING_MAPS)))
    def open_a_map(self, start):
        self.session = MapSession(STARTING_MAPS[start]())
        self.document, self.stack = self.session.document, self.session.undo_stack
        self.saved = [dumps(self.document)]  # the saved bytes at each index of the undo stack
        self.clipboard = None
        self.nudged: list[str] = []

    # -- pushing ------------------------------------------------------------------------------

    def push(self, command):
        self.session.push(command)
        self.saved[self.stack.index() :] = [dumps(self.document)]

    def push_refused(self, command):
        before = (dumps(self.document), self.stack.index(), self.stack.count())
        with pytest.raises(JourneyMapError):
            self.session.push(command)
        assert (dumps(self.document), self.stack.index(), self.stack.count()) == before

    def save_in_inspector(self, entity, current, changes):
        """As an inspector page saves: the fields whose validated value differs, as one command."""
        updated = type(current).model_validate({**current.model_dump(), **changes})
        changes = {
            field: value for field, value in changes.items() if getattr(updated, field) != getattr(current, field)
        }
        if changes:
            item_id = "" if entity == "map" else current.id
            self.push(EditFields(self.document, entity, item_id, changes, f"Change {', '.join(changes)}"))

    # -- choosing what the user points at ------------------------------------------------------

    def select_cards(self, data, least=1):
        """Cards clicked anywhere on the map, or lassoed among the cards of one cell."""
        document = self.document
        cells = [document.cell(stage, lane) for stage in document.stages for lane in document.lanes]
        lassoed = [cell for cell in cells if len(cell) >= max(2, least)]
        pools = [[card.id for card in document.touchpoints()], *lassoed]
        pool = data.draw(st.sampled_from(pools), "among")
        return Canvas(self, data.draw(st.lists(st.sampled_from(pool), min_size=least, unique=True), "selected cards"))

    def pick_cell(self, data):
        stages, lanes = list(self.document.stages), list(self.document.lanes)
        return data.draw(st.tuples(st.sampled_from(stages), st.sampled_from(lanes)), "cell")

    def pick_header(self, data, least=1):
        """A stage or a lane, of a kind the map has at least ``least`` of."""
        kinds = [kind for kind in ("stage", "lane") if len(getattr(self.document, f"{kind}s")) >= least]
        kind = data.draw(st.sampled_from(kinds), "kind")
        ordered = getattr(self.document, f"{kind}s")
        return kind, ordered, data.draw(st.sampled_from(list(ordered)), kind)

    def pick_name(self, data):
        """A card title or a stage or lane name: what a double click edits in place."""
        named = [("touchpoint", card.id, "title", card.title) for card in self.document.touchpoints()]
        for kind in ("stage", "lane"):
            named += [(kind, item.id, "name", item.name) for item in getattr(self.document, f"{kind}s").values()]
        return data.draw(st.sampled_from(named), "renamed")

    # -- cards --------------------------------------------------------------------------------

    @precondition(has_cells)
    @rule(data=st.data(), entry=st.sampled_from(CARD_ENTRIES))
    def drop_a_palette_card_into_a_cell(self, data, entry):
        stage, lane = self.pick_cell(data)
        index = data.draw(st.integers(0, len(self.document.cell(stage, lane))), "slot")
        card = Touchpoint(
            id=self.document.new_id("tp"),
            stage=stage,
            lane=lane,
            index=index,
            title=f"New {entry.label.lower()}",
            channel=entry.channel,
        )
        self.push(AddTouchpoints(self.document, [card], f"Add {entry.label.lower()}"))

    @precondition(has_cards)
    @rule(data=st.data(), title=st.none() | names, cancel=st.booleans())
    def add_a_card_with_enter_and_type_its_title(self, data, title, cancel):
        """Enter on a card: a new card after it, whose title typed next merges into the same step;
        or Escape, which takes the new card off the map and the stack."""
        card = data.draw(st.sampled_from(list(self.document.touchpoints())), "after")
        command = keyboard.new_card_after(self.document, card.id)
        self.push(command)
        if cancel:
            assert keyboard.take_back(self.stack, command)
            del self.saved[self.stack.count() + 1 :]
        elif title is not None and title != keyboard.NEW_TITLE:
            new_card = command.touchpoint_ids[0]
            self.push(NameNewCard(self.document, "touchpoint", new_card, {"title": title}, "Rename"))
            assert self.stack.undoText().startswith(f"Add {quoted(title)} to ")

    @precondition(has_cards)
    @rule(data=st.data())
    def drag_cards_to_a_slot(self, data):
        canvas = self.select_cards(data)
        cards, cell = canvas.selected_card_ids(), self.pick_cell(data)
        staying = [card for card in self.document.cell(*cell) if card not in cards]
        index = data.draw(st.integers(0, len(staying)), "slot")
        moves = drags.card_moves(canvas, cards, cell, index)
        self.push(MoveTouchpoints(self.document, moves, drags.describe_move(canvas, cards, cell)))

    @precondition(has_cards)
    @rule(data=st.data(), keys=arrow_keys)
    def nudge_cards_with_arrow_keys(self, data, keys):
        canvas = self.select_cards(data)
        self.nudged = canvas.selected_card_ids()
        for key in keys:
            drags.nudge(canvas, key)

    @precondition(lambda self: self.nudged and all(self.document.has_touchpoint(card) for card in self.nudged))
    @rule(keys=arrow_keys)
    def nudge_the_same_cards_again(self, keys):
        for key in keys:
            drags.nudge(Canvas(self, self.nudged), key)

    @precondition(has_cards)
    @rule(data=st.data())
    def delete_the_selection(self, data):
        selectable = [("card", card.id) for card in self.document.touchpoints()]
        selectable += [("connection", connection.id) for connection in self.document.connections()]
        chosen = data.draw(st.lists(st.sampled_from(selectable), min_size=1, unique=True), "selection")
        cards = Canvas(self, [item_id for kind, item_id in chosen if kind == "card"]).selected_card_ids()
        connections = [item_id for kind, item_id in chosen if kind == "connection"]
        self.push(RemoveItems(self.document, cards, connections, f"Delete {len(chosen)} items"))

    # -- the clipboard ------------------------------------------------------------------------

    def copy(self, canvas):
        """The selected cards as the clipboard carries them: JSON in the vendor MIME type."""
        self.clipboard = clipboard_cards(cards_mime(clipboard.selected_cards(canvas), "titles"))

    @precondition(has_cards)
    @rule(data=st.data())
    def copy_cards(self, data):
        self.copy(self.select_cards(data))

    @precondition(has_cards)
    @rule(data=st.data())
    def cut_cards(self, data):
        canvas = self.select_cards(data)
        self.copy(canvas)
        self.push(RemoveItems(self.document, canvas.selected_card_ids(), (), "Cut cards"))

    @precondition(lambda self: self.clipboard is not None and has_cells(self))
    @rule()
    def paste_cards(self):
        self.push(clipboard.copies_command(self.document, self.clipboard, "Paste")[0])

    @precondition(has_cards)
    @rule(data=st.data())
    def duplicate_cards(self, data):
        cards = clipboard.selected_cards(self.select_cards(data))
        self.push(clipboard.copies_command(self.document, cards, "Duplicate")[0])

    # -- connections --------------------------------------------------------------------------

    def unconnected_pairs(self):
        ids = [card.id for card in self.document.touchpoints()]
        return [
            (source, target)
            for source in ids
            for target in ids
            if source != target and not self.document.graph.has_edge(source, target)
        ]

    @precondition(unconnected_pairs)
    @rule(data=st.data())
    def connect_a_card_to_another(self, data):
        source, target = data.draw(st.sampled_from(self.unconnected_pairs()), "ends")
        connection = Connection(id=self.document.new_id("c"), source=source, target=target)
        self.push(AddConnection(self.document, connection, f"Connect {quoted(source)} to {quoted(target)}"))

    @precondition(lambda self: self.document.graph.number_of_edges())
    @rule(data=st.data())
    def connecting_a_connected_pair_again_is_refused(self, data):
        existing = data.draw(st.sampled_from(list(self.document.connections())), "connection")
        again = Connection(id=self.document.new_id("c"), source=existing.source, target=existing.target)
        self.push_refused(AddConnection(self.document, again, "Connect again"))

    # -- renames and the inspector ------------------------------------------------------------

    @precondition(lambda self: self.document.stages or self.document.lanes)
    @rule(data=st.data(), name=names)
    def rename_in_place(self, data, name):
        entity, item_id, field, current = self.pick_name(data)
        if name != current:
            text = f"Rename {quoted(current)} to {quoted(name)}"
            self.push(EditFields(self.document, entity, item_id, {field: name}, text))

    @precondition(lambda self: self.document.stages or self.document.lanes)
    @rule(data=st.data())
    def renaming_in_place_to_an_overlong_name_is_refused(self, data):
        entity, item_id, field, current = self.pick_name(data)
        text = f"Rename {quoted(current)} to {quoted(OVERLONG_NAME)}"
        self.push_refused(EditFields(self.document, entity, item_id, {field: OVERLONG_NAME}, text))

    @rule(data=st.data())
    def edit_a_field_in_the_inspector(self, data):
        shown = {
            "map": [self.document.info],
            "persona": list(self.document.personas.values()),
            "stage": list(self.document.stages.values()),
            "lane": list(self.document.lanes.values()),
            "touchpoint": list(self.document.touchpoints()),
            "connection": list(self.document.connections()),
        }
        entity = data.draw(st.sampled_from([entity for entity, items in shown.items() if items]), "entity")
        current = data.draw(st.sampled_from(shown[entity]), "item")
        field = data.draw(st.sampled_from(list(INSPECTOR_FIELDS[entity])), "field")
        self.save_in_inspector(entity, current, {field: data.draw(INSPECTOR_FIELDS[entity][field], "value")})

    @precondition(lambda self: has_cards(self) and self.document.personas)
    @rule(data=st.data())
    def tick_personas_of_a_card(self, data):
        card = data.draw(st.sampled_from(list(self.document.touchpoints())), "card")
        ticked = data.draw(st.sets(st.sampled_from(list(self.document.personas))), "ticked")
        personas = tuple(persona_id for persona_id in self.document.personas if persona_id in ticked)
        self.save_in_inspector("touchpoint", card, {"personas": personas})

    def edit_several_cards(self, data, changes_of, text):
        """As the inspector's page for several selected cards saves: one step for the cards that change."""
        edits = []
        for card in map(self.document.touchpoint, self.select_cards(data, least=2).selected_card_ids()):
            changes = {field: value for field, value in changes_of(card).items() if getattr(card, field) != value}
            if changes:
                edits.append(EditFields(self.document, "touchpoint", card.id, changes, text))
        if edits:
            self.push(EditMany(edits, text))

    @precondition(lambda self: has_cards(self, 2))
    @rule(data=st.data(), field=st.sampled_from(["channel", "emotion"]))
    def set_the_channel_or_emotion_of_several_cards(self, data, field):
        value = data.draw(INSPECTOR_FIELDS["touchpoint"][field], field)
        self.edit_several_cards(data, lambda card: {field: value}, f"Change {field} of several cards")

    @precondition(lambda self: has_cards(self, 2) and self.document.personas)
    @rule(data=st.data(), tag=st.booleans())
    def tag_or_untag_a_persona_on_several_cards(self, data, tag):
        persona_id = data.draw(st.sampled_from(list(self.document.personas)), "persona")

        def changes_of(card):
            chosen = (set(card.personas) | {persona_id}) if tag else (set(card.personas) - {persona_id})
            return {"personas": tuple(p for p in self.document.personas if p in chosen)}

        self.edit_several_cards(data, changes_of, f"{'Tag' if tag else 'Untag'} a persona on several cards")

    # -- stages and lanes ---------------------------------------------------------------------

    @rule(data=st.data(), entry=st.sampled_from(HEADER_ENTRIES))
    def drop_a_palette_stage_or_lane(self, data, entry):
        if isinstance(entry, NewStage):
            kind, item = "stage", Stage(id=self.document.new_id("stage"), name="New stage")
        else:
            name = "New team" if entry.kind == LaneKind.TEAM else entry.kind.value.replace("_", " ").capitalize()
            kind, item = "lane", Lane(id=self.document.new_id("lane"), name=name, kind=entry.kind)
        position = data.draw(st.integers(0, len(getattr(self.document, f"{kind}s"))), "position")
        self.push(AddColumnOrRow(self.document, item, position, f"Add {kind}"))

    @precondition(lambda self: len(self.document.stages) > 1 or len(self.document.lanes) > 1)
    @rule(data=st.data())
    def drag_a_header_to_another_position(self, data):
        kind, ordered, item_id = self.pick_header(data, least=2)
        current = ordered.position(item_id)
        target = data.draw(st.sampled_from([place for place in range(len(ordered)) if place != current]), "to")
        self.push(MoveColumnOrRow(self.document, kind, item_id, target, f"Move {kind} to position {target + 1}"))

    @precondition(lambda self: self.document.stages or self.document.lanes)
    @rule(data=st.data())
    def delete_a_stage_or_lane_with_its_cards(self, data):
        kind, ordered, item_id = self.pick_header(data)
        self.push(RemoveColumnOrRow(self.document, kind, item_id, f"Delete {kind} {quoted(ordered[item_id].name)}"))

    # -- the map and its personas -------------------------------------------------------------

    @rule()
    def add_a_persona(self):
        taken = {persona.name for persona in self.document.personas.values()}
        name, number = "New persona", 2
        while name in taken:
            name, number = f"New persona {number}", number + 1
        persona = Persona(id=self.document.new_id("persona"), name=name)
        self.push(AddPersona(self.document, persona, f"Add persona {quoted(name)}"))

    @precondition(lambda self: self.document.personas)
    @rule(data=st.data())
    def remove_a_persona(self, data):
        persona_id = data.draw(st.sampled_from(list(self.document.personas)), "persona")
        self.push(RemovePersona(self.document, persona_id, "Remove persona"))

    @rule()
    def give_the_map_a_new_id(self):
        self.push(ChangeMapId(self.document, new_map_id(self.document.title, self.document.kind.value)))

    @precondition(lambda self: self.document.conflicts)
    @rule(data=st.data(), side=st.sampled_from(["ours", "theirs"]))
    def settle_a_conflict(self, data, side):
        """As the Conflicts dock does; taking theirs may be refused once the edits meanwhile left
        their value nowhere to go (a card deleted since), and then nothing changes."""
        conflict_id = data.draw(st.sampled_from(list(self.document.conflicts)), "conflict")
        command = ResolveConflict(self.document, conflict_id, side, f"Settle a conflict with {side}")
        before = (dumps(self.document), self.stack.index(), self.stack.count())
        try:
            self.push(command)
        except JourneyMapError:
            assert side == "theirs"
            assert (dumps(self.document), self.stack.index(), self.stack.count()) == before

    # -- undo and redo ------------------------------------------------------------------------

    @precondition(lambda self: self.stack.canUndo())
    @rule()
    def undo(self):
        self.stack.undo()

    @precondition(lambda self: self.stack.canRedo())
    @rule()
    def redo(self):
        self.stack.redo()

    @rule()
    def undo_everything_then_redo_everything(self):
        self.stack.setIndex(0)
        assert dumps(self.document) == self.saved[0]
        self.stack.setIndex(self.stack.count())
        assert dumps(self.document) == self.saved[-1]

    # -- after every step ---------------------------------------------------------------------

    @invariant()
    def the_map_has_the_bytes_saved_at_its_undo_step(self):
        assert dumps(self.document) == self.saved[self.stack.index()]

    @invariant()
    def the_map_saves_and_reloads_to_the_same_bytes(self):
        text = dumps(self.document)
        assert dumps(loads(text)) == text


EditingSession.TestCase.settings = settings(
    max_examples=60, stateful_step_count=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
TestEditingSession = EditingSession.TestCase
