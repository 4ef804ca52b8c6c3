"""One open audit: a header with status and progress, and the tabs the auditor works in."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from auditapp.core.setup import STATUS_ORDER
from auditapp.core.workspace import FindingState
from auditapp.ui import labels
from auditapp.ui.audit_editor import AuditEditor
from auditapp.ui.checklist_walk import ChecklistWalk
from auditapp.ui.finding_dialog import FindingDialog
from auditapp.ui.findings_page import FindingsPage
from auditapp.ui.registers_page import RegistersPage
from auditapp.ui.trail_view import TrailPage
from auditapp.ui.widgets import label


class Workspace(QWidget):
    details_requested = Signal()

    def __init__(self, editor: AuditEditor, *, language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self._language = language
        self.grade_labels = {g.classification.value: (g.label[language], g.colour)
                             for g in editor.state.grades}

        self.title = label("", "heading")
        self.title.setWordWrap(False)
        # Long titles are cut rather than pushing the header to two lines; the tooltip has all.
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.subtitle = label("", "muted")
        self.status = QComboBox()
        self.status.setToolTip(self.tr("Audit status"))
        for code in STATUS_ORDER:
            self.status.addItem(labels.audit_status(code), code)
        self.status.activated.connect(self._status_chosen)
        self.progress = QProgressBar()
        self.progress.setFixedWidth(180)
        self.progress.setFormat(self.tr("%v of %m answered"))
        self.counts = QLabel()
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        header = QHBoxLayout()
        header.setContentsMargins(16, 12, 16, 4)
        header.addLayout(titles, 1)
        header.addWidget(self.counts)
        header.addSpacing(12)
        header.addWidget(self.progress)
        header.addWidget(self.status)

        self.walk = ChecklistWalk(editor, language=language, grade_labels=self.grade_labels)
        self.findings = FindingsPage(editor, language=language)
        self.registers = RegistersPage(editor)
        self.trail = TrailPage(editor)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.walk, self.tr("&Checklist"))
        self.tabs.addTab(self.findings, self.tr("&Findings"))
        self.tabs.addTab(self.registers, self.tr("&Documents and people"))
        self.tabs.addTab(self.trail, self.tr("Audit t&rail"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(header)
        self.lock_banner = label(self.tr(
            "This report version is signed and locked: the audit is read only. To change it, "
            "the lead auditor reopens it (Audit ▸ Reopen audit…), which starts a new report "
            "version."), "info")
        self.lock_banner.setContentsMargins(16, 0, 16, 0)
        layout.addWidget(self.lock_banner)
        layout.addWidget(self.tabs, 1)

        self.walk.raise_finding_requested.connect(self.raise_finding)
        self.walk.progress_changed.connect(self._progress)
        self.findings.new_finding_requested.connect(lambda: self.raise_finding(None))
        editor.audit_changed.connect(self._audit_changed)
        editor.findings_changed.connect(self._counts)
        self._audit_changed()
        self._counts()
        self.walk.start()

    def _audit_changed(self) -> None:
        s = self.editor.state
        self.title.setText(f"{s.reference}  ·  {s.title}")
        self.title.setToolTip(s.title)
        parts = [s.auditee] if s.auditee else []
        parts.append(self.tr("signed in as %1").replace("%1", self.editor.actor))
        if s.locked:
            parts.append(self.tr("signed and locked: read only"))
        self.subtitle.setText("   ·   ".join(parts))
        self.status.setCurrentIndex(max(0, self.status.findData(s.status)))
        self.status.setEnabled(not s.locked)
        self.lock_banner.setVisible(s.locked)

    def _status_chosen(self, _index: int) -> None:
        if not self.editor.set_status(self.status.currentData()):
            self._audit_changed()

    def _progress(self, answered: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(answered)

    def _counts(self) -> None:
        counts: dict[str, int] = {}
        for f in self.editor.state.findings.values():
            counts[f.classification] = counts.get(f.classification, 0) + 1
        chips = []
        for code, (name, colour) in self.grade_labels.items():
            chips.append(f"<span style='color:{colour}'>●</span>&nbsp;{name}&nbsp;"
                         f"<b>{counts.get(code, 0)}</b>")
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
                number=0, position=0, title="", classification="",
                area=state.checklist.area_of(question_id).id, references=tuple(suggested),
                question_ids=(question_id,), observation=answer.notes if answer else "")
        dialog = FindingDialog(self.editor, draft, suggested=suggested,
                               language=self._language, parent=self)
        self.last_dialog = dialog
        dialog.exec()
        number = dialog.number
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

        for name, splitter in (("walkSplitter", self.walk.splitter),
                               ("findingsSplitter", self.findings.splitter),
                               ("registersSplitter", self.registers.splitter)):
            value = states.get(name)
            if isinstance(value, QByteArray | bytes) and value:
                splitter.restoreState(QByteArray(value))
