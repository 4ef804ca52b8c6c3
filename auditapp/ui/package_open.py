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


def offer_import(parent: QWidget, db: Database, actor: str, package: Path, *,
                 opened: Callable[[str], None],
                 ask: Callable[[str], bool] | None = None) -> str | None:
    """Ask, import, and hand the new audit's reference to opened(); None when declined/refused."""
    from auditapp.core import package as packages

    question = translate("PackageOpen", "Import the audit package %1 into this database?\n\n%2").replace(
        "%1", package.name).replace("%2", str(db.path))
    if ask is None:
        def ask(text: str) -> bool:
            answer = QMessageBox.question(parent, translate("PackageOpen", "Import audit package"), text)
            return answer == QMessageBox.StandardButton.Yes
    if not ask(question):
        return None
    try:
        with db.session(actor=actor, reason=f"imported from {package.name}") as session:
            reference = packages.import_package(session, package)
    except (AuditAppError, OSError) as exc:
        refused = translate("PackageOpen", "The package was not imported; nothing changed:\n%1")
        QMessageBox.warning(parent, translate("PackageOpen", "Import audit package"),
                            refused.replace("%1", str(exc)))
        return None
    opened(reference)
    return reference
