"""CAPA follow-up per finding: the auditee's plan, the auditor's assessment, extensions,
completion evidence, the effectiveness check and closure.

Each step is a :class:`CapaEvent` appended to the finding's history (never edited), so a rejected
plan and its revision both stay on record and in the audit trail. The follow-up's state is a
pure function of that history (capa_state.py); every recorded step brings the finding's
``status`` in line with it.

Follow-up happens after the report is issued: these steps are allowed on a signed, locked audit
(locking.py lets CAPA events and the finding's status through, nothing else), and they never
touch the signed report's stored bytes.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditapp.core.audits import clean_text
from auditapp.core.capa_state import PLAN_DUE, CapaState, CapaStatus, capa_status, events_of
from auditapp.core.findings import get_finding, number_label
from auditapp.core.models import Audit, CapaEvent, CapaEventKind, Classification, Evidence, Finding
from auditapp.errors import BadInput, Refused

ASSESSMENTS = ("accepted", "more_information", "rejected")
EFFECTIVENESS_RESULTS = ("effective", "not_effective")
MAX_TEXT = 20_000


def _text(value: str, label: str, *, single_line: bool = False, limit: int = MAX_TEXT) -> str:
    return clean_text(value or "", field=label, limit=limit, single_line=single_line).strip()


def _date(value: object, label: str) -> dt.date:
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise BadInput(f"{label} must be a date (YYYY-MM-DD)")
    if not dt.date(2000, 1, 1) <= value <= dt.date(2100, 12, 31):
        raise BadInput(f"{label} is out of range (2000-2100)")
    return value


def _record(session: Session, audit: Audit, finding: Finding, event: CapaEvent) -> CapaStatus:
    event.audit_id, event.finding_id = audit.id, finding.id
    event.recorded_by = str(session.info.get("actor") or "")
    event.recorded_at = dt.datetime.now(dt.UTC)
    session.add(event)
    session.flush()
    status = capa_status(finding, events_of(session, finding), dt.date.today())
    if finding.status != status.finding_status.value:
        finding.status = status.finding_status
        session.flush()
    return status


def _current(session: Session, audit: Audit, number: int) -> tuple[Finding, CapaStatus]:
    finding = get_finding(session, audit, number)
    return finding, capa_status(finding, events_of(session, finding), dt.date.today())


def _refuse(finding: Finding, status: CapaStatus, what: str) -> Refused:
    return Refused(
        f"{number_label(finding.number)} is {status.state.value.replace('_', ' ')}: cannot {what}"
    )


def response_event(
    finding: Finding,
    *,
    root_cause: str,
    corrective_action: str,
    target_date: dt.date | None,
    correction: str = "",
    preventive_action: str = "",
    owner: str = "",
    source: str = "",
) -> CapaEvent:
    """A checked, unsaved CAPA plan (the import's preview builds these without writing)."""
    label = number_label(finding.number)
    event = CapaEvent(
        kind=CapaEventKind.RESPONSE.value,
        source=_text(source, "source", single_line=True, limit=300),
        root_cause=_text(root_cause, f"{label} root cause"),
        correction=_text(correction, f"{label} correction"),
        corrective_action=_text(corrective_action, f"{label} corrective action"),
        preventive_action=_text(preventive_action, f"{label} preventive action"),
        owner=_text(owner, f"{label} owner", single_line=True, limit=200),
        target_date=None if target_date is None else _date(target_date, f"{label} target date"),
        decision="",
        reason="",
        approver="",
        evidence_numbers_json="[]",
        evidence_text="",
    )
    if not event.root_cause:
        raise BadInput(f"{label}: the CAPA plan needs a root cause")
    if not (event.corrective_action or event.correction):
        raise BadInput(f"{label}: the CAPA plan needs a correction or a corrective action")
    if event.target_date is None and finding.classification != Classification.RECOMMENDATION:
        raise BadInput(f"{label}: the CAPA plan needs a target date")
    return event


PLAN_FIELDS = (
    "root_cause",
    "correction",
    "corrective_action",
    "preventive_action",
    "owner",
    "target_date",
)


def same_plan(a: CapaEvent | None, b: CapaEvent) -> bool:
    return a is not None and all(getattr(a, f) == getattr(b, f) for f in PLAN_FIELDS)


def may_take_plan(status: CapaStatus) -> bool:
    return status.state in PLAN_DUE | {CapaState.RESPONSE_RECEIVED}


def respond(
    session: Session,
    audit: Audit,
    number: int,
    *,
    root_cause: str,
    corrective_action: str,
    target_date: dt.date | None,
    correction: str = "",
    preventive_action: str = "",
    owner: str = "",
    source: str = "",
) -> CapaStatus:
    """The auditee's CAPA plan (or a revised plan after a rejection or a request for more)."""
    finding, status = _current(session, audit, number)
    if not may_take_plan(status):
        raise _refuse(finding, status, "take a new CAPA plan")
    event = response_event(
        finding,
        root_cause=root_cause,
        corrective_action=corrective_action,
        target_date=target_date,
        correction=correction,
        preventive_action=preventive_action,
        owner=owner,
        source=source,
    )
    return _record(session, audit, finding, event)


def assess(
    session: Session, audit: Audit, number: int, *, decision: str, reason: str = ""
) -> CapaStatus:
    """The auditor's assessment of the latest plan: accepted, more_information or rejected."""
    finding, status = _current(session, audit, number)
    if decision not in ASSESSMENTS:
        raise BadInput(f"assessment must be one of {', '.join(ASSESSMENTS)}")
    if status.state != CapaState.RESPONSE_RECEIVED:
        raise _refuse(finding, status, "assess a CAPA plan (none is waiting)")
    reason = _text(reason, "reason")
    if decision != "accepted" and not reason:
        raise BadInput(
            f"say why the CAPA plan of {number_label(finding.number)} is "
            f"{decision.replace('_', ' ')} (--reason); the auditee needs to know"
        )
    return _record(
        session,
        audit,
        finding,
        CapaEvent(kind=CapaEventKind.ASSESSMENT.value, decision=decision, reason=reason),
    )


def extend(
    session: Session, audit: Audit, number: int, *, new_date: dt.date, reason: str, approver: str
) -> CapaStatus:
    """Move the deadline that is running now (response, implementation or effectiveness)."""
    finding, status = _current(session, audit, number)
    if status.state in (PLAN_DUE | {CapaState.RESPONSE_RECEIVED}):
        deadline, current = "response", status.response_due
    elif status.state == CapaState.ACCEPTED:
        deadline, current = "implementation", status.implementation_due
    elif status.state == CapaState.IMPLEMENTED:
        deadline, current = "effectiveness", status.effectiveness_due
    else:
        raise _refuse(finding, status, "extend a deadline (none is running)")
    new_date = _date(new_date, "new date")
    reason = _text(reason, "reason")
    approver = _text(approver, "approver", single_line=True, limit=200)
    if not reason or not approver:
        raise BadInput("an extension needs a reason and the name of whoever approved it")
    if current is not None and new_date <= current:
        raise BadInput(
            f"the new {deadline} date must be later than the current one ({current.isoformat()})"
        )
    return _record(
        session,
        audit,
        finding,
        CapaEvent(
            kind=CapaEventKind.EXTENSION.value,
            decision=deadline,
            target_date=new_date,
            reason=reason,
            approver=approver,
        ),
    )


def add_evidence(
    session: Session,
    audit: Audit,
    number: int,
    *,
    evidence: Sequence[int] = (),
    text: str = "",
    source: str = "",
) -> CapaStatus:
    """Completion evidence: evidence items of the audit (E-numbers) and/or a text reference."""
    finding, status = _current(session, audit, number)
    if status.state not in (CapaState.ACCEPTED, CapaState.IMPLEMENTED):
        raise _refuse(finding, status, "take completion evidence (the plan is not accepted)")
    known = set(
        session.scalars(
            select(Evidence.number).where(
                Evidence.audit_id == audit.id, Evidence.removed.is_(False)
            )
        )
    )
    unknown = [n for n in evidence if n not in known]
    if unknown:
        raise BadInput(f"{audit.reference} has no evidence item E-{unknown[0]:03d}")
    text = _text(text, "evidence reference")
    if not evidence and not text:
        raise BadInput("completion evidence needs evidence items or a text reference")
    return _record(
        session,
        audit,
        finding,
        CapaEvent(
            kind=CapaEventKind.EVIDENCE.value,
            evidence_numbers_json=json.dumps(sorted(set(evidence))),
            evidence_text=text,
            source=_text(source, "source", single_line=True, limit=300),
        ),
    )


def plan_effectiveness(
    session: Session, audit: Audit, number: int, *, planned: dt.date
) -> CapaStatus:
    finding, status = _current(session, audit, number)
    if status.state not in (CapaState.ACCEPTED, CapaState.IMPLEMENTED):
        raise _refuse(finding, status, "plan an effectiveness check")
    return _record(
        session,
        audit,
        finding,
        CapaEvent(
            kind=CapaEventKind.EFFECTIVENESS_PLAN.value,
            target_date=_date(planned, "effectiveness check date"),
        ),
    )


def verify_effectiveness(
    session: Session, audit: Audit, number: int, *, result: str, reason: str = ""
) -> CapaStatus:
    finding, status = _current(session, audit, number)
    if result not in EFFECTIVENESS_RESULTS:
        raise BadInput(f"effectiveness result must be one of {', '.join(EFFECTIVENESS_RESULTS)}")
    if status.state != CapaState.IMPLEMENTED:
        raise _refuse(finding, status, "check effectiveness (no completion evidence yet)")
    reason = _text(reason, "reason")
    if result == "not_effective" and not reason:
        raise BadInput("say why the CAPA was not effective (--reason)")
    return _record(
        session,
        audit,
        finding,
        CapaEvent(kind=CapaEventKind.EFFECTIVENESS.value, decision=result, reason=reason),
    )


def close(session: Session, audit: Audit, number: int, *, reason: str = "") -> CapaStatus:
    """Close the follow-up: after an effective check, or on completion evidence when no check
    was planned; a recommendation may be closed at any time with a reason."""
    finding, status = _current(session, audit, number)
    reason = _text(reason, "reason")
    allowed = status.state == CapaState.EFFECTIVE or (
        status.state == CapaState.IMPLEMENTED and status.effectiveness_due is None
    )
    if (
        not allowed
        and finding.classification == Classification.RECOMMENDATION
        and status.state != CapaState.CLOSED
        and reason
    ):
        allowed = True
    if not allowed:
        raise _refuse(
            finding,
            status,
            "close (needs an effective check, or completion evidence with no check planned)",
        )
    return _record(
        session, audit, finding, CapaEvent(kind=CapaEventKind.CLOSURE.value, reason=reason)
    )
