"""The canvas scene: mirrors the document through the layout engine and turns gestures into commands.

The scene listens to the document. Any change schedules one relayout on the next turn of the
event loop, so that a command touching a thousand cards redraws once. Items are kept by model id
and reused across relayouts, which keeps selection stable; on a big map only some cards and
connectors have items (``live_items``), and two whole-map items draw the rest.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar, cast

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneDragDropEvent,
    QGraphicsSceneHelpEvent,
    QGraphicsSceneMouseEvent,
)

from journeymapper.collector import FullCollectionsHeld, young_collections_only
from journeymapper.connector_labels import Labels, Placement
from journeymapper.counting import counted
from journeymapper.editor import drags, keyboard, nearby
from journeymapper.editor.card_item import CardItem
from journeymapper.editor.cell_adder import CellAdder
from journeymapper.editor.commands import (
    AddColumnOrRow,
    AddTouchpoints,
    EditFields,
    Entity,
    ModelCommand,
    RemoveItems,
    quoted,
)
from journeymapper.editor.connector_item import ConnectorItem
from journeymapper.editor.connector_labels_item import ConnectorLabelsItem
from journeymapper.editor.connector_lines import ConnectorLinesItem
from journeymapper.editor.context_menu import build_menu
from journeymapper.editor.drop_indicator import DropIndicator
from journeymapper.editor.emotion_curves import EmotionCurveItem, persona_curve_style
from journeymapper.editor.file_kinds import dropped_files
from journeymapper.editor.inline_editor import InlineEditor
from journeymapper.editor.items import CONNECTOR_REACH, FAR_OUT, GridItem, HeaderItem, Themed
from journeymapper.editor.label_memory import LabelMemory
from journeymapper.editor.layout_memory import LayoutMemory
from journeymapper.editor.link_headlines import HeadlineReader
from journeymapper.editor.linking import LinkBadge, LinkChecker, Owner
from journeymapper.editor.live_items import LiveItems
from journeymapper.editor.mime import NewLane, NewStage, NewTouchpoint, palette_entry
from journeymapper.editor.overlays import EmotionLegendItem, LinkBadgeItem, show_card_links, show_stage_links
from journeymapper.editor.session import MapSession
from journeymapper.editor.sketch import MapSketch
from journeymapper.editor.theme import Theme, qt_measure, theme_switch
from journeymapper.errors import JourneyMapError
from journeymapper.layout import DEFAULT_STYLE, Box, MapLayout, Style, emotion_band
from journeymapper.model import Change, Lane, LaneKind, Stage, Touchpoint
from journeymapper.palette import persona_colour

ItemT = TypeVar("ItemT", bound=QGraphicsItem)

BULK_CHANGE = 300
"""Past this many cards and connectors added, removed or moved by one relayout, the scene drops
its item index while it updates them and builds it again once: Qt's BSP tree pays for each moved or
removed item by searching for it where it was, which for a thousand cards costs more than a rebuild."""

LABELS_AFTER_THE_FRAME = 1_500
"""Past this many connections, labels that have to be placed anew follow the frame that shows an
edit rather than hold it back: placing a big map's labels takes a few hundred milliseconds, and
the cards and lines, drawn without them, show the edit that much sooner."""

PAINT_WAIT_MS = 2_000
"""How long a scene holds back full collections for its next frame: a scene that no view paints
(a test's, or one whose window never showed) lets them go on after this."""


class MapScene(QGraphicsScene):
    refused = Signal(str)
    """A gesture the model refused, with the reason (the window shows it in the status bar)."""
    file_dropped = Signal(Path)
    laid_out = Signal()
    made = Signal(str, str)
    """A card's or connector's item was made (``"touchpoint"`` or ``"connection"``, and its id):
    marks kept beside the scene go on it now."""
    link_activated = Signal(object)
    """A link badge was clicked: the ``LinkBadge`` of a stage or touchpoint. The scene never opens anything."""
    # The layout's sizes, read as ``scene.style`` by the drags and the tests. The name hides
    # QGraphicsScene.style(), the QStyle of widgets embedded in a scene: the canvas embeds none.
    style: Style  # type: ignore[assignment]

    def __init__(self, session: MapSession, style: Style = DEFAULT_STYLE):
        super().__init__()
        self.session, self.document, self.style = session, session.document, style
        switch = theme_switch()
        self.theme = switch.theme
        switch.changed.connect(self.set_theme)
        self.setBackgroundBrush(self.theme.background)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.grid = GridItem(self.theme)
        self.curve = EmotionCurveItem(self.theme)
        self.indicator = DropIndicator(self.theme)
        self.legend = EmotionLegendItem(self.theme, style)
        self.label_layer = ConnectorLabelsItem(self.theme, style)  # above every connector line
        for item in (self.grid, self.curve, self.legend, self.indicator, self.label_layer):
            self.addItem(item)
        self.adder = CellAdder(self)  # the "+" in the cell under the pointer
        self.link_checker = LinkChecker()
        self.headlines = HeadlineReader(self.link_checker, self)
        self.headlines.read.connect(self._show_headlines)
        self.link_badges: dict[Owner, LinkBadge] = {}
        self._links_checked_for: Path | None = None
        self._pressed_badge: LinkBadgeItem | None = None
        session.state_changed.connect(self._on_state_changed)
        self.cards = LiveItems(self, lambda i: CardItem(i, self.theme, self.style), self._update_card, self._made)
        self.connectors = LiveItems(
            self, lambda i: ConnectorItem(i, self.theme, self.style), self._update_connector, self._made
        )
        self.sketch = MapSketch(self.theme, self.cards.live)
        self.lines = ConnectorLinesItem(self.theme, self.connectors.live)  # first: connector items draw above it
        self.addItem(self.lines)
        self.addItem(self.sketch)
        self._badges: dict[str, tuple[str, str]] = {}
        self._labels: Labels | None = None
        self._highlighted: frozenset[str] = frozenset()
        # The part of the map a view shows, and whether it is near enough for items (None: no view
        # has said); and the part around it where cards and connectors have items now.
        self._visible: QRectF | None = None
        self._near = False
        self._covered = QRectF()
        self.stage_headers: dict[str, HeaderItem] = {}
        self.lane_headers: dict[str, HeaderItem] = {}
        self.layout: MapLayout
        self._labels_wanted = self._labels_placed = False  # until a view says it is near enough
        self._labels_due = False  # to be placed once a view has painted the layout without them
        self._labels_after_paint = QTimer(self, singleShot=True, interval=0)
        self._labels_after_paint.timeout.connect(self._place_due_labels)
        self._layout_memory = LayoutMemory(style, qt_measure)
        self._label_memory = LabelMemory(style, qt_measure)
        self._drag: drags.Drag | None = None
        # The part of the view that the pinned headers leave open, in map units (set by the view's
        # HeaderPins): a drop under a pinned header is no drop, and drags scroll at its edges.
        self.uncovered: QRectF | None = None
        self._relayout = QTimer(self, singleShot=True, interval=0)
        self._relayout.timeout.connect(self.sync)
        self._unsubscribe = self.document.subscribe(self._on_change)
        # Opening a big map leaves a few hundred thousand new objects, none of them garbage, and a
        # relayout of one tens of thousands: the collector's full pass over the heap that they set
        # off (0.1-0.2 s for 5,000 cards) would delay the frame that shows them.
        self._collections = FullCollectionsHeld()
        self._paint_wait = QTimer(self, singleShot=True, interval=PAINT_WAIT_MS)
        self._paint_wait.timeout.connect(self._painted_or_not)
        self._paint_wait.start()
        self.sync()

    def painted(self) -> None:
        """A view has painted the map. The linked maps' numbers may come now, and the labels that
        waited for this frame; the full pass held back for the frame comes now (or after the frame
        that brings those labels), while the person takes in the map, rather than at their next
        gesture; a small map's is left to the collector's own time."""
        self.headlines.painted()
        if self._labels_due:
            self._labels_after_paint.start()  # once this paint is over
        elif self._collections.held:
            self._collections.release()
            if len(self.cards) > BULK_CHANGE:
                QTimer.singleShot(0, gc.collect)

    @property
    def labels_waiting(self) -> bool:
        """Whether the connector labels wait for the frame that shows the map without them."""
        return self._labels_due

    def _painted_or_not(self) -> None:
        """No view has painted for a while (none shows the scene): what waited for a frame goes on."""
        self._collections.release()
        self._place_due_labels()

    def _hold_collections(self) -> None:
        """Hold back full collections until the next paint (or the wait for one ends)."""
        if not self._collections.held:
            self._collections = FullCollectionsHeld()
        self._paint_wait.start()

    def detach(self) -> None:
        """Stop listening to the document (the window is showing another map)."""
        self._unsubscribe()
        self._relayout.stop()
        self._paint_wait.stop()
        self._labels_after_paint.stop()
        self._collections.release()
        self.headlines.stop()
        self.session.state_changed.disconnect(self._on_state_changed)
        theme_switch().changed.disconnect(self.set_theme)

    def set_theme(self, theme: Theme) -> None:
        """Repaint the map in another theme (the system switched light or dark). Not an edit: the
        document, the undo stack and the selection stay as they are."""
        self.flush()  # the legend below is laid out from the current layout
        self.theme = theme
        self.setBackgroundBrush(theme.background)
        for item in self.items():
            if isinstance(item, Themed):
                item.set_theme(theme)
        self._sync_curves(self.layout, list(self.document.lanes.values()))  # the legend samples the curve's new pen

    # -- mirroring the document ---------------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        self._relayout.start()

    def _on_state_changed(self) -> None:
        if self.session.path != self._links_checked_for:  # saved elsewhere: links resolve from there
            self._relayout.start()

    def flush(self) -> None:
        """Relayout now if a change is pending (tests, and before reading geometry)."""
        if self._relayout.isActive():
            self._relayout.stop()
            self.sync()

    def sync(self) -> None:
        with young_collections_only():  # a big map's items and wrappers are no garbage
            self._sync_all()
        if len(self.layout.cards) > BULK_CHANGE:
            self._hold_collections()

    def _sync_all(self) -> None:
        layout = self._layout_memory.layout(self.document)
        with self._index_paused(len(self.cards.live) + len(self.connectors.live) > BULK_CHANGE):
            self.layout = layout
            self._mirror(layout)

    @contextmanager
    def _index_paused(self, paused: bool) -> Iterator[None]:
        if paused:
            self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        try:
            yield
        finally:
            if paused:
                self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
                # A new index hears of the scene's rectangle only when it changes: built without
                # it, the tree has one leaf, and a drag then searches every item on every move.
                rect = self.sceneRect()
                self.setSceneRect(QRectF())
                self.setSceneRect(rect)

    def _mirror(self, layout: MapLayout) -> None:
        """Bring every item in line with ``layout``, which is the scene's layout now."""
        lanes = list(self.document.lanes.values())
        self.grid.set_layout(layout, lanes)
        self._links_checked_for = self.session.path
        self.link_badges = links = self.link_checker.badges(self.document, self.session.path)
        self.headlines.start()

        def update_stage(item: HeaderItem) -> None:
            item.set_header(layout.stage_headers[item.item_id])
            show_stage_links(item, links.get(("stage", item.item_id)))

        self._sync(
            self.stage_headers,
            self.document.stages,
            lambda i: HeaderItem("stage", i, self.theme, self.style),
            update_stage,
        )
        self._sync(
            self.lane_headers,
            self.document.lanes,
            lambda i: HeaderItem("lane", i, self.theme, self.style),
            lambda item: item.set_header(layout.lane_headers[item.item_id], self.document.lanes[item.item_id].colour),
        )
        self._badges = self._persona_badges()
        self.cards.relayout(layout.cards)
        # The labels first, so that each connector takes its route and its label in one change.
        self._labels = labels = self._placed_labels()
        self.connectors.relayout(layout.connectors)
        self._show_label_layer(labels)
        colours = {lane.id: lane.colour for lane in lanes}
        self.sketch.set_layout(layout, colours)
        self.lines.set_layout(layout, {connection.id: connection.kind for connection in self.document.connections()})
        self._refresh_region()
        self._sync_curves(layout, lanes)
        bounds = layout.bounds
        self.setSceneRect(QRectF(bounds.x - 200, bounds.y - 200, bounds.width + 400, bounds.height + 400))
        self.laid_out.emit()

    def _show_headlines(self) -> None:
        """A linked map's numbers are known: the badges and the lines under the stage headers say
        them. Nothing moves, so this is no relayout."""
        self.link_badges = links = self.link_checker.badges(self.document, self._links_checked_for)
        for stage_id, header in self.stage_headers.items():
            show_stage_links(header, links.get(("stage", stage_id)))
        for (kind, owner_id), badge in links.items():
            if kind == "touchpoint" and owner_id in self.cards.live:
                show_card_links(self.cards.live[owner_id], badge)

    def show_labels(self, wanted: bool) -> None:
        """Whether the connector labels are big enough to read in the view. They are placed only
        then: placing thousands of them takes a noticeable moment, and far out they are not drawn."""
        if wanted != self._labels_wanted:
            self._labels_wanted = wanted
            with young_collections_only():
                self._sync_labels()

    def _sync_labels(self) -> None:
        if not (self._labels_wanted and self._labels_placed):
            self._show_labels(self._placed_labels())

    def _place_due_labels(self) -> None:
        if self._labels_due:
            self._labels_due = False
            with young_collections_only():
                self._show_labels(self._placed_labels(now=True))

    def _show_labels(self, labels: Labels | None) -> None:
        self._labels = labels
        for connection_id, item in self.connectors.live.items():
            item.set_label(*_label_of(labels, connection_id))
        self._show_label_layer(labels)

    def _placed_labels(self, now: bool = False) -> Labels | None:
        """The connector labels of the current layout, or None while they are too small to read,
        or (on a big map, unless ``now``) while they wait for the frame to be painted without them."""
        labels = None
        if self._labels_wanted:
            if now or len(self.layout.connectors) <= LABELS_AFTER_THE_FRAME:
                labels = self._label_memory.labels(self.document, self.layout)
            else:
                labels = self._label_memory.recall(self.document, self.layout)
        self._labels_due = self._labels_wanted and labels is None
        return labels

    def _show_label_layer(self, labels: Labels | None) -> None:
        self.label_layer.set_labels(list(labels.placed.values()) if labels else [])
        self._labels_placed = labels is not None

    def _sync_curves(self, layout: MapLayout, lanes: list[Lane]) -> None:
        """The curve of all cards, one per persona with emotions, and their legend in the lane header."""
        emotions = next((lane.id for lane in lanes if lane.kind == LaneKind.EMOTIONS), None)
        band = emotion_band(layout.rows[emotions], self.style) if emotions else None
        numbers = {persona_id: number for number, persona_id in enumerate(self.document.personas)}
        personas = [
            (persona_curve_style(numbers[key], self.document.personas[key].name), curve)
            for key, curve in layout.emotion_curves.items()
            if key is not None
        ]
        self.curve.set_curve(layout.emotion_curves.get(None, ()), band, personas)
        area = None
        if emotions and personas:
            header, style = layout.lane_headers[emotions], self.style
            rect = QRectF(header.rect.x, header.rect.y, header.rect.width, header.rect.height).adjusted(2, 2, -2, -2)
            names_bottom = rect.top() + 2 * style.header_padding + len(header.lines) * style.header_line_height
            area = QRectF(
                rect.left() + style.header_padding + 4,
                names_bottom,
                rect.width() - 2 * style.header_padding - 4,
                rect.bottom() - style.header_padding - names_bottom,
            )
        entries = [("All cards", self.curve.main_pen)]
        entries += [(style.name, pen) for (style, _), pen in zip(personas, self.curve.persona_pens)]
        self.legend.set_legend(entries, area)

    def _sync(
        self,
        items: dict[str, ItemT],
        ids: Iterable[str],
        create: Callable[[str], ItemT],
        update: Callable[[ItemT], None],
    ) -> None:
        ordered = list(ids)
        wanted = set(ordered)
        for item_id in [item_id for item_id in items if item_id not in wanted]:
            self.removeItem(items.pop(item_id))
        for item_id in ordered:
            item = items.get(item_id)
            if item is None:
                item = items[item_id] = create(item_id)
                self.addItem(item)
            update(item)

    def _persona_badges(self) -> dict[str, tuple[str, str]]:
        badges = {}
        for number, persona in enumerate(self.document.personas.values()):
            initials = "".join(word[0] for word in persona.name.split()[:2]).upper() or "?"
            badges[persona.id] = (initials, persona_colour(number))
        return badges

    def _update_card(self, item: CardItem) -> None:
        card = self.document.touchpoint(item.touchpoint_id)
        accent = self.document.lanes[card.lane].colour
        item.set_card(card, self.layout.cards[card.id], accent, [self._badges[p] for p in card.personas])
        links = self.link_badges.get(("touchpoint", card.id))
        if links is not None or item.link_badge is not None:  # most cards have no links, ever
            show_card_links(item, links)

    def _update_connector(self, item: ConnectorItem) -> None:
        connection_id = item.connection_id
        connection, route = self.document.connection(connection_id), self.layout.connectors[connection_id]
        item.set_route_and_label(connection, route, *_label_of(self._labels, connection_id))

    def _made(self, item: CardItem | ConnectorItem) -> None:
        if isinstance(item, CardItem):
            item.set_highlighted(item.touchpoint_id in self._highlighted)
            self.made.emit("touchpoint", item.touchpoint_id)
        else:
            self.made.emit("connection", item.connection_id)

    # -- items near the view ------------------------------------------------------------------

    def show_region(self, visible: QRectF, zoom: float) -> None:
        """A view shows ``visible`` (in map units) at ``zoom``. Close in, the cards in it and
        around it have items; far out, only the selected ones do (the sketch draws the rest).
        Items are made half a view ahead, so that scrolling makes them a few times a screen
        rather than at every step. Connectors have items only while needed (``connector_lines``
        draws the others): selected, pressed, under a tooltip, marked."""
        near = zoom >= FAR_OUT
        if near == self._near and self._covered.contains(visible):
            self._visible = visible
            return
        self._visible, self._near = visible, near
        self._refresh_region()

    def _refresh_region(self) -> None:
        """Make the card items the region wants; retire the other items nothing holds on to."""
        visible = self._visible
        if visible is None:
            return
        covered = QRectF()
        if self._near:
            margin_x, margin_y = visible.width() / 2, visible.height() / 2
            covered = visible.adjusted(-margin_x, -margin_y, margin_x, margin_y)
        self._covered = covered
        cards = nearby.cards_within(self.layout, _box(covered)) if self._near else []
        wanted = set(cards)
        self.cards.retire(lambda key, item: key in wanted or item.isSelected())
        # A mark on a connector is its child item: a marked connector keeps its item for it.
        self.connectors.retire(lambda key, item: item.isSelected() or bool(item.childItems()))
        self.cards.make(cards)

    def bring_to_life(self, cards: Iterable[str], connectors: Iterable[str] = ()) -> None:
        """Make sure these cards and connectors have items (in the scene, up to date)."""
        self.cards.make(cards)
        self.connectors.make(connectors)

    def bring_to_life_in(self, area: QRectF) -> None:
        """The items of what a rubber band over ``area`` selects, far out as near: the cards it
        covers and the connectors it holds whole (``keep_whole_connectors``)."""
        box = _box(area)
        self.bring_to_life(nearby.cards_within(self.layout, box), nearby.connectors_inside(self.layout, box))

    def keep_whole_connectors(self, area: QRectF, kept: Collection[str]) -> None:
        """Of the connectors a rubber band over ``area`` has just selected, keep those it holds whole
        (and ``kept``, selected before it): one that only passes through joins cards outside the
        band, and a delete of the selection would take it with the cards the band covers."""
        box = _box(area)
        for connection_id, item in self.connectors.live.items():
            route = self.layout.connectors[connection_id]
            if item.isSelected() and connection_id not in kept and not nearby.route_inside(route, box):
                item.setSelected(False)

    def bring_to_life_at(self, position: QPointF) -> None:
        """The items of what lies under ``position``: a press or a tooltip finds an item there.
        A connector is under it on its line and, where labels are shown, on its label."""
        x, y = position.x(), position.y()
        card = drags.card_under(self, position)  # on its rectangle or its handle, as a press finds it
        line = CONNECTOR_REACH
        connectors = nearby.connectors_within(self.layout, (x - line, y - line, x + line, y + line))
        if self._labels is not None:
            connectors += nearby.labels_at(self._labels.placed, x, y)
        self.bring_to_life([card] if card is not None else [], connectors)

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:  # noqa: N802
        self.bring_to_life_at(event.scenePos())  # a connector's tooltip is its item's
        super().helpEvent(event)

    def set_highlighted(self, card_ids: Iterable[str]) -> None:
        """Mark these cards as Find's matches, whether they have items now or later."""
        self._highlighted = frozenset(card_ids)
        for card_id, item in self.cards.live.items():
            item.set_highlighted(card_id in self._highlighted)

    # -- reading the selection ----------------------------------------------------------------

    def selected_card_ids(self) -> list[str]:
        """Selected cards in map order."""
        chosen = {item.touchpoint_id for item in self.selectedItems() if isinstance(item, CardItem)}
        return [card.id for card in self.document.touchpoints() if card.id in chosen]

    def selected_connection_ids(self) -> list[str]:
        return [item.connection_id for item in self.selectedItems() if isinstance(item, ConnectorItem)]

    def select_cards(self, card_ids: Iterable[str]) -> None:
        self.clearSelection()
        for card_id in card_ids:
            if card_id in self.cards:
                self.cards[card_id].setSelected(True)

    # -- commands -----------------------------------------------------------------------------

    def push(self, command: ModelCommand) -> bool:
        """Push a command; a refusal is reported through ``refused`` and changes nothing."""
        try:
            self.session.push(command)
        except JourneyMapError as error:
            self.refused.emit(str(error))
            self.flush()
            self.sync()
            return False
        return True

    def delete_selection(self) -> None:
        cards, connections = self.selected_card_ids(), self.selected_connection_ids()
        if not cards and not connections:
            return
        if len(cards) == 1 and not connections:
            text = f"Delete {quoted(self.document.touchpoint(cards[0]).title)}"
        else:
            text = f"Delete {counted(len(cards), 'card')}" + (
                f" and {counted(len(connections), 'connection')}" if connections else ""
            )
        self.push(RemoveItems(self.document, cards, connections, text))

    def add_card(self, cell: tuple[str, str], index: int, entry: NewTouchpoint) -> str | None:
        card = Touchpoint(
            id=self.document.new_id("tp"),
            stage=cell[0],
            lane=cell[1],
            index=index,
            title=f"New {entry.label.lower()}",
            channel=entry.channel,
        )
        where = f"{self.document.stages[cell[0]].name} / {self.document.lanes[cell[1]].name}"
        if not self.push(AddTouchpoints(self.document, [card], f"Add {entry.label.lower()} to {where}")):
            return None
        self.flush()
        self.select_cards([card.id])
        return card.id

    def add_stage(self, position: int) -> str | None:
        stage = Stage(id=self.document.new_id("stage"), name="New stage")
        return stage.id if self.push(AddColumnOrRow(self.document, stage, position, "Add stage")) else None

    def add_lane(self, position: int, kind: LaneKind = LaneKind.TEAM) -> str | None:
        name = "New team" if kind == LaneKind.TEAM else kind.value.replace("_", " ").capitalize()
        lane = Lane(id=self.document.new_id("lane"), name=name, kind=kind)
        return lane.id if self.push(AddColumnOrRow(self.document, lane, position, f"Add lane {quoted(name)}")) else None

    # -- inline renaming ----------------------------------------------------------------------

    def rename(
        self,
        item: CardItem | HeaderItem,
        command: type[EditFields] = EditFields,
        cancel: Callable[[], None] | None = None,
    ) -> InlineEditor:
        """Edit a card's title or a header's name in place; Enter commits (as a ``command``),
        Escape cancels (and calls ``cancel``)."""
        self.flush()
        entity: Entity
        if isinstance(item, CardItem):
            entity, item_id, field = "touchpoint", item.touchpoint_id, "title"
            current = self.document.touchpoint(item_id).title
            rect = item.sceneBoundingRect().adjusted(3, 3, -3 - 8, -3)
        else:
            entity, item_id, field = item.kind, item.item_id, "name"
            current = getattr(self.document, f"{item.kind}s")[item_id].name
            rect = item.sceneBoundingRect().adjusted(4, 4, -4, -4)

        def commit(text: str) -> None:
            text = text.strip()
            if text and text != current:
                self.push(
                    command(
                        self.document, entity, item_id, {field: text}, f"Rename {quoted(current)} to {quoted(text)}"
                    )
                )

        editor = InlineEditor(current, rect, commit, self.theme, cancel)
        self.addItem(editor)
        editor.start()
        return editor

    # -- mouse gestures -----------------------------------------------------------------------

    def link_badge_at(self, position: QPointF) -> LinkBadgeItem | None:
        """The visible link badge under ``position``, unless a card or header lies above it."""
        for item in self.items(position):
            if isinstance(item, LinkBadgeItem) and item.isVisible() and item.badge is not None:
                return item
            if isinstance(item, (CardItem, HeaderItem)):
                return None
        return None

    @property
    def gesture(self) -> drags.Drag | None:
        """The drag between a left press and its release, if one is under way (the view scrolls
        for it near its edges)."""
        return self._drag

    def drag_to(self, position: QPointF) -> None:
        """Move the drag under way to ``position``: the mouse moved, or the view scrolled under it."""
        if self._drag is not None:
            self.flush()  # an undo meanwhile: the drag reads the layout of the map as it is now
            self._drag.move(position)

    def cancel_gesture(self) -> None:
        """Abandon the drag under way, if any: nothing changes, and its items go back."""
        drag, self._drag = self._drag, None
        if drag is not None:
            self._end_gesture(drag, None)

    def _end_gesture(self, drag: drags.Drag, position: QPointF | None) -> None:
        """Its command (from a release at ``position``; none for a cancel) goes to the model after
        its items have gone back where the layout puts them; then the layout catches up at once,
        so that the canvas shows what the document holds."""
        try:
            command = drag.finish(position) if position is not None else None
        except JourneyMapError as error:
            command = None
            self.refused.emit(str(error))
        finally:
            drag.restore()
            self.indicator.hide()
        if command is not None:
            self.push(command)
        self.flush()

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        self.flush()
        self.bring_to_life_at(event.scenePos())
        if event.button() == Qt.MouseButton.LeftButton:
            self.cancel_gesture()  # a drag whose release never came (a popup took the mouse)
        if event.button() == Qt.MouseButton.LeftButton and (badge := self.link_badge_at(event.scenePos())):
            self._pressed_badge = badge  # a button: it acts on release over it, and never drags
            event.accept()
            return
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag = drags.start(self, event)
            if self._drag is not None:  # the gesture's own: Qt neither selects nor moves anything
                event.accept()
                return
        elif drags.pressed_card(self, event.scenePos()) is not None:
            event.accept()  # no rubber band from a card: the selection stays for its context menu
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._pressed_badge is not None:
            return
        if self._drag is not None:
            if event.buttons() & Qt.MouseButton.LeftButton:
                self.drag_to(event.scenePos())
            else:
                self.cancel_gesture()  # the button went up where the scene did not see it
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if (pressed := self._pressed_badge) is not None:
            self._pressed_badge = None
            if self.link_badge_at(event.scenePos()) is pressed and pressed.badge is not None:
                self.link_activated.emit(pressed.badge)
            return
        drag = self._drag
        if drag is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        self._drag = None
        self._end_gesture(drag, event.scenePos())

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        self.bring_to_life_at(event.scenePos())
        if self.link_badge_at(event.scenePos()) is not None:
            event.accept()  # a second click on a badge is not a rename
            return
        for item in self.items(event.scenePos()):
            if isinstance(item, (CardItem, HeaderItem)):
                self.rename(item)
                event.accept()
                return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:  # noqa: N802
        self.flush()
        self.bring_to_life_at(event.scenePos())
        menu = build_menu(self, event.scenePos())
        if menu is not None:
            menu.exec(event.screenPos())
            event.accept()

    def event(self, event: QEvent) -> bool:
        # Tab reaches the scene here, not in keyPressEvent: Qt moves the focus between items with it.
        if event.type() == QEvent.Type.KeyPress and self.focusItem() is None:
            key_event = cast(QKeyEvent, event)
            if keyboard.handle_key(self, key_event):
                key_event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self._drag is not None:
            self.cancel_gesture()  # the drag's items go back; nothing reaches the model
            event.accept()
            return
        if self.focusItem() is None and drags.nudge(self, event.key()):
            event.accept()
            return
        super().keyPressEvent(event)

    # -- drops from the palette and the desktop -----------------------------------------------

    def dragEnterEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802
        self._accept_drag(event)

    def dragMoveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802
        if self._accept_drag(event):
            entry = palette_entry(event.mimeData())
            if isinstance(entry, NewTouchpoint):
                drags.show_slot(self, event.scenePos(), ())

    def dragLeaveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802
        self.indicator.hide()

    def dropEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802
        self.indicator.hide()
        self.flush()
        mime = event.mimeData()
        entry = palette_entry(mime)
        position = event.scenePos()
        if isinstance(entry, NewTouchpoint):
            target = drags.slot_at(self, position, ())
            if target is None:
                event.ignore()
                return
            self.add_card(target[0], target[1], entry)
        elif isinstance(entry, NewStage):
            self.add_stage(drags.insertion_position(self.layout.stage_edges, position.x()))
        elif isinstance(entry, NewLane):
            self.add_lane(drags.insertion_position(self.layout.lane_edges, position.y()), entry.kind)
        elif files := dropped_files(mime):
            self.file_dropped.emit(files[0])
        else:
            event.ignore()
            return
        self.flush()  # the canvas shows the new map at once, as after a mouse gesture
        event.acceptProposedAction()

    def _accept_drag(self, event: QGraphicsSceneDragDropEvent) -> bool:
        mime = event.mimeData()
        acceptable = palette_entry(mime) is not None or bool(dropped_files(mime))
        if acceptable:
            event.acceptProposedAction()
        else:
            event.ignore()
        return acceptable


def _label_of(labels: Labels | None, connection_id: str) -> tuple[Placement | None, bool]:
    """A connector's label, and whether it was left out for want of room (its connector's tooltip
    still shows it); none at all while labels are not shown."""
    if labels is None:
        return None, False
    return labels.placed.get(connection_id), connection_id in labels.left_out


def _box(rect: QRectF) -> Box:
    return rect.left(), rect.top(), rect.right(), rect.bottom()
