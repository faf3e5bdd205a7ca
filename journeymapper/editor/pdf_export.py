"""File → Export PDF, SVG or PNG…: the options dialog with a preview of the pages, and the PDF export
in a worker thread with progress, so that a big map never freezes the window. SVG and PNG are the
map page alone, quick enough to make at once (``image_bytes``).

The worker exports a snapshot of the map taken when the export starts, so the user can go on
editing while it runs.
"""

from __future__ import annotations

import datetime
import os
import threading
from pathlib import Path
from typing import cast

from PySide6.QtCore import QObject, QRectF, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journeymapper.counting import counted
from journeymapper.editor.raster import SLIDE_DPI, png_bytes, rasterise
from journeymapper.errors import JourneyMapError
from journeymapper.formats import json_format
from journeymapper.formats.pdf import NAMED_SIZES, ExportOptions, PagePlan, export_pdf, plan_pages
from journeymapper.formats.pdf.automatic import Choice, choose_for, paper_sizes
from journeymapper.formats.pdf.options import MM, PageSize
from journeymapper.formats.pdf.picture import page_picture
from journeymapper.formats.pdf.svg import svg_of
from journeymapper.layout import MapLayout
from journeymapper.model import JourneyDocument
from journeymapper.model.links import cached_loader

CUSTOM = "Custom…"
FORMATS = {"pdf": "PDF document", "svg": "SVG image of the map page", "png": "PNG image of the map page"}
FILTERS = {"pdf": "PDF documents (*.pdf)", "svg": "SVG images (*.svg)", "png": "PNG images (*.png)"}
AUTOMATIC = "Automatic"  # the smallest page that prints the map readably, as the command line chooses


class PagePreview(QWidget):
    """The map's cards in miniature with the printed pages drawn over them: the cards as the PDF
    lays them out (its print style), once there is a plan, so that the pages fall where they will."""

    def __init__(self, layout: MapLayout, parent: QWidget | None = None):
        super().__init__(parent)
        self._layout = layout
        self._plan: PagePlan | None = None
        self.setMinimumSize(420, 260)

    def set_plan(self, plan: PagePlan | None) -> None:
        self._plan = plan
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        layout = self._plan.layout if self._plan else self._layout
        bounds = layout.bounds
        scale = min((self.width() - 20) / max(bounds.width, 1), (self.height() - 20) / max(bounds.height, 1))
        painter.translate((self.width() - bounds.width * scale) / 2, (self.height() - bounds.height * scale) / 2)
        painter.scale(scale, scale)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#d7dce5"))
        for card in layout.cards.values():
            painter.drawRect(QRectF(card.rect.x, card.rect.y, card.rect.width, card.rect.height))
        if self._plan is None:
            return
        pen = QPen(QColor("#2f6fed"), 2 / scale)
        painter.setPen(pen)
        painter.setBrush(QColor(47, 111, 237, 25))
        for page in self._plan.pages:
            if page.region is not None:
                region = page.region
                painter.drawRect(QRectF(region.x, region.y, region.width, region.height))


