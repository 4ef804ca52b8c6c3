"""A text field set to None is cleared, never stored as the text "None", and a major finding
without an impact is refused with one line, not a traceback."""

from __future__ import annotations

import pytest

from auditapp.core import audits, findings
from auditapp.errors import BadInput
from tests.audit_factory import make_audit


def test_none_clears_a_text_field_and_a_major_without_impact_is_refused(db):
    reference = make_audit(db)
    with db.session(actor="anna") as s:
        audit = audits.get_audit(s, reference)
        minor = findings.add_finding(
            s,
            audit,
            title="SOP index out of date",
            classification="minor",
            observation="Seen on site",
        )
        findings.update_finding(s, audit, minor.number, observation=None)
        assert minor.observation == ""
        major = findings.add_finding(
            s,
            audit,
            title="No training records",
            classification="major",
            impact="Unqualified staff",
        )
        number = major.number
    with pytest.raises(BadInput, match="needs a stated impact"), db.session(actor="anna") as s:
        findings.update_finding(s, audits.get_audit(s, reference), number, impact=None)
    with db.session(actor="anna") as s:
        kept = findings.get_finding(s, audits.get_audit(s, reference), number)
        assert kept.impact == "Unqualified staff"
