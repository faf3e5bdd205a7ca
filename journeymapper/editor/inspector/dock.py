"""The inspector dock: follows the scene's selection and shows the page that edits it."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QFrame, QScrollArea, QStackedWidget, QWidget

from journeymapper.counting import counted
from journeymapper.editor.commands import ModelCommand
from journeymapper.editor.inspector.base import Page, hint_label
from journeymapper.editor.inspector.map_page import MapPage
from journeymapper.editor.inspector.style import palette
from journeymapper.editor.items import HeaderItem
from journeymapper.editor.scene import MapScene
from journeymapper.editor.theme import theme_switch
from journeymapper.errors import JourneyMapError
from journeymapper.model import Change

if TYPE_CHECKING:
    from journeymapper.editor.inspector.bulk import BulkPage
    from journeymapper.editor.inspector.card import CardPage
    from journeymapper.editor.inspector.connection import ConnectionPage
    from journeymapper.editor.inspector.headers import LanePage, StagePage

PageT = TypeVar("PageT", bound=Page)


class MessagePage(Page):
    """No map, or a selection that cannot be edited as one (several connections or headers)."""

    def __init__(self, inspector: Inspector, caption: str, hint: str):
        super().__init__(inspector, caption)
        self.heading.show()
        self.hint = hint_label(hint)
        self.column.addWidget(self.hint)
        self.end()

    def load(self, force: bool = False) -> None:
        self.heading.setText(self.target or "")


class Inspector(QDockWidget):
    """Edits every field of the selection; with nothing selected, the map itself and its personas.

    Every finished edit becomes one undo command on the scene's session; the fields refresh after
    any change to the document (undo, redo, edits on the canvas), on the next turn of the event loop.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Inspector", parent)
        self.setObjectName("inspector")
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
        self.setMinimumWidth(320)
        self.scene: MapScene | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._refusal: str | None = None
        self._refresh = QTimer(self, singleShot=True, interval=0)
        self._refresh.timeout.connect(self.refresh)
        self.stack = QStackedWidget(self)
        self.stack.setStyleSheet(palette().stylesheet())
        self.setWidget(self.stack)
        self._scrolls: dict[Page, QScrollArea] = {}
        self.page: Page | None = None
        self.refresh()
        theme_switch().changed.connect(self.restyle)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(340, 720)

    # -- the pages: each built, and its module imported, the first time it is wanted, so that a map
    # opens with its own page only

    @cached_property
    def empty(self) -> MessagePage:
        return self._added(MessagePage(self, "Inspector", "Open a map or start a new one to inspect it here."))

    @cached_property
    def several(self) -> MessagePage:
        hint = "Select one item to edit it, or several cards to edit their channel, emotion and personas together."
        return self._added(MessagePage(self, "Selection", hint))

    @cached_property
    def map_page(self) -> MapPage:
        return self._added(MapPage(self))

    @cached_property
    def card_page(self) -> CardPage:
        from journeymapper.editor.inspector.card import CardPage

        return self._added(CardPage(self))

    @cached_property
    def bulk_page(self) -> BulkPage:
        from journeymapper.editor.inspector.bulk import BulkPage

        return self._added(BulkPage(self))

    @cached_property
    def connection_page(self) -> ConnectionPage:
        from journeymapper.editor.inspector.connection import ConnectionPage

        return self._added(ConnectionPage(self))

    @cached_property
    def stage_page(self) -> StagePage:
        from journeymapper.editor.inspector.headers import StagePage

        return self._added(StagePage(self))

    @cached_property
    def lane_page(self) -> LanePage:
        from journeymapper.editor.inspector.headers import LanePage

        return self._added(LanePage(self))

    def _added(self, page: PageT) -> PageT:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(page)
        self._scrolls[page] = scroll
        self.stack.addWidget(scroll)
        return page

    # -- the scene ----------------------------------------------------------------------------

    def set_scene(self, scene: MapScene | None) -> None:
        """Show another map (or none); edits left half-done in the old one are committed first."""
        self.commit_pending()
        if self.scene is not None:
            try:
                self.scene.selectionChanged.disconnect(self._schedule)
                self.scene.refused.disconnect(self._on_refused)
            except (RuntimeError, TypeError):
                pass  # the scene is already gone
            if self._unsubscribe is not None:
                self._unsubscribe()
        self.scene, self._unsubscribe, self.page = scene, None, None
        if scene is not None:
            scene.selectionChanged.connect(self._schedule)
            scene.refused.connect(self._on_refused)
            self._unsubscribe = scene.document.subscribe(self._on_change)
        self.refresh()

    def commit_pending(self) -> None:
        """Commit what the user typed but has not finished (call before saving or closing)."""
        if self.page is not None and self.scene is not None:
            self.page.flush()

    def _on_change(self, change: Change) -> None:
        self._schedule()

    def _schedule(self) -> None:
        self._refresh.start()

    def _on_refused(self, message: str) -> None:
        self._refusal = message

    def restyle(self) -> None:
        """Colours for the theme in use, after the system switched light or dark: the style sheet,
        the fields that style themselves, and coloured text on the page shown."""
        from journeymapper.editor.inspector.choices import ColourField, SegmentedField  # loaded with their pages

        self.stack.setStyleSheet(palette().stylesheet())
        fields: list[SegmentedField | ColourField] = [
            *self.findChildren(SegmentedField),
            *self.findChildren(ColourField),
        ]
        for field in fields:
            field.restyle()
        self.refresh()

    # -- following the selection ----------------------------------------------------------------

    def selection(self) -> tuple[Page, Any]:
        """The page for the current selection and its target."""
        scene = self.scene
        if scene is None:
            return self.empty, None
        document = scene.document
        cards = scene.selected_card_ids()
        connections = [c for c in scene.selected_connection_ids() if document.has_connection(c)]
        headers = [
            (item.kind, item.item_id)
            for item in scene.selectedItems()
            if isinstance(item, HeaderItem) and item.item_id in getattr(document, f"{item.kind}s")
        ]
        others = len(connections) + len(headers)
        if len(cards) == 1 and not others:
            return self.card_page, cards[0]
        if cards:
            return self.bulk_page, (tuple(cards), others)
        if len(connections) == 1 and not headers:
            return self.connection_page, connections[0]
        if len(headers) == 1 and not connections:
            kind, item_id = headers[0]
            return (self.stage_page if kind == "stage" else self.lane_page), item_id
        if others:
            parts = [counted(len(connections), "connection")] if connections else []
            parts += [counted(len(headers), "header")] if headers else []
            return self.several, " and ".join(parts) + " selected"
        return self.map_page, None

    def refresh(self) -> None:
        """Point the right page at the selection, or refresh the shown page's fields."""
        self._refresh.stop()
        page, target = self.selection()
        if page is self.page and target == page.target:
            page.load(force=False)
            return
        self.commit_pending()
        page.bind(target)
        self.page = page
        self.stack.setCurrentWidget(self._scrolls[page])

    # -- pushing --------------------------------------------------------------------------------

    def push(self, build: Callable[[], ModelCommand]) -> str | None:
        """Build and push a command; None if the model took it, else the reason it was refused."""
        if self.scene is None:
            return "No map is open"
        try:
            command = build()
        except JourneyMapError as error:
            return str(error)
        self._refusal = None
        if self.scene.push(command):
            return None
        return self._refusal or "The map refused this change"
