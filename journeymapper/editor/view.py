"""The canvas view: zoom, pan and rubber-band selection around a ``MapScene``, with its stage and
lane headers pinned to the top and left edges while the map scrolls (``pinned_headers``)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView, QWidget

from journeymapper.editor.edge_scroll import EdgeScroll
from journeymapper.editor.items import FAR_OUT
from journeymapper.editor.pinned_headers import HeaderPins
from journeymapper.editor.scene import MapScene
from journeymapper.editor.theme import canvas_font

MIN_ZOOM, MAX_ZOOM = 0.05, 4.0
ZOOM_STEP = 1.25
READABLE_TITLE_PX = 11.0  # the smallest card title a person reads without leaning in


class MapView(QGraphicsView):
    """Ctrl+wheel zooms around the cursor, Shift+wheel scrolls sideways; the middle button or
    Space+drag pans; dragging on empty canvas selects with a rubber band; a drag near the edge
    scrolls (``edge_scroll``)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setAcceptDrops(True)
        # A map smaller than the view starts at its top-left corner, as a document does, rather
        # than floating in the middle with empty bands around it.
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._panning_from: QPointF | None = None
        # A rubber band's area while it is out, and the connectors selected before it.
        self._band: tuple[QRectF, frozenset[str]] | None = None
        self._pins: HeaderPins | None = None
        self.edge_scroll = EdgeScroll(self)
        self.rubberBandChanged.connect(self._rubber_band_changed)

    def setScene(self, scene: QGraphicsScene | None) -> None:  # noqa: N802
        if self._pins is not None:
            self._pins.scene.laid_out.disconnect(self._laid_out)
            self._pins.scene.selectionChanged.disconnect(self._selection_changed)
            self._pins.detach()
            self._pins = None
        super().setScene(scene)
        if isinstance(scene, MapScene):
            self._pins = HeaderPins(scene)
            scene.laid_out.connect(self._laid_out)
            scene.selectionChanged.connect(self._selection_changed)
            self._laid_out()

    def _laid_out(self) -> None:
        # The map's own extent, not the items' (which the pinning bands follow): the scroll bars
        # end where the map does, and grow and shrink with it.
        if self._pins is not None:
            bounds = self._pins.scene.layout.bounds
            self.setSceneRect(QRectF(bounds.x, bounds.y, bounds.width, bounds.height))
            self._pin()

    def _pin(self) -> None:
        """The view moved, zoomed or changed size (or the map did): the headers keep to its edges,
        and the cards and connectors in view have their items."""
        if self._pins is not None:
            visible = self.mapToScene(self.viewport().rect()).boundingRect()
            self._pins.scene.show_region(visible, self.zoom)
            self._pins.pin(visible)

    def _rubber_band_changed(self, band: QRect, start: QPointF, end: QPointF) -> None:
        # Qt selects the items under the band right after this signal: far out, those it covers
        # get their items first. The band itself, in the viewport: ``end`` is the previous move's.
        if self._pins is None or band.isNull():
            self._band = None
            return
        area = self.mapToScene(band).boundingRect()
        kept = self._band[1] if self._band is not None else frozenset(self._pins.scene.selected_connection_ids())
        self._band = area, kept
        self._pins.scene.bring_to_life_in(area)

    def _selection_changed(self) -> None:
        # Qt's band selects what it touches, at each move and at each scroll while it is out (which
        # replays the last move): of the connectors, it keeps those it holds whole. Unselecting
        # them changes the selection again, which is theirs to tell, not this method's to redo.
        band, self._band = self._band, None
        if band is not None and self._pins is not None:
            try:
                self._pins.scene.keep_whole_connectors(*band)
            finally:
                self._band = band

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        self.scale(factor / self.zoom, factor / self.zoom)
        self._zoomed()

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / ZOOM_STEP)

    def actual_size(self) -> None:
        self.set_zoom(1.0)

    def fit_map(self) -> None:
        """The whole map, at most at 100%, from its top-left corner."""
        if self._pins is not None:
            self.set_zoom(min(self._fit_zoom(), 1.0))
            self._show_top_left()

    def first_view(self) -> None:
        """How a map opens: whole if its card titles can still be read that way, otherwise its
        first stages and lanes at a zoom where they can, from the top-left corner."""
        if self._pins is None:
            return
        title_px = canvas_font(self._pins.scene.style.title_font_size).pixelSize()
        readable = READABLE_TITLE_PX / title_px
        fit = self._fit_zoom()
        self.set_zoom(readable if fit < readable else min(fit, max(readable, 1.0)))
        self._show_top_left()

    def _fit_zoom(self) -> float:
        bounds = self.sceneRect()
        area = self.viewport().rect()
        return min(area.width() / bounds.width(), area.height() / bounds.height())

    def _show_top_left(self) -> None:
        for bar in (self.horizontalScrollBar(), self.verticalScrollBar()):
            bar.setValue(bar.minimum())

    def _zoomed(self) -> None:
        if self._pins is not None:
            self._pins.scene.show_labels(self.zoom >= FAR_OUT)
            self._pin()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if self._pins is not None:
            self._pins.scene.painted()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802
        super().scrollContentsBy(dx, dy)
        self._pin()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._pin()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            self.set_zoom(self.zoom * ZOOM_STEP**steps)
            event.accept()
            return
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier and not event.angleDelta().x():
            self._scroll_sideways(event.angleDelta().y())
            event.accept()
            return
        super().wheelEvent(event)

    def _scroll_sideways(self, delta: int) -> None:
        """Shift+wheel scrolls the map sideways, as in Figma, Miro and the browsers; X11 sends it
        as a vertical turn, which Qt would scroll a page at a time up or down."""
        bar = self.horizontalScrollBar()
        lines = QApplication.wheelScrollLines() * delta / 120
        bar.setValue(bar.value() - round(lines * bar.singleStep()))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and self.scene().focusItem() is None:
            self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
            self.setInteractive(False)
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
            self.setInteractive(True)
            return
        super().keyReleaseEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.MiddleButton:
            self._panning_from = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._panning_from is not None:
            delta = event.position() - self._panning_from
            self._panning_from = event.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - round(delta.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - round(delta.y()))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.MiddleButton and self._panning_from is not None:
            self._panning_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)
