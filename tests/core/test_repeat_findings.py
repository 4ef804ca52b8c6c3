"""Repeat findings: earlier findings of the same CRO are offered, a link marks the repeat, the
report states it and the grading guidance says a repeated major may be escalated."""

from __future__ import annotations

import datetime as dt

import pytest

from auditapp.core import audits, checklists, findings, repeat
from auditapp.core.models import Organisation
from auditapp.errors import BadInput
from auditapp.reports.build import build_report
from auditapp.reports.document import FindingBlock

EARLIER = "AUD-2026-001"


def _second_audit(db, *, same_cro: bool = True) -> str:
    with db.session(actor="demo.lead") as s:
        first = audits.get_audit(s, EARLIER)
        auditee = first.auditee if same_cro else Organisation(kind="cro", legal_name="Other CRO")
        audit = audits.create_audit(
            s,
            title="Re-qualification audit",
            audit_type="vendor_qualification",
            checklist=checklists.get(s, first.snapshot.checklist_id),
            auditee=auditee,
            reference="AUD-2027-004" if same_cro else "AUD-2027-005",
            planned_start=(first.planned_start or dt.date(2026, 11, 16)) + dt.timedelta(days=400),
        )
        return audit.reference


def test_similar_earlier_findings_of_the_same_cro_are_offered_and_linked(demo_db) -> None:
    ref = _second_audit(demo_db)
    other = _second_audit(demo_db, same_cro=False)
    with demo_db.session(actor="demo.lead") as s:
        audit = audits.get_audit(s, ref)
        offered = repeat.similar_findings(
            s,
            audit,
            title="EDC audit trail still disabled for a study build",
            observation="The audit trail of the EDC was again switched off.",
        )
        assert offered and offered[0].label == f"{EARLIER} F-01"
        # Shared requirement references count even without shared words.
        earlier_refs = findings.finding_references(
            findings.get_finding(s, audits.get_audit(s, EARLIER), 4)
        )
        by_refs = repeat.similar_findings(
            s, audit, title="Unrelated words entirely", references=earlier_refs
        )
        assert f"{EARLIER} F-04" in [o.label for o in by_refs]
        # Another CRO's audit is never offered this CRO's findings.
        assert (
            repeat.similar_findings(s, audits.get_audit(s, other), title="EDC audit trail disabled")
            == []
        )
        new = findings.add_finding(
            s,
            audit,
            title="EDC audit trail still disabled",
            classification="major",
            impact="Data changes cannot be reconstructed.",
        )
        elsewhere = audits.get_audit(s, other)
        stranger = findings.add_finding(
            s, elsewhere, title="EDC audit trail", classification="minor"
        )
        with pytest.raises(BadInput):  # another auditee's finding cannot be repeated here
            repeat.link_repeat(s, elsewhere, stranger.number, f"{EARLIER} F-01")
        with pytest.raises(BadInput):
            repeat.link_repeat(s, audit, new.number, "F-01")
        repeat.link_repeat(s, audit, new.number, f"{EARLIER.lower()} F-1")
        assert new.repeat_finding and new.repeat_of == f"{EARLIER} F-01"
    with demo_db.session() as s:
        document = build_report(s, audits.get_audit(s, ref), language="de")
    block = next(b for b in document.blocks if isinstance(b, FindingBlock))
    assert ("Wiederholte Feststellung", f"Ja: wiederholt {EARLIER} F-01") in block.facts


def test_grading_guidance_says_a_repeated_major_may_be_escalated() -> None:
    for scheme in (findings.EMA_SCHEME, findings.MHRA_SCHEME):
        rules = findings.escalation_rules(scheme, "en")
        assert any("repeated major finding may be escalated" in r for r in rules)
        assert any(
            "Wiederholungsfeststellung" in r for r in findings.escalation_rules(scheme, "de")
        )
