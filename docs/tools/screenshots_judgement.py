"""Screenshots of the auditor's judgement screens for docs/: the Conclusion page of the audit
details and the escalation box of a critical finding, on a demo database under Xvfb.

    python docs/tools/screenshots_judgement.py [OUTPUT_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from shots import open_demo_window, output_folder, relaunch_without_display, settle, shot


def main() -> int:
    out = output_folder()
    code = relaunch_without_display(__file__, out)
    if code is not None:
        return code
    demo = open_demo_window(out)
    window = demo.window
    window.open_audit(demo.reference, wait=True)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def grab_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(100, grab_dialog)
            return
        shot(dialog, out, "conclusion-page")
        dialog.reject()

    QTimer.singleShot(300, grab_dialog)
    window.edit_details("conclusion")
    ws = window.workspace
    assert ws is not None
    ws.tabs.setCurrentWidget(ws.findings)
    ws.findings.select(1)
    settle(300)
    # Scroll the editor to the escalation box of F-01 (critical).
    form = ws.findings.form
    area = form.parentWidget()
    while area is not None and not hasattr(area, "ensureWidgetVisible"):
        area = area.parentWidget()
    if area is not None:
        area.ensureWidgetVisible(form.escalation)
    shot(window, out, "finding-escalation")
    demo.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
