"""What the Portfolio dock shows: a summary of the folder with a Refresh button, and the folder's
maps, the links between them and the customer stages' coverage in a table each.

Built when the dock is first shown (``PortfolioDock``), not at start-up: the dock starts hidden.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
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

from journeymapper.counting import counted
from journeymapper.editor.inspector.style import palette
from journeymapper.editor.linking import KIND_NAMES
from journeymapper.editor.theme import theme_switch
from journeymapper.model import MapKind
from journeymapper.model.links import LinkStatus

if TYPE_CHECKING:
    from journeymapper.editor.portfolio_dock import PortfolioDock
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


def _show_rows(table: QTableWidget, rows: list[list[QTableWidgetItem]], stretch: int) -> None:
    """Fill ``table`` with ``rows`` (sorting off meanwhile, so that rows stay where they are put),
    the column ``stretch`` taking the width the others leave, then sort as the person last chose."""
    table.setSortingEnabled(False)
    table.setRowCount(0)  # no item of the last fill stays behind
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for number, cell in enumerate(cells):
            table.setItem(row, number, cell)
    header = table.horizontalHeader()
    for number in range(table.columnCount()):
        header.setSectionResizeMode(
            number, QHeaderView.ResizeMode.Stretch if number == stretch else QHeaderView.ResizeMode.ResizeToContents
        )
    table.setSortingEnabled(True)


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


class PortfolioView(QWidget):
    """The dock's body; it shows the dock's state (``present``) and asks the dock to scan again or
    to open a map."""

    def __init__(self, dock: PortfolioDock):
        super().__init__()
        self._dock = dock
        self._good = QColor("#2e7d32")
        self._take_colours()
        theme_switch().changed.connect(self.restyle)
        self._icons = {kind: _dot(colour) for kind, colour in KIND_COLOURS.items()}
        column = QVBoxLayout(self)
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
        self.refresh_button.clicked.connect(dock.refresh)
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
        self.present()

    def restyle(self) -> None:
        """Redraw in the palette's colours (the system switched light or dark)."""
        self._take_colours()
        self.present()

    def _take_colours(self) -> None:
        colours = palette()
        self._bad, self._muted = QColor(colours.error), QColor(colours.muted)

    def present(self) -> None:
        """Show the dock's state: its folder, and the portfolio scanned in it or why there is none."""
        dock = self._dock
        muted = palette().muted
        if dock.folder is None:
            self.summary.setText(
                f"<span style='color:{muted}'>Save the map to see the other maps in its folder.</span>"
            )
        elif dock.scanning and dock.portfolio is None:
            self.summary.setText(f"<b>{dock.folder.name}</b> <span style='color:{muted}'>· scanning…</span>")
        elif dock.error is not None:
            self.summary.setText(
                f"<b>{dock.folder.name}</b> <span style='color:{palette().error}'>· {dock.error}</span>"
            )
        self.refresh_button.setEnabled(dock.folder is not None)
        portfolio = dock.portfolio
        self._fill_maps(portfolio)
        self._fill_links(portfolio)
        self._fill_coverage(portfolio)
        if portfolio is None:
            for number, title in enumerate(("Maps", "Links", "Coverage")):
                self.tabs.setTabText(number, title)
            return
        broken, gaps, shared = len(portfolio.broken_links), len(portfolio.gaps), len(portfolio.duplicates)
        duplicates = counted(shared, "duplicate id")
        self.tabs.setTabText(0, f"Maps ({len(portfolio.maps)}" + (f", {duplicates})" if shared else ")"))
        self.tabs.setTabText(1, f"Links ({len(portfolio.links)}" + (f", {broken} broken)" if broken else ")"))
        self.tabs.setTabText(2, f"Coverage ({counted(gaps, 'gap')})")
        error = palette().error
        parts = [
            counted(len(portfolio.maps), "map"),
            counted(len(portfolio.links), "link"),
        ]
        if broken:
            parts.append(f"<span style='color:{error}'>{broken} broken</span>")
        if portfolio.unreadable:
            parts.append(f"<span style='color:{error}'>{len(portfolio.unreadable)} unreadable</span>")
        if shared:
            parts.append(f"<span style='color:{error}'>{duplicates}</span>")
        parts.append(f"<span style='color:{error if gaps else muted}'>{counted(gaps, 'coverage gap')}</span>")
        scanning = f" <span style='color:{muted}'>· scanning…</span>" if dock.scanning else ""
        assert dock.folder is not None  # a portfolio is only kept for the folder shown (_path_changed)
        self.summary.setText(
            f"<b>{dock.folder.name}/</b> <span style='color:{muted}'>·</span> " + " · ".join(parts) + scanning
        )
        self.summary.setToolTip(str(dock.folder))

    def _path(self, relative: str) -> Path:
        return Path(self._dock.portfolio.folder) / relative  # type: ignore[union-attr]

    def _is_open(self, relative: str) -> bool:
        map_file = self._dock.map_file
        return map_file is not None and self._path(relative).resolve() == map_file.resolve()

    def _fill_maps(self, portfolio: Portfolio | None) -> None:
        rows: list[list[QTableWidgetItem]] = []
        if portfolio is not None:
            shared = {duplicate.id: duplicate for duplicate in portfolio.duplicates}
            rows += [self._map_row(summary, shared.get(summary.id)) for summary in portfolio.maps]
            rows += [
                [
                    _cell("Unreadable", colour=self._bad),
                    _cell(unreadable.error, unreadable.error, self._bad),
                    _cell(""),
                    _cell(""),
                    _cell(""),
                    _cell(unreadable.path, colour=self._muted),
                ]
                for unreadable in portfolio.unreadable
            ]
        _show_rows(self.maps_table, rows, stretch=1)

    def _map_row(self, summary: MapSummary, duplicate: DuplicateId | None) -> list[QTableWidgetItem]:
        is_open = self._is_open(summary.path)
        kind = _cell(KIND_NAMES[summary.kind].capitalize(), bold=is_open)
        kind.setIcon(self._icons[summary.kind])
        kind.setData(FILE, str(self._path(summary.path)))
        return [
            kind,
            self._title(summary, is_open, duplicate),
            _cell(str(summary.stages), number=True),
            _cell(str(summary.touchpoints), number=True),
            _cell(summary.changed),
            _cell(summary.path, colour=self._muted),
        ]

    def _title(self, summary: MapSummary, is_open: bool, duplicate: DuplicateId | None) -> QTableWidgetItem:
        text = summary.title + ("  (open)" if is_open else "")
        if duplicate is None:
            return _cell(text, summary.id, bold=is_open)
        return _cell(text + "  (duplicate id)", _shared_id_tooltip(duplicate, summary.path), self._bad, bold=True)

    def _fill_links(self, portfolio: Portfolio | None) -> None:
        rows: list[list[QTableWidgetItem]] = []
        for link in portfolio.links if portfolio is not None else ():
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
            rows.append([source, where, _cell(link.target), status])
        _show_rows(self.links_table, rows, stretch=1)

    def _fill_coverage(self, portfolio: Portfolio | None) -> None:
        rows: list[list[QTableWidgetItem]] = []
        for stage in portfolio.coverage if portfolio is not None else ():
            source = _cell(stage.map)
            source.setData(FILE, str(self._path(stage.map)))
            linked = (
                _cell(", ".join(stage.linked))
                if stage.linked
                else _cell("gap: no user or business journey linked", colour=self._bad, bold=True)
            )
            rows.append([source, _cell(stage.stage), linked])
        _show_rows(self.coverage_table, rows, stretch=2)

    def _open_row(self, table: QTableWidget, row: int) -> None:
        first = table.item(row, 0)
        path = first.data(FILE) if first is not None else None
        if path:
            self._dock.open_requested.emit(Path(path))
