"""The lock after signing holds for core functions, direct ORM edits and the command line;
only the lead auditor's reopen (with a reason) lifts it, into a new report version."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select

from auditapp.core import audits, findings, signing
from auditapp.core.models import Finding, ReportVersion
from auditapp.errors import BadInput, Refused
from auditapp.reports import signoff
from tests.conftest import copy_signed_demo, run_as, run_cli

PASSWORD = "demo-password-1"


@pytest.fixture
def signed_db(signed_demo, tmp_path):
    """The demo audit signed by its author and approved: a copy of the run's ``signed_demo``."""
    from auditapp.core.db import open_database

    db = open_database(copy_signed_demo(signed_demo, tmp_path / "signed"))
    yield db, signed_demo["ref"]
    db.close()


def test_locked_audit_refuses_core_and_direct_edits(signed_db) -> None:
    db, ref = signed_db
    attempts = [
        lambda s, a: findings.update_finding(s, a, 1, title="Changed after approval"),
        lambda s, a: findings.add_finding(s, a, title="Late", classification="minor"),
        lambda s, a: findings.delete_finding(s, a, 1, reason="tidy up"),
        lambda s, a: audits.set_response(s, a, a.responses[0].question_id, result="compliant"),
    ]
    for attempt in attempts:
        with pytest.raises(Refused, match="locked"), db.session(actor="demo.lead") as s:
            attempt(s, audits.get_audit(s, ref))
    # Code that skips ensure_editable is stopped by the flush guard all the same.
    direct = [
        lambda s, a: setattr(
            s.scalar(select(Finding).where(Finding.audit_id == a.id)), "observation", "rewritten"
        ),
        lambda s, a: setattr(a, "conclusion", "rewritten"),
        lambda s, a: s.delete(s.scalar(select(Finding).where(Finding.audit_id == a.id))),
        lambda s, a: setattr(s.scalar(select(ReportVersion)), "file_bytes", b"%PDF-forged"),
    ]
    for attempt in direct:
        with pytest.raises(Refused, match="locked"), db.session(actor="demo.lead") as s:
            attempt(s, audits.get_audit(s, ref))
    with db.session() as s:
        audit = audits.get_audit(s, ref)
        assert audit.locked and audit.conclusion != "rewritten"
        assert findings.get_finding(s, audit, 1).title != "Changed after approval"


def test_locked_audit_refuses_edits_from_the_command_line(signed_db, tmp_path: Path) -> None:
    db, ref = signed_db
    photo = tmp_path / "late.png"
    from PIL import Image

    Image.new("RGB", (8, 8), "red").save(photo)
    result = run_as(
        "demo.lead", "evidence", "add", ref, str(photo), "--db", str(db.path), password=PASSWORD
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "locked" in result.stderr and "Traceback" not in result.stderr


def test_reopen_needs_the_lead_auditor_and_a_reason(signed_db, tmp_path: Path) -> None:
    db, ref = signed_db
    with db.session() as s:
        old = s.scalar(select(ReportVersion))
        old_id, old_hash = old.id, hashlib.sha256(old.file_bytes).hexdigest()
        assert old_hash == old.sha256
    with pytest.raises(BadInput, match="reason"):
        signing.reopen_audit(db, ref, username="demo.lead", password=PASSWORD, reason="  ")
    with pytest.raises(Refused, match="only the lead auditor"):
        signing.reopen_audit(db, ref, username="demo.qa", password=PASSWORD, reason="typo")
    with pytest.raises(Refused, match="wrong username or password"):
        signing.reopen_audit(db, ref, username="demo.lead", password="wrong-pass-1", reason="x")
    result = run_cli(
        "reopen",
        ref,
        "--user",
        "demo.lead",
        "--reason",
        "Sponsor asked to correct the CAPA due date of F-03",
        "--password-stdin",
        "--db",
        str(db.path),
        stdin=PASSWORD + "\n",
    )
    assert result.returncode == 0, result.stderr
    with db.session(actor="demo.lead") as s:
        audit = audits.get_audit(s, ref)
        assert not audit.locked and audit.report_version == 2
        findings.update_finding(s, audit, 3, title="CAPA process lacks root cause analysis")
    new = signoff.sign_report(db, ref, username="demo.lead", password=PASSWORD, meaning="author")
    assert new.version == 2
    with db.session() as s:
        versions = s.scalars(select(ReportVersion).order_by(ReportVersion.version)).all()
        assert [v.version for v in versions] == [1, 2]
        assert versions[0].id == old_id
        assert hashlib.sha256(versions[0].file_bytes).hexdigest() == old_hash
        assert "CAPA due date" in versions[1].reopen_reason
    out = tmp_path / "v1.pdf"
    result = run_cli("signed", ref, "--version", "1", "-o", str(out), "--db", str(db.path))
    assert result.returncode == 0, result.stderr
    assert hashlib.sha256(out.read_bytes()).hexdigest() == old_hash
    assert run_cli("verify", str(out), "--db", str(db.path)).returncode == 0


def test_preissue_lists_problems_with_targets(demo_db) -> None:
    from auditapp.core import preissue

    with demo_db.session(actor="demo.lead") as s:
        audit = audits.summaries(s)[0]
        audit = audits.get_audit(s, audit.reference)
        assert preissue.check(s, audit) == []
        major = next(f for f in audit.findings if f.classification == "major")
        major.recommendation = ""
        major.references_json = "[]"
        audit.scope = ""
        question = audit.responses[0].question_id
        audit.responses[0].result = None
        problems = preissue.check(s, audit)
        ref = audit.reference
    targets = {(p.kind, p.target) for p in problems}
    assert ("field", "scope") in targets
    assert ("question", question) in targets
    label = findings.number_label(major.number)
    assert ("finding", label) in targets
    finding_problem = next(p for p in problems if p.target == label)
    assert finding_problem.finding_number == major.number
    assert "recommendation" in finding_problem.message and "reference" in finding_problem.message
    with pytest.raises(Refused, match="block issuing"):
        signoff.sign_report(demo_db, ref, username="demo.lead", password=PASSWORD, meaning="author")
    result = run_cli("preissue", ref, "--db", str(demo_db.path))
    assert result.returncode == 1 and label in result.stdout
