"""The CRO register: three audits over two years, a repeat finding, the risk score and the
proposed next audit, qualification history, and the trail."""

from __future__ import annotations

import datetime as dt

import cro_history
import pytest
from cro_history import CRO, TODAY

from auditapp.core import checklists, cro_qualification, cro_register, cro_risk, kpi_records, trail
from auditapp.core.models import TrailEntry
from auditapp.core.trail_format import expand_all
from auditapp.errors import BadInput


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return cro_history.make_template(tmp_path_factory.mktemp("cro"))


@pytest.fixture
def history(template, tmp_path):
    database = cro_history.copy_of(template, tmp_path)
    yield database
    database.close()


def test_three_audits_give_repeat_risk_score_and_next_audit(history):
    with history.session() as s:
        summary = cro_register.summarise(s, cro_register.find_cro(s, "northwind"), today=TODAY)
    assert [a.reference for a in summary.audits] == ["AUD-2024-011", "AUD-2025-004", "AUD-2026-019"]
    assert summary.audits[0].grades["major"] == 1 and summary.audits[2].grades["minor"] == 1
    assert summary.repeat_findings == 1
    # Open CAPAs: everything not closed except the recommendation; two are past their due date.
    assert {(c.audit, c.finding) for c in summary.open_capas} == {
        ("AUD-2025-004", "F-01"),
        ("AUD-2025-004", "F-02"),
        ("AUD-2026-019", "F-01"),
        ("AUD-2026-019", "F-02"),
    }
    overdue = {(c.audit, c.finding): c.overdue_days for c in summary.overdue_capas}
    assert overdue == {
        ("AUD-2025-004", "F-01"): 489,
        ("AUD-2025-004", "F-02"): 459,
        ("AUD-2026-019", "F-01"): 11,
    }
    assert summary.qualification.status == "conditional"
    assert summary.qualification.audit == "AUD-2026-019"
    assert [q.status for q in summary.qualification_history] == ["conditional", "approved"]
    # 3 majors x4 + 3 minors x1 + 1 repeat x5 + 3 overdue x3 + 0.1 years x2 + conditional 5
    risk = summary.risk
    assert {c.key: c.points for c in risk.components} == {
        "major": 12,
        "minor": 3,
        "repeat": 5,
        "overdue_capa": 9,
        "per_year_since_audit": 0.2,
        "conditional": 5,
    }
    assert risk.score == 34.2 and risk.band == "high"
    assert risk.interval_months == 12
    assert risk.proposed_next_audit == dt.date(2027, 10, 15)
    assert not risk.audit_overdue
    assert summary.findings_by_area["Organisation"]["major"] == 3


def test_weights_are_a_setting_and_change_the_plan(history):
    with history.session() as s:
        cro_risk.set_weights(s, {"high_score": 50, "medium_interval_months": 18})
    with history.session() as s:
        risk = cro_register.summarise(s, cro_register.find_cro(s, CRO), today=TODAY).risk
    assert risk.band == "medium" and risk.proposed_next_audit == dt.date(2028, 4, 15)
    with history.session() as s, pytest.raises(BadInput, match="unknown risk weight"):
        cro_risk.set_weights(s, {"bogus": 1})


def test_a_cro_never_audited_is_due_now(db):
    from auditapp.core.models import Organisation

    with db.session() as s:
        s.add(Organisation(kind="cro", legal_name="Fresh CRO Ltd."))
    with db.session() as s:
        risk = cro_register.summarise(s, cro_register.find_cro(s, "Fresh"), today=TODAY).risk
    assert risk.proposed_next_audit == TODAY and risk.band == "high"


def test_qualification_refuses_bad_input_and_lands_in_the_trail(history):
    with history.session(actor="anna") as s:
        org = cro_register.find_cro(s, CRO)
        with pytest.raises(BadInput, match="needs its conditions"):
            cro_qualification.qualify(s, org, status="conditional")
        with pytest.raises(BadInput, match="status must be one of"):
            cro_qualification.qualify(s, org, status="maybe")
        cro_qualification.qualify(s, org, status="not_approved", effective_on="2026-11-30")
    with history.session() as s:
        entries = [
            line
            for line in expand_all(s.query(TrailEntry).filter_by(entity="cro_qualification"))
            if line.field == "status"
        ]
        assert [e.new_value for e in entries] == ["approved", "conditional", "not_approved"]
        assert entries[-1].user == "anna"
    with history.engine.connect() as connection:
        assert trail.verify(connection) == []


