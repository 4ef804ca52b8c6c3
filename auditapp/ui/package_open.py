"""Opening an .auditpkg from the file manager (the installers' file association).

`auditapp FILE.auditpkg` starts the window; after sign-in this asks whether to import the
package into the open database, through the same core function as `auditapp import`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from auditapp.core.db import Database
from auditapp.errors import AuditAppError

translate = QCoreApplication.translate


def offer_import(
    parent: QWidget,
    db: Database,
    actor: str,
    package: Path,
    *,
    opened: Callable[[str], None],
    ask: Callable[[str], bool] | None = None,
) -> str | None:
    """Ask, import, and hand the new audit's reference to opened(); None when declined/refused."""
    from auditapp.core import package as packages

    question = (
        translate("PackageOpen", "Import the audit package %1 into this database?\n\n%2")
        .replace("%1", package.name)
        .replace("%2", str(db.path))
    )
    if ask is None:

        def ask(text: str) -> bool:
            answer = QMessageBox.question(
                parent, translate("PackageOpen", "Import audit package"), text
            )
            return answer == QMessageBox.StandardButton.Yes

    if not ask(question):
        return None
    try:
        transfer = None
        if packages.is_encrypted(package):
            transfer = _ask_transfer_password(parent, package)
            if transfer is None:
                return None
        accept = _signer_to_accept(db, package, transfer, ask)
        if accept is False:
            return None
        with db.session(actor=actor, reason=f"imported from {package.name}") as session:
            report = packages.import_package(
                session,
                package,
                actor=actor,
                transfer_password=transfer,
                accept_signer=accept or None,
            )
    except (AuditAppError, OSError) as exc:
        refused = translate("PackageOpen", "The package was not imported; nothing changed:\n%1")
        QMessageBox.warning(
            parent,
            translate("PackageOpen", "Import audit package"),
            refused.replace("%1", str(exc)),
        )
        return None
    opened(report.reference)
    return report.reference


def _signer_to_accept(
    db: Database, package: Path, transfer: str | None, ask: Callable[[str], bool]
) -> str | bool:
    """ "" when this database knows the exporter's certificate; its fingerprint when the user
    accepts it after comparing it with the sender; False when they do not."""
    from auditapp.core import package as packages
    from auditapp.core.signing import known_certificates

    with packages.open_package(package, transfer) as opened:
        username, full_name, fingerprint = opened.signer
    with db.session() as session:
        if fingerprint in known_certificates(session):
            return ""
    question = (
        translate(
            "PackageOpen",
            "The package is signed by %1 (%2), whose certificate this database does "
            "not know.\n\nCertificate SHA-256:\n%3\n\nImport it only if the sender confirms this "
            "fingerprint through another channel (phone, signed e-mail). Import it?",
        )
        .replace("%1", full_name)
        .replace("%2", username)
        .replace("%3", fingerprint)
    )
    return fingerprint if ask(question) else False


def _ask_transfer_password(parent: QWidget, package: Path) -> str | None:
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    text, ok = QInputDialog.getText(
        parent,
        translate("PackageOpen", "Import audit package"),
        translate("PackageOpen", "%1 is encrypted. Transfer password:").replace("%1", package.name),
        QLineEdit.EchoMode.Password,
    )
    return text if ok and text else None
