"""Where a finding's CAPA follow-up stands: the state derived from its events, and the reading."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditapp.core.findings import number_label
from auditapp.core.models import Audit, CapaEvent, CapaEventKind, Finding, FindingStatus, StrEnum


class CapaState(StrEnum):
    AWAITING_RESPONSE = "awaiting_response"
    RESPONSE_RECEIVED = "response_received"  # waiting for the auditor's assessment
    MORE_INFORMATION = "more_information"  # the auditor asked for more; a revised plan is due
    REJECTED = "rejected"  # a revised plan is due
    ACCEPTED = "accepted"  # being implemented by the target date
    IMPLEMENTED = "implemented"  # completion evidence received; effectiveness to be checked
    NOT_EFFECTIVE = "not_effective"  # a revised plan is due
    EFFECTIVE = "effective"  # ready to close
    CLOSED = "closed"


DEADLINES = ("response", "implementation", "effectiveness")
# States in which the auditee owes a (revised) plan.
PLAN_DUE = frozenset(
    {
        CapaState.AWAITING_RESPONSE,
        CapaState.MORE_INFORMATION,
        CapaState.REJECTED,
        CapaState.NOT_EFFECTIVE,
    }
)
FINDING_STATUS = {
    CapaState.AWAITING_RESPONSE: FindingStatus.OPEN,
    CapaState.MORE_INFORMATION: FindingStatus.OPEN,
    CapaState.REJECTED: FindingStatus.OPEN,
    CapaState.NOT_EFFECTIVE: FindingStatus.OPEN,
    CapaState.RESPONSE_RECEIVED: FindingStatus.RESPONSE_RECEIVED,
    CapaState.ACCEPTED: FindingStatus.CAPA_ACCEPTED,
    CapaState.IMPLEMENTED: FindingStatus.CAPA_ACCEPTED,
    CapaState.EFFECTIVE: FindingStatus.CAPA_ACCEPTED,
    CapaState.CLOSED: FindingStatus.CLOSED,
}


@dataclass(frozen=True)
class CapaStatus:
    """Where a finding's follow-up stands on a given day."""

    state: CapaState
    response_due: dt.date | None
    implementation_due: dt.date | None
    effectiveness_due: dt.date | None
    overdue: tuple[str, ...]  # names from DEADLINES
    responses: int  # plans received, revisions included
    latest_response: CapaEvent | None
    latest_decision: CapaEvent | None  # the latest assessment or effectiveness result
    closed_on: dt.date | None

    @property
    def finding_status(self) -> FindingStatus:
        return FINDING_STATUS[self.state]

    @property
    def is_overdue(self) -> bool:
        return bool(self.overdue)


def _ordered(events: Iterable[CapaEvent]) -> list[CapaEvent]:
    return sorted(events, key=lambda e: (e.recorded_at, e.id or 0))


def capa_status(finding: Finding, events: Sequence[CapaEvent], today: dt.date) -> CapaStatus:
    """The follow-up state and deadlines from the finding's events alone (no database)."""
    state = CapaState.AWAITING_RESPONSE
    response_due = finding.capa_due_date
    implementation_due = effectiveness_due = closed_on = None
    latest_response = latest_decision = None
    responses = 0
    for event in _ordered(events):
        kind = event.kind
        if kind == CapaEventKind.RESPONSE:
            state, latest_response = CapaState.RESPONSE_RECEIVED, event
            implementation_due, effectiveness_due = event.target_date, None
            responses += 1
        elif kind == CapaEventKind.ASSESSMENT:
            state, latest_decision = CapaState(event.decision), event
        elif kind == CapaEventKind.EXTENSION:
            if event.decision == "response":
                response_due = event.target_date
            elif event.decision == "implementation":
                implementation_due = event.target_date
            else:
                effectiveness_due = event.target_date
        elif kind == CapaEventKind.EVIDENCE:
            state = CapaState.IMPLEMENTED
        elif kind == CapaEventKind.EFFECTIVENESS_PLAN:
            effectiveness_due = event.target_date
        elif kind == CapaEventKind.EFFECTIVENESS:
            state, latest_decision = CapaState(event.decision), event
        elif kind == CapaEventKind.CLOSURE:
            state, closed_on = CapaState.CLOSED, event.recorded_at.date()
    overdue = []
    if state in PLAN_DUE and response_due is not None and today > response_due:
        overdue.append("response")
    if (
        state == CapaState.ACCEPTED
        and implementation_due is not None
        and today > implementation_due
    ):
        overdue.append("implementation")
    if (
        state == CapaState.IMPLEMENTED
        and effectiveness_due is not None
        and today > effectiveness_due
    ):
        overdue.append("effectiveness")
    return CapaStatus(
        state=state,
        response_due=response_due,
        implementation_due=implementation_due,
        effectiveness_due=effectiveness_due,
        overdue=tuple(overdue),
        responses=responses,
        latest_response=latest_response,
        latest_decision=latest_decision,
        closed_on=closed_on,
    )


def events_of(session: Session, finding: Finding) -> list[CapaEvent]:
    return _ordered(session.scalars(select(CapaEvent).where(CapaEvent.finding_id == finding.id)))


@dataclass(frozen=True)
class FollowUp:
    finding: Finding
    status: CapaStatus
    events: tuple[CapaEvent, ...]

    @property
    def label(self) -> str:
        return number_label(self.finding.number)


def follow_up(session: Session, audit: Audit, today: dt.date | None = None) -> list[FollowUp]:
    """Every finding of the audit in report order, with its CAPA status on ``today``."""
    today = today or dt.date.today()
    by_finding: dict[int, list[CapaEvent]] = {}
    for event in session.scalars(select(CapaEvent).where(CapaEvent.audit_id == audit.id)):
        by_finding.setdefault(event.finding_id, []).append(event)
    findings = session.scalars(
        select(Finding)
        .where(Finding.audit_id == audit.id)
        .order_by(Finding.position, Finding.number)
    )
    out = []
    for finding in findings:
        events = _ordered(by_finding.get(finding.id, []))
        out.append(FollowUp(finding, capa_status(finding, events, today), tuple(events)))
    return out


def open_findings(session: Session, audit: Audit) -> list[str]:
    """Labels of the findings whose follow-up is not closed (none: the audit can be closed)."""
    return [
        item.label for item in follow_up(session, audit) if item.status.state != CapaState.CLOSED
    ]


def evidence_numbers(event: CapaEvent) -> list[int]:
    return [int(n) for n in json.loads(event.evidence_numbers_json or "[]")]
