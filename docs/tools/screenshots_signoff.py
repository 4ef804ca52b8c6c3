"""Screenshots of the report and sign-off screens for docs/, on a demo database under Xvfb.

    python docs/tools/screenshots_signoff.py [OUTPUT_DIR]

Like docs/tools/screenshots.py it restarts itself under xvfb-run when there is no display.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SIZE = (1366, 768)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "docs").resolve()
    if not os.environ.get("DISPLAY") and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        if shutil.which("xvfb-run") is None:
            sys.stderr.write("error: no display and no xvfb-run; install xvfb\n")
            return 2
        return subprocess.call(["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24 -dpi 96",
                                sys.executable, __file__, str(out)])
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("AUDITAPP_HOME", tempfile.mkdtemp(prefix="auditapp-shots-home-"))

    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from auditapp.core import demo
    from auditapp.core.db import open_database
    from auditapp.ui import theme
    from auditapp.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    app.setApplicationName("AuditApp")
    theme.apply(app)
    work = Path(tempfile.mkdtemp(prefix="auditapp-shots-"))
    db = open_database(work / "demo.sqlite")
    reference = demo.create_demo(db)
    settings = QSettings(str(work / "layout.ini"), QSettings.Format.IniFormat)
    window = MainWindow(db, actor="demo.lead", settings=settings)
    window.resize(*SIZE)
    window.show()
    out.mkdir(parents=True, exist_ok=True)

    def settle(ms: int = 300) -> None:
        # An event loop, not processEvents(): see docs/tools/screenshots.py.
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def wait_for(condition: object, limit_ms: int = 60_000) -> None:
        waited = 0
        while not condition() and waited < limit_ms:  # type: ignore[operator]
            settle(100)
            waited += 100

    def shot(widget: object, name: str) -> None:
        settle()
        path = out / f"screenshot-{name}.png"
        widget.grab().save(str(path), "PNG")  # type: ignore[attr-defined]
        from PIL import Image

        with Image.open(path) as image:
            small = image.convert("RGB").quantize(colors=192, method=Image.Quantize.FASTOCTREE,
                                                  dither=Image.Dither.NONE)
        small.save(path, optimize=True)
        print(f"{path} ({path.stat().st_size // 1024} KB)")

    window.open_audit(reference, wait=True)
    actions = window.signoff
    editor = window.workspace.editor  # type: ignore[union-attr]

    # The pre-issue panel with something to show: a blanked recommendation, an open question.
    number = min(n for n, f in editor.state.findings.items() if f.classification == "critical")
    question = editor.state.checklist.questions[3].id
    answer = editor.answer(question)
    editor.update_finding(number, {"recommendation": ""})
    editor.set_answer(question, None)
    problems = actions.check()
    assert problems is not None
    shot(problems, "preissue-panel")
    problems.close()
    editor.stack.undo()
    editor.stack.undo()
    restored = editor.answer(question)
    assert restored is not None and answer is not None and restored.result == answer.result

    export = actions.export()
    assert export is not None
    export.confidential.setChecked(True)
    shot(export, "export-dialog")
    export.reject()

    sign = actions.sign()
    assert sign is not None
    wait_for(lambda: sign.shown is not None)
    shot(sign, "sign-dialog")
    sign.password.setText("demo-password-1")
    sign.sign()
    wait_for(lambda: sign.result_ is not None)
    sign.reject()
    signed = work / "signed.pdf"
    signed.write_bytes(sign.result_.pdf_bytes)  # type: ignore[union-attr]
    shot(window, "locked-workspace")

    verify = actions.verify()
    verify.resize(900, 420)
    verify.verify(signed)
    wait_for(lambda: verify.report is not None)
    shot(verify, "verify-dialog")
    verify.reject()

    window.close()
    db.close()
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
