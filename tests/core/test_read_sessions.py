"""Reads do not take the write lock: a long report render never holds up a save.

Every write session begins IMMEDIATE (the write lock); a read session begins deferred and
reads a WAL snapshot. Signing renders in a read session and re-checks in a short write.
"""

from __future__ import annotations

import hashlib
import threading
import time

import pytest
from sqlalchemy import func, select, text

from auditapp.core import audits, settings
from auditapp.core.models import Finding, Signature
from auditapp.errors import Refused, ReviewAgain
from auditapp.reports import export, signed_files, signoff

PASSWORD = "demo-password-1"  # the demo accounts' password
WAIT = 60


def reference_of(db) -> str:
    with db.read_session() as s:
        return audits.summaries(s)[0].reference


def _hold_inside(target, attribute, monkeypatch):
    """Make target.attribute pause (inside whatever session calls it) until released."""
    inside, release = threading.Event(), threading.Event()
    real = getattr(target, attribute)

    def paused(*args, **kwargs):
        result = real(*args, **kwargs)
        inside.set()
        release.wait(WAIT)
        return result

    monkeypatch.setattr(target, attribute, paused)
    return inside, release


def _in_thread(work):
    out: dict[str, object] = {}

    def run():
        try:
            out["result"] = work()
        except BaseException as exc:  # handed to the test thread
            out["error"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    return thread, out


def test_a_read_session_reads_a_snapshot_and_never_writes(db):
    with db.read_session() as reading:
        before = reading.scalar(text("SELECT count(*) FROM setting"))
        started = time.monotonic()
        with db.session(actor="anna") as writing:  # not held up by the open read
            settings.set_idle_lock_minutes(writing, 7)
        assert time.monotonic() - started < 5
        assert reading.scalar(text("SELECT count(*) FROM setting")) == before  # its snapshot
        with pytest.raises(Exception, match="readonly"):
            reading.execute(text("INSERT INTO setting(key, value_json) VALUES ('x', '1')"))
    with db.read_session() as reading:
        assert settings.idle_lock_minutes(reading) == 7
        reading.get(Finding, 1)  # nothing to find; reading works
        reading.add(Signature())
        with pytest.raises(Refused, match="read session"):
            reading.flush()


def test_a_save_goes_through_while_a_report_renders(demo_db, monkeypatch):
    reference = reference_of(demo_db)
    inside, release = _hold_inside(export, "build_report", monkeypatch)
    thread, out = _in_thread(lambda: export.export_report(demo_db, reference, fmt="pdf"))
    try:
        assert inside.wait(WAIT), out.get("error")
        started = time.monotonic()
        with demo_db.session(actor="demo.lead") as s:
            settings.set_idle_lock_minutes(s, 9)
        saved_while_rendering = not release.is_set()
        waited = time.monotonic() - started
    finally:
        release.set()
        thread.join(WAIT)
    assert saved_while_rendering and waited < 5
    assert "error" not in out, out.get("error")
    assert bytes(out["result"]).startswith(b"%PDF")


def _signatures(db) -> int:
    with db.read_session() as s:
        return s.scalar(select(func.count()).select_from(Signature))


@pytest.mark.slow
def test_signing_renders_outside_the_write_lock_and_rechecks_before_recording(demo_db, monkeypatch):
    reference = reference_of(demo_db)
    inside, release = _hold_inside(signoff, "render_pdf", monkeypatch)

    def sign():
        return signoff.sign_report(
            demo_db, reference, username="demo.lead", password=PASSWORD, meaning="author"
        )

    # 1. An unrelated save while the author's PDF renders: not held up, and the signing goes on.
    thread, out = _in_thread(sign)
    try:
        assert inside.wait(WAIT), out.get("error")
        started = time.monotonic()
        with demo_db.session(actor="demo.qa") as s:
            settings.set_idle_lock_minutes(s, 11)
        assert not release.is_set() and time.monotonic() - started < 5
    finally:
        release.set()
        thread.join(WAIT)
    assert "error" not in out, out.get("error")
    result = out["result"]
    assert isinstance(result, signoff.SignResult) and result.locked
    assert _signatures(demo_db) == 1
    _version, stored = signed_files.signed_report(demo_db, reference)
    assert hashlib.sha256(stored).hexdigest() == hashlib.sha256(result.pdf_bytes).hexdigest()


@pytest.mark.slow
def test_a_content_change_during_the_render_signs_nothing(demo_db, monkeypatch):
    reference = reference_of(demo_db)
    inside, release = _hold_inside(signoff, "render_pdf", monkeypatch)
    thread, out = _in_thread(
        lambda: signoff.sign_report(
            demo_db, reference, username="demo.lead", password=PASSWORD, meaning="author"
        )
    )
    try:
        assert inside.wait(WAIT), out.get("error")
        with demo_db.session(actor="demo.lead") as s:
            audit = audits.get_audit(s, reference)
            finding = s.scalars(select(Finding).where(Finding.audit_id == audit.id)).first()
            finding.title = f"{finding.title} (corrected)"
    finally:
        release.set()
        thread.join(WAIT)
    assert isinstance(out.get("error"), ReviewAgain), out
    assert _signatures(demo_db) == 0
    with demo_db.read_session() as s:
        assert not audits.get_audit(s, reference).locked


def test_objects_read_stay_usable_after_the_read_session(demo_db):
    with demo_db.read_session() as s:
        audit = audits.get_audit(s, audits.summaries(s)[0].reference)
    assert audit.reference.startswith("AUD") and audit.title  # not expired, no session needed
