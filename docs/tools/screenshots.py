"""Screenshots of the main screens for docs/, made on a demo database under Xvfb.

    python docs/tools/screenshots.py [OUTPUT_DIR]
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
    demo = open_demo_window(out, photos=10)  # photos for the evidence gallery
    window = demo.window
    settle(500)
    shot(window, out, "audit-list")
    window.open_audit(demo.reference, wait=True)
    ws = window.workspace
    assert ws is not None
    # Show a question with a finding raised from it: the most telling state of the walk.
    question = next(q for f in sorted(ws.editor.state.findings.values(), key=lambda f: f.number)
                    for q in f.question_ids)
    ws.walk.select_question(question)
    shot(window, out, "checklist-walk")
    ws.tabs.setCurrentWidget(ws.findings)
    ws.findings.select(1)
    shot(window, out, "finding-editor")
    # An error beside its field: a minor finding without an impact graded major.
    minor = next(f.number for f in sorted(ws.editor.state.findings.values(),
                                          key=lambda f: f.number)
                 if f.classification == "minor" and not f.impact.strip())
    ws.findings.select(minor)
    ws.findings.form.grade_buttons["major"].click()
    shot(window, out, "finding-field-error")
    ws.tabs.setCurrentWidget(ws.evidence_page)
    ws.evidence_page.select(3)
    shot(window, out, "evidence")
    demo.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
