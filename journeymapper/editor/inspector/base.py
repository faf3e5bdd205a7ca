"""What every inspector page shares: the form layout, validation before pushing, and bulk commands.

A page shows one kind of selection. ``bind`` points it at a target (an id, or several) and loads
every field from the model; ``load`` refreshes the fields after a change without disturbing the
one the user is typing in; ``flush`` commits whatever the user left half-done before the page is
pointed elsewhere. Every edit is validated with the pydantic model first and, if valid, pushed as
one undo command; a problem is shown in red under the field and nothing is pushed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QLineEdit, QVBoxLayout, QWidget

from journeymapper.editor.commands import EditFields, Entity, ModelCommand
from journeymapper.editor.inspector.fields import Editor, ErrorLabel, label_text, stacked
from journeymapper.model import JourneyDocument

if TYPE_CHECKING:
    from journeymapper.editor.inspector.dock import Inspector
    from journeymapper.editor.scene import MapScene

LABEL_WIDTH = 86


def problem(model: type[BaseModel], current: BaseModel, changes: Mapping[str, Any]) -> str | None:
    """Why the model would refuse ``changes`` to ``current``, or None if it takes them."""
    try:
        model.model_validate({**current.model_dump(), **changes})
    except ValidationError as error:
        return describe(error)
    return None


def describe(error: ValidationError) -> str:
    """The first problem of a validation error, worded for the field it is shown under."""
    first = error.errors(include_url=False)[0]
    message = first["msg"].removeprefix("Value error, ")
    message = message[:1].upper() + message[1:]
    inside = first["loc"][1:]
    if inside and isinstance(inside[0], int):
        return f"Line {inside[0] + 1}: {message}"
    if first["loc"][:1] == ("metrics",) and inside:
        return f"Metric '{inside[0]}': {message}"
    return message


def required(editor: Editor, text: str, noun: str, field: str = "name") -> bool:
    """Names and titles may not be blank (the schema allows it; a designer never means it)."""
    if text.strip():
        return True
    editor.show_error(f"A {noun} needs a {field}")
    return False


class Form(QWidget):
    """Aligned rows: a muted label on the left, the field with its error message on the right."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows = QFormLayout(self)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setHorizontalSpacing(10)
        self.rows.setVerticalSpacing(8)
        self.rows.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.rows.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.rows.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self._line_height = QLineEdit().sizeHint().height()

    def row(self, text: str, field: QWidget, editor: Editor | None = None) -> QWidget:
        """Add a row; the field's editor (the field itself, if it is one) gets an error label under it."""
        label = label_text(text)
        label.setFixedWidth(LABEL_WIDTH)
        label.setMinimumHeight(self._line_height)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        editor = editor or (field if isinstance(field, Editor) else None)
        cell = field
        if editor is not None:
            editor.error = ErrorLabel()
            cell = stacked(field, editor.error)
        self.rows.addRow(label, cell)
        return cell

    def full_row(self, widget: QWidget) -> None:
        self.rows.addRow(widget)

    def set_row_visible(self, field: QWidget, visible: bool) -> None:
        self.rows.setRowVisible(field, visible)


def value_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName("value")
    label.setTextFormat(Qt.TextFormat.PlainText)  # names come from the map: never markup
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def hint_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName("hint")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class Page(QWidget):
    """One kind of selection's fields, in titled sections."""

    def __init__(self, inspector: Inspector, caption: str):
        super().__init__()
        self.setObjectName("inspectorPage")
        self.inspector = inspector
        self.target: Any = None
        self.editors: list[Editor] = []
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(12, 12, 12, 16)
        self.column.setSpacing(10)
        self.caption = QLabel(caption.upper())
        self.caption.setObjectName("caption")
        font = self.caption.font()
        font.setLetterSpacing(font.SpacingType.AbsoluteSpacing, 1.2)
        self.caption.setFont(font)
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.heading.hide()
        self.column.addWidget(self.caption)
        self.column.addWidget(self.heading)
        self._sections = 0

    # -- building -----------------------------------------------------------------------------

    def section(self, title: str | None = None) -> Form:
        """Start a titled group of rows, separated from the previous one by a thin line."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 2, 0, 0)
        column.setSpacing(8)
        if self._sections:
            line = QFrame()
            line.setObjectName("separator")
            line.setFixedHeight(1)
            self.column.addWidget(line)
        if title:
            heading = QLabel(title)
            heading.setObjectName("sectionTitle")
            column.addWidget(heading)
        form = Form()
        column.addWidget(form)
        self.column.addWidget(box)
        self._sections += 1
        form.box = box  # type: ignore[attr-defined]
        return form

    def editor(self, editor: Editor, commit: Callable[[Any], bool]) -> Any:
        """Register a field editor; its finished edits go to ``commit`` while the target exists."""

        def guarded(value: Any) -> bool:
            # An edit can finish after its object went away (deleted from a menu while typing).
            return self.inspector.scene is not None and self.exists() and commit(value)

        editor.commit_to = guarded
        self.editors.append(editor)
        return editor

    def end(self) -> None:
        self.column.addStretch(1)

    # -- the model ----------------------------------------------------------------------------

    @property
    def scene(self) -> MapScene:
        return self.inspector.scene  # type: ignore[return-value]

    @property
    def document(self) -> JourneyDocument:
        return self.inspector.scene.document  # type: ignore[union-attr]

    def exists(self) -> bool:
        """Whether the target is still in the document."""
        return True

    def bind(self, target: Any) -> None:
        self.target = target
        self.load(force=True)

    def load(self, force: bool = False) -> None:
        raise NotImplementedError

    def flush(self) -> None:
        """Commit edits the user has typed but not finished (the page is about to change target)."""
        if self.inspector.scene is None or not self.exists():
            return
        for editor in self.editors:
            if editor.dirty():
                editor.finish()

    # -- committing ---------------------------------------------------------------------------

    def save(
        self, editor: Editor, entity: Entity, item_id: str, current: BaseModel, changes: dict[str, Any], text: str
    ) -> bool:
        """Validate ``changes`` with the model, then push them as one ``EditFields`` command.

        Shows the problem under ``editor`` and pushes nothing if they are invalid or refused.
        """
        try:
            updated = type(current).model_validate({**current.model_dump(), **changes})
        except ValidationError as error:
            editor.show_error(describe(error))
            return False
        changes = {
            field: value for field, value in changes.items() if getattr(updated, field) != getattr(current, field)
        }
        message = None
        if changes:
            message = self.inspector.push(lambda: EditFields(self.document, entity, item_id, changes, text))
        editor.show_error(message)
        return message is None

    def push(self, build: Callable[[], ModelCommand], editor: Editor | None = None) -> bool:
        message = self.inspector.push(build)
        if editor is not None:
            editor.show_error(message)
        return message is None
