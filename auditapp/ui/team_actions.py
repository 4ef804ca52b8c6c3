"""Hand out / Hand back / Merge team package (Audit menu), the conflict dialog and the summary.

The work is done by core.team_package and core.team_apply, exactly as `auditapp handout`,
`handback` and `merge` do it; this module only asks (who, which areas, which file, the password
for the signature, the decisions on conflicts) and shows what happened.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QMenu, QMessageBox, QWidget

from auditapp.core.db import Database
from auditapp.errors import AuditAppError
from auditapp.ui import file_dialogs, folders
from auditapp.ui.team_dialogs import ConflictDialog, HandOutDialog


class TeamActions(QObject):
    def __init__(
        self,
        window: QWidget,
        *,
        db: Database,
        actor: str,
        reference: Callable[[], str | None],
        reload: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self.window, self.db, self.actor = window, db, actor
        self.reference, self.reload = reference, reload
        self.ask_password: Callable[[], str | None] = self._ask_password
        self.ask: Callable[[str], bool] = self._ask
        self.ask_transfer: Callable[[], str | None] = self._ask_transfer
        self.dialog: QDialog | None = None
        self.summary: QMessageBox | None = None

    def install(self, *, audit_menu: QMenu, file_menu: QMenu) -> None:
        audit_menu.addSeparator()
        self.hand_out_action = audit_menu.addAction(self.tr("Hand &out to co-auditor…"))
        self.hand_out_action.triggered.connect(lambda: self.hand_out())
        self.hand_back_action = audit_menu.addAction(self.tr("Hand &back to lead…"))
        self.hand_back_action.triggered.connect(lambda: self.hand_back())
        self.merge_action = audit_menu.addAction(self.tr("&Merge team package…"))
        self.merge_action.triggered.connect(lambda: self.merge())
        # A co-auditor opens a hand out with no audit open yet: File menu too.
        file_menu.addAction(self.merge_action)
        audit_menu.aboutToShow.connect(self.update_actions)

    def update_actions(self) -> None:
        """A working copy is handed back, never handed out again; the lead's copy the reverse."""
        from auditapp.core import audits, team_package

        reference = self.reference()
        role = None
        if reference is not None:
            with self.db.session() as session:
                copy = team_package.team_copy(session, audits.get_audit(session, reference))
                role = copy.role if copy is not None else None
        self.hand_out_action.setEnabled(reference is not None and role != "co_auditor")
        self.hand_back_action.setEnabled(role == "co_auditor")

    # --- asking ------------------------------------------------------------------------------

    def _ask_password(self) -> str | None:
        text, ok = QInputDialog.getText(
            self.window,
            self.tr("Sign the package"),
            self.tr("Your password (the package is signed with your key):"),
            QLineEdit.EchoMode.Password,
        )
        return text if ok else None

    def _ask_transfer(self) -> str | None:
        text, ok = QInputDialog.getText(
            self.window,
            self.tr("Transfer password"),
            self.tr(
                "Transfer password of the package (at least 12 characters; tell it to the "
                "recipient by another channel):"
            ),
            QLineEdit.EchoMode.Password,
        )
        return text if ok and text else None

    def _transfer_for_writing(self) -> tuple[bool, str | None]:
        """(go on, password): an encrypted database writes encrypted packages, as export does."""
        if not self.db.encrypted:
            return True, None
        password = self.ask_transfer()
        return password is not None, password

    def _ask(self, text: str) -> bool:
        answer = QMessageBox.question(self.window, self.tr("Merge team package"), text)
        return answer == QMessageBox.StandardButton.Yes

    def _fail(self, title: str, exc: Exception) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            title,
            self.tr("Nothing changed:\n%1").replace("%1", str(exc)),
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        self.summary = box
        box.open()

    def _exporter(self) -> object | None:
        from auditapp.core import package, signing, users

        password = self.ask_password()
        if password is None:
            return None
        users.authenticate(self.db, self.actor, password)
        with self.db.session(actor=self.actor) as session:
            user = users.find_user(session, self.actor)
            signing.ensure_identity(user, password)
            return package.Exporter(
                self.actor, user.full_name, signing.open_identity(user, password)
            )

    # --- the three acts ------------------------------------------------------------------------

    def hand_out(self) -> HandOutDialog | None:
        from auditapp.core import audits

        reference = self.reference()
        if reference is None:
            return None
        with self.db.session() as session:
            audit = audits.get_audit(session, reference)
            language = audit.language
            areas = [
                (a.id, a.title.get(language) or a.title.get("en", a.id))
                for a in audits.audit_checklist(audit).areas
            ]
            found = [(f.number, f.title) for f in audit.findings]
        dialog = HandOutDialog(self.window, areas, found)
        dialog.path_edit.setText(str(Path.home() / f"{reference}-handout.teampkg"))
        dialog.accepted.connect(lambda: self._hand_out(reference, dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _hand_out(self, reference: str, dialog: HandOutDialog) -> None:
        from auditapp.core import team_package

        to, areas, findings, path = dialog.chosen()
        try:
            go_on, transfer = self._transfer_for_writing()
            exporter = self._exporter() if go_on else None
            if exporter is None:
                return
            with self.db.session(actor=self.actor, reason=f"handed out to {to}") as session:
                summary = team_package.hand_out(
                    session,
                    reference,
                    path,
                    exporter=exporter,
                    to_user=to,  # type: ignore[arg-type]
                    assignment=team_package.Assignment(areas, findings),
                    transfer_password=transfer,
                )
        except (AuditAppError, OSError) as exc:
            self._fail(self.tr("Hand out"), exc)
            return
        self._show(self.tr("Hand out"), [summary, str(path)])

    def hand_back(self, path: Path | None = None) -> Path | None:
        from auditapp.core import team_package

        reference = self.reference()
        if reference is None:
            return None
        if path is None:
            name = file_dialogs.save_file(
                self.window,
                self.tr("Hand back to lead"),
                str(folders.start_folder(folders.PACKAGES) / f"{reference}-handback.teampkg"),
                self.tr("Team packages (*.teampkg)"),
            )
            if not name:
                return None
            folders.remember(folders.PACKAGES, name)
            path = Path(name)
        try:
            go_on, transfer = self._transfer_for_writing()
            exporter = self._exporter() if go_on else None
            if exporter is None:
                return None
            with self.db.session(actor=self.actor, reason="handed back") as session:
                summary = team_package.hand_back(
                    session,
                    reference,
                    path,
                    exporter=exporter,  # type: ignore[arg-type]
                    transfer_password=transfer,
                )
        except (AuditAppError, OSError) as exc:
            self._fail(self.tr("Hand back"), exc)
            return None
        self._show(self.tr("Hand back"), [summary, str(path)])
        return path

    def merge(self, path: Path | None = None) -> QDialog | None:
        from auditapp.core import package, team_apply

        if path is None:
            name = file_dialogs.open_file(
                self.window,
                self.tr("Merge team package"),
                str(folders.start_folder(folders.PACKAGES)),
                self.tr("Team packages (*.teampkg)"),
            )
            if not name:
                return None
            folders.remember(folders.PACKAGES, name)
            path = Path(name)
        try:
            transfer = None
            if package.is_encrypted(path):
                transfer = self.ask_transfer()
                if transfer is None:
                    return None
            with self.db.session(actor=self.actor) as session:
                username, full_name, fingerprint, trusted = team_apply.signer_of(
                    session, path, transfer
                )
            accept = None
            if not trusted:
                question = (
                    self.tr(
                        "The package is signed by %1 (%2), whose certificate this database does not "
                        "know.\n\nCertificate SHA-256:\n%3\n\nMerge it only if the sender confirms "
                        "this fingerprint through another channel. Merge it?"
                    )
                    .replace("%1", full_name)
                    .replace("%2", username)
                    .replace("%3", fingerprint)
                )
                if not self.ask(question):
                    return None
                accept = fingerprint
            with self.db.session(actor=self.actor) as session:
                preview = team_apply.merge_package(
                    session,
                    path,
                    actor=self.actor,
                    accept_signer=accept,
                    preview=True,
                    transfer_password=transfer,
                )
                session.rollback()
        except (AuditAppError, OSError) as exc:
            self._fail(self.tr("Merge team package"), exc)
            return None
        if not preview.conflicts:
            self._merge(path, accept, {}, transfer)
            return None
        dialog = ConflictDialog(self.window, preview.conflicts, preview.signer)
        dialog.accepted.connect(lambda: self._merge(path, accept, dialog.resolutions(), transfer))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _merge(
        self, path: Path, accept: str | None, resolutions: dict[str, object], transfer: str | None
    ) -> None:
        from auditapp.core import team_apply

        try:
            with self.db.session(actor=self.actor) as session:
                report = team_apply.merge_package(
                    session,
                    path,
                    actor=self.actor,
                    accept_signer=accept,
                    resolutions=resolutions,  # type: ignore[arg-type]
                    transfer_password=transfer,
                )
        except (AuditAppError, OSError) as exc:
            self._fail(self.tr("Merge team package"), exc)
            return
        self.reload(report.reference)
        self._show(self.tr("Merged"), self.summary_lines(report))

    def summary_lines(self, report: object) -> list[str]:
        r = report  # team_apply.MergeReport
        if r.opened_copy:  # type: ignore[attr-defined]
            given = r.assignment  # type: ignore[attr-defined]
            areas = ", ".join(given.get("areas") or []) or "–"
            todo = ", ".join(f"F-{n:02d}" for n in given.get("findings") or []) or "–"
            return [
                self.tr("Opened %1 as your working copy, handed out by %2.")
                .replace("%1", r.reference)
                .replace("%2", r.signer),  # type: ignore[attr-defined]
                self.tr("Your checklist areas: %1. Findings to write: %2.")
                .replace("%1", areas)
                .replace("%2", todo),
            ]
        kind = self.tr("hand out") if r.kind == "handout" else self.tr("hand back")  # type: ignore[attr-defined]
        created = dict(r.created)  # type: ignore[attr-defined]
        others = sum(n for k, n in created.items() if k not in ("response", "finding", "evidence"))
        lines = [
            self.tr("Merged the %1 of %2 into %3.")
            .replace("%1", kind)
            .replace("%2", r.signer)
            .replace("%3", r.reference),  # type: ignore[attr-defined]
            self.tr("New answers: %1; new findings: %2; new evidence: %3; other new records: %4.")
            .replace("%1", str(created.get("response", 0)))
            .replace("%2", str(created.get("finding", 0)))
            .replace("%3", str(created.get("evidence", 0)))
            .replace("%4", str(others)),
            self.tr("Changed values: %1; deleted records: %2; evidence already here: %3.")
            .replace("%1", str(r.updated))
            .replace("%2", str(r.deleted))  # type: ignore[attr-defined]
            .replace("%3", str(r.same_evidence)),  # type: ignore[attr-defined]
        ]
        if r.decisions:  # type: ignore[attr-defined]
            lines.append(self.tr("Your decisions (recorded in the audit trail under your name):"))
            lines += [f"• {d}" for d in r.decisions]  # type: ignore[attr-defined]
        return lines

    def _show(self, title: str, lines: list[str]) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            title,
            "\n".join(lines),
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        self.summary = box
        box.open()
