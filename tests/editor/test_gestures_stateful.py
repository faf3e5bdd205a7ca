"""Random sequences of mouse gestures on a real canvas: the canvas always shows what the map holds.

A hypothesis state machine opens a map (the small test map or a sample) in a view at a random
size and zoom (far out too, where cards have items only when selected or pressed), zooms between
gestures, and sends synthetic mouse events to the view, which hands them to the scene's own
event handlers: drags between random points (on cards, on their handles, on headers, anywhere,
with Shift, Ctrl or no modifier), clicks and double clicks, drags abandoned by another press,
palette drops, undo and redo, and steps picked in the History list. It checks that

- after every step each card item sits exactly where ``compute_layout`` puts the card for the
  document, drawn at the cards' level, with no header displaced and no drag left over;
- right after each gesture (without waiting for the event loop), the same holds;
- a gesture that leaves the map as it was pushes no undo step.
"""

from __future__ import annotations

import math
from functools import partial

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtWidgets import QApplication

from journeymapper.editor.items import HANDLE_REACH
from journeymapper.editor.mime import palette_mime
from journeymapper.editor.palette import ENTRIES
from journeymapper.editor.scene import MapScene
from journeymapper.editor.session import MapSession
from journeymapper.editor.theme import qt_measure
from journeymapper.editor.view import MapView
from journeymapper.formats import json_format
from journeymapper.formats.json_format import dumps
from journeymapper.layout import compute_layout

from gestures import assert_the_canvas_shows_the_model, double_click, drop, hover, move, press, release
from support import SAMPLES, build_small_map

pytestmark = pytest.mark.usefixtures("qapp")

STARTING_MAPS = {"small map": build_small_map, **{path.name: partial(json_format.load, path) for path in SAMPLES}}
MODIFIERS = [Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.ControlModifier]
fractions = st.floats(0, 1)
ZOOMS = [0.1, 0.2, 0.3, 0.5, 0.8, 0.95, 1.0, 1.05, 1.25, 1.6]
"""Far out (below ``FAR_OUT``, where most cards have no item of their own) and close in."""


