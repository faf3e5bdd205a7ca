"""The Portfolio dock: every map in the open map's folder, the links between them, and the
customer-journey stages with no user or business journey linked behind them. Maps whose id another
file in the folder also holds are marked in the Maps tab, with what to do in the tooltip.

The folder is scanned (``scan_portfolio``) when the dock is shown, when the open map moves to
another folder while it is shown, and when Refresh is pressed; never on edits, since the scan
reads files and the open map's unsaved changes are not in them. The scan runs on a worker thread
so that a big folder does not freeze the window; a scan that a newer one overtook is dropped.
Double-clicking a row opens the map the row names.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journeymapper.editor.inspector.style import palette
from journeymapper.editor.linking import KIND_NAMES
from journeymapper.editor.session import MapSession
from journeymapper.editor.theme import theme_switch
from journeymapper.errors import JourneyMapError
from journeymapper.model import MapKind
from journeymapper.model.links import LinkStatus

if TYPE_CHECKING:
    from journeymapper.portfolio import DuplicateId, MapSummary, Portfolio

FILE = Qt.ItemDataRole.UserRole
"""The first cell of a row keeps the absolute path of the map the row opens."""
KIND_COLOURS = {
    MapKind.CUSTOMER: "#4477aa",
    MapKind.USER: "#228833",
    MapKind.BUSINESS: "#cc7a00",
    MapKind.SERVICE_BLUEPRINT: "#aa3377",
}


SHARED_ID_REMEDY = (
    "Give all but one of them a new id: open the map and choose New id… on the Inspector's "
    "Map page, save it, then Refresh.\nLinks that mean the map you changed show as broken "
    "(id mismatch) until their map id is changed to match."
)


def _shared_id_tooltip(duplicate: DuplicateId, path: str) -> str:
    """Why the map at ``path`` is marked, and what to do about it."""
    others = ", ".join(file for file in duplicate.files if file != path)
    return (
        f"Map id {duplicate.id!r} is also the id of {others}.\nA link names a file and the id of the map "
        f"in it, so with copies under one id, the id no longer says which map a link means.\n{SHARED_ID_REMEDY}"
    )


class _Relay(QObject):
    """Carries a finished scan from the worker thread to the window's thread."""

    finished = Signal(int, object)


