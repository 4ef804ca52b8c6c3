"""Screenshots of the report and sign-off screens for docs/, on a demo database under Xvfb.

    python docs/tools/screenshots_signoff.py [OUTPUT_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from shots import open_demo_window, output_folder, relaunch_without_display, shot, wait_for


def main() -> int:
    out = output_folder()
    code = relaunch_without_display(__file__, out)
    if code is not None:
        return code
    demo = open_demo_window(out)
    window = demo.window
    window.open_audit(demo.reference, wait=True)
    actions = window.signoff
    editor = window.workspace.editor

    # The pre-issue panel with something to show: a blanked recommendation, an open question.
    number = min(n for n, f in editor.state.findings.items() if f.classification == "critical")
    question = editor.state.checklist.questions[3].id
    answer = editor.answer(question)
    editor.update_finding(number, {"recommendation": ""})
    editor.set_answer(question, None)
    problems = actions.check()
    assert problems is not None
    shot(problems, out, "preissue-panel")
    problems.close()
    editor.stack.undo()
    editor.stack.undo()
    restored = editor.answer(question)
    assert restored is not None and answer is not None and restored.result == answer.result

    export = actions.export()
    assert export is not None
    export.confidential.setChecked(True)
    shot(export, out, "export-dialog")
    export.reject()

    sign = actions.sign()
    assert sign is not None
    wait_for(lambda: sign.shown is not None)
    shot(sign, out, "sign-dialog")
    sign.password.setText("demo-password-1")
    sign.sign()
    wait_for(lambda: sign.result_ is not None)
    sign.reject()
    signed = demo.work / "signed.pdf"
    signed.write_bytes(sign.result_.pdf_bytes)
    shot(window, out, "locked-workspace")

    verify = actions.verify()
    verify.resize(900, 420)
    verify.verify(signed)
    wait_for(lambda: verify.report is not None)
    shot(verify, out, "verify-dialog")
    verify.reject()
    demo.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