class ExportDialog(QDialog):
    """Page size, orientation, margins, fit or tile, insights, appendix and file; remembered between uses."""

    def __init__(
        self,
        document: JourneyDocument,
        layout: MapLayout,
        settings: QSettings,
        suggested: Path,
        parent: QWidget | None = None,
        source: Path | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle("Export")
        self._document, self._settings = document, settings
        self._source = source  # the map's file: the preview counts the Stages page's links as printed
        self._load = cached_loader(json_format.load)  # the linked maps, read once for every preview
        self.format = QComboBox()
        for key, name in FORMATS.items():
            self.format.addItem(name, key)
        self.dpi = QSpinBox(suffix=" dpi", minimum=36, maximum=600, value=SLIDE_DPI)
        self.dpi.setToolTip(f"Pixels per inch; {SLIDE_DPI} is twice the page's points, sharp on a slide")
        self.page = QComboBox()
        self.page.addItems([AUTOMATIC, *NAMED_SIZES, CUSTOM])
        self._choice: Choice | None = None  # what Automatic chose for the options shown
        self.custom_width, self.custom_height = _millimetres(500), _millimetres(700)
        self.orientation = QComboBox()
        self.orientation.addItems(["Landscape", "Portrait"])
        self.fit = QRadioButton("Fit the whole map on one page")
        self.tile = QRadioButton("Tile a poster across pages at")
        self.scale = QDoubleSpinBox(suffix=" %", minimum=10, maximum=1000, value=100, decimals=0)
        self.margin = _millimetres(12, minimum=0, maximum=100)
        self.insights = QCheckBox("Add an insights page")
        self.appendix = QCheckBox("Add the stages with their links, a touchpoint table and a page per persona")
        self.trim_marks = QCheckBox("Trim marks in the margins, where to cut")
        self.path = QLineEdit(str(suggested))
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._browse)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.preview = PagePreview(layout)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._arrange(browse)
        self._restore()
        for signal in (
            self.page.currentIndexChanged,
            self.orientation.currentIndexChanged,
            self.fit.toggled,
            self.scale.valueChanged,
            self.margin.valueChanged,
            self.insights.toggled,
            self.appendix.toggled,
            self.trim_marks.toggled,
            self.custom_width.valueChanged,
            self.custom_height.valueChanged,
            self.format.currentIndexChanged,
            self.dpi.valueChanged,
        ):
            signal.connect(self.update_preview)
        self.format.currentIndexChanged.connect(self._follow_format)
        self.update_preview()

    def _arrange(self, browse: QPushButton) -> None:
        form = QFormLayout()
        kind = QHBoxLayout()
        kind.addWidget(self.format, 1)
        kind.addWidget(self.dpi)
        form.addRow("Format", kind)
        custom = QHBoxLayout()
        for widget in (self.custom_width, QLabel("×"), self.custom_height):
            custom.addWidget(widget)
        form.addRow("Page", self.page)
        form.addRow("Custom size", custom)
        form.addRow("Orientation", self.orientation)
        form.addRow("Margins", self.margin)
        tiling = QHBoxLayout()
        tiling.addWidget(self.tile)
        tiling.addWidget(self.scale)
        tiling.addStretch()
        form.addRow("Layout", self.fit)
        form.addRow("", tiling)
        form.addRow("", self.insights)  # in the order the pages come: insights, then the appendix
        form.addRow("", self.appendix)
        form.addRow("", self.trim_marks)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        form.addRow("File", where)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.preview, 1)
        column.addWidget(self.summary)
        column.addWidget(self.buttons)

    def options(self) -> ExportOptions:
        """The chosen options; raises ``JourneyMapError`` when they do not make a page."""
        automatic = self.page.currentText() == AUTOMATIC
        if self.page.currentText() == CUSTOM:
            page = PageSize("Custom", self.custom_width.value() * MM, self.custom_height.value() * MM)
        elif automatic:
            page = NAMED_SIZES[paper_sizes(os.environ)[0]]  # the smallest page, to check the margins against
        else:
            page = NAMED_SIZES[self.page.currentText()]
        options = ExportOptions(
            page=page,
            orientation="landscape" if self.orientation.currentIndex() == 0 else "portrait",
            margin=self.margin.value() * MM,
            mode="tile" if self.tile.isChecked() and self.file_format() == "pdf" else "fit",
            scale=self.scale.value() / 100,
            appendix=self.appendix.isChecked() and self.file_format() == "pdf",
            insights=self.insights.isChecked() and self.file_format() == "pdf",
            trim_marks=self.trim_marks.isChecked() and self.file_format() == "pdf",
            date=datetime.datetime.now(datetime.UTC).date(),  # the day in UTC, as the command line takes it
        )
        poster = self.file_format() == "pdf"  # an image is the map page alone, never a poster
        self._choice = choose_for(self._document, options, os.environ, poster) if automatic else None
        return self._choice.options if self._choice else options

    def file_format(self) -> str:
        """``pdf``, ``svg`` or ``png``."""
        return str(self.format.currentData())

    def _follow_format(self) -> None:
        """The file's suffix follows the format chosen."""
        path = self.target()
        self.path.setText(str(path.with_suffix(f".{self.file_format()}")))

    def target(self) -> Path:
        return Path(self.path.text()).expanduser()

    def update_preview(self) -> None:
        custom, automatic = self.page.currentText() == CUSTOM, self.page.currentText() == AUTOMATIC
        self.custom_width.setEnabled(custom)
        self.custom_height.setEnabled(custom)
        paper = self.file_format() == "pdf"
        for widget in (self.insights, self.appendix, self.trim_marks):
            widget.setEnabled(paper)  # an image is the map page alone
        for chosen_for_you in (self.orientation, self.fit, self.tile):
            chosen_for_you.setEnabled(not automatic and (paper or chosen_for_you is self.orientation))
        self.scale.setEnabled(self.tile.isChecked() and paper and not automatic)
        self.dpi.setVisible(self.file_format() == "png")
        try:
            plan = plan_pages(self._document, self.options(), self._source, self._load)
        except JourneyMapError as error:
            self.preview.set_plan(None)
            self.summary.setText(f"<span style='color:#c0392b'>{_escaped(str(error))}</span>")
            self.export_button.setEnabled(False)
            return
        self.preview.set_plan(plan)
        self.export_button.setEnabled(True)
        if not paper:
            self.summary.setText(self._image_summary(plan))
            return
        count = len(plan.pages)
        chose = f" (automatic: {_escaped(self._choice.describe())})" if self._choice else ""
        self.summary.setText(
            f"{counted(count, 'page')}: "
            + _escaped(", ".join(p.title for p in plan.pages[:12]))
            + (" …" if count > 12 else "")
            + chose
        )

    def _image_summary(self, plan: PagePlan) -> str:
        page = plan.pages[0]
        if self.file_format() == "svg":
            return f"1 image: the map page, {page.width / MM:.0f} × {page.height / MM:.0f} mm, text as text"
        pixels = self.dpi.value() / 72
        return f"1 image: the map page, {round(page.width * pixels)} × {round(page.height * pixels)} px"

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export", self.path.text(), FILTERS[self.file_format()])
        if path:
            self.path.setText(path)

    def accept(self) -> None:
        self._remember()
        super().accept()

    def _remember(self) -> None:
        settings = self._settings
        settings.setValue("export/page", self.page.currentText())
        settings.setValue("export/customSize", [self.custom_width.value(), self.custom_height.value()])
        settings.setValue("export/orientation", self.orientation.currentIndex())
        settings.setValue("export/tile", self.tile.isChecked())
        settings.setValue("export/scale", self.scale.value())
        settings.setValue("export/margin", self.margin.value())
        settings.setValue("export/appendix", self.appendix.isChecked())
        settings.setValue("export/insights", self.insights.isChecked())
        settings.setValue("export/format", self.file_format())
        settings.setValue("export/dpi", self.dpi.value())
        settings.setValue("export/trimMarks", self.trim_marks.isChecked())

    def _restore(self) -> None:
        # QSettings.value() is typed object: the numbers below are those _remember() wrote, or
        # their text when the settings are an INI file.
        settings = self._settings
        self.page.setCurrentText(str(settings.value("export/page", AUTOMATIC)))
        size = cast(list[float | str], settings.value("export/customSize", [500, 700]))
        width, height = (float(value) for value in size)
        self.custom_width.setValue(width)
        self.custom_height.setValue(height)
        self.orientation.setCurrentIndex(int(cast(int | str, settings.value("export/orientation", 0))))
        tile = _flag(settings, "export/tile")
        (self.tile if tile else self.fit).setChecked(True)
        self.scale.setValue(float(cast(float | str, settings.value("export/scale", 100))))
        self.margin.setValue(float(cast(float | str, settings.value("export/margin", 12))))
        self.appendix.setChecked(_flag(settings, "export/appendix"))
        self.insights.setChecked(_flag(settings, "export/insights"))
        self.trim_marks.setChecked(_flag(settings, "export/trimMarks"))
        self.dpi.setValue(int(cast(int | str, settings.value("export/dpi", SLIDE_DPI))))
        self.format.setCurrentIndex(max(0, self.format.findData(str(settings.value("export/format", "pdf")))))
        self._follow_format()