def _dot(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(2, 2, 8, 8)
    painter.end()
    return QIcon(pixmap)


def _duplicate_ids(count: int) -> str:
    return f"{count} duplicate id{'s' if count != 1 else ''}"


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setShowGrid(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.horizontalHeader().setHighlightSections(False)
    table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # in scan order until asked
    return table


def _cell(
    text: str, tooltip: str = "", colour: QColor | None = None, bold: bool = False, number: bool = False
) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if number:
        item.setData(Qt.ItemDataRole.DisplayRole, int(text))
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if tooltip:
        item.setToolTip(tooltip)
    if colour is not None:
        item.setForeground(QBrush(colour))
    if bold:
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
    return item


class PortfolioDock(QDockWidget):
    open_requested = Signal(Path)

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Portfolio", parent)
        self.setObjectName("portfolio")
        self.folder: Path | None = None
        self.map_file: Path | None = None
        self.portfolio: Portfolio | None = None
        self.error: str | None = None
        self.scanning = False
        self.showing = False
        """On screen (``visibilityChanged``): not closed, and the current tab if docks are tabbed."""
        self._session: MapSession | None = None
        self._scanned_folder: Path | None = None
        self._generation = 0
        self._relay = _Relay(self)
        self._relay.finished.connect(self._finished)
        self._good = QColor("#2e7d32")
        self._take_colours()
        theme_switch().changed.connect(self.restyle)
        self._icons = {kind: _dot(colour) for kind, colour in KIND_COLOURS.items()}

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(6, 4, 6, 6)
        column.setSpacing(4)
        bar = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("portfolioSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        bar.addWidget(self.summary, 1)
        self.refresh_button = QToolButton()
        self.refresh_button.setObjectName("portfolioRefresh")
        self.refresh_button.setText("Refresh")
        self.refresh_button.setToolTip("Scan the folder again")
        self.refresh_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_BrowserReload))
        self.refresh_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.refresh_button.clicked.connect(self.refresh)
        bar.addWidget(self.refresh_button)
        column.addLayout(bar)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.maps_table = _table(["Kind", "Title", "Stages", "Touchpoints", "Changed", "File"])
        self.links_table = _table(["From", "Link on", "To", "Status"])
        self.coverage_table = _table(["Customer journey", "Stage", "Linked behind it"])
        for table in (self.maps_table, self.links_table, self.coverage_table):
            table.cellDoubleClicked.connect(lambda row, _column, table=table: self._open_row(table, row))
        self.tabs.addTab(self.maps_table, "Maps")
        self.tabs.addTab(self.links_table, "Links")
        self.tabs.addTab(self.coverage_table, "Coverage")
        column.addWidget(self.tabs)
        self.setWidget(body)
        self.visibilityChanged.connect(self._shown)
        self._show()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(900, 260)

    # -- which folder -------------------------------------------------------------------------

    def set_session(self, session: MapSession | None) -> None:
        """Follow the open map: its folder is the portfolio (a new, unsaved map has none)."""
        if self._session is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self._session.state_changed.disconnect(self._path_changed)
        self._session = session
        if session is not None:
            session.state_changed.connect(self._path_changed)
        self._path_changed()

    def _path_changed(self) -> None:
        path = self._session.path if self._session is not None else None
        self.map_file = path
        folder = path.parent if path is not None else None
        if folder != self.folder:
            self.folder = folder
            self.portfolio, self.error = None, None
            self._generation += 1  # a scan of the old folder still running is of no use now: dropped
            self.scanning = False
            if self.showing:
                self.refresh()
            else:
                self._show()
        else:
            self._show()  # the same folder: only which row is the open map may change

    def _shown(self, visible: bool) -> None:
        self.showing = visible
        if visible and self.folder is not None and self._scanned_folder != self.folder and not self.scanning:
            self.refresh()

    # -- scanning -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Scan the folder again, on a worker thread; ``portfolio`` is set when it is done."""
        if self.folder is None:
            self._show()
            return
        self._generation += 1
        generation, folder, relay = self._generation, self.folder, self._relay
        # Here, not at the top, so that the editor's first frame waits for none of it; and in this
        # thread, not the scanning one.
        from journeymapper.portfolio import scan_portfolio

        self.scanning = True
        self._show()

        def scan() -> None:
            try:
                result: Portfolio | str = scan_portfolio(folder)
            except (JourneyMapError, OSError) as error:
                result = str(error)
            with contextlib.suppress(RuntimeError):  # the window closed while scanning
                relay.finished.emit(generation, (folder, result))

        threading.Thread(target=scan, name="portfolio-scan", daemon=True).start()

    def _finished(self, generation: int, outcome: tuple[Path, Portfolio | str]) -> None:
        if generation != self._generation:
            return  # overtaken by a newer scan
        folder, result = outcome
        self.scanning = False
        self._scanned_folder = folder
        self.portfolio, self.error = (None, result) if isinstance(result, str) else (result, None)
        self._show()

    # -- showing ------------------------------------------------------------------------------

    def restyle(self) -> None:
        """Redraw in the palette's colours (the system switched light or dark)."""
        self._take_colours()
        self._show()

    def _take_colours(self) -> None:
        colours = palette()
        self._bad, self._muted = QColor(colours.error), QColor(colours.muted)

    def _show(self) -> None:
        muted = palette().muted
        if self.folder is None:
            self.summary.setText(
                f"<span style='color:{muted}'>Save the map to see the other maps in its folder.</span>"
            )
        elif self.scanning and self.portfolio is None:
            self.summary.setText(f"<b>{self.folder.name}</b> <span style='color:{muted}'>· scanning…</span>")
        elif self.error is not None:
            self.summary.setText(
                f"<b>{self.folder.name}</b> <span style='color:{palette().error}'>· {self.error}</span>"
            )
        self.refresh_button.setEnabled(self.folder is not None)
        portfolio = self.portfolio
        self._fill_maps(portfolio)
        self._fill_links(portfolio)
        self._fill_coverage(portfolio)
        if portfolio is None:
            for number, title in enumerate(("Maps", "Links", "Coverage")):
                self.tabs.setTabText(number, title)
            return
        broken, gaps, shared = len(portfolio.broken_links), len(portfolio.gaps), len(portfolio.duplicates)
        self.tabs.setTabText(0, f"Maps ({len(portfolio.maps)}" + (f", {_duplicate_ids(shared)})" if shared else ")"))
        self.tabs.setTabText(1, f"Links ({len(portfolio.links)}" + (f", {broken} broken)" if broken else ")"))
        self.tabs.setTabText(2, f"Coverage ({gaps} gap{'s' if gaps != 1 else ''})")
        error = palette().error
        parts = [
            f"{len(portfolio.maps)} map{'s' if len(portfolio.maps) != 1 else ''}",
            f"{len(portfolio.links)} link{'s' if len(portfolio.links) != 1 else ''}",
        ]
        if broken:
            parts.append(f"<span style='color:{error}'>{broken} broken</span>")
        if portfolio.unreadable:
            parts.append(f"<span style='color:{error}'>{len(portfolio.unreadable)} unreadable</span>")
        if shared:
            parts.append(f"<span style='color:{error}'>{_duplicate_ids(shared)}</span>")
        parts.append(
            f"<span style='color:{error if gaps else muted}'>{gaps} coverage gap{'s' if gaps != 1 else ''}</span>"
        )
        scanning = f" <span style='color:{muted}'>· scanning…</span>" if self.scanning else ""
        assert self.folder is not None  # a portfolio is only kept for the folder shown (_path_changed)
        self.summary.setText(
            f"<b>{self.folder.name}/</b> <span style='color:{muted}'>·</span> " + " · ".join(parts) + scanning
        )
        self.summary.setToolTip(str(self.folder))

    def _path(self, relative: str) -> Path:
        return Path(self.portfolio.folder) / relative  # type: ignore[union-attr]

    def _is_open(self, relative: str) -> bool:
        return self.map_file is not None and self._path(relative).resolve() == self.map_file.resolve()

    def _fill_maps(self, portfolio: Portfolio | None) -> None:
        table = self.maps_table
        table.setSortingEnabled(False)
        table.setRowCount(0)
        if portfolio is not None:
            table.setRowCount(len(portfolio.maps) + len(portfolio.unreadable))
            shared = {duplicate.id: duplicate for duplicate in portfolio.duplicates}
            for row, summary in enumerate(portfolio.maps):
                is_open = self._is_open(summary.path)
                kind = _cell(KIND_NAMES[summary.kind].capitalize(), bold=is_open)
                kind.setIcon(self._icons[summary.kind])
                kind.setData(FILE, str(self._path(summary.path)))
                cells = [
                    kind,
                    self._title(summary, is_open, shared.get(summary.id)),
                    _cell(str(summary.stages), number=True),
                    _cell(str(summary.touchpoints), number=True),
                    _cell(summary.changed),
                    _cell(summary.path, colour=self._muted),
                ]
                for number, cell in enumerate(cells):
                    table.setItem(row, number, cell)
            for row, unreadable in enumerate(portfolio.unreadable, start=len(portfolio.maps)):
                cells = [
                    _cell("Unreadable", colour=self._bad),
                    _cell(unreadable.error, unreadable.error, self._bad),
                    _cell(""),
                    _cell(""),
                    _cell(""),
                    _cell(unreadable.path, colour=self._muted),
                ]
                for number, cell in enumerate(cells):
                    table.setItem(row, number, cell)
        self._finish(table, stretch=1)

    def _title(self, summary: MapSummary, is_open: bool, duplicate: DuplicateId | None) -> QTableWidgetItem:
        text = summary.title + ("  (open)" if is_open else "")
        if duplicate is None:
            return _cell(text, summary.id, bold=is_open)
        return _cell(text + "  (duplicate id)", _shared_id_tooltip(duplicate, summary.path), self._bad, bold=True)

    def _fill_links(self, portfolio: Portfolio | None) -> None:
        table = self.links_table
        table.setSortingEnabled(False)
        table.setRowCount(0)
        if portfolio is not None:
            table.setRowCount(len(portfolio.links))
            for row, link in enumerate(portfolio.links):
                ok = link.status == LinkStatus.OK
                source = _cell(link.source)
                source.setData(FILE, str(self._path(link.source)))
                where = _cell(f"{link.origin.kind}: {link.origin.name}", colour=None)
                status = _cell(
                    "ok" if ok else f"broken: {link.status}",
                    link.detail or "The link arrives",
                    self._good if ok else self._bad,
                    bold=not ok,
                )
                for number, cell in enumerate([source, where, _cell(link.target), status]):
                    table.setItem(row, number, cell)
        self._finish(table, stretch=1)

    def _fill_coverage(self, portfolio: Portfolio | None) -> None:
        table = self.coverage_table
        table.setSortingEnabled(False)
        table.setRowCount(0)
        if portfolio is not None:
            table.setRowCount(len(portfolio.coverage))
            for row, stage in enumerate(portfolio.coverage):
                source = _cell(stage.map)
                source.setData(FILE, str(self._path(stage.map)))
                linked = (
                    _cell(", ".join(stage.linked))
                    if stage.linked
                    else _cell("gap: no user or business journey linked", colour=self._bad, bold=True)
                )
                for number, cell in enumerate([source, _cell(stage.stage), linked]):
                    table.setItem(row, number, cell)
        self._finish(table, stretch=2)

    def _finish(self, table: QTableWidget, stretch: int) -> None:
        header = table.horizontalHeader()
        for number in range(table.columnCount()):
            header.setSectionResizeMode(
                number, QHeaderView.ResizeMode.Stretch if number == stretch else QHeaderView.ResizeMode.ResizeToContents
            )
        table.setSortingEnabled(True)

    def _open_row(self, table: QTableWidget, row: int) -> None:
        first = table.item(row, 0)
        path = first.data(FILE) if first is not None else None
        if path:
            self.open_requested.emit(Path(path))