def test_kpi_breach_opens_an_escalation_and_a_second_raises_it(history):
    with history.session(actor="anna") as s:
        org = cro_register.find_cro(s, CRO)
        ok = kpi_records.record(
            s,
            org,
            kpi_id="tmf_completeness",
            period="2026-Q2",
            value=96,
            study="NW-301",
            today=TODAY,
        )
        warn = kpi_records.record(
            s,
            org,
            kpi_id="tmf_completeness",
            period="2026-Q3",
            value="92.5",
            study="NW-301",
            today=TODAY,
        )
        breach = kpi_records.record(
            s,
            org,
            kpi_id="tmf_completeness",
            period="2026-10",
            value=84,
            study="NW-301",
            today=TODAY,
        )
        again = kpi_records.record(
            s,
            org,
            kpi_id="tmf_completeness",
            period="2026-11",
            value=82,
            study="NW-301",
            today=TODAY,
        )
        with pytest.raises(BadInput, match="already recorded"):
            kpi_records.record(
                s, org, kpi_id="tmf_completeness", period="2026-11", value=99, study="NW-301"
            )
        with pytest.raises(BadInput, match=r"month .* or a quarter"):
            kpi_records.record(s, org, kpi_id="tmf_completeness", period="Nov", value=99)
    assert (ok.point.rating, warn.point.rating, breach.point.rating) == ("ok", "warning", "breach")
    assert ok.escalation is None and breach.escalation == 1
    assert again.escalation == 1 and again.raised
    with history.session() as s:
        [entry] = kpi_records.escalations(s, status="open")
        assert entry.level == 2 and entry.owner.startswith("Sponsor clinical operations")
        assert "84 % in 2026-10" in entry.issue and "NW-301" in entry.issue
        assert "raised to level 2" in entry.actions
        assert entry.due_on == TODAY + dt.timedelta(days=10)
        kpi_records.update_escalation(
            s,
            1,
            action="CRO added two TMF specialists",
            close="Completeness back at 95 % in December",
            closed_on="2026-12-20",
            today=TODAY,
        )
    with history.session() as s:
        entry = kpi_records.get_escalation(s, 1)
        assert entry.status == "closed" and entry.closed_on == dt.date(2026, 12, 20)
        assert "2026-12-01: CRO added two TMF specialists" in entry.actions
        with pytest.raises(BadInput, match="is closed"):
            kpi_records.update_escalation(s, 1, owner="Someone")
        fields = {e.field for e in expand_all(s.query(TrailEntry).filter_by(entity="escalation"))}
        assert {"level", "owner", "actions", "status", "closure"} <= fields
        values = [
            p.value
            for p in kpi_records.series(s, cro_register.find_cro(s, CRO), "tmf_completeness")
        ]
        assert values == [96, 92.5, 84, 82]


def test_a_planned_audit_is_not_the_last_one_and_a_lapsed_qualification_shows(history):
    from auditapp.core import audit_details, setup
    from auditapp.core.models import Audit

    with history.session(actor="anna") as s:
        checklist = next(c for c in checklists.library(s) if c.id == "mini-test")
        setup.create_from_details(
            s,
            audit_details.AuditDetails(
                reference="AUD-2027-002",
                audit_type="for_cause",
                auditee_name=CRO,
                title="For-cause audit of Northwind",
                checklist_id=checklist.id,
                planned_start=dt.date(2027, 2, 1),
                planned_end=dt.date(2027, 2, 3),
            ),
            checklist,
        )
        org = cro_register.find_cro(s, CRO)
        cro_qualification.qualify(
            s, org, status="approved", effective_on="2025-01-01", valid_until="2026-06-30"
        )
        assert s.query(Audit).count() == 4
    with history.session() as s:
        summary = cro_register.summarise(s, cro_register.find_cro(s, CRO), today=TODAY)
    assert summary.risk.last_audit == dt.date(2026, 10, 15)  # not the planned one
    assert summary.planned_audit.reference == "AUD-2027-002"
    assert summary.planned_audit.date == dt.date(2027, 2, 3)
    # The newest decision in force is still the conditional one of October 2026.
    assert summary.qualification.status == "conditional" and not summary.qualification_lapsed
    with history.session(actor="anna") as s:
        cro_qualification.qualify(
            s,
            cro_register.find_cro(s, CRO),
            status="approved",
            effective_on="2026-11-01",
            valid_until="2026-11-30",
        )
    with history.session() as s:
        summary = cro_register.summarise(s, cro_register.find_cro(s, CRO), today=TODAY)
    assert summary.qualification.status == "approved" and summary.qualification_lapsed


def test_an_issue_escalated_by_hand_follows_the_path(history):
    with history.session(actor="anna") as s:
        org = cro_register.find_cro(s, CRO)
        with pytest.raises(BadInput, match="describe the issue"):
            kpi_records.open_escalation(s, org, issue="  ")
        with pytest.raises(BadInput, match="not on the escalation path"):
            kpi_records.open_escalation(s, org, issue="x", level=7)
        entry = kpi_records.open_escalation(
            s, org, issue="CRA turnover above 30 %", level=3, today=TODAY
        )
        assert (entry.number, entry.level, entry.due_on) == (1, 3, dt.date(2026, 12, 21))
        assert entry.owner.startswith("Joint oversight committee")
    with history.session() as s:
        summary = cro_register.summarise(s, cro_register.find_cro(s, CRO), today=TODAY)
    assert summary.open_escalations == 1


def test_open_capas_follow_the_capa_follow_up_extensions_included(history):
    """The register's due date is the deadline running now: an approved extension lifts the
    overdue flag, which the CAPA due date alone (before the follow-up was wired in) kept."""
    from auditapp.core import audits, capa

    with history.session(actor="anna") as s:
        summary = cro_register.summarise(s, cro_register.find_cro(s, CRO), today=TODAY)
        late = summary.overdue_capas[0]
        number = int(late.finding.removeprefix("F-"))
        later = TODAY + dt.timedelta(days=30)
        capa.extend(
            s,
            audits.get_audit(s, late.audit),
            number,
            new_date=later,
            reason="Archive move delayed the root cause analysis",
            approver="Sponsor QA",
        )
    with history.session() as s:
        after = cro_register.summarise(s, cro_register.find_cro(s, CRO), today=TODAY)
    row = next(c for c in after.open_capas if (c.audit, c.finding) == (late.audit, late.finding))
    assert (row.due, row.overdue_days) == (later, 0)
    assert len(after.overdue_capas) == len(summary.overdue_capas) - 1
    assert row.status == "awaiting_response"
