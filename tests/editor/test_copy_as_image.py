"""Edit → Copy as Image: the selected cards' stages and lanes, or the whole map, on the clipboard as
a picture at the slides' resolution (twice a point)."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ElementTree

from PySide6.QtGui import QGuiApplication

from journeymapper.formats.pdf.picture import region_picture

from support import SAMPLES

SAMPLE = next(path for path in SAMPLES if path.name == "year-one-customer-journey.json")
SVG = "{http://www.w3.org/2000/svg}"


def _copy(window):
    action = next(action for action in window.map_actions if action.text() == "Copy as &Image")
    action.trigger()
    return QGuiApplication.clipboard().image()


def _expected(document, cards=()):
    picture = region_picture(document, cards)
    return round(picture.width * 2), round(picture.height * 2)


def test_with_nothing_selected_the_whole_map_is_copied(window, tmp_path):
    shutil.copy(SAMPLE, tmp_path / SAMPLE.name)
    window.open_file(tmp_path / SAMPLE.name)
    window.scene.clearSelection()
    image = _copy(window)
    assert (image.width(), image.height()) == _expected(window.session.document)
    assert image.pixelColor(2, 2).name() == "#ffffff"  # on white, whatever the canvas's theme
    assert window.statusBar().currentMessage().startswith("Copied the map as an image")
    svg = bytes(QGuiApplication.clipboard().mimeData().data("image/svg+xml").data())
    texts = [element.text for element in ElementTree.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")]
    assert "Kickoff call" in texts  # the same picture as SVG, for vector editors


def test_the_selected_cards_stages_and_lanes_are_copied(window, tmp_path):
    shutil.copy(SAMPLE, tmp_path / SAMPLE.name)
    window.open_file(tmp_path / SAMPLE.name)
    document = window.session.document
    chosen = [card.id for card in document.touchpoints()][5:7]
    window.scene.select_cards(chosen)
    image = _copy(window)
    width, height = _expected(document, chosen)
    assert (image.width(), image.height()) == (width, height)
    whole = _expected(document)
    assert width < whole[0] and height < whole[1]


def test_the_copy_carries_the_linked_journeys_numbers_under_their_stages(window):
    window.open_file(SAMPLE)  # beside the maps it links to
    window.scene.clearSelection()
    _copy(window)
    svg = bytes(QGuiApplication.clipboard().mimeData().data("image/svg+xml").data())
    texts = " ".join(element.text or "" for element in ElementTree.fromstring(svg).iter(f"{SVG}text"))
    assert "converts 2.28%" in texts  # the user journey, under Onboarding
