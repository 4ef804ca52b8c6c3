"""The main window: the audit list, the open audit's workspace, menus, undo, layout memory."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSettings, QTimer
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QStackedWidget, QWidget

from auditapp.core import start_open
from auditapp.errors import AuditAppError
from auditapp.ui.audit_list import AuditListPage
from auditapp.ui.tasks import TaskRunner
from auditapp.ui.widgets import CommittingTextEdit, slim_bar
from auditapp.ui.window_dialogs import SettingsAndHelp
from auditapp.ui.window_layout import LayoutMemory
from auditapp.ui.window_menus import MenuBar
from auditapp.ui.window_start import Preloader

if TYPE_CHECKING:  # the ORM and the audit's screens load after the list (window_start.py)
    from auditapp.core.db import Database
    from auditapp.core.search import Hit
    from auditapp.core.start_open import DeferredDatabase
    from auditapp.core.workspace import WorkspaceData
    from auditapp.ui.audit_editor import AuditEditor
    from auditapp.ui.workspace import Workspace


class MainWindow(MenuBar, LayoutMemory, SettingsAndHelp, QMainWindow):
    def __init__(
        self,
        db: Database | DeferredDatabase,
        *,
        actor: str,
        settings: QSettings,
        language: str = "en",
        parent: QWidget | None = None,
        deferred: bool = False,
    ) -> None:
        """``deferred``: only the audit list and the first menus now, without the ORM; the rest
        loads after the list's first paint, or when something needs it first (window_start.py).
        The app's start uses it; ``db`` may then be a core.start_open.DeferredDatabase."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._db = db
        self.actor = actor
        self._settings = settings
        self._language = language
        self.undo_stack = QUndoStack(self)
        self.tasks = TaskRunner(self)
        self.editor: AuditEditor | None = None
        self._editing_details = False
        self.workspace: Workspace | None = None
        self.help_window: Any = None  # created on first F1
        self.setWindowTitle(self._plain_title())
        self.resize(1280, 800)
        # Small enough for 1366×768 at 125 % (1093×614 logical pixels) and 1280×720.
        self.setMinimumSize(880, 520)
        from auditapp.ui import screen_fit

        screen_fit.install()
        from auditapp.ui import folders

        folders.set_database_folder(Path(db.path).parent)  # never offered to file dialogs

        grades, rows = start_open.audit_list(db)  # plain SQL: no ORM needed for the list
        self.list_page = AuditListPage(grades, language=language)
        self.list_page.open_requested.connect(self.open_audit)
        self.list_page.new_requested.connect(self.new_audit)
        self.list_page.hit_opened.connect(self.open_at)
        self.list_page.search_everything = self._search_everything
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list_page)
        self.setCentralWidget(self.stack)

        self.busy = slim_bar(160)
        self.busy.hide()
        self.busy_label = QLabel()
        self.statusBar().addPermanentWidget(self.busy_label)
        self.statusBar().addPermanentWidget(self.busy)
        self.statusBar().showMessage(
            self.tr("Signed in as %1 · %2").replace("%1", actor).replace("%2", str(db.path))
        )
        if db.read_only:
            # Another window or process owns the database: this one can look, not change.
            self.read_only_label = QLabel(
                self.tr("Read-only: the database is open for writing in another AuditApp window")
            )
            self.read_only_label.setObjectName("readOnlyNotice")
            self.statusBar().addPermanentWidget(self.read_only_label)
        self._build_menus()
        self._preload = Preloader(db, self._complete_menus, self)
        if not deferred:
            self._preload.join()  # everything now, on this thread
        self._restore_layout()
        self.list_page.set_rows(rows)

    # --- the rest of the start -----------------------------------------------------------------

    def ready(self) -> None:
        """The ORM, the audit's screens and the full menus: waits for the background loading
        (or does it now) before anything that needs them."""
        self._preload.join()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._preload.finished:
            self._preload.start()  # the list is on screen: load the rest in the background
        return super().event(event)

    # --- menus ---------------------------------------------------------------------------------

    # --- the audit list ------------------------------------------------------------------------

    def refresh_list(self) -> None:
        self.list_page.set_rows(start_open.audit_list(self._db)[1])

    def show_list(self) -> None:
        self._commit_focused_text()
        if self.workspace is not None:
            self._save_layout()
        self.refresh_list()
        self.stack.setCurrentWidget(self.list_page)
        self.setWindowTitle(self._plain_title())
        self._workspace_actions(False)
        self.list_page.table.setFocus()

    def show_imported(self, reference: str) -> None:
        self.refresh_list()
        self.open_audit(reference)

    def _find(self) -> None:
        if self.stack.currentWidget() is not self.list_page:
            self.show_list()
        self.list_page.search.setFocus()
        self.list_page.search.selectAll()

    # --- opening an audit ----------------------------------------------------------------------

    def open_audit(self, reference: str, *, wait: bool = False, quiet: bool = False) -> None:
        """Load off the GUI thread with progress; wait=True loads at once (start-up, smoke)."""
        try:
            self.ready()
        except AuditAppError as exc:  # the database could not be opened behind the list
            self.statusBar().showMessage(str(exc), 10_000)
            return
        self._commit_focused_text()
        db = self._db
        from auditapp.core import workspace

        def load(progress: Any) -> WorkspaceData:
            with db.read_session() as session:
                return workspace.load(session, reference, progress)

        if wait:
            try:
                self._loaded(load(lambda *_: None))
            except AuditAppError as exc:
                if not quiet:
                    self.statusBar().showMessage(str(exc), 8000)
            return
        self.busy.setRange(0, 0)
        self.busy.show()
        self.busy_label.setText(self.tr("Opening %1…").replace("%1", reference))
        self.tasks.run(
            load,
            on_done=self._loaded,
            on_failed=lambda exc: self._load_failed(exc, quiet),
            on_progress=self._load_progress,
        )

    def _search_everything(self, words: str) -> list[Hit]:
        self.ready()
        from auditapp.core import search

        with self._db.read_session(actor=self.actor) as session:
            return search.search(session, words)

    def open_at(self, hit: Hit) -> None:
        """Open an audit at a search hit: the finding, the question, the photo or the register."""
        self.open_audit(hit.reference, wait=True)
        ws = self.workspace
        if ws is None or self.editor is None or self.editor.state.reference != hit.reference:
            return
        kind = hit.kind
        if kind == "finding" and hit.number is not None:
            ws.tabs.setCurrentWidget(ws.findings)
            ws.findings.select(hit.number)
        elif kind == "answer":
            ws.tabs.setCurrentWidget(ws.walk)
            ws.walk.select_question(hit.item)
        elif kind == "evidence" and hit.number is not None:
            ws.tabs.setCurrentWidget(ws.evidence_page)
            ws.evidence_page.select(hit.number)
        elif kind in ("document", "participant", "team"):
            ws.tabs.setCurrentWidget(ws.registers)

    def _load_progress(self, done: int, total: int, what: str) -> None:
        self.busy.setRange(0, total)
        self.busy.setValue(done)

    def _load_failed(self, exc: Exception, quiet: bool) -> None:
        self.busy.hide()
        self.busy_label.setText("")
        if not quiet:
            self.statusBar().showMessage(
                self.tr("Could not open the audit: %1").replace("%1", str(exc)), 10_000
            )

    def _loaded(self, data: WorkspaceData) -> None:
        from auditapp.ui.audit_editor import AuditEditor
        from auditapp.ui.workspace import Workspace

        self.busy.hide()
        self.busy_label.setText("")
        if self.workspace is not None:
            self._save_layout()
            self.workspace.shutdown()
            self.stack.removeWidget(self.workspace)
            self.workspace.deleteLater()
        if self.editor is not None and self.editor.state.audit_id == data.audit_id:
            # Reopening the same audit (after a details edit or a settings change) keeps the
            # undo history: its steps belong to this editor.
            self.editor.state = data
        else:
            self.undo_stack.clear()
            if self.editor is not None:
                self.editor.deleteLater()
            self.editor = AuditEditor(self._db, self.actor, data, self.undo_stack, self)
            self.editor.audit_changed.connect(self._title)
            self.editor.edit_committed.connect(self.preview_dock.refresh_soon)
            self.editor.checklist_changed.connect(self._checklist_changed)
        self.workspace = Workspace(self.editor, language=self._language, tasks=self.tasks)
        states = {
            name: self._settings.value(f"workspace/{name}")
            for name in ("walkSplitter", "findingsSplitter", "registersSplitter")
        }
        self.workspace.restore_state(states)
        self.stack.addWidget(self.workspace)
        self.stack.setCurrentWidget(self.workspace)
        self.preview_dock.refresh_soon()
        if self._settings.value("session/audit", "") == data.reference:
            question = self._settings.value("workspace/question", "")
            if question:
                self.workspace.walk.select_question(str(question))
            finding = int(self._settings.value("workspace/finding", 0) or 0)
            if finding and self.workspace.editor.finding(finding) is not None:
                self.workspace.findings.select(finding)
            tab = self._settings.value("workspace/tab", 0)
            self.workspace.tabs.setCurrentIndex(int(tab or 0))
        self._settings.setValue("session/audit", data.reference)
        self._title()
        self.checklist_menu.clear()
        for action in self.workspace.walk.actions_:
            self.checklist_menu.addAction(action)
        self._fill_evidence_menu()
        self.workspace.evidence_page.actions_changed.connect(self._fill_evidence_menu)
        self._workspace_actions(True)
        if self.workspace.tabs.currentIndex() == 0:
            self.workspace.walk.tree.setFocus()

    def _fill_evidence_menu(self) -> None:
        self.evidence_menu.clear()
        if self.workspace is not None:
            self.evidence_menu.addActions(self.workspace.evidence_page.actions_)

    def _plain_title(self) -> str:
        return "AuditApp" + (self.tr(" (read-only)") if self._db.read_only else "")

    def _title(self) -> None:
        if self.editor is not None:
            s = self.editor.state
            suffix = self.tr(" (read-only)") if self._db.read_only else ""
            self.setWindowTitle(f"{s.reference} · {s.title} — AuditApp{suffix}")

    # --- dialogs -------------------------------------------------------------------------------

    def new_audit(self) -> None:
        if self._db.read_only:
            self.statusBar().showMessage(
                self.tr(
                    "This window is read-only: another AuditApp window is writing to the database."
                ),
                10_000,
            )
            return
        self.ready()
        from auditapp.core import audit_details, audits, checklists, setup
        from auditapp.ui.setup_dialog import SetupDialog

        with self._db.session(actor=self.actor) as session:
            library = checklists.library(session)
            people = setup.auditors(session)
            proposal = audit_details.AuditDetails(
                reference=audits.propose_reference(session),
                lead_auditor=self.actor,
                checklist_id=library[0].id if library else "",
            )
        created: list[str] = []

        def submit(details: audit_details.AuditDetails) -> str | None:
            chosen = next((c for c in library if c.id == details.checklist_id), None)
            if chosen is None:
                return self.tr("Choose a checklist.")
            try:
                with self._db.session(actor=self.actor) as session:
                    created.append(setup.create_from_details(session, details, chosen).reference)
            except AuditAppError as exc:
                return str(exc)
            return None

        dialog = SetupDialog(
            proposal,
            checklists=library,
            auditors=people,
            submit=submit,
            new=True,
            language=self._language,
            parent=self,
        )
        self.last_dialog = dialog
        if dialog.exec() and created:
            self.refresh_list()
            self.open_audit(created[0])

    def _checklist_changed(self) -> None:
        # An undo or redo changed the areas in scope: rebuild the walk from disk once the undo
        # has returned. The details dialog rebuilds by itself when it closes.
        if self.editor is not None and not self._editing_details:
            reference = self.editor.state.reference
            QTimer.singleShot(0, lambda: self.open_audit(reference, wait=True))

    def edit_details(self, field: str = "") -> None:
        """The audit details dialog; ``field`` opens the page that holds that field."""
        if self.editor is None:
            return
        editor = self.editor
        from auditapp.core import audit_details, checklists, setup
        from auditapp.ui.setup_dialog import SetupDialog

        with self._db.session(actor=self.actor) as session:
            library = checklists.library(session)
            people = setup.auditors(session)
        refusals: list[str] = []

        def submit(details: audit_details.AuditDetails) -> str | None:
            editor.edit_refused.connect(refusals.append)
            try:
                ok = editor.update_details(details)
            finally:
                editor.edit_refused.disconnect(refusals.append)
            return None if ok else (refusals[-1] if refusals else self.tr("Not saved."))

        dialog = SetupDialog(
            editor.details(),
            checklists=library,
            auditors=people,
            submit=submit,
            new=False,
            language=self._language,
            parent=self,
        )
        if isinstance(field, str) and field:
            dialog.show_field(field)
        self.last_dialog = dialog
        self._editing_details = True
        try:
            accepted = dialog.exec()
        finally:
            self._editing_details = False
        if accepted and self.editor is editor:
            # The checklist may have changed (areas in scope): rebuild the workspace from disk.
            self.open_audit(editor.state.reference, wait=True)

    # --- closing -------------------------------------------------------------------------------

    def _commit_focused_text(self) -> None:
        focused = QApplication.focusWidget()
        if isinstance(focused, CommittingTextEdit):
            focused.commit()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._preload.wait()  # no import left running on a worker while the window goes
        self._commit_focused_text()
        if self.workspace is not None:
            self.workspace.findings.form.commit_pending()
            self.workspace.walk.pane.notes.commit()
            self.workspace.shutdown()  # an evidence import stops after its current file
        self.tasks.wait(10_000)
        self._save_layout()
        super().closeEvent(event)
