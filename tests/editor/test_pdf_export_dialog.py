"""File → Export PDF, SVG or PNG…: options with a page preview, and an export that runs beside the window."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox

from journeymapper.editor.pdf_export import AUTOMATIC, CUSTOM, ExportDialog
from journeymapper.formats import json_format

from support import SAMPLES

SAMPLE = next(path for path in SAMPLES if path.name == "shoe-order-business-journey.json")


@pytest.fixture
def opened(window, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: None)
    target = tmp_path / "shoes.json"
    shutil.copy(SAMPLE, target)
    window.open_file(target)
    window.scene.flush()
    return window


def dialog_for(window, tmp_path) -> ExportDialog:
    settings = QSettings(str(tmp_path / "export.ini"), QSettings.Format.IniFormat)
    return ExportDialog(window.session.document, window.scene.layout, settings, tmp_path / "out.pdf", window)


def test_the_dialog_turns_its_fields_into_export_options(opened, tmp_path, qtbot):
    dialog = dialog_for(opened, tmp_path)
    qtbot.addWidget(dialog)
    dialog.page.setCurrentText("A2")
    dialog.orientation.setCurrentIndex(1)
    dialog.tile.setChecked(True)
    dialog.scale.setValue(50)
    dialog.appendix.setChecked(True)
    options = dialog.options()
    assert (options.page.name, options.page_size[0] < options.page_size[1]) == ("A2", True)
    assert (options.mode, options.scale, options.appendix) == ("tile", 0.5, True)


def test_the_preview_counts_the_pages_and_shows_where_the_map_falls(opened, tmp_path, qtbot):
    dialog = dialog_for(opened, tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.summary.text().startswith("1 page: Map")
    dialog.page.setCurrentText("A4")
    dialog.tile.setChecked(True)
    pages = int(dialog.summary.text().split()[0])
    assert pages > 2
    assert sum(page.region is not None for page in dialog.preview._plan.pages) >= 2


def test_an_impossible_page_is_explained_and_export_is_disabled(opened, tmp_path, qtbot):
    dialog = dialog_for(opened, tmp_path)
    qtbot.addWidget(dialog)
    dialog.page.setCurrentText(CUSTOM)
    dialog.custom_width.setValue(30)
    dialog.margin.setValue(100)
    assert not dialog.export_button.isEnabled()
    assert "margin" in dialog.summary.text()


def test_the_options_are_remembered_for_the_next_export(opened, tmp_path, qtbot):
    first = dialog_for(opened, tmp_path)
    first.page.setCurrentText("Letter")
    first.appendix.setChecked(True)
    first.accept()
    second = dialog_for(opened, tmp_path)
    assert second.page.currentText() == "Letter" and second.appendix.isChecked()


def test_exporting_runs_in_the_background_and_writes_the_pdf(opened, tmp_path, qtbot):
    dialog = dialog_for(opened, tmp_path)
    target = tmp_path / "out.pdf"
    opened.start_export(target, dialog.options())
    qtbot.waitUntil(lambda: opened._export is None, timeout=60_000)
    assert len(PdfReader(target).pages) == 1
    assert opened.statusBar().currentMessage().startswith(f"Exported 1 page to {target}")
    assert opened.export_action.isEnabled()


def test_a_cancelled_export_leaves_no_file(opened, tmp_path, qtbot):
    dialog = dialog_for(opened, tmp_path)
    dialog.appendix.setChecked(True)
    target = tmp_path / "cancelled.pdf"
    job = opened.start_export(target, dialog.options())
    job.cancel()
    qtbot.waitUntil(lambda: opened._export is None, timeout=60_000)
    assert not target.exists()
    assert opened.statusBar().currentMessage() == "Export cancelled; no file was written"


def test_an_unwritable_target_is_reported(opened, tmp_path, qtbot):
    dialog = dialog_for(opened, tmp_path)
    opened.start_export(tmp_path / "missing" / "out.pdf", dialog.options())
    qtbot.waitUntil(lambda: opened._export is None, timeout=60_000)
    assert "cannot write" in opened.statusBar().currentMessage()


def test_the_insights_box_adds_the_page_and_is_remembered(opened, tmp_path, qtbot):
    first = dialog_for(opened, tmp_path)
    qtbot.addWidget(first)
    assert not first.insights.isChecked() and not first.options().insights
    first.insights.setChecked(True)
    assert first.options().insights
    assert "Insights" in first.summary.text()
    first.accept()
    second = dialog_for(opened, tmp_path)
    qtbot.addWidget(second)
    assert second.insights.isChecked() and not second.appendix.isChecked()


def test_svg_and_png_are_the_map_page_alone(opened, tmp_path, qtbot):
    dialog = dialog_for(opened, tmp_path)
    qtbot.addWidget(dialog)
    dialog.appendix.setChecked(True)
    dialog.format.setCurrentIndex(dialog.format.findData("png"))
    assert dialog.target().suffix == ".png"
    assert not dialog.appendix.isEnabled() and not dialog.options().appendix
    dialog.page.setCurrentText("A4")
    dialog.dpi.setValue(72)
    assert dialog.summary.text() == "1 image: the map page, 842 × 595 px"
    dialog.format.setCurrentIndex(dialog.format.findData("svg"))
    assert dialog.target().suffix == ".svg" and "297 × 210 mm" in dialog.summary.text()


def test_the_editor_writes_svg_and_png(opened, tmp_path, qtbot):
    dialog = dialog_for(opened, tmp_path)
    qtbot.addWidget(dialog)
    options = dialog.options()
    opened.export_image(tmp_path / "map.svg", options, "svg", 144)
    root = ElementTree.parse(tmp_path / "map.svg").getroot()
    texts = "".join(element.text or "" for element in root.iter("{http://www.w3.org/2000/svg}text"))
    assert opened.session.document.title.split()[0] in texts
    opened.export_image(tmp_path / "map.png", options, "png", 36)
    image = QImage(str(tmp_path / "map.png"))
    width, height = options.page_size
    assert (image.width(), image.height()) == (round(width / 2), round(height / 2))
    assert opened.statusBar().currentMessage() == f"Exported the map page as PNG to {tmp_path / 'map.png'}"


def test_the_format_is_remembered(opened, tmp_path, qtbot):
    first = dialog_for(opened, tmp_path)
    first.format.setCurrentIndex(first.format.findData("png"))
    first.dpi.setValue(300)
    first.accept()
    second = dialog_for(opened, tmp_path)
    qtbot.addWidget(second)
    assert (second.file_format(), second.dpi.value(), second.target().suffix) == ("png", 300, ".png")


def test_automatic_is_the_first_and_default_page_and_chooses_as_the_command_line_does(opened, tmp_path, qtbot,
                                                                                         monkeypatch):  # fmt: skip
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    for key in ("LC_ALL", "LC_PAPER"):
        monkeypatch.delenv(key, raising=False)
    dialog = dialog_for(opened, tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.page.itemText(0) == AUTOMATIC == dialog.page.currentText()
    options = dialog.options()
    assert (options.describe_page(), options.mode) == ("A2 landscape", "fit")  # the shoe order is the widest sample
    summary = dialog.summary.text()
    assert summary.startswith("1 page: Map") and "automatic: chose A2 landscape so that the smallest text" in summary
    assert not (dialog.orientation.isEnabled() or dialog.tile.isEnabled() or dialog.scale.isEnabled())
    dialog.page.setCurrentText("A3")
    assert dialog.orientation.isEnabled() and dialog.tile.isEnabled()
    assert "automatic" not in dialog.summary.text()


def test_trim_marks_are_offered_and_remembered(opened, tmp_path, qtbot):
    first = dialog_for(opened, tmp_path)
    qtbot.addWidget(first)
    assert not first.trim_marks.isChecked() and not first.options().trim_marks
    first.trim_marks.setChecked(True)
    assert first.options().trim_marks
    first.accept()
    second = dialog_for(opened, tmp_path)
    qtbot.addWidget(second)
    assert second.trim_marks.isChecked()


def test_the_preview_reads_each_linked_map_once_however_often_the_options_change(window, tmp_path, qtbot,
                                                                                  monkeypatch):  # fmt: skip
    customer = next(path for path in SAMPLES if path.name == "year-one-customer-journey.json")
    window.open_file(customer)  # beside the maps its stages link to
    read: list[str] = []
    original = json_format.load
    monkeypatch.setattr(json_format, "load", lambda path: read.append(Path(path).name) or original(path))
    settings = QSettings(str(tmp_path / "export.ini"), QSettings.Format.IniFormat)
    dialog = ExportDialog(window.session.document, window.scene.layout, settings, tmp_path / "out.pdf", window,
                          source=customer)  # fmt: skip
    qtbot.addWidget(dialog)
    for margin in (10, 14, 18):
        dialog.margin.setValue(margin)
    dialog.appendix.setChecked(True)
    assert sorted(read) == ["first-report-user-journey.json", "shoe-order-business-journey.json"]
