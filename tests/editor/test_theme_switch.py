"""The editor follows the system switching between light and dark while it runs: the canvas, the
palette dock and the inspector restyle, and the map itself is not touched (a switch is no edit)."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette

from journeymapper.editor.inspector import style
from journeymapper.editor.items import Themed
from journeymapper.editor.overlays import BROKEN_LINK
from journeymapper.editor.theme import DARK, LIGHT, current_theme, theme_switch
from journeymapper.formats.json_format import dumps

from support import SAMPLES

DARK_WINDOW = QColor("#323232")  # the window colour of Fusion's dark palette


@pytest.fixture
def system(qapp, qtbot):
    """Switches the system's scheme the way Qt reports it: ``colorSchemeChanged`` first, the new
    application palette after it (the offscreen platform has no scheme of its own to switch).
    Light again afterwards, for the other tests."""

    def switch(dark: bool) -> None:
        with qtbot.waitSignal(theme_switch().changed, timeout=2000):
            qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light)
            qapp.setPalette(QPalette(DARK_WINDOW) if dark else QPalette())  # QPalette(): the platform's own

    yield switch
    qapp.setPalette(QPalette())
    theme_switch().follow_palette()


def main_colour(scene, area: QRectF) -> str:
    """The colour covering most of ``area`` of the scene, rendered at 100%, as #rrggbb."""
    image = QImage(round(area.width()), round(area.height()), QImage.Format.Format_RGB32)
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), area)
    painter.end()
    pixels = Counter(image.pixel(x, y) for x in range(image.width()) for y in range(image.height()))
    return QColor.fromRgb(pixels.most_common(1)[0][0]).name()


def test_the_theme_follows_the_palette_qt_updates_after_announcing_the_scheme(system):
    assert current_theme() is LIGHT
    system(dark=True)
    assert current_theme() is DARK
    system(dark=False)
    assert current_theme() is LIGHT


def test_a_scheme_announcement_that_leaves_the_palette_alone_changes_nothing(qapp, qtbot):
    with qtbot.assertNotEmitted(theme_switch().changed, wait=50):
        qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert current_theme() is LIGHT


def test_the_canvas_repaints_in_the_dark_without_an_edit(canvas, system):
    scene, session = canvas.scene(), canvas.scene().session
    scene.select_cards(["compare"])
    saved, steps = dumps(session.document), session.undo_stack.count()
    bounds = scene.layout.bounds
    outside = QRectF(bounds.x - 150, bounds.y - 150, 40, 40)
    card = scene.cards["search"].sceneBoundingRect()
    assert main_colour(scene, outside) == LIGHT.background.name()
    assert main_colour(scene, card) == LIGHT.card_fill.name()

    system(dark=True)

    assert main_colour(scene, outside) == DARK.background.name()
    assert main_colour(scene, card) == DARK.card_fill.name()
    assert scene.theme is DARK
    assert all(item._theme is DARK for item in scene.items() if isinstance(item, Themed))
    assert dumps(session.document) == saved
    assert session.undo_stack.count() == steps and not session.modified
    assert scene.selected_card_ids() == ["compare"]


def test_a_title_being_edited_in_place_turns_dark_too(canvas, system):
    scene = canvas.scene()
    editor = scene.rename(scene.cards["search"])
    system(dark=True)
    assert editor.defaultTextColor() == DARK.card_text


def test_the_emotion_curve_and_its_legend_take_the_new_pen(canvas, system):
    scene = canvas.scene()
    system(dark=True)
    assert scene.curve.main_pen.color() == DARK.header_text
    assert scene.legend.names == ["All cards", "Bea"]
    assert scene.legend._rows[0][0].color() == DARK.header_text


def test_a_link_badge_is_recoloured(canvas, system):
    scene = canvas.scene()
    scene.document.update_stage("browse", links=({"path": "elsewhere.json", "map_id": "elsewhere"},))
    scene.flush()
    badge = scene.stage_headers["browse"].link_badge
    assert badge.broken  # an unsaved map cannot resolve its links
    inside = badge.mapRectToScene(badge.rect).adjusted(3, 3, -3, -3)
    assert main_colour(scene, inside) == LIGHT.tint(BROKEN_LINK.name(), 0.14).name()
    system(dark=True)
    assert main_colour(scene, inside) == DARK.tint(BROKEN_LINK.name(), 0.14).name()


def test_the_window_restyles_its_palette_dock_and_inspector(window, system):
    assert window.open_file(SAMPLES[0])
    card_id = next(iter(window.scene.cards))
    window.scene.select_cards([card_id])
    window.inspector.refresh()
    emotion_none = window.inspector.card_page.emotion_field.segments.buttons[None]
    swatch = window.inspector.lane_page.colour.swatches[None]
    glyph = window.palette_dock.list.item(0).icon().pixmap(20, 20).toImage()
    assert glyph.pixelColor(10, 10) == LIGHT.card_fill
    steps = window.session.undo_stack.count()

    system(dark=True)

    assert window.palette_dock.list.item(0).icon().pixmap(20, 20).toImage().pixelColor(10, 10) == DARK.card_fill
    assert style.DARK.text in window.inspector.stack.styleSheet()
    assert style.LIGHT.text not in window.inspector.stack.styleSheet()
    assert f"background: {style.DARK.base}" in emotion_none.styleSheet()
    assert f"stop:0 {style.DARK.base}" in swatch.styleSheet()
    assert window.scene.backgroundBrush().color() == DARK.background
    assert window.session.undo_stack.count() == steps and not window.session.modified
    assert window.inspector.page is window.inspector.card_page and window.inspector.page.target == card_id


def test_the_insights_dock_rebuilds_its_findings_in_the_new_colours(window, system, qtbot):
    assert window.open_file(SAMPLES[0])
    window.insights.raise_()
    qtbot.waitUntil(lambda: window.insights_list.showing and not window.insights_list._stale)
    counts = window.insights_list.tree.topLevelItem(0)
    assert counts.foreground(1).color().name() in (style.LIGHT.muted, style.LIGHT.error)

    system(dark=True)

    assert f"color: {style.DARK.text}" in window.insights_list.summary.styleSheet()
    qtbot.waitUntil(lambda: window.insights_list.tree.topLevelItem(0) is not counts)
    counts = window.insights_list.tree.topLevelItem(0)
    assert counts.foreground(1).color().name() in (style.DARK.muted, style.DARK.error)
    assert window.insights_list._delegate.muted.name() == style.DARK.muted


def test_a_scene_no_longer_shown_stops_following(canvas, system):
    scene = canvas.scene()
    scene.detach()
    system(dark=True)
    assert scene.theme is LIGHT


def test_the_portfolio_dock_redraws_in_the_new_colours(window, system, qtbot):
    assert window.open_file(SAMPLES[0])
    dock = window.portfolio
    dock.show()
    qtbot.waitUntil(lambda: dock.portfolio is not None and not dock.scanning)
    path_cell = dock.view.maps_table.item(0, dock.view.maps_table.columnCount() - 1)
    assert path_cell.foreground().color().name() == style.LIGHT.muted

    system(dark=True)

    path_cell = dock.view.maps_table.item(0, dock.view.maps_table.columnCount() - 1)
    assert path_cell.foreground().color().name() == style.DARK.muted
    assert style.DARK.muted in dock.view.summary.text()
