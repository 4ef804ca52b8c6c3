"""Child process for tests/test_ui_small_screens.py: a real app on a screen of a given size and
scale (QT_SCALE_FACTOR), opening every screen and dialog and printing, as JSON, any window that
does not fit the available screen area."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


def main() -> int:
    import os

    os.environ.setdefault("AUDITAPP_HOME", tempfile.mkdtemp(prefix="fit-home-"))
    from audit_factory import make_audit, make_user
    from PySide6.QtCore import QRect, QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QWidget

    from auditapp.core.db import open_database
    from auditapp.ui import theme
    from auditapp.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    theme.apply(app)
    avail: QRect = app.primaryScreen().availableGeometry()
    work = Path(tempfile.mkdtemp(prefix="fit-"))
    db = open_database(work / "a.sqlite")
    make_user(db)
    reference = make_audit(
        db, audit_type="pre_inspection", planned_start="2026-03-02", planned_end="2026-03-04"
    )
    settings = QSettings(str(work / "layout.ini"), QSettings.Format.IniFormat)
    # A layout saved on a 1920x1200 screen.
    big = MainWindow(db, actor="anna", settings=settings)
    big.setGeometry(0, 0, 1900, 1150)
    settings.setValue("window/geometry", big.saveGeometry())
    settings.sync()
    big.deleteLater()
    window = MainWindow(db, actor="anna", settings=settings)
    window.show()
    window.open_audit(reference, wait=True)
    problems: list[dict[str, object]] = []
    report: dict[str, object] = {
        "available": [avail.width(), avail.height()],
        "problems": problems,
        "checked": [],
    }

    def check(name: str, widget: QWidget) -> None:
        app.processEvents()
        frame = widget.frameGeometry()
        hint = widget.minimumSizeHint().expandedTo(widget.minimumSize())
        report["checked"].append(name)  # type: ignore[union-attr]
        if (
            not avail.contains(frame)
            or frame.width() > avail.width()
            or frame.height() > avail.height()
        ):
            problems.append(
                {"window": name, "frame": [frame.x(), frame.y(), frame.width(), frame.height()]}
            )
        if hint.width() > avail.width() or hint.height() > avail.height():
            problems.append({"window": name, "minimum": [hint.width(), hint.height()]})

    check("main window (saved 1900x1150)", window)
    ws = window.workspace
    for tab in range(ws.tabs.count()):
        ws.tabs.setCurrentIndex(tab)
        check(f"main window, tab {tab}", window)
    # Every question's notes box and answers are visible without scrolling the window.
    ws.tabs.setCurrentIndex(0)
    app.processEvents()
    pane = ws.walk.pane
    for name, widget in (("notes", pane.notes), ("answers", pane.answer_group.buttons()[-1])):
        bottom = widget.mapTo(window, widget.rect().bottomLeft()).y()
        if not widget.isVisible() or widget.visibleRegion().isEmpty() or bottom > window.height():
            problems.append({"window": "checklist walk", "below the fold": name})

    legibility(app, window, problems)
    if os.environ.get("FIT_CHILD_LEGIBILITY_ONLY"):
        window.close()
        db.close()
        print(json.dumps(report))
        return 0

    def modal(name: str, trigger: object) -> None:
        def grab() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(30, grab)
                return
            check(name, dialog)
            dialog.done(0)  # type: ignore[attr-defined]

        QTimer.singleShot(30, grab)
        trigger()  # type: ignore[operator]

    modal("audit details", window.edit_details)
    modal("new audit", window.new_audit)
    modal("settings", window.open_settings)
    modal("raise finding", lambda: ws.raise_finding("ORG-01"))
    modal("about", window.show_about)
    modal("keyboard shortcuts", window.show_shortcuts)
    for action_name in ("usersAction", "changePasswordAction"):
        action = window.findChild(type(window.help_action), action_name)
        if action is not None and action.isVisible():
            modal(action_name, action.trigger)
    modal("export", window.signoff.export_action.trigger)
    modal("verify", window.signoff.verify_action.trigger)

    sign = window.signoff.sign()
    if sign is not None:
        check("sign", sign)
        sign.done(0)
    window.signoff._show_pdf("Preview", b"")
    preview = window.signoff.previews[-1] if window.signoff.previews else None
    if preview is not None:
        preview.show()
        check("preview", preview)
        preview.close()
    from auditapp.ui import screen_fit

    screen_fit.install(app)  # as app.py does before the sign-in
    for name, factory in dialog_factories(window, db, reference):
        dialog: QDialog = factory()
        dialog.show()
        check(name, dialog)
        dialog.close()
    window.close()
    db.close()
    print(json.dumps(report))
    return 0


def legibility(app: object, window: object, problems: list[dict[str, object]]) -> None:
    """Text the auditor must read is not squeezed to "…" or cut off."""
    from auditapp.ui.findings_page import MIN_TITLE_WIDTH

    ws = window.workspace  # type: ignore[attr-defined]
    if ws.title.width() < window.width() // 2:  # type: ignore[attr-defined]
        problems.append({"window": "header", "audit title width": ws.title.width()})
    text = ws.walk.pane.text
    if text.height() < text.heightForWidth(text.width()):
        problems.append(
            {
                "window": "checklist walk",
                "question text clipped": [text.height(), text.heightForWidth(text.width())],
            }
        )
    for title in (
        "Organisation chart not approved and reporting lines to the sponsor unclear",
        "Backups never restore-tested",
    ):
        ws.editor.add_finding({"title": title, "classification": "minor"})
    ws.tabs.setCurrentWidget(ws.findings)
    app.processEvents()  # type: ignore[attr-defined]
    table = ws.findings.table
    width = table.columnWidth(ws.findings.model.TITLE)
    if width < MIN_TITLE_WIDTH or table.horizontalScrollBar().isVisible():
        problems.append({"window": "findings list", "title column": width})
    ws.tabs.setCurrentWidget(ws.walk)
    app.processEvents()  # type: ignore[attr-defined]


def dialog_factories(window: object, db: object, reference: str) -> list[tuple[str, object]]:
    from auditapp.ui.accounts import RecoveryCodeDialog, UsersDialog
    from auditapp.ui.signin import SignInDialog

    out: list[tuple[str, object]] = [
        ("sign in", lambda: SignInDialog(first_run=True, authenticate=str, create=str)),
        ("recovery code", lambda: RecoveryCodeDialog("anna", "ABCDE-ABCDE-ABCDE-ABCDE-ABCDE")),
        ("users", lambda: UsersDialog(db, "anna")),  # type: ignore[arg-type]
    ]
    return out


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    # The report is out. PySide 6.12 may crash while the interpreter tears down the many
    # windows and dialogs this child built (no Python frame; the app's own exit is covered by
    # test_exit.py), so leave without that teardown.
    os._exit(code)
