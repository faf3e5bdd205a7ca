"""The map page (nothing is selected): the map's own fields and its personas."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journeymapper.counting import counted
from journeymapper.editor.commands import AddPersona, ChangeMapId, RemovePersona, quoted
from journeymapper.editor.inspector.base import Form, Page, hint_label, required, value_label
from journeymapper.editor.inspector.fields import ComboField, Editor, LineField, ListField, TextField
from journeymapper.editor.inspector.lists import persona_badges
from journeymapper.model import MapKind, Persona, PersonaPart
from journeymapper.model.kinds import KIND_LABELS, PART_LABELS
from journeymapper.model.templates import new_map_id

if TYPE_CHECKING:
    from journeymapper.editor.inspector.dock import Inspector

NO_PART = ""  # the part combo's "not set": a persona outside a B2B buying group


class MapPage(Page):
    def __init__(self, inspector: Inspector):
        super().__init__(inspector, "Map")
        form = self.section()
        self.title = self.editor(LineField("Map title"), self._save_title)
        self.kind = self.editor(ComboField(list(KIND_LABELS.items())), self._save_kind)
        self.author = self.editor(
            LineField("Who maintains this map"), lambda text: self._save(self.author, "author", text)
        )
        self.description = self.editor(
            TextField("Scope, sources and the account or user it follows", lines=4),
            lambda text: self._save(self.description, "description", text),
        )
        self.counts = hint_label()
        form.row("Title", self.title)
        form.row("Kind", self.kind)
        form.row("Author", self.author)
        form.row("Description", self.description)
        form.row("Id", self._id_row())
        form.full_row(self.counts)

        people = self.section("Personas")
        self.persona_list = QListWidget()
        self.persona_list.setObjectName("personaList")
        self.persona_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.persona_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.persona_list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.persona_list.setSpacing(1)
        self.persona_list.currentRowChanged.connect(self._persona_chosen)
        self.add_button = QToolButton()
        self.add_button.setText("+  Add persona")
        self.add_button.clicked.connect(self._add_persona)
        self.remove_button = QToolButton()
        self.remove_button.setText("Remove")
        self.remove_button.setToolTip("Remove the persona and untag it from every card")
        self.remove_button.clicked.connect(self._remove_persona)
        buttons = QWidget()
        row = QHBoxLayout(buttons)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        self.no_personas = hint_label("No personas yet. Add the people this journey follows, then tag them on cards.")
        people.full_row(self.no_personas)
        people.full_row(self.persona_list)
        people.full_row(buttons)

        self.persona_form = Form()
        self.persona_name = self.editor(LineField("Name"), self._save_persona_name)
        self.persona_role = self.editor(
            LineField("Role or segment"), lambda text: self._save_persona(self.persona_role, "role", text)
        )
        self.persona_part = self.editor(
            ComboField([(NO_PART, "Not set"), *PART_LABELS.items()]), self._save_persona_part
        )
        self.persona_part.setToolTip("Their part in a B2B buying and using group")
        self.goals = self.editor(
            ListField("One goal per line"), lambda items: self._save_persona(self.goals, "goals", items)
        )
        self.frustrations = self.editor(
            ListField("One frustration per line"),
            lambda items: self._save_persona(self.frustrations, "frustrations", items),
        )
        self.persona_form.row("Name", self.persona_name)
        self.persona_form.row("Role", self.persona_role)
        self.persona_form.row("Part", self.persona_part)
        self.persona_form.row("Goals", self.goals)
        self.persona_form.row("Frustrations", self.frustrations)
        card = QFrame()
        card.setObjectName("personaCard")
        inside = QVBoxLayout(card)
        inside.setContentsMargins(10, 10, 10, 10)
        inside.addWidget(self.persona_form)
        self.persona_card = card
        people.full_row(card)
        self.persona_id: str | None = None
        self._shown: list[tuple[str, str, str]] = []
        self.end()

    def _id_row(self) -> QWidget:
        self.map_id = value_label()
        self.map_id.setObjectName("mapId")
        self.new_id_button = QToolButton()
        self.new_id_button.setText("New id…")
        self.new_id_button.setToolTip(
            "Give this map an id of its own: a copy of another map's file still has "
            "that map's id, and links then cannot tell the two apart"
        )
        self.new_id_button.clicked.connect(self._new_id)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.map_id, 1)
        line.addWidget(self.new_id_button)
        return row

    def exists(self) -> bool:
        return True

    # -- loading ------------------------------------------------------------------------------

    def bind(self, target: Any) -> None:
        self.persona_id = None
        super().bind(target)

    def load(self, force: bool = False) -> None:
        document = self.document
        info = document.info
        self.title.load(info.title, force)
        self.kind.load(info.kind, force)
        self.author.load(info.author, force)
        self.description.load(info.description, force)
        self.map_id.setText(info.id)
        self.counts.setText(
            "  ·  ".join(
                counted(count, noun)
                for count, noun in (
                    (len(document.stages), "stage"),
                    (len(document.lanes), "lane"),
                    (document.touchpoint_count(), "card"),
                    (sum(1 for _ in document.connections()), "connection"),
                )
            )
        )
        self._load_personas(force)

    def _load_personas(self, force: bool) -> None:
        personas = list(self.document.personas.values())
        shown = [(p.id, p.name, p.role) for p in personas]
        if shown != self._shown:
            self._shown = shown
            icons = persona_badges(personas)
            with QSignalBlocker(self.persona_list):
                self.persona_list.clear()
                for persona in personas:
                    item = QListWidgetItem(icons[persona.id], persona.name or "Unnamed persona")
                    item.setData(Qt.ItemDataRole.UserRole, persona.id)
                    item.setToolTip(persona.role)
                    self.persona_list.addItem(item)
            rows = len(personas)
            height = rows * (self.persona_list.sizeHintForRow(0) + 2) if rows else 0
            self.persona_list.setFixedHeight(height + 2 * self.persona_list.frameWidth() + 2)
        ids = [p.id for p in personas]
        if self.persona_id not in ids:
            self.persona_id = ids[0] if ids else None
            force = True
        with QSignalBlocker(self.persona_list):
            self.persona_list.setCurrentRow(ids.index(self.persona_id) if self.persona_id else -1)
        self.persona_list.setVisible(bool(personas))
        self.no_personas.setVisible(not personas)
        self.remove_button.setEnabled(bool(personas))
        self.persona_card.setVisible(self.persona_id is not None)
        if self.persona_id is not None:
            persona = self.document.personas[self.persona_id]
            self.persona_name.load(persona.name, force)
            self.persona_role.load(persona.role, force)
            self.persona_part.load(persona.part or NO_PART, force)
            self.goals.load(persona.goals, force)
            self.frustrations.load(persona.frustrations, force)

    def _persona_chosen(self, row: int) -> None:
        for editor in (self.persona_name, self.persona_role, self.goals, self.frustrations):
            if editor.dirty() and self.persona_id in self.document.personas:
                editor.finish()
        item = self.persona_list.item(row)
        self.persona_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        self._load_personas(force=True)

    # -- saving -------------------------------------------------------------------------------

    def _save(self, editor: Editor, field: str, value: Any, text: str | None = None) -> bool:
        info = self.document.info
        return self.save(editor, "map", "", info, {field: value}, text or f"Change {field} of the map")

    def _save_title(self, title: str) -> bool:
        return required(self.title, title, "map", "title") and self._save(
            self.title, "title", title.strip(), f"Rename map to {quoted(title)}"
        )

    def _save_kind(self, kind: MapKind) -> bool:
        return self._save(self.kind, "kind", kind, f"Change kind of the map to {KIND_LABELS[kind]}")

    def _new_id(self) -> None:
        document = self.document
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self,
            "Give the map a new id",
            f"Links in other maps name this map by its id, {document.id!r}. Those that mean this map will "
            "show as broken until their map id is changed to the new one; those that mean the map this "
            "was copied from keep working.\n\nGive this map a new id?",
            buttons.Yes | buttons.Cancel,
            buttons.Cancel,
        )
        if answer == buttons.Yes:
            new_id = new_map_id(document.title, document.kind.value)
            self.push(lambda: ChangeMapId(document, new_id))

    def _persona(self) -> Persona:
        assert self.persona_id is not None  # callers check first that a persona is chosen
        return self.document.personas[self.persona_id]

    def _save_persona_name(self, name: str) -> bool:
        if self.persona_id not in self.document.personas:
            return False
        persona = self._persona()
        return required(self.persona_name, name, "persona") and self.save(
            self.persona_name,
            "persona",
            persona.id,
            persona,
            {"name": name.strip()},
            f"Rename persona {quoted(persona.name)} to {quoted(name)}",
        )

    def _save_persona(self, editor: Editor, field: str, value: Any) -> bool:
        if self.persona_id not in self.document.personas:
            return False
        persona = self._persona()
        return self.save(
            editor, "persona", persona.id, persona, {field: value}, f"Change {field} of persona {quoted(persona.name)}"
        )

    def _save_persona_part(self, part: PersonaPart | str) -> bool:
        return self._save_persona(self.persona_part, "part", PersonaPart(part) if part else None)

    def _add_persona(self) -> None:
        document = self.document
        names = {p.name for p in document.personas.values()}
        name, number = "New persona", 2
        while name in names:
            name, number = f"New persona {number}", number + 1
        persona = Persona(id=document.new_id("persona"), name=name)
        if self.push(lambda: AddPersona(document, persona, f"Add persona {quoted(name)}"), self.persona_name):
            self.persona_id = persona.id
            self._load_personas(force=True)
            self.persona_name.setFocus(Qt.FocusReason.OtherFocusReason)
            self.persona_name.selectAll()

    def _remove_persona(self) -> None:
        if self.persona_id is None:
            return
        document, persona = self.document, self._persona()
        tagged = sum(persona.id in card.personas for card in document.touchpoints())
        text = f"Remove persona {quoted(persona.name)}"
        if tagged:
            text += f" (untagged from {counted(tagged, 'card')})"
        self.push(lambda: RemovePersona(document, persona.id, text), self.persona_name)
        self._load_personas(force=True)
