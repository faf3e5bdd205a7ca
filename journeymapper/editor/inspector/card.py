"""The touchpoint page: every field of one card."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from journeymapper.editor.commands import quoted
from journeymapper.editor.inspector.base import Page, hint_label, required, value_label
from journeymapper.editor.inspector.choices import EmotionField
from journeymapper.editor.inspector.fields import (
    ChannelField,
    Editor,
    ErrorLabel,
    LineField,
    ListField,
    TagsField,
    TextField,
    stacked,
)
from journeymapper.editor.inspector.lists import MetricsEditor, PersonaChecklist, metric_rows, parse_number
from journeymapper.editor.inspector.style import palette
from journeymapper.model import JourneyDocument, MapLink, Touchpoint
from journeymapper.model.kinds import METRIC_PRESETS, MetricPreset

if TYPE_CHECKING:
    from journeymapper.editor.inspector.dock import Inspector

COMMON_CHANNELS = (
    "email",
    "web",
    "in-app",
    "phone",
    "video call",
    "in-person",
    "chat",
    "document",
    "system",
    "social",
    "ads",
    "event",
)
CHECKED, UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked


def channels_of(document: JourneyDocument) -> list[str]:
    """The common channels, then any other channel the map already uses."""
    used = sorted({card.channel for card in document.touchpoints() if card.channel} - set(COMMON_CHANNELS))
    return [*COMMON_CHANNELS, *used]


def links_text(links: tuple[MapLink, ...]) -> str:
    return "\n".join(f"↗ {link.label or link.path}" for link in links)


class CardPage(Page):
    """Every field of one touchpoint; stage and lane are shown, moving is done by dragging."""

    def __init__(self, inspector: Inspector):
        super().__init__(inspector, "Touchpoint")
        place = self.section()
        self.stage = value_label()
        self.lane = value_label()
        self.lane.setTextFormat(Qt.TextFormat.RichText)  # a dot in the lane's colour; the name is escaped
        self.links = value_label()
        for label in (self.stage, self.lane):
            label.setToolTip("Drag the card on the canvas to move it to another stage or lane")
        place.row("Stage", self.stage)
        place.row("Lane", self.lane)
        place.row("Linked maps", self.links)
        self.place = place

        content = self.section("Content")
        self.title = self.editor(LineField("Card title"), self._save_title)
        self.description = self.editor(
            TextField("What happens at this step"), lambda text: self._save(self.description, "description", text)
        )
        self.channel = self.editor(
            ChannelField(COMMON_CHANNELS), lambda text: self._save(self.channel, "channel", text)
        )
        content.row("Title", self.title)
        content.row("Description", self.description)
        content.row("Channel", self.channel)

        experience = self.section("Experience")
        self.emotion_field = EmotionField()
        self.emotion = self.editor(
            self.emotion_field.segments, lambda score: self._save(self.emotion, "emotion", score)
        )
        self.personas = self.editor(PersonaChecklist(), self._save_personas)
        self.no_personas = hint_label(
            "This map has no personas yet. Click an empty spot on the canvas to add them in the map's inspector."
        )
        experience.row("Emotion", self.emotion_field, self.emotion)
        experience.row("Personas", _column(self.personas, self.no_personas), self.personas)

        insights = self.section("Insights")
        self.pain_points = self.editor(
            ListField("One pain point per line"), lambda items: self._save(self.pain_points, "pain_points", items)
        )
        self.opportunities = self.editor(
            ListField("One opportunity per line"), lambda items: self._save(self.opportunities, "opportunities", items)
        )
        self.tags = self.editor(TagsField("Comma-separated"), lambda items: self._save(self.tags, "tags", items))
        insights.row("Pain points", self.pain_points)
        insights.row("Opportunities", self.opportunities)
        insights.row("Tags", self.tags)

        numbers = self.section("Metrics")
        self.metrics = self.editor(MetricsEditor(self._add_metric, self._remove_metrics), self._save_metrics)
        self.metrics.error = ErrorLabel()
        numbers.full_row(stacked(self.metrics, self.metrics.error))
        self.end()

    # -- loading ------------------------------------------------------------------------------

    def exists(self) -> bool:
        return self.document.has_touchpoint(self.target)

    def card(self) -> Touchpoint:
        return self.document.touchpoint(self.target)

    def load(self, force: bool = False) -> None:
        document, card = self.document, self.card()
        lane = document.lanes[card.lane]
        self.stage.setText(document.stages[card.stage].name)
        dot = f"<span style='color:{lane.colour or palette().muted}'>●</span>&nbsp; "
        self.lane.setText(dot + html.escape(lane.name))
        self.links.setText(links_text(card.links))
        self.place.set_row_visible(self.links, bool(card.links))
        self.title.load(card.title, force)
        self.description.load(card.description, force)
        if not self.channel.editing():
            self.channel.set_channels(channels_of(document))
        self.channel.load(card.channel, force)
        self.emotion.load(card.emotion, force)
        personas = list(document.personas.values())
        self.personas.set_personas(personas)
        self.personas.setVisible(bool(personas))
        self.no_personas.setVisible(not personas)
        self.personas.load({p.id: CHECKED if p.id in card.personas else UNCHECKED for p in personas}, force)
        self.pain_points.load(card.pain_points, force)
        self.opportunities.load(card.opportunities, force)
        self.tags.load(card.tags, force)
        self.metrics.load(metric_rows(card.metrics), force)
        self.metrics.set_presets(METRIC_PRESETS[document.kind])

    # -- saving -------------------------------------------------------------------------------

    def _save(self, editor: Editor, field: str, value: Any, text: str | None = None) -> bool:
        card = self.card()
        if text is None:
            what = {"pain_points": "pain points"}.get(field, field)
            text = (
                f"Rename {quoted(card.title)} to {quoted(value)}"
                if field == "title"
                else f"Change {what} of {quoted(card.title)}"
            )
        return self.save(editor, "touchpoint", card.id, card, {field: value}, text)

    def _save_title(self, title: str) -> bool:
        return required(self.title, title, "card", "title") and self._save(self.title, "title", title.strip())

    def _save_personas(self, states: dict[str, Qt.CheckState]) -> bool:
        chosen = tuple(persona_id for persona_id, state in states.items() if state == CHECKED)
        return self._save(self.personas, "personas", chosen)

    def _save_metrics(self, rows: tuple[tuple[str, str, str], ...]) -> bool:
        metrics: dict[str, dict[str, Any]] = {}
        for number, (name, value_text, unit) in enumerate(rows, 1):
            name = name.strip()
            value = parse_number(value_text)
            message = None
            if not name:
                message = f"Row {number}: a metric needs a name"
            elif name in metrics:
                message = f"Two metrics are named '{name}'"
            elif value is None:
                message = f"Metric '{name}': the value must be a number, such as 42 or 0.35"
            if message:
                self.metrics.show_error(message)
                return False
            metrics[name] = {"value": value, "unit": unit.strip()}
        return self._save(self.metrics, "metrics", metrics)

    def _add_metric(self, preset: MetricPreset | None) -> None:
        """A blank metric to name, or a preset with its unit whose value is typed next."""
        if not self.exists():
            return
        card = self.card()
        base = preset.name if preset else "New metric"
        name, number = base, 2
        while name in card.metrics:
            name, number = f"{base} {number}", number + 1
        unit = preset.unit if preset else ""
        metrics = {
            **{key: metric.model_dump() for key, metric in card.metrics.items()},
            name: {"value": 0, "unit": unit},
        }
        what = f"metric {quoted(name)}" if preset else "metric"
        if self._save(self.metrics, "metrics", metrics, f"Add {what} to {quoted(card.title)}"):
            self.metrics.load(metric_rows(self.card().metrics), force=True)
            self.metrics.edit_cell(len(metrics) - 1, 1 if preset else 0)

    def _remove_metrics(self, names: list[str]) -> None:
        if not self.exists():
            return
        card = self.card()
        names = [name for name in names if name in card.metrics]
        if not names:
            return
        what = f"metric {quoted(names[0])}" if len(names) == 1 else f"{len(names)} metrics"
        metrics = {key: metric.model_dump() for key, metric in card.metrics.items() if key not in names}
        if self._save(self.metrics, "metrics", metrics, f"Remove {what} from {quoted(card.title)}"):
            self.metrics.load(metric_rows(self.card().metrics), force=True)


def _column(*widgets: QWidget) -> QWidget:
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    for widget in widgets:
        column.addWidget(widget)
    return box