def image_bytes(
    document: JourneyDocument, options: ExportOptions, file_format: str, dpi: int, source: Path | None = None
) -> bytes:
    """The map page as an SVG (``svg``) or PNG (``png``) file's bytes; ``source`` is the map's file
    (None while unsaved), for the notes under its linked stages."""
    picture = page_picture(document, options, source)
    return svg_of(picture).data if file_format == "svg" else png_bytes(rasterise(picture, dpi))


def _flag(settings: QSettings, key: str) -> bool:
    """A remembered check box: an INI file gives back the string "true", not a bool."""
    return str(settings.value(key, "false")).lower() == "true"


def _millimetres(value: float, minimum: float = 26, maximum: float = 5000) -> QDoubleSpinBox:
    """A length in mm; by default a page side, from one inch to PDF's limit of 200 inches."""
    return QDoubleSpinBox(suffix=" mm", minimum=minimum, maximum=maximum, value=value, decimals=0)


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _CancelledError(Exception):
    """Raised inside the progress callback to stop an export; no file is written."""


class ExportJob(QObject):
    """One export on a worker thread. ``progress`` reports pages done; ``done`` carries the
    result, ``failed`` a one-line message; ``cancel`` stops it between pages.

    The worker is a plain Python thread that never touches Qt: it leaves its progress and its
    outcome in attributes, and a timer in the GUI thread reads them and emits the signals there.
    """

    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(
        self,
        document: JourneyDocument,
        target: Path,
        options: ExportOptions,
        parent: QObject | None = None,
        source: Path | None = None,
    ):
        super().__init__(parent)
        # A copy, so that edits made while the export runs neither race with it nor leak into it.
        self._snapshot = JourneyDocument.from_file(document.to_file())
        self._target, self._options, self._source = target, options, source
        self._stop = False
        self._pages = (0, 0)
        self._outcome: tuple[str, object] | None = None
        self._worker = threading.Thread(target=self._run, name="pdf-export", daemon=True)
        self._poll = QTimer(self, interval=50)
        self._poll.timeout.connect(self._check)

    def start(self) -> None:
        self._worker.start()
        self._poll.start()

    def cancel(self) -> None:
        self._stop = True

    def wait(self) -> None:
        self._worker.join()

    def _report(self, done: int, total: int) -> None:
        if self._stop:
            raise _CancelledError
        self._pages = (done, total)

    def _run(self) -> None:
        try:
            result = export_pdf(self._snapshot, self._target, self._options, self._report, self._source)
        except _CancelledError:
            self._outcome = ("cancelled", None)
        except JourneyMapError as error:
            self._outcome = ("failed", str(error))
        else:
            self._outcome = ("done", result)

    def _check(self) -> None:
        self.progress.emit(*self._pages)
        if self._outcome is None:
            return
        self._poll.stop()
        self._worker.join()
        kind, value = self._outcome
        if kind == "done":
            self.done.emit(value)
        elif kind == "failed":
            self.failed.emit(value)
        else:
            self.cancelled.emit()
