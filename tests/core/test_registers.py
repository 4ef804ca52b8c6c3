"""Core use cases behind the workspace: registers, set-up details, settings, trail query, undo."""

from __future__ import annotations

import datetime as dt

import pytest
from audit_factory import make_audit, make_user
from sqlalchemy import select

from auditapp.core import (
    audit_details,
    audits,
    findings,
    operations,
    registers,
    settings,
    setup,
    trail_query,
    workspace,
)
from auditapp.core.models import AuditStatus, DocumentReviewed, Finding
from auditapp.errors import BadInput, Refused


@pytest.fixture
def ref(db):
    make_user(db)
    return make_audit(db)


def test_documents_register_add_update_delete(db, ref):
    with db.session(actor="anna") as s:
        doc = registers.add_document(
            s,
            audits.get_audit(s, ref),
            title="SOP index",
            identifier="QA-IDX",
            version="27",
            document_date="2026-10-01",
        )
        doc_id = doc.id
    with db.session(actor="anna") as s:
        registers.update_document(s, audits.get_audit(s, ref), doc_id, version="28")
    with db.session() as s:
        row = s.get(DocumentReviewed, doc_id)
        assert (row.version, row.document_date) == ("28", dt.date(2026, 10, 1))
    with db.session(actor="anna") as s:
        registers.delete_document(s, audits.get_audit(s, ref), doc_id)
    with db.session() as s:
        assert s.get(DocumentReviewed, doc_id) is None


@pytest.mark.parametrize(
    "changes",
    [
        {"title": "x" * 100_000},
        {"title": "bad\x07bell"},
        {"title": ""},
        {"document_date": "9999-01-01"},
        {"document_date": "31.02.2026"},
    ],
)
def test_bad_document_input_changes_nothing(db, ref, changes):
    with db.session(actor="anna") as s:
        doc_id = registers.add_document(s, audits.get_audit(s, ref), title="Plan").id
    with pytest.raises(BadInput), db.session(actor="anna") as s:
        registers.update_document(s, audits.get_audit(s, ref), doc_id, **changes)
    with db.session() as s:
        row = s.get(DocumentReviewed, doc_id)
        assert (row.title, row.document_date) == ("Plan", None)


def test_rtl_and_emoji_are_accepted(db, ref):
    with db.session(actor="anna") as s:
        person = registers.add_participant(
            s, audits.get_audit(s, ref), name="مريم 👩‍⚕️", function="QA", interviewed=True
        )
        assert person.name == "مريم 👩‍⚕️"


def test_setup_details_round_trip_and_edit(db, ref):
    with db.session(actor="anna") as s:
        details = setup.read_details(audits.get_audit(s, ref))
    assert details.auditee_name == "Example CRO Ltd."
    changed = details.replace(
        scope="Data management",
        planned_start=dt.date(2026, 3, 2),
        planned_end=dt.date(2026, 3, 4),
        lead_auditor="anna",
        team=(audit_details.TeamEntry("Jonas Weber", "expert", "CSV"),),
        participants=(audit_details.PersonEntry("Sarah Okafor", "Head of QA", True, False, True),),
        studies=(audit_details.StudyEntry("ABC-301", "Phase III study", "III"),),
    )
    with db.session(actor="anna") as s:
        setup.update_details(s, audits.get_audit(s, ref), changed)
    with db.session() as s:
        again = setup.read_details(audits.get_audit(s, ref))
    assert again.scope == "Data management"
    assert again.lead_auditor == "anna"
    assert [t.name for t in again.team] == ["Jonas Weber"]
    assert again.participants[0].interviewed is True
    assert again.studies[0].protocol_number == "ABC-301"
    # a second edit keeps the rows (matched by id) instead of replacing them
    with db.session(actor="anna") as s:
        setup.update_details(
            s,
            audits.get_audit(s, ref),
            again.replace(
                team=(
                    again.team[0].__class__("Jonas Weber", "co_auditor", "CSV", again.team[0].id),
                )
            ),
        )
    with db.session() as s:
        third = setup.read_details(audits.get_audit(s, ref))
    assert third.team[0].id == again.team[0].id and third.team[0].role == "co_auditor"


