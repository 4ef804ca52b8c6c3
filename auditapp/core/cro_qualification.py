"""A CRO's qualification: its history of decisions, the current one, and recording a new one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditapp.core import cro_identity
from auditapp.core.audits import clean_text
from auditapp.core.models import Audit, Organisation
from auditapp.core.oversight_models import CroQualification, QualificationStatus
from auditapp.core.registers import parse_date
from auditapp.errors import BadInput, NotFound


@dataclass(frozen=True)
class Qualification:
    status: str
    effective_on: dt.date
    valid_until: dt.date | None
    audit: str  # reference of the audit that set it, "" for none
    conditions: str
    decided_by: str


def _qualification(session: Session, row: CroQualification) -> Qualification:
    audit = session.get(Audit, row.audit_id) if row.audit_id else None
    return Qualification(
        row.status,
        row.effective_on,
        row.valid_until,
        audit.reference if audit else "",
        row.conditions,
        row.decided_by,
    )


def qualification_history(session: Session, org: Organisation) -> list[Qualification]:
    rows = session.scalars(
        select(CroQualification)
        .where(CroQualification.organisation_id.in_(cro_identity.member_ids(session, org)))
        .order_by(CroQualification.effective_on.desc(), CroQualification.id.desc())
    )
    return [_qualification(session, r) for r in rows]


def current_qualification(
    session: Session, org: Organisation, today: dt.date | None = None
) -> Qualification | None:
    today = today or dt.date.today()
    for q in qualification_history(session, org):
        if q.effective_on <= today:
            return q
    return None


def qualify(
    session: Session,
    org: Organisation,
    *,
    status: str,
    audit_reference: str = "",
    effective_on: object = None,
    valid_until: object = None,
    conditions: str = "",
) -> Qualification:
    """Record a qualification decision (a new row; the trail records who and when)."""
    try:
        status = QualificationStatus(status).value
    except ValueError:
        raise BadInput(
            f"qualification status must be one of "
            f"{', '.join(s.value for s in QualificationStatus)}, not {status!r}"
        ) from None
    start = parse_date(effective_on, field="effective date") or dt.date.today()
    until = parse_date(valid_until, field="valid-until date")
    if until is not None and until <= start:
        raise BadInput("the valid-until date must be after the effective date")
    conditions = clean_text(conditions, field="conditions", limit=5000).strip()
    if status == QualificationStatus.CONDITIONAL and not conditions:
        raise BadInput("a conditional approval needs its conditions (--conditions TEXT)")
    audit = None
    if audit_reference:
        audit = session.scalar(select(Audit).where(Audit.reference == audit_reference.strip()))
        if audit is None:
            raise NotFound(f"no audit {audit_reference!r}")
        if audit.auditee_id not in cro_identity.member_ids(session, org):
            raise BadInput(f"audit {audit.reference} is not an audit of {org.legal_name}")
    row = CroQualification(
        organisation_id=org.id,
        status=status,
        effective_on=start,
        valid_until=until,
        audit_id=audit.id if audit else None,
        conditions=conditions,
        decided_by=str(session.info.get("actor", "")),
    )
    session.add(row)
    session.flush()
    return _qualification(session, row)
