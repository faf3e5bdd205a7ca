"""The main window: start page or canvas, the docks, the menus, and the file handling."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QStatusBar,
)

from journeymapper.counting import counted
from journeymapper.editor import clipboard, glyphs
from journeymapper.editor.autosave import INTERVAL_MS, Answer, AutosaveStore, Recoverable
from journeymapper.editor.commands import EditFields, EditMany
from journeymapper.editor.deferred_dock import DeferredDock
from journeymapper.editor.dock_strips import DocksAway, add_dock_strips
from journeymapper.editor.file_kinds import (
    CSV_DELIMITERS,
    CSV_FILTER,
    MAP_FILTER,
    MERMAID_FILTER,
    OPEN_FILTER,
    dropped_files,
    is_mermaid,
)
from journeymapper.editor.find import Finder
from journeymapper.editor.inspector import Inspector
from journeymapper.editor.navigation import LinkNavigator, connect_scene
from journeymapper.editor.pages import Pages
from journeymapper.editor.palette import PaletteDock
from journeymapper.editor.portfolio_dock import PortfolioDock
from journeymapper.editor.scene import MapScene
from journeymapper.editor.session import MapSession
from journeymapper.editor.view import MapView
from journeymapper.editor.window_chrome import HistoryView, IconToolBar, ZoomIndicator, redo_keys
from journeymapper.errors import JourneyMapError
from journeymapper.formats import json_format
from journeymapper.formats.files import ReadOnlyFileError, write_atomically
from journeymapper.model import JourneyDocument
from journeymapper.model.links import rebased_links
from journeymapper.model.templates import TEMPLATES, new_from_template

_GEOMETRY_KEY, _DOCKS_KEY = "window/geometry", "window/docks"

if TYPE_CHECKING:
    from journeymapper.editor.changes_dock import ChangesList
    from journeymapper.editor.conflicts_dock import ConflictsList
    from journeymapper.editor.insights_dock import InsightsList
    from journeymapper.editor.pdf_export import ExportJob
    from journeymapper.editor.start_page import StartPage
    from journeymapper.formats.pdf import ExportOptions, ExportResult

RECENT_LIMIT = 10
DOCK_WIDTHS = [150, 280]  # the Palette's and the Inspector's, before the user changes them


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings | None = None, autosave: AutosaveStore | None = None):
        super().__init__()
        self.settings = settings or QSettings()
        self.autosave = autosave or AutosaveStore()
        self.session: MapSession | None = None
        self._export: tuple[ExportJob, QProgressDialog] | None = None  # the running export
        self.scene: MapScene | None = None
        self._keeping_work = False  # closing for the system: unsaved work stays in the autosave copy
        self.setAcceptDrops(True)
        self.resize(1400, 900)
        self.view = MapView()
        self.pages = Pages(self.view, self._build_start_page)
        self.setCentralWidget(self.pages)
        self.palette_dock = PaletteDock(self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.palette_dock)
        self.history = HistoryView()
        self.history_dock = QDockWidget("History", self)
        self.history_dock.setObjectName("history")
        self.history_dock.setWidget(self.history)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.history_dock)
        self.tabifyDockWidget(self.palette_dock, self.history_dock)
        self.palette_dock.raise_()
        self.inspector = Inspector(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.inspector)
        self.insights = DeferredDock("Insights", "insights", self._build_insights_list, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.insights)
        self.tabifyDockWidget(self.inspector, self.insights)
        # Each shows itself when there is something to list: a map with merge conflicts opens, or
        # File → Compare With… starts a comparison.
        self.conflicts = DeferredDock("Conflicts", "conflicts", self._build_conflict_list, self)
        self.changes = DeferredDock("Changes", "changes", self._build_change_list, self)
        self.changes.closed.connect(self.stop_comparing)  # marks without their list would puzzle
        for dock in (self.conflicts, self.changes):
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            self.tabifyDockWidget(self.inspector, dock)
            dock.hide()
        self.inspector.raise_()
        self.portfolio = PortfolioDock(self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.portfolio)
        self.portfolio.hide()
        self.portfolio.open_requested.connect(self.open_file)
        left_docks = [(self.palette_dock, glyphs.PALETTE), (self.history_dock, glyphs.HISTORY)]
        right_docks = [
            (self.inspector, glyphs.INSPECTOR),
            (self.insights, glyphs.INSIGHTS),
            (self.conflicts, glyphs.CONFLICTS),
            (self.changes, glyphs.CHANGES),
            (self.portfolio, glyphs.PORTFOLIO),
        ]
        self.dock_strips = add_dock_strips(self, left_docks, right_docks)
        self.docks_away = DocksAway(self, [dock for dock, _ in (*left_docks, *right_docks)])
        self.navigator = LinkNavigator(self)
        self.finder = Finder(self)
        self._build_actions()
        self._autosave_timer = QTimer(self, interval=INTERVAL_MS)
        self._autosave_timer.timeout.connect(self.write_autosave)
        self._autosave_timer.start()
        self._refresh_recent()
        self._show_session(None)

    @property
    def start_page(self) -> StartPage:
        return self.pages.start_page

    def _build_start_page(self) -> StartPage:
        from journeymapper.editor.start_page import StartPage  # not before a map's first frame: it may never show

        page = StartPage()
        page.new_requested.connect(self.new_map)
        page.open_requested.connect(self.open_dialog)
        page.recent_requested.connect(self.open_file)
        page.set_recent(self._existing_recent_files())
        return page

    # The open map's session and scene. Only what runs while a map is open uses these: the map
    # actions are disabled without one, and the rest checks ``self.session`` first.

    @property
    def _open_session(self) -> MapSession:
        assert self.session is not None, "no map is open"
        return self.session

    @property
    def _open_scene(self) -> MapScene:
        assert self.scene is not None, "no map is open"
        return self.scene

    # -- actions and menus --------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[..., object],
        shortcut: QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcuts(
                QKeySequence.keyBindings(shortcut)
                if isinstance(shortcut, QKeySequence.StandardKey)
                else [QKeySequence(shortcut)]
            )
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.open_action = self._action("&Open…", self.open_dialog, keys.Open)
        self.save_action = self._action("&Save", self.save, keys.Save)
        self.save_as_action = self._action("Save &As…", lambda: self.save_as(), keys.SaveAs)
        self.export_action = self._action("&Export PDF, SVG or PNG…", self.export_pdf, "Ctrl+E")
        self.export_mermaid_action = self._action("Export &Mermaid Journey…", self.export_mermaid)
        self.export_csv_action = self._action("Export Cards as &CSV…", self.export_csv)
        self.update_csv_action = self._action("&Update from CSV…", self.update_from_csv)
        self.close_action = self._action("&Close map", self.close_map, keys.Close)
        file_menu = self.menuBar().addMenu("&File")
        new_menu = file_menu.addMenu("&New")
        for template in TEMPLATES.values():
            new_menu.addAction(self._action(template.label, lambda _=False, t=template.name: self.new_map(t)))
        file_menu.addAction(self.open_action)
        self.recent_files_menu = file_menu.addMenu("Open &Recent")
        self.compare_action = self._action("Compare &With…", self.compare_with)
        file_menu.addAction(self.compare_action)
        self.stop_comparing_action = self._action("S&top Comparing", self.stop_comparing)
        self.stop_comparing_action.setEnabled(False)
        file_menu.addAction(self.stop_comparing_action)
        file_menu.addAction(self._action("&Import Cards from CSV…", self.import_csv))
        file_menu.addAction(self.update_csv_action)
        file_menu.addAction(self.save_action)
        file_menu.addAction(self.save_as_action)
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.export_mermaid_action)
        file_menu.addAction(self.export_csv_action)
        file_menu.addSeparator()
        file_menu.addAction(self.close_action)
        file_menu.addAction(self._action("&Quit", self.close, keys.Quit))

        edit = self.menuBar().addMenu("&Edit")
        # The group follows the open map's stack: the actions read "Undo Move 'Checkout' to ...".
        self.undo_group = QUndoGroup(self)
        self.undo_action = self.undo_group.createUndoAction(self)
        self.undo_action.setShortcuts(QKeySequence.keyBindings(keys.Undo))
        self.redo_action = self.undo_group.createRedoAction(self)
        self.redo_action.setShortcuts(redo_keys())  # Ctrl+Y and Ctrl+Shift+Z on every platform
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        self.map_actions = [
            self._action("Cu&t", lambda: clipboard.cut(self._open_scene), keys.Cut),
            self._action("&Copy", lambda: clipboard.copy(self._open_scene), keys.Copy),
            self._action("Copy as &Image", self.copy_as_image, "Ctrl+Shift+C"),
            self._action("&Paste", lambda: clipboard.paste(self._open_scene), keys.Paste),
            self._action("&Duplicate", lambda: clipboard.duplicate(self._open_scene), "Ctrl+D"),
            self._action("De&lete", lambda: self._open_scene.delete_selection(), keys.Delete),
            self._action("Select &All", self._select_all, keys.SelectAll),
            self._action("&Find…", self.finder.start, keys.Find),
        ]
        for action in self.map_actions:
            edit.addAction(action)

        view = self.menuBar().addMenu("&View")
        self.zoom_actions = [
            self._action("Zoom &In", self.view.zoom_in, keys.ZoomIn),
            self._action("Zoom &Out", self.view.zoom_out, keys.ZoomOut),
            self._action("&Fit Map", self.view.fit_map, "Ctrl+0"),
            self._action("&Actual Size", self.view.actual_size, "Ctrl+1"),
        ]
        for action in self.zoom_actions:
            view.addAction(action)
        view.addSeparator()
        for dock in (
            self.palette_dock,
            self.inspector,
            self.history_dock,
            self.insights,
            self.conflicts,
            self.changes,
            self.portfolio,
        ):
            shown = dock.toggleViewAction()
            # Qt shows a dock that shares a place with others behind their tabs: this brings it forward.
            shown.triggered.connect(lambda checked, dock=dock: checked and dock.raise_())
            view.addAction(shown)
        view.addSeparator()
        view.addAction(self.navigator.back_action)

        toolbar = IconToolBar("Main")  # icons only: an edit never changes its width
        toolbar.setObjectName("mainToolbar")
        zoom_in, zoom_out, fit, actual_size = self.zoom_actions
        toolbar.add_actions(
            [
                (self.navigator.back_action, glyphs.BACK),
                None,
                (self.open_action, glyphs.OPEN),
                (self.save_action, glyphs.SAVE),
                None,
                (self.undo_action, glyphs.UNDO),
                (self.redo_action, glyphs.REDO),
                None,
                (zoom_in, glyphs.ZOOM_IN),
                (zoom_out, glyphs.ZOOM_OUT),
                (fit, glyphs.FIT),
                (actual_size, glyphs.ACTUAL_SIZE),
            ]
        )
        toolbar.addSeparator()
        toolbar.addWidget(self.finder.field)
        self.addToolBar(toolbar)
        self.toolbar = toolbar
        self.addActions(self.map_actions + self.zoom_actions)
        # There from the start, so that the canvas keeps its height when the first message shows.
        self.setStatusBar(QStatusBar())
        self.zoom_indicator = ZoomIndicator(self.view, self.zoom_actions)
        self.statusBar().addPermanentWidget(self.zoom_indicator)

    def _select_all(self) -> None:
        if self.scene:
            self.scene.select_cards(self.scene.cards)

    # -- showing a map ------------------------------------------------------------------------

    def _show_session(self, session: MapSession | None) -> None:
        new_scene = MapScene(session) if session else None
        self.inspector.set_scene(new_scene)  # commits a half-typed edit into the old map first
        if self.scene is not None:
            self.scene.detach()
        old_scene = self.scene
        self.session = session
        self.scene = new_scene
        self.view.setScene(self.scene)
        if old_scene is not None:
            old_scene.deleteLater()
        if session:
            self.docks_away.bring_back()
        else:
            self.docks_away.put_away()
        if session:
            session.state_changed.connect(self._update_title)
            self._open_scene.refused.connect(lambda message: self.statusBar().showMessage(message, 8000))
            self._open_scene.file_dropped.connect(self.open_file)
            self.undo_group.addStack(session.undo_stack)
            self.undo_group.setActiveStack(session.undo_stack)
            self.history.setStack(session.undo_stack)
            self.pages.show_canvas()
            self.view.first_view()
            QTimer.singleShot(0, self.view.first_view)  # again once the window has its final size
        else:
            # The stubs want a stack, but Qt takes none (nullptr) here: nothing to undo or list.
            self.undo_group.setActiveStack(None)  # type: ignore[arg-type]
            self.history.setStack(None)  # type: ignore[arg-type]
            self.pages.show_start_page()
        for action in [
            self.save_action,
            self.save_as_action,
            self.export_action,
            self.export_mermaid_action,
            self.export_csv_action,
            self.update_csv_action,
            self.compare_action,
            self.close_action,
            *self.map_actions,
            *self.zoom_actions,
        ]:
            action.setEnabled(session is not None)
        self.zoom_indicator.setEnabled(session is not None)
        self.finder.set_scene(self.scene)
        if (insights := self.insights.built) is not None:
            insights.set_scene(self.scene)
        self._show_conflicts()
        if (changes := self.changes.built) is not None:
            changes.set_scene(self.scene)
        self.portfolio.set_session(session)
        connect_scene(self.navigator, self.scene)
        self._update_title()

    def _show_conflicts(self) -> None:
        """The Conflicts dock follows the map shown, and shows itself for a map with conflicts."""
        if (conflicts := self.conflicts.built) is not None:
            conflicts.set_scene(self.scene)
        if self.scene is not None and self.scene.document.conflicts:
            self.conflicts.reveal()
        else:
            self.conflicts.put_away()

    def _update_title(self) -> None:
        if self.session is None:
            self.setWindowTitle("journeymapper")
            self.setWindowModified(False)
            return
        self.setWindowTitle(f"{self.session.display_name}[*] — journeymapper")
        self.setWindowModified(self.session.modified)

    # -- the listing docks' bodies, built when first shown or asked for ----------------------

    @property
    def insights_list(self) -> InsightsList:
        return self.insights.body

    @property
    def conflict_list(self) -> ConflictsList:
        return self.conflicts.body

    @property
    def change_list(self) -> ChangesList:
        return self.changes.body

    def _build_insights_list(self) -> InsightsList:
        from journeymapper.editor.insights_dock import InsightsList

        body = InsightsList(self.view, self.insights.showing)
        self.insights.visibilityChanged.connect(body.set_showing)
        body.set_scene(self.scene)
        return body

    def _build_conflict_list(self) -> ConflictsList:
        from journeymapper.editor.conflicts_dock import ConflictsList

        body = ConflictsList(self.view)
        body.indicator.clicked.connect(self.conflicts.reveal)
        self.statusBar().insertPermanentWidget(0, body.indicator)  # left of the zoom
        body.set_scene(self.scene)
        return body

    def _build_change_list(self) -> ChangesList:
        from journeymapper.editor.changes_dock import ChangesList

        body = ChangesList(self.view)
        body.started.connect(lambda: self._comparing(True))
        body.stopped.connect(lambda: self._comparing(False))
        return body

    def _comparing(self, comparing: bool) -> None:
        self.stop_comparing_action.setEnabled(comparing)
        if comparing:
            self.changes.reveal()
        else:
            self.changes.put_away()

    def stop_comparing(self) -> None:
        """Clear the comparison's marks and list, and put the Changes dock away."""
        if (changes := self.changes.built) is not None:
            changes.stop()

    # -- files --------------------------------------------------------------------------------

    def new_map(self, template: str) -> None:
        if self.confirm_discard():
            self._discard_autosave()
            self._show_session(MapSession(new_from_template(template)))

    def open_dialog(self) -> None:
        if path := self._ask_open("Open journey map", OPEN_FILTER):
            self.open_file(path)

    def _ask_open(self, caption: str, filters: str) -> Path | None:
        """A file to read, chosen in the open map's folder; None if the dialog was cancelled."""
        folder = str(self.session.path.parent) if self.session and self.session.path else ""
        path, _ = QFileDialog.getOpenFileName(self, caption, folder, filters)
        return Path(path) if path else None

    def open_file(self, path: Path) -> bool:
        """Open a map (or import a Mermaid journey as a new one); a bad file is reported in a
        dialog and the open map stays as it was."""
        if not self.confirm_discard():
            return False
        if is_mermaid(Path(path)):
            from journeymapper.formats.mermaid import load_mermaid  # loaded when used, not at start-up

            return self._import(Path(path), load_mermaid)
        try:
            session = MapSession.open(Path(path))
        except JourneyMapError as error:
            self._cannot_read("Cannot open map", Path(path), error)
            return False
        self._discard_autosave()
        self._show_session(session)
        self._remember(session.path)
        return True

    def _cannot_read(self, title: str, path: Path, error: JourneyMapError) -> None:
        """Say why a map file would not load; where git left conflict markers in it, say how to
        merge it with journeymapper instead (looked for only now: a map that loads has none)."""
        from journeymapper.formats.git_markers import has_conflict_markers, merge_advice  # not at start-up

        message = f"{merge_advice(path)}\n\n{error}" if has_conflict_markers(path) else str(error)
        QMessageBox.warning(self, title, message)

    def compare_with(self) -> None:
        """Compare the open map with another version of it (File → Compare With…): the changes
        from that file to the map, marked on the canvas and listed in the Changes dock."""
        if self.scene is None or (path := self._ask_open("Compare with another version", MAP_FILTER)) is None:
            return
        try:
            old = json_format.load(path)
        except JourneyMapError as error:
            self._cannot_read("Cannot compare", path, error)
            return
        self.change_list.compare(self.scene, old, path)

    def import_csv(self) -> None:
        """A new, unsaved map from a card table (what maps to what: ``formats.csv_apply``)."""
        if self.confirm_discard() and (path := self._ask_open("Import cards from CSV", CSV_FILTER)):
            from journeymapper.formats.csv_cards import load_csv  # loaded when used, not at start-up

            self._import(path, load_csv)

    def _import(self, path: Path, load: Callable[[Path], JourneyDocument]) -> bool:
        """Open another kind of file (a Mermaid journey, a card table) as a new, unsaved map."""
        try:
            document = load(path)
        except JourneyMapError as error:
            QMessageBox.warning(self, "Cannot import journey", str(error))
            return False
        self._discard_autosave()
        session = MapSession(document)
        session.undo_stack.resetClean()  # the map is in no file yet: closing it asks first
        self._show_session(session)
        self.statusBar().showMessage(f"Imported {path.name}: save it to keep it as a map file", 8000)
        return True

    def export_mermaid(self) -> None:
        """Write the map as a Mermaid journey diagram (what it keeps: ``formats.mermaid``)."""
        if chosen := self._ask_export("Export Mermaid journey", ".mmd", MERMAID_FILTER):
            from journeymapper.formats.mermaid import dumps_mermaid  # loaded when used, not at start-up

            self._write_export(chosen[0], dumps_mermaid(self._open_session.document).encode("utf-8"))

    def export_csv(self) -> None:
        """Write the map's cards as a table for a spreadsheet (the columns: ``formats.csv_cards``)."""
        if chosen := self._ask_export("Export cards as CSV", ".csv", ";;".join(CSV_DELIMITERS)):
            from journeymapper.formats.csv_cards import dumps_csv  # loaded when used, not at start-up

            path, choice = chosen
            self._write_export(path, dumps_csv(self._open_session.document, CSV_DELIMITERS.get(choice, ",")))

    def _ask_export(self, caption: str, suffix: str, filters: str) -> tuple[Path, str] | None:
        """The file to export to, and the filter chosen with it; None if there is no map or the
        dialog was cancelled."""
        if self.session is None:
            return None
        self.inspector.commit_pending()
        path = self.session.path
        suggested = path.with_suffix(suffix) if path else Path.home() / f"{self.session.document.id}{suffix}"
        chosen, choice = QFileDialog.getSaveFileName(self, caption, str(suggested), filters)
        return (Path(chosen), choice) if chosen else None

    def _write_export(self, path: Path, data: bytes) -> None:
        try:
            write_atomically(path, data)
        except JourneyMapError as error:
            QMessageBox.warning(self, "Cannot export", str(error))
            return
        self.statusBar().showMessage(f"Exported {path.name}", 4000)

    def update_from_csv(self) -> None:
        """Apply a card table to the open map as one undo step (what each row does: ``formats.csv_apply``)."""
        if self.session is None:
            return
        self.inspector.commit_pending()
        if (path := self._ask_open("Update cards from CSV", CSV_FILTER)) is None:
            return
        from journeymapper.editor.card_tables import update_session  # loaded when used, not at start-up

        try:
            message = update_session(self.session, path)
        except JourneyMapError as error:
            QMessageBox.warning(self, "Cannot update from CSV", str(error))
            return
        self.statusBar().showMessage(message, 8000)

    def save(self) -> bool:
        if self.session is None:
            return False
        if self.session.path is None:
            return self.save_as()
        return self._save_to(self.session.path)

    def save_as(self, suggested: Path | None = None) -> bool:
        if self.session is None:
            return False
        suggested = suggested or self.session.path or Path.home() / f"{self.session.document.id}.json"
        path, _ = QFileDialog.getSaveFileName(self, "Save journey map", str(suggested), MAP_FILTER)
        return bool(path) and self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        self.inspector.commit_pending()
        session = self._open_session  # save() and save_as() come here only with a map open
        try:
            session.save(path, self._link_update(path))
        except ReadOnlyFileError:
            return self._offer_save_as(path)
        except JourneyMapError as error:
            QMessageBox.warning(self, "Cannot save map", str(error))
            return False
        self._discard_autosave()
        self._remember(session.path)
        if conflicts := len(session.document.conflicts):  # recorded in the file, which validate refuses
            from journeymapper.editor.conflict_text import count_text  # not before the first frame

            self.statusBar().showMessage(f"Saved {session.path} with {count_text(conflicts)} recorded in it", 10000)
        else:
            self.statusBar().showMessage(f"Saved {session.path}", 4000)
        return True

    def _offer_save_as(self, path: Path) -> bool:
        """A file marked read-only was marked so on purpose: journeymapper leaves it, and offers
        another name instead."""
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self,
            "Map is read-only",
            f"{path.name} is marked read-only, so journeymapper leaves it as it is. Save the map under another name?",
            buttons.Save | buttons.Cancel,
            buttons.Save,
        )
        return answer == buttons.Save and self.save_as(path.with_name(f"{path.stem} copy{path.suffix}"))

    def _link_update(self, path: Path) -> EditMany | None:
        """The edit that keeps the map's links naming the same files once it is saved as ``path``."""
        session = self._open_session
        # A map that never had a file has no folder its links were written from.
        edits = rebased_links(session.document, session.path, path) if session.path else []
        if not edits:
            return None
        count = sum(edit.changed for edit in edits)
        text = f"Update {counted(count, 'link')} for the new folder"
        fields = [EditFields(session.document, edit.kind, edit.id, {"links": edit.links}, text) for edit in edits]
        return EditMany(fields, text)

    def close_map(self) -> None:
        if self.confirm_discard():
            self._discard_autosave()
            self._show_session(None)

    def confirm_discard(self) -> bool:
        """Ask before unsaved changes are lost: Save, Discard or Cancel."""
        self.inspector.commit_pending()
        if self.session is None or not self.session.modified:
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self,
            "Unsaved changes",
            f"Save the changes to {self.session.display_name}?",
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )
        if answer == buttons.Save:
            return self.save()
        return answer == buttons.Discard

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._keeping_work or self.confirm_discard():
            if not self._keeping_work:
                self._discard_autosave()
            self.settings.setValue(_GEOMETRY_KEY, self.saveGeometry())
            self.docks_away.bring_back()  # saved as they are with a map open, not as the start page has them
            self.settings.setValue(_DOCKS_KEY, self.saveState())
            event.accept()
        else:
            event.ignore()

    def close_keeping_work(self) -> None:
        """Close at once, as the system asks at logout: unsaved changes stay in the autosave copy,
        offered for recovery at the next start, rather than in a question nobody may be there to
        answer. If the copy cannot be written, closing asks as usual."""
        self._keeping_work = self.write_autosave()
        self.close()

    def use_default_dock_widths(self) -> None:
        """Narrow docks, the first time: a laptop's canvas gets most of the width. (The strips
        collapse either side to its icons, and later the docks come back as they were left.)"""
        self.resizeDocks([self.palette_dock, self.inspector], DOCK_WIDTHS, Qt.Orientation.Horizontal)

    def restore_layout(self) -> bool:
        """Put the window and its docks back as they were when it last closed; False the first time."""
        geometry, docks = self.settings.value(_GEOMETRY_KEY), self.settings.value(_DOCKS_KEY)
        if geometry is None or docks is None:
            return False
        restored = self.restoreGeometry(geometry) and self.restoreState(docks)
        # These two show themselves when they have something to list, never as they were left.
        self.conflicts.setVisible(self.scene is not None and bool(self.scene.document.conflicts))
        changes = self.changes.built
        self.changes.setVisible(changes is not None and changes.comparison is not None)
        if self.session is None:
            self.docks_away.put_away()  # the docks restored wait for a map
        return restored

    # -- PDF export -----------------------------------------------------------------------------

    def export_pdf(self) -> None:
        """Ask for the options and the file, then export without freezing the window."""
        if self.session is None:
            return
        self.inspector.commit_pending()
        folder = self.session.path.parent if self.session.path else Path.home()
        suggested = folder / f"{self.session.path.stem if self.session.path else self.session.document.id}.pdf"
        scene = self._open_scene  # there is a scene while there is a session
        scene.flush()
        from journeymapper.editor.pdf_export import ExportDialog  # reportlab loads on first export, not at start-up

        dialog = ExportDialog(self.session.document, scene.layout, self.settings, suggested, self, self.session.path)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if dialog.file_format() == "pdf":
            self.start_export(dialog.target(), dialog.options())
        else:
            self.export_image(dialog.target(), dialog.options(), dialog.file_format(), dialog.dpi.value())

    def export_image(self, target: Path, options: ExportOptions, file_format: str, dpi: int) -> None:
        """Write the map page as SVG or PNG: quick enough to do at once."""
        from journeymapper.editor.pdf_export import image_bytes

        try:
            session = self._open_session
            write_atomically(target, image_bytes(session.document, options, file_format, dpi, session.path))
        except JourneyMapError as error:
            self.statusBar().showMessage(str(error), 10000)
            QMessageBox.warning(self, "Cannot export", str(error))
            return
        self.statusBar().showMessage(f"Exported the map page as {file_format.upper()} to {target}", 10000)

    def copy_as_image(self) -> None:
        """The selected cards' stages and lanes, or the whole map, onto the clipboard as a picture."""
        from journeymapper.editor.image_copy import copy_as_image  # reportlab loads on first use

        scene = self._open_scene
        image = copy_as_image(scene)
        what = "the selected cards' stages and lanes" if scene.selected_card_ids() else "the map"
        self.statusBar().showMessage(f"Copied {what} as an image, {image.width()} × {image.height()} px", 10000)

    def start_export(self, target: Path, options: ExportOptions) -> ExportJob:
        """Export in a worker thread, one at a time, with a progress dialog that can cancel it."""
        from journeymapper.editor.pdf_export import ExportJob

        session = self._open_session
        job = ExportJob(session.document, target, options, self, source=session.path)
        progress = QProgressDialog(f"Exporting {target.name}…", "Cancel", 0, 0, self)
        progress.setWindowTitle("Export PDF")
        progress.setMinimumDuration(300)
        progress.canceled.connect(job.cancel)
        job.progress.connect(self._export_progress)
        job.done.connect(self._export_done)
        job.failed.connect(self._export_failed)
        job.cancelled.connect(self._export_cancelled)
        self._export = (job, progress)
        self.export_action.setEnabled(False)
        job.start()
        return job

    def _running_export(self) -> tuple[ExportJob, QProgressDialog]:
        assert self._export is not None  # the job's signals come only while it is the running export
        return self._export

    def _export_progress(self, done: int, total: int) -> None:
        progress = self._running_export()[1]
        progress.setMaximum(total)
        progress.setValue(done)

    def _export_finished(self, message: str) -> None:
        job, progress = self._running_export()
        progress.reset()
        job.deleteLater()
        self._export = None
        self.export_action.setEnabled(self.session is not None)
        self.statusBar().showMessage(message, 10000)

    def _export_done(self, result: ExportResult) -> None:
        message = f"Exported {counted(result.pages, 'page')} to {result.path}"
        self._export_finished(message + (f" — {result.warnings[0]}" if result.warnings else ""))

    def _export_failed(self, message: str) -> None:
        self._export_finished(message)
        QMessageBox.warning(self, "Cannot export PDF", message)

    def _export_cancelled(self) -> None:
        self._export_finished("Export cancelled; no file was written")

    # -- recent files and autosave ------------------------------------------------------------

    def recent_files(self) -> list[Path]:
        # What _remember() wrote: a list of paths, which an INI file gives back as a plain string
        # when it holds only one.
        stored = cast(list[str] | str, self.settings.value("recentFiles", []) or [])
        return [Path(path) for path in ([stored] if isinstance(stored, str) else stored)]

    def _remember(self, path: Path | None) -> None:
        if path is None:
            return
        paths = [path, *(p for p in self.recent_files() if p != path)][:RECENT_LIMIT]
        self.settings.setValue("recentFiles", [str(p) for p in paths])
        self._refresh_recent()

    def _existing_recent_files(self) -> list[Path]:
        return [path for path in self.recent_files() if path.exists()]

    def _refresh_recent(self) -> None:
        paths = self._existing_recent_files()
        if (start_page := self.pages.built_start_page) is not None:
            start_page.set_recent(paths)
        self.recent_files_menu.clear()
        for path in paths:
            self.recent_files_menu.addAction(self._action(path.name, lambda _=False, p=path: self.open_file(p)))
        self.recent_files_menu.setEnabled(bool(paths))

    def write_autosave(self) -> bool:
        """Write the autosave copy of unsaved changes; False if they could not be written."""
        self.inspector.commit_pending()
        if self.session is not None and self.session.modified:
            try:
                self.autosave.write(self.session.autosave_name, self.session.document, self.session.path)
            except JourneyMapError as error:
                self.statusBar().showMessage(str(error), 8000)
                return False
        return True

    def _discard_autosave(self) -> None:
        if self.session is not None:
            self.autosave.discard(self.session.autosave_name)

    def offer_recovery(self) -> None:
        """After a crash: offer each autosave copy left behind, newest work first, until one is
        recovered. Each is locked while it is offered, so that another journeymapper starting
        meanwhile neither offers nor deletes it; only Discard deletes one."""
        for left in self.autosave.left_behind():
            name = left.copy.stem
            if not self.autosave.claim(name):
                continue  # another journeymapper starting at the same time offers it
            answer = self.ask_recovery(left)
            if answer is Answer.RECOVER and self.recover(left.copy, left.origin):
                return
            if answer is Answer.DISCARD:
                self.autosave.discard(name)
            else:  # Not now, or a copy that would not load: kept for the next start
                self.autosave.release(name)

    def ask_recovery(self, left: Recoverable) -> Answer:
        """Ask what to do with a copy a crash left; closing the question keeps it, as Not now does."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Recover unsaved work",
            f"journeymapper closed without saving the changes to {left.describe()}.",
            parent=self,
        )
        at = left.autosaved
        box.setInformativeText(
            f"They were autosaved on {at:%A} {at.day} {at:%B %Y at %H:%M}.\n"
            "Recover opens them. Not now keeps them and asks again at the next start. "
            "Discard changes deletes them for good."
        )
        roles = QMessageBox.ButtonRole
        recover_button = box.addButton("Recover", roles.AcceptRole)
        later_button = box.addButton("Not now", roles.RejectRole)
        discard_button = box.addButton("Discard changes", roles.DestructiveRole)
        answers: dict[QAbstractButton, Answer] = {
            recover_button: Answer.RECOVER,
            later_button: Answer.LATER,
            discard_button: Answer.DISCARD,
        }
        box.setDefaultButton(recover_button)
        box.setEscapeButton(later_button)
        box.exec()
        answer = answers.get(box.clickedButton(), Answer.LATER)
        box.deleteLater()
        return answer

    def recover(self, copy: Path, origin: Path | None) -> bool:
        """Open ``copy`` (which ``offer_recovery`` has locked) as unsaved work on ``origin``: it stays
        locked, and kept, until the map is saved, closed or discarded. False if it does not load."""
        try:
            session = MapSession.open(copy)
        except JourneyMapError as error:
            QMessageBox.warning(self, "Cannot recover", str(error))
            return False
        session.path = origin
        session.autosave_name = copy.stem  # the recovered work goes on in the same copy
        session.undo_stack.resetClean()  # recovered work is unsaved work
        self._show_session(session)
        return True

    # -- dropping map files on the window ------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if dropped_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        if files := dropped_files(event.mimeData()):
            event.acceptProposedAction()
            self.open_file(files[0])
