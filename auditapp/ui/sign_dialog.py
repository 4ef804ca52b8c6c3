"""The signature ceremony (21 CFR 11.50, 11.70, 11.200): see what is signed, re-enter username
and password, choose the meaning, sign. The password field starts empty every time and is
emptied after each attempt; a refused attempt changes nothing but the core's attempt counter.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from auditapp.core.db import Database
from auditapp.core.models import SignatureMeaning, codes
from auditapp.errors import AuditAppError, ReviewAgain
from auditapp.reports import export, signoff
from auditapp.reports.wording_signoff import MEANING_TEXT
from auditapp.ui.export_dialog import AskPath, ask_save_path, default_folder, failure_text
from auditapp.ui.pdf_preview import PdfPreview
from auditapp.ui.tasks import TaskRunner
from auditapp.ui.widgets import MessageBar, label

MEANINGS = codes(SignatureMeaning)


def next_meaning(signed: list[str]) -> str:
    """The meaning a signer most likely wants: author first, then the approver (review is
    optional)."""
    if "author" not in signed:
        return "author"
    return "approver" if "approver" not in signed else "reviewer"


class SignDialog(QDialog):
    signed = Signal(object)  # signoff.SignResult

    def __init__(
        self,
        db: Database,
        reference: str,
        title: str,
        *,
        actor: str,
        signed_meanings: list[str],
        tasks: TaskRunner,
        ask_path: AskPath | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self.reference = reference
        self._tasks = tasks
        self.ask_path = ask_path or ask_save_path(self, self.tr("Save signed report"))
        self.shown: signoff.Preview | None = None
        self.result_: signoff.SignResult | None = None
        self._generation = itertools.count(1)
        self._wanted = 0
        self._previewed_for = ""
        self._already = frozenset(signed_meanings)
        self.setWindowTitle(self.tr("Sign report · %1").replace("%1", reference))

        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.audit = label(f"{reference} · {title}", "subheading")
        self.version = label("", "muted")
        self.meanings = QButtonGroup(self)
        meaning_box = QVBoxLayout()
        names = {
            "author": self.tr("&Author"),
            "reviewer": self.tr("Re&viewer"),
            "approver": self.tr("A&pprover"),
        }
        for code in MEANINGS:
            button = QRadioButton(names[code])
            button.setProperty("meaning", code)
            button.setEnabled(code not in signed_meanings)
            self.meanings.addButton(button)
            meaning_box.addWidget(button)
        self.statement = label("")
        self.statement.setProperty("role", "")
        statement_frame = QFrame()
        statement_frame.setProperty("role", "guidance")
        frame_layout = QVBoxLayout(statement_frame)
        frame_layout.addWidget(label(self.tr("By signing you state:"), "sectionlabel"))
        frame_layout.addWidget(self.statement)
        meaning_box.addWidget(statement_frame)

        self.sha256 = label("")
        self.sha256.setFont(mono)
        self.sha256.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sha_note = label("", "muted")
        self.username = QLineEdit(actor)
        self.username.setAccessibleName(self.tr("Username"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.docx = QCheckBox(
            self.tr("Also sign a &Word copy (DOCX with a detached .p7s signature)")
        )
        self.messages = MessageBar()

        form = QFormLayout()
        form.addRow(self.tr("Audit"), self.audit)
        form.addRow(self.tr("Report"), self.version)
        form.addRow(self.tr("Meaning"), meaning_box)
        form.addRow(self.tr("SHA-256"), self.sha256)
        form.addRow("", self.sha_note)
        form.addRow(self.tr("&Username"), self.username)
        form.addRow(self.tr("Pass&word"), self.password)
        form.addRow("", self.docx)

        self.sign_button = QPushButton(self.tr("&Sign"))
        self.sign_button.setDefault(True)
        self.sign_button.setEnabled(False)
        self.save_button = QPushButton(self.tr("&Save signed report…"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.addButton(self.sign_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.hide()  # after addButton, which shows the buttons it is given
        self.buttons.rejected.connect(self.reject)
        self.sign_button.clicked.connect(self.sign)
        self.save_button.clicked.connect(self.save)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        left_layout.addLayout(form)
        left_layout.addWidget(self.messages)
        left_layout.addStretch(1)
        left_layout.addWidget(self.buttons)
        self.preview = PdfPreview()
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([460, 640])
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)
        self.resize(1180, 820)

        default = next_meaning(signed_meanings)
        for button in self.meanings.buttons():
            if button.property("meaning") == default:
                button.setChecked(True)
        self.meanings.buttonToggled.connect(lambda _b, on: on and self.refresh_preview())
        self.username.editingFinished.connect(self._username_edited)
        self.password.setFocus()
        self.refresh_preview()

    @property
    def meaning(self) -> str:
        button = self.meanings.checkedButton()
        return str(button.property("meaning")) if button is not None else "author"

    def _username_edited(self) -> None:
        if self.username.text().strip() != self._previewed_for and self.result_ is None:
            self.refresh_preview()

    # --- preview -------------------------------------------------------------------------------

    def refresh_preview(self) -> None:
        """Render what this signer would sign with this meaning; nothing is signable until then."""
        db, reference = self._db, self.reference
        meaning, username = self.meaning, self.username.text().strip()
        self._previewed_for = username
        self.statement.setText(MEANING_TEXT["en"][meaning])
        self.shown = None
        self.sign_button.setEnabled(False)
        self.sha256.setText(self.tr("preparing the document…"))
        self.sha_note.setText("")
        self.messages.clear_message()
        generation = self._wanted = next(self._generation)

        def work(_progress: Callable[[int, int, str], None]) -> signoff.Preview:
            return signoff.preview(db, reference, meaning=meaning, username=username)

        def done(preview: signoff.Preview) -> None:
            if generation == self._wanted:
                self._previewed(preview)

        def failed(exc: Exception) -> None:
            if generation == self._wanted:
                self.preview.clear()
                self.sha256.setText("—")
                self.messages.show_error(failure_text(exc, self.tr("Preparing the document")))

        self._tasks.run(work, on_done=done, on_failed=failed)

    def _previewed(self, preview: signoff.Preview) -> None:
        self.shown = preview
        self.preview.load_bytes(preview.pdf_bytes)
        self.statement.setText(preview.statement)
        self.version.setText(
            self.tr("version %1, %2 pages, language %3")
            .replace("%1", str(preview.version))
            .replace("%2", str(self.preview.page_count))
            .replace("%3", preview.language.upper())
        )
        self.sha256.setText(_wrap_hash(preview.sha256))
        self.sha_note.setText(
            self.tr(
                "of the document shown. The signing time on the signature page is set at "
                "the moment you sign."
            )
            if preview.meaning == SignatureMeaning.AUTHOR
            else self.tr("of the signed document you countersign.")
        )
        if preview.problems:
            self.messages.show_error(
                self.tr(
                    "%n problem(s) block issuing this report; see Audit ▸ Check before issue…. "
                    "First: %2",
                    "",
                    len(preview.problems),
                ).replace("%2", str(preview.problems[0]))
            )
            return
        self.sign_button.setEnabled(True)

    # --- signing -------------------------------------------------------------------------------

    def sign(self) -> None:
        shown = self.shown
        password = self.password.text()
        # The password is never kept in the form: each attempt types it again.
        self.password.clear()
        if shown is None:
            return
        username = self.username.text().strip()
        if not username or not password:
            self.messages.show_error(self.tr("Enter your username and password to sign."))
            self.password.setFocus()
            return
        db, reference, docx = self._db, self.reference, self.docx.isChecked()

        def work(_progress: Callable[[int, int, str], None]) -> signoff.SignResult:
            return signoff.sign_report(
                db,
                reference,
                username=username,
                password=password,
                meaning=shown.meaning,
                shown=shown,
                docx=docx,
            )

        self._set_busy(True)
        self.messages.show_info(self.tr("Signing…"), 0)
        self._tasks.run(work, on_done=self._signed, on_failed=self._refused)

    def _set_busy(self, busy: bool) -> None:
        for widget in (
            self.sign_button,
            self.username,
            self.password,
            self.docx,
            *self.meanings.buttons(),
        ):
            widget.setEnabled(not busy)
        if not busy:
            for button in self.meanings.buttons():
                button.setEnabled(button.property("meaning") not in self._already)

    def _refused(self, exc: Exception) -> None:
        self._set_busy(False)
        if isinstance(exc, ReviewAgain):
            self.refresh_preview()  # first: it clears the message bar, which must say why
        self.messages.show_error(failure_text(exc, self.tr("Signing")))
        self.password.setFocus()

    def _signed(self, result: signoff.SignResult) -> None:
        self.result_ = result
        self.preview.load_bytes(result.pdf_bytes)
        self.sha256.setText(_wrap_hash(result.signed_sha256))
        self.sha_note.setText(self.tr("of the document you signed."))
        for widget in (
            self.sign_button,
            self.username,
            self.password,
            self.docx,
            *self.meanings.buttons(),
        ):
            widget.setEnabled(False)
        self.sign_button.hide()
        self.save_button.show()
        self.save_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
        state = (
            self.tr("The audit is final and locked.")
            if result.final
            else self.tr("The audit is locked; changes need a reopen by the lead auditor.")
        )
        self.messages.show_info(
            self.tr("Signed: %1. %2").replace("%1", result.manifestation()).replace("%2", state), 0
        )
        self.signed.emit(result)

    def save(self) -> None:
        result = self.result_
        if result is None:
            return
        name = f"{result.reference}_report_v{result.version}_signed.pdf"
        chosen = self.ask_path(str(default_folder() / name), self.tr("PDF documents (*.pdf)"))
        if not chosen:
            return
        target = Path(chosen)
        try:
            written = [export.write(target, result.pdf_bytes)]
            if result.docx_bytes is not None and result.p7s_bytes is not None:
                docx = target.with_suffix(".docx")
                written.append(export.write(docx, result.docx_bytes))
                written.append(export.write(docx.with_name(docx.name + ".p7s"), result.p7s_bytes))
        except AuditAppError as exc:
            self.messages.show_error(str(exc))
            return
        self.messages.show_info(
            self.tr("Saved: %1").replace("%1", ", ".join(str(p) for p in written)), 0
        )


def _wrap_hash(digest: str) -> str:
    return f"{digest[:32]}\n{digest[32:]}"
