"""The sign dialog shows the report again when the audit changed after its preview: decided by
the ReviewAgain class, not by the words "review again" in the message."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from ui_helpers import OFFSCREEN_NOISE, new_window

from auditapp.core import audits
from auditapp.core.models import Finding, Signature
from auditapp.errors import Refused

pytestmark = [
    pytest.mark.gui,
    pytest.mark.slow,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore(OFFSCREEN_NOISE),
]

PASSWORD = "demo-password-1"
SLOW_MS = 120_000


def test_a_change_after_the_preview_refreshes_it_and_signs_nothing(qtbot, demo_db, tmp_path):
    with demo_db.read_session() as s:
        reference = audits.summaries(s)[0].reference
    window = new_window(qtbot, demo_db, tmp_path / "layout.ini", actor="demo.lead")
    window.open_audit(reference, wait=True)
    dialog = window.signoff.sign()
    qtbot.waitUntil(lambda: dialog.shown is not None, timeout=SLOW_MS)
    first = dialog.shown
    refreshed: list[bool] = []
    real_refresh = dialog.refresh_preview
    dialog.refresh_preview = lambda: (refreshed.append(True), real_refresh())[1]

    # A refusal that only mentions the words does not re-render the preview.
    dialog._refused(Refused("locked by another window; review again later"))
    assert refreshed == [] and dialog.shown is first

    with demo_db.session(actor="demo.lead") as s:  # a co-auditor's edit, e.g. from the CLI
        audit = audits.get_audit(s, reference)
        finding = s.scalars(select(Finding).where(Finding.audit_id == audit.id)).first()
        finding.title = f"{finding.title} (corrected)"
    dialog.password.setText(PASSWORD)
    dialog.sign_button.click()
    qtbot.waitUntil(lambda: bool(refreshed), timeout=SLOW_MS)
    qtbot.waitUntil(lambda: dialog.shown is not None and dialog.shown is not first, timeout=SLOW_MS)
    assert "review again" in dialog.messages.text()
    assert dialog.shown.trail_mark > first.trail_mark
    with demo_db.read_session() as s:
        assert s.scalar(select(func.count()).select_from(Signature)) == 0
    dialog.reject()
    window.tasks.wait(SLOW_MS)
