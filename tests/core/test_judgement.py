"""The auditor's judgement, the pre-issue contradiction checks, the coherent demo, CAPA due dates
counted from the issue date and critical-finding escalation (issues 14 and 15)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from auditapp.core import audits, findings, judgement, preissue
from auditapp.core.models import Finding, ResponseResult
from auditapp.errors import BadInput
from tests.conftest import run_cli

REF = "AUD-2026-001"


def _problems(db, **kwargs) -> list[preissue.IssueProblem]:
    with db.session() as s:
        return preissue.check(s, audits.get_audit(s, REF), **kwargs)


def _targets(problems) -> list[str]:
    return [str(p) for p in problems]


# --- the demo is coherent ----------------------------------------------------------------------


def test_the_demo_passes_every_pre_issue_check(demo_db) -> None:
    assert _problems(demo_db) == []


def test_every_demo_finding_concerns_its_questions_and_cites_their_clauses(demo_db) -> None:
    with demo_db.session() as s:
        audit = audits.get_audit(s, REF)
        checklist = audits.audit_checklist(audit)
        answers = audits.responses_by_question(s, audit)
        questions = {q.id: q for q in checklist.questions}
        for f in audit.findings:
            linked = findings.finding_questions(f)
            assert linked, f.title
            cited = set(findings.finding_references(f))
            assert cited == {r for q in linked for r in questions[q].references}, f.title
            for question_id in linked:
                assert checklist.area_of(question_id).id == f.area
                result = answers[question_id].result
                if f.classification == "recommendation":
                    assert result == ResponseResult.COMPLIANT.value
                else:
                    assert result != ResponseResult.COMPLIANT.value, (f.title, question_id)
        # No deviation answer stands alone, and the conclusion matches the findings.
        linked_all = {q for f in audit.findings for q in findings.finding_questions(f)}
        for question_id, response in answers.items():
            if response.result in (
                ResponseResult.NON_COMPLIANT.value,
                ResponseResult.PARTIALLY_COMPLIANT.value,
            ):
                assert question_id in linked_all
        assert audit.overall_rating == "approved_with_conditions"
        critical = [f for f in audit.findings if f.classification == "critical"]
        assert all(findings.missing_escalation(f) == [] for f in critical)


@pytest.mark.slow
def test_demo_evidence_is_linked_to_the_finding_it_shows(tmp_path) -> None:
    from auditapp.core import demo
    from auditapp.core.db import open_database
    from auditapp.core.models import Evidence, EvidenceLink

    db = open_database(tmp_path / "photos.sqlite")
    try:
        demo.create_demo(db, photos=8)
        with db.session() as s:
            numbers = {f.id: f for f in audits.get_audit(s, REF).findings}
            for evidence in s.query(Evidence):
                links = s.query(EvidenceLink).filter_by(evidence_id=evidence.id).all()
                for link in links:
                    finding = numbers[link.finding_id]
                    caption = evidence.caption.lower()
                    keywords = {
                        1: "audit trail",
                        2: "sae",
                        3: "capa",
                        4: "vendor list",
                        5: "training",
                        8: "etmf",
                    }
                    assert keywords[finding.number] in caption, (caption, finding.title)
    finally:
        db.close()


# --- each contradiction is reported ----------------------------------------------------------


def _first_finding(s) -> Finding:
    return min(audits.get_audit(s, REF).findings, key=lambda f: f.number)


def test_a_compliant_answer_on_a_question_with_a_finding(demo_db) -> None:
    with demo_db.session(actor="demo.lead") as s:
        audit = audits.get_audit(s, REF)
        question = findings.finding_questions(_first_finding(s))[0]
        audits.set_response(s, audit, question, result="compliant", notes="fine")
    problems = _problems(demo_db)
    assert [p.target for p in problems] == [question]
    assert "answered compliant, but finding F-01 concerns this question" in problems[0].message


def test_a_deviation_answer_without_finding_or_note(demo_db) -> None:
    with demo_db.session(actor="demo.lead") as s:
        audit = audits.get_audit(s, REF)
        linked = {q for f in audit.findings for q in findings.finding_questions(f)}
        free = next(q.id for q in audits.audit_checklist(audit).questions if q.id not in linked)
        audits.set_response(s, audit, free, result="partially_compliant", notes="")
    problems = _problems(demo_db)
    assert [p.target for p in problems] == [free]
    assert "no finding and no note why" in problems[0].message
    with demo_db.session(actor="demo.lead") as s:
        audits.set_response(
            s,
            audits.get_audit(s, REF),
            free,
            result="partially_compliant",
            notes="Minor gap corrected on site; no finding needed.",
        )
    assert _problems(demo_db) == []


def test_an_unreserved_outcome_with_a_critical_finding(demo_db) -> None:
    with demo_db.session(actor="demo.lead") as s:
        judgement.set_judgement(s, audits.get_audit(s, REF), overall_rating="approved")
    problems = _problems(demo_db)
    assert _targets(problems) == [
        "overall_rating: the outcome 'approved' contradicts the critical finding(s) F-01, F-02"
    ]


def test_capa_due_dates_before_the_report_date(demo_db) -> None:
    with demo_db.session(actor="demo.lead") as s:
        audit = audits.get_audit(s, REF)
        findings.update_finding(s, audit, 3, capa_due_date=dt.date(2026, 11, 20))
    assert _problems(demo_db, today=dt.date(2026, 11, 19)) == []
    problems = _problems(demo_db, today=dt.date(2026, 11, 25))
    assert _targets(problems) == [
        "F-03: the CAPA due date 2026-11-20 is before the report date 2026-11-25"
    ]


def test_lead_auditor_missing_from_the_team(demo_db) -> None:
    with demo_db.session(actor="demo.lead") as s:
        audit = audits.get_audit(s, REF)
        audit.team.remove(next(m for m in audit.team if m.role == "lead"))
    problems = _problems(demo_db)
    assert _targets(problems) == [
        "team: the lead auditor Dr. Anna Becker is not in the audit team table"
    ]


def test_missing_judgement_blocks_issue(demo_db) -> None:
    with demo_db.session(actor="demo.lead") as s:
        judgement.set_judgement(
            s,
            audits.get_audit(s, REF),
            overall_rating="",
            conclusion="",
            sampling="",
            positive_observations="",
            distribution="",
        )
    targets = [p.target for p in _problems(demo_db)]
    assert targets == [
        "overall_rating",
        "conclusion",
        "sampling",
        "positive_observations",
        "distribution",
    ]


def test_a_critical_finding_without_escalation_record(demo_db) -> None:
    with demo_db.session(actor="demo.lead") as s:
        audit = audits.get_audit(s, REF)
        findings.update_finding(
            s, audit, 2, sponsor_informed_on=None, sponsor_informed_to="", breach_assessment=""
        )
    problems = _problems(demo_db)
    assert [p.target for p in problems] == ["F-02"]
    assert "the date the sponsor was told" in problems[0].message
    assert "serious breach (EU CTR Art. 52)" in problems[0].message


# --- the judgement's values --------------------------------------------------------------------


def test_outcomes_depend_on_the_audit_type(demo_db) -> None:
    assert judgement.outcomes_for("vendor_qualification") == (
        "approved",
        "approved_with_conditions",
        "not_approved",
    )
    assert "acceptable_with_improvements" in judgement.outcomes_for("for_cause")
    with demo_db.session(actor="demo.lead") as s, pytest.raises(BadInput, match="does not fit"):
        judgement.set_judgement(s, audits.get_audit(s, REF), overall_rating="acceptable")
    with demo_db.session(actor="demo.lead") as s, pytest.raises(BadInput, match="control"):
        judgement.set_judgement(s, audits.get_audit(s, REF), conclusion="bad\x07")


def test_cli_sets_and_shows_the_judgement(demo_db, tmp_path) -> None:
    path = str(demo_db.path)
    demo_db.close()
    text = tmp_path / "conclusion.txt"
    text.write_text("Northwind is not approved.\n\nThe critical findings stand.", encoding="utf-8")
    result = run_cli(
        "conclusion",
        REF,
        "--db",
        path,
        "--user",
        "demo.lead",
        "--password-stdin",
        "--outcome",
        "not_approved",
        "--conclusion-file",
        str(text),
        "--distribution",
        "Sponsor QA; audit file",
        stdin="demo-password-1\n",
    )
    assert result.returncode == 0, result.stderr
    shown = run_cli("conclusion", REF, "--db", path, "--json")
    values = json.loads(shown.stdout)
    assert values["overall_rating"] == "not_approved"
    assert values["conclusion"] == "Northwind is not approved.\n\nThe critical findings stand."
    assert values["distribution"] == "Sponsor QA; audit file"
    bad = run_cli(
        "conclusion",
        REF,
        "--db",
        path,
        "--user",
        "demo.lead",
        "--password-stdin",
        "--outcome",
        "acceptable",
        stdin="demo-password-1\n",
    )
    assert bad.returncode == 2 and bad.stderr.startswith("error: outcome 'acceptable'")
    assert bad.stderr.count("\n") == 1
    anonymous = run_cli("conclusion", REF, "--db", path, "--outcome", "approved")
    assert anonymous.returncode == 2 and "--user" in anonymous.stderr


def _pdf_text(data: bytes) -> str:
    import io

    from pypdf import PdfReader

    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


def test_the_report_states_the_judgement_in_english_and_german(demo_db) -> None:
    from auditapp.reports import build, pdf

    for lang, outcome, escalation in (
        ("en", "Approved with conditions", "The sponsor was informed on 17 Nov 2026"),
        ("de", "Unter Auflagen zugelassen", "Der Sponsor wurde am 17.11.2026 informiert"),
    ):
        with demo_db.session() as s:
            document = build.build_report(
                s, audits.get_audit(s, REF), language=lang, today=dt.date(2026, 11, 20)
            )
        text = _pdf_text(pdf.render_pdf(document))
        assert outcome in text
        assert escalation in text
        assert "Not stated" not in text and "Nicht angegeben" not in text


# --- CAPA due dates count from the issue date ----------------------------------------------


def test_due_dates_count_from_the_issue_date(demo_db) -> None:
    from auditapp.core import settings

    with demo_db.session(actor="demo.lead") as s:
        audit = audits.get_audit(s, REF)
        by_number = {f.number: f for f in audit.findings}
        assert by_number[1].capa_due_date is None and by_number[1].capa_due_days == 15
        assert by_number[3].capa_due_days == 30 and by_number[6].capa_due_days == 60
        assert findings.due_date(by_number[1], dt.date(2026, 12, 1)) == dt.date(2026, 12, 16)
        findings.fix_due_dates(audit, dt.date(2026, 12, 1))
        assert by_number[3].capa_due_date == dt.date(2026, 12, 31)
        assert by_number[9].capa_due_date is None  # recommendations have no due date
        s.rollback()
    with demo_db.session(actor="demo.lead") as s:
        settings.set_capa_days(s, {"minor": 90})
        audit = audits.get_audit(s, REF)
        new = findings.add_finding(s, audit, title="Another gap", classification="minor")
        assert new.capa_due_days == 90 and new.capa_due_date is None
        findings.update_finding(s, audit, new.number, classification="major", impact="Data")
        assert new.capa_due_days == 30  # the rule follows the grade
        findings.update_finding(s, audit, new.number, capa_due_date=dt.date(2027, 1, 5))
        assert new.capa_due_days is None and new.capa_due_date == dt.date(2027, 1, 5)


def test_unsigned_slots_point_to_the_stamp_only_in_a_signed_pdf(demo_db) -> None:
    from auditapp.reports import build
    from auditapp.reports.document import SignatureBlock

    author = build.SignatureInfo(
        "author",
        "Dr. Anna Becker",
        "lead_auditor",
        dt.datetime(2026, 12, 1, 9, 0, 5, tzinfo=dt.UTC),
        "+01:00",
    )
    with demo_db.session() as s:
        audit = audits.get_audit(s, REF)
        for stamps, expected in ((True, "in the signature stamp →"), (False, "")):
            blocks = build.signature_blocks(audit, "en", [author], stamps=stamps)
            slots = next(b for b in blocks if isinstance(b, SignatureBlock)).slots
            assert dict(slots[0].rows)["Printed name"] == "Dr. Anna Becker"
            assert dict(slots[0].rows)["Role"] == "Lead auditor"
            assert dict(slots[0].rows)["Date and time"] == (
                "1 Dec 2026 09:00:05 UTC (10:00:05 local time, UTC+01:00)"
            )
            assert dict(slots[2].rows)["Printed name"] == expected
