"""The sign-off actions on signed records: the audit certificate, saving the signed report, and
reopening a signed audit (a mixin of SignoffActions; texts stay in its translation context)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from auditapp.core.db import Database

if TYPE_CHECKING:
    from auditapp.ui.reopen_dialog import ReopenDialog
    from auditapp.ui.signoff_actions import AuditFacts


class SignedRecordActions:
    """Needs from SignoffActions: _facts(), _status(), _keep(), _reload, _db, _actor, _tasks,
    _window and ask_save_path."""

    _db: Database
    _actor: str
    _tasks: Any
    _window: QWidget
    _reload: Callable[[str], None]
    ask_save_path: Any
    _facts: Callable[[], AuditFacts | None]
    _status: Callable[[str], None]
    _keep: Callable[[Any], None]

    def sign_certificate(self) -> QWidget | None:
        facts = self._facts()
        if facts is None:
            return None
        if "approver" not in facts.signed_meanings:
            self._status(
                QCoreApplication.translate(
                    "SignoffActions",
                    "The audit certificate can be signed only for an approved "
                    "report; %1 report version %2 is not approved.",
                )
                .replace("%1", facts.reference)
                .replace("%2", str(facts.version))
            )
            return None
        from auditapp.ui.certificate_dialog import CertificateDialog

        dialog = CertificateDialog(
            self._db,
            facts.reference,
            actor=self._actor,
            language=facts.language,
            tasks=self._tasks,
            parent=self._window,
        )
        dialog.signed.connect(lambda result: self._save_certificate(facts.reference, result))
        self._keep(dialog)
        dialog.open()
        return dialog

    def _save_certificate(self, reference: str, result: Any) -> Path | None:
        from auditapp.errors import AuditAppError
        from auditapp.reports import export
        from auditapp.ui.export_dialog import ask_save_path, default_folder

        ask = self.ask_save_path or ask_save_path(
            self._window, QCoreApplication.translate("SignoffActions", "Save signed certificate")
        )
        name = f"{reference}_certificate_v{result.version}_signed.pdf"
        chosen = ask(
            str(default_folder() / name),
            QCoreApplication.translate("SignoffActions", "PDF documents (*.pdf)"),
        )
        if not chosen:
            self._status(
                QCoreApplication.translate(
                    "SignoffActions", "The signed certificate is stored with the audit."
                )
            )
            return None
        try:
            written = export.write(chosen, result.pdf_bytes)
        except AuditAppError as exc:
            self._status(str(exc))
            return None
        self._status(
            QCoreApplication.translate(
                "SignoffActions", "Signed certificate written to %1"
            ).replace("%1", str(written))
        )
        return written

    def save_signed(self) -> Path | None:
        """Write the stored signed PDF of the current report version (the record, as signed)."""
        from auditapp.errors import AuditAppError
        from auditapp.reports import export, signed_files
        from auditapp.ui.export_dialog import ask_save_path, default_folder

        facts = self._facts()
        if facts is None:
            return None
        try:
            version, data = signed_files.signed_report(self._db, facts.reference)
        except AuditAppError as exc:
            self._status(str(exc))
            return None
        ask = self.ask_save_path or ask_save_path(
            self._window, QCoreApplication.translate("SignoffActions", "Save signed report")
        )
        name = f"{facts.reference}_report_v{version}_signed.pdf"
        chosen = ask(
            str(default_folder() / name),
            QCoreApplication.translate("SignoffActions", "PDF documents (*.pdf)"),
        )
        if not chosen:
            return None
        try:
            written = export.write(chosen, data)
        except AuditAppError as exc:
            self._status(str(exc))
            return None
        self._status(
            QCoreApplication.translate("SignoffActions", "Signed report written to %1").replace(
                "%1", str(written)
            )
        )
        return written

    def reopen(self) -> ReopenDialog | None:
        facts = self._facts()
        if facts is None:
            return None
        if not facts.locked and not facts.signed_meanings:
            self._status(
                QCoreApplication.translate(
                    "SignoffActions", "%1 is not signed; there is nothing to reopen."
                ).replace("%1", facts.reference)
            )
            return None
        from auditapp.ui.reopen_dialog import ReopenDialog

        dialog = ReopenDialog(
            self._db,
            facts.reference,
            version=facts.version,
            actor=self._actor,
            tasks=self._tasks,
            parent=self._window,
        )
        dialog.reopened.connect(lambda version: self._reopened(facts.reference, version))
        self._keep(dialog)
        dialog.open()
        return dialog

    def _reopened(self, reference: str, version: int) -> None:
        self._reload(reference)
        self._status(
            QCoreApplication.translate(
                "SignoffActions", "%1 reopened: you are now editing report version %2."
            )
            .replace("%1", reference)
            .replace("%2", str(version))
        )
