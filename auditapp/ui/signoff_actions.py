"""The report and sign-off actions (export, preview, pre-issue checks, sign, verify, reopen):
their menu entries and the wiring between the dialogs and the open workspace.

The main window hands over narrow dependencies (the database, the signed-in user, the task
runner and a few callables) rather than itself, so this controller can be read on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QWidget
from shiboken6 import isValid

from auditapp.core.db import Database
from auditapp.core.models import AuditStatus
from auditapp.ui.signoff_records import SignedRecordActions
from auditapp.ui.tasks import TaskRunner

# The dialogs and the report code they call are imported when first used: start-up (shown to
# the user on every launch) does not pay for the report builder, pyHanko or QtPdf.
if TYPE_CHECKING:
    from auditapp.core.preissue import IssueProblem
    from auditapp.ui.export_dialog import ExportDialog, ExportOptions
    from auditapp.ui.pdf_preview import PdfPreviewDialog
    from auditapp.ui.preissue_panel import PreissuePanel
    from auditapp.ui.sign_dialog import SignDialog
    from auditapp.ui.verify_dialog import VerifyDialog
    from auditapp.ui.workspace import Workspace


@dataclass(frozen=True)
class AuditFacts:
    reference: str
    title: str
    version: int
    language: str
    paper: str
    locked: bool
    signed_meanings: list[str]


class SignoffActions(SignedRecordActions, QObject):
    def __init__(
        self,
        window: QWidget,
        *,
        db: Database,
        actor: str,
        tasks: TaskRunner,
        language: str,
        workspace: Callable[[], Workspace | None],
        reload: Callable[[str], None],
        edit_details: Callable[[str], None],
        show_status: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._db = db
        self._actor = actor
        self._tasks = tasks
        self._language = language
        self._workspace = workspace
        self._reload = reload
        self._edit_details = edit_details
        self._status = show_status
        self.last_dialog: QWidget | None = None
        self.panel: PreissuePanel | None = None
        self.previews: list[PdfPreviewDialog] = []

        def action(text: str, slot: Any, shortcut: str = "") -> QAction:
            made = QAction(text, self)
            if shortcut:
                made.setShortcut(QKeySequence(shortcut))
            made.triggered.connect(slot)
            return made

        self.check_action = action(self.tr("Chec&k before issue…"), self.check, "Ctrl+Shift+I")
        self.preview_action = action(self.tr("&Preview report"), self.preview, "Ctrl+Shift+P")
        self.export_action = action(self.tr("&Export report…"), self.export, "Ctrl+E")
        self.sign_action = action(self.tr("&Sign report…"), self.sign)
        self.save_signed_action = action(self.tr("Save si&gned report…"), self.save_signed)
        self.certificate_action = action(self.tr("Sign audit &certificate…"), self.sign_certificate)
        self.reopen_action = action(self.tr("&Reopen audit…"), self.reopen)
        # (suggested path, filter) -> chosen path; tests replace the file dialog.
        self.ask_save_path: Callable[[str, str], str | None] | None = None
        self.verify_action = action(self.tr("&Verify signed file…"), self.verify)

    def install(self, *, file_menu: QMenu, audit_menu: QMenu) -> None:
        audit_menu.addSeparator()
        for made in (
            self.check_action,
            self.preview_action,
            self.export_action,
            self.sign_action,
            self.save_signed_action,
            self.certificate_action,
        ):
            audit_menu.addAction(made)
        audit_menu.addSeparator()
        audit_menu.addAction(self.reopen_action)
        audit_menu.aboutToShow.connect(self.update_actions)
        # Verifying needs no open audit: it sits in the File menu before the settings.
        separators = [a for a in file_menu.actions() if a.isSeparator()]
        if separators:
            file_menu.insertAction(separators[0], self.verify_action)
            file_menu.insertSeparator(self.verify_action)
        else:
            file_menu.addAction(self.verify_action)

    def update_actions(self) -> None:
        workspace = self._workspace()
        for made in (self.check_action, self.preview_action, self.export_action, self.sign_action):
            made.setEnabled(workspace is not None)
        if workspace is not None and workspace.editor.state.status == AuditStatus.FINAL:
            self.sign_action.setEnabled(False)  # approved: nobody can sign this version again
        locked = workspace is not None and workspace.editor.state.locked
        self.reopen_action.setEnabled(locked)
        self.save_signed_action.setEnabled(locked)
        # The certificate needs an approved report version.
        self.certificate_action.setEnabled(
            workspace is not None
            and workspace.editor.state.status in (AuditStatus.FINAL, AuditStatus.CLOSED)
        )

    # --- helpers -------------------------------------------------------------------------------

    def _facts(self) -> AuditFacts | None:
        workspace = self._workspace()
        if workspace is None:
            return None
        from auditapp.core import audits, signing
        from auditapp.core.findings import get_setting
        from auditapp.reports import branding

        with self._db.session(actor=self._actor) as session:
            audit = audits.get_audit(session, workspace.editor.state.reference)
            return AuditFacts(
                reference=audit.reference,
                title=audit.title,
                version=audit.report_version,
                language=audit.language or "en",
                paper=str(get_setting(session, branding.PAPER, "a4") or "a4"),
                locked=audit.locked,
                signed_meanings=[s.meaning for s in signing.current_signatures(session, audit)],
            )

    def _keep(self, dialog: QWidget) -> None:
        """Remember the dialog just opened and free the previous closed one (it holds PDF bytes).
        A dialog whose background work may still report back is kept until the next time."""
        old, self.last_dialog = self.last_dialog, dialog
        if old is not None and isValid(old) and not old.isVisible() and not self._tasks.busy:
            old.deleteLater()

    def _show_pdf(
        self, title: str, data: bytes, *, owner: QDialog | None = None
    ) -> PdfPreviewDialog:
        """A preview window. Asked for from a modal dialog (Export), it is that dialog's child:
        a sibling of the dialog would be blocked by its modality until the dialog closed."""
        from auditapp.ui.pdf_preview import PdfPreviewDialog

        parent = owner if owner is not None and owner.isVisible() else self._window
        dialog = PdfPreviewDialog(title, data, parent)
        # A closed preview frees its PDF at once; several can stay open side by side.
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.previews = [d for d in self.previews if isValid(d) and d.isVisible()] + [dialog]
        if owner is not None and parent is owner:
            owner.finished.connect(lambda _result: self._rehome(dialog))
        dialog.show()
        return dialog

    def _rehome(self, preview: PdfPreviewDialog) -> None:
        """The Export dialog closed: its previews stay open, now owned by the main window (the
        closed dialog is freed later and would take them along)."""
        if not isValid(preview) or not preview.isVisible():
            return
        geometry = preview.geometry()
        preview.setParent(self._window, preview.windowFlags())
        preview.setGeometry(geometry)
        preview.show()

    # --- export and preview --------------------------------------------------------------------

    def export(self) -> ExportDialog | None:
        facts = self._facts()
        if facts is None:
            return None
        from auditapp.reports.build import available_sections
        from auditapp.ui.export_dialog import ExportDialog

        dialog = ExportDialog(
            self._db,
            facts.reference,
            version=facts.version,
            language=facts.language,
            paper=facts.paper,
            sections=available_sections(self._language),
            tasks=self._tasks,
            parent=self._window,
        )
        dialog.preview_requested.connect(lambda options: self._preview_from(dialog, options))
        dialog.exported.connect(
            lambda paths: self._status(self.tr("Report written to %1").replace("%1", str(paths[0])))
        )
        self._keep(dialog)
        dialog.open()
        return dialog

    def _preview_from(self, dialog: ExportDialog, options: ExportOptions) -> None:
        from auditapp.reports import export

        db, reference = self._db, dialog.reference

        def work(progress: Callable[[int, int, str], None]) -> bytes:
            return export.export_report(
                db,
                reference,
                fmt="pdf",
                language=options.language,
                sections=options.sections,
                include_confidential=options.include_confidential,
                paper=options.paper,
                photos=options.photos,
                progress=lambda pct, stage: progress(pct, 100, stage),
            )

        dialog.run_preview(
            work,
            lambda data: self._show_pdf(
                self.tr("Preview · %1").replace("%1", reference), data, owner=dialog
            ),
        )

    def preview(self) -> None:
        """The report as it would be exported now, in the audit's language, rendered off the
        GUI thread."""
        facts = self._facts()
        if facts is None:
            return
        from auditapp.reports import export
        from auditapp.ui.export_dialog import failure_text

        db, reference = self._db, facts.reference
        self._status(self.tr("Rendering the report of %1…").replace("%1", reference))

        def work(progress: Callable[[int, int, str], None]) -> bytes:
            return export.export_report(db, reference, fmt="pdf")

        self._tasks.run(
            work,
            on_done=lambda data: (
                self._status(""),
                self._show_pdf(self.tr("Preview · %1").replace("%1", reference), data),
            ),
            on_failed=lambda exc: self._status(failure_text(exc, self.tr("The preview"))),
        )

    # --- pre-issue checks ----------------------------------------------------------------------

    def check(self) -> PreissuePanel | None:
        workspace = self._workspace()
        if workspace is None:
            return None
        from auditapp.core import audits, preissue
        from auditapp.ui.preissue_panel import PreissuePanel

        reference = workspace.editor.state.reference

        def problems() -> list[IssueProblem]:
            with self._db.session(actor=self._actor) as session:
                audit = audits.get_audit(session, reference)
                return preissue.check(session, audit) + preissue.warnings(session, audit)

        if self.panel is not None:
            self.panel.close()
            self.panel.deleteLater()
        self.panel = PreissuePanel(reference, problems, self._window)
        self.panel.jump_requested.connect(self.jump)
        self.panel.show()
        return self.panel

    def jump(self, problem: IssueProblem) -> None:
        workspace = self._workspace()
        if workspace is None:
            return
        self._window.activateWindow()
        if problem.kind == "finding" and problem.finding_number is not None:
            workspace.tabs.setCurrentWidget(workspace.findings)
            workspace.findings.select(problem.finding_number)
        elif problem.kind == "question":
            workspace.tabs.setCurrentWidget(workspace.walk)
            workspace.walk.select_question(problem.target)
            workspace.walk.focus_notes()
        else:
            self._edit_details(problem.target)

    # --- signing, verifying, reopening ---------------------------------------------------------

    def sign(self) -> SignDialog | None:
        facts = self._facts()
        if facts is None:
            return None
        from auditapp.ui.sign_dialog import SignDialog

        dialog = SignDialog(
            self._db,
            facts.reference,
            facts.title,
            actor=self._actor,
            signed_meanings=facts.signed_meanings,
            tasks=self._tasks,
            parent=self._window,
        )
        dialog.signed.connect(lambda result: self._reload(result.reference))
        self._keep(dialog)
        dialog.open()
        return dialog

    def verify(self) -> VerifyDialog:
        from auditapp.ui.verify_dialog import VerifyDialog

        dialog = VerifyDialog(self._db, tasks=self._tasks, parent=self._window)
        self._keep(dialog)
        dialog.open()
        return dialog
