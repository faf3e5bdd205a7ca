"""In-place editing of a card title or a header name on the canvas."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPainter, QPen, QTextCursor
from PySide6.QtWidgets import QGraphicsTextItem, QStyleOptionGraphicsItem, QWidget

from journeymapper.editor.items import Themed
from journeymapper.editor.theme import Theme, canvas_font

_OWN_KEYS = (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter)


class InlineEditor(Themed, QGraphicsTextItem):
    """A text box over the edited item: Enter or clicking elsewhere commits, Escape cancels (and
    calls ``cancel``, if given)."""

    def __init__(
        self,
        text: str,
        rect: QRectF,
        commit: Callable[[str], None],
        theme: Theme,
        cancel: Callable[[], None] | None = None,
    ):
        super().__init__(text)
        self._commit, self._cancel, self._theme, self._rect = commit, cancel, theme, rect
        self._done = False
        self.setFont(canvas_font(11))
        self.setDefaultTextColor(theme.card_text)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.setTextWidth(rect.width())
        self.setPos(rect.topLeft())
        self.setZValue(100)

    def set_theme(self, theme: Theme) -> None:
        super().set_theme(theme)
        self.setDefaultTextColor(theme.card_text)

    def start(self) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        cursor = self.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        self.setTextCursor(cursor)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setPen(QPen(self._theme.selection, 1.5))
        painter.setBrush(self._theme.card_fill)
        painter.drawRect(self.boundingRect())
        # The stub wants a QWidget, but Qt passes None when the scene is rendered off screen.
        super().paint(painter, option, widget)  # type: ignore[arg-type]

    def sceneEvent(self, event: QEvent) -> bool:  # noqa: N802
        # Escape and Enter are the editor's while it has the focus, not a window shortcut's (Find
        # clears its field on Escape anywhere in the window): claim them before shortcuts are matched.
        if event.type() == QEvent.Type.ShortcutOverride and cast(QKeyEvent, event).key() in _OWN_KEYS:
            event.accept()
            return True
        return super().sceneEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.finish(commit=True)
        elif event.key() == Qt.Key.Key_Escape:
            self.finish(commit=False)
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.finish(commit=True)

    def finish(self, commit: bool) -> None:
        """End editing once: the editor leaves the scene, then the change (if any) is pushed."""
        if self._done:
            return
        self._done = True
        text = self.toPlainText()
        scene = self.scene()
        if scene is not None:
            scene.removeItem(self)
        if commit:
            self._commit(text)
        elif self._cancel is not None:
            self._cancel()
