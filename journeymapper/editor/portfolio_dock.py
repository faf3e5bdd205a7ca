"""The Portfolio dock: every map in the open map's folder, the links between them, and the
customer-journey stages with no user or business journey linked behind them. Maps whose id another
file in the folder also holds are marked in the Maps tab, with what to do in the tooltip.

The folder is scanned (``scan_portfolio``) when the dock is shown, when the open map moves to
another folder while it is shown, and when Refresh is pressed; never on edits, since the scan
reads files and the open map's unsaved changes are not in them. The scan runs on a worker thread
so that a big folder does not freeze the window; a scan that a newer one overtook is dropped.
Double-clicking a row opens the map the row names. What the dock shows (``PortfolioView``) is built
when it is first shown (``DeferredDock``): it starts hidden.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Signal
from PySide6.QtWidgets import QWidget

from journeymapper.editor.deferred_dock import DeferredDock
from journeymapper.editor.session import MapSession
from journeymapper.errors import JourneyMapError

if TYPE_CHECKING:
    from journeymapper.editor.portfolio_view import PortfolioView
    from journeymapper.portfolio import Portfolio


class _Relay(QObject):
    """Carries a finished scan from the worker thread to the window's thread."""

    finished = Signal(int, object)


class PortfolioDock(DeferredDock["PortfolioView"]):
    open_requested = Signal(Path)

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Portfolio", "portfolio", self._build_view, parent)
        self.folder: Path | None = None
        self.map_file: Path | None = None
        self.portfolio: Portfolio | None = None
        self.error: str | None = None
        self.scanning = False
        self._session: MapSession | None = None
        self._scanned_folder: Path | None = None
        self._generation = 0
        self._relay = _Relay(self)
        self._relay.finished.connect(self._finished)
        self.visibilityChanged.connect(self._shown)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(900, 260)

    @property
    def view(self) -> PortfolioView | None:
        """The dock's body, once the dock has been shown."""
        return self.built

    def _build_view(self) -> PortfolioView:
        from journeymapper.editor.portfolio_view import PortfolioView  # not at start-up: the dock starts hidden

        return PortfolioView(self)

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

    def _show(self) -> None:
        if self.view is not None:
            self.view.present()
