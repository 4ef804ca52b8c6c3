"""One open audit: a header with status and progress, and the tabs the auditor works in."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from auditapp.core.evidence import Target
from auditapp.core.setup import STATUS_ORDER
from auditapp.core.workspace import FindingState
from auditapp.ui import labels
from auditapp.ui.audit_editor import AuditEditor
from auditapp.ui.checklist_walk import ChecklistWalk
from auditapp.ui.evidence_editor import EvidenceEditor
from auditapp.ui.evidence_intake import EvidenceImporter, accept_drops
from auditapp.ui.evidence_page import EvidencePage
from auditapp.ui.evidence_widgets import EvidenceStrip, ImportPanel
from auditapp.ui.finding_dialog import FindingDialog
from auditapp.ui.findings_page import FindingsPage
from auditapp.ui.registers_page import RegistersPage
from auditapp.ui.tasks import TaskRunner
from auditapp.ui.trail_view import TrailPage
from auditapp.ui.widgets import ElidedLabel, label, slim_bar


class Workspace(QWidget):
    details_requested = Signal()

    def __init__(
        self,
        editor: AuditEditor,
        *,
        language: str,
        tasks: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.editor = editor
        self._language = language
        # Raise-finding drafts the user chose to keep, per question ("" for none).
        self.finding_drafts: dict[str, tuple[FindingState, list[str]]] = {}
        self.grade_labels = {
            g.classification.value: (g.label[language], g.colour) for g in editor.state.grades
        }

        self.title = ElidedLabel()
        self.title.setProperty("role", "heading")
        # Long titles end in "…" rather than pushing the header to two lines; the tooltip has all.
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # One line, like the title: a wrapped subtitle would push the checklist down on a
        # small screen; the tooltip has all of it.
        self.subtitle = ElidedLabel()
        self.subtitle.setProperty("role", "muted")
        self.subtitle.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status = QComboBox()
        self.status.setToolTip(self.tr("Audit status"))
        for code in STATUS_ORDER:
            self.status.addItem(labels.audit_status(code), code)
        self.status.activated.connect(self._status_chosen)
        self.progress = slim_bar(180)
        self.progress_text = QLabel()
        self.progress_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        progress = QVBoxLayout()
        progress.setSpacing(3)
        progress.addWidget(self.progress_text)
        progress.addWidget(self.progress)
        self.counts = QLabel()
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        # The finding counts sit on the subtitle's line: beside the title they left it only
        # "AUD-2026-001 · Vendor qualifica…" at 1366 px and 125 %.
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addSpacing(12)
        top.addLayout(progress)
        top.addWidget(self.status)
        below = QHBoxLayout()
        below.addWidget(self.subtitle, 1)
        below.addSpacing(12)
        below.addWidget(self.counts)
        header = QVBoxLayout()
        header.setSpacing(2)
        header.setContentsMargins(16, 10, 16, 4)
        header.addLayout(top)
        header.addLayout(below)

        self.walk = ChecklistWalk(editor, language=language, grade_labels=self.grade_labels)
        self.findings = FindingsPage(editor, language=language)
        self.registers = RegistersPage(editor)
        self.trail = TrailPage(editor)
        self.evidence = EvidenceEditor(editor, self)
        self.importer = EvidenceImporter(
            editor.db,
            reference=editor.state.reference,
            actor=editor.actor,
            tasks=tasks if tasks is not None else TaskRunner(self),
            parent=self,
        )
        self.evidence_page = EvidencePage(
            self.evidence, self.importer, target=self.evidence_target, language=language
        )
        self.import_panel = ImportPanel(self.importer)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.walk, self.tr("&Checklist"))
        self.tabs.addTab(self.findings, self.tr("&Findings"))
        self.tabs.addTab(self.evidence_page, self.tr("E&vidence"))
        self.tabs.addTab(self.registers, self.tr("&Documents and people"))
        self.tabs.addTab(self.trail, self.tr("Audit t&rail"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(header)
        self.lock_banner = label(
            self.tr(
                "This report version is signed and locked: the audit is read only. To change it, "
                "the lead auditor reopens it (Audit ▸ Reopen audit…), which starts a new report "
                "version."
            ),
            "locked",
        )
        self.lock_banner.setObjectName("lockBanner")
        self.lock_banner.setContentsMargins(16, 0, 16, 0)
        layout.addWidget(self.lock_banner)
        layout.addWidget(self.import_panel)
        layout.addWidget(self.tabs, 1)

        self.walk.raise_finding_requested.connect(self.raise_finding)
        self.walk.progress_changed.connect(self._progress)
        self.findings.new_finding_requested.connect(lambda: self.raise_finding(None))
        editor.audit_changed.connect(self._audit_changed)
        editor.findings_changed.connect(self._counts)
        self._wire_evidence()
        self._audit_changed()
        self._counts()
        self.walk.start()

    # --- evidence: the tab, the strips beside a question and a finding, drops -----------------

    def _wire_evidence(self) -> None:
        hint = self.tr("None yet: drop photos or files here, or paste an image (Ctrl+Shift+V).")
        self.question_evidence = EvidenceStrip(self.evidence.model, hint=hint)
        self.walk.pane.add_section(self.question_evidence)
        self.finding_evidence = EvidenceStrip(self.evidence.model, hint=hint)
        self.findings.add_editor_section(self.finding_evidence)
        from auditapp.ui.repeat_panel import RepeatPanel

        self.repeat_panel = RepeatPanel(self.editor, grade_labels=self.grade_labels)
        self.findings.add_editor_section(self.repeat_panel)
        self.findings.finding_shown.connect(self.repeat_panel.show_finding)
        for strip in (self.question_evidence, self.finding_evidence):
            strip.view_requested.connect(self.evidence_page.open_viewer)
        self.walk.question_changed.connect(self._evidence_context)
        self.findings.finding_shown.connect(self._evidence_context)
        accept_drops(
            self.walk.pane,
            lambda mime, _w, _p: self.importer.import_mime(mime, self._question_target()),
        )
        for widget in (self.findings.form, self.finding_evidence):
            accept_drops(
                widget, lambda mime, _w, _p: self.importer.import_mime(mime, self._finding_target())
            )
        accept_drops(self.findings.table, self._dropped_on_findings)
        # Items appear while a long batch runs, at most once a second; all of them at the end.
        self._evidence_timer = QTimer(self)
        self._evidence_timer.setSingleShot(True)
        self._evidence_timer.setInterval(1000)
        self._evidence_timer.timeout.connect(self.evidence.refresh)
        self.importer.progressed.connect(
            lambda *_: self._evidence_timer.isActive() or self._evidence_timer.start()
        )
        self.importer.finished.connect(lambda _summary: self.evidence.refresh())
        self.evidence.refresh()
        self._evidence_context()

    def _question_target(self) -> Target | None:
        question = self.walk.current_question
        return Target(question=question) if question else None

    def _finding_target(self) -> Target | None:
        number = self.findings.current_number
        return Target(finding=number) if number is not None else None

    def evidence_target(self) -> Target | None:
        """Where pasted, imported or photographed evidence goes: the question or finding the
        auditor is looking at, or the one the gallery is filtered to."""
        current = self.tabs.currentWidget()
        if current is self.walk:
            return self._question_target()
        if current is self.findings:
            return self._finding_target()
        if current is self.evidence_page:
            return self.evidence_page.gallery_target()
        return None

    def _dropped_on_findings(self, mime: QMimeData, widget: QWidget, position: QPoint) -> None:
        """A drop on a finding's row attaches to that finding; elsewhere to the audit."""
        table = self.findings.table
        index = table.indexAt(position) if widget is table.viewport() else None
        number = self.findings.model.number_at(index.row()) if index and index.isValid() else None
        self.importer.import_mime(mime, Target(finding=number) if number is not None else None)

    def _evidence_context(self, *_args: object) -> None:
        question, finding = self.walk.current_question, self.findings.current_number
        self.question_evidence.set_question(question)
        self.finding_evidence.set_finding(finding)
        self.finding_evidence.setVisible(finding is not None)
        self.evidence_page.set_context(finding=finding, question=question)

    def shutdown(self) -> None:
        """Before the workspace goes: a running import stops after its current file."""
        self.importer.close()
        self._evidence_timer.stop()

    def _audit_changed(self) -> None:
        s = self.editor.state
        self.title.setText(f"{s.reference}  ·  {s.title}")
        self.title.setToolTip(s.title)
        parts = [s.auditee] if s.auditee else []
        # The report version the edits go into, in the header (not only the status bar).
        parts.append(self.tr("report version %1").replace("%1", str(s.report_version)))
        parts.append(self.tr("signed in as %1").replace("%1", self.editor.actor))
        if s.locked:
            parts.append(self.tr("signed and locked: read only"))
        self.subtitle.setText("   ·   ".join(parts))
        self.subtitle.setToolTip(self.subtitle.text())
        self.status.setCurrentIndex(max(0, self.status.findData(s.status)))
        self.status.setEnabled(not s.locked)
        self.lock_banner.setVisible(s.locked)
        from auditapp.ui.read_only import apply_lock

        apply_lock(self, s.locked)

    def _status_chosen(self, _index: int) -> None:
        if not self.editor.set_status(self.status.currentData()):
            self._audit_changed()

    def _progress(self, answered: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(answered)
        self.progress_text.setText(
            self.tr("%1 of %2 answered").replace("%1", str(answered)).replace("%2", str(total))
        )

    def _counts(self) -> None:
        counts: dict[str, int] = {}
        for f in self.editor.state.findings.values():
            counts[f.classification] = counts.get(f.classification, 0) + 1
        chips = []
        for code, (name, colour) in self.grade_labels.items():
            chips.append(
                f"<span style='color:{colour}'>●</span>&nbsp;{name}&nbsp;"
                f"<b>{counts.get(code, 0)}</b>"
            )
        self.counts.setText("&nbsp;&nbsp;&nbsp;".join(chips))

    def raise_finding(self, question_id: str | None) -> int | None:
        """Open the finding dialog, pre-filled from the question when there is one."""
        state = self.editor.state
        suggested: list[str] = []
        draft = FindingState(number=0, position=0, title="", classification="")
        if question_id:
            question = state.checklist.question(question_id)
            answer = self.editor.answer(question_id)
            suggested = list(question.references)
            draft = FindingState(
                number=0,
                position=0,
                title="",
                classification="",
                area=state.checklist.area_of(question_id).id,
                references=tuple(suggested),
                question_ids=(question_id,),
                observation=answer.notes if answer else "",
            )
        key = question_id or ""
        if key in self.finding_drafts:  # a draft kept when the dialog was last closed
            draft, suggested = self.finding_drafts[key]
        dialog = FindingDialog(
            self.editor, draft, suggested=suggested, language=self._language, parent=self
        )
        self.last_dialog = dialog
        dialog.exec()
        number = dialog.number
        if dialog.kept_draft is not None:
            self.finding_drafts[key] = (dialog.kept_draft, dialog.kept_references)
        elif number is not None or dialog.discarded:
            self.finding_drafts.pop(key, None)
        if number is not None:
            self.findings.select(number)
            from auditapp.core.findings import number_label

            self.walk.messages.show_info(self.tr("%1 raised.").replace("%1", number_label(number)))
        self.window().activateWindow()
        if question_id:
            self.walk.focus_notes()
        return number

    def save_state(self) -> dict[str, bytes]:
        return {
            "walkSplitter": bytes(self.walk.splitter.saveState().data()),
            "findingsSplitter": bytes(self.findings.splitter.saveState().data()),
            "registersSplitter": bytes(self.registers.splitter.saveState().data()),
        }

    def restore_state(self, states: dict[str, object]) -> None:
        from PySide6.QtCore import QByteArray

        for name, splitter in (
            ("walkSplitter", self.walk.splitter),
            ("findingsSplitter", self.findings.splitter),
            ("registersSplitter", self.registers.splitter),
        ):
            value = states.get(name)
            if isinstance(value, QByteArray | bytes) and value:
                splitter.restoreState(QByteArray(value))
