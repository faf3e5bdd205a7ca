"""The connection page: kind, label and conversion rate of one arrow."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from journeymapper.editor.commands import quoted
from journeymapper.editor.inspector.base import Page, hint_label
from journeymapper.editor.inspector.choices import SegmentedField
from journeymapper.editor.inspector.fields import Editor, LineField
from journeymapper.model import Connection, ConnectionKind

if TYPE_CHECKING:
    from journeymapper.editor.inspector.dock import Inspector

KIND_OPTIONS = [
    (ConnectionKind.FLOW, "Flow", "Flow: the next step of the journey (solid arrow)", None),
    (ConnectionKind.HANDOFF, "Hand-off", "Hand-off: the work passes to another team (dashed arrow)", None),
    (ConnectionKind.DEPENDENCY, "Dependency", "Dependency: the target needs the source first (dotted arrow)", None),
]
KIND_LABELS = {kind: label for kind, label, _tip, _colour in KIND_OPTIONS}
RATE_PROBLEM = "Enter a percentage from 0 to 100, or leave it empty"


def percent_text(rate: float | None) -> str:
    return "" if rate is None else f"{round(rate * 100, 6):g}"


def parse_percent(text: str) -> float | None:
    """A conversion rate from what the user typed (``40``, ``40 %``, ``12,5``); raises ValueError."""
    text = text.strip().removesuffix("%").strip().replace(",", ".")
    if not text:
        return None
    percent = float(text)
    if not 0 <= percent <= 100:
        raise ValueError(RATE_PROBLEM)
    return round(percent / 100, 10)


class ConnectionPage(Page):
    def __init__(self, inspector: Inspector):
        super().__init__(inspector, "Connection")
        self.heading.show()
        form = self.section()
        self.kind = self.editor(SegmentedField(KIND_OPTIONS), lambda kind: self._save(self.kind, "kind", kind))
        self.label = self.editor(LineField("Shown on the arrow"), lambda text: self._save(self.label, "label", text))
        self.rate = self.editor(LineField("Unknown"), self._save_rate)
        self.rate.setMaximumWidth(90)
        rate_row = QWidget()
        row = QHBoxLayout(rate_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        row.addWidget(self.rate)
        row.addWidget(QLabel("%"))
        row.addStretch(1)
        form.row("Kind", self.kind)
        form.row("Label", self.label)
        form.row("Conversion", rate_row, self.rate)
        form.full_row(hint_label("Conversion: the share of journeys that take this step, from 0 to 100 %."))
        self.end()

    def exists(self) -> bool:
        return self.document.has_connection(self.target)

    def connection(self) -> Connection:
        return self.document.connection(self.target)

    def _ends(self, connection: Connection) -> tuple[str, str]:
        document = self.document
        return document.touchpoint(connection.source).title, document.touchpoint(connection.target).title

    def load(self, force: bool = False) -> None:
        connection = self.connection()
        source, target = self._ends(connection)
        self.heading.setText(f"{source or 'Untitled'}  →  {target or 'Untitled'}")
        self.kind.load(connection.kind, force)
        self.label.load(connection.label, force)
        self.rate.load(percent_text(connection.conversion_rate), force)

    def _save(self, editor: Editor, field: str, value: Any) -> bool:
        connection = self.connection()
        source, target = self._ends(connection)
        what = {"conversion_rate": "conversion rate"}.get(field, field)
        text = f"Change {what} of {quoted(source, 24)} → {quoted(target, 24)}"
        return self.save(editor, "connection", connection.id, connection, {field: value}, text)

    def _save_rate(self, text: str) -> bool:
        try:
            rate = parse_percent(text)
        except ValueError:
            self.rate.show_error(RATE_PROBLEM)
            return False
        return self._save(self.rate, "conversion_rate", rate)
