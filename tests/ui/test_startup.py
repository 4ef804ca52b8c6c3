"""Start-up: what loads before the first paint, and the clock the smoke run reads."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap

from auditapp import process_clock

HEAVY = ("reportlab", "pyhanko", "openpyxl", "PIL", "alembic", "docx", "pikepdf")
# Watched too: the ORM must not load before the audit list is painted (it loads after, on a
# worker thread), nor the audit's screens and the menus' modules that need it.
WATCHED = (*HEAVY, "sqlalchemy")
DEFERRED = (
    "auditapp.core.db",
    "auditapp.core.models",
    "auditapp.core.audits",
    "auditapp.ui.workspace",
    "auditapp.ui.audit_editor",
    "auditapp.ui.signoff_actions",
    "auditapp.ui.accounts",
)

# Runs the real `auditapp --smoke` in a child process and notes sys.modules at the first paint.
_CHILD = textwrap.dedent(f"""
    import json, sys
    import auditapp.ui.app as app
    from PySide6.QtCore import QEvent
    seen = []
    original = app._FirstPaint.eventFilter
    def at_paint(self, watched, event):
        # Each watcher's first paint: the shell's, then the main window's with the audit list.
        if event.type() == QEvent.Type.Paint and self.elapsed is None:
            loaded = {{m.split(".")[0] for m in sys.modules}} & set({WATCHED!r})
            loaded |= set(sys.modules) & set({DEFERRED!r})
            page = getattr(watched, "list_page", None)
            rows = None if page is None else [page.model.rowCount(), page.proxy.rowCount()]
            seen.append([sorted(loaded), rows])
        return original(self, watched, event)
    app._FirstPaint.eventFilter = at_paint
    from auditapp.cli import main
    code = main(sys.argv[1:])
    print("LOADED " + json.dumps(seen))
    sys.exit(code)
""")


def test_first_paint_loads_no_report_signing_image_or_migration_library(demo_template, tmp_path):
    """The shell is painted before the ORM loads; the audit list, complete, before it too."""
    path = tmp_path / "demo.sqlite"
    path.write_bytes(demo_template.read_bytes())
    with sqlite3.connect(path) as conn:
        audits = conn.execute("SELECT count(*) FROM audit").fetchone()[0]
    assert audits > 0
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, "--smoke", "--db", str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "start-up time:" in result.stdout and "since process start" in result.stdout
    assert "audit list usable at" in result.stdout
    loaded = json.loads(result.stdout.split("LOADED ", 1)[1])
    (shell, _), (listed, rows) = loaded
    assert shell == [], f"loaded before the start-up shell's first paint: {shell}"
    assert listed == [], f"loaded before the audit list's first paint: {listed}"
    # The list painted is the whole list, nothing filtered away, read without the ORM.
    assert rows == [audits, audits]
    # ...and the rest loaded after it: the newest audit was opened through the ORM.
    assert "open at" in result.stdout


def test_the_clock_counts_from_process_start_not_from_the_app():
    # A child that sleeps before importing anything: its figure must include the sleep.
    child = (
        "import time; time.sleep(0.3)\n"
        "from auditapp.process_clock import since_process_start\n"
        "print(since_process_start()[0])"
    )
    result = subprocess.run(
        [sys.executable, "-c", child],
        capture_output=True,
        text=True,
        env={**os.environ},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    elapsed, method = float(result.stdout), process_clock.since_process_start()[1]
    if "process start" in method and "unknown" not in method:
        assert elapsed >= 0.3
    assert elapsed < 30


def test_check_runs_the_full_integrity_check_on_demand(demo_template, tmp_path):
    from conftest import run_cli

    path = tmp_path / "demo.sqlite"
    path.write_bytes(demo_template.read_bytes())
    good = run_cli("check", "--db", str(path))
    assert good.returncode == 0 and "passed" in good.stdout, good.stderr
    # Damage a whole page in the middle of the file: the full check must say so.
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    page = size * (len(data) // size // 2)
    data[page : page + size] = b"\xff" * size
    path.write_bytes(bytes(data))
    bad = run_cli("check", "--db", str(path))
    assert bad.returncode == 1 and bad.stderr.startswith("error:") and "damaged" in bad.stderr
