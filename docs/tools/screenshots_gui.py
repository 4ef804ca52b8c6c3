"""Screenshots of the screens changed for issue 17, at 1366×768, for docs/.

    python docs/tools/screenshots_gui.py [OUTPUT_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from shots import open_demo_window, output_folder, relaunch_without_display, settle, shot, wait_for


def main() -> int:
    out = output_folder()
    code = relaunch_without_display(__file__, out)
    if code is not None:
        return code
    demo = open_demo_window(out)
    window = demo.window
    from auditapp.ui.accounts import RecoveryCodeDialog, UsersDialog

    users = UsersDialog(demo.db, "demo.lead", window)
    users.show()
    users.refresh(select_user="demo.qa")
    shot(users, out, "users-dialog")
    users.close()
    code_dialog = RecoveryCodeDialog("anna.becker", "7K2QM-XD4PA-9TNVE-H3WQC-R8BZF", window)
    code_dialog.show()
    shot(code_dialog, out, "recovery-code")
    code_dialog.close()

    window.open_audit(demo.reference, wait=True)
    ws = window.workspace
    assert ws is not None
    window.preview_dock._timer.setInterval(10)
    window.preview_dock.show()
    wait_for(lambda: window.preview_dock.renderings >= 1)
    settle(800)
    shot(window, out, "walk-with-preview")
    window.preview_dock.hide()
    ws.tabs.setCurrentWidget(ws.trail)
    shot(window, out, "audit-trail")

    from auditapp.core import setup
    from auditapp.core.audits import get_audit
    from auditapp.ui.setup_dialog import SetupDialog

    with demo.db.session() as s:
        details = setup.read_details(get_audit(s, demo.reference))
        from auditapp.core import checklists

        library = checklists.library(s)
    dialog = SetupDialog(details, checklists=library, auditors=[("demo.lead", "Demo Lead")],
                         submit=lambda _d: None, new=True, parent=window)
    dialog.show()
    dialog.tabs.setCurrentIndex(dialog.tabs.count() - 1)
    shot(dialog, out, "setup-checklist")
    dialog.tabs.setCurrentIndex(0)
    dialog.planned_start.show_calendar()
    settle(300)
    shot(dialog, out, "setup-dates")
    dialog.planned_start.popup.close()
    dialog.close()

    from sqlalchemy import select

    from auditapp.core.models import Audit

    with demo.db.session(actor="demo.lead", reason="screenshot: as after signing") as s:
        s.scalar(select(Audit).where(Audit.reference == demo.reference)).locked = True
    window.open_audit(demo.reference, wait=True)
    window.workspace.tabs.setCurrentWidget(window.workspace.walk)
    shot(window, out, "locked-read-only")
    demo.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