class CanvasGestures(RuleBasedStateMachine):
    """One map on a canvas, edited with the mouse."""

    @initialize(
        start=st.sampled_from(list(STARTING_MAPS)),
        size=st.sampled_from([(1200, 800), (520, 380)]),
        zoom=st.sampled_from(ZOOMS),
    )
    def open_a_map(self, start, size, zoom):
        self.session = MapSession(STARTING_MAPS[start]())
        self.document, self.stack = self.session.document, self.session.undo_stack
        self.scene = MapScene(self.session)
        self.view = MapView()
        self.view.setScene(self.scene)
        self.view.resize(*size)
        self.view.show()
        self.view.set_zoom(zoom)

    def teardown(self):
        if hasattr(self, "view"):
            self.view.close()
            self.view.setScene(None)
            self.scene.detach()
            self.view.deleteLater()
            self.scene.deleteLater()
            QApplication.processEvents()

    # -- choosing points ----------------------------------------------------------------------

    def point(self, data, label: str) -> QPointF:
        """A map point: on a card, on a card's handle, on a header, or anywhere around the map."""
        layout = self.scene.layout
        kinds = ["anywhere", "header"] + (["card", "handle"] if layout.cards else [])
        kind = data.draw(st.sampled_from(kinds), f"{label} on")
        if kind in ("card", "handle"):
            # In map order, not by id: new cards get random ids, and a replay must draw the same card.
            rect = layout.cards[data.draw(st.sampled_from(list(layout.cards)), f"{label} card")].rect
        elif kind == "header":
            headers = [*layout.stage_headers.values(), *layout.lane_headers.values()]
            rect = data.draw(st.sampled_from(headers), f"{label} header").rect
        else:
            rect = layout.bounds
        if kind == "handle":
            angle = data.draw(st.floats(0, 2 * math.pi), f"{label} angle")
            radius = data.draw(st.floats(0, HANDLE_REACH - 0.5), f"{label} radius")
            return QPointF(rect.right + radius * math.cos(angle), rect.y + rect.height / 2 + radius * math.sin(angle))
        margin = 60 if kind == "anywhere" else 0
        fx, fy = data.draw(fractions, f"{label} x"), data.draw(fractions, f"{label} y")
        return QPointF(
            rect.x - margin + fx * (rect.width + 2 * margin), rect.y - margin + fy * (rect.height + 2 * margin)
        )

    def pressable(self, data, label: str) -> QPointF:
        """A point, with the view scrolled so that it is well inside the viewport."""
        point = self.point(data, label)
        self.view.ensureVisible(QRectF(point.x() - 1, point.y() - 1, 2, 2), 40, 40)
        return point

    # -- gestures -----------------------------------------------------------------------------

    def gesture(self, act):
        """Run ``act``; then, at once, the canvas shows the map, and no change means no undo step."""
        before = (dumps(self.document), self.stack.index(), self.stack.count())
        act()
        assert_the_canvas_shows_the_model(self.scene)
        if dumps(self.document) == before[0]:
            assert (self.stack.index(), self.stack.count()) == before[1:]

    @rule(data=st.data(), modifiers=st.sampled_from(MODIFIERS), steps=st.integers(1, 6))
    def drag_between_two_points(self, data, modifiers, steps):
        start = self.pressable(data, "from")
        end = self.point(data, "to")

        def act():
            press(self.view, start, modifiers)
            for step in range(1, steps + 1):
                move(self.view, start + (end - start) * (step / steps))
            release(self.view, end)

        self.gesture(act)

    @rule(data=st.data(), modifiers=st.sampled_from(MODIFIERS))
    def click(self, data, modifiers):
        point = self.pressable(data, "at")

        def act():
            press(self.view, point, modifiers)
            release(self.view, point)

        self.gesture(act)

    @rule(data=st.data())
    def double_click_then_click_elsewhere(self, data):
        """An inline rename opened and left unchanged: the next press ends it."""
        first, second = self.pressable(data, "at"), self.pressable(data, "then")

        def act():
            double_click(self.view, first)
            press(self.view, second)
            release(self.view, second)

        self.gesture(act)

    @rule(data=st.data())
    def a_drag_whose_release_never_came(self, data):
        start = self.pressable(data, "from")
        end, then = self.point(data, "to"), self.pressable(data, "then")

        def act():
            press(self.view, start)
            move(self.view, start + (end - start) * 0.5)
            move(self.view, end)
            press(self.view, then)  # the release went elsewhere (a popup took the mouse)
            release(self.view, then)  # a view's rubber band, started by the first press, may take it
            hover(self.view, then)

        self.gesture(act)

    @rule(data=st.data(), entry=st.sampled_from([entry for _, entry in ENTRIES]))
    def drop_from_the_palette(self, data, entry):
        point = self.pressable(data, "at")
        self.gesture(lambda: drop(self.view, palette_mime(entry), point))

    @rule(zoom=st.sampled_from(ZOOMS))
    def zoom_to(self, zoom):
        """Between gestures, the view zooms in or out (around the pointer's last place)."""
        self.view.set_zoom(zoom)

    # -- undo and redo ------------------------------------------------------------------------

    @precondition(lambda self: self.stack.count())
    @rule(back=st.booleans())
    def undo_or_redo(self, back):
        """Edit → Undo or Edit → Redo (nothing happens where there is nothing to undo or redo)."""
        (self.stack.undo if back else self.stack.redo)()

    @precondition(lambda self: self.stack.count())
    @rule(data=st.data())
    def click_a_step_in_the_history(self, data):
        self.stack.setIndex(data.draw(st.integers(0, self.stack.count()), "step"))

    # -- after every step ---------------------------------------------------------------------

    @invariant()
    def the_canvas_shows_what_the_map_holds(self):
        QApplication.processEvents()  # a turn of the event loop: an undo's relayout is due by then
        # Remembered (an undo, a step in the History) or worked out anew, the layout of the map as it is.
        assert self.scene.layout == compute_layout(self.document, self.scene.style, qt_measure)
        assert_the_canvas_shows_the_model(self.scene)


CanvasGestures.TestCase.settings = settings(
    max_examples=25, stateful_step_count=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
TestCanvasGestures = CanvasGestures.TestCase
