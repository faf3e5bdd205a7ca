"""The inspector's field editors: each shows one model value and hands a finished edit to a callback.

An editor never changes the model. It remembers the value it last loaded from the model; when the
user finishes an edit (Return, focus leaving, a click) it calls ``commit_to`` with the new value,
which validates and pushes an undo command and answers whether the model took it. While the user
is typing (the editor has focus and differs from the loaded value) a refresh leaves it alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QResizeEvent, QTextBlockFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QTextEdit, QVBoxLayout, QWidget

MIXED: Any = object()
"""The value of a bulk field whose selected objects disagree."""

Commit = Callable[[Any], bool]


def has_focus_within(widget: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and (focus is widget or widget.isAncestorOf(focus))


class ErrorLabel(QLabel):
    """A red message under a field; hidden while there is nothing wrong."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("error")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_error(self, message: str | None) -> None:
        self.setText(message or "")
        self.setVisible(bool(message))


class Editor:
    """What every field editor shares (a mixin for the widget classes below)."""

    commit_to: Commit | None = None
    error: ErrorLabel | None = None
    _loaded: Any = None

    def value(self) -> Any:
        raise NotImplementedError

    def write(self, value: Any) -> None:
        raise NotImplementedError

    @property
    def loaded(self) -> Any:
        return self._loaded

    @property
    def _as_widget(self) -> QWidget:
        """The editor as the widget it is mixed into."""
        assert isinstance(self, QWidget)  # every editor class below is also a QWidget
        return self

    def load(self, value: Any, force: bool = False) -> None:
        """Show a model value, unless the user is in the middle of editing (and not ``force``)."""
        if not force and self.editing():
            return
        self._loaded = value
        if self.value() != value:
            with QSignalBlocker(self._as_widget):
                self.write(value)
        self.show_error(None)

    def dirty(self) -> bool:
        return bool(self.value() != self._loaded)

    def editing(self) -> bool:
        return self.dirty() and has_focus_within(self._as_widget)

    def finish(self) -> None:
        """Hand a changed value to ``commit_to``; it becomes the loaded value if the model took it."""
        value = self.value()
        if value != self._loaded and self.commit_to is not None and self.commit_to(value):
            self._loaded = value

    def revert(self) -> None:
        with QSignalBlocker(self._as_widget):
            self.write(self._loaded)
        self.show_error(None)

    def show_error(self, message: str | None) -> None:
        if self.error is not None:
            self.error.show_error(message)


class LineField(QLineEdit, Editor):
    """One line of text; Return or leaving the field commits, Escape puts the model's value back."""

    def __init__(self, placeholder: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._loaded = ""
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(False)
        self.editingFinished.connect(self.finish)

    def value(self) -> Any:
        return self.text()

    def write(self, value: Any) -> None:
        self.setText(value)
        self.setCursorPosition(0)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self.dirty():
            self.revert()
            return
        super().keyPressEvent(event)


class TagsField(LineField):
    """A tuple of short strings, typed comma-separated."""

    def value(self) -> Any:
        return tuple(part.strip() for part in self.text().split(",") if part.strip())

    def write(self, value: Any) -> None:
        super().write(", ".join(value))


class TextField(QTextEdit, Editor):
    """Several lines of plain text that grow with their content; leaving the field or Ctrl+Return
    commits, Escape puts the model's value back."""

    def __init__(self, placeholder: str = "", lines: int = 3, max_lines: int = 10, parent: QWidget | None = None):
        super().__init__(parent)
        self._loaded = ""
        self._lines = (lines, max_lines)
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.setPlaceholderText(placeholder)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(4)
        self.document().documentLayout().documentSizeChanged.connect(lambda _size: self._fit())
        self._fit()

    def value(self) -> Any:
        return self.toPlainText()

    def write(self, value: Any) -> None:
        self.setPlainText(value)

    def _fit(self) -> None:
        line = self.fontMetrics().lineSpacing()
        low, high = self._lines
        content = self.document().size().height()
        frame = 2 * self.frameWidth() + 2
        self.setFixedHeight(int(max(low * line + 8, min(high * line + 8, content)) + frame))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self.dirty():
            self.revert()
            return
        control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and control:
            self.finish()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.finish()


class ListField(TextField):
    """A tuple of strings, one per line; blank lines are dropped."""

    def __init__(self, placeholder: str = "One per line", lines: int = 2, parent: QWidget | None = None):
        super().__init__(placeholder, lines, 12, parent)

    def value(self) -> Any:
        return tuple(line.strip() for line in self.toPlainText().splitlines() if line.strip())

    def write(self, value: Any) -> None:
        self.setPlainText("\n".join(value))
        # A little space between items, so that one that wraps still reads as one item.
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        spaced = QTextBlockFormat()
        spaced.setBottomMargin(4)
        cursor.mergeBlockFormat(spaced)


class ComboField(QComboBox, Editor):
    """A choice among fixed values shown with human labels; choosing commits."""

    def __init__(self, choices: Sequence[tuple[Any, str]], parent: QWidget | None = None):
        super().__init__(parent)
        for value, label in choices:
            self.addItem(label, value)
        self.activated.connect(lambda _index: self.finish())

    def value(self) -> Any:
        return self.currentData() if self.currentIndex() >= 0 else MIXED

    def write(self, value: Any) -> None:
        self.setCurrentIndex(self.findData(value))

    def editing(self) -> bool:
        return False


class ChannelField(QComboBox, Editor):
    """An editable combo box: pick a common channel or type another; Return, leaving or picking commits."""

    def __init__(
        self, channels: Sequence[str], placeholder: str = "Choose or type a channel", parent: QWidget | None = None
    ):
        super().__init__(parent)
        self._loaded = ""
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(16)
        self.set_channels(channels)
        self._line_edit().setPlaceholderText(placeholder)
        self._line_edit().editingFinished.connect(self.finish)
        self.activated.connect(lambda _index: self.finish())

    def set_channels(self, channels: Sequence[str]) -> None:
        if [self.itemText(i) for i in range(self.count())] == list(channels):
            return
        text = self.currentText()
        with QSignalBlocker(self):
            self.clear()
            self.addItems(list(channels))
            self.setEditText(text)

    def value(self) -> Any:
        return self.currentText().strip()

    def write(self, value: Any) -> None:
        self.setEditText(value)
        self._line_edit().setCursorPosition(0)

    def set_placeholder(self, text: str) -> None:
        self._line_edit().setPlaceholderText(text)

    def _line_edit(self) -> QLineEdit:
        line = self.lineEdit()
        assert line is not None  # the combo box is made editable in __init__, which gives it one
        return line


def label_text(text: str) -> QLabel:
    """A muted field label (the form's left column)."""
    label = QLabel(text)
    label.setObjectName("fieldLabel")
    return label


def stacked(*widgets: QWidget) -> QWidget:
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(3)
    for widget in widgets:
        column.addWidget(widget)
    return box
