"""Screenshots of the main screens with the German interface, for docs/ (issue 19).

    python docs/tools/screenshots_de.py [OUTPUT_DIR]
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
    demo = open_demo_window(out, photos=6, language="de")
    window = demo.window
    settle(500)
    shot(window, out, "de-audit-list")
    window.open_audit(demo.reference, wait=True)
    ws = window.workspace
    assert ws is not None
    question = next(q for f in sorted(ws.editor.state.findings.values(), key=lambda f: f.number)
                    for q in f.question_ids)
    ws.walk.select_question(question)
    shot(window, out, "de-checklist-walk")
    ws.tabs.setCurrentWidget(ws.findings)
    ws.findings.select(1)
    shot(window, out, "de-finding-editor")
    ws.tabs.setCurrentWidget(ws.evidence_page)
    ws.evidence_page.select(2)
    shot(window, out, "de-evidence")
    ws.tabs.setCurrentWidget(ws.trail)
    shot(window, out, "de-audit-trail")
    ws.tabs.setCurrentWidget(ws.findings)
    window.show_help()
    help_window = window.help_window
    help_window.resize(1000, 700)
    shot(help_window, out, "de-help")
    help_window.close()
    from auditapp.ui.about import AboutDialog

    about = AboutDialog(demo.db.path, window)
    about.show()
    shot(about, out, "de-about")
    about.close()
    demo.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
