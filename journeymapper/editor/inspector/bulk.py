"""The bulk page: several cards selected, edited together; each change is one undo step."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt

from journeymapper.counting import counted
from journeymapper.editor.commands import EditFields, EditMany, quoted
from journeymapper.editor.inspector.base import Page, hint_label, problem
from journeymapper.editor.inspector.card import COMMON_CHANNELS, channels_of
from journeymapper.editor.inspector.choices import EmotionField
from journeymapper.editor.inspector.fields import MIXED, ChannelField, Editor
from journeymapper.editor.inspector.lists import PersonaChecklist
from journeymapper.model import Touchpoint

if TYPE_CHECKING:
    from journeymapper.editor.inspector.dock import Inspector

CHECKED, UNCHECKED, PARTIAL = Qt.CheckState.Checked, Qt.CheckState.Unchecked, Qt.CheckState.PartiallyChecked


class BulkPage(Page):
    """Several cards: the fields that make sense for all of them; each change is one undo step."""

    def __init__(self, inspector: Inspector):
        super().__init__(inspector, "Selection")
        self.heading.show()
        self.note = hint_label()
        self.column.addWidget(self.note)
        form = self.section("All selected cards")
        self.channel = self.editor(ChannelField(COMMON_CHANNELS), self._save_channel)
        self.emotion_field = EmotionField()
        self.emotion = self.editor(self.emotion_field.segments, self._save_emotion)
        self.personas = self.editor(PersonaChecklist(), self._save_personas)
        form.row("Channel", self.channel)
        form.row("Emotion", self.emotion_field, self.emotion)
        self.personas_row = form.row("Personas", self.personas)
        self.form = form
        self.end()

    def cards(self) -> list[Touchpoint]:
        return [self.document.touchpoint(card_id) for card_id in self.target[0]]

    def exists(self) -> bool:
        return self.target is not None and all(self.document.has_touchpoint(card_id) for card_id in self.target[0])

    def load(self, force: bool = False) -> None:
        document, cards = self.document, self.cards()
        self.heading.setText(f"{len(cards)} cards selected")
        others = self.target[1]
        note = "Changes apply to every selected card, as one undo step."
        if others:
            note += (
                " The other selected item is left as it is."
                if others == 1
                else f" The {others} other selected items are left as they are."
            )
        self.note.setText(note)
        channels = {card.channel for card in cards}
        if not self.channel.editing():
            self.channel.set_channels(channels_of(document))
        self.channel.set_placeholder("Mixed" if len(channels) > 1 else "Choose or type a channel")
        self.channel.load(channels.pop() if len(channels) == 1 else "", force)
        emotions = {card.emotion for card in cards}
        self.emotion.load(emotions.pop() if len(emotions) == 1 else MIXED, force)
        personas = list(document.personas.values())
        self.personas.set_personas(personas)
        self.form.set_row_visible(self.personas_row, bool(personas))
        states = {}
        for persona in personas:
            tagged = sum(persona.id in card.personas for card in cards)
            states[persona.id] = CHECKED if tagged == len(cards) else PARTIAL if tagged else UNCHECKED
        self.personas.load(states, force)

    def _save_all(self, editor: Editor, changes_of: Callable[[Touchpoint], dict[str, Any]], text: str) -> bool:
        """Apply per-card changes (``changes_of(card) -> dict``) to every card as one command."""
        document, edits = self.document, []
        for card in self.cards():
            changes = changes_of(card)
            changes = {field: value for field, value in changes.items() if getattr(card, field) != value}
            if not changes:
                continue
            message = problem(Touchpoint, card, changes)
            if message:
                editor.show_error(f"{quoted(card.title)}: {message}")
                return False
            edits.append((card.id, changes))
        if not edits:
            editor.show_error(None)
            return True
        return self.push(
            lambda: EditMany(
                [EditFields(document, "touchpoint", card_id, changes, text) for card_id, changes in edits], text
            ),
            editor,
        )

    def _count(self) -> str:
        return counted(len(self.target[0]), "card")

    def _save_channel(self, channel: str) -> bool:
        return self._save_all(self.channel, lambda card: {"channel": channel}, f"Change channel of {self._count()}")

    def _save_emotion(self, emotion: int | None) -> bool:
        return self._save_all(self.emotion, lambda card: {"emotion": emotion}, f"Change emotion of {self._count()}")

    def _save_personas(self, states: dict[str, Qt.CheckState]) -> bool:
        changed = [pid for pid, state in states.items() if state != self.personas.loaded.get(pid)]
        if not changed:
            return True
        persona_id = changed[0]
        persona = self.document.personas[persona_id]
        tag = states[persona_id] != UNCHECKED

        def changes_of(card: Touchpoint) -> dict[str, Any]:
            if (persona_id in card.personas) == tag:
                return {}
            chosen = (set(card.personas) | {persona_id}) if tag else (set(card.personas) - {persona_id})
            return {"personas": tuple(p for p in self.document.personas if p in chosen)}

        text = (
            f"Tag {quoted(persona.name)} on {self._count()}"
            if tag
            else f"Untag {quoted(persona.name)} from {self._count()}"
        )
        return self._save_all(self.personas, changes_of, text)
