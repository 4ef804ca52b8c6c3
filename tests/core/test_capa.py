"""CAPA follow-up: the state derived from a finding's history, and the steps recorded by the core."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from auditapp.core import audits, capa, capa_state
from auditapp.core.capa_state import CapaState
from auditapp.core.models import CapaEvent, Finding, TrailEntry
from auditapp.core.trail_format import expand_all
from auditapp.errors import BadInput, Refused

DAY = dt.timedelta(days=1)
T0 = dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC)


def _event(n: int, kind: str, **fields) -> CapaEvent:
    fields.setdefault("decision", "")
    return CapaEvent(id=n, kind=kind, recorded_at=T0 + n * DAY, **fields)


def test_state_and_overdue_flags_follow_the_history() -> None:
    finding = Finding(
        number=1, title="x", classification="major", capa_due_date=dt.date(2026, 3, 10)
    )
    today = dt.date(2026, 3, 5)
    assert capa_state.capa_status(finding, [], today).state == CapaState.AWAITING_RESPONSE
    assert capa_state.capa_status(finding, [], dt.date(2026, 3, 11)).overdue == ("response",)
    events = [_event(1, "response", target_date=dt.date(2026, 4, 1))]
    status = capa_state.capa_status(finding, events, dt.date(2026, 5, 1))
    assert status.state == CapaState.RESPONSE_RECEIVED and status.overdue == ()
    events.append(_event(2, "assessment", decision="rejected"))
    status = capa_state.capa_status(finding, events, dt.date(2026, 3, 11))
    assert status.state == CapaState.REJECTED and status.overdue == ("response",)
    events.append(_event(3, "extension", decision="response", target_date=dt.date(2026, 3, 20)))
    assert capa_state.capa_status(finding, events, dt.date(2026, 3, 11)).overdue == ()
    events += [
        _event(4, "response", target_date=dt.date(2026, 4, 1)),
        _event(5, "assessment", decision="accepted"),
    ]
    status = capa_state.capa_status(finding, events, dt.date(2026, 4, 2))
    assert status.state == CapaState.ACCEPTED and status.overdue == ("implementation",)
    assert status.responses == 2 and status.finding_status.value == "capa_accepted"
    events += [
        _event(6, "evidence"),
        _event(7, "effectiveness_plan", target_date=dt.date(2026, 6, 1)),
    ]
    status = capa_state.capa_status(finding, events, dt.date(2026, 6, 2))
    assert status.state == CapaState.IMPLEMENTED and status.overdue == ("effectiveness",)
    events += [_event(8, "effectiveness", decision="effective"), _event(9, "closure")]
    status = capa_state.capa_status(finding, events, dt.date(2027, 1, 1))
    assert status.state == CapaState.CLOSED and status.overdue == ()
    assert status.closed_on == (T0 + 9 * DAY).date()
    assert status.finding_status.value == "closed"


def _first(db) -> tuple[str, int]:
    with db.session() as s:
        ref = audits.summaries(s)[0].reference
        audit = audits.get_audit(s, ref)
        return ref, audit.findings[0].number


def test_steps_are_checked_recorded_in_the_trail_and_set_the_finding_status(demo_db) -> None:
    ref, number = _first(demo_db)
    later = dt.date.today() + 30 * DAY
    with demo_db.session(actor="demo.lead") as s:
        audit = audits.get_audit(s, ref)
        with pytest.raises(Refused):
            capa.assess(s, audit, number, decision="accepted")  # nothing to assess yet
        with pytest.raises(BadInput):
            capa.respond(s, audit, number, root_cause="", corrective_action="x", target_date=later)
    with demo_db.session(actor="demo.lead") as s:
        audit = audits.get_audit(s, ref)
        status = capa.respond(
            s,
            audit,
            number,
            root_cause="No SOP",
            corrective_action="Write SOP",
            target_date=later,
            owner="QA head",
        )
        assert status.state == CapaState.RESPONSE_RECEIVED
        with pytest.raises(BadInput):
            capa.assess(s, audit, number, decision="rejected")  # a rejection needs a reason
        capa.assess(s, audit, number, decision="rejected", reason="Root cause too shallow")
        with pytest.raises(BadInput):
            capa.extend(s, audit, number, new_date=later, reason="holiday", approver="")
    with demo_db.session() as s:
        audit = audits.get_audit(s, ref)
        finding = s.scalar(
            select(Finding).where(Finding.audit_id == audit.id, Finding.number == number)
        )
        assert finding.status == "open"
        kinds = [e.kind for e in capa_state.events_of(s, finding)]
        assert kinds == ["response", "assessment"]
        trail = expand_all(
            s.scalars(select(TrailEntry).where(TrailEntry.entity == "capa_event")).all()
        )
        assert {t.user for t in trail} == {"demo.lead"}
        assert any(t.field == "reason" and t.new_value == "Root cause too shallow" for t in trail)


def test_a_locked_audit_takes_follow_up_steps_and_nothing_else(demo_db) -> None:
    from auditapp.core import findings, locking

    ref, number = _first(demo_db)
    with demo_db.session(actor="demo.lead") as s:
        audit = audits.get_audit(s, ref)
        with locking.override(s, "sign"):
            audit.locked = True
    with demo_db.session(actor="demo.lead") as s:
        audit = audits.get_audit(s, ref)
        status = capa.respond(
            s,
            audit,
            number,
            root_cause="No SOP",
            corrective_action="SOP",
            target_date=dt.date.today() + 10 * DAY,
        )
        assert status.finding_status.value == "response_received"
    with demo_db.session(actor="demo.lead") as s:
        finding = findings.get_finding(s, audits.get_audit(s, ref), number)
        assert finding.status == "response_received"
        finding.status, finding.title = "closed", "A quieter title"
        with pytest.raises(Refused):  # status alone may change; with the title it may not
            s.flush()
        s.rollback()
    with demo_db.session(actor="demo.lead") as s:
        event = s.scalars(select(CapaEvent)).first()
        event.reason = "edited afterwards"
        with pytest.raises(Refused):  # follow-up rows are appended, never edited
            s.flush()
        s.rollback()


def test_form_dates_are_read_in_the_forms_both_languages_and_as_excel_dates() -> None:
    from auditapp.core.capa_import import parse_date

    day = dt.date(2027, 1, 10)
    for value in (
        "2027-01-10",
        "10.01.2027",
        "10 Jan 2027",
        "10 January 2027",
        dt.datetime(2027, 1, 10),
        day,
    ):
        assert parse_date(value, where="row 2") == day
    assert parse_date("", where="row 2") is None
    with pytest.raises(BadInput, match="row 2"):
        parse_date("next week", where="row 2")


def test_deleting_a_finding_deletes_its_follow_up_on_the_record(demo_db) -> None:
    from auditapp.core import findings, trail

    ref, number = _first(demo_db)
    with demo_db.session(actor="demo.lead") as s:
        audit = audits.get_audit(s, ref)
        capa.respond(
            s,
            audit,
            number,
            root_cause="No SOP",
            corrective_action="SOP",
            target_date=dt.date.today() + 10 * DAY,
        )
    with demo_db.session(actor="demo.lead") as s:
        findings.delete_finding(s, audits.get_audit(s, ref), number, reason="raised twice")
    with demo_db.engine.connect() as connection:
        assert trail.verify(connection) == []
