"""Verify a signed file: a PDF, or a DOCX with its .p7s beside it. Each signer, meaning, time,
whether the signed bytes are intact, whether the certificate is trusted (a signer this database
knows, or the trust store) and its SHA-256 fingerprint. Valid means intact AND trusted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from auditapp.core.db import Database
from auditapp.errors import AuditAppError
from auditapp.reports import signed_files
from auditapp.reports.pades import SignatureCheck, VerificationReport
from auditapp.ui import file_dialogs, formats
from auditapp.ui.export_dialog import failure_text
from auditapp.ui.tasks import TaskRunner
from auditapp.ui.variant import variant_result
from auditapp.ui.widgets import MessageBar, label

Index = QModelIndex | QPersistentModelIndex
# () -> the chosen path, or None when cancelled
AskOpen = Callable[[], str | None]
# A valid result earns the one green banner in the app: it is the answer the reader came for.
VALID_STYLE = (
    "QLabel { color: #FFFFFF; background: #1E7D32; padding: 6px 10px; "
    "border-radius: 4px; font-weight: 600; }"
)


def local_time(at: dt.datetime | None) -> str:
    if at is None:
        return "—"
    return formats.datetime_text(at, seconds=True)


class SignatureChecksModel(QAbstractTableModel):
    SIGNER, MEANING, TIME, INTACT, TRUST, FINGERPRINT = range(6)
    KNOWN = TRUST

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._rows: list[SignatureCheck] = []

    def set_checks(self, checks: tuple[SignatureCheck, ...] | list[SignatureCheck]) -> None:
        self.beginResetModel()
        self._rows = list(checks)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 6

    @variant_result
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Signer"),
                self.tr("Meaning"),
                self.tr("Signed at"),
                self.tr("Intact"),
                self.tr("Trust"),
                self.tr("Certificate SHA-256"),
            )[section]
        return None

    @variant_result
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.SIGNER:
                return row.signer
            if column == self.MEANING:
                return row.meaning or self.tr("signature")
            if column == self.TIME:
                return local_time(row.signed_at)
            if column == self.INTACT:
                return self.tr("intact") if row.intact else self.tr("NOT intact")
            if column == self.FINGERPRINT:
                from auditapp.core.trust import fingerprint_pretty

                return fingerprint_pretty(row.certificate_sha256)
            if row.trusted:
                return self.tr("trusted")
            return self.tr("NOT trusted")
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [f"SHA-256 {row.certificate_sha256}", row.trust]
            if row.detail:
                parts.append(row.detail)
            return "\n".join(parts)
        bad = (column == self.INTACT and not row.intact) or (
            column == self.TRUST and not row.trusted
        )
        if role == Qt.ItemDataRole.ForegroundRole and bad:
            from PySide6.QtGui import QColor

            return QColor("#B3261E")
        return None


class VerifyDialog(QDialog):
    def __init__(
        self,
        db: Database | None,
        *,
        tasks: TaskRunner,
        ask_open: AskOpen | None = None,
        ask_certificate: AskOpen | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._tasks = tasks
        self._path: Path | None = None
        self.ask_open = ask_open or self._ask_open
        self.ask_certificate = ask_certificate or self._ask_certificate
        self.report: VerificationReport | None = None
        self.setWindowTitle(self.tr("Verify signed file"))
        self.resize(760, 460)
        self.file = label(
            self.tr("Choose a signed PDF, or a Word file with its .p7s signature beside it."),
            "muted",
        )
        self.banner = MessageBar()
        self.model = SignatureChecksModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(130)
        self.details.setAccessibleName(self.tr("Verification details"))
        self.open_button = QPushButton(self.tr("&Open file…"))
        self.open_button.clicked.connect(self.choose)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.trust_button = QPushButton(self.tr("&Trust a certificate…"))
        self.trust_button.setToolTip(
            self.tr(
                "Add a signer's exported certificate or your organisation's CA to the certificates "
                "this computer trusts. Compare its fingerprint with the signer's first."
            )
        )
        self.trust_button.clicked.connect(self.trust_certificate)
        buttons.addButton(self.trust_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addWidget(label(self.tr("Details"), "sectionlabel"))
        layout.addWidget(self.details)
        layout.addWidget(buttons)

    def _ask_open(self) -> str | None:
        from auditapp.ui import folders

        path = file_dialogs.open_file(
            self,
            self.tr("Verify signed file"),
            str(folders.start_folder(folders.VERIFY)),
            self.tr("Signed reports (*.pdf *.docx);;All files (*)"),
        )
        if path:
            folders.remember(folders.VERIFY, path)
        return path

    def _ask_certificate(self) -> str | None:
        return file_dialogs.open_file(
            self,
            self.tr("Trust a certificate"),
            "",
            self.tr("Certificates (*.pem *.crt *.cer *.der);;All files (*)"),
        )

    def trust_certificate(self) -> None:
        """Add a certificate to the trust store in the user data folder, then verify again."""
        from auditapp.core import trust

        chosen = self.ask_certificate()
        if not chosen:
            return
        try:
            added = trust.add(Path(chosen))
        except AuditAppError as exc:
            self.banner.setStyleSheet("")
            self.banner.show_error(str(exc))
            return
        names = ", ".join(
            f"{c.subject} (SHA-256 {trust.fingerprint_pretty(c.fingerprint)})" for c in added
        )
        self.details.setPlainText(self.tr("Now trusted: %1").replace("%1", names))
        if self._path is not None:
            self.verify(self._path)

    def choose(self) -> None:
        chosen = self.ask_open()
        if chosen:
            self.verify(Path(chosen))

    def verify(self, path: Path) -> None:
        db = self._db
        self._path = path
        self.file.setText(str(path))
        self.banner.setStyleSheet("")
        self.banner.show_info(self.tr("Checking…"), 0)
        self.model.set_checks([])
        self.details.clear()
        self.open_button.setEnabled(False)

        def work(_progress: Callable[[int, int, str], None]) -> VerificationReport:
            return signed_files.verify_file(path, db)

        self._tasks.run(work, on_done=self._verified, on_failed=self._failed)

    def _verified(self, report: VerificationReport) -> None:
        self.open_button.setEnabled(True)
        self.report = report
        self.model.set_checks(report.signatures)
        self.details.setPlainText("\n".join(report.lines()))
        count = len(report.signatures)
        if report.valid:
            self.banner.setStyleSheet(VALID_STYLE)
            self.banner.show_info(
                self.tr(
                    "VALID: %n signature(s), every signed byte intact, every signer trusted.",
                    "",
                    count,
                ),
                0,
            )
        elif report.intact:
            self.banner.setStyleSheet("")
            untrusted = next(s for s in report.signatures if not s.trusted)
            why = untrusted.trust.removeprefix("NOT TRUSTED: ")
            self.banner.show_error(
                self.tr(
                    "NOT TRUSTED: %1 (%2). Trust the signer's certificate "
                    "only after comparing its fingerprint."
                )
                .replace("%1", untrusted.signer)
                .replace("%2", why)
            )
        else:
            self.banner.setStyleSheet("")
            reason = (
                report.problems[0]
                if report.problems
                else (
                    self.tr("no signature found")
                    if not count
                    else self.tr("the file changed after it was signed")
                )
            )
            self.banner.show_error(self.tr("INVALID: %1").replace("%1", reason))

    def _failed(self, exc: Exception) -> None:
        self.open_button.setEnabled(True)
        self.report = None
        self.banner.show_error(failure_text(exc, self.tr("Verification")))