def test_setup_refuses_bad_dates_and_changes_nothing(db, ref):
    with db.session() as s:
        details = setup.read_details(audits.get_audit(s, ref))
    bad = details.replace(
        planned_start=dt.date(2026, 5, 2), planned_end=dt.date(2026, 5, 1), scope="changed"
    )
    with pytest.raises(BadInput, match="before"), db.session(actor="anna") as s:
        setup.update_details(s, audits.get_audit(s, ref), bad)
    with db.session() as s:
        assert audits.get_audit(s, ref).scope == ""


def test_areas_in_scope_can_change_later(db, ref):
    with db.session() as s:
        details = setup.read_details(audits.get_audit(s, ref))
    assert set(details.area_ids) == {"ORG"}  # routine_system: CSV-01 is not for this type
    with db.session(actor="anna") as s:
        setup.update_details(
            s,
            audits.get_audit(s, ref),
            details.replace(audit_type="for_cause", area_ids=("ORG", "CSV")),
        )
    with db.session() as s:
        checklist = audits.audit_checklist(audits.get_audit(s, ref))
    assert [q.id for q in checklist.questions] == ["ORG-02", "CSV-01"]


def test_status_by_hand_stops_before_final(db, ref):
    with db.session(actor="anna") as s:
        setup.set_status(s, audits.get_audit(s, ref), AuditStatus.REPORTING.value)
    with pytest.raises(Refused), db.session(actor="anna") as s:
        setup.set_status(s, audits.get_audit(s, ref), AuditStatus.FINAL.value)


def test_settings_scheme_and_capa_days(db):
    with db.session(actor="anna") as s:
        settings.set_grading_scheme(s, "mhra")
        settings.set_capa_days(s, {"major": 21})
    with db.session() as s:
        assert [g.classification.value for g in findings.scheme(s)] == [
            "critical",
            "major",
            "other",
        ]
        assert settings.capa_days(s)["major"] == 21
        assert findings.default_due_date(s, "major", dt.date(2026, 1, 1)) == dt.date(2026, 1, 22)
    with pytest.raises(BadInput), db.session(actor="anna") as s:
        settings.set_capa_days(s, {"major": 0})


def test_undone_deletion_brings_the_finding_back_under_its_number(db, ref):
    with db.session(actor="anna") as s:
        audit = audits.get_audit(s, ref)
        findings.add_finding(s, audit, title="One", classification="minor")
        findings.add_finding(
            s, audit, title="Two", classification="minor", references=["ICH E6(R2) 5.1.1"]
        )
        audit_id = audit.id
    deleted = operations.run(db, audit_id, operations.DeleteFinding(2, "duplicate"), actor="anna")
    operations.run(db, audit_id, deleted.inverse, actor="anna", reason="undo")
    with db.session() as s:
        rows = s.scalars(select(Finding).order_by(Finding.number)).all()
        assert [(f.number, f.title) for f in rows] == [(1, "One"), (2, "Two")]
        assert findings.finding_references(rows[1]) == ["ICH E6(R2) 5.1.1"]


def test_workspace_load_reports_progress(db, ref):
    seen = []
    with db.session() as s:
        data = workspace.load(s, ref, lambda done, total, what: seen.append((done, total)))
    assert data.reference == ref and seen[-1][0] == seen[-1][1]
    assert data.checklist.questions


def test_audit_trail_lists_edits_of_this_audit_only(db, ref):
    other = make_audit(db, reference="AUD-2026-002")
    with db.session(actor="anna") as s:
        audit = audits.get_audit(s, ref)
        audits.set_response(s, audit, "ORG-01", result="compliant", actor="anna")
        findings.add_finding(s, audit, title="Gap", classification="minor")
    with db.session(actor="anna") as s:
        findings.delete_finding(s, audits.get_audit(s, ref), 1, reason="raised twice")
    with db.session() as s:
        rows = trail_query.audit_trail(s, audits.get_audit(s, ref).id)
        other_rows = trail_query.audit_trail(s, audits.get_audit(s, other).id)
    subjects = {r.subject for r in rows}
    assert "response ORG-01" in subjects and "finding F-01" in subjects
    deleted = [r for r in rows if r.action == "delete" and r.entity == "finding"]
    assert deleted and deleted[0].reason == "raised twice"
    assert all(r.entity_id != "1" or r.entity != "finding" for r in other_rows)
