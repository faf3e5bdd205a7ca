"""The stage and lane pages (a column or row header is selected)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter

from journeymapper.counting import counted
from journeymapper.editor.commands import quoted
from journeymapper.editor.inspector.base import Page, hint_label, required, value_label
from journeymapper.editor.inspector.card import links_text
from journeymapper.editor.inspector.choices import ColourField
from journeymapper.editor.inspector.fields import ComboField, Editor, LineField, TextField
from journeymapper.model import Lane, LaneKind, Stage
from journeymapper.model.kinds import LANE_TEAMS

if TYPE_CHECKING:
    from journeymapper.editor.inspector.dock import Inspector

LANE_KINDS = {
    LaneKind.TEAM: "Team",
    LaneKind.ACTIONS: "Customer actions",
    LaneKind.TOUCHPOINTS: "Touchpoints",
    LaneKind.THOUGHTS: "Thoughts",
    LaneKind.EMOTIONS: "Emotions",
    LaneKind.PAIN_POINTS: "Pain points",
    LaneKind.OPPORTUNITIES: "Opportunities",
    LaneKind.FRONTSTAGE: "Frontstage",
    LaneKind.BACKSTAGE: "Backstage",
    LaneKind.SUPPORT: "Support processes",
}
# The canvas's own restrained palette (Paul Tol's "bright" scheme), as the sample maps use it.
PRESET_COLOURS = [
    ("#4477aa", "Blue"),
    ("#66ccee", "Cyan"),
    ("#228833", "Green"),
    ("#44aa99", "Teal"),
    ("#ccbb44", "Yellow"),
    ("#ee6677", "Red"),
    ("#aa3377", "Purple"),
    ("#bbbbbb", "Grey"),
]


class StagePage(Page):
    def __init__(self, inspector: Inspector):
        super().__init__(inspector, "Stage")
        form = self.section()
        self.name = self.editor(LineField("Stage name"), self._save_name)
        self.description = self.editor(
            TextField("What the customer is doing and trying to achieve"),
            lambda text: self._save(self.description, "description", text),
        )
        self.position = value_label()
        self.links = value_label()
        form.row("Name", self.name)
        form.row("Description", self.description)
        form.row("Position", self.position)
        form.row("Linked maps", self.links)
        self.form = form
        form.full_row(hint_label("Drag the stage header sideways to reorder stages; its cards move with it."))
        self.end()

    def exists(self) -> bool:
        return self.target in self.document.stages

    def stage(self) -> Stage:
        return self.document.stages[self.target]

    def load(self, force: bool = False) -> None:
        stage, stages = self.stage(), self.document.stages
        self.name.load(stage.name, force)
        self.description.load(stage.description, force)
        cards = sum(len(self.document.cell(stage.id, lane)) for lane in self.document.lanes)
        self.position.setText(f"{stages.position(stage.id) + 1} of {len(stages)}  ·  {counted(cards, 'card')}")
        self.links.setText(links_text(stage.links))
        self.form.set_row_visible(self.links, bool(stage.links))

    def _save_name(self, name: str) -> bool:
        stage = self.stage()
        return required(self.name, name, "stage") and self.save(
            self.name,
            "stage",
            stage.id,
            stage,
            {"name": name.strip()},
            f"Rename stage {quoted(stage.name)} to {quoted(name)}",
        )

    def _save(self, editor: Editor, field: str, value: Any) -> bool:
        stage = self.stage()
        return self.save(
            editor, "stage", stage.id, stage, {field: value}, f"Change {field} of stage {quoted(stage.name)}"
        )


class LanePage(Page):
    def __init__(self, inspector: Inspector):
        super().__init__(inspector, "Lane")
        form = self.section()
        self.name = self.editor(LineField("Team or layer name"), self._save_name)
        self.teams = QStringListModel(self)  # the owner teams usual for the map's kind, as completions
        completer = QCompleter(self.teams, self.name)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.name.setCompleter(completer)
        self.kind = self.editor(ComboField(list(LANE_KINDS.items())), self._save_kind)
        self.colour = self.editor(ColourField(PRESET_COLOURS), self._save_colour)
        self.count = value_label()
        form.row("Name", self.name)
        form.row("Kind", self.kind)
        form.row("Colour", self.colour)
        form.row("Cards", self.count)
        form.full_row(hint_label("Drag the lane header up or down to reorder lanes; its cards move with it."))
        self.end()

    def exists(self) -> bool:
        return self.target in self.document.lanes

    def lane(self) -> Lane:
        return self.document.lanes[self.target]

    def load(self, force: bool = False) -> None:
        lane = self.lane()
        teams = list(LANE_TEAMS[self.document.kind])
        if self.teams.stringList() != teams:  # resetting would close a completion popup mid-typing
            self.teams.setStringList(teams)
        self.name.load(lane.name, force)
        self.kind.load(lane.kind, force)
        self.colour.load(lane.colour, force)
        cards = sum(len(self.document.cell(stage, lane.id)) for stage in self.document.stages)
        self.count.setText(f"{counted(cards, 'card')} in {counted(len(self.document.stages), 'stage')}")

    def _save_name(self, name: str) -> bool:
        lane = self.lane()
        return required(self.name, name, "lane") and self.save(
            self.name,
            "lane",
            lane.id,
            lane,
            {"name": name.strip()},
            f"Rename lane {quoted(lane.name)} to {quoted(name)}",
        )

    def _save_kind(self, kind: LaneKind) -> bool:
        lane = self.lane()
        return self.save(
            self.kind,
            "lane",
            lane.id,
            lane,
            {"kind": kind},
            f"Change kind of lane {quoted(lane.name)} to {LANE_KINDS[kind]}",
        )

    def _save_colour(self, colour: str | None) -> bool:
        lane = self.lane()
        return self.save(
            self.colour, "lane", lane.id, lane, {"colour": colour}, f"Change colour of lane {quoted(lane.name)}"
        )
